import { compareDates } from '../dates';
import { saidAt, templates } from '../messages';
import type { Problem, RuleDefinition } from './rule';

export const replyByBeforeDate: RuleDefinition = {
  code: 'reply-by-before-date',
  severity: 'error',
  description: 'The reply deadline is on or before the date of the letter.',
  descriptionJa: '回答期限がレターの日付と同じか、それより前です。',
  check(letter, report) {
    const { date, replyBy } = letter;
    if (!date?.iso || !replyBy?.iso) return;
    // Compared as precisely as the less precise is written: a deadline in the letter's own month may be after it.
    const order = compareDates(replyBy.iso, date.iso);
    const sameDay = order === 0 && replyBy.iso.length === date.iso.length && replyBy.iso.length >= 10;
    if (order > 0 || (order === 0 && !sameDay)) return;
    const template = sameDay ? templates.replyBySameDay : templates.replyByBeforeDate;
    const problem: Problem = saidAt(replyBy.range, template, replyBy.iso, date.iso);
    problem.related = [saidAt(date.range, templates.letterDated, date.iso)];
    report(problem);
  },
};
