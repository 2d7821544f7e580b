// Export for Each Addressee in VS Code, in each format it offers: the letter to three CEOs gives a
// Word, PDF and HTML file per CEO, each with its own addressee and salutation; a recipients CSV with
// a bad row still gives the other letters, and the summary names the row's line. (The palette test
// drives the dialogs; these pass the answers as options, as another extension would.)
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import mammoth from 'mammoth';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import type { ExportEachAddresseeResult } from '../../../src/extension/commands/exportEachAddressee';
import { workspaceUri } from './helpers';

const letter = () => workspaceUri('test', 'fixtures', 'each', 'three-ceos.letter.md');
const CEOS = [
  ['Jamie-Dimon', 'Jamie Dimon'],
  ['Jane-Fraser', 'Jane Fraser'],
  ['Brian-Moynihan', 'Brian Moynihan'],
];

/** The words of a written file, whatever its format. */
async function textOf(uri: vscode.Uri): Promise<string> {
  const bytes = await vscode.workspace.fs.readFile(uri);
  if (uri.path.endsWith('.docx')) return (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
  if (uri.path.endsWith('.pdf'))
    return spawnSync('pdftotext', ['-raw', '-enc', 'UTF-8', uri.fsPath, '-'], { encoding: 'utf8' }).stdout;
  return new TextDecoder().decode(bytes).replace(/<[^>]+>/g, ' ');
}

const exportEach = (options: Record<string, unknown>) =>
  vscode.commands.executeCommand<ExportEachAddresseeResult | undefined>(
    'advocacyLetter.exportEachAddressee',
    letter(),
    { recipients: null, overwrite: true, ...options },
  );

suite('Export for Each Addressee', () => {
  for (const [format, extension] of [
    ['docx', '.docx'],
    ['pdf', '.pdf'],
    ['html', '.html'],
  ]) {
    test(`a letter to three CEOs gives three ${extension} files, each to its CEO with a filled salutation`, async function () {
      if (format === 'pdf' && spawnSync('pdftotext', ['-v']).error) this.skip();
      this.timeout(120_000);
      const folder = workspaceUri('scratch', `each-${format}`);
      const result = await exportEach({ format, folder });
      assert.ok(result, 'the command answered');
      assert.deepEqual(
        result.written.map((u) => u.path.split('/').pop()),
        CEOS.map(([stem]) => stem + extension),
      );
      assert.match(result.summary, /^Wrote 3 letters into /);
      for (const [stem, name] of CEOS) {
        const text = (await textOf(vscode.Uri.joinPath(folder, stem + extension))).replace(/\s+/g, ' ');
        assert.ok(text.includes(`Dear ${name},`), `${stem}${extension}: the salutation`);
        const others = CEOS.map(([, n]) => n).filter((n) => n !== name);
        assert.ok(!others.some((o) => text.includes(o)), `${stem}${extension} names only its CEO`);
        assert.ok(!text.includes('{{'), `${stem}${extension}: no placeholder left`);
      }
    });
  }

  test('a recipients CSV with a bad row: the others get their letter, the summary names the line', async () => {
    const folder = workspaceUri('scratch', 'each-csv');
    const result = await exportEach({
      format: 'docx',
      folder,
      recipients: workspaceUri('test', 'fixtures', 'each', 'recipients.csv'),
    });
    assert.ok(result, 'the command answered');
    assert.deepEqual(
      result.written.map((u) => u.path.split('/').pop()),
      ['Jamie-Dimon.docx', 'Jane-Fraser.docx', '三毛-猫子.docx'],
    );
    assert.match(result.summary, /^Wrote 3 letters into .*\. Not written: line 4: no name\.$/);
    const dimon = await textOf(vscode.Uri.joinPath(folder, 'Jamie-Dimon.docx'));
    assert.match(dimon, /383 Madison Avenue/);
  });
});
