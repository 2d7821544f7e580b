// `lint` on a letter and its translation, as a coalition's CI runs it on the built dist/cli.js:
// the example letter of 2013 and a Japanese version with one signatory removed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cliPath, repoRoot, runCli } from './support/cli';

const english = fs.readFileSync(path.join(repoRoot, 'examples', 'open-letter-2013.letter.md'), 'utf8');
const japanese = fs
  .readFileSync(path.join(repoRoot, 'test', 'fixtures', 'translations', 'open-letter-2013.ja.letter.md'), 'utf8')
  .replace(/^- 藤田隆司.*\n/m, '');
const lineOf = (text: string, start: string) => text.split('\n').findIndex((line) => line.startsWith(start)) + 1;
const enHeading = lineOf(english, '## Signatories');
const jaHeading = lineOf(japanese, '## 署名者');

let dir: string;

before(() => {
  assert.ok(fs.existsSync(cliPath), `${cliPath} is missing: run \`npm run build\` first`);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'advocacy-letter-translation-'));
  fs.mkdirSync(path.join(dir, 'letters'));
  fs.writeFileSync(path.join(dir, 'letters', 'open-letter-2013.letter.md'), english);
  fs.writeFileSync(path.join(dir, 'letters', 'open-letter-2013.ja.letter.md'), japanese);
});

after(() => fs.rmSync(dir, { recursive: true, force: true }));

const en = 'letters/open-letter-2013.letter.md';
const ja = 'letters/open-letter-2013.ja.letter.md';
const lint = (...args: string[]) => runCli(['lint', ...args], { cwd: dir });
const mismatchLines = (stdout: string) => stdout.split('\n').filter((line) => line.includes('translation-mismatch'));

describe('lint reads the translation beside a letter', () => {
  test('text: one signatory count problem on each side, each with the other file place', () => {
    const result = lint(en, ja);
    assert.deepEqual(mismatchLines(result.stdout), [
      `${en}:${enHeading}:1 warning translation-mismatch Signatories: 6 here, 5 in open-letter-2013.ja.letter.md (${ja}:${jaHeading}:1)`,
      `${ja}:${jaHeading}:1 warning translation-mismatch Signatories: 5 here, 6 in open-letter-2013.letter.md (${en}:${enHeading}:1)`,
    ]);
    // The rest is what each letter has anyway: report 4 of both has no year.
    assert.equal(result.status, 1);
  });

  test('the translation is read even when only the letter is given', () => {
    assert.equal(mismatchLines(lint(en).stdout).length, 1);
  });

  test('text in Japanese: the message translated, the place the same', () => {
    const [line] = mismatchLines(lint(en, '--lang', 'ja').stdout);
    assert.match(line, /署名者の数が食い違っています: こちらは 6、open-letter-2013\.ja\.letter\.md では 5。/);
    assert.ok(line.endsWith(`(${ja}:${jaHeading}:1)`), line);
  });

  test('json: the related place names the other file', () => {
    const output = JSON.parse(lint(en, '--format', 'json').stdout);
    const found = output.files[0].diagnostics.filter((d: any) => d.code === 'translation-mismatch');
    assert.equal(found.length, 1);
    assert.equal(found[0].line, enHeading);
    assert.deepEqual(found[0].related, [
      {
        file: ja,
        message: 'As written in open-letter-2013.ja.letter.md',
        line: jaHeading,
        column: 1,
        endLine: jaHeading,
        endColumn: '## 署名者'.length + 1,
      },
    ]);
  });

  test('sarif: a related location in the other artifact', () => {
    const sarif = JSON.parse(lint(ja, '--format', 'sarif').stdout);
    const result = sarif.runs[0].results.find((r: any) => r.ruleId === 'translation-mismatch');
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, ja);
    assert.deepEqual(
      result.relatedLocations.map((r: any) => [
        r.physicalLocation.artifactLocation.uri,
        r.physicalLocation.region.startLine,
      ]),
      [[en, enHeading]],
    );
  });

  test('--ignore translation-mismatch: no comparison problems', () => {
    assert.deepEqual(mismatchLines(lint(en, ja, '--ignore', 'translation-mismatch').stdout), []);
  });

  test('translation-of naming no letter: said where it is named, not silently skipped', () => {
    const lost = path.join(dir, 'lost');
    fs.mkdirSync(lost, { recursive: true });
    fs.writeFileSync(
      path.join(lost, 'kokai-shokan.letter.md'),
      japanese.replace('lang: ja\n', 'lang: ja\ntranslation-of: ../letters/open-letter.letter.md\n'),
    );
    assert.deepEqual(mismatchLines(lint('lost/kokai-shokan.letter.md').stdout), [
      'lost/kokai-shokan.letter.md:3:17 warning translation-mismatch translation-of names ../letters/open-letter.letter.md, but no other letter is there: no translation is compared',
    ]);
  });

  test('translation-of in the front matter pairs letters in other folders', () => {
    const elsewhere = path.join(dir, 'ja');
    fs.mkdirSync(elsewhere, { recursive: true });
    fs.writeFileSync(
      path.join(elsewhere, 'kokai-shokan.letter.md'),
      japanese.replace('lang: ja\n', 'lang: ja\ntranslation-of: ../letters/open-letter-2013.letter.md\n'),
    );
    const [line] = mismatchLines(lint('ja/kokai-shokan.letter.md').stdout);
    assert.ok(line.startsWith('ja/kokai-shokan.letter.md:'), line);
    assert.ok(line.endsWith(`(letters/open-letter-2013.letter.md:${enHeading}:1)`), line);
  });
});
