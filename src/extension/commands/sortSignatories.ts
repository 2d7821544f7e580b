// The signatories in collation order, as one edit (one undo). The workflow plans the edit
// (src/workflows/signatories); this command asks for the key and applies it.
import * as vscode from 'vscode';
import { sortKeyFor, sortSignatories, type SignatorySortKey } from '../../workflows';
import type { LetterDocuments } from '../letterDocuments';
import type { Command } from './commandManager';
import { activeLetter, applyOne } from './shared';

export interface SortSignatoriesOptions {
  by?: SignatorySortKey;
  /** BCP 47 tag of the collation; the letter's `lang` by default. */
  locale?: string;
}

export class SortSignatories implements Command {
  readonly id = 'advocacyLetter.sortSignatories';
  constructor(private readonly documents: LetterDocuments) {}

  /**
   * `argument`: `'name'`, `'organization'` or `{ by, locale }`; without one, a quick pick asks.
   * Resolves to whether the letter changed.
   */
  async execute(argument?: unknown): Promise<boolean> {
    const options: SortSignatoriesOptions =
      argument === 'name' || argument === 'organization'
        ? { by: argument }
        : typeof argument === 'object' && argument !== null
          ? argument
          : {};
    const editor = activeLetter();
    if (!editor) return false;
    const document = editor.document;
    const before = this.documents.letter(document);
    if (before.signatories.length < 2) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('There is nothing to sort: the letter lists fewer than two signatories.'),
      );
      return false;
    }
    const locale = options.locale ?? before.lang;
    let by = sortKeyFor(before, options.by);
    if (!by) {
      const items: (vscode.QuickPickItem & { by: SignatorySortKey })[] = [
        { label: vscode.l10n.t('By name'), description: vscode.l10n.t('then organization'), by: 'name' },
        { label: vscode.l10n.t('By organization'), description: vscode.l10n.t('then name'), by: 'organization' },
      ];
      const picked = await vscode.window.showQuickPick(items, {
        title: vscode.l10n.t('Sort Signatories'),
        placeHolder: vscode.l10n.t('Sort {0} signatories in {1} order', before.signatories.length, locale),
      });
      if (!picked) return false;
      by = picked.by;
    }
    if (document.isClosed) return false;
    // Read again: the letter may have changed while the pick was open.
    const edit = sortSignatories(this.documents.letter(document), by, locale);
    if (!edit) {
      const sorted =
        sortKeyFor(before, by) === 'name'
          ? vscode.l10n.t('The signatories are already sorted by name.')
          : vscode.l10n.t('The signatories are already sorted by organization.');
      void vscode.window.showInformationMessage(sorted);
      return false;
    }
    return applyOne(document, editor, edit);
  }
}
