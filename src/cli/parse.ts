// advocacy-letter parse: the letter as the checks understand it, as JSON.
import { letterToJson, parseLetter } from '../core';
import { configLookup, readLetter, withEngine } from './io';
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

const options = { ...configOptions, ...langOption, ...helpOption } as const;

const help = `Usage: ${program} parse FILE [options]

Print the letter as the checks understand it, as JSON: title, addressees
[{name, titles}], date and replyBy (YYYY-MM-DD or null), reports [{title,
publisher, year, url, line}], signatories [{name, role, organization, place,
line}], cc, subject, signedBy. Lines are 1-based.

Options:
${configOptionsHelp}${langHelp}  -h, --help              show this help

Exit status: 0, or 2 when the file cannot be read or the arguments are wrong.
`;

export const parse: Command = { name: 'parse', help, run };

function run(args: readonly string[], out: CliOutput): number {
  const { values, positionals, say } = parseCommandLine('parse', options, args);
  const file = singleFile('parse', positionals);
  const configs = configLookup(values, say, out);
  const text = readLetter(file);
  const { parse } = configs(file);
  const json = withEngine(file, 'parsing', () => letterToJson(parseLetter(text, parse)));
  out.stdout(`${JSON.stringify(json, null, 2)}\n`);
  return exitCodes.ok;
}
