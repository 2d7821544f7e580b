// The rendered letter read back with a real HTML parser (parse5, as a browser builds its tree), and
// the checks that say it is inert: no element that runs, loads or submits anything, no event handler,
// no inline style, no address with a scheme that runs code.
import { parse, parseFragment, type DefaultTreeAdapterTypes } from 'parse5';

export type Node = DefaultTreeAdapterTypes.Node;
export type Element = DefaultTreeAdapterTypes.Element;
export type ParentNode = DefaultTreeAdapterTypes.ParentNode;

export interface Parsed<T> {
  root: T;
  /** parse5's parse errors (`code@line:col`): the renderer's HTML should have none. */
  errors: string[];
}

/** An `<article>` as the preview's webview and the export's body hold it. */
export function parseHtmlFragment(html: string): Parsed<DefaultTreeAdapterTypes.DocumentFragment> {
  const errors: string[] = [];
  const root = parseFragment(html, { onParseError: (e) => errors.push(`${e.code}@${e.startLine}:${e.startCol}`) });
  return { root, errors };
}

/** A standalone document (`renderLetterHtml`). */
export function parseHtmlDocument(html: string): Parsed<DefaultTreeAdapterTypes.Document> {
  const errors: string[] = [];
  const root = parse(html, { onParseError: (e) => errors.push(`${e.code}@${e.startLine}:${e.startCol}`) });
  return { root, errors };
}

export function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function childrenOf(node: Node): Node[] {
  // A <template>'s children live in its content fragment.
  if (isElement(node) && node.tagName === 'template')
    return (node as DefaultTreeAdapterTypes.Template).content.childNodes;
  return 'childNodes' in node ? node.childNodes : [];
}

/** Every element below `node` (itself included when it is one), in document order. */
export function elements(node: Node): Element[] {
  const out: Element[] = [];
  const visit = (n: Node) => {
    if (isElement(n)) out.push(n);
    for (const child of childrenOf(n)) visit(child);
  };
  visit(node);
  return out;
}

/** The text a reader sees (entities decoded by the parser), like `textContent`. */
export function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterTypes.TextNode).value;
  return childrenOf(node).map(textOf).join('');
}

/** Whitespace collapsed, as a browser shows text. */
export const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** An attribute's full name: `xlink:href` for a namespaced one. */
export const attrName = (a: { name: string; prefix?: string }) => (a.prefix ? `${a.prefix}:${a.name}` : a.name);

export function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => attrName(a) === name)?.value;
}

export function classes(el: Element): string[] {
  return (attr(el, 'class') ?? '').split(/\s+/).filter(Boolean);
}

export const hasClass = (el: Element, name: string) => classes(el).includes(name);

/** Elements matching a tag name (`cite`) or, with a leading dot, a class (`.signatory-name`). */
export function select(root: Node, selector: string): Element[] {
  const all = elements(root);
  return selector.startsWith('.')
    ? all.filter((el) => hasClass(el, selector.slice(1)))
    : all.filter((el) => el.tagName === selector);
}

/** Direct element children. */
export function childElements(el: Element): Element[] {
  return childrenOf(el).filter(isElement);
}

/** Elements that run, embed, load, restyle or submit: none may come out of a letter. */
export const FORBIDDEN_ELEMENTS = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'style',
  'link',
  'meta',
  'base',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'svg',
  'math',
  'template',
  'noscript',
  'portal',
]);

/** Attributes holding an address. */
export const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'poster',
  'background',
  'data',
  'cite',
  'lowsrc',
  'dynsrc',
  'ping',
  'codebase',
]);

/**
 * True when an address (as the parser decoded it) would run code or load a document: `javascript:`,
 * `vbscript:` or `data:` other than a raster image, once whitespace and control characters (which
 * browsers skip) are removed and case is folded.
 */
export function isDangerousUrl(value: string): boolean {
  const url = value.replace(/[\u0000-\u0020\u007f-\u009f\s]+/g, '').toLowerCase();
  if (url.startsWith('javascript:') || url.startsWith('vbscript:')) return true;
  return url.startsWith('data:') && !/^data:image\/(?:png|gif|jpeg|webp)[;,]/.test(url);
}

const describe = (el: Element) => {
  const shown = el.attrs.map((a) => ` ${attrName(a)}="${a.value}"`).join('');
  return `<${el.tagName}${shown.length > 120 ? `${shown.slice(0, 120)}…` : shown}>`;
};

/** Why the elements below `root` are not inert; empty when they are. */
export function inertProblems(root: Node, forbidden: ReadonlySet<string> = FORBIDDEN_ELEMENTS): string[] {
  const problems: string[] = [];
  for (const el of elements(root)) {
    if (forbidden.has(el.tagName)) problems.push(`element ${describe(el)}`);
    for (const a of el.attrs) {
      const name = attrName(a).toLowerCase();
      if (name.startsWith('on')) problems.push(`event handler ${name} on ${describe(el)}`);
      else if (name === 'style') problems.push(`style attribute on ${describe(el)}`);
      else if (name === 'srcdoc' || name === 'srcset' || name === 'http-equiv')
        problems.push(`${name} attribute on ${describe(el)}`);
      else if (URL_ATTRIBUTES.has(name) && isDangerousUrl(a.value))
        problems.push(`${name}=${JSON.stringify(a.value)} on ${describe(el)}`);
    }
  }
  return problems;
}
