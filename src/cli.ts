// The command line: `advocacy-letter lint|parse|render|pdf`, on the same engine as the extension.
// Output formats and exit codes are a contract with writers' CI scripts: see docs/cli.md.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { letterToJson, lintLetter, parseLetter, renderLetterHtml, rules, severities } from './core';
import type { LetterDiagnostic, LintOptions, ParseOptions, Paper, Range, Severity } from './core';
import { configToOptions } from './core';
import { applyTextEdit, type TextEdit } from './core';
import { convertPlainText, decodeCsv, importReport, importSummary, planSignatoryImport, signatoriesToCsv, sortSignatories } from './workflows';
import { english, translator, type Message, type Translate } from './core';
import { errorCode, errorMessage, FileWriteError, findChrome, findLetterConfigFile, loadLetterConfig, type FoundConfig, missingChromeMessage, PdfError, printToPdf, samePath, writeFileAtomic } from './node';
import { homepage, version } from '../package.json';
import japanese from '../l10n/bundle.l10n.ja.json';

const program = 'advocacy-letter';

/** Where the command line writes; the process's streams, or a buffer in tests. */
export interface CliOutput {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Exit statuses: 0 no error found, 1 an error-severity problem found (lint), 2 unusable input or arguments. */
export const exitCodes = { ok: 0, problems: 1, usage: 2 } as const;

/** Something the user can fix: printed as one `advocacy-letter: …` line on stderr, exit 2. */
class CliError extends Error {}

interface OptionSpec {
  name: string;
  short?: string;
  takesValue: boolean;
}

interface ParsedArgs {
  values: Map<string, string[]>;
  positionals: string[];
}

interface Command {
  name: string;
  options: OptionSpec[];
  help: string;
  run(args: ParsedArgs, out: CliOutput): number | Promise<number>;
}

const helpOption: OptionSpec = { name: 'help', short: 'h', takesValue: false };
const paperOption: OptionSpec = { name: 'paper', takesValue: true };
const configOptions: OptionSpec[] = [
  { name: 'config', takesValue: true },
  { name: 'no-config', takesValue: false },
];
const langOption: OptionSpec = { name: 'lang', takesValue: true };

const globalHelp = `Usage: ${program} COMMAND [options]

Check, read and print open letters written in Markdown (*.letter.md).

Commands:
  lint FILE…            check letters; report every problem found
  parse FILE            print the letter as JSON (title, addressees, reports, signatories…)
  render FILE           print the standalone, print-ready preview HTML
  pdf FILE              print the letter to a PDF with an installed Chrome or Chromium
  convert FILE.txt      turn a letter published as plain text into a .letter.md letter
  signatories …         import signatories from a CSV file, export them as CSV, sort them

Options:
  -h, --help            show this help; COMMAND --help shows a command's options
  --version             show the version

Exit status: 0 no error found, 1 lint found an error, 2 a file could not be read
or the arguments are wrong.
`;

/** The language of the engine's messages, which every command takes. */
const langHelp = `  --lang en|ja            the language of messages, notes and reports: English
                          (default) or Japanese; JSON and SARIF stay English
`;

/** The configuration options every command that reads a letter takes. */
const configOptionsHelp = `  --config FILE           use FILE as the configuration instead of the nearest
                          .advocacy-letter.json in the letter's folder or a parent
  --no-config             use no configuration file
`;

const lintHelp = `Usage: ${program} lint FILE… [options]

Check one or more letters and report every problem found.

Options:
  -f, --format FORMAT     text (default), json or sarif
  --ignore CODE[,CODE…]   turn checks off; repeatable
  --severity CODE=LEVEL   change a check's severity; repeatable; LEVEL is error,
                          warning, information, hint or ignore
${configOptionsHelp}${langHelp}  -h, --help              show this help

Formats:
  text    one line per problem on stdout: FILE:LINE:COLUMN SEVERITY CODE MESSAGE,
          then a summary line on stderr
  json    {"files":[{"file","reports","signatories","diagnostics":[{"code",
          "severity","message","line","column","endLine","endColumn"}]}]}
  sarif   SARIF 2.1.0, for code scanning

Settings come from the built-in defaults, then the configuration file (see
docs/format.md, "Shared configuration"), then --severity and --ignore. Problems
in the configuration file are printed on stderr as FILE:LINE:COLUMN warning
config MESSAGE; its valid part is still used.

Lines and columns are 1-based; columns count UTF-16 code units, as VS Code does.
endLine/endColumn point just past the problem (exclusive), as SARIF regions do.

Exit status: 0 no error-severity problem, 1 at least one, 2 a file could not be
read or the arguments are wrong (the other files are still checked).
`;

const parseHelp = `Usage: ${program} parse FILE [options]

Print the letter as the checks understand it, as JSON: title, addressees
[{name, titles}], date and replyBy (YYYY-MM-DD or null), reports [{title,
publisher, year, url, line}], signatories [{name, role, organization, place,
line}], cc, subject, signedBy. Lines are 1-based.

Options:
${configOptionsHelp}${langHelp}  -h, --help              show this help

Exit status: 0, or 2 when the file cannot be read or the arguments are wrong.
`;

const renderHelp = `Usage: ${program} render FILE [-o OUT.html] [options]

Print the letter's standalone, print-ready preview HTML.

Options:
  -o, --output OUT.html   write to OUT.html instead of stdout; the file is
                          replaced in one step, never left half written
  --paper a4|letter       page size when the letter's front matter sets no
                          \`paper\`; a4 by default
${configOptionsHelp}${langHelp}  -h, --help              show this help

Exit status: 0, or 2 when a file cannot be read or written or the arguments are
wrong.
`;

const pdfHelp = `Usage: ${program} pdf FILE [-o OUT.pdf] [options]

Print the letter to a PDF with headless Chrome, Chromium or Edge (not bundled:
install one). The PDF is what render prints, on A4 or US Letter pages.

Options:
  -o, --output OUT.pdf    where to write; FILE with .letter.md (or .md) replaced
                          by .pdf, beside it, by default
  --force                 replace OUT.pdf if it exists; without it an existing
                          file is never touched
  --chrome PATH           the browser to use; by default CHROME_PATH or the usual
                          install paths of Chrome, Chromium and Edge
  --paper a4|letter       page size when the letter's front matter sets no
                          \`paper\`; a4 by default
${configOptionsHelp}${langHelp}  -h, --help              show this help

The PDF is written in one step: a failure never leaves a half file.

Exit status: 0, or 2 when the letter cannot be read, OUT.pdf exists (without
--force) or cannot be written, no browser is found or it fails, or the arguments
are wrong.
`;

const commands: Command[] = [
  {
    name: 'lint',
    options: [
      { name: 'format', short: 'f', takesValue: true },
      { name: 'ignore', takesValue: true },
      { name: 'severity', takesValue: true },
      ...configOptions,
      langOption,
      helpOption,
    ],
    help: lintHelp,
    run: runLint,
  },
  {
    name: 'parse',
    options: [...configOptions, langOption, helpOption],
    help: parseHelp,
    run: runParse,
  },
  {
    name: 'render',
    options: [{ name: 'output', short: 'o', takesValue: true }, paperOption, ...configOptions, langOption, helpOption],
    help: renderHelp,
    run: runRender,
  },
  {
    name: 'pdf',
    options: [
      { name: 'output', short: 'o', takesValue: true },
      { name: 'force', takesValue: false },
      { name: 'chrome', takesValue: true },
      paperOption,
      ...configOptions,
      langOption,
      helpOption,
    ],
    help: pdfHelp,
    run: runPdf,
  },
  {
    name: 'convert',
    options: [{ name: 'output', short: 'o', takesValue: true }, { name: 'force', takesValue: false }, langOption, helpOption],
    help: `Usage: ${program} convert FILE.txt [-o OUT.letter.md] [--force]

Turn a letter published as plain text (a web page copied out, an e-mail) into
a letter in Markdown: the first line becomes the title, labelled lines (Letter
to:, Date:) fields, lines led by a bullet or a number list items, the list after
"the documents listed below" the cited reports, the closing list of "Name, Role,
Organization" lines the signatories. The words are kept as they were, doubled
spaces and NBSPs included, for lint to report. What was decided is printed on
stderr, one note a line. See docs/convert.md.

Options:
  -o, --output OUT.letter.md   write to OUT instead of stdout, in one step
  --force                      replace OUT if it exists; without it an existing
                               file is never touched
  --lang en|ja                 the language of the notes: English (default) or
                               Japanese
  -h, --help                   show this help

Exit status: 0, or 2 when FILE cannot be read, OUT exists (without --force) or
cannot be written, or the arguments are wrong.
`,
    run: async (args, out) => {
      const file = singleFile('convert', args);
      const output = lastValue(args, 'output');
      if (output === '') throw new CliError(`option -o needs a file name; see ${program} convert --help`);
      const toFile = output !== undefined && output !== '-';
      if (toFile && samePath(file, output)) throw new CliError(`refusing to write the letter over ${file}; give another -o file`);
      if (fs.statSync(file, { throwIfNoEntry: false })?.isDirectory()) throw new CliError(`${file} is a directory; give a plain-text letter`);
      const text = readLetter(file);
      const say = messagesIn(args);
      const { markdown, l10n } = withEngine(file, 'converting', () => convertPlainText(text));
      const notes = l10n.notes.map(say);
      if (!toFile) out.stdout(markdown);
      else await writeFileAtomic(output, markdown, { overwrite: args.values.has('force') }).catch((error: unknown) => Promise.reject(writeError(error, output)));
      if (toFile && !/\.letter\.md$/i.test(output)) notes.push(`${output} is not named *.letter.md: the extension reads only such files as letters.`);
      for (const note of notes) out.stderr(`note: ${note}\n`);
      return exitCodes.ok;
    },
  },
  {
    name: 'signatories',
    options: [
      { name: 'output', short: 'o', takesValue: true },
      { name: 'dry-run', takesValue: false },
      { name: 'by', takesValue: true },
      { name: 'locale', takesValue: true },
      { name: 'no-bom', takesValue: false },
      langOption,
      helpOption,
    ],
    help: `Usage: ${program} signatories import LETTER.letter.md DATA.csv [--dry-run] [-o OUT]
       ${program} signatories export LETTER.letter.md [-o OUT.csv] [--no-bom]
       ${program} signatories sort LETTER.letter.md --by name|organization [--locale TAG] [--dry-run] [-o OUT]

Signatories from and to a spreadsheet. See docs/signatories-csv.md.

  import   add the rows of a UTF-8 CSV file with a header row (name, role and
           organization columns, named in English or Japanese) to the letter's
           signatories: prints every row added, skipped as a duplicate or
           rejected (with its row number and why), then a summary on stderr,
           and rewrites the letter in one step. A malformed CSV (an unclosed
           quote, no usable header, a row with more fields than the header)
           changes nothing: the message names the row.
  export   print the signatories as CSV: name,role,organization (a letter
           signed by organizations: organization,place), CRLF line ends.
  sort     sort each signatories list by name (then organization) or by
           organization (then name), in the letter's language order; wrapped
           entries and nested lists move whole.

Options:
  -o, --output OUT         import, sort: write the letter to OUT, not in place;
                           export: write the CSV to OUT (with a byte order mark,
                           for Excel), not to stdout
  --dry-run                import, sort: say what would change, write nothing
  --by name|organization   sort: the key (required)
  --locale TAG             sort: the collation's language (en, ja, de…); the
                           letter's lang by default
  --no-bom                 export: no byte order mark in OUT
  --lang en|ja             import: the language of the rows' reasons and the
                           messages: English (default) or Japanese
  -h, --help               show this help

Exit status: 0, or 2 when a file cannot be read or written, the CSV is
malformed (the letter is not touched) or the arguments are wrong.
`,
    run: async (args, out) => {
      const [sub, file, csvFile] = args.positionals;
      const see = `see ${program} signatories --help`;
      const say = messagesIn(args);
      if (sub !== 'import' && sub !== 'export' && sub !== 'sort') {
        throw new CliError(sub === undefined ? `signatories needs import, export or sort; ${see}` : `unknown signatories command '${sub}'; use import, export or sort (${see})`);
      }
      const operands = sub === 'import' ? 'a LETTER and a CSV file' : 'one LETTER';
      if (file === undefined || (sub === 'import' && csvFile === undefined) || args.positionals.length > (sub === 'import' ? 3 : 2)) {
        throw new CliError(`signatories ${sub} takes ${operands}; ${see}`);
      }
      const output = lastValue(args, 'output');
      if (output === '' || (output === '-' && sub !== 'export')) throw new CliError(`option -o needs a file name; ${see}`);
      const text = readLetter(file);
      const letter = withEngine(file, 'parsing', () => parseLetter(text));
      if (sub === 'export') {
        const toFile = output !== undefined && output !== '-';
        if (toFile && samePath(file, output)) throw new CliError(`refusing to write the CSV over the letter ${file}; give another -o file`);
        const csv = signatoriesToCsv(letter, { bom: toFile && !args.values.has('no-bom') });
        if (toFile) await writeOutput(output, csv);
        else out.stdout(csv);
        return exitCodes.ok;
      }
      let edit: TextEdit | null | undefined;
      let summary: string;
      if (sub === 'import') {
        let bytes: Buffer;
        try {
          bytes = fs.readFileSync(csvFile);
        } catch (error) {
          throw new CliError(readFailure(csvFile, error));
        }
        const decoded = decodeCsv(bytes);
        if ('error' in decoded) throw new CliError(`${csvFile}: ${said(say, decoded.error, decoded.l10n)}; ${file} was not changed`);
        const plan = withEngine(file, 'importing signatories into', () => planSignatoryImport(letter, decoded.text));
        if (plan.error) throw new CliError(`${csvFile}: ${said(say, plan.error.message, plan.error.l10n)}; ${file} was not changed`);
        out.stdout(importReport(plan, csvFile, say));
        edit = plan.edit;
        // The summary line is the command line's own, in English like its other lines.
        summary = [`${plan.added.length} added`, importSummary(plan, 0)].filter(Boolean).join(', ');
      } else {
        const by = lastValue(args, 'by');
        if (by !== 'name' && by !== 'organization') throw new CliError(by === undefined ? `sort needs --by name or --by organization; ${see}` : `unknown key '${by}' for --by; use name or organization`);
        const locale = lastValue(args, 'locale');
        try {
          if (locale !== undefined) Intl.getCanonicalLocales(locale);
        } catch {
          throw new CliError(`'${locale}' is not a language tag for --locale; try en, ja or de`);
        }
        edit = withEngine(file, 'sorting', () => sortSignatories(letter, by, locale ?? letter.lang));
        summary = edit ? `signatories sorted by ${by}` : `signatories already sorted by ${by}`;
      }
      const target = output ?? file;
      const dryRun = args.values.has('dry-run');
      if (dryRun || (!edit && target === file)) {
        out.stderr(`${summary}; ${dryRun ? 'dry run, ' : ''}${target} not written\n`);
        return exitCodes.ok;
      }
      // A byte order mark the letter starts with stays.
      const bom = fs.readFileSync(file).subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])) ? '\uFEFF' : '';
      await writeOutput(target, bom + (edit ? applyTextEdit(text, edit) : text));
      out.stderr(`${summary}; wrote ${target}\n`);
      return exitCodes.ok;
    },
  },
];

/** Runs the command line on `argv` (without `node` and the script) and returns the exit status. */
export async function main(argv: readonly string[], out: CliOutput): Promise<number> {
  try {
    return await dispatch(argv, out);
  } catch (error) {
    if (error instanceof CliError) {
      out.stderr(`${program}: ${error.message}\n`);
      return exitCodes.usage;
    }
    throw error;
  }
}

function dispatch(argv: readonly string[], out: CliOutput): number | Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    out.stderr(globalHelp);
    return exitCodes.usage;
  }
  if (first === '--help' || first === '-h') {
    out.stdout(globalHelp);
    return exitCodes.ok;
  }
  if (first === '--version') {
    out.stdout(`${version}\n`);
    return exitCodes.ok;
  }
  if (first === 'help') {
    const topic = rest[0];
    if (topic === undefined) {
      out.stdout(globalHelp);
      return exitCodes.ok;
    }
    out.stdout(findCommand(topic).help);
    return exitCodes.ok;
  }
  if (first.startsWith('-') && first !== '-') {
    throw new CliError(`unknown option ${optionName(first)}; see ${program} --help`);
  }
  const command = findCommand(first);
  if (wantsHelp(rest)) {
    out.stdout(command.help);
    return exitCodes.ok;
  }
  const args = parseArgs(command, rest);
  messagesIn(args); // an unknown --lang is a usage error before any work
  return command.run(args, out);
}

function findCommand(name: string): Command {
  const command = commands.find((c) => c.name === name);
  if (!command) {
    throw new CliError(`unknown command '${name}'; see ${program} --help`);
  }
  return command;
}

/** `--help` wins over everything else on the line, as a user asking for help wants. */
function wantsHelp(args: readonly string[]): boolean {
  for (const arg of args) {
    if (arg === '--') {
      return false;
    }
    if (arg === '--help' || arg === '-h') {
      return true;
    }
  }
  return false;
}

function optionName(arg: string): string {
  const eq = arg.indexOf('=');
  return arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
}

/** A small strict parser: `--name value`, `--name=value`, `-x value`, `-xvalue`, `--` ends the options. */
function parseArgs(command: Command, args: readonly string[]): ParsedArgs {
  const values = new Map<string, string[]>();
  const positionals: string[] = [];
  const seeHelp = `see ${program} ${command.name} --help`;
  const add = (spec: OptionSpec, value: string) => {
    const list = values.get(spec.name) ?? [];
    list.push(value);
    values.set(spec.name, list);
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    let spec: OptionSpec | undefined;
    let inline: string | undefined;
    let shown: string;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
      inline = eq > 0 ? arg.slice(eq + 1) : undefined;
      spec = command.options.find((o) => o.name === name);
      shown = `--${name}`;
    } else {
      spec = command.options.find((o) => o.short === arg[1]);
      inline = arg.length > 2 ? arg.slice(2) : undefined;
      shown = `-${arg[1]}`;
      if (spec && !spec.takesValue && inline !== undefined) {
        spec = undefined;
        shown = arg;
      }
    }
    if (!spec) {
      throw new CliError(`unknown option ${shown} for ${command.name}; ${seeHelp}`);
    }
    if (!spec.takesValue) {
      if (inline !== undefined) {
        throw new CliError(`option ${shown} takes no value; ${seeHelp}`);
      }
      add(spec, '');
      continue;
    }
    if (inline === undefined) {
      if (i + 1 >= args.length) {
        throw new CliError(`option ${shown} needs a value; ${seeHelp}`);
      }
      inline = args[++i];
    }
    add(spec, inline);
  }
  return { values, positionals };
}

function lastValue(args: ParsedArgs, name: string): string | undefined {
  return args.values.get(name)?.at(-1);
}

// ---------------------------------------------------------------------------------------------
// Reading letters

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads a letter as text, or throws a CliError that says in one line why it cannot. */
function readLetter(file: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    throw new CliError(readFailure(file, error));
  }
  if (stat.isDirectory()) {
    throw new CliError(`${file} is a directory; give a .letter.md file`);
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    throw new CliError(readFailure(file, error));
  }
  // A NUL byte near the start is how binary files (images, PDFs, Word files) show themselves.
  if (bytes.subarray(0, 8192).includes(0)) {
    throw new CliError(`${file} is not UTF-8 text`);
  }
  try {
    // The decoder drops a leading UTF-8 byte order mark (ignoreBOM is false).
    return utf8.decode(bytes);
  } catch {
    throw new CliError(`${file} is not UTF-8 text`);
  }
}

function readFailure(file: string, error: unknown): string {
  switch (errorCode(error)) {
    case 'ENOENT':
    case 'ENOTDIR':
      return `no such file: ${file}`;
    case 'EACCES':
    case 'EPERM':
      return `cannot read ${file}: permission denied`;
    case 'EISDIR':
      return `${file} is a directory; give a .letter.md file`;
    default:
      return `cannot read ${file}: ${errorMessage(error)}`;
  }
}

/** Runs the engine; a crash on one letter is reported like an unreadable file, not as a stack trace. */
function withEngine<T>(file: string, what: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw new CliError(`internal error while ${what} ${file}: ${errorMessage(error)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// lint

type Format = 'text' | 'json' | 'sarif';
const formats: readonly Format[] = ['text', 'json', 'sarif'];
const levels: readonly (Severity | 'ignore')[] = [...severities, 'ignore'];

interface LintedFile {
  file: string;
  reports: number;
  signatories: number;
  diagnostics: LetterDiagnostic[];
}

function runLint(args: ParsedArgs, out: CliOutput): number {
  const format = lastValue(args, 'format') ?? 'text';
  if (!(formats as readonly string[]).includes(format)) {
    throw new CliError(`unknown format '${format}' for --format; use text, json or sarif`);
  }
  const flags = lintOptions(args);
  if (args.positionals.length === 0) {
    throw new CliError(`lint needs at least one FILE; see ${program} lint --help`);
  }
  const configs = configLookup(args, out);
  const say = messagesIn(args);

  const linted: LintedFile[] = [];
  let unreadable = false;
  for (const file of args.positionals) {
    try {
      const text = readLetter(file);
      const config = configs(file);
      const options = mergeLintOptions(config.lint, flags);
      const letter = withEngine(file, 'parsing', () => parseLetter(text, config.parse));
      const diagnostics = withEngine(file, 'checking', () => lintLetter(letter, options));
      const done: LintedFile = {
        file,
        reports: letter.reports.length,
        signatories: letter.signatories.length,
        diagnostics: sortByPosition(diagnostics),
      };
      linted.push(done);
      if (format === 'text') {
        // Printed as each file is done, so a long run shows progress.
        for (const d of done.diagnostics) {
          out.stdout(textLine(file, d, say));
        }
      }
    } catch (error) {
      if (!(error instanceof CliError)) {
        throw error;
      }
      unreadable = true;
      out.stderr(`${program}: ${error.message}\n`);
    }
  }

  // When every file was unreadable, each already has its one-line error: nothing else to say.
  if (linted.length > 0) {
    if (format === 'text') {
      out.stderr(summary(linted));
    } else {
      const report = format === 'json' ? lintJson(linted) : lintSarif(linted);
      out.stdout(`${JSON.stringify(report, null, 2)}\n`);
    }
  }

  if (unreadable) {
    return exitCodes.usage;
  }
  const anyError = linted.some((f) => f.diagnostics.some((d) => d.severity === 'error'));
  return anyError ? exitCodes.problems : exitCodes.ok;
}

function lintOptions(args: ParsedArgs): LintOptions {
  const known = new Set(rules.map((r) => r.code));
  const checkCode = (code: string) => {
    if (!known.has(code)) {
      throw new CliError(`unknown check code '${code}'`);
    }
  };
  const ignore: string[] = [];
  for (const value of args.values.get('ignore') ?? []) {
    for (const code of value.split(',').map((c) => c.trim())) {
      if (code === '') {
        continue;
      }
      checkCode(code);
      ignore.push(code);
    }
  }
  const severityOverrides: Record<string, Severity | 'ignore'> = {};
  for (const value of args.values.get('severity') ?? []) {
    const eq = value.indexOf('=');
    if (eq < 0) {
      throw new CliError(`--severity needs CODE=LEVEL, got '${value}'`);
    }
    const code = value.slice(0, eq).trim();
    const level = value.slice(eq + 1).trim();
    checkCode(code);
    if (!(levels as readonly string[]).includes(level)) {
      throw new CliError(
        `unknown severity '${level}' for ${code}; use error, warning, information, hint or ignore`,
      );
    }
    severityOverrides[code] = level as Severity | 'ignore';
  }
  return { ignore, severities: severityOverrides };
}

// ---------------------------------------------------------------------------------------------
// The shared configuration file

interface ConfigOptions {
  lint: LintOptions;
  parse: ParseOptions;
}

/**
 * The configuration options for each letter: `--config FILE` (read now; unreadable is a usage error),
 * none with `--no-config`, else the nearest `.advocacy-letter.json`. A file's problems are printed
 * once on stderr, as warnings; its valid part is used.
 */
function configLookup(args: ParsedArgs, out: CliOutput): (letterFile: string) => ConfigOptions {
  const none: ConfigOptions = { lint: {}, parse: {} };
  if (args.values.has('no-config')) return () => none;
  const say = messagesIn(args);
  const loaded = new Map<string, ConfigOptions>();
  const load = (file: string): ConfigOptions => {
    let options = loaded.get(file);
    if (options) return options;
    let found: FoundConfig;
    try {
      found = loadLetterConfig(file);
    } catch (error) {
      throw new CliError(readFailure(file, error).replace('; give a .letter.md file', '; give a configuration file'));
    }
    for (const problem of found.problems) {
      const { line, column } = oneBased(problem.range);
      out.stderr(`${file}:${line}:${column} warning config ${oneLine(said(say, problem.message, problem.l10n))}\n`);
    }
    options = configToOptions(found.config);
    loaded.set(file, options);
    return options;
  };
  const explicit = lastValue(args, 'config');
  if (explicit !== undefined) {
    if (explicit.trim() === '') throw new CliError(`option --config needs a file name; see ${program} --help`);
    const options = load(explicit);
    return () => options;
  }
  return (letterFile) => {
    const file = findLetterConfigFile(letterFile);
    return file === undefined ? none : load(path.relative(process.cwd(), file) || file);
  };
}

/** Command-line flags over the configuration file's options. */
function mergeLintOptions(config: LintOptions, flags: LintOptions): LintOptions {
  return {
    ...config,
    ...flags,
    severities: { ...config.severities, ...flags.severities },
    ignore: [...(config.ignore ?? []), ...(flags.ignore ?? [])],
  };
}

function sortByPosition(diagnostics: readonly LetterDiagnostic[]): LetterDiagnostic[] {
  // Array.prototype.sort is stable: diagnostics at the same place keep the engine's order.
  return [...diagnostics].sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
}

/** 1-based line and column; the end stays exclusive, so `endColumn` is the column just past the problem. */
function oneBased(range: Range) {
  return {
    line: range.start.line + 1,
    column: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ');
}

function textLine(file: string, d: LetterDiagnostic, say: Translate): string {
  const { line, column } = oneBased(d.range);
  return `${file}:${line}:${column} ${d.severity} ${d.code} ${oneLine(said(say, d.message, d.l10n))}\n`;
}

/** The engine's messages in the language of `--lang`: English by default, or Japanese (l10n/bundle.l10n.ja.json, as the editor shows them). */
function messagesIn(args: ParsedArgs): Translate {
  const lang = lastValue(args, 'lang');
  if (lang === undefined || /^en(-|$)/i.test(lang)) return english;
  if (/^ja(-|$)/i.test(lang)) return translator(japanese);
  throw new CliError(`unknown language '${lang}' for --lang; use en or ja`);
}

/** An engine text in the chosen language: its message translated, else its English text. */
function said(say: Translate, text: string, l10n: Message | undefined): string {
  return l10n && say !== english ? say(l10n) : text;
}

function plural(count: number, word: string, words = `${word}s`): string {
  return `${count} ${count === 1 ? word : words}`;
}

function summary(linted: readonly LintedFile[]): string {
  const all = linted.flatMap((f) => f.diagnostics);
  const files = plural(linted.length, 'file');
  if (all.length === 0) {
    return `no problems in ${files}\n`;
  }
  const count = (s: Severity) => all.filter((d) => d.severity === s).length;
  const parts = [
    plural(count('error'), 'error'),
    plural(count('warning'), 'warning'),
    `${count('information')} information`,
    plural(count('hint'), 'hint'),
  ];
  return `${plural(all.length, 'problem')} (${parts.join(', ')}) in ${files}\n`;
}

function lintJson(linted: readonly LintedFile[]) {
  return {
    files: linted.map((f) => ({
      file: f.file,
      reports: f.reports,
      signatories: f.signatories,
      diagnostics: f.diagnostics.map((d) => ({
        code: d.code,
        severity: d.severity,
        message: d.message,
        ...oneBased(d.range),
      })),
    })),
  };
}

const sarifLevels: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

function sarifRegion(range: Range) {
  const { line, column, endLine, endColumn } = oneBased(range);
  return { startLine: line, startColumn: column, endLine, endColumn };
}

/** A relative path stays relative (resolved against the repository by code scanning); an absolute one becomes a file URL. */
function artifactUri(file: string): string {
  if (path.isAbsolute(file)) {
    return pathToFileURL(file).href;
  }
  return file.split(/[\\/]+/).map(encodeURIComponent).join('/');
}

function lintSarif(linted: readonly LintedFile[]) {
  const ruleIndex = new Map(rules.map((r, i) => [r.code, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: program,
            version,
            informationUri: homepage,
            rules: rules.map((r) => ({
              id: r.code,
              shortDescription: { text: r.description },
              helpUri: r.docs,
              defaultConfiguration: { level: sarifLevels[r.severity] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: linted.flatMap((f) => {
          const artifactLocation = { uri: artifactUri(f.file) };
          return f.diagnostics.map((d) => ({
            ruleId: d.code,
            ...(ruleIndex.has(d.code) ? { ruleIndex: ruleIndex.get(d.code) } : {}),
            level: sarifLevels[d.severity],
            message: { text: d.message },
            locations: [{ physicalLocation: { artifactLocation, region: sarifRegion(d.range) } }],
            ...(d.related?.length
              ? {
                  relatedLocations: d.related.map((r, id) => ({
                    id,
                    message: { text: r.message },
                    physicalLocation: { artifactLocation, region: sarifRegion(r.range) },
                  })),
                }
              : {}),
            ...(d.fix
              ? {
                  fixes: [
                    {
                      description: { text: d.fix.title },
                      artifactChanges: [
                        {
                          artifactLocation,
                          replacements: d.fix.edits.map((e) => ({
                            deletedRegion: sarifRegion(e.range),
                            insertedContent: { text: e.newText },
                          })),
                        },
                      ],
                    },
                  ],
                }
              : {}),
          }));
        }),
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// parse and render

function singleFile(command: string, args: ParsedArgs): string {
  const [file, ...extra] = args.positionals;
  if (file === undefined) {
    throw new CliError(`${command} needs a FILE; see ${program} ${command} --help`);
  }
  if (extra.length > 0) {
    throw new CliError(`${command} takes one FILE, got ${args.positionals.length}; see ${program} ${command} --help`);
  }
  return file;
}

function runParse(args: ParsedArgs, out: CliOutput): number {
  const file = singleFile('parse', args);
  const configs = configLookup(args, out);
  const text = readLetter(file);
  const { parse } = configs(file);
  const json = withEngine(file, 'parsing', () => letterToJson(parseLetter(text, parse)));
  out.stdout(`${JSON.stringify(json, null, 2)}\n`);
  return exitCodes.ok;
}

async function runRender(args: ParsedArgs, out: CliOutput): Promise<number> {
  const file = singleFile('render', args);
  const output = lastValue(args, 'output');
  if (output === '') {
    throw new CliError(`option -o needs a file name; see ${program} render --help`);
  }
  const paper = paperOf(args, 'render');
  if (output !== undefined && output !== '-' && samePath(file, output)) {
    throw new CliError(`refusing to write the HTML over the letter ${file}; give another -o file`);
  }
  const configs = configLookup(args, out);
  const text = readLetter(file);
  const { lint, parse } = configs(file);
  const html = withEngine(file, 'rendering', () => renderLetterHtml(text, { paper, lint, parse }));
  if (output === undefined || output === '-') {
    out.stdout(html);
  } else {
    await writeOutput(output, html);
  }
  return exitCodes.ok;
}

const papers: readonly Paper[] = ['a4', 'letter'];

function paperOf(args: ParsedArgs, command: string): Paper | undefined {
  const value = lastValue(args, 'paper');
  if (value === undefined) {
    return undefined;
  }
  const paper = value.trim().toLowerCase();
  if (!(papers as readonly string[]).includes(paper)) {
    throw new CliError(`unknown paper '${value}' for --paper; use a4 or letter (see ${program} ${command} --help)`);
  }
  return paper as Paper;
}

/** Writes through `writeFileAtomic`, with its failures as one-line CliErrors. */
async function writeOutput(target: string, content: string): Promise<void> {
  try {
    await writeFileAtomic(target, content);
  } catch (error) {
    throw writeError(error, target);
  }
}

function writeError(error: unknown, target: string): unknown {
  if (!(error instanceof FileWriteError)) {
    return error;
  }
  switch (error.code) {
    case 'EISDIR':
      return new CliError(`${target} is a directory; give a file name for -o`);
    case 'EEXIST':
      return new CliError(`${target} exists; use --force to replace it`);
    default:
      return new CliError(error.message);
  }
}

// ---------------------------------------------------------------------------------------------
// pdf

async function runPdf(args: ParsedArgs, out: CliOutput): Promise<number> {
  const file = singleFile('pdf', args);
  const output = lastValue(args, 'output');
  if (output === '' || output === '-') {
    throw new CliError(`option -o needs a file name${output === '-' ? ' (a PDF is not written to stdout)' : ''}; see ${program} pdf --help`);
  }
  const chromeOption = lastValue(args, 'chrome');
  if (chromeOption !== undefined && chromeOption.trim() === '') {
    throw new CliError(`option --chrome needs a path; see ${program} pdf --help`);
  }
  const paper = paperOf(args, 'pdf');
  const force = args.values.has('force');
  const target = output ?? defaultPdfPath(file);
  if (samePath(file, target)) {
    throw new CliError(`refusing to write the PDF over the letter ${file}; give another -o file`);
  }

  const configs = configLookup(args, out);
  const text = readLetter(file);
  const { lint, parse } = configs(file);
  let existing: fs.Stats | undefined;
  try {
    existing = fs.statSync(target);
  } catch {
    // Nothing there yet: the usual case.
  }
  if (existing?.isDirectory()) {
    throw new CliError(`${target} is a directory; give a file name for -o`);
  }
  if (existing && !force) {
    throw new CliError(`${target} exists; use --force to replace it`);
  }

  const chrome = await findChrome(chromeOption);
  if (chrome === undefined) {
    throw new CliError(missingChromeMessage(chromeOption));
  }
  const html = withEngine(file, 'rendering', () => renderLetterHtml(text, { paper, lint, parse }));

  // Ctrl+C or a CI job's cancellation: stop Chrome and remove its temporary files before going.
  const cancel = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => cancel.abort(new CliError(`stopped by ${signal}; no PDF was written`));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await printToPdf(html, target, { chrome, overwrite: force, signal: cancel.signal });
  } catch (error) {
    if (error instanceof PdfError) {
      throw new CliError(error.message);
    }
    throw writeError(error, target);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  return exitCodes.ok;
}

/** `letters/x.letter.md` → `letters/x.pdf`; `x.md` → `x.pdf`; any other name gets its extension replaced. */
function defaultPdfPath(file: string): string {
  const base = path.basename(file);
  const stem = /\.letter\.md$/i.test(base) ? base.slice(0, -'.letter.md'.length) : base.replace(/\.[^.]*$/, '');
  return path.join(path.dirname(file), `${stem || base}.pdf`);
}

// ---------------------------------------------------------------------------------------------

if (require.main === module) {
  // `advocacy-letter lint … | head` closes the pipe early; that is not a failure worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') {
      process.exit(process.exitCode ?? 0);
    }
    throw error;
  });
  // exitCode rather than process.exit(), so output still buffered for a pipe is not cut off.
  void main(process.argv.slice(2), {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
  }).then((status) => {
    process.exitCode = status;
  });
}
