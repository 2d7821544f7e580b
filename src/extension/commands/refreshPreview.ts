import type { PreviewManager } from '../preview/previewManager';
import type { Command } from './commandManager';

export class RefreshPreview implements Command {
  readonly id = 'advocacyLetter.refreshPreview';
  constructor(private readonly previews: PreviewManager) {}
  async execute() {
    await Promise.all(this.previews.all.map((p) => p.refresh()));
  }
}
