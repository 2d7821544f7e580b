// advocacy-letter lint: check letters and report every problem found.
import {
  declaredTranslation,
  fileName,
  filesReadOnce,
  findTranslation,
  lintLetter,
  parseLetter,
  rules,
  severities,
} from '../core';
import type {
  Counterpart,
  Letter,
  LetterDiagnostic,
  LintOptions,
  ParseOptions,
  Severity,
  TranslationFiles,
} from '../core';
import { nodeTranslationFiles, slashed } from '../node';
import { lintJson } from './format/json';
import type { LintedFile } from './format/linted';
import { lintSarif } from './format/sarif';
import { summary, textLine } from './format/text';
import { configLookup, readLetter, withEngine } from './io';
import {
  CliError,
  configOptions,
  configOptionsHelp,
  exitCodes,
  helpOption,
  langHelp,
  langOption,
  parseCommandLine,
  program,
  type CliOutput,
  type Command,
} from './usage';

const options = {
  format: { type: 'string', short: 'f' },
  ignore: { type: 'string', multiple: true },
  severity: { type: 'string', multiple: true },
  ...configOptions,
  ...langOption,
  ...helpOption,
} as const;

const help = `Usage: ${program} lint FILE… [options]

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
          "severity","message","line","column","endLine","endColumn",
          "related"?}]}]}
  sarif   SARIF 2.1.0, for code scanning

A letter's translation (translation-of: in its front matter, or NAME.ja.letter.md
beside NAME.letter.md) is read too, and the two are compared
(translation-mismatch); such a problem ends with the other file's place in
brackets: (FILE:LINE:COLUMN).

Settings come from the built-in defaults, then the configuration file (see
docs/format.md, "Shared configuration"), then --severity and --ignore. Problems
in the configuration file are printed on stderr as FILE:LINE:COLUMN warning
config MESSAGE; its valid part is still used.

Lines and columns are 1-based; columns count UTF-16 code units, as VS Code does.
endLine/endColumn point just past the problem (exclusive), as SARIF regions do.

Exit status: 0 no error-severity problem, 1 at least one, 2 a file could not be
read or the arguments are wrong (the other files are still checked).
`;

type Format = 'text' | 'json' | 'sarif';
const formats: readonly Format[] = ['text', 'json', 'sarif'];
const levels: readonly (Severity | 'ignore')[] = [...severities, 'ignore'];

/** A letter checked: what every output format prints of it. */
export const lint: Command = { name: 'lint', help, run };

async function run(args: readonly string[], out: CliOutput): Promise<number> {
  const { values, positionals, say } = parseCommandLine('lint', options, args);
  const format = values.format ?? 'text';
  if (!(formats as readonly string[]).includes(format)) {
    throw new CliError(`unknown format '${format}' for --format; use text, json or sarif`);
  }
  const flags = lintOptions(values.ignore ?? [], values.severity ?? []);
  if (positionals.length === 0) {
    throw new CliError(`lint needs at least one FILE; see ${program} lint --help`);
  }
  const configs = configLookup(values, say, out);

  const linted: LintedFile[] = [];
  let unreadable = false;
  // Each folder listed and each letter's translation-of read once in the run.
  const disk = filesReadOnce(nodeTranslationFiles);
  for (const file of positionals) {
    try {
      const text = readLetter(file);
      const config = configs(file);
      const options = mergeLintOptions(config.lint, flags);
      const letter = withEngine(file, 'parsing', () => parseLetter(text, config.parse));
      const translation = await translationOf(file, letter, disk, (other) => configs(other).parse);
      const diagnostics = withEngine(file, 'checking', () => lintLetter(letter, { ...options, ...translation }));
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

/**
 * The letter's other language version (`translation-of`, or found beside it by name), read and
 * parsed; none when it has none or it cannot be read (the letter is still checked alone), and
 * `translationNotFound` when its `translation-of` names no other letter.
 */
async function translationOf(
  file: string,
  letter: Letter,
  disk: TranslationFiles,
  parseOptions: (file: string) => ParseOptions,
): Promise<Pick<LintOptions, 'counterpart' | 'translationNotFound'>> {
  const declared = declaredTranslation(letter)?.text ?? null;
  const other = await findTranslation(slashed(file), declared, disk);
  if (!other) return declared === null ? {} : { translationNotFound: true };
  let text: string;
  try {
    text = readLetter(other);
  } catch {
    return {};
  }
  const counterpart: Counterpart = {
    letter: withEngine(other, 'parsing', () => parseLetter(text, parseOptions(other))),
    file: other,
    name: fileName(other),
  };
  return { counterpart };
}

/** `--ignore` and `--severity`, each value checked against the known check codes. */
function lintOptions(ignoreValues: readonly string[], severityValues: readonly string[]): LintOptions {
  const known = new Set(rules.map((r) => r.code));
  const checkCode = (code: string) => {
    if (!known.has(code)) {
      throw new CliError(`unknown check code '${code}'`);
    }
  };
  const ignore: string[] = [];
  for (const value of ignoreValues) {
    for (const code of value.split(',').map((c) => c.trim())) {
      if (code === '') {
        continue;
      }
      checkCode(code);
      ignore.push(code);
    }
  }
  const severityOverrides: Record<string, Severity | 'ignore'> = {};
  for (const value of severityValues) {
    const eq = value.indexOf('=');
    if (eq < 0) {
      throw new CliError(`--severity needs CODE=LEVEL, got '${value}'`);
    }
    const code = value.slice(0, eq).trim();
    const level = value.slice(eq + 1).trim();
    checkCode(code);
    if (!(levels as readonly string[]).includes(level)) {
      throw new CliError(`unknown severity '${level}' for ${code}; use error, warning, information, hint or ignore`);
    }
    severityOverrides[code] = level as Severity | 'ignore';
  }
  return { ignore, severities: severityOverrides };
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
