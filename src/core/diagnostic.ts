import type { Message } from './messages';
import type { LinkResults } from './links';
import type { Range } from './model';
import type { Counterpart } from './translation';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export const severities: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

/** A text replacement in the letter: what a safe fix does. */
export interface TextEdit {
  range: Range;
  newText: string;
}

export interface LetterFix {
  title: string;
  /** The title's template and arguments, for translation. */
  l10n?: Message;
  edits: TextEdit[];
  /** The edits' text is a snippet (`${1:Year}` tab stops) for the editor to expand. */
  snippet?: boolean;
}

export interface RelatedInformation {
  range: Range;
  /** The file the range is in, when it is not the letter itself: the counterpart's `file`. */
  file?: string;
  message: string;
  /** The message's template and arguments, for translation. */
  l10n?: Message;
}

/** One problem found in a letter. Ranges are 0-based, end exclusive. */
export interface LetterDiagnostic {
  code: string;
  severity: Severity;
  /** English: what the command line prints. */
  message: string;
  /** The message's template and arguments, for the editor to show it in its display language (src/core/messages.ts). */
  l10n?: Message;
  range: Range;
  /** Path of the check's page in the project, e.g. `docs/rules/report-year-missing.md`. */
  docs: string;
  related?: RelatedInformation[];
  /** A machine-readable edit, given only where applying it is always safe. */
  fix?: LetterFix;
}

/** Which signatory parts must be present (`signed-by: people` letters). */
export type SignatoryField = 'name' | 'role' | 'organization';

export interface LintOptions {
  /** Per-code severity; `ignore` turns a check off. */
  severities?: Record<string, Severity | 'ignore'>;
  /** Codes to turn off, as `severities[code] = 'ignore'`. */
  ignore?: string[];
  /** Default: all three. */
  requiredSignatoryFields?: SignatoryField[];
  /**
   * What a link check found at the letter's cited addresses (src/workflows/links), for
   * `report-url-unreachable`. Without it, as when checking as the writer types, that check reports nothing.
   */
  links?: LinkResults;
  /** The letter's other language version, for `translation-mismatch`; without it that check does nothing. */
  counterpart?: Counterpart;
  /**
   * True when the letter's `translation-of` names no other letter that exists: `translation-mismatch`
   * then says so, rather than leave the writer to think the two versions were compared.
   */
  translationNotFound?: boolean;
}
