import type { Position } from '../model';

/**
 * Turns offsets in `text` into line/character positions (lines counted from `firstLine`), by a binary
 * search over the line starts. A position never passes the end of its line: parsers report an error
 * at the end of their input one character beyond it.
 */
export function positionsIn(text: string, firstLine = 0): (offset: number) => Position {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    let lineEnd = lo + 1 < lineStarts.length ? lineStarts[lo + 1] - 1 : text.length;
    if (lineEnd > lineStarts[lo] && text[lineEnd - 1] === '\r') lineEnd--;
    return { line: firstLine + lo, character: Math.max(0, Math.min(offset, lineEnd) - lineStarts[lo]) };
  };
}
