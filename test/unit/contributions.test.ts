// The files scripts/build-contributions.ts writes must be committed as it writes them: a check, label or
// section name changed in the engine and not carried into them fails here.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { contributions, readCommitted } from '../../scripts/build-contributions';

/** Where two texts first differ, as `line N`, with both lines, for a message short enough to read. */
function firstDifference(committed: string, written: string): string {
  const a = committed.split('\n');
  const b = written.split('\n');
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  const show = (line: string | undefined) => (line === undefined ? '(end of file)' : JSON.stringify(line));
  return `line ${n + 1}\n  committed: ${show(a[n])}\n  written:   ${show(b[n])}`;
}

describe('files written by scripts/build-contributions.ts', () => {
  for (const { path, write } of contributions) {
    test(path, () => {
      const committed = readCommitted(path);
      const written = write(committed);
      if (written !== committed) {
        assert.fail(
          `${path} is not what scripts/build-contributions.ts writes: run \`npm run build:contributions\` ` +
            `and commit the result (first difference at ${firstDifference(committed, written)})`,
        );
      }
    });
  }
});
