// Writes the files that repeat what the engine knows (its checks, labels and section names), so that they
// cannot drift from it:
//   npm run build:contributions
// test/unit/contributions.test.ts fails when a committed file is not what this script writes.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { rules, severities, type Rule } from '../src/core';
import { buildGrammar } from './grammar';

export const repoRoot = join(__dirname, '..');

export interface Contribution {
  /** From the repository root. */
  path: string;
  /** The file's text. It is given the committed text: some files are generated only in part. */
  write(committed: string): string;
}

type Json = { [key: string]: unknown };
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** What a check's severity may be set to. */
const levels = [...severities, 'ignore'];
const codes = rules.map((rule) => rule.code);

// --- the severity setting: the configuration file's schema, VS Code's setting and its texts ----------

function configSchema(committed: string): string {
  const schema = JSON.parse(committed);
  const severity = schema.properties.severity;
  severity.propertyNames.enum = codes;
  severity.additionalProperties.enum = levels;
  severity.properties = Object.fromEntries(
    rules.map((rule) => [rule.code, { enum: levels, description: rule.description }]),
  );
  return json(schema);
}

function manifest(committed: string): string {
  const manifest = JSON.parse(committed);
  const setting = manifest.contributes.configuration.properties['advocacyLetter.severity'];
  setting.properties = Object.fromEntries(
    rules.map((rule) => [
      rule.code,
      {
        type: 'string',
        enum: levels,
        enumDescriptions: levels.map((level) => `%config.severity.level.${level}%`),
        markdownDescription: `%${descriptionKey(rule)}%`,
      },
    ]),
  );
  return json(manifest);
}

const descriptionKey = (rule: Rule) => `config.severity.${rule.code}.markdownDescription`;
const isDescriptionKey = (key: string) => /^config\.severity\.[^.]+\.markdownDescription$/.test(key);

/**
 * A package.nls file with one description per check, in the rules' order, after the severity setting's own
 * texts; the others are kept as they are. A check that is gone loses its description.
 */
function settingTexts(committed: string, describe: (rule: Rule) => string): string {
  const entries = Object.entries(JSON.parse(committed) as Json).filter(([key]) => !isDescriptionKey(key));
  let at = 0;
  entries.forEach(([key], i) => {
    if (key.startsWith('config.severity.')) at = i + 1;
  });
  entries.splice(at, 0, ...rules.map((rule) => [descriptionKey(rule), describe(rule)] as [string, unknown]));
  return json(Object.fromEntries(entries));
}

// --- the snippets of disable comments: a choice of every check code ----------------------------------

/** The choice (`${1|a,b|}`) right after a disable comment's directive. */
const CODE_CHOICE = /(<!-- letter-lint-(?:disable-next-line|disable-file|disable|enable) \$\{\d+\|)[^|]*(\|\})/g;

function snippets(committed: string): string {
  // The file is JSON with comments, written by hand: only the choices are rewritten, the rest kept as it is.
  let found = 0;
  const text = committed.replace(CODE_CHOICE, (_, start: string, end: string) => {
    found++;
    return `${start}${codes.join(',')}${end}`;
  });
  // Silence here would leave the choices to go stale.
  if (found === 0) throw new Error('the snippets have no letter-lint-… ${1|…|} choice of check codes to write');
  return text;
}

// --- the docs' tables of checks ----------------------------------------------------------------------

const TABLE_START = '<!-- checks:start -->';
const TABLE_END = '<!-- checks:end -->';

/** The table of checks between the markers of a page in docs/ (the rest of the page is written by hand). */
function checksTable(committed: string, path: string): string {
  const start = committed.indexOf(TABLE_START);
  const end = committed.indexOf(TABLE_END, start);
  if (start < 0 || end < 0) throw new Error(`${path} has no ${TABLE_START} … ${TABLE_END} to put the checks between`);
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const rows = rules.map((rule) => {
    const page = posix.relative(posix.dirname(path), rule.docs);
    return `| [${rule.code}](${page}) | ${rule.severity} | ${cell(rule.description)} |`;
  });
  // Blank lines around the table: no Markdown reader takes a marker for one of its rows.
  const table = ['| code | default level | what it means |', '| --- | --- | --- |', ...rows].join('\n');
  return `${committed.slice(0, start + TABLE_START.length)}\n\n${table}\n\n${committed.slice(end)}`;
}

export const contributions: readonly Contribution[] = [
  { path: 'syntaxes/advocacy-letter.tmLanguage.json', write: () => json(buildGrammar()) },
  { path: 'schemas/advocacy-letter.schema.json', write: configSchema },
  { path: 'package.json', write: manifest },
  {
    path: 'package.nls.json',
    write: (text) => settingTexts(text, (rule) => `${rule.description} Default: \`${rule.severity}\`.`),
  },
  {
    path: 'package.nls.ja.json',
    write: (text) => settingTexts(text, (rule) => `${rule.descriptionJa}既定値: \`${rule.severity}\`。`),
  },
  { path: 'snippets/advocacy-letter.code-snippets', write: snippets },
  { path: 'docs/format.md', write: (text) => checksTable(text, 'docs/format.md') },
  { path: 'docs/README.md', write: (text) => checksTable(text, 'docs/README.md') },
];

export const readCommitted = (path: string): string => readFileSync(join(repoRoot, path), 'utf8');

if (require.main === module) {
  for (const contribution of contributions) {
    const { path } = contribution;
    const committed = readCommitted(path);
    const text = contribution.write(committed);
    if (text === committed) continue;
    writeFileSync(join(repoRoot, path), text);
    console.log(`wrote ${path}`);
  }
}
