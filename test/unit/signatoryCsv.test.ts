// Signatories and spreadsheets: planning a CSV import, export, sort, and the `signatories` command line.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  applyTextEdit,
  entryInsertion,
  entryPlacement,
  lintLetter,
  parseLetter,
  placedEntries,
  type Letter,
  type LetterDiagnostic,
} from '../../src/core';
import { escapeMarkdown } from '../../src/core/text/markdownEscape';
import {
  decodeCsv,
  importReport,
  importSummary,
  planSignatoryImport,
  signatoriesToCsv,
  sortSignatories,
  type SignatoryImportOptions,
} from '../../src/workflows';
import { main } from '../../src/cli/main';

const repoRoot = path.resolve(__dirname, '..', '..');
const csvFixtures = path.join(repoRoot, 'test', 'fixtures', 'csv');
const fixture = (name: string) => fs.readFileSync(path.join(csvFixtures, name), 'utf8');
const seedText = fs.readFileSync(path.join(repoRoot, 'examples', 'open-letter-2013.letter.md'), 'utf8');

const letterOf = (...lines: string[]) => lines.join('\n') + '\n';
/** Row notes and errors without their messages for translation (`l10n`, checked in l10n.test.ts). */
const english = <T extends { l10n?: unknown }>(value: T | undefined) => {
  if (value === undefined) return undefined;
  const { l10n: _l10n, ...rest } = value;

  return rest;
};
const englishNotes = <T extends { l10n?: unknown }>(notes: T[]) => notes.map(english);

/** A complete letter whose signatories section holds `entries` (lines, markers included). */
function quietLetter(entries: string[], options: { head?: string[]; heading?: string | null } = {}): string {
  return letterOf(
    ...(options.head ?? []),
    '# Open Letter',
    '',
    'To: Jane Doe, Minister of Justice',
    '',
    'Date: 7 May 2013',
    '',
    'We ask you to act.',
    ...(options.heading === null ? [] : ['', options.heading ?? '## Signatories']),
    ...(entries.length > 0 ? ['', ...entries] : []),
  );
}

/** One CSV cell, quoted when it must be. */
const cell = (value: string) =>
  /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
const rowOf = (...values: string[]) => values.map(cell).join(',');
const csvOf = (...rows: string[]) => `${rows.join('\r\n')}\r\n`;

function importInto(text: string, csv: string, options?: SignatoryImportOptions) {
  const letter = parseLetter(text);
  const plan = planSignatoryImport(letter, csv, options);
  const result = plan.edit ? applyTextEdit(text, plan.edit) : text;
  return { letter, plan, result, after: parseLetter(result) };
}

const people = (letter: Letter) => letter.signatories.map((s) => [s.name, s.role, s.organization]);
const SIGNATORY_CODES = /^(?:signator|whitespace-irregular)/;

/** Signatory problems (and whitespace hints) on or after `line` (0-based). */
function problemsFrom(letter: Letter, line: number, options = {}): LetterDiagnostic[] {
  return lintLetter(letter, options).filter((d) => SIGNATORY_CODES.test(d.code) && d.range.start.line >= line);
}

// ---------------------------------------------------------------------------------------------
// A deterministic 1,000-row sign-on sheet

/** mulberry32: a small seeded generator, so the sheet is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'Aiko',
  'Bruno',
  'Chidi',
  'Dana',
  'Elif',
  'Farid',
  'Greta',
  'Hana',
  'Ivan',
  'Joon',
  'Kemi',
  'Lars',
  'Mei',
  'Nadia',
  'Omar',
  'Priya',
  'Quinn',
  'Rosa',
  'Sami',
  'Tariq',
  'Uma',
  'Vera',
  'Wen',
  'Yusuf',
  'Zanele',
];
const LAST = [
  'Abe',
  'Banda',
  'Costa',
  'Diallo',
  'Eriksen',
  'Fujii',
  'Garcia',
  'Haddad',
  'Ito',
  'Jensen',
  'Kim',
  'Lopez',
  'Mensah',
  'Novak',
  'Okafor',
  'Park',
  'Qureshi',
  'Rossi',
  'Sato',
  'Tan',
  'Ueda',
  'Vargas',
  'Wang',
  'Xu',
  'Yilmaz',
  'Zhou',
  'Achebe',
  'Brandt',
  'Chen',
  'Dubois',
  'Evans',
  'Fischer',
  'Gomez',
  'Hoang',
  'Ibrahim',
  'Jovanovic',
  'Kowalski',
  'Larsen',
  'Moreau',
  'Nakamura',
];
const ROLES = ['Director', 'Researcher', 'Coordinator', 'Volunteer', 'Chair', 'Treasurer', 'Lawyer'];
const ORGS = [
  'Example Watch',
  'Rights Now, Inc.',
  'Open Society Lab',
  'Asia Rights Network',
  'Refugee Aid (Geneva, Switzerland)',
  'Legal Clinic',
  'Freedom House Japan',
  'Citizens’ Forum',
  'Detention Monitor',
  'Youth for Rights',
  'Press Freedom Fund',
];

type Kind = 'good' | 'dupLetter' | 'dupCsv' | 'noOrg' | 'noName' | 'noRole' | 'commaName' | 'commaRole';
const BAD_COUNTS: Record<Exclude<Kind, 'good'>, number> = {
  dupLetter: 12,
  dupCsv: 18,
  noOrg: 14,
  noName: 8,
  noRole: 6,
  commaName: 5,
  commaRole: 5,
};

interface Sheet {
  csv: string;
  /** Row number → the reason's pattern. */
  rejected: Map<number, RegExp>;
  skipped: Map<number, RegExp>;
  added: { row: number; name: string; role: string; organization: string }[];
}

/** 1,000 data rows (and two blank lines, ignored) after a header, into the seed letter (six signatories). */
function signOnSheet(): Sheet {
  const next = random(2013);
  const kinds: Kind[] = Array.from({ length: 1000 }, () => 'good');
  let at = 10; // the first rows are good, so that within-sheet duplicates have something to repeat
  for (const [kind, count] of Object.entries(BAD_COUNTS) as [Kind, number][])
    for (let k = 0; k < count; k++) kinds[at++] = kind;
  for (let i = kinds.length - 1; i > 10; i--) {
    const j = 10 + Math.floor(next() * (i - 9));
    [kinds[i], kinds[j]] = [kinds[j], kinds[i]];
  }
  const seedPeople = parseLetter(seedText).signatories;
  const lines = [rowOf('Name', 'Role', 'Organization', 'Email')];
  const sheet: Sheet = { csv: '', rejected: new Map(), skipped: new Map(), added: [] };
  let row = 1;
  let dupLetter = 0;
  kinds.forEach((kind, i) => {
    if (i === 500) {
      lines.push('');
      row++;
    }
    row++;
    const name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`;
    // Line breaks inside quoted cells, as spreadsheets write wrapped text: joined by a space.
    const role = i % 50 === 7 ? 'Director of\nPrograms' : ROLES[i % ROLES.length];
    const organization = i % 40 === 3 ? 'Open Data\nCollective' : ORGS[i % ORGS.length];
    const email = `${name.toLowerCase().replace(' ', '.')}@example.org`;
    switch (kind) {
      case 'good':
        lines.push(rowOf(name, role, organization, email));
        // As the letter reads them: a cell's line break is a space, the entry's final period not part of it.
        sheet.added.push({
          row,
          name,
          role: role.replace('\n', ' '),
          organization: organization.replace('\n', ' ').replace(/\.$/, ''),
        });
        break;
      case 'dupLetter': {
        // The same person as the letter's, in other case and spacing.
        const s = seedPeople[dupLetter++ % seedPeople.length];
        lines.push(
          rowOf(`  ${s.name!.toUpperCase().replace(' ', '   ')} `, 'Member', s.organization!.toLowerCase(), email),
        );
        sheet.skipped.set(row, new RegExp(`^already in the letter as signatory ${s.index} \\(line \\d+\\)$`));
        break;
      }
      case 'dupCsv': {
        const earlier = sheet.added[Math.floor(next() * sheet.added.length)];
        lines.push(rowOf(earlier.name.toLowerCase(), 'Volunteer', `${earlier.organization.toUpperCase()}.`, email));
        sheet.skipped.set(row, new RegExp(`^same as row ${earlier.row}$`));
        break;
      }
      case 'noOrg':
        lines.push(rowOf(name, role, '', email));
        sheet.rejected.set(row, /^no organization$/);
        break;
      case 'noName':
        lines.push(rowOf('', role, organization, email));
        sheet.rejected.set(row, /^no name$/);
        break;
      case 'noRole':
        lines.push(rowOf(name, ' ', organization, email));
        sheet.rejected.set(row, /^no role$/);
        break;
      case 'commaName':
        lines.push(rowOf(`${name.split(' ')[1]}, ${name.split(' ')[0]}`, role, organization, email));
        sheet.rejected.set(row, /^the name “[^”]+, [^”]+” holds a comma$/);
        break;
      case 'commaRole':
        lines.push(rowOf(name, 'Director, Asia Division', organization, email));
        sheet.rejected.set(row, /^the role “Director, Asia Division” holds a comma$/);
        break;
    }
  });
  lines.push('');
  sheet.csv = csvOf(...lines);
  return sheet;
}

describe('import: a 1,000-row sheet with duplicates and bad rows', () => {
  const sheet = signOnSheet();
  const { letter, plan, result, after } = importInto(seedText, sheet.csv);

  test('exact added, skipped and rejected counts', () => {
    assert.equal(plan.error, undefined);
    assert.equal(plan.rows, 1000);
    assert.equal(plan.skipped.length, 30);
    assert.equal(plan.rejected.length, 38);
    assert.equal(plan.added.length, 1000 - 30 - 38);
  });

  test('every skipped and rejected row is named with its spreadsheet row number and why', () => {
    assert.deepEqual(
      plan.skipped.map((s) => s.row),
      [...sheet.skipped.keys()],
    );
    for (const s of plan.skipped) assert.match(s.reason, sheet.skipped.get(s.row)!, `row ${s.row}`);
    assert.deepEqual(
      plan.rejected.map((r) => r.row),
      [...sheet.rejected.keys()],
    );
    for (const r of plan.rejected) assert.match(r.reason, sheet.rejected.get(r.row)!, `row ${r.row}`);
    const comma = plan.rejected.find((r) => r.reason.includes('holds a comma'))!;
    assert.match(comma.detail!, /Name, Role, Organization/);
  });

  test('the added rows are the good ones, line breaks in cells joined with a space', () => {
    assert.deepEqual(
      plan.added.map((a) => [a.row, a.name, a.role, a.organization]),
      sheet.added.map((a) => [a.row, a.name, a.role, a.organization]),
    );
    assert.ok(plan.added.some((a) => a.role === 'Director of Programs'));
    assert.ok(
      plan.added.some((a) => a.organization === 'Rights Now, Inc'),
      'the final period of an entry is not part of it',
    );
  });

  test('one edit, after the last signatory, with the letter’s list marker', () => {
    const last = letter.signatories[letter.signatories.length - 1];
    assert.deepEqual(plan.edit!.range.start, {
      line: last.range.end.line,
      character: letter.lines[last.range.end.line].length,
    });
    assert.deepEqual(plan.edit!.range.start, plan.edit!.range.end);
    assert.ok(plan.edit!.newText.startsWith('\n* '));
    assert.equal(plan.edit!.newText.split('\n').length, plan.added.length + 1);
    assert.equal(
      result.slice(0, seedText.length - 1),
      seedText.slice(0, -1),
      'the letter before the new entries is unchanged',
    );
  });

  test('parseLetter sees before + added signatories, each as planned', () => {
    assert.equal(after.signatories.length, letter.signatories.length + plan.added.length);
    assert.deepEqual(
      people(after).slice(letter.signatories.length),
      plan.added.map((a) => [a.name, a.role, a.organization]),
    );
  });

  test('the letter lints with no signatory problem for the added rows', () => {
    const firstNew = after.signatories[letter.signatories.length].range.start.line;
    assert.deepEqual(problemsFrom(after, firstNew), []);
    assert.deepEqual(
      lintLetter(after).filter((d) => d.code === 'signatory-duplicate'),
      [],
    );
  });

  test('the summary and the report', () => {
    assert.match(
      importSummary(plan),
      /^30 skipped as duplicates, 38 rejected \(row \d+: [^;]+; row \d+: [^;]+; row \d+: [^;]+; and 35 more\)$/,
    );
    const report = importReport(plan, 'sheet.csv');
    assert.match(report, /^932 to add, 30 skipped as duplicates, 38 rejected, of 1000 rows in sheet\.csv\.\n/);
    assert.match(
      report,
      /Header on row 1: name ← A “Name”, role ← B “Role”, organization ← C “Organization”; not read: D “Email”\./,
    );
    assert.match(report, /\nRejected \(38\)\n {2}row \d+: /);
    assert.equal(report.split('\n').filter((l) => /^ {2}row \d+: /.test(l)).length, 1000);
  });
});

// ---------------------------------------------------------------------------------------------

describe('import: reading CSV', () => {
  test('quoted fields with commas, doubled quotes and line breaks; a BOM; CRLF (Excel’s CSV UTF-8)', () => {
    const { plan, after, letter } = importInto(seedText, fixture('excel-utf8.csv'));
    assert.equal(plan.error, undefined);
    assert.deepEqual(
      plan.added.map((a) => [a.row, a.name, a.role, a.organization]),
      [
        [2, 'Jane Roe', 'Director of Programs', 'Rights Now, Inc'],
        [3, 'Ali "Sam" Hassan', 'Coordinator', 'Example Watch (Geneva, Switzerland)'],
        [4, 'Chen Wei', 'Researcher', 'Open Data Collective'],
      ],
    );
    assert.deepEqual(
      plan.added.map((a) => a.text),
      [
        'Jane Roe, Director of Programs, Rights Now, Inc.',
        'Ali "Sam" Hassan, Coordinator, Example Watch (Geneva, Switzerland)',
        'Chen Wei, Researcher, Open Data Collective',
      ],
    );
    assert.deepEqual(
      plan.rejected.map((r) => [r.row, r.reason]),
      [
        [5, 'the name “Doe, John” holds a comma'],
        [6, 'the role “Treasurer, Board” holds a comma'],
      ],
    );
    assert.deepEqual(englishNotes(plan.skipped), [
      { row: 7, reason: 'already in the letter as signatory 1 (line 29)' },
    ]);
    assert.deepEqual(plan.columns!.found, { name: 0, role: 1, organization: 2 });
    assert.equal(after.signatories.length, letter.signatories.length + 3);
  });

  test('a record spanning lines counts as one row, as a spreadsheet shows it', () => {
    const csv = csvOf(
      'name,role,organization',
      rowOf('A One', 'Director\nof\nPrograms', 'Org'),
      '',
      rowOf('B Two', 'Chair', ''),
    );
    const { plan } = importInto(quietLetter(['- Jane Doe, Director, Example Watch']), csv);
    assert.deepEqual(englishNotes(plan.rejected), [{ row: 4, reason: 'no organization' }]);
  });

  test('Japanese headers and values, into a `lang: ja` letter with no signatories section', () => {
    const text = letterOf(
      '---',
      'lang: ja',
      '---',
      '',
      '# 公開書簡',
      '',
      '宛先: 山本 一郎, 法務大臣',
      '',
      '日付: 2024年3月1日',
      '',
      '本文。',
    );
    const { plan, result, after } = importInto(text, fixture('japanese.csv'));
    assert.equal(plan.error, undefined);
    assert.deepEqual(plan.columns!.found, { name: 0, role: 1, organization: 2 });
    assert.deepEqual(people(after), [
      ['山田 太郎', '代表', 'ヒューマンライツ・ナウ'],
      ['佐藤 花子', '事務局長', '北朝鮮難民救援基金'],
      ['伊藤 次郎', '代表理事', 'アジア人権センター'],
    ]);
    assert.deepEqual(englishNotes(plan.rejected), [{ row: 4, reason: 'no organization' }]);
    assert.ok(
      result.endsWith(
        '本文。\n\n## 署名者\n\n- 山田 太郎, 代表, ヒューマンライツ・ナウ\n- 佐藤 花子, 事務局長, 北朝鮮難民救援基金\n- 伊藤 次郎, 代表理事, アジア人権センター\n',
      ),
      result,
    );
    assert.deepEqual(
      lintLetter(after).filter((d) => SIGNATORY_CODES.test(d.code) || d.code.startsWith('signatories')),
      [],
    );
  });

  test('headers in another case, order and spelling', () => {
    const csv = csvOf(' ORGANISATION ,Phone,Full_Name,Title:', rowOf('Example Watch', '555', 'Jane Roe', 'Director'));
    const { plan, after } = importInto(quietLetter(['- Jane Doe, Director, Other Org']), csv);
    assert.deepEqual(plan.columns!.found, { organization: 0, name: 2, role: 3 });
    assert.deepEqual(people(after)[1], ['Jane Roe', 'Director', 'Example Watch']);
  });

  test('a BOM before the header and a header after blank rows', () => {
    const { plan } = importInto(
      quietLetter([]),
      `\uFEFF\r\n\r\nName,Role,Organization\r\nJane Roe,Director,Example Watch\r\n`,
    );
    assert.equal(plan.columns!.row, 3);
    assert.deepEqual(
      plan.added.map((a) => [a.row, a.name]),
      [[4, 'Jane Roe']],
    );
  });

  test('values that look like markdown are escaped and read back as they were', () => {
    const values = [
      '*NSYNC Fan',
      'Ada_Lovelace',
      '_Under_ Score',
      '# Hash',
      '1. First',
      '- Dash',
      '+ Plus',
      '> Quote',
      'Back\\slash\\',
      'Tick `code`',
      '[Link](x)',
      '<b>Bold</b>',
      'AT&T &amp; Co',
      '~~Struck~~',
      'https://example.org',
      'mail@example.org',
      '&copy; Name',
    ];
    const rows = values.map((v, i) => rowOf(v, `Role ${i}`, `${v} Org`));
    const { plan, after } = importInto(quietLetter([]), csvOf('name,role,organization', ...rows));
    assert.deepEqual(plan.rejected, []);
    assert.deepEqual(
      people(after),
      values.map((v, i) => [v, `Role ${i}`, `${v} Org`]),
    );
    assert.equal(escapeMarkdown('Plain name, as is'), 'Plain name, as is');
  });

  test('a name with a spaced dash is rejected (the dash separates name and role)', () => {
    const { plan } = importInto(
      quietLetter([]),
      csvOf(
        'name,role,organization',
        rowOf('Jane – Roe', 'Chair', 'Org'),
        rowOf('Jean-Luc Picard', 'Captain', 'Starfleet'),
      ),
    );
    assert.deepEqual(
      plan.rejected.map((r) => [r.row, r.reason]),
      [[2, 'the name “Jane – Roe” holds a spaced dash']],
    );
    assert.deepEqual(
      plan.added.map((a) => a.name),
      ['Jean-Luc Picard'],
    );
  });

  test('required fields follow the setting: without role, an entry keeps an empty role part', () => {
    const text = quietLetter(['- Jane Doe, Director, Example Watch']);
    const options = { requiredFields: ['name', 'organization'] as const };
    const { plan, after } = importInto(text, csvOf('name,organization', rowOf('Jane Roe', 'Rights Now')), {
      requiredFields: [...options.requiredFields],
    });
    assert.deepEqual(
      plan.added.map((a) => a.text),
      ['Jane Roe, , Rights Now'],
    );
    assert.deepEqual(people(after)[1], ['Jane Roe', null, 'Rights Now']);
    assert.deepEqual(problemsFrom(after, 0, { requiredSignatoryFields: ['name', 'organization'] }), []);
    // With every part required, the same CSV lacks a role column.
    const strict = importInto(text, csvOf('name,organization', rowOf('Jane Roe', 'Rights Now')));
    assert.equal(strict.plan.error!.row, 1);
    assert.match(strict.plan.error!.message, /no role column; headers looked for: role \(role, title, position/);
  });

  test('rows with nothing in the read columns are rejected, blank rows ignored', () => {
    const { plan } = importInto(
      quietLetter([]),
      csvOf('name,role,organization,email', ',,,x@example.org', ',,,', 'A,B,C'),
      { requiredFields: [] },
    );
    assert.deepEqual(englishNotes(plan.rejected), [
      { row: 2, reason: 'nothing in the name, role or organization columns' },
    ]);
    assert.equal(plan.rows, 2);
    assert.equal(plan.added.length, 1);
  });
});

describe('import: a malformed CSV changes nothing and names the row', () => {
  const text = quietLetter(['- Jane Doe, Director, Example Watch']);
  const goodRows = (n: number) => Array.from({ length: n }, (_, i) => rowOf(`Person ${i}`, 'Role', `Org ${i}`));

  test('an unclosed quote at row 57', () => {
    const rows = goodRows(100);
    rows[55] = '"Unclosed Name,Role,Org';
    const { plan, result } = importInto(text, csvOf('name,role,organization', ...rows));
    assert.deepEqual(english(plan.error), {
      row: 57,
      message: 'a quoted field that starts on row 57 is never closed (a missing ")',
    });
    assert.equal(plan.edit, undefined);
    assert.deepEqual([plan.added, plan.skipped, plan.rejected], [[], [], []]);
    assert.equal(result, text);
  });

  test('an unclosed quote after a multi-line cell: rows are records, not lines', () => {
    const { plan } = importInto(
      text,
      csvOf('name,role,organization', rowOf('A', 'Role\nmore\nlines', 'Org'), 'B,Role,Org', '"C,Role,Org'),
    );
    assert.equal(plan.error!.row, 4);
  });

  test('text after a closing quote', () => {
    const { plan } = importInto(text, csvOf('name,role,organization', 'A,Role,Org', '"B" Junior,Role,Org'));
    assert.equal(plan.error!.row, 3);
    assert.match(plan.error!.message, /^the quotes of row 3 do not pair up: .*written twice: ""\)$/);
  });

  test('a row with more fields than the header', () => {
    const rows = goodRows(20);
    rows[10] = 'Smith, John,Director,Example Watch';
    const { plan } = importInto(text, csvOf('name,role,organization', ...rows));
    assert.deepEqual(english(plan.error), {
      row: 12,
      message: 'row 12 has 4 fields but the header has 3: is there a value with a comma that is not in quotes?',
    });
    assert.equal(plan.edit, undefined);
  });

  test('no usable header, two name columns, an empty file', () => {
    assert.match(
      importInto(text, 'email,phone\r\na,b\r\n').plan.error!.message,
      /^row 1 should be the header, but it has no name, role and organization columns; .* row 1 reads: email, phone$/,
    );
    assert.deepEqual(english(importInto(text, 'Name,Full name,Role,Org\r\n').plan.error), {
      row: 1,
      message: 'the header has two name columns, A “Name” and B “Full name”; rename or remove one',
    });
    assert.equal(importInto(text, '\uFEFF\r\n \r\n').plan.error!.row, 1);
    assert.match(
      importInto(text, 'Name;Role;Organization\r\nA;B;C\r\n').plan.error!.message,
      /separated by semicolons or tabs: save the sheet as “CSV UTF-8 \(comma delimited\)”\)$/,
    );
  });
});

describe('import: placement', () => {
  test('an ordered list continues its numbering and marker', () => {
    const { result, after } = importInto(
      quietLetter(['1) Jane Doe, Director, Example Watch', '2) John Roe, Chair, Rights Now']),
      csvOf('name,role,organization', 'A B,Role,Org', 'C D,Role,Org'),
    );
    assert.match(result, /\n2\) John Roe, Chair, Rights Now\n3\) A B, Role, Org\n4\) C D, Role, Org\n$/);
    assert.equal(after.signatories.length, 4);
  });

  test('an empty section: under its heading, and a paragraph right after it stays a paragraph', () => {
    const text = letterOf(
      '# Letter',
      '',
      'To: A, B',
      '',
      'Date: 7 May 2013',
      '',
      '## Signatories',
      'Signed in Tokyo.',
      '',
      '## Annex',
      '',
      'More.',
    );
    const { result, after } = importInto(text, csvOf('name,role,organization', 'A B,Role,Org', 'C D,Role,Org'));
    assert.ok(result.includes('## Signatories\n\n- A B, Role, Org\n- C D, Role, Org\n\nSigned in Tokyo.\n'), result);
    assert.deepEqual(people(after), [
      ['A B', 'Role', 'Org'],
      ['C D', 'Role', 'Org'],
    ]);
  });

  test('entryPlacement is entryInsertion’s placement', () => {
    const letters = [
      seedText,
      quietLetter(['1. Jane Doe, Director, Example Watch', '   continued', '2. John Roe, Chair, Rights Now']),
      quietLetter(['  + Jane Doe, Director, Example Watch']),
      quietLetter([]),
      quietLetter([], { heading: null }),
      quietLetter([], { heading: null, head: ['---', 'lang: ja', '---'] }),
      letterOf('# A', '', 'Signatories:', '- Jane Doe, Director, Example Watch', '', 'After.'),
      letterOf('# A', '', 'Text.', '', ''),
      letterOf('# A', '', 'Text.', ''),
      letterOf('# A'),
      '',
    ];
    for (const text of letters) {
      const letter = parseLetter(text);
      for (const kind of ['reports', 'signatories'] as const) {
        const { position, snippet } = entryInsertion(letter, kind);
        const body = snippet.match(/\$\{1:[^]*\}/)![0];
        const placement = entryPlacement(letter, kind);
        assert.deepEqual(
          { position: placement.position, snippet: placedEntries(placement, [body]) },
          { position, snippet },
          `${kind} in ${JSON.stringify(text.slice(0, 60))}`,
        );
      }
    }
  });

  test('an edit applied to a CRLF letter keeps CRLF', () => {
    const text = quietLetter(['- Jane Doe, Director, Example Watch']).replace(/\n/g, '\r\n');
    const { result } = importInto(text, csvOf('name,role,organization', 'A B,Role,Org', 'C D,Role,Org'));
    assert.ok(
      result.endsWith('- Jane Doe, Director, Example Watch\r\n- A B, Role, Org\r\n- C D, Role, Org\r\n'),
      JSON.stringify(result.slice(-80)),
    );
    assert.doesNotMatch(result, /[^\r]\n/);
  });
});

describe('import: a letter signed by organizations', () => {
  const text = quietLetter(['- Asia Rights Network, Thailand', '- Legal Clinic'], {
    head: ['---', 'signed-by: organizations', '---'],
  });

  test('organization and place; duplicates are the same organization; a comma in the organization is rejected', () => {
    const { plan, after, letter } = importInto(text, fixture('organizations.csv'));
    assert.equal(plan.error, undefined);
    assert.deepEqual(plan.columns!.found, { organization: 0, place: 1 });
    assert.deepEqual(
      plan.added.map((a) => [a.row, a.organization, a.place, a.text]),
      [[2, 'Example Watch', 'Switzerland', 'Example Watch, Switzerland']],
    );
    assert.deepEqual(englishNotes(plan.skipped), [
      { row: 4, reason: 'already in the letter as signatory 1 (line 14)' },
      { row: 5, reason: 'same as row 2' },
    ]);
    assert.deepEqual(
      plan.rejected.map((r) => [r.row, r.reason]),
      [
        [3, 'the organization “Rights Now, Inc.” holds a comma'],
        [6, 'no organization'],
      ],
    );
    assert.equal(after.signatories.length, letter.signatories.length + 1);
    assert.deepEqual(problemsFrom(after, 0), []);
  });

  test('a name column is not needed, nor read', () => {
    const { plan, after } = importInto(text, csvOf('Name,Organization', 'Jane Doe,Example Watch'));
    assert.deepEqual(
      plan.added.map((a) => [a.name, a.organization]),
      [[null, 'Example Watch']],
    );
    assert.equal(after.signatories[2].organization, 'Example Watch');
    assert.match(importInto(text, csvOf('Name,Role', 'Jane,Chair')).plan.error!.message, /no organization column/);
  });
});

describe('decodeCsv', () => {
  test('UTF-8 with or without a BOM', () => {
    assert.deepEqual(decodeCsv(new TextEncoder().encode('\uFEFFname\r\n')), { text: 'name\r\n' });
    assert.deepEqual(decodeCsv(fs.readFileSync(path.join(csvFixtures, 'japanese.csv'))), {
      text: fixture('japanese.csv'),
    });
  });

  test('Shift_JIS, UTF-16 and workbooks are refused with advice', () => {
    const sjis = decodeCsv(fs.readFileSync(path.join(csvFixtures, 'japanese-shift-jis.csv')));
    assert.ok('error' in sjis && /not UTF-8 text.*Shift_JIS.*CSV UTF-8/.test(sjis.error), JSON.stringify(sjis));
    const utf16 = decodeCsv(new Uint8Array([0xff, 0xfe, 0x6e, 0x00]));
    assert.ok('error' in utf16 && utf16.error.startsWith('it is UTF-16 text'));
    const xlsx = decodeCsv(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]));
    assert.ok('error' in xlsx && xlsx.error.startsWith('it is a workbook'));
  });
});

// ---------------------------------------------------------------------------------------------

describe('export', () => {
  test('RFC 4180: a BOM, a header, CRLF line ends, quotes where needed', () => {
    const text = quietLetter([
      '- Jane "JD" Doe, Director, Rights Now, Inc.',
      '- John Roe, Chair',
      '- Ada Lovelace, Analyst, Engine Society',
    ]);
    assert.equal(
      signatoriesToCsv(parseLetter(text)),
      '\uFEFFname,role,organization\r\n"Jane ""JD"" Doe",Director,"Rights Now, Inc"\r\nJohn Roe,Chair,\r\nAda Lovelace,Analyst,Engine Society\r\n',
    );
    assert.ok(signatoriesToCsv(parseLetter(text), { bom: false }).startsWith('name,role,organization\r\n'));
  });

  test('wrapped entries come out on one line; signed by organizations: organization,place', () => {
    const csv = signatoriesToCsv(parseLetter(seedText), { bom: false });
    assert.equal(
      csv.split('\r\n')[3],
      'Kazuhiro Araki,Representative,Investigation Commission on Missing Japanese Related to North Korea',
    );
    const orgs = quietLetter(['- Example Watch, Geneva, Switzerland', '- Legal Clinic'], {
      head: ['---', 'signed-by: organizations', '---'],
    });
    assert.equal(
      signatoriesToCsv(parseLetter(orgs), { bom: false }),
      'organization,place\r\nExample Watch,"Geneva, Switzerland"\r\nLegal Clinic,\r\n',
    );
  });

  test('export then import adds nothing: every row is a duplicate', () => {
    const letters = [
      seedText,
      quietLetter([
        '1. A \\*Star\\*, Role, Org (Geneva, Switzerland)',
        '2. 山田 太郎, 代表, ヒューマンライツ・ナウ。',
        '3. Jane Roe – Director, Rights Now, Inc.',
      ]),
      quietLetter(['- Example Watch, Geneva, Switzerland', '- Legal Clinic'], {
        head: ['---', 'signed-by: organizations', '---'],
      }),
    ];
    for (const text of letters) {
      const letter = parseLetter(text);
      const plan = planSignatoryImport(letter, signatoriesToCsv(letter));
      assert.deepEqual(
        [plan.error, plan.added.length, plan.rejected, plan.skipped.length, plan.edit],
        [undefined, 0, [], letter.signatories.length, undefined],
      );
    }
  });
});

// ---------------------------------------------------------------------------------------------

const sortedBy = (text: string, by: 'name' | 'organization', locale?: string) => {
  const letter = parseLetter(text);
  const edit = sortSignatories(letter, by, locale);
  return edit ? applyTextEdit(text, edit) : null;
};

describe('sort', () => {
  test('by name in English: case and accents at base level, numbers as numbers; wrapped entries intact', () => {
    const result = sortedBy(seedText, 'name')!;
    const before = parseLetter(seedText).signatories;
    const after = parseLetter(result).signatories;
    assert.deepEqual(
      after.map((s) => s.name),
      ['Hiromitsu Takemoto', 'Hiroshi Kato', 'Kazuhiro Araki', 'Kotaro Miura', 'Takashi Fujita', 'Tomoyuki Kawazoe'],
    );
    // Each entry's source lines moved whole: the same multiset of entries, the wrapped ones still wrapped.
    assert.deepEqual(after.map((s) => [s.text, s.lineCount]).sort(), before.map((s) => [s.text, s.lineCount]).sort());
    assert.match(
      result,
      /\n\* Kazuhiro Araki,\u00a0 Representative, Investigation Commission on Missing\nJapanese Related to North Korea\n\* Kotaro Miura/,
    );
    assert.equal(result.split('## Signatories')[0], seedText.split('## Signatories')[0]);

    const names = quietLetter([
      '- zoë Baker, R, O',
      '- Émile Zola, R, O',
      '- adam Smith, R, O',
      '- Group 10, R, O',
      '- eve Adams, R, O',
      '- Group 9, R, O',
    ]);
    assert.deepEqual(
      parseLetter(sortedBy(names, 'name', 'en')!).signatories.map((s) => s.name),
      ['adam Smith', 'Émile Zola', 'eve Adams', 'Group 9', 'Group 10', 'zoë Baker'],
    );
  });

  test('by name in Japanese: the letter’s lang, ja collation', () => {
    const names = ['渡辺 健', '伊藤 誠', '佐藤 花子', '山田 太郎', '田中 一郎', '鈴木 次郎', '加藤 博'];
    const text = quietLetter(
      names.map((n) => `- ${n}, 代表, 団体`),
      { head: ['---', 'lang: ja', '---'] },
    );
    const ja = parseLetter(sortedBy(text, 'name')!).signatories.map((s) => s.name);
    assert.deepEqual(ja, ['伊藤 誠', '加藤 博', '佐藤 花子', '山田 太郎', '田中 一郎', '渡辺 健', '鈴木 次郎']);
    // The same names in English (root) collation: by radical and stroke.
    const en = parseLetter(sortedBy(text, 'name', 'en')!).signatories.map((s) => s.name);
    assert.deepEqual(en, ['伊藤 誠', '佐藤 花子', '加藤 博', '山田 太郎', '渡辺 健', '田中 一郎', '鈴木 次郎']);
    const kana = quietLetter(['- かとう, R, O', '- アベ, R, O', '- いとう, R, O'], {
      head: ['---', 'lang: ja', '---'],
    });
    assert.deepEqual(
      parseLetter(sortedBy(kana, 'name')!).signatories.map((s) => s.name),
      ['アベ', 'いとう', 'かとう'],
    );
  });

  test('by organization, then name; stable for equal keys; entries without the key last', () => {
    const text = quietLetter([
      '- Zed One, R, Beta',
      '- Kim Two, First, Alpha',
      '- Ann Three, R',
      '- kim two, Second, alpha',
      '- Bob Four, R, Alpha',
    ]);
    const after = parseLetter(sortedBy(text, 'organization')!).signatories;
    assert.deepEqual(
      after.map((s) => [s.name, s.role]),
      [
        ['Bob Four', 'R'],
        ['Kim Two', 'First'],
        ['kim two', 'Second'],
        ['Zed One', 'R'],
        ['Ann Three', 'R'],
      ],
    );
  });

  test('each list on its own; nested content, ordered numbers and disable comments', () => {
    const text = quietLetter([
      '8. Yuki Sato, Chair, Org',
      '9. Carl Berg, Lawyer,',
      '   Org Two',
      '   - a nested note',
      '10. Anna Lind, Director, Org',
      '    wrapped on',
      '',
      'Also signed:',
      '',
      '- Zoe Park, R, O',
      '<!-- letter-lint-disable-next-line signatory-role-missing -->',
      '- Ben Ode, O',
      '- Al Moe, R, O',
    ]);
    const result = sortedBy(text, 'name')!;
    const tail = result.slice(result.indexOf('## Signatories'));
    assert.equal(
      tail,
      [
        '## Signatories',
        '',
        '8. Anna Lind, Director, Org',
        '   wrapped on',
        '9. Carl Berg, Lawyer,',
        '   Org Two',
        '   - a nested note',
        '10. Yuki Sato, Chair, Org',
        '',
        'Also signed:',
        '',
        '- Al Moe, R, O',
        '<!-- letter-lint-disable-next-line signatory-role-missing -->',
        '- Ben Ode, O',
        '- Zoe Park, R, O',
        '',
      ].join('\n'),
    );
    const after = parseLetter(result);
    assert.deepEqual(
      after.signatories.map((s) => [s.name, s.organization]),
      [
        ['Anna Lind', 'Org wrapped on'],
        ['Carl Berg', 'Org Two'],
        ['Yuki Sato', 'Org'],
        ['Al Moe', 'O'],
        ['Ben Ode', null],
        ['Zoe Park', 'O'],
      ],
    );
    assert.deepEqual(
      lintLetter(after).filter((d) => d.code === 'signatory-role-missing'),
      [],
    );
  });

  test('null when already sorted; the edit covers only the lines that change', () => {
    assert.equal(sortedBy(sortedBy(seedText, 'name')!, 'name'), null);
    const text = quietLetter(['- Ann A, R, O', '- Cid C, R, O', '- Bo B, R, O']);
    const edit = sortSignatories(parseLetter(text), 'name')!;
    assert.equal(edit.newText, '- Bo B, R, O\n- Cid C, R, O');
    assert.equal(edit.range.end.line - edit.range.start.line, 1);
  });
});

// ---------------------------------------------------------------------------------------------

describe('command line: advocacy-letter signatories', () => {
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'advocacy-letter-signatories-'));
  });
  after(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  async function run(...argv: string[]) {
    let stdout = '';
    let stderr = '';
    const status = await main(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
    return { status, stdout, stderr };
  }
  const write = (name: string, content: string | Uint8Array) => {
    const file = path.join(tmp, name);
    fs.writeFileSync(file, content);
    return file;
  };

  test('import in place: a malformed CSV leaves the letter byte for byte, exit 2 naming the row', async () => {
    const letter = write('malformed.letter.md', seedText);
    const rows = signOnSheet().csv.split('\r\n');
    rows[56] = '"Unclosed Person,Role,Org';
    const csv = write('malformed.csv', rows.join('\r\n'));
    const before = fs.readFileSync(letter);
    const stat = fs.statSync(letter);
    const result = await run('signatories', 'import', letter, csv);
    assert.equal(result.status, 2);
    assert.equal(result.stdout, '');
    // The quote opened on row 57 closes at the first quote of a later row, with text after it.
    assert.match(
      result.stderr,
      /^advocacy-letter: .*malformed\.csv: the quotes of row 57 do not pair up: .*; .*malformed\.letter\.md was not changed\n$/,
    );
    assert.ok(fs.readFileSync(letter).equals(before));
    assert.equal(fs.statSync(letter).mtimeMs, stat.mtimeMs);
    assert.deepEqual(
      fs.readdirSync(tmp).filter((f) => f.startsWith('malformed.letter.md')),
      ['malformed.letter.md'],
      'no temporary file left',
    );
  });

  test('import in place writes the letter; --dry-run and -o do not touch it', async () => {
    const sheet = signOnSheet();
    const csv = write('sheet.csv', sheet.csv);
    const letter = write('letter.letter.md', seedText.replace(/\n/g, '\r\n'));

    const dry = await run('signatories', 'import', letter, csv, '--dry-run');
    assert.equal(dry.status, 0);
    assert.match(dry.stdout, /^932 to add, 30 skipped as duplicates, 38 rejected, of 1000 rows in /);
    assert.match(dry.stderr, /^932 added, 30 skipped as duplicates, 38 rejected; dry run, .* not written\n$/);
    assert.equal(fs.readFileSync(letter, 'utf8'), seedText.replace(/\n/g, '\r\n'));

    const out = path.join(tmp, 'out.letter.md');
    assert.equal((await run('signatories', 'import', letter, csv, '-o', out)).status, 0);
    assert.equal(fs.readFileSync(letter, 'utf8'), seedText.replace(/\n/g, '\r\n'));
    assert.equal(parseLetter(fs.readFileSync(out, 'utf8')).signatories.length, 6 + 932);

    const done = await run('signatories', 'import', letter, csv);
    assert.equal(done.status, 0, done.stderr);
    assert.match(done.stderr, /; wrote .*letter\.letter\.md\n$/);
    const written = fs.readFileSync(letter, 'utf8');
    assert.equal(parseLetter(written).signatories.length, 6 + 932);
    assert.doesNotMatch(written, /[^\r]\n/, 'the letter’s CRLF line ends are kept');
    assert.equal(written, fs.readFileSync(out, 'utf8'));

    // Again: everything is now a duplicate or rejected, and nothing is written.
    const again = await run('signatories', 'import', letter, csv);
    assert.match(again.stdout, /^0 to add, 962 skipped as duplicates, 38 rejected/);
    assert.match(again.stderr, /not written\n$/);
  });

  test('a CSV that is not UTF-8 is refused', async () => {
    const letter = write('sjis.letter.md', seedText);
    const result = await run('signatories', 'import', letter, path.join(csvFixtures, 'japanese-shift-jis.csv'));
    assert.equal(result.status, 2);
    assert.match(
      result.stderr,
      /japanese-shift-jis\.csv: it is not UTF-8 text .*; .*sjis\.letter\.md was not changed\n$/,
    );
    assert.equal(fs.readFileSync(letter, 'utf8'), seedText);
  });

  test('export to stdout (no BOM) and to a file (BOM)', async () => {
    const letter = write('export.letter.md', seedText);
    const stdout = await run('signatories', 'export', letter);
    assert.equal(stdout.status, 0);
    assert.equal(stdout.stdout, signatoriesToCsv(parseLetter(seedText), { bom: false }));
    const file = path.join(tmp, 'export.csv');
    assert.equal((await run('signatories', 'export', letter, '-o', file)).status, 0);
    assert.equal(fs.readFileSync(file, 'utf8'), signatoriesToCsv(parseLetter(seedText)));
    assert.equal((await run('signatories', 'export', letter, '-o', letter)).status, 2);
  });

  test('sort in place, --by required, --locale checked', async () => {
    const letter = write('sort.letter.md', seedText);
    assert.match((await run('signatories', 'sort', letter)).stderr, /sort needs --by name or --by organization/);
    assert.match(
      (await run('signatories', 'sort', letter, '--by', 'name', '--locale', 'not a tag')).stderr,
      /is not a language tag/,
    );
    const sorted = await run('signatories', 'sort', letter, '--by', 'name');
    assert.equal(sorted.status, 0);
    assert.equal(fs.readFileSync(letter, 'utf8'), sortedBy(seedText, 'name'));
    assert.match(
      (await run('signatories', 'sort', letter, '--by', 'name')).stderr,
      /already sorted by name; .* not written/,
    );
  });

  test('--help and argument errors', async () => {
    const help = await run('signatories', 'import', '--help');
    assert.equal(help.status, 0);
    assert.match(help.stdout, /signatories import LETTER\.letter\.md DATA\.csv \[--dry-run\] \[-o OUT\]/);
    assert.match(help.stdout, /signatories sort LETTER\.letter\.md --by name\|organization/);
    assert.match((await run('--help')).stdout, /\n {2}signatories … {9}import signatories from a CSV file/);
    assert.match((await run('signatories', 'merge', 'x')).stderr, /unknown signatories command 'merge'/);
    assert.match(
      (await run('signatories', 'import', 'x.letter.md')).stderr,
      /signatories import takes a LETTER and a CSV file/,
    );
  });
});
