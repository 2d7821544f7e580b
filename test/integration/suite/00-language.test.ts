import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { api, EXTENSION_ID, waitForDiagnostics, workspaceUri, problems } from './helpers';
import { screenshot } from '../harness/requests';

// Runs first (file order), so that the screenshot shows the seed letter alone in the Problems view.
suite('the letter language', () => {
  test('the seed letter shows its one error and whitespace hints (screenshot)', async () => {
    const uri = workspaceUri('examples', 'open-letter-2013.letter.md');
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    const diagnostics = await waitForDiagnostics(uri, (d) => d.length > 0, 'the seed letter to be checked');
    assert.deepEqual(problems(diagnostics), [
      '17:report-year-missing',
      '17:whitespace-irregular',
      '17:whitespace-irregular',
      '31:whitespace-irregular',
    ]);
    const error = diagnostics.find((d) => d.severity === vscode.DiagnosticSeverity.Error)!;
    assert.equal(error.message, 'Cited report 4 has no year');
    assert.deepEqual([error.range.start.line, error.range.start.character, error.range.end.character], [16, 2, 121]);
    const target = (error.code as { target: vscode.Uri }).target;
    assert.match(target.path, /docs\/rules\/report-year-missing\.md$/);
    editor.selection = new vscode.Selection(error.range.start, error.range.start);
    editor.revealRange(error.range, vscode.TextEditorRevealType.InCenter);
    await vscode.commands.executeCommand('notifications.clearAll');
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    await screenshot('seed-letter-problems');
  });
  test('*.letter.md opens as an Advocacy Letter and activates the extension', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceUri('examples', 'open-letter-2013.letter.md'));
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, 'advocacy-letter');
    await api();
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
  });

  test('a plain markdown file is not a letter and gets no letter problems', async () => {
    const uri = workspaceUri('scratch', 'notes.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('# Notes\n\nNo letter here.\n'));
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, 'markdown');
    const { documents } = await api();
    const before = documents.parseCount;
    // Give the extension a chance to (wrongly) react to the edit, then check nothing was parsed.
    const editor = vscode.window.activeTextEditor!;
    await editor.edit((e) => e.insert(new vscode.Position(2, 0), 'More.\n'));
    await new Promise<void>((resolve) => setImmediate(resolve));
    assert.equal(documents.parseCount, before);
    assert.deepEqual(vscode.languages.getDiagnostics(uri), []);
  });
});
