// How one list item reads as a cited report (`Title, Publisher, Year`) or a signatory (`Name, Role, Organization`).
import { asciiDigits, trailingCitationDate, wholeCitationDate } from './dates';
import type { Token } from 'markdown-it';
import { InlineText } from './text/inlineText';
import { collapse, isCollapsed, isSpaceCode } from './text/spaces';
import type { CitedReport, Entry, Range, Signatory } from './model';

/** A part of an entry: plain-text offsets `[start, end)`, whitespace trimmed. */
export interface Part {
  start: number;
  end: number;
}

/** Opening quotes a title may stand in, with their closing quote. */
const QUOTES: Record<string, string> = { '"': '"', '“': '”', '„': '“', '「': '」', '『': '』', '«': '»' };

export function trimPart(plain: string, start: number, end: number, extra = ''): Part {
  start = trimStart(plain, start, end, extra);
  return { start, end: trimEnd(plain, start, end, extra) };
}

/** The first offset of `[start, end)` past white space and the `extra` characters. */
export function trimStart(plain: string, start: number, end: number, extra = ''): number {
  while (start < end && (isSpaceCode(plain.charCodeAt(start)) || (extra !== '' && extra.includes(plain[start])))) start++;
  return start;
}

/** The end of `[start, end)` before trailing white space and `extra` characters. */
export function trimEnd(plain: string, start: number, end: number, extra = ''): number {
  while (end > start && (isSpaceCode(plain.charCodeAt(end - 1)) || (extra !== '' && extra.includes(plain[end - 1])))) end--;
  return end;
}

/** The first comma of `[start, end)` outside parentheses or brackets, or -1. */
export function firstComma(plain: string, start: number, end: number): number {
  let depth = 0;
  for (let i = start; i < end; i++) {
    switch (plain.charCodeAt(i)) {
      case 0x28: // (
      case 0x5b: // [
      case 0xff08: // （
      case 0xff3b: // ［
        depth++;
        break;
      case 0x29: // )
      case 0x5d: // ]
      case 0xff09: // ）
      case 0xff3d: // ］
        if (depth > 0) depth--;
        break;
      case 0x2c: // ,
      case 0xff0c: // ，
      case 0x3001: // 、
        if (depth === 0) return i;
        break;
    }
  }
  return -1;
}

/** Comma-separated parts of `[start, end)`, at most `limit` (the last takes the rest). */
export function splitParts(plain: string, start: number, end: number, limit = Infinity): Part[] {
  const parts: Part[] = [];
  let from = start;
  for (let comma = firstComma(plain, from, end); comma >= 0 && parts.length < limit - 1; comma = firstComma(plain, from, end)) {
    parts.push(trimPart(plain, from, comma));
    from = comma + 1;
  }
  parts.push(trimPart(plain, from, end));
  return parts;
}

/** The end of an entry's own text: trailing space and one final `.`, `;` or `。` left out. */
function entryEnd(plain: string, start: number, end: number, finals: string): number {
  let e = trimEnd(plain, start, end);
  if (e > start && finals.includes(plain[e - 1])) e = trimEnd(plain, start, e - 1);
  return e;
}

// A trimmed part of a collapsed text is collapsed: the check runs once per entry, not once per part.
const NO_LINKS: { href: string; text: string }[] = [];

const text = (plain: string, start: number, end: number, clean = false) =>
  end > start ? (clean ? plain.slice(start, end) : collapse(plain.slice(start, end))) : null;

/**
 * A list item read as an entry. Its parts are kept as plain-text offsets and their source ranges
 * worked out when first asked for: a sign-on letter of thousands of entries needs few of them (a
 * problem's range, the outline), and reading it should not build tens of thousands it never uses.
 */
/** What an entry works out on first use: its ranges, and those of its parts. */
interface Memo {
  range?: Range;
  textRange?: Range;
  parts?: (Range | null)[];
}

abstract class ListEntry implements Entry {
  readonly index: number;
  readonly line: number;
  readonly text: string;
  readonly lineCount: number;
  /** The list item's opening token (its lines, its marker) and its inline text, if it has one. */
  readonly #item: Token;
  readonly #token: Token | null;
  readonly #lines: readonly string[];
  #inline: InlineText | null | undefined;
  #memo: Memo | undefined = undefined;

  /**
   * `item` opens the list item; `token` is its inline text, if it has one, and `plain` what that reads
   * as. No InlineText is kept: an entry makes one if a range is asked for.
   */
  constructor(index: number, item: Token, token: Token | null, lines: readonly string[], plain: string) {
    this.index = index;
    this.line = item.map ? item.map[0] : 0;
    this.#item = item;
    this.#token = token;
    this.#lines = lines;
    this.text = isCollapsed(plain) ? plain : collapse(plain);
    this.lineCount = token ? lineCount(token.content) : 1;
  }

  /** The item's text as a reader sees it (markup gone), before white space is collapsed. */
  protected get plain(): string {
    const token = this.#token;
    // Most items are text and line breaks only: their InlineText is made only if a range is asked for.
    return token ? (this.#inline?.plain ?? InlineText.plainText(token) ?? this.inline!.plain) : '';
  }

  /** The item's text with its source mapping, made on first use. */
  protected get inline(): InlineText | null {
    if (this.#inline === undefined) this.#inline = this.#token ? new InlineText(this.#token, this.#lines) : null;
    return this.#inline;
  }

  get textLine(): number {
    const token = this.#token;
    return token && token.map ? token.map[0] : this.line;
  }

  protected get memo(): Memo {
    return (this.#memo ??= {});
  }

  /** The whole list item, nested lists included (trailing blank lines left out). */
  get range(): Range {
    const memo = this.memo;
    if (memo.range) return memo.range;
    const lines = this.#lines;
    const first = this.line;
    const last = lastTextLine(lines, first, this.#item.map ? this.#item.map[1] : first + 1);
    return (memo.range = { start: { line: first, character: leadingSpace(lines[first] ?? '') }, end: { line: last, character: (lines[last] ?? '').length } });
  }

  /** The item's text without the list marker and without nested lists. */
  get textRange(): Range {
    const memo = this.memo;
    if (memo.textRange) return memo.textRange;
    const plain = this.plain;
    const start = trimStart(plain, 0, plain.length);
    const end = trimEnd(plain, start, plain.length);
    const inline = end > start ? this.inline : null;
    if (inline) return (memo.textRange = inline.range(start, end));
    const line = this.#lines[this.line] ?? '';
    const markerEnd = Math.min(line.length, leadingSpace(line) + this.#item.markup.length);
    return (memo.textRange = { start: { line: this.line, character: markerEnd }, end: { line: this.line, character: line.length } });
  }

  protected rangeOf(start: number, end: number): Range | null {
    return end > start ? this.inline?.range(start, end) ?? null : null;
  }

  /** Plain-text offsets (start, end) of the entry's four parts, in the order of `partRange`. */
  protected abstract partOffsets(): readonly number[];

  /** The range of the entry's `k`th part; the four are made together on first use. */
  protected partRange(k: number): Range | null {
    const memo = this.memo;
    if (!memo.parts) {
      const offsets = this.partOffsets();
      memo.parts = [0, 1, 2, 3].map((i) => this.rangeOf(offsets[2 * i] ?? 0, offsets[2 * i + 1] ?? 0));
    }
    return memo.parts[k];
  }
}

/** How many lines a text spans. */
function lineCount(text: string): number {
  let count = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/** The width of a line's leading white space. */
export function leadingSpace(line: string): number {
  let i = 0;
  while (i < line.length && isSpaceCode(line.charCodeAt(i))) i++;
  return i;
}

/** The last line of `[first, end)` that is not blank (`first` when all are). */
export function lastTextLine(lines: readonly string[], first: number, end: number): number {
  let last = Math.min(end, lines.length) - 1;
  while (last > first && leadingSpace(lines[last]) === lines[last].length) last--;
  return Math.max(first, last);
}


const AVAILABLE_AT = /(?:^|[\s,，、.])(?:available\s+(?:at|from|online)|online(?:\s+at)?|url|at)$/i;
const NO_DATE = /(?:^|[\s,，、(（])(n\.\s?d\.?)\)?$/i;

/** What a cited report's text says; `parts` holds the plain-text offsets of title, publisher, year and first link. */
interface ReportReading {
  title: string | null;
  publisher: string | null;
  year: number | null;
  dateIso: string | null;
  yearText: string | null;
  undated: boolean;
  note: string | null;
  url: string | null;
  links: { href: string; text: string }[];
  parts: number[];
}

/** Reads `Title, Publisher, Year[, more]` from a list item's text. */
function readReport(inline: InlineText): ReportReading {
  const plain = inline.plain;
  const links = inline.marks.filter((m) => m.kind === 'link');
  const link = links[0] ?? null;
  const begin = trimPart(plain, 0, plain.length).start;

  // Trailing links (`… 2012. https://…`, `… 2012, [summary](…), [annex](…)`) are not part of the year's search.
  let end = trimPart(plain, 0, plain.length).end;
  for (let k = links.length - 1; k >= 0; k--) {
    const last = links[k];
    if (last.start <= begin || trimPart(plain, last.end, end, '.。,，、').end !== last.end) break;
    end = trimPart(plain, begin, last.start, ',，、:：').end;
    const lead = AVAILABLE_AT.exec(plain.slice(Math.max(begin, end - 24), end));
    if (lead) end = trimPart(plain, begin, end - lead[0].length, ',，、.').end;
  }
  const noDate = NO_DATE.exec(plain.slice(Math.max(begin, end - 8), end));
  end = entryEnd(plain, begin, end, noDate ? ';；' : '.;。；');
  const authorYear = readAuthorYear(inline, begin, end, links);
  if (authorYear) return authorYear;

  // Title: an emphasized, linked or quoted span the item begins with may hold commas; the title
  // then runs on to the first comma after it (`“Break Their Lineage, …”: China’s Crimes…, HRW, 2021`).
  let title: Part;
  let rest: number;
  const lead = inline.marks.find((m) => m.start === begin && m.kind !== 'code' && m.end > m.start);
  const quote = QUOTES[plain[begin]];
  const quoteEnd = quote ? plain.indexOf(quote, begin + 1) : -1;
  const spanEnd = lead && lead.end <= end ? lead.end : quote && quoteEnd > begin ? quoteEnd + 1 : -1;
  // A colon or a word right after the span continues the title (a subtitle); a space or a comma ends it.
  if (spanEnd > 0 && !/^[:：\p{L}\p{N}]/u.test(plain.slice(spanEnd, spanEnd + 1))) {
    title = lead && lead.end === spanEnd ? trimPart(plain, lead.start, lead.end, ',，、') : trimPart(plain, begin + 1, quoteEnd, ',，、');
    rest = spanEnd;
  } else if (spanEnd > 0) {
    const comma = firstComma(plain, spanEnd, end);
    rest = comma >= 0 ? comma : end;
    title = trimPart(plain, begin, rest);
  } else {
    const comma = firstComma(plain, begin, end);
    rest = comma >= 0 ? comma : end;
    title = trimPart(plain, begin, rest);
  }
  // Skip the separator after the title.
  rest = trimPart(plain, rest, end, ',，、.:：;–—-').start;

  let year: number | null = null;
  let dateIso: string | null = null;
  let yearPart: Part | null = null;
  let publisher: Part | null = null;
  let note: Part | null = null;
  let undated = false;
  if (rest < end) {
    const tail = plain.slice(rest, end);
    const trailing = trailingCitationDate(tail);
    const nd = NO_DATE.exec(tail);
    if (trailing) {
      year = trailing.year;
      dateIso = trailing.iso;
      yearPart = { start: rest + trailing.start, end: rest + trailing.end };
      publisher = trimPart(plain, rest, yearPart.start, ',，、(（');
    } else if (nd) {
      undated = true;
      const at = rest + nd.index + nd[0].indexOf(nd[1]);
      yearPart = { start: at, end: at + nd[1].length };
      publisher = trimPart(plain, rest, at, ',，、(（');
    } else {
      const parts = splitParts(plain, rest, end);
      const dated = parts.findIndex((p, i) => i > 0 && wholeCitationDate(plain.slice(p.start, p.end)) !== null);
      if (dated > 0) {
        ({ year, iso: dateIso } = wholeCitationDate(plain.slice(parts[dated].start, parts[dated].end))!);
        yearPart = parts[dated];
        publisher = trimPart(plain, rest, parts[dated - 1].end);
        note = trimPart(plain, parts[dated].end, end, ',，、');
      } else {
        publisher = trimPart(plain, rest, end);
      }
    }
  }
  if (year === null && !undated) {
    // A year anywhere else: in brackets (`UNDP [2019]`), before pages (`UNDP (2019), pg. 14`), in the title.
    const found = yearAnywhere(plain, begin, end);
    if (found) {
      year = found.year;
      dateIso = String(found.year);
      yearPart = found;
      if (found.start >= title.start && found.end <= title.end) {
        // `Title [2019], Publisher`: a bracketed year that ends the title is not part of it.
        const before = trimPart(plain, title.start, found.start, '([（［');
        const closed = /^[)\]）］]$/.test(plain.slice(found.end, title.end).trim());
        const bracketed = '([（［'.includes(plain[found.start - 1]) && closed;
        if (before.end > before.start && bracketed) title = before;
      } else if (publisher && publisher.start <= found.start && found.end <= publisher.end) {
        const before = trimPart(plain, publisher.start, found.start, ',，、([（［');
        const after = trimPart(plain, found.end, publisher.end, ',，、)]）］.:');
        if (before.end > before.start) {
          note = after.end > after.start ? after : null;
          publisher = before;
        } else {
          publisher = after;
        }
      }
    }
  }
  if ((!publisher || publisher.end <= publisher.start) && link) {
    // A link stands for the publisher when none is named (`Title, 2019, https://…`): the site published it.
    publisher = { start: link.start, end: link.end };
  }
  const clean = inline.collapsed;
  const span = (part: Part | null) => (part && part.end > part.start ? part : NONE);
  const t = span(title);
  const p = span(publisher);
  const y = span(yearPart);
  const n = span(note);
  return {
    title: text(plain, t.start, t.end, clean),
    publisher: text(plain, p.start, p.end, clean),
    year,
    dateIso,
    yearText: text(plain, y.start, y.end),
    undated,
    note: text(plain, n.start, n.end),
    url: link ? link.href ?? null : null,
    links: links.length === 0 ? NO_LINKS : links.map((l) => ({ href: l.href ?? '', text: collapse(plain.slice(l.start, l.end)) })),
    parts: [t.start, t.end, p.start, p.end, y.start, y.end, link ? link.start : 0, link ? link.end : 0],
  };
}

const NONE: Part = { start: 0, end: 0 };

// A year as a word of its own: not a page (`p. 2012`), a number (`12,2019`, `20195`) or a piece of a
// document symbol (`E/CN.4/2005/7`) or an address.
const YEAR_WORD = new RegExp(
  String.raw`(?<=^|[\s(（[［「『"“'‘、，]|(?<!\d),)(1[89]\d\d|20\d\d|2100)` +
    String.raw`(?=$|[\s)）\]］」』"”'’;；:：年]|[.,，、。](?!\d))`,
  'gu',
);
const PAGE_BEFORE = /(?:^|[^\p{L}])(?:pp?|pg|pgs|pages?|no|nos|vol|vols|para|paras|§|art|arts|n)\.?\s*$/iu;

/** The last year in `[start, end)` that stands as a word of its own, or null. */
export function yearAnywhere(plain: string, start: number, end: number): (Part & { year: number }) | null {
  const text = plain.slice(start, end);
  let found: (Part & { year: number }) | null = null;
  YEAR_WORD.lastIndex = 0;
  for (let m = YEAR_WORD.exec(text); m; m = YEAR_WORD.exec(text)) {
    if (PAGE_BEFORE.test(text.slice(Math.max(0, m.index - 8), m.index))) continue;
    if (/^[a-z]+:\/\/\S*$/i.test(lastWord(text, m.index))) continue;
    found = { start: start + m.index, end: start + m.index + m[1].length, year: +m[1] };
  }
  return found;
}

/** The word that runs up to `at` (back to the last space), for telling an address from prose. */
function lastWord(text: string, at: number): string {
  let i = at;
  // An address is not that long: the walk back stays short on a text of no spaces.
  const stop = Math.max(0, at - 2048);
  while (i > stop && !isSpaceCode(text.charCodeAt(i - 1))) i--;
  return text.slice(i, at);
}

// `Author (2007). Title. Publisher.` and `Author (2020), Title`: the author, a year in brackets, then the title.
// Only round brackets: `Title [2019], Publisher` puts the year in square ones after a title as often.
const AUTHOR_YEAR = new RegExp(
  String.raw`^([^()[\]（）]{1,160}?)\s*[(（]\s*(1[89]\d\d|20\d\d|2100)[a-z]?` +
    String.raw`(?:\s*[,;，][^()[\]]{0,40})?\s*[)）]\s*[.,:，。]?`,
  'u',
);
const PAGES = /^(?:pp?|pg|pgs|pages?|para|paras)\.?\s*\d/i;

/**
 * Reads an author-year citation: the author stands for the publisher and what follows the title
 * (the publisher, an edition, pages) is the note. Null when the item does not start that way.
 */
function readAuthorYear(
  inline: InlineText,
  begin: number,
  end: number,
  links: InlineText['marks'],
): ReportReading | null {
  const plain = inline.plain;
  const m = AUTHOR_YEAR.exec(plain.slice(begin, Math.min(end, begin + 240)));
  if (!m) return null;
  const author = trimPart(plain, begin, begin + m[1].length, ',，、');
  // A title that stands first in quotes or italics is a title, not an author: `“Title” (2019), Publisher`.
  if (QUOTES[plain[begin]] || inline.marks.some((k) => k.start === begin && k.kind !== 'link')) return null;
  if (author.end <= author.start) return null;
  const yearStart = begin + m[0].indexOf(m[2], m[1].length);
  const yearPart: Part = { start: yearStart, end: yearStart + 4 };
  const after = trimStart(plain, begin + m[0].length, end);
  // `Title, Publisher (2019), pg. 14`: pages after the year, so the year ends a title-first citation.
  if (after >= end || PAGES.test(plain.slice(after, after + 12))) return null;
  // The title: an emphasized or quoted span, else the text up to the end of its sentence.
  const lead = inline.marks.find((k) => k.start === after && k.kind !== 'code' && k.end > k.start && k.end <= end);
  const quote = QUOTES[plain[after]];
  const quoteEnd = quote ? plain.indexOf(quote, after + 1) : -1;
  let title: Part;
  let rest: number;
  if (lead) {
    title = trimPart(plain, lead.start, lead.end, ',，、');
    rest = lead.end;
  } else if (quote && quoteEnd > after && quoteEnd < end) {
    title = trimPart(plain, after + 1, quoteEnd, ',，、');
    rest = quoteEnd + 1;
  } else {
    const stop = /[.?!。](?:\s|$)/.exec(plain.slice(after, end));
    rest = stop ? after + stop.index + 1 : end;
    title = trimPart(plain, after, stop ? rest - 1 : rest, ',，、:：');
  }
  const note = trimPart(plain, rest, end, ',，、.:：;–—-');
  const link = links[0] ?? null;
  const clean = inline.collapsed;
  return {
    title: text(plain, title.start, title.end, clean),
    publisher: text(plain, author.start, author.end, clean),
    year: +m[2],
    dateIso: m[2],
    yearText: m[2],
    undated: false,
    note: text(plain, note.start, note.end),
    url: link ? link.href ?? null : null,
    links: links.length === 0 ? NO_LINKS : links.map((l) => ({ href: l.href ?? '', text: collapse(plain.slice(l.start, l.end)) })),
    parts: [
      title.start, title.end, author.start, author.end, yearPart.start, yearPart.end,
      link ? link.start : 0, link ? link.end : 0,
    ],
  };
}

const SPACED_DASH = /\s[-–—]\s/;

// Titles before a name (`Dr. Sam Okafor`, `MEP Lena Berg`): a title, not part of the name.
const HONORIFIC_BEFORE = new RegExp(
  String.raw`^(?:(?:the\s+)?(?:rt\.?\s+)?hon(?:ou?rable)?|mep|mp|mdb|dr|prof(?:essor)?|rep|representative` +
    String.raw`|senator|sen|mr|ms|mrs|mx|sir|dame|rev(?:erend)?|fr|judge|ambassador|h\.\s?e|cllr|councillor` +
    String.raw`|assemblymember)\.?(?=\s)`,
  'i',
);
// Titles after a name: Japanese ones (`加藤博議員`), and MEP or MP as British writers put them.
const HONORIFIC_AFTER = /(?:\s(?:MEP|MP|MdB|QC|KC)|(?<=\p{Script=Han}.)(?:議員|氏|様|さん|先生|殿|君))$/u;
const ON_BEHALF = /(?:^|\s)(?:on\s+behalf\s+of|for\s+and\s+on\s+behalf\s+of)\s+/i;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * Where `Name, Role, Organization` (or, signed by organizations, `Organization[, Place]`) stand in a
 * list item's text: the plain-text offsets of name, role, organization, place and honorific, start
 * and end, then 1 when the parts cannot be told apart and 1 when the name signs on behalf of the
 * organization, written into `parts` (reading a letter reuses one array: the offsets are read once
 * and dropped).
 */
function signatoryParts(plain: string, byOrganizations: boolean, parts: number[] = new Array(PARTS).fill(0)): number[] {
  parts.fill(0);
  let begin = trimStart(plain, 0, plain.length);
  const end = entryEnd(plain, begin, plain.length, '.;。；');
  if (byOrganizations) {
    const comma = firstComma(plain, begin, end);
    setPart(parts, 4, plain, begin, comma >= 0 ? comma : end);
    if (comma >= 0) setPart(parts, 6, plain, comma + 1, end);
    return parts;
  }
  // Titles before the name, several at most (`Prof. Dr. Jane Doe`), each followed by more of the entry.
  for (let k = 0; k < 3; k++) {
    const title = HONORIFIC_BEFORE.exec(plain.slice(begin, Math.min(end, begin + 40)));
    if (!title) break;
    const next = trimStart(plain, begin + title[0].length, end);
    if (next >= end || firstComma(plain, begin, next) >= 0) break;
    if (k === 0) parts[8] = begin;
    parts[9] = begin + title[0].length;
    begin = next;
  }
  const comma = firstComma(plain, begin, end);
  // A spaced dash right after the name separates like a comma: `Name – Role, Organization`.
  const nameEnd = comma >= 0 ? comma : end;
  const dash = hasDash(plain, begin, nameEnd) ? SPACED_DASH.exec(plain.slice(begin, nameEnd)) : null;
  const behalf = ON_BEHALF.exec(plain.slice(begin, Math.min(end, begin + 400)));
  let afterName: number;
  if (behalf && begin + behalf.index <= nameEnd + 1) {
    // `Name, on behalf of Organization`, `Name on behalf of Organization`: no role is named.
    setName(parts, plain, begin, Math.min(nameEnd, begin + behalf.index));
    setPart(parts, 4, plain, begin + behalf.index + behalf[0].length, end);
    parts[11] = 1;
    return parts;
  } else if (dash) {
    setName(parts, plain, begin, begin + dash.index);
    afterName = begin + dash.index + dash[0].length;
  } else if (comma < 0) {
    const open = plain.slice(begin, end).search(/[(（]/);
    if (open > 0 && /[)）]$/.test(plain.slice(begin, end))) {
      // `Name (Organization)`.
      setName(parts, plain, begin, begin + open);
      setPart(parts, 4, plain, begin + open + 1, end - 1);
      parts[11] = 1;
      return parts;
    }
    setName(parts, plain, begin, end);
    // Words run together with no comma or dash: the name, role and organization cannot be told apart.
    const words = plain.slice(parts[0], parts[1]).split(/\s+/).length;
    if (words >= 4 || (words >= 3 && CJK.test(plain.slice(parts[0], parts[1])))) parts[10] = 1;
    return parts;
  } else {
    setName(parts, plain, begin, nameEnd);
    afterName = comma + 1;
  }
  // Role, then the organization: all the rest, commas included.
  const second = firstComma(plain, afterName, end);
  setPart(parts, 2, plain, afterName, second >= 0 ? second : end);
  if (second >= 0) setPart(parts, 4, plain, second + 1, end);
  return parts;
}

/** How many numbers `signatoryParts` writes. */
const PARTS = 12;

/** Sets the name, a title after it (`加藤博議員`, `Lena Berg MEP`) taken out as the honorific. */
function setName(parts: number[], plain: string, start: number, end: number): void {
  setPart(parts, 0, plain, start, end);
  if (parts[9] > parts[8]) return;
  const after = HONORIFIC_AFTER.exec(plain.slice(Math.max(parts[0], parts[1] - 8), parts[1]));
  if (!after) return;
  const at = parts[1] - after[0].length;
  if (at <= parts[0]) return;
  setPart(parts, 8, plain, at, parts[1]);
  parts[1] = trimEnd(plain, parts[0], at);
}

/** Puts the trimmed `[start, end)` at `parts[k]`, `parts[k + 1]`. */
function setPart(parts: number[], k: number, plain: string, start: number, end: number): void {
  const from = trimStart(plain, start, end);
  parts[k] = from;
  parts[k + 1] = trimEnd(plain, from, end);
}

function hasDash(plain: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = plain.charCodeAt(i);
    if (c === 0x2d || c === 0x2013 || c === 0x2014) return true;
  }
  return false;
}


class ReportEntry extends ListEntry implements CitedReport {
  readonly title: string | null = null;
  readonly publisher: string | null = null;
  readonly year: number | null = null;
  readonly dateIso: string | null = null;
  readonly yearText: string | null = null;
  readonly undated: boolean = false;
  readonly note: string | null = null;
  readonly url: string | null = null;
  readonly links: { href: string; text: string }[] = NO_LINKS;
  readonly #parts: number[];

  constructor(index: number, item: Token, token: Token | null, lines: readonly string[], inline: InlineText | null) {
    super(index, item, token, lines, inline ? inline.plain : '');
    if (!inline) {
      this.#parts = NO_PARTS;
      return;
    }
    const r = readReport(inline);
    this.title = r.title;
    this.publisher = r.publisher;
    this.year = r.year;
    this.dateIso = r.dateIso;
    this.yearText = r.yearText;
    this.undated = r.undated;
    this.note = r.note;
    this.url = r.url;
    this.links = r.links;
    this.#parts = r.parts;
  }

  /** Title, publisher, year and first link. */
  protected partOffsets(): readonly number[] {
    return this.#parts;
  }

  get titleRange(): Range | null {
    return this.partRange(0);
  }

  get publisherRange(): Range | null {
    return this.partRange(1);
  }

  get yearRange(): Range | null {
    return this.partRange(2);
  }

  get urlRange(): Range | null {
    return this.partRange(3);
  }
}

class SignatoryEntry extends ListEntry implements Signatory {
  readonly name: string | null = null;
  readonly role: string | null = null;
  readonly organization: string | null = null;
  readonly place: string | null = null;
  readonly honorific: string | null = null;
  readonly unseparated: boolean = false;
  readonly onBehalf: boolean = false;
  readonly #byOrganizations: boolean;

  constructor(index: number, item: Token, token: Token | null, lines: readonly string[], byOrganizations: boolean, plain: string) {
    super(index, item, token, lines, plain);
    this.#byOrganizations = byOrganizations;
    if (!token) return;
    const parts = signatoryParts(plain, byOrganizations, SCRATCH);
    const clean = this.text === plain;
    this.name = text(plain, parts[0], parts[1], clean);
    this.role = text(plain, parts[2], parts[3], clean);
    this.organization = text(plain, parts[4], parts[5], clean);
    this.place = text(plain, parts[6], parts[7], clean);
    this.honorific = text(plain, parts[8], parts[9], clean);
    this.unseparated = parts[10] === 1;
    this.onBehalf = parts[11] === 1;
  }

  /** Name, role, organization and place: read again when asked rather than kept, as few entries ever are. */
  protected partOffsets(): readonly number[] {
    return signatoryParts(this.plain, this.#byOrganizations);
  }

  get nameRange(): Range | null {
    return this.partRange(0);
  }

  get roleRange(): Range | null {
    return this.partRange(1);
  }

  get organizationRange(): Range | null {
    return this.partRange(2);
  }

  get placeRange(): Range | null {
    return this.partRange(3);
  }
}

const NO_PARTS: number[] = [];
/** The parts of the signatory being read. */
const SCRATCH: number[] = new Array(PARTS).fill(0);

/** Reads a list item (`item` its opening token, `token` its inline text; null for an empty item) as the `index`th cited report. */
export function readReportEntry(index: number, item: Token, token: Token | null, lines: readonly string[]): CitedReport {
  return new ReportEntry(index, item, token, lines, token ? new InlineText(token, lines) : null);
}

/** Reads a list item as a signatory: `Name, Role, Organization`, or with `signed-by: organizations`, `Organization[, Place]`. */
export function readSignatoryEntry(index: number, item: Token, token: Token | null, lines: readonly string[], byOrganizations: boolean): Signatory {
  // Most items are text and line breaks only, read without an InlineText.
  const plain = token ? InlineText.plainText(token) ?? new InlineText(token, lines).plain : '';
  return new SignatoryEntry(index, item, token, lines, byOrganizations, plain);
}

// A UN document symbol (`A/HRC/49/20`, `E/CN.4/2005/7`, `IP/C/W/669`): a work cited by its number.
const DOCUMENT_SYMBOL = /(?:^|[\s(（[])[A-Z]{1,4}(?:\/[A-Z0-9.]{1,12}){2,6}(?=$|[\s),.;，、。）\]])/;
const ADDRESS = /\bhttps?:\/\/|\bwww\.[a-z0-9-]+\./i;
// What points back to a work cited before, or to one named next.
const POINTER = /^(?:ibid|id|op\.?\s*cit|loc\.?\s*cit|see(?:\s+also)?|cf|前掲|同上|参照)(?:[\s.,:，、：]|$)/i;
// A title set apart: in italics or bold, or in quotes.
const SET_APART_TITLE = new RegExp(
  String.raw`(?:^|[\s(（,，、:：])` +
    String.raw`(?:\*[^*\s][^*]*\*|_[^_\s][^_]*_|“[^”]+”|"[^"]+"|「[^」]+」|『[^』]+』|«[^»]+»)`,
);

/**
 * Whether a note (a footnote's text) cites a work rather than only explaining something: it gives
 * an address, a document symbol, points to a work (`Ibid.`, `See …`), or has a year along with a
 * title set apart, an author-year opening or the `Title, Publisher, Year` shape. `Data for 2019 show
 * that …` explains; `Death Sentences and Executions 2021, Amnesty International, 2022.` cites.
 */
export function citesAWork(text: string): boolean {
  const t = collapse(text).trim();
  if (t === '') return false;
  if (ADDRESS.test(t) || DOCUMENT_SYMBOL.test(t) || POINTER.test(t)) return true;
  const plain = asciiDigits(t.replace(/[*_]+/g, ''));
  const body = entryEnd(plain, 0, plain.length, '.。');
  const dated = yearAnywhere(plain, 0, plain.length) ?? trailingCitationDate(plain.slice(0, body));
  if (!dated) return false;
  if (SET_APART_TITLE.test(t) || AUTHOR_YEAR.test(plain)) return true;
  // `Title, Publisher, Year`: two parts at least before a final date, the one before it a name.
  const trailing = trailingCitationDate(plain.slice(0, body));
  if (!trailing) return false;
  const parts = splitParts(plain, 0, trailing.start).filter((p) => p.end > p.start);
  if (parts.length < 2) return false;
  const publisher = plain.slice(parts[parts.length - 1].start, parts[parts.length - 1].end);
  return /^[\p{Lu}\p{Lo}\d(（]/u.test(publisher);
}
