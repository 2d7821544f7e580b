import { message, saidAt, shortened, templates } from '../messages';
import type { RuleDefinition } from './rule';

export const reportsMissing: RuleDefinition = {
  code: 'reports-missing',
  severity: 'information',
  description: 'The body speaks of reports or documents listed below, but the letter has no cited reports section.',
  descriptionJa: '本文で下記の報告書や資料に言及していますが、レターに引用報告書のセクションがありません。',
  check(letter, report) {
    if (letter.sections.some((s) => s.kind === 'reports')) return;
    const mention = letter.reportsMentions[0];
    if (!mention) return;
    const { start, end } = mention;
    const words =
      start.line === end.line
        ? shortened(letter.lines[start.line].slice(start.character, end.character).replace(/\s+/g, ' '))
        : message(templates.documentsListedBelow);
    report(saidAt(mention, templates.reportsMissing, words));
  },
};
