import markdownIt, { type MarkdownIt, type StateBlock } from 'markdown-it';

/**
 * The markdown-it the engine reads letters with. Raw HTML is recognised (never rendered) so that the
 * `<!-- letter-lint-… -->` comments come out as their own blocks; bare URLs become links, as writers type them.
 */
export function createLetterMarkdown(): MarkdownIt {
  const md = markdownIt({ html: true, linkify: true });
  // Every link is read as a link, so that the checks can report a `javascript:` one; the renderer
  // puts markdown-it's refusal of unsafe links back.
  md.validateLink = () => true;
  // Bare addresses are found only where one can be (`://`, `www.`, an e-mail's `@`): linkify-it's own
  // test scans every text for bare domain names, which costs a sign-on letter of thousands of
  // entries a sixth of its parse, and reads "Inc.com"-like words as links.
  const linkify = md.linkify;
  const test = linkify.test.bind(linkify);
  linkify.test = (text: string) => (text.includes('://') || text.includes('www.') || text.includes('@')) && test(text);
  md.block.ruler.before('table', 'front_matter', frontMatterBlock, { alt: [] });
  return md;
}

/** `---` on the first line opens YAML front matter, `---` or `...` on a later line closes it. */
const FENCE_OPEN = /^---[ \t]*$/;
const FENCE_CLOSE = /^(?:---|\.\.\.)[ \t]*$/;

// Hand-written rather than markdown-it-front-matter: that plugin swallows the whole letter when the
// closing fence is missing; here an unclosed block is not front matter, so the letter still parses.
function frontMatterBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (startLine !== 0 || state.blkIndent !== 0) return false;
  if (!FENCE_OPEN.test(lineText(state, 0))) return false;
  let close = 1;
  while (close < endLine && !FENCE_CLOSE.test(lineText(state, close))) close++;
  if (close >= endLine) return false;
  if (silent) return true;
  const token = state.push('front_matter', '', 0);
  token.block = true;
  token.hidden = true;
  token.map = [0, close + 1];
  token.content = close > 1 ? state.src.slice(state.bMarks[1], state.eMarks[close - 1]) : '';
  state.line = close + 1;
  return true;
}

function lineText(state: StateBlock, line: number): string {
  return state.src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line]);
}
