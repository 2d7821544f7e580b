import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { suite, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { generateLetter } from '../../../scripts/generateLetter';
import { frameLines, frameText, screenshot } from '../harness/requests';
import { api, closeAll, GOOD_LETTER, openLetter, setSetting, waitFor, workspaceUri } from './helpers';
import type { LetterPreview } from '../../../src/extension/preview/letterPreview';

const harness = Boolean(process.env.ADVOCACY_LETTER_TEST_RESULTS);

/** Resolves when the preview has drawn `version` (or a later one) of its letter. */
function drawn(preview: LetterPreview, version: number, what = `version ${version} drawn`): Promise<boolean> {
  return waitFor(preview.onDidRender, () => preview.drawnVersion >= version, what, 20_000);
}

/** Resolves when the preview has drawn again after `count` draws. */
function redrawn(preview: LetterPreview, count: number, what: string): Promise<boolean> {
  return waitFor(preview.onDidRender, () => preview.drawCount > count, what, 20_000);
}

async function openPreview(document: vscode.TextDocument): Promise<LetterPreview> {
  // Active first: a command that activates the extension hands back a copy of its result, not the preview.
  await api();
  const preview = await vscode.commands.executeCommand<LetterPreview>('advocacyLetter.showPreviewToSide');
  await drawn(preview, document.version, 'the first render');
  return preview;
}

const texts = async (name: string, selector: string) =>
  (await frameText(name, selector))?.texts.map((t) => t.replace(/\s+/g, ' ').trim()) ?? [];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

suite('preview', () => {
  suiteTeardown(async () => {
    await vscode.workspace
      .getConfiguration('advocacyLetter.preview')
      .update('style', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace
      .getConfiguration('advocacyLetter.preview')
      .update('cover', undefined, vscode.ConfigurationTarget.Global);
    await closeAll();
  });

  test('the cover toggle puts the cover page with the totals before the letter, and takes it away', async function () {
    await closeAll();
    const document = await vscode.workspace.openTextDocument(workspaceUri('examples', 'open-letter-2013.letter.md'));
    await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    const preview = await openPreview(document);
    let count = preview.drawCount;
    const shown = await vscode.commands.executeCommand<boolean>('advocacyLetter.togglePreviewCover');
    assert.equal(shown, true);
    await redrawn(preview, count, 'the preview with its cover');
    if (harness) {
      assert.deepEqual(await texts('preview-cover', 'article.letter .letter-cover-totals'), [
        'Signed by 6 individuals from 6 organizations',
      ]);
    }
    count = preview.drawCount;
    assert.equal(await vscode.commands.executeCommand<boolean>('advocacyLetter.togglePreviewCover'), false);
    await redrawn(preview, count, 'the preview without its cover');
    if (harness) assert.deepEqual(await texts('preview-no-cover', 'article.letter .letter-cover-totals'), []);
  });

  test('opens beside the seed letter and shows its title, addressee, reports and signatories', async function () {
    await closeAll();
    const document = await vscode.workspace.openTextDocument(workspaceUri('examples', 'open-letter-2013.letter.md'));
    await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    const preview = await openPreview(document);
    assert.equal(preview.uri.toString(), document.uri.toString());
    assert.equal(preview.panel.viewColumn, vscode.ViewColumn.Two);
    if (!harness) this.skip();
    assert.deepEqual(await texts('preview-title', 'article.letter h1'), [
      'Open Letter to Kim Jong-un Urges Explanation',
    ]);
    assert.deepEqual(await texts('preview-addressee', 'article.letter .addressee-name'), ['Kim Jong-un']);
    assert.deepEqual(await texts('preview-date', 'article.letter .letter-date time'), ['May 7, 2013']);
    const reports = await texts('preview-reports', 'article.letter .letter-bibliography cite');
    assert.deepEqual(reports, [
      'North Korean Human Rights White Paper',
      'North Korean Political Prison Camps Today',
      'North Korean Prisoners Today',
      'Eyewitness Testimony',
    ]);
    const names = await texts('preview-signatories', 'article.letter .signatory-name');
    assert.deepEqual(names, [
      'Hiroshi Kato',
      'Kotaro Miura',
      'Kazuhiro Araki',
      'Takashi Fujita',
      'Hiromitsu Takemoto',
      'Tomoyuki Kawazoe',
    ]);
    assert.deepEqual(await texts('preview-count', 'article.letter .letter-signatory-count'), [
      '6 signatories from 6 organizations',
    ]);
    const incomplete = await frameText('preview-incomplete', 'article.letter li.letter-incomplete');
    assert.equal(incomplete?.texts.length, 1, 'the report without a year is marked');
  });

  test('screenshots of the seed letter in the theme and paper styles', async function () {
    if (!harness) this.skip();
    const preview = (await api()).previews.activePreview!;
    // The letter and its preview side by side, nothing else.
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await vscode.commands.executeCommand('notifications.clearAll');
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === preview.uri.toString());
    editor?.revealRange(new vscode.Range(0, 0, 0, 0), vscode.TextEditorRevealType.AtTop);
    await screenshot('preview-theme');
    const config = vscode.workspace.getConfiguration('advocacyLetter.preview');
    const before = preview.drawCount;
    await config.update('style', 'paper', vscode.ConfigurationTarget.Global);
    await redrawn(preview, before, 'the paper style');
    assert.equal(
      (await texts('preview-style-paper', 'body.letter-style-paper article.letter h1')).length,
      1,
      'the paper style is shown',
    );
    await screenshot('preview-paper');
    await config.update('style', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.view.explorer');
  });

  test('an edit shows in the preview without reloading it; latency measured on the seed letter', async function () {
    const seed = new TextDecoder().decode(
      await vscode.workspace.fs.readFile(workspaceUri('examples', 'open-letter-2013.letter.md')),
    );
    const editor = await openLetter(seed, 'preview-edit');
    const preview = await openPreview(editor.document);
    const times: number[] = [];
    // Two warm-up edits (the first renders compile the code paths), then seven measured ones.
    for (let i = -1; i <= 7; i++) {
      const start = Date.now();
      await editor.edit((e) => e.replace(editor.document.lineAt(0).range, `# Open letter, draft ${i}`));
      const version = editor.document.version;
      await waitFor(preview.onDidRender, () => preview.drawnTimes.has(version), `version ${version} drawn`, 20_000);
      // The webview stamps when it patched the page: the writer's wait, without the report's way back.
      if (i > 0) times.push(preview.drawnTimes.get(version)! - start);
    }
    console.log(`@@metric preview-update-ms seed-letter median=${median(times)} all=${times.join(',')}`);
    if (harness) assert.deepEqual(await texts('preview-edited', 'article.letter h1'), ['Open letter, draft 7']);
  });

  test('a letter of 1,000 signatories updates too; latency measured', async () => {
    const many = Array.from({ length: 1000 }, (_, i) => `- Signatory ${i} Name, Member, Organization ${i % 120}`).join(
      '\n',
    );
    const editor = await openLetter(GOOD_LETTER.replace('- Hiroshi Kato', `${many}\n- Hiroshi Kato`), 'preview-1000');
    const preview = await openPreview(editor.document);
    const times: number[] = [];
    // Two warm-up edits (the first renders compile the code paths), then seven measured ones.
    for (let i = -1; i <= 7; i++) {
      const start = Date.now();
      await editor.edit((e) => e.replace(editor.document.lineAt(0).range, `# Open letter of many, draft ${i}`));
      const version = editor.document.version;
      await waitFor(preview.onDidRender, () => preview.drawnTimes.has(version), `version ${version} drawn`, 20_000);
      if (i > 0) times.push(preview.drawnTimes.get(version)! - start);
    }
    console.log(`@@metric preview-update-ms 1000-signatories median=${median(times)} all=${times.join(',')}`);
  });

  test('a long letter: an edit in one signatory shows, a line inserted above keeps scroll sync', async function () {
    const editor = await openLetter(generateLetter(2000), 'preview-long');
    const { document } = editor;
    const preview = await openPreview(document);
    const at = document
      .getText()
      .split('\n')
      .findIndex((line) => / 1000,/.test(line));
    await editor.edit((e) => e.insert(new vscode.Position(at, 2), 'Zqlong '));
    await drawn(preview, document.version, 'the edit in signatory 1001');
    if (harness) {
      const names = await texts('preview-long-names', 'article.letter .signatory-name');
      assert.equal(names.length, 2000);
      assert.match(names[1000], /^Zqlong /);
    }
    // A line inserted above every signatory: each moves down one line, in the page as in the text.
    await editor.edit((e) => e.insert(new vscode.Position(11, 0), 'One more sentence.\n'));
    await drawn(preview, document.version, 'the inserted line');
    assert.equal(document.lineAt(at + 1).text.includes('Zqlong'), true);
    if (!harness) this.skip();
    const target = at + 1 + 500;
    editor.revealRange(new vscode.Range(target, 0, target, 0), vscode.TextEditorRevealType.AtTop);
    // The entries at the top of the preview are those at the top of the editor.
    let top = -1;
    let shown: number[] = [];
    let found: Awaited<ReturnType<typeof frameLines>>;
    const agree = () => shown.length > 0 && Math.min(...shown) <= top && top <= Math.max(...shown) + 1;
    for (let i = 0; i < 40 && !agree(); i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      found = await frameLines(`preview-long-top-${i}`, 'article.letter li[data-line]');
      shown = found?.frames[0]?.lines ?? [];
      top = editor.visibleRanges[0].start.line;
    }
    assert.ok(
      agree(),
      `the preview shows line ${top} at its top (revealed ${target}): ${JSON.stringify(found?.frames.map((f) => [f.scrollY, f.lines]))}`,
    );
    const names = await texts('preview-long-after', 'article.letter .signatory-name');
    assert.equal(names.length, 2000);
    assert.match(names[1000], /^Zqlong /);
  });

  test('a hostile letter runs nothing in the preview', async function () {
    const hostile = `---
title: "<img src=x onerror=\\"document.body.dataset.pwned='fm'\\">"
---
# <script>document.body.dataset.pwned = 'title'</script>

To: <img src=x onerror="document.body.dataset.pwned='to'">, Minister

Date: May 7, 2013

<script>document.body.dataset.pwned = 'block'</script>
<svg onload="document.body.dataset.pwned='svg'"></svg>

[click](javascript:document.body.dataset.pwned='link') <a href="javascript:alert(1)">a</a>

## Cited Reports

- <img src=x onerror="document.body.dataset.pwned='report'">, [Pub](javascript:alert(1)), 2012

## Signatories

- Jane <script>document.body.dataset.pwned='signatory'</script> Doe, Role, Org <iframe src="javascript:alert(1)"></iframe>
`;
    const editor = await openLetter(hostile, 'hostile');
    await openPreview(editor.document);
    if (!harness) this.skip();
    const pwned = await frameText('hostile-pwned', 'body[data-pwned]');
    assert.deepEqual(pwned?.texts, [], `a script ran: ${JSON.stringify(pwned?.frames)}`);
    assert.deepEqual(
      await texts(
        'hostile-script',
        'article.letter script, article.letter iframe, article.letter svg, article.letter img[onerror]',
      ),
      [],
    );
    const names = await texts('hostile-names', 'article.letter .signatory-name');
    assert.deepEqual(
      names,
      ["Jane <script>document.body.dataset.pwned='signatory'</script> Doe"],
      'the hostile text shows as text',
    );
    await screenshot('preview-hostile');
  });

  test('a locked preview stays on its letter; the other follows the active letter', async () => {
    await closeAll();
    const first = await openLetter(GOOD_LETTER, 'lock-first');
    const locked = await vscode.commands.executeCommand<LetterPreview>('advocacyLetter.showLockedPreviewToSide');
    assert.equal(locked.locked, true);
    assert.match(locked.panel.title, /^\[Locked\] /);
    const dynamic = await vscode.commands.executeCommand<LetterPreview>('advocacyLetter.showPreviewToSide');
    const second = await openLetter(GOOD_LETTER.replace('# Open letter', '# Second letter'), 'lock-second');
    await vscode.window.showTextDocument(second.document, vscode.ViewColumn.One);
    await waitFor(
      dynamic.onDidRender,
      () => dynamic.uri.toString() === second.document.uri.toString(),
      'the preview to follow',
    );
    assert.equal(locked.uri.toString(), first.document.uri.toString());
  });

  test('the panel serializer restores a preview from its saved state', async () => {
    const editor = await openLetter(GOOD_LETTER, 'restored');
    const { previews } = await api();
    const panel = vscode.window.createWebviewPanel('advocacyLetter.preview', 'Restoring', vscode.ViewColumn.Two, {});
    await previews.deserializeWebviewPanel(panel, { resource: editor.document.uri.toString(), locked: true });
    const restored = previews.all.find((p) => p.panel === panel);
    assert.ok(restored, 'the manager took the panel');
    assert.equal(restored.locked, true);
    await drawn(restored, editor.document.version, 'the restored preview');
    assert.match(panel.title, /restored\.letter\.md/);
    assert.equal(panel.webview.options.enableScripts, true);
  });

  test('Export Letter as HTML writes one standalone file with no script, and asks before replacing', async () => {
    const editor = await openLetter(GOOD_LETTER, 'export');
    const target = workspaceUri('scratch', 'export.html');
    const written = await vscode.commands.executeCommand<vscode.Uri>('advocacyLetter.exportHtml', editor.document.uri, {
      target,
      overwrite: true,
    });
    assert.equal(written?.toString(), target.toString());
    const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /<style>/);
    assert.doesNotMatch(html, /<script/i);
    assert.match(html, /Hiroshi Kato/);
    assert.match(html, /content="default-src 'none'/);
  });

  test('Export Letter as PDF holds every signatory (pdftotext)', async function () {
    if (spawnSync('pdftotext', ['-v']).error) this.skip();
    const document = await vscode.workspace.openTextDocument(workspaceUri('examples', 'open-letter-2013.letter.md'));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'letter-pdf-'));
    const target = vscode.Uri.file(path.join(dir, 'letter.pdf'));
    const written = await vscode.commands.executeCommand<vscode.Uri>('advocacyLetter.exportPdf', document.uri, {
      target,
      overwrite: true,
    });
    assert.equal(written?.fsPath, target.fsPath);
    // -raw: in content order; the default layout mode interleaves the signature block's columns.
    const text = spawnSync('pdftotext', ['-raw', target.fsPath, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    for (const name of [
      'Hiroshi Kato',
      'Kotaro Miura',
      'Kazuhiro Araki',
      'Takashi Fujita',
      'Hiromitsu Takemoto',
      'Tomoyuki Kawazoe',
    ]) {
      assert.ok(text.includes(name), `${name} is not in the PDF`);
    }
    assert.ok(text.includes('Kanagawa Association for the Rescue of Japanese Kidnapped by North Korea'));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('Export Letter as Word writes the letter in the house style of advocacyLetter.export.docxTemplate', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceUri('examples', 'open-letter-2013.letter.md'));
    const template = await Packer.pack(
      new Document({
        styles: { paragraphStyles: [{ id: 'Title', name: 'Title', run: { font: 'House Sans', size: 52 } }] },
        sections: [{ children: [new Paragraph('house style')] }],
      }),
      'uint8array',
    );
    await vscode.workspace.fs.writeFile(workspaceUri('scratch', 'house.docx'), template);
    await vscode.workspace.fs.writeFile(workspaceUri('scratch', 'not-word.docx'), new TextEncoder().encode('text'));
    const target = workspaceUri('scratch', 'export.docx');
    const exportWord = () =>
      vscode.commands.executeCommand<vscode.Uri | undefined>('advocacyLetter.exportWord', document.uri, {
        target,
        overwrite: true,
      });
    try {
      // A path relative to the workspace folder, as a coalition shares its template in the repository.
      await setSetting('export.docxTemplate', 'scratch/house.docx');
      assert.equal((await exportWord())?.toString(), target.toString());
      const bytes = await vscode.workspace.fs.readFile(target);
      const styles = strFromU8(unzipSync(bytes, { filter: (f) => f.name === 'word/styles.xml' })['word/styles.xml']);
      assert.match(styles, /w:styleId="Title"[^]*?House Sans/);
      const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
      assert.match(value, /Tomoyuki Kawazoe, Representative, Kanagawa Association/);
      // A template that is not a Word document: an error, and the file there is left as it was.
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode('a partner’s comments'));
      await setSetting('export.docxTemplate', 'scratch/not-word.docx');
      assert.equal(await exportWord(), undefined);
      assert.equal(fs.readFileSync(target.fsPath, 'utf8'), 'a partner’s comments', 'the file is untouched');
      assert.deepEqual(
        fs.readdirSync(path.dirname(target.fsPath)).filter((f) => f.includes('.tmp-')),
        [],
        'no temporary file left',
      );
    } finally {
      await setSetting('export.docxTemplate', undefined);
    }
  });
});

suite('one parse per version', () => {
  test('diagnostics, preview, outline, folding, hover, completion, code actions and the status bar share one parse of each version', async () => {
    const { documents, diagnostics, statusBar } = await api();
    const editor = await openLetter(GOOD_LETTER, 'parse-once');
    const { document } = editor;
    const preview = await vscode.commands.executeCommand<LetterPreview>('advocacyLetter.showPreviewToSide');
    await drawn(preview, document.version, 'the first render');
    const before = documents.parseCount;
    let rechecked = false;
    const listening = diagnostics.onDidUpdate((uri) => {
      if (uri.toString() === document.uri.toString()) rechecked = true;
    });
    await editor.edit((e) => e.insert(new vscode.Position(0, 2), 'Draft: '));
    const version = document.version;
    await Promise.all([
      drawn(preview, version, 'the preview of the edit'),
      waitFor(diagnostics.onDidUpdate, () => rechecked, 'the re-check'),
    ]);
    listening.dispose();
    const at = new vscode.Position(14, 4);
    await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', document.uri);
    await vscode.commands.executeCommand('vscode.executeFoldingRangeProvider', document.uri);
    await vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, at);
    await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', document.uri, at);
    await vscode.commands.executeCommand('vscode.executeCodeActionProvider', document.uri, new vscode.Range(at, at));
    statusBar.update();
    assert.equal(document.version, version, 'nothing else edited the letter');
    assert.equal(documents.parseCount - before, 1, 'the edited version was parsed more than once');
    // Saved, so that closing it later asks nothing: a pending "Save changes?" blocks later suites' webviews.
    await document.save();
  });
});
