// `render --each-addressee` and `pdf --each-addressee` (issue 14) run as a coalition's script runs
// them (the built dist/cli.js), and the cover's totals on page 1 of a PDF, read back with pdftotext.
// The PDF tests need Chromium and poppler-utils, as test/e2e/pdf.test.ts; ADVOCACY_LETTER_SKIP_PDF=1
// skips them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import mammoth from 'mammoth';
import { findChrome } from '../../src/node/chrome';
import { runCli, repoRoot } from './support/cli';

const fixture = path.join(repoRoot, 'test', 'fixtures', 'each');
const skipPdf = process.env.ADVOCACY_LETTER_SKIP_PDF === '1';
let tmp: string;
let chrome: string | undefined;

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'advocacy-letter-each-'));
  chrome = await findChrome();
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A folder with a copy of the letter to three CEOs and the recipients CSV. */
function workspace(): { dir: string; letter: string; csv: string } {
  const dir = fs.mkdtempSync(path.join(tmp, 'w-'));
  const letter = path.join(dir, 'three-ceos.letter.md');
  const csv = path.join(dir, 'recipients.csv');
  fs.copyFileSync(path.join(fixture, 'three-ceos.letter.md'), letter);
  fs.copyFileSync(path.join(fixture, 'recipients.csv'), csv);
  return { dir, letter, csv };
}

function pdftotext(file: string, page?: number): string {
  const pages = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  const result = spawnSync('pdftotext', ['-raw', '-enc', 'UTF-8', ...pages, file, '-'], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout.replace(/\s+/g, ' ');
}

const textOf = (html: string) =>
  html
    .replace(/<style>[^]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe('render --each-addressee', () => {
  test('a letter to three CEOs gives three files, each with its own addressee and salutation', () => {
    const { dir, letter } = workspace();
    const result = runCli(['render', '--each-addressee', letter]);
    assert.equal(result.status, 0, result.stderr);
    const folder = path.join(dir, 'three-ceos-addressees');
    assert.deepEqual(fs.readdirSync(folder).sort(), ['Brian-Moynihan.html', 'Jamie-Dimon.html', 'Jane-Fraser.html']);
    assert.equal(result.stdout.trim().split('\n').length, 3, 'each file written, one a line');
    assert.equal(result.stderr, `Wrote 3 letters into ${folder}.\n`);
    for (const [file, name, other] of [
      ['Jamie-Dimon.html', 'Jamie Dimon', 'Jane Fraser'],
      ['Jane-Fraser.html', 'Jane Fraser', 'Brian Moynihan'],
      ['Brian-Moynihan.html', 'Brian Moynihan', 'Jamie Dimon'],
    ]) {
      const text = textOf(fs.readFileSync(path.join(folder, file), 'utf8'));
      assert.ok(text.includes(`Dear ${name},`), `${file}: the salutation`);
      assert.ok(!text.includes(other), `${file}: names only its addressee`);
      assert.ok(!text.includes('{{'), `${file}: no placeholder left`);
    }
  });

  test('never replaces a file without --force; then replaces them all', () => {
    const { dir, letter } = workspace();
    const out = path.join(dir, 'out');
    assert.equal(runCli(['render', '--each-addressee', letter, '-o', out]).status, 0);
    const kept = path.join(out, 'Jane-Fraser.html');
    fs.writeFileSync(kept, 'mine');
    const again = runCli(['render', '--each-addressee', letter, '-o', out]);
    assert.equal(again.status, 2);
    assert.match(again.stderr, /Jamie-Dimon\.html exists; use --force to replace it/);
    assert.equal(fs.readFileSync(kept, 'utf8'), 'mine', 'nothing written');
    assert.equal(runCli(['render', '--each-addressee', letter, '-o', out, '--force']).status, 0);
    assert.notEqual(fs.readFileSync(kept, 'utf8'), 'mine');
  });

  test('recipients from a CSV: the bad row is named by its line, the others are written, exit 1', () => {
    const { dir, letter, csv } = workspace();
    const out = path.join(dir, 'from-csv');
    const result = runCli(['render', '--each-addressee', letter, '--recipients', csv, '-o', out]);
    assert.equal(result.status, 1, result.stderr);
    assert.equal(result.stderr, `Wrote 3 letters into ${out}. Not written: line 4: no name.\n`);
    assert.deepEqual(fs.readdirSync(out).sort(), ['Jamie-Dimon.html', 'Jane-Fraser.html', '三毛-猫子.html']);
    const dimon = textOf(fs.readFileSync(path.join(out, 'Jamie-Dimon.html'), 'utf8'));
    assert.ok(dimon.includes('383 Madison Avenue'), 'the address from the CSV');
    const ja = runCli([
      'render',
      '--each-addressee',
      letter,
      '--recipients',
      csv,
      '-o',
      out,
      '--force',
      '--lang',
      'ja',
    ]);
    assert.match(ja.stderr, /書き出さなかった宛先: 4 行目: 氏名なし。/);
  });

  test('usage errors: a CSV that cannot be read, options without --each-addressee', () => {
    const { dir, letter } = workspace();
    const missing = runCli(['render', '--each-addressee', letter, '--recipients', path.join(dir, 'none.csv')]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /no such file/);
    const alone = runCli(['render', letter, '--recipients', 'x.csv']);
    assert.equal(alone.status, 2);
    assert.match(alone.stderr, /--recipients needs --each-addressee/);
    assert.ok(!fs.existsSync(path.join(dir, 'three-ceos-addressees')));
  });
});

describe('docx --each-addressee', () => {
  test('a letter to three CEOs gives three Word files, each with its own addressee and salutation', async () => {
    const { dir, letter } = workspace();
    const result = runCli(['docx', '--each-addressee', letter]);
    assert.equal(result.status, 0, result.stderr);
    const folder = path.join(dir, 'three-ceos-addressees');
    assert.deepEqual(fs.readdirSync(folder).sort(), ['Brian-Moynihan.docx', 'Jamie-Dimon.docx', 'Jane-Fraser.docx']);
    assert.equal(result.stderr, `Wrote 3 letters into ${folder}.\n`);
    for (const [file, name, title, organization] of [
      ['Jamie-Dimon.docx', 'Jamie Dimon', 'Chairman and CEO', 'JPMorgan Chase & Co.'],
      ['Jane-Fraser.docx', 'Jane Fraser', 'CEO', 'Citigroup Inc.'],
      ['Brian-Moynihan.docx', 'Brian Moynihan', 'Chairman and CEO', 'Bank of America'],
    ]) {
      const text = (await mammoth.extractRawText({ path: path.join(folder, file) })).value.replace(/\s+/g, ' ');
      assert.ok(text.includes(`Dear ${name},`), `${file}: the salutation`);
      assert.ok(text.includes(`as the ${title} of ${organization} to ask`), `${file}: the body filled`);
      const others = ['Jamie Dimon', 'Jane Fraser', 'Brian Moynihan'].filter((n) => n !== name);
      assert.ok(!others.some((o) => text.includes(o)), `${file}: names only its addressee`);
      assert.ok(!text.includes('{{'), `${file}: no placeholder left`);
      assert.ok(text.includes('Signed by 2 organizations and 3 individuals'), `${file}: the cover (cover: true)`);
    }
  });

  test('recipients from a CSV with a bad row: the others get their Word letter, the row is named, exit 1', async () => {
    const { dir, letter, csv } = workspace();
    const out = path.join(dir, 'word');
    const result = runCli(['docx', '--each-addressee', letter, '--recipients', csv, '-o', out]);
    assert.equal(result.status, 1, result.stderr);
    assert.equal(result.stderr, `Wrote 3 letters into ${out}. Not written: line 4: no name.\n`);
    assert.deepEqual(fs.readdirSync(out).sort(), ['Jamie-Dimon.docx', 'Jane-Fraser.docx', '三毛-猫子.docx']);
    const japanese = (await mammoth.extractRawText({ path: path.join(out, '三毛-猫子.docx') })).value;
    assert.match(japanese, /Dear 三毛 猫子,/);
    assert.match(japanese, /代表取締役[^]*株式会社みずほ銀行[^]*東京都千代田区/);
  });
});

describe('pdf --each-addressee and the cover', () => {
  test('three PDFs; page 1 of each is the cover with its addressee and the totals', (t) => {
    if (!chrome || spawnSync('pdftotext', ['-v']).error) {
      if (skipPdf) return t.skip('Chromium or pdftotext missing (ADVOCACY_LETTER_SKIP_PDF=1)');
      assert.fail('install chromium and poppler-utils, or set ADVOCACY_LETTER_SKIP_PDF=1');
    }
    const { dir, letter } = workspace();
    const out = path.join(dir, 'pdf');
    const result = runCli(['pdf', '--each-addressee', letter, '-o', out]);
    assert.equal(result.status, 0, result.stderr);
    for (const [file, name] of [
      ['Jamie-Dimon.pdf', 'Jamie Dimon'],
      ['Jane-Fraser.pdf', 'Jane Fraser'],
      ['Brian-Moynihan.pdf', 'Brian Moynihan'],
    ]) {
      const cover = pdftotext(path.join(out, file), 1);
      assert.ok(cover.includes(name), `${file}: the cover names ${name}`);
      assert.ok(
        cover.includes('Signed by 2 organizations and 3 individuals'),
        `${file}: the totals on page 1: ${cover}`,
      );
      assert.ok(!cover.includes(`Dear ${name}`), `${file}: the letter starts on page 2`);
      assert.ok(pdftotext(path.join(out, file)).includes(`Dear ${name},`));
    }
  });

  test('pdf --cover: the example letter opens with its totals', (t) => {
    if (!chrome || spawnSync('pdftotext', ['-v']).error) {
      if (skipPdf) return t.skip('Chromium or pdftotext missing (ADVOCACY_LETTER_SKIP_PDF=1)');
      assert.fail('install chromium and poppler-utils, or set ADVOCACY_LETTER_SKIP_PDF=1');
    }
    const out = path.join(tmp, 'example.pdf');
    const result = runCli(['pdf', path.join(repoRoot, 'examples', 'open-letter-2013.letter.md'), '--cover', '-o', out]);
    assert.equal(result.status, 0, result.stderr);
    const cover = pdftotext(out, 1);
    assert.ok(cover.includes('Signed by 6 individuals from 6 organizations'), cover);
    assert.ok(cover.includes('May 7, 2013'));
    assert.ok(!cover.includes('Hiroshi Kato'), 'the signatories are on the pages after the cover');
  });
});
