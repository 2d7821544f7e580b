import { letterAnchor, type RuleDefinition } from './rule';

export const addresseeMissing: RuleDefinition = {
  code: 'addressee-missing',
  severity: 'error',
  description: 'The letter names no addressee (a `To:` field or `to` in the front matter).',
  check(letter, report) {
    if (letter.addressees.length === 0) {
      report({ message: 'The letter has no addressee: add a `To:` line naming the person or body it is for', range: letterAnchor(letter) });
    }
  },
};
