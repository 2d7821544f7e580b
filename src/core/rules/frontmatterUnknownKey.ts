import { frontMatterKeys } from '../frontMatter';
import { saidAt, templates } from '../messages';
import type { RuleDefinition } from './rule';

const known = new Set<string>(frontMatterKeys);

export const frontmatterUnknownKey: RuleDefinition = {
  code: 'frontmatter-unknown-key',
  severity: 'hint',
  description: 'A front matter key the format does not know.',
  descriptionJa: 'フォーマットにないフロントマターのキーです。',
  check(letter, report) {
    for (const { key, keyRange } of letter.frontMatter?.keys ?? []) {
      if (!known.has(key)) {
        report(saidAt(keyRange, templates.frontMatterUnknownKey, key, frontMatterKeys.join(', ')));
      }
    }
  },
};
