import type { Letter, Range } from '../model';
import type { Problem, RuleDefinition } from './rule';

// Runs of two or more spaces, NBSPs or tabs, and whitespace ending a line. A lone NBSP is deliberate.
const IRREGULAR = /[ \t\u00a0]{2,}|[ \t\u00a0]+$/g;

/** The texts the check reads: each labelled field, listed addressee, cited report and signatory. */
function* checkedTexts(letter: Letter): Generator<{ owner: () => string; range: Range }> {
  for (const f of letter.fields) yield { owner: () => `The ${f.label} field`, range: f.range };
  let i = 0;
  for (const a of letter.addressees) {
    const n = ++i;
    if (a.listItem) yield { owner: () => `Addressee ${n}`, range: a.range };
  }
  for (const r of letter.reports) if (r.text !== '') yield { owner: () => `Cited report ${r.index}`, range: r.textRange };
  for (const s of letter.signatories) if (s.text !== '') yield { owner: () => `Signatory ${s.index}`, range: s.textRange };
}

function describe(run: string, trailing: boolean): string {
  if (trailing) return 'trailing whitespace';
  if (run.includes('\u00a0') && run.includes(' ')) return 'a non-breaking space next to a space';
  if (run.includes('\t')) return 'a tab in the text';
  return 'a doubled space';
}

export const whitespaceIrregular: RuleDefinition = {
  code: 'whitespace-irregular',
  severity: 'hint',
  description: 'Doubled spaces, a non-breaking space next to a space, or trailing spaces inside an entry or field.',
  check(letter, report) {
    for (const { owner, range } of checkedTexts(letter)) {
      for (let line = range.start.line; line <= range.end.line; line++) {
        const text = letter.lines[line] ?? '';
        // Most lines have nothing to report: look for a space run, an NBSP, a tab or a last space before the regex.
        const lastChar = text.charCodeAt(text.length - 1);
        if (text.indexOf('  ') < 0 && text.indexOf('\u00a0') < 0 && text.indexOf('\t') < 0 && lastChar !== 0x20) continue;
        // A continuation line starts after its indentation and any block quote markers.
        const from = line === range.start.line ? range.start.character : text.search(/[^\s>]|$/);
        IRREGULAR.lastIndex = from;
        for (let m = IRREGULAR.exec(text); m; m = IRREGULAR.exec(text)) {
          const trailing = m.index + m[0].length === text.length;
          const at: Range = { start: { line, character: m.index }, end: { line, character: m.index + m[0].length } };
          const problem: Problem = {
            message: `${owner()} has ${describe(m[0], trailing)}`,
            range: at,
            fix: trailing
              ? { title: 'Remove the trailing whitespace', edits: [{ range: at, newText: '' }] }
              : { title: 'Replace with a single space', edits: [{ range: at, newText: ' ' }] },
          };
          report(problem);
        }
      }
    }
  },
};
