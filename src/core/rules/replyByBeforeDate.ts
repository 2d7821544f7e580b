import { saidAt, templates } from '../messages';
import type { Problem, RuleDefinition } from './rule';

export const replyByBeforeDate: RuleDefinition = {
  code: 'reply-by-before-date',
  severity: 'error',
  description: 'The reply deadline is on or before the date of the letter.',
  descriptionJa: '回答期限がレターの日付と同じか、それより前です。',
  check(letter, report) {
    const { date, replyBy } = letter;
    if (!date?.iso || !replyBy?.iso || replyBy.iso > date.iso) return;
    const problem: Problem = saidAt(replyBy.range, replyBy.iso === date.iso ? templates.replyBySameDay : templates.replyByBeforeDate, replyBy.iso, date.iso);
    problem.related = [saidAt(date.range, templates.letterDated, date.iso)];
    report(problem);
  },
};
