import { quoted, type RuleDefinition } from './rule';

export const dateInvalid: RuleDefinition = {
  code: 'date-invalid',
  severity: 'error',
  description: 'A date, reply deadline or front matter date is not a date the format reads.',
  check(letter, report) {
    const hint = 'write it like May 7, 2013, 7 May 2013, 2013-05-07 or 2013年5月7日';
    if (letter.date && letter.date.iso === null) {
      report({ message: `The letter's date ${quoted(letter.date.raw)} is not a date: ${hint}`, range: letter.date.range });
    }
    if (letter.replyBy && letter.replyBy.iso === null) {
      report({ message: `The reply deadline ${quoted(letter.replyBy.raw)} is not a date: ${hint}`, range: letter.replyBy.range });
    }
  },
};
