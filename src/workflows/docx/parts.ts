// The letter's own parts as Word paragraphs, as the preview shows them (src/core/renderParts.ts):
// the addressee block line by line, the date and reply-by lines, the subject, the cited reports as
// one numbered list across the letter, the signatories one per line with their count.
import type { Token } from 'markdown-it';
import { ExternalHyperlink, Paragraph, TextRun, type FileChild, type ParagraphChild } from 'docx';
import type { Addressee, CitedReport, Field, Letter, LetterDate, Signatory } from '../../core/model';
import type { LetterPart } from '../../core/parseLetter';
import { dateText, type Strings } from '../../core/letterStrings';
import { closing } from '../../core/lineBlocks';
import { inlineRuns, isLinkable, textRuns, type InlineContext } from './inline';
import { LETTER_STYLES, NUMBERING } from './styles';
import { addresseeLines, type AddresseeBlock } from './api';

/** Where a letter's paragraphs are made: what the parts need beyond the inline runs. */
export interface BuildContext extends InlineContext {
  letter: Letter;
  strings: Strings;
  ja: boolean;
  /** The count line under the first signatories (`6 signatories from 6 organizations`). */
  signatoryCount: string;
  /** This copy's only addressee, shown where the letter's first addressee block stands. */
  addressee?: AddresseeBlock;
  addresseeShown: boolean;
  /** The block tokens `[from, to)` as paragraphs, indented `depth` list levels (for what an entry holds beyond its text). */
  blocks(tokens: Token[], from: number, to: number, depth: number): FileChild[];
}

export function partBlocks(part: LetterPart, tokens: Token[], ctx: BuildContext): FileChild[] {
  switch (part.kind) {
    case 'fields':
      return part.fields.flatMap((field) => fieldBlocks(field, ctx));
    case 'addressees':
    case 'addresseeLines':
      return addresseeBlocks(part.addressees, ctx);
    case 'reports':
      return listItems(tokens, part.entries, ctx, (report) => reportParagraph(report, ctx), true);
    case 'signatories':
      return [
        ...(part.first ? [countParagraph(ctx)] : []),
        ...listItems(tokens, part.entries, ctx, (s) => signatoryParagraph(s, ctx), false),
      ];
    case 'signatureLines':
      return signatureLines(part, tokens, ctx);
    case 'dateLine':
      return [dateParagraph(part.date, ctx)];
    case 'salutation': {
      const inline = tokens.find((t) => t.type === 'inline');
      return [new Paragraph({ children: inlineRuns(inline?.children ?? [], ctx) })];
    }
    case 'label': {
      const inline = tokens.find((t) => t.type === 'inline');
      const text = (inline?.content ?? '').replace(/\s*[:：]\s*$/, '');
      return [new Paragraph({ style: 'Heading2', children: textRuns(text) })];
    }
    default:
      return [];
  }
}

/** Addressees as blocks; with an addressee given for this copy, that one instead, once. */
export function addresseeBlocks(addressees: readonly Addressee[], ctx: BuildContext): FileChild[] {
  if (ctx.addressee) {
    if (ctx.addresseeShown || addressees.length === 0) return [];
    ctx.addresseeShown = true;
    return linesParagraphs(ctx.addressee.lines);
  }
  ctx.addresseeShown ||= addressees.length > 0;
  return addressees.flatMap((a) => linesParagraphs(addresseeLines(a)));
}

/**
 * Lines kept as lines (an addressee's block): a paragraph each, so that every reader (and a copy as
 * text) sees the line ends, held together on one page; space after the last only.
 */
export function linesParagraphs(lines: readonly string[], style: string = LETTER_STYLES.addressee): Paragraph[] {
  return lines.map(
    (line, k) =>
      new Paragraph({
        style,
        children: textRuns(line),
        keepNext: k < lines.length - 1 || undefined,
        spacing: { after: k < lines.length - 1 ? 0 : 200 },
      }),
  );
}

function fieldBlocks(field: Field, ctx: BuildContext): FileChild[] {
  const { letter, strings } = ctx;
  switch (field.kind) {
    case 'addressee': {
      const addressees = letter.addressees.filter(
        (a) =>
          !a.listItem &&
          a.source === 'body' &&
          a.range.start.line >= field.range.start.line &&
          a.range.end.line <= field.range.end.line,
      );
      // The front matter's `to` wins over this paragraph; it still shows, as written.
      if (addressees.length === 0)
        return field.value && !ctx.addressee ? [new Paragraph({ children: textRuns(field.value) })] : [];
      return addresseeBlocks(addressees, ctx);
    }
    case 'date':
    case 'replyBy': {
      const known = field.kind === 'date' ? letter.date : letter.replyBy;
      const same =
        known &&
        known.source === 'body' &&
        field.valueRange &&
        known.range.start.line === field.valueRange.start.line &&
        known.range.start.character === field.valueRange.start.character;
      const date = same ? known : { raw: field.value, iso: null };
      return [field.kind === 'date' ? dateParagraph(date, ctx) : replyByParagraph(date, ctx)];
    }
    case 'subject':
      return [labelled(strings.subject, field.value, ctx)];
    case 'cc':
      return [labelled(strings.cc, field.value, ctx)];
  }
}

function labelled(label: string, value: string, ctx: BuildContext): Paragraph {
  return new Paragraph({
    style: LETTER_STYLES.field,
    children: [new TextRun({ text: label, bold: true }), ...textRuns(ctx.strings.space + value)],
  });
}

export function dateParagraph(date: Pick<LetterDate, 'raw' | 'iso'>, ctx: BuildContext): Paragraph {
  return new Paragraph({ style: LETTER_STYLES.date, children: textRuns(dateText(date, ctx.letter.lang)) });
}

export function replyByParagraph(date: Pick<LetterDate, 'raw' | 'iso'>, ctx: BuildContext): Paragraph {
  return new Paragraph({
    style: LETTER_STYLES.date,
    children: [
      new TextRun({ text: ctx.strings.replyBy, bold: true }),
      ...textRuns(ctx.strings.space + dateText(date, ctx.letter.lang)),
    ],
  });
}

function countParagraph(ctx: BuildContext): Paragraph {
  return new Paragraph({ style: LETTER_STYLES.count, children: textRuns(ctx.signatoryCount) });
}

/**
 * The items of a cited reports or signatories list, each drawn from its entry (or as written when
 * it has none), followed by what the item holds beyond its text, indented.
 */
function listItems<T extends CitedReport | Signatory>(
  tokens: Token[],
  entries: readonly T[],
  ctx: BuildContext,
  draw: (entry: T) => Paragraph,
  reports: boolean,
): FileChild[] {
  const out: FileChild[] = [];
  const list = tokens[0];
  let k = 0;
  for (let i = 1; i < tokens.length - 1; i++) {
    if (tokens[i].type !== 'list_item_open' || tokens[i].level !== list.level + 1) continue;
    const end = closing(tokens, i);
    const [first, last] = tokens[i].map ?? [-1, -1];
    const entry = entries[k] && entries[k].line >= first && entries[k].line < last ? entries[k++] : undefined;
    const from = tokens[i + 1]?.type === 'paragraph_open' ? i + 4 : i + 1;
    if (entry) out.push(draw(entry));
    else if (from === i + 4) {
      const children = inlineRuns(tokens[i + 2].children ?? [], ctx);
      out.push(
        reports
          ? new Paragraph({ numbering: { reference: NUMBERING.reports, level: 0, instance: 1 }, children })
          : new Paragraph({ style: LETTER_STYLES.signatory, children }),
      );
    }
    if (from < end) out.push(...ctx.blocks(tokens, from, end, 1));
    i = end;
  }
  return out;
}

/** A cited report as the preview writes it: its title in italics (『』 in Japanese), publisher, year, note, addresses. */
export function reportParagraph(r: CitedReport, ctx: BuildContext): Paragraph {
  const numbering = { reference: NUMBERING.reports, level: 0, instance: 1 };
  if (!r.title) return new Paragraph({ numbering, children: textRuns(r.text) });
  const comma = ctx.ja ? '、' : ', ';
  const children: ParagraphChild[] = ctx.ja
    ? textRuns(`『${r.title}』`)
    : [new TextRun({ text: r.title, italics: true })];
  const rest = [r.publisher, r.yearText, r.note].filter((p): p is string => !!p);
  let tail = rest.map((p) => comma + p).join('');
  if (!/[.。!?！？]$/.test(r.note ?? r.yearText ?? r.publisher ?? r.title)) tail += ctx.ja ? '。' : '.';
  children.push(...textRuns(tail), ...reportLinks(r));
  return new Paragraph({ numbering, children });
}

/** Every address the writer gave stays visible; only web and mail addresses become links. */
function reportLinks(r: CitedReport): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const link of r.links) {
    const words = link.text && link.text !== link.href && link.text !== r.title ? link.text : '';
    out.push(new TextRun(' '));
    if (isLinkable(link.href))
      out.push(
        new ExternalHyperlink({
          link: link.href,
          children: [new TextRun({ text: words || link.href, style: 'Hyperlink' })],
        }),
      );
    else out.push(new TextRun(words ? `${words} (${link.href})` : link.href));
  }
  return out;
}

/** A signatory on one line: the name in bold, then role and organization (or the organization and its place). */
export function signatoryParagraph(s: Signatory, ctx: BuildContext): Paragraph {
  const sep = ctx.ja ? '、' : ', ';
  let children: ParagraphChild[];
  if (ctx.letter.signedBy === 'organizations') {
    children = s.organization
      ? [new TextRun({ text: s.organization, bold: true }), ...textRuns(s.place ? sep + s.place : '')]
      : textRuns(s.text);
  } else if (!s.name) {
    children = textRuns(s.text);
  } else {
    const rest = [s.role, s.organization].filter((p): p is string => !!p);
    children = [new TextRun({ text: s.name, bold: true }), ...textRuns(rest.map((p) => sep + p).join(''))];
  }
  return new Paragraph({ style: LETTER_STYLES.signatory, children });
}

function signatureLines(
  part: Extract<LetterPart, { kind: 'signatureLines' }>,
  tokens: Token[],
  ctx: BuildContext,
): FileChild[] {
  const { close, entries, notes, first } = part;
  const out: FileChild[] = [];
  if (close) out.push(new Paragraph({ style: LETTER_STYLES.close, children: textRuns(close) }));
  if (entries.length === 0) {
    // A close followed by lines that are not signatures: those lines as written, one per line.
    const inline = tokens.find((t) => t.type === 'inline');
    const rest = inline ? inline.content.split('\n').slice(close ? 1 : 0) : [];
    if (rest.length > 0)
      out.push(
        ...linesParagraphs(
          rest.map((r) => r.trim()),
          'Normal',
        ),
      );
    return out;
  }
  const noted = (k: number) => notes.filter((n) => n.after === k).map((n) => n.text);
  const lead = noted(-1);
  if (lead.length > 0) out.push(...linesParagraphs(lead, LETTER_STYLES.signatory));
  if (first) out.push(countParagraph(ctx));
  entries.forEach((entry, k) => {
    out.push(signatoryParagraph(entry, ctx));
    // A web or e-mail address under a signature stays under it, indented.
    if (notes.length > 0)
      for (const line of noted(k))
        out.push(new Paragraph({ style: LETTER_STYLES.signatory, indent: { left: 360 }, children: textRuns(line) }));
  });
  return out;
}
