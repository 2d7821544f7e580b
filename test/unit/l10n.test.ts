// The Japanese translation: package.json's %key% placeholders (package.nls.json, package.nls.ja.json)
// and the runtime strings of the extension glue (vscode.l10n.t in src/extension, l10n/bundle.l10n.ja.json).
// Messages and fix titles that come from the engine (src/core) are not translated yet.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));
const manifest = readJson('package.json') as { l10n?: string };
const nls = readJson('package.nls.json') as Record<string, string>;
const nlsJa = readJson('package.nls.ja.json') as Record<string, string>;
const bundleJa = readJson('l10n/bundle.l10n.ja.json') as Record<string, string>;

/** Every string in a JSON value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(root, dir), { recursive: true })
    .map((entry) => path.join(dir, entry.toString()))
    .filter((file) => file.endsWith('.ts'));
}
const sources = sourceFiles('src/extension').map((file) => ({ file, text: fs.readFileSync(path.join(root, file), 'utf8') }));

/** The value of a single-quoted TypeScript string literal's body. */
const unquote = (body: string) => body.replace(/\\(.)/g, '$1');
const placeholders = (text: string) => [...new Set(text.match(/\{\d+\}/g) ?? [])].sort();

describe('package.json localization', () => {
  const keys = strings(manifest).flatMap((s) => [...s.matchAll(/^%([\w.-]+)%$/g)].map((m) => m[1]));

  test('the manifest uses placeholders and points at the runtime bundles', () => {
    assert.ok(keys.length > 50, `only ${keys.length} %key% placeholders`);
    assert.equal(manifest.l10n, './l10n');
  });

  test('every %key% is in package.nls.json and package.nls.ja.json', () => {
    for (const key of keys) {
      assert.ok(key in nls, `${key} is missing from package.nls.json`);
      assert.ok(key in nlsJa, `${key} is missing from package.nls.ja.json`);
    }
  });

  test('English and Japanese have the same keys, none unused, none empty', () => {
    assert.deepEqual(Object.keys(nlsJa).sort(), Object.keys(nls).sort());
    const used = new Set(keys);
    for (const key of Object.keys(nls)) assert.ok(used.has(key), `${key} is not used in package.json`);
    for (const [file, values] of [['package.nls.json', nls], ['package.nls.ja.json', nlsJa]] as const) {
      for (const [key, value] of Object.entries(values)) assert.ok(typeof value === 'string' && value.trim() !== '', `${file}: ${key} is empty`);
    }
  });

  test('the Japanese keeps every `code` span of the English', () => {
    for (const [key, english] of Object.entries(nls)) {
      for (const code of english.match(/`[^`]+`/g) ?? []) assert.ok(nlsJa[key].includes(code), `${key}: ${code} is missing from the Japanese`);
    }
  });
});

describe('runtime strings (vscode.l10n.t)', () => {
  const calls = sources.flatMap(({ file, text }) =>
    [...text.matchAll(/\bl10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => ({ file, message: unquote(m[1]) })),
  );

  test('the glue translates its messages', () => {
    assert.ok(calls.length > 50, `only ${calls.length} l10n.t calls`);
    for (const { file, text } of sources) {
      assert.doesNotMatch(text, /\bl10n\.t\(\s*[`"]/, `${file}: l10n.t takes a single-quoted literal (the bundle key)`);
    }
  });

  test('every l10n.t literal has a Japanese translation', () => {
    for (const { file, message } of calls) assert.ok(message in bundleJa, `${file}: no Japanese for ${JSON.stringify(message)}`);
  });

  test('the bundle has no translation nobody asks for, and none empty', () => {
    const asked = new Set(calls.map((c) => c.message));
    for (const [key, value] of Object.entries(bundleJa)) {
      assert.ok(asked.has(key), `l10n/bundle.l10n.ja.json: ${JSON.stringify(key)} is not used in src/extension`);
      assert.ok(value.trim() !== '', `l10n/bundle.l10n.ja.json: ${JSON.stringify(key)} is empty`);
    }
  });

  test('the Japanese keeps every {0}-style placeholder', () => {
    for (const [key, value] of Object.entries(bundleJa)) {
      assert.deepEqual(placeholders(value), placeholders(key), `placeholders of ${JSON.stringify(key)}`);
    }
  });

  test('no message is shown without l10n.t', () => {
    for (const { file, text } of sources) {
      for (const m of text.matchAll(/\bshow(?:Information|Warning|Error)Message\(\s*/g)) {
        const rest = text.slice(m.index + m[0].length);
        const line = text.slice(0, m.index).split('\n').length;
        // The first argument is a translation, or a variable holding one (checked where it is made).
        assert.doesNotMatch(rest, /^['"`]/, `${file}:${line}: a literal message not wrapped in l10n.t`);
        if (!/^(?:vscode\.)?l10n\.t\(/.test(rest)) {
          assert.match(rest, /^[A-Za-z_$][\w$]*\s*[,)]|^[A-Za-z_$][\w$]*\s*\?\s*(?:vscode\.)?l10n\.t\(/, `${file}:${line}: the message is neither l10n.t(…) nor a variable`);
        }
      }
    }
  });
});
