// Range checks shared by the property and robustness tests: every range the engine hands out
// (in the Letter model, in diagnostics and their fixes, in the outline) must lie inside the
// document it was read from, the way VS Code would have to show it.
import type { Letter, LetterDiagnostic, LetterFix, OutlineItem, Position, Range, TextEdit } from '../../../src/core';

const isInt = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n);

function isPositionLike(v: unknown): v is Position {
  return typeof v === 'object' && v !== null && 'line' in v && 'character' in v;
}

function isRangeLike(v: unknown): v is Range {
  return (
    typeof v === 'object' &&
    v !== null &&
    'start' in v &&
    'end' in v &&
    isPositionLike((v as Range).start) &&
    isPositionLike((v as Range).end)
  );
}

const show = (p: Position) => `${String(p.line)}:${String(p.character)}`;

/** Why `p` is not a position of the document, or null. */
export function positionProblem(lines: readonly string[], p: Position): string | null {
  if (!isInt(p.line) || !isInt(p.character)) return `non-integer position ${show(p)}`;
  if (p.line < 0 || p.line >= lines.length) return `line ${p.line} outside 0..${lines.length - 1}`;
  if (p.character < 0 || p.character > lines[p.line].length)
    return `character ${p.character} outside 0..${lines[p.line].length} on line ${p.line}`;
  return null;
}

/** Why `r` is not a range of the document, or null. */
export function rangeProblem(lines: readonly string[], r: Range): string | null {
  const problem = positionProblem(lines, r.start) ?? positionProblem(lines, r.end);
  if (problem) return problem;
  if (r.start.line > r.end.line || (r.start.line === r.end.line && r.start.character > r.end.character)) {
    return `start ${show(r.start)} after end ${show(r.end)}`;
  }
  return null;
}

/** Collects problems, keeping the first few (a broken 50,000-entry letter must not build a giant message). */
export class Problems {
  readonly list: string[] = [];
  count = 0;
  constructor(private readonly keep = 12) {}
  add(message: string): void {
    this.count++;
    if (this.list.length < this.keep) this.list.push(message);
  }
  range(lines: readonly string[], r: Range, where: () => string): void {
    const problem = rangeProblem(lines, r);
    if (problem) this.add(`${where()}: ${problem} (${JSON.stringify(r)})`);
  }
  get ok(): boolean {
    return this.count === 0;
  }
  toString(): string {
    return `${this.count} range problem(s):\n  ${this.list.join('\n  ')}${this.count > this.list.length ? '\n  …' : ''}`;
  }
}

/** Every `{start, end}` object reachable from the letter (its `lines` aside), each checked. */
/** An object's own properties and, for class instances (entries), the values of its prototypes' getters. */
function entriesWithGetters(value: object): [string, unknown][] {
  const entries = Object.entries(value);
  for (
    let proto = Object.getPrototypeOf(value);
    proto && proto !== Object.prototype;
    proto = Object.getPrototypeOf(proto)
  ) {
    for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(proto))) {
      if (descriptor.get) entries.push([key, (value as Record<string, unknown>)[key]]);
    }
  }
  return entries;
}

export function checkModelRanges(letter: Letter, problems: Problems): number {
  const lines = letter.lines;
  let seen = 0;
  const visited = new Set<object>();
  const walk = (value: unknown, path: () => string): void => {
    if (typeof value !== 'object' || value === null || visited.has(value)) return;
    visited.add(value);
    if (isRangeLike(value)) {
      seen++;
      problems.range(lines, value, path);
      return;
    }
    if (isPositionLike(value)) {
      seen++;
      const problem = positionProblem(lines, value);
      if (problem) problems.add(`${path()}: ${problem}`);
      return;
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) walk(value[i], () => `${path()}[${i}]`);
      return;
    }
    for (const [key, child] of entriesWithGetters(value)) {
      if (value === letter && key === 'lines') continue;
      // A front matter key's value is the writer's YAML data, which may hold anything.
      if (key === 'value' && 'keyRange' in value) continue;
      walk(child, () => `${path()}.${key}`);
    }
  };
  walk(letter, () => 'letter');
  return seen;
}

export function checkEdits(
  lines: readonly string[],
  edits: readonly TextEdit[],
  where: () => string,
  problems: Problems,
): void {
  edits.forEach((e, k) => {
    problems.range(lines, e.range, () => `${where()}.edits[${k}]`);
    if (typeof e.newText !== 'string') problems.add(`${where()}.edits[${k}]: newText is not a string`);
  });
}

export function checkFix(
  lines: readonly string[],
  fix: LetterFix | undefined,
  where: () => string,
  problems: Problems,
): void {
  if (fix) checkEdits(lines, fix.edits, where, problems);
}

/** Each diagnostic's range, related ranges and fix edit ranges. */
export function checkDiagnosticRanges(
  lines: readonly string[],
  diagnostics: readonly LetterDiagnostic[],
  problems: Problems,
): void {
  diagnostics.forEach((d, i) => {
    const where = () => `diagnostics[${i}] ${d.code}`;
    problems.range(lines, d.range, where);
    d.related?.forEach((r, k) => problems.range(lines, r.range, () => `${where()}.related[${k}]`));
    checkFix(lines, d.fix, () => `${where()}.fix`, problems);
  });
}

export function checkOutlineRanges(
  lines: readonly string[],
  items: readonly OutlineItem[],
  problems: Problems,
  path = 'outline',
): void {
  items.forEach((item, i) => {
    problems.range(lines, item.range, () => `${path}[${i}].range`);
    problems.range(lines, item.selectionRange, () => `${path}[${i}].selectionRange`);
    checkOutlineRanges(lines, item.children, problems, `${path}[${i}].children`);
  });
}

/** The lines as the engine must see them: `\r\n`, `\r` and `\n` all break a line; NUL reads as U+FFFD. */
export function expectedLines(text: string): string[] {
  return text.replace(/\0/g, '\uFFFD').split(/\r\n|\r|\n/);
}

/** Offset of a position in `lines.join('\n')`. */
export function offsetAt(lines: readonly string[], p: Position): number {
  let offset = 0;
  for (let l = 0; l < p.line; l++) offset += lines[l].length + 1;
  return offset + p.character;
}

export function positionAt(text: string, offset: number): Position {
  let line = 0;
  let lineStart = 0;
  for (let nl = text.indexOf('\n'); nl >= 0 && nl < offset; nl = text.indexOf('\n', nl + 1)) {
    line++;
    lineStart = nl + 1;
  }
  return { line, character: offset - lineStart };
}

/**
 * Applies non-overlapping edits to the letter's text (lines joined with `\n`). Returns the new
 * text and, for each edit in the order given, the offset where its new text starts; null when two
 * edits overlap (the same edit twice counts once).
 */
export function applyEdits(
  lines: readonly string[],
  edits: readonly TextEdit[],
): { text: string; at: Map<TextEdit, number> } | null {
  const text = lines.join('\n');
  const seen = new Map<string, TextEdit>();
  const unique: { edit: TextEdit; start: number; end: number }[] = [];
  const alias = new Map<TextEdit, TextEdit>();
  for (const edit of edits) {
    const key = `${JSON.stringify(edit.range)}\u0000${edit.newText}`;
    const same = seen.get(key);
    if (same) {
      alias.set(edit, same);
      continue;
    }
    seen.set(key, edit);
    alias.set(edit, edit);
    unique.push({ edit, start: offsetAt(lines, edit.range.start), end: offsetAt(lines, edit.range.end) });
  }
  unique.sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < unique.length; i++) {
    const prev = unique[i - 1];
    const cur = unique[i];
    // Touching is fine; overlapping, or two insertions at one point, is not.
    if (cur.start < prev.end || (cur.start === prev.start && cur.start === cur.end && prev.start === prev.end))
      return null;
  }
  let out = '';
  let cursor = 0;
  const newStart = new Map<TextEdit, number>();
  for (const u of unique) {
    out += text.slice(cursor, u.start);
    newStart.set(u.edit, out.length);
    out += u.edit.newText;
    cursor = u.end;
  }
  out += text.slice(cursor);
  const at = new Map<TextEdit, number>();
  for (const edit of edits) at.set(edit, newStart.get(alias.get(edit)!)!);
  return { text: out, at };
}
