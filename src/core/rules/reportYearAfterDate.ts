import type { RuleDefinition } from './rule';

export const reportYearAfterDate: RuleDefinition = {
  code: 'report-year-after-date',
  severity: 'warning',
  description: 'A cited report is dated after the letter.',
  check(letter, report) {
    const letterYear = letter.date?.iso ? Number(letter.date.iso.slice(0, 4)) : null;
    if (letterYear === null) return;
    for (const r of letter.reports) {
      if (r.year !== null && r.year > letterYear && r.yearRange) {
        report({
          message: `Cited report ${r.index} is dated ${r.year}, after the letter's date (${letter.date!.iso})`,
          range: r.yearRange,
          related: [{ range: letter.date!.range, message: `The letter is dated ${letter.date!.iso}` }],
        });
      }
    }
  },
};
