// The letter as one standalone HTML file: what the export writes, Chromium prints to PDF and
// `advocacy-letter render` prints.
import markdownIt from 'markdown-it';
import { letterCss, type LetterStyle } from './letterStyle';
import type { Paper } from './model';
import { renderLetter, type RenderedLetter, type RenderOptions } from './render';

const escape = markdownIt().utils.escapeHtml;

export interface HtmlDocumentOptions extends RenderOptions {
  /** `paper` (a white page, serif type: the default for export) or `plain`. */
  style?: LetterStyle;
  /** Page size when the letter does not say (`paper` in its front matter). */
  paper?: Paper;
  /** Extra CSS, appended to the document's own. */
  css?: string;
}

/** The letter as a standalone, print-ready HTML document: embedded CSS, no script, a strict CSP. */
export function renderLetterHtml(text: string, options: HtmlDocumentOptions = {}): string {
  return standaloneHtml(renderLetter(text, options), options);
}

/** Wraps a rendered letter in its standalone document (the export, the PDF, `advocacy-letter render`). */
export function standaloneHtml({ letter, html }: RenderedLetter, options: HtmlDocumentOptions = {}): string {
  const paper = letter.paper ?? options.paper ?? 'a4';
  const css = letterCss(options.style ?? 'paper', paper) + (options.css ?? '');
  return `<!DOCTYPE html>
<html lang="${escape(letter.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src https: data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(letter.title?.text ?? 'Letter')}</title>
<style>
${css}</style>
</head>
<body class="letter-style-${options.style ?? 'paper'}">
${html}</body>
</html>
`;
}
