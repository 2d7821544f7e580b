// What the editor offers at the cursor, decided from the parsed letter: a whole entry on a new list
// item of the cited reports or the signatories, the skeleton in an empty letter, today's date in a
// date field and the addressees of other letters in an addressee field; inside a signatory entry, the
// roles and organizations already used (assist.ts). The editor only shows what this returns.
import { entryPlacement, entrySnippet, LIST_MARKER } from './actions';
import { completionAt, usedValues } from './assist';
import { formatDate } from './letterStrings';
import type { Addressee, FieldKind, Letter, Position, Range, Section } from './model';
import { letterSkeleton } from './skeleton';
import { defaultVocabulary } from './vocabulary';

export interface CompletionContext {
  /** Today, `YYYY-MM-DD`, in the writer's own time zone. */
  today: string;
  /**
   * The addressees of the other letters of the workspace, one for each time a letter names one
   * (`addresseesOf`); asked for only in an addressee field, so that reading them costs nothing elsewhere.
   */
  addressees?: () => readonly string[];
  /** The character whose typing asked, if typing did; undefined when the writer asked (Ctrl+Space). */
  triggerCharacter?: string;
  /** The language the writer uses the editor in, for the skeleton of an empty letter: `en`, `ja`. */
  displayLanguage?: string;
}

export type Completion =
  /** A whole cited report or signatory, as a snippet, replacing the list marker typed so far. */
  | { kind: 'entry'; entry: 'reports' | 'signatories'; range: Range; snippet: string; filterText: string }
  /** The whole letter, dated today (`letterSkeleton`), as a snippet replacing `range`. */
  | { kind: 'skeleton'; snippet: string; lang: 'en' | 'ja'; range: Range; filterText: string }
  /** Today's date as the letter writes it, after a date field's label. */
  | { kind: 'date'; field: 'date' | 'replyBy'; range: Range; text: string; insertText: string }
  /** An addressee named in other letters, after an addressee field's label. */
  | { kind: 'addressee'; range: Range; text: string; insertText: string; count: number }
  /** A role or organization already used, inside a signatory entry. */
  | { kind: 'role' | 'organization'; range: Range; text: string; insertText: string; count: number };

/** The characters whose typing may open a completion here: a list marker, a label's colon, a comma, `#`. */
export const completionTriggers = ['-', '*', '.', ':', '：', ',', '，', '、', '#'] as const;

/** How many used roles, organizations or publishers an entry's placeholder offers at most. */
const MAX_CHOICES = 12;
const DATE_KEYS: Record<string, FieldKind> = { date: 'date', 'reply-by': 'replyBy', to: 'addressee' };
const MARKER_ONLY = /^(\s*)([-*+]|\d{1,9}[.)])\s*$/;
const isBlank = (text: string) => text.trim() === '';

/**
 * Whether typing `trigger` at `character` of this line can lead to an offer, judged from the line
 * alone: the editor asks this before it reads the letter, so that a `.` or `:` in prose costs nothing.
 */
export function mayOffer(line: string, character: number, trigger?: string): boolean {
  const before = line.slice(0, character);
  const after = line.slice(character);
  if (trigger === '-' || trigger === '*' || trigger === '.') return MARKER_ONLY.test(before) && isBlank(after);
  if (trigger === '#') return /^\s*#\s*$/.test(before) && isBlank(after);
  // A label and its colon, or a front matter key and its colon, begin the line.
  if (trigger === ':' || trigger === '：') return /^\s*[^\s:：][^:：]{0,60}[:：]\s*$/.test(before) && isBlank(after);
  return true;
}

/** Everything to offer at `position`, best first; empty when nothing belongs there. */
export function completionsAt(letter: Letter, position: Position, context: CompletionContext): Completion[] {
  const line = letter.lines[position.line] ?? '';
  const before = line.slice(0, position.character);
  const after = line.slice(position.character);
  const trigger = context.triggerCharacter;
  // A trigger counts only where it can start what it stands for: `.` after a number at the start of
  // a line, `-` and `*` there, `#` in an empty letter. Elsewhere typing it is prose, and costs nothing.
  if (!mayOffer(line, position.character, trigger)) return [];
  if (trigger === '-' || trigger === '*' || trigger === '.') return entryAt(letter, position, before);
  if (trigger === '#') return skeletonAt(letter, position, context);
  if (trigger === ':' || trigger === '：') return fieldAt(letter, position, context);
  if (trigger !== undefined) return inEntry(letter, position);
  if (isBlank(after) && (isBlank(before) || MARKER_ONLY.test(before))) {
    const skeleton = skeletonAt(letter, position, context);
    if (skeleton.length > 0) return skeleton;
    const entry = entryAt(letter, position, before);
    if (entry.length > 0) return entry;
  }
  const field = fieldAt(letter, position, context);
  return field.length > 0 ? field : inEntry(letter, position);
}

function inEntry(letter: Letter, position: Position): Completion[] {
  const offer = completionAt(letter, position);
  if (!offer) return [];
  const text = letter.lines[offer.range.start.line] ?? '';
  const space = offer.range.start.character > 0 && text[offer.range.start.character - 1] === ',' ? ' ' : '';
  return offer.values.map(({ value, count }) => ({
    kind: offer.part,
    range: offer.range,
    text: value,
    insertText: space + value,
    count,
  }));
}

/** The cited reports or signatories section the line stands in, under its heading. */
export function sectionAt(letter: Letter, line: number): 'reports' | 'signatories' | null {
  let current: Section | null = null;
  for (const section of letter.sections) {
    if (section.headingRange.start.line >= line) break;
    if (section.kind !== 'other') current = section;
    // A heading of the same or a higher level ends the section; a subheading (`### Japan`) groups its entries.
    else if (current && (current.level === 0 || section.level <= current.level)) current = null;
  }
  return current ? (current.kind as 'reports' | 'signatories') : null;
}

function entryAt(letter: Letter, position: Position, before: string): Completion[] {
  const entry = sectionAt(letter, position.line);
  if (!entry) return [];
  const typed = MARKER_ONLY.exec(before);
  let marker: string;
  let start: number;
  if (typed) {
    marker = `${typed[2]} `;
    start = typed[1].length;
  } else {
    // Asked on an empty line: the list's own marker, numbering continued.
    marker = entryPlacement(letter, entry).marker(0).trimStart();
    start = before.length - before.trimStart().length;
    marker = LIST_MARKER.test(marker) ? marker : '- ';
  }
  const choice = (part: 'role' | 'organization' | 'publisher') =>
    usedValues(letter, part)
      .slice(0, MAX_CHOICES)
      .map((v) => v.value);
  const snippet = entrySnippet(
    letter,
    entry,
    entry === 'reports'
      ? { publisher: choice('publisher') }
      : { role: choice('role'), organization: choice('organization') },
  );
  const range = { start: { line: position.line, character: start }, end: position };
  return [{ kind: 'entry', entry, range, snippet: marker + snippet, filterText: before.slice(start) }];
}

function skeletonAt(letter: Letter, position: Position, context: CompletionContext): Completion[] {
  const line = letter.lines[position.line] ?? '';
  const before = line.slice(0, position.character);
  if (!/^\s*#?\s*$/.test(before) || !isBlank(line.slice(position.character))) return [];
  if (letter.lines.some((text, i) => i !== position.line && !isBlank(text))) return [];
  const japaneseFirst = (context.displayLanguage ?? 'en').toLowerCase().startsWith('ja');
  const range = { start: { line: position.line, character: 0 }, end: position };
  const skeleton = (lang: 'en' | 'ja'): Completion => ({
    kind: 'skeleton',
    snippet: letterSkeleton(lang, context.today),
    lang,
    range,
    filterText: before,
  });
  const en = skeleton('en');
  const ja = skeleton('ja');
  return japaneseFirst ? [ja, en] : [en, ja];
}

/** The field whose label starts the line, and where its value starts (after the colon). */
function labelledField(letter: Letter, position: Position): { kind: FieldKind; colon: number } | null {
  const line = letter.lines[position.line] ?? '';
  const fm = letter.frontMatter;
  if (fm && position.line > fm.range.start.line && position.line < fm.range.end.line) {
    const key = /^([\w-]+)\s*:/.exec(line);
    const kind = key ? DATE_KEYS[key[1].toLowerCase()] : undefined;
    return kind && key ? { kind, colon: key[0].length } : null;
  }
  const field = letter.fields.find((f) => f.source === 'body' && f.labelRange.start.line === position.line);
  let kind = field?.kind;
  let from = field?.labelRange.end.character ?? 0;
  if (!field) {
    // Typed a moment ago, the label may not yet stand where the letter reads fields (under the title).
    const label = defaultVocabulary.labelPattern.exec(line);
    kind = label ? defaultVocabulary.fieldOf(label[1]) : undefined;
    from = label ? label[0].length - 1 : 0;
  }
  const colon = line.slice(from).search(/[:：]/);
  return kind && colon >= 0 ? { kind, colon: from + colon + 1 } : null;
}

function fieldAt(letter: Letter, position: Position, context: CompletionContext): Completion[] {
  const line = letter.lines[position.line] ?? '';
  const field = labelledField(letter, position);
  if (!field || position.character < field.colon || !isBlank(line.slice(position.character))) return [];
  const range = { start: { line: position.line, character: field.colon }, end: position };
  // After a full-width colon (`日付：`) the value follows at once; after `:`, one space.
  const space = line[field.colon - 1] === '：' ? '' : ' ';
  if (field.kind === 'date' || field.kind === 'replyBy') {
    const written = formatDate(context.today, letter.lang);
    const texts =
      letter.frontMatter && position.line < letter.frontMatter.range.end.line ? [written, context.today] : [written];
    return [...new Set(texts)].map((text) => ({
      kind: 'date',
      field: field.kind as 'date' | 'replyBy',
      range,
      text,
      insertText: space + text,
    }));
  }
  if (field.kind !== 'addressee') return [];
  const own = new Set(letter.addressees.map(addresseeText));
  const counts = new Map<string, number>();
  for (const text of context.addressees?.() ?? []) if (!own.has(text)) counts.set(text, (counts.get(text) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([text, count]) => ({ kind: 'addressee', range, text, insertText: space + text, count }));
}

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;

/** An addressee as a `To:` line writes it: the name, then the titles (`、` between Japanese parts). */
export function addresseeText(addressee: Addressee): string {
  const parts = [addressee.name, ...addressee.titles.map((t) => t.text)].filter((p) => p.trim() !== '');
  const separator = JAPANESE.test(parts.join('')) ? '、' : ', ';
  return parts.join(separator) + (addressee.honorific ?? '');
}

/** The addressees a letter names, as other letters' `To:` completion offers them. */
export function addresseesOf(letter: Letter): string[] {
  return letter.addressees.filter((a) => a.source !== 'salutation').map(addresseeText);
}
