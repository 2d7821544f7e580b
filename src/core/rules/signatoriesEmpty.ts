import { saidAt, shortened, templates } from '../messages';
import type { RuleDefinition } from './rule';

export const signatoriesEmpty: RuleDefinition = {
  code: 'signatories-empty',
  severity: 'error',
  description: 'A signatories section lists no signatories.',
  descriptionJa: '署名者のセクションに署名者が 1 人もいません。',
  check(letter, report) {
    for (const section of letter.sections) {
      if (section.kind === 'signatories' && section.entryCount === 0) {
        report(saidAt(section.headingRange, templates.signatoriesEmpty, shortened(section.heading)));
      }
    }
  },
};
