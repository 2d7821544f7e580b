// The layers of src/ and the direction of their imports (CONTRIBUTING.md): the engine (src/core)
// is pure and imports no other layer; workflows use the engine only; the webview script draws and
// shares only the message contract; nothing imports in a cycle. Imports are read with TypeScript's
// own pre-processor, so comments and strings are not mistaken for imports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { repoRoot } from './support/expectations';

const src = path.join(repoRoot, 'src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

const TYPE_ONLY_IMPORT = /^import\s+type\b[^;]*;/gm;

/** Each file of src/, by its path from src/, with what it imports: other files of src/, or packages. */
const graph = new Map<string, { files: string[]; packages: string[]; valueFiles: string[] }>();
for (const file of sourceFiles(src)) {
  const text = fs.readFileSync(file, 'utf8');
  const resolve = (fileName: string) => {
    const target = path.resolve(path.dirname(file), fileName);
    return [`${target}.ts`, path.join(target, 'index.ts'), target].find(
      (f) => fs.existsSync(f) && fs.statSync(f).isFile(),
    );
  };
  // A type-only import is erased from the build: it counts for the layers (which types a layer may
  // see) but orders nothing at run time, so the cycle test reads value imports only.
  const valueFiles = ts
    .preProcessFile(text.replace(TYPE_ONLY_IMPORT, ''), true, true)
    .importedFiles.map(({ fileName }) => (fileName.startsWith('.') ? resolve(fileName) : undefined))
    .filter((f): f is string => f?.startsWith(src) ?? false)
    .map((f) => path.relative(src, f));
  const { importedFiles } = ts.preProcessFile(text, true, true);
  const files: string[] = [];
  const packages: string[] = [];
  for (const { fileName } of importedFiles) {
    if (!fileName.startsWith('.')) {
      packages.push(fileName);
      continue;
    }
    const target = path.resolve(path.dirname(file), fileName);
    const resolved = [`${target}.ts`, path.join(target, 'index.ts'), target].find(
      (f) => fs.existsSync(f) && fs.statSync(f).isFile(),
    );
    if (resolved?.startsWith(src)) files.push(path.relative(src, resolved));
    else packages.push(path.relative(src, target));
  }
  graph.set(path.relative(src, file), { files, packages, valueFiles });
}

const layerOf = (file: string) => file.split(path.sep)[0];

/** What a layer may import from the other layers of src/, and which packages it may not use. */
const rules: Record<string, { layers: string[]; forbiddenPackages: RegExp }> = {
  core: { layers: [], forbiddenPackages: /^(?:vscode$|node:|fs$|path$|os$|child_process$)/ },
  workflows: { layers: ['core'], forbiddenPackages: /^(?:vscode$|node:|fs$|path$|os$|child_process$)/ },
  // Types only (checked below): the page draws what the host sends and holds no letter logic.
  webview: { layers: ['core'], forbiddenPackages: /^(?:vscode$|node:|markdown-it)/ },
  node: { layers: ['core'], forbiddenPackages: /^vscode$/ },
  cli: { layers: ['core', 'workflows', 'node'], forbiddenPackages: /^vscode$/ },
  extension: { layers: ['core', 'workflows', 'node', 'webview'], forbiddenPackages: /^$/ },
};

test('src/ is made of the known layers', () => {
  const layers = new Set([...graph.keys()].map(layerOf));
  assert.ok(graph.size > 50, `found ${graph.size} files`);
  for (const layer of layers) assert.ok(layer in rules, `src/${layer}: not a layer CONTRIBUTING.md describes`);
});

test('each layer imports only the layers below it, and the engine no workflow, vscode or Node API', () => {
  const wrong: string[] = [];
  for (const [file, { files, packages }] of graph) {
    const rule = rules[layerOf(file)];
    if (!rule) continue;
    for (const target of files) {
      const layer = layerOf(target);
      if (layer !== layerOf(file) && !rule.layers.includes(layer)) wrong.push(`${file} imports ${target}`);
    }
    for (const name of packages) if (rule.forbiddenPackages.test(name)) wrong.push(`${file} imports ${name}`);
  }
  assert.deepEqual(wrong, []);
});

test('the webview shares only its message contract with the extension', () => {
  const shared = [...graph].flatMap(([file, { files }]) =>
    layerOf(file) === 'extension' ? files.filter((f) => layerOf(f) === 'webview') : [],
  );
  assert.deepEqual([...new Set(shared)], [path.join('webview', 'messages.ts')]);
});

test('the webview takes only types from the engine', () => {
  const values = [...graph.keys()]
    .filter((file) => layerOf(file) === 'webview')
    .flatMap((file) => {
      const text = fs.readFileSync(path.join(src, file), 'utf8');
      return [...text.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'\.\.\/core[^']*'/gm)].map((m) => `${file}: ${m[0]}`);
    });
  assert.deepEqual(values, []);
});

test('no import cycle in src/', () => {
  // Tarjan's strongly connected components: any component of more than one file is a cycle.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let next = 0;
  const visit = (file: string) => {
    index.set(file, next);
    low.set(file, next++);
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file)?.valueFiles ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file)!, index.get(target)!));
      }
    }
    if (low.get(file) === index.get(file)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  assert.deepEqual(cycles, []);
});

test('no file in src/ is over 500 lines', () => {
  const long = [...graph.keys()]
    .map((file) => ({ file, lines: fs.readFileSync(path.join(src, file), 'utf8').split('\n').length }))
    .filter(({ lines }) => lines > 500);
  assert.deepEqual(long, []);
});
