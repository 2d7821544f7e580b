// Every fixture letter under test/fixtures is linted and its diagnostics compared with the
// expectations written inline (`<!-- expect: code -->` at the end of the line a problem starts on).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintLetter, parseLetter, rules } from '../../src/core';
import { expectationDiff, fixturesRoot, listFixtures, parseFixture, repoRoot } from './support/expectations';

/** The codes of the format page's checks table: the contract. */
const contractCodes = [
  'title-missing',
  'addressee-missing',
  'addressee-title-missing',
  'date-missing',
  'date-invalid',
  'reply-by-before-date',
  'reports-missing',
  'reports-empty',
  'report-title-missing',
  'report-publisher-missing',
  'report-year-missing',
  'report-year-after-date',
  'report-url-invalid',
  'report-duplicate',
  'signatories-missing',
  'signatories-empty',
  'signatory-name-missing',
  'signatory-role-missing',
  'signatory-organization-missing',
  'signatory-duplicate',
  'whitespace-irregular',
  'frontmatter-invalid',
  'frontmatter-unknown-key',
];

function loadFixture(relativePath: string) {
  return parseFixture(readFileSync(join(fixturesRoot, relativePath), 'utf8'));
}

function lintFixture(relativePath: string) {
  const fixture = loadFixture(relativePath);
  return { fixture, diagnostics: lintLetter(parseLetter(fixture.text), fixture.options) };
}

function ruleCodes(): string[] {
  const list: unknown[] = Array.isArray(rules) ? rules : Object.values(rules as object);
  return list.map((rule) => (rule as { code: string }).code);
}

describe('fixture letters', () => {
  const fixtures = listFixtures();

  test('there are fixtures to run', () => {
    assert.ok(fixtures.length > 0, `no *.letter.md under ${fixturesRoot}`);
  });

  for (const path of fixtures) {
    test(path, () => {
      const { fixture, diagnostics } = lintFixture(path);
      const diff = expectationDiff(fixture.expected, diagnostics, fixture.text);
      if (diff) assert.fail(`${path}: diagnostics differ from the inline expectations\n${diff}`);
    });
  }
});

describe('every check has fixtures and a doc page', () => {
  const codes = ruleCodes();

  test('every code of the format page is a rule', () => {
    const missing = contractCodes.filter((code) => !codes.includes(code));
    assert.deepEqual(missing, [], `codes of the contract without a rule: ${missing.join(', ')}`);
  });

  test('rule codes are unique', () => {
    const seen = new Set<string>();
    const twice = codes.filter((code) => (seen.has(code) ? true : (seen.add(code), false)));
    assert.deepEqual(twice, []);
  });

  test('every fixture under rules/ is named after a rule', () => {
    const orphans = listFixtures(join(fixturesRoot, 'rules'))
      .map((path) => path.slice('rules/'.length))
      .filter((name) => !codes.includes(name.split('.')[0]));
    assert.deepEqual(orphans, [], 'fixtures named after no rule');
  });

  for (const code of codes) {
    test(code, () => {
      const bad = `rules/${code}.bad.letter.md`;
      const good = `rules/${code}.good.letter.md`;
      assert.ok(existsSync(join(fixturesRoot, bad)), `missing fixture ${bad}`);
      assert.ok(
        loadFixture(bad).expected.some((e) => e.code === code),
        `${bad} does not expect ${code}`,
      );
      assert.ok(existsSync(join(fixturesRoot, good)), `missing fixture ${good}`);
      const found = lintFixture(good).diagnostics.filter((d) => d.code === code);
      assert.deepEqual(
        found.map((d) => `${d.range.start.line + 1}: ${d.message}`),
        [],
        `${good} must not report ${code}`,
      );
      assert.ok(existsSync(join(repoRoot, 'docs', 'rules', `${code}.md`)), `missing docs/rules/${code}.md`);
    });
  }
});
