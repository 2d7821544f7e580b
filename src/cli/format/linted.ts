import type { LetterDiagnostic } from '../../core';

/** One letter as `lint` checked it: what each output format (text, JSON, SARIF) writes. */
export interface LintedFile {
  file: string;
  reports: number;
  signatories: number;
  diagnostics: LetterDiagnostic[];
}
