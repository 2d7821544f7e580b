// The shared configuration file `.advocacy-letter.json` in the editor: found next to a letter,
// applied to its checks, re-read when it changes, its own mistakes shown in it.
import * as assert from 'node:assert/strict';
import { suite, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { api, closeAll, codeOf, waitForDiagnostics, workspaceUri } from './helpers';

// Its own folder: a configuration in scratch/ itself would change every other suite's letters.
const folder = workspaceUri('scratch', 'configured');
const configUri = vscode.Uri.joinPath(folder, '.advocacy-letter.json');
const encode = (text: string) => new TextEncoder().encode(text);

const LETTER = `# Offener Brief

Empfänger: Minister of Justice, Ministry of Justice

Date: May 7, 2013

## Cited Reports

- Detention in Practice, Human Rights Watch

## Unterzeichner

- Jane Doe, Director, Rights Now
`;

suite('shared configuration file', () => {
  suiteTeardown(async () => {
    await closeAll();
    await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false }).then(undefined, () => undefined);
  });

  test('its severities, section names and labels apply to a letter beside it, and follow its changes', async () => {
    await vscode.workspace.fs.createDirectory(folder);
    await vscode.workspace.fs.writeFile(
      configUri,
      encode(
        '// for the German letters\n{\n  "severity": { "report-year-missing": "hint", },\n  "sections": { "signatories": ["Unterzeichner"] },\n  "fieldLabels": { "addressee": ["Empfänger"] },\n}\n',
      ),
    );
    const { configs } = await api();
    const letterUri = vscode.Uri.joinPath(folder, 'german.letter.md');
    await vscode.workspace.fs.writeFile(letterUri, encode(LETTER));
    await configs.ready(letterUri);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(letterUri));
    const configured = await waitForDiagnostics(
      letterUri,
      (d) => d.some((p) => codeOf(p) === 'report-year-missing' && p.severity === vscode.DiagnosticSeverity.Hint),
      'report-year-missing lowered to a hint by the configuration file',
    );
    const codes = configured.map(codeOf);
    assert.ok(
      !codes.includes('signatories-missing'),
      `"## Unterzeichner" is a signatories section: ${codes.join(', ')}`,
    );
    assert.ok(!codes.includes('addressee-missing'), `"Empfänger:" is an addressee label: ${codes.join(', ')}`);

    // Changed in an editor and saved (a file system watcher would also report a change made
    // elsewhere, but when is up to the file system): the letter is checked again with the new file.
    const config = await vscode.workspace.openTextDocument(configUri);
    const change = new vscode.WorkspaceEdit();
    change.replace(
      configUri,
      new vscode.Range(0, 0, config.lineCount, 0),
      '{ "severity": { "report-year-missing": "warning" } }\n',
    );
    assert.ok(await vscode.workspace.applyEdit(change));
    assert.ok(await config.save());
    await waitForDiagnostics(
      letterUri,
      (d) =>
        d.some((p) => codeOf(p) === 'report-year-missing' && p.severity === vscode.DiagnosticSeverity.Warning) &&
        d.some((p) => codeOf(p) === 'signatories-missing'),
      'the changed configuration applied',
    );

    // Deleted: back to the defaults.
    const deletion = new vscode.WorkspaceEdit();
    deletion.deleteFile(configUri);
    assert.ok(await vscode.workspace.applyEdit(deletion));
    await waitForDiagnostics(
      letterUri,
      (d) => d.some((p) => codeOf(p) === 'report-year-missing' && p.severity === vscode.DiagnosticSeverity.Error),
      'the defaults back after the configuration was deleted',
    );
  });

  test('an invalid configuration is a problem in the file itself, never a crash', async () => {
    await vscode.workspace.fs.createDirectory(folder);
    await vscode.workspace.fs.writeFile(
      configUri,
      encode('{\n  "severity": { "no-such-check": "error" },\n  "colour": "red"\n}\n'),
    );
    const document = await vscode.workspace.openTextDocument(configUri);
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, 'jsonc', '.advocacy-letter.json opens as JSON with comments');
    const diagnostics = await waitForDiagnostics(configUri, (d) => d.length >= 2, 'problems in the configuration file');
    const messages = diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.message}`).sort();
    assert.ok(
      messages.some((m) => m.startsWith('1:16 Unknown check code "no-such-check"')),
      messages.join('\n'),
    );
    assert.ok(
      messages.some((m) => m.startsWith('2:2 Unknown key "colour"')),
      messages.join('\n'),
    );
  });
});
