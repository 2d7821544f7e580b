// A letter that says whom it is to only in its title or a heading (`Open Letter to the European Commission`).
import type { Token } from 'markdown-it';
import { InlineText } from './text/inlineText';
import { addresseeOf } from './fieldReading';
import { greetedParts, titleAddressees as titleParts } from './letterShapes';
import type { Addressee } from './model';
import type { LetterReader } from './parseLetter';

/**
 * The addressees a heading names (the title, or a heading before the body such as `## Open Letter to
 * the European Commission`), each a part of `the Arab League & the OIC`; none when no heading does.
 */
export function titleAddressees(c: LetterReader): Addressee[] {
  const tokens: Token[] = c.tokens;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].type !== 'heading_open') continue;
    const inline = tokens[i + 1];
    const text = new InlineText(inline, c.lines);
    const found = titleParts(text.plain);
    if (!found) continue;
    return greetedParts(text.plain, found.start, found.end).map((p) => ({
      ...addresseeOf(c, text, p.start, p.end, false),
      source: 'title' as const,
    }));
  }
  return requestAddressees(c);
}

/** `Our request to HashiCorp: …`, `Demands to the Government:`: a request put to someone by name. */
const REQUEST_TO =
  /^(?:[Oo]ur\s+|[Mm]y\s+|[Tt]he\s+)?(?:[Rr]equest|[Dd]emand|[Aa]ppeal|[Pp]lea|[Pp]etition)s?\s+to\s+((?:the\s+)?\p{Lu}[^:：\n]{0,80}?)\s*[:：]/u;

/**
 * A manifesto or statement that says whom it is to only where it puts its request (`Our request to
 * HashiCorp: switch Terraform back …`): the first paragraph or heading that opens so names them.
 */
function requestAddressees(c: LetterReader): Addressee[] {
  const tokens: Token[] = c.tokens;
  for (let i = 1; i < tokens.length; i++) {
    const inline = tokens[i];
    if (
      inline.type !== 'inline' ||
      inline.content.length > 300 ||
      !/^(?:our|my|the|(?:request|demand|appeal|plea|petition)s?)\b/i.test(inline.content)
    )
      continue;
    if (tokens[i - 1].type !== 'heading_open' && (tokens[i - 1].type !== 'paragraph_open' || tokens[i - 1].level !== 0))
      continue;
    const text = new InlineText(inline, c.lines);
    const m = REQUEST_TO.exec(text.plain.replace(/[*_]/g, ' '));
    if (!m) continue;
    const start = m[0].indexOf(m[1]);
    return [{ ...addresseeOf(c, text, start, start + m[1].length, false), source: 'title' as const }];
  }
  return [];
}
