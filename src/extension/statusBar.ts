import * as vscode from 'vscode';
import { Disposable } from './disposable';
import type { LetterDiagnostics } from './diagnostics';
import { isLetter, type LetterDocuments } from './letterDocuments';
import { letterSettings } from './settings';

/** "6 signatories · 4 reports · 1 problem" for the active letter; a click opens the Problems view. */
export class LetterStatusBar extends Disposable {
  private readonly item = this.register(
    vscode.window.createStatusBarItem('advocacyLetter.summary', vscode.StatusBarAlignment.Right, 100),
  );

  constructor(
    private readonly documents: LetterDocuments,
    diagnostics: LetterDiagnostics,
  ) {
    super();
    this.item.name = 'Advocacy Letter';
    this.item.command = 'workbench.actions.view.problems';
    this.register(vscode.window.onDidChangeActiveTextEditor(() => this.update()));
    this.register(
      diagnostics.onDidUpdate((uri) => {
        if (vscode.window.activeTextEditor?.document.uri.toString() === uri.toString()) this.update();
      }),
    );
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
    const signatories = letter.signatories.length;
    const reports = letter.reports.length;
    const parts = [
      signatories === 1 ? vscode.l10n.t('{0} signatory', signatories) : vscode.l10n.t('{0} signatories', signatories),
      reports === 1 ? vscode.l10n.t('{0} report', reports) : vscode.l10n.t('{0} reports', reports),
    ];
    if (settings.enabled) {
      const problems = this.documents.diagnostics(document, settings.lint).filter((d) => d.severity !== 'hint');
      const errors = problems.filter((d) => d.severity === 'error').length;
      parts.push(
        problems.length === 1
          ? vscode.l10n.t('{0} problem', problems.length)
          : vscode.l10n.t('{0} problems', problems.length),
      );
      const others = problems.length - errors;
      this.item.tooltip = vscode.l10n.t(
        '{0}, {1} (hints not counted). Click to open the Problems view.',
        errors === 1 ? vscode.l10n.t('{0} error', errors) : vscode.l10n.t('{0} errors', errors),
        others === 1 ? vscode.l10n.t('{0} other problem', others) : vscode.l10n.t('{0} other problems', others),
      );
    } else {
      this.item.tooltip = vscode.l10n.t('Checks are turned off (advocacyLetter.validate.enabled).');
    }
    this.item.text = `$(organization) ${parts.join(' · ')}`;
    this.item.show();
  }
}
