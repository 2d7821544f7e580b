// Signatories to and from a spreadsheet: RFC 4180 CSV import (planned as one edit, so one undo),
// export, and a locale-aware sort of the signatories lists. Pure: no vscode, no Node API (runs in a
// web worker too); papaparse reads the CSV.
import Papa from 'papaparse';
import type { SignatoryField, TextEdit } from './diagnostic';
import { collapse } from './entries';
import { entryPlacement, LIST_MARKER, placedEntries } from './actions';
import type { Letter, Position, Signatory } from './model';

export { entryPlacement, placedEntries, type EntryPlacement } from './actions';
import { parseLetter, type ParseOptions } from './parseLetter';
import { foldKey } from './rules/rule';

// ---------------------------------------------------------------------------------------------
// Reading the CSV

export type CsvColumn = 'name' | 'role' | 'organization' | 'place';

/** Header names recognised for each column: compared case-insensitively, trimmed, `_`/`-` read as spaces, a final `:` or `*` dropped. */
export const csvHeaders: Readonly<Record<CsvColumn, readonly string[]>> = {
  name: ['name', 'full name', 'signatory', 'signatory name', '氏名', '名前', 'お名前', '署名者'],
  role: ['role', 'title', 'position', 'job title', '役職', '肩書き', '肩書'],
  organization: ['organization', 'organisation', 'org', 'affiliation', 'organization name', 'organisation name', '団体', '団体名', '所属', '所属団体'],
  place: ['country', 'place', '国', '国名', '所在地'],
};

function normalizeHeader(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .replace(/[:*]+$/, '')
    .trim();
}

const headerColumn = new Map<string, CsvColumn>(
  (Object.entries(csvHeaders) as [CsvColumn, readonly string[]][]).flatMap(([column, names]) => names.map((n) => [normalizeHeader(n), column] as const)),
);

/** `A`, `B`, … `Z`, `AA`: a column as a spreadsheet names it (0-based index). */
export function columnLetter(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

export interface CsvColumns {
  /** 0-based field index of each column found in the header. */
  found: Partial<Record<CsvColumn, number>>;
  /** Header names of the fields that are not read. */
  unused: { index: number; header: string }[];
  /** The header's row number. */
  row: number;
  headers: string[];
}

interface CsvTable {
  records: string[][];
  error?: { row: number; message: string };
}

function readCsv(csv: string): CsvTable {
  // One line break for the whole file: records may end in CRLF and cells hold LF (Excel does both).
  const text = csv.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const result = Papa.parse<string[]>(text, {
    delimiter: ',',
    newline: '\n',
    quoteChar: '"',
    escapeChar: '"',
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
  });
  const first = result.errors.reduce<Papa.ParseError | undefined>((a, e) => (a === undefined || (e.row ?? 0) < (a.row ?? 0) ? e : a), undefined);
  if (first) {
    const row = (first.row ?? 0) + 1;
    const message =
      first.code === 'MissingQuotes'
        ? `a quoted field that starts on row ${row} is never closed (a missing ")`
        : first.code === 'InvalidQuotes'
          ? `the quotes of row ${row} do not pair up: a quoted field starts there and its closing " is followed by more text (a missing closing ", or a " inside a quoted value not written twice: "")`
          : `row ${row} cannot be read: ${first.message}`;
    return { records: result.data, error: { row, message } };
  }
  return { records: result.data };
}

const isBlank = (record: readonly string[]) => record.every((field) => field.trim() === '');

// ---------------------------------------------------------------------------------------------
// Planning an import

export interface SignatoryImportOptions {
  /** The parts a `signed-by: people` signatory must have, as the checks' setting; all three by default. */
  requiredFields?: readonly SignatoryField[];
  /** The options the letter was parsed with (vocabulary of section names), to read the result back alike. */
  parse?: ParseOptions;
}

/** A CSV row that becomes a signatory, with its parts as the letter will read them. */
export interface ImportedSignatory {
  /** The CSV's 1-based row number, the header being row 1 (as a spreadsheet shows it). */
  row: number;
  name: string | null;
  role: string | null;
  organization: string | null;
  place: string | null;
  /** The entry as written into the letter, without its list marker. */
  text: string;
}

export interface RowNote {
  row: number;
  /** Short: `no organization`, `the name “Smith, John” holds a comma`. */
  reason: string;
  /** Why that matters and what to do, when the reason does not say it. */
  detail?: string;
}

export interface SignatoryImportPlan {
  added: ImportedSignatory[];
  /** Duplicates of a signatory of the letter or of an earlier row. */
  skipped: RowNote[];
  /** Rows that cannot be signatories as they are; the others are still imported. */
  rejected: RowNote[];
  /** The CSV cannot be imported at all: nothing is added, there is no edit. */
  error?: { row: number; message: string };
  /** One insertion that adds every new signatory; absent when nothing is added or on an error. */
  edit?: TextEdit;
  /** The columns read, when the header was understood. */
  columns?: CsvColumns;
  /** Data rows read (blank rows and the header not counted). */
  rows: number;
  signedBy: Letter['signedBy'];
}

const COMMA = /[,，、]/;
const SPACED_DASH = /\s[-–—]\s/;
const ALL_FIELDS: readonly SignatoryField[] = ['name', 'role', 'organization'];

/**
 * Plans adding the signatories of a CSV (with a header row) to the letter: which rows are added,
 * which are skipped as duplicates, which are rejected and why, and the one edit that appends the
 * new entries to the signatories section. A CSV that cannot be read, has no usable header or has a
 * row with more fields than the header gives `error` and no edit.
 */
export function planSignatoryImport(letter: Letter, csv: string, options: SignatoryImportOptions = {}): SignatoryImportPlan {
  const byOrganizations = letter.signedBy === 'organizations';
  const plan: SignatoryImportPlan = { added: [], skipped: [], rejected: [], rows: 0, signedBy: letter.signedBy };
  const fail = (row: number, message: string): SignatoryImportPlan => ({ ...plan, added: [], skipped: [], rejected: [], edit: undefined, error: { row, message } });

  const table = readCsv(csv);
  if (table.error) return fail(table.error.row, table.error.message);
  const headerIndex = table.records.findIndex((r) => !isBlank(r));
  if (headerIndex < 0) return fail(1, 'the CSV is empty: it needs a header row (name, role, organization) and a row per signatory');

  const header = table.records[headerIndex];
  const columns = findColumns(header, headerIndex + 1);
  if ('message' in columns) return fail(headerIndex + 1, columns.message);
  const required = new Set<CsvColumn>(byOrganizations ? ['organization'] : options.requiredFields ?? ALL_FIELDS);
  const wanted: CsvColumn[] = byOrganizations ? ['organization', 'place'] : ['name', 'role', 'organization'];
  const missing = wanted.filter((c) => required.has(c) && columns.found[c] === undefined);
  if (missing.length > 0 || !wanted.some((c) => columns.found[c] !== undefined)) {
    const lacking = missing.length > 0 ? missing : wanted;
    const looked = lacking.map((c) => `${c} (${csvHeaders[c].join(', ')})`).join('; ');
    const shown = header.map((h) => h.trim()).filter(Boolean).join(', ');
    return fail(
      headerIndex + 1,
      `row ${headerIndex + 1} should be the header, but it has no ${listed(lacking, missing.length > 0 ? 'and' : 'or')} column${lacking.length > 1 && missing.length > 0 ? 's' : ''}; ` +
        `headers looked for: ${looked}; row ${headerIndex + 1} reads: ${shown || '(nothing)'}` +
        (header.length === 1 && /[;\t]/.test(header[0]) ? ' (its columns are separated by semicolons or tabs: save the sheet as “CSV UTF-8 (comma delimited)”)' : ''),
    );
  }
  plan.columns = columns;

  // Existing signatories by the duplicate check's key.
  const seen = new Map<string, string>();
  for (const s of letter.signatories) {
    const key = duplicateKey(byOrganizations, s.name, s.organization);
    if (key !== null && !seen.has(key)) seen.set(key, `already in the letter as signatory ${s.index} (line ${s.range.start.line + 1})`);
  }

  const candidates: ImportedSignatory[] = [];
  for (let i = headerIndex + 1; i < table.records.length; i++) {
    const record = table.records[i];
    if (isBlank(record)) continue;
    const row = i + 1;
    if (record.length > header.length) {
      return fail(row, `row ${row} has ${record.length} fields but the header has ${header.length}: is there a value with a comma that is not in quotes?`);
    }
    plan.rows++;
    const value = (column: CsvColumn) => {
      const index = columns.found[column];
      return index === undefined ? '' : collapse(record[index] ?? '');
    };
    const reasons: RowNote[] = [];
    let parts: string[];
    if (byOrganizations) {
      const organization = value('organization');
      if (COMMA.test(organization)) {
        reasons.push({ row, reason: `the organization “${organization}” holds a comma`, detail: 'an entry is “Organization, Place”, so what follows the comma would be read as the place' });
      }
      parts = [organization, value('place')];
    } else {
      const name = value('name');
      const role = value('role');
      if (COMMA.test(name)) {
        reasons.push({ row, reason: `the name “${name}” holds a comma`, detail: 'an entry is “Name, Role, Organization”, so what follows the comma would be read as the role; write the name without it' });
      } else if (SPACED_DASH.test(name)) {
        reasons.push({ row, reason: `the name “${name}” holds a spaced dash`, detail: 'in an entry a dash with spaces around it separates the name from the role' });
      }
      if (COMMA.test(role)) {
        reasons.push({
          row,
          reason: `the role “${role}” holds a comma`,
          detail: 'an entry is “Name, Role, Organization”, so what follows the comma would be read as the organization; shorten the role or move the rest to the organization column',
        });
      }
      parts = [name, role, value('organization')];
    }
    const [a, b, c] = expectedParts(parts);
    const person = byOrganizations
      ? { name: null, role: null, organization: a, place: b }
      : { name: a, role: b, organization: c, place: null };
    const absent = (byOrganizations ? (['organization'] as const) : (['name', 'role', 'organization'] as const)).filter((f) => required.has(f) && !person[f]);
    if (absent.length > 0) reasons.unshift({ row, reason: listed(absent.map((f) => `no ${f}`), 'and') });
    else if (!person.name && !person.role && !person.organization && !person.place) {
      const read = wanted.filter((w) => columns.found[w] !== undefined);
      reasons.unshift({ row, reason: `nothing in the ${listed(read, 'or')} column${read.length > 1 ? 's' : ''}` });
    }
    if (reasons.length > 0) {
      plan.rejected.push(joinNotes(reasons));
      continue;
    }
    const key = duplicateKey(byOrganizations, person.name, person.organization);
    const earlier = key === null ? undefined : seen.get(key);
    if (earlier) {
      plan.skipped.push({ row, reason: earlier });
      continue;
    }
    if (key !== null) seen.set(key, `same as row ${row}`);
    candidates.push({ row, ...person, text: entryText(parts) });
  }

  // Written, read back, compared: a row whose entry would read otherwise (markup in a value) is rejected.
  let accepted = candidates;
  // Each round rejects at least one row or ends.
  while (accepted.length > 0) {
    const edit = insertionEdit(letter, accepted);
    const after = parseLetter(applyTextEdit(letter.lines.join('\n'), edit), options.parse);
    const read = after.signatories.slice(letter.signatories.length);
    if (after.signatories.length !== letter.signatories.length + accepted.length) {
      return fail(accepted[0].row, 'the new signatories would not be read as entries of the letter’s signatories list; add one by hand (Insert Signatory) and import again');
    }
    const wrong = accepted.filter((s, k) => !sameParts(s, read[k]));
    if (wrong.length === 0) {
      plan.added = accepted;
      plan.edit = edit;
      break;
    }
    for (const s of wrong) {
      const k = accepted.indexOf(s);
      plan.rejected.push({ row: s.row, reason: `it would read back as “${read[k].text}”`, detail: 'a value holds text that the letter reads as markup' });
    }
    accepted = accepted.filter((s) => !wrong.includes(s));
  }
  plan.rejected.sort((x, y) => x.row - y.row);
  return plan;
}

/** `a`, `a and b`, `a, b and c`. */
function listed(items: readonly string[], conjunction: 'and' | 'or'): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

function joinNotes(notes: RowNote[]): RowNote {
  if (notes.length === 1) return notes[0];
  return { row: notes[0].row, reason: notes.map((n) => n.reason).join('; '), detail: notes.map((n) => n.detail).filter(Boolean).join('; ') || undefined };
}

function findColumns(header: readonly string[], row: number): CsvColumns | { message: string } {
  const found: Partial<Record<CsvColumn, number>> = {};
  const unused: { index: number; header: string }[] = [];
  for (let index = 0; index < header.length; index++) {
    const column = headerColumn.get(normalizeHeader(header[index]));
    if (column === undefined) {
      if (header[index].trim() !== '') unused.push({ index, header: header[index].trim() });
      continue;
    }
    const earlier = found[column];
    if (earlier !== undefined) {
      return {
        message: `the header has two ${column} columns, ${columnLetter(earlier)} “${header[earlier].trim()}” and ${columnLetter(index)} “${header[index].trim()}”; rename or remove one`,
      };
    }
    found[column] = index;
  }
  return { found, unused, row, headers: header.map((h) => h.trim()) };
}

/** The signatory duplicate check's key: folded name and organization (signed by organizations: the organization); null when there is nothing to compare. */
function duplicateKey(byOrganizations: boolean, name: string | null, organization: string | null): string | null {
  const key = byOrganizations ? foldKey(organization) : `${foldKey(name)}\u0000${foldKey(organization)}`;
  return key === '' || key === '\u0000' ? null : key;
}

/** The parts as the parser will read them from the entry: empty parts are null, and a final `.`, `;` or `。` of the entry is not part of it. */
function expectedParts(parts: readonly string[]): (string | null)[] {
  const out = parts.map((p) => p || null);
  let last = out.length - 1;
  while (last >= 0 && out[last] === null) last--;
  if (last >= 0) out[last] = out[last]!.replace(/[.;。；]$/, '').trim() || null;
  return out;
}

function sameParts(expected: ImportedSignatory, read: Signatory): boolean {
  return expected.name === read.name && expected.role === read.role && expected.organization === read.organization && expected.place === read.place;
}

/** `Name, Role, Organization` (or `Organization, Place`), markup characters escaped; an empty part in the middle stays (`Name, , Organization`). */
function entryText(parts: readonly string[]): string {
  const kept = [...parts];
  while (kept.length > 0 && !kept[kept.length - 1]) kept.pop();
  return kept.map((p, k) => escapeMarkdown(p, k === 0)).join(', ');
}

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const ENTITY = /^&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/;
const WORD = /[\p{L}\p{N}]/u;

/** Backslash-escapes what markdown would read as markup in a value: emphasis, code, links, HTML, entities, and block syntax at the entry's start. */
export function escapeMarkdown(value: string, atStart = false): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    const next = value[i + 1] ?? '';
    switch (c) {
      case '\\':
        out += next === '' || ASCII_PUNCTUATION.test(next) ? '\\\\' : '\\';
        break;
      case '*':
      case '`':
      case '[':
      case ']':
      case '<':
      case '~':
        out += `\\${c}`;
        break;
      case '_':
        out += WORD.test(value[i - 1] ?? '') && WORD.test(next) ? '_' : '\\_';
        break;
      case '&':
        out += ENTITY.test(value.slice(i)) ? '\\&' : '&';
        break;
      default:
        out += c;
    }
  }
  if (atStart) {
    // A list item that begins like a heading, a quote, a nested list or a thematic break is not an entry.
    if (/^[#>+=-]/.test(out)) out = `\\${out}`;
    else out = out.replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
  }
  return out;
}

function insertionEdit(letter: Letter, added: readonly ImportedSignatory[]): TextEdit {
  const placement = entryPlacement(letter, 'signatories');
  const { position } = placement;
  let text = placedEntries(placement, added.map((s) => s.text));
  // Under an empty section's heading, a paragraph on the next line would run into the last new item.
  const next = letter.lines[position.line + 1];
  if (letter.signatories.length === 0 && placement.after === '' && next !== undefined && next.trim() !== '') text += '\n';
  return { range: { start: position, end: position }, newText: text };
}

// ---------------------------------------------------------------------------------------------
// Texts for people

/** `30 skipped as duplicates, 20 rejected (row 12: no organization; …; and 17 more)`, the first `shown` rejected rows named (none: counts only); empty when nothing was skipped or rejected. */
export function importSummary(plan: SignatoryImportPlan, shown = 3): string {
  const parts: string[] = [];
  if (plan.skipped.length > 0) parts.push(plan.skipped.length === 1 ? '1 skipped as a duplicate' : `${plan.skipped.length} skipped as duplicates`);
  if (plan.rejected.length > 0 && shown <= 0) parts.push(`${plan.rejected.length} rejected`);
  else if (plan.rejected.length > 0) {
    const first = plan.rejected.slice(0, shown).map((r) => `row ${r.row}: ${r.reason}`);
    const more = plan.rejected.length - first.length;
    parts.push(`${plan.rejected.length} rejected (${first.join('; ')}${more > 0 ? `; and ${more} more` : ''})`);
  }
  return parts.join(', ');
}

/** Every row of the plan, for a writer to read: the columns used, then rejected, skipped and added rows. */
export function importReport(plan: SignatoryImportPlan, source = 'the CSV'): string {
  const out: string[] = [];
  if (plan.error) {
    out.push(`Nothing imported from ${source}: ${plan.error.message}.`);
    return `${out.join('\n')}\n`;
  }
  const duplicates = plan.skipped.length === 1 ? 'skipped as a duplicate' : 'skipped as duplicates';
  out.push(`${plan.added.length} to add, ${plan.skipped.length} ${duplicates}, ${plan.rejected.length} rejected, of ${plan.rows} row${plan.rows === 1 ? '' : 's'} in ${source}.`);
  if (plan.columns) {
    const { found, unused, row, headers } = plan.columns;
    const used = (Object.entries(found) as [CsvColumn, number][])
      .sort((a, b) => a[1] - b[1])
      .map(([column, index]) => `${column} ← ${columnLetter(index)} “${headers[index]}”`);
    out.push(`Header on row ${row}: ${used.join(', ')}${unused.length > 0 ? `; not read: ${unused.map((u) => `${columnLetter(u.index)} “${u.header}”`).join(', ')}` : ''}.`);
  }
  const section = (title: string, lines: string[]) => {
    if (lines.length === 0) return;
    out.push('', `${title} (${lines.length})`, ...lines.map((l) => `  ${l}`));
  };
  section('Rejected', plan.rejected.map((r) => `row ${r.row}: ${r.reason}${r.detail ? ` (${r.detail})` : ''}`));
  section('Skipped', plan.skipped.map((r) => `row ${r.row}: ${r.reason}`));
  section('Added', plan.added.map((s) => `row ${s.row}: ${s.text}`));
  return `${out.join('\n')}\n`;
}

/** CSV bytes as text, or why they are not a UTF-8 CSV file. A UTF-8 byte order mark is dropped. */
export function decodeCsv(bytes: Uint8Array): { text: string } | { error: string } {
  const advice = 'save it from the spreadsheet as “CSV UTF-8 (comma delimited)” and try again';
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return { error: `it is UTF-16 text, not UTF-8; ${advice}` };
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return { error: `it is a workbook (.xlsx or .ods), not a CSV file; ${advice}` };
  if (bytes.subarray(0, 8192).includes(0)) return { error: `it is not a text file; ${advice}` };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { error: `it is not UTF-8 text (a spreadsheet's plain “CSV” is often Shift_JIS or Windows-1252); ${advice}` };
  }
}

// ---------------------------------------------------------------------------------------------
// Export

export interface CsvExportOptions {
  /** Start with a UTF-8 byte order mark, so that Excel reads the file as UTF-8. Default true. */
  bom?: boolean;
}

/**
 * The letter's signatories as RFC 4180 CSV: header `name,role,organization` (signed by
 * organizations: `organization,place`), a row per signatory with its parts as parsed (absent parts
 * empty), CRLF line ends, quotes where a value needs them.
 */
export function signatoriesToCsv(letter: Letter, options: CsvExportOptions = {}): string {
  const byOrganizations = letter.signedBy === 'organizations';
  const fields = byOrganizations ? ['organization', 'place'] : ['name', 'role', 'organization'];
  const data = letter.signatories.map((s) => (byOrganizations ? [s.organization ?? '', s.place ?? ''] : [s.name ?? '', s.role ?? '', s.organization ?? '']));
  const csv = Papa.unparse({ fields, data }, { delimiter: ',', newline: '\r\n', quotes: false, header: true });
  return `${options.bom ?? true ? '\uFEFF' : ''}${csv}\r\n`;
}

// ---------------------------------------------------------------------------------------------
// Sort

export type SignatorySortKey = 'name' | 'organization';

/** A collator for `locale`, or for the root locale when `locale` is not a valid language tag. */
function collatorFor(locale: string | undefined): Intl.Collator {
  const options: Intl.CollatorOptions = { sensitivity: 'base', numeric: true };
  try {
    return new Intl.Collator(locale || undefined, options);
  } catch {
    return new Intl.Collator(undefined, options);
  }
}

interface SortUnit {
  /** First line: the item's, or a `disable-next-line` comment's just above it. */
  start: number;
  end: number;
  /** The item's own first line. */
  itemLine: number;
  signatory: Signatory;
  marker: RegExpExecArray | null;
}

/**
 * Sorts the items of each signatories list on their own, by name (then organization) or by
 * organization (then name), with `Intl.Collator(locale, { sensitivity: 'base', numeric: true })`;
 * stable; entries without the key go last. Every item keeps its whole source text (wrapped lines,
 * nested lists), and a `letter-lint-disable-next-line` comment right above an item moves with it; an
 * ordered list keeps its numbers in place. Returns one edit over the lines that change, or null when
 * the lists are already in order.
 */
export function sortSignatories(letter: Letter, by: SignatorySortKey, locale: string = letter.lang): TextEdit | null {
  const collator = collatorFor(locale);
  const byOrganizations = letter.signedBy === 'organizations';
  const keys = (s: Signatory): (string | null)[] =>
    byOrganizations ? [s.organization, s.place] : by === 'name' ? [s.name, s.organization] : [s.organization, s.name];
  const compare = (x: SortUnit, y: SortUnit): number => {
    const a = keys(x.signatory);
    const b = keys(y.signatory);
    for (let k = 0; k < a.length; k++) {
      if (a[k] === b[k]) continue;
      if (a[k] === null) return 1;
      if (b[k] === null) return -1;
      const c = collator.compare(a[k]!, b[k]!);
      if (c !== 0) return c;
    }
    return 0;
  };

  const lines = letter.lines;
  const lines2 = [...lines];
  for (const group of sortGroups(letter)) {
    if (group.length < 2) continue;
    const sorted = [...group].sort(compare);
    if (sorted.every((u, k) => u === group[k])) continue;
    // The blank lines between items stay where they are; each slot takes the next sorted item.
    const out: string[] = [];
    sorted.forEach((unit, k) => {
      const slot = group[k];
      out.push(...unitLines(lines, unit, slot));
      if (k + 1 < group.length) out.push(...lines.slice(slot.end + 1, group[k + 1].start));
    });
    const first = group[0].start;
    const last = group[group.length - 1].end;
    lines2.splice(first, last - first + 1, ...out);
  }
  // Groups keep their line counts, so the changed lines are found line by line.
  let a = 0;
  while (a < lines.length && lines[a] === lines2[a]) a++;
  if (a === lines.length) return null;
  let b = lines.length - 1;
  while (b > a && lines[b] === lines2[b]) b--;
  return {
    range: { start: { line: a, character: 0 }, end: { line: b, character: lines[b].length } },
    newText: lines2.slice(a, b + 1).join('\n'),
  };
}

/** The item's lines, its ordered-list number set to the slot's (continuation lines follow the marker's width). */
function unitLines(lines: readonly string[], unit: SortUnit, slot: SortUnit): string[] {
  const own = lines.slice(unit.start, unit.end + 1);
  const from = unit.marker;
  const to = slot.marker;
  if (!from || !to || from[3] === undefined || to[3] === undefined || from[3] === to[3]) return own;
  const at = unit.itemLine - unit.start;
  const indent = from[1];
  const content = from[0].length;
  const delta = to[3].length - from[3].length;
  own[at] = `${indent}${to[3]}${own[at].slice(indent.length + from[3].length)}`;
  if (delta !== 0) {
    for (let k = at + 1; k < own.length; k++) {
      const line = own[k];
      const lead = line.search(/\S|$/);
      if (line.trim() === '' || lead < content) continue;
      own[k] = delta > 0 ? ' '.repeat(delta) + line : line.slice(Math.min(-delta, lead));
    }
  }
  return own;
}

/**
 * The signatories in runs that sort together: items of one list (only blank lines between them),
 * of the same marker kind and indentation, each with a `disable-next-line` comment right above it.
 */
function sortGroups(letter: Letter): SortUnit[][] {
  const lines = letter.lines;
  const comments = new Map<number, number>();
  for (const d of letter.directives) {
    if (d.kind === 'disable-next-line') comments.set(d.targetLine, d.range.start.line);
  }
  const groups: SortUnit[][] = [];
  let previous: SortUnit | null = null;
  for (const s of letter.signatories) {
    const itemLine = s.range.start.line;
    const comment = comments.get(itemLine);
    const start = comment !== undefined && comment < itemLine && (previous === null || comment > previous.end) ? comment : itemLine;
    const unit: SortUnit = { start, end: s.range.end.line, itemLine, signatory: s, marker: LIST_MARKER.exec(lines[itemLine]) };
    const joins =
      previous !== null &&
      unit.marker !== null &&
      previous.marker !== null &&
      sameListMarker(previous.marker, unit.marker) &&
      lines.slice(previous.end + 1, start).every((l) => l.trim() === '');
    if (joins) groups[groups.length - 1].push(unit);
    else groups.push([unit]);
    previous = unit;
  }
  return groups.filter((g) => g.every((u) => u.marker !== null));
}

function sameListMarker(a: RegExpExecArray, b: RegExpExecArray): boolean {
  if (a[1] !== b[1]) return false;
  return a[3] !== undefined ? b[3] !== undefined && a[4] === b[4] : a[2] === b[2];
}

// ---------------------------------------------------------------------------------------------

/**
 * Applies one edit to a text whose lines may end in `\n`, `\r\n` or `\r` (positions count lines as
 * `Letter.lines` does); the new text's line breaks become the text's own (its first one).
 */
export function applyTextEdit(text: string, edit: TextEdit): string {
  const eol = /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
  const offset = (p: Position): number => {
    const re = /\r\n|\r|\n/g;
    let start = 0;
    for (let line = 0; line < p.line; line++) {
      const m = re.exec(text);
      if (!m) return text.length;
      start = m.index + m[0].length;
    }
    return start + p.character;
  };
  const from = offset(edit.range.start);
  const to = offset(edit.range.end);
  return text.slice(0, from) + edit.newText.replace(/\r\n|\r|\n/g, eol) + text.slice(to);
}
