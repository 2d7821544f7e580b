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
    for (const text of [
      '# Title\r\n\r\n- Name, Role, Org\r\n- Other\0Name, Role, Org\r\n',
      'To: A\rDate: 1 May 2024\r\r* x\0\r',
      '\0',
      '\r\n',
    ]) {
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
    for (const file of [...lettersIn('test/fixtures'), ...lettersIn('examples')])
      shortcuts += assertSamePlainText(fs.readFileSync(path.join(root, file), 'utf8'), file);
    shortcuts += assertSamePlainText(
      '- Ana Silva,  \n  Director, Org\n- Li Wang,\n  Researcher\\\n  Org &amp; Co\n',
      'breaks',
    );
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

describe("the markdown-it internals the engine's shortcuts copy", () => {
  // markdown.ts repeats the bodies of markdown-it 15.0.3's StateBlock/StateInline `push` and
  // `pushPending` and its Token constructor, with plain construction. A newer markdown-it may change
  // them; these fail first, saying what to compare, before the token comparison above fails obscurely.
  const pinned = '15.0.3';
  const fingerprint = (f: unknown) => String(f).replace(/\s+/g, ' ');
  const installed = JSON.parse(
    fs.readFileSync(path.join(root, 'node_modules', 'markdown-it', 'package.json'), 'utf8'),
  ) as { version: string };
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };

  test(`markdown-it is pinned to ${pinned} in package.json and installed at that version`, () => {
    assert.equal(
      manifest.dependencies['markdown-it'],
      pinned,
      'package.json must pin markdown-it exactly: src/core/markdown.ts copies its internals',
    );
    assert.equal(
      installed.version,
      pinned,
      `markdown-it ${installed.version} is installed; src/core/markdown.ts was written against ${pinned}`,
    );
  });

  test('Token has the fields, in the order, that QuickToken assigns', () => {
    const fields = [
      'type',
      'tag',
      'attrs',
      'map',
      'nesting',
      'level',
      'children',
      'content',
      'markup',
      'info',
      'meta',
      'block',
      'hidden',
    ];
    assert.deepEqual(
      Object.keys(new markdownIt.Token('t', 'x', 0)).sort(),
      [...fields].sort(),
      "markdown-it's Token fields changed: update QuickToken in src/core/markdown.ts",
    );
  });

  test('the push methods are the ones markdown.ts copies', () => {
    const md = markdownIt();
    const copied: [string, unknown, string][] = [
      [
        'StateBlock.push',
        md.block.State.prototype.push,
        'push(type, tag, nesting) { const token = new Token(type, tag, nesting); token.block = true; if (nesting < 0) this.level--; token.level = this.level; if (nesting > 0) this.level++; this.tokens.push(token); return token; }',
      ],
      [
        'StateInline.push',
        md.inline.State.prototype.push,
        'push(type, tag, nesting) { if (this.pending) this.pushPending(); const token = new Token(type, tag, nesting); let token_meta = void 0; if (nesting < 0) { this.level--; this.delimiters = this._prev_delimiters.pop(); } token.level = this.level; if (nesting > 0) { this.level++; this._prev_delimiters.push(this.delimiters); this.delimiters = []; token_meta = { delimiters: this.delimiters }; } this.pendingLevel = this.level; this.tokens.push(token); this.tokens_meta.push(token_meta); return token; }',
      ],
      [
        'StateInline.pushPending',
        md.inline.State.prototype.pushPending,
        'pushPending() { const token = new Token("text", "", 0); token.content = this.pending; token.level = this.pendingLevel; this.tokens.push(token); this.pending = ""; return token; }',
      ],
    ];
    for (const [name, method, expected] of copied) {
      assert.equal(
        fingerprint(method),
        expected,
        `markdown-it's ${name} changed: bring useQuickTokens in src/core/markdown.ts in line with it`,
      );
    }
  });
});
