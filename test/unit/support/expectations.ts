// Fixture letters carry their expected problems inline, markdownlint style:
// `… <!-- expect: code1 code2 -->` at the end of the line where each diagnostic starts,
// and optionally a last line `<!-- fixture-options: {LintOptions as JSON} -->`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  declaredTranslation,
  fileName,
  findTranslation,
  parseLetter,
  type Counterpart,
  type Letter,
  type LetterDiagnostic,
  type LintOptions,
  type Range,
} from '../../../src/core';
import { nodeTranslationFiles, slashed } from '../../../src/node';

export const repoRoot = resolve(__dirname, '../../..');
export const fixturesRoot = join(repoRoot, 'test', 'fixtures');

/** One expected or found problem: 1-based line and code. */
export interface LineCode {
  line: number;
  code: string;
}

export interface Fixture {
  /** The letter as the engine sees it: expectations and options removed. */
  text: string;
  expected: LineCode[];
  options: LintOptions;
}

// The single space before the comment belongs to the marker; anything before it (trailing whitespace too) is kept.
const expectMarker = / <!-- expect:((?: +[a-z][a-z0-9-]*)+) -->(\r?)$/;
const optionsLine = /^<!-- fixture-options: (.*) -->\r?$/;

export function parseFixture(source: string): Fixture {
  const lines = source.split('\n');
  const endsWithBreak = lines.length > 1 && lines[lines.length - 1] === '';
  if (endsWithBreak) lines.pop();

  let options: LintOptions = {};
  const last = lines.length - 1;
  const optionsMatch = last >= 0 ? optionsLine.exec(lines[last]) : null;
  if (optionsMatch) {
    options = JSON.parse(optionsMatch[1]) as LintOptions;
    lines.pop();
  }

  const expected: LineCode[] = [];
  const kept = lines.map((line, index) => {
    const match = expectMarker.exec(line);
    if (!match) {
      if (line.includes('<!-- expect')) {
        throw new Error(`line ${index + 1}: malformed expectation (it must end the line, after one space): ${line}`);
      }
      if (line.includes('fixture-options')) {
        throw new Error(`line ${index + 1}: fixture-options must be the last line`);
      }
      return line;
    }
    for (const code of match[1].trim().split(/ +/)) expected.push({ line: index + 1, code });
    return line.slice(0, match.index) + match[2];
  });

  return { text: kept.join('\n') + (endsWithBreak ? '\n' : ''), expected, options };
}

export function diagnosticLineCodes(diagnostics: readonly LetterDiagnostic[]): LineCode[] {
  return diagnostics.map((d) => ({ line: d.range.start.line + 1, code: d.code }));
}

const key = (p: LineCode) => `${p.line}\t${p.code}`;

function counts(items: readonly LineCode[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const item of items) map.set(key(item), (map.get(key(item)) ?? 0) + 1);
  return map;
}

function multisetMinus(a: readonly LineCode[], b: readonly LineCode[]): LineCode[] {
  const remaining = counts(b);
  const result: LineCode[] = [];
  for (const item of a) {
    const n = remaining.get(key(item)) ?? 0;
    if (n > 0) remaining.set(key(item), n - 1);
    else result.push(item);
  }
  return result;
}

const byLine = (a: LineCode, b: LineCode) => a.line - b.line || a.code.localeCompare(b.code);

/**
 * Compares expected and found (line, code) pairs as multisets.
 * Returns null when they match, else a readable report quoting the lines concerned.
 */
export function expectationDiff(
  expected: readonly LineCode[],
  diagnostics: readonly LetterDiagnostic[],
  text: string,
): string | null {
  const actual = diagnosticLineCodes(diagnostics);
  const missing = multisetMinus(expected, actual).sort(byLine);
  const unexpected = multisetMinus(actual, expected).sort(byLine);
  if (missing.length === 0 && unexpected.length === 0) return null;

  const lines = text.split(/\r\n|\r|\n/);
  const quote = (line: number) => JSON.stringify((lines[line - 1] ?? '').slice(0, 90));
  const out: string[] = [];
  for (const m of missing) out.push(`  - missing    ${m.line}: ${m.code}   ${quote(m.line)}`);
  for (const u of unexpected) {
    const d = diagnostics.find((x) => x.code === u.code && x.range.start.line + 1 === u.line);
    out.push(`  + unexpected ${u.line}: ${u.code} (${d?.message ?? ''})   ${quote(u.line)}`);
  }
  out.push('  all found:');
  for (const d of [...diagnostics].sort((a, b) => a.range.start.line - b.range.start.line)) {
    out.push(`    ${formatRange(d.range)} ${d.severity} ${d.code}: ${d.message}`);
  }
  return out.join('\n');
}

export function formatRange(r: Range): string {
  return `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;
}

/** Every `*.letter.md` below a folder, as paths relative to the fixtures root, sorted. */
export function listFixtures(folder = fixturesRoot): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.letter.md')) found.push(path.slice(fixturesRoot.length + 1));
    }
  };
  walk(folder);
  return found;
}

/** The text a single-line range covers, for precise range assertions. */
export function textAt(lines: readonly string[], range: Range): string {
  if (range.start.line === range.end.line) {
    return lines[range.start.line].slice(range.start.character, range.end.character);
  }
  const parts = [lines[range.start.line].slice(range.start.character)];
  for (let l = range.start.line + 1; l < range.end.line; l++) parts.push(lines[l]);
  parts.push(lines[range.end.line].slice(0, range.end.character));
  return parts.join('\n');
}

/**
 * A fixture's other language version, found as the command line finds it (`translation-of`, or
 * `name.ja.letter.md` beside `name.letter.md`), read as a fixture (its expectations removed).
 */
export async function fixtureCounterpart(
  relativePath: string,
  letter: Letter,
): Promise<{ counterpart?: Counterpart; translationNotFound?: boolean }> {
  const declared = declaredTranslation(letter)?.text ?? null;
  const other = await findTranslation(slashed(join(fixturesRoot, relativePath)), declared, nodeTranslationFiles);
  if (!other) return declared === null ? {} : { translationNotFound: true };
  const counterpart = {
    letter: parseLetter(parseFixture(readFileSync(other, 'utf8')).text),
    file: other,
    name: fileName(other),
  };
  return { counterpart };
}
