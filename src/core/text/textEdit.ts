import type { TextEdit } from '../diagnostic';
import type { Position } from '../model';

/**
 * Applies one edit to a text whose lines may end in `\n`, `\r\n` or `\r` (positions count lines as
 * `Letter.lines` does); the new text's line breaks become the text's own (its first one).
 */
export function applyTextEdit(text: string, edit: TextEdit): string {
  const eol = /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
  const offset = (p: Position): number => {
    const re = /\r\n|\r|\n/g;
    let start = 0;
    for (let line = 0; line < p.line; line++) {
      const m = re.exec(text);
      if (!m) return text.length;
      start = m.index + m[0].length;
    }
    return start + p.character;
  };
  const from = offset(edit.range.start);
  const to = offset(edit.range.end);
  return text.slice(0, from) + edit.newText.replace(/\r\n|\r|\n/g, eol) + text.slice(to);
}
