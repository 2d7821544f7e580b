import type { LetterDiagnostic, LintOptions, Severity } from './diagnostic';
import type { DisableDirective, Letter } from './model';
import { rules, type Rule } from './rules';
import type { Problem, RuleContext } from './rules/rule';

/**
 * Runs every check on a parsed letter. Severities come from the options, else each check's default;
 * `<!-- letter-lint-… -->` comments silence what they name.
 */
export function lintLetter(letter: Letter, options: LintOptions = {}): LetterDiagnostic[] {
  const overrides: Record<string, Severity | 'ignore'> = { ...options.severities };
  for (const code of options.ignore ?? []) overrides[code] = 'ignore';
  const context = ruleContext(options);
  const silenced = suppression(letter.directives);
  const diagnostics: LetterDiagnostic[] = [];
  for (const rule of rules) {
    const severity = overrides[rule.code] ?? rule.severity;
    if (severity === 'ignore' || silenced.file(rule.code)) continue;
    rule.check(
      letter,
      (problem: Problem) => {
        if (silenced.at(rule.code, problem.range.start.line)) return;
        diagnostics.push(diagnosticOf(rule, severity, problem));
      },
      context,
    );
  }
  return diagnostics.sort(byPosition);
}

/** What the checks are given besides the letter: the options they read (full and incremental checking alike). */
export function ruleContext(options: LintOptions): RuleContext {
  return {
    requiredSignatoryFields: options.requiredSignatoryFields ?? ['name', 'role', 'organization'],
    links: options.links,
    counterpart: options.counterpart,
    translationNotFound: options.translationNotFound,
  };
}

/** A check's problem as a diagnostic, at the severity the settings give it (or lower, when the problem asks). */
export function diagnosticOf(rule: Rule, severity: Severity, problem: Problem): LetterDiagnostic {
  return {
    code: rule.code,
    severity: problem.severity ? lesser(severity, problem.severity) : severity,
    message: problem.message,
    l10n: problem.l10n,
    range: problem.range,
    docs: rule.docs,
    related: problem.related,
    fix: problem.fix,
  };
}

/** The order problems are listed in: by where they start, then by code. */
export function byPosition(a: LetterDiagnostic, b: LetterDiagnostic): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    a.code.localeCompare(b.code)
  );
}

const rank: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };
const lesser = (a: Severity, b: Severity): Severity => (rank[a] >= rank[b] ? a : b);

/** Answers, for a code and a line, whether a disable comment silences it. */
export function suppression(directives: DisableDirective[]) {
  const names = (d: DisableDirective, code: string) => d.codes.length === 0 || d.codes.includes(code);
  const fileWide = directives.filter((d) => d.kind === 'disable-file');
  const nextLine = new Map<number, DisableDirective[]>();
  for (const d of directives) {
    if (d.kind !== 'disable-next-line') continue;
    for (let line = d.targetLine; line <= d.targetEndLine; line++) {
      const onLine = nextLine.get(line);
      if (onLine) onLine.push(d);
      else nextLine.set(line, [d]);
    }
  }
  const blocks = directives.filter((d) => d.kind === 'disable' || d.kind === 'enable');
  // Per code: the lines where it is switched off or on, in order, found by binary search.
  const switches = new Map<string, { line: number; off: boolean }[]>();
  const switchesOf = (code: string) => {
    let list = switches.get(code);
    if (!list) {
      list = blocks.filter((d) => names(d, code)).map((d) => ({ line: d.range.start.line, off: d.kind === 'disable' }));
      switches.set(code, list);
    }
    return list;
  };
  return {
    file: (code: string) => fileWide.some((d) => names(d, code)),
    at(code: string, line: number): boolean {
      if (nextLine.get(line)?.some((d) => names(d, code))) return true;
      const list = switchesOf(code);
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid].line < line) lo = mid + 1;
        else hi = mid;
      }
      return lo > 0 && list[lo - 1].off;
    },
  };
}
