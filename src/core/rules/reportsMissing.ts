import type { RuleDefinition } from './rule';

export const reportsMissing: RuleDefinition = {
  code: 'reports-missing',
  severity: 'information',
  description: 'The body speaks of reports or documents listed below, but the letter has no cited reports section.',
  check(letter, report) {
    if (letter.sections.some((s) => s.kind === 'reports')) return;
    const mention = letter.reportsMentions[0];
    if (mention) {
      report({ message: 'The letter speaks of documents listed below but has no “Cited Reports” section to list them', range: mention });
    }
  },
};
