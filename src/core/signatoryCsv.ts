// Signatories to and from a spreadsheet: RFC 4180 CSV import (planned as one edit, so one undo),
// export, and a locale-aware sort of the signatories lists. Pure: no vscode, no Node API (runs in a
// web worker too); papaparse reads the CSV.
import Papa from 'papaparse';
import type { SignatoryField, TextEdit } from './diagnostic';
import { collapse } from './entries';
import { entryPlacement, LIST_MARKER, placedEntries } from './actions';
import { english, joined, listed, message, said, templates, type Message, type MessageArg, type Translate } from './messages';
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

/** Why a CSV cannot be imported, and on which row. */
export interface CsvError {
  row: number;
  message: string;
  /** The message's template and arguments, for translation. */
  l10n?: Message;
}

interface CsvTable {
  records: string[][];
  error?: CsvError;
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
    const why =
      first.code === 'MissingQuotes'
        ? said(templates.csvUnclosedQuote, row)
        : first.code === 'InvalidQuotes'
          ? said(templates.csvQuotesUnpaired, row)
          : said(templates.csvRowUnreadable, row, first.message);
    return { records: result.data, error: { row, ...why } };
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
  /** The reason's and the detail's templates and arguments, for translation. */
  l10n?: { reason: Message; detail?: Message };
}

/** A row note from the reason's and the detail's messages. */
function rowNote(row: number, reason: Message, detail?: Message): RowNote {
  return detail
    ? { row, reason: english(reason), detail: english(detail), l10n: { reason, detail } }
    : { row, reason: english(reason), l10n: { reason } };
}

export interface SignatoryImportPlan {
  added: ImportedSignatory[];
  /** Duplicates of a signatory of the letter or of an earlier row. */
  skipped: RowNote[];
  /** Rows that cannot be signatories as they are; the others are still imported. */
  rejected: RowNote[];
  /** The CSV cannot be imported at all: nothing is added, there is no edit. */
  error?: CsvError;
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
  const failed = (error: CsvError): SignatoryImportPlan => ({ ...plan, added: [], skipped: [], rejected: [], edit: undefined, error });
  const fail = (row: number, why: Message) => failed({ row, ...said(why) });

  const table = readCsv(csv);
  if (table.error) return failed(table.error);
  const headerIndex = table.records.findIndex((r) => !isBlank(r));
  if (headerIndex < 0) return fail(1, message(templates.csvEmpty));

  const header = table.records[headerIndex];
  const columns = findColumns(header, headerIndex + 1);
  if ('error' in columns) return fail(headerIndex + 1, columns.error);
  const required = new Set<CsvColumn>(byOrganizations ? ['organization'] : options.requiredFields ?? ALL_FIELDS);
  const wanted: CsvColumn[] = byOrganizations ? ['organization', 'place'] : ['name', 'role', 'organization'];
  const missing = wanted.filter((c) => required.has(c) && columns.found[c] === undefined);
  if (missing.length > 0 || !wanted.some((c) => columns.found[c] !== undefined)) {
    const lacking = missing.length > 0 ? missing : wanted;
    const looked = joined(lacking.map((c) => message(templates.parenthesized, columnName(c), csvHeaders[c].join(', '))), templates.semicolonList);
    const shown = header.map((h) => h.trim()).filter(Boolean).join(', ');
    const why = message(
      lacking.length > 1 && missing.length > 0 ? templates.csvNoHeaderColumns : templates.csvNoHeaderColumn,
      headerIndex + 1,
      listed(lacking.map(columnName), missing.length > 0 ? 'and' : 'or'),
      looked,
      shown || message(templates.csvNothing),
    );
    return fail(headerIndex + 1, header.length === 1 && /[;\t]/.test(header[0]) ? message(templates.csvSeparatedBySemicolons, why) : why);
  }
  plan.columns = columns;

  // Existing signatories by the duplicate check's key.
  const seen = new Map<string, Message>();
  for (const s of letter.signatories) {
    const key = duplicateKey(byOrganizations, s.name, s.organization);
    if (key !== null && !seen.has(key)) seen.set(key, message(templates.rowInLetter, s.index, s.range.start.line + 1));
  }

  const candidates: ImportedSignatory[] = [];
  for (let i = headerIndex + 1; i < table.records.length; i++) {
    const record = table.records[i];
    if (isBlank(record)) continue;
    const row = i + 1;
    if (record.length > header.length) {
      return fail(row, message(templates.csvTooManyFields, row, record.length, header.length));
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
        reasons.push(rowNote(row, message(templates.rowOrganizationComma, organization), message(templates.rowOrganizationCommaDetail)));
      }
      parts = [organization, value('place')];
    } else {
      const name = value('name');
      const role = value('role');
      if (COMMA.test(name)) {
        reasons.push(rowNote(row, message(templates.rowNameComma, name), message(templates.rowNameCommaDetail)));
      } else if (SPACED_DASH.test(name)) {
        reasons.push(rowNote(row, message(templates.rowNameDash, name), message(templates.rowNameDashDetail)));
      }
      if (COMMA.test(role)) {
        reasons.push(rowNote(row, message(templates.rowRoleComma, role), message(templates.rowRoleCommaDetail)));
      }
      parts = [name, role, value('organization')];
    }
    const [a, b, c] = expectedParts(parts);
    const person = byOrganizations
      ? { name: null, role: null, organization: a, place: b }
      : { name: a, role: b, organization: c, place: null };
    const absent = (byOrganizations ? (['organization'] as const) : (['name', 'role', 'organization'] as const)).filter((f) => required.has(f) && !person[f]);
    if (absent.length > 0) reasons.unshift(rowNote(row, listed(absent.map((f) => message(noField[f])), 'and') as Message));
    else if (!person.name && !person.role && !person.organization && !person.place) {
      const read = wanted.filter((w) => columns.found[w] !== undefined);
      reasons.unshift(rowNote(row, message(read.length > 1 ? templates.rowNothingInColumns : templates.rowNothingInColumn, listed(read.map(columnName), 'or'))));
    }
    if (reasons.length > 0) {
      plan.rejected.push(joinNotes(reasons));
      continue;
    }
    const key = duplicateKey(byOrganizations, person.name, person.organization);
    const earlier = key === null ? undefined : seen.get(key);
    if (earlier) {
      plan.skipped.push(rowNote(row, earlier));
      continue;
    }
    if (key !== null) seen.set(key, message(templates.rowSameAs, row));
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
      return fail(accepted[0].row, message(templates.csvNotEntries));
    }
    const wrong = accepted.filter((s, k) => !sameParts(s, read[k]));
    if (wrong.length === 0) {
      plan.added = accepted;
      plan.edit = edit;
      break;
    }
    for (const s of wrong) {
      const k = accepted.indexOf(s);
      plan.rejected.push(rowNote(s.row, message(templates.rowReadsBackAs, read[k].text), message(templates.rowReadsBackAsDetail)));
    }
    accepted = accepted.filter((s) => !wrong.includes(s));
  }
  plan.rejected.sort((x, y) => x.row - y.row);
  return plan;
}

const columnNames: Record<CsvColumn, string> = {
  name: templates.columnName,
  role: templates.columnRole,
  organization: templates.columnOrganization,
  place: templates.columnPlace,
};
/** A column's name in messages: `name`, `role`, `organization`, `place`. */
const columnName = (column: CsvColumn): Message => message(columnNames[column]);
const noField: Record<SignatoryField, string> = { name: templates.rowNoName, role: templates.rowNoRole, organization: templates.rowNoOrganization };

/** The reasons of one row as one note, `; ` between them. */
function joinNotes(notes: RowNote[]): RowNote {
  if (notes.length === 1) return notes[0];
  const reason = joined(notes.map((n) => n.l10n!.reason), templates.semicolonList) as Message;
  const details = notes.map((n) => n.l10n!.detail).filter((d): d is Message => d !== undefined);
  return rowNote(notes[0].row, reason, details.length > 0 ? (joined(details, templates.semicolonList) as Message) : undefined);
}

function findColumns(header: readonly string[], row: number): CsvColumns | { error: Message } {
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
        error: message(templates.csvTwoColumns, columnName(column), columnLetter(earlier), header[earlier].trim(), columnLetter(index), header[index].trim()),
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

/** A note's message: its reason's, else its English reason as it is. */
const reasonOf = (note: RowNote): MessageArg => note.l10n?.reason ?? note.reason;

/**
 * `30 skipped as duplicates, 20 rejected (row 12: no organization; …; and 17 more)`, the first `shown`
 * rejected rows named (none: counts only); empty when nothing was skipped or rejected. `translate`
 * gives the text in another language.
 */
export function importSummary(plan: SignatoryImportPlan, shown = 3, translate: Translate = english): string {
  const parts: Message[] = [];
  if (plan.skipped.length > 0) parts.push(message(plan.skipped.length === 1 ? templates.importSkippedOne : templates.importSkipped, plan.skipped.length));
  if (plan.rejected.length > 0 && shown <= 0) parts.push(message(templates.importRejected, plan.rejected.length));
  else if (plan.rejected.length > 0) {
    const first = plan.rejected.slice(0, shown).map((r) => message(templates.importRow, r.row, reasonOf(r)));
    const more = plan.rejected.length - first.length;
    const rows = joined(first, templates.semicolonList);
    parts.push(message(templates.importRejectedRows, plan.rejected.length, more > 0 ? message(templates.importAndMore, rows, more) : rows));
  }
  return parts.length === 0 ? '' : translate(joined(parts, templates.commaList) as Message);
}

/** Why nothing was imported, as a message: the plan's error, or a decoding error. */
function errorOf(error: { message: string; l10n?: Message }): MessageArg {
  return error.l10n ?? error.message;
}

/**
 * Every row of the plan, for a writer to read: the columns used, then rejected, skipped and added
 * rows. `source` names the CSV (its file name); `translate` gives the text in another language.
 */
export function importReport(plan: SignatoryImportPlan, source?: string, translate: Translate = english): string {
  const from: MessageArg = source ?? message(templates.importTheCsv);
  const out: string[] = [];
  if (plan.error) {
    out.push(translate(message(templates.importNothing, from, errorOf(plan.error))));
    return `${out.join('\n')}\n`;
  }
  const skipped = message(plan.skipped.length === 1 ? templates.importSkippedOne : templates.importSkipped, plan.skipped.length);
  const rows = message(plan.rows === 1 ? templates.importRowCount : templates.importRowsCount, plan.rows);
  out.push(translate(message(templates.importCounts, plan.added.length, skipped, plan.rejected.length, rows, from)));
  if (plan.columns) {
    const { found, unused, row, headers } = plan.columns;
    const used = (Object.entries(found) as [CsvColumn, number][])
      .sort((a, b) => a[1] - b[1])
      .map(([column, index]) => message(templates.importColumnFrom, columnName(column), columnLetter(index), headers[index]));
    const unread = unused.map((u) => message(templates.importColumn, columnLetter(u.index), u.header));
    out.push(
      translate(
        unread.length > 0
          ? message(templates.importHeaderUnread, row, joined(used, templates.commaList), joined(unread, templates.commaList))
          : message(templates.importHeader, row, joined(used, templates.commaList)),
      ),
    );
  }
  const section = (title: string, lines: Message[]) => {
    if (lines.length === 0) return;
    out.push('', translate(message(templates.parenthesized, message(title), lines.length)));
    for (const line of lines) out.push(`  ${translate(line)}`);
  };
  section(
    templates.importRejectedTitle,
    plan.rejected.map((r) => (r.detail ? message(templates.importRowDetail, r.row, reasonOf(r), r.l10n?.detail ?? r.detail) : message(templates.importRow, r.row, reasonOf(r)))),
  );
  section(templates.importSkippedTitle, plan.skipped.map((r) => message(templates.importRow, r.row, reasonOf(r))));
  section(templates.importAddedTitle, plan.added.map((s) => message(templates.importRow, s.row, s.text)));
  return `${out.join('\n')}\n`;
}

/** CSV bytes as text, or why they are not a UTF-8 CSV file (`l10n`: the reason's template and arguments). A UTF-8 byte order mark is dropped. */
export function decodeCsv(bytes: Uint8Array): { text: string } | { error: string; l10n: Message } {
  const advice = message(templates.csvSaveAdvice);
  const fail = (template: string) => {
    const { message: error, l10n } = said(template, advice);
    return { error, l10n };
  };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return fail(templates.csvUtf16);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return fail(templates.csvWorkbook);
  if (bytes.subarray(0, 8192).includes(0)) return fail(templates.csvNotText);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return fail(templates.csvNotUtf8);
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
