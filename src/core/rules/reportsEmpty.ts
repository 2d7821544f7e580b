import { quoted, type RuleDefinition } from './rule';

export const reportsEmpty: RuleDefinition = {
  code: 'reports-empty',
  severity: 'error',
  description: 'A cited reports section lists no reports.',
  check(letter, report) {
    for (const section of letter.sections) {
      if (section.kind === 'reports' && section.entryCount === 0) {
        report({ message: `The ${quoted(section.heading)} section lists no reports: add one list item per report`, range: section.headingRange });
      }
    }
  },
};
