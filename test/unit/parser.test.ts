// parseLetter on small letters, one edge of the format at a time.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintLetter, parseLetter, type Letter, type LetterDiagnostic, type Range } from '../../src/core';
import fc from 'fast-check';
import { fixturesRoot, listFixtures, parseFixture, repoRoot, textAt } from './support/expectations';
import { letterText } from './support/letterArbitraries';

const NBSP = '\u00a0';

/** A letter from its lines, with a final line break. */
const letterOf = (...lines: string[]) => lines.join('\n') + '\n';
const parse = (...lines: string[]) => parseLetter(letterOf(...lines));

/** `line:code` (1-based line) of every diagnostic, sorted. */
function problems(letter: Letter): string[] {
  return lintLetter(letter)
    .map((d) => `${d.range.start.line + 1}:${d.code}`)
    .sort();
}

function withCode(letter: Letter, code: string): LetterDiagnostic[] {
  return lintLetter(letter).filter((d) => d.code === code);
}

const addressees = (letter: Letter) => letter.addressees.map((a) => [a.name, a.titles.map((t) => t.text)]);
const people = (letter: Letter) => letter.signatories.map((s) => [s.name, s.role, s.organization]);

/** A complete, quiet letter around the given parts, so that each test changes one thing. */
function quietLetter(parts: { head?: string[]; body?: string[]; reports?: string[]; signatories?: string[] }): string {
  return letterOf(
    ...(parts.head ?? ['# Open Letter', '', 'To: Jane Doe, Minister of Justice', '', 'Date: 7 May 2013']),
    '',
    ...(parts.body ?? ['We ask you to act.']),
    '',
    '## Cited Reports',
    '',
    ...(parts.reports ?? ['- Hidden Gulag, Committee for Human Rights in North Korea, 2012.']),
    '',
    '## Signatories',
    '',
    ...(parts.signatories ?? ['- Hiroshi Kato, President, Life Funds for North Korean Refugees']),
  );
}

describe('labels and field values', () => {
  test('NBSP around a label and inside values', () => {
    const letter = parse(
      '# Open Letter',
      '',
      `To${NBSP}:${NBSP}Jane${NBSP}Doe, Minister of Justice`,
      '',
      `${NBSP}Date${NBSP}:${NBSP}7 May 2013`,
      '',
      `Dated:${NBSP}7 May 2013`,
    );
    assert.deepEqual(addressees(letter), [['Jane Doe', ['Minister of Justice']]]);
    assert.equal(letter.date?.iso, '2013-05-07');
  });

  test('NBSP between the words of a label', () => {
    const letter = parse('# Open Letter', '', `Reply${NBSP}by: 7 June 2013`, '', `Letter${NBSP}dated: 7 May 2013`);
    assert.equal(letter.replyBy?.iso, '2013-06-07');
    assert.equal(letter.date?.iso, '2013-05-07');
  });

  test('NBSP in a signatory is collapsed in the parsed values', () => {
    const letter = parseLetter(
      quietLetter({ signatories: [`- Jane${NBSP}Roe,${NBSP}Director, Human${NBSP}Rights Now`] }),
    );
    assert.deepEqual(people(letter), [['Jane Roe', 'Director', 'Human Rights Now']]);
  });

  test('labels are matched case-insensitively', () => {
    const letter = parse('# Open Letter', '', 'LETTER TO: Jane Doe, Minister of Justice', '', 'dated: May 7, 2013');
    assert.deepEqual(addressees(letter), [['Jane Doe', ['Minister of Justice']]]);
    assert.equal(letter.date?.iso, '2013-05-07');
  });

  test('bold labels', () => {
    const letter = parse(
      '# Open Letter',
      '',
      '**To:** Jane Doe, Minister of Justice',
      '',
      '**Date**: 7 May 2013',
      '',
      '__Reply by:__ 7 June 2013',
      '',
      '**Subject:** Detention of asylum seekers',
    );
    assert.deepEqual(addressees(letter), [['Jane Doe', ['Minister of Justice']]]);
    assert.equal(letter.date?.iso, '2013-05-07');
    assert.equal(letter.replyBy?.iso, '2013-06-07');
    assert.equal(letter.subject?.text, 'Detention of asylum seekers');
    assert.deepEqual(
      letter.fields.map((f) => f.kind),
      ['addressee', 'date', 'replyBy', 'subject'],
    );
  });

  test('the value of a field paragraph runs over its following lines', () => {
    const letter = parse('# Open Letter', '', 'To:', 'Jane Doe,', 'Minister of Justice,', 'Government of Japan');
    assert.deepEqual(addressees(letter), [['Jane Doe', ['Minister of Justice', 'Government of Japan']]]);
    assert.equal(letter.addressees[0].nameRange.start.line, 3);
  });

  test('the range of a date is its value', () => {
    const letter = parse('# Open Letter', '', 'Letter dated:  May 7, 2013');
    assert.equal(letter.date?.raw, 'May 7, 2013');
    assert.equal(textAt(letter.lines, letter.date.range), 'May 7, 2013');
    assert.equal(letter.date?.range.start.line, 2);
  });

  test('a paragraph that only mentions a label word is not a field', () => {
    const letter = parse('# Open Letter', '', 'To the Minister: we write again.', '', 'Dates: to be decided');
    assert.deepEqual(letter.addressees, []);
    assert.equal(letter.date, null);
  });

  test('subject and copies', () => {
    const letter = parse(
      '# Open Letter',
      '',
      'Re: Detention of asylum seekers',
      '',
      'Cc: Jane Doe, John Roe',
      '',
      'Copy to:',
      'Ann Lee',
      'Bob Kim',
    );
    assert.equal(letter.subject?.text, 'Detention of asylum seekers');
    assert.deepEqual(
      letter.cc.map((c) => c.text),
      ['Jane Doe', 'John Roe', 'Ann Lee', 'Bob Kim'],
    );
    assert.equal(letter.cc[3].range.start.line, 8);
  });
});

describe('Japanese letters', () => {
  test('labels with a full-width colon, 、 commas, full-width digits', () => {
    const letter = parse(
      '# 公開書簡',
      '',
      '宛先：岸田文雄、内閣総理大臣',
      '',
      '日付：２０１３年５月７日',
      '',
      '回答期限：2013年6月7日',
      '',
      '件名：拉致問題について',
      '',
      '写し：林芳正、上川陽子',
    );
    assert.equal(letter.title?.text, '公開書簡');
    assert.deepEqual(addressees(letter), [['岸田文雄', ['内閣総理大臣']]]);
    assert.equal(letter.date?.iso, '2013-05-07');
    assert.equal(letter.replyBy?.iso, '2013-06-07');
    assert.equal(letter.subject?.text, '拉致問題について');
    assert.deepEqual(
      letter.cc.map((c) => c.text),
      ['林芳正', '上川陽子'],
    );
  });

  test('spaces around the label and the ， comma', () => {
    const letter = parse('# 公開書簡', '', '宛先 ： 岸田文雄，内閣総理大臣', '', '日付: 2013年5月7日');
    assert.deepEqual(addressees(letter), [['岸田文雄', ['内閣総理大臣']]]);
    assert.equal(letter.date?.iso, '2013-05-07');
  });

  test('sections, reports and signatories with 、 ， and 。', () => {
    const letter = parse(
      '# 公開書簡',
      '',
      '## 参考文献',
      '',
      '- 『北朝鮮人権白書』、北朝鮮人権情報センター、2012年。',
      '- 北朝鮮の政治犯収容所の現在，北朝鮮人権情報センター，2012年。',
      '',
      '## 署名者',
      '',
      '- 加藤博、代表、北朝鮮難民救援基金',
      '- 三浦小太郎，副代表，北朝鮮帰国者の生命と人権を守る会。',
    );
    assert.deepEqual(
      letter.reports.map((r) => [r.title, r.publisher, r.year, r.yearText]),
      [
        ['北朝鮮人権白書', '北朝鮮人権情報センター', 2012, '2012年'],
        ['北朝鮮の政治犯収容所の現在', '北朝鮮人権情報センター', 2012, '2012年'],
      ],
    );
    assert.deepEqual(people(letter), [
      ['加藤博', '代表', '北朝鮮難民救援基金'],
      ['三浦小太郎', '副代表', '北朝鮮帰国者の生命と人権を守る会'],
    ]);
  });

  test('署名団体 and 出典 open sections', () => {
    const letter = parse(
      '# 公開書簡',
      '',
      '### 出典',
      '',
      '- 白書、センター、2012年',
      '',
      '### 署名団体',
      '',
      '1. 加藤博、代表、基金',
    );
    assert.equal(letter.reports.length, 1);
    assert.equal(letter.signatories.length, 1);
  });
});

describe('addressees', () => {
  test('`To:` followed by a list: one addressee per item', () => {
    const letter = parse(
      '# Open Letter',
      '',
      'To:',
      '- Jane Doe, Minister of Justice',
      '- John Roe, Minister of Foreign Affairs, Government of Japan',
    );
    assert.deepEqual(addressees(letter), [
      ['Jane Doe', ['Minister of Justice']],
      ['John Roe', ['Minister of Foreign Affairs', 'Government of Japan']],
    ]);
    assert.deepEqual(
      letter.addressees.map((a) => a.nameRange.start.line),
      [3, 4],
    );
  });

  test('bold `**To:**` followed by an ordered list', () => {
    const letter = parse(
      '# Open Letter',
      '',
      '**To:**',
      '1. Jane Doe, Minister of Justice',
      '2. John Roe, Mayor of Osaka',
    );
    assert.deepEqual(addressees(letter), [
      ['Jane Doe', ['Minister of Justice']],
      ['John Roe', ['Mayor of Osaka']],
    ]);
  });

  test('several addressee paragraphs', () => {
    const letter = parse(
      '# Open Letter',
      '',
      'To: Jane Doe, Minister of Justice',
      '',
      'Attention: John Roe, Director of the Immigration Services Agency',
    );
    assert.deepEqual(addressees(letter), [
      ['Jane Doe', ['Minister of Justice']],
      ['John Roe', ['Director of the Immigration Services Agency']],
    ]);
  });

  test('a trailing comma is not a part', () => {
    const letter = parse('# Open Letter', '', 'To: Jane Doe, Minister of Justice,', '', 'Addressee: John Roe,');
    assert.deepEqual(addressees(letter), [
      ['Jane Doe', ['Minister of Justice']],
      ['John Roe', []],
    ]);
    const missing = withCode(letter, 'addressee-title-missing');
    assert.deepEqual(
      missing.map((d) => d.range.start.line),
      [4],
    );
  });

  test('an addressee label with no value and no list', () => {
    const letter = parse('# Open Letter', '', 'To:', '', 'Date: 7 May 2013');
    assert.deepEqual(letter.addressees, []);
    assert.equal(withCode(letter, 'addressee-missing').length, 1);
  });
});

describe('front matter', () => {
  test('front matter wins over the body (title, date, to)', () => {
    const letter = parse(
      '---',
      'title: Front Matter Title',
      'date: 2013-05-07',
      'to: Jane Doe, Minister of Justice',
      'reply-by: June 7, 2013',
      '---',
      '',
      '# Body Title',
      '',
      'To: John Roe, Minister of Foreign Affairs',
      '',
      'Date: 1 June 2014',
      '',
      'Reply by: 1 July 2014',
    );
    assert.equal(letter.title?.text, 'Front Matter Title');
    assert.equal(letter.title?.source, 'frontmatter');
    assert.equal(letter.date?.iso, '2013-05-07');
    assert.equal(letter.date?.source, 'frontmatter');
    assert.equal(letter.replyBy?.iso, '2013-06-07');
    assert.deepEqual(addressees(letter), [['Jane Doe', ['Minister of Justice']]]);
    assert.equal(letter.addressees[0].source, 'frontmatter');
    assert.equal(letter.date?.range.start.line, 2);
  });

  test('`to` as a list, lang, paper, signed-by', () => {
    const letter = parse(
      '---',
      'to:',
      '  - Jane Doe, Minister of Justice',
      '  - John Roe, Mayor of Osaka',
      'lang: ja',
      'paper: letter',
      'signed-by: organizations',
      '---',
    );
    assert.deepEqual(addressees(letter), [
      ['Jane Doe', ['Minister of Justice']],
      ['John Roe', ['Mayor of Osaka']],
    ]);
    assert.equal(letter.lang, 'ja');
    assert.equal(letter.paper, 'letter');
    assert.equal(letter.signedBy, 'organizations');
    assert.equal(withCode(letter, 'frontmatter-invalid').length, 0);
  });

  test('defaults without front matter', () => {
    const letter = parse('# Open Letter');
    assert.equal(letter.frontMatter, null);
    assert.equal(letter.lang, 'en');
    assert.equal(letter.paper, null);
    assert.equal(letter.signedBy, 'people');
  });

  test('an unknown key gets a hint on its line', () => {
    const letter = parse('---', 'title: Open Letter', 'colour: blue', '---', '');
    assert.ok(letter.frontMatter?.keys.some((k) => k.key === 'colour'));
    const hints = withCode(letter, 'frontmatter-unknown-key');
    assert.equal(hints.length, 1);
    assert.equal(hints[0].severity, 'hint');
    assert.equal(hints[0].range.start.line, 2);
    assert.equal(withCode(letter, 'frontmatter-invalid').length, 0);
  });

  test('a known key of the wrong type is invalid on its value', () => {
    const letter = parse('---', 'title: Open Letter', 'to: 42', 'signed-by: robots', '---');
    assert.deepEqual(
      withCode(letter, 'frontmatter-invalid')
        .map((d) => d.range.start.line)
        .sort(),
      [2, 3],
    );
  });

  test('invalid YAML still parses the body', () => {
    const letter = parse(
      '---',
      'title: [unclosed',
      'date: 2013-05-07',
      '---',
      '',
      '# Body Title',
      '',
      'To: Jane Doe, Minister of Justice',
      '',
      'Date: 7 May 2013',
    );
    assert.ok(withCode(letter, 'frontmatter-invalid').length >= 1);
    assert.ok((letter.frontMatter?.errors.length ?? 0) > 0);
    assert.equal(letter.title?.text, 'Body Title');
    assert.deepEqual(addressees(letter), [['Jane Doe', ['Minister of Justice']]]);
    assert.equal(letter.date?.iso, '2013-05-07');
  });

  test('front matter that is not a mapping is invalid', () => {
    const letter = parse('---', '- Jane Doe', '- John Roe', '---', '', '# Open Letter');
    assert.equal(withCode(letter, 'frontmatter-invalid').length, 1);
    assert.equal(letter.title?.text, 'Open Letter');
  });

  test('front matter that is not closed is invalid, and the text is read as Markdown', () => {
    const letter = parse('---', 'title: Draft', '', '# Real Title', '', 'To: Jane Doe, Minister of Justice');
    assert.equal(withCode(letter, 'frontmatter-invalid').length, 1);
    assert.equal(letter.title?.text, 'Real Title');
    assert.deepEqual(addressees(letter), [['Jane Doe', ['Minister of Justice']]]);
  });

  test('front matter closed by `...`', () => {
    const letter = parse('---', 'title: Dotted', '...', '', 'To: Jane Doe, Minister of Justice');
    assert.equal(letter.title?.text, 'Dotted');
    assert.equal(withCode(letter, 'frontmatter-invalid').length, 0);
  });

  test('a thematic break lower down is not front matter', () => {
    const letter = parse('# Open Letter', '', '---', 'title: Not front matter', '---');
    assert.equal(letter.frontMatter, null);
    assert.equal(letter.title?.text, 'Open Letter');
  });
});

describe('sections', () => {
  test('a level-3 heading opens a section; a level-1 heading does not', () => {
    const deep = parse('# Open Letter', '', '### Signatories', '', '- Jane Doe, Director, Human Rights Now');
    assert.equal(deep.signatories.length, 1);
    assert.equal(deep.sections.find((s) => s.kind === 'signatories')?.level, 3);

    const top = parse('# Open Letter', '', '# Signatories', '', '- Jane Doe, Director, Human Rights Now');
    assert.equal(top.title?.text, 'Open Letter');
    assert.equal(top.signatories.length, 0);
    assert.equal(withCode(top, 'signatories-missing').length, 1);
  });

  test('heading text is trimmed, case-folded, a trailing colon dropped', () => {
    const letter = parse(
      '# Open Letter',
      '',
      '## REPORTS CITED:',
      '',
      '- Hidden Gulag, HRNK, 2012.',
      '',
      '## The Undersigned:',
      '',
      '- Jane Doe, Director, Human Rights Now',
    );
    assert.equal(letter.reports.length, 1);
    assert.equal(letter.signatories.length, 1);
  });

  test('a section ends at the next heading of the same or a higher level', () => {
    const letter = parse(
      '# Open Letter',
      '',
      '## Signatories',
      '',
      '- Jane Doe, Director, Human Rights Now',
      '',
      '### Individuals',
      '',
      '- John Roe, Lawyer, Tokyo Bar Association',
      '',
      '## Annex: Cases',
      '',
      '- Case 1, detained in Yodok, 2012',
    );
    assert.deepEqual(
      letter.signatories.map((s) => s.name),
      ['Jane Doe', 'John Roe'],
    );
    const section = letter.sections.find((s) => s.kind === 'signatories')!;
    assert.equal(section.range.start.line, 2);
    assert.ok(section.range.end.line >= 8 && section.range.end.line < 10, 'the section stops before ## Annex');
  });

  test('empty sections', () => {
    const letter = parse('# Open Letter', '', '## Cited Reports', '', '## Signatories', '');
    assert.deepEqual(
      letter.sections.filter((s) => s.kind !== 'other').map((s) => s.kind),
      ['reports', 'signatories'],
    );
    assert.deepEqual(letter.reports, []);
    assert.deepEqual(letter.signatories, []);
    assert.deepEqual(
      withCode(letter, 'reports-empty').map((d) => d.range.start.line),
      [2],
    );
    assert.deepEqual(
      withCode(letter, 'signatories-empty').map((d) => d.range.start.line),
      [4],
    );
    assert.equal(withCode(letter, 'signatories-missing').length, 0);
  });

  test('a `Signatories:` label paragraph followed directly by a list', () => {
    const letter = parse(
      '# Open Letter',
      '',
      'Signatories:',
      '- Jane Doe, Director, Human Rights Now',
      '- John Roe, Lawyer, Tokyo Bar Association',
    );
    assert.equal(letter.signatories.length, 2);
    const section = letter.sections.find((s) => s.kind === 'signatories');
    assert.equal(section?.level, 0);
    assert.equal(section?.headingRange.start.line, 2);
  });

  test('a bold `**Signed by:**` label, the list after a blank line', () => {
    const letter = parse('# Open Letter', '', '**Signed by:**', '', '1. Jane Doe, Director, Human Rights Now');
    assert.deepEqual(people(letter), [['Jane Doe', 'Director', 'Human Rights Now']]);
  });

  test('a `References:` label paragraph opens a cited reports section', () => {
    const letter = parse('# Open Letter', '', 'References:', '', '- Hidden Gulag, HRNK, 2012.');
    assert.equal(letter.reports.length, 1);
  });

  test('a label paragraph not followed by a list opens nothing', () => {
    const letter = parse('# Open Letter', '', 'Signatories:', '', 'Jane Doe, Director, Human Rights Now');
    assert.equal(letter.signatories.length, 0);
    assert.equal(withCode(letter, 'signatories-missing').length, 1);
  });

  test('lists outside a section are not entries', () => {
    const letter = parseLetter(
      quietLetter({ body: ['We ask you to:', '', '- release them, now, 2013;', '- meet us, soon.'] }),
    );
    assert.equal(letter.reports.length, 1);
    assert.equal(letter.signatories.length, 1);
  });
});

describe('entries', () => {
  test('ordered lists, and several lists in one section, numbered in order', () => {
    const letter = parse(
      '# Open Letter',
      '',
      '## Signatories',
      '',
      'Organizations:',
      '',
      '1. Jane Doe, Director, Human Rights Now',
      '2) John Roe, Lawyer, Tokyo Bar Association',
      '',
      'Individuals:',
      '',
      '1) Ann Lee, Teacher, Osaka Teachers Union',
    );
    assert.deepEqual(
      letter.signatories.map((s) => [s.index, s.name, s.range.start.line]),
      [
        [1, 'Jane Doe', 6],
        [2, 'John Roe', 7],
        [3, 'Ann Lee', 11],
      ],
    );
  });

  test('nested lists belong to their item', () => {
    const letter = parse(
      '# Open Letter',
      '',
      '## Cited Reports',
      '',
      '- Hidden Gulag, Committee for Human Rights in North Korea, 2012.',
      '  - Japanese translation, Shinkansha, 2013.',
      '  - Summary, HRNK, 2013.',
      '- North Korean Prisoners Today, NKDB, 2012.',
    );
    assert.deepEqual(
      letter.reports.map((r) => r.title),
      ['Hidden Gulag', 'North Korean Prisoners Today'],
    );
    const [first] = letter.reports;
    assert.equal(first.text, 'Hidden Gulag, Committee for Human Rights in North Korea, 2012.');
    assert.equal(first.lineCount, 1);
    assert.equal(first.range.start.line, 4);
    assert.ok(first.range.end.line >= 6, 'the item range covers its nested list');
    assert.equal(first.textRange.end.line, 4);
    assert.equal(first.publisher, 'Committee for Human Rights in North Korea');
  });

  test('wrapped items, indented or lazy, are one entry joined by a space', () => {
    const letter = parseLetter(
      quietLetter({
        signatories: [
          '- Jane Doe, Director, Human Rights',
          '  Now',
          '- John Roe, Lawyer, Tokyo Bar',
          'Association',
          '- Ann Lee, Coordinator,',
          '    Solidarity Network',
        ],
        reports: ['- North Korean Human Rights White Paper, North Korean Human', 'Rights Database (NKDB Seoul) 2012.'],
      }),
    );
    assert.deepEqual(people(letter), [
      ['Jane Doe', 'Director', 'Human Rights Now'],
      ['John Roe', 'Lawyer', 'Tokyo Bar Association'],
      ['Ann Lee', 'Coordinator', 'Solidarity Network'],
    ]);
    assert.deepEqual(
      letter.signatories.map((s) => s.lineCount),
      [2, 2, 2],
    );
    assert.equal(letter.signatories[1].text, 'John Roe, Lawyer, Tokyo Bar Association');
    assert.deepEqual(
      letter.reports.map((r) => [r.publisher, r.year, r.lineCount]),
      [['North Korean Human Rights Database (NKDB Seoul)', 2012, 2]],
    );
    assert.deepEqual(problems(letter), []);
  });
});

describe('title', () => {
  test('the first level-1 heading, as plain text, setext or ATX', () => {
    assert.equal(parse('# Open Letter to *Kim Jong-un*', '', '# Second').title?.text, 'Open Letter to Kim Jong-un');
    assert.equal(parse('Open Letter', '===', '', 'To: Jane Doe, Minister').title?.text, 'Open Letter');
    assert.equal(parse('## Not a title', '', 'Body.').title, null);
  });
});

describe('list shapes', () => {
  test('a loose list, an item with a second paragraph, an emphasized section heading', () => {
    const letter = parse(
      '# Open Letter',
      '',
      '## **Signatories**',
      '',
      '- Jane Doe, Director, Human Rights Now',
      '',
      '  Signed in a personal capacity.',
      '',
      '- John Roe, Lawyer, Tokyo Bar Association',
    );
    assert.deepEqual(people(letter), [
      ['Jane Doe', 'Director', 'Human Rights Now'],
      ['John Roe', 'Lawyer', 'Tokyo Bar Association'],
    ]);
    assert.equal(letter.signatories[0].text, 'Jane Doe, Director, Human Rights Now');
    assert.equal(letter.signatories[0].lineCount, 1);
  });
});

describe('cited reports', () => {
  const reportsOf = (...items: string[]) =>
    parseLetter(
      quietLetter({
        head: ['# Open Letter', '', 'To: Jane Doe, Minister of Justice', '', 'Date: 7 May 2024'],
        reports: items,
      }),
    );

  test('emphasized, bold, quoted and linked titles may hold commas', () => {
    const letter = reportsOf(
      '- *Title, with comma*, Publisher One, 2011.',
      '- _Another, Title_, Publisher Two, 2011.',
      '- “Curly, Quoted”, Publisher Three, 2011.',
      '- "Straight, Quoted", Publisher Four, 2011.',
      '- **Bold, Title**, Publisher Five, 2011.',
      '- [Linked, Title](https://example.org/report), Publisher Six, 2011.',
      '- 「日本語、題名」、出版社、2011年。',
    );
    assert.deepEqual(
      letter.reports.map((r) => [r.title, r.publisher, r.year]),
      [
        ['Title, with comma', 'Publisher One', 2011],
        ['Another, Title', 'Publisher Two', 2011],
        ['Curly, Quoted', 'Publisher Three', 2011],
        ['Straight, Quoted', 'Publisher Four', 2011],
        ['Bold, Title', 'Publisher Five', 2011],
        ['Linked, Title', 'Publisher Six', 2011],
        ['日本語、題名', '出版社', 2011],
      ],
    );
    assert.deepEqual(problems(letter), []);
  });

  test('a title without emphasis ends at the first comma', () => {
    const letter = reportsOf('- Title, with comma, Publisher, 2011.');
    assert.deepEqual(
      letter.reports.map((r) => [r.title, r.publisher, r.year]),
      [['Title', 'with comma, Publisher', 2011]],
    );
  });

  test('where the year stands', () => {
    const letter = reportsOf(
      '- Title A, Publisher A 2012.',
      '- Title B, Publisher B, 2012, pp. 4–9.',
      '- Title C, Publisher C, March 2012.',
      '- Title D, 出版社D, 2012年。',
      '- Title E, Publisher E, 12 March 2012.',
      '- Title F, Publisher F, 2012',
    );
    assert.deepEqual(
      letter.reports.map((r) => [r.publisher, r.year, r.yearText]),
      [
        ['Publisher A', 2012, '2012'],
        ['Publisher B', 2012, '2012'],
        ['Publisher C', 2012, 'March 2012'],
        ['出版社D', 2012, '2012年'],
        ['Publisher E', 2012, '12 March 2012'],
        ['Publisher F', 2012, '2012'],
      ],
    );
    for (const r of letter.reports) assert.equal(textAt(letter.lines, r.yearRange!), r.yearText);
  });

  test('n.d. and no year', () => {
    const letter = reportsOf('- Title F, Publisher F, n.d.', '- Title G, Publisher G');
    assert.deepEqual(
      letter.reports.map((r) => [r.publisher, r.year, r.undated]),
      [
        ['Publisher F', null, true],
        ['Publisher G', null, false],
      ],
    );
    const missing = withCode(letter, 'report-year-missing');
    assert.equal(missing.length, 2);
    assert.match(missing[0].message, /Cited report 1/);
    assert.match(missing[0].message, /n\.d\./);
    assert.match(missing[1].message, /Cited report 2/);
  });

  test('a year outside 1800–2100 is not a year', () => {
    const letter = reportsOf('- Annals, Royal Society, 1492.');
    assert.equal(letter.reports[0].year, null);
    assert.equal(withCode(letter, 'report-year-missing').length, 1);
  });

  test('links: http and https are fine, others are not', () => {
    const letter = reportsOf(
      '- [World Report 2024](https://www.hrw.org/world-report/2024), Human Rights Watch, 2024.',
      '- Hidden Gulag, HRNK, 2012. [PDF](http://www.hrnk.org/uploads/pdfs/HRNK_HiddenGulag2_Web_5-18.pdf)',
      '- [Click me](javascript:alert(1)), Example Org, 2012.',
      '- [Archive](ftp://example.org/report.pdf), Example Org, 2013.',
    );
    const [hrw, gulag] = letter.reports;
    assert.equal(hrw.url, 'https://www.hrw.org/world-report/2024');
    assert.equal(hrw.title, 'World Report 2024');
    assert.equal(hrw.publisher, 'Human Rights Watch');
    assert.equal(hrw.year, 2024);
    // The range is the link (its text or its target), inside the link markup.
    const link = '[World Report 2024](https://www.hrw.org/world-report/2024)';
    assert.equal(hrw.urlRange!.start.line, 10);
    assert.ok(hrw.urlRange!.start.character >= 2 && hrw.urlRange!.end.character <= 2 + link.length);
    assert.equal(gulag.url, 'http://www.hrnk.org/uploads/pdfs/HRNK_HiddenGulag2_Web_5-18.pdf');
    assert.deepEqual([gulag.title, gulag.publisher, gulag.year], ['Hidden Gulag', 'HRNK', 2012]);
    const invalid = withCode(letter, 'report-url-invalid');
    assert.deepEqual(
      invalid.map((d) => d.range.start.line),
      [12, 13],
    );
    assert.ok(invalid.every((d) => d.severity === 'warning'));
  });

  test('year after the letter date: reported on the year', () => {
    const letter = reportsOf('- Hidden Gulag, HRNK, 2025.', '- World Report, HRW, 2024.');
    const late = withCode(letter, 'report-year-after-date');
    assert.equal(late.length, 1);
    assert.equal(textAt(letter.lines, late[0].range), '2025');
  });

  test('duplicates fold case and whitespace; related information points at the first', () => {
    const letter = reportsOf(
      '- Hidden Gulag, HRNK, 2012.',
      '- HIDDEN',
      '  gulag, Committee for Human Rights in North Korea, 2012.',
    );
    const dup = withCode(letter, 'report-duplicate');
    assert.equal(dup.length, 1);
    assert.equal(dup[0].range.start.line, 11);
    assert.equal(dup[0].related?.[0].range.start.line, 10);
  });

  test('an item with no title, no publisher', () => {
    const letter = reportsOf('- , Amnesty International, 2021.', '- Torture in Detention, 2021.');
    assert.equal(letter.reports[0].title, null);
    assert.equal(letter.reports[1].publisher, null);
    assert.deepEqual(problems(letter), ['11:report-title-missing', '12:report-publisher-missing']);
  });
});

describe('signatories', () => {
  const signed = (...items: string[]) => parseLetter(quietLetter({ signatories: items }));

  test('a spaced dash after the name separates like a comma', () => {
    const letter = signed(
      '- Jane Doe – Director, Human Rights Now',
      '- John Roe - Lawyer, Tokyo Bar Association',
      '- Mary Major — Professor, Faculty of Law, Keio University',
      '- Jean-Paul Martin, Researcher, Institut de Recherche',
      '- Ann Lee, Director – Asia Division, Human Rights Watch',
    );
    assert.deepEqual(people(letter), [
      ['Jane Doe', 'Director', 'Human Rights Now'],
      ['John Roe', 'Lawyer', 'Tokyo Bar Association'],
      ['Mary Major', 'Professor', 'Faculty of Law, Keio University'],
      ['Jean-Paul Martin', 'Researcher', 'Institut de Recherche'],
      ['Ann Lee', 'Director – Asia Division', 'Human Rights Watch'],
    ]);
    assert.deepEqual(problems(letter), []);
  });

  test('a trailing ; . or 。 is not part of the entry', () => {
    const letter = signed(
      '- Ann Lee, Coordinator, Solidarity Network;',
      "- Bob Kim, Organizer, Workers' Union.",
      '- 山田花子、弁護士、東京弁護士会。',
    );
    assert.deepEqual(people(letter), [
      ['Ann Lee', 'Coordinator', 'Solidarity Network'],
      ['Bob Kim', 'Organizer', "Workers' Union"],
      ['山田花子', '弁護士', '東京弁護士会'],
    ]);
  });

  test('missing parts are null and reported on the entry text', () => {
    const letter = signed('- Jane Doe', '- , Director, Human Rights Now');
    assert.deepEqual(people(letter), [
      ['Jane Doe', null, null],
      [null, 'Director', 'Human Rights Now'],
    ]);
    assert.deepEqual(problems(letter), [
      '15:signatory-organization-missing',
      '15:signatory-role-missing',
      '16:signatory-name-missing',
    ]);
    const [role] = withCode(letter, 'signatory-role-missing');
    assert.deepEqual(role.range, letter.signatories[0].textRange);
    assert.deepEqual(role.range.start, { line: 14, character: 2 });
  });

  test('requiredSignatoryFields', () => {
    const letter = signed('- Jane Doe, Lawyer', '- John Roe');
    const codes = lintLetter(letter, { requiredSignatoryFields: ['name', 'role'] }).map((d) => d.code);
    assert.deepEqual(codes, ['signatory-role-missing']);
  });

  test('signed-by: organizations', () => {
    const letter = parseLetter(
      letterOf(
        '---',
        'signed-by: organizations',
        '---',
        '',
        '# Joint Letter',
        '',
        'To: Volker Türk, United Nations High Commissioner for Human Rights',
        '',
        'Date: 7 May 2024',
        '',
        '## Signatories',
        '',
        '1. Human Rights Now, Japan',
        '2. Amnesty International',
        '3. Human Rights Now, Tokyo',
        '4. Asia Justice and Rights (AJAR), Jakarta, Indonesia',
      ),
    );
    assert.equal(letter.signedBy, 'organizations');
    assert.deepEqual(
      letter.signatories.map((s) => [s.name, s.role, s.organization, s.place]),
      [
        [null, null, 'Human Rights Now', 'Japan'],
        [null, null, 'Amnesty International', null],
        [null, null, 'Human Rights Now', 'Tokyo'],
        [null, null, 'Asia Justice and Rights (AJAR)', 'Jakarta, Indonesia'],
      ],
    );
    assert.deepEqual(problems(letter), ['15:signatory-duplicate']);
    const [dup] = withCode(letter, 'signatory-duplicate');
    assert.equal(dup.related?.[0].range.start.line, 12);
  });

  test('duplicates: same name and organization', () => {
    const letter = signed(
      '- Jane Doe, Director, Human Rights Now',
      '- Jane Doe, Board Member, Human Rights Now',
      '- Jane Doe, Director, Tokyo Bar Association',
    );
    assert.deepEqual(problems(letter), ['16:signatory-duplicate']);
  });
});

describe('reports mentioned in the body', () => {
  const bodyOnly = (body: string) =>
    parse(
      '# Open Letter',
      '',
      'To: Jane Doe, Minister of Justice',
      '',
      'Date: 7 May 2013',
      '',
      body,
      '',
      '## Signatories',
      '',
      '- Hiroshi Kato, President, Life Funds for North Korean Refugees',
    );

  for (const body of [
    'These violations are documented in the reports listed below.',
    'We refer you to the following publications:',
    'See the following documents.',
    '以下の報告書に記録された人権侵害について説明を求めます。',
  ]) {
    test(`speaks of reports: ${body}`, () => {
      const letter = bodyOnly(body);
      assert.deepEqual(
        letter.reportsMentions.map((r) => r.start.line),
        [6],
      );
      assert.deepEqual(problems(letter), ['7:reports-missing']);
      assert.equal(withCode(letter, 'reports-missing')[0].severity, 'information');
    });
  }

  for (const body of [
    'We ask you to take the following steps.',
    'This letter is signed by the organizations listed below.',
    'We urge you to explain the information contained in the documents listed above.',
  ]) {
    test(`does not speak of reports: ${body}`, () => {
      assert.deepEqual(problems(bodyOnly(body)), []);
    });
  }

  test('no reports-missing when there is a cited reports section', () => {
    const letter = parseLetter(quietLetter({ body: ['See the reports listed below.'] }));
    assert.deepEqual(problems(letter), []);
  });
});

describe('dates of the letter', () => {
  test('reply-by-before-date stands on the deadline, related information on the date', () => {
    const letter = parse('# Open Letter', '', 'Date: 10 June 2024', '', 'Deadline: 1 June 2024');
    const [late] = withCode(letter, 'reply-by-before-date');
    assert.equal(textAt(letter.lines, late.range), '1 June 2024');
    assert.equal(late.related?.[0].range.start.line, 2);
  });

  test('an invalid date in front matter or body is reported on its value', () => {
    const letter = parse('---', 'reply-by: next week', '---', '', '# Open Letter', '', 'Dated: 31 April 2024');
    assert.equal(letter.replyBy?.iso, null);
    assert.equal(letter.date?.iso, null);
    assert.equal(letter.date?.raw, '31 April 2024');
    const invalid = withCode(letter, 'date-invalid');
    assert.deepEqual(invalid.map((d) => textAt(letter.lines, d.range)).sort(), ['31 April 2024', 'next week']);
    assert.equal(withCode(letter, 'date-missing').length, 0, 'an invalid date is not a missing one');
  });
});

describe('disable comments', () => {
  test('directives: kind, codes (spaces or commas), target line past blank lines', () => {
    const letter = parse(
      '# Open Letter',
      '',
      '<!-- letter-lint-disable-next-line report-year-missing, report-publisher-missing -->',
      '',
      '- item',
      '',
      '<!-- letter-lint-disable whitespace-irregular -->',
      '<!-- letter-lint-enable -->',
      '<!-- letter-lint-disable-file -->',
    );
    assert.deepEqual(
      letter.directives.map((d) => [d.kind, d.codes, d.range.start.line]),
      [
        ['disable-next-line', ['report-year-missing', 'report-publisher-missing'], 2],
        ['disable', ['whitespace-irregular'], 6],
        ['enable', [], 7],
        ['disable-file', [], 8],
      ],
    );
    assert.equal(letter.directives[0].targetLine, 4);
  });

  test('a comment inside a paragraph line is not a directive', () => {
    const letter = parse('# Open Letter', '', 'We ask you to act. <!-- letter-lint-disable-file -->');
    assert.deepEqual(letter.directives, []);
  });
});

describe('line endings and ranges', () => {
  const seed = readFileSync(join(repoRoot, 'examples', 'open-letter-2013.letter.md'), 'utf8');
  const withFrontMatter = letterOf(
    '---',
    'title: Open Letter',
    'date: 2013-05-07',
    'to: Jane Doe, Minister of Justice',
    '---',
    '',
    'Body.',
    '',
    '## Signatories',
    '',
    '- Jane Doe,  Director, Human Rights',
    '  Now',
  );

  for (const [name, text] of [
    ['seed', seed],
    ['front matter', withFrontMatter],
  ] as const) {
    test(`CRLF and lone CR give the same model and diagnostics as LF (${name})`, () => {
      const lf = parseLetter(text);
      for (const eol of ['\r\n', '\r']) {
        const other = parseLetter(text.replace(/\n/g, eol));
        assert.deepEqual(other, lf, `line ending ${JSON.stringify(eol)}`);
        assert.deepEqual(lintLetter(other), lintLetter(lf), `line ending ${JSON.stringify(eol)}`);
      }
    });
  }

  test('the lines of the letter, counted as VS Code counts them', () => {
    // A final line break leaves an empty last line, where VS Code puts the cursor at the end.
    const letter = parseLetter('# A\r\nB\rC\n');
    assert.deepEqual(letter.lines, ['# A', 'B', 'C', '']);
    assert.equal(letter.lineCount, 4);
    assert.equal(parseLetter('# A\nB').lineCount, 2);
  });

  test('an empty document: every missing check on line 1', () => {
    assert.deepEqual(problems(parseLetter('')), [
      '1:addressee-missing',
      '1:date-missing',
      '1:signatories-missing',
      '1:title-missing',
    ]);
  });

  test('document-level checks stand on the title heading, else the first line of text', () => {
    assert.deepEqual(problems(parse('', 'Dear Minister,', '', '# Title')), [
      '4:addressee-missing',
      '4:date-missing',
      '4:signatories-missing',
    ]);
    assert.deepEqual(problems(parse('---', 'lang: en', '---', '', '', 'Dear Minister,')), [
      '6:addressee-missing',
      '6:date-missing',
      '6:signatories-missing',
      '6:title-missing',
    ]);
  });

  const documents: [string, string][] = [
    ['seed', seed],
    ['front matter', withFrontMatter],
    ['empty', ''],
    ['no final line break', '# Title\n\n## Signatories\n\n- Jane Doe'],
    ...listFixtures().map((path): [string, string] => [
      path,
      parseFixture(readFileSync(join(fixturesRoot, path), 'utf8')).text,
    ]),
  ];

  test('every range of the model and of the diagnostics is 0-based and inside the document', () => {
    const failures: string[] = [];
    for (const [name, text] of documents) {
      const letter = parseLetter(text);
      const check = (range: Range, where: string) => {
        const problem = rangeProblem(text, range);
        if (problem) failures.push(`${name}: ${where}: ${problem} ${JSON.stringify(range)}`);
      };
      visitRanges(letter, 'letter', check);
      lintLetter(letter).forEach((d, i) => visitRanges(d, `diagnostic ${i} (${d.code})`, check));
    }
    assert.deepEqual(failures, []);
  });
});

function isRange(value: unknown): value is Range {
  const r = value as Range;
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof r.start?.line === 'number' &&
    typeof r.start?.character === 'number' &&
    typeof r.end?.line === 'number' &&
    typeof r.end?.character === 'number'
  );
}

function visitRanges(value: unknown, path: string, visit: (range: Range, path: string) => void): void {
  if (isRange(value)) {
    visit(value, path);
    return;
  }
  if (Array.isArray(value)) value.forEach((v, i) => visitRanges(v, `${path}[${i}]`, visit));
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) if (k !== 'lines') visitRanges(v, `${path}.${k}`, visit);
  }
}

/** The lines of a text as an editor shows them; a final line break ends the last line. */
function sourceLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function rangeProblem(text: string, range: Range): string | null {
  const lines = sourceLines(text);
  const lastLine = lines.length - 1;
  const lineLength = (line: number) => lines[line]?.length ?? 0;
  for (const [name, p] of [
    ['start', range.start],
    ['end', range.end],
  ] as const) {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.character)) return `${name} not integral`;
    if (p.line < 0 || p.line > lastLine) return `${name} line outside 0..${lastLine}`;
    if (p.character < 0 || p.character > lineLength(p.line)) return `${name} character outside the line`;
  }
  const { start, end } = range;
  if (start.line > end.line || (start.line === end.line && start.character > end.character)) return 'start after end';
  return null;
}

describe("an entry's lines", () => {
  // The white-space check and the preview's marks read an entry's text on lines
  // [textLine, textLine + lineCount - 1], worked out without the text's source mapping.
  function lineProblems(text: string, where: string, exact: boolean): string[] {
    const letter = parseLetter(text);
    const found: string[] = [];
    for (const entry of [...letter.reports, ...letter.signatories]) {
      if (entry.text === '') continue;
      const { start, end } = entry.textRange;
      const last = entry.textLine + entry.lineCount - 1;
      const inside = entry.textLine >= entry.line && start.line >= entry.textLine && end.line <= last;
      if (!inside || (exact && (start.line !== entry.textLine || end.line !== last))) {
        found.push(
          `${where}: "${entry.text}" (lines ${entry.textLine}–${last}) has its text on lines ${start.line}–${end.line}`,
        );
      }
    }
    return found;
  }

  test('are the lines of its text, in every fixture letter (wrapped ones and after a bare marker included)', () => {
    const texts = listFixtures().map((p) => [p, readFileSync(join(fixturesRoot, p), 'utf8')]);
    texts.push([
      'bare markers',
      letterOf(
        '## Signatories',
        '',
        '-',
        '  Ana Silva, Director,',
        '  Prison Watch',
        '- Li Wang,  ',
        '  Researcher, Org',
        '-',
        '',
        '- Kenji Mori',
      ),
    ]);
    assert.deepEqual(
      texts.flatMap(([p, text]) => lineProblems(text, p, true)),
      [],
    );
  });

  test('hold its text in arbitrary letters', () => {
    fc.assert(
      fc.property(letterText, (text) => assert.deepEqual(lineProblems(text, JSON.stringify(text), false), [])),
      { seed: 20261128, numRuns: 300 },
    );
  });
});

describe('letters as they are published', () => {
  test('signatories under subheadings keep their group', () => {
    const letter = parse(
      '# Statement',
      '',
      '## Signatories',
      '',
      '### Global',
      '',
      '- A, Director, Org A',
      '',
      '### Japan',
      '',
      '#### Tokyo',
      '',
      '- B, Chair, Org B',
      '',
      '## Annex',
      '',
      '- not signed',
    );
    assert.deepEqual(
      letter.signatories.map((s) => [s.name, s.group]),
      [
        ['A', 'Global'],
        ['B', 'Tokyo'],
      ],
    );
  });

  test('every line after a close is a signatory, until a Cc line', () => {
    const letter = parse(
      '# Letter',
      '',
      'To: A, Minister',
      '',
      'Dear Minister,',
      '',
      'We ask you to act.',
      '',
      'Sincerely,  ',
      'Ana Silva, Director, Org A',
      'Li Wang, Researcher, Org B',
      '',
      'Mia Ono, Chair, Org C',
      '',
      'Cc: Jo Doe, Org D',
    );
    assert.deepEqual(
      letter.signatories.map((s) => [s.name, s.range.start.line, s.shape]),
      [
        ['Ana Silva', 9, 'line'],
        ['Li Wang', 10, 'line'],
        ['Mia Ono', 12, 'line'],
      ],
    );
    assert.equal(letter.sections.filter((s) => s.kind === 'signatories').length, 1);
  });

  test('a close does not open signatures in a letter with a signatories heading', () => {
    const letter = parse(
      '# Letter',
      '',
      'Sincerely,',
      '',
      'The undersigned',
      '',
      '## Signatories',
      '',
      '- A, Director, Org A',
    );
    assert.deepEqual(
      letter.signatories.map((s) => s.name),
      ['A'],
    );
  });

  test('a date on a line of its own before the body is the date', () => {
    const letter = parse('# Letter', '', 'To: A, Minister', '', '6 April 2021', '', 'Dear Minister,', '', 'Text.');
    assert.equal(letter.date?.iso, '2021-04-06');
    assert.equal(letter.date?.source, 'line');
  });

  test('a salutation that names someone is the addressee of a letter that names none', () => {
    assert.deepEqual(
      parse('# Letter', '', 'Dear Apple,', '', 'Text.').addressees.map((a) => [a.name, a.source]),
      [['Apple', 'salutation']],
    );
    assert.deepEqual(parse('# Letter', '', 'Dear Minister,', '', 'Text.').addressees, []);
    assert.deepEqual(
      parse('# Letter', '', 'To: Tim Cook, CEO', '', 'Dear Apple,').addressees.map((a) => a.name),
      ['Tim Cook'],
    );
  });

  test('To on its own line, then blocks; a title before the name; a 御中 line', () => {
    const letter = parse(
      '# Letter',
      '',
      'To',
      '',
      'Isabelle Durant',
      'Deputy Secretary-General',
      '',
      'Prime Minister Fumio Kishida',
      '',
      'Dear all,',
    );
    assert.deepEqual(
      letter.addressees.map((a) => [a.name, a.titles.map((t) => t.text)]),
      [
        ['Isabelle Durant', ['Deputy Secretary-General']],
        ['Fumio Kishida', ['Prime Minister']],
      ],
    );
    const ja = parse('# 抗議文', '', '川崎市教育文化会館 御中', '', '本文です。');
    assert.deepEqual(
      ja.addressees.map((a) => [a.name, a.honorific]),
      [['川崎市教育文化会館', '御中']],
    );
  });
});

describe('copies', () => {
  test('one person per line, or separated by ; or /', () => {
    assert.deepEqual(
      parse('# L', '', 'Cc: Arlette Verploegh, UNCTAD', 'Maria Ahmed, UNCTAD').cc.map((c) => c.text),
      ['Arlette Verploegh, UNCTAD', 'Maria Ahmed, UNCTAD'],
    );
    assert.deepEqual(
      parse('# L', '', 'Cc: Jo Doe, Org A; Mia Ono, Org B / Li Wang').cc.map((c) => c.text),
      ['Jo Doe, Org A', 'Mia Ono, Org B', 'Li Wang'],
    );
    assert.deepEqual(
      parse('# L', '', 'Cc: Ministry of Justice, Ministry of Health').cc.map((c) => c.text),
      ['Ministry of Justice', 'Ministry of Health'],
    );
  });
});
