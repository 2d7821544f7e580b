// A real VS Code without the internet: code-server (VS Code's server and web workbench, from npm),
// installed once into a git-ignored cache, started on loopback, and ended by its own process id.
// See /work/shared/design/real-vscode.md for why each step is there.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project folder (the extension's development path). */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** code-server 4.100.3 ships VS Code 1.100.3 and is the newest that runs on Node 20. */
export const codeServerVersion = '4.100.3';
export const codeServerCache = path.join(projectRoot, '.vscode-test', 'code-server');
export const codeServerEntry = path.join(codeServerCache, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

// @vscode/ripgrep (inside code-server) downloads rg from GitHub at install unless this archive is cached.
const ripgrepPackageVersion = '1.15.11';
const ripgrepRelease = 'v13.0.0-10';

/** Prints a line of the harness's own, told apart from VS Code's output. */
export function say(message) {
  console.log(`[harness] ${message}`);
}

/** Installs code-server into `.vscode-test/code-server/` unless it is there already. */
export function ensureCodeServer() {
  if (isCodeServerInstalled()) {
    return;
  }
  const started = Date.now();
  say(
    `installing code-server@${codeServerVersion} into ${path.relative(projectRoot, codeServerCache)}/ (once; about a minute)`,
  );
  seedRipgrepCache();
  fs.mkdirSync(codeServerCache, { recursive: true });
  // Its own package.json, or npm would climb to the project's and install code-server there.
  fs.writeFileSync(
    path.join(codeServerCache, 'package.json'),
    `${JSON.stringify(
      {
        name: 'code-server-cache',
        private: true,
        description: 'Written by test/integration/harness; git-ignored.',
        // npm 11 asks for install scripts to be allowed; code-server's postinstall installs VS Code's modules.
        allowScripts: { 'code-server': true, argon2: true },
      },
      null,
      2,
    )}\n`,
  );
  const args = [
    'install',
    '--no-audit',
    '--no-fund',
    '--no-save',
    '--no-package-lock',
    `code-server@${codeServerVersion}`,
  ];
  say(`npm ${args.join(' ')}  (npm_config_unsafe_perm=true npm_config_yes=true)`);
  const result = spawnSync('npm', args, {
    cwd: codeServerCache,
    stdio: 'inherit',
    // As root the postinstall's nested `npm install` needs unsafe-perm, and its `npx node-gyp` must not ask.
    env: { ...process.env, npm_config_unsafe_perm: 'true', npm_config_yes: 'true' },
    timeout: 15 * 60 * 1000,
  });
  if (result.status !== 0 || !fs.existsSync(codeServerEntry)) {
    throw new Error(
      `installing code-server failed (${result.error ?? `exit ${result.status}`}). It builds native modules: ` +
        'bash scripts/system-packages.sh installs the build tools it needs (npm test and npm start run it first).',
    );
  }
  fs.writeFileSync(path.join(codeServerCache, 'installed'), `${codeServerVersion}\n`);
  say(`code-server installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

function isCodeServerInstalled() {
  const marker = path.join(codeServerCache, 'installed');
  return (
    fs.existsSync(codeServerEntry) &&
    fs.existsSync(marker) &&
    fs.readFileSync(marker, 'utf8').trim() === codeServerVersion
  );
}

/** Puts Debian's rg where @vscode/ripgrep's install looks for a downloaded archive first. */
function seedRipgrepCache() {
  const target = { x64: 'x86_64-unknown-linux-musl', arm64: 'aarch64-unknown-linux-musl' }[process.arch];
  const rg = findOnPath('rg');
  if (!target || !rg) {
    say(
      `no rg on PATH (bash scripts/system-packages.sh installs it) or unknown arch ${process.arch}: @vscode/ripgrep will try to download and may fail`,
    );
    return;
  }
  const cacheDir = path.join(os.tmpdir(), `vscode-ripgrep-cache-${ripgrepPackageVersion}`);
  const archive = path.join(cacheDir, `ripgrep-${ripgrepRelease}-${target}.tar.gz`);
  if (fs.existsSync(archive)) {
    return;
  }
  fs.mkdirSync(cacheDir, { recursive: true });
  say(`caching ${rg} as ${archive}`);
  const tar = spawnSync('tar', ['czf', archive, '-C', path.dirname(rg), path.basename(rg)], { stdio: 'inherit' });
  if (tar.status !== 0) {
    throw new Error(`tar failed making ${archive}`);
  }
}

function findOnPath(command) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, command);
    if (dir && fs.existsSync(candidate)) {
      return candidate;
    }
  }
  return undefined;
}

/** Runs an npm script of the project's, inheriting the output; throws when it fails. */
export function runNpmScript(name) {
  say(`npm run ${name}`);
  const result = spawnSync('npm', ['run', '--silent', name], {
    cwd: projectRoot,
    stdio: 'inherit',
    timeout: 10 * 60 * 1000,
  });
  if (result.status !== 0) {
    throw new Error(`npm run ${name} failed (${result.error ?? `exit ${result.status}`})`);
  }
}

/** A TCP port that was free on 127.0.0.1 a moment ago. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Writes the user settings code-server's workbench starts with. */
export function writeUserSettings(userDataDir, { trusted = false, extra = {} } = {}) {
  const settings = {
    // Left on by default: the folder opens in Restricted Mode, which the extension must support.
    'security.workspace.trust.enabled': !trusted,
    'security.workspace.trust.startupPrompt': 'never',
    'telemetry.telemetryLevel': 'off',
    'workbench.startupEditor': 'none',
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    'git.enabled': false,
    'chat.commandCenter.enabled': false,
    ...extra,
  };
  const dir = path.join(userDataDir, 'User');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
}

/**
 * Starts code-server in a process group of its own and waits (bounded) until it answers HTTP.
 * @returns {Promise<{ child: import('node:child_process').ChildProcess, url: string, port: number, logFile: string }>}
 */
export async function startCodeServer({
  port,
  host = '127.0.0.1',
  userDataDir,
  extensionsDir,
  folder,
  env = {},
  logFile,
  echo = false,
  timeoutMs = 60_000,
}) {
  const configFile = path.join(userDataDir, 'code-server-config.yaml');
  fs.mkdirSync(userDataDir, { recursive: true });
  fs.writeFileSync(configFile, 'auth: none\n');
  const args = [
    codeServerEntry,
    '--config',
    configFile,
    '--auth',
    'none',
    '--bind-addr',
    `${host}:${port}`,
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--ignore-last-opened',
    folder,
  ];
  const log = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, args, {
    cwd: projectRoot,
    detached: true, // its own process group, so that it and its children end together by its id
    stdio: ['ignore', echo ? 'pipe' : log, echo ? 'pipe' : log],
    env: { ...process.env, ...env },
  });
  fs.closeSync(log);
  if (echo) {
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk) => {
        process.stdout.write(chunk);
        fs.appendFileSync(logFile, chunk);
      });
    }
  }
  const url = `http://${host}:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited (${child.exitCode ?? child.signalCode}) before answering; see ${logFile}`);
    }
    try {
      const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) {
        return { child, url, port, logFile };
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await killProcessGroup(child);
  throw new Error(`code-server did not answer on ${url} within ${timeoutMs / 1000} s; see ${logFile}`);
}

/**
 * Ends a child started with `detached: true` and everything it started, by its process group id:
 * SIGTERM, then SIGKILL if it is still there after `graceMs`.
 */
export async function killProcessGroup(child, graceMs = 5000) {
  if (!child?.pid) {
    return;
  }
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    signalGroup(child.pid, 'SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, graceMs))]);
  }
  // Whatever of the group outlived its leader (an extension host, a renderer) goes too.
  signalGroup(child.pid, 'SIGKILL');
}

/** Sends a signal to the process group led by `pid`; quiet when it is gone already. */
export function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if (error.code !== 'ESRCH') {
      throw error;
    }
  }
}

/**
 * The `payload` query parameter that makes the web workbench load an extension from source
 * (and, with `extensionTestsPath`, run its tests): paths on the server, as vscode-remote URIs.
 * `extensionDevelopmentKind: 'web'` runs the development extension in the web worker extension
 * host (its package.json `browser` entry) instead of the server's Node extension host.
 */
export function workbenchUrl({
  url,
  port,
  folder,
  extensionDevelopmentPath,
  extensionTestsPath,
  extensionDevelopmentKind,
}) {
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${encodeURI(p)}`;
  const payload = [['extensionDevelopmentPath', remote(extensionDevelopmentPath)]];
  if (extensionDevelopmentKind) {
    payload.push(['extensionDevelopmentKind', extensionDevelopmentKind]);
  }
  if (extensionTestsPath) {
    payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  }
  payload.push(['skipWelcome', 'true']);
  return `${url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/**
 * Installs a .vsix into `extensionsDir` the way a user's `code --install-extension` does (offline),
 * and returns the folder it was installed to.
 */
export function installExtension({ vsix, userDataDir, extensionsDir, logFile }) {
  say(`installing ${path.relative(projectRoot, vsix) || vsix} into ${extensionsDir}`);
  fs.mkdirSync(extensionsDir, { recursive: true });
  const result = spawnSync(
    process.execPath,
    [codeServerEntry, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix],
    { cwd: projectRoot, encoding: 'utf8', timeout: 120_000 },
  );
  fs.appendFileSync(logFile, `${result.stdout ?? ''}${result.stderr ?? ''}`);
  const installed = fs.readdirSync(extensionsDir).filter((name) => /^advocacy-letter\.advocacy-letter-/.test(name));
  if (result.status !== 0 || installed.length !== 1) {
    throw new Error(
      `code-server --install-extension ${vsix} failed (${result.error ?? `exit ${result.status}`}, installed: ${installed.join(', ') || 'nothing'}):\n${result.stdout}${result.stderr}`,
    );
  }
  return path.join(extensionsDir, installed[0]);
}

/**
 * Copies what the extension runs from (manifest, bundles, grammar, snippets, docs, icon) into `dir`,
 * so that it can be loaded as a development extension from outside the project folder: VS Code runs
 * the tests in the extension host of the extension whose folder holds them, and the tests (in
 * out/, inside the project) must stay in the Node extension host when the extension goes elsewhere.
 */
export function copyExtension(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const relative of [
    'package.json',
    'dist',
    'syntaxes',
    'snippets',
    'language-configuration.json',
    'docs',
    'images',
    'README.md',
    'CHANGELOG.md',
    'LICENSE',
  ]) {
    const source = path.join(projectRoot, relative);
    if (fs.existsSync(source)) {
      fs.cpSync(source, path.join(dir, relative), { recursive: true });
    }
  }
  return dir;
}

/** Makes `workspace` a fresh folder the tests may edit: copies of `examples/` and `test/fixtures/`, at the same relative paths. */
export function makeTestWorkspace(workspace) {
  fs.rmSync(workspace, { recursive: true, force: true });
  for (const relative of ['examples', path.join('test', 'fixtures')]) {
    const source = path.join(projectRoot, relative);
    if (fs.existsSync(source)) {
      fs.cpSync(source, path.join(workspace, relative), { recursive: true });
    }
  }
  fs.mkdirSync(workspace, { recursive: true });
  return workspace;
}

/** The last `lines` lines of a text file, or a note that it is missing. */
export function tail(file, lines = 80) {
  if (!file || !fs.existsSync(file)) {
    return `(no ${file})`;
  }
  return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}

/** Every file under `dir` whose path (relative to `dir`) matches `pattern`. */
export function findFiles(dir, pattern) {
  if (!fs.existsSync(dir)) {
    return [];
  }
  return fs
    .readdirSync(dir, { recursive: true })
    .map((entry) => entry.toString())
    .filter((entry) => pattern.test(entry))
    .map((entry) => path.join(dir, entry))
    .filter((file) => fs.statSync(file).isFile());
}
