import markdownIt, { type MarkdownIt } from 'markdown-it';
import { createLetterMarkdown } from './markdown';
import { parseLetter } from './parseLetter';

export interface RenderOptions {
  /** Extra CSS placed in the document's `<style>`. */
  css?: string;
}

let renderer: MarkdownIt | undefined;

// The reading parser keeps raw HTML as tokens (for the disable comments); here none of it is ever
// emitted as HTML: comments are dropped and anything else is shown as text.
function letterRenderer(): MarkdownIt {
  const md = createLetterMarkdown();
  md.validateLink = markdownIt().validateLink;
  const escape = md.utils.escapeHtml;
  const asText = (content: string) => (/^\s*<!--[^]*-->\s*$/.test(content) ? '' : escape(content));
  md.renderer.rules.html_block = (tokens, i) => {
    const text = asText(tokens[i].content);
    return text ? `<p>${text}</p>\n` : '';
  };
  md.renderer.rules.html_inline = (tokens, i) => asText(tokens[i].content);
  md.renderer.rules.front_matter = () => '';
  return md;
}

const BASE_CSS = `body{font-family:Georgia,'Times New Roman',serif;max-width:42em;margin:2em auto;padding:0 1em;line-height:1.5;color:#111}
h1{font-size:1.6em}h2{font-size:1.2em;margin-top:1.6em}
@media print{body{margin:0;max-width:none}a{color:inherit}}`;

/** The letter as a standalone HTML document (no script), as `advocacy-letter render` writes it. */
export function renderLetterHtml(text: string, options: RenderOptions = {}): string {
  renderer ??= letterRenderer();
  const source = text.replace(/\r\n?/g, '\n');
  const letter = parseLetter(source);
  const escape = renderer.utils.escapeHtml;
  const body = renderer.render(source);
  const title = escape(letter.title?.text ?? 'Letter');
  return `<!DOCTYPE html>
<html lang="${escape(letter.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src https: data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${BASE_CSS}${options.css ?? ''}</style>
</head>
<body>
<main class="letter">
${body}</main>
</body>
</html>
`;
}
