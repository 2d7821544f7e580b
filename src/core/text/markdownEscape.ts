// Escaping text so that Markdown reads it as written. Two strengths, for two kinds of text:
// - a value put into an entry (a signatory's name from a spreadsheet) escapes every character that
//   could be markup, since nobody wrote it as Markdown;
// - prose converted from a published letter escapes only what would pair up into markup, so that the
//   letter's text stays as readable in the editor as it was on the page.
import { ASCII_PUNCTUATION, ENTITY } from './entities';

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

const URL = /\b(?:https?:\/\/|www\.)[^\s<>]+/gi;
const isWs = (c: string | undefined) => c === undefined || /\s/.test(c);
const isAlnum = (c: string | undefined) => c !== undefined && WORD.test(c);

/**
 * Escapes what Markdown would read as inline markup in `text` (a paragraph's or an item's lines,
 * joined by `\n`): emphasis `*`/`_` and strikethrough `~~` when they could pair up, code backticks,
 * a backslash before punctuation, entities. Links' addresses are left alone.
 */
export function escapeInline(text: string): { text: string; count: number } {
  if (!/[*_~`\\&]/.test(text)) return { text, count: 0 };
  const inUrl = new Uint8Array(text.length);
  for (const m of text.matchAll(URL)) inUrl.fill(1, m.index, m.index + m[0].length);
  // Delimiter runs that could open or close emphasis, by character.
  const runs = new Map<string, [number, number][]>();
  for (let i = 0; i < text.length;) {
    const c = text[i];
    if (!'*_~`'.includes(c) || inUrl[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && text[j] === c) j++;
    const before = text[i - 1];
    const after = text[j];
    let candidate: boolean;
    if (c === '`') candidate = true;
    else if (c === '~') candidate = j - i >= 2;
    else if (isWs(before) && isWs(after)) candidate = false;
    else if (c === '_') candidate = !(isAlnum(before) && isAlnum(after));
    else candidate = true;
    if (candidate) {
      const list = runs.get(c);
      if (list) list.push([i, j]);
      else runs.set(c, [[i, j]]);
    }
    i = j;
  }
  const escape = new Uint8Array(text.length);
  for (const list of runs.values()) {
    if (list.length < 2) continue;
    for (const [i, j] of list) escape.fill(1, i, j);
  }
  let out = '';
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (escape[i]) {
      out += `\\${c}`;
      count++;
    } else if (c === '\\' && !inUrl[i] && ASCII_PUNCTUATION.test(text[i + 1] ?? '')) {
      out += '\\\\';
      count++;
    } else if (c === '&' && !inUrl[i] && ENTITY.test(text.slice(i, i + 40))) {
      out += '\\&';
      count++;
    } else {
      out += c;
    }
  }
  return { text: out, count };
}

/**
 * Escapes what would begin a block at the start of a line (its indentation already removed). `first`:
 * the line begins a paragraph or an item, where any number starts a list; later lines continue a
 * paragraph, which only a list numbered 1 interrupts.
 */
export function escapeLineStart(line: string, first: boolean): { text: string; count: number } {
  const number = /^(\d{1,9})([.)])(?=[ \t]|$)/.exec(line);
  if (number && (first || Number(number[1]) === 1))
    return { text: `${number[1]}\\${line.slice(number[1].length)}`, count: 1 };
  if (
    /^#{1,6}(?=[ \t]|$)/.test(line) || // heading
    /^>/.test(line) || // block quote
    /^[-+*](?=[ \t]|$)/.test(line) || // list item
    /^(?:`{3,}|~{3,})/.test(line) || // code fence
    /^(?:=+|-+)[ \t]*$/.test(line) || // setext underline
    /^<[a-zA-Z/!?]/.test(line) || // HTML block
    (/^[|:\- \t]+$/.test(line) && line.includes('|') && line.includes('-')) // a table's delimiter row
  ) {
    return { text: `\\${line}`, count: 1 };
  }
  return { text: line, count: 0 };
}
