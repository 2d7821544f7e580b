import { saidAt, templates } from '../messages';
import { letterAnchor, type RuleDefinition } from './rule';

export const addresseeMissing: RuleDefinition = {
  code: 'addressee-missing',
  severity: 'error',
  description: 'The letter names no addressee (a `To:` field or `to` in the front matter).',
  descriptionJa: 'レターに宛先 (`To:` フィールド、またはフロントマターの `to`) がありません。',
  check(letter, report) {
    if (letter.addressees.length === 0) {
      report(saidAt(letterAnchor(letter), templates.addresseeMissing));
    }
  },
};
