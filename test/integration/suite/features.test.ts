import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { api, GOOD_LETTER, openLetter, waitFor, waitForDiagnostics } from './helpers';

suite('editor features', () => {
  test('the outline lists the title, addressee, date, sections and each entry by name', async () => {
    const editor = await openLetter(GOOD_LETTER, 'outline');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
      'vscode.executeDocumentSymbolProvider',
      editor.document.uri,
    );
    assert.equal(symbols.length, 1);
    const [title] = symbols;
    assert.equal(title.name, 'Open letter on the right to protest');
    const names = title.children.map((s) => s.name);
    assert.deepEqual(names, ['Minister of Justice', 'May 7, 2013', 'Cited Reports', 'Signatories']);
    const reports = title.children[2];
    assert.deepEqual(
      reports.children.map((s) => s.name),
      ['World Report 2013', 'Annual Report'],
    );
    const signatories = title.children[3];
    assert.deepEqual(
      signatories.children.map((s) => s.name),
      ['Hiroshi Kato', 'Kotaro Miura'],
    );
    assert.equal(signatories.children[0].detail, 'President, Life Funds for North Korean Refugees');
  });

  test('sections fold', async () => {
    const editor = await openLetter(GOOD_LETTER, 'folding');
    const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>(
      'vscode.executeFoldingRangeProvider',
      editor.document.uri,
    );
    const lines = editor.document.getText().split('\n');
    const reports = lines.indexOf('## Cited Reports');
    const signatories = lines.indexOf('## Signatories');
    assert.ok(
      ranges.some((r) => r.start === reports && r.end === signatories - 2),
      `no fold for Cited Reports in ${JSON.stringify(ranges)}`,
    );
    assert.ok(ranges.some((r) => r.start === signatories));
  });

  test('hovering a signatory shows its parsed parts and its problems', async () => {
    const editor = await openLetter(
      GOOD_LETTER.replace(
        '- Kotaro Miura, Vice President, Society to Help Returnees to North Korea',
        '- Kotaro Miura, Vice President',
      ),
      'hover',
    );
    const { document } = editor;
    await waitForDiagnostics(document.uri, (d) => d.length > 0, 'the missing organization');
    const line = document
      .getText()
      .split('\n')
      .findIndex((l) => l.startsWith('- Kotaro Miura'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      document.uri,
      new vscode.Position(line, 4),
    );
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /Signatory 2/);
    assert.match(text, /Kotaro Miura/);
    assert.match(text, /Vice President/);
    assert.match(text, /Signatory 2 \\\(Kotaro Miura\\\) has no organization/);
  });

  test('completion offers organizations already used in the letter', async () => {
    const editor = await openLetter(`${GOOD_LETTER}- Kenji Sato, Member, \n`, 'completion');
    const { document } = editor;
    const line = document.lineCount - 2;
    const position = new vscode.Position(line, document.lineAt(line).text.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      document.uri,
      position,
      ',',
    );
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('Life Funds for North Korean Refugees'), `got ${labels.join(' | ')}`);
    assert.ok(labels.includes('Society to Help Returnees to North Korea'));
  });

  test('the status bar counts signatories, reports and problems', async () => {
    const { statusBar, diagnostics } = await api();
    await openLetter(GOOD_LETTER, 'status');
    await waitFor(diagnostics.onDidUpdate, () => statusBar.text.includes('2 signatories'), 'the status bar');
    assert.equal(statusBar.text, '$(organization) 2 signatories · 2 reports · 0 problems');
    const editor = await openLetter(
      GOOD_LETTER.replace('To: Minister of Justice, Ministry of Justice', 'To: Minister of Justice'),
      'status-problem',
    );
    await waitFor(
      diagnostics.onDidUpdate,
      () => statusBar.text.endsWith('1 problem'),
      `1 problem for ${editor.document.uri.path}`,
    );
  });

  test('a snippet inserts a signatory with its tab stops', async () => {
    const editor = await openLetter('', 'snippet');
    await vscode.commands.executeCommand('editor.action.insertSnippet', {
      langId: 'advocacy-letter',
      name: 'Signatory',
    });
    await waitFor(
      vscode.workspace.onDidChangeTextDocument,
      () => editor.document.getText().includes('Name'),
      'the snippet',
    );
    assert.match(editor.document.getText(), /^- Name, Role, Organization/);
    assert.equal(editor.document.getText(editor.selection), 'Name', 'the first tab stop is the name');
  });
});
