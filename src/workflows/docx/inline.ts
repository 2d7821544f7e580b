// A paragraph's inline tokens (markdown-it's children) as Word runs: emphasis, strong, struck and
// code text, links (web and mail addresses as hyperlinks, anything else as text), hard line breaks,
// and the marks of footnotes (markdown-it-footnote's `footnote_ref`) as Word footnote references.
import type { Token } from 'markdown-it';
import { ExternalHyperlink, FootnoteReferenceRun, TextRun, type ParagraphChild } from 'docx';
import { isSafeLink } from '../../core/prepareTokens';
import { FONTS } from './styles';

/** What the runs of a letter need to know: its footnotes (by markdown-it's number of each). */
export interface InlineContext {
  /** The number in Word of each footnote the body marks. */
  footnoteIds: ReadonlyMap<number, number>;
  /** How each footnote's mark is written (`[^1]`, `^[…]`). */
  footnoteMarks: ReadonlyMap<number, string>;
}

/** Formatting a run takes from the marks around it. */
interface Format {
  bold: number;
  italics: number;
  strike: number;
}

export const isCjk = (c: string | undefined) =>
  c !== undefined && /[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(c);

/** Plain runs of `text` (no marks), for the letter's parts. */
export function textRuns(text: string, options: { bold?: boolean; italics?: boolean; font?: string } = {}): TextRun[] {
  return text === '' ? [] : [new TextRun({ text, ...options })];
}

/**
 * The runs of an inline token's children. Footnote marks become references where `context` numbers
 * the footnote, and never inside a footnote (`inFootnote`), which Word does not allow: there, and
 * for a footnote Word does not have, the mark stays as written.
 */
export function inlineRuns(
  children: readonly Token[],
  context: InlineContext,
  options: { inFootnote?: boolean; bold?: boolean } = {},
): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  const format: Format = { bold: options.bold ? 1 : 0, italics: 0, strike: 0 };
  let link = null as { href: string; runs: ParagraphChild[] } | null;
  let last = '';
  const push = (run: ParagraphChild) => (link ? link.runs.push(run) : out.push(run));
  const text = (content: string, extra: { font?: string } = {}) => {
    if (content === '') return;
    last = content;
    push(
      new TextRun({
        text: content,
        bold: format.bold > 0 || undefined,
        italics: format.italics > 0 || undefined,
        strike: format.strike > 0 || undefined,
        style: link ? 'Hyperlink' : undefined,
        ...extra,
      }),
    );
  };
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    switch (child.type) {
      case 'text':
        text(child.content);
        break;
      case 'footnote_ref': {
        const note = (child.meta as { id: number }).id;
        const id = options.inFootnote ? undefined : context.footnoteIds.get(note);
        if (id === undefined) text(context.footnoteMarks.get(note) ?? '');
        else push(new FootnoteReferenceRun(id));
        break;
      }
      case 'code_inline':
        text(child.content, { font: FONTS.code });
        break;
      case 'softbreak': {
        // A line break of the source is a space, except between Japanese characters.
        const next = children[i + 1]?.content?.[0];
        if (!(isCjk(last.slice(-1)) && isCjk(next))) text(' ');
        break;
      }
      case 'hardbreak':
        push(new TextRun({ break: 1 }));
        break;
      case 'strong_open':
        format.bold++;
        break;
      case 'strong_close':
        format.bold--;
        break;
      case 'em_open':
        format.italics++;
        break;
      case 'em_close':
        format.italics--;
        break;
      case 's_open':
        format.strike++;
        break;
      case 's_close':
        format.strike--;
        break;
      case 'link_open': {
        const href = String(child.attrGet('href') ?? '');
        // markdown-it does not nest links; a refused address keeps its words as plain text.
        if (isLinkable(href)) link = { href, runs: [] };
        break;
      }
      case 'link_close':
        if (link) {
          const { href, runs } = link;
          link = null;
          out.push(new ExternalHyperlink({ link: href, children: runs }));
        }
        break;
      case 'image':
        // The picture is not carried over; its description is.
        text(child.content);
        break;
      case 'html_inline':
        if (!/^<!--[^]*-->$/.test(child.content)) text(child.content);
        break;
      default:
        if (child.content) text(child.content);
    }
  }
  if (link) out.push(new ExternalHyperlink({ link: link.href, children: link.runs }));
  return out;
}

/** A web or mail address safe to follow: only those become hyperlinks. */
export function isLinkable(href: string): boolean {
  return /^(https?:\/\/|mailto:)/i.test(href) && isSafeLink(href);
}
