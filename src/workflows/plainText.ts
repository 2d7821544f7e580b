// The letter as plain text, for an e-mail body or a government web form: no markup, the cited
// reports numbered, one signatory per line, lines wrapped at 72 characters (Japanese broken only
// between words, with no space inserted). Read from the same tokens as the preview, so every word
// of the letter is there.
import type { Token } from 'markdown-it';
import { dateText, stringsFor } from '../core/letterStrings';
import { addresseeLines } from './docx/api';
import type { LetterPart, ReadLetter } from '../core/parseLetter';
import { readLetter, type ParseOptions } from '../core/parseLetter';

export interface PlainTextOptions {
  /** Column to wrap at; `false` keeps each paragraph on one line. Default 72. */
  wrap?: number | false;
  parse?: ParseOptions;
}

/** The letter (its `*.letter.md` text) as plain text, ending with a line break. */
export function letterToPlainText(text: string, options: PlainTextOptions = {}): string {
  return plainTextOf(readLetter(text, options.parse ?? {}), options);
}

/** A letter already read (the editor's parse of the document's version) as plain text. */
export function plainTextOf(read: ReadLetter, options: Pick<PlainTextOptions, 'wrap'> = {}): string {
  return new PlainTextWriter(read, options.wrap === undefined ? 72 : options.wrap).write();
}

class PlainTextWriter {
  private readonly blocks: string[] = [];
  private readonly segmenter: Intl.Segmenter;
  private reportNumber = 0;

  constructor(
    private readonly read: ReadLetter,
    private readonly width: number | false,
  ) {
    this.segmenter = new Intl.Segmenter(read.letter.lang || 'en', { granularity: 'word' });
  }

  write(): string {
    const { tokens } = this.read;
    this.frontMatterHeader();
    this.blockTokens(tokens, 0, tokens.length, '');
    return `${this.blocks.join('\n\n')}\n`;
  }

  /**
   * The parts given only in the front matter, at the top, as the preview and Word show them: the
   * title (unless a heading gives it too), the date, the addressees line by line, the reply-by date.
   */
  private frontMatterHeader(): void {
    const { letter, parts } = this.read;
    const hasHeadingTitle = [...parts.values()].some((p) => p.kind === 'title');
    if (letter.title?.source === 'frontmatter' && !hasHeadingTitle) this.block(this.wrapped(letter.title.text, ''));
    if (letter.date?.source === 'frontmatter') this.block(this.wrapped(dateText(letter.date, letter.lang), ''));
    for (const a of letter.addressees) {
      if (a.source === 'frontmatter') this.block(this.linesKept(addresseeLines(a).join('\n'), ''));
    }
    if (letter.replyBy?.source === 'frontmatter') {
      const strings = stringsFor(letter.lang);
      this.block(this.wrapped(`${strings.replyBy}${strings.space}${dateText(letter.replyBy, letter.lang)}`, ''));
    }
  }

  private block(text: string): void {
    if (text.trim() !== '') this.blocks.push(text);
  }

  /** Writes the block tokens `[from, to)`, each line of the result prefixed with `prefix`. */
  private blockTokens(tokens: Token[], from: number, to: number, prefix: string): void {
    for (let i = from; i < to; i++) {
      const token = tokens[i];
      const part = this.read.parts.get(i);
      if (part?.kind === 'directive' || token.type === 'front_matter') continue;
      switch (token.type) {
        case 'heading_open': {
          const title = this.inline(tokens[i + 1]);
          this.block(this.wrapped(title, prefix));
          i = this.close(tokens, i);
          break;
        }
        case 'paragraph_open': {
          const content = this.inline(tokens[i + 1]);
          // Labelled fields and address blocks keep their lines; prose is wrapped.
          const keepLines = part?.kind === 'fields' || part?.kind === 'label';
          this.block(keepLines ? this.linesKept(content, prefix) : this.wrapped(content, prefix));
          i = this.close(tokens, i);
          break;
        }
        case 'bullet_list_open':
        case 'ordered_list_open': {
          const end = this.close(tokens, i);
          this.list(tokens, i, end, prefix, part);
          i = end;
          break;
        }
        case 'blockquote_open': {
          const end = this.close(tokens, i);
          this.blockTokens(tokens, i + 1, end, `${prefix}> `);
          i = end;
          break;
        }
        case 'fence':
        case 'code_block':
          this.block(this.linesKept(token.content.replace(/\n$/, ''), prefix));
          break;
        case 'html_block':
          if (!/^\s*<!--[^]*-->\s*$/.test(token.content)) this.block(this.linesKept(token.content.trimEnd(), prefix));
          break;
        case 'hr':
          this.block(`${prefix}${'-'.repeat(10)}`);
          break;
        case 'table_open': {
          const end = this.close(tokens, i);
          this.block(this.table(tokens, i, end, prefix));
          i = end;
          break;
        }
      }
    }
  }

  /** A list: cited reports numbered, signatories one per line, other lists with their markers. */
  private list(tokens: Token[], open: number, close: number, prefix: string, part: LetterPart | undefined): void {
    const ordered = tokens[open].type === 'ordered_list_open';
    let number = Number(tokens[open].attrGet('start') ?? 1);
    const lines: string[] = [];
    for (let i = open + 1; i < close; i++) {
      if (tokens[i].type !== 'list_item_open') continue;
      const end = this.close(tokens, i);
      const marker =
        part?.kind === 'signatories'
          ? ''
          : part?.kind === 'reports'
            ? `${++this.reportNumber}. `
            : ordered
              ? `${number++}. `
              : '- ';
      const indent = Math.max(marker.length, part?.kind === 'signatories' ? 2 : 0);
      const inner = new PlainTextWriter(this.read, this.width === false ? false : this.width - indent - prefix.length);
      inner.reportNumber = this.reportNumber;
      inner.blockTokens(tokens, i + 1, end, '');
      // A signatory wrapped onto a second line is indented there, so that one line is one signatory.
      const hang = part?.kind === 'signatories' ? '  ' : ' '.repeat(marker.length);
      const itemLines = inner.blocks.join('\n').split('\n');
      lines.push(...itemLines.map((line, k) => `${prefix}${k === 0 ? marker : hang}${line}`));
      i = end;
    }
    this.block(lines.join('\n'));
  }

  private table(tokens: Token[], open: number, close: number, prefix: string): string {
    const rows: string[] = [];
    let cells: string[] = [];
    for (let i = open; i < close; i++) {
      const type = tokens[i].type;
      if (type === 'tr_open') cells = [];
      else if (type === 'inline') cells.push(this.inline(tokens[i]));
      else if (type === 'tr_close') rows.push(`${prefix}${cells.join(' | ')}`);
    }
    return rows.join('\n');
  }

  /** The index of the token that closes the one at `open` (same level, opposite nesting). */
  private close(tokens: Token[], open: number): number {
    const level = tokens[open].level;
    for (let i = open + 1; i < tokens.length; i++) {
      if (tokens[i].nesting === -1 && tokens[i].level === level) return i;
    }
    return tokens.length - 1;
  }

  /** An inline token's text without markup: soft breaks as `\n`, hard breaks as HARD_BREAK, links' addresses kept. */
  private inline(token: Token | undefined): string {
    let out = '';
    const links: (string | number | null)[] = [];
    for (const child of token?.children ?? []) {
      switch (child.type) {
        case 'text':
        case 'code_inline':
          out += child.content;
          break;
        case 'html_inline':
          // A comment (a note to co-authors, a `letter-lint-…` directive) is not part of the letter:
          // the preview and Word leave it out too. Other markup shows as the text it is.
          if (!/^<!--[^]*-->$/.test(child.content)) out += child.content;
          break;
        case 'softbreak':
          out += '\n';
          break;
        case 'hardbreak':
          out += HARD_BREAK;
          break;
        case 'image':
          out += child.content;
          break;
        case 'link_open':
          links.push(child.attrGet('href'));
          break;
        case 'link_close': {
          const href = String(links.pop() ?? '');
          // A link whose text is its address reads once; another gives its address after it.
          if (href && !out.endsWith(href) && !out.endsWith(href.replace(/^mailto:/, ''))) out += ` <${href}>`;
          break;
        }
      }
    }
    return out;
  }

  /** Each source line kept as a line, wrapped only when longer than the width. */
  private linesKept(text: string, prefix: string): string {
    return text
      .split(/\n|\u2028/)
      .map((line) => this.wrapped(line, prefix))
      .join('\n');
  }

  /**
   * A paragraph's words rewrapped: soft line breaks become spaces (none between Japanese characters);
   * a hard break (an address block, signature lines) still ends its line.
   */
  private wrapped(text: string, prefix: string): string {
    if (text.includes(HARD_BREAK)) return this.linesKept(text, prefix);
    const joined = text.replace(/\s*\n\s*/g, (brk, offset: number) =>
      isCjk(text[offset - 1]) || isCjk(text[offset + brk.length]) ? '' : ' ',
    );
    if (this.width === false) return `${prefix}${joined.trimEnd()}`;
    const width = Math.max(20, this.width - prefix.length);
    const lines: string[] = [];
    let line = '';
    for (const piece of this.pieces(joined)) {
      if (line !== '' && length(line) + length(piece.trimEnd()) > width) {
        lines.push(line.trimEnd());
        line = piece.trimStart();
      } else {
        line += piece;
      }
    }
    if (line.trim() !== '') lines.push(line.trimEnd());
    return lines.map((l) => `${prefix}${l}`).join('\n');
  }

  /**
   * The text in pieces that a line may not break inside: a word with the spaces after it, or a run
   * of Japanese up to the next word boundary, with closing punctuation kept on the piece before it.
   */
  private pieces(text: string): string[] {
    const pieces: string[] = [];
    for (const { segment } of this.segmenter.segment(text)) {
      const last = pieces.length - 1;
      const attach =
        last >= 0 &&
        (/^\s+$/.test(segment) ||
          NO_BREAK_BEFORE.test(segment) ||
          NO_BREAK_AFTER.test(pieces[last].slice(-1)) ||
          (!/\s$/.test(pieces[last]) && !isCjk(segment[0]) && !isCjk(pieces[last].slice(-1))));
      if (attach) pieces[last] += segment;
      else pieces.push(segment);
    }
    return pieces;
  }
}

/** Stands for a hard line break in an inline text: unlike a soft one, it is kept. */
const HARD_BREAK = '\u2028';

/** Closing punctuation that may not begin a line (kinsoku), and opening punctuation that may not end one. */
const NO_BREAK_BEFORE = /^[、。，．・：；？！ー）」』】〕〉》”’,.;:!?)\]}%…]/;
const NO_BREAK_AFTER = /[（「『【〔〈《“‘([{]$/;

const isCjk = (c: string | undefined) =>
  c !== undefined && /[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(c);

/** Display width: a full-width character counts two columns. */
function length(text: string): number {
  let n = 0;
  for (const c of text) n += isCjk(c) ? 2 : 1;
  return n;
}
