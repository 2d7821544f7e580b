// Completion: the engine's answer (src/core/completions.ts) as VS Code items, and the addressees of
// the workspace's other letters, read once and kept up to date by a file watcher.
import * as vscode from 'vscode';
import { addresseesOf, completionsAt, completionTriggers, mayOffer, readLetter, type Completion } from '../core';
import { Disposable } from './disposable';
import { isLetter, type LetterDocuments } from './letterDocuments';
import { fromPosition, toRange } from './typeConverters';

const LETTERS = '**/*.letter.md';
/** Letters read for their addressees at most: a workspace of thousands is sampled, not read whole. */
const MAX_LETTERS = 500;

/** The addressees of every letter on disk in the workspace, by file; read on first use, then watched. */
export class WorkspaceAddressees extends Disposable {
  private byFile: Map<string, string[]> | undefined;
  private reading: Promise<Map<string, string[]>> | undefined;
  private readonly decoder = new TextDecoder('utf-8');

  constructor(private readonly documents: LetterDocuments) {
    super();
    const watcher = this.register(vscode.workspace.createFileSystemWatcher(LETTERS));
    const reread = (uri: vscode.Uri) => void this.readOne(uri);
    this.register(watcher.onDidCreate(reread));
    this.register(watcher.onDidChange(reread));
    this.register(watcher.onDidDelete((uri) => this.byFile?.delete(uri.toString())));
  }

  private async readOne(uri: vscode.Uri, into = this.byFile): Promise<void> {
    if (!into) return;
    try {
      const text = this.decoder.decode(await vscode.workspace.fs.readFile(uri)).replace(/^\uFEFF/, '');
      into.set(uri.toString(), addresseesOf(readLetter(text, this.documents.parseOptions(uri)).letter));
    } catch {
      into.delete(uri.toString());
    }
  }

  /** Whether the letters on disk were read (`load`). */
  get loaded(): boolean {
    return this.byFile !== undefined;
  }

  /** Reads the letters on disk, once; later changes come through the watcher. */
  load(): Promise<Map<string, string[]>> {
    this.reading ??= (async () => {
      const byFile = new Map<string, string[]>();
      const uris = await vscode.workspace.findFiles(LETTERS, '**/node_modules/**', MAX_LETTERS);
      await Promise.all(uris.map((uri) => this.readOne(uri, byFile)));
      this.byFile = byFile;
      return byFile;
    })();
    return this.reading;
  }

  /** The addressees of the letters other than `except`: open ones as they are in the editor, others as read from disk. */
  others(except: vscode.Uri): string[] {
    const byFile = new Map(this.byFile);
    for (const document of vscode.workspace.textDocuments) {
      if (isLetter(document)) byFile.set(document.uri.toString(), addresseesOf(this.documents.letter(document)));
    }
    byFile.delete(except.toString());
    return [...byFile.values()].flat();
  }
}

/** Today in the writer's own time zone, `YYYY-MM-DD`. */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export class LetterCompletion implements vscode.CompletionItemProvider {
  static readonly triggerCharacters: readonly string[] = completionTriggers;

  constructor(
    private readonly documents: LetterDocuments,
    private readonly addressees: WorkspaceAddressees,
  ) {}

  async provideCompletionItems(
    document: vscode.TextDocument,
    position: vscode.Position,
    _token: vscode.CancellationToken,
    trigger: vscode.CompletionContext,
  ): Promise<vscode.CompletionItem[]> {
    const triggerCharacter =
      trigger.triggerKind === vscode.CompletionTriggerKind.Invoke ? undefined : trigger.triggerCharacter;
    // Read the letter only when the line says an offer may follow (a `.` in prose is not a list marker).
    if (!mayOffer(document.lineAt(position.line).text, position.character, triggerCharacter)) return [];
    const letter = this.documents.letter(document);
    const at = fromPosition(position);
    // The other letters are read only when the engine asks for them: in an addressee field.
    let asked = false;
    const addressees = () => {
      asked = true;
      return this.addressees.others(document.uri);
    };
    const context = { today: today(), triggerCharacter, displayLanguage: vscode.env.language, addressees };
    let found = completionsAt(letter, at, context);
    if (asked && !this.addressees.loaded) {
      await this.addressees.load();
      found = completionsAt(letter, at, context);
    }
    return found.map((completion, i) => {
      const item = toItem(completion);
      item.sortText = String(i).padStart(5, '0');
      item.preselect = i === 0;
      return item;
    });
  }
}

function toItem(completion: Completion): vscode.CompletionItem {
  const range = toRange(completion.range);
  switch (completion.kind) {
    case 'entry': {
      const label =
        completion.entry === 'reports' ? vscode.l10n.t('Cited report entry') : vscode.l10n.t('Signatory entry');
      const item = new vscode.CompletionItem(label, vscode.CompletionItemKind.Snippet);
      item.insertText = new vscode.SnippetString(completion.snippet);
      item.filterText = completion.filterText;
      item.range = range;
      item.detail =
        completion.entry === 'reports'
          ? vscode.l10n.t('Title, publisher, year')
          : vscode.l10n.t('Name, role, organization');
      item.documentation = new vscode.MarkdownString().appendCodeblock(completion.snippet, 'markdown');
      return item;
    }
    case 'skeleton': {
      const item = new vscode.CompletionItem(
        completion.lang === 'ja'
          ? vscode.l10n.t('Letter skeleton (Japanese)')
          : vscode.l10n.t('Letter skeleton (English)'),
        vscode.CompletionItemKind.Snippet,
      );
      item.detail = vscode.l10n.t('A whole letter: addressee, date, body, cited reports, signatories');
      // Dated by the engine (December 4, 2026; 2026年12月4日), not by VS Code's date variables.
      item.insertText = new vscode.SnippetString(completion.snippet);
      item.filterText = completion.filterText;
      item.range = range;
      return item;
    }
    case 'date': {
      const item = new vscode.CompletionItem(completion.text, vscode.CompletionItemKind.Constant);
      item.detail = vscode.l10n.t('Today');
      item.insertText = completion.insertText;
      item.filterText = completion.text;
      item.range = range;
      return item;
    }
    case 'addressee': {
      const item = new vscode.CompletionItem(completion.text, vscode.CompletionItemKind.Reference);
      item.detail =
        completion.count === 1
          ? vscode.l10n.t('Addressee of {0} other letter', completion.count)
          : vscode.l10n.t('Addressee of {0} other letters', completion.count);
      item.insertText = completion.insertText;
      item.filterText = completion.text;
      item.range = range;
      return item;
    }
    default: {
      const role = completion.kind === 'role';
      const item = new vscode.CompletionItem(
        completion.text,
        role ? vscode.CompletionItemKind.Value : vscode.CompletionItemKind.Reference,
      );
      item.detail = role
        ? completion.count === 1
          ? vscode.l10n.t('Role of {0} signatory', completion.count)
          : vscode.l10n.t('Role of {0} signatories', completion.count)
        : completion.count === 1
          ? vscode.l10n.t('Organization of {0} signatory', completion.count)
          : vscode.l10n.t('Organization of {0} signatories', completion.count);
      item.insertText = completion.insertText;
      item.filterText = completion.text;
      item.range = range;
      return item;
    }
  }
}
