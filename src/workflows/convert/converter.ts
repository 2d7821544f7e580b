// A letter as published in plain text (a web page copied out, an e-mail, a .txt) to the advocacy
// letter format. Pure: no vscode, no Node API.
//
// The input is not Markdown, so this is the one place that reads a letter line by line: blank lines
// part blocks, a block's lines are list items (a bullet or a number first), their wrapped
// continuation lines, field lines (`Letter to:`) or paragraph text. Then the letter's own parts are
// named: the first line is the title, the list after "the publications listed below" the cited
// reports, the closing list of `Name, Role, Organization` lines the signatories, a short line on its
// own a heading. The words themselves are kept as they were, NBSPs and doubled spaces included, so
// that the checks can report them; only layout (indentation, bullets, separator lines) changes, and
// characters Markdown would read as markup are escaped.
import { asciiDigits, parseDate } from '../../core/dates';
import { english, joined, message, templates, type Message } from '../../core/messages';
import { defaultVocabulary, MENTION_EN, MENTION_JA } from '../../core/vocabulary';
import {
  SEPARATOR,
  SIGN_OFF,
  SALUTATION,
  FINAL_PUNCTUATION,
  CLOSERS,
  commaCount,
  partSeparators,
  isBlank,
  stripIndent,
  isNameLine,
  endsWithColon,
  markerOf,
  labelOf,
  startsCapitalised,
  labelText,
} from './lines';
import { append, writeUnits, type Escapes } from './write';
import type {
  Role,
  Marker,
  Item,
  TitleUnit,
  HeadingUnit,
  ParaUnit,
  FieldUnit,
  ListUnit,
  RawUnit,
  Unit,
  Block,
} from './units';
import { convertTemplates } from './notes';
import {
  ABBREVIATION_END,
  DELIMITER_ROW,
  isAffiliation,
  isContactLine,
  isDateLine,
  isPersonName,
  japaneseShare,
  looksLikeMarkdown,
  tabCells,
  tableCell,
  unwrapped,
} from './shapes';

export interface ConvertResult {
  /** The letter in the format (`*.letter.md` text), ending with a line break. */
  markdown: string;
  /** What the conversion decided, one sentence each, for the writer to check. */
  notes: string[];
  /** The notes' templates and arguments, for translation: `notes[i]` is the English of `l10n.notes[i]`. */
  l10n: { notes: Message[] };
}

// --- the conversion -------------------------------------------------------------------------

/**
 * Converts a letter published as plain text to the advocacy letter format.
 * @example convertPlainText('Open letter\n\nTo: Minister, Ministry of Justice\n').markdown
 *   === '# Open letter\n\nTo: Minister, Ministry of Justice\n'
 */
export function convertPlainText(text: string): ConvertResult {
  return new Converter(text, {}).convert();
}

export interface ConvertOptions {
  /** The text is Markdown (made from a Word document or a web page): read as such, whatever it looks like. */
  markdown?: boolean;
  /** Notes that come first: what was done before the text was read (a web page's chrome left out). */
  before?: Message[];
}

/** Converts text that is known to be Markdown, or plain text, with notes of what came before. */
export function convertText(text: string, options: ConvertOptions): ConvertResult {
  return new Converter(text, options).convert();
}

class Converter {
  private readonly source: string[];
  private readonly units: Unit[] = [];
  /** What the conversion decided about the letter's parts, in the order it decided. */
  private readonly decisions: Message[] = [];
  private noTitle: Message | null = null;
  private readonly escapes: Escapes = { count: 0, lines: new Set() };
  private separators = 0;
  private continuations = 0;
  private signedByOrganizations = false;
  /** The signatures read are people's (a name, then a title): never `signed-by: organizations`. */
  private peopleSigned = false;
  private dateLabelled = false;
  private readonly groups: HeadingUnit[] = [];
  private readonly japanese: boolean;
  /** The text is Markdown already (a README, a blog's source): its markup is kept, not escaped. */
  private readonly markdown: boolean;
  /** Lines of the text that were typed rules (`* * *`): a signature ends at one. */
  private readonly rules = new Set<number>();
  private readonly tables: { line: number; rows: number; header: boolean }[] = [];

  constructor(
    text: string,
    private readonly options: ConvertOptions,
  ) {
    this.source = text
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n')
      .replace(/\0/g, '\uFFFD')
      .split('\n');
    // Kana mark Japanese (kanji are shared with Chinese); a Japanese letter may still be signed by
    // thousands of Latin names, so the language is that of the bulk of its prose.
    this.japanese = japaneseShare(this.source) >= 0.5;
    this.markdown = options.markdown ?? looksLikeMarkdown(this.source);
    this.escapes.off = this.markdown;
  }

  convert(): ConvertResult {
    this.readBlocks(this.blocks());
    this.nameHeadings();
    this.findFootnotes();
    this.findReports();
    this.findSignatories();
    this.labelDate();
    this.findAddressees();
    this.scopeReports();
    const frontMatter = [
      ...(this.japanese ? ['lang: ja'] : []),
      ...(this.signedByOrganizations ? ['signed-by: organizations'] : []),
    ];
    // Footnote marks were placed as private-use characters, which no escape touches.
    const markdown = writeUnits(this.units, frontMatter, this.escapes)
      .replace(/\uE000(\d+)\uE001/g, '[^$1]')
      .replace(/^\uE002(\d+)\uE003/gm, '[^$1]: ');
    const notes = this.summary();
    return { markdown, notes: notes.map(english), l10n: { notes } };
  }

  private note(text: Message): void {
    this.decisions.push(text);
  }

  /** Runs of non-blank lines; typed rules (`-----`) part blocks like blank lines and are dropped. */
  private blocks(): Block[] {
    const blocks: Block[] = [];
    let current: Block | null = null;
    this.source.forEach((line, n) => {
      // A code fence in a Markdown source frames a letter's header (`Date:`, `To:`), never code.
      const separator = SEPARATOR.test(line) || (this.markdown && /^[ \t]*(?:```+|~~~+)[\w-]*[ \t]*$/.test(line));
      if (separator) {
        this.separators++;
        this.rules.add(n);
      }
      if (separator || isBlank(line)) {
        current = null;
        return;
      }
      if (!current) {
        current = { start: n, lines: [] };
        blocks.push(current);
      }
      current.lines.push(line);
    });
    return blocks.flatMap((block) => this.splitBlock(block));
  }

  /** A Markdown heading, and a table, are blocks of their own even without blank lines around them. */
  private splitBlock(block: Block): Block[] {
    const out: Block[] = [];
    let current: Block | null = null;
    let inTable = false;
    block.lines.forEach((line, i) => {
      const heading = this.markdown && /^#{1,6}[ \t]+\S/.test(line);
      const tableStart = !inTable && line.includes('|') && DELIMITER_ROW.test(block.lines[i + 1] ?? '');
      const tableEnd = inTable && !line.includes('|');
      if (heading || tableStart || tableEnd || (i > 0 && /^#{1,6}[ \t]+\S/.test(block.lines[i - 1]) && this.markdown))
        current = null;
      if (tableStart) inTable = true;
      if (tableEnd) inTable = false;
      if (!current) {
        current = { start: block.start + i, lines: [] };
        out.push(current);
      }
      current.lines.push(line);
    });
    return out;
  }

  /** A block of tab-separated rows (pasted from a spreadsheet), or a Markdown pipe table. */
  private tableOf(block: Block): RawUnit | null {
    const lines = block.lines;
    if (lines.length >= 2 && DELIMITER_ROW.test(lines[1]) && lines[0].includes('|')) {
      return { kind: 'raw', line: block.start, lines: lines.map((l) => l.trim()), what: 'table' };
    }
    const tabbed = lines.filter((l) => /\S\t+\S/.test(l));
    if (tabbed.length < 2 || tabbed.length * 10 < lines.length * 8) return null;
    const rows = lines.map(tabCells);
    const width = Math.max(...rows.map((r) => r.length));
    const pad = (cells: string[]) => [...cells, ...Array<string>(width - cells.length).fill('')];
    const row = (cells: string[]) => `| ${pad(cells).map(tableCell).join(' | ')} |`;
    // A header is a first row of short cells, none of them a number: `Name	Type	How you'd like to help`.
    const first = rows[0];
    const hasHeader = first.every((c) => c.length <= 40 && !/^\d+\.?$/.test(c.trim())) && first.length === width;
    // Without one, the columns are named for the engine: row numbers, then the signatory, then details.
    const numeric = pad([]).map((_, i) => rows.every((r) => /^\d+\.?$/.test((r[i] ?? '').trim())));
    const named = numeric.indexOf(false);
    const header = hasHeader ? first : numeric.map((n, i) => (n ? 'No.' : i === named ? 'Name' : 'Details'));
    const body = hasHeader ? rows.slice(1) : rows;
    const out = [row(header), `|${header.map(() => ' --- ').join('|')}|`, ...body.map(row)];
    this.tables.push({ line: block.start, rows: body.length, header: hasHeader });
    return { kind: 'raw', line: block.start, lines: out, what: 'table' };
  }

  // --- blocks to units ------------------------------------------------------------------------

  private readBlocks(blocks: Block[]): void {
    let titleDone = false;
    for (const block of blocks) {
      let current: Unit | null = null;
      if (this.readWholeBlock(block, titleDone)) {
        titleDone = true;
        continue;
      }
      block.lines.forEach((raw, i) => {
        const line = block.start + i;
        if (!titleDone) {
          titleDone = true;
          if (this.isTitle(raw)) {
            this.units.push({ kind: 'title', line, text: raw.trim() });
            return;
          }
          this.noTitle = message(templates.noteNoTitleFirstLine, quote(raw.trim()));
        }
        const previous = i > 0 ? block.lines[i - 1] : undefined;
        let marker = markerOf(raw);
        // `1000.` after `999.` goes on the list; a long number that continues nothing is text (a year).
        if (marker && marker.ordered && marker.number >= 1000) {
          const last = current?.kind === 'list' ? current : this.units[this.units.length - 1];
          const top = last?.kind === 'list' && last.ordered ? last.items[last.items.length - 1] : null;
          if (!top || (top.number !== marker.number - 1 && top.number !== marker.number)) marker = null;
        }
        if (marker) {
          const placed = this.placeItem(marker, line, current, previous);
          if (placed) {
            current = placed;
            return;
          }
        }
        const label = labelOf(raw);
        if (label && (current === null || current.kind === 'field' || startsCapitalised(label))) {
          if (current?.kind === 'field') {
            current.lines.push(stripIndent(raw));
            current.labels.push(label.trim());
            current.complete = false;
          } else {
            current = { kind: 'field', line, lines: [stripIndent(raw)], labels: [label.trim()], complete: false };
            this.units.push(current);
          }
          this.markComplete(current, raw, label);
          return;
        }
        if (current?.kind === 'list') {
          const items = current.items;
          const item = items[items.length - 1];
          const owner = item.children.length > 0 ? item.children[item.children.length - 1] : item;
          owner.continuation.push(stripIndent(raw));
          this.continuations++;
          return;
        }
        if (current?.kind === 'field' && !current.complete) {
          current.lines.push(stripIndent(raw));
          this.markComplete(current, raw, null);
          return;
        }
        if (current?.kind === 'para') {
          current.lines.push(stripIndent(raw));
          return;
        }
        current = { kind: 'para', line, lines: [stripIndent(raw)], standalone: i === 0 && block.lines.length === 1 };
        this.units.push(current);
      });
    }
  }

  /**
   * Blocks read whole: a table, a Markdown heading, footnote or link definitions kept as written, a
   * numbered line standing alone (`（1）1.5度目標の達成`), whose number is part of its heading.
   */
  private readWholeBlock(block: Block, titleDone: boolean): boolean {
    const table = this.tableOf(block);
    if (table) {
      this.units.push(table);
      return true;
    }
    const first = block.lines[0];
    const heading =
      this.markdown && block.lines.length === 1 ? /^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(first) : null;
    if (heading) {
      const text = heading[2];
      if (!titleDone && heading[1].length === 1) {
        this.units.push({ kind: 'title', line: block.start, text });
      } else {
        if (!titleDone) this.noTitle = message(templates.noteNoTitleFirstLine, quote(first.trim()));
        const section = defaultVocabulary.sectionOf(labelText(text.replace(/[*_]/g, ''))) ?? null;
        this.units.push({
          kind: 'heading',
          line: block.start,
          text,
          section,
          level: Math.max(2, heading[1].length),
          markdown: true,
        });
      }
      return true;
    }
    if (!titleDone) return false;
    if (/^\[\^?[^\]\s]+\]:[ \t]/.test(first) && this.markdown) {
      this.units.push({
        kind: 'raw',
        line: block.start,
        lines: block.lines,
        what: /^\[\^/.test(first) ? 'footnotes' : 'markdown',
      });
      return true;
    }
    const marker = block.lines.length === 1 ? markerOf(first) : null;
    if (
      marker?.ordered &&
      !/[\s\u3000]$/.test(first.slice(0, first.length - marker.text.length)) &&
      this.isHeading(first.trim(), 1, true)
    ) {
      this.units.push({ kind: 'heading', line: block.start, text: first.trim(), section: null });
      this.note(message(convertTemplates.noteNumberedHeading, block.start + 1, quote(first.trim())));
      return true;
    }
    return false;
  }

  private isTitle(line: string): boolean {
    const text = line.trim();
    return (
      text.length <= 200 && !labelOf(line) && !markerOf(line) && !/[,，、:：]$/.test(text) && !SALUTATION.test(text)
    );
  }

  /** A date or reply deadline field ends with the line that gives its value. */
  private markComplete(field: FieldUnit, raw: string, label: string | null): void {
    const kind = defaultVocabulary.fieldOf(field.labels[field.labels.length - 1]);
    if (kind !== 'date' && kind !== 'replyBy') return;
    const value = label ? raw.replace(defaultVocabulary.labelPattern, '') : raw;
    if (!isBlank(value)) field.complete = true;
  }

  /**
   * Places a line that begins with a bullet or a number: a new item, an item under the last one, or
   * (returns null) text, when an ambiguous marker (`-`, `1.`) stands inside a paragraph.
   */
  private placeItem(marker: Marker, line: number, current: Unit | null, previous: string | undefined): ListUnit | null {
    const last = this.units[this.units.length - 1];
    // A block that begins with an item continues the list just before it: a list with blank lines between its items.
    const list =
      current?.kind === 'list'
        ? current
        : current === null && last?.kind === 'list' && last.ordered === marker.ordered
          ? last
          : null;
    const item: Item = {
      line,
      ordered: marker.ordered,
      number: marker.number,
      indent: marker.indent,
      text: marker.text,
      continuation: [],
      children: [],
      blankBefore: current === null,
    };
    if (list) {
      const top = list.items[list.items.length - 1];
      // Indented under an item with another kind of marker (`1.` then `  - a`): an item of its own list
      // under that item. The same marker indented differently is an item of the list: text copied
      // from a web page often loses the first item's indentation alone.
      if (marker.indent > top.indent && (marker.family !== list.family || marker.ordered !== list.ordered)) {
        top.children.push(item);
        return list;
      }
      if (marker.ordered === list.ordered) {
        list.items.push(item);
        return list;
      }
    }
    if (marker.ambiguous && current !== null && current.kind !== 'list' && !endsWithColon(previous)) return null;
    item.blankBefore = false;
    const created: ListUnit = {
      kind: 'list',
      line,
      ordered: marker.ordered,
      family: marker.family,
      items: [item],
      role: null,
      heading: null,
      asLabel: false,
      headingAbove: false,
    };
    this.units.push(created);
    return created;
  }

  // --- headings and section labels ------------------------------------------------------------

  /** A short line on its own between paragraphs is a heading; one that names a section opens it. */
  private nameHeadings(): void {
    let signedOff = false;
    let signatories = false;
    this.units.forEach((unit, k) => {
      if (unit.kind === 'heading' && (unit.level ?? 2) <= 2) signatories = unit.section === 'signatories';
      if (unit.kind !== 'para') return;
      const text = unit.lines[0].trim();
      // A group of signatories (`Global`, `Individuals`) under their heading: a `###` inside the section.
      if (signatories && unit.standalone && GROUP.test(labelText(text)) && this.units[k + 1]?.kind === 'list') {
        this.units[k] = { kind: 'heading', line: unit.line, text, section: null, level: 3 };
        this.groups.push(this.units[k] as HeadingUnit);
        return;
      }
      if (text.length <= 40 && SIGN_OFF.test(text) && !this.opensSection(unit, k)) {
        signedOff = true;
        return;
      }
      if (!unit.standalone) return;
      const section = this.opensSection(unit, k);
      if (section) {
        this.units[k] = { kind: 'heading', line: unit.line, text: labelText(text), section };
        signatories = section === 'signatories';
        return;
      }
      // A Markdown source marks its headings with `#`: a short paragraph there is a paragraph.
      if (signedOff || this.markdown || !this.isHeading(text, k)) return;
      const named = defaultVocabulary.sectionOf(text);
      this.units[k] = { kind: 'heading', line: unit.line, text, section: named ?? null };
    });
  }

  /** The section a standalone line (`Signatories:`, `Signed,`, `参考文献`) opens for the list after it. */
  private opensSection(unit: ParaUnit, k: number): Role | null {
    if (!unit.standalone) return null;
    const text = unit.lines[0].trim();
    if (text.length > 60) return null;
    const section = defaultVocabulary.sectionOf(labelText(text));
    if (!section) return null;
    const next = this.units[k + 1];
    return next?.kind === 'list' || next?.kind === 'para' ? section : null;
  }

  private isHeading(text: string, k: number, anywhere = false): boolean {
    if (!anywhere && (k === 0 || k === this.units.length - 1)) return false;
    if (text.length >= 70 || !/\p{L}/u.test(text)) return false;
    if (FINAL_PUNCTUATION.test(text.replace(CLOSERS, ''))) return false;
    if (/^[a-z]/.test(text) || SALUTATION.test(text) || commaCount(text) >= 2) return false;
    // `Tokyo, 7 May 2013`: a place and a date, not a heading.
    if (parseDate(text) !== null || /(?:1[89]|20|21)\d\d年?$/.test(asciiDigits(text))) return false;
    return true;
  }

  // --- cited reports and signatories ----------------------------------------------------------

  private findReports(): void {
    this.units.forEach((unit, k) => {
      if (unit.kind !== 'list') return;
      const before = this.units[k - 1];
      if (before?.kind === 'heading' && this.groups.includes(before)) {
        unit.role = 'signatories';
        return;
      }
      if (before?.kind === 'heading' && before.section) {
        unit.role = before.section;
        if (before.section === 'reports') {
          this.note(
            message(templates.noteReportsUnder, countItems(unit.items.length), quote(before.text), unit.line + 1),
          );
        }
        return;
      }
      // The paragraph that announces the list, possibly with a heading of its own in between.
      const generated = before?.kind === 'heading' ? before : null;
      const intro = this.units[generated ? k - 2 : k - 1];
      if (intro?.kind !== 'para') return;
      const joined = intro.lines.join(' ');
      const mention = MENTION_EN.exec(joined) ?? MENTION_JA.exec(joined);
      if (!mention) return;
      const words = mention[0].replace(/\s+/g, ' ');
      if (!this.readsAsCitations(unit)) {
        this.note(message(templates.noteNotCitations, unit.line + 1, quote(words)));
        return;
      }
      unit.role = 'reports';
      unit.heading = 'Cited Reports';
      if (generated) this.demote(k - 1, unit);
      const wordsShown = /listed\s+below/i.test(words) ? 'listed below' : words;
      this.note(message(templates.noteReportsAfter, countItems(unit.items.length), quote(wordsShown), intro.line + 1));
    });
  }

  /** Most items of a list of citations have a comma or a year. */
  private readsAsCitations(list: ListUnit): boolean {
    const cited = list.items.filter((item) => {
      const text = itemText(item);
      return commaCount(text) > 0 || /(?:^|\D)(?:1[89]\d\d|20\d\d|2100)(?:\D|$)/.test(asciiDigits(text));
    });
    return cited.length * 2 >= list.items.length;
  }

  /**
   * Turns a heading the conversion made of a short line (`Endorsing organizations`) back into a
   * paragraph: the section's heading goes above it, and it introduces `list` inside the section.
   */
  private demote(k: number, list: ListUnit): void {
    const unit = this.units[k];
    if (unit.kind !== 'heading') return;
    this.units[k] = { kind: 'para', line: unit.line, lines: [unit.text], standalone: false };
    list.headingAbove = true;
  }

  private findSignatories(): void {
    const labelled = this.units.find((u): u is ListUnit => u.kind === 'list' && u.role === 'signatories');
    if (labelled) {
      const k = this.units.indexOf(labelled);
      const heading = this.units
        .slice(0, k)
        .reverse()
        .find((u): u is HeadingUnit => u.kind === 'heading' && !this.groups.includes(u))!;
      const all = this.units.filter((u): u is ListUnit => u.kind === 'list' && u.role === 'signatories');
      this.decideOrganizations(
        { ...labelled, items: all.flatMap((l) => l.items) },
        message(templates.noteUnder, quote(heading.text)),
      );
      return;
    }
    const lastList = this.units.reduce((found, u, k) => (u.kind === 'list' ? k : found), -1);
    if (lastList >= 0 && this.units.length - 1 - lastList <= 3) {
      const list = this.units[lastList] as ListUnit;
      const before = this.units[lastList - 1];
      const signedOff = before?.kind === 'para' && SIGN_OFF.test(before.lines[0].trim());
      if (list.role === null && (this.readsAsPeople(list.items.map(itemText)) || signedOff)) {
        list.role = 'signatories';
        list.heading = 'Signatories';
        if (before?.kind === 'heading' && !before.section) this.demote(lastList - 1, list);
        this.decideOrganizations(
          list,
          signedOff ? message(templates.noteAfter, quote(before.lines[0].trim())) : message(templates.noteClosingList),
        );
        return;
      }
    }
    if (this.findSignatoryLines()) return;
    if (this.findSignatoryTable()) return;
    this.note(message(templates.noteNoSignatories));
  }

  /**
   * A table of signatories (pasted from a spreadsheet, or a pipe table): the last table of the letter,
   * after its prose, with a signatory column (`Name`, `Organization`, `氏名`, `団体名`) or introduced by a
   * line ending with a colon (`Endorsed as of 19 November:`). It goes under `## Signatories`.
   */
  private findSignatoryTable(): boolean {
    const t = this.units.reduce((found, u, k) => (u.kind === 'raw' && u.what === 'table' ? k : found), -1);
    // Endnotes may follow the table; prose or another list may not.
    const note = (u: Unit) =>
      (u.kind === 'para' && u.lines[0].startsWith('\uE002')) ||
      (u.kind === 'para' && NOTES.test(labelText(u.lines[0])));
    const after = this.units.slice(t + 1).filter((u) => !note(u));
    if (t < 0 || after.some((u) => u.kind === 'list' || (u.kind === 'para' && u.lines.join(' ').length >= 200))) {
      return false;
    }
    const table = this.units[t] as RawUnit;
    const header = table.lines[0].split('|').map((c) => c.trim().toLowerCase());
    const named = header.some((c) =>
      /^(?:names?|organi[sz]ations?|signator(?:y|ies)|氏名|名前|所属|団体名?)\b|\/\s*name\b/u.test(c),
    );
    const intro = this.units[t - 1];
    const introduced = intro?.kind === 'para' && endsWithColon(intro.lines[intro.lines.length - 1]);
    if (!named && !introduced) return false;
    const at = introduced ? t - 1 : t;
    if (this.units[at - 1]?.kind === 'heading' && (this.units[at - 1] as HeadingUnit).section === 'signatories')
      return true;
    this.units.splice(at, 0, { kind: 'heading', line: table.line, text: 'Signatories', section: 'signatories' });
    this.note(message(convertTemplates.noteTable, table.line + 1, table.lines.length - 2));
    return true;
  }

  /** Most entries are `Name, Role, Organization`: two commas or more, and no sentence. */
  private readsAsPeople(entries: string[]): boolean {
    const people = entries.filter((e) => partSeparators(e) >= 2 && isNameLine(e));
    return entries.length > 0 && people.length * 10 >= entries.length * 6;
  }

  /**
   * Signatories as plain lines, no bullets: the paragraphs after a `Signatories:` label, or the last
   * paragraphs of the letter when most of their lines read `Name, Role, Organization`.
   */
  private findSignatoryLines(): boolean {
    for (let h = this.units.length - 2; h >= 0; h--) {
      const heading = this.units[h];
      if (heading.kind !== 'heading' || heading.section !== 'signatories') continue;
      const end = this.signatureEnd(h + 1);
      if (end === h + 1) break;
      this.signatoryLines(h + 1, end, null, message(templates.noteUnderLines, quote(heading.text)));
      return true;
    }
    // After a closing (`Sincerely,`, `Kind regards,`, `敬具`): the lines up to the first sentence, field or rule.
    for (let k = this.units.length - 2; k >= 0; k--) {
      const closing = this.units[k];
      if (closing.kind !== 'para') continue;
      // `Kind regards,` with the name on the next line, no blank line between: the closing is its own line.
      const signatureAfter = closing.lines.slice(1).every((l) => isNameLine(l) && !/[.!?。]\s*$/.test(l));
      if (
        closing.lines.length > 1 &&
        closing.lines[0].trim().length <= 60 &&
        SIGN_OFF.test(closing.lines[0].trim()) &&
        signatureAfter
      ) {
        const rest: ParaUnit = {
          kind: 'para',
          line: closing.line + 1,
          lines: closing.lines.splice(1),
          standalone: false,
        };
        this.units.splice(k + 1, 0, rest);
      }
      if (closing.lines.length > 1) continue;
      const text = closing.lines[0].trim();
      if (text.length > 60 || !SIGN_OFF.test(text)) continue;
      const end = this.signatureEnd(k + 1);
      if (end === k + 1) break;
      this.signatoryLines(k + 1, end, 'Signatories', message(templates.noteAfterLines, quote(text)));
      return true;
    }
    for (let k = this.units.length - 1; k >= 0 && k >= this.units.length - 3; k--) {
      const unit = this.units[k];
      if (unit.kind !== 'para' || !this.readsAsPeople(unit.lines)) continue;
      // Consecutive paragraphs of such lines (one signatory a paragraph) are one list.
      let first = k;
      while (
        first > 0 &&
        this.units[first - 1].kind === 'para' &&
        this.readsAsPeople((this.units[first - 1] as ParaUnit).lines)
      )
        first--;
      const count = (this.units.slice(first, k + 1) as ParaUnit[]).reduce((n, p) => n + p.lines.length, 0);
      if (count < 2) return false;
      this.signatoryLines(first, k + 1, 'Signatories', message(templates.noteClosingLines));
      return true;
    }
    // `Name on behalf of Organization`, one a line, near the end: signatures without a closing.
    for (let k = this.units.length - 1; k >= 0 && k >= this.units.length - 6; k--) {
      const unit = this.units[k];
      if (unit.kind !== 'para' || !unit.lines.every((l) => ON_BEHALF.test(l) && isNameLine(l))) continue;
      this.signatoryLines(k, k + 1, 'Signatories', message(templates.noteClosingLines));
      return true;
    }
    return false;
  }

  /** Where the signature that starts at unit `first` ends: at a sentence, field, list, heading or typed rule. */
  private signatureEnd(first: number): number {
    let end = first;
    while (end < this.units.length) {
      const unit = this.units[end];
      const group = unit.kind === 'heading' && unit.section === null && GROUP.test(labelText(unit.text));
      // A sentence ends a signature; `Principle Stash Inc.` and `Jane Doe, Director, Org.` do not.
      const sentence = (l: string) =>
        /[.!?。]$/.test(l.trim()) && !ABBREVIATION_END.test(l.trim()) && partSeparators(l) < 2;
      const signature = (l: string) =>
        isNameLine(l) && !labelOf(l) && !/[:：]\s*$/.test(l) && !PLACEHOLDER.test(l) && !sentence(l);
      // A card (a name, then an affiliation and perhaps a short comment: `Ceasefire now.`) is a signature too.
      const card =
        unit.kind === 'para' &&
        unit.lines.length <= 4 &&
        isPersonName(unit.lines[0]) &&
        unit.lines.every((l) => l.length <= 400 && !labelOf(l) && !PLACEHOLDER.test(l));
      if (!group && !card && (unit.kind !== 'para' || !unit.lines.every(signature))) break;
      if (end > first && this.ruleBetween(this.units[end - 1], unit)) break;
      end++;
    }
    return end;
  }

  private ruleBetween(before: Unit, after: Unit): boolean {
    const last = before.line + (before.kind === 'para' || before.kind === 'field' ? before.lines.length : 1);
    for (let n = last; n < after.line; n++) if (this.rules.has(n)) return true;
    return false;
  }

  /**
   * Makes the paragraphs `[first, end)` the signatories: a signature block (a name, then its title or
   * organization, then contact lines), cards of lines (one signatory a block), or one signatory a line.
   * Short lines that name a group (`Organizations`, `Global`) become `###` headings between lists.
   */
  private signatoryLines(first: number, end: number, heading: string | null, where: Message): void {
    const paras = this.units
      .slice(first, end)
      .map((u): ParaUnit =>
        u.kind === 'heading' ? { kind: 'para', line: u.line, lines: [u.text], standalone: true } : (u as ParaUnit),
      );
    const out: Unit[] = [];
    if (heading) out.push({ kind: 'heading', line: paras[0].line, text: heading, section: 'signatories' });
    const groups = this.groups;
    const lists: ListUnit[] = [];
    const newList = (line: number): ListUnit => {
      const list: ListUnit = {
        kind: 'list',
        line,
        ordered: false,
        family: 'dash',
        items: [],
        role: 'signatories',
        heading: null,
        asLabel: false,
        headingAbove: false,
      };
      lists.push(list);
      out.push(list);
      return list;
    };
    // Runs of paragraphs between group names are read on their own.
    let run: ParaUnit[] = [];
    const flush = () => {
      if (run.length > 0) this.readSignatures(run, newList, out);
      run = [];
    };
    for (const para of paras) {
      if (para.lines.length === 1 && GROUP.test(labelText(para.lines[0]))) {
        flush();
        const group: HeadingUnit = {
          kind: 'heading',
          line: para.line,
          text: para.lines[0].trim(),
          section: null,
          level: 3,
        };
        groups.push(group);
        out.push(group);
      } else {
        run.push(para);
      }
    }
    flush();
    this.units.splice(first, end - first, ...out);
    const all: ListUnit = { ...lists[0], items: lists.flatMap((l) => l.items) };
    if (all.items.length > 0) this.decideOrganizations(all, where);
  }

  /** Reads paragraphs of signature lines into items of a new list (and text it cannot place). */
  private readSignatures(paras: ParaUnit[], newList: (line: number) => ListUnit, out: Unit[]): void {
    const lines = paras.flatMap((p, n) =>
      p.lines.map((text, i) => ({ text, line: p.line + i, para: n, blankBefore: n > 0 && i === 0 })),
    );
    const item = (l: { text: string; line: number }): Item => ({
      line: l.line,
      ordered: false,
      number: 1,
      indent: 0,
      text: l.text,
      continuation: [],
      children: [],
      blankBefore: false,
    });
    const list = newList(lines[0].line);
    // One signature: a name, its title or organization, perhaps contact lines (`Jane Doe` / `Director, Org`).
    if (
      lines.length >= 2 &&
      lines.length <= 6 &&
      isPersonName(lines[0].text) &&
      !lines.slice(1).some((l) => isPersonName(l.text))
    ) {
      // A Markdown hard break (`Name\`) is layout the writer typed: the lines stay lines of one entry.
      const broken = /\\\s*$/.test(lines[0].text);
      const clear = isAffiliation(lines[1].text, true);
      if (!clear) list.items.push(item(lines[0]));
      else
        list.items.push(
          broken ? { ...item(lines[0]), continuation: [lines[1].text] } : this.joined(item(lines[0]), lines[1]),
        );
      this.peopleSigned = true;
      const rest = lines.slice(clear ? 2 : 1);
      if (rest.length > 0) {
        out.push({ kind: 'para', line: rest[0].line, lines: rest.map((l) => l.text), standalone: false });
        const [from, to] = [rest[0].line + 1, rest[rest.length - 1].line + 1];
        this.note(
          from === to
            ? message(convertTemplates.noteSignatureRestLine, from)
            : message(convertTemplates.noteSignatureRest, from, to),
        );
      }
      return;
    }
    // Cards: blocks of a few lines, each led by a name (`Jane Doe` / `Org` / a comment).
    const cards = paras.filter((p) => p.lines.length <= 4 && isPersonName(p.lines[0]));
    if (
      paras.length >= 2 &&
      cards.length * 10 >= paras.length * 6 &&
      !paras.some((p) => partSeparators(p.lines[0]) >= 2)
    ) {
      for (const p of paras) {
        const card = item({ text: p.lines[0], line: p.line });
        const second = p.lines[1];
        const entry =
          second !== undefined && isAffiliation(second)
            ? this.joined(card, { text: second, line: p.line + 1 }, false)
            : card;
        const rest = p.lines.slice(second !== undefined && entry.text !== card.text ? 2 : 1);
        entry.continuation.push(...rest);
        this.continuations += rest.length;
        list.items.push(entry);
      }
      this.peopleSigned = true;
      this.note(message(convertTemplates.noteSignatureCards, paras.length, paras[0].line + 1));
      return;
    }
    const people = this.readsAsPeople(lines.map((l) => l.text));
    for (const l of lines) {
      const previous = list.items[list.items.length - 1];
      // A wrapped organization (among people, a line without a comma), or an entry's web address,
      // continues the signatory before it.
      const contact = isContactLine(l.text) && !previous?.continuation.some(isContactLine);
      if (previous && !l.blankBefore && ((people && commaCount(l.text) === 0) || contact)) {
        previous.continuation.push(l.text);
        this.continuations++;
      } else {
        list.items.push(item(l));
      }
    }
  }

  /** `Jane Doe` and `Director, Org` as one entry, `Jane Doe, Director, Org`; the writer is told. */
  private joined(first: Item, second: { text: string; line: number }, tell = true): Item {
    const name = first.text.replace(/[ \t\u00a0]+$/, '');
    if (tell)
      this.note(
        message(convertTemplates.noteSignatureJoined, first.line + 1, quote(name.trim()), quote(second.text.trim())),
      );
    return { ...first, text: `${name}, ${second.text.trim()}` };
  }

  /** Signatories that are organizations alone (`Amnesty International`, `No Fence, Japan`) get `signed-by: organizations`. */
  private decideOrganizations(list: ListUnit, where: Message): void {
    const entries = list.items.map(itemText);
    const people = entries.filter((e) => partSeparators(e) >= 2).length;
    const what = message(templates.noteSignatories, countItems(list.items.length), where, list.line + 1);
    if (people * 2 > entries.length || this.peopleSigned) {
      this.note(message(templates.noteSignatoriesPeople, what, people, entries.length));
      return;
    }
    this.signedByOrganizations = true;
    this.note(message(templates.noteSignatoriesOrganizations, what));
  }

  /**
   * Notes as published in plain text: numbered lines under `Notes:`, `Endnotes`, `References`, `注`.
   * They become footnote definitions `[^1]: …`; where the text has one unambiguous mark for a note
   * (`[1]`, `¹`, `(1)` glued to a word, or a digit glued after a word's final punctuation, `LDCs.1`),
   * the mark becomes a reference `[^1]`. A number that could be part of a word or a quantity is left.
   */
  private findFootnotes(): void {
    if (this.markdown) return;
    for (let k = 0; k < this.units.length - 1; k++) {
      const label = this.units[k];
      const text =
        label.kind === 'heading'
          ? label.text
          : label.kind === 'para' && label.lines.length === 1
            ? label.lines[0]
            : null;
      if (text === null || !NOTES.test(labelText(text))) continue;
      const list = this.units[k + 1];
      if (list.kind !== 'list' || !list.ordered || list.items.some((item) => item.children.length > 0)) continue;
      if (label.kind === 'heading')
        this.units[k] = { kind: 'para', line: label.line, lines: [label.text], standalone: false };
      const numbers = list.items.map((item) => item.number);
      if (new Set(numbers).size !== numbers.length) continue;
      const definitions: ParaUnit[] = list.items.map((item) => ({
        kind: 'para',
        line: item.line,
        lines: [`\uE002${item.number}\uE003${item.text}`, ...item.continuation.map((c) => `    ${c}`)],
        standalone: false,
      }));
      this.units.splice(k + 1, 1, ...definitions);
      let marked = 0;
      for (const n of numbers) if (this.markReference(n, k)) marked++;
      const references = count(marked, convertTemplates.referenceCount, convertTemplates.referencesCount);
      this.note(
        message(
          convertTemplates.noteFootnotes,
          count(numbers.length, convertTemplates.noteCount, convertTemplates.notesCount),
          quote(labelText(text)),
          list.line + 1,
          references,
        ),
      );
      return;
    }
  }

  /** Marks the one place in the text before unit `end` that refers to note `n`; none when there are several. */
  private markReference(n: number, end: number): boolean {
    const superscript = [...String(n)].map((d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]).join('');
    const patterns = [
      new RegExp(`\\[${n}\\]`, 'g'),
      new RegExp(`(?<=[\\p{L}\\p{N})”"’'.,;:])${superscript}(?![⁰¹²³⁴⁵⁶⁷⁸⁹])`, 'gu'),
      new RegExp(`(?<=[\\p{L}”"’'.,;:])\\(${n}\\)`, 'gu'),
      new RegExp(`(?<=[\\p{L})”"’'][.,;:]?[.,;:])${n}(?=\\s|$)`, 'gu'),
    ];
    for (const pattern of patterns) {
      const hits: { unit: ParaUnit; line: number }[] = [];
      for (const unit of this.units.slice(0, end)) {
        if (unit.kind !== 'para') continue;
        unit.lines.forEach((line, i) => {
          for (const _ of line.matchAll(pattern)) hits.push({ unit, line: i });
        });
      }
      if (hits.length !== 1) continue;
      const { unit, line } = hits[0];
      unit.lines[line] = unit.lines[line].replace(pattern, `\uE000${n}\uE001`);
      return true;
    }
    return false;
  }

  /**
   * A line that is only a date, near the top (before the letter's prose begins) or at the end (just
   * above or below the signatures), is the letter's date: it gets the `Date:` label. A date in a
   * page's chrome (`Posted on …`, `Updated …`) is never a line of a date alone, so is never taken.
   */
  private labelDate(): void {
    if (this.units.some((u) => u.kind === 'field' && u.labels.some((l) => defaultVocabulary.fieldOf(l) === 'date')))
      return;
    const last = this.units[this.units.length - 1];
    // A date closing the last block of lines (an address, then `04.09.2022`): a line of its own.
    if (last?.kind === 'para' && last.lines.length > 1 && isDateLine(last.lines[last.lines.length - 1])) {
      const line = last.lines.pop()!;
      this.units.push({ kind: 'para', line: last.line + last.lines.length, lines: [line], standalone: true });
    }
    const isDate = (u: Unit | undefined): u is ParaUnit =>
      u?.kind === 'para' && u.lines.length === 1 && isDateLine(u.lines[0]);
    // The first unit is the title, or a line standing in its place: never the start of the prose.
    // A note about the letter (`Update (2021-04-12): …`, `Posted on …`) is the page's, not the letter's prose.
    const aside = (u: ParaUnit) => /^[_*]*(?:update[ds]?|posted|published|edit(?:ed)?|note)\b/i.test(u.lines[0].trim());
    const prose = this.units.findIndex(
      (u, k) =>
        k > 0 &&
        ((u.kind === 'para' && !aside(u) && (SALUTATION.test(u.lines[0].trim()) || u.lines.join(' ').length >= 150)) ||
          u.kind === 'list'),
    );
    const top = this.units.findIndex((u, k) => k < (prose < 0 ? this.units.length : prose) && isDate(u));
    let k = top;
    if (k < 0) {
      // At the end: among the last units, or next to the signatories.
      const signatures = this.units.findIndex(
        (u) => (u.kind === 'heading' && u.section === 'signatories') || (u.kind === 'list' && u.role === 'signatories'),
      );
      for (let j = this.units.length - 1; j >= 0 && k < 0; j--) {
        const near = j >= this.units.length - 3 || (signatures >= 0 && Math.abs(j - signatures) <= 2);
        if (near && isDate(this.units[j])) k = j;
      }
    }
    if (k < 0) return;
    const unit = this.units[k] as ParaUnit;
    const text = unit.lines[0].trim();
    const value = this.markdown ? unwrapped(text) : text;
    this.units[k] = { kind: 'field', line: unit.line, lines: [`Date: ${value}`], labels: ['Date'], complete: true };
    this.note(message(convertTemplates.noteDateLabelled, unit.line + 1, quote(text)));
    this.dateLabelled = true;
  }

  /**
   * Addressees: several name-and-title blocks under one `To:` (blank lines between) become `To:` and
   * one list item a block; without a `To:`, the block of short lines just before the salutation (or
   * before the prose, when there is none) is the addressee: a postal address, or one body a line.
   */
  private findAddressees(): void {
    const isTo = (u: Unit | undefined): u is FieldUnit =>
      u?.kind === 'field' && u.labels.length === 1 && defaultVocabulary.fieldOf(u.labels[0]) === 'addressee';
    const block = (u: Unit | undefined): u is ParaUnit =>
      u?.kind === 'para' &&
      u.lines.length <= 12 &&
      u.lines.every(
        (l) => l.trim().length <= 100 && isNameLine(l) && !labelOf(l) && !/[.!?。;；,，、]\s*$/.test(l.trim()),
      ) &&
      !SALUTATION.test(u.lines[0].trim());
    const to = this.units.findIndex(isTo);
    if (to >= 0) {
      const field = this.units[to] as FieldUnit;
      let end = to + 1;
      while (end < this.units.length && block(this.units[end]) && (this.units[end] as ParaUnit).lines.length <= 4)
        end++;
      if (end === to + 1) return;
      // A `To:` line that carries its addressee keeps it, written as it was: each further block is an
      // addressee paragraph of its own, `To: Name` and its title lines.
      const value = field.lines[0].replace(defaultVocabulary.labelPattern, '').trim();
      const blocks = this.units.slice(to + 1, end) as ParaUnit[];
      let items: Item[] | null = null;
      if (value === '' && field.lines.length === 1) {
        items = blocks.map((b) => ({
          line: b.line,
          ordered: false,
          number: 1,
          indent: 0,
          text: b.lines[0],
          continuation: b.lines.slice(1),
          children: [],
          blankBefore: false,
        }));
        const list: ListUnit = {
          kind: 'list',
          line: field.line,
          ordered: false,
          family: 'dash',
          items,
          role: null,
          heading: null,
          asLabel: false,
          headingAbove: false,
        };
        this.units.splice(to, end - to, { ...field, complete: true }, list);
      } else {
        const fields = blocks.map((b): FieldUnit => ({
          kind: 'field',
          line: b.line,
          lines: [`To: ${b.lines[0].trim()}`, ...b.lines.slice(1)],
          labels: ['To'],
          complete: true,
        }));
        this.units.splice(to + 1, end - to - 1, ...fields);
      }
      const count = blocks.length + (items ? 0 : 1);
      this.note(message(convertTemplates.noteAddresseeBlocks, count, field.line + 1));
      return;
    }
    if (
      this.units.some((u) => u.kind === 'field' && u.labels.some((l) => defaultVocabulary.fieldOf(l) === 'addressee'))
    )
      return;
    let anchor = this.units.findIndex((u) => u.kind === 'para' && SALUTATION.test(u.lines[0].trim()));
    if (anchor < 0)
      anchor = this.units.findIndex((u) => (u.kind === 'para' && u.lines.join(' ').length >= 100) || u.kind === 'list');
    let k = anchor - 1;
    while (k > 0 && this.units[k].kind === 'field') k--;
    const unit = this.units[k];
    if (k < 1 || !block(unit) || (unit.lines.length === 1 && commaCount(unit.lines[0]) === 0)) return;
    const lines = unit.lines.map((l) => l.replace(/^To\s+(?=\p{Lu})/u, ''));
    if (
      lines.length >= 3 &&
      lines.every((l) => commaCount(l) === 0) &&
      !(isPersonName(lines[0]) && /\p{Script=Latin}/u.test(lines[0]))
    ) {
      // One body or office a line (`経済産業省　梶山大臣`): one addressee each.
      const items: Item[] = lines.map((text, i) => ({
        line: unit.line + i,
        ordered: false,
        number: 1,
        indent: 0,
        text,
        continuation: [],
        children: [],
        blankBefore: false,
      }));
      const list: ListUnit = {
        kind: 'list',
        line: unit.line,
        ordered: false,
        family: 'dash',
        items,
        role: null,
        heading: null,
        asLabel: false,
        headingAbove: false,
      };
      this.units.splice(
        k,
        1,
        { kind: 'field', line: unit.line, lines: [this.japanese ? '宛先：' : 'To:'], labels: ['To'], complete: true },
        list,
      );
      this.note(message(convertTemplates.noteAddresseeBlocks, items.length, unit.line + 1));
      return;
    }
    this.units[k] = {
      kind: 'field',
      line: unit.line,
      lines: [`To: ${lines[0]}`, ...lines.slice(1)],
      labels: ['To'],
      complete: true,
    };
    this.note(message(convertTemplates.noteAddresseeBlock, unit.line + 1));
  }

  /**
   * A `## Cited Reports` heading opens a section that runs to the next heading: when another list
   * follows before one, the section is a `Cited Reports:` label paragraph instead, which holds just its list.
   */
  private scopeReports(): void {
    this.units.forEach((unit, k) => {
      if (unit.kind !== 'list' || unit.role !== 'reports' || unit.heading === null) return;
      for (const next of this.units.slice(k + 1)) {
        if (next.kind === 'heading' || (next.kind === 'list' && next.heading !== null)) return;
        if (next.kind === 'list') {
          unit.asLabel = true;
          this.note(message(templates.noteReportsLabel, next.line + 1));
          return;
        }
      }
    });
  }

  // --- writing ------------------------------------------------------------------------------

  /** The notes: title, fields, headings, then the sections as decided, then what changed in the layout. */
  private summary(): Message[] {
    const notes: Message[] = [...(this.options.before ?? [])];
    const title = this.units.find((u): u is TitleUnit => u.kind === 'title');
    if (title) notes.push(message(templates.noteTitle, quote(title.text)));
    else if (this.noTitle) notes.push(this.noTitle);
    else notes.push(message(templates.noteNoTitleEmpty));
    const fields = this.units.filter((u): u is FieldUnit => u.kind === 'field');
    if (fields.length > 0) {
      notes.push(
        message(
          templates.noteFields,
          joined(
            fields.flatMap((f) => f.labels.map((l) => message(templates.noteFieldAt, l, f.line + 1))),
            templates.commaList,
          ),
        ),
      );
    } else {
      notes.push(message(templates.noteNoFields));
    }
    if (!this.dateLabelled && !fields.some((f) => f.labels.some((l) => defaultVocabulary.fieldOf(l) === 'date'))) {
      // `January 10, 2023` on a line of its own: the date, but the checks read only a labelled one.
      const dated = this.units.find(
        (u): u is ParaUnit => u.kind === 'para' && u.lines.length === 1 && parseDate(u.lines[0]) !== null,
      );
      if (dated)
        notes.push(
          message(templates.noteDateLine, dated.line + 1, quote(dated.lines[0].trim()), dated.lines[0].trim()),
        );
    }
    const headings = this.units.filter(
      (u): u is HeadingUnit => u.kind === 'heading' && u.section === null && !u.markdown && !this.groups.includes(u),
    );
    if (headings.length > 0) {
      notes.push(
        message(
          templates.noteHeadings,
          joined(
            headings.map((h) => message(templates.noteHeadingAt, quote(h.text), h.line + 1)),
            templates.commaList,
          ),
        ),
      );
    }
    append(notes, this.decisions);
    if (this.groups.length > 0) {
      const shown = this.groups.map((g) => message(templates.noteHeadingAt, quote(g.text), g.line + 1));
      notes.push(message(convertTemplates.noteGroups, joined(shown, templates.commaList)));
    }
    if (this.markdown) notes.push(message(convertTemplates.noteMarkdownSource));
    if (this.japanese) notes.push(message(templates.noteJapanese));
    if (this.continuations > 0) {
      notes.push(
        message(
          templates.noteWrapped,
          count(this.continuations, templates.continuationLineCount, templates.continuationLinesCount),
        ),
      );
    }
    if (this.separators > 0)
      notes.push(
        message(
          templates.noteSeparators,
          count(this.separators, templates.separatorLineCount, templates.separatorLinesCount),
        ),
      );
    if (this.escapes.count > 0) {
      const lines = [...this.escapes.lines].sort((a, b) => a - b);
      const shown = lines.length > 8 ? `${lines.slice(0, 8).join(', ')}…` : lines.join(', ');
      const characters = count(this.escapes.count, templates.characterCount, templates.charactersCount);
      notes.push(
        message(lines.length === 1 ? templates.noteEscapedLine : templates.noteEscapedLines, characters, shown),
      );
    }
    return notes;
  }
}

/** A line that names a group of signatories, to be a `###` heading inside their section. */
const GROUP = new RegExp(
  '^(?:global|regional|national|international|local|organi[sz]ations?|individuals?|groups?|companies|businesses|' +
    'academics?|(?:endorsing|signing|supporting)\\s+(?:organi[sz]ations|individuals)|団体|個人)$',
  'i',
);
/** Labels of published notes: numbered lines under one of these are footnotes. */
const NOTES = /^(?:notes?|end\s*notes?|foot\s*notes?|注|脚注|注記)$/i;
const ON_BEHALF = /\bon\s+behalf\s+of\b/i;
/** `[List of names]`, `[Your name]`: a place left for signatures, not one. */
const PLACEHOLDER = /^\s*\[[^\]]*\]\s*$/;

function itemText(item: Item): string {
  return [item.text, ...item.continuation].join(' ');
}

/** `1 item`, `3 items`: a count as a message, in the singular or the plural template. */
function count(n: number, one: string, many: string): Message {
  return message(n === 1 ? one : many, n);
}

const countItems = (n: number) => count(n, templates.itemCount, templates.itemsCount);

/** A line of the text as notes quote it (between `'…'` in the template): shortened when long. */
function quote(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
