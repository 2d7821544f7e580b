import { catalogued, saidAt, templates } from '../messages';
import type { RuleDefinition } from './rule';

export const frontmatterInvalid: RuleDefinition = {
  code: 'frontmatter-invalid',
  severity: 'error',
  description: 'The front matter is not valid YAML, or a key holds a value of the wrong type.',
  descriptionJa: 'フロントマターが正しい YAML ではないか、キーの値の型が誤っています。',
  check(letter, report) {
    const fm = letter.frontMatter;
    if (!fm) return;
    for (const error of fm.errors)
      report(saidAt(error.range, templates.frontMatterProblem, error.l10n ?? catalogued(error.text)));
    for (const invalid of fm.invalid)
      report(saidAt(invalid.range, templates.frontMatterProblem, invalid.l10n ?? invalid.message));
  },
};
