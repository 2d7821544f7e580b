// Word export checked by a real word processor: `advocacy-letter docx` (the built dist/cli.js) writes
// the example letters and a 1,000-signatory letter, LibreOffice converts each .docx to PDF
// (`soffice --headless --convert-to pdf`), and pdftotext shows that the addressee block, every cited
// report and every signatory are there, in the letter's order. mammoth (another reader of .docx)
// reads the words back and compares them with the letter's plain text.
//
// Needs LibreOffice Writer and poppler-utils: on Debian `apt-get install libreoffice-writer-nogui
// poppler-utils` (scripts/system-packages.sh, run by .ci/run and npm test, installs both). Without
// soffice the LibreOffice tests are skipped, saying so.
import { after, before, describe, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import mammoth from 'mammoth';
import { parseLetter, type Letter } from '../../src/core';
import { letterToPlainText } from '../../src/workflows';
import { docxParts } from '../unit/support/docx';
import { assertUsageError, cliPath, repoRoot, runCli } from './support/cli';
import { differingShare, readPng } from './support/png';

const example = path.join(repoRoot, 'examples', 'open-letter-2013.letter.md');
const fixtures = path.join(repoRoot, 'test', 'fixtures');
const letters = [
  example,
  path.join(fixtures, 'letters', 'joint-ngo-letter-to-un.letter.md'),
  path.join(fixtures, 'letters', 'several-officials.letter.md'),
  path.join(fixtures, 'render', 'signatory-groups.letter.md'),
  path.join(fixtures, 'letters', 'japanese-letter.letter.md'),
];

/** A sign-on letter of 1,000 signatories under five country headings, citing 20 reports. */
function thousandSignatories(): string {
  const countries = ['Japan', 'Korea', 'Philippines', 'Thailand', 'Indonesia'];
  const lines = [
    '# Joint Letter on Migrant Workers’ Rights',
    '',
    'To: Jane Example, Chief Executive Officer, Example Bank, 1 Finance Street',
    '',
    'Date: 3 March 2025',
    '',
    'Dear Ms Example,',
    '',
    'We, the undersigned, write about the *rights* of **migrant workers**, as documented in the reports listed below.',
    '',
    '## Cited Reports',
    '',
    ...Array.from(
      { length: 20 },
      (_, k) => `- Report Number ${k + 1} on Labour, Example Institute ${k + 1}, ${2000 + k}.`,
    ),
    '',
    '## Signatories',
  ];
  for (let c = 0; c < countries.length; c++) {
    lines.push('', `### ${countries[c]}`, '');
    for (let k = 0; k < 200; k++) {
      const n = c * 200 + k + 1;
      lines.push(`- Person${n} Surname${n}, Coordinator ${n}, Organization ${n} for Rights`);
    }
  }
  return `${lines.join('\n')}\n`;
}

let tmp: string;
let soffice: string | undefined;
let pdftotextFound = false;

const found = (program: string, args: string[]) => !spawnSync(program, args, { encoding: 'utf8' }).error;

before(() => {
  assert.ok(fs.existsSync(cliPath), `${cliPath} is missing: run \`npm run build\` first (\`npm test\` does)`);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'advocacy-letter-docx-test-'));
  soffice = ['soffice', 'libreoffice'].find((p) => found(p, ['--version']));
  pdftotextFound = found('pdftotext', ['-v']);
  fs.writeFileSync(path.join(tmp, 'thousand.letter.md'), thousandSignatories());
});

after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function libreOffice(t: TestContext): boolean {
  if (soffice && pdftotextFound) return true;
  t.skip(
    `${soffice ? 'pdftotext' : 'LibreOffice (soffice)'} is missing: install libreoffice-writer-nogui and poppler-utils (Debian; scripts/system-packages.sh does) to check the Word export in a word processor`,
  );
  return false;
}

/** Writes `letter`'s .docx with the command line into `dir`; its path. */
function exportDocx(letter: string, dir: string, extra: string[] = []): string {
  const out = path.join(dir, path.basename(letter).replace(/\.letter\.md$/, '.docx'));
  const result = runCli(['docx', letter, '-o', out, ...extra]);
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stdout, '');
  return out;
}

/** LibreOffice's PDFs of the .docx files, all in one run, with a profile of its own (parallel runs do not collide). */
function convertToPdf(files: string[], dir: string): string[] {
  const profile = pathToFileURL(path.join(dir, 'lo-profile')).href;
  const result = spawnSync(
    soffice!,
    [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, ...files],
    { encoding: 'utf8', timeout: 180_000 },
  );
  assert.equal(result.status, 0, `soffice: ${result.error?.message ?? ''} ${result.stderr}`);
  return files.map((file) => {
    const pdf = path.join(dir, path.basename(file).replace(/\.docx$/, '.pdf'));
    assert.ok(fs.existsSync(pdf), `LibreOffice wrote no ${pdf}: ${result.stdout} ${result.stderr}`);
    return pdf;
  });
}

/** The PDF's text laid out (`-layout`). */
function pdfText(pdf: string): string {
  const result = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}

/** What a reader must find, in order: the addressee block's lines, each report's title, each signatory. */
function expected(letter: Letter): string[] {
  const sep = /^ja\b/.test(letter.lang) ? '、' : ', ';
  return [
    ...letter.addressees.flatMap((a) => [a.name, ...a.titles.map((t) => t.text)]),
    ...letter.reports.map((r) => r.title ?? r.text),
    ...letter.signatories.map((s) =>
      letter.signedBy === 'organizations'
        ? [s.organization, s.place].filter(Boolean).join(sep)
        : [s.name, s.role, s.organization].filter(Boolean).join(sep),
    ),
  ];
}

/**
 * Text to compare, white space collapsed (a wrapped line reads on); in Japanese, where pdftotext
 * puts spaces between scripts (`2012 年`), none at all.
 */
const comparable = (text: string, ja: boolean) => text.replace(/\s+/g, ja ? '' : ' ');

/** The first of `wanted` not found in `text` after the one before it, or undefined when all are in order. */
function firstOutOfOrder(text: string, wanted: string[]): string | undefined {
  let from = 0;
  for (const w of wanted) {
    const at = text.indexOf(w, from);
    if (at < 0) return w;
    from = at + w.length;
  }
  return undefined;
}

/** The words of a text, as Intl.Segmenter tells them in the letter's language (Japanese has no spaces). */
function words(text: string, lang = 'en'): string[] {
  const segmenter = new Intl.Segmenter(lang, { granularity: 'word' });
  return [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
}

describe('advocacy-letter docx, checked by LibreOffice', () => {
  test('the example letters and a 1,000-signatory letter: addressee, every report and signatory, in order', (t) => {
    if (!libreOffice(t)) return;
    const dir = fs.mkdtempSync(path.join(tmp, 'lo-'));
    const sources = [...letters, path.join(tmp, 'thousand.letter.md')];
    const docs = sources.map((letter) => exportDocx(letter, dir));
    const started = process.hrtime.bigint();
    const pdfs = convertToPdf(docs, dir);
    t.diagnostic(
      `LibreOffice converted ${docs.length} .docx files in ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s`,
    );
    sources.forEach((source, k) => {
      const letter = parseLetter(fs.readFileSync(source, 'utf8'));
      const ja = /^ja\b/.test(letter.lang);
      const text = comparable(pdfText(pdfs[k]), ja);
      const wanted = expected(letter).map((w) => comparable(w, ja));
      assert.ok(wanted.length > 3, source);
      assert.equal(firstOutOfOrder(text, wanted), undefined, `${path.basename(source)}: out of order or missing`);
      if (letter.title) assert.ok(text.includes(comparable(letter.title.text, ja)), letter.title.text);
    });
    const thousand = parseLetter(fs.readFileSync(sources[sources.length - 1], 'utf8'));
    assert.equal(thousand.signatories.length, 1000);
    assert.equal(thousand.reports.length, 20);
    // The example letter's page is A4, as the letter's PDF is.
    const info = spawnSync('pdfinfo', [pdfs[0]], { encoding: 'utf8' }).stdout;
    assert.match(info, /Page size:\s+595\.\d+ x 841\.\d+ pts/);
  });

  test('paper: letter gives US Letter pages', (t) => {
    if (!libreOffice(t)) return;
    const dir = fs.mkdtempSync(path.join(tmp, 'lo-letter-'));
    const letter = path.join(dir, 'us.letter.md');
    fs.writeFileSync(letter, `---\npaper: letter\n---\n\n${fs.readFileSync(example, 'utf8')}`);
    const [pdf] = convertToPdf([exportDocx(letter, dir)], dir);
    assert.match(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout, /Page size:\s+612 x 792 pts/);
  });
});

describe('the README’s picture of the Word export', () => {
  test('is page 1 of the example letter as LibreOffice prints the export now (scripts/word-page.sh)', (t) => {
    if (!libreOffice(t)) return;
    const dir = fs.mkdtempSync(path.join(tmp, 'readme-'));
    const [pdf] = convertToPdf([exportDocx(example, dir)], dir);
    const stem = path.join(dir, 'page');
    const result = spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, stem], {
      encoding: 'utf8',
    });
    assert.equal(result.status, 0, result.stderr);
    const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const picture = 'images/screenshots/word-export.png';
    assert.ok(readme.includes(`](${picture})`), `the README shows ${picture}`);
    const now = readPng(fs.readFileSync(`${stem}.png`));
    const committed = readPng(fs.readFileSync(path.join(repoRoot, picture)));
    assert.deepEqual([committed.width, committed.height], [now.width, now.height], 'an A4 page at 60 dpi');
    // A word changed on the page differs in about 0.03% of its pixels: this allows a third of that.
    const share = differingShare(now, committed);
    assert.ok(
      share <= 0.0001,
      `${picture} differs from page 1 as exported now in ${(share * 100).toFixed(3)}% of its pixels: run \`npm run build && bash scripts/word-page.sh\``,
    );
  });
});

describe('advocacy-letter docx, footnotes in LibreOffice', () => {
  test('Markdown footnotes are Word footnotes: numbered marks in the text, the notes at the foot of the page', (t) => {
    if (!libreOffice(t)) return;
    const dir = fs.mkdtempSync(path.join(tmp, 'lo-notes-'));
    const letter = path.join(dir, 'notes.letter.md');
    fs.writeFileSync(
      letter,
      [
        '# Letter with notes',
        '',
        'To: Minister X, Ministry of Justice',
        '',
        'The camps are documented.[^1] So are the prisons.[^b]',
        '',
        '## Notes',
        '',
        '[^1]: North Korean Prisoners Today, NKDB, 2012.',
        '[^b]: Eyewitness Testimony, *Volume 1*.',
        '',
        '## Signatories',
        '',
        '- A Person, Director, Org',
        '',
      ].join('\n'),
    );
    const [pdf] = convertToPdf([exportDocx(letter, dir)], dir);
    const text = comparable(pdfText(pdf), false);
    assert.ok(text.includes('The camps are documented.1 So are the prisons.2'), text);
    assert.equal(
      firstOutOfOrder(text, [
        'A Person, Director, Org',
        '1 North Korean Prisoners Today',
        '2 Eyewitness Testimony, Volume 1.',
      ]),
      undefined,
      text,
    );
    assert.ok(!text.includes('[^'), 'no footnote markup left');
  });
});

describe('advocacy-letter docx, read back by mammoth', () => {
  test('every word of the letter’s plain text is in the document (field labels aside)', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'mammoth-'));
    for (const source of [...letters, path.join(tmp, 'thousand.letter.md')]) {
      const text = fs.readFileSync(source, 'utf8');
      const docx = exportDocx(source, dir);
      const { value } = await mammoth.extractRawText({ path: docx });
      const lang = parseLetter(text).lang;
      const inDocx = words(value, lang);
      // The preview shows a field's value, not its label (`Date:`, `Letter to:`), and a date in the
      // letter's language: those are left out of the plain text compared.
      let plain = letterToPlainText(text, { wrap: false });
      let cursor = 0;
      for (const field of parseLetter(text).fields) {
        const label = [`${field.label}:`, `${field.label}：`].find((l) => plain.includes(l, cursor)) ?? field.label;
        const cut = [label, ...(field.kind === 'date' || field.kind === 'replyBy' ? [field.value] : [])];
        for (const part of cut) {
          const k = plain.indexOf(part, cursor);
          if (k < 0) continue;
          plain = plain.slice(0, k) + plain.slice(k + part.length);
          cursor = k;
        }
      }
      // Every word as often as the plain text has it (the order is LibreOffice's test above: a
      // report's address comes after its parts here, as in the preview, and inside them there).
      const count = new Map<string, number>();
      for (const word of inDocx) count.set(word, (count.get(word) ?? 0) + 1);
      const missing: string[] = [];
      // Word numbers the lists itself: the numbers are not in the document's text.
      for (const word of words(plain.replace(/^\d+\. /gm, ''), lang)) {
        const left = count.get(word) ?? 0;
        if (left > 0) count.set(word, left - 1);
        else missing.push(word);
      }
      assert.deepEqual(missing, [], path.basename(source));
    }
  });
});

describe('advocacy-letter docx, the command', () => {
  test('writes FILE.docx beside the letter; never replaces a file without --force', () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'cli-'));
    const letter = path.join(dir, 'open-letter-2013.letter.md');
    fs.copyFileSync(example, letter);
    assert.equal(runCli(['docx', letter]).status, 0);
    const out = path.join(dir, 'open-letter-2013.docx');
    const first = fs.readFileSync(out);
    assert.equal(first.subarray(0, 2).toString(), 'PK');
    fs.writeFileSync(out, 'keep me');
    assertUsageError(runCli(['docx', letter]), `${out} exists; use --force to replace it`);
    assert.equal(fs.readFileSync(out, 'utf8'), 'keep me');
    assert.equal(runCli(['docx', letter, '--force']).status, 0);
    assert.equal(fs.readFileSync(out).subarray(0, 2).toString(), 'PK');
  });

  test('--each-addressee: a Word copy per addressee, each naming only its own, {{name}} filled in', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'each-'));
    const letter = path.join(dir, 'banks.letter.md');
    fs.writeFileSync(
      letter,
      [
        '# Open Letter on Coastal Rights',
        '',
        'To: Jane Roe, Chief Executive Officer, Bank One',
        'To: Sam Okafor, Chief Executive Officer, Bank Two',
        '',
        'Date: December 4, 2026',
        '',
        'Dear {{name}},',
        '',
        'We write to you as {{title}} of {{organization}}.',
        '',
        '## Signatories',
        '',
        '- Ana Lima, Director, Rede Terra',
        '- Ken Sato, Chair, Umi Network',
        '',
      ].join('\n'),
    );
    const result = runCli(['docx', '--each-addressee', '--cover', letter]);
    assert.equal(result.status, 0, result.stderr);
    const folder = path.join(dir, 'banks-addressees');
    assert.deepEqual(fs.readdirSync(folder).sort(), ['Jane-Roe.docx', 'Sam-Okafor.docx']);
    const jane = (await mammoth.extractRawText({ path: path.join(folder, 'Jane-Roe.docx') })).value;
    assert.match(jane, /Dear Jane Roe,/);
    assert.match(jane, /We write to you as Chief Executive Officer of Bank One\./);
    assert.doesNotMatch(jane, /Okafor|Bank Two|\{\{/);
    // The cover page comes first, with the totals.
    assert.ok(jane.indexOf('Signed by 2 individuals from 2 organizations') < jane.indexOf('Dear Jane Roe'), jane);
    const sam = (await mammoth.extractRawText({ path: path.join(folder, 'Sam-Okafor.docx') })).value;
    assert.match(sam, /Dear Sam Okafor,/);
    assert.doesNotMatch(sam, /Jane Roe|Bank One/);
  });

  test('cover: true in the front matter gives the Word document the cover page with the totals', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'cover-'));
    const letter = path.join(dir, 'cover.letter.md');
    fs.writeFileSync(letter, `---\ncover: true\n---\n${fs.readFileSync(example, 'utf8')}`);
    assert.equal(runCli(['docx', letter]).status, 0);
    const text = (await mammoth.extractRawText({ path: path.join(dir, 'cover.docx') })).value;
    const totals = text.indexOf('Signed by 6 individuals from 6 organizations');
    assert.ok(totals >= 0, text.slice(0, 400));
    assert.ok(totals < text.indexOf('We, the undersigned'), 'the totals come before the letter');
  });

  test('--template: the template’s styles; an unusable template is one line, exit 2', () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'template-'));
    const template = exportDocx(example, dir);
    const styled = path.join(dir, 'styled.docx');
    assert.equal(runCli(['docx', example, '-o', styled, '--template', template]).status, 0);
    assert.match(docxParts(fs.readFileSync(styled)).get('word/styles.xml')!, /w:styleId="LetterSignatory"/);
    const notDocx = path.join(dir, 'notes.txt');
    fs.writeFileSync(notDocx, 'plain text');
    assertUsageError(
      runCli(['docx', example, '-o', path.join(dir, 'x.docx'), '--template', notDocx]),
      `cannot use the template ${notDocx}: The Word template is not a .docx file (a Word document is a zip file).`,
    );
    assertUsageError(
      runCli(['docx', example, '-o', path.join(dir, 'x.docx'), '--template', path.join(dir, 'none.docx')]),
      `no such file: ${path.join(dir, 'none.docx')}`,
    );
    assert.ok(!fs.existsSync(path.join(dir, 'x.docx')));
    // A failed export leaves an existing file as it was, even with --force.
    const kept = path.join(dir, 'kept.docx');
    fs.writeFileSync(kept, 'partner comments');
    assertUsageError(
      runCli(['docx', example, '-o', kept, '--force', '--template', notDocx]),
      /cannot use the template/,
    );
    assert.equal(fs.readFileSync(kept, 'utf8'), 'partner comments');
    assert.deepEqual(
      fs.readdirSync(dir).filter((f) => f.includes('.tmp-')),
      [],
      'no temporary file left',
    );
  });

  test('usage errors, --help, and the command in the global help', () => {
    assertUsageError(runCli(['docx']), /docx needs a FILE/);
    assertUsageError(runCli(['docx', example, '-o', example]), /refusing to write the Word document over the letter/);
    assertUsageError(runCli(['docx', example, '-o', '-']), /not written to stdout/);
    const help = runCli(['docx', '--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: advocacy-letter docx FILE \[-o OUT\.docx\] \[--template T\.docx\]/);
    assert.match(runCli(['--help']).stdout, /\n {2}docx FILE +\S/);
  });
});
