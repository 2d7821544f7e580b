import { saidAt, templates } from '../messages';
import { letterAnchor, type RuleDefinition } from './rule';

export const titleMissing: RuleDefinition = {
  code: 'title-missing',
  severity: 'warning',
  description: 'The letter has no title (a level-1 heading or `title` in the front matter).',
  descriptionJa: 'レターに表題 (レベル 1 の見出し、またはフロントマターの `title`) がありません。',
  check(letter, report) {
    if (!letter.title || letter.title.text === '') {
      report(saidAt(letterAnchor(letter), templates.titleMissing));
    }
  },
};
