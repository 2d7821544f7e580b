// The editor contributions that are plain files: the TextMate grammar (tokenized with the same engine VS Code
// uses, vscode-textmate + vscode-oniguruma), the snippets (each expansion is a letter part that passes the
// checks) and the language configuration.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, parseRawGrammar, Registry, type IGrammar, type IRawGrammar, type StateStack } from 'vscode-textmate';
import { formatDate, letterSkeleton, lintLetter, parseLetter, rules } from '../../src/core';
import type { FieldKind } from '../../src/core/model';
import { fieldLabels, sectionNames } from '../../src/core/vocabulary';
import { repoRoot } from './support/expectations';

const SCOPE = 'text.markdown.advocacy-letter';
// Written by scripts/build-contributions.ts; test/unit/contributions.test.ts checks that it is up to date.
const grammarPath = join(repoRoot, 'syntaxes', 'advocacy-letter.tmLanguage.json');
const L = '.advocacy-letter';

// JSON with line and block comments (language configuration, snippets): comments outside strings removed.
function parseJsonc(text: string): unknown {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      out += text.slice(start, i + 1);
    } else if (ch === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (ch === '/' && text[i + 1] === '*') {
      i = text.indexOf('*/', i + 2) + 1;
    } else {
      out += ch;
    }
  }
  return JSON.parse(out);
}

// --- the grammar -------------------------------------------------------------------------------

let grammar: IGrammar;

before(async () => {
  const wasm = readFileSync(join(repoRoot, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    // Markdown, HTML and YAML are VS Code's own grammars: empty stand-ins here, so only the letter's scopes show.
    loadGrammar: (scopeName) =>
      Promise.resolve(
        scopeName === SCOPE
          ? parseRawGrammar(readFileSync(grammarPath, 'utf8'), grammarPath)
          : ({ scopeName, patterns: [], repository: {} } as unknown as IRawGrammar),
      ),
  });
  const loaded = await registry.loadGrammar(SCOPE);
  assert.ok(loaded, 'the grammar loads');
  grammar = loaded;
});

interface Line {
  text: string;
  tokens: { startIndex: number; endIndex: number; scopes: string[] }[];
}

/** Tokenizes a letter line by line, as the editor does. */
function tokenize(text: string): Line[] {
  let state: StateStack = INITIAL;
  return text.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return { text: line, tokens: result.tokens };
  });
}

/** The scopes every token of `part` (on the 1-based line `n`) has, and whether tokens start and end with it. */
function scopesOf(lines: Line[], n: number, part: string, occurrence = 0): { scopes: string[]; exact: boolean } {
  const line = lines[n - 1];
  let start = -1;
  for (let k = 0; k <= occurrence; k++) start = line.text.indexOf(part, start + 1);
  assert.ok(start >= 0, `"${part}" is on line ${n}: ${line.text}`);
  const end = start + part.length;
  const covering = line.tokens.filter((t) => t.endIndex > start && t.startIndex < end);
  const exact =
    covering[0].startIndex === start && Math.min(covering[covering.length - 1].endIndex, line.text.length) === end;
  return { scopes: covering[0].scopes.filter((s) => covering.every((t) => t.scopes.includes(s))), exact };
}

/** `part` has `scope` (it may share its tokens with its neighbours: a value with the space before it). */
function assertScope(lines: Line[], n: number, part: string, scope: string, occurrence = 0): void {
  const { scopes } = scopesOf(lines, n, part, occurrence);
  assert.ok(scopes.includes(scope), `"${part}" on line ${n} has ${scope}; it has ${scopes.join(' ')}`);
}

/** `part`, exactly (no separator or neighbour with it), has `scope`. */
function assertToken(lines: Line[], n: number, part: string, scope: string, occurrence = 0): void {
  const { scopes, exact } = scopesOf(lines, n, part, occurrence);
  assert.ok(scopes.includes(scope), `"${part}" on line ${n} has ${scope}; it has ${scopes.join(' ')}`);
  assert.ok(exact, `"${part}" on line ${n} is a token of its own`);
}

function assertNoScope(lines: Line[], n: number, part: string, prefix: string): void {
  const line = lines[n - 1];
  const start = line.text.indexOf(part);
  assert.ok(start >= 0, `"${part}" is on line ${n}`);
  const end = start + part.length;
  for (const token of line.tokens.filter((t) => t.endIndex > start && t.startIndex < end)) {
    const found = token.scopes.find((s) => s.startsWith(prefix));
    assert.equal(found, undefined, `"${part}" on line ${n} has no ${prefix}…`);
  }
}

const NBSP = '\u00a0';
const sample = [
  /*  1 */ '---',
  /*  2 */ 'lang: en',
  /*  3 */ 'paper: a4',
  /*  4 */ '---',
  /*  5 */ '',
  /*  6 */ '# Open Letter to Kim Jong-un Urges Explanation',
  /*  7 */ '',
  /*  8 */ 'Letter to:',
  /*  9 */ 'Kim Jong-un, First Secretary of the Workers’ Party of Korea,',
  /* 10 */ 'Chairman of the National Defense Commission',
  /* 11 */ '',
  /* 12 */ 'Letter Dated: May 7, 2013',
  /* 13 */ 'Reply by: June 7, 2013',
  /* 14 */ '',
  /* 15 */ `**Subject:** A request for an explanation`,
  /* 16 */ '',
  /* 17 */ `${NBSP}cc${NBSP}: Members of the Commission`,
  /* 18 */ '',
  /* 19 */ 'We, the undersigned human rights NGOs of Japan, met in Tokyo',
  /* 20 */ 'Re: this line goes on a paragraph, so it is no field.',
  /* 21 */ '',
  /* 22 */ '## Cited Reports',
  /* 23 */ '',
  /* 24 */ '- North Korean Human Rights White Paper, North Korean Human',
  /* 25 */ '  Rights Database (NKDB Seoul) 2012.',
  /* 26 */ '- North Korean Political Prison Camps Today, NKDB, 2012.',
  /* 27 */ '- *Break Their Lineage, Break Their Roots*, Human Rights Watch, April 2021.',
  /* 28 */ '<!-- letter-lint-disable-next-line report-year-missing, whitespace-irregular -->',
  /* 29 */ '- Eyewitness Testimony, NKDB, n.d.',
  /* 30 */ '',
  /* 31 */ '## North Korean Human Rights Third Way',
  /* 32 */ '',
  /* 33 */ '- Not a report, just a list, 2012',
  /* 34 */ '',
  /* 35 */ '## Signatories',
  /* 36 */ '',
  /* 37 */ '* Hiroshi Kato, President, Life Funds for North Korean Refugees',
  /* 38 */ '* Takashi Fujita, Executive Secretary, Kawaguchi Association to Consider',
  /* 39 */ 'the Issue of Japanese Kidnapped by North Korea',
  /* 40 */ '* Jane Doe – Professor, Faculty of Law, Keio University;',
  /* 41 */ '',
  /* 42 */ '### Japan',
  /* 43 */ '',
  /* 44 */ '- Kotaro Miura, Vice President, Society to Help Returnees to North Korea',
  /* 45 */ '',
  /* 46 */ '## 参考文献',
  /* 47 */ '',
  /* 48 */ '- 『北朝鮮人権白書』、北朝鮮人権情報センター、2012年。',
  /* 49 */ '',
  /* 50 */ '## 署名者',
  /* 51 */ '',
  /* 52 */ '- 加藤博、理事長、北朝鮮難民救援基金',
  /* 53 */ '',
  /* 54 */ '宛先：岸田文雄、内閣総理大臣',
  /* 55 */ '',
  /* 56 */ '日付：2013年5月7日',
  /* 57 */ '',
  /* 58 */ '<!-- letter-lint-disable-file frontmatter-unknown-key -->',
  /* 59 */ '<!-- letter-lint-enable no-such-check -->',
].join('\n');

describe('grammar: what a writer sees', () => {
  let lines: Line[];
  before(() => {
    lines = tokenize(sample);
  });

  test('the grammar is the letter language over Markdown', () => {
    const raw = JSON.parse(readFileSync(grammarPath, 'utf8'));
    assert.equal(raw.scopeName, SCOPE);
    assert.deepEqual(raw.patterns.at(-1), { include: '#body' });
    assert.deepEqual(
      raw.repository.body.patterns.at(-1),
      { include: 'text.html.markdown' },
      'Markdown comes last, as the fallback',
    );
    assert.ok(lines[0].tokens[0].scopes.includes(SCOPE));
  });

  test('front matter is embedded YAML', () => {
    assertToken(lines, 1, '---', `punctuation.definition.frontmatter.begin${L}`);
    assertScope(lines, 2, 'lang: en', 'meta.embedded.block.frontmatter');
    assertToken(lines, 4, '---', `punctuation.definition.frontmatter.end${L}`);
    assertNoScope(lines, 6, 'Open Letter', 'meta.embedded');
  });

  test('field labels and their colon', () => {
    assertToken(lines, 8, 'Letter to', `keyword.other.field-label.addressee${L}`);
    assertScope(lines, 8, ':', `punctuation.separator.key-value${L}`);
    assertToken(lines, 12, 'Letter Dated', `keyword.other.field-label.date${L}`);
    assertToken(lines, 13, 'Reply by', `keyword.other.field-label.reply-by${L}`);
    assertToken(lines, 15, 'Subject', `keyword.other.field-label.subject${L}`);
    assertToken(lines, 15, '**', 'punctuation.definition.bold.markdown');
    assertToken(lines, 17, 'cc', `keyword.other.field-label.cc${L}`);
  });

  test('field values, by kind', () => {
    assertScope(lines, 12, 'May 7, 2013', `string.unquoted.field-value.date${L}`);
    assertScope(lines, 13, 'June 7, 2013', `string.unquoted.field-value.reply-by${L}`);
    assertScope(lines, 15, 'A request for an explanation', `string.unquoted.field-value.subject${L}`);
    assertScope(lines, 17, 'Members of the Commission', `string.unquoted.field-value.cc${L}`);
    // A value goes on over the paragraph's lines; the first part of an addressee is who it is addressed to.
    assertToken(lines, 9, 'Kim Jong-un', `entity.name.addressee${L}`);
    assertScope(lines, 9, 'Kim Jong-un', `string.unquoted.field-value.addressee${L}`);
    assertScope(lines, 10, 'Chairman of the National Defense Commission', `string.unquoted.field-value.addressee${L}`);
    assertNoScope(lines, 10, 'Chairman', `entity.name.addressee${L}`);
  });

  test('a label on a later line of a body paragraph is no field', () => {
    assertNoScope(lines, 20, 'Re', 'keyword.other.field-label');
  });

  test('Japanese labels with a full-width colon', () => {
    assertToken(lines, 54, '宛先', `keyword.other.field-label.addressee${L}`);
    assertToken(lines, 54, '：', `keyword.other.field-label.addressee${L}`);
    assertToken(lines, 54, '岸田文雄', `entity.name.addressee${L}`);
    assertToken(lines, 56, '日付', `keyword.other.field-label.date${L}`);
    assertScope(lines, 56, '2013年5月7日', `string.unquoted.field-value.date${L}`);
  });

  test('section headings', () => {
    assertToken(lines, 22, 'Cited Reports', `entity.name.section.reports${L}`);
    assertScope(lines, 22, 'Cited Reports', `markup.heading.section.reports${L}`);
    assertScope(lines, 22, 'Cited Reports', 'entity.name.section.markdown');
    assertToken(lines, 22, '##', 'punctuation.definition.heading.markdown');
    assertToken(lines, 35, 'Signatories', `entity.name.section.signatories${L}`);
    assertScope(lines, 35, 'Signatories', `markup.heading.section.signatories${L}`);
    assertToken(lines, 46, '参考文献', `entity.name.section.reports${L}`);
    assertToken(lines, 50, '署名者', `entity.name.section.signatories${L}`);
    assertNoScope(lines, 31, 'North Korean', 'markup.heading.section');
  });

  test('a cited report: title, publisher, year', () => {
    assertToken(lines, 26, 'North Korean Political Prison Camps Today', `entity.name.title.report${L}`);
    assertToken(lines, 26, 'NKDB', `entity.name.organization.publisher${L}`);
    assertToken(lines, 26, '2012', `constant.numeric.year${L}`);
    assertToken(lines, 26, '-', 'punctuation.definition.list.begin.markdown');
    assertScope(lines, 26, 'North Korean', `meta.entry.report${L}`);
    assertScope(lines, 26, 'North Korean', `meta.section.reports${L}`);
  });

  test('an emphasized title holds commas; a date may have a month', () => {
    assertToken(lines, 27, '*Break Their Lineage, Break Their Roots*', `entity.name.title.report${L}`);
    assertToken(lines, 27, 'Human Rights Watch', `entity.name.organization.publisher${L}`);
    assertToken(lines, 27, 'April 2021', `constant.numeric.year${L}`);
  });

  test('a wrapped report: the year on its second line', () => {
    assertToken(lines, 24, 'North Korean Human Rights White Paper', `entity.name.title.report${L}`);
    assertToken(lines, 25, 'Rights Database (NKDB Seoul)', `entity.name.organization.publisher${L}`);
    assertToken(lines, 25, '2012', `constant.numeric.year${L}`);
  });

  test('n.d. is no year', () => {
    assertToken(lines, 29, 'n.d.', `constant.language.no-date${L}`);
    assertToken(lines, 29, 'Eyewitness Testimony', `entity.name.title.report${L}`);
  });

  test('a Japanese report', () => {
    assertToken(lines, 48, '『北朝鮮人権白書』', `entity.name.title.report${L}`);
    assertToken(lines, 48, '北朝鮮人権情報センター', `entity.name.organization.publisher${L}`);
    assertToken(lines, 48, '2012年', `constant.numeric.year${L}`);
  });

  test('the section ends at the next heading of its level', () => {
    assertNoScope(lines, 33, 'Not a report', 'entity.name.title');
    assertNoScope(lines, 33, '2012', 'constant.numeric.year');
  });

  test('a signatory: name, role, organization', () => {
    assertToken(lines, 37, 'Hiroshi Kato', `entity.name.signatory${L}`);
    assertToken(lines, 37, 'President', `entity.other.role.signatory${L}`);
    assertToken(lines, 37, 'Life Funds for North Korean Refugees', `entity.name.organization.signatory${L}`);
    assertToken(lines, 37, '*', 'punctuation.definition.list.begin.markdown');
  });

  test('a wrapped signatory goes on with the organization', () => {
    assertToken(lines, 38, 'Kawaguchi Association to Consider', `entity.name.organization.signatory${L}`);
    assertToken(lines, 39, 'the Issue of Japanese Kidnapped by North Korea', `entity.name.organization.signatory${L}`);
  });

  test('a spaced dash after the name; the organization holds commas; a final ; is no part', () => {
    assertToken(lines, 40, 'Jane Doe', `entity.name.signatory${L}`);
    assertToken(lines, 40, 'Professor', `entity.other.role.signatory${L}`);
    assertToken(lines, 40, 'Faculty of Law, Keio University', `entity.name.organization.signatory${L}`);
    assertNoScope(lines, 40, ';', 'entity.name.organization');
  });

  test('a ### subheading stays inside the section', () => {
    assertToken(lines, 44, 'Kotaro Miura', `entity.name.signatory${L}`);
  });

  test('a Japanese signatory', () => {
    assertToken(lines, 52, '加藤博', `entity.name.signatory${L}`);
    assertToken(lines, 52, '理事長', `entity.other.role.signatory${L}`);
    assertToken(lines, 52, '北朝鮮難民救援基金', `entity.name.organization.signatory${L}`);
  });

  test('disable comments: directive and codes', () => {
    assertToken(lines, 28, '<!--', 'punctuation.definition.comment.html');
    assertToken(lines, 28, 'letter-lint-disable-next-line', `keyword.control.directive${L}`);
    assertScope(lines, 28, 'letter-lint-disable-next-line', 'comment.block.html');
    assertToken(lines, 28, 'report-year-missing', `constant.other.rule-code${L}`);
    assertToken(lines, 28, 'whitespace-irregular', `constant.other.rule-code${L}`);
    assertToken(lines, 58, 'letter-lint-disable-file', `keyword.control.directive${L}`);
    assertToken(lines, 58, 'frontmatter-unknown-key', `constant.other.rule-code${L}`);
    assertToken(lines, 59, 'no-such-check', `constant.other.rule-code.unknown${L}`);
  });

  test('every check code is known to the grammar', () => {
    const line = `<!-- letter-lint-disable ${rules.map((r) => r.code).join(' ')} -->`;
    const [tokenized] = tokenize(line);
    for (const rule of rules) assertToken([tokenized], 1, rule.code, `constant.other.rule-code${L}`);
  });

  test('every label and section name of the format is recognised, in any case', () => {
    const scopeKind: Record<FieldKind, string> = {
      addressee: 'addressee',
      date: 'date',
      replyBy: 'reply-by',
      subject: 'subject',
      cc: 'cc',
    };
    const labels = Object.entries(fieldLabels).map(([kind, names]) => [scopeKind[kind as FieldKind], names] as const);
    for (const [kind, names] of labels) {
      for (const name of names) {
        for (const form of [`${name}: x`, `**${name.toUpperCase()}:** x`, `${name.toLowerCase()}：x`]) {
          const [line] = tokenize(form);
          const label = form.match(/^\**([^:：*]+)/)![1];
          assertToken([line], 1, label, `keyword.other.field-label.${kind}${L}`);
        }
      }
    }
    const sections = Object.entries(sectionNames);
    for (const [kind, names] of sections) {
      for (const name of names) {
        for (const heading of [`## ${name}`, `### ${name.toLowerCase()}:`]) {
          const [line] = tokenize(heading);
          assertScope([line], 1, heading.replace(/^#+ /, ''), `entity.name.section.${kind}${L}`);
        }
      }
    }
  });

  test('a label paragraph opens a section for the list right under it', () => {
    const lines = tokenize(
      [
        '**Signatories:**',
        '- Hiroshi Kato, President, Life Funds for North Korean Refugees',
        '',
        'Thank you, 2012',
      ].join('\n'),
    );
    assertToken(lines, 1, 'Signatories', `entity.name.section.signatories${L}`);
    assertToken(lines, 2, 'Hiroshi Kato', `entity.name.signatory${L}`);
    assertNoScope(lines, 4, 'Thank you', 'entity.name');
  });

  test('a label alone followed by a list: one addressee per item', () => {
    const lines = tokenize(
      [
        '**To:**',
        '1. António Guterres, Secretary-General of the United Nations',
        '2. Moussa Faki Mahamat, Chairperson of the African Union Commission',
      ].join('\n'),
    );
    assertToken(lines, 2, 'António Guterres', `entity.name.addressee${L}`);
    assertToken(lines, 3, 'Moussa Faki Mahamat', `entity.name.addressee${L}`);
    assertNoScope(lines, 3, 'Chairperson', `entity.name.addressee${L}`);
  });

  test('consecutive label lines are separate fields', () => {
    const lines = tokenize(['To: Jane Doe, Minister', 'Date: 7 May 2013'].join('\n'));
    assertToken(lines, 2, 'Date', `keyword.other.field-label.date${L}`);
    assertNoScope(lines, 2, '7 May 2013', `string.unquoted.field-value.addressee${L}`);
  });

  test('long and odd lines tokenize quickly', () => {
    const odd = [
      '## Signatories',
      '',
      `- ${'(a)'.repeat(60)} x`,
      `- ${'Name (a) '.repeat(300)}, role ${'(b'.repeat(80)}`,
      `- ${'a, '.repeat(3000)}`,
      '',
      '## Sources',
      '',
      `- ${'“a, '.repeat(500)}`,
      `- ${'*a* '.repeat(500)}, ${'2012 '.repeat(200)}`,
    ];
    const start = performance.now();
    tokenize(odd.join('\n'));
    assert.ok(performance.now() - start < 2000, 'under 2 s');
  });
});

// --- the snippets ------------------------------------------------------------------------------

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

const snippets = parseJsonc(
  readFileSync(join(repoRoot, 'snippets', 'advocacy-letter.code-snippets'), 'utf8'),
) as Record<string, Snippet>;
const bodyOf = (s: Snippet) => (Array.isArray(s.body) ? s.body.join('\n') : s.body);
const prefixesOf = (s: Snippet) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]);

/** A snippet body as VS Code inserts it when every placeholder keeps its default (a choice its first option). */
function expand(body: string, variables: Record<string, string>): { text: string; tabStops: number[] } {
  const defaults = new Map<number, string>();
  const tabStops: number[] = [];
  let i = 0;
  const parse = (until: string | null): string => {
    let out = '';
    while (i < body.length) {
      const ch = body[i];
      if (until !== null && ch === until) return out;
      if (ch === '\\' && i + 1 < body.length && '$}\\'.includes(body[i + 1])) {
        out += body[i + 1];
        i += 2;
      } else if (ch === '$') {
        out += parseDollar();
      } else {
        out += ch;
        i++;
      }
    }
    assert.equal(until, null, `unclosed \${ in ${body}`);
    return out;
  };
  const parseDollar = (): string => {
    i++; // $
    const simple = /^(\d+|[A-Z_]+)/.exec(body.slice(i));
    if (simple) {
      i += simple[0].length;
      return valueOf(simple[0], null);
    }
    assert.equal(body[i], '{', `a $ starts a tab stop or a variable in ${body}`);
    i++;
    const name = /^(\d+|[A-Z_]+)/.exec(body.slice(i));
    assert.ok(name, `a name after \${ in ${body}`);
    i += name[0].length;
    if (body[i] === '}') {
      i++;
      return valueOf(name[0], null);
    }
    if (body[i] === '/') {
      // A variable's transform, `${NAME/regex/format/options}`: `$n`, `${n}` and `${n:+text}` in the format.
      const part = () => {
        let text = '';
        for (i++; body[i] !== '/'; i++) text += body[i] === '\\' ? body[++i] : body[i];
        return text;
      };
      const regex = new RegExp(part(), '');
      const format = part();
      const end = body.indexOf('}', i);
      const options = body.slice(i + 1, end);
      i = end + 1;
      assert.ok(name[0] in variables, `${name[0]} is a variable the test knows`);
      return variables[name[0]].replace(new RegExp(regex.source, options), (...groups: (string | undefined)[]) =>
        format.replace(
          /\$\{(\d+):\+([^}]*)\}|\$\{(\d+)\}|\$(\d+)/g,
          (_, n: string, text: string, m: string, k: string) =>
            n !== undefined ? (groups[+n] ? text : '') : (groups[+(m ?? k)] ?? ''),
        ),
      );
    }
    if (body[i] === '|') {
      const end = body.indexOf('|}', i);
      const choices = body.slice(i + 1, end).split(',');
      i = end + 2;
      return valueOf(name[0], choices[0]);
    }
    assert.equal(body[i], ':', `\${${name[0]} is followed by :, | or } in ${body}`);
    i++;
    if (/^\d+$/.test(name[0])) tabStops.push(Number(name[0])); // before its nested ones: reading order
    const inner = parse('}');
    i++;
    return valueOf(name[0], inner, true);
  };
  const valueOf = (name: string, fallback: string | null, counted = false): string => {
    if (/^\d+$/.test(name)) {
      const n = Number(name);
      if (!counted) tabStops.push(n);
      if (fallback !== null && !defaults.has(n)) defaults.set(n, fallback);
      return defaults.get(n) ?? fallback ?? '';
    }
    assert.ok(name in variables, `${name} is a variable the test knows`);
    return variables[name];
  };
  const text = parse(null);
  return { text, tabStops };
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const pad = (n: number) => String(n).padStart(2, '0');
/** The date variables VS Code fills in, for a given day. */
function dateVariables(iso: string): Record<string, string> {
  const [y, m, d] = iso.split('-').map(Number);
  return {
    CURRENT_YEAR: String(y),
    CURRENT_YEAR_SHORT: String(y).slice(2),
    CURRENT_MONTH: pad(m),
    CURRENT_MONTH_NAME: MONTHS[m - 1],
    CURRENT_MONTH_NAME_SHORT: MONTHS[m - 1].slice(0, 3),
    CURRENT_DATE: pad(d),
  };
}

/** `code: message` of every problem. */
const problems = (text: string) => lintLetter(parseLetter(text)).map((d) => `${d.code}: ${d.message}`);

// Letters to insert snippets into, dated with the same date variables; `@where` lines mark the places.
const peopleLetter = [
  '@top',
  '# Open Letter on Prison Conditions',
  '',
  'To: Jane Doe, Minister of Justice',
  '',
  'Date: $CURRENT_MONTH_NAME $CURRENT_DATE, $CURRENT_YEAR',
  '',
  '@header',
  'Dear Minister,',
  '',
  'We write about the prison conditions documented in the reports listed below.',
  '',
  '@body',
  '## Cited Reports',
  '',
  '- Prison Conditions Today, Prison Watch, 2012.',
  '@reports',
  '',
  '## Signatories',
  '',
  '- Hiroshi Kato, President, Life Funds for North Korean Refugees',
  '@signatories',
  '',
  '@end',
].join('\n');
const organizationsLetter = peopleLetter
  .replace('@top', '---\nsigned-by: organizations\n---\n')
  .replace('- Hiroshi Kato, President, Life Funds for North Korean Refugees', '- Human Rights Now, Japan');

/** Where each snippet goes in a letter, and the problems its default text may have. */
const placement: Record<string, { at: string; letter?: string; allowed?: string[] }> = {
  'Front matter': { at: 'top' },
  Addressee: { at: 'header' },
  'Addressees (list)': { at: 'header' },
  'Addressee in Japanese': { at: 'header' },
  Date: { at: 'header' },
  'Date in Japanese': { at: 'header' },
  // Today is the default: the deadline must then be moved after the letter's date.
  'Reply deadline': { at: 'header', allowed: ['reply-by-before-date'] },
  'Reply deadline in Japanese': { at: 'header', allowed: ['reply-by-before-date'] },
  Subject: { at: 'header' },
  Copies: { at: 'header' },
  Request: { at: 'body' },
  'Cited reports section': { at: 'end' },
  'Cited reports section in Japanese': { at: 'end' },
  'Cited report': { at: 'reports' },
  // The address is left to fill in: `https://` alone is flagged until it is.
  'Cited report with link': { at: 'reports', allowed: ['report-url-invalid'] },
  'Cited report in Japanese': { at: 'reports' },
  'Signatories section': { at: 'end' },
  'Signatories section in Japanese': { at: 'end' },
  Signatory: { at: 'signatories' },
  'Signatory in Japanese': { at: 'signatories' },
  'Signing organization': { at: 'signatories', letter: organizationsLetter },
  'Disable next line': { at: 'body' },
  Disable: { at: 'body' },
  Enable: { at: 'body' },
  'Disable in the whole file': { at: 'body' },
};
const wholeLetters = ['Letter', 'Letter in Japanese'];
const dates = ['2024-05-07', '2024-02-29', '2023-12-31', '2025-01-01'];

/** The letter with the text at `@where` and every other `@` line removed. */
function insert(letter: string, where: string, text: string): string {
  return letter
    .split('\n')
    .map((line) => (line === `@${where}` ? text : line))
    .filter((line) => !/^@[a-z]+$/.test(line))
    .join('\n');
}

describe('snippets', () => {
  test('parse as JSON with comments; each has a prefix, a body and a description', () => {
    assert.ok(Object.keys(snippets).length >= 20);
    for (const [name, snippet] of Object.entries(snippets)) {
      assert.ok(
        prefixesOf(snippet).length > 0 && prefixesOf(snippet).every((p) => typeof p === 'string' && p.length > 0),
        `${name}: prefix`,
      );
      assert.ok(bodyOf(snippet).length > 0, `${name}: body`);
      assert.ok(typeof snippet.description === 'string' && snippet.description.length > 10, `${name}: description`);
    }
  });

  test('the prefixes a writer would type', () => {
    const all = Object.values(snippets).flatMap(prefixesOf);
    for (const prefix of [
      'letter',
      'letter-ja',
      'to',
      'date',
      'replyby',
      'reports',
      'report',
      'signatories',
      'signatory',
      'request',
      'disable-next-line',
      'disable',
      'enable',
      'disable-file',
      '署名者',
      '参考文献',
    ]) {
      assert.ok(all.includes(prefix), prefix);
    }
    assert.equal(new Set(all).size, all.length, 'no prefix twice');
  });

  test('every snippet has a place in a letter here, or is a whole letter', () => {
    assert.deepEqual(Object.keys(snippets).sort(), [...Object.keys(placement), ...wholeLetters].sort());
  });

  test('tab stops run 1, 2, 3 … in reading order', () => {
    for (const [name, snippet] of Object.entries(snippets)) {
      const { tabStops } = expand(bodyOf(snippet), dateVariables(dates[0]));
      const numbered = [...new Set(tabStops.filter((n) => n > 0))];
      assert.deepEqual(
        numbered,
        numbered.map((_, k) => k + 1),
        `${name}: ${tabStops.join(' ')}`,
      );
    }
  });

  test('disable comments offer exactly the check codes', () => {
    const codes = rules.map((r) => r.code);
    for (const name of ['Disable next line', 'Disable', 'Enable', 'Disable in the whole file']) {
      const choice = /\$\{1\|([^|]*)\|\}/.exec(bodyOf(snippets[name]));
      assert.ok(choice, `${name} has a choice of codes`);
      assert.deepEqual(choice[1].split(','), codes, name);
    }
  });

  test('a date a snippet writes reads as letters write it, whatever language VS Code is shown in', () => {
    // VS Code pads CURRENT_MONTH and CURRENT_DATE with a zero, and names CURRENT_MONTH_NAME in its display language.
    for (const iso of [...dates, '2024-10-01', '2026-11-30', '2026-12-04']) {
      const variables = { ...dateVariables(iso), CURRENT_MONTH_NAME: '12月', CURRENT_MONTH_NAME_SHORT: '12月' };
      const written = (name: string) => expand(bodyOf(snippets[name]), variables).text;
      const [en, ja] = [formatDate(iso, 'en'), formatDate(iso, 'ja')];
      assert.equal(written('Date'), `Date: ${en}\n`);
      assert.equal(written('Date in Japanese'), `日付：${ja}\n`);
      assert.equal(written('Reply deadline'), `Reply by: ${en}\n`);
      assert.equal(written('Reply deadline in Japanese'), `回答期限：${ja}\n`);
      assert.match(written('Request'), new RegExp(`reply by ${en},`));
      assert.match(written('Letter'), new RegExp(`\nDate: ${en}\n`));
      assert.match(written('Letter in Japanese'), new RegExp(`\n日付：${ja}\n`));
    }
    assert.equal(formatDate('2026-12-04', 'en'), 'December 4, 2026');
    assert.equal(formatDate('2026-12-04', 'ja'), '2026年12月4日');
  });

  test('New Letter and the empty letter’s completion write the Letter snippets, dated by the engine', () => {
    for (const iso of [...dates, '2026-12-04']) {
      for (const [name, lang] of [
        ['Letter', 'en'],
        ['Letter in Japanese', 'ja'],
      ] as const) {
        const skeleton = letterSkeleton(lang, iso);
        assert.doesNotMatch(skeleton, /CURRENT_/, 'no date variable of VS Code');
        const bySnippet = expand(bodyOf(snippets[name]), dateVariables(iso));
        assert.deepEqual(expand(skeleton, {}), bySnippet, `${name}, ${iso}: the same text and tab stops`);
      }
    }
    assert.match(letterSkeleton('ja', '2026-12-04'), /\n日付：\$\{4:2026年12月4日\}\n/);
  });

  for (const iso of dates) {
    test(`the letter skeletons lint clean (today ${iso})`, () => {
      for (const name of wholeLetters) {
        const { text } = expand(bodyOf(snippets[name]), dateVariables(iso));
        const letter = parseLetter(text);
        assert.ok(
          letter.title && letter.date && letter.addressees.length === 1,
          `${name}: title, date and addressee are read`,
        );
        assert.equal(letter.reports.length, 1, `${name}: one report`);
        assert.equal(letter.signatories.length, 1, `${name}: one signatory`);
        assert.deepEqual(
          lintLetter(letter).filter((d) => d.severity === 'error'),
          [],
          `${name} has no errors`,
        );
        assert.deepEqual(problems(text), [], `${name} has no problems at all`);
      }
    });

    test(`each snippet, in its place in a letter, adds no problem (today ${iso})`, () => {
      const variables = dateVariables(iso);
      for (const [name, { at, letter = peopleLetter, allowed = [] }] of Object.entries(placement)) {
        const base = expand(letter, variables).text;
        const before = problems(insert(base, at, ''));
        const withSnippet = insert(base, at, expand(bodyOf(snippets[name]), variables).text);
        const added = problems(withSnippet).filter((p) => {
          const k = before.indexOf(p);
          if (k >= 0) before.splice(k, 1);
          return k < 0 && !allowed.includes(p.split(':')[0]);
        });
        assert.deepEqual(added, [], `${name} at @${at}:\n${withSnippet}`);
      }
    });
  }

  test('the base letters themselves are clean', () => {
    for (const letter of [peopleLetter, organizationsLetter]) {
      const text = insert(expand(letter, dateVariables(dates[0])).text, 'none', '');
      assert.deepEqual(problems(text), []);
    }
  });
});

// --- the language configuration ----------------------------------------------------------------

describe('language configuration', () => {
  const config = parseJsonc(readFileSync(join(repoRoot, 'language-configuration.json'), 'utf8')) as {
    comments: { blockComment: [string, string] };
    autoClosingPairs: { open: string; close: string }[];
    folding: { offSide: boolean; markers: { start: string; end: string } };
    wordPattern: { pattern: string; flags: string };
    onEnterRules: { beforeText: string; action: { indent: string; appendText?: string } }[];
  };

  test('HTML comments, the quotation marks letters use', () => {
    assert.deepEqual(config.comments.blockComment, ['<!--', '-->']);
    const pairs = config.autoClosingPairs.map((p) => p.open + p.close);
    for (const pair of ['“”', '「」', '『』', '()', '[]']) assert.ok(pairs.includes(pair), pair);
    assert.ok(!pairs.includes('**') && !pairs.includes('*'), '* is not auto-closed: it starts list items');
  });

  test('region markers fold; the word pattern is valid', () => {
    assert.equal(config.folding.offSide, false);
    assert.match('<!-- #region Signatories -->', new RegExp(config.folding.markers.start));
    assert.match('<!-- #endregion -->', new RegExp(config.folding.markers.end));
    const word = new RegExp(config.wordPattern.pattern, config.wordPattern.flags);
    assert.deepEqual('Kim Jong-un, 北朝鮮 2013'.match(word), ['Kim', 'Jong', 'un', '北朝鮮', '2013']);
  });

  test('Enter continues a list item with the same marker', () => {
    const appended = (line: string) =>
      config.onEnterRules.find((r) => new RegExp(r.beforeText).test(line))?.action.appendText;
    assert.equal(appended('- Hiroshi Kato, President, Life Funds for North Korean Refugees'), '- ');
    assert.equal(appended('* Kotaro Miura, Vice President'), '* ');
    assert.equal(appended('  - a nested item'), '- ');
    assert.equal(appended('3. Renew the mandate'), '1. ');
    assert.equal(appended('- '), undefined, 'an empty item is not continued');
    assert.equal(appended('- - -'), undefined, 'a thematic break is no item');
    assert.equal(appended('**To:** Fumio Kishida'), undefined);
    assert.equal(appended('Dear Minister,'), undefined);
  });
});
