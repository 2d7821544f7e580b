import type * as vscode from 'vscode';

// The next issue fills these in: diagnostics, code actions, symbols, preview, commands.
export function activate(_context: vscode.ExtensionContext): void {}

export function deactivate(): void {}
