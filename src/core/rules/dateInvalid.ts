import { parseDate } from '../dates';
import type { Range } from '../model';
import { saidAt, shortened, templates, type Template } from '../messages';
import type { RuleDefinition } from './rule';

export const dateInvalid: RuleDefinition = {
  code: 'date-invalid',
  severity: 'error',
  description: 'A date, reply deadline or front matter date is not a date the format reads.',
  descriptionJa: '日付、回答期限、またはフロントマターの日付が、フォーマットで読める日付ではありません。',
  check(letter, report) {
    const seen = new Set<string>();
    const at = (range: Range) => `${range.start.line}:${range.start.character}`;
    const check = (what: Template, raw: string, iso: string | null, range: Range) => {
      if (iso !== null || seen.has(at(range))) return;
      seen.add(at(range));
      report(saidAt(range, what, shortened(raw)));
    };
    if (letter.date) check(templates.dateInvalid, letter.date.raw, letter.date.iso, letter.date.range);
    if (letter.replyBy) check(templates.replyByInvalid, letter.replyBy.raw, letter.replyBy.iso, letter.replyBy.range);
    // Date lines the front matter overrides, or repeated ones, are still in the letter's text.
    for (const field of letter.fields) {
      if ((field.kind === 'date' || field.kind === 'replyBy') && field.valueRange) {
        check(
          field.kind === 'date' ? templates.dateInvalid : templates.replyByInvalid,
          field.value,
          parseDate(field.value),
          field.valueRange,
        );
      }
    }
  },
};
