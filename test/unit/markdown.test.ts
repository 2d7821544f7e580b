// The engine's markdown-it (src/core/markdown.ts) takes shortcuts for speed: texts without markup
// skip the inline parser, tokens are constructed without markdown-it's transpiler helpers, and a text
// without CR or NUL is not normalized by regex. All
// must give exactly the tokens markdown-it itself gives: compared here, field by field, on every
// fixture letter, the seed letter and arbitrary texts. Entries read their text without an InlineText
// when it is text and line breaks only (InlineText.plainText): that too must be InlineText's own text.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import markdownIt, { type Token } from 'markdown-it';
import { createLetterMarkdown, normalizeSource } from '../../src/core/markdown';
import { InlineText } from '../../src/core/text/inlineText';
import { anyLetterText, letterText } from './support/letterArbitraries';

const root = path.resolve(__dirname, '..', '..');
const quick = createLetterMarkdown();
const stock = createLetterMarkdown({ shortcuts: false });

/** Every field of every token, children included, in the order the token holds them. */
function dump(tokens: Token[]): unknown[] {
  return tokens.map((token) => ({
    keys: Object.keys(token),
    ...token,
    children: token.children ? dump(token.children) : token.children,
    instance: token instanceof markdownIt.Token,
  }));
}

function assertSameTokens(text: string, where: string): void {
  assert.deepStrictEqual(dump(quick.parse(text, {})), dump(stock.parse(text, {})), where);
}

function lettersIn(dir: string): string[] {
  return fs
    .readdirSync(path.join(root, dir), { recursive: true })
    .map((entry) => path.join(dir, entry.toString()))
    .filter((file) => /\.(md|txt)$/.test(file));
}

describe('the engine markdown-it gives markdown-it own tokens', () => {
  test('on every fixture and example letter', () => {
    const files = [...lettersIn('test/fixtures'), ...lettersIn('examples')];
    assert.ok(files.length > 100, `only ${files.length} letters`);
    for (const file of files) assertSameTokens(fs.readFileSync(path.join(root, file), 'utf8'), file);
  });

  test('on CRLF and CR line breaks and NUL characters', () => {
    for (const text of ['# Title\r\n\r\n- Name, Role, Org\r\n- Other\0Name, Role, Org\r\n', 'To: A\rDate: 1 May 2024\r\r* x\0\r', '\0', '\r\n']) {
      assertSameTokens(text, JSON.stringify(text));
    }
  });

  test('every token is a markdown-it Token with its methods', () => {
    const [heading] = quick.parse('# Title [link](https://example.org) *em*', {});
    assert.ok(heading instanceof markdownIt.Token);
    heading.attrSet('id', 'x');
    assert.equal(heading.attrGet('id'), 'x');
  });

  test('on arbitrary texts', () => {
    fc.assert(
      fc.property(fc.oneof(anyLetterText, letterText), (text) => assertSameTokens(text, JSON.stringify(text))),
      { seed: 20261128, numRuns: 400 },
    );
  });
});

/** Checks every inline token of `text`: the shortcut's plain text, when it gives one, is InlineText's. */
function assertSamePlainText(text: string, where: string): number {
  const lines = normalizeSource(text).split('\n');
  let shortcuts = 0;
  for (const token of quick.parse(text, {})) {
    if (token.type !== 'inline') continue;
    const plain = InlineText.plainText(token);
    if (plain === null) continue;
    shortcuts++;
    assert.equal(plain, new InlineText(token, lines).plain, `${where}: ${JSON.stringify(token.content)}`);
  }
  return shortcuts;
}

describe('an entry read without an InlineText reads the same text', () => {
  test('on every fixture and example letter, wrapped and hard-broken entries included', () => {
    let shortcuts = 0;
    for (const file of [...lettersIn('test/fixtures'), ...lettersIn('examples')]) shortcuts += assertSamePlainText(fs.readFileSync(path.join(root, file), 'utf8'), file);
    shortcuts += assertSamePlainText('- Ana Silva,  \n  Director, Org\n- Li Wang,\n  Researcher\\\n  Org &amp; Co\n', 'breaks');
    assert.ok(shortcuts > 1000, `only ${shortcuts} texts read by the shortcut`);
  });

  test('on arbitrary texts', () => {
    fc.assert(
      fc.property(fc.oneof(anyLetterText, letterText), (text) => {
        assertSamePlainText(text, JSON.stringify(text));
      }),
      { seed: 20261128, numRuns: 400 },
    );
  });
});
