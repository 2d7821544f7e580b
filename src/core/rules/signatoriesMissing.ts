import { saidAt, templates } from '../messages';
import { letterAnchor, type RuleDefinition } from './rule';

export const signatoriesMissing: RuleDefinition = {
  code: 'signatories-missing',
  severity: 'error',
  description: 'The letter has no signatories section.',
  descriptionJa: 'レターに署名者のセクションがありません。',
  check(letter, report) {
    if (!letter.sections.some((s) => s.kind === 'signatories')) {
      report(saidAt(letterAnchor(letter), templates.signatoriesMissing));
    }
  },
};
