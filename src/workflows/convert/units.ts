// What the conversion reads a plain-text letter into: blocks of lines, then units (the title, headings,
// paragraphs, fields, lists of items) whose roles it then decides.

export type Role = 'reports' | 'signatories';
export type Family = 'symbol' | 'dash' | 'star' | 'number';

export interface Marker {
  family: Family;
  ordered: boolean;
  /** The item's number (ordered lists), 1 otherwise. */
  number: number;
  /** `-`, `*`, `–` and numbers also begin ordinary lines of prose; `•`, `・`, `①` never do. */
  ambiguous: boolean;
  /** Leading whitespace before the marker, in columns (a tab counts 4). */
  indent: number;
  /** The item's text: what follows the marker and its spaces. */
  text: string;
}

export interface Item {
  line: number;
  ordered: boolean;
  number: number;
  indent: number;
  text: string;
  /** Wrapped continuation lines, their indentation removed. */
  continuation: string[];
  /** Items of a list indented under this one (one level). */
  children: Item[];
  /** The item was separated from the one before by a blank line. */
  blankBefore: boolean;
}

export interface TitleUnit {
  kind: 'title';
  line: number;
  text: string;
}
export interface HeadingUnit {
  kind: 'heading';
  line: number;
  text: string;
  /** The section the heading opens, when its text is one of the format's section names. */
  section: Role | null;
  /** `##` unless said otherwise: `###` for a group of signatories, a Markdown source's own level. */
  level?: number;
  /** The heading's text is Markdown already (a Markdown source): written without escapes. */
  markdown?: boolean;
}
/** Lines written as they are: a table, footnote definitions, a Markdown source's own blocks. */
export interface RawUnit {
  kind: 'raw';
  line: number;
  lines: string[];
  /** What the lines are, for the decisions made about them. */
  what: 'table' | 'footnotes' | 'markdown';
}
export interface ParaUnit {
  kind: 'para';
  line: number;
  lines: string[];
  /** The paragraph is a whole block of one line: a heading or a label if short enough. */
  standalone: boolean;
}
export interface FieldUnit {
  kind: 'field';
  line: number;
  lines: string[];
  labels: string[];
  /** A date or reply deadline whose value has been read: a further line is not part of it. */
  complete: boolean;
}
export interface ListUnit {
  kind: 'list';
  line: number;
  ordered: boolean;
  family: Family;
  items: Item[];
  role: Role | null;
  /** The heading the conversion puts before the list (`Cited Reports`), if any. */
  heading: string | null;
  /** Put the heading as a `Cited Reports:` label paragraph, whose section is just this list. */
  asLabel: boolean;
  /** The heading goes above the paragraph before the list: a short line that introduces it (`Endorsing organizations`). */
  headingAbove: boolean;
}
export type Unit = TitleUnit | HeadingUnit | ParaUnit | FieldUnit | ListUnit | RawUnit;

export interface Block {
  start: number;
  lines: string[];
}
