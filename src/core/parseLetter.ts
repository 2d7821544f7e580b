import type { Token } from 'markdown-it';
import { readReportEntry, readSignatoryEntry, trimPart } from './entries';
import { collapse, lastTextLine } from './text/spaces';
import { InlineText } from './text/inlineText';
import { DIRECTIVE, DirectiveReader } from './directives';
import { createLetterMarkdown, normalizeSource } from './markdown';
import type {
  Addressee,
  CitedReport,
  Field,
  FieldSource,
  FrontMatter,
  Letter,
  LetterDate,
  Paper,
  Range,
  Section,
  Signatory,
  SignedBy,
  Span,
} from './model';
import {
  buildVocabulary,
  defaultVocabulary,
  signingAlone,
  signingAsIndividuals,
  MENTION_EN,
  MENTION_JA,
  type Vocabulary,
  type VocabularyExtras,
} from './vocabulary';
import { hasSignatoryHeading, endHead, readUnlabelled, closeSection, readHonorificLines } from './unlabelled';
import { LABEL_HINT, labelLines, readField, addresseeOf } from './fieldReading';
import { proseLanguage } from './language';
import { readSignatoryTable } from './tableRows';
import { readFootnotes } from './footnotes';
import { titleAddressees } from './titleAddressees';
import { readSender } from './sender';
import { checkUnclosedFrontMatter, readFrontMatterToken } from './frontMatterReading';

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
  /** A table of signatories, one a row. */
  | { kind: 'signatoryTable'; entries: Signatory[] }
  /** A line that is only the letter's date. */
  | { kind: 'dateLine'; date: LetterDate }
  /** The salutation that names the addressees: each name's `start`, `end` are offsets in its first text. */
  | { kind: 'salutation'; names: { addressee: Addressee; start: number; end: number }[] }
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
  return readTokens(new LetterReader(source.split('\n'), parseTokens(source, {}), vocabularyOf(options)));
}

/** markdown-it's tokens of a normalized source; `env` receives what markdown-it keeps there (link references). */
export function parseTokens(source: string, env: Record<string, unknown>): Token[] {
  markdown ??= createLetterMarkdown();
  return markdown.parse(source, env);
}

export function vocabularyOf(options: ParseOptions): Vocabulary {
  return options.vocabulary ? buildVocabulary(options.vocabulary) : defaultVocabulary;
}

/** The letter a reader reads from its tokens. */
export function readTokens(reader: LetterReader): ReadLetter {
  return { letter: reader.read(), tokens: reader.tokens, parts: reader.parts };
}

type ListOwner = { kind: 'addressees' } | { kind: 'reports' | 'signatories'; section: Section; group?: string };

export class LetterReader {
  frontMatter: FrontMatter | null = null;
  fmTitle: Span | null = null;
  headingTitle: Span | null = null;
  fmAddressees: Addressee[] = [];
  bodyAddressees: Addressee[] = [];
  dates: { frontmatter?: LetterDate; body?: LetterDate; line?: LetterDate } = {};
  replyBys: { frontmatter?: LetterDate; body?: LetterDate } = {};
  subject: (Span & { source: FieldSource }) | null = null;
  cc: Span[] = [];
  /** From the front matter; otherwise the language of the bulk of the prose (read at the end). */
  lang: string | null = null;
  paper: Paper | null = null;
  signedBy: SignedBy = 'people';
  cover: boolean | null = null;
  sections: Section[] = [];
  openSections: Section[] = [];
  reports: CitedReport[] = [];
  signatories: Signatory[] = [];
  fields: Field[] = [];
  mentions: Range[] = [];
  /** Set once the salutation or the first long paragraph is read: the letter's head is over. */
  bodyStarted = false;
  /** After a complimentary close: the lines that follow sign the letter, under this section. */
  signing: { heading: string; headingRange: Range; section: Section | null } | null = null;
  /** The letter has a signatories heading or label: a close then starts no signatures of its own. */
  signatoryHeading = false;
  /** The first `From:` block: the signatory of a letter that names no other. */
  sender: { index: number; inline: Token } | null = null;
  /** After a bare `To` (no list): each following block names one addressee, until the body. */
  toBlocks = false;
  salutation: {
    index: number;
    /** Null when a greeted name runs into markup: the line is then shown as written. */
    part: Extract<LetterPart, { kind: 'salutation' }> | null;
    addressees: Addressee[];
  } | null = null;

  readonly parts = new Map<number, LetterPart>();
  listPart: Extract<LetterPart, { entries: unknown[] }> | Extract<LetterPart, { kind: 'addressees' }> | null = null;
  listDepth = 0;
  quoteDepth = 0;
  listOwner: ListOwner | null = null;
  readonly directives: DirectiveReader;
  /** A `To:` or `Signatories:` paragraph claims the list at this token index. */
  claim: {
    at: number;
    owner: ListOwner | { kind: 'reports' | 'signatories'; heading: string; headingRange: Range };
  } | null = null;

  constructor(
    readonly lines: readonly string[],
    readonly tokens: Token[],
    readonly vocabulary: Vocabulary,
  ) {
    this.directives = new DirectiveReader(tokens, (first, end) => this.linesRange(first, end));
  }

  read(): Letter {
    checkUnclosedFrontMatter(this);
    const tokens = this.tokens;
    this.signatoryHeading = hasSignatoryHeading(this);
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      switch (token.type) {
        case 'front_matter':
          readFrontMatterToken(this, token);
          break;
        case 'heading_open':
          endHead(this);
          this.readHeading(i);
          break;
        case 'blockquote_open':
          if (this.quoteDepth === 0 && this.listDepth === 0) endHead(this);
          this.quoteDepth++;
          break;
        case 'hr':
        case 'fence':
        case 'code_block':
          if (this.quoteDepth === 0 && this.listDepth === 0) endHead(this);
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
        case 'footnote_block_open':
          endHead(this);
          i = readFootnotes(this, i);
          break;
        case 'table_open':
          if (this.listDepth === 0 && this.quoteDepth === 0) i = this.readTable(i, token);
          break;
      }
    }
    this.closeSections(0, this.lines.length);
    readSender(this);

    const fm = this.frontMatter;
    // A salutation names the addressee only for a letter that names none otherwise.
    // And a title names it (`Open Letter to the European Commission`) only for one with no salutation.
    if (this.salutation?.part && this.fmAddressees.length === 0 && this.bodyAddressees.length === 0) {
      this.parts.set(this.salutation.index, this.salutation.part);
    }
    return {
      lineCount: this.lines.length,
      lines: this.lines,
      frontMatter: fm,
      title: this.fmTitle
        ? { ...this.fmTitle, source: 'frontmatter' }
        : this.headingTitle
          ? { ...this.headingTitle, source: 'body' }
          : null,
      addressees:
        this.fmAddressees.length > 0
          ? this.fmAddressees
          : this.bodyAddressees.length > 0
            ? this.bodyAddressees
            : (this.salutation?.addressees ?? titleAddressees(this)),
      date: this.dates.frontmatter ?? this.dates.body ?? this.dates.line ?? null,
      replyBy: this.replyBys.frontmatter ?? this.replyBys.body ?? null,
      subject: this.subject,
      cc: this.cc,
      lang: this.lang ?? this.proseLanguage(),
      paper: this.paper,
      signedBy: this.signedBy,
      signsAsIndividuals: signingAsIndividuals(this.signedBy, this.signatories),
      soleSigner: signingAlone(this.signedBy, this.signatories),
      cover: this.cover,
      sections: this.sections,
      reports: this.reports,
      signatories: this.signatories,
      fields: this.fields,
      reportsMentions: this.mentions,
      directives: this.directives.found,
    };
  }

  /** The language of the bulk of the prose (a reader that keeps counts per line overrides it). */
  proseLanguage(): string {
    return proseLanguage(this.lines);
  }

  /** Reads a list item as the `index`th cited report (a reader that reuses entries overrides it). */
  reportEntry(index: number, item: Token, text: Token | null): CitedReport {
    return readReportEntry(index, item, text, this.lines);
  }

  /** Reads a list item as the `index`th signatory (a reader that reuses entries overrides it). */
  signatoryEntry(index: number, item: Token, text: Token | null, byOrganizations: boolean): Signatory {
    return readSignatoryEntry(index, item, text, this.lines, byOrganizations);
  }

  // --- ranges -------------------------------------------------------------------------------

  /** Lines `[first, end)` as a range, trailing blank lines left out. */
  linesRange(first: number, end: number): Range {
    const last = lastTextLine(this.lines, first, end);
    return { start: { line: first, character: 0 }, end: { line: last, character: (this.lines[last] ?? '').length } };
  }

  // --- front matter -------------------------------------------------------------------------

  // --- headings and sections ----------------------------------------------------------------

  readHeading(index: number): void {
    const open = this.tokens[index];
    const inline = this.tokens[index + 1];
    const level = Number(open.tag.slice(1));
    const [first, end] = open.map!;
    const text = collapse(new InlineText(inline, this.lines).plain);
    const headingRange = this.linesRange(first, end);
    this.closeSections(level, first);
    if (level > 1 && !this.bodyStarted && readHonorificLines(this, index, new InlineText(inline, this.lines))) return;
    if (level === 1) {
      if (!this.headingTitle) {
        this.headingTitle = { text, range: headingRange };
        this.parts.set(index, { kind: 'title' });
      }
      return;
    }
    const kind = this.vocabulary.sectionOf(text) ?? 'other';
    const section: Section = {
      kind: this.openSections.some((s) => s.kind === kind) ? 'other' : kind, // `### 賛同団体` in signatories: a group
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
  closeSections(level: number, line: number): void {
    while (this.openSections.length > 0 && this.openSections[this.openSections.length - 1].level >= level) {
      const section = this.openSections.pop()!;
      section.range = { start: section.range.start, end: this.linesRange(section.range.start.line, line).end };
    }
  }

  openList(index: number, list: Token): void {
    const owner = this.ownerOfList(index, list);
    this.listOwner = owner;
    if (!owner) return;
    if (owner.kind === 'addressees') {
      this.listPart = { kind: 'addressees', addressees: [] };
    } else {
      const first = owner.section.entryCount === 0;
      this.listPart =
        owner.kind === 'reports'
          ? { kind: 'reports', entries: [], first }
          : { kind: 'signatories', entries: [], first };
    }
    this.parts.set(index, this.listPart);
  }

  ownerOfList(index: number, list: Token): ListOwner | null {
    const claim = this.claim;
    this.claim = null;
    if (claim && claim.at === index) {
      if ('section' in claim.owner || claim.owner.kind === 'addressees') return claim.owner;
      const [, end] = list.map!;
      const section: Section = {
        kind: claim.owner.kind,
        heading: claim.owner.heading,
        level: 0,
        headingRange: claim.owner.headingRange,
        range: {
          start: claim.owner.headingRange.start,
          end: this.linesRange(claim.owner.headingRange.start.line, end).end,
        },
        entryCount: 0,
      };
      this.sections.push(section);
      return { kind: section.kind as 'reports' | 'signatories', section };
    }
    if (this.signing) return { kind: 'signatories', section: closeSection(this) };
    this.toBlocks = false;
    for (let s = this.openSections.length - 1; s >= 0; s--) {
      const section = this.openSections[s];
      if (section.kind === 'other') continue;
      // `### Japan` under `## Signatories`: the signatories keep the subheading they stand under.
      const inner = this.openSections[this.openSections.length - 1];
      return inner !== section
        ? { kind: section.kind, section, group: inner.heading }
        : { kind: section.kind, section };
    }
    return null;
  }

  /** A table in a signatories section (or after its label or a close): one signatory a row. */
  readTable(index: number, table: Token): number {
    const owner = this.ownerOfList(index, table);
    if (owner?.kind !== 'signatories') {
      endHead(this);
      return index;
    }
    const { signatories, end } = readSignatoryTable(
      this.tokens,
      index,
      this.lines,
      this.signatories.length + 1,
      this.signedBy === 'organizations',
    );
    for (const signatory of signatories) {
      if (owner.group !== undefined) signatory.group = owner.group;
      this.signatories.push(signatory);
    }
    owner.section.entryCount += signatories.length;
    if (owner.section.level === 0 && signatories.length > 0)
      owner.section.range = { start: owner.section.range.start, end: signatories[signatories.length - 1].range.end };
    this.parts.set(index, { kind: 'signatoryTable', entries: signatories });
    return end;
  }

  // --- paragraphs: fields, section labels, mentions -----------------------------------------

  readParagraph(index: number): void {
    const inline = this.tokens[index + 1];
    const firstLine = inline.content.slice(0, 80).split('\n', 1)[0];
    if (readUnlabelled(this, index, inline, firstLine)) return;
    if (!LABEL_HINT.test(firstLine)) {
      this.readMentions(inline);
      return;
    }
    const text = new InlineText(inline, this.lines);
    const plain = text.plain;
    // A label's list may follow a disable comment (`Signatories:`, a comment, then the list).
    let listAt = index + 3;
    while (this.tokens[listAt]?.type === 'html_block' && DIRECTIVE.test(this.tokens[listAt].content)) listAt++;
    const followedByList = /^(?:bullet_list|ordered_list|table)_open$/.test(this.tokens[listAt]?.type ?? '');

    const labels = labelLines(this, plain);
    if (labels.length > 0) {
      const part: LetterPart = { kind: 'fields', fields: [] };
      this.parts.set(index, part);
      const before = this.fields.length;
      // Consecutive `Date:` / `Reply by:` lines are one paragraph but separate fields.
      labels.forEach((label, k) => {
        const end = k + 1 < labels.length ? labels[k + 1].start : plain.length;
        readField(this, text, label, end, k === labels.length - 1 && followedByList ? listAt : -1);
      });
      part.fields = this.fields.slice(before);
      return;
    }
    if (followedByList && plain.length < 60 && /[:：]\s*$/.test(plain)) {
      const kind = this.vocabulary.sectionOf(plain);
      if (kind) {
        const whole = trimPart(plain, 0, plain.length);
        this.claim = {
          at: listAt,
          owner: {
            kind,
            heading: collapse(plain).replace(/[:：]$/, ''),
            headingRange: text.range(whole.start, whole.end),
          },
        };
        this.parts.set(index, { kind: 'label', section: kind });
        return;
      }
    }
    this.readMentions(inline, text);
  }

  readMentions(inline: Token, known?: InlineText): void {
    if (!MENTION_EN.test(inline.content) && !MENTION_JA.test(inline.content)) return;
    const text = known ?? new InlineText(inline, this.lines);
    const m = MENTION_EN.exec(text.plain) ?? MENTION_JA.exec(text.plain);
    if (m) this.mentions.push(text.range(m.index, m.index + m[0].length));
  }

  // --- parts without a label: close and signatures, date lines, salutation, address blocks ----

  // --- list items: cited reports, signatories, addressees -----------------------------------

  readItem(index: number, owner: ListOwner): void {
    const item = this.tokens[index];
    const hasText = this.tokens[index + 1]?.type === 'paragraph_open';
    if (owner.kind === 'addressees') {
      if (!hasText) return;
      const text = new InlineText(this.tokens[index + 2], this.lines);
      const whole = trimPart(text.plain, 0, text.plain.length);
      if (whole.end > whole.start) {
        const addressee = addresseeOf(this, text, whole.start, whole.end, true);
        this.bodyAddressees.push(addressee);
        if (this.listPart?.kind === 'addressees') this.listPart.addressees.push(addressee);
      }
      return;
    }
    const text = hasText ? this.tokens[index + 2] : null;
    owner.section.entryCount++;
    if (owner.kind === 'reports') {
      const report = this.reportEntry(this.reports.length + 1, item, text);
      this.reports.push(report);
      if (this.listPart?.kind === 'reports') this.listPart.entries.push(report);
    } else {
      const signatory = this.signatoryEntry(this.signatories.length + 1, item, text, this.signedBy === 'organizations');
      if (owner.group !== undefined) signatory.group = owner.group;
      else if (signatory.group !== undefined) delete signatory.group;
      this.signatories.push(signatory);
      if (this.listPart?.kind === 'signatories') this.listPart.entries.push(signatory);
    }
  }
}
