// The preview's scroll sync without a browser: source line ↔ page offset over measured blocks.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { blockAtLine, lineAtOffset, offsetForLine, type LineBlock } from '../../src/webview/lineOffsets';

// A letter as laid out: the front matter (lines 0–4) draws a header above the first block, a list
// item and its paragraph share line 12, and three signatories share a grid row.
const blocks: LineBlock[] = [
  { line: 5, top: 100, height: 40 },
  { line: 8, top: 160, height: 60 },
  { line: 12, top: 240, height: 30 },
  { line: 12, top: 240, height: 20 },
  { line: 14, top: 290, height: 20 },
  { line: 20, top: 400, height: 50 },
  { line: 21, top: 400, height: 50 },
  { line: 22, top: 400, height: 50 },
  { line: 23, top: 460, height: 50 },
];

const close = (actual: number, expected: number) =>
  assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} ≉ ${expected}`);

describe('offsetForLine', () => {
  test('puts a block’s line at its top', () => {
    assert.equal(offsetForLine(blocks, 5), 100);
    assert.equal(offsetForLine(blocks, 8), 160);
    assert.equal(offsetForLine(blocks, 14), 290);
  });

  test('interpolates between the blocks bracketing a line', () => {
    close(offsetForLine(blocks, 6.5), 130);
    close(offsetForLine(blocks, 10), 200);
  });

  test('maps the lines before the first block onto the space above it', () => {
    assert.equal(offsetForLine(blocks, 0), 0);
    close(offsetForLine(blocks, 2.5), 50);
  });

  test('takes the first of the blocks drawn from one line', () => {
    assert.equal(offsetForLine(blocks, 12), 240);
  });

  test('spreads the lines of a grid row down to the next row', () => {
    assert.equal(offsetForLine(blocks, 20), 400);
    close(offsetForLine(blocks, 21.5), 430);
    assert.equal(offsetForLine(blocks, 23), 460);
  });

  test('reads the last block as one line tall', () => {
    close(offsetForLine(blocks, 23.5), 485);
    assert.equal(offsetForLine(blocks, 24), 510);
  });

  test('is 0 when nothing is drawn', () => {
    assert.equal(offsetForLine([], 7), 0);
    assert.equal(lineAtOffset([], 300), 0);
  });
});

describe('lineAtOffset', () => {
  test('reads a fractional line between blocks', () => {
    close(lineAtOffset(blocks, 130), 6.5);
    close(lineAtOffset(blocks, 0), 0);
    close(lineAtOffset(blocks, 50), 2.5);
    close(lineAtOffset(blocks, 430), 21.5);
  });

  test('is the exact inverse of offsetForLine, so an update anchored on the top line does not move', () => {
    for (let offset = 0; offset <= 700; offset += 7.25)
      close(offsetForLine(blocks, lineAtOffset(blocks, offset)), offset);
    for (let line = 0; line <= 30; line += 0.25) close(lineAtOffset(blocks, offsetForLine(blocks, line)), line);
  });

  test('stays invertible when blocks are out of order or on top of each other', () => {
    const odd: LineBlock[] = [
      { line: 0, top: 20, height: 10 },
      { line: 3, top: 50, height: 0 },
      { line: 2, top: 80, height: 10 },
      { line: 6, top: 40, height: 10 },
      { line: 9, top: 90, height: 0 },
    ];
    for (let offset = 0; offset <= 200; offset += 3.5) close(offsetForLine(odd, lineAtOffset(odd, offset)), offset);
  });
});

describe('blockAtLine', () => {
  test('finds the block drawn from the nearest line at or before', () => {
    assert.equal(blockAtLine(blocks, 5), 0);
    assert.equal(blockAtLine(blocks, 7), 0);
    assert.equal(blockAtLine(blocks, 8.5), 1);
    assert.equal(blockAtLine(blocks, 40), 8);
  });

  test('prefers the outer of two blocks drawn from one line', () => {
    assert.equal(blockAtLine(blocks, 12), 2);
    assert.equal(blockAtLine(blocks, 13), 2);
  });

  test('finds none before the first block', () => {
    assert.equal(blockAtLine(blocks, 4), -1);
    assert.equal(blockAtLine([], 4), -1);
  });
});
