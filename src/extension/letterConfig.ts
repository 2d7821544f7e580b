// The shared configuration file `.advocacy-letter.json` in the editor: the nearest one in a letter's
// folder or a parent (up to its workspace folder), read through vscode.workspace.fs so virtual
// workspaces and the web work too. Resolved asynchronously, used synchronously: the last resolved
// options of each folder are what the letter cache, the checks and the preview see.
import * as vscode from 'vscode';
import {
  configFileName,
  configToOptions,
  readLetterConfig,
  type ConfigProblem,
  type LintOptions,
  type ParseOptions,
} from '../core';
import { Disposable } from './disposable';
import { localized } from './l10n';
import { useConfigFileLint } from './settings';

export interface ConfigFileOptions {
  lint: LintOptions;
  parse: ParseOptions;
  /** Equal keys, equal parse options: part of the letter cache's key. */
  parseKey: string;
}

const defaults: ConfigFileOptions = { lint: {}, parse: {}, parseKey: '{}' };

const isConfigFile = (uri: vscode.Uri) => uri.path.endsWith(`/${configFileName}`);
const decoder = new TextDecoder('utf-8');

function parentOf(uri: vscode.Uri): vscode.Uri | undefined {
  const parent = vscode.Uri.joinPath(uri, '..');
  return parent.path === uri.path ? undefined : parent;
}

function toDiagnostic(problem: ConfigProblem): vscode.Diagnostic {
  const { start, end } = problem.range;
  const diagnostic = new vscode.Diagnostic(
    new vscode.Range(start.line, start.character, end.line, end.character),
    localized(problem.message, problem.l10n),
    vscode.DiagnosticSeverity.Warning,
  );
  diagnostic.source = 'advocacy-letter';
  return diagnostic;
}

export class LetterConfigs extends Disposable {
  /** Problems of configuration files, shown in the files themselves. */
  readonly collection = this.register(vscode.languages.createDiagnosticCollection('advocacy-letter-config'));
  /** The last resolved options of each folder a letter is in, by folder URI. */
  private readonly resolved = new Map<string, ConfigFileOptions>();
  private readonly pending = new Map<string, Promise<void>>();
  /** The latest resolution started for each folder: only it may store its result (an older read may finish later). */
  private readonly latest = new Map<string, number>();
  private generation = 0;
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Fires when the options of some folder changed: letters should be checked again. */
  readonly onDidChange = this.changed.event;

  constructor() {
    super();
    this.register(useConfigFileLint((uri) => this.options(uri).lint));
    const watcher = this.register(vscode.workspace.createFileSystemWatcher(`**/${configFileName}`));
    this.register(watcher.onDidCreate((uri) => this.fileChanged(uri)));
    this.register(watcher.onDidChange((uri) => this.fileChanged(uri)));
    this.register(watcher.onDidDelete((uri) => void this.fileDeleted(uri)));
    // Files created, deleted or renamed in VS Code itself are reported at once, before any watcher.
    this.register(
      vscode.workspace.onDidCreateFiles((e) => e.files.filter(isConfigFile).forEach((uri) => this.fileChanged(uri))),
    );
    this.register(
      vscode.workspace.onDidDeleteFiles((e) =>
        e.files.filter(isConfigFile).forEach((uri) => void this.fileDeleted(uri)),
      ),
    );
    this.register(
      vscode.workspace.onDidRenameFiles((e) => {
        for (const { oldUri, newUri } of e.files) {
          if (isConfigFile(oldUri)) void this.fileDeleted(oldUri);
          if (isConfigFile(newUri)) this.fileChanged(newUri);
        }
      }),
    );
    // Saved from the editor: in virtual workspaces a watcher may not report it.
    this.register(vscode.workspace.onDidSaveTextDocument((d) => isConfigFile(d.uri) && this.fileChanged(d.uri)));
    // Problems as the writer types in the configuration file.
    this.register(vscode.workspace.onDidOpenTextDocument((d) => this.checkDocument(d)));
    this.register(vscode.workspace.onDidChangeTextDocument((e) => this.checkDocument(e.document)));
    this.register(vscode.workspace.onDidChangeWorkspaceFolders(() => void this.refresh()));
    for (const document of vscode.workspace.textDocuments) this.checkDocument(document);
  }

  /** The options for a letter, as last resolved; resolving starts on first use. */
  options(letter: vscode.Uri): ConfigFileOptions {
    if (letter.scheme === 'untitled') return defaults;
    const folder = parentOf(letter);
    if (!folder) return defaults;
    const key = folder.toString();
    const known = this.resolved.get(key);
    if (!known && !this.pending.has(key)) void this.resolve(folder);
    return known ?? defaults;
  }

  /** Resolves the options of a letter's folder now (for commands and tests that must not race). */
  async ready(letter: vscode.Uri): Promise<ConfigFileOptions> {
    const folder = parentOf(letter);
    if (!folder || letter.scheme === 'untitled') return defaults;
    await (this.pending.get(folder.toString()) ?? this.resolve(folder));
    return this.options(letter);
  }

  private fileChanged(uri: vscode.Uri): void {
    void this.report(uri);
    void this.refresh();
  }

  /**
   * A deletion is reported some time after it happened, maybe after the file was written again:
   * only a file that is really gone loses its problems (an open editor keeps showing its text's).
   */
  private async fileDeleted(uri: vscode.Uri): Promise<void> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) this.checkDocument(open);
    else if (
      await vscode.workspace.fs.stat(uri).then(
        () => true,
        () => false,
      )
    )
      await this.report(uri);
    else this.collection.delete(uri);
    await this.refresh();
  }

  /** Resolves every known folder again; fires once when any changed. */
  private async refresh(): Promise<void> {
    const folders = [...this.resolved.keys()].map((key) => vscode.Uri.parse(key));
    const changed = await Promise.all(folders.map((folder) => this.resolve(folder, false)));
    if (changed.some(Boolean)) this.changed.fire();
  }

  /** Finds and reads the folder's configuration; true when its options changed. */
  private resolve(folder: vscode.Uri, fire = true): Promise<boolean> {
    const key = folder.toString();
    const generation = ++this.generation;
    this.latest.set(key, generation);
    const run = (async () => {
      let options = defaults;
      try {
        const file = await this.find(folder);
        if (file) {
          const text = decoder.decode(await vscode.workspace.fs.readFile(file)).replace(/^\uFEFF/, '');
          const { config, problems } = readLetterConfig(text);
          if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === file.toString())) {
            this.collection.set(file, problems.map(toDiagnostic));
          }
          const { lint, parse } = configToOptions(config);
          options = { lint, parse, parseKey: JSON.stringify(parse) };
        }
      } catch {
        // Unreadable: as if there were none. Never a crash.
      }
      if (this.latest.get(key) !== generation) return false;
      const before = this.resolved.get(key) ?? defaults;
      this.resolved.set(key, options);
      const changed =
        JSON.stringify(before.lint) !== JSON.stringify(options.lint) || before.parseKey !== options.parseKey;
      if (changed && fire) this.changed.fire();
      return changed;
    })();
    const done = run.then(() => undefined);
    this.pending.set(key, done);
    void done.finally(() => {
      if (this.pending.get(key) === done) this.pending.delete(key);
    });
    return run;
  }

  /** The nearest `.advocacy-letter.json` from `folder` up to its workspace folder (only `folder` outside a workspace). */
  private async find(folder: vscode.Uri): Promise<vscode.Uri | undefined> {
    const root = vscode.workspace.getWorkspaceFolder(folder)?.uri;
    for (let dir: vscode.Uri | undefined = folder; dir; dir = parentOf(dir)) {
      const candidate = vscode.Uri.joinPath(dir, configFileName);
      try {
        const stat = await vscode.workspace.fs.stat(candidate);
        if (stat.type & vscode.FileType.File) return candidate;
      } catch {
        // Not there: look further up.
      }
      if (!root || dir.toString() === root.toString()) return undefined;
    }
    return undefined;
  }

  /** Reports the problems of a configuration file read from disk. */
  private async report(uri: vscode.Uri): Promise<void> {
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) return;
    try {
      const text = decoder.decode(await vscode.workspace.fs.readFile(uri)).replace(/^\uFEFF/, '');
      this.collection.set(uri, readLetterConfig(text).problems.map(toDiagnostic));
    } catch {
      this.collection.delete(uri);
    }
  }

  private checkDocument(document: vscode.TextDocument): void {
    if (!isConfigFile(document.uri)) return;
    this.collection.set(document.uri, readLetterConfig(document.getText()).problems.map(toDiagnostic));
  }
}
