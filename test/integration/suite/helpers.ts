// Shared by the integration tests: open letters, wait on VS Code's events (never on sleeps).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AdvocacyLetterApi } from '../../../src/extension/extension';

export const EXTENSION_ID = 'advocacy-letter.advocacy-letter';

export async function api(): Promise<AdvocacyLetterApi> {
  const extension = vscode.extensions.getExtension<AdvocacyLetterApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded`);
  return extension.activate();
}

export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

let scratchCount = 0;

/** Writes a letter into the workspace's scratch folder and opens it in an editor. */
export async function openLetter(text: string, name = `letter-${++scratchCount}`): Promise<vscode.TextEditor> {
  const uri = workspaceUri('scratch', `${name}.letter.md`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document);
}

/** Resolves when `check` holds, re-checking on every event; fails after `timeoutMs`. */
export function waitFor<T>(
  event: vscode.Event<unknown>,
  check: () => T | undefined | false,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const first = check();
    if (first) return resolve(first);
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const subscription = event(() => {
      const value = check();
      if (value) {
        clearTimeout(timer);
        subscription.dispose();
        resolve(value);
      }
    });
  });
}

export const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

/** Waits until the letter's problems satisfy `check` (given them, sorted by line). */
export function waitForDiagnostics(
  uri: vscode.Uri,
  check: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<vscode.Diagnostic[]> {
  const current = () => {
    const diagnostics = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'advocacy-letter');
    return check(diagnostics) ? diagnostics : undefined;
  };
  return waitFor(vscode.languages.onDidChangeDiagnostics, current, what, timeoutMs);
}

/** `line:code` pairs, 1-based lines, sorted: how a writer reads the Problems view. */
export function problems(diagnostics: vscode.Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.range.start.line + 1}:${codeOf(d)}`).sort();
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('advocacyLetter').update(key, value, vscode.ConfigurationTarget.Global);
}

export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export const GOOD_LETTER = `# Open letter on the right to protest

To: Minister of Justice, Ministry of Justice

Date: May 7, 2013

We write about the reports listed below.

## Cited Reports

- World Report 2013, Human Rights Watch, 2013.
- Annual Report, Amnesty International, 2012.

## Signatories

- Hiroshi Kato, President, Life Funds for North Korean Refugees
- Kotaro Miura, Vice President, Society to Help Returnees to North Korea
`;
