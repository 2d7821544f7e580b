import { saidAt, templates } from '../messages';
import { letterAnchor, type RuleDefinition } from './rule';

export const dateMissing: RuleDefinition = {
  code: 'date-missing',
  severity: 'error',
  description: 'The letter has no date (a `Date:` field or `date` in the front matter).',
  descriptionJa: 'レターに日付 (`Date:` フィールド、またはフロントマターの `date`) がありません。',
  check(letter, report) {
    if (!letter.date) {
      report(saidAt(letterAnchor(letter), templates.dateMissing));
    }
  },
};
