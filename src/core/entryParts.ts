// The parts of an entry: trimmed offsets, commas that separate parts, an entry's own end.
import { collapse, isSpaceCode } from './text/spaces';

export interface Part {
  start: number;
  end: number;
}

/** Opening quotes a title may stand in, with their closing quote. */
export const QUOTES: Record<string, string> = { '"': '"', '“': '”', '„': '“', '「': '」', '『': '』', '«': '»' };

export function trimPart(plain: string, start: number, end: number, extra = ''): Part {
  start = trimStart(plain, start, end, extra);
  return { start, end: trimEnd(plain, start, end, extra) };
}

/** The first offset of `[start, end)` past white space and the `extra` characters. */
export function trimStart(plain: string, start: number, end: number, extra = ''): number {
  while (start < end && (isSpaceCode(plain.charCodeAt(start)) || (extra !== '' && extra.includes(plain[start]))))
    start++;
  return start;
}

/** The end of `[start, end)` before trailing white space and `extra` characters. */
export function trimEnd(plain: string, start: number, end: number, extra = ''): number {
  while (end > start && (isSpaceCode(plain.charCodeAt(end - 1)) || (extra !== '' && extra.includes(plain[end - 1]))))
    end--;
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
  for (
    let comma = firstComma(plain, from, end);
    comma >= 0 && parts.length < limit - 1;
    comma = firstComma(plain, from, end)
  ) {
    parts.push(trimPart(plain, from, comma));
    from = comma + 1;
  }
  parts.push(trimPart(plain, from, end));
  return parts;
}

/** The end of an entry's own text: trailing space and one final `.`, `;` or `。` left out. */
export function entryEnd(plain: string, start: number, end: number, finals: string): number {
  let e = trimEnd(plain, start, end);
  if (e > start && finals.includes(plain[e - 1])) e = trimEnd(plain, start, e - 1);
  return e;
}

// A trimmed part of a collapsed text is collapsed: the check runs once per entry, not once per part.
export const NO_LINKS: { href: string; text: string }[] = [];

export const text = (plain: string, start: number, end: number, clean = false) =>
  end > start ? (clean ? plain.slice(start, end) : collapse(plain.slice(start, end))) : null;

export interface ReportReading {
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
