// Robustness of the engine against what an editor really feeds it:
//  - every prefix of every fixture letter, as a writer types it, parses and lints with ranges
//    inside the prefix;
//  - pathological letters (gigantic, deeply nested, binary, hostile YAML) neither throw nor blow
//    up: each runs at half its size and at its size, and fails when the engine's time grows more
//    than 3× per doubling of the text (linear work grows 2×, a quadratic 4×). A growth, unlike a time, holds on a
//    slow or loaded machine. Each pair runs in a worker thread terminated past a generous bound,
//    only so that a hang fails its test instead of stalling the run.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { EnginePool } from './support/enginePool';
import { repoRoot } from './support/expectations';
import type { CaseSummary, GrowthSummary, JobResult, PrefixSummary } from './support/worker';

// Two workers: the machine has two cores and the test runner runs one file at a time.
const pool = new EnginePool(Number(process.env.POOL ?? 2));
after(() => pool.close());

/**
 * Against hangs only: the largest case, run at two sizes (up to five times each), takes seconds on
 * a quiet machine, and was seen past 120 s under a load average of 10.
 */
const PATHOLOGICAL_BOUND_MS = 240_000;
/**
 * Below this, a run is too short for its growth to mean anything on a shared machine (timer and
 * collector noise): only the hang bound applies.
 */
const GROWTH_FLOOR_MS = 100;
/**
 * Per doubling of the text. Linear work grows 2×; the collector adds up to ~2.7× on a loaded
 * machine when a run outgrows V8's young generation (seen with 60,000 problems in one entry); a
 * quadratic grows 4×. A pair above GROWTH_RECHECK (2.5×) has been measured up to five times.
 */
const GROWTH_LIMIT = 3;
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
      const result: PrefixSummary = expectKind(
        await pool.run({ kind: 'prefixes', file }, PREFIXES_BOUND_MS),
        'prefixes',
      );
      totalPrefixes += result.prefixes;
      totalMs += result.ms;
      assert.ok(
        result.prefixes >= result.length / 9,
        `only ${result.prefixes} prefixes of ${result.length} characters`,
      );
      assert.equal(
        result.failureCount,
        0,
        `${result.failureCount} of ${result.prefixes} prefixes failed:\n${result.failures.join('\n')}`,
      );
    });
  }
  after(() =>
    console.log(
      `typing simulation: ${totalPrefixes} prefixes of ${files.length} letters in ${(totalMs / 1000).toFixed(1)} s of worker time`,
    ),
  );
});

type Check = (s: CaseSummary) => void;

const noCheck: Check = () => {};
const signatories =
  (n: number): Check =>
  (s) =>
    assert.equal(s.signatories, n);
const reports =
  (n: number): Check =>
  (s) =>
    assert.equal(s.reports, n);
const has =
  (code: string, count?: number): Check =>
  (s) => {
    assert.ok((s.codes[code] ?? 0) > 0, `expected ${code}, got ${JSON.stringify(s.codes)}`);
    if (count !== undefined) assert.equal(s.codes[code], count, `${code}: ${JSON.stringify(s.codes)}`);
  };
const hasNot =
  (code: string): Check =>
  (s) =>
    assert.equal(s.codes[code] ?? 0, 0, `unexpected ${code}: ${JSON.stringify(s.codes)}`);
const all =
  (...checks: Check[]): Check =>
  (s) =>
    checks.forEach((c) => c(s));

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
  'many: an addressee with 100,000 title lines': all(
    (s) => assert.equal(s.addressees, 1),
    hasNot('addressee-title-missing'),
  ),
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
  'directives: 20,000 disable-next-line comments': all(
    signatories(10_000),
    (s) => assert.equal(s.directives, 20_000),
    hasNot('signatory-role-missing'),
  ),
  'directives: 20,000 disable/enable comments': all(
    signatories(10_000),
    (s) => assert.equal(s.directives, 20_000),
    hasNot('signatory-role-missing'),
  ),
  'directives: 20,000 disable-next-line comments in a row': (s) => assert.equal(s.directives, 20_000),
  'directives: an unclosed disable comment of 100,000 lines': noCheck,
};

describe('pathological letters: no throw, no blow-up, ranges inside, HTML rendered', { concurrency: 2 }, () => {
  const timings: { name: string; growth: GrowthSummary; wallMs: number }[] = [];
  for (const [name, check] of Object.entries(expectations)) {
    test(name, async (t) => {
      const result = await pool.run({ kind: 'growth', name }, PATHOLOGICAL_BOUND_MS);
      const growth: GrowthSummary = expectKind(result, 'growth');
      timings.push({ name, growth, wallMs: result.wallMs });
      const summary = growth.large;
      t.diagnostic(
        `${growthLine(growth)} (parse ${summary.ms.parse.toFixed(0)} ms, lint ${summary.ms.lint.toFixed(0)} ms, render ${summary.ms.render.toFixed(0)} ms)`,
      );
      for (const s of [growth.small, growth.large]) {
        assert.deepEqual(s.rangeProblems, [], 'every range inside the document');
        assert.equal(s.linesMismatch, null, 'letter.lines are the document lines');
        assert.equal(s.htmlIsString, true, 'renderLetter gives HTML');
      }
      check(summary);
      const allowed = allowedGrowth(growth);
      if (growth.largeMs >= GROWTH_FLOOR_MS) {
        assert.ok(
          growth.largeMs <= allowed * growth.smallMs,
          `time grew ${(growth.largeMs / growth.smallMs).toFixed(2)}× (${growth.smallMs.toFixed(0)} → ${growth.largeMs.toFixed(0)} ms) when the text grew ${textGrowth(growth).toFixed(2)}×: more than ${allowed.toFixed(2)}×, something is super-linear`,
        );
      }
    });
  }
  after(() => {
    const rows = timings
      .sort((a, b) => b.growth.largeMs - a.growth.largeMs)
      .map((r) => `  ${growthLine(r.growth).padEnd(40)} ${r.name}`);
    console.log(
      `pathological letters, slowest first (engine time at half size → full size, worker time):\n${rows.join('\n')}`,
    );
  });
});

function textGrowth(g: GrowthSummary): number {
  return g.large.totalLength / Math.max(1, g.small.totalLength);
}

/**
 * GROWTH_LIMIT per doubling of the text. A case whose text grows otherwise when its size doubles
 * (nesting n deep writes n² characters) is allowed the same margin over its text's growth.
 */
function allowedGrowth(g: GrowthSummary): number {
  return (GROWTH_LIMIT / 2) * Math.max(1, textGrowth(g));
}

function growthLine(g: GrowthSummary): string {
  const ratio = g.smallMs > 0 ? (g.largeMs / g.smallMs).toFixed(2) : '–';
  return `${g.smallMs.toFixed(0)} → ${g.largeMs.toFixed(0)} ms (${ratio}×${g.runs > 1 ? `, measured ${g.runs} times` : ''})`;
}

test('every pathological case has an expectation', async () => {
  const { pathologicalCases } = await import('./support/pathological');
  assert.deepEqual(Object.keys(pathologicalCases).sort(), Object.keys(expectations).sort());
});
