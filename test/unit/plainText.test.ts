// The letter as plain text for an e-mail or a web form: lines of at most 72 columns, the reports
// numbered, one signatory per line, no markup, and every word of the letter kept; Japanese is broken
// only between words and gains no space.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseLetter } from '../../src/core';
import { convertPlainText, letterToPlainText } from '../../src/workflows';
import { repoRoot } from './support/expectations';

const read = (file: string) => fs.readFileSync(path.join(repoRoot, file), 'utf8');
const example = read('examples/open-letter-2013.letter.md');
const japanese = read('test/fixtures/letters/japanese-letter.letter.md');

/** The words a reader sees in a letter's source: markup, comments and list markers left out. */
function sourceWords(text: string): string[] {
  return text
    .replace(/^---\n[^]*?\n---\n/, '')
    .replace(/<!--[^]*?-->/g, ' ')
    .split(/\s+/)
    .map((w) => w.replace(/^(?:[-*+]|\d+[.)]|#+)$/, '').replace(/[*_`]/g, ''))
    .filter(Boolean);
}

const columns = (line: string) => [...line].reduce((n, c) => n + (/[\u3000-\u9fff\uff00-\uffef]/.test(c) ? 2 : 1), 0);
const cjk = (c: string | undefined) =>
  c !== undefined && /[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(c);

/** Where a line ends between two Japanese characters, the end as `…前|後…` when Intl.Segmenter sees no word boundary there. */
function brokenInsideWords(text: string): string[] {
  const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });
  const lines = text.split('\n');
  const broken: string[] = [];
  for (let k = 0; k + 1 < lines.length; k++) {
    const [before, after] = [lines[k], lines[k + 1].trimStart()];
    if (!cjk(before.slice(-1)) || !cjk(after[0])) continue;
    const starts = new Set([...segmenter.segment(before + after)].map((s) => s.index));
    if (!starts.has(before.length)) broken.push(`${before.slice(-4)}|${after.slice(0, 4)}`);
  }
  return broken;
}

describe('plain text of a letter', () => {
  test('the example letter: lines of at most 72 characters, every word kept, no markup', () => {
    const text = letterToPlainText(example);
    const long = text.split('\n').filter((line) => line.length > 72);
    assert.deepEqual(long, []);
    // Every word as often as the letter has it, and in its order (the numbers of the reports aside).
    const written = text.split(/\s+/).filter((w) => w && !/^\d+\.$/.test(w));
    assert.deepEqual(written, sourceWords(example));
    assert.doesNotMatch(text, /[*_]{1,2}\w|^#|^\s*[-*] /m);
  });

  test('cited reports are numbered and each signatory is one line', () => {
    const letter = parseLetter(example);
    const text = letterToPlainText(example, { wrap: false });
    letter.reports.forEach((report, i) =>
      assert.ok(text.includes(`\n${i + 1}. ${report.text.slice(0, 20)}`), `report ${i + 1}`),
    );
    const lines = text.split('\n');
    for (const s of letter.signatories) {
      assert.ok(
        lines.some((line) => line.replace(/\s+/g, ' ') === s.text),
        `one line for ${s.text}`,
      );
    }
  });

  test('--no-wrap keeps each paragraph on one line', () => {
    const text = letterToPlainText(example, { wrap: false });
    assert.ok(
      text.split('\n').some((line) => line.length > 200),
      'a long paragraph stays whole',
    );
  });

  test('a Japanese letter: at most 72 columns, broken between words, no space added, no character lost', () => {
    const text = letterToPlainText(japanese);
    assert.deepEqual(
      text.split('\n').filter((line) => columns(line) > 72),
      [],
    );
    // Every letter and digit of any script (kana, kanji, full-width and ASCII digits, Latin), in order;
    // the numbers the plain text gives the reports aside.
    const letters = (s: string) => s.replace(/<!--[^]*?-->/g, '').replace(/[^\p{L}\p{N}]/gu, '');
    assert.equal(letters(text.replace(/^\d+\. /gm, '')), letters(japanese.replace(/^---\n[^]*?\n---\n/, '')));
    // Between two Japanese characters the plain text never puts a space the letter did not have.
    for (const m of text.matchAll(/([\u3040-\u30ff\u3400-\u9fff]) ([\u3040-\u30ff\u3400-\u9fff])/g)) {
      assert.ok(japanese.includes(m[0]), `a space inserted in ${m[0]}`);
    }
    assert.deepEqual(brokenInsideWords(text), [], 'lines end between words');
    // A line never starts with closing punctuation.
    assert.deepEqual(
      text.split('\n').filter((line) => /^[、。，）」』]/.test(line)),
      [],
    );
  });

  test('the Japanese letters of the corpus: at most 72 columns, broken between words, nothing lost', () => {
    const files = fs.readdirSync(path.join(repoRoot, 'test', 'corpus')).filter((f) => f.endsWith('-ja.txt'));
    assert.ok(files.length >= 5);
    for (const file of files) {
      const published = read(`test/corpus/${file}`).replace(/^<!-- corpus\n[^]*?\n-->\n\n/, '');
      const letter = convertPlainText(published).markdown;
      const text = letterToPlainText(letter);
      // A line over 72 columns only when it is one unbreakable word (a long address).
      assert.deepEqual(
        text.split('\n').filter((line) => columns(line) > 72 && /\s/.test(line.trim())),
        [],
        file,
      );
      assert.deepEqual(brokenInsideWords(text), [], file);
      assert.equal(
        text.replace(/\s+/g, ''),
        letterToPlainText(letter, { wrap: false }).replace(/\s+/g, ''),
        `${file}: wrapping loses or adds nothing`,
      );
    }
  });

  test('a letter whose addressees and dates are in the front matter: none lost, the title once', () => {
    const text = letterToPlainText(read('test/fixtures/letters/joint-ngo-letter-to-un.letter.md'));
    assert.match(text, /^March 4, 2024\n\nOmar Zniber\nPresident of the Human Rights Council\n\nJoint Civil Society/);
    assert.equal(text.split('Joint Civil Society Letter on the Renewal').length, 2, 'the title once');
    const ja = letterToPlainText(
      '---\nlang: ja\ntitle: 公開書簡\nto:\n  - 岸田文雄、内閣総理大臣\n  - 上川陽子、外務大臣\ndate: 2023-12-10\nreply-by: 2024-01-31\n---\n\n本文です。\n',
    );
    assert.equal(
      ja,
      '公開書簡\n\n2023年12月10日\n\n岸田文雄\n内閣総理大臣\n\n上川陽子\n外務大臣\n\n回答期限：2024年1月31日\n\n本文です。\n',
    );
    const long = letterToPlainText(`---\ntitle: ${'A long title '.repeat(8)}\nreply-by: 2024-04-01\n---\n\nBody.\n`);
    assert.deepEqual(
      long.split('\n').filter((line) => line.length > 72),
      [],
    );
    assert.match(long, /\n\nReply requested by April 1, 2024\n\nBody\.\n$/);
  });

  test('comments are left out, as the preview and Word leave them out', () => {
    const letter =
      '# T\n\nBody <!-- ask Ana --> text.\n\n## Signatories\n\n' +
      '- Jane Roe, Director <!-- letter-lint-disable-line signatory-organization-missing -->\n- Ken Sato, Chair, Umi\n';
    for (const wrap of [72, false] as const) {
      const text = letterToPlainText(letter, { wrap });
      assert.doesNotMatch(text, /<!--|-->|letter-lint|ask Ana/);
      assert.match(text, /\nJane Roe, Director\nKen Sato, Chair, Umi\n$/);
      assert.match(text, /\nBody +text\.\n/);
    }
  });

  test('links keep their address, emphasis loses its marks', () => {
    const text = letterToPlainText('# T\n\nSee *the* [World Report](https://www.hrw.org/world-report) and **this**.\n');
    assert.match(text, /See the World Report <https:\/\/www\.hrw\.org\/world-report> and this\./);
  });
});

test('hard line breaks are kept, soft ones rewrapped', () => {
  const text = letterToPlainText('# T\n\nJane Roe\\\nCoastal Rights Network\\\nLima\n\nOne\ntwo.\n');
  assert.match(text, /\nJane Roe\nCoastal Rights Network\nLima\n\nOne two\.\n$/);
});
