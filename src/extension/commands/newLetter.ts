import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../letterDocuments';
import type { Command } from './commandManager';

export class NewLetter implements Command {
  readonly id = 'advocacyLetter.newLetter';
  async execute(): Promise<vscode.TextEditor> {
    const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: '' });
    const editor = await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: LANGUAGE_ID, name: 'Letter' });
    return editor;
  }
}
