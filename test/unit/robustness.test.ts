// Robustness of the engine against what an editor really feeds it:
//  - every prefix of every fixture letter, as a writer types it, parses and lints with ranges
//    inside the prefix;
//  - pathological letters (gigantic, deeply nested, binary, hostile YAML) neither throw nor hang:
//    each runs in a worker thread terminated past a generous bound, so a hang or a quadratic
//    blow-up fails its test instead of stalling the run. Times are printed, not asserted.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { EnginePool } from './support/enginePool';
import { repoRoot } from './support/expectations';
import type { CaseSummary, JobResult, PrefixSummary } from './support/worker';

// Two workers: the machine has two cores and the test runner runs one file at a time.
const pool = new EnginePool(Number(process.env.POOL ?? 2));
after(() => pool.close());

const PATHOLOGICAL_BOUND_MS = 10_000;
const PREFIXES_BOUND_MS = 60_000;

function letterFiles(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...letterFiles(path));
    else if (name.endsWith('.letter.md')) found.push(path);
  }
  return found;
}

function expectKind<K extends JobResult['kind']>(result: JobResult, kind: K): Extract<JobResult, { kind: K }> {
  if (result.kind === 'error') assert.fail(`the engine threw:\n${result.message}`);
  assert.equal(result.kind, kind);
  return result as Extract<JobResult, { kind: K }>;
}

describe('typing simulation: every prefix of every fixture and example letter', { concurrency: 2 }, () => {
  const files = [...letterFiles(join(repoRoot, 'test', 'fixtures')), ...letterFiles(join(repoRoot, 'examples'))];
  test('there are fixture letters to type', () => assert.ok(files.length > 10, `found ${files.length}`));
  let totalPrefixes = 0;
  let totalMs = 0;
  for (const file of files) {
    test(relative(repoRoot, file), async () => {
      const result = expectKind(await pool.run({ kind: 'prefixes', file }, PREFIXES_BOUND_MS), 'prefixes') as PrefixSummary;
      totalPrefixes += result.prefixes;
      totalMs += result.ms;
      assert.ok(result.prefixes >= result.length / 9, `only ${result.prefixes} prefixes of ${result.length} characters`);
      assert.equal(result.failureCount, 0, `${result.failureCount} of ${result.prefixes} prefixes failed:\n${result.failures.join('\n')}`);
    });
  }
  after(() => console.log(`typing simulation: ${totalPrefixes} prefixes of ${files.length} letters in ${(totalMs / 1000).toFixed(1)} s of worker time`));
});

type Check = (s: CaseSummary) => void;

const noCheck: Check = () => {};
const signatories = (n: number): Check => (s) => assert.equal(s.signatories, n);
const reports = (n: number): Check => (s) => assert.equal(s.reports, n);
const has = (code: string, count?: number): Check => (s) => {
  assert.ok((s.codes[code] ?? 0) > 0, `expected ${code}, got ${JSON.stringify(s.codes)}`);
  if (count !== undefined) assert.equal(s.codes[code], count, `${code}: ${JSON.stringify(s.codes)}`);
};
const hasNot = (code: string): Check => (s) => assert.equal(s.codes[code] ?? 0, 0, `unexpected ${code}: ${JSON.stringify(s.codes)}`);
const all = (...checks: Check[]): Check => (s) => checks.forEach((c) => c(s));

/** What each case must come out as, beyond "no throw, no hang, ranges inside, HTML a string". */
const expectations: Record<string, Check> = {
  'stars: 60,000 * on one line': noCheck,
  'stars: 60,000 * as emphasis openers (*a*a…)': noCheck,
  'stars: 60,000 * ending a signatory entry': signatories(1),
  'stars: 60,000 _ and * mixed in a field': (s) => assert.equal(s.fields, 1),
  'brackets: 10,000 unclosed [': noCheck,
  'brackets: 10,000 unclosed [ in a cited report': reports(1),
  'brackets: 10,000 unclosed [a]( link openers': noCheck,
  'brackets: 10,000 nested [[[…]]] around a link': (s) => assert.equal(s.fields, 1),
  'backticks: 50,000 unbalanced ` in a field': (s) => assert.equal(s.fields, 1),
  'long line: 200,000 characters in a signatory entry': all(signatories(1), hasNot('signatory-organization-missing')),
  'long line: 200,000-character body paragraph': noCheck,
  'long line: 200,000 characters of commas in a cited report': all(reports(1), hasNot('report-year-missing')),
  'long line: 66,666 doubled spaces in a signatory entry': all(signatories(1), has('whitespace-irregular', 66_666)),
  'long line: 440,000 characters of entities and emphasis in a field': (s) => assert.equal(s.fields, 1),
  'long line: 200,000-character date field': has('date-invalid', 1),
  'many: 50,000 signatories': all(signatories(50_000), hasNot('signatory-duplicate')),
  'many: 50,000 identical signatories': all(signatories(50_000), has('signatory-duplicate', 49_999)),
  'many: 100,000 signatories': signatories(100_000),
  'many: 50,000 cited reports': all(reports(50_000), has('report-duplicate')),
  'many: 20,000 links in one body paragraph': noCheck,
  'many: 20,000 links in one signatory entry': signatories(1),
  'many: 40,000 To: lines in one paragraph': (s) => assert.equal(s.addressees, 40_000),
  'many: 50,000 Date: lines in one paragraph': (s) => assert.equal(s.fields, 50_000),
  'many: an addressee with 100,000 title lines': all((s) => assert.equal(s.addressees, 1), hasNot('addressee-title-missing')),
  'many: a Cc field of 50,000 names': (s) => assert.equal(s.fields, 1),
  'many: 20,000 signatories sections': all(signatories(20_000), (s) => assert.equal(s.sections, 20_000)),
  'many: 100,000-line wrapped signatory entry': signatories(1),
  'nesting: lists 1,000 deep': (s) => assert.ok(s.signatories >= 1),
  'nesting: ordered lists 1,000 deep': (s) => assert.ok(s.reports >= 1),
  'nesting: block quotes 1,000 deep': noCheck,
  'front matter only: closed': all(hasNot('frontmatter-invalid'), has('signatories-missing')),
  'front matter only: empty': has('signatories-missing'),
  'front matter only: unclosed': noCheck,
  'front matter: billion laughs (9 levels of 9 aliases)': has('frontmatter-invalid'),
  'front matter: 50,000 keys': has('frontmatter-unknown-key', 50_000),
  'binary: 100,000 random bytes as latin1': noCheck,
  'binary: 100,000 random bytes as UTF-8 (replacement chars)': noCheck,
  'NUL: 10,000 NUL bytes': noCheck,
  'NUL: a letter with NUL bytes in every entry and field': all(signatories(2), reports(2)),
  'surrogates: lone \\ud800 and \\udfff in every position': noCheck,
  'surrogates: 50,000 lone surrogates in a signatory': signatories(1),
  'line endings: a 10,000-signatory letter with LF': all(signatories(10_000), reports(1)),
  'line endings: a 10,000-signatory letter with CRLF': all(signatories(10_000), reports(1)),
  'line endings: a 10,000-signatory letter with CR': all(signatories(10_000), reports(1)),
  'line endings: 100,000 mixed line breaks': (s) => assert.equal(s.lineCount, 100_001),
  'blank lines: 100,000 blank lines': (s) => assert.equal(s.lineCount, 100_001),
  "blank lines: 100,000 blank lines between a letter's parts": signatories(2),
  'heading: a 10,000-level heading-like line': noCheck,
  'heading: 10,000 # in a signatory entry': signatories(1),
  'directives: 20,000 disable-next-line comments': all(signatories(10_000), (s) => assert.equal(s.directives, 20_000), hasNot('signatory-role-missing')),
  'directives: 20,000 disable/enable comments': all(signatories(10_000), (s) => assert.equal(s.directives, 20_000), hasNot('signatory-role-missing')),
  'directives: 20,000 disable-next-line comments in a row': (s) => assert.equal(s.directives, 20_000),
  'directives: an unclosed disable comment of 100,000 lines': noCheck,
};

describe('pathological letters: no throw, no hang, ranges inside, HTML rendered', { concurrency: 2 }, () => {
  const timings: { name: string; ms: CaseSummary['ms']; wallMs: number; length: number }[] = [];
  for (const [name, check] of Object.entries(expectations)) {
    test(name, async (t) => {
      const result = await pool.run({ kind: 'case', name }, PATHOLOGICAL_BOUND_MS);
      const summary = expectKind(result, 'case') as CaseSummary;
      timings.push({ name, ms: summary.ms, wallMs: result.wallMs, length: summary.length });
      t.diagnostic(`${(summary.ms.total / 1000).toFixed(2)} s (parse ${summary.ms.parse.toFixed(0)} ms, lint ${summary.ms.lint.toFixed(0)} ms, render ${summary.ms.render.toFixed(0)} ms)`);
      assert.deepEqual(summary.rangeProblems, [], 'every range inside the document');
      assert.equal(summary.linesMismatch, null, 'letter.lines are the document lines');
      assert.equal(summary.htmlIsString, true, 'renderLetter gives HTML');
      check(summary);
    });
  }
  after(() => {
    const rows = timings
      .sort((a, b) => b.ms.total - a.ms.total)
      .map((r) => `  ${(r.ms.total / 1000).toFixed(2).padStart(6)} s  parse ${r.ms.parse.toFixed(0).padStart(5)}  lint ${r.ms.lint.toFixed(0).padStart(5)}  outline ${r.ms.outline.toFixed(0).padStart(4)}  render ${r.ms.render.toFixed(0).padStart(5)} ms  ${r.name} (${r.length.toLocaleString('en')} chars)`);
    console.log(`pathological letters, slowest first (worker time):\n${rows.join('\n')}`);
  });
});

test('every pathological case has an expectation', async () => {
  const { pathologicalCases } = await import('./support/pathological');
  assert.deepEqual(Object.keys(pathologicalCases).sort(), Object.keys(expectations).sort());
});
