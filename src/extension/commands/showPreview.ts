import type { PreviewManager } from '../preview/previewManager';
import type { Command } from './commandManager';
import { letterUri, noLetter } from './shared';

/** Open Preview, Open Preview to the Side and Open Locked Preview to the Side: one class, told apart by `options`. */
export class ShowPreview implements Command {
  constructor(
    readonly id: string,
    private readonly previews: PreviewManager,
    private readonly options: { toSide: boolean; locked: boolean },
  ) {}
  async execute(argument?: unknown) {
    const uri = letterUri(this.previews, argument);
    return uri ? this.previews.show(uri, this.options) : noLetter();
  }
}
