import * as vscode from 'vscode';
import { Disposable } from './disposable';
import type { LetterDiagnostics } from './diagnostics';
import { isLetter, type LetterDocuments } from './letterDocuments';
import { letterSettings } from './settings';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "6 signatories · 4 reports · 1 problem" for the active letter; a click opens the Problems view. */
export class LetterStatusBar extends Disposable {
  private readonly item = this.register(vscode.window.createStatusBarItem('advocacyLetter.summary', vscode.StatusBarAlignment.Right, 100));

  constructor(
    private readonly documents: LetterDocuments,
    diagnostics: LetterDiagnostics,
  ) {
    super();
    this.item.name = 'Advocacy Letter';
    this.item.command = 'workbench.actions.view.problems';
    this.register(vscode.window.onDidChangeActiveTextEditor(() => this.update()));
    this.register(diagnostics.onDidUpdate((uri) => {
      if (vscode.window.activeTextEditor?.document.uri.toString() === uri.toString()) this.update();
    }));
    this.update();
  }

  /** The text shown, for tests. */
  get text(): string {
    return this.item.text;
  }

  update(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !isLetter(document)) {
      this.item.hide();
      return;
    }
    const letter = this.documents.letter(document);
    const settings = letterSettings(document);
    const parts = [plural(letter.signatories.length, 'signatory', 'signatories'), plural(letter.reports.length, 'report', 'reports')];
    if (settings.enabled) {
      const problems = this.documents.diagnostics(document, settings.lint).filter((d) => d.severity !== 'hint');
      const errors = problems.filter((d) => d.severity === 'error').length;
      parts.push(plural(problems.length, 'problem', 'problems'));
      this.item.tooltip = `${plural(errors, 'error', 'errors')}, ${plural(problems.length - errors, 'other problem', 'other problems')} (hints not counted). Click to open the Problems view.`;
    } else {
      this.item.tooltip = 'Checks are turned off (advocacyLetter.validate.enabled).';
    }
    this.item.text = `$(organization) ${parts.join(' · ')}`;
    this.item.show();
  }
}
