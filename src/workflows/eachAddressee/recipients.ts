// Who gets a copy: the letter's own addressees, or the rows of a recipients CSV
// (`name,title,organization,address,email`), each with where it came from, and the rows that cannot
// be recipients with why. Pure: no vscode, no Node API.
import { message, said, templates, type Message } from '../../core/messages';
import type { Addressee, Letter } from '../../core/model';
import { collapse } from '../../core/text/spaces';
import { isBlank, normalizeHeader, readCsv, type CsvError } from '../signatories/csvImport';

export interface Recipient {
  name: string;
  /** A position: `Chairman and CEO`; `''` when none. */
  title: string;
  organization: string;
  /** A postal address, its lines joined by `, `. */
  address: string;
  email: string;
  /** Where it came from: a line of the CSV (1-based; the header is line 1), or an addressee of the letter. */
  from: { csvLine: number } | { addressee: number; line: number };
}

/** A recipient that gets no letter, and why. */
export interface RecipientNote {
  from: Recipient['from'];
  reason: string;
  l10n: Message;
}

export type RecipientField = 'name' | 'title' | 'organization' | 'address' | 'email';

/** Header names recognised for each column, compared as the signatories import compares them. */
export const recipientHeaders: Readonly<Record<RecipientField, readonly string[]>> = {
  name: ['name', 'full name', 'recipient', 'addressee', '氏名', '名前', 'お名前', '宛名'],
  title: ['title', 'position', 'role', 'job title', '役職', '肩書き', '肩書'],
  organization: [
    'organization',
    'organisation',
    'org',
    'company',
    'affiliation',
    'organization name',
    'organisation name',
    '団体',
    '団体名',
    '所属',
    '会社',
    '会社名',
  ],
  address: ['address', 'postal address', 'mailing address', 'street address', '住所', '所在地'],
  email: ['email', 'e mail', 'mail', 'email address', 'e mail address', 'メール', 'メールアドレス', '電子メール'],
};

const headerField = new Map<string, RecipientField>(
  (Object.entries(recipientHeaders) as [RecipientField, readonly string[]][]).flatMap(([field, names]) =>
    names.map((n) => [normalizeHeader(n), field] as const),
  ),
);

const columnNames: Record<RecipientField, string> = {
  name: templates.columnName,
  title: templates.columnTitle,
  organization: templates.columnOrganization,
  address: templates.columnAddress,
  email: templates.columnEmail,
};
/** A column's name in messages: `name`, `title`, `organization`, `address`, `e-mail`. */
export const recipientColumn = (field: RecipientField): Message => message(columnNames[field]);

/**
 * The letter's addressees as recipients: the name, then the titles. Of several titles the last is
 * taken for the organization (`Jamie Dimon, Chairman and CEO, JPMorgan Chase & Co.`), the others for
 * the title; a single title is the title.
 */
export function recipientsFromLetter(letter: Letter): Recipient[] {
  // `Dear {{name}},` with no `To:` is read as greeting someone named `{{name}}`: a placeholder to fill
  // for each recipient, not one of them.
  return letter.addressees.flatMap((a, i) => (NAMES_A_PLACEHOLDER.test(a.name) ? [] : [fromAddressee(a, i)]));
}

const NAMES_A_PLACEHOLDER = /\{\{\s*(?:name|title|organization)\s*\}\}/i;

function fromAddressee(a: Addressee, index: number): Recipient {
  const titles = a.titles.map((t) => t.text);
  const organization = titles.length > 1 ? titles[titles.length - 1] : '';
  const title = (titles.length > 1 ? titles.slice(0, -1) : titles).join(', ');
  return {
    name: a.name,
    title,
    organization,
    address: '',
    email: '',
    from: { addressee: index + 1, line: a.nameRange.start.line + 1 },
  };
}

export interface CsvRecipients {
  recipients: Recipient[];
  rejected: RecipientNote[];
  /** The CSV cannot be read at all: no recipient. */
  error?: CsvError;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The recipients of a CSV with a header row. A row without a name, with more fields than the header
 * or with an e-mail address that is not one is rejected, named by its line; the others are read.
 */
export function recipientsFromCsv(csv: string): CsvRecipients {
  const table = readCsv(csv);
  const failed = (line: number, l10n: Message): CsvRecipients => ({
    recipients: [],
    rejected: [],
    error: { row: line, ...said(l10n) },
  });
  if (table.error) return { recipients: [], rejected: [], error: table.error };
  // Each record's first line: a quoted value may hold line breaks.
  const lines: number[] = [];
  let line = 1;
  for (const record of table.records) {
    lines.push(line);
    line += 1 + record.reduce((n, field) => n + (field.match(/\n/g)?.length ?? 0), 0);
  }
  const headerIndex = table.records.findIndex((r) => !isBlank(r));
  if (headerIndex < 0) return failed(1, message(templates.eachCsvEmpty));
  const header = table.records[headerIndex];
  const headerLine = lines[headerIndex];
  const found: Partial<Record<RecipientField, number>> = {};
  header.forEach((cell, index) => {
    const field = headerField.get(normalizeHeader(cell));
    if (field && found[field] === undefined) found[field] = index;
  });
  if (found.name === undefined) {
    const shown = header
      .map((h) => h.trim())
      .filter(Boolean)
      .join(', ');
    return failed(
      headerLine,
      message(
        templates.eachCsvNoName,
        headerLine,
        recipientHeaders.name.join(', '),
        shown || message(templates.csvNothing),
      ),
    );
  }
  const result: CsvRecipients = { recipients: [], rejected: [] };
  for (let i = headerIndex + 1; i < table.records.length; i++) {
    const record = table.records[i];
    if (isBlank(record)) continue;
    const from = { csvLine: lines[i] };
    const reject = (l10n: Message) => result.rejected.push({ from, ...reasonOf(l10n) });
    if (record.length > header.length) {
      reject(message(templates.eachTooManyFields, record.length, header.length));
      continue;
    }
    const value = (field: RecipientField) => {
      const index = found[field];
      const text = index === undefined ? '' : (record[index] ?? '');
      // An address keeps its lines, as `, `-separated parts.
      return field === 'address' ? text.split('\n').map(collapse).filter(Boolean).join(', ') : collapse(text);
    };
    const recipient: Recipient = {
      name: value('name'),
      title: value('title'),
      organization: value('organization'),
      address: value('address'),
      email: value('email'),
      from,
    };
    if (!recipient.name) reject(message(templates.rowNoName));
    else if (recipient.email && !EMAIL.test(recipient.email))
      reject(message(templates.eachEmailInvalid, recipient.email));
    else result.recipients.push(recipient);
  }
  return result;
}

function reasonOf(l10n: Message): { reason: string; l10n: Message } {
  const { message: reason } = said(l10n);
  return { reason, l10n };
}
