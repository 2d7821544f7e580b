import { frontMatterKeys } from '../frontMatter';
import type { RuleDefinition } from './rule';

const known = new Set<string>(frontMatterKeys);

export const frontmatterUnknownKey: RuleDefinition = {
  code: 'frontmatter-unknown-key',
  severity: 'hint',
  description: 'A front matter key the format does not know.',
  check(letter, report) {
    for (const { key, keyRange } of letter.frontMatter?.keys ?? []) {
      if (!known.has(key)) {
        report({ message: `Front matter key \`${key}\` is not one the letter format knows (${frontMatterKeys.join(', ')})`, range: keyRange });
      }
    }
  },
};
