// advocacy-letter signatories import|export|sort: signatories from and to a spreadsheet.
import * as fs from 'node:fs';
import { applyTextEdit, parseLetter, type Letter, type TextEdit, type Translate } from '../core';
import {
  decodeCsv,
  importReport,
  importSummary,
  planSignatoryImport,
  signatoriesToCsv,
  sortSignatories,
} from '../workflows';
import { samePath } from '../node';
import { readFailure, readLetter, withEngine, writeOutput } from './io';
import {
  CliError,
  exitCodes,
  helpOption,
  langOption,
  parseCommandLine,
  program,
  said,
  type CliOutput,
  type Command,
} from './usage';

const options = {
  output: { type: 'string', short: 'o' },
  'dry-run': { type: 'boolean' },
  by: { type: 'string' },
  locale: { type: 'string' },
  'no-bom': { type: 'boolean' },
  ...langOption,
  ...helpOption,
} as const;

const help = `Usage: ${program} signatories import LETTER.letter.md DATA.csv [--dry-run] [-o OUT]
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
`;

export const signatories: Command = { name: 'signatories', help, run };

const see = `see ${program} signatories --help`;

/** The change to make to the letter (none when it has nothing to change) and the summary line. */
interface Change {
  edit: TextEdit | null | undefined;
  summary: string;
}

async function run(args: readonly string[], out: CliOutput): Promise<number> {
  const { values, positionals, say } = parseCommandLine('signatories', options, args);
  const [sub, file, csvFile] = positionals;
  if (sub !== 'import' && sub !== 'export' && sub !== 'sort') {
    throw new CliError(
      sub === undefined
        ? `signatories needs import, export or sort; ${see}`
        : `unknown signatories command '${sub}'; use import, export or sort (${see})`,
    );
  }
  const operands = sub === 'import' ? 'a LETTER and a CSV file' : 'one LETTER';
  const tooMany = positionals.length > (sub === 'import' ? 3 : 2);
  if (file === undefined || (sub === 'import' && csvFile === undefined) || tooMany) {
    throw new CliError(`signatories ${sub} takes ${operands}; ${see}`);
  }
  const output = values.output;
  if (output === '' || (output === '-' && sub !== 'export')) throw new CliError(`option -o needs a file name; ${see}`);
  const text = readLetter(file);
  const letter = withEngine(file, 'parsing', () => parseLetter(text));
  if (sub === 'export') {
    const toFile = output !== undefined && output !== '-';
    if (toFile && samePath(file, output)) {
      throw new CliError(`refusing to write the CSV over the letter ${file}; give another -o file`);
    }
    const csv = signatoriesToCsv(letter, { bom: toFile && values['no-bom'] !== true });
    if (toFile) await writeOutput(output, csv);
    else out.stdout(csv);
    return exitCodes.ok;
  }
  const { edit, summary } =
    sub === 'import'
      ? importRows(file, letter, csvFile, say, out)
      : sortEntries(file, letter, values.by, values.locale);
  const target = output ?? file;
  const dryRun = values['dry-run'] === true;
  if (dryRun || (!edit && target === file)) {
    out.stderr(`${summary}; ${dryRun ? 'dry run, ' : ''}${target} not written\n`);
    return exitCodes.ok;
  }
  // A byte order mark the letter starts with stays.
  const bom = fs
    .readFileSync(file)
    .subarray(0, 3)
    .equals(Buffer.from([0xef, 0xbb, 0xbf]))
    ? '\uFEFF'
    : '';
  await writeOutput(target, bom + (edit ? applyTextEdit(text, edit) : text));
  out.stderr(`${summary}; wrote ${target}\n`);
  return exitCodes.ok;
}

/** Plans the import of `csvFile`'s rows and prints what becomes of each; a malformed CSV changes nothing. */
function importRows(file: string, letter: Letter, csvFile: string, say: Translate, out: CliOutput): Change {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(csvFile);
  } catch (error) {
    throw new CliError(readFailure(csvFile, error));
  }
  const decoded = decodeCsv(bytes);
  if ('error' in decoded) {
    throw new CliError(`${csvFile}: ${said(say, decoded.error, decoded.l10n)}; ${file} was not changed`);
  }
  const plan = withEngine(file, 'importing signatories into', () => planSignatoryImport(letter, decoded.text));
  if (plan.error) {
    throw new CliError(`${csvFile}: ${said(say, plan.error.message, plan.error.l10n)}; ${file} was not changed`);
  }
  out.stdout(importReport(plan, csvFile, say));
  // The summary line is the command line's own, in English like its other lines.
  const summary = [`${plan.added.length} added`, importSummary(plan, 0)].filter(Boolean).join(', ');
  return { edit: plan.edit, summary };
}

function sortEntries(file: string, letter: Letter, by: string | undefined, locale: string | undefined): Change {
  if (by !== 'name' && by !== 'organization') {
    throw new CliError(
      by === undefined
        ? `sort needs --by name or --by organization; ${see}`
        : `unknown key '${by}' for --by; use name or organization`,
    );
  }
  try {
    if (locale !== undefined) Intl.getCanonicalLocales(locale);
  } catch {
    throw new CliError(`'${locale}' is not a language tag for --locale; try en, ja or de`);
  }
  const edit = withEngine(file, 'sorting', () => sortSignatories(letter, by, locale ?? letter.lang));
  return { edit, summary: edit ? `signatories sorted by ${by}` : `signatories already sorted by ${by}` };
}
