import { saidAt, templates } from '../messages';
import type { RuleDefinition } from './rule';

export const signatoryPartsUnseparated: RuleDefinition = {
  code: 'signatory-parts-unseparated',
  severity: 'information',
  description: 'Signatory entries run name, role and organization together with no comma between them.',
  descriptionJa: '署名者の項目で、氏名・役職・団体名がコンマなしで続いています。',
  check(letter, report) {
    if (letter.signedBy === 'organizations') return;
    // Once for the letter: a list written without commas is written so throughout, and a problem
    // per entry would bury the letter's other problems.
    const unseparated = letter.signatories.filter((s) => s.unseparated);
    if (unseparated.length === 0) return;
    const first = unseparated[0];
    report(
      unseparated.length === 1
        ? saidAt(first.textRange, templates.signatoryPartsUnseparated, first.index)
        : saidAt(first.textRange, templates.signatoryPartsUnseparatedMany, first.index, unseparated.length - 1),
    );
  },
};
