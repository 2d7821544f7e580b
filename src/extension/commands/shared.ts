// What more than one command needs: the letter a command is about, one undo step to change it,
// and the phrases of their messages. Each helper lives here once so the commands say the same thing.
import * as vscode from 'vscode';
import type { TextEdit } from '../../core';
import { isLetter } from '../letterDocuments';
import type { PreviewManager } from '../preview/previewManager';
import { toRange } from '../typeConverters';

/** Warns that no letter is open; `undefined`, so a command can return it as its result. */
export function noLetter(): undefined {
  void vscode.window.showWarningMessage(vscode.l10n.t('Open an advocacy letter (*.letter.md) first.'));
  return undefined;
}

/** The active editor if it shows a letter; otherwise warns. */
export function activeLetter(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor && isLetter(editor.document)) return editor;
  return noLetter();
}

/** The letter a command is about: its argument (menus pass one), the active letter, or the active preview's. */
export function letterUri(previews: PreviewManager, argument: unknown): vscode.Uri | undefined {
  if (argument instanceof vscode.Uri) return argument;
  const editor = vscode.window.activeTextEditor;
  if (editor && isLetter(editor.document)) return editor.document.uri;
  return previews.activePreview?.uri;
}

/** An editor showing `document`: the one the command started in if still visible, else any. */
export function editorFor(document: vscode.TextDocument, preferred: vscode.TextEditor): vscode.TextEditor | undefined {
  if (vscode.window.visibleTextEditors.includes(preferred) && preferred.document === document) return preferred;
  return vscode.window.visibleTextEditors.find((e) => e.document === document);
}

/** Applies one engine edit as one undo step: through the editor when one shows the letter, else as a workspace edit. */
export async function applyOne(
  document: vscode.TextDocument,
  preferred: vscode.TextEditor,
  edit: TextEdit,
): Promise<boolean> {
  const editor = editorFor(document, preferred);
  if (editor) return editor.edit((builder) => builder.replace(toRange(edit.range), edit.newText));
  const workspaceEdit = new vscode.WorkspaceEdit();
  workspaceEdit.replace(document.uri, toRange(edit.range), edit.newText);
  return vscode.workspace.applyEdit(workspaceEdit);
}

export const fileName = (uri: vscode.Uri) => uri.path.split('/').pop() ?? uri.path;

export const signatoryCount = (n: number) =>
  n === 1 ? vscode.l10n.t('{0} signatory', n) : vscode.l10n.t('{0} signatories', n);

/** The first line of an error's message: a notification has room for one. */
export const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0];
