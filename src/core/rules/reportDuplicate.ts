import type { CitedReport } from '../model';
import { foldKey, type RuleDefinition } from './rule';

export const reportDuplicate: RuleDefinition = {
  code: 'report-duplicate',
  severity: 'warning',
  description: 'The same report (title and year) is cited twice.',
  check(letter, report) {
    const first = new Map<string, CitedReport>();
    for (const r of letter.reports) {
      if (!r.title) continue;
      const key = `${foldKey(r.title)}\u0000${r.year ?? ''}`;
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, r);
        continue;
      }
      report({
        message: `Cited report ${r.index} repeats cited report ${earlier.index} (same title and year)`,
        range: r.textRange,
        related: [{ range: earlier.textRange, message: `Cited report ${earlier.index} is the first` }],
      });
    }
  },
};
