// Checking a letter again after an edit: the checks that look at each entry on its own (`perEntry`)
// check only the entries read anew, and keep the problems of the others, moved with their lines; the
// checks of the whole letter (duplicates, counts, fields) run as before. The result is what
// `lintLetter` gives for the same letter and options (test/unit/incremental.test.ts).
import type { LetterDiagnostic, LintOptions, Severity } from './diagnostic';
import type { Entry, Letter, Range } from './model';
import { byPosition, diagnosticOf, ruleContext, suppression } from './lint';
import { rules } from './rules';
import { entryMemo } from './entries';
import type { Problem } from './rules/rule';

/** The checks' options and what else an entry's problems depend on; entries keep their problems under it. */
export interface LintCache {
  key: string;
}

/** An entry's problems as found (before disable comments), with the index and line it had then. */
interface EntryProblems {
  cache: LintCache;
  /** The subheading the entry stood under (`### Organizations`), which its checks read too. */
  group: string | undefined;
  index: number;
  line: number;
  diagnostics: LetterDiagnostic[];
}

/**
 * Everything but the entries that an entry's problems depend on: the options, `signedBy`, the date,
 * `soleSigner` and where it stands. Not the translation or the link check's results: only whole-letter checks read them,
 * and a translation is a whole letter, too costly to write out on each keystroke.
 */
function cacheKey(letter: Letter, options: LintOptions): string {
  const { counterpart: _counterpart, links: _links, translationNotFound: _notFound, ...perEntry } = options;
  return JSON.stringify([perEntry, letter.signedBy, letter.signsAsIndividuals, letter.date, letter.soleSigner]);
}

/** Problems of `letter`, reusing those of its entries that `cache` holds; returns the new cache too. */
export function lintWithCache(
  letter: Letter,
  options: LintOptions,
  cache: LintCache | undefined,
): { diagnostics: LetterDiagnostic[]; cache: LintCache } {
  const overrides: Record<string, Severity | 'ignore'> = { ...options.severities };
  for (const code of options.ignore ?? []) overrides[code] = 'ignore';
  const context = ruleContext(options);
  const key = cacheKey(letter, options);
  const current: LintCache = cache && cache.key === key ? cache : { key };
  const problemsOf = (entry: Entry) => {
    const known = entryMemo(entry).problems as EntryProblems | undefined;
    return known?.cache === current ? known : undefined;
  };
  const silenced = suppression(letter.directives);

  // Entries with problems found before: moved to their line. The others are checked.
  const found: LetterDiagnostic[] = [];
  const fresh: Entry[] = [];
  const freshReports: Letter['reports'] = [];
  const freshSignatories: Letter['signatories'] = [];
  const take = (entry: Entry, into: Entry[]) => {
    const known = problemsOf(entry);
    if (!known || known.index !== entry.index || known.group !== groupOf(entry)) {
      into.push(entry);
      fresh.push(entry);
      return;
    }
    if (known.line !== entry.line) {
      known.diagnostics = known.diagnostics.map((d) => moved(d, entry.line - known.line));
      known.line = entry.line;
    }
    for (const d of known.diagnostics) found.push(d);
  };
  for (const r of letter.reports) take(r, freshReports);
  for (const s of letter.signatories) take(s, freshSignatories);
  fresh.sort((a, b) => a.line - b.line);
  for (const entry of fresh) {
    const problems: EntryProblems = {
      cache: current,
      group: groupOf(entry),
      index: entry.index,
      line: entry.line,
      diagnostics: [],
    };
    entryMemo(entry).problems = problems;
  }

  const entriesOnly: Letter = {
    ...letter,
    reports: freshReports,
    signatories: freshSignatories,
    fields: [],
    addressees: [],
  };
  const withoutEntries: Letter = { ...letter, reports: [], signatories: [] };
  for (const rule of rules) {
    const severity = overrides[rule.code] ?? rule.severity;
    if (severity === 'ignore') continue;
    const diagnostic = (problem: Problem): LetterDiagnostic => diagnosticOf(rule, severity, problem);
    if (!rule.perEntry) {
      rule.check(letter, (problem) => found.push(diagnostic(problem)), context);
      continue;
    }
    rule.check(withoutEntries, (problem) => found.push(diagnostic(problem)), context);
    if (fresh.length === 0) continue;
    rule.check(
      entriesOnly,
      (problem) => {
        const d = diagnostic(problem);
        found.push(d);
        problemsOf(owner(fresh, d.range.start.line))?.diagnostics.push(d);
      },
      context,
    );
  }
  const diagnostics = found.filter((d) => !silenced.file(d.code) && !silenced.at(d.code, d.range.start.line));
  return { diagnostics: diagnostics.sort(byPosition), cache: current };
}

function groupOf(entry: Entry): string | undefined {
  return 'group' in entry ? (entry.group as string | undefined) : undefined;
}

/** The entry (of those sorted by line) a problem starting on `line` belongs to: the last one starting at or before it. */
function owner(entries: readonly Entry[], line: number): Entry {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (entries[mid].line <= line) lo = mid + 1;
    else hi = mid;
  }
  return entries[Math.max(0, lo - 1)];
}

function movedRange(range: Range, delta: number): Range {
  return {
    start: { line: range.start.line + delta, character: range.start.character },
    end: { line: range.end.line + delta, character: range.end.character },
  };
}

/** A copy of a problem of an entry that moved by `delta` lines (its related places are in the same entry or fixed, like the letter's date). */
function moved(d: LetterDiagnostic, delta: number): LetterDiagnostic {
  return {
    ...d,
    range: movedRange(d.range, delta),
    fix: d.fix && { ...d.fix, edits: d.fix.edits.map((e) => ({ ...e, range: movedRange(e.range, delta) })) },
  };
}
