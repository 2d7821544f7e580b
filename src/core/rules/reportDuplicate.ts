import type { CitedReport } from '../model';
import { saidAt, templates } from '../messages';
import { foldKey, type Problem, type RuleDefinition } from './rule';

export const reportDuplicate: RuleDefinition = {
  code: 'report-duplicate',
  severity: 'warning',
  description: 'The same report (title and year) is cited twice.',
  descriptionJa: '同じ報告書 (題名と発行年) が 2 回引用されています。',
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
      const problem: Problem = saidAt(r.textRange, templates.reportDuplicate, r.index, earlier.index);
      problem.related = [saidAt(earlier.textRange, templates.reportFirst, earlier.index)];
      report(problem);
    }
  },
};
