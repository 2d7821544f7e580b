import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { screenshot } from '../harness/requests';

suite('smoke', () => {
  test('the extension is loaded and activates', async () => {
    const extension = vscode.extensions.getExtension('advocacy-letter.advocacy-letter');
    assert.ok(extension, 'extension advocacy-letter.advocacy-letter is not loaded');
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  test('the workspace trust is the one the harness asked for', function () {
    // Set by the code-server harness only ('restricted' unless run with --trusted).
    const trust = process.env.ADVOCACY_LETTER_TEST_TRUST;
    if (!trust) {
      this.skip();
    }
    assert.equal(vscode.workspace.isTrusted, trust === 'trusted');
  });

  test('the example letter opens', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    const uri = vscode.Uri.joinPath(folder.uri, 'examples', 'open-letter-2013.letter.md');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    assert.match(document.getText(), /Kim Jong-un/);
    // Tightens by itself once package.json declares the language.
    if (contributesLanguage(vscode.extensions.getExtension('advocacy-letter.advocacy-letter'))) {
      assert.equal(document.languageId, 'advocacy-letter');
    }

    await screenshot('smoke-example-letter');
  });
});

function contributesLanguage(extension: vscode.Extension<unknown> | undefined): boolean {
  const manifest = extension?.packageJSON as { contributes?: { languages?: { id: string }[] } } | undefined;
  return manifest?.contributes?.languages?.some((language) => language.id === 'advocacy-letter') ?? false;
}
