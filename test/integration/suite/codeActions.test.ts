import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { codeOf, openLetter, waitFor, waitForDiagnostics } from './helpers';

const LETTER = `# Letter on prison conditions

To: Kim Jong-un, Chairman of the State Affairs Commission

Date: May 7, 2013

## Cited Reports

- Eyewitness Testimony, Crimes Against Humanity,  Volume 1.
- Prison Camps Today, NKDB, 2012.
- Prison Camps Today, NKDB, 2012.

## Signatories

- Hiroshi Kato, President, Life Funds for North Korean Refugees
- Kazuhiro Araki, Representative
- Takashi Fujita, Executive Secretary, Kawaguchi Association to Consider
  the Issue of Japanese Kidnapped by North Korea
`;

async function quickFixes(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return (
    (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range)) ?? []
  );
}

function textChanged(document: vscode.TextDocument, check: (text: string) => boolean, what: string) {
  return waitFor(vscode.workspace.onDidChangeTextDocument, () => check(document.getText()), what);
}

suite('quick fixes', () => {
  test('the whitespace fix replaces a doubled space by one and is preferred', async () => {
    const editor = await openLetter(LETTER, 'fix-whitespace');
    const { document } = editor;
    const diagnostics = await waitForDiagnostics(
      document.uri,
      (d) => d.some((x) => codeOf(x) === 'whitespace-irregular'),
      'the whitespace hint',
    );
    const hint = diagnostics.find((d) => codeOf(d) === 'whitespace-irregular')!;
    const actions = await quickFixes(document.uri, hint.range);
    const fix = actions.find((a) => a.title === 'Replace with a single space');
    assert.ok(fix?.edit, `no whitespace fix among ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(fix.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(document.lineAt(8).text, /Crimes Against Humanity, Volume 1\.$/);
    await waitForDiagnostics(
      document.uri,
      (d) => !d.some((x) => codeOf(x) === 'whitespace-irregular'),
      'the hint to go',
    );
  });

  test('a missing year gets a placeholder at the end of the entry, as a snippet', async () => {
    const editor = await openLetter(LETTER, 'fix-year');
    const { document } = editor;
    const diagnostics = await waitForDiagnostics(
      document.uri,
      (d) => d.some((x) => codeOf(x) === 'report-year-missing'),
      'report-year-missing',
    );
    const problem = diagnostics.find((d) => codeOf(d) === 'report-year-missing')!;
    const actions = await quickFixes(document.uri, problem.range);
    const fix = actions.find((a) => a.title === 'Add the year of publication');
    assert.ok(fix?.edit, `no year fix among ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await textChanged(document, (t) => t.includes('Volume 1, Year.'), 'the placeholder');
    // The placeholder is selected, as a snippet's is: typing the year replaces it.
    assert.equal(editor.document.getText(editor.selection), 'Year');
    await vscode.commands.executeCommand('type', { text: '2012' });
    await textChanged(document, (t) => t.includes('Volume 1, 2012.'), 'the year typed over the placeholder');
    await waitForDiagnostics(
      document.uri,
      (d) => !d.some((x) => codeOf(x) === 'report-year-missing' && x.range.start.line === 8),
      'the year problem to go',
    );
  });

  test('a missing organization gets a placeholder after the role', async () => {
    const editor = await openLetter(LETTER, 'fix-organization');
    const { document } = editor;
    const diagnostics = await waitForDiagnostics(
      document.uri,
      (d) => d.some((x) => codeOf(x) === 'signatory-organization-missing'),
      'organization missing',
    );
    const problem = diagnostics.find((d) => codeOf(d) === 'signatory-organization-missing')!;
    const fix = (await quickFixes(document.uri, problem.range)).find((a) => a.title === 'Add the organization');
    assert.ok(fix?.edit);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await textChanged(
      document,
      (t) => t.includes('- Kazuhiro Araki, Representative, Organization\n'),
      'the placeholder',
    );
  });

  test('a duplicate report can be removed', async () => {
    const editor = await openLetter(LETTER, 'fix-duplicate');
    const { document } = editor;
    const diagnostics = await waitForDiagnostics(
      document.uri,
      (d) => d.some((x) => codeOf(x) === 'report-duplicate'),
      'report-duplicate',
    );
    const problem = diagnostics.find((d) => codeOf(d) === 'report-duplicate')!;
    const fix = (await quickFixes(document.uri, problem.range)).find((a) =>
      a.title.startsWith('Remove cited report 3'),
    );
    assert.ok(fix?.edit);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(document.getText().split('Prison Camps Today').length - 1, 1);
    await waitForDiagnostics(
      document.uri,
      (d) => !d.some((x) => codeOf(x) === 'report-duplicate'),
      'the duplicate to go',
    );
  });

  test('a problem can be disabled for its line with a comment', async () => {
    const editor = await openLetter(LETTER, 'fix-disable');
    const { document } = editor;
    const diagnostics = await waitForDiagnostics(
      document.uri,
      (d) => d.some((x) => codeOf(x) === 'signatory-organization-missing'),
      'organization missing',
    );
    const problem = diagnostics.find((d) => codeOf(d) === 'signatory-organization-missing')!;
    const fix = (await quickFixes(document.uri, problem.range)).find(
      (a) => a.title === 'Disable signatory-organization-missing for this line',
    );
    assert.ok(fix?.edit);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(
      document.lineAt(problem.range.start.line).text,
      '<!-- letter-lint-disable-next-line signatory-organization-missing -->',
    );
    await waitForDiagnostics(
      document.uri,
      (d) => !d.some((x) => codeOf(x) === 'signatory-organization-missing'),
      'the problem to be silenced',
    );
  });

  test('a wrapped signatory can be joined onto one line', async () => {
    const editor = await openLetter(LETTER, 'join');
    const { document } = editor;
    const line = document
      .getText()
      .split('\n')
      .findIndex((l) => l.startsWith('- Takashi Fujita'));
    const actions =
      (await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        document.uri,
        new vscode.Range(line, 5, line, 5),
      )) ?? [];
    const join = actions.find((a) => a.title === 'Join signatory 3 onto one line');
    assert.ok(join?.edit, `no join among ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(join.edit));
    assert.equal(
      document.lineAt(line).text,
      '- Takashi Fujita, Executive Secretary, Kawaguchi Association to Consider the Issue of Japanese Kidnapped by North Korea',
    );
  });

  test('source.fixAll.advocacyLetter applies every safe fix', async () => {
    const editor = await openLetter(LETTER.replace('NKDB, 2012.\n- Prison', 'NKDB,  2012.\n- Prison'), 'fix-all');
    const { document } = editor;
    await waitForDiagnostics(
      document.uri,
      (d) => d.filter((x) => codeOf(x) === 'whitespace-irregular').length === 2,
      'two whitespace hints',
    );
    const actions =
      (await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        document.uri,
        new vscode.Range(0, 0, 0, 0),
        'source.fixAll.advocacyLetter',
      )) ?? [];
    assert.equal(actions.length, 1);
    assert.ok(await vscode.workspace.applyEdit(actions[0].edit!));
    assert.match(document.getText(), /Crimes Against Humanity, Volume 1\.\n- Prison Camps Today, NKDB, 2012\./);
    await waitForDiagnostics(
      document.uri,
      (d) => !d.some((x) => codeOf(x) === 'whitespace-irregular'),
      'no whitespace hints left',
    );
  });
});
