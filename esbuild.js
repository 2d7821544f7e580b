// Bundles the extension, the command line and the preview webview's script, as in vscode-extension-samples' esbuild-sample.
// esbuild does not type-check: `npm run build` runs `tsc --noEmit` first.
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/**
 * Prints what the `$esbuild-watch` problem matcher looks for, so build errors land in the Problems view.
 * @type {import('esbuild').Plugin}
 */
const esbuildProblemMatcherPlugin = {
  name: 'esbuild-problem-matcher',
  setup(build) {
    build.onStart(() => {
      console.log('[watch] build started');
    });
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) {
          console.error(`    ${location.file}:${location.line}:${location.column}:`);
        }
      }
      console.log('[watch] build finished');
    });
  },
};

/**
 * Writes the metafile next to the bundle (for bundle-size measurements) and, for the command line,
 * sets the executable bit so `dist/cli.js` runs as `advocacy-letter` through its shebang.
 * @param {string} name
 * @param {string} outfile
 * @param {boolean} executable
 * @returns {import('esbuild').Plugin}
 */
function afterBuildPlugin(name, outfile, executable) {
  return {
    name: 'after-build',
    setup(build) {
      build.onEnd((result) => {
        if (result.errors.length > 0) {
          return;
        }
        if (result.metafile) {
          fs.writeFileSync(path.join('dist', `meta-${name}.json`), JSON.stringify(result.metafile));
        }
        if (executable) {
          fs.chmodSync(outfile, 0o755);
        }
      });
    },
  };
}

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  metafile: true,
  logLevel: 'silent',
};

/**
 * In the extension's bundle, `yaml` is the lazy stand-in of src/extension/lazyYaml.ts, and the
 * parser itself is dist/yaml.js (built below), required on first use.
 * @type {import('esbuild').Plugin}
 */
const lazyYamlPlugin = {
  name: 'lazy-yaml',
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, (args) =>
      args.importer.endsWith(path.join('extension', 'lazyYaml.ts')) ? undefined : { path: path.resolve('src/extension/lazyYaml.ts') },
    );
    build.onResolve({ filter: /^\.\/yaml\.js$/ }, () => ({ path: './yaml.js', external: true }));
  },
};

async function main() {
  fs.mkdirSync('dist', { recursive: true });
  const contexts = await Promise.all([
    esbuild.context({
      ...common,
      entryPoints: ['src/extension/extension.ts'],
      outfile: 'dist/extension.js',
      external: ['vscode'],
      plugins: [
        lazyYamlPlugin,
        afterBuildPlugin('extension', 'dist/extension.js', false),
        /* add to the end of plugins array */
        esbuildProblemMatcherPlugin,
      ],
    }),
    esbuild.context({
      ...common,
      stdin: { contents: "module.exports = require('yaml');", resolveDir: __dirname, loader: 'js' },
      outfile: 'dist/yaml.js',
      plugins: [afterBuildPlugin('yaml', 'dist/yaml.js', false), esbuildProblemMatcherPlugin],
    }),
    esbuild.context({
      ...common,
      entryPoints: ['src/cli.ts'],
      outfile: 'dist/cli.js',
      banner: { js: '#!/usr/bin/env node' },
      plugins: [
        afterBuildPlugin('cli', 'dist/cli.js', true),
        /* add to the end of plugins array */
        esbuildProblemMatcherPlugin,
      ],
    }),
    esbuild.context({
      ...common,
      entryPoints: ['src/preview/main.ts'],
      outfile: 'dist/preview.js',
      format: 'iife',
      platform: 'browser',
      target: 'es2022',
      plugins: [
        afterBuildPlugin('preview', 'dist/preview.js', false),
        /* add to the end of plugins array */
        esbuildProblemMatcherPlugin,
      ],
    }),
  ]);
  if (watch) {
    await Promise.all(contexts.map((ctx) => ctx.watch()));
  } else {
    try {
      await Promise.all(contexts.map((ctx) => ctx.rebuild()));
    } finally {
      await Promise.all(contexts.map((ctx) => ctx.dispose()));
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
