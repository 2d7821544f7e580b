// Translation pairs in the editor: which file is each open letter's other version (the engine decides,
// src/core/translation.ts; this reads the folder and the files through vscode.workspace.fs), and that
// version's letter: from its open editor when it has one (unsaved edits included), else from disk.
// Resolved asynchronously, used synchronously: a letter is checked against what is known now, and
// checked again as soon as its translation is found, edited, saved, created or deleted.
import * as vscode from 'vscode';
import {
  declaredTranslation,
  fileName,
  findTranslation,
  folderOf,
  parseLetter,
  translationOfText,
  type Letter,
  type LintOptions,
  type TranslationFiles,
} from '../core';
import { Disposable } from './disposable';
import type { KeyedCounterpart, LetterDocuments } from './letterDocuments';

const decoder = new TextDecoder('utf-8');
/** What a letter is checked with of its translation. */
export type TranslationOptions = Pick<LintOptions, 'counterpart' | 'translationNotFound'>;
/** The timer of the changes on disk, among the letters' timers. */
const DISK = '';
const isLetterFile = (uri: vscode.Uri) => /\.letter\.md$/i.test(uri.path);

interface Pair {
  /** The `translation-of` value it was resolved with. */
  declared: string | null;
  /** The other version; null when the letter has none; undefined while it is being found. */
  other: vscode.Uri | null | undefined;
}

/** A version read from disk (not open), and a generation that changes when it is read again. */
interface OnDisk {
  /** Absent while it is first read. */
  letter?: Letter;
  generation: number;
  /** A read under way: the letter read before stands until it ends (a later read replaces an earlier one). */
  reading?: number;
}

export class LetterTranslations extends Disposable {
  private readonly pairs = new Map<string, Pair>();
  /** Versions read from disk, and the reads under way. */
  private readonly onDisk = new Map<string, OnDisk>();
  private readonly watched = new Map<string, vscode.FileSystemWatcher>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** The `translation-of` of letters of the folders looked at, by URI, until the file changes. */
  private readonly declarations = new Map<string, Promise<string | null>>();
  /** Files reported changed on disk, handled together once the reports stop (see `diskChanged`). */
  private readonly diskEvents = new Map<string, { uri: vscode.Uri; createdOrDeleted: boolean }>();
  private generation = 0;
  private readonly changed = this.register(new vscode.EventEmitter<vscode.Uri>());
  /** Fires with a letter whose translation was found, or changed: check it again. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly documents: LetterDocuments) {
    super();
    this.register(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.otherChanged(e.document.uri, true);
      }),
    );
    // Closed: what counts again is the text on disk (unsaved edits were dropped).
    this.register(
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.onDisk.delete(d.uri.toString());
        this.pairs.delete(d.uri.toString());
        this.otherChanged(d.uri, false);
      }),
    );
    // Saved from the editor: its translation-of is read again (a watcher may not report it in a virtual workspace).
    this.register(vscode.workspace.onDidSaveTextDocument((d) => this.declarations.delete(d.uri.toString())));
    this.register(vscode.workspace.onDidCreateFiles((e) => e.files.forEach((uri) => this.folderChanged(uri))));
    this.register(vscode.workspace.onDidDeleteFiles((e) => e.files.forEach((uri) => this.folderChanged(uri))));
    this.register(
      vscode.workspace.onDidRenameFiles((e) =>
        e.files.forEach(({ oldUri, newUri }) => {
          this.folderChanged(oldUri);
          this.folderChanged(newUri);
        }),
      ),
    );
    this.register({
      dispose: () => {
        for (const timer of this.timers.values()) clearTimeout(timer);
        for (const watcher of this.watched.values()) watcher.dispose();
      },
    });
  }

  /** The letter's translation as known now; finding or reading it starts here and reports through `onDidChange`. */
  counterpart(document: vscode.TextDocument): KeyedCounterpart | undefined {
    if (document.uri.scheme === 'untitled') return undefined;
    const key = document.uri.toString();
    const declared = declaredTranslation(this.documents.letter(document))?.text ?? null;
    const pair = this.pairs.get(key);
    if (!pair || pair.declared !== declared) {
      void this.resolve(document.uri, declared);
      return undefined;
    }
    // Named in the front matter, and not there: the check says so.
    if (pair.other === null && declared !== null) return { key: `not-found:${declared}` };
    if (!pair.other) return undefined;
    const other = pair.other;
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === other.toString());
    const name = fileName(other.path);
    if (open) {
      return {
        counterpart: { letter: this.documents.letter(open), file: other.toString(), name },
        key: `${other.toString()}@open:${open.version}`,
      };
    }
    const read = this.onDisk.get(other.toString());
    if (read === undefined) void this.read(other);
    if (!read?.letter) return undefined;
    return {
      counterpart: { letter: read.letter, file: other.toString(), name },
      key: `${other.toString()}@disk:${read.generation}`,
    };
  }

  /** Finds the letter's translation now (for commands and tests that must not race); null when it has none. */
  async ready(document: vscode.TextDocument): Promise<vscode.Uri | null> {
    const declared = declaredTranslation(this.documents.letter(document))?.text ?? null;
    const pair = this.pairs.get(document.uri.toString());
    if (pair && pair.declared === declared && pair.other !== undefined) return pair.other;
    return this.resolve(document.uri, declared);
  }

  /**
   * A letter's translation found and read now, for a letter checked from disk (Check All Letters),
   * as the check's options: `counterpart`, or `translationNotFound` when `translation-of` names no letter.
   */
  async counterpartFor(uri: vscode.Uri, letter: Letter): Promise<TranslationOptions> {
    const declared = declaredTranslation(letter)?.text ?? null;
    let found: string | null;
    try {
      found = await findTranslation(uri.path, declared, this.files(uri));
    } catch {
      return {};
    }
    if (!found) return declared === null ? {} : { translationNotFound: true };
    const other = uri.with({ path: found });
    const name = fileName(found);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === other.toString());
    if (open) return { counterpart: { letter: this.documents.letter(open), file: other.toString(), name } };
    try {
      const text = decoder.decode(await vscode.workspace.fs.readFile(other)).replace(/^\uFEFF/, '');
      const counterpart = {
        letter: parseLetter(text, this.documents.parseOptions(other)),
        file: other.toString(),
        name,
      };
      return { counterpart };
    } catch {
      return {};
    }
  }

  private async resolve(letter: vscode.Uri, declared: string | null): Promise<vscode.Uri | null> {
    const key = letter.toString();
    const pair: Pair = { declared, other: undefined };
    this.pairs.set(key, pair);
    let other: vscode.Uri | null = null;
    try {
      const found = await findTranslation(letter.path, declared, this.files(letter));
      other = found ? letter.with({ path: found }) : null;
    } catch {
      // Unreadable folder: no translation. Never a crash.
    }
    // A later resolution (the front matter changed meanwhile) wins.
    if (this.pairs.get(key) !== pair) return other;
    pair.other = other;
    this.watch(letter);
    if (other) this.watch(other);
    this.changed.fire(letter);
    return other;
  }

  private files(letter: vscode.Uri): TranslationFiles {
    return {
      list: async (folder) => {
        try {
          const entries = await vscode.workspace.fs.readDirectory(letter.with({ path: folder }));
          return entries.filter(([, type]) => type & vscode.FileType.File).map(([name]) => name);
        } catch {
          return [];
        }
      },
      read: async (path) => {
        try {
          return decoder.decode(await vscode.workspace.fs.readFile(letter.with({ path })));
        } catch {
          return null;
        }
      },
      declared: (path) => {
        const key = letter.with({ path }).toString();
        const known = this.declarations.get(key);
        if (known) return known;
        const reading = Promise.resolve(vscode.workspace.fs.readFile(letter.with({ path }))).then(
          (bytes) => translationOfText(decoder.decode(bytes)),
          () => null,
        );
        this.declarations.set(key, reading);
        return reading;
      },
    };
  }

  /** Reads a version that is not open, then checks the letters paired with it again. */
  private async read(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    const reading = ++this.generation;
    // Until it is read, the letters are compared with what was read before: their problems do not flicker.
    const before = this.onDisk.get(key);
    this.onDisk.set(key, { ...before, generation: before?.generation ?? reading, reading });
    let letter: Letter | undefined;
    try {
      const text = decoder.decode(await vscode.workspace.fs.readFile(uri)).replace(/^\uFEFF/, '');
      letter = parseLetter(text, this.documents.parseOptions(uri));
    } catch {
      letter = undefined;
    }
    // Changed again while it was read: the later read tells.
    if (this.onDisk.get(key)?.reading !== reading) return;
    const letters = this.lettersPairedWith(uri);
    if (letter) this.onDisk.set(key, { letter, generation: ++this.generation });
    else {
      // Gone or unreadable: the pairs are found again when next asked.
      this.onDisk.delete(key);
      this.forgetPairsWith(uri);
    }
    letters.forEach((l) => this.changed.fire(l));
  }

  /** One watcher per folder holding a letter or a translation: changes made outside VS Code reach the pairs. */
  private watch(uri: vscode.Uri): void {
    const folder = uri.with({ path: folderOf(uri.path) });
    const key = folder.toString();
    if (this.watched.has(key)) return;
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '*.letter.md'));
    watcher.onDidChange((changed) => this.diskChanged(changed, false));
    watcher.onDidCreate((created) => this.diskChanged(created, true));
    watcher.onDidDelete((deleted) => this.diskChanged(deleted, true));
    this.watched.set(key, watcher);
  }

  /**
   * A file changed, appeared or went on disk: handled once the reports stop (a file is reported as it
   * is truncated or created, before it is written), then read again and its letters checked again.
   */
  private diskChanged(uri: vscode.Uri, createdOrDeleted: boolean): void {
    const known = this.diskEvents.get(uri.toString());
    this.diskEvents.set(uri.toString(), {
      uri,
      createdOrDeleted: createdOrDeleted || Boolean(known?.createdOrDeleted),
    });
    clearTimeout(this.timers.get(DISK));
    this.timers.set(
      DISK,
      setTimeout(() => {
        this.timers.delete(DISK);
        const events = [...this.diskEvents.values()];
        this.diskEvents.clear();
        for (const event of events) {
          this.declarations.delete(event.uri.toString());
          if (event.createdOrDeleted) this.folderChanged(event.uri);
          // Read again, the letters compared with it are checked again once it is read.
          else if (this.onDisk.has(event.uri.toString())) void this.read(event.uri);
          else this.otherChanged(event.uri, false);
        }
      }, 100),
    );
  }

  /** A version changed (typed in, saved, changed on disk): the letters paired with it are checked again. */
  private otherChanged(uri: vscode.Uri, typed: boolean): void {
    for (const letter of this.lettersPairedWith(uri)) {
      const key = letter.toString();
      clearTimeout(this.timers.get(key));
      // Typing in the other version: once the writer pauses, as for the letter's own checks.
      this.timers.set(
        key,
        setTimeout(
          () => {
            this.timers.delete(key);
            this.changed.fire(letter);
          },
          typed ? 150 : 0,
        ),
      );
    }
  }

  /** A letter file appeared or went: pairs in its folder, and pairs with it, are found again. */
  private folderChanged(uri: vscode.Uri): void {
    if (!isLetterFile(uri)) return;
    this.declarations.delete(uri.toString());
    this.onDisk.delete(uri.toString());
    const folder = folderOf(uri.path);
    for (const [key, pair] of [...this.pairs]) {
      const letter = vscode.Uri.parse(key);
      const sameFolder = letter.scheme === uri.scheme && folderOf(letter.path) === folder;
      if (sameFolder || pair.other?.toString() === uri.toString() || letter.toString() === uri.toString()) {
        this.pairs.delete(key);
        this.changed.fire(letter);
      }
    }
  }

  private forgetPairsWith(uri: vscode.Uri): void {
    for (const [key, pair] of [...this.pairs]) if (pair.other?.toString() === uri.toString()) this.pairs.delete(key);
  }

  private lettersPairedWith(uri: vscode.Uri): vscode.Uri[] {
    const other = uri.toString();
    return [...this.pairs].filter(([, pair]) => pair.other?.toString() === other).map(([key]) => vscode.Uri.parse(key));
  }
}
