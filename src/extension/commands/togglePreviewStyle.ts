import * as vscode from 'vscode';
import type { Command } from './commandManager';

export class TogglePreviewStyle implements Command {
  readonly id = 'advocacyLetter.togglePreviewStyle';
  async execute() {
    const config = vscode.workspace.getConfiguration('advocacyLetter.preview');
    const next = config.get<string>('style') === 'paper' ? 'theme' : 'paper';
    await config.update('style', next, vscode.ConfigurationTarget.Global);
    return next;
  }
}
