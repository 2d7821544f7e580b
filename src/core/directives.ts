// `<!-- letter-lint-… -->` comments: what each silences, and where.
import type { Token } from 'markdown-it';
import type { DisableDirective, Range } from './model';

export const DIRECTIVE =
  /^\s*<!--\s*letter-lint-(disable-next-line|disable-file|disable|enable)(?=\s|-->)([^]*?)-->\s*$/;
const FILE_DIRECTIVE = /<!--\s*letter-lint-disable-file(?=\s|-->)([^]*?)-->/g;

/** Reads a letter's disable comments from its tokens, in order. */
export class DirectiveReader {
  readonly found: DisableDirective[] = [];
  /** For a token in a run of closing tokens and disable comments: the first token after the run. */
  private readonly afterComments = new Map<number, number>();

  constructor(
    private readonly tokens: readonly Token[],
    /** Lines `[first, end)` as a range, as the letter's reader makes it. */
    private readonly linesRange: (first: number, end: number) => Range,
  ) {}

  /** Reads the HTML block at token `index`; true when it is a disable comment of its own. */
  read(index: number): boolean {
    const token = this.tokens[index];
    const m = DIRECTIVE.exec(token.content);
    const [first, end] = token.map!;
    if (!m) {
      // Inside a larger HTML block (an unclosed `<!--` above swallowed it), only a file-wide comment
      // still means something: it does not depend on where it stands.
      for (const f of token.content.matchAll(FILE_DIRECTIVE)) {
        this.found.push({
          kind: 'disable-file',
          codes: f[1].split(/[\s,]+/).filter(Boolean),
          range: this.linesRange(first, end),
          targetLine: end,
          targetEndLine: end,
        });
      }
      return false;
    }
    const block = this.nextBlock(index);
    this.found.push({
      kind: m[1] as DisableDirective['kind'],
      codes: m[2].split(/[\s,]+/).filter(Boolean),
      range: this.linesRange(first, end),
      targetLine: block ? block[0] : end,
      targetEndLine: block ? block[1] - 1 : end,
    });
    return true;
  }

  /**
   * The lines a `disable-next-line` comment at token `index` silences: the paragraph or heading after
   * it, or the whole first line and paragraph of the list item after it. Other disable comments in
   * between are passed over, so comments can be stacked.
   */
  private nextBlock(index: number): [number, number] | null {
    const tokens = this.tokens;
    let j = index + 1;
    const passed: number[] = [];
    while (
      j < tokens.length &&
      (!tokens[j].map || (tokens[j].type === 'html_block' && DIRECTIVE.test(tokens[j].content)))
    ) {
      // A run of thousands of comments is walked once, not once per comment.
      const known = this.afterComments.get(j);
      if (known !== undefined) {
        j = known;
        break;
      }
      passed.push(j++);
    }
    for (const k of passed) this.afterComments.set(k, j);
    while (j < tokens.length && /^(?:bullet_list_open|ordered_list_open|blockquote_open)$/.test(tokens[j].type)) j++;
    const token = tokens[j];
    if (!token?.map) return null;
    const start = token.map[0];
    if (token.type === 'list_item_open') {
      const next = tokens[j + 1];
      return [start, Math.max(start + 1, next?.type === 'paragraph_open' && next.map ? next.map[1] : start + 1)];
    }
    return [start, Math.max(start + 1, token.map[1])];
  }
}
