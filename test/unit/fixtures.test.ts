// Every fixture letter under test/fixtures is linted and its diagnostics compared with the
// expectations written inline (`<!-- expect: code -->` at the end of the line a problem starts on).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintLetter, parseLetter, rules, type Severity } from '../../src/core';
import {
  expectationDiff,
  fixtureCounterpart,
  fixturesRoot,
  listFixtures,
  parseFixture,
  repoRoot,
} from './support/expectations';

/**
 * The format page's checks table, the contract: code and default severity. build-contributions writes it from
 * the rules (test/unit/contributions.test.ts keeps it current), so a change of default shows in the docs' diff.
 */
const contract: Record<string, Severity> = (() => {
  const page = readFileSync(join(repoRoot, 'docs', 'format.md'), 'utf8');
  const table = page.slice(page.indexOf('<!-- checks:start -->'), page.indexOf('<!-- checks:end -->'));
  const rows = table.matchAll(/^\| \[([a-z0-9-]+)\]\([^)]*\) \| ([a-z]+) \|/gm);
  return Object.fromEntries([...rows].map((m) => [m[1], m[2] as Severity]));
})();

function loadFixture(relativePath: string) {
  return parseFixture(readFileSync(join(fixturesRoot, relativePath), 'utf8'));
}

/** A fixture checked as the command line checks it: with its translation, when it has one beside it. */
async function lintFixture(relativePath: string) {
  const fixture = loadFixture(relativePath);
  const letter = parseLetter(fixture.text);
  const translation = await fixtureCounterpart(relativePath, letter);
  return { fixture, diagnostics: lintLetter(letter, { ...fixture.options, ...translation }) };
}

describe('fixture letters', () => {
  // Lint fixtures only: render/ and hostile/ hold renderer inputs, with no inline expectations.
  const fixtures = ['rules', 'suppress', 'letters'].flatMap((folder) => listFixtures(join(fixturesRoot, folder)));

  test('there are fixtures to run', () => {
    assert.ok(fixtures.length > 0, `no *.letter.md under ${fixturesRoot}`);
  });

  for (const path of fixtures) {
    test(path, async () => {
      const { fixture, diagnostics } = await lintFixture(path);
      const diff = expectationDiff(fixture.expected, diagnostics, fixture.text);
      if (diff) assert.fail(`${path}: diagnostics differ from the inline expectations\n${diff}`);
    });
  }

  test('every diagnostic has its severity, its doc page and a one-line message', async () => {
    const wrong: string[] = [];
    for (const path of fixtures) {
      const { fixture, diagnostics } = await lintFixture(path);
      for (const d of diagnostics) {
        const severity = fixture.options.severities?.[d.code] ?? contract[d.code];
        const where = `${path}:${d.range.start.line + 1} ${d.code}`;
        if (d.severity !== severity) wrong.push(`${where}: severity ${d.severity}, expected ${severity}`);
        if (d.docs !== `docs/rules/${d.code}.md`) wrong.push(`${where}: docs ${d.docs}`);
        if (!d.message.trim() || d.message.includes('\n')) wrong.push(`${where}: message ${JSON.stringify(d.message)}`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  test('entry problems name the entry: "Cited report N", "Signatory N"', async () => {
    const wrong: string[] = [];
    for (const path of fixtures) {
      const { fixture, diagnostics } = await lintFixture(path);
      const letter = parseLetter(fixture.text);
      for (const d of diagnostics) {
        const kind = /^report-(title|publisher|year|url|duplicate)/.test(d.code)
          ? { entries: letter.reports, name: 'Cited report' }
          : /^signatory-/.test(d.code)
            ? { entries: letter.signatories, name: 'Signatory' }
            : null;
        if (!kind) continue;
        const entry = kind.entries.find(
          (e) => e.range.start.line <= d.range.start.line && d.range.start.line <= e.range.end.line,
        );
        const named = entry && d.message.includes(`${kind.name} ${entry.index}`);
        if (!named) wrong.push(`${path}:${d.range.start.line + 1} ${d.code}: ${d.message}`);
      }
    }
    assert.deepEqual(wrong, []);
  });
});

describe('every check has fixtures and a doc page', () => {
  const codes = rules.map((rule) => rule.code);

  test('every code of the format page is a rule, with its default severity', () => {
    assert.ok(Object.keys(contract).length > 0, 'docs/format.md has a table of checks between its markers');
    const missing = Object.keys(contract).filter((code) => !codes.includes(code));
    assert.deepEqual(missing, [], `codes of the contract without a rule: ${missing.join(', ')}`);
    const severities = Object.fromEntries(
      rules.filter((rule) => rule.code in contract).map((rule) => [rule.code, rule.severity]),
    );
    assert.deepEqual(severities, contract);
  });

  test('rule codes are unique', () => {
    const seen = new Set<string>();
    const twice = codes.filter((code) => (seen.has(code) ? true : (seen.add(code), false)));
    assert.deepEqual(twice, []);
  });

  // A rule file left out of the rules array runs nowhere; its page gives it away.
  test('every page under docs/rules is a rule', () => {
    const pages = readdirSync(join(repoRoot, 'docs', 'rules')).filter((name) => name.endsWith('.md'));
    const orphans = pages.filter((name) => !codes.includes(name.slice(0, -'.md'.length)));
    assert.deepEqual(orphans, [], 'pages of no rule (is the rule in the rules array of src/core/rules/index.ts?)');
  });

  test('every fixture under rules/ is named after a rule', () => {
    const orphans = listFixtures(join(fixturesRoot, 'rules'))
      .map((path) => path.slice('rules/'.length))
      .filter((name) => !codes.includes(name.split('.')[0]));
    assert.deepEqual(orphans, [], 'fixtures named after no rule');
  });

  for (const code of codes) {
    test(code, async () => {
      const bad = `rules/${code}.bad.letter.md`;
      const good = `rules/${code}.good.letter.md`;
      assert.ok(existsSync(join(fixturesRoot, bad)), `missing fixture ${bad}`);
      assert.ok(
        loadFixture(bad).expected.some((e) => e.code === code),
        `${bad} does not expect ${code}`,
      );
      assert.ok(existsSync(join(fixturesRoot, good)), `missing fixture ${good}`);
      const found = (await lintFixture(good)).diagnostics.filter((d) => d.code === code);
      assert.deepEqual(
        found.map((d) => `${d.range.start.line + 1}: ${d.message}`),
        [],
        `${good} must not report ${code}`,
      );
      assert.ok(existsSync(join(repoRoot, 'docs', 'rules', `${code}.md`)), `missing docs/rules/${code}.md`);
    });
  }
});
