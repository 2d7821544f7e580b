// `npm run bench`: the engine measured against markdown-it, its yardstick. Prints one JSON object
// per line. What is measured is the engine as users run it: src/core and markdown-it bundled and
// minified by esbuild as for dist/extension.js (dist/bench/engine.js); markdown-it's side is the same
// bundled copy. Each figure comes from a process of its own that does only that one thing, over and
// over (as an editor re-reads a letter), so that no run pays for another's garbage: the median of
// several runs after warm-up, in CPU milliseconds, with V8's collector on the main thread so that its
// work counts steadily. Processes for markdown-it and for the engine alternate, and each ratio is the
// median of the ratios of such pairs: a shared machine's drift hits both sides of a pair alike.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import type MarkdownIt from 'markdown-it';
import type * as Core from '../src/core';

const root = path.join(__dirname, '..');
const engineBundle = path.join(root, 'dist', 'bench', 'engine.js');

/** Bundles the engine and markdown-it as the extension's production build does. */
function buildEngine(): void {
  buildSync({
    stdin: { contents: "export * from './src/core'; export { default as markdownIt } from 'markdown-it';", resolveDir: root, loader: 'ts' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    minify: true,
    outfile: engineBundle,
    logLevel: 'silent',
    // As in esbuild.js: jsonc-parser's UMD `main` hides its requires from esbuild.
    alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  });
}
const SIZES = [100, 1_000, 10_000, 20_000];
/** Processes per compared pair and size: markdown-it's and the engine's, alternately. */
const PROCESS_PAIRS = 3;

/** A sign-on letter of `signatories` entries and a tenth as many cited reports, written the way real ones are. */
export function generateLetter(signatories: number): string {
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
  const given = ['Hiroshi', 'Maria', 'Amina', 'John', 'Li', 'Fatima', 'Carlos', 'Yuki', 'Olga', 'Kwame', 'Sofía', 'Arjun'];
  const family = ['Kato', 'Silva', 'Diallo', 'Smith', 'Wang', 'Haddad', 'Pérez', 'Tanaka', 'Ivanova', 'Mensah', 'García', 'Patel'];
  const roles = ['President', 'Director', 'Executive Director', 'Researcher', 'Coordinator', 'Board Member', 'Legal Adviser', 'Volunteer'];
  const orgs = ['Human Rights Watch', 'Amnesty International', 'Life Funds for North Korean Refugees', 'Front Line Defenders',
    'International Federation for Human Rights (FIDH)', 'Asia Pacific Forum on Women, Law and Development', 'Article 19', 'Freedom House'];
  const publishers = ['Human Rights Watch', 'Amnesty International', 'NKDB', 'UN OHCHR', 'International Crisis Group'];
  const lines = [
    '---', 'title: Joint letter on the protection of human rights defenders', 'date: 2024-03-01', 'reply-by: 2024-04-01', '---', '',
    'To: Volker Türk, United Nations High Commissioner for Human Rights', '', 'Subject: Protection of human rights defenders', '',
    'We, the undersigned organizations, write about the reports listed below.', '', '## Cited Reports', '',
  ];
  for (let i = 0; i < Math.max(1, Math.floor(signatories / 10)); i++) {
    const year = 1995 + Math.floor(random() * 28);
    const kind = random();
    if (kind < 0.5) lines.push(`- Report on defenders ${i}, ${pick(publishers)}, ${year}.`);
    else if (kind < 0.8) lines.push(`- *Defenders at risk, part ${i}*, ${pick(publishers)}, March ${year}, https://example.org/reports/${i}`);
    else lines.push(`- “Silenced, volume ${i}”, ${pick(publishers)}`, `  (${pick(['Geneva', 'London', 'Seoul'])}) ${year}.`);
  }
  lines.push('', 'Yours sincerely,', '', '## Signatories', '');
  for (let i = 0; i < signatories; i++) {
    const name = `${pick(given)} ${pick(family)} ${i}`;
    const org = pick(orgs);
    if (random() < 0.15) lines.push(`- ${name}, ${pick(roles)}, ${org.split(' ').slice(0, 2).join(' ')}`, `  ${org.split(' ').slice(2).join(' ') || 'Network'}`);
    else if (random() < 0.05) lines.push(`- ${name} – ${pick(roles)}, ${org};`);
    else lines.push(`- ${name}, ${pick(roles)}, ${org}`);
  }
  return `${lines.join('\n')}\n`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const now = () => Number(process.hrtime.bigint()) / 1e6;
// CPU time of this process (user + system), in ms: steadier than wall time on a shared machine,
// where other processes take turns on the cores.
const cpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** What one measuring process does, over and over. */
type Measure = 'markdownItParse' | 'parseLint' | 'markdownItRender' | 'render' | 'markdownItRendererOnly' | 'rendererOnly';

/** Compared pairs: markdown-it's side, the engine's side, and the name of their ratio. */
const PAIRS: [Measure, Measure, string][] = [
  ['markdownItParse', 'parseLint', 'parseLintRatio'],
  ['markdownItRender', 'render', 'renderRatio'],
  // What the preview does on an edit: the editor's cache holds the parse; the renderer only renders.
  ['markdownItRendererOnly', 'rendererOnly', 'rendererOnlyRatio'],
];

function child(size: number, measure: Measure): void {
  const { lintLetter, readLetter, renderLetter, renderReadLetter, markdownIt } = require(engineBundle) as typeof Core & { markdownIt: typeof MarkdownIt };
  const text = generateLetter(size);
  const md = markdownIt();
  const read = readLetter(text);
  const diagnostics = lintLetter(read.letter);
  const tokens = md.parse(text, {});
  const run: Record<Measure, () => unknown> = {
    markdownItParse: () => md.parse(text, {}),
    parseLint: () => lintLetter(readLetter(text).letter),
    markdownItRender: () => md.render(text),
    render: () => renderLetter(text),
    markdownItRendererOnly: () => md.renderer.render(tokens, md.options, {}),
    rendererOnly: () => renderReadLetter(read, diagnostics),
  };
  const f = run[measure];
  const runs = size >= 10_000 ? 11 : 21;
  for (let i = 0; i < 5; i++) f();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = cpu();
    f();
    times.push(cpu() - start);
  }
  console.log(JSON.stringify({
    ms: median(times),
    reports: read.letter.reports.length,
    parsedSignatories: read.letter.signatories.length,
    bytes: text.length,
    peakRssMB: round(process.resourceUsage().maxRSS / 1024),
    heapUsedMB: round(process.memoryUsage().heapUsed / 1024 / 1024),
  }));
}

const round = (n: number) => Math.round(n * 100) / 100;

/** Loads dist/extension.js with a stand-in `vscode` and times activate(): it must parse nothing. */
function activation(): void {
  const calls: string[] = [];
  const stub = (name: string): unknown =>
    new Proxy(function () {}, {
      get: (_t, key) => (key === 'then' ? undefined : key === Symbol.toPrimitive ? () => name : stub(`${name}.${String(key)}`)),
      apply: () => {
        calls.push(name);
        return stub(`${name}()`);
      },
      construct: () => stub(`new ${name}`) as object,
      set: () => true,
      defineProperty: () => true,
    });
  // `import * as vscode` copies the module's own keys: list the API's namespaces and classes.
  const names = ['Disposable', 'window', 'workspace', 'languages', 'commands', 'env', 'extensions', 'l10n', 'Uri', 'Range', 'Position', 'Selection', 'Location',
    'Diagnostic', 'DiagnosticSeverity', 'DiagnosticRelatedInformation', 'WorkspaceEdit', 'SnippetTextEdit', 'SnippetString', 'CodeAction',
    'CodeActionKind', 'SymbolKind', 'DocumentSymbol', 'FoldingRange', 'Hover', 'MarkdownString', 'CompletionItem', 'CompletionItemKind',
    'EventEmitter', 'StatusBarAlignment', 'ViewColumn', 'TextEditorRevealType', 'ProgressLocation', 'ConfigurationTarget', 'TabInputText', 'ThemeIcon'];
  const vscode = Object.fromEntries(names.map((name) => [name, stub(`vscode.${name}`)]));
  const load = (Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown })._load;
  (Module as unknown as { _load: unknown })._load = (request: string, ...rest: unknown[]) => (request === 'vscode' ? vscode : load(request, ...rest));
  let start = now();
  const extension = require(path.join(root, 'dist', 'extension.js'));
  const loadMs = now() - start;
  start = now();
  const api = extension.activate({ subscriptions: [], extensionUri: stub('extensionUri') });
  const activateMs = now() - start;
  console.log(JSON.stringify({ activation: true, requireMs: round(loadMs), activateMs: round(activateMs), lettersParsed: api.documents.parseCount }));
}

function main(): void {
  const [mode, argument] = process.argv.slice(2);
  if (mode === '--child') return child(Number(argument), process.argv[4] as Measure);
  if (mode === '--activation') return activation();
  const self = (...args: string[]) => {
    const result = spawnSync(process.execPath, ['--single-threaded-gc', '--import', 'tsx', __filename, ...args], { cwd: root, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`bench ${args.join(' ')} failed:\n${result.stderr}`);
    return JSON.parse(result.stdout.trim().split('\n').pop()!);
  };
  buildEngine();
  // `npm run bench -- --sizes 10000,20000` measures only those sizes (and skips the bundles and activation).
  const only = mode === '--sizes' ? argument.split(',').map(Number) : null;
  for (const size of only ?? SIZES) {
    const line: Record<string, unknown> = { signatories: size };
    for (const [yardstick, engine, ratio] of PAIRS) {
      const pairs: { md: Record<string, number>; ours: Record<string, number> }[] = [];
      for (let p = 0; p < PROCESS_PAIRS; p++) pairs.push({ md: self('--child', String(size), yardstick), ours: self('--child', String(size), engine) });
      const first = pairs[0].ours;
      Object.assign(line, { reports: first.reports, parsedSignatories: first.parsedSignatories, bytes: first.bytes });
      line[`${yardstick}Ms`] = round(median(pairs.map((pair) => pair.md.ms)));
      line[`${engine}Ms`] = round(median(pairs.map((pair) => pair.ours.ms)));
      const ratios = pairs.map((pair) => round(pair.ours.ms / pair.md.ms));
      line[ratio] = median(ratios);
      line[`${ratio}s`] = ratios;
      if (engine === 'parseLint') {
        line.peakRssMB = median(pairs.map((pair) => pair.ours.peakRssMB));
        line.markdownItPeakRssMB = median(pairs.map((pair) => pair.md.peakRssMB));
      }
    }
    console.log(JSON.stringify(line));
  }
  if (only) return;
  // Growth from 10,000 to 20,000 signatories, for the engine and for markdown-it itself: each the
  // median ratio of alternating 20k and 10k processes (times from distant processes drift apart).
  const growth = (measure: Measure) =>
    median(Array.from({ length: PROCESS_PAIRS }, () => round(self('--child', '20000', measure).ms / self('--child', '10000', measure).ms)));
  console.log(JSON.stringify({
    growth: '10k→20k',
    parseLintGrowth: growth('parseLint'),
    markdownItParseGrowth: growth('markdownItParse'),
    renderGrowth: growth('render'),
  }));
  // Bundle sizes as users get them: the production build's metafiles.
  const build = spawnSync(process.execPath, ['esbuild.js', '--production'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`production build failed:\n${build.stderr}`);
  const sizes: Record<string, number> = {};
  for (const name of ['extension', 'yaml', 'papaparse', 'jsonc-parser', 'web', 'cli', 'preview']) {
    const meta = path.join(root, 'dist', `meta-${name}.json`);
    if (!fs.existsSync(meta)) continue;
    const outputs = JSON.parse(fs.readFileSync(meta, 'utf8')).outputs as Record<string, { bytes: number }>;
    for (const [file, { bytes }] of Object.entries(outputs)) if (file.endsWith('.js')) sizes[file] = Math.round(bytes / 102.4) / 10;
  }
  console.log(JSON.stringify({ bundleKB: sizes, minified: true }));
  console.log(JSON.stringify(self('--activation')));
}

if (require.main === module) main();
