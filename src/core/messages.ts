// Every text the engine shows to people, declared once: diagnostics, quick fix titles, the CSV
// import's summary and report, the conversion's notes, the hover and the outline. Results keep their
// English text (the command line prints it) and carry the template and its arguments beside it, so
// that the editor can show them in its display language: `vscode.l10n.t(template, ...args)`, looked
// up in l10n/bundle.l10n.ja.json. Templates use `{0}`-style placeholders, as vscode.l10n does.
// Pure: no vscode, no Node API.

/**
 * A catalogued template: its English text, or, where one English text means different things
 * (`Title`), the text with a comment telling them apart. The translation's key is then
 * `text/comment`, as vscode.l10n makes it.
 */
export type Template = string | { readonly message: string; readonly comment: string };

/** A text before it is formatted: a catalogued template and its arguments, e.g. `{ template: 'Cited report {0} has no year', args: [4] }`. */
export interface Message {
  template: string;
  args: readonly MessageArg[];
  /** Tells apart templates of the same English text; part of the translation's key. */
  comment?: string;
}

/** A number, a text passed through as it is (a writer's title or name, a file name), or a message translated in its turn. */
export type MessageArg = string | number | Message;

/** Turns a message into the text shown: English by default; the editor and `--lang ja` translate. */
export type Translate = (message: Message) => string;

/** A message of a catalogued template. */
export function message(template: Template, ...args: MessageArg[]): Message {
  return typeof template === 'string'
    ? { template, args }
    : { template: template.message, args, comment: template.comment };
}

/** A message's key in a translation bundle: its template, or `template/comment`. */
export function messageKey(message: Pick<Message, 'template' | 'comment'>): string {
  return message.comment ? `${message.template}/${message.comment}` : message.template;
}

const PLACEHOLDER = /\{(\d+)\}/g;

/** A template split at its placeholders: texts at even indexes, argument numbers at odd ones. */
type Parts = (string | number)[];
const compiled = new Map<string, Parts>();

function partsOf(template: string): Parts {
  let parts = compiled.get(template);
  if (!parts) {
    parts = template.split(PLACEHOLDER).map((part, i) => (i % 2 === 1 ? Number(part) : part));
    compiled.set(template, parts);
  }
  return parts;
}

/**
 * Formats a message: each `{n}` becomes its argument (a message argument formatted in its turn), a
 * placeholder without an argument stays as written. `lookup` gives a template's translation by key;
 * without one, or when it has none, the English template is used. Templates are split once: checks
 * format a message for every problem they find.
 */
export function formatMessage(message: Message, lookup?: (key: string) => string | undefined): string {
  const template = (lookup && lookup(messageKey(message))) || message.template;
  const args = message.args;
  if (args.length === 0) return template;
  const parts = partsOf(template);
  let out = parts[0] as string;
  for (let i = 1; i < parts.length; i += 2) {
    const arg = args[parts[i] as number];
    out += arg === undefined ? `{${parts[i]}}` : typeof arg === 'object' ? formatMessage(arg, lookup) : arg;
    out += parts[i + 1] as string;
  }
  return out;
}

/** The English text of a message. */
export const english: Translate = (m) => formatMessage(m);

/** A translator from a bundle of translations by key (`l10n/bundle.l10n.ja.json`); untranslated templates stay English. */
export function translator(bundle: Readonly<Record<string, string>>): Translate {
  const lookup = (key: string) => (Object.hasOwn(bundle, key) ? bundle[key] : undefined);
  return (m) => formatMessage(m, lookup);
}

/** `{ message, l10n }` for a problem or related information: its English text and the message it comes from. */
export function said(template: Template | Message, ...args: MessageArg[]): { message: string; l10n: Message } {
  const l10n = typeof template === 'object' && 'args' in template ? template : message(template, ...args);
  return { message: formatMessage(l10n), l10n };
}

/** `{ message, l10n, range }`: a problem or related information at `range`, its English message and the message it comes from. */
export function saidAt<R>(
  range: R,
  template: Template,
  ...args: MessageArg[]
): { message: string; l10n: Message; range: R } {
  const l10n = message(template, ...args);
  return { message: formatMessage(l10n), l10n, range };
}

/** `{ title, l10n }` for a fix: its English title and the message it comes from. */
export function titled(template: Template, ...args: MessageArg[]): { title: string; l10n: Message } {
  const l10n = message(template, ...args);
  return { title: formatMessage(l10n), l10n };
}

/** `a`, `a and b`, `a, b and c` (or `or`), each item a text or a message. */
export function listed(items: readonly MessageArg[], conjunction: 'and' | 'or'): MessageArg {
  if (items.length === 0) return '';
  if (items.length === 1) return items[0];
  const head = joined(items.slice(0, -1), templates.commaList);
  return message(conjunction === 'and' ? templates.andList : templates.orList, head, items[items.length - 1]);
}

/** The items joined by a separator template (`{0}; {1}`), in order; `''` when there are none. */
export function joined(items: readonly MessageArg[], separator: Template): MessageArg {
  if (items.length === 0) return '';
  return joinedRange(items, 0, items.length, separator);
}

/**
 * Joins `items[from, to)` as a balanced tree of separator messages: a separator template reads the
 * same however it is nested, and a tree log n deep formats a list of 100,000 without overflowing
 * the stack, as a chain n deep would.
 */
function joinedRange(items: readonly MessageArg[], from: number, to: number, separator: Template): MessageArg {
  if (to - from === 1) return items[from];
  const middle = (from + to) >>> 1;
  return message(separator, joinedRange(items, from, middle, separator), joinedRange(items, middle, to, separator));
}

/** `Title…`: a writer's text shortened for a message, when longer than `max`. */
export function shortened(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * The catalogue. Keys name the text; values are the English templates. l10n/bundle.l10n.ja.json
 * has the Japanese of each, and test/unit/l10n.test.ts fails when one is missing.
 */
export const templates = {
  // --- lists ---------------------------------------------------------------------------------
  commaList: '{0}, {1}',
  andList: '{0} and {1}',
  orList: '{0} or {1}',
  semicolonList: '{0}; {1}',
  parenthesized: '{0} ({1})',

  // --- checks (src/core/rules) ---------------------------------------------------------------
  titleMissing: 'The letter has no title: add a level-1 heading (`# …`) or `title:` in the front matter',
  addresseeMissing: 'The letter has no addressee: add a `To:` line naming the person or body it is for',
  addresseeMissingUnaddressed:
    'The text names no addressee and greets no one, as a statement does: if it is a letter, add a `To:` line naming the person or body it is for',
  addresseeTitleMissing: 'Addressee “{0}” has no title or position',
  addresseeSalutationOnly:
    'The addressee “{0}” is named only in the salutation: add a `To:` line with their name and title',
  addresseeTitleOnly: 'The addressee “{0}” is named only in a heading: add a `To:` line with their name and title',
  addresseePlaceholder:
    'The addressee “{0}” is a place left to fill in: write the name of the person the letter is for, and a `To:` line with their name and title',
  dateMissing: 'The letter has no date: add a `Date:` line such as `Date: May 7, 2013`',
  dateMissingStatement:
    'The statement has no date: its page may date it, but a copy will not; add a `Date:` line such as `Date: May 7, 2013`',
  dateInvalid:
    "The letter's date “{0}” is not a date: write it like May 7, 2013, 7 May 2013, 2013-05-07 or 2013年5月7日",
  replyByInvalid:
    'The reply deadline “{0}” is not a date: write it like May 7, 2013, 7 May 2013, 2013-05-07 or 2013年5月7日',
  replyBySameDay: "The reply deadline ({0}) is the same day as the letter's date ({1})",
  replyByBeforeDate: "The reply deadline ({0}) is before the letter's date ({1})",
  letterDated: 'The letter is dated {0}',
  reportsMissing: 'The letter speaks of “{0}” but has no cited reports section (## Cited Reports) listing them',
  documentsListedBelow: 'documents listed below',
  reportsEmpty: 'The “{0}” section lists no reports: add one list item per report',
  reportTitleMissing: 'Cited report {0} has no title',
  reportPublisherMissing: 'Cited report {0} has no publisher or author',
  reportYearMissing: 'Cited report {0} has no year',
  reportYearMissingUndated: 'Cited report {0} has no year (it says n.d.)',
  reportYearAfterDate: "Cited report {0} is dated {1}, after the letter's date ({2})",
  reportUrlInvalid: 'Cited report {0} links to “{1}”, which is not an http(s) address',
  reportUrlUnreachable: 'Cited report {0} links to {1}, which cannot be reached: {2}',
  footnoteUrlUnreachable: 'Footnote {0} links to {1}, which cannot be reached: {2}',
  reportUrlUnchecked:
    'Cited report {0} links to {1}, not checked here: the site does not answer requests from a web editor (cross-origin)',
  footnoteUrlUnchecked:
    'Footnote {0} links to {1}, not checked here: the site does not answer requests from a web editor (cross-origin)',
  linkStatus: 'HTTP {0}',
  linkStatusText: 'HTTP {0} {1}',
  linkRedirectedTo: '{0} at {1}',
  linkTimeout: 'no answer within {0} s',
  linkRedirects: 'more than {0} redirects',
  linkRefused: 'the connection was refused',
  linkNoHost: 'no such host',
  linkReset: 'the connection was reset',
  linkCertificate: 'the site’s certificate is not valid ({0})',
  linkInvalid: 'not a valid address',
  linkNetwork: 'network error ({0})',
  reportDuplicate: 'Cited report {0} repeats cited report {1} (same title and year)',
  reportFirst: 'Cited report {0} is the first',
  signatoriesMissing: 'The letter has no signatories: add a `## Signatories` section with one list item per signatory',
  signatoriesMissingStatement:
    'The statement names no one who makes it: its publisher signs it, so add a `## Signatories` section with its name',
  signatoriesEmpty: 'The “{0}” section lists no signatories: add one list item per signatory',
  signatoryNameMissing: 'Signatory {0} has no name',
  signatoryRoleMissing: 'Signatory {0} has no role',
  signatoryRoleMissingNamed: 'Signatory {0} ({1}) has no role',
  signatoryOrganizationMissing: 'Signatory {0} has no organization',
  signatoryOrganizationMissingNamed: 'Signatory {0} ({1}) has no organization',
  signatoryOrganizationUnnamed: 'Signatory {0} names no organization',
  signatoryPartsUnseparated:
    'Signatory {0} runs its name, role and organization together: separate them with commas, as Name, Role, Organization',
  signatoryPartsUnseparatedMany:
    'Signatory {0} and {1} more run their name, role and organization together: separate them with commas, as Name, Role, Organization',
  signatoryDuplicate: 'Signatory {0} repeats signatory {1} (same name and organization)',
  signatoryDuplicateOrganization: 'Signatory {0} repeats signatory {1} (same organization)',
  signatoryFirst: 'Signatory {0} is the first',
  whitespaceIrregular: '{0} has {1}',
  fieldOwner: 'The {0} field',
  addresseeOwner: 'Addressee {0}',
  citedReport: 'Cited report {0}',
  signatory: 'Signatory {0}',
  trailingWhitespace: 'trailing whitespace',
  nbspNextToSpace: 'a non-breaking space next to a space',
  tabInText: 'a tab in the text',
  doubledSpace: 'a doubled space',
  translationDate: 'Date: {0} here, {1} in {2}',
  translationReplyBy: 'Reply-by date: {0} here, {1} in {2}',
  translationAddressees: 'Addressees: {0} here, {1} in {2}',
  translationReports: 'Cited reports: {0} here, {1} in {2}',
  translationSignatories: 'Signatories: {0} here, {1} in {2}',
  translationReportYear: 'Cited report {0}: year {1} here, {2} in {3}',
  translationReportUrl: 'Cited report {0}: link {1} here, {2} in {3}',
  translationOrganizationCount: 'Signatory {0}: signatories of the same organization: {1} here, {2} in {3}',
  translationSignatoryName: 'Signatory {0}: {1} here, {2} in {3}',
  translationNone: { message: 'none', comment: 'no value in one version of a translated letter' },
  translationThere: 'As written in {0}',
  translationNotFound: 'translation-of names {0}, but no other letter is there: no translation is compared',
  frontMatterProblem: 'Front matter: {0}',
  frontMatterUnknownKey: 'Front matter key `{0}` is not one the letter format knows ({1})',

  // --- front matter (src/core/frontMatter.ts, parseLetter.ts) ---------------------------------
  frontMatterNotClosed: 'Front matter is not closed: add a line `---` after its last key',
  frontMatterNotMapping: 'Front matter must be `key: value` lines',
  frontMatterUnreadable: 'Front matter cannot be read: {0}',
  frontMatterKeyTwice: '`{0}` is given twice',
  frontMatterNotText: '`{0}` must be text',
  frontMatterLang: '`lang` must be a language tag such as `en` or `ja`',
  frontMatterTo: '`to` must be text or a list of texts, one per addressee',
  frontMatterPaper: '`paper` must be `a4` or `letter`',
  frontMatterSignedBy: '`signed-by` must be `people` or `organizations`',
  frontMatterCover: '`cover` must be `true` or `false`',

  // --- quick fixes (src/core/actions.ts, rules) ----------------------------------------------
  fixAddYear: 'Add the year of publication',
  fixAddPublisher: 'Add the publisher or author',
  fixAddRole: 'Add the role',
  fixAddOrganization: 'Add the organization',
  fixRemoveReport: 'Remove cited report {0} (a duplicate)',
  fixRemoveSignatory: 'Remove signatory {0} (a duplicate)',
  fixSeparateName: 'Put a comma after the name “{0}”',
  fixJoinSignatory: 'Join signatory {0} onto one line',
  fixJoinReport: 'Join cited report {0} onto one line',
  fixDisableFile: 'Disable {0} for this file',
  fixDisableLine: 'Disable {0} for this line',
  fixRemoveTrailing: 'Remove the trailing whitespace',
  fixSingleSpace: 'Replace with a single space',
  fixOpenTranslation: 'Open {0} at line {1}',

  // --- the configuration file (src/core/config.ts) -------------------------------------------
  configInvalidJson: 'Invalid JSON: {0}',
  configNotObject: 'The configuration must be an object.',
  configUnknownKey: 'Unknown key "{0}"; expected one of {1}.',
  configUnknownKeyIn: 'Unknown key "{0}" in "{1}"; expected one of {2}.',
  configMustBeObject: '{0} must be an object.',
  configMustBeStrings: '{0} must be an array of strings.',
  configEntryNotString: '{0}: each entry must be a string.',
  configUnknownValue: '{0}: unknown value "{1}"; expected one of {2}.',
  configEntryEmpty: '{0}: an entry must not be empty.',
  configSchemaNotString: '"$schema" must be a string.',
  configUnknownCode: 'Unknown check code "{0}".',
  configSeverity: 'The severity of "{0}" must be one of {1}.',

  // --- signatories from a CSV (src/core/signatoryCsv.ts) -------------------------------------
  csvUnclosedQuote: 'a quoted field that starts on row {0} is never closed (a missing ")',
  csvQuotesUnpaired:
    'the quotes of row {0} do not pair up: a quoted field starts there and its closing " is followed by more text (a missing closing ", or a " inside a quoted value not written twice: "")',
  csvRowUnreadable: 'row {0} cannot be read: {1}',
  csvEmpty: 'the CSV is empty: it needs a header row (name, role, organization) and a row per signatory',
  csvNoHeaderColumn:
    'row {0} should be the header, but it has no {1} column; headers looked for: {2}; row {0} reads: {3}',
  csvNoHeaderColumns:
    'row {0} should be the header, but it has no {1} columns; headers looked for: {2}; row {0} reads: {3}',
  csvSeparatedBySemicolons:
    '{0} (its columns are separated by semicolons or tabs: save the sheet as “CSV UTF-8 (comma delimited)”)',
  csvNothing: '(nothing)',
  csvTwoColumns: 'the header has two {0} columns, {1} “{2}” and {3} “{4}”; rename or remove one',
  csvTooManyFields:
    'row {0} has {1} fields but the header has {2}: is there a value with a comma that is not in quotes?',
  csvNotEntries:
    'the new signatories would not be read as entries of the letter’s signatories list; add one by hand (Insert Signatory) and import again',
  columnName: 'name',
  columnRole: 'role',
  columnOrganization: 'organization',
  columnPlace: 'place',
  rowInLetter: 'already in the letter as signatory {0} (line {1})',
  rowSameAs: 'same as row {0}',
  rowOrganizationComma: 'the organization “{0}” holds a comma',
  rowOrganizationCommaDetail: 'an entry is “Organization, Place”, so what follows the comma would be read as the place',
  rowNameComma: 'the name “{0}” holds a comma',
  rowNameCommaDetail:
    'an entry is “Name, Role, Organization”, so what follows the comma would be read as the role; write the name without it',
  rowNameDash: 'the name “{0}” holds a spaced dash',
  rowNameDashDetail: 'in an entry a dash with spaces around it separates the name from the role',
  rowRoleComma: 'the role “{0}” holds a comma',
  rowRoleCommaDetail:
    'an entry is “Name, Role, Organization”, so what follows the comma would be read as the organization; shorten the role or move the rest to the organization column',
  rowNoName: 'no name',
  rowNoRole: 'no role',
  rowNoOrganization: 'no organization',
  rowNothingInColumn: 'nothing in the {0} column',
  rowNothingInColumns: 'nothing in the {0} columns',
  rowReadsBackAs: 'it would read back as “{0}”',
  rowReadsBackAsDetail: 'a value holds text that the letter reads as markup',
  importSkippedOne: '{0} skipped as a duplicate',
  importSkipped: '{0} skipped as duplicates',
  importRejected: '{0} rejected',
  importRejectedRows: '{0} rejected ({1})',
  importAndMore: '{0}; and {1} more',
  importRow: 'row {0}: {1}',
  importRowDetail: 'row {0}: {1} ({2})',
  importNothing: 'Nothing imported from {0}: {1}.',
  importCounts: '{0} to add, {1}, {2} rejected, of {3} in {4}.',
  importRowCount: '{0} row',
  importRowsCount: '{0} rows',
  importTheCsv: 'the CSV',
  importHeader: 'Header on row {0}: {1}.',
  importHeaderUnread: 'Header on row {0}: {1}; not read: {2}.',
  importColumnFrom: '{0} ← {1} “{2}”',
  importColumn: '{0} “{1}”',
  importRejectedTitle: 'Rejected',
  importSkippedTitle: 'Skipped',
  importAddedTitle: 'Added',
  csvSaveAdvice: 'save it from the spreadsheet as “CSV UTF-8 (comma delimited)” and try again',
  csvUtf16: 'it is UTF-16 text, not UTF-8; {0}',
  csvWorkbook: 'it is a workbook (.xlsx or .ods), not a CSV file; {0}',
  csvNotText: 'it is not a text file; {0}',
  csvNotUtf8: "it is not UTF-8 text (a spreadsheet's plain “CSV” is often Shift_JIS or Windows-1252); {0}",

  // --- one letter per addressee (src/workflows/eachAddressee) --------------------------------
  eachLine: 'line {0}: {1}',
  eachAddresseeAt: 'addressee {0} (line {1}): {2}',
  eachPlaceholderEmpty: 'no {0}, which the letter uses as {1}',
  eachEmailInvalid: 'the e-mail address “{0}” is not an address',
  eachTooManyFields: '{0} fields but the header has {1}: is there a value with a comma that is not in quotes?',
  eachCsvEmpty:
    'the CSV is empty: it needs a header row (name, title, organization, address, email) and a row per recipient',
  eachCsvNoName:
    'line {0} should be the header, but it has no name column; headers looked for: {1}; line {0} reads: {2}',
  eachNoRecipients:
    'the letter names no addressee: give the recipients in a CSV file (name, title, organization, address, email)',
  eachNoRows: 'the CSV lists no recipients',
  eachWritten: 'Wrote {0} into {1}.',
  eachLetterCount: '{0} letter',
  eachLettersCount: '{0} letters',
  eachNotWritten: 'Not written: {0}.',
  eachNothing: 'No letter written: {0}.',
  columnTitle: 'title',
  columnAddress: 'address',
  columnEmail: 'e-mail',

  // --- converting a plain-text letter (src/core/convert.ts) ----------------------------------
  noteNoTitleFirstLine: "No title: the first line ('{0}') does not read as one; add a first line `# Title`.",
  noteNoTitleEmpty: 'No title: the text is empty.',
  noteTitle: "Title: '{0}' (the first line).",
  noteFields: 'Fields: {0}.',
  noteFieldAt: '{0} (line {1})',
  noteNoFields: 'No fields found: add the addressee (`To: Name, Title`) and the date (`Date: May 7, 2013`).',
  noteDateLine: "Line {0} ('{1}') reads as the letter's date: label it `Date: {2}` for the checks to find it.",
  noteHeadings: 'Headings: {0}: short lines standing alone.',
  noteHeadingAt: "'{0}' (line {1})",
  noteReportsUnder: "Cited Reports: the {0} under '{1}' (line {2}).",
  noteReportsAfter: "Cited Reports: the {0} after '{1}' (line {2}).",
  noteNotCitations:
    "The list at line {0} follows '{1}', but its items do not read as citations (no comma, no year): left as a list.",
  noteNoSignatories:
    'No signatories found: make the signatories a list under `## Signatories`, one `- Name, Role, Organization` a line.',
  noteSignatories: 'Signatories: the {0} {1} (line {2})',
  noteSignatoriesPeople: '{0}; {1} of {2} read as Name, Role, Organization.',
  noteSignatoriesOrganizations:
    '{0}; most name an organization alone, so the front matter says `signed-by: organizations` (remove it if they are people: each then needs Name, Role, Organization).',
  noteUnder: "under '{0}'",
  noteAfter: "after '{0}'",
  noteClosingList: 'of the closing list',
  noteUnderLines: "under '{0}', one a line",
  noteAfterLines: "after '{0}', one a line",
  noteClosingLines: 'of the closing lines, one a line',
  noteReportsLabel:
    'Cited Reports is a label paragraph (`Cited Reports:`), not a heading: the list at line {0} would otherwise fall in its section.',
  noteJapanese: 'Japanese text: the front matter says `lang: ja`.',
  noteWrapped: 'Wrapped lines: {0} kept under their list items, indented.',
  noteSeparators: 'Dropped {0} (`-----` and the like).',
  noteEscapedLine: 'Escaped {0} Markdown would read as markup (line {1}).',
  noteEscapedLines: 'Escaped {0} Markdown would read as markup (lines {1}).',
  itemCount: '{0} item',
  itemsCount: '{0} items',
  continuationLineCount: '{0} continuation line',
  continuationLinesCount: '{0} continuation lines',
  separatorLineCount: '{0} separator line',
  separatorLinesCount: '{0} separator lines',
  characterCount: '{0} character',
  charactersCount: '{0} characters',

  // --- hover and outline (src/core/assist.ts, outline.ts) ------------------------------------
  addressee: 'Addressee',
  date: 'Date',
  replyBy: 'Reply by',
  subject: 'Subject',
  letterTitle: { message: 'Title', comment: 'the title of the letter' },
  reportTitle: { message: 'Title', comment: 'the title of a cited report' },
  addresseeTitle: { message: 'Title', comment: "an addressee's title or position" },
  publisher: 'Publisher',
  year: 'Year',
  link: 'Link',
  name: 'Name',
  role: 'Role',
  organization: 'Organization',
  place: 'Place',
  missing: '*missing*',
  notADate: 'not a date the format reads',
  citedReportsCount: '{0} cited reports',
  signatoriesCount: '{0} signatories',
  outlineGroup: '{0} to {1} ({2})',
} as const satisfies Record<string, Template>;

/** Every catalogued template's key in a translation bundle. */
export function catalogueKeys(): string[] {
  return catalogue.map((t) => (typeof t === 'string' ? t : messageKey({ template: t.message, comment: t.comment })));
}

const catalogue: readonly Template[] = Object.values(templates);
const plainTemplates = new Set(catalogue.filter((t): t is string => typeof t === 'string'));

/** A text that is a catalogued template without placeholders, as a message; any other text as it is. */
export function catalogued(text: string): MessageArg {
  return plainTemplates.has(text) && !text.includes('{') ? message(text) : text;
}
