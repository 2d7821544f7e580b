import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { parseLetter } from '../../../src/core';
import { closeAll, codeOf, GOOD_LETTER, openLetter, waitForDiagnostics, workspaceUri } from './helpers';

interface ImportResult {
  plan?: { added: unknown[]; skipped: unknown[]; rejected: unknown[]; error?: { row: number; message: string } };
  applied: boolean;
  error?: string;
}

const csvUri = async (name: string, text: string) => {
  const uri = workspaceUri('scratch', name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
};

suite("writers' workflow", () => {
  test('Convert Plain-Text Letter turns the published 2013 letter into a letter with its one error', async () => {
    await closeAll();
    const source = workspaceUri('test', 'fixtures', 'convert', 'open-letter-2013.txt');
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('advocacyLetter.convertPlainText', source);
    assert.ok(editor, 'no editor was opened');
    assert.equal(editor.document.isUntitled, true, 'the conversion opens a new document: nothing is overwritten');
    assert.equal(editor.document.languageId, 'advocacy-letter');
    const letter = parseLetter(editor.document.getText());
    assert.equal(letter.reports.length, 4);
    assert.equal(letter.signatories.length, 6);
    const diagnostics = await waitForDiagnostics(
      editor.document.uri,
      (d) => d.length > 0,
      'the converted letter to be checked',
    );
    const errors = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepEqual(
      errors.map((d) => [codeOf(d), d.message]),
      [['report-year-missing', 'Cited report 4 has no year']],
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('Import Signatories from CSV adds new rows in one undoable edit, skipping duplicates and rejecting bad rows', async () => {
    const editor = await openLetter(GOOD_LETTER, 'import');
    const before = editor.document.getText();
    const csv = await csvUri(
      'people.csv',
      '\ufeffName,Organization,Role\r\n"Sato, Kenji",Rights Now,Director\r\nKenji Sato,Rights Now,Director\r\nHiroshi Kato,Life Funds for North Korean Refugees,President\r\nAmina Diallo,"Front Line Defenders, Dublin",Coordinator\r\nNo Org,,Member\r\nKenji Sato,Rights Now,Director\r\n',
    );
    const result = await vscode.commands.executeCommand<ImportResult>('advocacyLetter.importSignatories', {
      csv,
      confirm: true,
    });
    assert.equal(result.applied, true, result.error);
    assert.equal(result.plan!.added.length, 2, 'Kenji Sato and Amina Diallo');
    assert.equal(result.plan!.skipped.length, 2, 'Hiroshi Kato is in the letter; Kenji Sato twice in the CSV');
    assert.equal(result.plan!.rejected.length, 2, 'a name with a comma, a row with no organization');
    const letter = parseLetter(editor.document.getText());
    assert.deepEqual(
      letter.signatories.slice(-2).map((s) => [s.name, s.role, s.organization]),
      [
        ['Kenji Sato', 'Director', 'Rights Now'],
        ['Amina Diallo', 'Coordinator', 'Front Line Defenders, Dublin'],
      ],
    );
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), before, 'one undo takes the whole import back');
  });

  test('a malformed CSV changes nothing and names its row', async () => {
    const editor = await openLetter(GOOD_LETTER, 'import-malformed');
    const before = editor.document.getText();
    const csv = await csvUri(
      'broken.csv',
      'name,role,organization\nJane Doe,Director,Rights Now\nJohn Roe,"Researcher,Prison Watch\nSam Poe,Member,Org\n',
    );
    const result = await vscode.commands.executeCommand<ImportResult>('advocacyLetter.importSignatories', {
      csv,
      confirm: true,
    });
    assert.equal(result.applied, false);
    assert.match(result.error ?? '', /row 3/);
    assert.equal(editor.document.getText(), before);
    assert.equal(editor.document.isDirty, false);
  });

  test('Sort Signatories orders them by name; Export Signatories as CSV writes them', async () => {
    const editor = await openLetter(
      GOOD_LETTER.replace('- Hiroshi Kato, President', '- Zoe Adams, Director, Rights Now\n- Hiroshi Kato, President'),
      'sort',
    );
    assert.ok(await vscode.commands.executeCommand('advocacyLetter.sortSignatories', 'name'));
    assert.deepEqual(
      parseLetter(editor.document.getText()).signatories.map((s) => s.name),
      ['Hiroshi Kato', 'Kotaro Miura', 'Zoe Adams'],
    );
    const target = workspaceUri('scratch', 'signatories.csv');
    const written = await vscode.commands.executeCommand<vscode.Uri>('advocacyLetter.exportSignatories', {
      target,
      overwrite: true,
    });
    assert.equal(written?.toString(), target.toString());
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target)).replace(/^\ufeff/, '');
    assert.equal(text.split(/\r\n/)[0], 'name,role,organization');
    assert.match(text, /Zoe Adams,Director,Rights Now/);
  });
});
