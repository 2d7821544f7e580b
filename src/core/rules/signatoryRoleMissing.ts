import type { RuleDefinition } from './rule';

export const signatoryRoleMissing: RuleDefinition = {
  code: 'signatory-role-missing',
  severity: 'error',
  description: 'A signatory entry has no role.',
  check(letter, report, { requiredSignatoryFields }) {
    if (letter.signedBy === 'organizations' || !requiredSignatoryFields.includes('role')) return;
    for (const s of letter.signatories) {
      if (!s.role && (s.name || !requiredSignatoryFields.includes('name'))) report({ message: `Signatory ${s.index}${s.name ? ` (${s.name})` : ''} has no role`, range: s.textRange });
    }
  },
};
