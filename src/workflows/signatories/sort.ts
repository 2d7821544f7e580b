// A locale-aware sort of the signatories lists, as one edit.
import type { TextEdit } from '../../core/diagnostic';
import { LIST_MARKER } from '../../core/actions';
import type { Letter, Signatory } from '../../core/model';

export type SignatorySortKey = 'name' | 'organization';

/**
 * The key a letter's signatories are sorted by when `by` is asked for: a letter signed by
 * organizations lists organizations only, so it is always sorted by organization; otherwise `by`
 * (undefined: the writer must choose).
 */
export function sortKeyFor(letter: Letter, by?: SignatorySortKey): SignatorySortKey | undefined {
  return letter.signedBy === 'organizations' ? 'organization' : by;
}

/** A collator for `locale`, or for the root locale when `locale` is not a valid language tag. */
function collatorFor(locale: string | undefined): Intl.Collator {
  const options: Intl.CollatorOptions = { sensitivity: 'base', numeric: true };
  try {
    return new Intl.Collator(locale || undefined, options);
  } catch {
    return new Intl.Collator(undefined, options);
  }
}

interface SortUnit {
  /** First line: the item's, or a `disable-next-line` comment's just above it. */
  start: number;
  end: number;
  /** The item's own first line. */
  itemLine: number;
  signatory: Signatory;
  marker: RegExpExecArray | null;
}

/**
 * Sorts the items of each signatories list on their own, by name (then organization) or by
 * organization (then name), with `Intl.Collator(locale, { sensitivity: 'base', numeric: true })`;
 * stable; entries without the key go last. Every item keeps its whole source text (wrapped lines,
 * nested lists), and a `letter-lint-disable-next-line` comment right above an item moves with it; an
 * ordered list keeps its numbers in place. Returns one edit over the lines that change, or null when
 * the lists are already in order.
 */
export function sortSignatories(letter: Letter, by: SignatorySortKey, locale: string = letter.lang): TextEdit | null {
  const collator = collatorFor(locale);
  const byOrganizations = letter.signedBy === 'organizations';
  const keys = (s: Signatory): (string | null)[] =>
    byOrganizations ? [s.organization, s.place] : by === 'name' ? [s.name, s.organization] : [s.organization, s.name];
  const compare = (x: SortUnit, y: SortUnit): number => {
    const a = keys(x.signatory);
    const b = keys(y.signatory);
    for (let k = 0; k < a.length; k++) {
      if (a[k] === b[k]) continue;
      if (a[k] === null) return 1;
      if (b[k] === null) return -1;
      const c = collator.compare(a[k]!, b[k]!);
      if (c !== 0) return c;
    }
    return 0;
  };

  const lines = letter.lines;
  const lines2 = [...lines];
  for (const group of sortGroups(letter)) {
    if (group.length < 2) continue;
    const sorted = [...group].sort(compare);
    if (sorted.every((u, k) => u === group[k])) continue;
    // The blank lines between items stay where they are; each slot takes the next sorted item.
    const out: string[] = [];
    sorted.forEach((unit, k) => {
      const slot = group[k];
      out.push(...unitLines(lines, unit, slot));
      if (k + 1 < group.length) out.push(...lines.slice(slot.end + 1, group[k + 1].start));
    });
    const first = group[0].start;
    const last = group[group.length - 1].end;
    lines2.splice(first, last - first + 1, ...out);
  }
  // Groups keep their line counts, so the changed lines are found line by line.
  let a = 0;
  while (a < lines.length && lines[a] === lines2[a]) a++;
  if (a === lines.length) return null;
  let b = lines.length - 1;
  while (b > a && lines[b] === lines2[b]) b--;
  return {
    range: { start: { line: a, character: 0 }, end: { line: b, character: lines[b].length } },
    newText: lines2.slice(a, b + 1).join('\n'),
  };
}

/** The item's lines, its ordered-list number set to the slot's (continuation lines follow the marker's width). */
function unitLines(lines: readonly string[], unit: SortUnit, slot: SortUnit): string[] {
  const own = lines.slice(unit.start, unit.end + 1);
  const from = unit.marker;
  const to = slot.marker;
  if (!from || !to || from[3] === undefined || to[3] === undefined || from[3] === to[3]) return own;
  const at = unit.itemLine - unit.start;
  const indent = from[1];
  const content = from[0].length;
  const delta = to[3].length - from[3].length;
  own[at] = `${indent}${to[3]}${own[at].slice(indent.length + from[3].length)}`;
  if (delta !== 0) {
    for (let k = at + 1; k < own.length; k++) {
      const line = own[k];
      const lead = line.search(/\S|$/);
      if (line.trim() === '' || lead < content) continue;
      own[k] = delta > 0 ? ' '.repeat(delta) + line : line.slice(Math.min(-delta, lead));
    }
  }
  return own;
}

/**
 * The signatories in runs that sort together: items of one list (only blank lines between them),
 * of the same marker kind and indentation, each with a `disable-next-line` comment right above it.
 */
function sortGroups(letter: Letter): SortUnit[][] {
  const lines = letter.lines;
  const comments = new Map<number, number>();
  for (const d of letter.directives) {
    if (d.kind === 'disable-next-line') comments.set(d.targetLine, d.range.start.line);
  }
  const groups: SortUnit[][] = [];
  let previous: SortUnit | null = null;
  for (const s of letter.signatories) {
    const itemLine = s.range.start.line;
    const comment = comments.get(itemLine);
    const start =
      comment !== undefined && comment < itemLine && (previous === null || comment > previous.end) ? comment : itemLine;
    const unit: SortUnit = {
      start,
      end: s.range.end.line,
      itemLine,
      signatory: s,
      marker: LIST_MARKER.exec(lines[itemLine]),
    };
    const joins =
      previous !== null &&
      unit.marker !== null &&
      previous.marker !== null &&
      sameListMarker(previous.marker, unit.marker) &&
      lines.slice(previous.end + 1, start).every((l) => l.trim() === '');
    if (joins) groups[groups.length - 1].push(unit);
    else groups.push([unit]);
    previous = unit;
  }
  return groups.filter((g) => g.every((u) => u.marker !== null));
}

function sameListMarker(a: RegExpExecArray, b: RegExpExecArray): boolean {
  if (a[1] !== b[1]) return false;
  return a[3] !== undefined ? b[3] !== undefined && a[4] === b[4] : a[2] === b[2];
}
