import * as vscode from 'vscode';
import { entryInsertion } from '../../core';
import type { LetterDocuments } from '../letterDocuments';
import { toPosition } from '../typeConverters';
import type { Command } from './commandManager';
import { activeLetter } from './shared';

/** Insert Cited Report and Insert Signatory: one class, the list it adds to told by `kind`. */
export class InsertEntry implements Command {
  readonly id: string;
  constructor(
    private readonly documents: LetterDocuments,
    private readonly kind: 'reports' | 'signatories',
  ) {
    this.id = kind === 'reports' ? 'advocacyLetter.insertReport' : 'advocacyLetter.insertSignatory';
  }
  async execute(): Promise<boolean> {
    const editor = activeLetter();
    if (!editor) return false;
    const { position, snippet } = entryInsertion(this.documents.letter(editor.document), this.kind);
    const at = toPosition(position);
    const inserted = await editor.insertSnippet(new vscode.SnippetString(snippet), at);
    if (inserted) editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return inserted;
  }
}
