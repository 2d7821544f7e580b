import { saidAt, shortened, templates } from '../messages';
import type { RuleDefinition } from './rule';

export const addresseeSalutationOnly: RuleDefinition = {
  code: 'addressee-salutation-only',
  severity: 'hint',
  description: 'The letter names its addressee only in the salutation (`Dear Apple,`), with no `To:` line.',
  check(letter, report) {
    for (const addressee of letter.addressees) {
      if (addressee.source === 'salutation') {
        report(saidAt(addressee.range, templates.addresseeSalutationOnly, shortened(addressee.name)));
      }
    }
  },
};
