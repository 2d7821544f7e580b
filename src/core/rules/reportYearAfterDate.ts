import { saidAt, templates } from '../messages';
import type { Problem, RuleDefinition } from './rule';

export const reportYearAfterDate: RuleDefinition = {
  code: 'report-year-after-date',
  severity: 'warning',
  description: 'A cited report is dated after the letter.',
  descriptionJa: '引用報告書の日付がレターの日付より後です。',
  check(letter, report) {
    const letterDate = letter.date?.iso;
    if (!letterDate) return;
    for (const r of letter.reports) {
      // Compared as precisely as the citation is dated: `2013` is not after 2013-05-07, `2013-06` is.
      if (r.dateIso !== null && r.dateIso > letterDate.slice(0, r.dateIso.length) && r.yearRange) {
        const problem: Problem = saidAt(r.yearRange, templates.reportYearAfterDate, r.index, String(r.yearText ?? r.year), letterDate);
        problem.related = [saidAt(letter.date!.range, templates.letterDated, letter.date!.iso!)];
        report(problem);
      }
    }
  },
};
