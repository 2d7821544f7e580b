// The packaged extension as users install it: `npm run test:vsix` packages advocacy-letter.vsix,
// and the harness (--vsix) installs it with `code-server --install-extension` into a fresh extensions
// folder and loads no development extension. Only then (ADVOCACY_LETTER_TEST_VSIX=1) does this
// suite assert; in the ordinary run it is skipped. The rest of the suite runs against the package too.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { codeOf, EXTENSION_ID, waitForDiagnostics, workspaceUri } from './helpers';

const packaged = process.env.ADVOCACY_LETTER_TEST_VSIX === '1';
/** Read when mocha loads the test files, before any test has opened a letter. */
const activeBeforeTests = vscode.extensions.getExtension(EXTENSION_ID)?.isActive;
/** The project folder: out/test/integration/suite/ is four levels down. */
const projectRoot = path.resolve(__dirname, '..', '..', '..', '..');

suite('the packaged extension (.vsix)', () => {
  test('is installed from the extensions folder, not loaded from the project', function () {
    if (!packaged) this.skip();
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
    const folder = extension.extensionUri.fsPath;
    const extensionsDir = process.env.ADVOCACY_LETTER_TEST_EXTENSIONS_DIR;
    assert.ok(extensionsDir, 'the harness names the extensions folder');
    assert.equal(path.dirname(folder), extensionsDir, 'the extension lives in the extensions folder');
    assert.equal(path.basename(folder), `${EXTENSION_ID}-${extension.packageJSON.version}`);
    assert.ok(
      !folder.startsWith(projectRoot + path.sep) && folder !== projectRoot,
      `loaded from the project (${folder})`,
    );
    // What was installed is the package: bundles and docs, no sources, no maps.
    for (const file of [
      'dist/extension.js',
      'dist/yaml.js',
      'dist/preview.js',
      'dist/web/extension.js',
      'docs/rules/report-year-missing.md',
      'images/icon.png',
    ]) {
      assert.ok(fs.existsSync(path.join(folder, file)), `${file} is not installed`);
    }
    assert.ok(!fs.existsSync(path.join(folder, 'src')), 'sources were installed');
    assert.ok(!fs.existsSync(path.join(folder, 'dist', 'extension.js.map')), 'source maps were installed');
  });

  test('activates when the seed letter opens, and finds its report-year-missing problem', async function () {
    if (!packaged) this.skip();
    // Nothing had opened a letter when the tests were loaded: activation is the letter's doing
    // (onLanguage:advocacy-letter), whichever test opened the first one.
    assert.equal(activeBeforeTests, false, 'the extension was active before any letter was opened');
    const uri = workspaceUri('examples', 'open-letter-2013.letter.md');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, 'advocacy-letter');
    const diagnostics = await waitForDiagnostics(
      uri,
      (d) => d.some((x) => codeOf(x) === 'report-year-missing'),
      'report-year-missing on the seed letter',
    );
    const error = diagnostics.find((d) => codeOf(d) === 'report-year-missing')!;
    assert.equal(error.message, 'Cited report 4 has no year');
    assert.equal(error.range.start.line, 16);
    // The rule page a problem links to is a file inside the installed extension.
    const target = (error.code as { target: vscode.Uri }).target;
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    assert.ok(
      target.path.startsWith(extension.extensionUri.path),
      `rule page ${target.toString()} is outside the extension`,
    );
    assert.ok(
      fs.existsSync(vscode.Uri.joinPath(extension.extensionUri, 'docs', 'rules', 'report-year-missing.md').fsPath),
    );
    assert.equal(extension.isActive, true);
  });
});
