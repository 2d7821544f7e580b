// Letters that arrive as a Word document or a web page, converted through mammoth and turndown. The
// fixtures are made by the tests: a .docx written with the `docx` package, an HTML page with chrome.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AlignmentType,
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  TextRun,
} from 'docx';
import { convertDocx, convertHtml } from '../../src/workflows';
import { letterToJson, parseLetter } from '../../src/core';

/** Words as a reader sees them: escapes and markup are layout. */
const words = (text: string) =>
  text
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .split(/[\s*_`#>|[\]()^]+/)
    .map((w) => w.replace(/^[-–•·.,:;!?"'“”‘’]+|[-–•·.,:;!?"'“”‘’]+$/g, ''))
    .filter((w) => w.length > 0 && !/^\d+[.)]?$/.test(w));

function assertWordsKept(source: string, markdown: string): void {
  const written = new Set(words(markdown));
  const lost = words(source).filter((w) => !written.has(w));
  assert.deepEqual(lost, [], markdown);
}

describe('convert: a Word document (convertDocx)', async () => {
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'demands',
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }],
        },
      ],
    },
    footnotes: { 1: { children: [new Paragraph('Detention Report, Example Watch, 2022.')] } },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Open Letter on Detained Journalists', heading: HeadingLevel.HEADING_1 }),
          new Paragraph('Date: 12 May 2023'),
          new Paragraph('To: Jane Minister, Minister of Justice'),
          new Paragraph('Dear Minister,'),
          new Paragraph({
            children: [new TextRun('We write about the journalists held since March.'), new FootnoteReferenceRun(1)],
          }),
          new Paragraph('We ask you to:'),
          new Paragraph({ text: 'Release the journalists', numbering: { reference: 'demands', level: 0 } }),
          new Paragraph({ text: 'Drop the charges', numbering: { reference: 'demands', level: 0 } }),
          new Paragraph('Sincerely,'),
          new Paragraph('Amina Yusuf'),
          new Paragraph('Director, Press Freedom Network'),
        ],
      },
    ],
  });
  const bytes = new Uint8Array(await Packer.toBuffer(doc));
  const { markdown, notes } = await convertDocx(bytes);
  const letter = parseLetter(markdown);
  const json = letterToJson(letter);

  test('title, fields, list, footnote, signature', () => {
    assert.ok(markdown.startsWith('# Open Letter on Detained Journalists\n'), markdown);
    assert.equal(json.date, '2023-05-12');
    assert.deepEqual(json.addressees, [{ name: 'Jane Minister', titles: ['Minister of Justice'] }]);
    assert.match(markdown, /\n1\. +Release the journalists\n2\. +Drop the charges\n/);
    assert.match(markdown, /held since March\.\[\^1\]/);
    assert.match(markdown, /\n\[\^1\]: Detention Report, Example Watch, 2022\.\n/);
    assert.deepEqual(
      json.signatories.map((s) => [s.name, s.role, s.organization]),
      [['Amina Yusuf', 'Director', 'Press Freedom Network']],
    );
    assert.ok(notes.length > 0);
  });

  test('every word kept', () => {
    const source = [
      'Open Letter on Detained Journalists',
      'Date: 12 May 2023',
      'To: Jane Minister, Minister of Justice',
      'Dear Minister,',
      'We write about the journalists held since March.',
      'We ask you to:',
      'Release the journalists',
      'Drop the charges',
      'Sincerely,',
      'Amina Yusuf',
      'Director, Press Freedom Network',
      'Detention Report, Example Watch, 2022.',
    ].join('\n');
    assertWordsKept(source, markdown);
  });
});

describe('convert: a web page (convertHtml)', () => {
  const page = `<!doctype html><html><head><title>Site</title><style>body { color: red }</style><script>track()</script></head>
<body>
<header><a href="/">Campaign Home</a> <nav><ul><li><a href="/about">About us</a></li><li><a href="/donate">Donate</a></li></ul></nav></header>
<div class="cookie-banner">We use cookies. <button>Accept</button></div>
<main><article>
<h1>Open Letter on Forced Returns</h1>
<p>October 14, 2023</p>
<p>To: Wang Yi, Minister of Foreign Affairs</p>
<p>Dear Minister,</p>
<p>We urge you to halt all <em>forced</em> returns. The reports listed below document the abuses.</p>
<ul><li>Worth Less Than an Animal, Human Rights Watch, 2020.</li><li>Report of the Commission, UN Human Rights Council, 2014.</li></ul>
<p>Signed,</p>
<p>Amnesty International<br>No Fence, Japan</p>
</article>
<aside>Related posts: Another letter</aside>
<div class="share-bar">Share on Twitter</div>
</main>
<footer>© 2024 Campaign. Posted on March 3, 2024. <form><input name="email"> Subscribe</form></footer>
</body></html>`;
  const { markdown, notes } = convertHtml(page);
  const json = letterToJson(parseLetter(markdown));

  test('the chrome is left out', () => {
    for (const chrome of [
      'Campaign Home',
      'About us',
      'Donate',
      'cookies',
      'Accept',
      'Related posts',
      'Share on Twitter',
      '© 2024',
      'Subscribe',
      'track()',
      'color: red',
    ]) {
      assert.ok(!markdown.includes(chrome), `${chrome} kept:\n${markdown}`);
    }
    assert.ok(notes[0].startsWith('Web page:'));
  });

  test('the letter is read: title, date, addressee, reports, signatories', () => {
    assert.ok(markdown.startsWith('---\nsigned-by: organizations\n---\n\n# Open Letter on Forced Returns\n'), markdown);
    assert.equal(json.date, '2023-10-14', "the letter date, not the footer's");
    assert.deepEqual(
      json.addressees.map((a) => a.name),
      ['Wang Yi'],
    );
    assert.equal(json.reports.length, 2);
    assert.deepEqual(
      json.signatories.map((s) => s.organization),
      ['Amnesty International', 'No Fence'],
    );
  });

  test('every word of the letter kept', () => {
    const letter = page.slice(page.indexOf('<h1>'), page.indexOf('</article>')).replace(/<[^>]+>/g, '\n');
    assertWordsKept(letter, markdown);
  });
});
