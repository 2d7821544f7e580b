import { saidAt, shortened, templates } from '../messages';
import type { RuleDefinition } from './rule';

export const addresseeTitleMissing: RuleDefinition = {
  code: 'addressee-title-missing',
  severity: 'warning',
  description: 'An addressee is named without a title or position.',
  descriptionJa: '宛先に肩書きや役職がありません。',
  check(letter, report) {
    for (const addressee of letter.addressees) {
      if (addressee.titles.length === 0) {
        report(saidAt(addressee.range, templates.addresseeTitleMissing, shortened(addressee.name)));
      }
    }
  },
};
