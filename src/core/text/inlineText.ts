import type { Token } from 'markdown-it';
import markdownIt from 'markdown-it';
import type { Position, Range } from '../model';
import { ENTITY } from './entities';
import { isCollapsed } from './spaces';

const { unescapeAll } = markdownIt().utils;

/** Emphasis, a link or a code span within an inline text, by plain-text offsets. */
export interface InlineMark {
  kind: 'em' | 'strong' | 'link' | 'code';
  start: number;
  end: number;
  /** For links: the destination as written. */
  href?: string;
}

/**
 * The text of a paragraph or heading as a reader sees it (markup gone, escapes and entities
 * resolved, line breaks kept as `\n`), with every character mapped back to its source position.
 * Built from markdown-it's inline children, so the letter is never re-parsed.
 */
export class InlineText {
  plain = '';
  marks: InlineMark[] = NO_MARKS;
  /** Pairs: plain offset where a run starts, content offset it maps to. */
  private segPlain: number[] = NO_NUMBERS;
  private segContent: number[] = NO_NUMBERS;
  /** Content offset of each content line's start, and where that line stands in the source. */
  private lineStart: number[] = NO_NUMBERS;
  private lineSource: number[] = NO_NUMBERS;
  private lineCol: number[] = NO_NUMBERS;
  private lineLength: number[] = NO_NUMBERS;
  /** One line of plain text (most entries): its source line, column and the line's length; -1 otherwise. */
  private oneLine = -1;
  private oneCol = 0;
  private oneLength = 0;

  /**
   * The plain text of an inline token whose children are only text and line breaks (most entries:
   * one line, or a few wrapped ones), read without making an InlineText; null for any other markup.
   */
  static plainText(token: Token): string | null {
    const children = token.children;
    if (!children) return null;
    if (children.length === 1 && children[0].type === 'text') return children[0].content;
    let plain = '';
    for (const child of children) {
      if (child.type === 'text') plain += child.content;
      else if (child.type === 'softbreak' || child.type === 'hardbreak') plain += '\n';
      else return null;
    }
    return plain;
  }

  constructor(token: Token, sourceLines: readonly string[]) {
    const content = token.content;
    const firstLine = token.map ? token.map[0] : 0;
    const children = token.children ?? [];
    if (
      children.length === 1 &&
      children[0].type === 'text' &&
      children[0].content === content &&
      !content.includes('\n')
    ) {
      // The common case, with nothing to map: the text is the source from one column on.
      const source = sourceLines[firstLine] ?? '';
      this.plain = content;
      this.oneLine = firstLine;
      this.oneCol = columnOf(content, source, true);
      this.oneLength = source.length;
      return;
    }
    this.segPlain = [];
    this.segContent = [];
    this.lineStart = [];
    this.lineSource = [];
    this.lineCol = [];
    this.lineLength = [];
    this.marks = [];
    this.mapLines(content, firstLine, sourceLines);
    this.project(content, children);
  }

  private clean: boolean | undefined;

  /** The text has single spaces only (no line break, no run, none at its ends). */
  get collapsed(): boolean {
    return (this.clean ??= isCollapsed(this.plain));
  }

  /** How many source lines the text spans. */
  get lineCount(): number {
    return this.oneLine >= 0 ? 1 : this.lineStart.length;
  }

  /** The source position of plain offset `k` (the end of the text for `k === plain.length`). */
  position(k: number): Position {
    if (this.oneLine >= 0)
      return { line: this.oneLine, character: Math.min(this.oneLength, this.oneCol + Math.max(0, k)) };
    if (this.segPlain.length === 0) return this.contentPosition(0);
    if (k >= this.plain.length && this.plain.length > 0) return this.after(this.position(this.plain.length - 1));
    let lo = 0;
    let hi = this.segPlain.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.segPlain[mid] <= k) lo = mid;
      else hi = mid - 1;
    }
    return this.contentPosition(this.segContent[lo] + (k - this.segPlain[lo]));
  }

  /** The source range of plain offsets `[start, end)`. */
  range(start: number, end: number): Range {
    if (this.oneLine >= 0) return { start: this.position(start), end: this.position(Math.max(start, end)) };
    const from = this.position(start);
    if (end <= start) return { start: from, end: from };
    return { start: from, end: this.after(this.position(end - 1)) };
  }

  /** The position after the character at `p`, never past its line. */
  private after(p: Position): Position {
    // Content lines are consecutive source lines.
    const i = p.line - (this.lineSource[0] ?? p.line);
    return {
      line: p.line,
      character: Math.min(p.character + 1, i >= 0 && i < this.lineLength.length ? this.lineLength[i] : p.character + 1),
    };
  }

  private contentPosition(offset: number): Position {
    let i = 0;
    let hi = this.lineStart.length - 1;
    while (i < hi) {
      const mid = (i + hi + 1) >> 1;
      if (this.lineStart[mid] <= offset) i = mid;
      else hi = mid - 1;
    }
    // Clamped: text that markdown-it rewrote (a code span over lines) must not point past its line.
    return {
      line: this.lineSource[i],
      character: Math.min(this.lineLength[i], this.lineCol[i] + Math.max(0, offset - this.lineStart[i])),
    };
  }

  // Content line i is source line map[0] + i minus its container prefix (list marker, `>`, indent);
  // markdown-it trimmed the first line's start and the last line's end.
  private mapLines(content: string, firstLine: number, sourceLines: readonly string[]): void {
    let offset = 0;
    const parts = content.split('\n');
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      const line = firstLine + i;
      const source = sourceLines[line] ?? '';
      const col = columnOf(part, source, i === parts.length - 1);
      this.lineStart.push(offset);
      this.lineSource.push(line);
      this.lineCol.push(col);
      this.lineLength.push(source.length);
      offset += part.length + 1;
    }
  }

  private addRun(plainStart: number, contentOffset: number): void {
    const n = this.segPlain.length;
    if (n > 0 && this.segContent[n - 1] + (plainStart - this.segPlain[n - 1]) === contentOffset) return;
    this.segPlain.push(plainStart);
    this.segContent.push(contentOffset);
  }

  private project(content: string, children: Token[]): void {
    let cursor = 0;
    const open: { kind: InlineMark['kind']; start: number; href?: string }[] = [];
    for (const child of children) {
      switch (child.type) {
        case 'text':
          cursor = this.append(content, cursor, child.content);
          break;
        case 'code_inline': {
          const at = content.indexOf(child.content, cursor);
          const start = this.plain.length;
          if (at >= 0) {
            this.addRun(start, at);
            cursor = at + child.content.length;
          }
          this.plain += child.content;
          this.marks.push({ kind: 'code', start, end: this.plain.length });
          break;
        }
        case 'softbreak':
        case 'hardbreak': {
          const nl = content.indexOf('\n', cursor);
          const at = nl >= 0 ? nl : content.length;
          this.addRun(this.plain.length, at);
          this.plain += '\n';
          cursor = at + 1;
          break;
        }
        case 'em_open':
        case 'strong_open':
          open.push({ kind: child.type === 'em_open' ? 'em' : 'strong', start: this.plain.length });
          cursor = skipMarker(content, cursor, child.markup);
          break;
        case 'em_close':
        case 'strong_close': {
          const mark = open.pop();
          if (mark) this.marks.push({ kind: mark.kind, start: mark.start, end: this.plain.length });
          cursor = skipMarker(content, cursor, child.markup);
          break;
        }
        case 'link_open':
          open.push({ kind: 'link', start: this.plain.length, href: String(child.attrGet('href') ?? '') });
          if (child.markup === 'autolink' && content[cursor] === '<') cursor++;
          else if (child.markup !== 'linkify' && content[cursor] === '[') cursor++;
          break;
        case 'link_close': {
          const mark = open.pop();
          if (mark) this.marks.push({ kind: 'link', start: mark.start, end: this.plain.length, href: mark.href });
          cursor = skipLinkTail(content, cursor, child.markup);
          break;
        }
        case 'image': {
          const close = content.indexOf('](', cursor);
          if (close >= 0) cursor = skipLinkTail(content, close, '');
          break;
        }
        case 'html_inline':
          // Raw HTML is shown as the text it is (the renderer never emits it); comments are not text.
          if (child.content.startsWith('<!--')) {
            const at = content.indexOf(child.content, cursor);
            if (at >= 0) cursor = at + child.content.length;
          } else {
            cursor = this.append(content, cursor, child.content);
          }
          break;
        default:
          break;
      }
    }
  }

  /** Appends a text token, finding it in the content from `cursor`; returns the new cursor. */
  private append(content: string, cursor: number, text: string): number {
    if (text.length === 0) return cursor;
    // Between two texts stands only markup (`*`, `[`, an autolink's `<`): search a short way, not
    // the rest of the paragraph, or a paragraph of many pieces costs the square of its length.
    let at = content.startsWith(text, cursor) ? cursor : -1;
    if (at < 0) {
      const found = content.slice(cursor, cursor + SEARCH_WINDOW + text.length).indexOf(text);
      at = found >= 0 ? cursor + found : -1;
    }
    if (at >= 0) {
      this.addRun(this.plain.length, at);
      this.plain += text;
      return at + text.length;
    }
    // Escapes or entities changed the text: align it character by character, a bounded way ahead.
    let c = cursor;
    const limit = Math.min(content.length, cursor + SEARCH_WINDOW + text.length * 12);
    for (let k = 0; k < text.length;) {
      if (c >= limit) {
        this.addRun(this.plain.length, Math.max(0, Math.min(c, content.length - 1)));
        this.plain += text.slice(k);
        return c;
      }
      const ch = content[c];
      if (ch === text[k]) {
        this.addRun(this.plain.length, c);
        this.plain += ch;
        k++;
        c++;
        continue;
      }
      if (ch === '\\' && content[c + 1] === text[k]) {
        c++;
        continue;
      }
      if (ch === '&') {
        const m = ENTITY.exec(content.slice(c, c + 40));
        if (m) {
          const decoded = unescapeAll(m[0]);
          if (decoded !== m[0] && text.startsWith(decoded, k)) {
            for (let d = 0; d < decoded.length; d++) {
              this.segPlain.push(this.plain.length);
              this.segContent.push(c);
              this.plain += decoded[d];
            }
            k += decoded.length;
            c += m[0].length;
            continue;
          }
        }
      }
      c++;
    }
    return c;
  }
}

const NO_MARKS: InlineMark[] = [];
/** How far past the cursor a text piece is looked for: longer than any markup between two pieces. */
const SEARCH_WINDOW = 256;
const NO_NUMBERS: number[] = [];

/**
 * Where a content line stands in its source line: it is the source line's end, less the container's
 * prefix (list marker, `>`, indent); markdown-it trimmed the last line's trailing space.
 */
function columnOf(part: string, source: string, last: boolean): number {
  let end = source.length;
  if (last) {
    while (end > 0 && isAsciiSpace(source.charCodeAt(end - 1))) end--;
  }
  const col = end - part.length;
  // The usual case, checked at its ends only (a mismatch means markdown-it expanded a tab).
  if (
    col >= 0 &&
    (part.length === 0 ||
      (source.charCodeAt(col) === part.charCodeAt(0) &&
        source.charCodeAt(end - 1) === part.charCodeAt(part.length - 1)))
  )
    return col;
  const found = source.indexOf(part);
  return found >= 0 ? found : 0;
}

function isAsciiSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0b || code === 0x0c || code === 0x0d;
}

function skipMarker(content: string, cursor: number, marker: string): number {
  return marker && content.startsWith(marker, cursor) ? cursor + marker.length : cursor;
}

// After a link's text: `](destination "title")`, `][label]`, `]` or an autolink's `>`.
function skipLinkTail(content: string, cursor: number, markup: string): number {
  if (markup === 'linkify') return cursor;
  if (markup === 'autolink') return content[cursor] === '>' ? cursor + 1 : cursor;
  if (content[cursor] !== ']') return cursor;
  let c = cursor + 1;
  if (content[c] === '(') {
    let depth = 0;
    for (; c < content.length; c++) {
      const ch = content[c];
      if (ch === '\\') {
        c++;
      } else if (ch === '(') {
        depth++;
      } else if (ch === ')') {
        depth--;
        if (depth === 0) return c + 1;
      }
    }
    return content.length;
  }
  if (content[c] === '[') {
    const close = content.indexOf(']', c);
    return close >= 0 ? close + 1 : c;
  }
  return c;
}
