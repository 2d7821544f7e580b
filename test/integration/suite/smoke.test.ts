import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { screenshot } from '../harness/requests';

suite('smoke', () => {
  test('the extension is loaded and the example letter opens', async () => {
    const extension = vscode.extensions.getExtension('advocacy-letter.advocacy-letter');
    assert.ok(extension, 'extension advocacy-letter.advocacy-letter is not loaded');

    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    const uri = vscode.Uri.joinPath(folder.uri, 'examples', 'open-letter-2013.letter.md');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    assert.match(document.getText(), /\S/);
    // Once package.json declares the language: assert.equal(document.languageId, 'advocacy-letter');
    if (contributesLanguage(extension)) {
      assert.equal(document.languageId, 'advocacy-letter');
    }

    await screenshot('smoke-example-letter');
  });
});

function contributesLanguage(extension: vscode.Extension<unknown>): boolean {
  const languages = (extension.packageJSON as { contributes?: { languages?: { id: string }[] } }).contributes?.languages;
  return languages?.some((language) => language.id === 'advocacy-letter') ?? false;
}
