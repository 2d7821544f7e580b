import { parseDate } from '../dates';
import type { Range } from '../model';
import { quoted, type RuleDefinition } from './rule';

const HINT = 'write it like May 7, 2013, 7 May 2013, 2013-05-07 or 2013年5月7日';

export const dateInvalid: RuleDefinition = {
  code: 'date-invalid',
  severity: 'error',
  description: 'A date, reply deadline or front matter date is not a date the format reads.',
  check(letter, report) {
    const seen = new Set<string>();
    const at = (range: Range) => `${range.start.line}:${range.start.character}`;
    const check = (what: string, raw: string, iso: string | null, range: Range) => {
      if (iso !== null || seen.has(at(range))) return;
      seen.add(at(range));
      report({ message: `${what} ${quoted(raw)} is not a date: ${HINT}`, range });
    };
    if (letter.date) check("The letter's date", letter.date.raw, letter.date.iso, letter.date.range);
    if (letter.replyBy) check('The reply deadline', letter.replyBy.raw, letter.replyBy.iso, letter.replyBy.range);
    // Date lines the front matter overrides, or repeated ones, are still in the letter's text.
    for (const field of letter.fields) {
      if ((field.kind === 'date' || field.kind === 'replyBy') && field.valueRange) {
        check(field.kind === 'date' ? "The letter's date" : 'The reply deadline', field.value, parseDate(field.value), field.valueRange);
      }
    }
  },
};
