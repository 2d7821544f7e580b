// The shared configuration file `.advocacy-letter.json`: reading it (JSONC), its problems with their
// ranges, the options it stands for, and its JSON schema.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configToOptions, lintLetter, parseLetter, readLetterConfig, rules, type Range } from '../../src/core';

const root = join(__dirname, '..', '..');

/** The text a range covers. */
function textAt(text: string, range: Range): string {
  const lines = text.split('\n');
  if (range.start.line === range.end.line)
    return lines[range.start.line].slice(range.start.character, range.end.character);
  return [
    lines[range.start.line].slice(range.start.character),
    ...lines.slice(range.start.line + 1, range.end.line),
    lines[range.end.line].slice(0, range.end.character),
  ].join('\n');
}

describe('readLetterConfig', () => {
  test('a valid file gives its options', () => {
    const { config, problems } = readLetterConfig(`{
      "severity": { "report-year-missing": "error", "whitespace-irregular": "ignore" },
      "signatories": { "requiredFields": ["name", "organization"] },
      "sections": { "reports": ["Quellen"], "signatories": ["Unterzeichner"] },
      "fieldLabels": { "addressee": ["Empfänger"], "date": ["Datum"] }
    }`);
    assert.deepEqual(problems, []);
    assert.deepEqual(configToOptions(config), {
      lint: {
        severities: { 'report-year-missing': 'error', 'whitespace-irregular': 'ignore' },
        requiredSignatoryFields: ['name', 'organization'],
      },
      parse: {
        vocabulary: {
          sectionNames: { reports: ['Quellen'], signatories: ['Unterzeichner'] },
          fieldLabels: { addressee: ['Empfänger'], date: ['Datum'] },
        },
      },
    });
  });

  test('comments and trailing commas are allowed', () => {
    const { config, problems } = readLetterConfig(`// Our coalition's settings
{
  /* checks */
  "severity": { "report-year-missing": "hint", }, // trailing comma
  "signatories": { "requiredFields": ["name",], },
}
`);
    assert.deepEqual(problems, []);
    assert.deepEqual(config, {
      severity: { 'report-year-missing': 'hint' },
      signatories: { requiredFields: ['name'] },
    });
  });

  test('an empty file or an empty object is no configuration and no problem', () => {
    assert.deepEqual(readLetterConfig('{}'), { config: {}, problems: [] });
    assert.deepEqual(configToOptions({}), { lint: {}, parse: {} });
  });

  const cases: [string, string, string, RegExp][] = [
    ['an unknown key', '{\n  "severity": {},\n  "colour": "red"\n}', '"colour"', /Unknown key "colour"/],
    [
      'an unknown nested key',
      '{ "signatories": { "required": ["name"] } }',
      '"required"',
      /Unknown key "required" in "signatories"/,
    ],
    [
      'an unknown rule code',
      '{\n  "severity": {\n    "no-such-check": "error"\n  }\n}',
      '"no-such-check"',
      /Unknown check code "no-such-check"/,
    ],
    [
      'a bad severity',
      '{ "severity": { "report-year-missing": "fatal" } }',
      '"fatal"',
      /must be one of "error", "warning", "information", "hint", "ignore"/,
    ],
    ['a severity of the wrong type', '{ "severity": { "report-year-missing": 2 } }', '2', /must be one of/],
    ['a section of the wrong type', '{ "sections": "Quellen" }', '"Quellen"', /"sections" must be an object/],
    [
      'a list of the wrong type',
      '{ "sections": { "reports": "Quellen" } }',
      '"Quellen"',
      /"sections.reports" must be an array of strings/,
    ],
    ['a non-string list entry', '{ "fieldLabels": { "cc": ["Kopie", 3] } }', '3', /each entry must be a string/],
    [
      'an unknown signatory field',
      '{ "signatories": { "requiredFields": ["name", "email"] } }',
      '"email"',
      /unknown value "email"/,
    ],
    [
      'an unknown field kind',
      '{ "fieldLabels": { "sender": ["Von"] } }',
      '"sender"',
      /Unknown key "sender" in "fieldLabels"/,
    ],
    ['a top level of the wrong type', '[1, 2]', '[1, 2]', /must be an object/],
  ];
  for (const [name, text, covered, message] of cases) {
    test(`${name} is a problem at its exact range`, () => {
      const { problems } = readLetterConfig(text);
      assert.equal(problems.length, 1, JSON.stringify(problems));
      assert.match(problems[0].message, message);
      assert.equal(textAt(text, problems[0].range), covered);
    });
  }

  test('the range of a problem on a later line is 0-based', () => {
    const { problems } = readLetterConfig('{\n  "severity": {\n    "nope": "error"\n  }\n}');
    assert.deepEqual(problems[0].range, { start: { line: 2, character: 4 }, end: { line: 2, character: 10 } });
  });

  test('broken JSON is a problem, never a throw, and the valid rest is used', () => {
    const text = '{\n  "severity": { "report-year-missing": "error" },\n  "sections": { "reports": ["Quellen"] \n';
    const { config, problems } = readLetterConfig(text);
    assert.ok(problems.length > 0);
    assert.match(problems[0].message, /Invalid JSON/);
    assert.deepEqual(config.severity, { 'report-year-missing': 'error' });
    for (const garbage of ['', '   ', 'nonsense', '{"severity": ', '}{', '"str"', 'null']) {
      assert.doesNotThrow(() => readLetterConfig(garbage));
    }
  });

  test('the valid part of a file with problems is still used', () => {
    const { config, problems } = readLetterConfig(
      '{ "severity": { "nope": "error", "report-year-missing": "ignore" }, "extra": 1, "fieldLabels": { "cc": ["Kopie", 3] } }',
    );
    assert.equal(problems.length, 3);
    assert.deepEqual(config, { severity: { 'report-year-missing': 'ignore' }, fieldLabels: { cc: ['Kopie'] } });
  });
});

describe('configuration vocabulary', () => {
  const letter = `# Offener Brief

Empfänger: Jane Doe, Minister of Justice

Date: 2024-03-01

## Unterzeichner

- Erika Mustermann, Director, Human Rights Watch
`;

  test('without the configuration, the heading and label are unknown', () => {
    const parsed = parseLetter(letter);
    assert.equal(parsed.addressees.length, 0);
    assert.equal(parsed.signatories.length, 0);
  });

  test('an extra section name and field label are read as the built-in ones', () => {
    const { config } = readLetterConfig(
      '{ "sections": { "signatories": ["Unterzeichner"] }, "fieldLabels": { "addressee": ["Empfänger"] } }',
    );
    const { parse, lint } = configToOptions(config);
    const parsed = parseLetter(letter, parse);
    assert.equal(parsed.addressees[0]?.name, 'Jane Doe');
    assert.equal(parsed.signatories.length, 1);
    assert.equal(parsed.signatories[0].name, 'Erika Mustermann');
    const codes = lintLetter(parsed, lint).map((d) => d.code);
    assert.ok(!codes.includes('signatories-missing'), codes.join());
    assert.ok(!codes.includes('addressee-missing'), codes.join());
  });

  test('severities of the configuration apply', () => {
    const { config } = readLetterConfig('{ "severity": { "date-missing": "hint", "addressee-missing": "ignore" } }');
    const diagnostics = lintLetter(parseLetter('# Title\n'), configToOptions(config).lint);
    assert.equal(diagnostics.find((d) => d.code === 'date-missing')?.severity, 'hint');
    assert.ok(!diagnostics.some((d) => d.code === 'addressee-missing'));
  });
});

describe('schemas/advocacy-letter.schema.json', () => {
  const schema = JSON.parse(readFileSync(join(root, 'schemas', 'advocacy-letter.schema.json'), 'utf8'));

  test('its enum of check codes is the rule codes', () => {
    const codes = rules.map((r) => r.code);
    assert.deepEqual([...schema.properties.severity.propertyNames.enum].sort(), [...codes].sort());
    assert.deepEqual(Object.keys(schema.properties.severity.properties).sort(), [...codes].sort());
  });

  test('it is draft-07 with the keys the reader knows', () => {
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.deepEqual(Object.keys(schema.properties).sort(), [
      '$schema',
      'fieldLabels',
      'sections',
      'severity',
      'signatories',
    ]);
    assert.deepEqual(Object.keys(schema.properties.fieldLabels.properties).sort(), [
      'addressee',
      'cc',
      'date',
      'replyBy',
      'subject',
    ]);
    assert.deepEqual(schema.properties.signatories.properties.requiredFields.items.enum, [
      'name',
      'role',
      'organization',
    ]);
  });

  test('package.json contributes it and opens the file as JSONC', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    assert.deepEqual(manifest.contributes.jsonValidation, [
      { fileMatch: '.advocacy-letter.json', url: './schemas/advocacy-letter.schema.json' },
    ]);
    assert.ok(
      manifest.contributes.languages.some(
        (l: { id: string; filenames?: string[] }) => l.id === 'jsonc' && l.filenames?.includes('.advocacy-letter.json'),
      ),
    );
  });
});
