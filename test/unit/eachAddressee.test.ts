// One letter per addressee (issue 14, src/workflows/eachAddressee): each copy names its addressee
// alone, fills the placeholders, keeps every other line of the letter; file names are safe, keep
// Japanese and never collide; bad recipients CSV rows are named by line and the others still get
// their letter.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseLetter, translator, type Message } from '../../src/core';
import {
  eachAddresseeSummary,
  fileStem,
  planEachAddressee,
  recipientsFromCsv,
  uniqueStems,
  type EachAddresseePlan,
} from '../../src/workflows';
import japanese from '../../l10n/bundle.l10n.ja.json';
import { fixturesRoot } from './support/expectations';

const eachRoot = path.join(fixturesRoot, 'each');
const ceos = fs.readFileSync(path.join(eachRoot, 'three-ceos.letter.md'), 'utf8');
const recipientsCsv = fs.readFileSync(path.join(eachRoot, 'recipients.csv'), 'utf8');

/** Japanese, failing on a message without a translation. */
const strictJapanese = (m: Message): string =>
  translator(japanese)({
    ...m,
    template: (() => {
      assert.ok(m.template in japanese, `no Japanese for ${JSON.stringify(m.template)}`);
      return m.template;
    })(),
  });

const plan = (text: string, csv?: string): EachAddresseePlan =>
  planEachAddressee(parseLetter(text), csv === undefined ? {} : { recipientsCsv: csv });

describe('one letter per addressee of the letter', () => {
  test('a letter to three CEOs: three copies, each to one CEO, the salutation and body filled', () => {
    const made = plan(ceos);
    assert.deepEqual(made.rejected, []);
    assert.deepEqual(
      made.letters.map((l) => l.fileStem),
      ['Jamie-Dimon', 'Jane-Fraser', 'Brian-Moynihan'],
    );
    const expected = [
      ['Jamie Dimon', 'Chairman and CEO', 'JPMorgan Chase & Co.'],
      ['Jane Fraser', 'CEO', 'Citigroup Inc.'],
      ['Brian Moynihan', 'Chairman and CEO', 'Bank of America'],
    ];
    made.letters.forEach((copy, i) => {
      const [name, title, organization] = expected[i];
      const letter = parseLetter(copy.text);
      assert.deepEqual(
        letter.addressees.map((a) => [a.name, ...a.titles.map((t) => t.text)]),
        [expected[i]],
      );
      assert.ok(copy.text.includes(`Dear ${name},`), 'the salutation names the addressee');
      assert.ok(copy.text.includes(`as the ${title} of ${organization} to ask`), 'the body is filled');
      assert.doesNotMatch(copy.text, /\{\{/, 'no placeholder left');
      // Nothing else of the letter is lost: every line but the other addressees' and the placeholders' is there.
      const others = expected.filter((_, k) => k !== i).map((e) => e[0]);
      for (const line of ceos.split('\n')) {
        if (others.some((o) => line.includes(o)) || line.includes('{{')) continue;
        assert.ok(copy.text.includes(line), `line lost: ${JSON.stringify(line)}`);
      }
      assert.equal(letter.signatories.length, 5);
      assert.equal(letter.reports.length, 1);
    });
  });

  test('addressees written as front matter, as To: paragraphs and as Japanese 御中 lines', () => {
    const shapes = [
      '---\ntitle: T\nto:\n  - A One, Minister\n  - B Two, President\nlang: en\n---\n\nDear {{name}},\n\nBody.\n',
      '# T\n\nTo: A One, Minister\n\nTo: B Two, President, Org\n\nDate: 1 May 2020\n\nDear {{title}} {{name}},\n\nBody.\n',
      '# 公開書簡\n\nA One御中\n\nB Two御中\n\n2020年1月1日\n\n拝啓　本文です。\n',
    ];
    for (const text of shapes) {
      const made = plan(text);
      assert.deepEqual(made.rejected, [], text);
      assert.deepEqual(
        made.letters.map((l) => parseLetter(l.text).addressees.map((a) => a.name)),
        [['A One'], ['B Two']],
        text,
      );
    }
    assert.match(plan(shapes[0]).letters[1].text, /^to: "B Two, President"$/m);
    assert.match(plan(shapes[1]).letters[1].text, /Dear President B Two,/);
  });

  test('an addressee without a value a placeholder needs gets no letter, and is named', () => {
    const made = plan('# T\n\nTo:\n- A One, Minister\n- B Two\n\nDear {{title}} {{name}},\n\nBody.\n');
    assert.deepEqual(
      made.letters.map((l) => l.fileStem),
      ['A-One'],
    );
    assert.equal(made.rejected.length, 1);
    assert.equal(
      eachAddresseeSummary(made, 1, 'out'),
      'Wrote 1 letter into out. Not written: addressee 2 (line 5): no title, which the letter uses as {{title}}.',
    );
  });

  test('`Dear {{name}},` with no addressee, or a `To: {{name}}` line: a placeholder, not a recipient', () => {
    for (const text of [
      '# T\n\nDate: 1 May 2024\n\nDear {{name}},\n\nBody.\n',
      '# T\n\nTo: {{name}}, {{title}}\n\nDear {{name}},\n\nBody.\n',
    ]) {
      const made = plan(text);
      assert.deepEqual(made.letters, [], 'no letter to someone called {{name}}');
      assert.match(made.error!.message, /names no addressee: give the recipients in a CSV file/);
      const fromCsv = plan(text, 'name,title\nJane Roe,CEO\n');
      assert.deepEqual(
        fromCsv.letters.map((l) => parseLetter(l.text).addressees.map((a) => a.name)),
        [['Jane Roe']],
      );
      assert.match(fromCsv.letters[0].text, /Dear Jane Roe,/);
      assert.doesNotMatch(fromCsv.letters[0].text, /\{\{/);
    }
  });

  test('a letter with no addressee and no CSV: nothing to make, and why', () => {
    const made = plan('# T\n\nBody.\n');
    assert.equal(made.letters.length, 0);
    assert.match(made.error!.message, /names no addressee/);
    assert.match(eachAddresseeSummary(made, 0, 'out'), /^No letter written: the letter names no addressee/);
  });
});

describe('recipients from a CSV', () => {
  test('a bad row is named by its line; the other recipients get their letters', () => {
    const made = plan(ceos, recipientsCsv);
    assert.deepEqual(
      made.letters.map((l) => l.fileStem),
      ['Jamie-Dimon', 'Jane-Fraser', '三毛-猫子'],
    );
    assert.equal(
      eachAddresseeSummary(made, 3, 'letters'),
      'Wrote 3 letters into letters. Not written: line 4: no name.',
    );
    assert.equal(
      eachAddresseeSummary(made, 3, 'letters', strictJapanese),
      'letters にレター 3 通を書き出しました。 書き出さなかった宛先: 4 行目: 氏名なし。',
    );
    // The CSV's addressee replaces the letter's, address lines included; the salutation is filled.
    const dimon = parseLetter(made.letters[0].text);
    assert.deepEqual(
      dimon.addressees.map((a) => [a.name, ...a.titles.map((t) => t.text)]),
      [['Jamie Dimon', 'Chairman and CEO', 'JPMorgan Chase & Co.', '383 Madison Avenue', 'New York', 'NY 10179']],
    );
    assert.match(made.letters[2].text, /Dear 三毛 猫子,/);
  });

  test('lines, not records: a quoted value over two lines moves the next row down', () => {
    const read = recipientsFromCsv('name,address\n"A","1 Road\nTown"\n,\n"",x\nB,"a,b",extra\nC,y\n');
    assert.deepEqual(
      read.recipients.map((r) => [r.name, r.address, r.from]),
      [
        ['A', '1 Road, Town', { csvLine: 2 }],
        ['C', 'y', { csvLine: 7 }],
      ],
    );
    assert.deepEqual(
      read.rejected.map((r) => [r.from, r.reason]),
      [
        [{ csvLine: 5 }, 'no name'],
        [{ csvLine: 6 }, '3 fields but the header has 2: is there a value with a comma that is not in quotes?'],
      ],
    );
  });

  test('an e-mail address that is not one; a value the letter needs that a row lacks', () => {
    const made = plan(
      ceos,
      'Name,Title,Company,Email\nA B,CEO,X Bank,a@example.com\nC D,CEO,Y Bank,not-an-address\nE F,CEO,,\n',
    );
    assert.deepEqual(
      made.letters.map((l) => l.fileStem),
      ['A-B'],
    );
    assert.deepEqual(
      made.rejected.map((r) => r.reason),
      [
        'the e-mail address “not-an-address” is not an address',
        'no organization, which the letter uses as {{organization}}',
      ],
    );
    for (const r of made.rejected) strictJapanese(r.l10n);
  });

  test('a CSV that cannot be used: no name column, empty, no rows', () => {
    const noName = plan(ceos, 'Title,Organization\nCEO,X\n');
    assert.match(noName.error!.message, /^line 1 should be the header, but it has no name column/);
    strictJapanese(noName.error!.l10n);
    assert.match(plan(ceos, '\n\n').error!.message, /^the CSV is empty/);
    assert.equal(plan(ceos, 'name,title\n').error!.message, 'the CSV lists no recipients');
    assert.match(plan(ceos, 'name\n"A\n').error!.message, /never closed/);
  });

  test('a CSV value with markup stays text in the copy', () => {
    const made = plan(ceos, 'name,title,organization\n*Star* [link](x),CEO,<b>Bank</b>\n');
    const copy = parseLetter(made.letters[0].text);
    assert.equal(copy.addressees[0].name, '*Star* [link](x)');
    assert.match(made.letters[0].text, /Dear \\\*Star\\\* \\\[link\\\]\(x\),/);
  });
});

describe('file names', () => {
  test('safe characters, Japanese kept, no path, no reserved or empty name', () => {
    assert.equal(fileStem('Jamie Dimon'), 'Jamie-Dimon');
    assert.equal(fileStem('金 正恩'), '金-正恩');
    assert.equal(fileStem('法務大臣　山田太郎'), '法務大臣-山田太郎');
    assert.equal(fileStem('Ngozi Okonjo-Iweala'), 'Ngozi-Okonjo-Iweala');
    assert.equal(fileStem('José Ramos-Horta'), 'José-Ramos-Horta');
    assert.equal(fileStem('../../etc/passwd'), 'etc-passwd');
    assert.equal(fileStem('C:\\Windows\\x'), 'C-Windows-x');
    assert.equal(fileStem('.hidden'), 'hidden');
    assert.equal(fileStem('CON'), 'CON-1');
    assert.equal(fileStem('   '), 'addressee');
    assert.equal(fileStem('\u202Egnp.exe'), 'gnp-exe');
    const long = fileStem('😀'.repeat(10) + 'あ'.repeat(100));
    assert.equal([...long].length, 60);
    assert.doesNotMatch(long, /[\uD800-\uDFFF]/, 'no half of a surrogate pair (the emoji are not letters)');
  });

  test('no two alike, whatever the case: -2, -3', () => {
    assert.deepEqual(uniqueStems(['A', 'B', 'A', 'A']), ['A', 'B', 'A-2', 'A-3']);
    const stems = uniqueStems(['A', 'a', 'A-2', 'A']);
    assert.equal(new Set(stems.map((s) => s.toLowerCase())).size, 4);
    assert.equal(stems[2], 'A-2', 'a name given as such keeps it');
    const made = plan('# T\n\nTo:\n- Jane Roe, CEO, A\n- Jane Roe, CEO, B\n- JANE ROE, CEO, C\n');
    assert.deepEqual(
      made.letters.map((l) => l.fileStem),
      ['Jane-Roe', 'Jane-Roe-2', 'JANE-ROE-3'],
    );
  });
});
