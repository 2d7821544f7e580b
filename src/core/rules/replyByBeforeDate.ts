import type { RuleDefinition } from './rule';

export const replyByBeforeDate: RuleDefinition = {
  code: 'reply-by-before-date',
  severity: 'error',
  description: 'The reply deadline is on or before the date of the letter.',
  check(letter, report) {
    const { date, replyBy } = letter;
    if (!date?.iso || !replyBy?.iso || replyBy.iso > date.iso) return;
    report({
      message: `The reply deadline (${replyBy.iso}) is ${replyBy.iso === date.iso ? 'the same day as' : 'before'} the letter's date (${date.iso})`,
      range: replyBy.range,
      related: [{ range: date.range, message: `The letter is dated ${date.iso}` }],
    });
  },
};
