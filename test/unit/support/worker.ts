// Runs the engine on a job sent by the robustness tests, in a worker thread that the test can
// terminate when it overruns (a hang or a quadratic blow-up), and answers with a summary:
// counts, times, range problems, or the error thrown.
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort } from 'node:worker_threads';
import { letterOutline, letterToJson, lintLetter, parseLetter, renderLetter } from '../../../src/core';
import { pathologicalCases } from './pathological';
import { checkDiagnosticRanges, checkModelRanges, checkOutlineRanges, expectedLines, Problems } from './ranges';

export type Job =
  /** A pathological case at its named size (`scale` 1) or at a fraction of it. */
  | { kind: 'case'; name: string; scale?: number }
  /** The case at half its size, then at its size, for the growth between the two (see runGrowth). */
  | { kind: 'growth'; name: string }
  | { kind: 'prefixes'; file: string };

export interface CaseSummary {
  kind: 'case';
  texts: number;
  /** Of the last text. */
  length: number;
  /** Of all the texts. */
  totalLength: number;
  lineCount: number;
  reports: number;
  signatories: number;
  sections: number;
  addressees: number;
  fields: number;
  directives: number;
  frontMatterErrors: number;
  /** Diagnostics of the last text, by code. */
  codes: Record<string, number>;
  diagnostics: number;
  rangesChecked: number;
  rangeProblems: string[];
  linesMismatch: string | null;
  htmlIsString: boolean;
  htmlLength: number;
  ms: { build: number; parse: number; lint: number; json: number; outline: number; render: number; total: number };
}

/** The engine's time on a case at half its size and at its size (each the faster of its runs). */
export interface GrowthSummary {
  kind: 'growth';
  /** The case at its size, with every count the tests check. */
  large: CaseSummary;
  small: CaseSummary;
  /** Engine milliseconds (parse, lint, JSON, outline, render) at each size: the thread's CPU time where it can be read. */
  smallMs: number;
  largeMs: number;
  /** How many times each size ran: 1, or up to 3 when the first pair grew too much and was measured again. */
  runs: number;
}

export interface PrefixSummary {
  kind: 'prefixes';
  length: number;
  prefixes: number;
  failures: string[];
  failureCount: number;
  ms: number;
}

export type JobResult = CaseSummary | GrowthSummary | PrefixSummary | { kind: 'error'; message: string };

/**
 * This thread's own CPU time in milliseconds (Linux: /proc/thread-self/schedstat, in nanoseconds),
 * or the wall clock where that file cannot be read. CPU time is what the growth test compares: on
 * a shared machine the wall clock also counts the time this thread waited for a core, which can
 * make one size of a pair look several times slower than it is (seen under a load average of 10).
 */
const now: () => number = (() => {
  const file = '/proc/thread-self/schedstat';
  try {
    const read = () => Number(readFileSync(file, 'latin1').split(' ', 1)[0]) / 1e6;
    if (Number.isFinite(read()) && read() > 0) return read;
  } catch {
    // not Linux, or no scheduler statistics: the wall clock it is
  }
  return () => performance.now();
})();

// A full collection before each timed run of the growth test, so that neither size pays for the
// garbage of the run before it (the collector, not the engine, is what varies most between runs).
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function runCase(name: string, scale = 1, collect = false): CaseSummary {
  const make = pathologicalCases[name];
  if (!make) throw new Error(`no pathological case named ${name}`);
  const t0 = now();
  const made = make((x) => Math.round(x * scale));
  const texts = Array.isArray(made) ? made : [made];
  if (collect) collectGarbage();
  const ms = { build: now() - t0, parse: 0, lint: 0, json: 0, outline: 0, render: 0, total: 0 };
  const problems = new Problems();
  let summary: Omit<CaseSummary, 'ms' | 'rangeProblems' | 'texts' | 'rangesChecked' | 'totalLength'> | null = null;
  let rangesChecked = 0;
  let linesMismatch: string | null = null;
  let totalLength = 0;
  for (const text of texts) {
    totalLength += text.length;
    let t = now();
    const letter = parseLetter(text);
    ms.parse += now() - t;
    t = now();
    const diagnostics = lintLetter(letter);
    ms.lint += now() - t;
    t = now();
    letterToJson(letter);
    ms.json += now() - t;
    t = now();
    const outline = letterOutline(letter);
    ms.outline += now() - t;
    t = now();
    const { html } = renderLetter(text);
    ms.render += now() - t;

    rangesChecked += checkModelRanges(letter, problems);
    checkDiagnosticRanges(letter.lines, diagnostics, problems);
    checkOutlineRanges(letter.lines, outline, problems);
    const lines = expectedLines(text);
    if (
      !linesMismatch &&
      (letter.lineCount !== lines.length ||
        letter.lines.length !== lines.length ||
        letter.lines.some((l, i) => l !== lines[i]))
    ) {
      linesMismatch = `lineCount ${letter.lineCount}, lines.length ${letter.lines.length}, expected ${lines.length} lines`;
    }
    const codes: Record<string, number> = {};
    for (const d of diagnostics) codes[d.code] = (codes[d.code] ?? 0) + 1;
    summary = {
      kind: 'case',
      length: text.length,
      lineCount: letter.lineCount,
      reports: letter.reports.length,
      signatories: letter.signatories.length,
      sections: letter.sections.length,
      addressees: letter.addressees.length,
      fields: letter.fields.length,
      directives: letter.directives.length,
      frontMatterErrors: (letter.frontMatter?.errors.length ?? 0) + (letter.frontMatter?.invalid.length ?? 0),
      codes,
      diagnostics: diagnostics.length,
      linesMismatch: null,
      htmlIsString: typeof html === 'string',
      htmlLength: typeof html === 'string' ? html.length : -1,
    };
  }
  ms.total = now() - t0;
  return {
    ...summary!,
    texts: texts.length,
    totalLength,
    rangesChecked,
    rangeProblems: problems.ok ? [] : [problems.toString()],
    linesMismatch,
    ms,
  };
}

/** What the growth test compares: the engine's own work, not building the text or checking ranges. */
const engineMs = (s: CaseSummary) => s.ms.parse + s.ms.lint + s.ms.json + s.ms.outline + s.ms.render;

/** Above this growth from half size to full size, a pair is measured again before it counts. */
export const GROWTH_RECHECK = 2.5;

/**
 * A case at half its size, then at its size, in this one worker so that both see the same machine.
 * A shared machine's slow spell can hit one run of a pair, so a pair that grows past GROWTH_RECHECK
 * is run up to four more times, the sizes in turn, and each size keeps its fastest time.
 */
function runGrowth(name: string): GrowthSummary {
  let small = runCase(name, 0.5, true);
  let large = runCase(name, 1, true);
  let smallMs = engineMs(small);
  let largeMs = engineMs(large);
  let runs = 1;
  while (largeMs > GROWTH_RECHECK * smallMs && runs < 5) {
    runs++;
    small = runCase(name, 0.5, true);
    smallMs = Math.min(smallMs, engineMs(small));
    large = runCase(name, 1, true);
    largeMs = Math.min(largeMs, engineMs(large));
  }
  return { kind: 'growth', large, small, smallMs, largeMs, runs };
}

/**
 * The prefixes a writer passes through while typing the file: every 4th character (every 9th in
 * files of 1,000 characters or more), both sides of every line break, and the point after each
 * punctuation mark that changes the structure (`,` `:` `[` `*` …) in the first 600 characters.
 * (Every character of every fixture is ~77,000 parses, some 30 s: too slow for each test run.)
 */
export function prefixLengths(text: string): number[] {
  const step = text.length < 1_000 ? 4 : 9;
  const lengths = new Set<number>();
  for (let i = 0; i <= text.length; i++) {
    if (i % step === 0 || i === text.length) lengths.add(i);
    if (text[i] === '\n') {
      lengths.add(i);
      lengths.add(i + 1);
    }
    if (i < 600 && i > 0 && ',，、:：[]()*_`<>#-"“”'.includes(text[i - 1])) lengths.add(i);
  }
  return [...lengths].sort((a, b) => a - b);
}

function runPrefixes(file: string): PrefixSummary {
  const t0 = now();
  const text = readFileSync(file, 'utf8');
  const failures: string[] = [];
  let failureCount = 0;
  const lengths = prefixLengths(text);
  for (const n of lengths) {
    const prefix = text.slice(0, n);
    try {
      const letter = parseLetter(prefix);
      const diagnostics = lintLetter(letter);
      const problems = new Problems(3);
      checkModelRanges(letter, problems);
      checkDiagnosticRanges(letter.lines, diagnostics, problems);
      if (letter.lineCount !== expectedLines(prefix).length)
        problems.add(`lineCount ${letter.lineCount}, expected ${expectedLines(prefix).length}`);
      if (!problems.ok) {
        failureCount++;
        if (failures.length < 5)
          failures.push(`prefix of ${n} characters (ends ${JSON.stringify(prefix.slice(-40))}): ${problems}`);
      }
    } catch (error) {
      failureCount++;
      if (failures.length < 5)
        failures.push(
          `prefix of ${n} characters (ends ${JSON.stringify(prefix.slice(-40))}) threw: ${(error as Error).stack}`,
        );
    }
  }
  return { kind: 'prefixes', length: text.length, prefixes: lengths.length, failures, failureCount, ms: now() - t0 };
}

function run(job: Job): JobResult {
  try {
    if (job.kind === 'case') return runCase(job.name, job.scale);
    if (job.kind === 'growth') return runGrowth(job.name);
    return runPrefixes(job.file);
  } catch (error) {
    return { kind: 'error', message: (error as Error).stack ?? String(error) };
  }
}

if (parentPort) {
  const port = parentPort;
  port.on('message', (message: { id: number; job: Job }) =>
    port.postMessage({ id: message.id, result: run(message.job) }),
  );
  port.postMessage({ ready: true });
}
