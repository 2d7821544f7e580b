// The letter as plain text on the clipboard, for an e-mail body or a web form. The workflow writes
// the text (src/workflows/plainText.ts) from the document's current parse.
import * as vscode from 'vscode';
import { plainTextOf } from '../../workflows';
import type { LetterDocuments } from '../letterDocuments';
import type { PreviewManager } from '../preview/previewManager';
import type { Command } from './commandManager';
import { letterUri, noLetter } from './shared';

export class CopyPlainText implements Command {
  readonly id = 'advocacyLetter.copyPlainText';

  constructor(
    private readonly previews: PreviewManager,
    private readonly documents: LetterDocuments,
  ) {}

  /** Resolves to the text copied, or undefined when there is no letter. */
  async execute(argument?: unknown): Promise<string | undefined> {
    const uri = letterUri(this.previews, argument);
    if (!uri) return noLetter();
    const document = await vscode.workspace.openTextDocument(uri);
    const text = plainTextOf(this.documents.read(document));
    await vscode.env.clipboard.writeText(text);
    void vscode.window.setStatusBarMessage(vscode.l10n.t('Letter copied as plain text'), 3000);
    return text;
  }
}
