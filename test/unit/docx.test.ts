// The letter as a Word document: what a partner opening the .docx sees, read back from its XML — the
// paragraphs in the letter's order and styles, the reports as one numbered list, footnotes as Word
// footnotes, the page size, fonts for Japanese, a house style from a template, one copy's addressee.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import mammoth from 'mammoth';
import { parseLetter } from '../../src/core';
import { addresseeLines, DocxTemplateError, docxTemplates, letterToDocx } from '../../src/workflows';
import { bodyParagraphs, docxParts, paragraphsOf } from './support/docx';
import { repoRoot } from './support/expectations';

const read = (file: string) => fs.readFileSync(path.join(repoRoot, file), 'utf8');
const example = read('examples/open-letter-2013.letter.md');
const japanese = read('test/fixtures/letters/japanese-letter.letter.md');
const groups = read('test/fixtures/render/signatory-groups.letter.md');

const texts = (bytes: Uint8Array) => bodyParagraphs(bytes).map((p) => p.text);

/** The index of each text in `all`, each found after the one before; -1 for one not found so. */
function inOrder(all: string[], wanted: string[]): number[] {
  let from = 0;
  return wanted.map((w) => {
    const at = all.findIndex((t, k) => k >= from && t.includes(w));
    if (at >= 0) from = at + 1;
    return at;
  });
}

describe('Word export', () => {
  test('the example letter: title, addressee block line by line, date, body, reports, signatories, in order', async () => {
    const bytes = await letterToDocx(example);
    const paragraphs = bodyParagraphs(bytes);
    assert.equal(paragraphs[0].style, 'Title');
    assert.equal(paragraphs[0].text, 'Open Letter to Kim Jong-un Urges Explanation');
    assert.deepEqual(
      paragraphs.slice(1, 4).map((p) => [p.style, p.text]),
      [
        ['LetterAddressee', 'Kim Jong-un'],
        ['LetterAddressee', 'First Secretary of the Workers’ Party of Korea'],
        ['LetterAddressee', 'Chairman of the National Defense Commission'],
      ],
    );
    assert.deepEqual([paragraphs[4].style, paragraphs[4].text], ['LetterDate', 'May 7, 2013']);
    const letter = parseLetter(example);
    const wanted = [
      'We, the undersigned human rights NGOs',
      ...letter.reports.map((r) => r.title!),
      'North Korean Human Rights Third Way',
      '6 signatories from 6 organizations',
      ...letter.signatories.map((s) => `${s.name}, ${s.role}, ${s.organization}`),
    ];
    assert.ok(
      !inOrder(texts(bytes), wanted).includes(-1),
      `in order: ${JSON.stringify(inOrder(texts(bytes), wanted))}`,
    );
    // The signatory's name is in bold; the reports are one numbered list.
    const kato = paragraphs.find((p) => p.text.startsWith('Hiroshi Kato'))!;
    assert.equal(kato.style, 'LetterSignatory');
    assert.match(kato.xml, /<w:b\/>[^]*Hiroshi Kato/);
    const reports = paragraphs.filter((p) => letter.reports.some((r) => p.text.startsWith(r.title!)));
    assert.equal(reports.length, 4);
    assert.equal(new Set(reports.map((p) => p.list?.id)).size, 1);
    assert.ok(reports[0].list);
    assert.match(reports[0].xml, /<w:i\/>[^]*North Korean Human Rights White Paper/);
  });

  test('the reply-by and subject lines follow the date, before the salutation, in English and Japanese', async () => {
    const letter = [
      '# Letter on Coal',
      '',
      'To: Jane Roe, CEO, Bank One',
      '',
      'Date: 1 May 2024',
      '',
      'Reply by: 1 June 2024',
      '',
      'Subject: Financing of new coal',
      '',
      'Dear Ms Roe,',
      '',
      'We ask.',
      '',
    ].join('\n');
    assert.deepEqual(texts(await letterToDocx(letter)).slice(0, 8), [
      'Letter on Coal',
      'Jane Roe',
      'CEO',
      'Bank One',
      'May 1, 2024',
      'Reply requested by June 1, 2024',
      'Subject: Financing of new coal',
      'Dear Ms Roe,',
    ]);
    assert.deepEqual(texts(await letterToDocx(japanese)).slice(3, 6), [
      '2023年12月10日',
      '回答期限：2024年1月31日',
      '件名：拉致被害者の即時一括帰国に向けた取り組みについて',
    ]);
  });

  test('reports in two sections are one list, numbered on; body lists are lists of their own', async () => {
    const letter = `# Letter

To: Minister, Ministry

Date: 1 May 2024

We ask three things:

1. *first*, with **strength**
2. second
   - nested, see [the report](https://example.org/r) and [bad](javascript:alert(1))

## Cited Reports

- Report One, Publisher, 2020.

## Sources

- Report Two, Publisher, 2021.

## Signatories

- A Person, Director, Org
`;
    const bytes = await letterToDocx(letter);
    const paragraphs = bodyParagraphs(bytes);
    const one = paragraphs.find((p) => p.text.startsWith('Report One'))!;
    const two = paragraphs.find((p) => p.text.startsWith('Report Two'))!;
    assert.ok(one.list && two.list);
    assert.equal(one.list.id, two.list.id, 'one list: Word numbers Report Two as 2');
    const first = paragraphs.find((p) => p.text.startsWith('first'))!;
    const nested = paragraphs.find((p) => p.text.startsWith('nested'))!;
    assert.ok(first.list && nested.list);
    assert.notEqual(first.list.id, one.list.id);
    assert.equal(nested.list.level, 1);
    assert.match(first.xml, /<w:i\/>[^]*first/);
    assert.match(first.xml, /<w:b\/>[^]*strength/);
    // The web link is a hyperlink; the script's words stay, without a link.
    assert.match(nested.xml, /<w:hyperlink [^>]*r:id="[^"]+"[^]*the report/);
    assert.equal((nested.xml.match(/<w:hyperlink /g) ?? []).length, 1);
    assert.match(nested.text, /the report and bad$/);
    const rels = docxParts(bytes).get('word/_rels/document.xml.rels')!;
    assert.match(rels, /Target="https:\/\/example\.org\/r" TargetMode="External"/);
    assert.doesNotMatch(rels, /javascript/);
  });

  test('footnotes the text marks become Word footnotes; their heading goes; an unmarked one stays', async () => {
    const letter = `# Letter

To: Minister, Ministry

The camps are documented.[^1] So are the prisons.[^b]

Unrelated text.

## Notes

[^1]: North Korean Prisoners Today, NKDB, 2012.
[^b]: Eyewitness Testimony, *Volume 1*.

## Signatories

- A Person, Director, Org

[^z]: A note nothing marks.
`;
    const bytes = await letterToDocx(letter);
    const body = bodyParagraphs(bytes);
    const marked = body.find((p) => p.text.startsWith('The camps'))!;
    assert.equal(marked.text, 'The camps are documented. So are the prisons.');
    assert.deepEqual(marked.footnotes, ['1', '2']);
    assert.ok(!body.some((p) => p.text === 'Notes'), 'the Notes heading over only footnotes is gone');
    assert.ok(!body.some((p) => p.text.includes('NKDB')));
    assert.ok(body.some((p) => p.text === '[^z]: A note nothing marks.'));
    const notes = paragraphsOf(docxParts(bytes).get('word/footnotes.xml')!).filter((p) => p.style === 'FootnoteText');
    assert.deepEqual(
      notes.map((p) => p.text),
      ['North Korean Prisoners Today, NKDB, 2012.', 'Eyewitness Testimony, Volume 1.'],
    );
    assert.match(notes[1].xml, /<w:i\/>[^]*Volume 1/);
  });

  test('a note marked twice is one footnote; an inline note is one; an unmarked one stays where written', async () => {
    const letter = `# Letter

First.[^a] Inline.^[A note *written* inline.] Again.[^a]

## Notes

[^a]: The first note.

    Its second paragraph.

[^z]: Nothing marks this one.

## Closing

Regards.
`;
    const bytes = await letterToDocx(letter);
    const body = bodyParagraphs(bytes);
    const marked = body.find((p) => p.text.startsWith('First'))!;
    assert.equal(marked.text, 'First. Inline. Again.');
    assert.deepEqual(marked.footnotes, ['1', '2', '1']);
    const texts = body.map((p) => p.text);
    assert.deepEqual(texts.slice(texts.indexOf('Notes')), [
      'Notes',
      '[^z]: Nothing marks this one.',
      'Closing',
      'Regards.',
    ]);
    const notes = paragraphsOf(docxParts(bytes).get('word/footnotes.xml')!).filter((p) => p.style === 'FootnoteText');
    assert.deepEqual(
      notes.map((p) => p.text),
      ['The first note.', 'Its second paragraph.', 'A note written inline.'],
    );
    assert.match(notes[2].xml, /<w:i\/>[^]*written/);
  });

  test('the page size is the letter’s (paper:), else the option, else A4', async () => {
    const size = async (text: string, paper?: 'a4' | 'letter') =>
      /<w:pgSz w:w="(\d+)" w:h="(\d+)"/
        .exec(docxParts(await letterToDocx(text, { paper })).get('word/document.xml')!)!
        .slice(1)
        .map(Number);
    assert.deepEqual(await size(example), [11906, 16838]);
    assert.deepEqual(await size(example, 'letter'), [12240, 15840]);
    assert.deepEqual(await size(`---\npaper: letter\n---\n\n${example}`, 'a4'), [12240, 15840]);
  });

  test('a Japanese letter: Japanese fonts and language, 『』 around report titles, no italics', async () => {
    const bytes = await letterToDocx(japanese);
    const styles = docxParts(bytes).get('word/styles.xml')!;
    const defaults = /<w:docDefaults>[^]*<\/w:docDefaults>/.exec(styles)![0];
    assert.match(defaults, /w:eastAsia="Yu Mincho"/);
    assert.match(defaults, /<w:lang [^>]*w:eastAsia="ja-JP"/);
    const english = docxParts(await letterToDocx(example)).get('word/styles.xml')!;
    assert.doesNotMatch(/<w:docDefaults>[^]*<\/w:docDefaults>/.exec(english)![0], /Mincho|ja-JP/);
    const paragraphs = bodyParagraphs(bytes);
    assert.deepEqual(
      paragraphs.slice(1, 3).map((p) => p.text),
      ['岸田文雄', '内閣総理大臣'],
    );
    const report = paragraphs.find((p) => p.text.startsWith('『北朝鮮人権白書』'))!;
    assert.equal(report.text, '『北朝鮮人権白書』、北朝鮮人権情報センター、2012年。');
    assert.doesNotMatch(report.xml, /<w:i\/>/);
    assert.ok(paragraphs.some((p) => p.text === '署名者4名（3団体）'));
  });

  test('signatories grouped as in the letter: each group heading, then its signatories', async () => {
    const all = texts(await letterToDocx(groups));
    const order = inOrder(all, [
      'Global',
      'Our World Is Not for Sale',
      'Public Services International',
      'Regional',
      'Third World Network-Africa, Ghana',
      'Japan',
      'Pacific Asia Resource Center, Tokyo',
    ]);
    assert.ok(!order.includes(-1), JSON.stringify(order));
  });

  test('a template’s styles are used, and the letter’s own styles are added to them', async () => {
    const template = await Packer.pack(
      new Document({
        styles: {
          paragraphStyles: [
            { id: 'Title', name: 'Title', run: { font: 'House Sans', size: 52, color: '1C3F78' } },
            { id: 'LetterDate', name: 'Letter Date', run: { font: 'House Date' } },
          ],
        },
        sections: [{ children: [new Paragraph('template')] }],
      }),
      'uint8array',
    );
    const bytes = await letterToDocx(example, { template });
    const styles = docxParts(bytes).get('word/styles.xml')!;
    assert.match(styles, /w:styleId="Title"[^]*?House Sans/);
    assert.match(styles, /w:styleId="LetterDate"[^]*?House Date/, "the template's own Letter Date wins");
    assert.match(styles, /w:styleId="LetterSignatory"/);
    assert.equal((styles.match(/w:styleId="LetterDate"/g) ?? []).length, 1);
    assert.equal(bodyParagraphs(bytes)[0].style, 'Title');

    await assert.rejects(letterToDocx(example, { template: new TextEncoder().encode('not a zip') }), (error) => {
      assert.ok(error instanceof DocxTemplateError);
      assert.equal(error.message, docxTemplates.notDocx);
      return true;
    });
    const bundle = JSON.parse(read('l10n/bundle.l10n.ja.json')) as Record<string, string>;
    for (const template of Object.values(docxTemplates)) assert.ok(bundle[template], `${template} in Japanese`);
  });

  test('one copy per addressee: that addressee alone, where the addressee block stands', async () => {
    const several = read('test/fixtures/letters/several-officials.letter.md');
    const letter = parseLetter(several);
    assert.ok(letter.addressees.length > 1);
    const only = letter.addressees[1];
    const bytes = await letterToDocx(several, { addressee: { lines: addresseeLines(only) } });
    const all = texts(bytes);
    assert.equal(all.filter((t) => t === only.name).length, 1);
    for (const other of letter.addressees.filter((a) => a !== only)) assert.ok(!all.includes(other.name), other.name);
    // A letter without an addressee: the copy's addressee stands after the title.
    const bare = await letterToDocx('# Letter\n\nSome text.\n', { addressee: { lines: ['Jane Doe', 'CEO, Bank'] } });
    assert.deepEqual(texts(bare), ['Letter', 'Jane Doe', 'CEO, Bank', 'Some text.']);
  });

  test('a cover page comes first, on a page of its own', async () => {
    const bytes = await letterToDocx(example, {
      cover: { title: 'Delivery', lines: ['Signed by 6 organizations and 6 individuals'] },
    });
    const all = texts(bytes);
    assert.deepEqual(all.slice(0, 3), [
      'Delivery',
      'Signed by 6 organizations and 6 individuals',
      'Open Letter to Kim Jong-un Urges Explanation',
    ]);
    assert.equal(
      (
        docxParts(bytes)
          .get('word/document.xml')!
          .match(/<w:sectPr/g) ?? []
      ).length,
      2,
    );
  });

  test('mammoth reads back the words of the letter', async () => {
    const bytes = await letterToDocx(japanese);
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    for (const s of parseLetter(japanese).signatories) assert.ok(value.includes(s.name!), s.name!);
    assert.match(value, /拝啓/);
  });
});
