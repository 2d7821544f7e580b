import type { RuleDefinition } from './rule';

export const reportPublisherMissing: RuleDefinition = {
  code: 'report-publisher-missing',
  severity: 'error',
  description: 'A cited report has no publisher or author.',
  check(letter, report) {
    for (const r of letter.reports) {
      if (!r.publisher && r.title) report({ message: `Cited report ${r.index} has no publisher or author`, range: r.textRange });
    }
  },
};
