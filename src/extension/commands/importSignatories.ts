// Signatories from a CSV, added as one edit (one undo). The workflow plans the change
// (src/workflows/signatories); this command asks, reads and writes.
import * as vscode from 'vscode';
import { decodeCsv, importReport, importSummary, planSignatoryImport, type SignatoryImportPlan } from '../../workflows';
import { localized, translate } from '../l10n';
import type { LetterDocuments } from '../letterDocuments';
import { letterSettings } from '../settings';
import { toPosition } from '../typeConverters';
import type { Command } from './commandManager';
import { activeLetter, applyOne, editorFor, errorText, fileName, signatoryCount } from './shared';

/** For tests and other extensions: the CSV to read (no dialog) and whether to apply without asking. */
export interface ImportSignatoriesOptions {
  csv?: vscode.Uri;
  /** `true`: apply without asking; `false`: only plan (nothing changes); absent: ask. */
  confirm?: boolean;
}

export interface ImportSignatoriesResult {
  /** The plan shown (or, with `confirm: false`, only made); absent when the CSV could not be read. */
  plan?: SignatoryImportPlan;
  applied: boolean;
  /** Why nothing was imported, as shown to the writer. */
  error?: string;
}

export class ImportSignatories implements Command {
  readonly id = 'advocacyLetter.importSignatories';
  constructor(private readonly documents: LetterDocuments) {}

  /** `argument`: a CSV's Uri (explorer menus pass one) or `{ csv, confirm }`. */
  async execute(argument?: unknown): Promise<ImportSignatoriesResult | undefined> {
    const options: ImportSignatoriesOptions =
      argument instanceof vscode.Uri
        ? { csv: argument }
        : typeof argument === 'object' && argument !== null
          ? argument
          : {};
    const editor = activeLetter();
    if (!editor) return undefined;
    const document = editor.document;
    const csv =
      options.csv ??
      (
        await vscode.window.showOpenDialog({
          canSelectMany: false,
          canSelectFolders: false,
          defaultUri: vscode.Uri.joinPath(document.uri, '..'),
          filters: { [vscode.l10n.t('CSV (UTF-8)')]: ['csv'], [vscode.l10n.t('All files')]: ['*'] },
          openLabel: vscode.l10n.t('Import Signatories'),
          title: vscode.l10n.t('Import signatories into {0}', fileName(document.uri)),
        })
      )?.[0];
    if (!csv) return undefined;
    const name = fileName(csv);
    const failed = (error: string, plan?: SignatoryImportPlan): ImportSignatoriesResult => {
      void vscode.window.showErrorMessage(
        vscode.l10n.t('Cannot import {0}: {1}. The letter was not changed.', name, error),
      );
      return { plan, applied: false, error };
    };

    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(csv);
    } catch (error) {
      const notFound = error instanceof vscode.FileSystemError && error.code === 'FileNotFound';
      return failed(notFound ? vscode.l10n.t('no such file') : errorText(error));
    }
    const decoded = decodeCsv(bytes);
    if ('error' in decoded) return failed(localized(decoded.error, decoded.l10n));

    // Planned again if the letter changes while the writer reads the question.
    for (;;) {
      const version = document.version;
      const plan = planSignatoryImport(this.documents.letter(document), decoded.text, {
        requiredFields: letterSettings(document).lint.requiredSignatoryFields,
      });
      if (plan.error) return failed(localized(plan.error.message, plan.error.l10n), plan);
      const summary = importSummary(plan, 3, translate);
      if (plan.added.length === 0 || !plan.edit) {
        void vscode.window
          .showInformationMessage(
            summary
              ? vscode.l10n.t('Nothing to add from {0}: {1}.', name, summary)
              : vscode.l10n.t('Nothing to add from {0}: it lists no signatories.', name),
            vscode.l10n.t('Show Details'),
          )
          .then((choice) => {
            if (choice) void showDetails(plan, name);
          });
        return { plan, applied: false };
      }
      if (options.confirm === false) return { plan, applied: false };
      if (options.confirm !== true && !(await this.confirm(plan, name, summary))) return { plan, applied: false };
      if (document.isClosed) return { plan, applied: false };
      if (document.version !== version) continue;

      const applied = await applyOne(document, editor, plan.edit);
      if (!applied) {
        void vscode.window.showErrorMessage(
          vscode.l10n.t('Could not add the signatories from {0}: the letter did not take the edit.', name),
        );
        return { plan, applied: false };
      }
      const shown = editorFor(document, editor);
      if (shown) {
        const first = toPosition(plan.edit.range.start).translate(1, 0).with({ character: 0 });
        shown.revealRange(new vscode.Range(first, first), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      }
      const added = signatoryCount(plan.added.length);
      void vscode.window
        .showInformationMessage(
          summary
            ? vscode.l10n.t('Added {0} from {1} ({2}).', added, name, importSummary(plan, 0, translate))
            : vscode.l10n.t('Added {0} from {1}.', added, name),
          vscode.l10n.t('Show Details'),
        )
        .then((choice) => {
          if (choice) void showDetails(plan, name);
        });
      return { plan, applied: true };
    }
  }

  /** The modal question; "Show Details" opens the full list and asks again beside it, without a modal. */
  private async confirm(plan: SignatoryImportPlan, name: string, summary: string): Promise<boolean> {
    const add = vscode.l10n.t('Add');
    const details = vscode.l10n.t('Show Details');
    const question = vscode.l10n.t('Add {0} from {1}?', signatoryCount(plan.added.length), name);
    const choice = await vscode.window.showInformationMessage(
      question,
      {
        modal: true,
        detail: summary ? vscode.l10n.t('{0}.', summary) : vscode.l10n.t('Every row of {0} is new.', name),
      },
      add,
      details,
    );
    if (choice === add) return true;
    if (choice !== details) return false;
    await showDetails(plan, name);
    return (await vscode.window.showInformationMessage(question, add, vscode.l10n.t('Cancel'))) === add;
  }
}

/** Every added, skipped and rejected row, in an untitled document beside the letter. */
async function showDetails(plan: SignatoryImportPlan, name: string): Promise<void> {
  const content = importReport(plan, name, translate);
  const document = await vscode.workspace.openTextDocument({ content, language: 'plaintext' });
  await vscode.window.showTextDocument(document, {
    viewColumn: vscode.ViewColumn.Beside,
    preview: true,
    preserveFocus: true,
  });
}
