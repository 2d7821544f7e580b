// The shared configuration file `.advocacy-letter.json` (JSONC): read by the extension and the
// command line alike. Pure: the caller finds and reads the file.
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { positionsIn } from './text/positions';
import type { LintOptions, Severity, SignatoryField } from './diagnostic';
import { said, templates, type Message, type MessageArg, type Template } from './messages';
import type { FieldKind, Range } from './model';
import type { ParseOptions } from './parseLetter';
import { rules } from './rules';
import type { VocabularyExtras } from './vocabulary';
import schema from '../../schemas/advocacy-letter.schema.json';

export const configFileName = '.advocacy-letter.json';

export interface LetterConfig {
  severity?: Record<string, Severity | 'ignore'>;
  signatories?: { requiredFields?: SignatoryField[] };
  sections?: { reports?: string[]; signatories?: string[] };
  fieldLabels?: Partial<Record<FieldKind, string[]>>;
}

export interface ConfigProblem {
  message: string;
  /** The message's template and arguments, for translation. */
  l10n?: Message;
  range: Range;
}

// What the file may hold is said once, in its JSON schema (which also gives VS Code's completion
// and hover in the file); the reader below takes its keys and values from there and adds what a
// schema validator cannot: a problem at the exact place, in the writer's language, and the valid
// rest still used.
const topKeys = Object.keys(schema.properties);
const levels = schema.properties.severity.additionalProperties.enum as readonly (Severity | 'ignore')[];
const signatoryKeys = Object.keys(schema.properties.signatories.properties);
const signatoryFields = schema.properties.signatories.properties.requiredFields.items.enum as readonly SignatoryField[];
const sectionKinds = Object.keys(schema.properties.sections.properties) as readonly ('reports' | 'signatories')[];
const fieldKinds = Object.keys(schema.properties.fieldLabels.properties) as readonly FieldKind[];

const list = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');

/** Reads `.advocacy-letter.json`: every problem with its range; whatever is valid is still used. Never throws. */
export function readLetterConfig(text: string): { config: LetterConfig; problems: ConfigProblem[] } {
  const position = positionsIn(text);
  const rangeOf = (offset: number, length: number): Range => ({
    start: position(offset),
    end: position(offset + length),
  });
  const problems: ConfigProblem[] = [];
  const problem = (node: Node, template: Template, ...args: MessageArg[]) =>
    problems.push({ ...said(template, ...args), range: rangeOf(node.offset, node.length) });

  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  for (const e of errors) {
    problems.push({
      ...said(templates.configInvalidJson, printParseErrorCode(e.error)),
      range: rangeOf(e.offset, e.length),
    });
  }
  const config: LetterConfig = {};
  if (!root) return { config, problems };
  if (root.type !== 'object') {
    problem(root, templates.configNotObject);
    return { config, problems };
  }

  /** The property nodes of an object node, each key reported when not among `known`. */
  const properties = (node: Node, known: readonly string[], where: string | null) => {
    const out: { key: string; keyNode: Node; value: Node }[] = [];
    for (const property of node.children ?? []) {
      const [keyNode, value] = property.children ?? [];
      if (!keyNode || !value) continue;
      const key = String(keyNode.value);
      if (!known.includes(key)) {
        if (where) problem(keyNode, templates.configUnknownKeyIn, key, where, list(known));
        else problem(keyNode, templates.configUnknownKey, key, list(known));
        continue;
      }
      out.push({ key, keyNode, value });
    }
    return out;
  };
  const isObject = (node: Node, what: string) => {
    if (node.type === 'object') return true;
    problem(node, templates.configMustBeObject, what);
    return false;
  };
  const strings = (node: Node, what: string, allowed?: readonly string[]): string[] | undefined => {
    if (node.type !== 'array') {
      problem(node, templates.configMustBeStrings, what);
      return undefined;
    }
    const values: string[] = [];
    for (const item of node.children ?? []) {
      if (item.type !== 'string') problem(item, templates.configEntryNotString, what);
      else if (allowed && !allowed.includes(String(item.value)))
        problem(item, templates.configUnknownValue, what, String(item.value), list(allowed));
      else if (!allowed && String(item.value).trim() === '') problem(item, templates.configEntryEmpty, what);
      else values.push(String(item.value));
    }
    return values;
  };

  const codes = rules.map((r) => r.code);
  for (const { key, value } of properties(root, topKeys, null)) {
    if (key === '$schema') {
      if (value.type !== 'string') problem(value, templates.configSchemaNotString);
    } else if (key === 'severity') {
      if (!isObject(value, '"severity"')) continue;
      const severity: Record<string, Severity | 'ignore'> = {};
      for (const property of value.children ?? []) {
        const [keyNode, level] = property.children ?? [];
        if (!keyNode || !level) continue;
        const code = String(keyNode.value);
        if (!codes.includes(code)) problem(keyNode, templates.configUnknownCode, code);
        else if (level.type !== 'string' || !(levels as readonly string[]).includes(level.value as string)) {
          problem(level, templates.configSeverity, code, list(levels));
        } else severity[code] = level.value as Severity | 'ignore';
      }
      config.severity = severity;
    } else if (key === 'signatories') {
      if (!isObject(value, '"signatories"')) continue;
      for (const entry of properties(value, signatoryKeys, 'signatories')) {
        const fields = strings(entry.value, '"signatories.requiredFields"', signatoryFields);
        if (fields) config.signatories = { requiredFields: fields as SignatoryField[] };
      }
    } else if (key === 'sections') {
      if (!isObject(value, '"sections"')) continue;
      const sections: NonNullable<LetterConfig['sections']> = {};
      for (const entry of properties(value, sectionKinds, 'sections')) {
        const names = strings(entry.value, `"sections.${entry.key}"`);
        if (names) sections[entry.key as (typeof sectionKinds)[number]] = names;
      }
      config.sections = sections;
    } else if (key === 'fieldLabels') {
      if (!isObject(value, '"fieldLabels"')) continue;
      const labels: NonNullable<LetterConfig['fieldLabels']> = {};
      for (const entry of properties(value, fieldKinds, 'fieldLabels')) {
        const names = strings(entry.value, `"fieldLabels.${entry.key}"`);
        if (names) labels[entry.key as FieldKind] = names;
      }
      config.fieldLabels = labels;
    }
  }
  return { config, problems };
}

/** The lint and parse options a configuration stands for. */
export function configToOptions(config: LetterConfig): { lint: LintOptions; parse: ParseOptions } {
  const lint: LintOptions = {};
  if (config.severity) lint.severities = { ...config.severity };
  if (config.signatories?.requiredFields) lint.requiredSignatoryFields = [...config.signatories.requiredFields];
  const vocabulary: VocabularyExtras = {};
  if (config.sections && Object.keys(config.sections).length > 0) vocabulary.sectionNames = { ...config.sections };
  if (config.fieldLabels && Object.keys(config.fieldLabels).length > 0)
    vocabulary.fieldLabels = { ...config.fieldLabels };
  return { lint, parse: Object.keys(vocabulary).length > 0 ? { vocabulary } : {} };
}
