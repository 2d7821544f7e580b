import * as assert from 'node:assert/strict';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { frameText } from '../harness/requests';
import type { LetterPreview } from '../../../src/extension/preview/letterPreview';
import type { PreviewPair } from '../../../src/extension/preview/previewPair';
import { api, closeAll, codeOf, waitFor, waitForDiagnostics, workspaceUri } from './helpers';

const harness = Boolean(process.env.ADVOCACY_LETTER_TEST_RESULTS);
const decoder = new TextDecoder();
const encoder = new TextEncoder();
const read = async (uri: vscode.Uri) => decoder.decode(await vscode.workspace.fs.readFile(uri));
const lineOf = (text: string, start: string) => text.split('\n').findIndex((line) => line.startsWith(start));
const mismatches = (diagnostics: vscode.Diagnostic[]) =>
  diagnostics.filter((d) => codeOf(d) === 'translation-mismatch');

const en = workspaceUri('translations', 'open-letter-2013.letter.md');
const ja = workspaceUri('translations', 'open-letter-2013.ja.letter.md');
let english = '';
let japanese = '';
let withoutFujita = '';

suite('translation pairs', () => {
  suiteSetup(async () => {
    await closeAll();
    english = await read(workspaceUri('examples', 'open-letter-2013.letter.md'));
    japanese = await read(workspaceUri('test', 'fixtures', 'translations', 'open-letter-2013.ja.letter.md'));
    withoutFujita = japanese.replace(/^- 藤田隆司.*\n/m, '');
    await vscode.workspace.fs.writeFile(en, encoder.encode(english));
    await vscode.workspace.fs.writeFile(ja, encoder.encode(japanese));
  });

  suiteTeardown(() => closeAll());

  test('the letter shows the mismatch when its translation, not open, changes on disk', async () => {
    const { translations } = await api();
    const document = await vscode.workspace.openTextDocument(en);
    await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    assert.equal((await translations.ready(document))?.toString(), ja.toString());
    // A complete translation: the letter's own problem only (report 4 has no year).
    await waitForDiagnostics(
      en,
      (d) => d.some((x) => codeOf(x) === 'report-year-missing') && mismatches(d).length === 0,
      'the letter checked, in step with its translation',
    );

    await vscode.workspace.fs.writeFile(ja, encoder.encode(withoutFujita));
    const diagnostics = await waitForDiagnostics(
      en,
      (d) => mismatches(d).some((x) => x.message === 'Signatories: 6 here, 5 in open-letter-2013.ja.letter.md'),
      'translation-mismatch after the translation lost a signatory',
    );
    const [problem, ...more] = mismatches(diagnostics);
    assert.deepEqual(more, []);
    assert.equal(problem.message, 'Signatories: 6 here, 5 in open-letter-2013.ja.letter.md');
    assert.equal(problem.range.start.line, lineOf(english, '## Signatories'));
    assert.equal(problem.severity, vscode.DiagnosticSeverity.Warning);
    const related = problem.relatedInformation ?? [];
    assert.deepEqual(
      related.map((r) => [r.location.uri.toString(), r.location.range.start.line]),
      [[ja.toString(), lineOf(withoutFujita, '## 署名者')]],
    );
  });

  test('its quick fix opens the translation at that line, where the same problem shows the other way', async () => {
    const problem = mismatches(vscode.languages.getDiagnostics(en))[0];
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      en,
      problem.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const line = lineOf(withoutFujita, '## 署名者');
    const open = actions.find((a) => a.title === `Open open-letter-2013.ja.letter.md at line ${line + 1}`);
    assert.ok(open?.command, `no quick fix opening the translation among ${actions.map((a) => a.title).join(' | ')}`);
    await vscode.commands.executeCommand(open.command.command, ...(open.command.arguments ?? []));
    const editor = await waitFor(
      vscode.window.onDidChangeActiveTextEditor,
      () => {
        const active = vscode.window.activeTextEditor;
        return active?.document.uri.toString() === ja.toString() && active;
      },
      'the translation in an editor',
    );
    assert.equal(editor.selection.active.line, line);
    const theirs = await waitForDiagnostics(ja, (d) => mismatches(d).length > 0, 'the mismatch in the translation');
    assert.deepEqual(
      mismatches(theirs).map((d) => d.message),
      ['Signatories: 5 here, 6 in open-letter-2013.letter.md'],
    );
  });

  test('typed into the open translation, unsaved, a change reaches the letter', async () => {
    // One more signatory deleted in the translation: the letter's problem says so, unsaved.
    const at = lineOf(withoutFujita, '- 竹本博光');
    const takemoto = withoutFujita.split('\n')[at];
    const removal = new vscode.WorkspaceEdit();
    removal.delete(ja, new vscode.Range(at, 0, at + 1, 0));
    assert.ok(await vscode.workspace.applyEdit(removal));
    const after = await waitForDiagnostics(
      en,
      (d) => mismatches(d).some((x) => x.message === 'Signatories: 6 here, 4 in open-letter-2013.ja.letter.md'),
      'the mismatch in the letter after a signatory was deleted in the open translation',
    );
    assert.equal(mismatches(after).length, 1);
    // Both back: no mismatch on either side.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(ja, new vscode.Position(at, 0), `- 藤田隆司、事務局長、拉致問題を考える川口の会\n${takemoto}\n`);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitForDiagnostics(en, (d) => mismatches(d).length === 0, 'no mismatch once the signatory is back');
    await waitForDiagnostics(ja, (d) => mismatches(d).length === 0, 'none in the translation either');
    assert.ok(await (await vscode.workspace.openTextDocument(ja)).save());
  });

  test('Compare with Translation opens both previews side by side, scrolled together', async function () {
    const { previews } = await api();
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(en), vscode.ViewColumn.One);
    const pair = await vscode.commands.executeCommand<PreviewPair>('advocacyLetter.compareWithTranslation');
    const drawn = (preview: LetterPreview) =>
      waitFor(preview.onDidRender, () => preview.drawnVersion >= 0, `${preview.uri.path} drawn`, 20_000);
    try {
      await Promise.all([drawn(pair.left), drawn(pair.right)]);
    } catch (error) {
      // Says which preview did not draw, and in what state it and the others were.
      const state = (p: LetterPreview) => ({
        uri: p.uri.path,
        drawn: p.drawnVersion,
        visible: p.panel.visible,
        column: p.panel.viewColumn,
      });
      throw new Error(`${(error as Error).message}; previews: ${JSON.stringify(previews.all.map(state))}`, {
        cause: error,
      });
    }
    assert.deepEqual(
      [pair.left, pair.right].map((p) => [p.uri.toString(), p.panel.viewColumn, p.locked]),
      [
        [en.toString(), vscode.ViewColumn.One, true],
        [ja.toString(), vscode.ViewColumn.Two, true],
      ],
    );
    assert.ok(previews.comparisons.includes(pair));
    // The English preview scrolls into its signatories: the Japanese one is sent to its own.
    const japaneseNow = (await vscode.workspace.openTextDocument(ja)).getText();
    assert.equal(
      await pair.follow(pair.left, pair.right, lineOf(english, '* Kotaro Miura')),
      lineOf(japaneseNow, '## 署名者'),
    );
    // Further down the same section: the other preview stays where the reader put it.
    assert.equal(await pair.follow(pair.left, pair.right, lineOf(english, '* Tomoyuki Kawazoe')), undefined);
    if (!harness) this.skip();
    const titles = (await frameText('compare-titles', 'article.letter h1'))?.texts.map((t) => t.trim()) ?? [];
    assert.ok(titles.includes('Open Letter to Kim Jong-un Urges Explanation'), titles.join(' | '));
    assert.ok(titles.includes('金正恩氏に説明を求める公開書簡'), titles.join(' | '));
  });

  test('Validate All Letters compares letters that are not open with their translations', async () => {
    await closeAll();
    await vscode.workspace.fs.writeFile(ja, encoder.encode(withoutFujita));
    await vscode.commands.executeCommand('advocacyLetter.validateWorkspace');
    const inEnglish = mismatches(vscode.languages.getDiagnostics(en)).map((d) => d.message);
    assert.deepEqual(inEnglish, ['Signatories: 6 here, 5 in open-letter-2013.ja.letter.md']);
  });

  test('a translation-of naming no letter is marked, until the letter it names appears', async () => {
    const kokai = workspaceUri('translations-named', 'kokai-shokan.letter.md');
    const original = workspaceUri('translations-named', 'open-letter.letter.md');
    const named = japanese.replace('lang: ja\n', 'lang: ja\ntranslation-of: ./open-letter.letter.md\n');
    await vscode.workspace.fs.writeFile(kokai, encoder.encode(named));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(kokai));
    const [problem, ...more] = mismatches(
      await waitForDiagnostics(kokai, (d) => mismatches(d).length > 0, 'the translation-of line marked'),
    );
    assert.deepEqual(more, []);
    assert.equal(
      problem.message,
      'translation-of names ./open-letter.letter.md, but no other letter is there: no translation is compared',
    );
    assert.equal(problem.range.start.line, lineOf(named, 'translation-of:'));
    // The English written there, a signatory short: compared at once.
    await vscode.workspace.fs.writeFile(original, encoder.encode(english.replace(/^\* Tomoyuki Kawazoe.*\n.*\n/m, '')));
    const compared = await waitForDiagnostics(
      kokai,
      (d) => mismatches(d).some((x) => x.message.startsWith('Signatories:')),
      'the letter compared with the one its translation-of names',
    );
    assert.deepEqual(
      mismatches(compared).map((d) => d.message),
      ['Signatories: 6 here, 5 in open-letter.letter.md'],
    );
  });
});
