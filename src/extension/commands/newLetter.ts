import * as vscode from 'vscode';
import { letterSkeleton } from '../../core';
import { today } from '../completion';
import { LANGUAGE_ID } from '../letterDocuments';
import type { Command } from './commandManager';

export class NewLetter implements Command {
  readonly id = 'advocacyLetter.newLetter';
  async execute(): Promise<vscode.TextEditor> {
    const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: '' });
    const editor = await vscode.window.showTextDocument(document);
    // The `Letter` snippet, dated by the engine as the letter writes it rather than by VS Code's date variables.
    await editor.insertSnippet(new vscode.SnippetString(letterSkeleton('en', today())));
    return editor;
  }
}
