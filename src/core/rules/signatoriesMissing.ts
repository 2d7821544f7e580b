import { letterAnchor, type RuleDefinition } from './rule';

export const signatoriesMissing: RuleDefinition = {
  code: 'signatories-missing',
  severity: 'error',
  description: 'The letter has no signatories section.',
  check(letter, report) {
    if (!letter.sections.some((s) => s.kind === 'signatories')) {
      report({ message: 'The letter has no signatories: add a `## Signatories` section with one list item per signatory', range: letterAnchor(letter) });
    }
  },
};
