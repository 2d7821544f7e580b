import * as vscode from 'vscode';
import { convertPlainText } from '../../workflows';
import { translate } from '../l10n';
import { LANGUAGE_ID } from '../letterDocuments';
import type { Command } from './commandManager';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The text to convert and a name for messages: a file chosen in the Explorer, or the active editor. */
async function source(argument: unknown): Promise<{ text: string; name: string; file: boolean } | undefined> {
  if (argument instanceof vscode.Uri) {
    const name = argument.path.split('/').pop() || argument.toString();
    // An open editor's text wins over the file: unsaved changes are what the writer sees.
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === argument.toString());
    if (open) return { text: open.getText(), name, file: true };
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(argument);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      void vscode.window.showErrorMessage(vscode.l10n.t('Cannot read {0}: {1}', name, reason));
      return undefined;
    }
    try {
      // A NUL byte near the start is how binary files show themselves; the decoder drops a BOM.
      if (bytes.subarray(0, 8192).includes(0)) throw new Error('binary');
      return { text: utf8.decode(bytes), name, file: true };
    } catch {
      void vscode.window.showErrorMessage(
        vscode.l10n.t('{0} is not UTF-8 text: save it as UTF-8 and convert it again.', name),
      );
      return undefined;
    }
  }
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('Open the plain-text letter first, or choose a .txt file in the Explorer.'),
    );
    return undefined;
  }
  const document = editor.document;
  const name = document.isUntitled ? '' : (document.uri.path.split('/').pop() ?? '');
  return { text: document.getText(), name: name || vscode.l10n.t('the text'), file: name !== '' };
}

/**
 * Advocacy Letter: Convert Plain-Text Letter. Converts the active editor's text, or a file Uri (the
 * Explorer's context menu), and opens the result as a new untitled letter: nothing is overwritten.
 * The conversion's notes (what became the title, the cited reports, the signatories…) are shown in an
 * information message.
 */
export class ConvertPlainText implements Command {
  readonly id = 'advocacyLetter.convertPlainText';

  async execute(argument?: unknown): Promise<vscode.TextEditor | undefined> {
    const input = await source(argument);
    if (!input) return undefined;
    const { markdown, l10n } = convertPlainText(input.text);
    const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: markdown });
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    const saveAs = input.file ? `${input.name.replace(/\.[^.]*$/, '') || input.name}.letter.md` : 'NAME.letter.md';
    const notes = l10n.notes.map(translate).join(' ');
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Converted {0} to a letter, not saved yet (save it as {1}). {2}', input.name, saveAs, notes),
    );
    return editor;
  }
}
