// `npm run test:integration`: the integration suite in a real VS Code (code-server's workbench in
// Debian's Chromium, driven by playwright-core), with no download from anywhere but npm.
//
//   npm run test:integration [-- --trusted] [-- --grep WORDS] [-- --keep] [-- --no-build]
//   npm run test:vsix                         (npm run package, then -- --vsix advocacy-letter.vsix)
//
//   --trusted    turn workspace trust off (default: on, so the folder opens in Restricted Mode)
//   --grep W     run only the tests whose full title contains W (also ADVOCACY_LETTER_TEST_GREP)
//   --keep       keep the temporary folder (user data, logs, workspace copy) after a passing run
//   --no-build   use dist/ and out/ as they are
//   --vsix FILE  test the packaged extension: install FILE with `code-server --install-extension`
//                into the fresh extensions folder and load no development extension (the suite
//                sees ADVOCACY_LETTER_TEST_VSIX=1; dist/ is not rebuilt, out/ is)
//   --web        run the extension in the web worker extension host (package.json `browser`,
//                as on vscode.dev); the tests stay in the Node host and only suite/web.test.ts
//                runs (ADVOCACY_LETTER_TEST_WEB=1) unless --grep says otherwise
//   --bench      run the editor benchmark (bench/*.bench.ts, `npm run bench:editor`) instead of the
//                suite: the extension host sees ADVOCACY_LETTER_TEST_BENCH=1
//   ADVOCACY_LETTER_TEST_TIMEOUT  seconds to wait for the whole run (default 600; 1800 with --bench)
//   CHROMIUM_PATH                 the browser (default /usr/bin/chromium)
//
// Tests ask for screenshots and frame text by printing `@@screenshot NAME` or
// `@@frame-text NAME SELECTOR` (see requests.ts); the answers land in test-results/.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import util, { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import {
  copyExtension,
  ensureCodeServer,
  findFiles,
  freePort,
  installExtension,
  killProcessGroup,
  makeTestWorkspace,
  projectRoot,
  runNpmScript,
  say,
  signalGroup,
  startCodeServer,
  tail,
  workbenchUrl,
  writeUserSettings,
} from './codeServer.mjs';

const { values: options } = parseArgs({
  options: {
    trusted: { type: 'boolean', default: false },
    grep: { type: 'string', default: process.env.ADVOCACY_LETTER_TEST_GREP ?? '' },
    keep: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    vsix: { type: 'string' },
    web: { type: 'boolean', default: false },
    bench: { type: 'boolean', default: false },
  },
});
if (options.vsix && options.web) {
  throw new Error('--vsix and --web do not go together');
}
/** In --web mode only the web suite runs: the others use the extension's API, which stays in its own host. */
const grep = options.grep || (options.web ? 'in the web worker extension host' : '');
const timeoutMs = Number(process.env.ADVOCACY_LETTER_TEST_TIMEOUT ?? (options.bench ? 1800 : 600)) * 1000;
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Without these Chromium keeps calling out to Google and the closed network refuses it, many times over. */
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

const resultsDir = path.join(projectRoot, 'test-results');
const testIndex = path.join(projectRoot, 'out', 'test', 'integration', 'index.js');

/** Everything to end, in order, whatever happens. */
const running = { codeServer: undefined, browserServer: undefined, browser: undefined, temp: undefined };
let cleaningUp;
let interrupted = false;

async function main() {
  const started = Date.now();
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(
      `no Chromium at ${chromiumPath}: run bash scripts/system-packages.sh, which installs it as root (npm test runs it first)`,
    );
  }
  ensureCodeServer();
  const vsix = options.vsix && path.resolve(options.vsix);
  if (vsix && !fs.existsSync(vsix)) {
    throw new Error(`no ${vsix}: run npm run package`);
  }
  if (!options['no-build']) {
    // The packaged extension is tested as packaged: no rebuild of dist/ under it.
    if (!vsix) {
      runNpmScript('build');
    }
    runNpmScript('build:integration');
  }
  if (!fs.existsSync(testIndex)) {
    throw new Error(`no ${path.relative(projectRoot, testIndex)}: run npm run build:integration`);
  }

  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'advocacy-letter-it-'));
  running.temp = temp;
  const userDataDir = path.join(temp, 'user-data');
  const extensionsDir = path.join(temp, 'extensions');
  const workspace = makeTestWorkspace(path.join(temp, 'workspace'));
  const codeServerLog = path.join(temp, 'code-server.log');
  const workbenchLog = path.join(temp, 'workbench-console.log');
  const extensionHostLog = path.join(temp, 'extension-host.log');
  for (const kind of ['screenshots', 'frames', 'ui']) {
    fs.rmSync(path.join(resultsDir, kind), { recursive: true, force: true });
    fs.mkdirSync(path.join(resultsDir, kind), { recursive: true });
  }
  writeUserSettings(userDataDir, {
    trusted: options.trusted,
    // The web workbench ignores the payload's extensionDevelopmentKind (VS Code 1.100 reads a
    // property its browser environment service does not have); this setting is what it honours.
    extra: options.web ? { 'remote.extensionKind': { 'advocacy-letter.advocacy-letter': ['web'] } } : {},
  });
  say(`temporary folder ${temp} (workspace trust ${options.trusted ? 'off' : 'on: Restricted Mode'})`);
  // VS Code runs extension tests only with a development path, and in the extension host of the
  // extension whose folder holds them. --vsix: an empty folder, so that no development extension
  // loads and the installed one runs. --web: a copy of the extension outside the project, so that
  // the tests (out/, in the project) stay in the Node host while the extension runs in the web worker.
  let extensionDevelopmentPath = projectRoot;
  if (vsix) {
    const installed = installExtension({ vsix, userDataDir, extensionsDir, logFile: codeServerLog });
    say(`installed as ${installed}`);
    extensionDevelopmentPath = path.join(temp, 'no-development-extension');
    fs.mkdirSync(extensionDevelopmentPath);
  } else if (options.web) {
    extensionDevelopmentPath = copyExtension(path.join(temp, 'web-extension'));
  }

  const port = await freePort();
  const codeServer = await startCodeServer({
    port,
    userDataDir,
    extensionsDir,
    folder: workspace,
    logFile: codeServerLog,
    env: {
      ADVOCACY_LETTER_TEST_RESULTS: resultsDir,
      ADVOCACY_LETTER_TEST_GREP: grep,
      ADVOCACY_LETTER_TEST_TRUST: options.trusted ? 'trusted' : 'restricted',
      ...(vsix ? { ADVOCACY_LETTER_TEST_VSIX: '1', ADVOCACY_LETTER_TEST_EXTENSIONS_DIR: extensionsDir } : {}),
      ...(options.web ? { ADVOCACY_LETTER_TEST_WEB: '1' } : {}),
      ...(options.bench ? { ADVOCACY_LETTER_TEST_BENCH: '1' } : {}),
    },
  });
  running.codeServer = codeServer.child;
  say(`code-server (pid ${codeServer.child.pid}) answers on ${codeServer.url}`);

  running.browserServer = await chromium.launchServer({
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    timeout: 60_000,
  });
  say(`chromium (pid ${running.browserServer.process().pid}) started`);
  running.browser = await chromium.connect(running.browserServer.wsEndpoint(), { timeout: 60_000 });
  const context = await running.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);

  const counts = { passing: 0, failing: 0, pending: 0 };
  let resolveExit;
  const exited = new Promise((resolve) => (resolveExit = resolve));
  const requests = new RequestQueue(page);
  await page.exposeFunction('codeAutomationExit', (code) => {
    resolveExit(typeof code === 'number' ? code : 1);
  });
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = formatLogArgs(args);
    fs.appendFileSync(extensionHostLog, `${text}\n`);
    if (/ENOTFOUND open-vsx\.org/.test(text)) {
      console.log('(the extension gallery is unreachable here: harmless)');
      return;
    }
    for (const line of text.split('\n')) {
      (type === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
      const count = /^\s*(\d+) (passing|failing|pending)\b/.exec(line);
      if (count) {
        counts[count[2]] = Number(count[1]);
      }
      requests.handle(line);
    }
  });
  page.on('console', (message) => fs.appendFileSync(workbenchLog, `[${message.type()}] ${message.text()}\n`));
  page.on('pageerror', (error) => fs.appendFileSync(workbenchLog, `[pageerror] ${error.stack ?? error}\n`));

  const url = workbenchUrl({
    url: codeServer.url,
    port,
    folder: workspace,
    extensionDevelopmentPath,
    extensionTestsPath: testIndex,
    extensionDevelopmentKind: options.web ? 'web' : undefined,
  });
  say(`opening the workbench; the extension host's output follows`);
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });

  const code = await Promise.race([
    exited,
    new Promise((resolve) => codeServer.child.once('exit', (c, s) => resolve(`code-server exited (${c ?? s})`))),
    new Promise((resolve) => running.browser.once('disconnected', () => resolve('chromium disconnected'))),
    new Promise((resolve) => page.once('crash', () => resolve('the workbench page crashed'))),
    new Promise((resolve) =>
      setTimeout(
        () => resolve(`no result within ${timeoutMs / 1000} s (ADVOCACY_LETTER_TEST_TIMEOUT)`),
        timeoutMs,
      ).unref(),
    ),
  ]);
  if (interrupted) {
    return new Promise(() => {}); // the signal handler ends the process
  }
  await requests.idle();

  const passed = code === 0;
  if (!passed) {
    await requests.screenshot('failure').catch(() => {});
    console.log(`\n[harness] ---- tail of the extension host's log (${extensionHostLog}) ----`);
    console.log(tail(extensionHostLog, 40));
    // VS Code's own extension host log, and the extension's output channels (logs/…/exthost1/advocacy-letter.*/).
    for (const file of findFiles(
      path.join(userDataDir, 'logs'),
      /(^|\/)(remoteexthost\.log$|advocacy-letter[^/]*\/[^/]+\.log$)/,
    )) {
      console.log(`\n[harness] ---- tail of ${file} ----\n${tail(file, 60)}`);
    }
    console.log(`\n[harness] ---- tail of the code-server log (${codeServerLog}) ----\n${tail(codeServerLog, 40)}`);
    console.log(`\n[harness] ---- tail of the workbench console (${workbenchLog}) ----\n${tail(workbenchLog, 40)}`);
    console.log(`\n[harness] kept ${temp}`);
  }
  await cleanup();
  if (passed && !options.keep) {
    fs.rmSync(temp, { recursive: true, force: true });
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  say(
    typeof code === 'number'
      ? `the extension tests exited with ${code} after ${seconds} s`
      : `failed after ${seconds} s: ${code}`,
  );
  // A plain closing line that CI reads whatever the runner.
  console.log(
    `integration: ${counts.passing} passed, ${counts.failing || (passed ? 0 : 1)} failed, ${counts.pending} skipped`,
  );
  return typeof code === 'number' ? code : 1;
}

/** The console arguments as console.log would print them (mocha passes printf-style '%s' formats). */
function formatLogArgs(args) {
  return util.format(...(Array.isArray(args) ? args : [args]));
}

/** Answers the `@@…` lines of the tests, one at a time, in the order they came. */
class RequestQueue {
  constructor(page) {
    this.page = page;
    this.last = Promise.resolve();
  }

  handle(line) {
    const match =
      /^@@(screenshot|frame-text|palette|accept-dialog|type-tab|type-accept|click|quick-pick|watch|watched|frame-lines) ([A-Za-z0-9._-]+)(?: (.*))?$/.exec(
        line.trim(),
      );
    if (!match) {
      return;
    }
    const [, command, name, argument = ''] = match;
    this.last = this.last.then(() => this.answer(command, name, argument.trim()));
  }

  idle() {
    return this.last;
  }

  async answer(command, name, argument) {
    const kind =
      command === 'screenshot'
        ? 'screenshots'
        : command === 'frame-text' || command === 'frame-lines'
          ? 'frames'
          : 'ui';
    const done = path.join(resultsDir, kind, `${name}.done`);
    fs.mkdirSync(path.dirname(done), { recursive: true });
    let answer;
    try {
      answer =
        command === 'screenshot'
          ? { path: await this.screenshot(name) }
          : command === 'frame-text'
            ? await this.frameText(name, argument)
            : command === 'palette'
              ? await this.palette(argument)
              : command === 'type-tab'
                ? await this.typeTab(argument)
                : command === 'type-accept'
                  ? await this.typeAccept(argument)
                  : command === 'click'
                    ? await this.click(argument)
                    : command === 'quick-pick'
                      ? await this.quickPick(argument)
                      : command === 'watch'
                        ? await this.watch(name, argument)
                        : command === 'watched'
                          ? await this.watched(name, Number(argument) || 60_000)
                          : command === 'frame-lines'
                            ? await this.frameLines(argument)
                            : await this.acceptDialog(argument);
    } catch (error) {
      answer = { error: String(error?.message ?? error) };
      say(`@@${command} ${name} failed: ${answer.error}`);
    }
    // Written whole, then renamed: the test never reads half an answer.
    fs.writeFileSync(`${done}.tmp`, JSON.stringify(answer));
    fs.renameSync(`${done}.tmp`, done);
  }

  async screenshot(name) {
    const file = path.join(resultsDir, 'screenshots', `${name}.png`);
    await this.page.screenshot({ path: file, timeout: 15_000 });
    say(`screenshot ${path.relative(projectRoot, file)}`);
    return file;
  }

  /**
   * Opens the command palette as a writer does (F1), types `title` and, when a command of that
   * title is offered, runs it with Enter. Answers with the offered labels and whether it ran.
   */
  async palette(title) {
    const page = this.page;
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input.input');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await input.fill(`>${title}`);
    const rows = page.locator('.quick-input-list .monaco-list-row');
    let ran = false;
    try {
      await page.waitForFunction(
        (wanted) =>
          [...document.querySelectorAll('.quick-input-list .monaco-list-row')].some((row) =>
            (row.getAttribute('aria-label') ?? '').includes(wanted),
          ),
        title,
        { timeout: 15_000 },
      );
      ran = true;
    } catch {
      // not offered: answered below with what was
    }
    const labels = await rows.evaluateAll((elements) =>
      elements.map((element) => element.getAttribute('aria-label') ?? ''),
    );
    if (ran) {
      const index = labels.findIndex((label) => label.includes(title));
      await rows.nth(index).click();
    } else {
      await page.keyboard.press('Escape');
    }
    return { result: { labels, ran } };
  }

  /** Clicks the item of the open quick pick whose label contains `label`, once it is offered. */
  async quickPick(label) {
    const page = this.page;
    await page.waitForFunction(
      (wanted) =>
        [...document.querySelectorAll('.quick-input-list .monaco-list-row')].some((row) =>
          (row.getAttribute('aria-label') ?? '').includes(wanted),
        ),
      label,
      { timeout: 15_000 },
    );
    const rows = page.locator('.quick-input-list .monaco-list-row');
    const labels = await rows.evaluateAll((elements) =>
      elements.map((element) => element.getAttribute('aria-label') ?? ''),
    );
    await rows.nth(labels.findIndex((l) => l.includes(label))).click();
    return { result: { labels } };
  }

  /** Types `word` into the focused editor as a writer does, then presses Tab. */
  async typeTab(word) {
    await this.page.keyboard.type(word, { delay: 20 });
    await this.page.keyboard.press('Tab');
    return { result: { typed: word } };
  }

  /**
   * Types `text` into the focused editor as a writer does, waits for the suggestion list it opens,
   * and accepts the selected suggestion with Enter. Answers with the labels the list offered.
   */
  async typeAccept(text) {
    const page = this.page;
    await page.keyboard.type(text, { delay: 20 });
    const rows = page.locator('.editor-widget.suggest-widget.visible .monaco-list-row');
    await rows.first().waitFor({ state: 'visible', timeout: 15_000 });
    const labels = await rows.evaluateAll((elements) =>
      elements.map((element) => element.getAttribute('aria-label') ?? ''),
    );
    await page.keyboard.press('Enter');
    return { result: { labels } };
  }

  /** Clicks the first element a Playwright selector finds in the workbench (`:has-text("…")` allowed), once it shows. */
  async click(selector) {
    const element = this.page.locator(selector).first();
    await element.waitFor({ state: 'visible', timeout: 15_000 });
    const text = (await element.textContent()) ?? '';
    // A click where the element is; when something overlays it still (an animation), the element's own click.
    await element.click({ timeout: 5_000 }).catch(async (error) => {
      say(`click ${selector}: ${String(error?.message ?? error).split('\n')[0]}; dispatching a click event instead`);
      await element.dispatchEvent('click', undefined, { timeout: 5_000 });
    });
    return { result: { text } };
  }

  /**
   * Accepts VS Code's simple file dialog (a quick input, in a browser workbench) with Enter, once it
   * proposes a path ending in `suffix` (it shows the folder first, then fills in the file name).
   */
  async acceptDialog(suffix) {
    const input = this.page.locator('.quick-input-widget input.input');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await this.page.waitForFunction(
      (wanted) => (document.querySelector('.quick-input-widget input.input')?.value ?? '').endsWith(wanted),
      suffix,
      { timeout: 15_000 },
    );
    const value = await input.inputValue();
    await this.page.keyboard.press('Enter');
    return { result: { value } };
  }

  /**
   * Starts watching every frame but the workbench's own (the webviews) for `token` to appear in
   * the page, and answers at once; `watched` then waits for it. A MutationObserver in the frame
   * sees the change that puts the token on the page and stamps the moment the page is painted next
   * (the frame's Date.now(), the same clock as the extension host's), so the polling of these
   * requests is not in the figure.
   */
  async watch(name, token) {
    this.watches ??= new Map();
    const main = this.page.mainFrame();
    const handles = [];
    for (const frame of this.page.frames()) {
      if (frame === main) continue;
      try {
        handles.push(
          await frame.evaluateHandle((wanted) => {
            const has = (node) => (node.nodeType === 3 ? node.data : (node.textContent ?? '')).includes(wanted);
            // In an object: a promise returned as such would be awaited here, before the edit.
            const done = new Promise((resolve) => {
              const observer = new MutationObserver((records) => {
                for (const record of records) {
                  const found = record.type === 'characterData' ? has(record.target) : [...record.addedNodes].some(has);
                  if (found) {
                    observer.disconnect();
                    // Shown: laid out and painted, which is after the next animation frame's callbacks.
                    requestAnimationFrame(() => setTimeout(() => resolve(Date.now()), 0));
                    return;
                  }
                }
              });
              observer.observe(document, { subtree: true, childList: true, characterData: true });
            });
            return { done };
          }, token),
        );
      } catch {
        // a frame that went away, or not yet ready: it shows nothing
      }
    }
    this.watches.set(name, handles);
    return { result: { frames: handles.length } };
  }

  /** Waits (at most `timeoutMs`) for the token of `watch NAME` to appear; answers with when (epoch ms). */
  async watched(name, timeoutMs) {
    const handles = this.watches?.get(name) ?? [];
    this.watches?.delete(name);
    let timer;
    try {
      const at = await Promise.race([
        Promise.any(handles.map((handle) => handle.evaluate((watching) => watching.done))),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`not shown within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
      return { result: { at } };
    } finally {
      clearTimeout(timer);
      for (const handle of handles) void handle.dispose().catch(() => {});
    }
  }

  /**
   * In every frame with elements matching `selector`: how far it is scrolled, and the `data-line`s of
   * those matches that cross the top edge of its window (what a scrolled preview shows first).
   */
  async frameLines(selector) {
    const frames = [];
    for (const frame of this.page.frames()) {
      try {
        const found = await frame.evaluate((wanted) => {
          const matches = [...document.querySelectorAll(wanted)];
          if (matches.length === 0) return undefined;
          const lines = matches
            .filter((element) => {
              const rect = element.getBoundingClientRect();
              return rect.top <= 1 && rect.bottom > 1;
            })
            .map((element) => Number(element.getAttribute('data-line')));
          return { scrollY: window.scrollY, lines };
        }, selector);
        if (found) frames.push({ url: frame.url(), ...found });
      } catch {
        // a frame that went away, or not yet ready: it has no match
      }
    }
    return { result: { selector, frames } };
  }

  async frameText(name, selector) {
    const frames = [];
    for (const frame of this.page.frames()) {
      try {
        const texts = await frame.$$eval(selector, (elements) => elements.map((element) => element.textContent ?? ''));
        if (texts.length > 0) {
          frames.push({ url: frame.url(), name: frame.name(), texts });
        }
      } catch {
        // a frame that went away, or not yet ready: it has no match
      }
    }
    const result = { selector, texts: frames.flatMap((frame) => frame.texts), frames };
    fs.writeFileSync(path.join(resultsDir, 'frames', `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
    return { result };
  }
}

/** Ends Chromium and code-server by their own process ids; safe to call more than once. */
function cleanup() {
  cleaningUp ??= (async () => {
    const bounded = (promise, ms) =>
      Promise.race([promise.catch(() => {}), new Promise((resolve) => setTimeout(resolve, ms))]);
    if (running.browser) {
      await bounded(running.browser.close(), 5000);
    }
    if (running.browserServer) {
      const child = running.browserServer.process();
      await bounded(running.browserServer.close(), 5000);
      await killProcessGroup(child);
    }
    if (running.codeServer) {
      await killProcessGroup(running.codeServer);
    }
  })();
  return cleaningUp;
}

// Last resort when the process goes anyway: SIGKILL both process groups, synchronously.
process.on('exit', () => {
  for (const child of [running.codeServer, running.browserServer?.process()]) {
    if (child?.pid && child.exitCode === null && child.signalCode === null) {
      signalGroup(child.pid, 'SIGKILL');
    }
  }
});
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
]) {
  process.on(signal, () => {
    interrupted = true;
    say(`${signal}: ending code-server and chromium`);
    cleanup().finally(() => {
      if (running.temp && !options.keep) {
        fs.rmSync(running.temp, { recursive: true, force: true });
      }
      process.exit(code);
    });
  });
}

main().then(
  (code) => process.exit(code),
  async (error) => {
    console.error(`[harness] ${error?.stack ?? error}`);
    await cleanup();
    process.exit(1);
  },
);
