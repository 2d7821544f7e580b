// advocacy-letter text: the letter as plain text, for an e-mail body or a web form.
import { letterToPlainText } from '../workflows';
import { configLookup, emit, readLetter, refuseOverLetter, requireOutputName, withEngine } from './io';
import {
  configOptions,
  configOptionsHelp,
  exitCodes,
  helpOption,
  langHelp,
  langOption,
  parseCommandLine,
  program,
  singleFile,
  type CliOutput,
  type Command,
} from './usage';

const options = {
  output: { type: 'string', short: 'o' },
  'no-wrap': { type: 'boolean' },
  ...configOptions,
  ...langOption,
  ...helpOption,
} as const;

const help = `Usage: ${program} text FILE [-o OUT.txt] [--no-wrap] [options]

Print the letter as plain text, for an e-mail body or a web form: no markup,
the cited reports numbered, one signatory per line, lines wrapped at 72
columns (Japanese is broken only between words).

Options:
  -o, --output OUT.txt    write to OUT.txt instead of stdout; the file is
                          replaced in one step, never left half written
  --no-wrap               keep each paragraph on one line (for web forms)
${configOptionsHelp}${langHelp}  -h, --help              show this help

Exit status: 0, or 2 when a file cannot be read or written or the arguments are
wrong.
`;

export const text: Command = { name: 'text', help, run };

async function run(args: readonly string[], out: CliOutput): Promise<number> {
  const { values, positionals, say } = parseCommandLine('text', options, args);
  const file = singleFile('text', positionals);
  const output = values.output;
  requireOutputName(output, 'text');
  refuseOverLetter(output, file, 'the text');
  const configs = configLookup(values, say, out);
  const source = readLetter(file);
  const { parse } = configs(file);
  const plain = withEngine(file, 'rendering', () =>
    letterToPlainText(source, { parse, wrap: values['no-wrap'] ? false : 72 }),
  );
  await emit(output, plain, out);
  return exitCodes.ok;
}
