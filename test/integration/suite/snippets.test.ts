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

/**
 * Types `typed` at the end of `document` and accepts the first offer, which must have a label
 * containing `offer` when given; then waits until the letter's last line reads `wanted`.
 */
async function acceptOffer(document: vscode.TextDocument, tag: string, typed: string, wanted: string, offer?: string) {
  const offered = await typeThenAccept(tag, typed);
  if (offer !== undefined)
    assert.ok(
      offered?.some((label) => label.includes(offer)),
      `offered: ${JSON.stringify(offered)}`,
    );
  await waitFor(vscode.workspace.onDidChangeTextDocument, () => lastLine(document) === wanted, wanted, 20_000);
  await vscode.commands.executeCommand('leaveSnippet');
}

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
    await acceptOffer(document, 'signatory-dash', '-', '- Name, Role, Organization', 'Signatory entry');
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
    await acceptOffer(document, 'report-dash', '-', `- Title, Publisher, ${today().slice(0, 4)}`, 'Cited report entry');
  });

  test('"*" and a number with "." at the start of a line offer the entry too, keeping the marker', async function () {
    if (!testResultsDir) this.skip();
    this.timeout(60_000);
    const numbered = await newLetter('# Open letter\n\n## Signatories\n\n1. Hiroshi Kato, President, HRN\n');
    await acceptOffer(numbered, 'signatory-number', '2.', '2. Name, Role, Organization', 'Signatory entry');
    const starred = await newLetter('# Open letter\n\n## Signatories\n\n* Hiroshi Kato, President, HRN\n');
    await acceptOffer(starred, 'signatory-star', '*', '* Name, Role, Organization');
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
    const english = formatDate(today(), 'en');
    await acceptOffer(await newLetter('# Open letter\n\n'), 'date-colon', 'Date:', `Date: ${english}`, english);
    const reply = await newLetter('# Open letter\n\nDate: May 7, 2013\n\n');
    await acceptOffer(reply, 'reply-by-colon', 'Reply by:', `Reply by: ${english}`);
    const wantedJa = `日付：${formatDate(today(), 'ja')}`;
    assert.match(wantedJa, /^日付：\d{4}年\d{1,2}月\d{1,2}日$/);
    await acceptOffer(await newLetter('---\nlang: ja\n---\n\n# 公開書簡\n\n'), 'date-colon-ja', '日付：', wantedJa);
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
