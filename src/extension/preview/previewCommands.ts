import * as vscode from 'vscode';
import { exists, writeAtomically } from '../workspaceFiles';
import { renderReadLetter, standaloneHtml } from '../../core';
import { findChrome, missingChromeMessage, printToPdf } from '../../node/chrome';
import type { Command } from '../commands';
import { isLetter, type LetterDocuments } from '../letterDocuments';
import { letterSettings, previewSettings } from '../settings';
import type { PreviewManager } from './previewManager';

/** The letter a command is about: its argument (menus pass one), the active letter, or the active preview's. */
function letterUri(previews: PreviewManager, argument: unknown): vscode.Uri | undefined {
  if (argument instanceof vscode.Uri) return argument;
  const editor = vscode.window.activeTextEditor;
  if (editor && isLetter(editor.document)) return editor.document.uri;
  return previews.activePreview?.uri;
}

function noLetter(): undefined {
  void vscode.window.showWarningMessage(vscode.l10n.t('Open an advocacy letter (*.letter.md) first.'));
  return undefined;
}

export class ShowPreview implements Command {
  constructor(
    readonly id: string,
    private readonly previews: PreviewManager,
    private readonly options: { toSide: boolean; locked: boolean },
  ) {}
  async execute(argument?: unknown) {
    const uri = letterUri(this.previews, argument);
    return uri ? this.previews.show(uri, this.options) : noLetter();
  }
}

export class TogglePreviewLock implements Command {
  readonly id = 'advocacyLetter.togglePreviewLock';
  constructor(private readonly previews: PreviewManager) {}
  execute() {
    this.previews.toggleLock();
    return this.previews.activePreview?.locked;
  }
}

export class RefreshPreview implements Command {
  readonly id = 'advocacyLetter.refreshPreview';
  constructor(private readonly previews: PreviewManager) {}
  async execute() {
    await Promise.all(this.previews.all.map((p) => p.refresh()));
  }
}

export class ShowSource implements Command {
  readonly id = 'advocacyLetter.showSource';
  constructor(private readonly previews: PreviewManager) {}
  async execute() {
    return this.previews.activePreview?.showSource();
  }
}

export class TogglePreviewStyle implements Command {
  readonly id = 'advocacyLetter.togglePreviewStyle';
  async execute() {
    const config = vscode.workspace.getConfiguration('advocacyLetter.preview');
    const next = config.get<string>('style') === 'paper' ? 'theme' : 'paper';
    await config.update('style', next, vscode.ConfigurationTarget.Global);
    return next;
  }
}

/** Options for the export commands when called by tests or other extensions (no dialog). */
interface ExportTarget {
  target?: vscode.Uri;
  /** Replace an existing file without asking. */
  overwrite?: boolean;
}

abstract class ExportLetter implements Command {
  abstract readonly id: string;
  protected abstract readonly extension: string;
  protected abstract readonly filterName: string;

  constructor(
    protected readonly previews: PreviewManager,
    protected readonly documents: LetterDocuments,
  ) {}

  async execute(argument?: unknown, options: ExportTarget = {}): Promise<vscode.Uri | undefined> {
    const uri = letterUri(this.previews, argument);
    if (!uri) return noLetter();
    const document = await vscode.workspace.openTextDocument(uri);
    const target = options.target ?? (await vscode.window.showSaveDialog({
      defaultUri: uri.with({ path: uri.path.replace(/(\.letter)?\.md$/i, '') + this.extension }),
      filters: { [this.filterName]: [this.extension.slice(1)] },
      saveLabel: vscode.l10n.t('Export'),
    }));
    if (!target) return undefined;
    // The save dialog asks before replacing a file; a target given by a caller is asked here.
    if (options.target && !options.overwrite && (await exists(target))) {
      const replaceLabel = vscode.l10n.t('Replace');
      const replace = await vscode.window.showWarningMessage(vscode.l10n.t('{0} exists. Replace it?', target.path.split('/').pop() ?? ''), { modal: true }, replaceLabel);
      if (replace !== replaceLabel) return undefined;
    }
    const settings = previewSettings(uri);
    const rendered = renderReadLetter(this.documents.read(document), this.documents.diagnostics(document, letterSettings(document).lint), {
      // The exported letter is the one that goes out: no marks, problems are the editor's business.
      markProblems: false,
    });
    const html = standaloneHtml(rendered, { style: 'paper', paper: settings.paper });
    try {
      await this.write(html, target);
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not export the letter: {0}', (error as Error).message));
      return undefined;
    }
    void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0}.', vscode.workspace.asRelativePath(target)), vscode.l10n.t('Open')).then((choice) => {
      if (choice) void vscode.env.openExternal(target);
    });
    return target;
  }

  protected abstract write(html: string, target: vscode.Uri): Promise<void>;
}

export class ExportHtml extends ExportLetter {
  readonly id = 'advocacyLetter.exportHtml';
  protected readonly extension = '.html';
  protected readonly filterName = 'HTML';

  protected async write(html: string, target: vscode.Uri): Promise<void> {
    await writeAtomically(target, new TextEncoder().encode(html));
  }
}

export class ExportPdf extends ExportLetter {
  readonly id = 'advocacyLetter.exportPdf';
  protected readonly extension = '.pdf';
  protected readonly filterName = 'PDF';

  protected async write(html: string, target: vscode.Uri): Promise<void> {
    if (target.scheme !== 'file') throw new Error('a PDF can only be written to a local file');
    const configured = vscode.workspace.getConfiguration('advocacyLetter.export').get<string>('chromePath') || undefined;
    const chrome = await findChrome(configured);
    if (!chrome) throw new Error(missingChromeMessage(configured));
    await printToPdf(html, target.fsPath, { chrome });
  }
}
