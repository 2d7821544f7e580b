// Files written through `vscode.workspace.fs` (so virtual workspaces and the web work too).
import * as vscode from 'vscode';

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Writes beside the target and renames, so that a failure leaves the target as it was. */
export async function writeAtomically(target: vscode.Uri, bytes: Uint8Array): Promise<void> {
  const temporary = target.with({
    path: `${target.path}.tmp-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`,
  });
  try {
    await vscode.workspace.fs.writeFile(temporary, bytes);
    await vscode.workspace.fs.rename(temporary, target, { overwrite: true });
  } catch (error) {
    await vscode.workspace.fs.delete(temporary).then(undefined, () => undefined);
    throw error;
  }
}
