// fast-check arbitraries that build letter-like text: front matter or not, headings with the
// section names, field lines, list entries full of commas, dashes, quotes, emphasis, links, NBSP and
// full-width punctuation, HTML comments with letter-lint directives, CRLF and CR, and fragments of
// fully arbitrary text.
import fc from 'fast-check';
import { fieldLabels, sectionNames } from '../../../src/core';

const NBSP = '\u00a0';

const words = [
  'Hiroshi Kato',
  'President',
  'Life Funds for North Korean Refugees',
  'NKDB',
  'Seoul',
  'Amnesty International',
  'Human Rights Watch',
  'Minister',
  'Ministry of Justice',
  'of',
  'the',
  'White Paper',
  'Report',
  'Dr. Jane Doe',
  '加藤博',
  '代表',
  '北朝鮮難民救援基金',
  '法務大臣',
  'ＮＧＯ',
  '国際人権',
  'Ministère de la Justice',
  'Ça va',
  'et al.',
  'Jr.',
  'listed below',
  'the documents listed below',
  'the following reports',
  'available at',
  'url',
  'n.d.',
  '😀',
  'e\u0301',
  'Volume 1',
  'pp. 4–9',
  '(NKDB Seoul)',
  '（東京）',
  'Inc.',
  'O’Brien',
  'Smith-Jones',
  'x',
];
const dates = [
  '2012',
  '2013',
  '1799',
  '1800',
  '2100',
  '2101',
  '2013年',
  '２０１３年',
  'March 2012',
  'Mar. 2012',
  'May 7, 2013',
  'May 7th, 2013',
  '7 May 2013',
  'November 30th 2016',
  '2012-03-15',
  '2012-13-45',
  '2013-02-29',
  'n.d.',
  '(2012)',
  '2013年5月7日',
  '2013年5月7日（火）',
  'Tuesday, May 7, 2013',
  'someday',
  '12/05/2013',
  '0000',
  '99999',
];
const separators = [
  ', ',
  ',',
  '，',
  '、',
  ' - ',
  ' – ',
  ' — ',
  '; ',
  ' ',
  '  ',
  NBSP,
  ` ${NBSP}`,
  '\t',
  ': ',
  '：',
  '. ',
  '。',
  '\u3000',
];
/** Characters that mean something to markdown or to the entry parser, and some that break things. */
const markChars = [
  '*',
  '_',
  '[',
  ']',
  '(',
  ')',
  '<',
  '>',
  '!',
  '`',
  '#',
  '\\',
  '&',
  ';',
  ':',
  ',',
  '、',
  '，',
  '：',
  '-',
  '–',
  '—',
  '"',
  '“',
  '”',
  '「',
  '」',
  "'",
  ' ',
  ' ',
  '\t',
  NBSP,
  '\u3000',
  '\n',
  '\r',
  '\r\n',
  '|',
  '~',
  '=',
  '+',
  '.',
  '1',
  '2',
  '0',
  'a',
  'Z',
  'é',
  '\0',
  '\ud800',
  '\udfff',
  '\u200b',
  '\ufeff',
  '\u2028',
  '&amp;',
  '&#44;',
  '&#x2c;',
  '&nbsp;',
  '<!--',
  '-->',
  'http://',
  'javascript:',
];

export const markString = fc.string({ unit: fc.constantFrom(...markChars), maxLength: 12 });
/** Fully arbitrary text: any code point, and any UTF-16 unit (lone surrogates included). */
export const anyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 16 }),
  fc.string({ unit: 'grapheme', maxLength: 16 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 16 }),
);

const word = fc.constantFrom(...words);
const date = fc.constantFrom(...dates);
const sep = fc.constantFrom(...separators);
const url = fc.constantFrom(
  'https://example.org/report',
  'http://nkdb.org/2012?x=1&y=2',
  'ftp://example.org/f',
  'javascript:alert(1)',
  'mailto:a@b.org',
  'www.example.org',
  '/relative/path',
  'https://example.org/a_(b)',
  '',
);

/** A short piece of inline text, sometimes marked up. */
const fragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 10, arbitrary: word },
  { weight: 3, arbitrary: date },
  {
    weight: 5,
    arbitrary: fc
      .tuple(
        fc.constantFrom('*', '_', '**', '"', '“', '「', '`', '[', '<', '~~', '\\*', 'link', 'image', 'auto', 'bare'),
        word,
        url,
      )
      .map(([mark, text, href]) => {
        switch (mark) {
          case '"':
            return `"${text}, ${text}"`;
          case '“':
            return `“${text}, ${text}”`;
          case '「':
            return `「${text}、${text}」`;
          case '[':
            return `[${text}`;
          case '<':
            return `<${text}>`;
          case 'link':
            return `[${text}](${href})`;
          case 'image':
            return `![${text}](${href})`;
          case 'auto':
            return `<${href}>`;
          case 'bare':
            return href;
          default:
            return `${mark}${text}${mark}`;
        }
      }),
  },
  { weight: 2, arbitrary: markString },
  { weight: 1, arbitrary: anyString },
);

/** Fragments joined by commas, dashes, spaces (doubled, NBSP, tabs, full-width). */
export const inline = fc
  .array(fc.tuple(fragment, sep), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.map(([f, s], i) => (i === parts.length - 1 ? f : f + s)).join(''));

const entryEnd = fc.constantFrom('', '', '.', ';', '。', '.  ', ' ', NBSP, ',');
const listMarker = fc.constantFrom('-', '*', '+', '1.', '1)', '2.', '10.');

/** One list item: parts, an ending, sometimes wrapped onto an indented or lazy line, sometimes with a nested item. */
const listItem = fc
  .record({
    marker: listMarker,
    parts: fc.array(fc.tuple(fragment, sep), { minLength: 0, maxLength: 5 }),
    end: entryEnd,
    wrap: fc.option(fc.tuple(fc.constantFrom('  ', '', '    ', '   ', '\t'), inline), { freq: 4 }),
    nested: fc.option(fc.tuple(fc.constantFrom('  - ', '   1. ', '    * '), inline), { freq: 5 }),
  })
  .map(({ marker, parts, end, wrap, nested }) => {
    const text = parts.map(([f, s], i) => (i === parts.length - 1 ? f : f + s)).join('') + end;
    const lines = [`${marker} ${text}`];
    if (wrap) lines.push(wrap[0] + wrap[1]);
    if (nested) lines.push(nested[0] + nested[1]);
    return lines.join('\n');
  });

export const list = fc
  .tuple(
    fc.array(listItem, { minLength: 0, maxLength: 6 }),
    fc.constantFrom('\n', '\n', '\n\n'),
    fc.constantFrom('', '', '> '),
  )
  .map(([items, gap, quote]) =>
    items
      .join(gap)
      .split('\n')
      .map((l) => quote + l)
      .join('\n'),
  );

const allSectionNames = [...sectionNames.reports, ...sectionNames.signatories];
const sectionName = fc
  .tuple(
    fc.constantFrom(...allSectionNames),
    fc.constantFrom('', ':', '：', ' ', '  '),
    fc.constantFrom('plain', 'upper', 'lower', 'bold'),
  )
  .map(([name, tail, style]) => {
    const text = style === 'upper' ? name.toUpperCase() : style === 'lower' ? name.toLowerCase() : name;
    return style === 'bold' ? `**${text}**${tail}` : text + tail;
  });

/** An ATX heading at column 0 with a section name or other text. */
export const heading = fc
  .tuple(
    fc.integer({ min: 1, max: 7 }),
    fc.oneof({ weight: 3, arbitrary: sectionName }, { weight: 1, arbitrary: inline }),
    fc.constantFrom('', '', ' #', ' ##'),
  )
  .map(([level, text, close]) => `${'#'.repeat(level)} ${text}${close}`);

/** A section: heading (or a `Signatories:` label paragraph), a blank line, a list. */
export const section = fc
  .tuple(
    fc.oneof(
      { weight: 4, arbitrary: heading.map((h) => `${h}\n`) },
      { weight: 1, arbitrary: sectionName.map((n) => (n.endsWith(':') || n.endsWith('：') ? n : `${n}:`)) },
    ),
    list,
  )
  .map(([head, body]) => `${head}\n${body}`);

const allLabels = Object.values(fieldLabels).flat();
const label = fc
  .tuple(
    fc.constantFrom(...allLabels),
    fc.constantFrom(':', '：', ' :', ':'),
    fc.constantFrom('plain', 'bold', 'boldColon', 'lower', 'nbsp'),
  )
  .map(([name, colon, style]) => {
    switch (style) {
      case 'bold':
        return `**${name}**${colon}`;
      case 'boldColon':
        return `**${name}${colon}**`;
      case 'lower':
        return name.toLowerCase() + colon;
      case 'nbsp':
        return `${NBSP}${name}${NBSP}${colon}`;
      default:
        return name + colon;
    }
  });

/** `Label: value`, with more value lines or more label lines, or a bare `To:` followed by a list. */
export const field = fc
  .tuple(
    label,
    fc.oneof(inline, date, fc.constant('')),
    fc.array(
      fc.oneof(
        inline,
        fc.tuple(label, date).map(([l, d]) => `${l} ${d}`),
      ),
      { maxLength: 3 },
    ),
    fc.option(list, { freq: 4 }),
  )
  .map(([l, value, more, after]) => [`${l} ${value}`, ...more].join('\n') + (after ? `\n${after}` : ''));

const comment = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('disable-next-line', 'disable', 'enable', 'disable-file', 'disable-nextline', 'DISABLE'),
      fc.array(
        fc.constantFrom(
          'report-year-missing',
          'whitespace-irregular',
          'signatory-role-missing',
          'title-missing',
          'nope',
          ',',
        ),
        { maxLength: 3 },
      ),
    )
    .map(([kind, codes]) => `<!-- letter-lint-${kind} ${codes.join(' ')} -->`),
  fc.constantFrom(
    '<!-- a comment -->',
    '<!--',
    '-->',
    '<!-- letter-lint-disable',
    '<div>',
    '</div>',
    '<script>alert(1)</script>',
    '<!-- x -->  <!-- y -->',
  ),
);

const paragraph = fc.array(inline, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n'));

export const block: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: paragraph },
  { weight: 4, arbitrary: field },
  { weight: 4, arbitrary: section },
  { weight: 2, arbitrary: heading },
  { weight: 2, arbitrary: list },
  { weight: 2, arbitrary: comment },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '---',
      '***',
      '===',
      '```',
      '~~~',
      '    code',
      '| a | b |\n|---|---|\n| 1 | 2 |',
      '\\',
      '>',
      '-',
      '1.',
      '#',
    ),
  },
  { weight: 1, arbitrary: paragraph.map((p) => `> ${p.replace(/\n/g, '\n> ')}`) },
  { weight: 1, arbitrary: inline.map((p) => `\`\`\`\n${p}\n\`\`\``) },
  { weight: 1, arbitrary: anyString },
  { weight: 1, arbitrary: markString },
);

const yamlValue = fc.oneof(
  inline.map((v) => JSON.stringify(v)),
  word,
  date,
  fc.constantFrom(
    '',
    '[a, b]',
    '{a: 1}',
    '- x',
    '&a x',
    '*a',
    '!!binary aGk=',
    '!!js/function "x"',
    '"unclosed',
    "'it''s'",
    '|\n  block\n  text',
    '>-\n  folded',
    '123',
    'true',
    'null',
    '~',
    '@x',
    '`x`',
    '\t x',
  ),
);
const frontMatterLine = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('title', 'date', 'reply-by', 'lang', 'to', 'paper', 'signed-by', 'unknown', 'Title', 'x-y'),
      yamlValue,
    )
    .map(([k, v]) => `${k}: ${v}`),
  fc.constantFrom(
    'lang: ja',
    'lang: en-GB',
    'lang: x!',
    'paper: a4',
    'paper: letter',
    'paper: A5',
    'signed-by: organizations',
    'signed-by: people',
    'signed-by: robots',
    'to:\n  - Minister, Ministry\n  - Secretary',
    'to: []',
    'title: a\ntitle: b',
    ': x',
    'a: b: c',
    '  indented: x',
    '- list',
    '[',
    '{',
  ),
  anyString,
);

/** Front matter: closed, unclosed, empty, or none. */
export const frontMatter = fc.oneof(
  { weight: 3, arbitrary: fc.constant('') },
  {
    weight: 3,
    arbitrary: fc
      .array(frontMatterLine, { maxLength: 6 })
      .map((lines) => `---\n${lines.map((l) => `${l}\n`).join('')}---\n\n`),
  },
  { weight: 1, arbitrary: fc.array(frontMatterLine, { maxLength: 3 }).map((lines) => `---\n${lines.join('\n')}\n`) },
  { weight: 1, arbitrary: fc.constantFrom('---\n---\n', '---\n...\n', '---  \ntitle: x\n--- \n', '---\n') },
);

/** A letter-like text: front matter, then blocks separated by blank lines (sometimes none, sometimes several). */
export const letterText = fc
  .tuple(
    frontMatter,
    fc.array(fc.tuple(block, fc.constantFrom('\n\n', '\n\n', '\n', '\n\n\n')), { minLength: 0, maxLength: 10 }),
  )
  .map(([fm, blocks]) => fm + blocks.map(([b, gap]) => b + gap).join(''));

/** A line ending applied to a LF text. */
export const lineEnding = fc.constantFrom('\n', '\r\n', '\r');

/** Letter-like text with its line endings mixed or changed, or fully arbitrary text. */
export const anyLetterText: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: letterText },
  { weight: 1, arbitrary: fc.tuple(letterText, lineEnding).map(([t, eol]) => t.replace(/\n/g, eol)) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...markChars), maxLength: 200 }) },
  {
    weight: 1,
    arbitrary: fc
      .array(
        fc.oneof(markString, anyString, fc.constantFrom('\n', '\n\n', '- ', '## Signatories\n', 'To: ', '---\n')),
        { maxLength: 30 },
      )
      .map((a) => a.join('')),
  },
);

/**
 * A letter with one known section to look at: blocks, then, after a blank line, an ATX section
 * heading at column 0 and its list, then more blocks. For the metamorphic property.
 */
export const letterWithSection = fc
  .tuple(
    letterText,
    fc.tuple(
      fc.integer({ min: 2, max: 4 }),
      fc.constantFrom(...allSectionNames),
      list.filter((l) => l.trim() !== '' && !l.startsWith('>')),
    ),
    fc.array(fc.tuple(block, fc.constantFrom('\n\n', '\n')), { maxLength: 4 }),
  )
  .map(([before, [level, name, body], after]) => ({
    before: before.endsWith('\n\n') || before === '' ? before : `${before}${before.endsWith('\n') ? '\n' : '\n\n'}`,
    heading: `${'#'.repeat(level)} ${name}`,
    body,
    after: after.map(([b, gap]) => b + gap).join(''),
  }));
