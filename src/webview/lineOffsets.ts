// Source line ↔ page offset, over the preview's blocks as measured. No DOM here, so it runs (and is
// tested) in plain Node; main.ts does the measuring.

/** A block of the letter drawn from a source line, as laid out on the page. */
export interface LineBlock {
  /** The 0-based source line it was drawn from (its `data-line`). */
  line: number;
  /** Pixels from the top of the page to its top edge. */
  top: number;
  /** Its height in pixels. */
  height: number;
}

/**
 * The index of the block drawn from the nearest source line at or before `line`: the first of
 * several drawn from that line (the outermost, in document order), or -1 when all come later.
 */
export function blockAtLine(blocks: readonly Pick<LineBlock, 'line'>[], line: number): number {
  let found = -1;
  for (let i = 0; i < blocks.length; i++) {
    const at = blocks[i].line;
    if (at <= line && (found < 0 || at > blocks[found].line)) found = i;
  }
  return found;
}

/**
 * The page offset that shows the fractional source `line` at the top: interpolated between the
 * tops of the blocks bracketing it. The exact inverse of `lineAtOffset`.
 */
export function offsetForLine(blocks: readonly LineBlock[], line: number): number {
  const points = knots(blocks);
  if (points.length < 2) return 0;
  let i = 0;
  while (i < points.length - 2 && points[i + 1].line <= line) i++;
  const from = points[i];
  const to = points[i + 1];
  return from.top + ((line - from.line) / (to.line - from.line)) * (to.top - from.top);
}

/** The fractional source line shown at page `offset`. The exact inverse of `offsetForLine`. */
export function lineAtOffset(blocks: readonly LineBlock[], offset: number): number {
  const points = knots(blocks);
  if (points.length < 2) return 0;
  let i = 0;
  while (i < points.length - 2 && points[i + 1].top <= offset) i++;
  const from = points[i];
  const to = points[i + 1];
  return from.line + ((offset - from.top) / (to.top - from.top)) * (to.line - from.line);
}

interface Knot {
  line: number;
  top: number;
}

/**
 * The points the line ↔ offset map runs straight between: the top of the page as line 0, each
 * block's top, and one line past the last block at its bottom. Only points where both the line and
 * the offset grow are kept (a grid row puts several lines at one offset), so the map can be inverted
 * exactly: the scroll anchor taken before an update lands on the same pixel after it.
 */
function knots(blocks: readonly LineBlock[]): Knot[] {
  const points: Knot[] = [{ line: 0, top: 0 }];
  for (const block of blocks) {
    const last = points[points.length - 1];
    if (block.line > last.line && block.top > last.top) points.push({ line: block.line, top: block.top });
  }
  const lastBlock = blocks.at(-1);
  const last = points[points.length - 1];
  if (lastBlock) {
    const bottom = Math.max(last.top + 1, lastBlock.top + lastBlock.height);
    points.push({ line: Math.max(last.line, lastBlock.line) + 1, top: bottom });
  }
  return points;
}
