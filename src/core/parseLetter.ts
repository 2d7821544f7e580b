import type { Token } from 'markdown-it';
import { parseDate } from './dates';
import { lastTextLine, readReportEntry, readSignatoryEntry, splitParts, trimPart } from './entries';
import { collapse } from './text/spaces';
import { readFrontMatter } from './frontMatter';
import { InlineText } from './text/inlineText';
import { DIRECTIVE, DirectiveReader } from './directives';
import { createLetterMarkdown, normalizeSource } from './markdown';
import type {
  Addressee, CitedReport, Field, FieldSource, FrontMatter, Letter, LetterDate, Paper,
  Range, Section, Signatory, SignedBy, Span,
} from './model';
import { buildVocabulary, defaultVocabulary, MENTION_EN, MENTION_JA, type Vocabulary, type VocabularyExtras } from './vocabulary';

export interface ParseOptions {
  /** Section names and field labels a writer's configuration adds. */
  vocabulary?: VocabularyExtras;
}

let markdown: ReturnType<typeof createLetterMarkdown> | undefined;

/**
 * Reads a letter from its markdown text. Never throws: a broken letter parses as far as it can.
 * @example parseLetter('# Open letter\n\nTo: Minister, Ministry of Justice').addressees[0].name === 'Minister'
 */
export function parseLetter(text: string, options: ParseOptions = {}): Letter {
  return readLetter(text, options).letter;
}

/** What the engine's own parts of a letter came from, by the index of their first token: for the renderer. */
export type LetterPart =
  | { kind: 'title' }
  | { kind: 'fields'; fields: Field[] }
  | { kind: 'label'; section: 'reports' | 'signatories' }
  | { kind: 'directive' }
  | { kind: 'addressees'; addressees: Addressee[] }
  | { kind: 'reports'; entries: CitedReport[]; first: boolean }
  | { kind: 'signatories'; entries: Signatory[]; first: boolean };

/** A letter with the markdown-it tokens it was read from: parsed once, rendered without parsing again. */
export interface ReadLetter {
  letter: Letter;
  tokens: Token[];
  parts: Map<number, LetterPart>;
}

export function readLetter(text: string, options: ParseOptions = {}): ReadLetter {
  // The same normalisation markdown-it applies, so its line numbers are ours.
  const source = normalizeSource(text);
  markdown ??= createLetterMarkdown();
  const tokens = markdown.parse(source, {});
  const vocabulary = options.vocabulary ? buildVocabulary(options.vocabulary) : defaultVocabulary;
  const reader = new LetterReader(source.split('\n'), tokens, vocabulary);
  return { letter: reader.read(), tokens, parts: reader.parts };
}

type ListOwner =
  | { kind: 'addressees' }
  | { kind: 'reports' | 'signatories'; section: Section };

const LABEL_HINT = /[:：]/;
const UNCLOSED_KEY = /^[\w-]+\s*:/;

class LetterReader {
  private frontMatter: FrontMatter | null = null;
  private fmTitle: Span | null = null;
  private headingTitle: Span | null = null;
  private fmAddressees: Addressee[] = [];
  private bodyAddressees: Addressee[] = [];
  private dates: { frontmatter?: LetterDate; body?: LetterDate } = {};
  private replyBys: { frontmatter?: LetterDate; body?: LetterDate } = {};
  private subject: (Span & { source: FieldSource }) | null = null;
  private cc: Span[] = [];
  private lang = 'en';
  private paper: Paper | null = null;
  private signedBy: SignedBy = 'people';
  private sections: Section[] = [];
  private openSections: Section[] = [];
  private reports: CitedReport[] = [];
  private signatories: Signatory[] = [];
  private fields: Field[] = [];
  private mentions: Range[] = [];

  readonly parts = new Map<number, LetterPart>();
  private listPart: Extract<LetterPart, { entries: unknown[] }> | Extract<LetterPart, { kind: 'addressees' }> | null = null;
  private listDepth = 0;
  private quoteDepth = 0;
  private listOwner: ListOwner | null = null;
  private readonly directives: DirectiveReader;
  /** A `To:` or `Signatories:` paragraph claims the list at this token index. */
  private claim: { at: number; owner: ListOwner | { kind: 'reports' | 'signatories'; heading: string; headingRange: Range } } | null = null;

  constructor(
    private readonly lines: readonly string[],
    private readonly tokens: Token[],
    private readonly vocabulary: Vocabulary,
  ) {
    this.directives = new DirectiveReader(tokens, (first, end) => this.linesRange(first, end));
  }

  read(): Letter {
    this.checkUnclosedFrontMatter();
    const tokens = this.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      switch (token.type) {
        case 'front_matter':
          this.readFrontMatter(token);
          break;
        case 'heading_open':
          this.readHeading(i);
          break;
        case 'blockquote_open':
          this.quoteDepth++;
          break;
        case 'blockquote_close':
          this.quoteDepth--;
          break;
        case 'paragraph_open':
          if (this.listDepth === 0 && this.quoteDepth === 0) this.readParagraph(i);
          else if (!this.listOwner) this.readMentions(tokens[i + 1]);
          break;
        case 'bullet_list_open':
        case 'ordered_list_open':
          if (this.listDepth === 0) this.openList(i, token);
          this.listDepth++;
          break;
        case 'bullet_list_close':
        case 'ordered_list_close':
          this.listDepth--;
          if (this.listDepth === 0) {
            this.listOwner = null;
            this.listPart = null;
          }
          break;
        case 'list_item_open':
          if (this.listDepth === 1 && this.listOwner) this.readItem(i, this.listOwner);
          break;
        case 'html_block':
          if (this.directives.read(i)) this.parts.set(i, { kind: 'directive' });
          break;
      }
    }
    this.closeSections(0, this.lines.length);

    const fm = this.frontMatter;
    return {
      lineCount: this.lines.length,
      lines: this.lines,
      frontMatter: fm,
      title: this.fmTitle ? { ...this.fmTitle, source: 'frontmatter' } : this.headingTitle ? { ...this.headingTitle, source: 'body' } : null,
      addressees: this.fmAddressees.length > 0 ? this.fmAddressees : this.bodyAddressees,
      date: this.dates.frontmatter ?? this.dates.body ?? null,
      replyBy: this.replyBys.frontmatter ?? this.replyBys.body ?? null,
      subject: this.subject,
      cc: this.cc,
      lang: this.lang,
      paper: this.paper,
      signedBy: this.signedBy,
      sections: this.sections,
      reports: this.reports,
      signatories: this.signatories,
      fields: this.fields,
      reportsMentions: this.mentions,
      directives: this.directives.found,
    };
  }

  // --- ranges -------------------------------------------------------------------------------

  /** Lines `[first, end)` as a range, trailing blank lines left out. */
  private linesRange(first: number, end: number): Range {
    const last = lastTextLine(this.lines, first, end);
    return { start: { line: first, character: 0 }, end: { line: last, character: (this.lines[last] ?? '').length } };
  }


  // --- front matter -------------------------------------------------------------------------

  private checkUnclosedFrontMatter(): void {
    if (this.tokens[0]?.type === 'front_matter' || !/^---[ \t]*$/.test(this.lines[0] ?? '')) return;
    let next = 1;
    while (next < this.lines.length && this.lines[next].trim() === '') next++;
    if (!UNCLOSED_KEY.test(this.lines[next] ?? '')) return;
    const range = this.linesRange(0, 1);
    this.frontMatter = {
      range,
      keys: [],
      errors: [{ text: 'Front matter is not closed: add a line `---` after its last key', range }],
      invalid: [],
      closed: false,
    };
  }

  private readFrontMatter(token: Token): void {
    const [first, end] = token.map!;
    const fm = readFrontMatter(token.content, first + 1, this.linesRange(first, end));
    this.frontMatter = fm;
    for (const { key, value, valueRange, valid } of fm.keys) {
      if (!valid) continue;
      const text = collapse(String(value));
      switch (key) {
        case 'title':
          this.fmTitle = { text, range: valueRange };
          break;
        case 'date':
          this.dates.frontmatter = { raw: text, iso: parseDate(text), range: valueRange, source: 'frontmatter' };
          break;
        case 'reply-by':
          this.replyBys.frontmatter = { raw: text, iso: parseDate(text), range: valueRange, source: 'frontmatter' };
          break;
        case 'lang':
          this.lang = text;
          break;
        case 'paper':
          this.paper = text.toLowerCase() as Paper;
          break;
        case 'signed-by':
          this.signedBy = text.toLowerCase() === 'people' ? 'people' : 'organizations';
          break;
        case 'to':
          for (const one of Array.isArray(value) ? value : [value]) {
            const parts = String(one).split('\n').flatMap((line) => line.split(/[,，、]/)).map(collapse).filter(Boolean);
            if (parts.length === 0) continue;
            this.fmAddressees.push({
              name: parts[0],
              nameRange: valueRange,
              titles: parts.slice(1).map((t) => ({ text: t, range: valueRange })),
              range: valueRange,
              source: 'frontmatter',
              listItem: false,
            });
          }
          break;
      }
    }
  }

  // --- headings and sections ----------------------------------------------------------------

  private readHeading(index: number): void {
    const open = this.tokens[index];
    const inline = this.tokens[index + 1];
    const level = Number(open.tag.slice(1));
    const [first, end] = open.map!;
    const text = collapse(new InlineText(inline, this.lines).plain);
    const headingRange = this.linesRange(first, end);
    this.closeSections(level, first);
    if (level === 1) {
      if (!this.headingTitle) {
        this.headingTitle = { text, range: headingRange };
        this.parts.set(index, { kind: 'title' });
      }
      return;
    }
    const section: Section = {
      kind: this.vocabulary.sectionOf(text) ?? 'other',
      heading: text,
      level,
      headingRange,
      range: headingRange,
      entryCount: 0,
    };
    this.sections.push(section);
    this.openSections.push(section);
  }

  /** Ends the open sections of `level` or deeper at the line before `line`. */
  private closeSections(level: number, line: number): void {
    while (this.openSections.length > 0 && this.openSections[this.openSections.length - 1].level >= level) {
      const section = this.openSections.pop()!;
      section.range = { start: section.range.start, end: this.linesRange(section.range.start.line, line).end };
    }
  }

  private openList(index: number, list: Token): void {
    const owner = this.ownerOfList(index, list);
    this.listOwner = owner;
    if (!owner) return;
    if (owner.kind === 'addressees') {
      this.listPart = { kind: 'addressees', addressees: [] };
    } else {
      const first = owner.section.entryCount === 0;
      this.listPart = owner.kind === 'reports' ? { kind: 'reports', entries: [], first } : { kind: 'signatories', entries: [], first };
    }
    this.parts.set(index, this.listPart);
  }

  private ownerOfList(index: number, list: Token): ListOwner | null {
    const claim = this.claim;
    this.claim = null;
    if (claim && claim.at === index) {
      if ('section' in claim.owner || claim.owner.kind === 'addressees') return claim.owner as ListOwner;
      const [, end] = list.map!;
      const section: Section = {
        kind: claim.owner.kind,
        heading: claim.owner.heading,
        level: 0,
        headingRange: claim.owner.headingRange,
        range: { start: claim.owner.headingRange.start, end: this.linesRange(claim.owner.headingRange.start.line, end).end },
        entryCount: 0,
      };
      this.sections.push(section);
      return { kind: section.kind as 'reports' | 'signatories', section };
    }
    for (let s = this.openSections.length - 1; s >= 0; s--) {
      const section = this.openSections[s];
      if (section.kind !== 'other') return { kind: section.kind, section };
    }
    return null;
  }

  // --- paragraphs: fields, section labels, mentions -----------------------------------------

  private readParagraph(index: number): void {
    const inline = this.tokens[index + 1];
    const firstLine = inline.content.slice(0, 80).split('\n', 1)[0];
    if (!LABEL_HINT.test(firstLine)) {
      this.readMentions(inline);
      return;
    }
    const text = new InlineText(inline, this.lines);
    const plain = text.plain;
    // A label's list may follow a disable comment (`Signatories:`, a comment, then the list).
    let listAt = index + 3;
    while (this.tokens[listAt]?.type === 'html_block' && DIRECTIVE.test(this.tokens[listAt].content)) listAt++;
    const followedByList = /^(?:bullet|ordered)_list_open$/.test(this.tokens[listAt]?.type ?? '');

    const labels = this.labelLines(plain);
    if (labels.length > 0) {
      const part: LetterPart = { kind: 'fields', fields: [] };
      this.parts.set(index, part);
      const before = this.fields.length;
      // Consecutive `Date:` / `Reply by:` lines are one paragraph but separate fields.
      labels.forEach((label, k) => {
        const end = k + 1 < labels.length ? labels[k + 1].start : plain.length;
        this.readField(text, label, end, k === labels.length - 1 && followedByList ? listAt : -1);
      });
      part.fields = this.fields.slice(before);
      return;
    }
    if (followedByList && plain.length < 60 && /[:：]\s*$/.test(plain)) {
      const kind = this.vocabulary.sectionOf(plain);
      if (kind) {
        const whole = trimPart(plain, 0, plain.length);
        this.claim = { at: listAt, owner: { kind, heading: collapse(plain).replace(/[:：]$/, ''), headingRange: text.range(whole.start, whole.end) } };
        this.parts.set(index, { kind: 'label', section: kind });
        return;
      }
    }
    this.readMentions(inline, text);
  }

  /** The lines of a paragraph that begin with a field label: the first line must, later ones may. */
  private labelLines(plain: string): { start: number; label: string; valueStart: number }[] {
    const found = [];
    for (const line of this.lineParts(plain, 0, plain.length)) {
      const m = this.vocabulary.labelPattern.exec(plain.slice(line.start, line.end));
      if (m) found.push({ start: line.start, label: m[1], valueStart: line.start + m[0].length });
      else if (found.length === 0) break;
    }
    return found;
  }

  private readField(text: InlineText, at: { start: number; label: string; valueStart: number }, end: number, listAt: number): void {
    const plain = text.plain;
    const labelStart = plain.indexOf(at.label, at.start);
    const labelRange = text.range(labelStart, labelStart + at.label.length);
    const kind = this.vocabulary.fieldOf(at.label)!;
    const value = trimPart(plain, at.valueStart, end);
    const whole = trimPart(plain, at.start, end);
    const valueText = collapse(plain.slice(value.start, value.end));
    const valueRange = value.end > value.start ? text.range(value.start, value.end) : null;
    this.fields.push({
      kind,
      label: collapse(at.label),
      labelRange,
      value: valueText,
      valueRange,
      range: text.range(whole.start, whole.end),
      source: 'body',
    });
    switch (kind) {
      case 'addressee':
        if (valueRange) this.bodyAddressees.push(this.addressee(text, value.start, value.end, false));
        else if (listAt >= 0) this.claim = { at: listAt, owner: { kind: 'addressees' } };
        break;
      case 'date':
        this.dates.body ??= { raw: valueText, iso: parseDate(valueText), range: valueRange ?? labelRange, source: 'body' };
        break;
      case 'replyBy':
        this.replyBys.body ??= { raw: valueText, iso: parseDate(valueText), range: valueRange ?? labelRange, source: 'body' };
        break;
      case 'subject':
        if (valueRange) this.subject ??= { text: valueText, range: valueRange, source: 'body' };
        break;
      case 'cc':
        for (const line of this.lineParts(plain, value.start, value.end)) {
          for (const part of splitParts(plain, line.start, line.end)) {
            if (part.end > part.start) this.cc.push({ text: collapse(plain.slice(part.start, part.end)), range: text.range(part.start, part.end) });
          }
        }
        break;
    }
  }

  /** The lines of `[start, end)` as parts. */
  private lineParts(plain: string, start: number, end: number): { start: number; end: number }[] {
    const parts = [];
    let from = start;
    for (let nl = plain.indexOf('\n', from); nl >= 0 && nl < end; nl = plain.indexOf('\n', from)) {
      parts.push({ start: from, end: nl });
      from = nl + 1;
    }
    parts.push({ start: from, end });
    return parts;
  }

  /** `Name, Title, Title` with more titles on further lines. */
  private addressee(text: InlineText, start: number, end: number, listItem: boolean): Addressee {
    const plain = text.plain;
    const parts = this.lineParts(plain, start, end)
      .flatMap((line) => splitParts(plain, line.start, line.end))
      .filter((p) => p.end > p.start);
    const name = parts[0] ?? { start, end: start };
    const whole = trimPart(plain, start, end);
    return {
      name: collapse(plain.slice(name.start, name.end)),
      nameRange: text.range(name.start, name.end),
      titles: parts.slice(1).map((p) => ({ text: collapse(plain.slice(p.start, p.end)), range: text.range(p.start, p.end) })),
      range: text.range(whole.start, whole.end),
      source: 'body',
      listItem,
    };
  }

  private readMentions(inline: Token, known?: InlineText): void {
    if (!MENTION_EN.test(inline.content) && !MENTION_JA.test(inline.content)) return;
    const text = known ?? new InlineText(inline, this.lines);
    const m = MENTION_EN.exec(text.plain) ?? MENTION_JA.exec(text.plain);
    if (m) this.mentions.push(text.range(m.index, m.index + m[0].length));
  }

  // --- list items: cited reports, signatories, addressees -----------------------------------

  private readItem(index: number, owner: ListOwner): void {
    const item = this.tokens[index];
    const hasText = this.tokens[index + 1]?.type === 'paragraph_open';
    if (owner.kind === 'addressees') {
      if (!hasText) return;
      const text = new InlineText(this.tokens[index + 2], this.lines);
      const whole = trimPart(text.plain, 0, text.plain.length);
      if (whole.end > whole.start) {
        const addressee = this.addressee(text, whole.start, whole.end, true);
        this.bodyAddressees.push(addressee);
        if (this.listPart?.kind === 'addressees') this.listPart.addressees.push(addressee);
      }
      return;
    }
    const text = hasText ? this.tokens[index + 2] : null;
    owner.section.entryCount++;
    if (owner.kind === 'reports') {
      const report = readReportEntry(this.reports.length + 1, item, text, this.lines);
      this.reports.push(report);
      if (this.listPart?.kind === 'reports') this.listPart.entries.push(report);
    } else {
      const signatory = readSignatoryEntry(this.signatories.length + 1, item, text, this.lines, this.signedBy === 'organizations');
      this.signatories.push(signatory);
      if (this.listPart?.kind === 'signatories') this.listPart.entries.push(signatory);
    }
  }
}

