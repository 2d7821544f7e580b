// Commands as a writer finds them: typed into the command palette and run from there, in the
// browser workbench (code-server) where the PDF export was once hidden by `!isWeb`; the Word
// export's document read back by mammoth, as another word processor would read it.
import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import mammoth from 'mammoth';
import * as vscode from 'vscode';
import { acceptDialog, click, palette, quickPick, testResultsDir } from '../harness/requests';
import { waitFor, workspaceUri } from './helpers';

async function openExample(): Promise<vscode.Uri> {
  const uri = workspaceUri('examples', 'open-letter-2013.letter.md');
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  return uri;
}

suite('the command palette', () => {
  test('Export Letter as PDF is offered and runs from the palette', async function () {
    if (!testResultsDir) this.skip();
    this.timeout(120_000);
    await openExample();
    const pdf = workspaceUri('examples', 'open-letter-2013.pdf');
    await vscode.workspace.fs.delete(pdf).then(undefined, () => undefined);
    const watcher = vscode.workspace.createFileSystemWatcher(
      new vscode.RelativePattern(workspaceUri('examples'), '*.pdf'),
    );
    let written = false;
    watcher.onDidCreate((uri) => {
      if (uri.path.endsWith('/open-letter-2013.pdf')) written = true;
    });
    try {
      const found = await palette('export-pdf', 'Advocacy Letter: Export Letter as PDF');
      assert.ok(found?.ran, `not offered in the palette; it offered: ${found?.labels.join(' | ')}`);
      const dialog = await acceptDialog('export-pdf-save', '.pdf');
      assert.match(dialog?.value ?? '', /open-letter-2013\.pdf$/, 'the save dialog proposes the letter’s name');
      await waitFor(watcher.onDidCreate, () => written, 'the PDF', 60_000);
      const bytes = await vscode.workspace.fs.readFile(pdf);
      assert.equal(new TextDecoder().decode(bytes.subarray(0, 5)), '%PDF-');
    } finally {
      watcher.dispose();
    }
  });

  test('Export Letter as Word is offered, runs from the palette, and writes a document Word readers read', async function () {
    if (!testResultsDir) this.skip();
    this.timeout(120_000);
    await openExample();
    const docx = workspaceUri('examples', 'open-letter-2013.docx');
    await vscode.workspace.fs.delete(docx).then(undefined, () => undefined);
    const watcher = vscode.workspace.createFileSystemWatcher(
      new vscode.RelativePattern(workspaceUri('examples'), '*.docx'),
    );
    let written = false;
    watcher.onDidCreate((uri) => {
      if (uri.path.endsWith('/open-letter-2013.docx')) written = true;
    });
    try {
      const found = await palette('export-word', 'Advocacy Letter: Export Letter as Word');
      assert.ok(found?.ran, `not offered in the palette; it offered: ${found?.labels.join(' | ')}`);
      const dialog = await acceptDialog('export-word-save', '.docx');
      assert.match(dialog?.value ?? '', /open-letter-2013\.docx$/, 'the save dialog proposes the letter’s name');
      await waitFor(watcher.onDidCreate, () => written, 'the Word document', 60_000);
      const bytes = await vscode.workspace.fs.readFile(docx);
      const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
      assert.match(
        value,
        /Kim Jong-un\s+First Secretary of the Workers’ Party of Korea\s+Chairman of the National Defense Commission/,
      );
      assert.match(value, /Hiroshi Kato, President, Life Funds for North Korean Refugees/);
    } finally {
      watcher.dispose();
      await vscode.workspace.fs.delete(docx).then(undefined, () => undefined);
    }
  });

  test('Export Letter as Word from the palette asks before replacing a file: Cancel keeps it, OK replaces it', async function () {
    if (!testResultsDir) this.skip();
    this.timeout(120_000);
    await openExample();
    const docx = workspaceUri('examples', 'open-letter-2013.docx');
    await vscode.workspace.fs.writeFile(docx, new TextEncoder().encode('a partner’s comments'));
    const content = async () => new TextDecoder().decode(await vscode.workspace.fs.readFile(docx));
    // The workbench's save dialog asks, as a quick input titled with the question (a browser
    // workbench's dialog; a desktop one asks in the system's dialog).
    const question = '.quick-input-widget .quick-input-title:has-text("already exists")';
    try {
      const found = await palette('replace-word', 'Advocacy Letter: Export Letter as Word');
      assert.ok(found?.ran, `not offered in the palette; it offered: ${found?.labels.join(' | ')}`);
      await acceptDialog('replace-word-save', 'open-letter-2013.docx');
      assert.match((await click('replace-word-asked', question)) ?? '', /open-letter-2013\.docx already exists/);
      await click('replace-word-cancel', '.quick-input-widget .monaco-button:has-text("Cancel")');
      await new Promise((resolve) => setTimeout(resolve, 1000));
      assert.equal(await content(), 'a partner’s comments', 'Cancel: the file is as it was');
      // The dialog is back; saved again, asked again, and this time replaced.
      await acceptDialog('replace-word-save-again', 'open-letter-2013.docx');
      await click('replace-word-asked-again', question);
      await acceptDialog('replace-word-ok', 'open-letter-2013.docx');
      // Replacing renames the new file over the old one, which VS Code's disk provider does by
      // deleting the old one first: for a moment there is no file.
      const deadline = Date.now() + 30_000;
      const replaced = async () => (await content().catch(() => 'a partner’s comments')) !== 'a partner’s comments';
      while (!(await replaced()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
      const { value } = await mammoth.extractRawText({ buffer: Buffer.from(await vscode.workspace.fs.readFile(docx)) });
      assert.match(value, /Hiroshi Kato, President, Life Funds for North Korean Refugees/);
    } finally {
      await vscode.workspace.fs.delete(docx).then(undefined, () => undefined);
    }
  });

  test('Copy Letter as Plain Text is offered and puts the letter on the clipboard', async function () {
    if (!testResultsDir) this.skip();
    this.timeout(60_000);
    await openExample();
    await vscode.env.clipboard.writeText('');
    const found = await palette('copy-plain-text', 'Advocacy Letter: Copy Letter as Plain Text');
    assert.ok(found?.ran, `not offered in the palette; it offered: ${found?.labels.join(' | ')}`);
    let copied = '';
    const deadline = Date.now() + 15_000;
    while (!copied.includes('Hiroshi Kato, President, Life Funds for North Korean Refugees') && Date.now() < deadline) {
      copied = await vscode.env.clipboard.readText();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.match(copied, /Hiroshi Kato, President, Life Funds for North Korean Refugees/);
    assert.doesNotMatch(copied, /^#|\*/m, 'no markup');
  });

  test('Export for Each Addressee: a letter to three CEOs gives three files from the palette', async function () {
    if (!testResultsDir) this.skip();
    this.timeout(120_000);
    const folder = workspaceUri('test', 'fixtures', 'each');
    const letter = vscode.Uri.joinPath(folder, 'three-ceos.letter.md');
    const names = ['Jamie-Dimon.html', 'Jane-Fraser.html', 'Brian-Moynihan.html'];
    for (const name of names)
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder, name)).then(undefined, () => undefined);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(letter));
    const found = await palette('each-addressee', 'Advocacy Letter: Export for Each Addressee');
    assert.ok(found?.ran, `not offered in the palette; it offered: ${found?.labels.join(' | ')}`);
    const formats = await quickPick('each-format', 'HTML');
    assert.ok(
      formats?.labels.some((l) => l.includes('PDF')),
      'PDF is offered on the Node host',
    );
    await quickPick('each-recipients', '(3)');
    await acceptDialog('each-folder', 'each/');
    const written = async () =>
      (
        await Promise.all(
          names.map((n) =>
            vscode.workspace.fs.stat(vscode.Uri.joinPath(folder, n)).then(
              () => 1,
              () => 0,
            ),
          ),
        )
      ).reduce((a: number, b: number) => a + b, 0);
    const deadline = Date.now() + 30_000;
    while ((await written()) < 3 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(await written(), 3, 'three files');
    const jane = new TextDecoder().decode(
      await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'Jane-Fraser.html')),
    );
    assert.match(jane, /Dear Jane Fraser,/);
    assert.doesNotMatch(jane, /Jamie Dimon|Brian Moynihan/);
  });
});
