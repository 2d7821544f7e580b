import type { PreviewManager } from '../preview/previewManager';
import type { Command } from './commandManager';

export class ShowSource implements Command {
  readonly id = 'advocacyLetter.showSource';
  constructor(private readonly previews: PreviewManager) {}
  async execute() {
    return this.previews.activePreview?.showSource();
  }
}
