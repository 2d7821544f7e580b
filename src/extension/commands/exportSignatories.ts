// The signatories as a CSV file. The workflow writes the CSV (src/workflows/signatories); this
// command asks where and writes the file.
import * as vscode from 'vscode';
import { signatoriesToCsv } from '../../workflows';
import type { LetterDocuments } from '../letterDocuments';
import { exists, writeAtomically } from '../workspaceFiles';
import type { Command } from './commandManager';
import { activeLetter, errorText, fileName, signatoryCount } from './shared';

export interface ExportSignatoriesOptions {
  /** Where to write (no dialog). */
  target?: vscode.Uri;
  /** Replace an existing target without asking. */
  overwrite?: boolean;
  /** Start the file with a byte order mark, for Excel. Default true. */
  bom?: boolean;
}

export class ExportSignatories implements Command {
  readonly id = 'advocacyLetter.exportSignatories';
  constructor(private readonly documents: LetterDocuments) {}

  /** `argument`: the target's Uri or `{ target, overwrite, bom }`. */
  async execute(argument?: unknown): Promise<vscode.Uri | undefined> {
    const options: ExportSignatoriesOptions =
      argument instanceof vscode.Uri
        ? { target: argument }
        : typeof argument === 'object' && argument !== null
          ? argument
          : {};
    const editor = activeLetter();
    if (!editor) return undefined;
    const letterUri = editor.document.uri;
    const letter = this.documents.letter(editor.document);
    if (letter.signatories.length === 0) {
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} lists no signatories to export.', fileName(letterUri)));
      return undefined;
    }
    const stem = fileName(letterUri).replace(/(\.letter)?\.md$/i, '');
    const target =
      options.target ??
      (await vscode.window.showSaveDialog({
        defaultUri: vscode.Uri.joinPath(letterUri, '..', `${stem}-signatories.csv`),
        filters: { [vscode.l10n.t('CSV (UTF-8)')]: ['csv'] },
        saveLabel: vscode.l10n.t('Export'),
        title: vscode.l10n.t('Export the signatories of {0}', fileName(letterUri)),
      }));
    if (!target) return undefined;
    if (target.toString() === letterUri.toString()) {
      void vscode.window.showErrorMessage(
        vscode.l10n.t('Choose another file: the signatories would be written over the letter.'),
      );
      return undefined;
    }
    // The save dialog asks before replacing a file; a target given by a caller is asked here.
    if (options.target && !options.overwrite && (await exists(target))) {
      const replaceLabel = vscode.l10n.t('Replace');
      const question = vscode.l10n.t('{0} exists. Replace it?', fileName(target));
      const replace = await vscode.window.showWarningMessage(question, { modal: true }, replaceLabel);
      if (replace !== replaceLabel) return undefined;
    }
    const csv = signatoriesToCsv(letter, { bom: options.bom ?? true });
    try {
      await writeAtomically(target, new TextEncoder().encode(csv));
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not export the signatories: {0}', errorText(error)));
      return undefined;
    }
    const exported = signatoryCount(letter.signatories.length);
    void vscode.window
      .showInformationMessage(
        vscode.l10n.t('Exported {0} to {1}.', exported, vscode.workspace.asRelativePath(target)),
        vscode.l10n.t('Open'),
      )
      .then((choice) => choice && vscode.commands.executeCommand('vscode.open', target));
    return target;
  }
}
