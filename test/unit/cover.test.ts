// The cover page (issue 14): its totals (src/core/cover.ts) on the letters people send — the example
// letter, letters grouped by heading or by country, sign-on letters of organizations and of
// thousands of individuals — equal the parse's own counts, and the rendered cover says them in the
// letter's language.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { coverText, coverTotals, parseLetter, renderLetter, renderLetterHtml, type Letter } from '../../src/core';
import { convertPlainText } from '../../src/workflows';
import { fixturesRoot, repoRoot } from './support/expectations';
import { parseHtmlFragment, select, squash, textOf } from './support/html';

const read = (...parts: string[]) => fs.readFileSync(path.join(...parts), 'utf8');
const example = () => parseLetter(read(repoRoot, 'examples', 'open-letter-2013.letter.md'));
const corpus = (name: string): Letter =>
  parseLetter(
    convertPlainText(read(repoRoot, 'test', 'corpus', `${name}.txt`).replace(/^<!-- corpus\n[^]*?\n-->\n\n/, ''))
      .markdown,
  );

/** The cover's text, by part. */
function cover(text: string, options: { cover?: boolean } = { cover: true }) {
  const { root } = parseHtmlFragment(renderLetter(text, options).html);
  const one = (selector: string) => select(root, selector).map((e) => squash(textOf(e)));
  return {
    sections: select(root, '.letter-cover').length,
    title: one('.letter-cover-title'),
    addressees: one('.letter-cover-addressee'),
    date: one('.letter-cover-date'),
    totals: one('.letter-cover-totals'),
    rows: select(root, 'tr').map((tr) => squash(textOf(tr))),
    captions: one('caption'),
  };
}

/** A letter signed by `organizations` organizations and `people` individuals, under two headings. */
function signOn(organizations: number, people: number, lang = 'en'): string {
  const orgs = Array.from({ length: organizations }, (_, i) => `- Organization ${i + 1}`);
  const individuals = Array.from({ length: people }, (_, i) => `- Person ${i + 1}, Member, Group ${i % 7}`);
  return `---\nlang: ${lang}\ncover: true\n---\n\n# A Sign-on Letter\n\nTo: Tim Cook, CEO, Apple\n\nDate: 2021-08-06\n\n## Signatories\n\n### Organizations\n\n${orgs.join('\n')}\n\n### Individuals\n\n${individuals.join('\n')}\n`;
}

describe('coverTotals', () => {
  test('the example letter: six people from six organizations, as the parse counts them', () => {
    const letter = example();
    const totals = coverTotals(letter);
    const organizations = new Set(letter.signatories.map((s) => s.organization!.toLowerCase()));
    assert.equal(totals.signatories, letter.signatories.length);
    assert.equal(totals.individuals, 6);
    assert.equal(totals.organizations, 0, 'nobody signs as an organization');
    assert.equal(totals.affiliations, organizations.size);
    assert.deepEqual(totals.groups, []);
    assert.deepEqual(totals.countries, []);
  });

  test('grouped by heading and by country (a published sign-on letter of 112 organizations)', () => {
    const letter = corpus('owinfs-cso-letter-wto-ldc-transition-period');
    const totals = coverTotals(letter);
    assert.equal(totals.organizations, 112);
    assert.equal(totals.individuals, 0);
    // Each group as many as the parse puts under its heading, in the letter's order.
    const byGroup = new Map<string, number>();
    for (const s of letter.signatories) byGroup.set(s.group ?? '', (byGroup.get(s.group ?? '') ?? 0) + 1);
    assert.deepEqual(
      totals.groups,
      [...byGroup].map(([label, count]) => ({ label, count })),
    );
    assert.deepEqual(
      totals.groups.map((g) => g.label),
      ['Global', 'Regional', 'National'],
    );
    // Every signatory counted once by country, most first.
    assert.equal(
      totals.countries.reduce((n, c) => n + c.count, 0),
      letter.signatories.length,
    );
    const counts = totals.countries.filter((c) => c.label).map((c) => c.count);
    assert.deepEqual(
      counts,
      [...counts].sort((a, b) => b - a),
    );
    const uganda = letter.signatories.filter((s) => /Uganda$/.test(s.place ?? '')).length;
    assert.deepEqual(
      totals.countries.find((c) => c.label === 'Uganda'),
      { label: 'Uganda', count: uganda },
    );
  });

  test('grouped under country headings: each country’s count is the parse’s, on the HTML and the Word cover', () => {
    const countries = { Japan: 7, Korea: 3, Philippines: 12, Thailand: 1 };
    const groups = Object.entries(countries).map(
      ([country, count]) =>
        `### ${country}\n\n${Array.from({ length: count }, (_, k) => `- ${country} Person ${k + 1}, Coordinator, ${country} Rights Network ${k % 2}`).join('\n')}`,
    );
    const text = `# Joint Letter\n\nTo: Jane Example, Minister of Labour\n\nDate: 3 March 2025\n\n## Signatories\n\n${groups.join('\n\n')}\n`;
    const letter = parseLetter(text);
    const byGroup = new Map<string, number>();
    for (const s of letter.signatories) byGroup.set(s.group ?? '', (byGroup.get(s.group ?? '') ?? 0) + 1);
    assert.deepEqual(Object.fromEntries(byGroup), countries, 'the parse reads each country heading as a group');
    const totals = coverTotals(letter);
    assert.deepEqual(
      totals.groups,
      [...byGroup].map(([label, count]) => ({ label, count })),
    );
    assert.equal(totals.individuals, letter.signatories.length);
    const affiliations = new Set(letter.signatories.map((s) => s.organization!.toLowerCase()));
    assert.equal(totals.affiliations, affiliations.size);
    const shown = cover(text);
    assert.deepEqual(shown.totals, [`Signed by 23 individuals from ${affiliations.size} organizations`]);
    assert.deepEqual(shown.captions, ['Signatories by group']);
    assert.deepEqual(
      shown.rows,
      [...byGroup].map(([label, count]) => `${label}${count}`),
    );
    const word = coverText(letter).lines;
    const caption = word.indexOf('Signatories by group');
    assert.deepEqual(
      word.slice(caption + 1, caption + 1 + byGroup.size),
      [...byGroup].map(([label, count]) => `${label}: ${count}`),
    );
  });

  test('organizations with a country (`Organization, Country`): the count per country is the parse’s', () => {
    const orgs = [
      ['Asia Rights Network', 'Japan'],
      ['Migrante', 'Philippines'],
      ['Tokyo Workers Union', 'Japan'],
      ['Center for Migrant Advocacy', 'Philippines'],
      ['Kansai Forum', 'Japan'],
      ['Bangkok Labour Desk', 'Thailand'],
    ];
    const text = `---\nsigned-by: organizations\n---\n# Joint Letter\n\nTo: Jane Example, Minister\n\n## Signatories\n\n${orgs.map(([o, c]) => `- ${o}, ${c}`).join('\n')}\n`;
    const letter = parseLetter(text);
    const byPlace = new Map<string, number>();
    for (const s of letter.signatories) byPlace.set(s.place!, (byPlace.get(s.place!) ?? 0) + 1);
    assert.deepEqual(Object.fromEntries(byPlace), { Japan: 3, Philippines: 2, Thailand: 1 });
    const totals = coverTotals(letter);
    assert.equal(totals.organizations, letter.signatories.length);
    assert.deepEqual(totals.countries, [
      { label: 'Japan', count: 3 },
      { label: 'Philippines', count: 2 },
      { label: 'Thailand', count: 1 },
    ]);
    const shown = cover(text);
    assert.deepEqual(shown.totals, ['Signed by 6 organizations']);
    assert.deepEqual(shown.captions, ['Signatories by country']);
    assert.deepEqual(shown.rows, ['Japan3', 'Philippines2', 'Thailand1']);
  });

  test('Organizations and Individuals headings: organizations and people apart, whatever the front matter says', () => {
    // The RMS letter as converted is read as signed by organizations; its Individuals heading says otherwise.
    const letter = corpus('rms-open-letter');
    const totals = coverTotals(letter);
    const under = (heading: string) => letter.signatories.filter((s) => s.group === heading).length;
    assert.equal(totals.individuals, under('Individuals'));
    assert.ok(totals.individuals > 2900, `${totals.individuals} individuals`);
    assert.ok(totals.organizations >= under('Organizations'));
    assert.equal(totals.organizations + totals.individuals, letter.signatories.length);
  });

  test('a place written `City, Country` counts for the country; places that never repeat are not listed', () => {
    const letter = parseLetter(read(fixturesRoot, 'render', 'organizations.letter.md'));
    assert.deepEqual(coverTotals(letter).countries, [
      { label: 'Japan', count: 2 },
      { label: 'Indonesia', count: 1 },
      { label: '', count: 1 },
    ]);
    const unique = parseLetter(
      '---\nsigned-by: organizations\n---\n# A\n\n## Signatories\n\n- A, @a (one)\n- B, @b (two)\n- C, @c (three)\n',
    );
    assert.deepEqual(coverTotals(unique).countries, []);
  });

  test('organizations only, people only, nobody', () => {
    const orgs = parseLetter(read(fixturesRoot, 'render', 'signatory-groups.letter.md'));
    assert.deepEqual(
      { ...coverTotals(orgs), groups: undefined },
      {
        signatories: 4,
        organizations: 4,
        individuals: 0,
        affiliations: 0,
        groups: undefined,
        countries: [],
      },
    );
    const people = coverTotals(parseLetter('# A\n\n## Signatories\n\n- Jane Roe\n- John Doe\n'));
    assert.equal(people.individuals, 2);
    assert.equal(people.affiliations, 0);
    assert.equal(coverTotals(parseLetter('# A\n\nNo one yet.\n')).signatories, 0);
  });
});

describe('the rendered cover', () => {
  test('as plain lines for Word: the same words as the HTML cover, in the letter’s language', () => {
    const ja = coverText(parseLetter(signOn(35, 8778, 'ja')));
    assert.ok(ja.lines.includes('35団体・8,778名が署名'), ja.lines.join('\n'));
    assert.ok(ja.lines.includes('グループ別の署名数'));
    const en = coverText(example());
    assert.equal(en.title, 'Open Letter to Kim Jong-un Urges Explanation');
    assert.deepEqual(en.lines.slice(0, 2), ['To', 'Kim Jong-un']);
    assert.ok(en.lines.includes('May 7, 2013'));
    assert.ok(en.lines.includes('Signed by 6 individuals from 6 organizations'));
  });

  test('35 organizations and 8,778 individuals, in English and in Japanese', () => {
    const en = cover(signOn(35, 8778));
    assert.deepEqual(en.totals, ['Signed by 35 organizations and 8,778 individuals']);
    assert.deepEqual(en.rows, ['Organizations35', 'Individuals8,778']);
    assert.deepEqual(en.captions, ['Signatories by group']);
    const ja = cover(signOn(35, 8778, 'ja'));
    assert.deepEqual(ja.totals, ['35団体・8,778名が署名']);
    assert.deepEqual(ja.captions, ['グループ別の署名数']);
    // Numbers as the letter's language writes them.
    assert.deepEqual(cover(signOn(2, 1234, 'de')).totals, ['Signed by 2 organizations and 1.234 individuals']);
  });

  test('title, addressee, date and totals of the example letter; no cover unless asked', () => {
    const text = read(repoRoot, 'examples', 'open-letter-2013.letter.md');
    const shown = cover(text);
    assert.equal(shown.sections, 1);
    assert.deepEqual(shown.title, ['Open Letter to Kim Jong-un Urges Explanation']);
    assert.deepEqual(shown.addressees, [
      'Kim Jong-un, First Secretary of the Workers’ Party of Korea, Chairman of the National Defense Commission',
    ]);
    assert.deepEqual(shown.date, ['May 7, 2013']);
    assert.deepEqual(shown.totals, ['Signed by 6 individuals from 6 organizations']);
    assert.equal(cover(text, {}).sections, 0, 'the letter does not ask for a cover');
    assert.equal(cover(`---\ncover: true\n---\n${text}`, {}).sections, 1, '`cover: true` asks for one');
    assert.equal(cover(`---\ncover: true\n---\n${text}`, { cover: false }).sections, 0, 'the caller can refuse it');
  });

  test('singular words; organizations alone; individuals alone, in Japanese too', () => {
    assert.deepEqual(
      cover('# A\n\n## Signatories\n\n### Organizations\n\n- Example Watch\n\n### Individuals\n\n- Jane Roe\n').totals,
      ['Signed by 1 organization and 1 individual'],
    );
    assert.deepEqual(cover('---\nsigned-by: organizations\n---\n# A\n\n## Signatories\n\n- X\n- Y\n').totals, [
      'Signed by 2 organizations',
    ]);
    assert.deepEqual(cover('---\nlang: ja\n---\n# A\n\n## 署名者\n\n- 山田太郎\n- 鈴木花子\n').totals, ['2名が署名']);
    assert.deepEqual(cover('---\nlang: ja\n---\n# A\n\n## 署名者\n\n- 山田太郎、代表、A会\n').totals, [
      '1団体の1名が署名',
    ]);
    assert.deepEqual(cover('# A\n\nNobody signs.\n').totals, [], 'no totals line without signatories');
  });

  test('the printed cover is a page of its own', () => {
    const html = renderLetterHtml('---\ncover: true\n---\n# A\n', { style: 'paper' });
    assert.match(html, /@media print \{[^]*\.letter-cover \{[^}]*break-after: page/);
  });

  test('cover: must be true or false', () => {
    const letter = parseLetter('---\ncover: maybe\n---\n# A\n');
    assert.equal(letter.cover, null);
    assert.deepEqual(
      letter.frontMatter?.invalid.map((i) => i.message),
      ['`cover` must be `true` or `false`'],
    );
    assert.equal(parseLetter('---\ncover: false\n---\n# A\n').cover, false);
  });
});
