import { quoted, type RuleDefinition } from './rule';

export const signatoriesEmpty: RuleDefinition = {
  code: 'signatories-empty',
  severity: 'error',
  description: 'A signatories section lists no signatories.',
  check(letter, report) {
    for (const section of letter.sections) {
      if (section.kind === 'signatories' && section.entryCount === 0) {
        report({ message: `The ${quoted(section.heading)} section lists no signatories: add one list item per signatory`, range: section.headingRange });
      }
    }
  },
};
