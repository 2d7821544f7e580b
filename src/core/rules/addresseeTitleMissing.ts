import { quoted, type RuleDefinition } from './rule';

export const addresseeTitleMissing: RuleDefinition = {
  code: 'addressee-title-missing',
  severity: 'warning',
  description: 'An addressee is named without a title or position.',
  check(letter, report) {
    for (const addressee of letter.addressees) {
      if (addressee.titles.length === 0) {
        report({ message: `Addressee ${quoted(addressee.name)} has no title or position`, range: addressee.range });
      }
    }
  },
};
