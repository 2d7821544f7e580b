// Letters that arrive as a Word document or a web page: each is turned into Markdown (mammoth gives
// HTML, turndown gives Markdown from HTML) and then read as the Markdown-aware conversion reads a
// letter. mammoth's HTML is used rather than its raw text, since only the HTML keeps headings,
// numbered lists and footnotes. Both libraries run in Node and in the browser.
/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-argument --
   turndown's nodes are DOM nodes, and this project's lib has no DOM (the engine runs without one). */
import mammoth from 'mammoth';
import TurndownService from 'turndown';
import { message } from '../../core/messages';
import { convertText, type ConvertResult } from './converter';
import { convertTemplates } from './notes';

/** Site chrome: never a part of the letter. */
const CHROME_TAGS = [
  'head',
  'title',
  'meta',
  'link',
  'nav',
  'header',
  'footer',
  'aside',
  'script',
  'style',
  'noscript',
  'form',
  'iframe',
  'button',
  'select',
  'template',
  'svg',
] as const;
const CHROME_NAMES = new RegExp(
  '(?:^|[\\s_-])(?:cookie|consent|gdpr|share|sharing|social|newsletter|subscribe|banner|breadcrumbs?|menu|navbar|' +
    'sidebar|skip-link|site-header|site-footer|comments?)(?:$|[\\s_-])',
  'i',
);

interface DomNode {
  nodeName: string;
  getAttribute?(name: string): string | null;
  textContent: string | null;
}

const oneLine = (content: string) => content.trim().replace(/\s*\n\s*/g, ' ');
const attribute = (node: DomNode, name: string) =>
  typeof node.getAttribute === 'function' ? (node.getAttribute(name) ?? '') : '';

function turndown(): TurndownService {
  const service = new TurndownService({
    headingStyle: 'atx',
    bulletListMarker: '-',
    codeBlockStyle: 'fenced',
    emDelimiter: '_',
  });
  service.remove([...CHROME_TAGS]);
  // Cookie banners, share bars and the like are marked by their class, id or role, not their tag.
  service.remove((node) => {
    const n = node as unknown as DomNode;
    const role = attribute(n, 'role');
    return (
      CHROME_NAMES.test(`${attribute(n, 'class')} ${attribute(n, 'id')}`) ||
      /^(?:navigation|banner|contentinfo|search)$/i.test(role)
    );
  });
  // Word's footnotes, as mammoth writes them: `<a href="#footnote-1">[1]</a>` in the text, and an
  // `<li id="footnote-1">` at the end with a link back. They become Markdown footnotes.
  service.addRule('footnoteReference', {
    filter: (node) => node.nodeName === 'A' && /^#footnote-\d+$/.test(attribute(node, 'href')),
    replacement: (_content, node) => `[^${attribute(node, 'href').replace(/^#footnote-/, '')}]`,
  });
  service.addRule('footnoteBackLink', {
    filter: (node) => node.nodeName === 'A' && /^#footnote-ref-\d+$/.test(attribute(node, 'href')),
    replacement: () => '',
  });
  service.addRule('footnoteDefinition', {
    filter: (node) => node.nodeName === 'LI' && /^footnote-\d+$/.test(attribute(node, 'id')),
    replacement: (content, node) =>
      `\n\n[^${attribute(node, 'id').replace(/^footnote-/, '')}]: ${oneLine(content)}\n\n`,
  });
  return service;
}

/**
 * Converts a web page holding a letter: its navigation, header, footer, asides, forms, scripts and
 * cookie or share bars are left out; the rest is read as a letter in Markdown.
 */
export function convertHtml(html: string): ConvertResult {
  const markdown = turndown().turndown(html);
  return convertText(markdown, { markdown: true, before: [message(convertTemplates.noteWebPage)] });
}

/** Converts a Word document (.docx, as bytes): headings, lists, footnotes and signatures are read. */
export async function convertDocx(bytes: Uint8Array): Promise<ConvertResult> {
  // mammoth reads `buffer` in Node and `arrayBuffer` in the browser.
  const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const input = { buffer: bytes, arrayBuffer } as unknown as { arrayBuffer: ArrayBuffer };
  const result = await mammoth.convertToHtml(input);
  const markdown = turndown().turndown(result.value);
  const warnings = result.messages.map((m) => message(convertTemplates.noteWordDocument, m.message));
  return convertText(markdown, { markdown: true, before: warnings });
}
