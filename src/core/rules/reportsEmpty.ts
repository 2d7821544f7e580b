import { saidAt, shortened, templates } from '../messages';
import type { RuleDefinition } from './rule';

export const reportsEmpty: RuleDefinition = {
  code: 'reports-empty',
  severity: 'error',
  description: 'A cited reports section lists no reports.',
  check(letter, report) {
    for (const section of letter.sections) {
      if (section.kind === 'reports' && section.entryCount === 0) {
        report(saidAt(section.headingRange, templates.reportsEmpty, shortened(section.heading)));
      }
    }
  },
};
