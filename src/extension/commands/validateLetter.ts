import * as vscode from 'vscode';
import type { LetterDiagnostic } from '../../core';
import type { LetterDiagnostics } from '../diagnostics';
import type { Command } from './commandManager';
import { activeLetter } from './shared';

function summary(problems: LetterDiagnostic[]): string {
  const counts = new Map<string, number>();
  for (const p of problems) counts.set(p.severity, (counts.get(p.severity) ?? 0) + 1);
  const order = ['error', 'warning', 'information', 'hint'];
  const phrase = (severity: string, n: number): string => {
    switch (severity) {
      case 'error':
        return n === 1 ? vscode.l10n.t('{0} error', n) : vscode.l10n.t('{0} errors', n);
      case 'warning':
        return n === 1 ? vscode.l10n.t('{0} warning', n) : vscode.l10n.t('{0} warnings', n);
      case 'information':
        return vscode.l10n.t('{0} info', n);
      default:
        return n === 1 ? vscode.l10n.t('{0} hint', n) : vscode.l10n.t('{0} hints', n);
    }
  };
  return order
    .filter((s) => counts.has(s))
    .map((s) => phrase(s, counts.get(s)!))
    .join(vscode.l10n.t(', '));
}

export class ValidateLetter implements Command {
  readonly id = 'advocacyLetter.validate';
  constructor(private readonly diagnostics: LetterDiagnostics) {}
  execute(): LetterDiagnostic[] | undefined {
    const editor = activeLetter();
    if (!editor) return undefined;
    const problems = this.diagnostics.validate(editor.document);
    const name = editor.document.uri.path.split('/').pop();
    if (problems === undefined) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Letter checks are turned off (advocacyLetter.validate.enabled).'),
      );
    } else if (problems.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No problems in {0}.', name ?? ''));
    } else {
      const errors = problems.some((p) => p.severity === 'error');
      const message =
        problems.length === 1
          ? vscode.l10n.t('{0} problem in {1}: {2}.', problems.length, name ?? '', summary(problems))
          : vscode.l10n.t('{0} problems in {1}: {2}.', problems.length, name ?? '', summary(problems));
      const show = vscode.l10n.t('Show Problems');
      const shown = errors
        ? vscode.window.showWarningMessage(message, show)
        : vscode.window.showInformationMessage(message, show);
      void shown.then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
      });
    }
    return problems;
  }
}
