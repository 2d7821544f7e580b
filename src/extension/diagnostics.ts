import * as vscode from 'vscode';
import { lintLetter, parseLetter, type Letter, type LetterDiagnostic, type LintOptions } from '../core';
import { toDiagnostic } from './typeConverters';
import { Disposable } from './disposable';
import { isLetter, type LetterDocuments } from './letterDocuments';
import { letterSettings, SECTION } from './settings';

/** Keeps the Problems view in step with open letters: on open, as the writer types (debounced), on save. */
export class LetterDiagnostics extends Disposable {
  readonly collection = this.register(vscode.languages.createDiagnosticCollection('advocacy-letter'));
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  /** The version of its translation each letter was last checked against. */
  private readonly checkedWith = new Map<string, string | undefined>();
  private readonly changed = this.register(new vscode.EventEmitter<vscode.Uri>());
  /** Fires after a letter's problems were updated. */
  readonly onDidUpdate = this.changed.event;

  constructor(
    private readonly documents: LetterDocuments,
    private readonly docsRoot: vscode.Uri,
  ) {
    super();
    this.register(vscode.workspace.onDidOpenTextDocument((d) => this.validate(d)));
    this.register(vscode.workspace.onDidSaveTextDocument((d) => this.validate(d)));
    this.register(vscode.workspace.onDidChangeTextDocument((e) => this.scheduled(e.document)));
    this.register(vscode.workspace.onDidCloseTextDocument((d) => this.clear(d.uri)));
    // VS Code closes a document model some time after its last tab; the writer expects the problems to go with the tab.
    this.register(vscode.window.tabGroups.onDidChangeTabs((e) => this.followTabs(e)));
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SECTION)) this.validateAll();
      }),
    );
    this.register({ dispose: () => this.pending.forEach((timer) => clearTimeout(timer)) });
    this.validateAll();
  }

  validateAll(): void {
    for (const document of vscode.workspace.textDocuments) this.validate(document);
  }

  /** Checks a letter now; returns its problems, or undefined when it is not checked. */
  validate(document: vscode.TextDocument): LetterDiagnostic[] | undefined {
    if (!isLetter(document)) {
      // A document whose language changed away from letters keeps no stale problems.
      if (this.collection.has(document.uri)) this.clear(document.uri);
      return undefined;
    }
    this.cancel(document.uri);
    const settings = letterSettings(document);
    if (!settings.enabled) {
      this.clear(document.uri);
      return undefined;
    }
    const problems = this.documents.diagnostics(document, settings.lint);
    this.checkedWith.set(document.uri.toString(), this.documents.counterpartKey(document));
    this.collection.set(
      document.uri,
      problems.map((d) => toDiagnostic(document.uri, d, this.docsRoot)),
    );
    this.changed.fire(document.uri);
    return problems;
  }

  /**
   * A letter's translation was found, changed or went: the letter is checked again when what it is
   * compared with changed. A letter checked only on save and edited since waits for its save.
   */
  translationChanged(document: vscode.TextDocument): void {
    if (!isLetter(document)) return;
    const key = document.uri.toString();
    if (letterSettings(document).run === 'onSave' && document.isDirty) return;
    if (this.checkedWith.has(key) && this.checkedWith.get(key) === this.documents.counterpartKey(document)) return;
    this.validate(document);
  }

  /** Shows problems for a letter read from disk (not open in an editor), compared with its translation when `translation` finds one. */
  async validateText(
    uri: vscode.Uri,
    text: string,
    translation?: (letter: Letter) => Promise<Pick<LintOptions, 'counterpart' | 'translationNotFound'>>,
  ): Promise<LetterDiagnostic[]> {
    const settings = letterSettings(uri);
    const letter = parseLetter(text, this.documents.parseOptions(uri));
    const problems = lintLetter(letter, { ...settings.lint, ...(await translation?.(letter)) });
    if (settings.enabled)
      this.collection.set(
        uri,
        problems.map((d) => toDiagnostic(uri, d, this.docsRoot)),
      );
    return problems;
  }

  /** Problems go with a letter's last tab and come back with its next one. */
  private followTabs({ opened, closed }: vscode.TabChangeEvent): void {
    const documents = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
    for (const tab of opened) {
      const document = tab.input instanceof vscode.TabInputText ? documents.get(tab.input.uri.toString()) : undefined;
      if (document && isLetter(document) && !this.collection.has(document.uri)) this.validate(document);
    }
    const open = new Set(
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .map((t) => (t.input instanceof vscode.TabInputText ? t.input.uri.toString() : '')),
    );
    for (const tab of closed) {
      if (
        tab.input instanceof vscode.TabInputText &&
        !open.has(tab.input.uri.toString()) &&
        this.collection.has(tab.input.uri)
      ) {
        this.clear(tab.input.uri);
      }
    }
  }

  private scheduled(document: vscode.TextDocument): void {
    if (!isLetter(document)) return;
    const settings = letterSettings(document);
    if (!settings.enabled || settings.run !== 'onType') return;
    this.cancel(document.uri);
    const key = document.uri.toString();
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        if (!document.isClosed) this.validate(document);
      }, settings.delay),
    );
  }

  private cancel(uri: vscode.Uri): void {
    const key = uri.toString();
    const timer = this.pending.get(key);
    if (timer) clearTimeout(timer);
    this.pending.delete(key);
  }

  private clear(uri: vscode.Uri): void {
    this.cancel(uri);
    this.checkedWith.delete(uri.toString());
    this.collection.delete(uri);
    this.changed.fire(uri);
  }
}
