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
import {
  honorificOf, isAddressLine, isBodyOpening, isClose, lineTokens, looksLikeSignature, salutationNames, titlePrefixLength,
} from './letterShapes';
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
  | { kind: 'signatories'; entries: Signatory[]; first: boolean }
  /** A paragraph of signature lines, perhaps opened by the complimentary close on its first line. */
  | { kind: 'signatureLines'; close: string | null; entries: Signatory[]; notes: SignatureNote[]; first: boolean }
  /** A line that is only the letter's date. */
  | { kind: 'dateLine'; date: LetterDate }
  /** The salutation that names the only addressee: `start`, `end` are offsets in its first text. */
  | { kind: 'salutation'; addressee: Addressee; start: number; end: number }
  /** A block or line naming an addressee without a label: after a bare `To`, or a `〇〇御中` line. */
  | { kind: 'addresseeLines'; addressees: Addressee[]; labelled: boolean };

/** A line of a signature block that adds to the signatory before it (a web or e-mail address). */
export interface SignatureNote {
  /** The index in `entries` of the signatory it follows, or -1 before the first. */
  after: number;
  text: string;
}

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
  | { kind: 'reports' | 'signatories'; section: Section; group?: string };

const LABEL_HINT = /[:：]/;

/** The parts of a copy line separated by `;` or a spaced `/`, or null when it has neither. */
function ccParts(plain: string, start: number, end: number): { start: number; end: number }[] | null {
  const line = plain.slice(start, end);
  const separator = /[;；]|\s\/\s/g;
  if (!separator.test(line)) return null;
  separator.lastIndex = 0;
  const parts = [];
  let from = 0;
  for (let m = separator.exec(line); m; m = separator.exec(line)) {
    parts.push(trimPart(plain, start + from, start + m.index));
    from = m.index + m[0].length;
  }
  parts.push(trimPart(plain, start + from, end));
  return parts;
}
const UNCLOSED_KEY = /^[\w-]+\s*:/;

class LetterReader {
  private frontMatter: FrontMatter | null = null;
  private fmTitle: Span | null = null;
  private headingTitle: Span | null = null;
  private fmAddressees: Addressee[] = [];
  private bodyAddressees: Addressee[] = [];
  private dates: { frontmatter?: LetterDate; body?: LetterDate; line?: LetterDate } = {};
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
  /** Set once the salutation or the first long paragraph is read: the letter's head is over. */
  private bodyStarted = false;
  /** After a complimentary close: the lines that follow sign the letter, under this section. */
  private signing: { heading: string; headingRange: Range; section: Section | null } | null = null;
  /** The letter has a signatories heading or label: a close then starts no signatures of its own. */
  private signatoryHeading = false;
  /** After a bare `To` (no list): each following block names one addressee, until the body. */
  private toBlocks = false;
  private salutation: { index: number; part: Extract<LetterPart, { kind: 'salutation' }> } | null = null;

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
    this.signatoryHeading = this.hasSignatoryHeading();
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      switch (token.type) {
        case 'front_matter':
          this.readFrontMatter(token);
          break;
        case 'heading_open':
          this.endHead();
          this.readHeading(i);
          break;
        case 'blockquote_open':
          if (this.quoteDepth === 0 && this.listDepth === 0) this.endHead();
          this.quoteDepth++;
          break;
        case 'hr':
        case 'fence':
        case 'code_block':
          if (this.quoteDepth === 0 && this.listDepth === 0) this.endHead();
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
    // A salutation names the addressee only for a letter that names none otherwise.
    const salutation = this.salutation ? [this.salutation.part.addressee] : [];
    if (this.salutation && this.fmAddressees.length === 0 && this.bodyAddressees.length === 0) {
      this.parts.set(this.salutation.index, this.salutation.part);
    }
    return {
      lineCount: this.lines.length,
      lines: this.lines,
      frontMatter: fm,
      title: this.fmTitle ? { ...this.fmTitle, source: 'frontmatter' } : this.headingTitle ? { ...this.headingTitle, source: 'body' } : null,
      addressees: this.fmAddressees.length > 0 ? this.fmAddressees : this.bodyAddressees.length > 0 ? this.bodyAddressees : salutation,
      date: this.dates.frontmatter ?? this.dates.body ?? this.dates.line ?? null,
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
    if (level > 1 && !this.bodyStarted && this.readHonorificLines(index, new InlineText(inline, this.lines))) return;
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
    if (this.signing) return { kind: 'signatories', section: this.closeSection() };
    this.toBlocks = false;
    for (let s = this.openSections.length - 1; s >= 0; s--) {
      const section = this.openSections[s];
      if (section.kind === 'other') continue;
      // `### Japan` under `## Signatories`: the signatories keep the subheading they stand under.
      const inner = this.openSections[this.openSections.length - 1];
      return inner !== section ? { kind: section.kind, section, group: inner.heading } : { kind: section.kind, section };
    }
    return null;
  }

  // --- paragraphs: fields, section labels, mentions -----------------------------------------

  private readParagraph(index: number): void {
    const inline = this.tokens[index + 1];
    const firstLine = inline.content.slice(0, 80).split('\n', 1)[0];
    if (this.readUnlabelled(index, inline, firstLine)) return;
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
        else this.toBlocks = true;
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
      case 'cc': {
        // One per line (`Name, Organization` is one person), or separated by `;` or `/`; a single
        // line with commas alone is a list of names.
        const lines = this.lineParts(plain, value.start, value.end).filter((l) => trimPart(plain, l.start, l.end).end > trimPart(plain, l.start, l.end).start);
        for (const line of lines) {
          const parts = ccParts(plain, line.start, line.end) ?? (lines.length > 1 ? [trimPart(plain, line.start, line.end)] : splitParts(plain, line.start, line.end));
          for (const part of parts) {
            if (part.end > part.start) this.cc.push({ text: collapse(plain.slice(part.start, part.end)), range: text.range(part.start, part.end) });
          }
        }
        break;
      }
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
    let name = parts[0] ?? { start, end: start };
    const whole = trimPart(plain, start, end);
    const titles = parts.slice(1);
    // `Prime Minister Fumio Kishida`: the title written before the name.
    const prefix = titles.length === 0 ? titlePrefixLength(plain.slice(name.start, name.end)) : 0;
    if (prefix > 0) {
      titles.push(trimPart(plain, name.start, name.start + prefix));
      name = trimPart(plain, name.start + prefix, name.end);
    }
    return {
      name: collapse(plain.slice(name.start, name.end)),
      nameRange: text.range(name.start, name.end),
      titles: titles.map((p) => ({ text: collapse(plain.slice(p.start, p.end)), range: text.range(p.start, p.end) })),
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

  // --- parts without a label: close and signatures, date lines, salutation, address blocks ----

  /** Whether a heading or label names a signatories section anywhere in the letter. */
  private hasSignatoryHeading(): boolean {
    const tokens = this.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      if (token.type === 'heading_open' && token.tag !== 'h1') {
        if (this.vocabulary.sectionOf(tokens[i + 1].content.replace(/[*_]/g, '')) === 'signatories') return true;
      } else if (token.type === 'paragraph_open' && /^(?:bullet|ordered)_list_open$/.test(tokens[i + 3]?.type ?? '')) {
        const content = tokens[i + 1].content;
        if (content.length < 60 && /[:：]\W*$/.test(content) && this.vocabulary.sectionOf(content.replace(/[*_]/g, '')) === 'signatories') return true;
      }
    }
    return false;
  }

  /** Something that is neither a signature nor an address block ends both. */
  private endHead(): void {
    this.signing = null;
    this.toBlocks = false;
  }

  /** Reads a top-level paragraph that carries no label; false when it is none of these parts. */
  private readUnlabelled(index: number, inline: Token, firstLine: string): boolean {
    if (this.signing) {
      if (this.readDateLine(index, inline)) return true;
      if (this.readSignatureLines(index, inline, null)) return true;
      this.signing = null;
    }
    if (this.toBlocks) {
      if (this.readDateLine(index, inline) || !this.readAddresseeBlock(index, inline, 0)) this.toBlocks = false;
      if (this.parts.has(index)) return true;
      this.toBlocks = false;
    }
    if (!this.signatoryHeading && isClose(firstLine)) {
      const text = new InlineText(inline, this.lines);
      const nl = text.plain.indexOf('\n');
      const close = trimPart(text.plain, 0, nl < 0 ? text.plain.length : nl);
      this.signing = { heading: collapse(text.plain.slice(close.start, close.end)), headingRange: text.range(close.start, close.end), section: null };
      this.bodyStarted = true;
      if (nl < 0) {
        this.parts.set(index, { kind: 'signatureLines', close: this.signing.heading, entries: [], notes: [], first: false });
        return true;
      }
      return this.readSignatureLines(index, inline, this.signing.heading);
    }
    if (/^\s*(?:\*\*|__)?(?:open\s+letter\s+to|letter\s+to|to)(?:\*\*|__)?\s*$/i.test(firstLine)) {
      // `To` on a line of its own, with no colon: the blocks after it are the addressees.
      this.toBlocks = true;
      const nl = inline.content.indexOf('\n');
      if (nl >= 0) return this.readAddresseeBlock(index, inline, 1);
      this.parts.set(index, { kind: 'addresseeLines', addressees: [], labelled: true });
      return true;
    }
    if (isBodyOpening(firstLine)) {
      this.bodyStarted = true;
      this.readSalutation(index, inline);
      return false;
    }
    if (!this.bodyStarted) {
      if (this.readDateLine(index, inline)) return true;
      if (inline.content.length <= 300 && !LABEL_HINT.test(firstLine) && this.readHonorificLines(index, new InlineText(inline, this.lines))) return true;
      if (inline.content.length > 200) this.bodyStarted = true;
    } else if (this.nextIsClose(index) && this.readDateLine(index, inline)) {
      return true;
    }
    return false;
  }

  /** Whether the block after the paragraph at `index` is a paragraph opening with a close. */
  private nextIsClose(index: number): boolean {
    const next = this.tokens[index + 3];
    return next?.type === 'paragraph_open' && isClose(this.tokens[index + 4].content.split('\n', 1)[0]);
  }

  /** A paragraph that is one line, and that line only a date: the letter's date, unless one is labelled. */
  private readDateLine(index: number, inline: Token): boolean {
    const content = inline.content;
    if (content.length > 40 || content.includes('\n') || this.dates.line) return false;
    const text = new InlineText(inline, this.lines);
    const raw = collapse(text.plain);
    const iso = raw ? parseDate(raw) : null;
    if (!iso) return false;
    const whole = trimPart(text.plain, 0, text.plain.length);
    const date: LetterDate = { raw, iso, range: text.range(whole.start, whole.end), source: 'line' };
    this.dates.line = date;
    this.parts.set(index, { kind: 'dateLine', date });
    return true;
  }

  /** The signatories section a close opens, made with its first signatory. */
  private closeSection(): Section {
    const signing = this.signing!;
    if (!signing.section) {
      signing.section = { kind: 'signatories', heading: signing.heading, level: 0, headingRange: signing.headingRange, range: signing.headingRange, entryCount: 0 };
      this.sections.push(signing.section);
    }
    return signing.section;
  }

  /**
   * Each line of a paragraph after a close (or after the close on its first line) is one signatory,
   * when every one of them reads as a signature.
   */
  private readSignatureLines(index: number, inline: Token, close: string | null): boolean {
    const all = lineTokens(inline);
    const lines = close === null ? all : all.slice(1);
    const texts = lines.map(({ text }) => InlineText.plainText(text) ?? new InlineText(text, this.lines).plain);
    if (!texts.every((t) => looksLikeSignature(t, this.vocabulary.labelPattern))) {
      if (close === null) return false;
      this.parts.set(index, { kind: 'signatureLines', close, entries: [], notes: [], first: false });
      return true;
    }
    const part: LetterPart = { kind: 'signatureLines', close, entries: [], notes: [], first: this.signatories.length === 0 };
    const section = this.closeSection();
    for (const [k, { item, text }] of lines.entries()) {
      if (isAddressLine(texts[k])) {
        part.notes.push({ after: part.entries.length - 1, text: collapse(texts[k]) });
        continue;
      }
      const signatory = readSignatoryEntry(this.signatories.length + 1, item, text, this.lines, this.signedBy === 'organizations');
      signatory.shape = 'line';
      section.entryCount++;
      this.signatories.push(signatory);
      part.entries.push(signatory);
    }
    if (part.entries.length > 0) section.range = { start: section.range.start, end: part.entries[part.entries.length - 1].range.end };
    this.parts.set(index, part);
    return true;
  }

  /** A block of short lines after a bare `To`: one addressee, its name first, then its titles. */
  private readAddresseeBlock(index: number, inline: Token, fromLine: number): boolean {
    const content = inline.content;
    const first = content.split('\n', 1)[0];
    if (content.length > 400 || isBodyOpening(first) || isClose(first)) return false;
    if (content.split('\n').some((line) => line.length > 120)) return false;
    const text = new InlineText(inline, this.lines);
    if (this.vocabulary.labelPattern.test(text.plain)) return false;
    let start = 0;
    for (let k = 0; k < fromLine; k++) start = text.plain.indexOf('\n', start) + 1;
    const whole = trimPart(text.plain, start, text.plain.length);
    if (whole.end <= whole.start) return false;
    const addressee = this.addressee(text, whole.start, whole.end, true);
    this.bodyAddressees.push(addressee);
    this.parts.set(index, { kind: 'addresseeLines', addressees: [addressee], labelled: true });
    return true;
  }

  /** `〇〇御中`, `法務大臣 山田太郎 殿`: a short block whose last line ends in an honorific names an addressee. */
  private readHonorificLines(index: number, text: InlineText): boolean {
    const plain = text.plain;
    const lastStart = plain.lastIndexOf('\n') + 1;
    const end = trimPart(plain, lastStart, plain.length).end;
    const found = honorificOf(plain.slice(lastStart, end));
    if (!found) return false;
    const addressee = this.addressee(text, lastStart, lastStart + found.start, false);
    const whole = trimPart(plain, 0, end);
    const titles = this.lineParts(plain, 0, Math.max(0, lastStart - 1))
      .map((p) => trimPart(plain, p.start, p.end))
      .filter((p) => lastStart > 0 && p.end > p.start)
      .map((p) => ({ text: collapse(plain.slice(p.start, p.end)), range: text.range(p.start, p.end) }));
    const named: Addressee = { ...addressee, titles: [...titles, ...addressee.titles], range: text.range(whole.start, whole.end), source: 'line', honorific: found.honorific };
    this.bodyAddressees.push(named);
    this.parts.set(index, { kind: 'addresseeLines', addressees: [named], labelled: false });
    return true;
  }

  /** `Dear Apple,`: the addressee, if the letter names none elsewhere. */
  private readSalutation(index: number, inline: Token): void {
    if (this.salutation) return;
    const first = inline.children?.[0];
    if (!first || first.type !== 'text' || !inline.content.startsWith(first.content.split('\n', 1)[0])) return;
    const named = salutationNames(first.content);
    if (!named) return;
    const text = new InlineText(inline, this.lines);
    // The first text child is the paragraph's start: its offsets are the plain text's.
    if (!text.plain.startsWith(first.content)) return;
    const addressee = this.addressee(text, named.start, named.end, false);
    addressee.source = 'salutation';
    this.salutation = { index, part: { kind: 'salutation', addressee, start: named.start, end: named.end } };
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
      if (owner.group !== undefined) signatory.group = owner.group;
      this.signatories.push(signatory);
      if (this.listPart?.kind === 'signatories') this.listPart.entries.push(signatory);
    }
  }
}

