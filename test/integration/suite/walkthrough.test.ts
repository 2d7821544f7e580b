// The walkthrough "Write your first advocacy letter" as a newcomer meets it: on the Welcome page,
// its first button opens a new letter, and the command of every step's button does its part on
// that letter, in the order of the steps.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { parseLetter } from '../../../src/core';
import { click, frameText, screenshot, testResultsDir } from '../harness/requests';
import { api, codeOf, EXTENSION_ID, waitFor, waitForDiagnostics } from './helpers';

interface Step {
  id: string;
  title: string;
  description: string;
}

/** Each step of the walkthrough with its title and the commands of its buttons, as the manifest says. */
function steps(): { id: string; title: string; commands: string[] }[] {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension);
  const nls = JSON.parse(fs.readFileSync(path.join(extension.extensionPath, 'package.nls.json'), 'utf8')) as Record<
    string,
    string
  >;
  const text = (value: string) => nls[/^%(.+)%$/.exec(value)?.[1] ?? ''] ?? value;
  const walkthrough = (extension.packageJSON as { contributes: { walkthroughs: { steps: Step[] }[] } }).contributes
    .walkthroughs[0];
  return walkthrough.steps.map((step) => ({
    id: step.id,
    title: text(step.title),
    commands: [...text(step.description).matchAll(/\]\(command:([\w.]+)\)/g)].map((m) => m[1]),
  }));
}

/** Closes every editor, the untitled letters earlier tests left without asking to save them: a clean window. */
async function closeAllEditors(): Promise<void> {
  for (const tab of vscode.window.tabGroups.all.flatMap((g) => g.tabs)) {
    if (tab.isDirty && tab.input instanceof vscode.TabInputText) {
      await vscode.window.showTextDocument(tab.input.uri, { preview: false });
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  }
  await vscode.window.tabGroups.close(vscode.window.tabGroups.all.flatMap((g) => g.tabs));
}

suite('walkthrough', () => {
  test('every button of the walkthrough runs a command the extension registered', async () => {
    await api();
    const registered = new Set(await vscode.commands.getCommands(true));
    const all = steps();
    assert.equal(all.length, 6);
    for (const step of all) {
      assert.ok(step.commands.length > 0, `${step.id} has a button`);
      for (const command of step.commands) assert.ok(registered.has(command), `${step.id}: ${command} is registered`);
    }
  });

  test('a newcomer follows the walkthrough from the Welcome page: each button does its part', async function () {
    this.timeout(120_000);
    const all = steps();
    const commandsOf = (id: string) => all.find((s) => s.id === id)?.commands ?? [];
    const letterOpened = () =>
      vscode.window.activeTextEditor?.document.languageId === 'advocacy-letter' &&
      vscode.window.activeTextEditor.document.getText().includes('## Signatories') &&
      vscode.window.activeTextEditor;
    // 1. Create a letter: the button on the Welcome page.
    if (testResultsDir) {
      await closeAllEditors();
      await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#firstLetter`, false);
      const titles = await frameText('walkthrough-steps', '.getting-started-step .step-title');
      assert.deepEqual(
        titles?.texts.map((t) => t.trim()),
        all.map((s) => s.title),
        'the Welcome page shows the six steps',
      );
      // The page beside the steps shows only when the Welcome page is wide enough: without the side bar.
      await vscode.commands.executeCommand('workbench.action.closeSidebar');
      const pageShown = async () => {
        for (let tries = 0; tries < 50; tries++) {
          const headings = await frameText('walkthrough-page', 'h1');
          if (headings?.texts.some((t) => t.trim() === 'A new letter')) return true;
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        return false;
      };
      assert.ok(await pageShown(), 'the first step shows its page, "A new letter"');
      await screenshot('walkthrough');
      await vscode.commands.executeCommand('workbench.action.focusSideBar');
      await click('walkthrough-new-letter', '.getting-started-step .monaco-button:has-text("New Letter")', 60_000);
    } else {
      for (const command of commandsOf('newLetter')) await vscode.commands.executeCommand(command);
    }
    // The letter's editor opens, then the skeleton is written into it.
    await waitFor(
      vscode.window.onDidChangeActiveTextEditor,
      () => vscode.window.activeTextEditor?.document.languageId === 'advocacy-letter',
      'the new letter',
      20_000,
    );
    const editor = await waitFor(vscode.workspace.onDidChangeTextDocument, letterOpened, 'the skeleton', 20_000);
    await vscode.commands.executeCommand('leaveSnippet');
    const document = editor.document;
    const before = parseLetter(document.getText());
    assert.equal(before.signatories.length, 1);
    assert.equal(before.reports.length, 1);
    // 2. A signatory and a report.
    for (const command of commandsOf('entries')) {
      assert.ok(await vscode.commands.executeCommand(command), command);
      await vscode.commands.executeCommand('leaveSnippet');
    }
    const filled = parseLetter(document.getText());
    assert.deepEqual([filled.signatories.length, filled.reports.length], [2, 2], 'one more of each');
    // 3. A problem and its quick fix: the year of the letter's report deleted, as the step suggests.
    const line = document
      .getText()
      .split('\n')
      .findIndex((text) => /^- Title, Publisher, \d{4}\.$/.test(text));
    assert.ok(line >= 0, document.getText());
    const undated = new vscode.WorkspaceEdit();
    undated.replace(document.uri, document.lineAt(line).range, '- Title, Publisher.');
    assert.ok(await vscode.workspace.applyEdit(undated));
    for (const command of commandsOf('quickFix')) {
      const problems = await vscode.commands.executeCommand<{ code: string }[]>(command);
      assert.ok(
        problems?.some((p) => p.code === 'report-year-missing'),
        `${command} finds the missing year: ${JSON.stringify(problems)}`,
      );
    }
    const problem = (
      await waitForDiagnostics(
        document.uri,
        (d) => d.some((x) => codeOf(x) === 'report-year-missing'),
        'the missing year in the Problems view',
      )
    ).find((d) => codeOf(d) === 'report-year-missing')!;
    const fixes =
      (await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        document.uri,
        problem.range,
      )) ?? [];
    const fix = fixes.find((a) => a.title === 'Add the year of publication');
    assert.ok(fix?.edit, `no year fix among ${fixes.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await waitFor(
      vscode.workspace.onDidChangeTextDocument,
      () => document.lineAt(line).text === '- Title, Publisher, Year.',
      'the year placeholder',
      20_000,
    );
    await vscode.commands.executeCommand('type', { text: '2026' });
    await waitForDiagnostics(
      document.uri,
      (d) => !d.some((x) => codeOf(x) === 'report-year-missing'),
      'the problem to go once the year is typed',
    );
    assert.equal(document.lineAt(line).text, '- Title, Publisher, 2026.');
    // 4. The preview, beside the letter.
    for (const command of commandsOf('preview')) await vscode.commands.executeCommand(command);
    await waitFor(
      vscode.window.tabGroups.onDidChangeTabs,
      () => vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputWebview)),
      'the preview',
      20_000,
    );
    // 5. Export: to a file given here rather than through the save dialog.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'walkthrough-'));
    const formats: Record<string, [string, RegExp]> = {
      Pdf: ['.pdf', /^%PDF-/],
      Word: ['.docx', /^PK\x03\x04/],
      Html: ['.html', /^<!DOCTYPE html>/i],
    };
    for (const command of commandsOf('export')) {
      const format = formats[/(Pdf|Word|Html)$/.exec(command)?.[1] ?? ''];
      assert.ok(format, `${command} writes a known format`);
      const [extension, head] = format;
      const target = vscode.Uri.file(path.join(dir, `letter${extension}`));
      const result = await vscode.commands.executeCommand<vscode.Uri>(command, document.uri, {
        target,
        overwrite: true,
      });
      assert.equal(result?.fsPath, target.fsPath, command);
      assert.match(fs.readFileSync(target.fsPath).subarray(0, 15).toString('latin1'), head, command);
    }
    // 6. Signatories from a spreadsheet.
    await vscode.window.showTextDocument(document);
    const csv = vscode.Uri.file(path.join(dir, 'signers.csv'));
    fs.writeFileSync(csv.fsPath, 'Name,Role,Organization\nAiko Sato,Director,Human Rights Now\n');
    for (const command of commandsOf('importSignatories')) {
      const result = await vscode.commands.executeCommand<{ applied: boolean; error?: string }>(command, {
        csv,
        confirm: true,
      });
      assert.ok(result?.applied, result?.error);
    }
    assert.ok(
      parseLetter(document.getText()).signatories.some((s) => s.name === 'Aiko Sato'),
      'the spreadsheet’s signatory is in the letter',
    );
    fs.rmSync(dir, { recursive: true, force: true });
    // The untitled letter is closed without a question, then the preview and the Welcome page.
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
