// What every command shares: its name in messages, exit statuses, usage errors, argument parsing,
// the options several commands take and their help lines.
import { parseArgs } from 'node:util';
import { english, translator, type Message, type Paper, type Translate } from '../core';
import japanese from '../../l10n/bundle.l10n.ja.json';

export const program = 'advocacy-letter';

/** Where the command line writes; the process's streams, or a buffer in tests. */
export interface CliOutput {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Exit statuses: 0 no error found, 1 an error-severity problem found (lint), 2 unusable input or arguments. */
export const exitCodes = { ok: 0, problems: 1, usage: 2 } as const;

/** Something the user can fix: printed as one `advocacy-letter: …` line on stderr, exit 2. */
export class CliError extends Error {}

export interface Command {
  name: string;
  help: string;
  /** `args` are the arguments after the command's name; `--help` was answered before. */
  run(args: readonly string[], out: CliOutput): number | Promise<number>;
}

/** One command's options, as `util.parseArgs` takes them. */
export type OptionTable = Readonly<
  Record<string, Readonly<{ type: 'string' | 'boolean'; short?: string; multiple?: boolean }>>
>;

type OptionValues<T extends OptionTable> = {
  [K in keyof T]?: T[K]['type'] extends 'string' ? (T[K]['multiple'] extends true ? string[] : string) : boolean;
};

export interface ParsedArgs<T extends OptionTable> {
  values: OptionValues<T>;
  positionals: string[];
  /** The engine's messages in the language of `--lang`. */
  say: Translate;
}

// `-h` and `--help` are answered before parsing, wherever they stand. `--help` is declared so that
// `--help=yes` is an option that takes no value; `-h` is not, so that `-hx` is an unknown option, not
// help followed by `-x`.
export const helpOption = { help: { type: 'boolean' } } as const;
export const langOption = { lang: { type: 'string' } } as const;
export const paperOption = { paper: { type: 'string' } } as const;
export const configOptions = { config: { type: 'string' }, 'no-config': { type: 'boolean' } } as const;

/** The language of the engine's messages, which every command takes. */
export const langHelp = `  --lang en|ja            the language of messages, notes and reports: English
                          (default) or Japanese; JSON and SARIF stay English
`;

/** The configuration options every command that reads a letter takes. */
export const configOptionsHelp = `  --config FILE           use FILE as the configuration instead of the nearest
                          .advocacy-letter.json in the letter's folder or a parent
  --no-config             use no configuration file
`;

/**
 * A command's arguments, parsed by `util.parseArgs` in strict mode; an unknown `--lang` is a usage
 * error before any work. A usage error is one line, as docs/cli.md shows them, naming the argument
 * as typed: parseArgs' own messages span lines and name the option as declared.
 */
export function parseCommandLine<T extends OptionTable>(
  command: string,
  options: T,
  args: readonly string[],
): ParsedArgs<T> {
  const config = { args: [...args], options, allowPositionals: true, tokens: true } as const;
  let parsed: { values: object; positionals: string[] };
  try {
    parsed = parseArgs({ ...config, strict: true });
  } catch (error) {
    if (!isParseArgsError(error)) throw error;
    // Only the tokens tell which argument was wrong, and parseArgs returns them only when it does not throw.
    const { tokens, ...lenient } = parseArgs({ ...config, strict: false });
    const problem = firstProblem(command, options, args, tokens);
    if (problem !== undefined) throw new CliError(`${problem}; see ${program} ${command} --help`);
    // The one objection of strict mode that is not a usage error here: an option's value that starts
    // with a dash (`-o -draft.html`) is taken as its value, as POSIX utilities take it.
    if (!tokens.some((t) => t.kind === 'option' && t.inlineValue === false && isOptionLike(t.value))) throw error;
    parsed = lenient;
  }
  const values = parsed.values as OptionValues<T> & { lang?: unknown };
  const say = messagesIn(typeof values.lang === 'string' ? values.lang : undefined);
  return { values, positionals: parsed.positionals, say };
}

function isOptionLike(value: string): boolean {
  return value.length > 1 && value.startsWith('-');
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

type Token = NonNullable<ReturnType<typeof parseArgs>['tokens']>[number];

/** The first option this command line does not accept, in the words of its usage errors. */
function firstProblem(command: string, options: OptionTable, args: readonly string[], tokens: readonly Token[]) {
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const arg = args[token.index];
    const option = Object.hasOwn(options, token.name) ? options[token.name] : undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const shown = eq > 0 ? arg.slice(0, eq) : arg;
      if (option === undefined) return `unknown option ${shown} for ${command}`;
      if (option.type === 'boolean' && token.value !== undefined) return `option ${shown} takes no value`;
      if (option.type === 'string' && token.value === undefined) return `option ${shown} needs a value`;
    } else {
      // Letters after -h are not more options: the whole argument is what was not understood.
      if (option === undefined) return `unknown option ${arg[1] === 'h' ? arg : `-${arg[1]}`} for ${command}`;
      if (option.type === 'string' && token.value === undefined) return `option -${arg[1]} needs a value`;
    }
  }
  return undefined;
}

/** The one FILE a command takes. */
export function singleFile(command: string, positionals: readonly string[]): string {
  const [file, ...extra] = positionals;
  if (file === undefined) {
    throw new CliError(`${command} needs a FILE; see ${program} ${command} --help`);
  }
  if (extra.length > 0) {
    throw new CliError(`${command} takes one FILE, got ${positionals.length}; see ${program} ${command} --help`);
  }
  return file;
}

/**
 * The engine's messages in the language of `--lang`: English by default, or Japanese
 * (l10n/bundle.l10n.ja.json, as the editor shows them).
 */
function messagesIn(lang: string | undefined): Translate {
  if (lang === undefined || /^en(-|$)/i.test(lang)) return english;
  if (/^ja(-|$)/i.test(lang)) return translator(japanese);
  throw new CliError(`unknown language '${lang}' for --lang; use en or ja`);
}

/** An engine text in the chosen language: its message translated, else its English text. */
export function said(say: Translate, text: string, l10n: Message | undefined): string {
  return l10n && say !== english ? say(l10n) : text;
}

const papers: readonly Paper[] = ['a4', 'letter'];

/** `--paper`, or undefined to let the letter's front matter or the default decide. */
export function paperOf(value: string | undefined, command: string): Paper | undefined {
  if (value === undefined) {
    return undefined;
  }
  const paper = value.trim().toLowerCase();
  if (!(papers as readonly string[]).includes(paper)) {
    throw new CliError(`unknown paper '${value}' for --paper; use a4 or letter (see ${program} ${command} --help)`);
  }
  return paper as Paper;
}
