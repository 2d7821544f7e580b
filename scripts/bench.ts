// `npm run bench`: the engine measured against markdown-it, its yardstick. Prints one JSON object
// per line. What is measured is the engine as users run it: src/core and markdown-it bundled and
// minified by esbuild as for dist/extension.js (dist/bench/engine.js); markdown-it's side is the same
// bundled copy. Each side runs in a process of its own that does only that one thing, over and over
// (as an editor re-reads a letter), so that no run pays for the other side's garbage; times are CPU
// milliseconds, with V8's collector on the main thread so that its work counts. The two processes
// of a comparison take turns run by run (one idles while the other runs), and each ratio is the
// median of the ratios of such turns: a shared machine's slow spells, which last seconds, hit both
// sides of a turn alike.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import type MarkdownIt from 'markdown-it';
import type * as Core from '../src/core';
import { generateLetter } from './generateLetter';

export { generateLetter };

const root = path.join(__dirname, '..');
const engineBundle = path.join(root, 'dist', 'bench', 'engine.js');

/** Bundles the engine and markdown-it as the extension's production build does. */
function buildEngine(): void {
  buildSync({
    stdin: {
      contents: "export * from './src/core'; export { default as markdownIt } from 'markdown-it';",
      resolveDir: root,
      loader: 'ts',
    },
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
/** Turns per comparison (each side runs for about `TURN_MS`, at least once), after 5 warm-up runs in each process. */
const TURNS = 25;
/**
 * How long a side's turn lasts: several runs of a small letter, so that a collection falling into one
 * run or the next evens out; two runs of 10,000 signatories against one of 20,000, so that the two
 * sides of a growth turn last alike.
 */
const TURN_MS = 200;

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
type Measure =
  | 'markdownItParse'
  | 'parseLint'
  | 'markdownItRender'
  | 'render'
  | 'markdownItRendererOnly'
  | 'rendererOnly'
  | 'edit'
  | 'editPreview'
  | 'editPreviewWhole';

/** Compared pairs: markdown-it's side, the engine's side, and the name of their ratio. */
const PAIRS: [Measure, Measure, string][] = [
  ['markdownItParse', 'parseLint', 'parseLintRatio'],
  ['markdownItRender', 'render', 'renderRatio'],
  // What the preview does on an edit: the editor's cache holds the parse; the renderer only renders.
  ['markdownItRendererOnly', 'rendererOnly', 'rendererOnlyRatio'],
];

/** A measuring process: sets up, warms up, then runs `measure` on each message and answers with its CPU time per run. */
function serve(size: number, measure: Measure): void {
  const {
    lintLetter,
    readLetter,
    renderLetter,
    renderReadLetter,
    markdownIt,
    parseState,
    reparseLetter,
    lintParsed,
    renderPreview,
    previewPatch,
    articleRows,
    diffRows,
  } = require(engineBundle) as typeof Core & { markdownIt: typeof MarkdownIt };
  const text = generateLetter(size);
  const md = markdownIt();
  // Both sides hold the letter as read once by each (as the editor holds its last parse); the
  // renderer-only measures render from these.
  const read = readLetter(text);
  const diagnostics = lintLetter(read.letter);
  const tokens = md.parse(text, {});
  // What the editor does after a keystroke: the letter read again from its last reading, and checked.
  // One-line edits in signatories spread over the list: a character typed, then taken back.
  let parseMs = 0;
  // After each edit, the preview's work (`editPreview`): the letter rendered again from its last
  // rendering and the patch to the page worked out; or (`editPreviewWhole`) as the preview did it
  // before, the whole letter rendered, split into rows and compared with the last rows.
  let previewMs = 0;
  const preview = (() => {
    if (measure === 'editPreview') {
      let shown: Core.PreviewRendering | undefined;
      return (state: Core.ParsedState, diagnostics: Core.LetterDiagnostic[]) => {
        const rendering = renderPreview(state.read, diagnostics, {}, shown);
        if (shown) previewPatch(shown, rendering);
        shown = rendering;
      };
    }
    if (measure === 'editPreviewWhole') {
      let shown: Core.Row[] | undefined;
      return (state: Core.ParsedState, diagnostics: Core.LetterDiagnostic[]) => {
        const rows = articleRows(renderReadLetter(state.read, diagnostics).html);
        if (shown) diffRows(shown, rows);
        shown = rows;
      };
    }
    return undefined;
  })();
  // Set up only in the process that measures it, so that the others' memory is as before.
  const makeEdit = () => {
    let state = parseState(text);
    preview?.(state, lintParsed(state));
    const lineStarts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
    const items = lineStarts.filter((start) => text.startsWith('- ', start));
    let edits = 0;
    let current = text;
    const edit = () => {
      const k = Math.floor(edits / 2);
      const at = items[(k * 7919) % items.length] + 4;
      const change = edits % 2 === 0 ? { start: at, end: at, text: 'x' } : { start: at, end: at + 1, text: '' };
      current = current.slice(0, change.start) + change.text + current.slice(change.end);
      edits++;
      const start = cpu();
      state = reparseLetter(state, current, change);
      parseMs += cpu() - start;
      const diagnostics = lintParsed(state);
      if (preview) {
        const rendering = cpu();
        preview(state, diagnostics);
        previewMs += cpu() - rendering;
      }
      return diagnostics;
    };
    return edit;
  };
  // The three edit measures are made by makeEdit.
  const run: Record<Exclude<Measure, 'edit' | 'editPreview' | 'editPreviewWhole'>, () => unknown> = {
    markdownItParse: () => md.parse(text, {}),
    parseLint: () => lintLetter(readLetter(text).letter),
    markdownItRender: () => md.render(text),
    render: () => renderLetter(text),
    markdownItRendererOnly: () => md.renderer.render(tokens, md.options, {}),
    rendererOnly: () => renderReadLetter(read, diagnostics),
  };
  const f = measure === 'edit' || preview ? makeEdit() : run[measure as keyof typeof run];
  const warmUp: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = cpu();
    f();
    warmUp.push(cpu() - start);
  }
  const repeat = Math.max(1, Math.round(TURN_MS / Math.max(0.01, median(warmUp))));
  const send = (message: unknown) => process.send!(message);
  process.on('message', (message) => {
    if (message === 'run') {
      parseMs = 0;
      previewMs = 0;
      const start = cpu();
      for (let i = 0; i < repeat; i++) f();
      send({ ms: (cpu() - start) / repeat, parseMs: parseMs / repeat, previewMs: previewMs / repeat });
      return;
    }
    send({
      reports: read.letter.reports.length,
      parsedSignatories: read.letter.signatories.length,
      bytes: text.length,
      peakRssMB: round(process.resourceUsage().maxRSS / 1024),
    });
    process.disconnect();
  });
  send({ ready: true });
}

/** Every measuring process started, so that a failure ends them all. */
const servers = new Set<ChildProcess>();

/** A measuring process, driven through its IPC channel. */
class Server {
  private readonly child: ChildProcess;
  /** Answers awaited, in the order asked; a process that ends or fails early fails them all. */
  private readonly pending: { resolve: (message: Record<string, number>) => void; reject: (error: Error) => void }[] =
    [];
  private readonly ready: Promise<Record<string, number>>;
  private ended: Error | null = null;

  constructor(size: number, measure: Measure) {
    this.child = spawn(
      process.execPath,
      ['--single-threaded-gc', '--import', 'tsx', __filename, '--serve', String(size), measure],
      {
        cwd: root,
        // Figures come over the IPC channel only; a child's errors show on stderr.
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      },
    );
    servers.add(this.child);
    const fail = (error: Error) => {
      this.ended ??= error;
      for (const waiting of this.pending.splice(0)) waiting.reject(this.ended);
    };
    this.child.on('message', (message) => this.pending.shift()?.resolve(message as Record<string, number>));
    this.child.on('error', fail);
    // 'close', not 'exit': by then every message the process sent has arrived.
    this.child.on('close', (code, signal) => {
      servers.delete(this.child);
      fail(new Error(`bench --serve ${size} ${measure} ended (${signal ?? `exit code ${code}`})`));
    });
    this.ready = this.reply();
    // Awaited by the first run; a process that fails before then must not be an unhandled rejection.
    this.ready.catch(() => undefined);
  }

  private reply(): Promise<Record<string, number>> {
    return new Promise((resolve, reject) => (this.ended ? reject(this.ended) : this.pending.push({ resolve, reject })));
  }

  /** Resolves once the process has set up and warmed up. */
  async started(): Promise<void> {
    await this.ready;
  }

  private async ask(message: 'run' | 'finish'): Promise<Record<string, number>> {
    await this.ready;
    const answer = this.reply();
    if (!this.ended) this.child.send(message);
    return answer;
  }

  /** Runs the measure for one turn (as many times as make `TURN_MS`, at least once); CPU milliseconds per run. */
  async run(): Promise<number> {
    return (await this.ask('run')).ms;
  }

  /**
   * As `run`, with the part of each run spent reading (for `edit`: reading again, without checking)
   * and, for `editPreview…`, rendering for the preview.
   */
  async runWithParts(): Promise<{ ms: number; parseMs: number; previewMs: number }> {
    const { ms, parseMs, previewMs } = await this.ask('run');
    return { ms, parseMs, previewMs };
  }

  /** Ends the process; its letter's figures and peak memory. */
  finish(): Promise<Record<string, number>> {
    return this.ask('finish');
  }
}

/**
 * Compares two processes turn by turn: in each turn both run, one after the other, in alternating
 * order. Returns the median time of each side, the median of the turns' ratios (b / a) and the
 * processes' figures.
 */
async function compare(
  a: Server,
  b: Server,
): Promise<{
  a: number;
  b: number;
  ratio: number;
  spread: [number, number];
  figures: [Record<string, number>, Record<string, number>];
}> {
  // Both set up and warm up at once; no turn is timed while the other process is still busy.
  await Promise.all([a.started(), b.started()]);
  const times: [number[], number[]] = [[], []];
  const ratios: number[] = [];
  for (let turn = 0; turn < TURNS; turn++) {
    const first = turn % 2 === 0 ? a : b;
    const second = first === a ? b : a;
    const t1 = await first.run();
    const t2 = await second.run();
    const [ta, tb] = first === a ? [t1, t2] : [t2, t1];
    times[0].push(ta);
    times[1].push(tb);
    ratios.push(tb / ta);
  }
  const sorted = [...ratios].sort((x, y) => x - y);
  // The middle half of the turns' ratios: how far the machine's noise moved them.
  const spread: [number, number] = [round(sorted[Math.floor(TURNS / 4)]), round(sorted[Math.floor((3 * TURNS) / 4)])];
  const figures: [Record<string, number>, Record<string, number>] = [await a.finish(), await b.finish()];
  return { a: round(median(times[0])), b: round(median(times[1])), ratio: round(median(ratios)), spread, figures };
}

const round = (n: number) => Math.round(n * 100) / 100;

/** Loads dist/extension.js with a stand-in `vscode` and times activate(): it must parse nothing. */
function activation(): void {
  const calls: string[] = [];
  const stub = (name: string): unknown =>
    new Proxy(function () {}, {
      get: (_t, key) =>
        key === 'then' ? undefined : key === Symbol.toPrimitive ? () => name : stub(`${name}.${String(key)}`),
      apply: () => {
        calls.push(name);
        return stub(`${name}()`);
      },
      construct: () => stub(`new ${name}`) as object,
      set: () => true,
      defineProperty: () => true,
    });
  // `import * as vscode` copies the module's own keys: list the API's namespaces and classes.
  const names = [
    'Disposable',
    'window',
    'workspace',
    'languages',
    'commands',
    'env',
    'extensions',
    'l10n',
    'Uri',
    'Range',
    'Position',
    'Selection',
    'Location',
    'Diagnostic',
    'DiagnosticSeverity',
    'DiagnosticRelatedInformation',
    'WorkspaceEdit',
    'SnippetTextEdit',
    'SnippetString',
    'CodeAction',
    'CodeActionKind',
    'SymbolKind',
    'DocumentSymbol',
    'FoldingRange',
    'Hover',
    'MarkdownString',
    'CompletionItem',
    'CompletionItemKind',
    'EventEmitter',
    'StatusBarAlignment',
    'ViewColumn',
    'TextEditorRevealType',
    'ProgressLocation',
    'ConfigurationTarget',
    'TabInputText',
    'ThemeIcon',
  ];
  const vscode = Object.fromEntries(names.map((name) => [name, stub(`vscode.${name}`)]));
  const load = (Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown })._load;
  (Module as unknown as { _load: unknown })._load = (request: string, ...rest: unknown[]) =>
    request === 'vscode' ? vscode : load(request, ...rest);
  let start = now();
  const extension = require(path.join(root, 'dist', 'extension.js'));
  const loadMs = now() - start;
  start = now();
  const api = extension.activate({ subscriptions: [], extensionUri: stub('extensionUri') });
  const activateMs = now() - start;
  console.log(
    JSON.stringify({
      activation: true,
      requireMs: round(loadMs),
      activateMs: round(activateMs),
      lettersParsed: api.documents.parseCount,
    }),
  );
}

async function main(): Promise<void> {
  const [mode, argument] = process.argv.slice(2);
  if (mode === '--serve') return serve(Number(argument), process.argv[4] as Measure);
  if (mode === '--activation') return activation();
  buildEngine();
  // `npm run bench -- --sizes 10000,20000` measures only those sizes (and skips the bundles and activation).
  const only = mode === '--sizes' ? argument.split(',').map(Number) : null;
  for (const size of only ?? SIZES) {
    const line: Record<string, unknown> = { signatories: size };
    for (const [yardstick, engine, ratio] of PAIRS) {
      const result = await compare(new Server(size, yardstick), new Server(size, engine));
      const [md, ours] = result.figures;
      Object.assign(line, { reports: ours.reports, parsedSignatories: ours.parsedSignatories, bytes: ours.bytes });
      line[`${yardstick}Ms`] = result.a;
      line[`${engine}Ms`] = result.b;
      line[ratio] = result.ratio;
      line[`${ratio}Spread`] = result.spread;
      if (engine === 'parseLint') {
        line.peakRssMB = ours.peakRssMB;
        line.markdownItPeakRssMB = md.peakRssMB;
      }
    }
    // Re-reading after a one-line edit (and checking again): the median of turns of many edits each.
    const editing = new Server(size, 'edit');
    await editing.started();
    const turns: { ms: number; parseMs: number }[] = [];
    for (let turn = 0; turn < 15; turn++) turns.push(await editing.runWithParts());
    await editing.finish();
    line.editRereadMs = round(median(turns.map((t) => t.parseMs)));
    line.editRereadLintMs = round(median(turns.map((t) => t.ms)));
    // Re-rendering for the preview after such an edit (the part of each edit spent on it): from the
    // last rendering, and, for comparison, the whole letter rendered, split into rows and compared.
    for (const [measure, name] of [
      ['editPreview', 'editRerenderMs'],
      ['editPreviewWhole', 'editRerenderWholeMs'],
    ] as const) {
      const server = new Server(size, measure);
      await server.started();
      const times: number[] = [];
      for (let turn = 0; turn < 15; turn++) times.push((await server.runWithParts()).previewMs);
      await server.finish();
      line[name] = round(median(times));
    }
    console.log(JSON.stringify(line));
  }
  if (only) return;
  // Growth from 10,000 to 20,000 signatories, for the engine and for markdown-it itself: a 10k and
  // a 20k process taking turns.
  const growth = async (measure: Measure) =>
    (await compare(new Server(10_000, measure), new Server(20_000, measure))).ratio;
  console.log(
    JSON.stringify({
      growth: '10k→20k',
      parseLintGrowth: await growth('parseLint'),
      markdownItParseGrowth: await growth('markdownItParse'),
      renderGrowth: await growth('render'),
    }),
  );
  // Bundle sizes as users get them: the production build's metafiles.
  const build = spawnSync(process.execPath, ['esbuild.js', '--production'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`production build failed:\n${build.stderr}`);
  const sizes: Record<string, number> = {};
  for (const name of ['extension', 'yaml', 'papaparse', 'jsonc-parser', 'web', 'cli', 'preview']) {
    const meta = path.join(root, 'dist', `meta-${name}.json`);
    if (!fs.existsSync(meta)) continue;
    const outputs = JSON.parse(fs.readFileSync(meta, 'utf8')).outputs as Record<string, { bytes: number }>;
    for (const [file, { bytes }] of Object.entries(outputs))
      if (file.endsWith('.js')) sizes[file] = Math.round(bytes / 102.4) / 10;
  }
  console.log(JSON.stringify({ bundleKB: sizes, minified: true }));
  const activationRun = spawnSync(
    process.execPath,
    ['--single-threaded-gc', '--import', 'tsx', __filename, '--activation'],
    { cwd: root, encoding: 'utf8' },
  );
  if (activationRun.status !== 0) throw new Error(`bench --activation failed:\n${activationRun.stderr}`);
  console.log(activationRun.stdout.trim().split('\n').pop());
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
    for (const child of servers) child.kill();
  });
}
