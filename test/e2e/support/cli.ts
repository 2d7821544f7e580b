// Running the built command line (`dist/cli.js`; `npm test` builds first) as writers' CI runs it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const cliPath = path.join(repoRoot, 'dist', 'cli.js');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Run {
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    cwd: options.cwd ?? repoRoot,
    encoding: 'utf8',
    env: options.env ?? process.env,
  });
  if (result.error) {
    throw result.error;
  }
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Exit 2, nothing on stdout, and exactly one `advocacy-letter: …` line on stderr. */
export function assertUsageError(result: Run, message: string | RegExp): void {
  assert.equal(result.status, 2, `exit status; stderr: ${result.stderr}`);
  assert.equal(result.stdout, '');
  assert.match(result.stderr, /^advocacy-letter: [^\n]+\n$/, 'one line on stderr');
  const text = result.stderr.slice('advocacy-letter: '.length, -1);
  if (typeof message === 'string') {
    assert.equal(text, message);
  } else {
    assert.match(text, message);
  }
}
