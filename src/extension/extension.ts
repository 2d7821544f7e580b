// The extension's entry point in a Node extension host (package.json `main`): everything of
// activateCommon.ts, plus the commands that need Node (the PDF export prints with Chrome, src/node).
// The web entry point (web.ts, package.json `browser`) is the same minus those.
import type * as vscode from 'vscode';
import { activateCommon, type AdvocacyLetterApi } from './activateCommon';
import { ExportPdf } from './commands/exportPdf';

export type { AdvocacyLetterApi } from './activateCommon';

export function activate(context: vscode.ExtensionContext): AdvocacyLetterApi {
  return activateCommon(context, ({ previews, documents }) => [new ExportPdf(previews, documents)]);
}

export function deactivate(): void {}
