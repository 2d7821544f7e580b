// What the editor offers at the cursor (src/core/completions.ts): a whole entry on a new list item of
// the cited reports or signatories, the skeleton in an empty letter, today's date in a date field as
// the letter writes it, and the addressees of other letters. Each offer is applied to the letter here
// as VS Code would, and the result read back, so that the tests say what the writer gets.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addresseesOf,
  completionsAt,
  entryInsertion,
  entrySnippet,
  mayOffer,
  parseLetter,
  type Completion,
  type CompletionContext,
  type Position,
} from '../../src/core';

const today = '2026-12-04';

/** The letter with `|` marking the cursor, and the completions there. */
function at(text: string, context: Partial<CompletionContext> = {}) {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes('|'));
  const position: Position = { line, character: lines[line].indexOf('|') };
  const source = text.replace('|', '');
  return { source, found: completionsAt(parseLetter(source), position, { today, ...context }) };
}

/** A snippet as VS Code inserts it with the `pick`-th option of every choice (0: the placeholder's own name). */
function expand(snippet: string, pick = 0): string {
  return snippet
    .replace(/\$CURRENT_YEAR/g, today.slice(0, 4))
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\|((?:[^|\\]|\\.)*)\|\}/g, (_, choices: string) => {
      const options = choices.split(/(?<!\\),/).map((o) => o.replace(/\\(.)/g, '$1'));
      return options[Math.min(pick, options.length - 1)];
    });
}

/** The letter once the completion is accepted. */
function accept(source: string, completion: Completion, pick = 0): string {
  const lines = source.split('\n');
  const { start, end } = completion.range;
  assert.equal(start.line, end.line, 'an offer replaces text on one line');
  const text =
    completion.kind === 'entry'
      ? expand(completion.snippet, pick)
      : 'insertText' in completion
        ? completion.insertText
        : '';
  const line = lines[start.line];
  lines[start.line] = line.slice(0, start.character) + text + line.slice(end.character);
  return lines.join('\n');
}

const signed = [
  '# Open letter',
  '',
  'To: Jane Doe, Minister of Justice',
  '',
  '## Cited Reports',
  '',
  '- Prison Conditions Today, Prison Watch, 2012.',
  '- Prisons in 2013, Prison Watch, 2013.',
  '',
  '## Signatories',
  '',
  '- Hiroshi Kato, President, Life Funds for North Korean Refugees',
  '- Ken Ito, Director, Human Rights Now',
  '- Mari Abe, Director, Life Funds for North Korean Refugees',
];

describe('completion of a whole entry on a new list item', () => {
  test('"-" on a new line under Signatories offers a signatory, with the roles and organizations used', () => {
    const { source, found } = at([...signed, '-|'].join('\n'), { triggerCharacter: '-' });
    assert.equal(found.length, 1);
    const [entry] = found;
    assert.ok(entry.kind === 'entry' && entry.entry === 'signatories');
    // Most used first, after the placeholder's own name.
    assert.equal(
      entry.snippet,
      '- ${1:Name}, ${2|Role,Director,President|}, ${3|Organization,Life Funds for North Korean Refugees,Human Rights Now|}',
    );
    const written = parseLetter(accept(source, entry, 1));
    assert.equal(written.signatories.length, 4);
    const added = written.signatories[3];
    assert.deepEqual(
      [added.name, added.role, added.organization],
      ['Name', 'Director', 'Life Funds for North Korean Refugees'],
    );
    assert.equal(
      written.lines[14],
      '- Name, Director, Life Funds for North Korean Refugees',
      'the "-" typed became the entry',
    );
  });

  test('"*" and "3." keep the marker typed; a "." after a word or mid-line offers nothing', () => {
    const star = at([...signed, '', '  *|'].join('\n'), { triggerCharacter: '*' }).found;
    assert.ok(star[0]?.kind === 'entry');
    assert.match(star[0].snippet, /^\* \$\{1:Name\}/);
    assert.deepEqual(star[0].range.start, { line: 15, character: 2 }, 'the indentation stays');
    const numbered = at([...signed.slice(0, 8), '3.|'].join('\n'), { triggerCharacter: '.' }).found;
    assert.ok(numbered[0]?.kind === 'entry' && numbered[0].entry === 'reports');
    assert.equal(numbered[0].snippet, '3. ${1:Title}, ${2|Publisher,Prison Watch|}, ${3:$CURRENT_YEAR}');
    assert.deepEqual(at([...signed, 'Thanks to all.|'].join('\n'), { triggerCharacter: '.' }).found, []);
    assert.deepEqual(at([...signed, '- A -|'].join('\n'), { triggerCharacter: '-' }).found, []);
    assert.deepEqual(at([...signed, '-|x'].join('\n'), { triggerCharacter: '-' }).found, [], 'text after the cursor');
  });

  test('a new line in the cited reports offers a report; it reads as a complete citation', () => {
    const lines = [...signed];
    lines.splice(8, 0, '-|');
    const { source, found } = at(lines.join('\n'), { triggerCharacter: '-' });
    assert.ok(found[0]?.kind === 'entry' && found[0].entry === 'reports');
    const written = parseLetter(accept(source, found[0], 1));
    assert.equal(written.reports.length, 3);
    const added = written.reports[2];
    assert.deepEqual([added.title, added.publisher, added.year], ['Title', 'Prison Watch', 2026]);
  });

  test('only where entries go: not in the body, not after a section that ends the list', () => {
    assert.deepEqual(at(['# Open letter', '', 'We write.', '', '-|'].join('\n'), { triggerCharacter: '-' }).found, []);
    const annex = [...signed, '', '## Annex', '', '-|'].join('\n');
    assert.deepEqual(at(annex, { triggerCharacter: '-' }).found, []);
    // A subheading groups signatories (### Japan): still the signatories.
    const grouped = at([...signed, '', '### Japan', '', '-|'].join('\n'), { triggerCharacter: '-' }).found;
    assert.ok(grouped[0]?.kind === 'entry' && grouped[0].entry === 'signatories');
    // A `Signatories:` label instead of a heading.
    const label = at(['# Open letter', '', 'Signatories:', '', '- A, B, C', '-|'].join('\n'), {
      triggerCharacter: '-',
    });
    assert.ok(label.found[0]?.kind === 'entry' && label.found[0].entry === 'signatories');
  });

  test('asked for (Ctrl+Space) on an empty line of the list, the list’s own marker comes with it', () => {
    const numbered = ['# Open letter', '', '## Signatories', '', '1. A, President, Org', '2. B, Director, Org', '|'];
    const { source, found } = at(numbered.join('\n'));
    assert.ok(found[0]?.kind === 'entry');
    assert.match(accept(source, found[0]), /\n3\. Name, Role, Organization$/);
  });

  test('a letter signed by organizations offers an organization and its place', () => {
    const text = ['---', 'signed-by: organizations', '---', '# Letter', '', '## Signatories', '', '- HRN, Japan', '-|'];
    const { found } = at(text.join('\n'), { triggerCharacter: '-' });
    assert.ok(found[0]?.kind === 'entry');
    assert.equal(found[0].snippet, '- ${1:Organization}, ${2:Place}');
  });

  test('a choice escapes what a snippet reads as syntax, and Insert Signatory writes the same entry', () => {
    const letter = parseLetter(signed.join('\n'));
    assert.equal(
      entrySnippet(letter, 'signatories', { role: ['Chair|Founder', 'A\\B'] }),
      '${1:Name}, ${2|Role,Chair\\|Founder,A\\\\B|}, ${3:Organization}',
    );
    assert.equal(entryInsertion(letter, 'signatories').snippet, '\n- ${1:Name}, ${2:Role}, ${3:Organization}');
  });
});

describe('whether a typed character may lead to an offer, from its line alone', () => {
  test('list markers, a label’s colon and # at the start; a period, a colon or a dash in prose do not', () => {
    const may = (before: string, trigger?: string, after = '') => mayOffer(before + after, before.length, trigger);
    assert.ok(may('-', '-') && may('  *', '*') && may('12.', '.') && may('#', '#'));
    assert.ok(may('Date:', ':') && may('日付：', '：') && may('reply-by:', ':') && may('To: ', ':'));
    assert.ok(!may('We met the minister.', '.') && !may('Jean-', '-') && !may('as follows:', ':', ' more'));
    assert.ok(!may('Note: see this:', ':') && !may('## Signatories', '#') && !may('-', '-', 'x'));
    assert.ok(may('anything', undefined) && may('- A, B, ', ','), 'asked, or a comma: the letter decides');
  });
});

describe('completion of the skeleton in an empty letter', () => {
  test('an empty letter offers the whole letter, in the display language first', () => {
    const empty = at('|').found;
    assert.deepEqual(
      empty.map((c) => c.kind === 'skeleton' && c.lang),
      ['en', 'ja'],
    );
    // Dated by the engine as each letter writes it, not by VS Code's zero-padded date variables.
    assert.ok(empty[0].kind === 'skeleton' && empty[0].snippet.includes('\nDate: ${4:December 4, 2026}\n'));
    assert.ok(empty[1].kind === 'skeleton' && empty[1].snippet.includes('\n日付：${4:2026年12月4日}\n'));
    assert.ok(empty.every((c) => c.kind === 'skeleton' && !c.snippet.includes('CURRENT_')));
    const ja = at('\n|\n', { displayLanguage: 'ja' }).found;
    assert.deepEqual(
      ja.map((c) => c.kind === 'skeleton' && c.lang),
      ['ja', 'en'],
    );
    const hash = at('#|', { triggerCharacter: '#' }).found;
    assert.ok(hash[0]?.kind === 'skeleton');
    assert.deepEqual(hash[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, 'the # goes');
  });

  test('a letter with text offers no skeleton', () => {
    assert.deepEqual(at('# Open letter\n\n#|', { triggerCharacter: '#' }).found, []);
    assert.ok(at('# Open letter\n\n|').found.every((c) => c.kind !== 'skeleton'));
  });
});

describe('completion in the date and addressee fields', () => {
  test('after "Date:" today’s date as an English letter writes it', () => {
    const { source, found } = at('# Open letter\n\nDate:|', { triggerCharacter: ':' });
    assert.equal(found.length, 1);
    assert.equal(accept(source, found[0]), '# Open letter\n\nDate: December 4, 2026');
    assert.equal(parseLetter(accept(source, found[0])).date?.iso, today);
  });

  test('in a Japanese letter, 2026年12月4日, and no space after a full-width colon', () => {
    const japanese = '---\nlang: ja\n---\n# 公開書簡\n\n日付：|';
    const { source, found } = at(japanese, { triggerCharacter: '：' });
    assert.equal(accept(source, found[0]).split('\n').pop(), '日付：2026年12月4日');
    const english = at('---\nlang: ja\n---\n# 公開書簡\n\nReply by:|', { triggerCharacter: ':' });
    assert.equal(accept(english.source, english.found[0]).split('\n').pop(), 'Reply by: 2026年12月4日');
    // Single-digit months and days are not padded.
    const may = at('# Letter\n\nDate: |', { today: '2027-05-07' }).found;
    assert.deepEqual(
      may.map((c) => c.kind === 'date' && c.text),
      ['May 7, 2027'],
    );
  });

  test('the reply deadline and the front matter’s date fields too; the front matter may take ISO', () => {
    const reply = at('# Letter\n\nReply by: Dec|');
    assert.ok(reply.found[0]?.kind === 'date' && reply.found[0].field === 'replyBy');
    assert.equal(accept(reply.source, reply.found[0]), '# Letter\n\nReply by: December 4, 2026');
    const fm = at('---\nreply-by:|\n---\n# Letter', { triggerCharacter: ':' }).found;
    assert.deepEqual(
      fm.map((c) => c.kind === 'date' && c.insertText),
      [' December 4, 2026', ' 2026-12-04'],
    );
  });

  test('not in prose, and not before text the writer already has', () => {
    assert.deepEqual(at('# Letter\n\nWe met on this Date:|', { triggerCharacter: ':' }).found, []);
    assert.deepEqual(at('# Letter\n\nDate:| May 7, 2013').found, []);
    assert.deepEqual(at('# Letter\n\nNote:|', { triggerCharacter: ':' }).found, []);
  });

  test('after "To:" the addressees of other letters, most used first, not those of this letter', () => {
    const others = [
      parseLetter('# A\n\nTo: Jane Doe, Minister of Justice\n'),
      parseLetter('# B\n\nTo:\n- Jane Doe, Minister of Justice\n- Office of the High Commissioner\n'),
      parseLetter('# C\n\n宛先：山田太郎、外務大臣\n'),
      parseLetter('# D\n\nTo: John Roe, Governor\n'),
    ];
    const addressees = others.flatMap(addresseesOf);
    assert.deepEqual(addressees, [
      'Jane Doe, Minister of Justice',
      'Jane Doe, Minister of Justice',
      'Office of the High Commissioner',
      '山田太郎、外務大臣',
      'John Roe, Governor',
    ]);
    const { source, found } = at('# Letter\n\nCc: John Roe, Governor\nTo:|', {
      addressees: () => addressees,
      triggerCharacter: ':',
    });
    assert.deepEqual(
      found.map((c) => c.kind === 'addressee' && [c.text, c.count]),
      [
        ['Jane Doe, Minister of Justice', 2],
        ['John Roe, Governor', 1],
        ['Office of the High Commissioner', 1],
        ['山田太郎、外務大臣', 1],
      ],
    );
    assert.equal(accept(source, found[0]).split('\n').pop(), 'To: Jane Doe, Minister of Justice');
    const own = at('# Letter\n\nTo: John Roe, Governor\n\nTo:|', {
      addressees: () => addressees,
      triggerCharacter: ':',
    }).found;
    assert.ok(
      own.every((c) => c.kind === 'addressee' && c.text !== 'John Roe, Governor'),
      'already addressed',
    );
  });
});

describe('completion inside a signatory entry', () => {
  test('after a comma, the roles used by the other signatories', () => {
    const { found } = at([...signed, '- Aiko Sato, |'].join('\n'), { triggerCharacter: ',' });
    assert.deepEqual(
      found.map((c) => c.kind === 'role' && [c.text, c.count]),
      [
        ['Director', 2],
        ['President', 1],
      ],
    );
  });
});
