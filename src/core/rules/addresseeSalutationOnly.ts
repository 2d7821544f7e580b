import { saidAt, shortened, templates } from '../messages';
import type { RuleDefinition } from './rule';

export const addresseeSalutationOnly: RuleDefinition = {
  code: 'addressee-salutation-only',
  severity: 'hint',
  description: 'The letter names its addressee only in the salutation (`Dear Apple,`), with no `To:` line.',
  descriptionJa: 'レターの宛先が挨拶 (`Dear Apple,`) の中にしかなく、`To:` 行がありません。',
  check(letter, report) {
    for (const addressee of letter.addressees) {
      if (addressee.source === 'salutation') {
        report(saidAt(addressee.range, templates.addresseeSalutationOnly, shortened(addressee.name)));
      }
    }
  },
};
