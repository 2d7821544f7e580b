// The command line as writers' CI meets it: runs the built `dist/cli.js` (`npm test` builds first).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { assertUsageError, runCli, type Run } from './support/cli';

const root = path.resolve(__dirname, '..', '..');
const cli = path.join(root, 'dist', 'cli.js');
const seed = 'examples/open-letter-2013.letter.md';
const seedLines = fs.readFileSync(path.join(root, seed), 'utf8').split('\n');
const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
const title = 'Open Letter to Kim Jong-un Urges Explanation';

const run = (args: string[], cwd = root): Run => runCli(args, { cwd });

function json(result: Run): any {
  try {
    return JSON.parse(result.stdout);
  } catch {
    assert.fail(`stdout is not JSON (exit ${result.status}, stderr ${result.stderr}):\n${result.stdout.slice(0, 500)}`);
  }
}

const severities = ['error', 'warning', 'information', 'hint'];
const diagnosticKeys = ['code', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn'];

const cleanLetter = `# Open letter on prison visits

To: Jane Doe, Minister of Justice

Date: 2024-03-01

We write about the conditions documented in the reports listed below.

## Cited Reports

- Annual Report on Detention, Example Watch, 2023.

## Signatories

- John Smith, Director, Example Watch
`;

let tmp: string;

before(() => {
  assert.ok(fs.existsSync(cli), `${cli} is missing: run \`npm run build\` first (\`npm test\` does)`);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'advocacy-letter-cli-'));
});

after(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

function tmpFile(name: string, content: string | Uint8Array): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, content);
  return file;
}

describe('build', () => {
  test('dist/cli.js starts with a node shebang and is executable', { skip: process.platform === 'win32' }, () => {
    assert.ok(fs.readFileSync(cli, 'utf8').startsWith('#!/usr/bin/env node\n'));
    assert.ok((fs.statSync(cli).mode & 0o111) !== 0, 'executable bit set');
    const result = spawnSync(cli, ['--version'], { encoding: 'utf8' });
    assert.equal(result.status, 0);
    assert.equal(result.stdout, `${version}\n`);
  });
});

describe('lint --format json', () => {
  test('the seed letter: one error, report-year-missing on line 17, exit 1', () => {
    const result = run(['lint', seed, '--format', 'json']);
    assert.equal(result.status, 1, result.stderr);
    assert.equal(result.stderr, '');
    const output = json(result);
    assert.deepEqual(Object.keys(output), ['files']);
    assert.equal(output.files.length, 1);
    const [file] = output.files;
    assert.deepEqual(Object.keys(file), ['file', 'reports', 'signatories', 'diagnostics']);
    assert.equal(file.file, seed);
    assert.equal(file.reports, 4);
    assert.equal(file.signatories, 6);

    const errors = file.diagnostics.filter((d: any) => d.severity === 'error');
    assert.equal(errors.length, 1, JSON.stringify(errors));
    assert.equal(errors[0].code, 'report-year-missing');
    assert.equal(errors[0].line, 17);
    assert.match(errors[0].message, /report 4/i);
  });

  test('every diagnostic has exactly the contract fields, 1-based and ordered', () => {
    const { diagnostics } = json(run(['lint', seed, '--format', 'json'])).files[0];
    assert.ok(diagnostics.length > 0);
    let previous = [0, 0];
    for (const d of diagnostics) {
      assert.deepEqual(Object.keys(d), diagnosticKeys);
      assert.ok(severities.includes(d.severity), d.severity);
      assert.equal(typeof d.code, 'string');
      assert.ok(d.message.length > 0);
      for (const key of ['line', 'column', 'endLine', 'endColumn']) {
        assert.ok(Number.isInteger(d[key]) && d[key] >= 1, `${key} = ${d[key]}`);
      }
      assert.ok(d.line <= seedLines.length);
      assert.ok(d.endLine > d.line || (d.endLine === d.line && d.endColumn >= d.column), JSON.stringify(d));
      assert.ok(d.line > previous[0] || (d.line === previous[0] && d.column >= previous[1]), 'sorted by position');
      previous = [d.line, d.column];
    }
  });

  test('report-year-missing spans the entry text: columns 1-based, end exclusive', () => {
    const { diagnostics } = json(run(['lint', seed, '--format', 'json'])).files[0];
    const d = diagnostics.find((x: any) => x.code === 'report-year-missing');
    // Line 17 is `- Eyewitness Testimony, …`: the entry text starts after `- `, in column 3,
    // and ends with the line, so the exclusive end is one past the last character.
    assert.deepEqual(
      { line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn },
      { line: 17, column: 3, endLine: 17, endColumn: seedLines[16].length + 1 },
    );
  });

  test('the other diagnostics are whitespace-irregular hints on the doubled spaces', () => {
    const { diagnostics } = json(run(['lint', seed, '--format', 'json'])).files[0];
    const others = diagnostics.filter((d: any) => d.severity !== 'error');
    assert.ok(others.length > 0);
    for (const d of others) {
      assert.equal(d.code, 'whitespace-irregular', JSON.stringify(d));
      assert.equal(d.severity, 'hint');
    }
    // `Rights,\u00a0 Volume` and `as\u00a0 Death` on line 17, `Araki,\u00a0 Representative` on line 31:
    // each a two-character run, so endColumn = column + 2.
    const runAt = (line: number, from = 0) => seedLines[line - 1].indexOf('\u00a0 ', from) + 1;
    const expected = [
      { line: 17, column: runAt(17), endLine: 17, endColumn: runAt(17) + 2 },
      { line: 17, column: runAt(17, runAt(17)), endLine: 17, endColumn: runAt(17, runAt(17)) + 2 },
      { line: 31, column: runAt(31), endLine: 31, endColumn: runAt(31) + 2 },
    ];
    assert.deepEqual(
      others.map((d: any) => ({ line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn })),
      expected,
    );
  });

  test('-f json and --format=json are the same as --format json', () => {
    const long = run(['lint', seed, '--format', 'json']).stdout;
    assert.equal(run(['lint', '-f', 'json', seed]).stdout, long);
    assert.equal(run(['lint', `--format=json`, seed]).stdout, long);
    assert.equal(run(['lint', `-fjson`, seed]).stdout, long);
  });

  test('a letter with no problem exits 0 with an empty diagnostics list', () => {
    const file = tmpFile('clean.letter.md', cleanLetter);
    const result = run(['lint', '--format', 'json', file]);
    assert.equal(result.status, 0, result.stdout);
    const [entry] = json(result).files;
    assert.deepEqual(entry, { file, reports: 1, signatories: 1, diagnostics: [] });
  });

  test('several files are reported in the order given; any error makes exit 1', () => {
    const clean = tmpFile('clean2.letter.md', cleanLetter);
    const result = run(['lint', '--format', 'json', clean, seed]);
    assert.equal(result.status, 1);
    const { files } = json(result);
    assert.deepEqual(
      files.map((f: any) => f.file),
      [clean, seed],
    );
  });

  test('a UTF-8 byte order mark is dropped before parsing', () => {
    const withBom = tmpFile('bom.letter.md', `\ufeff${seedLines.join('\n')}`);
    const plain = json(run(['lint', '--format', 'json', seed])).files[0].diagnostics;
    const result = run(['lint', '--format', 'json', withBom]);
    assert.equal(result.status, 1);
    assert.deepEqual(json(result).files[0].diagnostics, plain);
  });
});

describe('lint --format text', () => {
  test('one `file:line:col severity code message` line per diagnostic, summary on stderr', () => {
    const result = run(['lint', seed]);
    assert.equal(result.status, 1);
    const lines = result.stdout.split('\n');
    assert.equal(lines.pop(), '', 'ends with a line break');
    const { diagnostics } = json(run(['lint', seed, '--format', 'json'])).files[0];
    assert.equal(lines.length, diagnostics.length);
    lines.forEach((line, i) => {
      const d = diagnostics[i];
      assert.equal(line, `${seed}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`);
      assert.match(line, /^[^:]+:\d+:\d+ (error|warning|information|hint) [a-z-]+ \S.*$/);
    });
    assert.ok(
      lines.some((l) => l.startsWith(`${seed}:17:3 error report-year-missing `)),
      lines.join('\n'),
    );
    assert.match(result.stderr, /^\d+ problems \(1 error, 0 warnings, 0 information, \d+ hints?\) in 1 file\n$/);
  });

  test('--lang ja: the messages in Japanese, the rest of the line, the summary and JSON as before', () => {
    const english = run(['lint', seed]);
    const japanese = run(['lint', '--lang', 'ja', seed]);
    assert.equal(japanese.status, english.status);
    assert.equal(japanese.stderr, english.stderr);
    const lines = japanese.stdout.split('\n');
    assert.equal(lines[0], `${seed}:17:3 error report-year-missing 引用報告書 4 に発行年がありません。`);
    assert.deepEqual(
      lines.map((l) => l.split(' ').slice(0, 3).join(' ')),
      english.stdout.split('\n').map((l) => l.split(' ').slice(0, 3).join(' ')),
    );
    assert.equal(
      run(['lint', '--lang=ja-JP', '--format', 'json', seed]).stdout,
      run(['lint', '--format', 'json', seed]).stdout,
    );
    assert.equal(run(['lint', '--lang', 'en', seed]).stdout, english.stdout);
    assertUsageError(run(['lint', '--lang', 'fr', seed]), "unknown language 'fr' for --lang; use en or ja");
    assertUsageError(
      run(['parse', '--no-config', '--lang', 'fr', seed]),
      "unknown language 'fr' for --lang; use en or ja",
    );
    const notes = run([
      'convert',
      '--lang',
      'ja',
      path.join(root, 'test', 'fixtures', 'convert', 'open-letter-2013.txt'),
    ]);
    assert.equal(notes.status, 0);
    assert.match(notes.stderr, /^note: 表題: 「Open Letter to Kim Jong-un Urges Explanation」\(1 行目\)。\n/);
  });

  test('no problems: nothing on stdout, exit 0', () => {
    const file = tmpFile('clean3.letter.md', cleanLetter);
    const result = run(['lint', file]);
    assert.equal(result.status, 0, result.stdout);
    assert.equal(result.stdout, '');
    assert.equal(result.stderr, 'no problems in 1 file\n');
  });
});

describe('lint --format sarif', () => {
  test('SARIF 2.1.0 with the rules and a result for report-year-missing', () => {
    const result = run(['lint', seed, '--format', 'sarif']);
    assert.equal(result.status, 1);
    const sarif = json(result);
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.runs.length, 1);
    const [sarifRun] = sarif.runs;
    const driver = sarifRun.tool.driver;
    assert.equal(driver.name, 'advocacy-letter');
    assert.equal(driver.version, version);

    const ruleIds = driver.rules.map((r: any) => r.id);
    for (const code of ['report-year-missing', 'whitespace-irregular', 'signatories-missing', 'date-invalid']) {
      assert.ok(ruleIds.includes(code), code);
    }
    const yearRule = driver.rules.find((r: any) => r.id === 'report-year-missing');
    assert.equal(yearRule.helpUri, 'docs/rules/report-year-missing.md');
    assert.equal(yearRule.defaultConfiguration.level, 'error');
    assert.ok(yearRule.shortDescription.text.length > 0);
    const levelOf = (id: string) => driver.rules.find((r: any) => r.id === id).defaultConfiguration.level;
    assert.equal(levelOf('whitespace-irregular'), 'note');
    assert.equal(levelOf('reports-missing'), 'note');
    assert.equal(levelOf('report-duplicate'), 'warning');

    const yearResults = sarifRun.results.filter((r: any) => r.ruleId === 'report-year-missing');
    assert.equal(yearResults.length, 1);
    const [yearResult] = yearResults;
    assert.equal(yearResult.level, 'error');
    assert.equal(driver.rules[yearResult.ruleIndex].id, 'report-year-missing');
    assert.ok(yearResult.message.text.length > 0);
    const location = yearResult.locations[0].physicalLocation;
    assert.equal(location.artifactLocation.uri, seed);
    assert.deepEqual(location.region, {
      startLine: 17,
      startColumn: 3,
      endLine: 17,
      endColumn: seedLines[16].length + 1,
    });
    for (const r of sarifRun.results.filter((x: any) => x.ruleId === 'whitespace-irregular')) {
      assert.equal(r.level, 'note');
    }
  });
});

describe('lint --ignore and --severity', () => {
  const diagnosticsOf = (result: Run) => json(result).files[0].diagnostics as any[];

  test('--ignore turns a check off; no error left means exit 0', () => {
    const result = run(['lint', '--format', 'json', '--ignore', 'report-year-missing', seed]);
    assert.equal(result.status, 0);
    const diagnostics = diagnosticsOf(result);
    assert.ok(diagnostics.length > 0);
    assert.ok(diagnostics.every((d) => d.code !== 'report-year-missing'));
  });

  test('--ignore takes a comma-separated list and repeats', () => {
    const listed = run(['lint', '-f', 'json', '--ignore', 'report-year-missing,whitespace-irregular', seed]);
    assert.equal(listed.status, 0);
    assert.deepEqual(diagnosticsOf(listed), []);
    const repeated = run([
      'lint',
      '-f',
      'json',
      '--ignore',
      'report-year-missing',
      '--ignore=whitespace-irregular',
      seed,
    ]);
    assert.equal(repeated.status, 0);
    assert.deepEqual(diagnosticsOf(repeated), []);
  });

  test('--severity lowers an error to a warning: exit 0', () => {
    const result = run(['lint', '-f', 'json', '--severity', 'report-year-missing=warning', seed]);
    assert.equal(result.status, 0);
    const d = diagnosticsOf(result).find((x) => x.code === 'report-year-missing');
    assert.equal(d.severity, 'warning');
  });

  test('--severity raises a hint to an error: exit 1', () => {
    const result = run([
      'lint',
      '-f',
      'json',
      '--severity',
      'report-year-missing=ignore',
      '--severity',
      'whitespace-irregular=error',
      seed,
    ]);
    assert.equal(result.status, 1);
    const diagnostics = diagnosticsOf(result);
    assert.ok(diagnostics.length > 0);
    for (const d of diagnostics) {
      assert.equal(d.code, 'whitespace-irregular');
      assert.equal(d.severity, 'error');
    }
  });

  test('the severity shows in the text and SARIF output too', () => {
    const text = run(['lint', '--severity', 'report-year-missing=information', seed]);
    assert.equal(text.status, 0);
    assert.match(text.stdout, /:17:3 information report-year-missing /);
    const sarif = json(run(['lint', '-f', 'sarif', '--severity', 'report-year-missing=warning', seed]));
    assert.equal(sarif.runs[0].results.find((r: any) => r.ruleId === 'report-year-missing').level, 'warning');
  });

  test('unknown codes, levels and malformed values are exit 2', () => {
    assertUsageError(run(['lint', '--ignore', 'nope', seed]), "unknown check code 'nope'");
    assertUsageError(run(['lint', '--ignore', 'report-year-missing,nope', seed]), "unknown check code 'nope'");
    assertUsageError(run(['lint', '--severity', 'nope=error', seed]), "unknown check code 'nope'");
    assertUsageError(run(['lint', '--severity', 'report-year-missing=fatal', seed]), /unknown severity 'fatal'/);
    assertUsageError(run(['lint', '--severity', 'report-year-missing', seed]), /CODE=LEVEL/);
  });
});

describe('parse', () => {
  test('the seed letter as the format page describes it', () => {
    const result = run(['parse', seed]);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr, '');
    const letter = json(result);
    for (const key of [
      'title',
      'addressees',
      'date',
      'replyBy',
      'reports',
      'signatories',
      'cc',
      'subject',
      'signedBy',
    ]) {
      assert.ok(key in letter, key);
    }
    assert.equal(letter.title, title);
    assert.equal(letter.addressees.length, 1);
    assert.equal(letter.addressees[0].name, 'Kim Jong-un');
    assert.deepEqual(letter.addressees[0].titles, [
      'First Secretary of the Workers’ Party of Korea',
      'Chairman of the National Defense Commission',
    ]);
    assert.equal(letter.date, '2013-05-07');
    assert.equal(letter.replyBy, null);
    assert.equal(letter.subject, null);
    assert.deepEqual(letter.cc, []);
    assert.equal(letter.signedBy, 'people');

    assert.equal(letter.reports.length, 4);
    for (const report of letter.reports) {
      for (const key of ['title', 'publisher', 'year', 'url', 'line']) {
        assert.ok(key in report, key);
      }
    }
    assert.equal(letter.reports[0].title, 'North Korean Human Rights White Paper');
    assert.equal(letter.reports[0].publisher, 'North Korean Human Rights Database (NKDB Seoul)');
    assert.equal(letter.reports[0].year, 2012);
    assert.equal(letter.reports[0].url, null);
    assert.equal(letter.reports[3].year, null);
    assert.deepEqual(
      letter.reports.map((r: any) => r.line),
      [13, 15, 16, 17],
    );

    assert.equal(letter.signatories.length, 6);
    assert.deepEqual(letter.signatories[2], {
      ...letter.signatories[2],
      name: 'Kazuhiro Araki',
      role: 'Representative',
      organization: 'Investigation Commission on Missing Japanese Related to North Korea',
      place: null,
      line: 31,
    });
    assert.deepEqual(
      letter.signatories.map((s: any) => s.line),
      [29, 30, 31, 33, 35, 37],
    );
  });

  test('parse never fails on content: an empty letter is exit 0', () => {
    const result = run(['parse', tmpFile('empty.letter.md', '')]);
    assert.equal(result.status, 0, result.stderr);
    const letter = json(result);
    assert.equal(letter.title, null);
    assert.deepEqual(letter.reports, []);
    assert.deepEqual(letter.signatories, []);
  });

  test('a byte order mark does not reach the title', () => {
    const result = run(['parse', tmpFile('bom-parse.letter.md', `\ufeff${seedLines.join('\n')}`)]);
    assert.equal(result.status, 0);
    assert.equal(json(result).title, title);
  });

  test('takes exactly one FILE', () => {
    assertUsageError(run(['parse']), 'parse needs a FILE; see advocacy-letter parse --help');
    assertUsageError(run(['parse', seed, seed]), /^parse takes one FILE, got 2/);
  });
});

describe('render', () => {
  test('prints a standalone HTML document on stdout', () => {
    const result = run(['render', seed]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^<!DOCTYPE html>/i);
    assert.ok(result.stdout.includes(title));
  });

  test('-o writes the file and nothing else: no temporary file left beside it', () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'render-'));
    const out = path.join(dir, 'letter.html');
    const result = run(['render', seed, '-o', out]);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, '');
    const html = fs.readFileSync(out, 'utf8');
    assert.match(html, /^<!DOCTYPE html>/i);
    assert.ok(html.includes(title));
    assert.equal(html, run(['render', seed]).stdout);
    assert.deepEqual(fs.readdirSync(dir), ['letter.html']);
  });

  test('--output=OUT replaces an existing file', () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'render-'));
    const out = path.join(dir, 'letter.html');
    fs.writeFileSync(out, 'old');
    const result = run(['render', `--output=${out}`, seed]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(fs.readFileSync(out, 'utf8'), /^<!DOCTYPE html>/i);
    assert.deepEqual(fs.readdirSync(dir), ['letter.html']);
  });

  test('a write that fails leaves no file and is exit 2', () => {
    const out = path.join(tmp, 'no-such-folder', 'letter.html');
    assertUsageError(run(['render', seed, '-o', out]), `cannot write ${out}: no such folder`);
    assert.equal(fs.existsSync(path.dirname(out)), false);

    const dir = fs.mkdtempSync(path.join(tmp, 'render-'));
    assertUsageError(run(['render', seed, '-o', dir]), `${dir} is a directory; give a file name for -o`);
    assert.deepEqual(fs.readdirSync(dir), []);
  });

  test('refuses to write the HTML over the letter itself', () => {
    const file = tmpFile('self.letter.md', cleanLetter);
    assertUsageError(run(['render', file, '-o', file]), /^refusing to write the HTML over the letter/);
    assert.equal(fs.readFileSync(file, 'utf8'), cleanLetter);
  });

  test('--paper sets the page size of a letter that does not say; the front matter wins', () => {
    const a4 = run(['render', seed]);
    assert.match(a4.stdout, /@page \{ size: A4;/);
    const letter = run(['render', seed, '--paper', 'letter']);
    assert.equal(letter.status, 0, letter.stderr);
    assert.match(letter.stdout, /@page \{ size: letter;/);
    assert.doesNotMatch(letter.stdout, /size: A4/);
    assert.match(run(['render', seed, '--paper=A4']).stdout, /@page \{ size: A4;/);

    const own = tmpFile('paper.letter.md', `---\npaper: letter\n---\n${cleanLetter}`);
    assert.match(run(['render', own, '--paper', 'a4']).stdout, /@page \{ size: letter;/);

    assertUsageError(
      run(['render', seed, '--paper', 'a5']),
      "unknown paper 'a5' for --paper; use a4 or letter (see advocacy-letter render --help)",
    );
  });

  test('needs a FILE, and -o needs a value', () => {
    assertUsageError(run(['render']), 'render needs a FILE; see advocacy-letter render --help');
    assertUsageError(run(['render', seed, '-o']), 'option -o needs a value; see advocacy-letter render --help');
  });
});

describe('files that cannot be read', () => {
  for (const command of ['lint', 'parse', 'render', 'pdf']) {
    test(`${command}: a missing file, a directory, a binary file, a non-UTF-8 file`, () => {
      const missing = path.join(tmp, 'missing.letter.md');
      assertUsageError(run([command, missing]), `no such file: ${missing}`);
      assertUsageError(run([command, tmp]), `${tmp} is a directory; give a .letter.md file`);
      const binary = tmpFile(
        'scan.letter.md',
        new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      );
      assertUsageError(run([command, binary]), `${binary} is not UTF-8 text`);
      const latin1 = tmpFile('latin1.letter.md', new Uint8Array([0xff, 0xfe, 0x41]));
      assertUsageError(run([command, latin1]), `${latin1} is not UTF-8 text`);
    });
  }

  test('lint still checks the readable files, prints the error, exits 2', () => {
    const missing = path.join(tmp, 'gone.letter.md');
    const text = run(['lint', seed, missing]);
    assert.equal(text.status, 2);
    assert.ok(text.stdout.includes(`${seed}:17:3 error report-year-missing `));
    assert.ok(text.stderr.includes(`advocacy-letter: no such file: ${missing}\n`));

    const asJson = run(['lint', '--format', 'json', missing, seed]);
    assert.equal(asJson.status, 2);
    assert.deepEqual(
      json(asJson).files.map((f: any) => f.file),
      [seed],
    );
    assert.equal(asJson.stderr, `advocacy-letter: no such file: ${missing}\n`);
  });

  test('`--` lets a file name start with a dash', () => {
    fs.writeFileSync(path.join(tmp, '-dash.letter.md'), cleanLetter);
    const result = run(['lint', '--', '-dash.letter.md'], tmp);
    assert.equal(result.status, 0, result.stderr);
  });
});

describe('arguments', () => {
  test('no command: help on stderr, exit 2', () => {
    const result = run([]);
    assert.equal(result.status, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^Usage: advocacy-letter COMMAND/);
  });

  test('--help and -h list the commands, exit 0', () => {
    for (const flag of ['--help', '-h']) {
      const result = run([flag]);
      assert.equal(result.status, 0);
      assert.equal(result.stderr, '');
      for (const word of ['lint FILE', 'parse FILE', 'render FILE', 'pdf FILE', '--version']) {
        assert.ok(result.stdout.includes(word), word);
      }
    }
    assert.equal(run(['help']).stdout, run(['--help']).stdout);
  });

  test('--version prints the package version', () => {
    const result = run(['--version']);
    assert.equal(result.status, 0);
    assert.equal(result.stdout, `${version}\n`);
  });

  const commandOptions: Record<string, string[]> = {
    lint: ['--format', '-f,', 'text', 'json', 'sarif', '--ignore', '--severity', '--lang en|ja', '--help'],
    parse: ['--lang en|ja', '--help'],
    render: ['-o, --output', '--paper a4|letter', '--help'],
    pdf: ['-o, --output OUT.pdf', '--force', '--chrome PATH', '--paper a4|letter', '--help'],
  };
  for (const [command, options] of Object.entries(commandOptions)) {
    test(`${command} --help shows its usage and options, exit 0`, () => {
      const result = run([command, '--help']);
      assert.equal(result.status, 0);
      assert.equal(result.stderr, '');
      assert.ok(result.stdout.startsWith(`Usage: advocacy-letter ${command} FILE`));
      for (const option of options) {
        assert.ok(result.stdout.includes(option), option);
      }
      assert.equal(run([command, '-h']).stdout, result.stdout);
      assert.equal(run(['help', command]).stdout, result.stdout);
      // Help wins over the rest of the line.
      assert.equal(run([command, seed, '--no-such-option', '--help']).status, 0);
    });
  }

  test('unknown options, commands and formats are one clear line, exit 2', () => {
    assertUsageError(run(['lint', '--foo', seed]), 'unknown option --foo for lint; see advocacy-letter lint --help');
    assertUsageError(run(['lint', '--foo=1', seed]), 'unknown option --foo for lint; see advocacy-letter lint --help');
    assertUsageError(run(['parse', '-x', seed]), 'unknown option -x for parse; see advocacy-letter parse --help');
    assertUsageError(run(['render', seed, '--format', 'json']), /^unknown option --format for render/);
    assertUsageError(run(['--foo']), 'unknown option --foo; see advocacy-letter --help');
    assertUsageError(run(['frobnicate', seed]), "unknown command 'frobnicate'; see advocacy-letter --help");
    assertUsageError(run(['help', 'frobnicate']), "unknown command 'frobnicate'; see advocacy-letter --help");
    assertUsageError(
      run(['lint', '--format', 'xml', seed]),
      "unknown format 'xml' for --format; use text, json or sarif",
    );
    assertUsageError(run(['lint', seed, '--format']), 'option --format needs a value; see advocacy-letter lint --help');
    assertUsageError(run(['parse', '--help=yes', seed]), /^unknown option|takes no value/);
  });

  test('lint with no FILE is exit 2', () => {
    assertUsageError(run(['lint']), 'lint needs at least one FILE; see advocacy-letter lint --help');
    assertUsageError(
      run(['lint', '--format', 'json']),
      'lint needs at least one FILE; see advocacy-letter lint --help',
    );
  });

  // Where util.parseArgs' strict mode reads a line otherwise than the documented usage.
  test('a value may start with a dash; letters after -h are no options; messages name the argument', () => {
    const format = (value: string) => `unknown format '${value}' for --format; use text, json or sarif`;
    assertUsageError(run(['lint', '--format', '--json', seed]), format('--json'));
    assertUsageError(run(['lint', '-f', '-x', seed]), format('-x'));
    const dir = fs.mkdtempSync(path.join(tmp, 'dash-'));
    const result = run(['render', path.join(root, seed), '-o', '-draft.html'], dir);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(fs.readdirSync(dir), ['-draft.html']);
    const lintUsage = (problem: string) => `${problem}; see advocacy-letter lint --help`;
    assertUsageError(run(['lint', '-hh', seed]), lintUsage('unknown option -hh for lint'));
    assertUsageError(run(['lint', '-hfjson', seed]), lintUsage('unknown option -hfjson for lint'));
    assertUsageError(run(['lint', '-xjson', seed]), lintUsage('unknown option -x for lint'));
    assertUsageError(run(['lint', '--=x', seed]), lintUsage('unknown option -- for lint'));
    assertUsageError(run(['lint', seed, '-f']), lintUsage('option -f needs a value'));
    const parseUsage = 'option --help takes no value; see advocacy-letter parse --help';
    assertUsageError(run(['parse', '--help=yes', seed]), parseUsage);
    assertUsageError(run(['pdf', seed, '--force=1']), 'option --force takes no value; see advocacy-letter pdf --help');
  });
});

describe('the configuration file .advocacy-letter.json', () => {
  const seedText = seedLines.join('\n');
  /** A letter two folders below its configuration file; returns the letter's path. */
  function project(name: string, config: string | undefined): { letter: string; dir: string } {
    const dir = path.join(tmp, name);
    fs.mkdirSync(path.join(dir, 'letters', '2013'), { recursive: true });
    if (config !== undefined) fs.writeFileSync(path.join(dir, '.advocacy-letter.json'), config);
    const letter = path.join(dir, 'letters', '2013', 'seed.letter.md');
    fs.writeFileSync(letter, seedText);
    return { letter, dir };
  }
  const codesOf = (result: Run) =>
    json(result).files[0].diagnostics.map((d: { code: string; severity: string }) => `${d.code}:${d.severity}`);

  test('is found in a parent folder and its severities apply', () => {
    const { letter } = project(
      'config-parent',
      '// lowered for the draft\n{ "severity": { "report-year-missing": "warning", }, }\n',
    );
    const result = run(['lint', letter, '--format', 'json']);
    assert.equal(result.status, 0, result.stderr);
    assert.ok(codesOf(result).includes('report-year-missing:warning'));
    assert.equal(result.stderr, '');
  });

  test('--no-config ignores it', () => {
    const { letter } = project('config-none', '{ "severity": { "report-year-missing": "warning" } }');
    const result = run(['lint', letter, '--format', 'json', '--no-config']);
    assert.equal(result.status, 1);
    assert.ok(codesOf(result).includes('report-year-missing:error'));
  });

  test('--config FILE is used instead of the nearest one', () => {
    const { letter } = project('config-explicit', '{ "severity": { "report-year-missing": "warning" } }');
    const other = tmpFile(
      'other-config.json',
      '{ "severity": { "report-year-missing": "ignore", "whitespace-irregular": "ignore" } }',
    );
    const result = run(['lint', letter, '--format', 'json', '--config', other]);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(codesOf(result), []);
  });

  test('--config with a missing file is exit 2', () => {
    const { letter } = project('config-missing', undefined);
    assertUsageError(
      run(['lint', letter, '--config', path.join(tmp, 'no-such.json')]),
      `no such file: ${path.join(tmp, 'no-such.json')}`,
    );
  });

  test('--severity and --ignore win over the file', () => {
    const { letter } = project(
      'config-precedence',
      '{ "severity": { "report-year-missing": "warning", "whitespace-irregular": "error" } }',
    );
    const result = run([
      'lint',
      letter,
      '--format',
      'json',
      '--severity',
      'report-year-missing=error',
      '--ignore',
      'whitespace-irregular',
    ]);
    assert.equal(result.status, 1);
    assert.deepEqual(codesOf(result), ['report-year-missing:error']);
  });

  test('a broken configuration is reported as warnings on stderr; its valid part is used', () => {
    const { letter, dir } = project(
      'config-broken',
      '{\n  "severity": { "no-such-check": "error", "report-year-missing": "hint" },\n  "colour": "red",\n',
    );
    const result = run(['lint', letter], dir);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /report-year-missing/);
    assert.match(result.stdout, / hint report-year-missing /);
    const lines = result.stderr.split('\n').filter((l) => l.includes(' warning config '));
    assert.ok(
      lines.some((l) => l.startsWith('.advocacy-letter.json:2:17 warning config Unknown check code "no-such-check"')),
      result.stderr,
    );
    assert.ok(
      lines.some((l) => l.startsWith('.advocacy-letter.json:3:3 warning config Unknown key "colour"')),
      result.stderr,
    );
    for (const garbage of ['nonsense', '[]', '{"severity": 3}', '']) {
      fs.writeFileSync(path.join(dir, '.advocacy-letter.json'), garbage);
      const again = run(['lint', letter, '--format', 'json'], dir);
      assert.equal(again.status, 1, again.stderr);
      assert.ok(codesOf(again).includes('report-year-missing:error'));
    }
  });

  test('parse, render and pdf read its section names and labels', () => {
    const { letter } = project(
      'config-vocabulary',
      '{ "sections": { "signatories": ["Unterzeichner"] }, "fieldLabels": { "addressee": ["Empfänger"] } }',
    );
    fs.writeFileSync(letter, cleanLetter.replace('To:', 'Empfänger:').replace('## Signatories', '## Unterzeichner'));
    const parsed = json(run(['parse', letter]));
    assert.equal(parsed.addressees[0].name, 'Jane Doe');
    assert.equal(parsed.signatories.length, 1);
    assert.equal(json(run(['parse', letter, '--no-config'])).signatories.length, 0);
    const html = run(['render', letter]);
    assert.equal(html.status, 0);
    assert.match(html.stdout, /John Smith/);
    assert.match(run(['pdf', '--help']).stdout, /--no-config/);
  });
});
