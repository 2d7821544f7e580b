// Writes the files that repeat what the engine knows (its checks, labels and section names), so that they
// cannot drift from it:
//   npm run build:contributions
// test/unit/contributions.test.ts fails when a committed file is not what this script writes.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildGrammar } from './grammar';

export const repoRoot = join(__dirname, '..');

export interface Contribution {
  /** From the repository root. */
  path: string;
  /** The file's text. It is given the committed text: some files are generated only in part. */
  write(committed: string): string;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export const contributions: readonly Contribution[] = [
  { path: 'syntaxes/advocacy-letter.tmLanguage.json', write: () => json(buildGrammar()) },
];

export const readCommitted = (path: string): string => readFileSync(join(repoRoot, path), 'utf8');

if (require.main === module) {
  for (const { path, write } of contributions) {
    const committed = readCommitted(path);
    const text = write(committed);
    if (text === committed) continue;
    writeFileSync(join(repoRoot, path), text);
    console.log(`wrote ${path}`);
  }
}
