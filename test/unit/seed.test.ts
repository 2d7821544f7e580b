// The seed letter (examples/open-letter-2013.letter.md), a real open letter converted by hand,
// read field by field, and its problems: one error and three whitespace hints.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { letterToJson, lintLetter, parseLetter } from '../../src/core';
import { repoRoot, textAt } from './support/expectations';

const source = readFileSync(join(repoRoot, 'examples', 'open-letter-2013.letter.md'), 'utf8');
const letter = parseLetter(source);
const diagnostics = lintLetter(letter);
const lines = source.split('\n');
const NBSP = '\u00a0';

describe('seed letter: parsed', () => {
  test('source lines', () => {
    assert.equal(letter.lines[16], lines[16]);
    assert.equal(letter.lines[37], 'Rescue of Japanese Kidnapped by North Korea');
  });

  test('title', () => {
    assert.equal(letter.title?.text, 'Open Letter to Kim Jong-un Urges Explanation');
    assert.equal(letter.title?.source, 'body');
    assert.equal(letter.title?.range.start.line, 0);
  });

  test('one addressee with two titles (trailing comma dropped, second line a title)', () => {
    assert.equal(letter.addressees.length, 1);
    const [kim] = letter.addressees;
    assert.equal(kim.name, 'Kim Jong-un');
    assert.deepEqual(
      kim.titles.map((t) => t.text),
      ['First Secretary of the Workers’ Party of Korea', 'Chairman of the National Defense Commission'],
    );
    assert.equal(kim.source, 'body');
    assert.equal(textAt(letter.lines, kim.nameRange), 'Kim Jong-un');
    assert.equal(kim.nameRange.start.line, 3);
    assert.deepEqual(
      kim.titles.map((t) => t.range.start.line),
      [3, 4],
    );
    assert.equal(textAt(letter.lines, kim.titles[1].range), 'Chairman of the National Defense Commission');
  });

  test('date: NBSP after the colon of "Letter Dated:"', () => {
    assert.ok(lines[6].startsWith(`Letter Dated:${NBSP}May`), 'the seed keeps its NBSP');
    assert.equal(letter.date?.iso, '2013-05-07');
    assert.equal(letter.date?.raw, 'May 7, 2013');
    assert.equal(letter.date?.source, 'body');
    assert.equal(textAt(letter.lines, letter.date.range), 'May 7, 2013');
    const field = letter.fields.find((f) => f.kind === 'date');
    assert.ok(field, 'a date field');
    assert.match(field.label, /^letter dated$/i);
    assert.equal(field.value, 'May 7, 2013');
  });

  test('no reply deadline, subject, copies or front matter', () => {
    assert.equal(letter.replyBy, null);
    assert.equal(letter.subject, null);
    assert.deepEqual(letter.cc, []);
    assert.equal(letter.frontMatter, null);
    assert.equal(letter.signedBy, 'people');
    assert.equal(letter.lang, 'en');
  });

  test('sections: cited reports and signatories', () => {
    const known = letter.sections.filter((s) => s.kind !== 'other');
    assert.deepEqual(
      known.map((s) => [s.kind, s.heading, s.level, s.headingRange.start.line]),
      [
        ['reports', 'Cited Reports', 2, 10],
        ['signatories', 'Signatories', 2, 26],
      ],
    );
  });

  test('the body speaks of "the publications listed below"', () => {
    assert.deepEqual(
      letter.reportsMentions.map((r) => r.start.line),
      [8],
    );
  });

  test('4 cited reports: title, publisher, year', () => {
    assert.deepEqual(
      letter.reports.map((r) => ({ index: r.index, title: r.title, publisher: r.publisher, year: r.year })),
      [
        {
          index: 1,
          title: 'North Korean Human Rights White Paper',
          publisher: 'North Korean Human Rights Database (NKDB Seoul)',
          year: 2012,
        },
        { index: 2, title: 'North Korean Political Prison Camps Today', publisher: 'NKDB', year: 2012 },
        { index: 3, title: 'North Korean Prisoners Today', publisher: 'NKDB', year: 2012 },
        {
          index: 4,
          title: 'Eyewitness Testimony',
          publisher: 'Crimes Against North Korean Human Rights, Volume 1, Chongo-ri Kyo Hwa So (known as Death Camp)',
          year: null,
        },
      ],
    );
  });

  test('cited reports: lines, wrapping, no link', () => {
    assert.deepEqual(
      letter.reports.map((r) => [r.range.start.line, r.lineCount]),
      [
        [12, 2],
        [14, 1],
        [15, 1],
        [16, 1],
      ],
    );
    const [first, , , fourth] = letter.reports;
    assert.equal(
      first.text,
      'North Korean Human Rights White Paper, North Korean Human Rights Database (NKDB Seoul) 2012.',
    );
    assert.equal(first.yearText, '2012');
    assert.equal(textAt(letter.lines, first.yearRange!), '2012');
    assert.equal(first.yearRange!.start.line, 13);
    assert.deepEqual(fourth.textRange.start, { line: 16, character: 2 });
    assert.equal(fourth.yearRange, null);
    assert.equal(fourth.undated, false);
    assert.ok(letter.reports.every((r) => r.url === null && r.urlRange === null));
  });

  test('6 signatories: name, role, organization (wrapped lines joined, NBSP collapsed)', () => {
    assert.deepEqual(
      letter.signatories.map((s) => [s.name, s.role, s.organization, s.place]),
      [
        ['Hiroshi Kato', 'President', 'Life Funds for North Korean Refugees', null],
        ['Kotaro Miura', 'Vice President', 'Society to Help Returnees to North Korea', null],
        [
          'Kazuhiro Araki',
          'Representative',
          'Investigation Commission on Missing Japanese Related to North Korea',
          null,
        ],
        [
          'Takashi Fujita',
          'Executive Secretary',
          'Kawaguchi Association to Consider the Issue of Japanese Kidnapped by North Korea',
          null,
        ],
        [
          'Hiromitsu Takemoto',
          'Representative',
          'Saitama Association for the Rescue of Japanese Kidnapped by North Korea',
          null,
        ],
        [
          'Tomoyuki Kawazoe',
          'Representative',
          'Kanagawa Association for the Rescue of Japanese Kidnapped by North Korea',
          null,
        ],
      ],
    );
  });

  test('signatories: lines and entry text', () => {
    assert.deepEqual(
      letter.signatories.map((s) => [s.index, s.range.start.line, s.lineCount]),
      [
        [1, 28, 1],
        [2, 29, 1],
        [3, 30, 2],
        [4, 32, 2],
        [5, 34, 2],
        [6, 36, 2],
      ],
    );
    const araki = letter.signatories[2];
    assert.equal(
      araki.text,
      'Kazuhiro Araki, Representative, Investigation Commission on Missing Japanese Related to North Korea',
    );
    assert.equal(textAt(letter.lines, araki.nameRange!), 'Kazuhiro Araki');
    assert.equal(araki.roleRange!.start.line, 30);
    assert.equal(textAt(letter.lines, araki.roleRange!), 'Representative');
    assert.equal(araki.organizationRange!.start.line, 30);
    assert.equal(araki.organizationRange!.end.line, 31);
  });
});

describe('seed letter: checked', () => {
  test('exactly one error: report-year-missing on report 4', () => {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    assert.equal(errors.length, 1, errors.map((d) => `${d.code}: ${d.message}`).join('\n'));
    const [error] = errors;
    assert.equal(error.code, 'report-year-missing');
    assert.match(error.message, /Cited report 4/);
    assert.deepEqual(error.range, letter.reports[3].textRange);
    assert.equal(error.range.start.line, 16);
    assert.equal(error.docs, 'docs/rules/report-year-missing.md');
  });

  test('whitespace-irregular hints exactly at the three NBSP+space runs, each with a fix', () => {
    const hints = diagnostics
      .filter((d) => d.code === 'whitespace-irregular')
      .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    const runs = [
      { line: 16, character: lines[16].indexOf(`${NBSP} `) },
      { line: 16, character: lines[16].lastIndexOf(`${NBSP} `) },
      { line: 30, character: lines[30].indexOf(`${NBSP} `) },
    ];
    assert.deepEqual(
      runs.map((r) => r.character),
      [65, 107, 17],
    );
    assert.deepEqual(
      hints.map((d) => d.range),
      runs.map((start) => ({ start, end: { line: start.line, character: start.character + 2 } })),
    );
    for (const hint of hints) {
      assert.equal(hint.severity, 'hint');
      assert.equal(textAt(letter.lines, hint.range), `${NBSP} `);
      assert.ok(hint.fix, 'a fix');
      assert.deepEqual(hint.fix.edits, [{ range: hint.range, newText: ' ' }]);
    }
  });

  test('no other diagnostics', () => {
    assert.deepEqual(diagnostics.map((d) => `${d.range.start.line + 1}: ${d.code}`).sort(), [
      '17: report-year-missing',
      '17: whitespace-irregular',
      '17: whitespace-irregular',
      '31: whitespace-irregular',
    ]);
  });

  test('the text after applying the fixes has no whitespace hints left', () => {
    const fixed = lines.map((line, n) => (n === 16 || n === 30 ? line.split(`${NBSP} `).join(' ') : line));
    const after = lintLetter(parseLetter(fixed.join('\n')));
    assert.deepEqual(
      after.map((d) => d.code),
      ['report-year-missing'],
    );
  });
});

describe('seed letter: JSON for `parse`', () => {
  test('fields, 1-based lines, null for absent parts', () => {
    const json = letterToJson(letter) as unknown as Record<string, unknown>;
    assert.equal(json.title, 'Open Letter to Kim Jong-un Urges Explanation');
    assert.deepEqual(json.addressees, [
      {
        name: 'Kim Jong-un',
        titles: ['First Secretary of the Workers’ Party of Korea', 'Chairman of the National Defense Commission'],
      },
    ]);
    assert.equal(json.date, '2013-05-07');
    assert.equal(json.replyBy, null);
    assert.equal(json.subject, null);
    assert.deepEqual(json.cc, []);
    assert.equal(json.signedBy, 'people');
    const reports = json.reports as Record<string, unknown>[];
    assert.deepEqual(
      reports.map((r) => [r.year, r.url, r.line]),
      [
        [2012, null, 13],
        [2012, null, 15],
        [2012, null, 16],
        [null, null, 17],
      ],
    );
    const signatories = json.signatories as Record<string, unknown>[];
    assert.deepEqual(signatories[2], {
      name: 'Kazuhiro Araki',
      role: 'Representative',
      organization: 'Investigation Commission on Missing Japanese Related to North Korea',
      place: null,
      line: 31,
    });
  });
});
