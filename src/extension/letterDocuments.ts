import * as vscode from 'vscode';
import {
  type Counterpart,
  lintParsed,
  parseState,
  reparseLetter,
  type Letter,
  type LetterDiagnostic,
  type LintOptions,
  type ParseOptions,
  type ParsedState,
  type ReadLetter,
} from '../core';
import { Disposable } from './disposable';
import type { LetterConfigs } from './letterConfig';

export const LANGUAGE_ID = 'advocacy-letter';

/**
 * A letter's other language version, with a key that changes whenever its text does; or, without
 * `counterpart`, a `translation-of` that names no other letter.
 */
export interface KeyedCounterpart {
  counterpart?: Counterpart;
  key: string;
}

export const isLetter = (document: vscode.TextDocument) => document.languageId === LANGUAGE_ID;

interface Entry {
  version: number;
  /** The parse options (vocabulary of the configuration file) it was read with. */
  parseKey: string;
  state: ParsedState;
  lintKey?: string;
  diagnostics?: LetterDiagnostic[];
  /** The edits made since (one event per version), for reading the next version from this one. */
  edits: { version: number; changes: readonly vscode.TextDocumentContentChangeEvent[] }[];
}

/** Past this many edits not yet read, the letter is read whole when next asked for. */
const MAX_EDITS = 64;

/**
 * Each letter is parsed once per document version and the result shared by diagnostics, symbols,
 * hover, completion, code actions, the status bar and the preview. After an edit, a letter is read
 * again from its previous reading (src/core/incremental.ts): only the blocks and list items the edit
 * touched. Documents that are not letters are never parsed.
 */
export class LetterDocuments extends Disposable {
  private readonly entries = new Map<string, Entry>();
  /** How many times a letter was parsed: for tests and the benchmark of "one parse per version". */
  parseCount = 0;
  /** Gives a letter's translation, when it has one known now (src/extension/translations.ts). */
  private counterpartOf: (document: vscode.TextDocument) => KeyedCounterpart | undefined = () => undefined;
  /** How many of those read only what an edit touched. */
  incrementalCount = 0;

  constructor(private readonly configs?: LetterConfigs) {
    super();
    this.register(vscode.workspace.onDidCloseTextDocument((d) => this.entries.delete(d.uri.toString())));
    this.register(
      vscode.workspace.onDidChangeTextDocument((e) => {
        const entry = this.entries.get(e.document.uri.toString());
        if (!entry || e.contentChanges.length === 0) return;
        if (entry.edits.length < MAX_EDITS)
          entry.edits.push({ version: e.document.version, changes: e.contentChanges });
        else entry.edits.length = 0;
      }),
    );
  }

  private entry(document: vscode.TextDocument): Entry {
    const key = document.uri.toString();
    let entry = this.entries.get(key);
    const options = this.configs?.options(document.uri);
    const parseKey = options?.parseKey ?? '{}';
    if (!entry || entry.version !== document.version || entry.parseKey !== parseKey) {
      this.parseCount++;
      const state = entry && entry.parseKey === parseKey ? this.readEdits(entry, document) : undefined;
      if (state) this.incrementalCount++;
      entry = {
        version: document.version,
        parseKey,
        state: state ?? parseState(document.getText(), options?.parse),
        edits: [],
      };
      this.entries.set(key, entry);
    }
    return entry;
  }

  /**
   * The document's letter read from the entry's by the edits made since, one version after another;
   * undefined when those edits are not all known (the letter is then read whole).
   */
  private readEdits(entry: Entry, document: vscode.TextDocument): ParsedState | undefined {
    const edits = entry.edits;
    if (edits.length === 0 || edits[edits.length - 1].version !== document.version) return undefined;
    if (edits.some((e, k) => e.version !== entry.version + k + 1 || e.changes.length !== 1)) return undefined;
    let state = entry.state;
    for (const { changes } of edits) {
      const change = changes[0];
      const start = change.rangeOffset;
      const end = start + change.rangeLength;
      const text = state.text.slice(0, start) + change.text + state.text.slice(end);
      state = reparseLetter(state, text, { start, end, text: change.text });
    }
    return state.read.letter.lineCount === document.lineCount ? state : undefined;
  }

  /** The parse options for a letter (not open, say): its configuration file's vocabulary. */
  parseOptions(uri: vscode.Uri): ParseOptions {
    return this.configs?.options(uri).parse ?? {};
  }

  letter(document: vscode.TextDocument): Letter {
    return this.entry(document).state.read.letter;
  }

  /** The letter with the tokens it was read from, for the preview to render without parsing again. */
  read(document: vscode.TextDocument): ReadLetter {
    return this.entry(document).state.read;
  }

  /** Checks compare each letter with its translation, as `counterparts` gives it. */
  useCounterparts(counterparts: (document: vscode.TextDocument) => KeyedCounterpart | undefined): void {
    this.counterpartOf = counterparts;
  }

  /** Which version of its translation a letter is compared with now (undefined: none known). */
  counterpartKey(document: vscode.TextDocument): string | undefined {
    return this.counterpartOf(document)?.key;
  }

  /** The letter's problems; its translation (when known) is part of what they were checked against. */
  diagnostics(document: vscode.TextDocument, options: LintOptions): LetterDiagnostic[] {
    const entry = this.entry(document);
    const other = this.counterpartOf(document);
    const lintKey = other ? `${JSON.stringify(options)}\n${other.key}` : JSON.stringify(options);
    if (entry.lintKey !== lintKey || !entry.diagnostics) {
      const translation =
        other && (other.counterpart ? { counterpart: other.counterpart } : { translationNotFound: true });
      entry.diagnostics = lintParsed(entry.state, { ...options, ...translation });
      entry.lintKey = lintKey;
    }
    return entry.diagnostics;
  }
}
