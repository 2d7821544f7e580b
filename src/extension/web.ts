// The extension's entry point in a web worker extension host (vscode.dev, github.dev, VS Code for
// the Web; package.json `browser`, bundled by esbuild.js into dist/web/extension.js with yaml inside).
// The same features as extension.ts minus the PDF export, which needs Node and a local Chrome
// (package.json shows it only where the Node entry sets `advocacyLetter.nodeHost`, not on
// `!isWeb`). Nothing here or below may import node: modules.
import type * as vscode from 'vscode';
import { activateCommon, type AdvocacyLetterApi } from './activateCommon';

export type { AdvocacyLetterApi } from './activateCommon';

export function activate(context: vscode.ExtensionContext): AdvocacyLetterApi {
  // A browser's fetch: a site that refuses cross-origin requests leaves its address "not checked here".
  return activateCommon(context, undefined, [], { crossOrigin: true });
}

export function deactivate(): void {}
