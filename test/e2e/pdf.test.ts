// PDF export: `advocacy-letter pdf` run as a writer's CI runs it (the built dist/cli.js; `npm test`
// builds first), its text read back with poppler's pdftotext and pdfinfo, and the Node helpers it
// shares with the extension (src/node) on their own.
//
// Needs Chromium (or Chrome) and poppler-utils: on Debian `apt-get install chromium poppler-utils`
// (.ci/run installs both). A missing one fails the tests that need it, saying what to install;
// ADVOCACY_LETTER_SKIP_PDF=1 skips those tests instead.
import { after, before, describe, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  chromeArguments,
  chromeCandidates,
  findChrome,
  missingChromeMessage,
  PdfError,
  printToPdf,
} from '../../src/node/chrome';
import { FileWriteError, writeFileAtomic } from '../../src/node/files';
import { assertUsageError, runCli, type Run } from './support/cli';

const root = path.resolve(__dirname, '..', '..');
const cli = path.join(root, 'dist', 'cli.js');
const seed = path.join(root, 'examples', 'open-letter-2013.letter.md');
const title = 'Open Letter to Kim Jong-un Urges Explanation';
const posix = process.platform !== 'win32';
const skipPdf = process.env.ADVOCACY_LETTER_SKIP_PDF === '1';

const run = (args: string[], env: NodeJS.ProcessEnv = process.env): Run => runCli(args, { env });

// --- what the PDF tests need ------------------------------------------------------------------

let chrome: string | undefined;
const missingTools: string[] = [];

function has(program: string): boolean {
  const result = spawnSync(program, ['-v'], { encoding: 'utf8' });
  return !result.error;
}

/** True when the test can go on; otherwise it is skipped (ADVOCACY_LETTER_SKIP_PDF=1) or fails saying what to install. */
function pdfTools(t: TestContext): boolean {
  if (missingTools.length === 0) {
    return true;
  }
  const what = `${missingTools.join(' and ')} missing`;
  if (skipPdf) {
    t.skip(`${what} (ADVOCACY_LETTER_SKIP_PDF=1)`);
    return false;
  }
  assert.fail(
    `${what}: install them (Debian/Ubuntu: sudo apt-get install chromium poppler-utils; .ci/run does) or set ADVOCACY_LETTER_SKIP_PDF=1 to skip the PDF tests`,
  );
}

/**
 * The PDF's text in the order Chrome drew it (`-raw`), which is the letter's order: pdftotext's
 * default reading order interleaves the lines of the signature block's side-by-side columns.
 */
function pdftotext(file: string): string {
  const result = spawnSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}

/** Width and height of the first page, in points, from pdfinfo. */
function pageSize(file: string): [number, number] {
  const result = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  const match = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(result.stdout);
  assert.ok(match, `no page size in pdfinfo's output:\n${result.stdout}`);
  return [Number(match[1]), Number(match[2])];
}

function assertPageSize(file: string, [width, height]: [number, number], name: string): void {
  const [w, h] = pageSize(file);
  assert.ok(
    Math.abs(w - width) < 1 && Math.abs(h - height) < 1,
    `${name}: ${width} x ${height} pts expected, got ${w} x ${h}`,
  );
}

const A4: [number, number] = [595.28, 841.89];
const US_LETTER: [number, number] = [612, 792];

/** Whitespace, soft hyphens and line ends do not matter when looking for a name in a PDF's text. */
const normalize = (text: string) =>
  text
    .replace(/\u00ad/g, '')
    .replace(/\s+/g, ' ')
    .trim();

let tmp: string;

/** A fresh folder holding a copy of the seed letter. */
function letterFolder(): { dir: string; letter: string } {
  const dir = fs.mkdtempSync(path.join(tmp, 'pdf-'));
  const letter = path.join(dir, 'open-letter-2013.letter.md');
  fs.copyFileSync(seed, letter);
  return { dir, letter };
}

/** A stand-in for Chrome: a shell script. */
function fakeChrome(name: string, script: string): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, `#!/bin/sh\nPATH="/usr/bin:/bin:$PATH"\n${script}\n`, { mode: 0o755 });
  return file;
}

before(async () => {
  assert.ok(fs.existsSync(cli), `${cli} is missing: run \`npm run build\` first (\`npm test\` does)`);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'advocacy-letter-pdf-test-'));
  chrome = await findChrome();
  if (!chrome) {
    missingTools.push('Chromium (or Chrome)');
  }
  if (!has('pdftotext') || !has('pdfinfo')) {
    missingTools.push('pdftotext/pdfinfo (poppler-utils)');
  }
});

after(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

// --- the command line -------------------------------------------------------------------------

describe('advocacy-letter pdf', () => {
  test('prints the letter beside it: every signatory, the title, the cited reports; A4 by default', (t) => {
    if (!pdfTools(t)) return;
    const { dir, letter } = letterFolder();
    // A TMPDIR of its own, to see that the browser's temporary folder is gone afterwards.
    const scratch = fs.mkdtempSync(path.join(tmp, 'tmpdir-'));
    const started = process.hrtime.bigint();
    const result = run(['pdf', letter], { ...process.env, TMPDIR: scratch, TMP: scratch, TEMP: scratch });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    t.diagnostic(`one PDF export (node dist/cli.js pdf, ${chrome}): ${ms.toFixed(0)} ms`);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, '');
    assert.equal(result.stderr, '');

    const pdf = path.join(dir, 'open-letter-2013.pdf');
    assert.deepEqual(fs.readdirSync(dir).sort(), ['open-letter-2013.letter.md', 'open-letter-2013.pdf']);
    assert.deepEqual(fs.readdirSync(scratch), [], 'temporary folder removed');
    assert.equal(fs.readFileSync(pdf).subarray(0, 5).toString('latin1'), '%PDF-');
    assertPageSize(pdf, A4, 'A4');

    const parsed = JSON.parse(run(['parse', letter]).stdout);
    const text = normalize(pdftotext(pdf));
    assert.ok(text.includes(title), 'title');
    assert.equal(parsed.signatories.length, 6);
    for (const s of parsed.signatories) {
      assert.ok(text.includes(normalize(s.name)), `signatory ${s.name}`);
      assert.ok(text.includes(normalize(s.organization)), `organization ${s.organization}`);
    }
    assert.equal(parsed.reports.length, 4);
    for (const r of parsed.reports) {
      assert.ok(text.includes(normalize(r.title)), `report ${r.title}`);
    }
    assert.ok(text.includes('Kim Jong-un'), 'addressee');
    assert.ok(text.includes('May 7, 2013'), 'date');
    // The preview marks the report with no year; paper does not.
    assert.doesNotMatch(text, /Cited report \d/);
    assert.ok(!text.includes('\u26a0'), 'no problem marker in print');
  });

  test('--paper letter gives US Letter pages; -o names the file', (t) => {
    if (!pdfTools(t)) return;
    const { dir, letter } = letterFolder();
    const out = path.join(dir, 'us.pdf');
    const result = run(['pdf', letter, '--paper', 'letter', '-o', out]);
    assert.equal(result.status, 0, result.stderr);
    assertPageSize(out, US_LETTER, 'US Letter');
    assert.ok(normalize(pdftotext(out)).includes(title));
    assert.deepEqual(fs.readdirSync(dir).sort(), ['open-letter-2013.letter.md', 'us.pdf']);
  });

  test('the letter’s own `paper` wins over --paper', (t) => {
    if (!pdfTools(t)) return;
    const { dir, letter } = letterFolder();
    fs.writeFileSync(letter, `---\npaper: letter\n---\n${fs.readFileSync(seed, 'utf8')}`);
    const out = path.join(dir, 'own.pdf');
    const result = run(['pdf', letter, '--paper', 'a4', `--output=${out}`]);
    assert.equal(result.status, 0, result.stderr);
    assertPageSize(out, US_LETTER, 'US Letter');
  });

  test('an existing file is not replaced without --force: exit 2, content unchanged', () => {
    const { dir, letter } = letterFolder();
    const out = path.join(dir, 'open-letter-2013.pdf');
    fs.writeFileSync(out, 'old');
    assertUsageError(run(['pdf', letter]), `${out} exists; use --force to replace it`);
    assertUsageError(
      run(['pdf', letter, '-o', out, '--chrome', '/nonexistent']),
      `${out} exists; use --force to replace it`,
    );
    assert.equal(fs.readFileSync(out, 'utf8'), 'old');
    assert.deepEqual(fs.readdirSync(dir).sort(), ['open-letter-2013.letter.md', 'open-letter-2013.pdf']);
  });

  test('--force replaces it, keeping its permissions', (t) => {
    if (!pdfTools(t)) return;
    const { dir, letter } = letterFolder();
    const out = path.join(dir, 'open-letter-2013.pdf');
    fs.writeFileSync(out, 'old');
    if (posix) fs.chmodSync(out, 0o640);
    const result = run(['pdf', '--force', letter]);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(fs.readFileSync(out).subarray(0, 4).toString('latin1'), '%PDF');
    if (posix) assert.equal(fs.statSync(out).mode & 0o777, 0o640);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['open-letter-2013.letter.md', 'open-letter-2013.pdf']);
  });

  test('--chrome PATH that does not exist: exit 2, says so, writes nothing', () => {
    const { dir, letter } = letterFolder();
    const result = run(['pdf', letter, '--chrome', '/nonexistent']);
    assertUsageError(result, missingChromeMessage('/nonexistent'));
    assert.match(result.stderr, /\/nonexistent does not exist\. /);
    assert.match(result.stderr, /--chrome/);
    assert.deepEqual(fs.readdirSync(dir), ['open-letter-2013.letter.md']);

    assertUsageError(run(['pdf', letter, '--chrome', dir]), /is a directory, not a program/);
    assertUsageError(
      run(['pdf', letter, '--chrome', 'no-such-browser-here']),
      /^No program named no-such-browser-here was found on PATH\./,
    );
    assert.deepEqual(fs.readdirSync(dir), ['open-letter-2013.letter.md']);
  });

  test(
    'a failing Chrome: exit 2 with its exit code, no file left, an existing file untouched',
    { skip: !posix },
    () => {
      const { dir, letter } = letterFolder();
      const out = path.join(dir, 'open-letter-2013.pdf');
      assertUsageError(
        run(['pdf', letter, '--chrome', '/bin/false']),
        'Chrome (/bin/false) failed with exit code 1 and wrote no PDF',
      );
      assert.deepEqual(fs.readdirSync(dir), ['open-letter-2013.letter.md']);

      fs.writeFileSync(out, 'old');
      assertUsageError(
        run(['pdf', letter, '--force', '--chrome', '/bin/false']),
        /^Chrome \(\/bin\/false\) failed with exit code 1/,
      );
      assert.equal(fs.readFileSync(out, 'utf8'), 'old');
      assert.deepEqual(fs.readdirSync(dir).sort(), ['open-letter-2013.letter.md', 'open-letter-2013.pdf']);
    },
  );

  test('Chrome’s last stderr line is in the message, without its log prefix', { skip: !posix }, () => {
    const { dir, letter } = letterFolder();
    const noisy = fakeChrome(
      'noisy-chrome',
      `echo '[123:456:0101/000000.000:ERROR:bus.cc(405)] Failed to connect to the bus' >&2
echo '[123:456:0101/000000.001:FATAL:zygote_host_impl_linux.cc(128)] No usable sandbox!' >&2
echo >&2
exit 3`,
    );
    assertUsageError(
      run(['pdf', letter, '--chrome', noisy]),
      `Chrome (${noisy}) failed with exit code 3: No usable sandbox!`,
    );
    assert.deepEqual(fs.readdirSync(dir), ['open-letter-2013.letter.md']);
  });

  test('a "PDF" that is not one is refused', { skip: !posix }, () => {
    const { dir, letter } = letterFolder();
    const liar = fakeChrome(
      'liar-chrome',
      `for a in "$@"; do case "$a" in --print-to-pdf=*) echo '<html>not a pdf' > "\${a#--print-to-pdf=}";; esac; done`,
    );
    assertUsageError(run(['pdf', letter, '--chrome', liar]), `Chrome (${liar}) wrote a file that is not a PDF`);
    assert.deepEqual(fs.readdirSync(dir), ['open-letter-2013.letter.md']);
  });

  test('CHROME_PATH is used when --chrome is not given', { skip: !posix }, () => {
    const { letter } = letterFolder();
    const result = run(['pdf', letter], { ...process.env, CHROME_PATH: '/bin/false' });
    assertUsageError(result, /^Chrome \(\/bin\/false\) failed with exit code 1/);
  });

  test('arguments: -o - and empty values, a PDF over the letter, an unknown paper', () => {
    const { dir, letter } = letterFolder();
    assertUsageError(
      run(['pdf', letter, '-o', '-']),
      /^option -o needs a file name \(a PDF is not written to stdout\)/,
    );
    assertUsageError(run(['pdf', letter, '--output=']), /^option -o needs a file name/);
    assertUsageError(run(['pdf', letter, '--chrome=']), 'option --chrome needs a path; see advocacy-letter pdf --help');
    assertUsageError(
      run(['pdf', letter, '-o', letter, '--force']),
      `refusing to write the PDF over the letter ${letter}; give another -o file`,
    );
    assertUsageError(
      run(['pdf', letter, '--paper', 'legal']),
      "unknown paper 'legal' for --paper; use a4 or letter (see advocacy-letter pdf --help)",
    );
    assertUsageError(run(['pdf', letter, '-o', dir]), `${dir} is a directory; give a file name for -o`);
    assertUsageError(run(['pdf']), 'pdf needs a FILE; see advocacy-letter pdf --help');
    assertUsageError(run(['pdf', letter, letter]), /^pdf takes one FILE, got 2/);
    assertUsageError(run(['pdf', letter, '--force=yes']), /^option --force takes no value/);
    assert.equal(fs.readFileSync(letter, 'utf8'), fs.readFileSync(seed, 'utf8'));
    assert.deepEqual(fs.readdirSync(dir), ['open-letter-2013.letter.md']);
  });

  test('--help', () => {
    const result = run(['pdf', '--help']);
    assert.equal(result.status, 0);
    assert.equal(result.stderr, '');
    assert.ok(result.stdout.startsWith('Usage: advocacy-letter pdf FILE [-o OUT.pdf]'));
    for (const option of ['--force', '--chrome PATH', '--paper a4|letter', 'CHROME_PATH']) {
      assert.ok(result.stdout.includes(option), option);
    }
  });
});

// --- src/node on its own ----------------------------------------------------------------------

describe('findChrome and missingChromeMessage', () => {
  test('the usual install paths per platform, CHROME_PATH first', () => {
    assert.deepEqual(chromeCandidates('linux', {}), [
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/usr/bin/google-chrome',
      '/usr/bin/google-chrome-stable',
      '/snap/bin/chromium',
      '/usr/bin/microsoft-edge',
    ]);
    assert.equal(chromeCandidates('linux', { CHROME_PATH: '/opt/chrome/chrome' })[0], '/opt/chrome/chrome');
    const mac = chromeCandidates('darwin', { HOME: '/Users/kim' });
    assert.deepEqual(mac.slice(0, 3), [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ]);
    assert.ok(mac.includes('/Users/kim/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'));
    const windows = chromeCandidates('win32', {
      ProgramFiles: 'C:\\Program Files',
      'ProgramFiles(x86)': 'C:\\Program Files (x86)',
      LocalAppData: 'C:\\Users\\kim\\AppData\\Local',
    });
    assert.deepEqual(windows, [
      'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
      'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
      'C:\\Users\\kim\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe',
      'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
      'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
      'C:\\Users\\kim\\AppData\\Local\\Microsoft\\Edge\\Application\\msedge.exe',
    ]);
  });

  test('a configured path is used as given, or not at all', { skip: !posix }, async () => {
    const script = fakeChrome('configured-chrome', 'exit 0');
    assert.equal(await findChrome(script), script);
    assert.equal(await findChrome(`  ${script}  `), script);
    assert.equal(await findChrome('/nonexistent'), undefined);
    assert.equal(await findChrome(tmp), undefined);
    const notExecutable = path.join(tmp, 'plain-file');
    fs.writeFileSync(notExecutable, '', { mode: 0o644 });
    if (process.getuid?.() !== 0) assert.equal(await findChrome(notExecutable), undefined);
    // A bare name is looked up on PATH.
    const bin = fs.mkdtempSync(path.join(tmp, 'bin-'));
    const onPath = path.join(bin, 'my-browser');
    fs.writeFileSync(onPath, '#!/bin/sh\n', { mode: 0o755 });
    const saved = process.env.PATH;
    process.env.PATH = `${bin}${path.delimiter}${saved ?? ''}`;
    try {
      assert.equal(await findChrome('my-browser'), onPath);
    } finally {
      process.env.PATH = saved;
    }
  });

  test('what to install, per platform, in one line', () => {
    const linux = missingChromeMessage(undefined, 'linux');
    assert.match(linux, /^No Chrome or Chromium was found\. Install Chromium \(Debian: sudo apt-get install chromium;/);
    assert.match(linux, /advocacyLetter\.export\.chromePath \/ --chrome/);
    assert.match(missingChromeMessage('', 'darwin'), /Google Chrome.*brew install --cask chromium/);
    assert.match(missingChromeMessage(undefined, 'win32'), /Microsoft Edge/);
    for (const message of [linux, missingChromeMessage('/nonexistent'), missingChromeMessage(undefined, 'darwin')]) {
      assert.ok(!message.includes('\n'), message);
    }
    assert.match(missingChromeMessage('/nonexistent'), /^The browser \/nonexistent does not exist\./);
  });

  test('Chrome runs without a shell, sandboxed unless root on Linux, with its profile in the temporary folder', () => {
    const args = chromeArguments('/tmp/x', '/tmp/x/letter.html', '/tmp/x/letter.pdf');
    assert.equal(args[0], '--headless');
    assert.equal(args.includes('--no-sandbox'), process.platform === 'linux' && process.getuid?.() === 0);
    for (const flag of [
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-extensions',
      '--no-pdf-header-footer',
    ]) {
      assert.ok(args.includes(flag), flag);
    }
    assert.ok(args.includes(`--user-data-dir=${path.join('/tmp/x', 'profile')}`));
    assert.ok(args.includes('--print-to-pdf=/tmp/x/letter.pdf'));
    assert.equal(args.at(-1), 'file:///tmp/x/letter.html');
  });
});

describe('printToPdf', () => {
  // os.tmpdir() follows TMPDIR: a folder of the tests' own shows what printToPdf leaves behind.
  let scratch: string;
  let saved: string | undefined;
  before(() => {
    scratch = fs.mkdtempSync(path.join(tmp, 'tmpdir-'));
    saved = process.env.TMPDIR;
    process.env.TMPDIR = scratch;
  });
  after(() => {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  });
  const temporaryFolders = () => fs.readdirSync(scratch);

  test('a Chrome that hangs is stopped at the timeout; nothing is left behind', { skip: !posix }, async () => {
    // Not `exec`: the shell's own child holds Chrome's output open, as Chrome's helper processes can.
    const hang = fakeChrome('hanging-chrome', 'sleep 4\nexit 0');
    const out = path.join(fs.mkdtempSync(path.join(tmp, 'hang-')), 'letter.pdf');
    const started = Date.now();
    await assert.rejects(printToPdf('<!DOCTYPE html><p>x', out, { chrome: hang, timeoutMs: 300 }), (error: unknown) => {
      assert.ok(error instanceof PdfError);
      assert.equal(error.message, `Chrome (${hang}) did not finish within 0.3 s and was stopped`);
      return true;
    });
    assert.ok(Date.now() - started < 2500, `took ${Date.now() - started} ms: the answer waited for the grandchild`);
    assert.equal(fs.existsSync(out), false);
    assert.deepEqual(temporaryFolders(), []);
  });

  test('an abort signal stops Chrome the same way', { skip: !posix }, async () => {
    const hang = fakeChrome('hanging-chrome-2', 'exec sleep 4');
    const out = path.join(fs.mkdtempSync(path.join(tmp, 'abort-')), 'letter.pdf');
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('cancelled by the user')), 200);
    await assert.rejects(
      printToPdf('<p>x', out, { chrome: hang, signal: controller.signal }),
      /^Error: cancelled by the user$/,
    );
    assert.equal(fs.existsSync(out), false);
    assert.deepEqual(temporaryFolders(), []);
  });

  test('the HTML is what Chrome prints; the temporary folder is removed', { skip: !posix }, async () => {
    // A fake Chrome that "prints" the HTML file it was given, to check the file and its arguments.
    const copy = fakeChrome(
      'copying-chrome',
      `out=; url=
for a in "$@"; do case "$a" in --print-to-pdf=*) out="\${a#--print-to-pdf=}";; file://*) url="$a";; esac; done
printf '%%PDF-1.4\\n' > "$out"; cat "\${url#file://}" >> "$out"`,
    );
    const out = path.join(fs.mkdtempSync(path.join(tmp, 'copy-')), 'letter.pdf');
    await printToPdf('<!DOCTYPE html><p>Hello', out, { chrome: copy });
    assert.equal(fs.readFileSync(out, 'utf8'), '%PDF-1.4\n<!DOCTYPE html><p>Hello');
    assert.deepEqual(fs.readdirSync(path.dirname(out)), ['letter.pdf']);
    assert.deepEqual(temporaryFolders(), []);

    await assert.rejects(printToPdf('<p>again', out, { chrome: copy, overwrite: false }), (error: unknown) => {
      assert.ok(error instanceof FileWriteError);
      assert.equal(error.code, 'EEXIST');
      return true;
    });
    assert.equal(fs.readFileSync(out, 'utf8'), '%PDF-1.4\n<!DOCTYPE html><p>Hello');
    await printToPdf('<p>again', out, { chrome: copy });
    assert.equal(fs.readFileSync(out, 'utf8'), '%PDF-1.4\n<p>again');
    assert.deepEqual(fs.readdirSync(path.dirname(out)), ['letter.pdf']);
  });
});

describe('writeFileAtomic', () => {
  test('writes a new file, replaces an old one keeping its permissions, leaves no temporary file', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'atomic-'));
    const file = path.join(dir, 'letter.html');
    await writeFileAtomic(file, 'one');
    assert.equal(fs.readFileSync(file, 'utf8'), 'one');
    if (posix) fs.chmodSync(file, 0o600);
    await writeFileAtomic(file, new Uint8Array([0x74, 0x77, 0x6f]));
    assert.equal(fs.readFileSync(file, 'utf8'), 'two');
    if (posix) assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    assert.deepEqual(fs.readdirSync(dir), ['letter.html']);
  });

  test('overwrite: false never touches an existing file', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'atomic-'));
    const file = path.join(dir, 'letter.pdf');
    fs.writeFileSync(file, 'old');
    await assert.rejects(writeFileAtomic(file, 'new', { overwrite: false }), {
      name: 'FileWriteError',
      code: 'EEXIST',
      message: `${file} exists`,
    });
    assert.equal(fs.readFileSync(file, 'utf8'), 'old');
    await writeFileAtomic(path.join(dir, 'other.pdf'), 'new', { overwrite: false });
    assert.deepEqual(fs.readdirSync(dir).sort(), ['letter.pdf', 'other.pdf']);
  });

  test('a symbolic link is written through, not replaced', { skip: !posix }, async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'atomic-'));
    const real = path.join(dir, 'real.html');
    const link = path.join(dir, 'link.html');
    fs.writeFileSync(real, 'old');
    fs.symlinkSync(real, link);
    await writeFileAtomic(link, 'new');
    assert.ok(fs.lstatSync(link).isSymbolicLink());
    assert.equal(fs.readFileSync(real, 'utf8'), 'new');
  });

  test('failures are one line and leave nothing', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'atomic-'));
    const missing = path.join(dir, 'no-such-folder', 'letter.pdf');
    await assert.rejects(writeFileAtomic(missing, 'x'), {
      code: 'ENOENT',
      message: `cannot write ${missing}: no such folder`,
    });
    await assert.rejects(writeFileAtomic(dir, 'x'), { code: 'EISDIR', message: `${dir} is a directory` });
    assert.deepEqual(fs.readdirSync(dir), []);
  });
});
