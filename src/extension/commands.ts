import * as vscode from 'vscode';
import { entryInsertion, type LetterDiagnostic } from '../core';
import { Disposable } from './disposable';
import { toPosition } from './typeConverters';
import type { LetterDiagnostics } from './diagnostics';
import { isLetter, LANGUAGE_ID, type LetterDocuments } from './letterDocuments';

/** One palette command: its id (as in package.json) and what it does. */
export interface Command {
  readonly id: string;
  execute(...args: unknown[]): unknown;
}

/** Registers every command in one place (VS Code markdown's CommandManager). */
export class CommandManager extends Disposable {
  add(command: Command): void {
    this.register(vscode.commands.registerCommand(command.id, (...args: unknown[]) => command.execute(...args)));
  }
}

function summary(problems: LetterDiagnostic[]): string {
  const counts = new Map<string, number>();
  for (const p of problems) counts.set(p.severity, (counts.get(p.severity) ?? 0) + 1);
  const order = ['error', 'warning', 'information', 'hint'];
  const phrase = (severity: string, n: number): string => {
    switch (severity) {
      case 'error': return n === 1 ? vscode.l10n.t('{0} error', n) : vscode.l10n.t('{0} errors', n);
      case 'warning': return n === 1 ? vscode.l10n.t('{0} warning', n) : vscode.l10n.t('{0} warnings', n);
      case 'information': return vscode.l10n.t('{0} info', n);
      default: return n === 1 ? vscode.l10n.t('{0} hint', n) : vscode.l10n.t('{0} hints', n);
    }
  };
  return order.filter((s) => counts.has(s)).map((s) => phrase(s, counts.get(s)!)).join(vscode.l10n.t(', '));
}

function activeLetter(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor && isLetter(editor.document)) return editor;
  void vscode.window.showWarningMessage(vscode.l10n.t('Open an advocacy letter (*.letter.md) first.'));
  return undefined;
}

export class NewLetter implements Command {
  readonly id = 'advocacyLetter.newLetter';
  async execute(): Promise<vscode.TextEditor> {
    const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: '' });
    const editor = await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: LANGUAGE_ID, name: 'Letter' });
    return editor;
  }
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
      void vscode.window.showInformationMessage(vscode.l10n.t('Letter checks are turned off (advocacyLetter.validate.enabled).'));
    } else if (problems.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No problems in {0}.', name ?? ''));
    } else {
      const errors = problems.some((p) => p.severity === 'error');
      const message = problems.length === 1
        ? vscode.l10n.t('{0} problem in {1}: {2}.', problems.length, name ?? '', summary(problems))
        : vscode.l10n.t('{0} problems in {1}: {2}.', problems.length, name ?? '', summary(problems));
      const show = vscode.l10n.t('Show Problems');
      void (errors ? vscode.window.showWarningMessage(message, show) : vscode.window.showInformationMessage(message, show)).then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
      });
    }
    return problems;
  }
}

export class ValidateWorkspace implements Command {
  readonly id = 'advocacyLetter.validateWorkspace';
  constructor(private readonly diagnostics: LetterDiagnostics) {}
  async execute(): Promise<{ letters: number; problems: number; errors: number }> {
    const result = { letters: 0, problems: 0, errors: 0 };
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking letters'), cancellable: true },
      async (progress, token) => {
        const uris = await vscode.workspace.findFiles('**/*.letter.md', '**/node_modules/**', undefined, token);
        const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
        const decoder = new TextDecoder('utf-8');
        for (const uri of uris) {
          if (token.isCancellationRequested) break;
          progress.report({ message: vscode.workspace.asRelativePath(uri), increment: 100 / uris.length });
          // An open editor's text wins over the file: unsaved changes are what the writer sees.
          const document = open.get(uri.toString());
          let problems: LetterDiagnostic[] | undefined;
          if (document && isLetter(document)) {
            problems = this.diagnostics.validate(document);
          } else {
            try {
              problems = this.diagnostics.validateText(uri, decoder.decode(await vscode.workspace.fs.readFile(uri)));
            } catch {
              continue;
            }
          }
          result.letters++;
          result.problems += problems?.length ?? 0;
          result.errors += problems?.filter((p) => p.severity === 'error').length ?? 0;
        }
      },
    );
    const message = vscode.l10n.t(
      'Checked {0}: {1} ({2}).',
      result.letters === 1 ? vscode.l10n.t('{0} letter', result.letters) : vscode.l10n.t('{0} letters', result.letters),
      result.problems === 1 ? vscode.l10n.t('{0} problem', result.problems) : vscode.l10n.t('{0} problems', result.problems),
      result.errors === 1 ? vscode.l10n.t('{0} error', result.errors) : vscode.l10n.t('{0} errors', result.errors),
    );
    void vscode.window.showInformationMessage(message);
    return result;
  }
}

export class InsertEntry implements Command {
  readonly id: string;
  constructor(
    private readonly documents: LetterDocuments,
    private readonly kind: 'reports' | 'signatories',
  ) {
    this.id = kind === 'reports' ? 'advocacyLetter.insertReport' : 'advocacyLetter.insertSignatory';
  }
  async execute(): Promise<boolean> {
    const editor = activeLetter();
    if (!editor) return false;
    const { position, snippet } = entryInsertion(this.documents.letter(editor.document), this.kind);
    const at = toPosition(position);
    const inserted = await editor.insertSnippet(new vscode.SnippetString(snippet), at);
    if (inserted) editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return inserted;
  }
}
