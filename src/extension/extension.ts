import * as vscode from 'vscode';
import { LetterCodeActions } from './codeActions';
import { CommandManager, InsertEntry, NewLetter, ValidateLetter, ValidateWorkspace } from './commands';
import { LetterDiagnostics } from './diagnostics';
import { LetterCompletion, LetterHover, LetterSymbols } from './languageFeatures';
import { LANGUAGE_ID, LetterDocuments } from './letterDocuments';
import { ExportHtml, ExportPdf, RefreshPreview, ShowPreview, ShowSource, TogglePreviewLock, TogglePreviewStyle } from './preview/previewCommands';
import { PreviewManager } from './preview/previewManager';
import { LetterStatusBar } from './statusBar';

/** What the extension hands to its tests (and to other extensions): the shared letter cache. */
export interface AdvocacyLetterApi {
  documents: LetterDocuments;
  diagnostics: LetterDiagnostics;
  statusBar: LetterStatusBar;
  previews: PreviewManager;
}

export function activate(context: vscode.ExtensionContext): AdvocacyLetterApi {
  const selector: vscode.DocumentSelector = { language: LANGUAGE_ID };
  const documents = new LetterDocuments();
  const diagnostics = new LetterDiagnostics(documents, context.extensionUri);
  const statusBar = new LetterStatusBar(documents, diagnostics);
  const symbols = new LetterSymbols(documents);
  const commands = new CommandManager();
  commands.add(new NewLetter());
  commands.add(new ValidateLetter(diagnostics));
  commands.add(new ValidateWorkspace(diagnostics));
  commands.add(new InsertEntry(documents, 'reports'));
  commands.add(new InsertEntry(documents, 'signatories'));
  const previews = new PreviewManager(documents, context.extensionUri);
  commands.add(new ShowPreview('advocacyLetter.showPreview', previews, { toSide: false, locked: false }));
  commands.add(new ShowPreview('advocacyLetter.showPreviewToSide', previews, { toSide: true, locked: false }));
  commands.add(new ShowPreview('advocacyLetter.showLockedPreviewToSide', previews, { toSide: true, locked: true }));
  commands.add(new TogglePreviewLock(previews));
  commands.add(new RefreshPreview(previews));
  commands.add(new ShowSource(previews));
  commands.add(new TogglePreviewStyle());
  commands.add(new ExportHtml(previews, documents));
  commands.add(new ExportPdf(previews, documents));
  context.subscriptions.push(
    documents,
    diagnostics,
    statusBar,
    previews,
    commands,
    vscode.languages.registerCodeActionsProvider(selector, new LetterCodeActions(documents), LetterCodeActions.metadata),
    vscode.languages.registerDocumentSymbolProvider(selector, symbols, { label: 'Advocacy Letter' }),
    vscode.languages.registerFoldingRangeProvider(selector, symbols),
    vscode.languages.registerHoverProvider(selector, new LetterHover(documents)),
    vscode.languages.registerCompletionItemProvider(selector, new LetterCompletion(documents), ...LetterCompletion.triggerCharacters),
  );
  return { documents, diagnostics, statusBar, previews };
}

export function deactivate(): void {}
