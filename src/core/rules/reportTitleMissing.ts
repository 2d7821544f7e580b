import type { RuleDefinition } from './rule';

export const reportTitleMissing: RuleDefinition = {
  code: 'report-title-missing',
  severity: 'error',
  description: 'A cited report has no title.',
  check(letter, report) {
    for (const r of letter.reports) {
      if (!r.title) report({ message: `Cited report ${r.index} has no title`, range: r.textRange });
    }
  },
};
