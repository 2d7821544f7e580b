import type { RuleDefinition } from './rule';

export const signatoryOrganizationMissing: RuleDefinition = {
  code: 'signatory-organization-missing',
  severity: 'error',
  description: 'A signatory entry has no organization.',
  check(letter, report, { requiredSignatoryFields }) {
    const byOrganizations = letter.signedBy === 'organizations';
    if (!byOrganizations && !requiredSignatoryFields.includes('organization')) return;
    for (const s of letter.signatories) {
      if (s.organization) continue;
      if (byOrganizations) report({ message: `Signatory ${s.index} names no organization`, range: s.textRange });
      else if (s.name || !requiredSignatoryFields.includes('name')) report({ message: `Signatory ${s.index}${s.name ? ` (${s.name})` : ''} has no organization`, range: s.textRange });
    }
  },
};
