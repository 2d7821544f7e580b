// How one list item reads as a cited report (`Title, Publisher, Year`) or a signatory (`Name, Role, Organization`).
import { trailingCitationDate, wholeCitationDate } from './dates';
import type { InlineText } from './inlineText';
import type { Range } from './model';

/** A part of an entry: plain-text offsets `[start, end)`, whitespace trimmed. */
export interface Part {
  start: number;
  end: number;
}

/** Opening quotes a title may stand in, with their closing quote. */
const QUOTES: Record<string, string> = { '"': '"', '“': '”', '„': '“', '「': '」', '『': '』', '«': '»' };

export const isSpaceChar = (ch: string) => ch === ' ' || ch === '\n' || ch === '\t' || ch === '\u00a0' || ch === '\u3000' || /\s/.test(ch);

/** Collapses whitespace, NBSP included, as parsed values are compared and shown. */
export function collapse(text: string): string {
  return isCollapsed(text) ? text : text.replace(/\s+/g, ' ').trim();
}

/** True when `text` holds single spaces only, none at its ends: most values are, and need no regex. */
export function isCollapsed(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 ? i === 0 || i === text.length - 1 || text.charCodeAt(i + 1) === 0x20 : c < 0x21 || (c >= 0x7f && c <= 0xa0) || c >= 0x1680) {
      return false;
    }
  }
  return true;
}

export function trimPart(plain: string, start: number, end: number, extra = ''): Part {
  while (start < end && (isSpaceChar(plain[start]) || extra.includes(plain[start]))) start++;
  while (end > start && (isSpaceChar(plain[end - 1]) || extra.includes(plain[end - 1]))) end--;
  return { start, end };
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
  let e = trimPart(plain, start, end).end;
  if (e > start && finals.includes(plain[e - 1])) e = trimPart(plain, start, e - 1).end;
  return e;
}

// A trimmed part of a collapsed text is collapsed: the check runs once per entry, not once per part.
const text = (plain: string, part: Part | null, clean = false) =>
  part && part.end > part.start ? (clean ? plain.slice(part.start, part.end) : collapse(plain.slice(part.start, part.end))) : null;
const rangeOf = (inline: InlineText, part: Part | null): Range | null => (part && part.end > part.start ? inline.range(part.start, part.end) : null);

export interface ParsedReport {
  title: string | null;
  titleRange: Range | null;
  publisher: string | null;
  publisherRange: Range | null;
  year: number | null;
  dateIso: string | null;
  yearText: string | null;
  yearRange: Range | null;
  undated: boolean;
  note: string | null;
  url: string | null;
  urlRange: Range | null;
  links: { href: string; text: string }[];
}

const AVAILABLE_AT = /(?:^|[\s,，、.])(?:available\s+(?:at|from|online)|online(?:\s+at)?|url|at)$/i;
const NO_DATE = /(?:^|[\s,，、(（])(n\.\s?d\.?)\)?$/i;

/** Reads `Title, Publisher, Year[, more]` from a list item's text. */
export function parseReport(inline: InlineText): ParsedReport {
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
  const clean = inline.collapsed;
  return {
    title: text(plain, title, clean),
    titleRange: rangeOf(inline, title),
    publisher: text(plain, publisher, clean),
    publisherRange: rangeOf(inline, publisher),
    year,
    dateIso,
    yearText: text(plain, yearPart),
    yearRange: rangeOf(inline, yearPart),
    undated,
    note: text(plain, note),
    url: link ? link.href ?? null : null,
    urlRange: link ? inline.range(link.start, link.end) : null,
    links: links.map((l) => ({ href: l.href ?? '', text: collapse(plain.slice(l.start, l.end)) })),
  };
}

export interface ParsedSignatory {
  name: string | null;
  nameRange: Range | null;
  role: string | null;
  roleRange: Range | null;
  organization: string | null;
  organizationRange: Range | null;
  place: string | null;
  placeRange: Range | null;
}

const SPACED_DASH = /\s[-–—]\s/;

/** Reads `Name, Role, Organization` (or, signed by organizations, `Organization[, Place]`) from a list item's text. */
export function parseSignatory(inline: InlineText, byOrganizations: boolean): ParsedSignatory {
  const plain = inline.plain;
  const begin = trimPart(plain, 0, plain.length).start;
  const end = entryEnd(plain, begin, plain.length, '.;。；');
  const none = { start: 0, end: 0 };
  let name = none;
  let role = none;
  let organization = none;
  let place = none;
  if (byOrganizations) {
    const [org, rest] = splitParts(plain, begin, end, 2);
    organization = org;
    place = rest ?? none;
  } else {
    // A spaced dash right after the name separates like a comma: `Name – Role, Organization`.
    const comma = firstComma(plain, begin, end);
    const nameEnd = comma >= 0 ? comma : end;
    const dash = SPACED_DASH.exec(plain.slice(begin, nameEnd));
    let afterName: number;
    if (dash) {
      name = trimPart(plain, begin, begin + dash.index);
      afterName = begin + dash.index + dash[0].length;
    } else {
      name = trimPart(plain, begin, nameEnd);
      afterName = comma >= 0 ? comma + 1 : end;
    }
    const [r, o] = splitParts(plain, afterName, end, 2);
    role = r;
    organization = o ?? none;
  }
  const clean = inline.collapsed;
  return {
    name: text(plain, name, clean),
    nameRange: rangeOf(inline, name),
    role: text(plain, role, clean),
    roleRange: rangeOf(inline, role),
    organization: text(plain, organization, clean),
    organizationRange: rangeOf(inline, organization),
    place: text(plain, place, clean),
    placeRange: rangeOf(inline, place),
  };
}
