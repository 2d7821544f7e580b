// Snippets and completions as a new writer meets them: typing a snippet's prefix and Tab in a letter
// expands it, and typing where an entry or a value belongs offers it, without knowing about Ctrl+Space
// (the language keeps quick suggestions quiet in prose).
import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { formatDate } from '../../../src/core';
import { testResultsDir, typeThenAccept, typeThenTab } from '../harness/requests';
import { waitFor } from './helpers';

/** Today in this machine's time zone, `YYYY-MM-DD`, as the extension reads it. */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A new untitled letter with `content`, the cursor at its end. */
async function newLetter(content: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument({ language: 'advocacy-letter', content });
  const editor = await vscode.window.showTextDocument(document);
  const end = document.lineAt(document.lineCount - 1).range.end;
  editor.selection = new vscode.Selection(end, end);
  return document;
}

const lastLine = (document: vscode.TextDocument) => document.lineAt(document.lineCount - 1).text;

suite('snippets', () => {
  test('a letter keeps quick suggestions quiet in prose, and Tab expands a snippet prefix', async () => {
    const document = await newLetter('# Open letter\n\nWe write to you.');
    const editor = vscode.workspace.getConfiguration('editor', document);
    assert.deepEqual(editor.get('quickSuggestions'), { comments: 'off', strings: 'off', other: 'off' });
    assert.equal(editor.get('tabCompletion'), 'onlySnippets');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

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

  test('typing "date" then Tab writes today as a letter does, not zero-padded; "date-ja" in Japanese', async function () {
    if (!testResultsDir) this.skip();
    this.timeout(60_000);
    const document = await newLetter('# Open letter\n\n');
    await typeThenTab('date-tab', 'date');
    const wanted = `Date: ${formatDate(today(), 'en')}`;
    await waitFor(vscode.workspace.onDidChangeTextDocument, () => document.getText().includes(wanted), wanted, 20_000);
    await vscode.commands.executeCommand('leaveSnippet');
    const japanese = await newLetter('---\nlang: ja\n---\n\n# 公開書簡\n\n');
    await typeThenTab('date-ja-tab', 'date-ja');
    const wantedJa = `日付：${formatDate(today(), 'ja')}`;
    await waitFor(
      vscode.workspace.onDidChangeTextDocument,
      () => japanese.getText().includes(wantedJa),
      wantedJa,
      20_000,
    );
    await vscode.commands.executeCommand('leaveSnippet');
  });
});

suite('completions', () => {
  test('typing "-" on a new line under Signatories offers the signatory entry; Enter writes it', async function () {
    if (!testResultsDir) this.skip();
    this.timeout(60_000);
    const document = await newLetter(
      '# Open letter\n\n## Signatories\n\n- Hiroshi Kato, President, Life Funds for North Korean Refugees\n',
    );
    const labels = await typeThenAccept('signatory-dash', '-');
    assert.ok(
      labels?.some((label) => label.includes('Signatory entry')),
      `offered: ${JSON.stringify(labels)}`,
    );
    await waitFor(
      vscode.workspace.onDidChangeTextDocument,
      () => lastLine(document) === '- Name, Role, Organization',
      'the signatory entry in place of the "-"',
      20_000,
    );
    await vscode.commands.executeCommand('leaveSnippet');
  });

  test('the signatory entry offers the roles and organizations already in the letter as choices', async () => {
    const document = await newLetter(
      '# Open letter\n\n## Signatories\n\n- Hiroshi Kato, President, Life Funds for North Korean Refugees\n-',
    );
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      document.uri,
      document.lineAt(document.lineCount - 1).range.end,
      '-',
    );
    const entry = list.items.find((i) => i.label === 'Signatory entry');
    assert.ok(
      entry?.insertText instanceof vscode.SnippetString,
      `offered: ${JSON.stringify(list.items.map((i) => i.label))}`,
    );
    assert.equal(
      entry.insertText.value,
      '- ${1:Name}, ${2|Role,President|}, ${3|Organization,Life Funds for North Korean Refugees|}',
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('typing "-" on a new line under the cited reports offers a report entry', async function () {
    if (!testResultsDir) this.skip();
    this.timeout(60_000);
    const document = await newLetter(
      '# Open letter\n\n## Cited Reports\n\n- Prison Conditions Today, Prison Watch, 2012.\n',
    );
    const labels = await typeThenAccept('report-dash', '-');
    assert.ok(
      labels?.some((label) => label.includes('Cited report entry')),
      `offered: ${JSON.stringify(labels)}`,
    );
    const wanted = `- Title, Publisher, ${today().slice(0, 4)}`;
    await waitFor(vscode.workspace.onDidChangeTextDocument, () => lastLine(document) === wanted, wanted, 20_000);
    await vscode.commands.executeCommand('leaveSnippet');
  });

  test('"*" and a number with "." at the start of a line offer the entry too, keeping the marker', async function () {
    if (!testResultsDir) this.skip();
    this.timeout(60_000);
    const numbered = await newLetter('# Open letter\n\n## Signatories\n\n1. Hiroshi Kato, President, HRN\n');
    const offered = await typeThenAccept('signatory-number', '2.');
    assert.ok(
      offered?.some((label) => label.includes('Signatory entry')),
      `offered: ${JSON.stringify(offered)}`,
    );
    const wanted = '2. Name, Role, Organization';
    await waitFor(vscode.workspace.onDidChangeTextDocument, () => lastLine(numbered) === wanted, wanted, 20_000);
    await vscode.commands.executeCommand('leaveSnippet');
    const starred = await newLetter('# Open letter\n\n## Signatories\n\n* Hiroshi Kato, President, HRN\n');
    await typeThenAccept('signatory-star', '*');
    const star = '* Name, Role, Organization';
    await waitFor(vscode.workspace.onDidChangeTextDocument, () => lastLine(starred) === star, star, 20_000);
    await vscode.commands.executeCommand('leaveSnippet');
  });

  test('typing "#" in an empty letter offers the whole letter, dated as a letter writes it', async function () {
    if (!testResultsDir) this.skip();
    this.timeout(60_000);
    const document = await newLetter('');
    const offered = await typeThenAccept('skeleton-hash', '#');
    assert.ok(
      offered?.some((label) => label.includes('Letter skeleton (English)')),
      `offered: ${JSON.stringify(offered)}`,
    );
    const dated = `\nDate: ${formatDate(today(), 'en')}\n`;
    await waitFor(
      vscode.workspace.onDidChangeTextDocument,
      () => document.getText().startsWith('# Open Letter on the Subject\n') && document.getText().includes(dated),
      'the skeleton',
      20_000,
    );
    assert.ok(document.getText().includes('\n## Signatories\n'), document.getText());
    await vscode.commands.executeCommand('leaveSnippet');
  });

  test('typing "Date:" offers today as the letter writes it, in English and in Japanese', async function () {
    if (!testResultsDir) this.skip();
    this.timeout(60_000);
    const english = await newLetter('# Open letter\n\n');
    const offered = await typeThenAccept('date-colon', 'Date:');
    const wanted = `Date: ${formatDate(today(), 'en')}`;
    assert.ok(
      offered?.some((label) => label.includes(formatDate(today(), 'en'))),
      `offered: ${JSON.stringify(offered)}`,
    );
    await waitFor(vscode.workspace.onDidChangeTextDocument, () => lastLine(english) === wanted, wanted, 20_000);
    const reply = await newLetter('# Open letter\n\nDate: May 7, 2013\n\n');
    await typeThenAccept('reply-by-colon', 'Reply by:');
    const replyBy = `Reply by: ${formatDate(today(), 'en')}`;
    await waitFor(vscode.workspace.onDidChangeTextDocument, () => lastLine(reply) === replyBy, replyBy, 20_000);
    const japanese = await newLetter('---\nlang: ja\n---\n\n# 公開書簡\n\n');
    await typeThenAccept('date-colon-ja', '日付：');
    const wantedJa = `日付：${formatDate(today(), 'ja')}`;
    assert.match(wantedJa, /^日付：\d{4}年\d{1,2}月\d{1,2}日$/);
    await waitFor(vscode.workspace.onDidChangeTextDocument, () => lastLine(japanese) === wantedJa, wantedJa, 20_000);
  });

  test('after "To:" the addressees of the workspace’s other letters, read from disk', async () => {
    const document = await newLetter('# Open letter\n\nTo:');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      document.uri,
      new vscode.Position(2, 3),
      ':',
    );
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    // examples/open-letter-2013.letter.md, which is not open.
    assert.ok(
      labels.includes(
        'Kim Jong-un, First Secretary of the Workers’ Party of Korea, Chairman of the National Defense Commission',
      ),
      `offered: ${labels.join(' | ')}`,
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
