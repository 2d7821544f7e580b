import type { RuleDefinition } from './rule';

export const reportYearMissing: RuleDefinition = {
  code: 'report-year-missing',
  severity: 'error',
  description: 'A cited report has no year.',
  check(letter, report) {
    for (const r of letter.reports) {
      if (r.year === null && r.title) {
        report({ message: `Cited report ${r.index} has no year${r.undated ? ' (it says n.d.)' : ''}`, range: r.textRange });
      }
    }
  },
};
