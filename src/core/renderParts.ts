// The letter's own parts as HTML: addressees, fields, dates, cited reports, signatories (grouped,
// or as signature lines), the count of signatures, each mark of a problem.
import markdownIt, { type Env as MdEnv, type Token } from 'markdown-it';
import type { LetterDiagnostic } from './diagnostic';
import type { Addressee, CitedReport, Field, LetterDate, Range, Signatory } from './model';
import { type LetterPart } from './parseLetter';
import type { Env, PartToken } from './render';
import { formatDate } from './letterStrings';
import { closing } from './lineBlocks';
import { checkLinks, isSafeLink, prepare } from './prepareTokens';

export const key = (r: Range) => `${r.start.line}:${r.start.character}`;
export const escape = markdownIt().utils.escapeHtml;
// --- the letter's parts ---------------------------------------------------------------------

export function renderPart({ part, tokens }: PartToken, env: Env): string {
  const line = tokens[0].map ? tokens[0].map[0] : 0;
  switch (part.kind) {
    case 'directive':
      return '';
    case 'label':
      return `<h2 class="code-line letter-section-label" data-line="${line}">${labelHtml(tokens, env)}</h2>\n`;
    case 'fields':
      return part.fields.map((field) => renderField(field, env)).join('');
    case 'addressees':
      return renderAddresseeList(tokens, part.addressees, env);
    case 'reports':
      return renderEntries(tokens, part.entries, env, (r) => renderReport(r, env), 'ol', 'letter-bibliography');
    case 'signatories': {
      const count = part.first ? `<p class="letter-signatory-count">${escape(signatoryCount(env))}</p>\n` : '';
      return (
        count + renderEntries(tokens, part.entries, env, (s) => renderSignatory(s, env), 'ul', 'letter-signatures')
      );
    }
    case 'signatureLines':
      return renderSignatureLines(part, line, tokens, env);
    case 'dateLine':
      return datedLine(part.date, env);
    case 'salutation':
      return renderSalutation(tokens, part, line, env);
    case 'addresseeLines': {
      if (part.addressees.length === 0) return '';
      const cls = part.labelled ? 'letter-addressees' : 'letter-addressee-lines';
      const at = part.labelled ? part.addressees[0].range.start.line : part.addressees[0].nameRange.start.line;
      return `<div class="${cls} code-line" data-line="${at}">\n${part.addressees.map((a) => renderAddressee(a, env)).join('')}</div>\n`;
    }
    default:
      return '';
  }
}

/** A `Signatories:` paragraph as a heading: its own inline markup, without the colon. */
export function labelHtml(tokens: Token[], env: Env): string {
  // Copies, attributes too: checking the links must not change the letter's tokens, which are
  // rendered again (the next version of the letter keeps those an edit left alone).
  const children = (tokens.find((t) => t.type === 'inline')?.children ?? []).map((c) => {
    const copy = Object.assign(Object.create(Object.getPrototypeOf(c) as object), c) as Token;
    if (c.attrs) copy.attrs = c.attrs.map(([name, value]) => [name, value]);
    return copy;
  });
  const last = [...children].reverse().find((c) => c.type === 'text' && c.content.trim() !== '');
  if (last) last.content = last.content.replace(/\s*[:：]\s*$/, '');
  return env.md.renderer.renderInline(checkLinks(children), env.md.options, env as unknown as MdEnv);
}

export const before = (a: Range['start'], b: Range['start']) =>
  a.line < b.line || (a.line === b.line && a.character < b.character);

/** The problems (hints left out) that start inside `range`. */
export function problemsIn(env: Env, range: Range | null): LetterDiagnostic[] {
  const problems: LetterDiagnostic[] = [];
  for (let line = range?.start.line ?? 0; range && line <= range.end.line; line++) {
    for (const p of env.problems.get(line) ?? [])
      if (!before(p.range.start, range.start) && !before(range.end, p.range.start)) problems.push(p);
  }
  return problems;
}

/** `class` and `title` attributes marking an element with the problems that start inside it. */
export function marked(env: Env, range: Range | null, className: string): string {
  const problems = problemsIn(env, range);
  if (problems.length === 0) return `class="${className}"`;
  return `class="${className} letter-incomplete" title="${escape(problems.map((p) => p.message).join('\n'))}"`;
}

/**
 * `marked` for an entry, which builds the entry's text range only when a problem stands on one of its
 * lines: its text's, and its marker's (where the problems of an item without text stand).
 */
export function markedEntry(env: Env, entry: CitedReport | Signatory): string {
  for (let line = entry.line; line < entry.textLine + entry.lineCount; line++) {
    if (env.problems.has(line)) return marked(env, entry.textRange, 'code-line');
  }
  return PLAIN_ITEM;
}

/** The class of an item without problems; `PLAIN_ITEM_OPEN`, an opening tag with it up to its line number. */
export const PLAIN_ITEM = 'class="code-line"';
export const PLAIN_ITEM_OPEN = `<li ${PLAIN_ITEM} data-line="`;

export function renderEntries<T extends CitedReport | Signatory>(
  tokens: Token[],
  entries: T[],
  env: Env,
  render: (entry: T) => string,
  tag: 'ol' | 'ul',
  className: string,
): string {
  const items = renderItems(tokens, entries, env, render, (entry) => markedEntry(env, entry));
  return `${entriesOpen(tokens[0], entries, tag, className)}${items}</${tag}>\n`;
}

/** The opening tag of a list of cited reports or signatories (its line break after it). */
export function entriesOpen(
  list: Token,
  entries: readonly (CitedReport | Signatory)[],
  tag: 'ol' | 'ul',
  className: string,
): string {
  const start = tag === 'ol' && entries[0] && entries[0].index > 1 ? ` start="${entries[0].index}"` : '';
  return `<${tag} class="${className}"${start} data-line="${list.map ? list.map[0] : 0}">\n`;
}

/** The items of a list: each drawn by `render` from its parsed entry, or as written when it has none. */
export function renderItems<T extends { line: number } | { range: Range }>(
  tokens: Token[],
  entries: T[],
  env: Env,
  render: (entry: T) => string,
  className: (entry: T) => string,
): string {
  let items = '';
  eachItem(tokens, 0, tokens.length - 1, entries, (i, end, entry) => {
    items += renderItem(tokens, i, end, entry, entry ? className(entry) : PLAIN_ITEM, env, render);
  });
  return items;
}

/**
 * Calls `f` with each item of the list `tokens[open]` (up to its closing token `tokens[close]`):
 * its opening token's index, its closing token's, and the entry read from it (`entries` in order).
 */
export function eachItem<T extends { line: number } | { range: Range }>(
  tokens: Token[],
  open: number,
  close: number,
  entries: readonly T[],
  f: (i: number, end: number, entry: T | undefined) => void,
): void {
  const lineOf = (entry: T) => ('line' in entry ? entry.line : entry.range.start.line);
  const level = tokens[open].level + 1;
  let k = 0;
  for (let i = open + 1; i < close; i++) {
    if (tokens[i].type !== 'list_item_open' || tokens[i].level !== level) continue;
    const end = closing(tokens, i);
    const first = tokens[i].map ? tokens[i].map![0] : -1;
    const last = tokens[i].map ? tokens[i].map![1] : -1;
    const entry = entries[k] && lineOf(entries[k]) >= first && lineOf(entries[k]) < last ? entries[k++] : undefined;
    f(i, end, entry);
    i = end;
  }
}

/**
 * One item of a list, `tokens[i]` its opening token and `tokens[end]` its closing one: drawn by
 * `render` from its parsed entry, or as written when it has none, with the class `cls`.
 */
export function renderItem<T>(
  tokens: Token[],
  i: number,
  end: number,
  entry: T | undefined,
  cls: string,
  env: Env,
  render: (entry: T) => string,
): string {
  const first = tokens[i].map ? tokens[i].map[0] : -1;
  // What the item holds beyond its first paragraph (a nested list, a note) is rendered as written.
  const from = entry && tokens[i + 1]?.type === 'paragraph_open' ? i + 4 : i + 1;
  const more =
    from < end
      ? env.md.renderer.render(
          prepare(tokens.slice(from, end), new Map(), env.resolveImage),
          env.md.options,
          env as unknown as MdEnv,
        )
      : '';
  // Each `+` of long strings makes a string object kept until the page is built: an item is made of few.
  const open = cls === PLAIN_ITEM ? PLAIN_ITEM_OPEN + first : `<li ${cls} data-line="${first}`;
  return open + '">' + (entry ? render(entry) : '') + more + '</li>\n';
}

export function renderAddresseeList(tokens: Token[], addressees: Addressee[], env: Env): string {
  const line = tokens[0].map ? tokens[0].map[0] : 0;
  const items = renderItems(
    tokens,
    addressees,
    env,
    (a) => addresseeParts(a, env),
    (a) => marked(env, a.range, 'letter-addressee code-line'),
  );
  return `<ul class="letter-addressees letter-addressee-list" data-line="${line}">\n${items}</ul>\n`;
}

export const isJapanese = (lang: string) => /^ja\b/i.test(lang);
export const SEP = (env: Env) =>
  (env.sep ??= `<span class="letter-sep">${isJapanese(env.letter.lang) ? '、' : ', '}</span>`);

export function renderReport(r: CitedReport, env: Env): string {
  if (!r.title) return escape(r.text);
  const ja = isJapanese(env.letter.lang);
  const comma = ja ? '、' : ', ';
  const parts = [ja ? `<cite>『${escape(r.title)}』</cite>` : `<cite>${escape(r.title)}</cite>`];
  if (r.publisher) parts.push(`<span class="report-publisher">${escape(r.publisher)}</span>`);
  if (r.yearText) parts.push(`<span class="report-year">${escape(r.yearText)}</span>`);
  if (r.note) parts.push(`<span class="report-note">${escape(r.note)}</span>`);
  let html = parts.join(comma);
  const period = ja ? '。' : '.';
  if (!/[.。!?！？]$/.test(r.note ?? r.yearText ?? r.publisher ?? r.title)) html += period;
  // Every address the writer gave stays visible; only web addresses become links.
  for (const link of r.links) {
    // A link on the title itself shows its address; another link shows its own words.
    const words = link.text && link.text !== link.href && link.text !== r.title ? link.text : '';
    const label = escape(words || link.href);
    html +=
      /^https?:\/\//i.test(link.href) && isSafeLink(link.href)
        ? ` <a class="report-link" href="${escape(link.href)}">${label}</a>`
        : ` <span class="report-address">${label}${words ? ` (${escape(link.href)})` : ''}</span>`;
  }
  return html;
}

// Parts are set on lines of their own by CSS; the hidden separators keep them apart as plain text.
// What stands between two parts (closing tag, separator, opening tag) is one string made per letter.
export function renderSignatory(s: Signatory, env: Env): string {
  const f = (env.fragments ??= signatoryFragments(env));
  // The parts are pieces of the text: when it has nothing to escape (most), neither have they.
  const e = NEEDS_ESCAPE.test(s.text) ? escape : unchanged;
  if (env.letter.signedBy === 'organizations') {
    if (!s.organization) return e(s.text);
    const html = '<strong class="signatory-organization">' + e(s.organization);
    return s.place ? html + f.organizationPlace + e(s.place) + '</span>' : html + '</strong>';
  }
  if (!s.name) return e(s.text);
  let html = '<strong class="signatory-name">' + e(s.name);
  if (s.role) {
    html += f.nameRole + e(s.role);
    return s.organization ? html + f.roleOrganization + e(s.organization) + '</span>' : html + '</span>';
  }
  return s.organization ? html + f.nameOrganization + e(s.organization) + '</span>' : html + '</strong>';
}

export const NEEDS_ESCAPE = /[&<>"]/;
export const unchanged = (text: string) => text;

/** What stands between two parts of a signatory: the same for every entry of a letter. */
export interface SignatoryFragments {
  nameRole: string;
  nameOrganization: string;
  roleOrganization: string;
  organizationPlace: string;
}

export function signatoryFragments(env: Env): SignatoryFragments {
  const sep = SEP(env);
  return {
    nameRole: `</strong>${sep}<span class="signatory-role">`,
    nameOrganization: `</strong>${sep}<span class="signatory-organization">`,
    roleOrganization: `</span>${sep}<span class="signatory-organization">`,
    organizationPlace: `</strong>${sep}<span class="signatory-place">`,
  };
}

export function addresseeParts(a: Addressee, env: Env): string {
  const titles = a.titles.map((t) => `${SEP(env)}<span class="addressee-title">${escape(t.text)}</span>`).join('');
  const honorific = a.honorific ? `<span class="addressee-honorific"> ${escape(a.honorific)}</span>` : '';
  return `<span class="addressee-name">${escape(a.name)}</span>${honorific}${titles}`;
}

/**
 * Signatures written as lines after the close: the close on its own line, then one item per line,
 * so that a signature block keeps its lines rather than running on as one paragraph.
 */
export function renderSignatureLines(
  part: Extract<LetterPart, { kind: 'signatureLines' }>,
  line: number,
  tokens: Token[],
  env: Env,
): string {
  const { close, entries, notes, first } = part;
  let html = close ? `<p class="letter-close code-line" data-line="${line}">${escape(close)}</p>\n` : '';
  if (entries.length === 0) {
    // A close followed by lines that are not signatures: those lines as written, one per line.
    const inline = tokens.find((t) => t.type === 'inline');
    const rest = inline ? inline.content.split('\n').slice(close ? 1 : 0) : [];
    return (
      html +
      (rest.length > 0 ? `<p class="letter-lines">${rest.map((r) => escape(r.trim())).join('<br>\n')}</p>\n` : '')
    );
  }
  const noted = (k: number) =>
    notes.filter((n) => n.after === k).map((n) => `<span class="signatory-note">${escape(n.text)}</span>`);
  const lead = noted(-1);
  if (lead.length > 0) html += `<p class="letter-lines">${lead.join('<br>\n')}</p>\n`;
  if (first) html += `<p class="letter-signatory-count">${escape(signatoryCount(env))}</p>\n`;
  let items = '';
  entries.forEach((entry, k) => {
    const more =
      notes.length > 0
        ? noted(k)
            .map((n) => `<br>${n}`)
            .join('')
        : '';
    items += `<li ${markedEntry(env, entry)} data-line="${entry.line}">${renderSignatory(entry, env)}${more}</li>\n`;
  });
  return `${html}<ul class="letter-signatures letter-signature-lines" data-line="${entries[0].line}">\n${items}</ul>\n`;
}

/** `Dear Apple,` with the addressee it names marked, the rest of the paragraph as written. */
export function renderSalutation(
  tokens: Token[],
  part: Extract<LetterPart, { kind: 'salutation' }>,
  line: number,
  env: Env,
): string {
  const inline = tokens.find((t) => t.type === 'inline');
  const children = inline?.children ?? [];
  // The run of text the names are in: the first, or the one inside a salutation wholly in emphasis.
  const at = children[0]?.type === 'text' ? 0 : 1;
  const first = children[at];
  const copy = (content: string) =>
    Object.assign(Object.create(Object.getPrototypeOf(first) as object), first, { content }) as Token;
  // The text around each name greeted (`Dear Ministers and Ambassadors of …,` greets two), as written.
  const named: Token[] = [];
  let from = 0;
  for (const { addressee, start, end } of part.names) {
    const name = { type: 'letter_addressee_inline', meta: addressee, content: '', children: null, nesting: 0 };
    named.push(copy(first.content.slice(from, start)), name as unknown as Token);
    from = end;
  }
  const rest = checkLinks(children.slice(at + 1), env.resolveImage);
  const html = env.md.renderer.renderInline(
    [...children.slice(0, at), ...named, copy(first.content.slice(from)), ...rest],
    env.md.options,
    env as unknown as MdEnv,
  );
  return `<p class="letter-salutation code-line" data-line="${line}">${html}</p>\n`;
}

/** A line that dates the letter: the date, then what follows it on its line (`— In celebration of …`). */
function datedLine(date: LetterDate, env: Env): string {
  const note = (env.letter.lines[date.range.end.line] ?? '').slice(date.range.end.character).replace(/\\?\s*$/, '');
  return `<p ${marked(env, date.range, 'letter-date')}>${renderDate(date, env.letter.lang)}${escape(note)}</p>\n`;
}

export function renderAddressee(a: Addressee, env: Env): string {
  return `<div ${marked(env, a.range, 'letter-addressee')}>${addresseeParts(a, env)}</div>\n`;
}

export function renderField(field: Field, env: Env): string {
  const { letter, strings } = env;
  const line = field.range.start.line;
  switch (field.kind) {
    case 'addressee': {
      const addressees = addresseesOf(env, field);
      // The front matter's `to` wins over this paragraph; it still shows, as written.
      if (addressees.length === 0)
        return field.value
          ? `<p class="letter-addressees code-line" data-line="${line}">${escape(field.value)}</p>\n`
          : '';
      // A date on the block's first line (`01.06.2022 — …`) dates the letter: shown above it.
      const date = letter.date?.source === 'line' && letter.date.range.start.line === line + 1 ? letter.date : null;
      return `${date ? datedLine(date, env) : ''}<div class="letter-addressees code-line" data-line="${line}">\n${addressees.map((a) => renderAddressee(a, env)).join('')}</div>\n`;
    }
    case 'date':
    case 'replyBy': {
      const date: LetterDate = {
        raw: field.value,
        iso: null,
        range: field.valueRange ?? field.labelRange,
        source: 'body',
      };
      const known = field.kind === 'date' ? letter.date : letter.replyBy;
      const shown =
        known && known.source === 'body' && key(known.range) === key(date.range) ? known : { ...date, iso: null };
      const label =
        field.kind === 'replyBy' ? `<span class="letter-label">${escape(strings.replyBy)}</span>${strings.space}` : '';
      const cls = field.kind === 'date' ? 'letter-date' : 'letter-reply-by';
      return `<p ${marked(env, shown.range, `${cls} code-line`)} data-line="${line}">${label}${renderDate(shown, letter.lang)}</p>\n`;
    }
    case 'subject':
      return `<p class="letter-subject code-line" data-line="${line}"><span class="letter-label">${escape(strings.subject)}</span>${strings.space}${escape(field.value)}</p>\n`;
    case 'cc':
      return `<p class="letter-cc code-line" data-line="${line}"><span class="letter-label">${escape(strings.cc)}</span>${strings.space}${escape(field.value)}</p>\n`;
  }
}

/** The addressees read from one `To:` field (indexed once per render: a letter may have thousands of fields). */
export function addresseesOf(env: Env, field: Field): Addressee[] {
  if (!env.addresseesByLine) {
    env.addresseesByLine = new Map();
    for (const a of env.letter.addressees) {
      if (a.listItem || a.source !== 'body') continue;
      const list = env.addresseesByLine.get(a.range.start.line) ?? [];
      list.push(a);
      env.addresseesByLine.set(a.range.start.line, list);
    }
  }
  const found: Addressee[] = [];
  for (let line = field.range.start.line; line <= field.range.end.line; line++) {
    for (const a of env.addresseesByLine.get(line) ?? []) if (a.range.end.line <= field.range.end.line) found.push(a);
  }
  return found;
}

export function renderDate(date: Pick<LetterDate, 'raw' | 'iso'>, lang: string): string {
  if (!date.iso) return escape(date.raw);
  return `<time datetime="${date.iso}">${escape(formatDate(date.iso, lang))}</time>`;
}

/** Parts given only in the front matter are shown at the top, where a letter has them. */
export function frontMatterHeader(env: Env): string {
  const { letter } = env;
  const out: string[] = [];
  // A title given in both places is shown once: the heading the writer put in the text.
  if (letter.title?.source === 'frontmatter' && !env.hasHeadingTitle)
    out.push(`<h1 class="letter-title">${escape(letter.title.text)}</h1>\n`);
  if (letter.date?.source === 'frontmatter')
    out.push(`<p ${marked(env, letter.date.range, 'letter-date')}>${renderDate(letter.date, letter.lang)}</p>\n`);
  const fromFrontMatter = letter.addressees.filter((a) => a.source === 'frontmatter');
  if (fromFrontMatter.length > 0)
    out.push(
      `<div class="letter-addressees">\n${fromFrontMatter.map((a) => renderAddressee(a, env)).join('')}</div>\n`,
    );
  if (letter.replyBy?.source === 'frontmatter') {
    out.push(
      `<p ${marked(env, letter.replyBy.range, 'letter-reply-by')}><span class="letter-label">${escape(env.strings.replyBy)}</span>${env.strings.space}${renderDate(letter.replyBy, letter.lang)}</p>\n`,
    );
  }
  return out.length > 0 ? `<header class="letter-header">\n${out.join('')}</header>\n` : '';
}

export function signatoryCount(env: Env): string {
  return (env.signatoryCountText ??= countSignatories(env));
}

export function countSignatories({ letter, strings }: Env): string {
  // Parsed values have their whitespace collapsed already: case is all there is to fold.
  // Few organizations, written alike, sign many times: fold each way of writing one once.
  const written = new Set<string>();
  for (const s of letter.signatories) if (s.organization) written.add(s.organization);
  const organizations = new Set<string>();
  for (const organization of written) organizations.add(organization.toLowerCase());
  return letter.signedBy === 'organizations'
    ? strings.organizations(organizations.size)
    : strings.signatories(letter.signatories.length, organizations.size);
}
