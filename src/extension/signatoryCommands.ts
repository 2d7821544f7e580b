// Signatories and spreadsheets: import from a CSV (one edit, one undo), export as CSV, sort.
// The workflow plans every change (src/workflows/signatories); this file asks, reads and writes.
import * as vscode from 'vscode';
import { exists, writeAtomically } from './workspaceFiles';
import type { TextEdit } from '../core';
import {
  decodeCsv, importReport, importSummary, planSignatoryImport, signatoriesToCsv, sortSignatories,
  type SignatoryImportPlan, type SignatorySortKey,
} from '../workflows';
import type { Command } from './commands';
import { toPosition, toRange } from './typeConverters';
import { localized, translate } from './l10n';
import { isLetter, type LetterDocuments } from './letterDocuments';
import { letterSettings } from './settings';

const fileName = (uri: vscode.Uri) => uri.path.split('/').pop() ?? uri.path;
const signatoryCount = (n: number) => (n === 1 ? vscode.l10n.t('{0} signatory', n) : vscode.l10n.t('{0} signatories', n));
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0];

function activeLetter(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor && isLetter(editor.document)) return editor;
  void vscode.window.showWarningMessage(vscode.l10n.t('Open an advocacy letter (*.letter.md) first.'));
  return undefined;
}

/** An editor showing `document`: the one the command started in if still visible, else any. */
function editorFor(document: vscode.TextDocument, preferred: vscode.TextEditor): vscode.TextEditor | undefined {
  if (vscode.window.visibleTextEditors.includes(preferred) && preferred.document === document) return preferred;
  return vscode.window.visibleTextEditors.find((e) => e.document === document);
}

/** Applies one engine edit as one undo step: through the editor when one shows the letter, else as a workspace edit. */
async function applyOne(document: vscode.TextDocument, preferred: vscode.TextEditor, edit: TextEdit): Promise<boolean> {
  const editor = editorFor(document, preferred);
  if (editor) return editor.edit((builder) => builder.replace(toRange(edit.range), edit.newText));
  const workspaceEdit = new vscode.WorkspaceEdit();
  workspaceEdit.replace(document.uri, toRange(edit.range), edit.newText);
  return vscode.workspace.applyEdit(workspaceEdit);
}


// ---------------------------------------------------------------------------------------------
// Import

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
      argument instanceof vscode.Uri ? { csv: argument } : typeof argument === 'object' && argument !== null ? (argument as ImportSignatoriesOptions) : {};
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
      void vscode.window.showErrorMessage(vscode.l10n.t('Cannot import {0}: {1}. The letter was not changed.', name, error));
      return { plan, applied: false, error };
    };

    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(csv);
    } catch (error) {
      return failed(error instanceof vscode.FileSystemError && error.code === 'FileNotFound' ? vscode.l10n.t('no such file') : errorText(error));
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
            summary ? vscode.l10n.t('Nothing to add from {0}: {1}.', name, summary) : vscode.l10n.t('Nothing to add from {0}: it lists no signatories.', name),
            vscode.l10n.t('Show Details'),
          )
          .then((choice) => { if (choice) void showDetails(plan, name); });
        return { plan, applied: false };
      }
      if (options.confirm === false) return { plan, applied: false };
      if (options.confirm !== true && !(await this.confirm(plan, name, summary))) return { plan, applied: false };
      if (document.isClosed) return { plan, applied: false };
      if (document.version !== version) continue;

      const applied = await applyOne(document, editor, plan.edit);
      if (!applied) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Could not add the signatories from {0}: the letter did not take the edit.', name));
        return { plan, applied: false };
      }
      const shown = editorFor(document, editor);
      if (shown) {
        const first = toPosition(plan.edit.range.start).translate(1, 0).with({ character: 0 });
        shown.revealRange(new vscode.Range(first, first), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      }
      void vscode.window
        .showInformationMessage(
          summary
            ? vscode.l10n.t('Added {0} from {1} ({2}).', signatoryCount(plan.added.length), name, importSummary(plan, 0, translate))
            : vscode.l10n.t('Added {0} from {1}.', signatoryCount(plan.added.length), name),
          vscode.l10n.t('Show Details'),
        )
        .then((choice) => { if (choice) void showDetails(plan, name); });
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
      { modal: true, detail: summary ? vscode.l10n.t('{0}.', summary) : vscode.l10n.t('Every row of {0} is new.', name) },
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
  const document = await vscode.workspace.openTextDocument({ content: importReport(plan, name, translate), language: 'plaintext' });
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
}

// ---------------------------------------------------------------------------------------------
// Export

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
      argument instanceof vscode.Uri ? { target: argument } : typeof argument === 'object' && argument !== null ? (argument as ExportSignatoriesOptions) : {};
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
      void vscode.window.showErrorMessage(vscode.l10n.t('Choose another file: the signatories would be written over the letter.'));
      return undefined;
    }
    // The save dialog asks before replacing a file; a target given by a caller is asked here.
    if (options.target && !options.overwrite && (await exists(target))) {
      const replaceLabel = vscode.l10n.t('Replace');
      const replace = await vscode.window.showWarningMessage(vscode.l10n.t('{0} exists. Replace it?', fileName(target)), { modal: true }, replaceLabel);
      if (replace !== replaceLabel) return undefined;
    }
    const csv = signatoriesToCsv(letter, { bom: options.bom ?? true });
    try {
      await writeAtomically(target, new TextEncoder().encode(csv));
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not export the signatories: {0}', errorText(error)));
      return undefined;
    }
    void vscode.window
      .showInformationMessage(vscode.l10n.t('Exported {0} to {1}.', signatoryCount(letter.signatories.length), vscode.workspace.asRelativePath(target)), vscode.l10n.t('Open'))
      .then((choice) => choice && vscode.commands.executeCommand('vscode.open', target));
    return target;
  }
}

// ---------------------------------------------------------------------------------------------
// Sort

export interface SortSignatoriesOptions {
  by?: SignatorySortKey;
  /** BCP 47 tag of the collation; the letter's `lang` by default. */
  locale?: string;
}

export class SortSignatories implements Command {
  readonly id = 'advocacyLetter.sortSignatories';
  constructor(private readonly documents: LetterDocuments) {}

  /** `argument`: `'name'`, `'organization'` or `{ by, locale }`; without one, a quick pick asks. Resolves to whether the letter changed. */
  async execute(argument?: unknown): Promise<boolean> {
    const options: SortSignatoriesOptions =
      argument === 'name' || argument === 'organization' ? { by: argument } : typeof argument === 'object' && argument !== null ? (argument as SortSignatoriesOptions) : {};
    const editor = activeLetter();
    if (!editor) return false;
    const document = editor.document;
    const before = this.documents.letter(document);
    if (before.signatories.length < 2) {
      void vscode.window.showInformationMessage(vscode.l10n.t('There is nothing to sort: the letter lists fewer than two signatories.'));
      return false;
    }
    const locale = options.locale ?? before.lang;
    let by = options.by ?? (before.signedBy === 'organizations' ? 'organization' : undefined);
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
    const byName = by === 'name' && before.signedBy !== 'organizations';
    if (!edit) {
      void vscode.window.showInformationMessage(byName ? vscode.l10n.t('The signatories are already sorted by name.') : vscode.l10n.t('The signatories are already sorted by organization.'));
      return false;
    }
    return applyOne(document, editor, edit);
  }
}
