// The letter's outline (VS Code's Outline view and breadcrumbs) and its folding ranges.
import { english, message, templates, type Translate } from './messages';
import type { Letter, Range } from './model';

export type OutlineKind = 'title' | 'addressee' | 'date' | 'replyBy' | 'subject' | 'section' | 'report' | 'signatory';

export interface OutlineItem {
  name: string;
  detail: string;
  kind: OutlineKind;
  /** The whole element, children included. */
  range: Range;
  /** The part to reveal and highlight: a heading, a name, a title. */
  selectionRange: Range;
  children: OutlineItem[];
}

const contains = (outer: Range, inner: Range) =>
  (outer.start.line < inner.start.line ||
    (outer.start.line === inner.start.line && outer.start.character <= inner.start.character)) &&
  (outer.end.line > inner.end.line ||
    (outer.end.line === inner.end.line && outer.end.character >= inner.end.character));

/** Title, then addressees, date, subject, and each section with its reports or signatories by name. `translate` gives the labels in another language. */
export function letterOutline(letter: Letter, translate: Translate = english): OutlineItem[] {
  const t = (template: string, ...args: (string | number)[]) => translate(message(template, ...args));
  const items: OutlineItem[] = [];
  for (const a of letter.addressees) {
    items.push({
      name: a.name,
      detail: a.titles.map((t) => t.text).join(', '),
      kind: 'addressee',
      range: a.range,
      selectionRange: a.nameRange,
      children: [],
    });
  }
  if (letter.date)
    items.push({
      name: letter.date.raw,
      detail: t(templates.date),
      kind: 'date',
      range: letter.date.range,
      selectionRange: letter.date.range,
      children: [],
    });
  if (letter.replyBy)
    items.push({
      name: letter.replyBy.raw,
      detail: t(templates.replyBy),
      kind: 'replyBy',
      range: letter.replyBy.range,
      selectionRange: letter.replyBy.range,
      children: [],
    });
  if (letter.subject)
    items.push({
      name: letter.subject.text,
      detail: t(templates.subject),
      kind: 'subject',
      range: letter.subject.range,
      selectionRange: letter.subject.range,
      children: [],
    });

  const sections: OutlineItem[] = letter.sections.map((s) => ({
    name: s.heading,
    detail:
      s.kind === 'reports'
        ? t(templates.citedReportsCount, s.entryCount)
        : s.kind === 'signatories'
          ? t(templates.signatoriesCount, s.entryCount)
          : '',
    kind: 'section',
    range: s.range,
    selectionRange: s.headingRange,
    children: [],
  }));
  const entries: OutlineItem[] = [
    ...letter.reports.map((r): OutlineItem => ({
      name: r.title ?? t(templates.citedReport, r.index),
      detail: [r.publisher, r.year].filter((x) => x !== null).join(', '),
      kind: 'report',
      range: r.range,
      selectionRange: r.titleRange ?? r.textRange,
      children: [],
    })),
    ...letter.signatories.map((s): OutlineItem => ({
      name: s.name ?? s.organization ?? t(templates.signatory, s.index),
      detail: [s.name ? s.role : null, s.name ? s.organization : s.place].filter((x) => x).join(', '),
      kind: 'signatory',
      range: s.range,
      selectionRange: s.nameRange ?? s.organizationRange ?? s.textRange,
      children: [],
    })),
  ];
  // Nest each entry under the innermost section holding it, and sections under their parents: one
  // pass in source order with a stack of the sections still open.
  const byStart = (a: OutlineItem, b: OutlineItem) =>
    a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
  const ordered = [
    ...sections.map((s) => ({ item: s, section: true })),
    ...entries.map((e) => ({ item: e, section: false })),
  ].sort((a, b) => byStart(a.item, b.item) || Number(b.section) - Number(a.section));
  const roots: OutlineItem[] = [];
  const open: OutlineItem[] = [];
  for (const { item, section } of ordered) {
    while (open.length > 0 && !contains(open[open.length - 1].range, item.range)) open.pop();
    (open.length > 0 ? open[open.length - 1].children : roots).push(item);
    if (section) open.push(item);
  }
  items.push(...roots);

  const title = letter.title;
  if (title?.source === 'body') {
    const last = letter.lineCount - 1;
    const range: Range = { start: title.range.start, end: { line: last, character: letter.lines[last].length } };
    return [{ name: title.text, detail: '', kind: 'title', range, selectionRange: title.range, children: items }];
  }
  if (title)
    items.unshift({
      name: title.text,
      detail: translate(message(templates.letterTitle)),
      kind: 'title',
      range: title.range,
      selectionRange: title.range,
      children: [],
    });
  return items;
}

export interface FoldingRegion {
  startLine: number;
  endLine: number;
  kind?: 'comment' | 'region';
}

/** Front matter, each section, and each multi-line field. */
export function letterFoldingRanges(letter: Letter): FoldingRegion[] {
  const regions: FoldingRegion[] = [];
  if (letter.frontMatter)
    regions.push({ startLine: letter.frontMatter.range.start.line, endLine: letter.frontMatter.range.end.line });
  for (const s of letter.sections) regions.push({ startLine: s.range.start.line, endLine: s.range.end.line });
  for (const f of letter.fields) regions.push({ startLine: f.range.start.line, endLine: f.range.end.line });
  return regions.filter((r) => r.endLine > r.startLine);
}
