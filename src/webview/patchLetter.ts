// Puts a newly rendered letter into the page, touching only the blocks that changed: the others keep
// their layout, their loaded images and the writer's text selection, and typing does not redraw the letter.

/** Replaces the `<article class="letter">` in `root` with the one in `html` (already sanitized by the engine). */
export function patchLetter(root: Element, html: string): void {
  const template = document.createElement('template');
  template.innerHTML = html;
  const next = template.content.querySelector('article.letter');
  const current = root.querySelector('article.letter');
  if (!next || !current) {
    root.replaceChildren(template.content);
    return;
  }
  patchElement(current, next);
}

/**
 * Keeps the unchanged run of children at each end (a common prefix and suffix) and replaces the run
 * between. When that run is one element on each side with the same tag, descends into it instead,
 * so an edit in one signatory of a long list touches that signatory only.
 */
function patchElement(current: Element, next: Element): void {
  syncAttributes(current, next);
  const from = [...current.childNodes];
  const to = [...next.childNodes];
  let head = 0;
  while (head < from.length && head < to.length && reuse(from[head], to[head])) head++;
  let fromEnd = from.length;
  let toEnd = to.length;
  while (fromEnd > head && toEnd > head && reuse(from[fromEnd - 1], to[toEnd - 1])) {
    fromEnd--;
    toEnd--;
  }
  const [old, fresh] = [from.slice(head, fromEnd), to.slice(head, toEnd)];
  if (
    old.length === 1 &&
    fresh.length === 1 &&
    old[0] instanceof Element &&
    fresh[0] instanceof Element &&
    old[0].tagName === fresh[0].tagName
  ) {
    patchElement(old[0], fresh[0]);
    return;
  }
  const before = from[fromEnd] ?? null;
  for (const node of old) node.remove();
  for (const node of fresh) current.insertBefore(node, before);
}

/**
 * Whether `old` can stay in place of `fresh`: it is equal, or equal but for its source lines (a line
 * inserted above shifts every `data-line` below), in which case it takes the new lines.
 */
function reuse(old: ChildNode, fresh: ChildNode): boolean {
  if (old.isEqualNode(fresh)) return true;
  if (!(old instanceof Element) || !(fresh instanceof Element)) return false;
  const oldLines = lineCarriers(old);
  const freshLines = lineCarriers(fresh);
  if (oldLines.length === 0 || oldLines.length !== freshLines.length) return false;
  const probe = fresh.cloneNode(true) as Element;
  lineCarriers(probe).forEach((element, i) =>
    element.setAttribute('data-line', oldLines[i].getAttribute('data-line') ?? ''),
  );
  if (!old.isEqualNode(probe)) return false;
  oldLines.forEach((element, i) => element.setAttribute('data-line', freshLines[i].getAttribute('data-line') ?? ''));
  return true;
}

/** The element and its descendants that carry a `data-line`, in document order. */
function lineCarriers(element: Element): Element[] {
  const inside = [...element.querySelectorAll('[data-line]')];
  return element.hasAttribute('data-line') ? [element, ...inside] : inside;
}

function syncAttributes(target: Element, source: Element): void {
  for (const { name } of [...target.attributes]) {
    if (!source.hasAttribute(name)) target.removeAttribute(name);
  }
  for (const { name, value } of [...source.attributes]) {
    if (target.getAttribute(name) !== value) target.setAttribute(name, value);
  }
}
