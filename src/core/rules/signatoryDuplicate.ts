import type { Signatory } from '../model';
import { saidAt, templates } from '../messages';
import { foldKey, type Problem, type RuleDefinition } from './rule';

export const signatoryDuplicate: RuleDefinition = {
  code: 'signatory-duplicate',
  severity: 'warning',
  description: 'The same signatory (name and organization; signed by organizations: the organization) is listed twice.',
  check(letter, report) {
    const byOrganizations = letter.signedBy === 'organizations';
    const first = new Map<string, Signatory>();
    for (const s of letter.signatories) {
      const key = byOrganizations ? foldKey(s.organization) : `${foldKey(s.name)}\u0000${foldKey(s.organization)}`;
      if (key === '' || key === '\u0000') continue;
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, s);
        continue;
      }
      const problem: Problem = saidAt(s.textRange, byOrganizations ? templates.signatoryDuplicateOrganization : templates.signatoryDuplicate, s.index, earlier.index);
      problem.related = [saidAt(earlier.textRange, templates.signatoryFirst, earlier.index)];
      report(problem);
    }
  },
};
