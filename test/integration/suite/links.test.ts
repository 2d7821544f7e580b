// Check Report Links as a writer runs it: from the command palette, against a web site this test
// starts on 127.0.0.1 (no network); the broken link shows in the Problems view with its status, with a
// Wayback Machine quick fix, and stays while the writer types elsewhere.
import * as assert from 'node:assert/strict';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { palette, testResultsDir } from '../harness/requests';
import { startLinkSite, type LinkSite } from '../../unit/support/linkServer';
import { api, closeAll, codeOf, openLetter, setSetting, waitFor, waitForDiagnostics } from './helpers';

function letter(reports: string[]): string {
  return [
    '# Open Letter on Report Links',
    '',
    'To: Jane Doe, Minister of Justice',
    '',
    'Date: May 7, 2013',
    '',
    'We write about the reports listed below.',
    '',
    '## Cited Reports',
    '',
    ...reports.map((url, i) => `- [Report ${i + 1}](${url}), Human Rights Watch, 2012.`),
    '',
    '## Signatories',
    '',
    '- Hiroshi Kato, President, Life Funds for North Korean Refugees',
    '',
  ].join('\n');
}

/** `--web`: the extension runs in the web worker host, these tests in the Node host (see web.test.ts). */
const web = process.env.ADVOCACY_LETTER_TEST_WEB === '1';

const linkProblems = (uri: vscode.Uri) =>
  vscode.languages.getDiagnostics(uri).filter((d) => codeOf(d) === 'report-url-unreachable');

suite('Check Report Links', () => {
  let site: LinkSite;
  let origin: string;

  suiteSetup(async function () {
    if (web) this.skip();
    site = await startLinkSite();
    origin = site.origins[0];
  });
  suiteTeardown(async () => {
    await closeAll();
    await site?.close();
  });

  test('run from the palette, it shows the broken link with its status and a Wayback Machine fix', async function () {
    if (!testResultsDir) this.skip();
    this.timeout(120_000);
    const editor = await openLetter(letter([`${origin}/ok`, `${origin}/missing`, `${origin}/no-head`]), 'report-links');
    const uri = editor.document.uri;
    // Opening, typing and saving (checkOnSave is off by default) never contact a site.
    await waitForDiagnostics(uri, () => true, 'the letter checked');
    assert.equal(vscode.workspace.getConfiguration('advocacyLetter').get('links.checkOnSave'), false);
    await editor.edit((b) => b.insert(new vscode.Position(6, 0), 'We look forward to your answer. '));
    assert.ok(await editor.document.save());
    // A check on save would have asked the site at once (as the checkOnSave test shows): give it time to.
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.deepEqual(site.stats.requests, []);

    const found = await palette('check-report-links', 'Advocacy Letter: Check Report Links');
    assert.ok(found?.ran, `not offered in the palette; it offered: ${found?.labels.join(' | ')}`);
    await waitForDiagnostics(uri, () => linkProblems(uri).length > 0, 'the link problem', 30_000);
    const [problem, ...others] = linkProblems(uri);
    assert.deepEqual(others, []);
    assert.equal(
      problem.message,
      `Cited report 2 links to ${origin}/missing, which cannot be reached: HTTP 404 Not Found`,
    );
    assert.equal(problem.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(problem.range.start.line, 11);

    const actions =
      (await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        problem.range,
      )) ?? [];
    const wayback = actions.find((a) => a.title === 'Look up in the Wayback Machine');
    assert.ok(wayback, `offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.deepEqual(wayback.command?.arguments, [`${origin}/missing`]);

    // Typing elsewhere keeps it; a line added above moves it; editing its line takes it away.
    const links = (await api()).links;
    await editor.edit((b) => b.insert(new vscode.Position(6, 0), 'We ask for an answer.\n\n'));
    await waitFor(links.onDidUpdate, () => linkProblems(uri)[0]?.range.start.line === 13, 'the problem moved');
    await editor.edit((b) => b.insert(new vscode.Position(13, 4), 'Old '));
    await waitFor(links.onDidUpdate, () => linkProblems(uri).length === 0, 'the problem gone with its line');
  });

  test('with checkOnSave on, saving the letter checks its links', async function () {
    this.timeout(60_000);
    await setSetting('links.checkOnSave', true);
    try {
      const editor = await openLetter(letter([`${origin}/gone`, `${origin}/moved`]), 'report-links-on-save');
      const uri = editor.document.uri;
      await editor.edit((b) => b.insert(new vscode.Position(0, 0), '\n'));
      await editor.document.save();
      await waitForDiagnostics(uri, () => linkProblems(uri).length > 0, 'the link problem after saving', 30_000);
      assert.deepEqual(
        linkProblems(uri).map((d) => `${d.range.start.line + 1} ${d.message}`),
        [`12 Cited report 1 links to ${origin}/gone, which cannot be reached: HTTP 410 Gone`],
      );
    } finally {
      await setSetting('links.checkOnSave', undefined);
    }
  });
});

suite('Check Report Links in the web extension', () => {
  let site: LinkSite;
  let origin: string;

  suiteSetup(async function () {
    if (!web) this.skip();
    site = await startLinkSite();
    origin = site.origins[0];
  });
  suiteTeardown(async () => {
    if (!web) return;
    await closeAll();
    await site?.close();
  });

  test('a site that refuses cross-origin requests is "not checked here"; one that allows them is checked', async function () {
    this.timeout(120_000);
    const editor = await openLetter(letter([`${origin}/cors`, `${origin}/cors-missing`, `${origin}/ok`]), 'web-links');
    const uri = editor.document.uri;
    // The copy of the extension the web host loads shows its titles unlocalized in code-server's palette: run it by id.
    await vscode.commands.executeCommand('advocacyLetter.checkReportLinks');
    await waitForDiagnostics(uri, () => linkProblems(uri).length === 2, 'the link problems', 30_000);
    assert.deepEqual(
      linkProblems(uri).map((d) => `${d.range.start.line + 1} ${vscode.DiagnosticSeverity[d.severity]} ${d.message}`),
      [
        `12 Warning Cited report 2 links to ${origin}/cors-missing, which cannot be reached: HTTP 404 Not Found`,
        `13 Information Cited report 3 links to ${origin}/ok, not checked here: the site does not answer requests from a web editor (cross-origin)`,
      ],
    );
  });
});
