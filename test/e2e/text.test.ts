// `advocacy-letter text` as a coalition's staff runs it before pasting a letter into an e-mail or a
// web form: the built command line (`dist/cli.js`) prints or writes the letter as plain text.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { letterToPlainText } from '../../src/workflows';
import { repoRoot } from '../unit/support/expectations';
import { assertUsageError, runCli } from './support/cli';

const example = path.join(repoRoot, 'examples', 'open-letter-2013.letter.md');
const japanese = path.join(repoRoot, 'test', 'fixtures', 'letters', 'japanese-letter.letter.md');

describe('advocacy-letter text', () => {
  let tmp: string;
  before(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'advocacy-letter-text-'))));
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test('prints the letter as plain text, lines of at most 72 characters', () => {
    const result = runCli(['text', example]);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, letterToPlainText(fs.readFileSync(example, 'utf8')));
    assert.deepEqual(
      result.stdout.split('\n').filter((line) => line.length > 72),
      [],
    );
    assert.match(result.stdout, /\n1\. North Korean Human Rights White Paper/);
    assert.match(result.stdout, /\nHiroshi Kato, President, Life Funds for North Korean Refugees\n/);
  });

  test('a Japanese letter: no line over 72 characters', () => {
    const result = runCli(['text', japanese]);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(
      result.stdout.split('\n').filter((line) => line.length > 72),
      [],
    );
    assert.match(result.stdout, /拉致/);
  });

  test('--no-wrap keeps paragraphs whole; -o writes the file', () => {
    const out = path.join(tmp, 'letter.txt');
    const result = runCli(['text', example, '--no-wrap', '-o', out]);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, '');
    const written = fs.readFileSync(out, 'utf8');
    assert.ok(written.split('\n').some((line) => line.length > 200));
  });

  test('usage errors: exit 2 with one line on stderr', () => {
    assertUsageError(runCli(['text']), /text/);
    assertUsageError(runCli(['text', example, '-o', example]), /refusing to write the text over the letter/);
  });

  test('--help, and the command in the global help', () => {
    const help = runCli(['text', '--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: advocacy-letter text FILE \[-o OUT\.txt\] \[--no-wrap\]/);
    assert.match(runCli(['--help']).stdout, /\n {2}text FILE +\S/);
  });
});
