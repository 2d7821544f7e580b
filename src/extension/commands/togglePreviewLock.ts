import type { PreviewManager } from '../preview/previewManager';
import type { Command } from './commandManager';

export class TogglePreviewLock implements Command {
  readonly id = 'advocacyLetter.togglePreviewLock';
  constructor(private readonly previews: PreviewManager) {}
  execute() {
    this.previews.toggleLock();
    return this.previews.activePreview?.locked;
  }
}
