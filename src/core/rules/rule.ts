import type { LetterFix, RelatedInformation, Severity, SignatoryField } from '../diagnostic';
import type { LinkResults } from '../links';
import type { Message } from '../messages';
import type { Letter, Range } from '../model';
import type { Counterpart } from '../translation';

/** What a check reports: the message names the entry; the range is the entry or the part that is wrong. */
export interface Problem {
  message: string;
  /** The message's template and arguments, for translation (`saidAt(range, template, ...args)` gives both). */
  l10n?: Message;
  range: Range;
  related?: RelatedInformation[];
  fix?: LetterFix;
  /** At most this severity, whatever the check's: a note rather than a problem (a link not checked here). */
  severity?: Severity;
}

export interface RuleContext {
  requiredSignatoryFields: readonly SignatoryField[];
  /** Link check results, when the writer asked for a link check (`LintOptions.links`). */
  links?: LinkResults;
  /** The letter's other language version, when it has one. */
  counterpart?: Counterpart;
  /** The letter's `translation-of` names no other letter that exists. */
  translationNotFound?: boolean;
}

/** One check, markdownlint style: a plain object; the registry attaches its docs page. */
export interface RuleDefinition {
  code: string;
  severity: Severity;
  description: string;
  /**
   * The description in Japanese. It lives here, beside the English, so that a new check carries its own
   * translation: scripts/build-contributions.ts writes package.nls.ja.json from it.
   */
  descriptionJa: string;
  check(letter: Letter, report: (problem: Problem) => void, context: RuleContext): void;
  /**
   * True when the check looks at each cited report and signatory on its own: what it reports for a
   * letter is what it reports for each entry (in a letter holding that entry alone), plus what it
   * reports for the letter without entries, and an entry's problems depend on nothing else of the
   * letter but its `signedBy`, its `date`, its `soleSigner` and its options. Re-checking after an edit then checks
   * only the entries the edit changed (src/core/incrementalLint.ts).
   */
  perEntry?: boolean;
}

/**
 * Where a problem of the whole letter is shown: its title heading, else its first line of text
 * (past blank lines and disable comments, so that `disable-next-line` above it works).
 */
export function letterAnchor(letter: Letter): Range {
  if (letter.title?.source === 'body') return letter.title.range;
  const comment = new Set(
    letter.directives.flatMap((d) =>
      Array.from({ length: d.range.end.line - d.range.start.line + 1 }, (_, i) => d.range.start.line + i),
    ),
  );
  let line = letter.frontMatter ? letter.frontMatter.range.end.line + 1 : 0;
  while (line < letter.lines.length - 1 && (letter.lines[line].trim() === '' || comment.has(line))) line++;
  if (line >= letter.lines.length) line = Math.max(0, letter.lines.length - 1);
  return { start: { line, character: 0 }, end: { line, character: letter.lines[line]?.length ?? 0 } };
}

/** Folds case, for comparing titles, names and organizations (parsed values already have their whitespace collapsed). */
export function foldKey(text: string | null): string {
  return text === null ? '' : text.toLowerCase();
}
