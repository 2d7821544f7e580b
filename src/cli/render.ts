// advocacy-letter render: the standalone, print-ready preview HTML.
import { renderLetterHtml } from '../core';
import { configLookup, emit, readLetter, refuseOverLetter, requireOutputName, withEngine } from './io';
import {
  configOptions,
  configOptionsHelp,
  exitCodes,
  helpOption,
  langHelp,
  langOption,
  paperOf,
  paperOption,
  parseCommandLine,
  program,
  singleFile,
  type CliOutput,
  type Command,
} from './usage';

const options = {
  output: { type: 'string', short: 'o' },
  ...paperOption,
  ...configOptions,
  ...langOption,
  ...helpOption,
} as const;

const help = `Usage: ${program} render FILE [-o OUT.html] [options]

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

export const render: Command = { name: 'render', help, run };

async function run(args: readonly string[], out: CliOutput): Promise<number> {
  const { values, positionals, say } = parseCommandLine('render', options, args);
  const file = singleFile('render', positionals);
  const output = values.output;
  requireOutputName(output, 'render');
  const paper = paperOf(values.paper, 'render');
  refuseOverLetter(output, file, 'the HTML');
  const configs = configLookup(values, say, out);
  const text = readLetter(file);
  const { lint, parse } = configs(file);
  const html = withEngine(file, 'rendering', () => renderLetterHtml(text, { paper, lint, parse }));
  await emit(output, html, out);
  return exitCodes.ok;
}
