// Snippets as a new writer meets them: typing a snippet's prefix and Tab in a letter expands it,
// without knowing about Ctrl+Space (the language keeps quick suggestions quiet in prose).
import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { testResultsDir, typeThenTab } from '../harness/requests';
import { waitFor } from './helpers';

suite('snippets', () => {
  test('typing "signatory" then Tab expands the signatory entry', async function () {
    if (!testResultsDir) this.skip();
    this.timeout(60_000);
    const document = await vscode.workspace.openTextDocument({
      language: 'advocacy-letter',
      content: '# Open letter\n\n## Signatories\n\n',
    });
    const editor = await vscode.window.showTextDocument(document);
    const end = document.lineAt(document.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(end, end);
    await typeThenTab('signatory-tab', 'signatory');
    await waitFor(
      vscode.workspace.onDidChangeTextDocument,
      () => document.getText().includes('- Name, Role, Organization'),
      'the expanded signatory entry',
      20_000,
    );
    assert.doesNotMatch(document.getText(), /signatory\t|signatory {2}/, 'the prefix became the entry, not a tab');
  });
});
