// Hostile and gigantic letters for the robustness tests. Each case is built inside the worker that
// runs it (test/unit/support/worker.ts), so the main thread never holds the big strings.

/** A small, seeded PRNG (mulberry32): the "random" junk is the same on every run. */
export function seededBytes(seed: number, count: number): Buffer {
  let a = seed >>> 0;
  const out = Buffer.alloc(count);
  for (let i = 0; i < count; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
  }
  return out;
}

const HEAD =
  '# Open letter\n\nTo: Minister, Ministry of Justice\n\nDate: May 7, 2013\n\nWe write about the reports listed below.\n\n';
const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const repeatLines = (n: number, line: (i: number) => string) => range(n).map(line).join('\n');

/** A complete small letter, for insertion in every position and for the line-ending cases. */
export const smallLetter = [
  '---',
  'title: Open letter',
  'lang: en',
  '---',
  '',
  'To: Minister, Ministry of Justice',
  'Date: May 7, 2013',
  'Subject: Detention',
  '',
  'We, the undersigned, refer to the reports listed below.',
  '',
  '## Cited Reports',
  '',
  '- *White Paper, 2012*, NKDB, 2012.',
  '- Camps Today, [NKDB](https://nkdb.org), n.d.',
  '',
  '## Signatories',
  '',
  '<!-- letter-lint-disable-next-line signatory-role-missing -->',
  '* Hiroshi Kato, President, Life Funds',
  '* 加藤博、代表、北朝鮮難民救援基金',
  '',
].join('\n');

const BILLION_LAUGHS = [
  '---',
  'title: Laughs',
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'.split('').map((name, k) => {
    const prev = 'abcdefghi'[k];
    return `${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`;
  }),
  'to: *i',
  '---',
  '',
  'Date: May 7, 2013',
  '',
].join('\n');

function bigLetter(signatories: number): string {
  return `${HEAD}## Cited Reports\n\n- White Paper, NKDB, 2012.\n\n## Signatories\n\n${repeatLines(signatories, (i) => `- Person ${i}, Role ${i % 7}, Organization ${i % 13}`)}\n`;
}

function withLoneSurrogates(): string[] {
  const out: string[] = [];
  for (let i = 0; i <= smallLetter.length; i++) {
    out.push(smallLetter.slice(0, i) + '\ud800' + smallLetter.slice(i));
    out.push(smallLetter.slice(0, i) + '\udfff' + smallLetter.slice(i));
  }
  return out;
}

/**
 * `n(x)`: the size `x` named in a case, scaled for the run (by ½ for the growth test's smaller run).
 * A case of fixed shape ignores it.
 */
export type Sized = (x: number) => number;

/** Case name → the letter text(s) it runs the engine on, at the size `n` gives. */
export const pathologicalCases: Record<string, (n: Sized) => string | string[]> = {
  'stars: 60,000 * on one line': (n) => '*'.repeat(n(60_000)),
  'stars: 60,000 * as emphasis openers (*a*a…)': (n) => '*a'.repeat(n(60_000)),
  'stars: 60,000 * ending a signatory entry': (n) =>
    `${HEAD}## Signatories\n\n- Name, Role, Org ${'*'.repeat(n(60_000))}\n`,
  'stars: 60,000 _ and * mixed in a field': (n) => `Subject: ${'_*'.repeat(n(30_000))}\n`,
  'brackets: 10,000 unclosed [': (n) => '['.repeat(n(10_000)),
  'brackets: 10,000 unclosed [ in a cited report': (n) =>
    `${HEAD}## Cited Reports\n\n- ${'[a'.repeat(n(10_000))}, NKDB, 2012\n`,
  'brackets: 10,000 unclosed [a]( link openers': (n) => `${HEAD}${'[a]('.repeat(n(10_000))}\n`,
  'brackets: 10,000 nested [[[…]]] around a link': (n) =>
    `Subject: ${'['.repeat(n(10_000))}a${']'.repeat(n(10_000))}(https://x.org)\n`,
  'backticks: 50,000 unbalanced ` in a field': (n) => `Subject: ${'`a'.repeat(n(25_000))}${'``b'.repeat(n(8_000))}\n`,
  'long line: 200,000 characters in a signatory entry': (n) =>
    `${HEAD}## Signatories\n\n- Name, Role, ${'Organization '.repeat(n(15_385))}\n`,
  'long line: 200,000-character body paragraph': (n) => `${HEAD}${'word '.repeat(n(40_000))}\n`,
  'long line: 200,000 characters of commas in a cited report': (n) =>
    `${HEAD}## Cited Reports\n\n- Title, ${'p, '.repeat(n(66_666))}2012\n`,
  'long line: 66,666 doubled spaces in a signatory entry': (n) =>
    `${HEAD}## Signatories\n\n- Name, Role, ${'a  '.repeat(n(66_666))}\n`,
  'long line: 440,000 characters of entities and emphasis in a field': (n) =>
    `Subject: ${'&amp;x *b* '.repeat(n(40_000))}\n`,
  'long line: 200,000-character date field': (n) => `Date: ${'7 '.repeat(n(100_000))}\n`,
  'many: 50,000 signatories': (n) => bigLetter(n(50_000)),
  'many: 50,000 identical signatories': (n) =>
    `${HEAD}## Signatories\n\n${'- Hiroshi Kato, President, Life Funds\n'.repeat(n(50_000))}`,
  'many: 100,000 signatories': (n) => `## Signatories\n\n${repeatLines(n(100_000), (i) => `- P${i}, R, O${i % 13}`)}\n`,
  'many: 50,000 cited reports': (n) =>
    `${HEAD}## Cited Reports\n\n${repeatLines(n(50_000), (i) => `1. Report ${i % 100}, Publisher, ${1800 + (i % 300)}`)}\n`,
  'many: 20,000 links in one body paragraph': (n) => `${HEAD}${'[a](https://x.org) '.repeat(n(20_000))}\n`,
  'many: 20,000 links in one signatory entry': (n) =>
    `${HEAD}## Signatories\n\n- Name, Role, ${'[a](https://x.org) '.repeat(n(20_000))}\n`,
  'many: 40,000 To: lines in one paragraph': (n) =>
    `${repeatLines(n(40_000), (i) => `To: Minister ${i}, Ministry ${i}`)}\n`,
  'many: 50,000 Date: lines in one paragraph': (n) => `${repeatLines(n(50_000), () => 'Date: May 7, 2013')}\n`,
  'many: an addressee with 100,000 title lines': (n) =>
    `To: Minister,\n${repeatLines(n(100_000), (i) => `Title ${i},`)}\n`,
  'many: a Cc field of 50,000 names': (n) =>
    `Cc: ${range(n(50_000))
      .map((i) => `Person ${i}`)
      .join(', ')}\n`,
  'many: 20,000 signatories sections': (n) => `${HEAD}${'## Signatories\n\n- Name, Role, Org\n\n'.repeat(n(20_000))}`,
  'many: 100,000-line wrapped signatory entry': (n) =>
    `${HEAD}## Signatories\n\n- Name, Role,\n${'Org  part\n'.repeat(n(100_000))}`,
  'nesting: lists 1,000 deep': (n) =>
    `${HEAD}## Signatories\n\n${repeatLines(n(1_000), (i) => `${'  '.repeat(i)}- Name ${i}, Role, Org`)}\n`,
  'nesting: ordered lists 1,000 deep': (n) =>
    `${HEAD}## Cited Reports\n\n${repeatLines(n(1_000), (i) => `${'   '.repeat(i)}1. Title ${i}, Publisher, 2012`)}\n`,
  'nesting: block quotes 1,000 deep': (n) =>
    `${HEAD}## Signatories\n\n${'>'.repeat(n(1_000))} - Name, Role, Org\n${repeatLines(n(1_000), (i) => `${'> '.repeat(i)}Text ${i}`)}\n`,
  'front matter only: closed': () => '---\ntitle: Only front matter\ndate: 2013-05-07\nto: Minister, Ministry\n---',
  'front matter only: empty': () => '---\n---',
  'front matter only: unclosed': () => ['---', '---\n', '---\ntitle: x', '---\ntitle: x\n\n\n'],
  'front matter: billion laughs (9 levels of 9 aliases)': () => BILLION_LAUGHS,
  'front matter: 50,000 keys': (n) => `---\n${repeatLines(n(50_000), (i) => `key${i}: value ${i}`)}\n---\n`,
  'binary: 100,000 random bytes as latin1': (n) => seededBytes(1, n(100_000)).toString('latin1'),
  'binary: 100,000 random bytes as UTF-8 (replacement chars)': (n) => seededBytes(2, n(100_000)).toString('utf8'),
  'NUL: 10,000 NUL bytes': (n) => '\0'.repeat(n(10_000)),
  'NUL: a letter with NUL bytes in every entry and field': () =>
    smallLetter.replace(/, /g, ',\0 ').replace(/Kato/, 'Ka\0to'),
  'surrogates: lone \\ud800 and \\udfff in every position': withLoneSurrogates,
  'surrogates: 50,000 lone surrogates in a signatory': (n) =>
    `${HEAD}## Signatories\n\n- ${'\ud800\udfff\udfff\ud800'.repeat(n(12_500))}, Role, Org\n`,
  'line endings: a 10,000-signatory letter with LF': (n) => bigLetter(n(10_000)),
  'line endings: a 10,000-signatory letter with CRLF': (n) => bigLetter(n(10_000)).replace(/\n/g, '\r\n'),
  'line endings: a 10,000-signatory letter with CR': (n) => bigLetter(n(10_000)).replace(/\n/g, '\r'),
  'line endings: 100,000 mixed line breaks': (n) =>
    Array.from({ length: n(100_000) }, (_, i) => ['\n', '\r\n', '\r'][i % 3]).join('x'),
  'blank lines: 100,000 blank lines': (n) => '\n'.repeat(n(100_000)),
  "blank lines: 100,000 blank lines between a letter's parts": (n) =>
    smallLetter.replace(/\n\n/g, '\n'.repeat(n(25_000))),
  'heading: a 10,000-level heading-like line': (n) => `${'#'.repeat(n(10_000))} Signatories\n\n- Name, Role, Org\n`,
  'heading: 10,000 # in a signatory entry': (n) => `${HEAD}## Signatories\n\n- ${'#'.repeat(n(10_000))}, Role, Org\n`,
  // Two comments an entry, 10,000 entries: the outline's cost in entries stays out of the picture.
  'directives: 20,000 disable-next-line comments': (n) =>
    `${HEAD}## Signatories\n\n${repeatLines(n(10_000), (i) => `<!-- letter-lint-disable-next-line whitespace-irregular -->\n<!-- letter-lint-disable-next-line signatory-role-missing -->\n- Name ${i}, Org`)}\n`,
  'directives: 20,000 disable/enable comments': (n) =>
    `${HEAD}## Signatories\n\n${repeatLines(n(10_000), (i) => `<!-- letter-lint-disable signatory-role-missing -->\n- Name ${i}, Org\n<!-- letter-lint-enable -->`)}\n`,
  'directives: 20,000 disable-next-line comments in a row': (n) =>
    `${'<!-- letter-lint-disable-next-line -->\n'.repeat(n(20_000))}- x\n`,
  'directives: an unclosed disable comment of 100,000 lines': (n) =>
    `<!-- letter-lint-disable ${'x -->y '.repeat(10)}\n${'code\n'.repeat(n(100_000))}`,
};
