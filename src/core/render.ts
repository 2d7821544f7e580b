// The letter as its recipient reads it: markdown-it's HTML for the body, and the letter's own parts
// (addressees, date, cited reports, signatories) laid out as a letter. One renderer serves the
// preview, the export and `advocacy-letter render`.
import type { Env as MdEnv, MarkdownIt, Token } from 'markdown-it';
import type { LetterDiagnostic, LintOptions } from './diagnostic';
import { lintLetter } from './lint';
import { createLetterMarkdown } from './markdown';
import type { Addressee, Letter, Signatory } from './model';
import { readLetter, type LetterPart, type ParseOptions, type ReadLetter } from './parseLetter';
import { renderCover } from './renderCover';
import { linksChecked, prepare, tokenCopy } from './prepareTokens';
import {
  escape,
  frontMatterHeader,
  marked,
  problemsIn,
  renderPart,
  signatoryCount,
  type SignatoryFragments,
} from './renderParts';

import { stringsFor, type Strings } from './letterStrings';

export interface RenderOptions {
  /** Mark incomplete entries, with their problems as a tooltip. Default true. */
  markProblems?: boolean;
  /** Rewrites a relative image address (the preview turns it into a webview resource). */
  resolveImage?: (src: string) => string;
  lint?: LintOptions;
  parse?: ParseOptions;
  /** Show the cover page with the totals (renderCover.ts); by default as the front matter's `cover` says. */
  cover?: boolean;
}

export interface RenderedLetter {
  letter: Letter;
  diagnostics: LetterDiagnostic[];
  /** An `<article class="letter">`: no script, no inline style, no event handler. */
  html: string;
}

export interface Env {
  letter: Letter;
  /** The renderer, for the parts that render inline text or a body of tokens themselves. */
  md: MarkdownIt;
  addresseesByLine?: Map<number, Addressee[]>;
  signatoryCountText?: string;
  hasHeadingTitle: boolean;
  resolveImage?: (src: string) => string;
  /** Problems worth marking (hints are not), by the line they start on. */
  problems: Map<number, LetterDiagnostic[]>;
  strings: Strings;
  /** The separator between a signatory's parts, made once per rendering. */
  sep?: string;
  fragments?: SignatoryFragments;
}

let renderer: MarkdownIt | undefined;

function letterRenderer(): MarkdownIt {
  const md = createLetterMarkdown();
  const rules = md.renderer.rules;
  // Raw HTML is never emitted: comments vanish, anything else shows as the text it is.
  const asText = (content: string) => (/^\s*<!--[^]*-->\s*$/.test(content) ? '' : escape(content));
  rules.html_block = (tokens, i) => {
    const text = asText(tokens[i].content);
    const line = tokens[i].map ? ` class="code-line" data-line="${tokens[i].map[0]}"` : '';
    return text ? `<p${line}>${text}</p>\n` : '';
  };
  rules.html_inline = (tokens, i) => asText(tokens[i].content);
  rules.front_matter = () => '';
  const link = rules.link_open ?? ((tokens, i, options, _env, self) => self.renderToken(tokens, i, options));
  rules.link_open = (tokens, i, options, env, self) =>
    tokens[i].meta?.unsafe ? '' : link(tokens, i, options, env, self);
  const linkClose = rules.link_close ?? ((tokens, i, options, _env, self) => self.renderToken(tokens, i, options));
  rules.link_close = (tokens, i, options, env, self) =>
    tokens[i].meta?.unsafe ? '' : linkClose(tokens, i, options, env, self);
  const image = rules.image;
  rules.image = (tokens, i, options, env, self) =>
    tokens[i].meta?.unsafe ? escape(tokens[i].content) : image(tokens, i, options, env, self);
  rules.letter_part = (tokens, i, _options, env) => {
    const meta = tokens[i].meta as unknown as PartToken;
    if (meta.part.kind === 'signatoryTable') {
      const line = meta.tokens[0].map ? meta.tokens[0].map[0] : 0;
      return renderSignatoryTable(meta.part.entries, line, meta.tokens, env as unknown as Env);
    }
    return renderPart(meta, env as unknown as Env);
  };
  rules.letter_addressee_inline = (tokens, i, _options, env) => {
    const a = tokens[i].meta as unknown as Addressee;
    // As the salutation reads: its titles before the name.
    const titles = a.titles.map((t) => `<span class="addressee-title">${escape(t.text)}</span> `).join('');
    const name = `<span class="addressee-name">${escape(a.name)}</span>`;
    return `<span ${marked(env as unknown as Env, a.range, 'letter-addressee letter-addressee-salutation')}>${titles}${name}</span>`;
  };
  return md;
}

export interface PartToken {
  part: LetterPart;
  tokens: Token[];
}

/** Parses the letter once and renders it. */
export function renderLetter(text: string, options: RenderOptions = {}): RenderedLetter {
  const read = readLetter(text, options.parse);
  return renderReadLetter(read, lintLetter(read.letter, options.lint), options);
}

/** Renders a letter already read (the editor's cache holds one per document version) with its problems. */
export function renderReadLetter(
  read: ReadLetter,
  diagnostics: LetterDiagnostic[],
  options: RenderOptions = {},
): RenderedLetter {
  const { letter, tokens, parts } = read;
  const env = letterEnv(read, diagnostics, options);
  const html = env.md.renderer.render(
    prepare(tokens, parts, options.resolveImage),
    env.md.options,
    env as unknown as MdEnv,
  );
  const cover = (options.cover ?? letter.cover) ? renderCover(env) : '';
  return {
    letter,
    diagnostics,
    html: `${articleOpen(letter)}${cover}${frontMatterHeader(env)}${html}</article>\n`,
  };
}

/** What rendering a letter's parts needs: the renderer, the problems to mark by line, the letter's words. */
export function letterEnv({ letter, parts }: ReadLetter, diagnostics: LetterDiagnostic[], options: RenderOptions): Env {
  renderer ??= letterRenderer();
  const problems = new Map<number, LetterDiagnostic[]>();
  if (options.markProblems !== false) {
    for (const d of diagnostics) {
      if (d.severity === 'hint') continue;
      const line = d.range.start.line;
      const onLine = problems.get(line);
      if (onLine) onLine.push(d);
      else problems.set(line, [d]);
    }
  }
  let hasHeadingTitle = false;
  for (const p of parts.values()) if (p.kind === 'title') hasHeadingTitle = true;
  return {
    letter,
    md: renderer,
    problems,
    strings: stringsFor(letter.lang),
    resolveImage: options.resolveImage,
    hasHeadingTitle,
  };
}

/** The `<article>`'s opening tag, with the line break after it. */
export function articleOpen(letter: Letter): string {
  const paper = letter.paper ? ` data-paper="${letter.paper}"` : '';
  return `<article class="letter" lang="${escape(letter.lang)}"${paper}>\n`;
}

/** A table of signatories as the writer laid it out, the count above it, incomplete rows marked. */
function renderSignatoryTable(entries: Signatory[], line: number, tokens: Token[], env: Env): string {
  const first = env.letter.signatories[0];
  const count =
    first && entries[0] === first ? `<p class="letter-signatory-count">${escape(signatoryCount(env))}</p>\n` : '';
  const rows = new Map(entries.map((s) => [s.line, s]));
  // Each row marked on a copy of its token: the tokens are the letter's, kept after an edit that may
  // make the table a plain one, which must not show the marks of this rendering.
  const drawn = tokens.map((token) => {
    if (token.type === 'inline') return linksChecked(token);
    const row = token.type === 'tr_open' && token.map ? rows.get(token.map[0]) : undefined;
    if (!row) return token;
    const problems = problemsIn(env, row.range);
    const copy = tokenCopy(token);
    copy.attrs = (copy.attrs ?? []).filter(([name]) => name !== 'class' && name !== 'title');
    copy.attrSet('data-line', String(row.line));
    copy.attrSet('class', problems.length > 0 ? 'code-line letter-incomplete' : 'code-line');
    if (problems.length > 0) copy.attrSet('title', problems.map((p) => p.message).join('\n'));
    return copy;
  });
  const html = env.md.renderer.render(drawn, env.md.options, env as unknown as MdEnv);
  return `${count}<div class="code-line letter-signature-table" data-line="${line}">\n${html}</div>\n`;
}
