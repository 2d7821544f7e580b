import type { RuleDefinition } from './rule';

export const frontmatterInvalid: RuleDefinition = {
  code: 'frontmatter-invalid',
  severity: 'error',
  description: 'The front matter is not valid YAML, or a key holds a value of the wrong type.',
  check(letter, report) {
    const fm = letter.frontMatter;
    if (!fm) return;
    for (const error of fm.errors) report({ message: `Front matter: ${error.text}`, range: error.range });
    for (const invalid of fm.invalid) report({ message: `Front matter: ${invalid.message}`, range: invalid.range });
  },
};
