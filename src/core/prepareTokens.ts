// The token stream the renderer renders: the letter's parts folded into one token each, links
// checked (markdown-it's refusal of unsafe ones put back), lines marked for scroll sync.
import markdownIt, { type Token } from 'markdown-it';
import type { LetterPart } from './parseLetter';
import type { PartToken } from './render';
import { closing, hardBreak, isLineBlock } from './lineBlocks';

// markdown-it's own refusal of `javascript:`, `vbscript:`, `file:` and non-image `data:` links.
const linkChecker = markdownIt();
export const isSafeLink = (url: string): boolean => linkChecker.validateLink(url);

/** The token stream to render: the letter's parts folded into one token each, links checked, lines marked for scroll sync. */
export function prepare(
  tokens: Token[],
  parts: Map<number, LetterPart>,
  resolveImage?: (src: string) => string,
): Token[] {
  const out: Token[] = [];
  // Footnotes stand at the end whatever their lines: no scroll-sync line, which would run backwards.
  let inNotes = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const part = parts.get(i);
    if (token.type === 'footnote_block_open') inNotes = true;
    if (inNotes) {
      out.push(token.type === 'inline' ? linksChecked(token, resolveImage) : token);
      continue;
    }
    if (part && part.kind !== 'title') {
      const end = closing(tokens, i);
      out.push({
        type: 'letter_part',
        meta: { part, tokens: tokens.slice(i, end + 1) } satisfies PartToken,
        map: token.map,
      } as unknown as Token);
      i = end;
      continue;
    }
    if (token.type === 'inline' && token.children) {
      let children = checkLinks(token.children, resolveImage);
      // An address block, a copy list, a signature kept as text: short lines shown as lines.
      if (tokens[i - 1]?.type === 'paragraph_open' && isLineBlock(token.content))
        children = children.map((c) => (c.type === 'softbreak' ? hardBreak(c) : c));
      out.push(withChildren(token, children));
      continue;
    }
    const align = /^text-align:(left|center|right)$/.exec(String(token.attrGet('style') ?? ''));
    const lined = (token.nesting === 1 || token.type === 'code_block') && token.block && token.map;
    if (!lined && !align) {
      out.push(token);
      continue;
    }
    const drawn = tokenCopy(token);
    if (lined) {
      drawn.attrSet('data-line', String(token.map![0]));
      drawn.attrSet('class', part?.kind === 'title' ? 'code-line letter-title' : 'code-line');
    }
    // Table alignment as a class: the page allows no inline style.
    if (align) {
      drawn.attrs = (drawn.attrs ?? []).filter(([name]) => name !== 'style');
      drawn.attrJoin('class', `letter-align-${align[1]}`);
    }
    out.push(drawn);
  }
  return out;
}

/**
 * A copy of a token, its attributes too. The renderer changes copies only: the letter's tokens are
 * read again after an edit (the next version keeps those the edit left alone), and must read the same.
 */
export function tokenCopy(token: Token): Token {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(token) as object), token) as Token;
  copy.attrs = token.attrs ? token.attrs.map(([name, value]) => [name, value] as [string, string]) : null;
  return copy;
}

/** The inline token with its links checked (see `checkLinks`): itself, or a copy where they change. */
export function linksChecked(token: Token, resolveImage?: (src: string) => string): Token {
  return token.children ? withChildren(token, checkLinks(token.children, resolveImage)) : token;
}

/** The inline token with these children: itself when they are its own, else a copy. */
function withChildren(token: Token, children: Token[]): Token {
  if (children.every((c, k) => c === token.children![k])) return token;
  const copy = tokenCopy(token);
  copy.children = children;
  return copy;
}

/**
 * The inline tokens with unsafe links emptied (and marked, their closing tokens too) and relative
 * images resolved: copies where they change, the others as they are.
 */
export function checkLinks(children: Token[], resolveImage?: (src: string) => string): Token[] {
  let lastOpen: Token | undefined;
  return children.map((child) => {
    let out = child;
    if (child.type === 'link_open' || child.type === 'image') {
      const attr = child.type === 'image' ? 'src' : 'href';
      const url = String(child.attrGet(attr) ?? '');
      if (!isSafeLink(url)) {
        out = tokenCopy(child);
        out.meta = { ...child.meta, unsafe: true };
        out.attrSet(attr, '');
      } else if (child.type === 'image' && resolveImage && !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url)) {
        out = tokenCopy(child);
        out.attrSet('src', resolveImage(url));
      }
    } else if (child.type === 'link_close' && lastOpen?.meta?.unsafe) {
      // Pairs with the last open link: markdown-it does not nest links.
      out = tokenCopy(child);
      out.meta = { ...child.meta, unsafe: true };
    }
    if (child.type === 'link_open') lastOpen = out;
    return out;
  });
}
