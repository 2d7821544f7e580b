import { saidAt, shortened, templates } from '../messages';
import type { RuleDefinition } from './rule';

export const reportsEmpty: RuleDefinition = {
  code: 'reports-empty',
  severity: 'error',
  description: 'A cited reports section lists no reports.',
  descriptionJa: '引用報告書のセクションに報告書が 1 件もありません。',
  check(letter, report) {
    for (const section of letter.sections) {
      if (section.kind === 'reports' && section.entryCount === 0) {
        report(saidAt(section.headingRange, templates.reportsEmpty, shortened(section.heading)));
      }
    }
  },
};
