// Printing a letter to PDF with the reader's own Chrome, Chromium or Edge, run headless: shared by
// the command line (`advocacy-letter pdf`) and the extension's export. Node only; no browser is
// bundled or downloaded.
import { execFile, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { errorCode, errorMessage, writeFileAtomic } from './files';

const fsp = fs.promises;

/** Names looked up on PATH (Linux and other Unixes) after the usual install paths. */
const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge'];

/**
 * Where a browser usually is, in the order tried: `CHROME_PATH` first, then the install paths of
 * Chrome, Chromium and Edge on `platform`.
 */
export function chromeCandidates(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string[] {
  const candidates: string[] = [];
  if (env.CHROME_PATH?.trim()) {
    candidates.push(env.CHROME_PATH.trim());
  }
  if (platform === 'win32') {
    const bases = [env.ProgramFiles, env['ProgramFiles(x86)'], env.LocalAppData ?? env.LOCALAPPDATA].filter(
      (b): b is string => !!b,
    );
    for (const program of ['Google\\Chrome\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe']) {
      for (const base of bases) {
        candidates.push(path.win32.join(base, program));
      }
    }
  } else if (platform === 'darwin') {
    const apps = [
      'Google Chrome.app/Contents/MacOS/Google Chrome',
      'Chromium.app/Contents/MacOS/Chromium',
      'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
    candidates.push(...apps.map((app) => path.posix.join('/Applications', app)));
    if (env.HOME) {
      candidates.push(...apps.map((app) => path.posix.join(env.HOME!, 'Applications', app)));
    }
  } else {
    candidates.push(
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/usr/bin/google-chrome',
      '/usr/bin/google-chrome-stable',
      '/snap/bin/chromium',
      '/usr/bin/microsoft-edge',
    );
  }
  return [...new Set(candidates)];
}

/**
 * The browser to print with: `configured` (a path, `~/…`, or a program name on PATH) when given,
 * and then only that, so a wrong setting is reported rather than silently replaced; otherwise
 * `CHROME_PATH` or the first usual install path that is an executable file. `undefined` when none is.
 */
export async function findChrome(configured?: string): Promise<string | undefined> {
  const wanted = configured?.trim();
  if (wanted) {
    return resolveConfigured(wanted);
  }
  for (const candidate of chromeCandidates()) {
    if (await isExecutableFile(candidate)) {
      return candidate;
    }
  }
  if (process.platform !== 'win32' && process.platform !== 'darwin') {
    for (const name of PATH_NAMES) {
      const found = await onPath(name);
      if (found) {
        return found;
      }
    }
  }
  return undefined;
}

async function resolveConfigured(wanted: string): Promise<string | undefined> {
  const expanded = expandHome(wanted);
  if (!/[\\/]/.test(expanded)) {
    return onPath(expanded);
  }
  const absolute = path.resolve(expanded);
  return (await isExecutableFile(absolute)) ? absolute : undefined;
}

function expandHome(p: string): string {
  return p === '~' || p.startsWith('~/') || p.startsWith('~\\') ? path.join(os.homedir(), p.slice(1)) : p;
}

async function isExecutableFile(file: string): Promise<boolean> {
  try {
    const stat = await fsp.stat(file);
    if (!stat.isFile()) {
      return false;
    }
    if (process.platform !== 'win32') {
      await fsp.access(file, fs.constants.X_OK);
    }
    return true;
  } catch {
    return false;
  }
}

async function onPath(name: string): Promise<string | undefined> {
  const extensions =
    process.platform === 'win32' ? ['', ...(process.env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';')] : [''];
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) {
      continue;
    }
    for (const extension of extensions) {
      const file = path.join(dir, name + extension);
      if (await isExecutableFile(file)) {
        return file;
      }
    }
  }
  return undefined;
}

const SETTING = 'set advocacyLetter.export.chromePath / --chrome';

/**
 * One plain sentence or two for when `findChrome(configured)` found nothing: what is wrong with the
 * configured path, or what to install on this platform.
 */
export function missingChromeMessage(configured?: string, platform: NodeJS.Platform = process.platform): string {
  const wanted = configured?.trim();
  if (wanted) {
    return `${describeConfigured(wanted)} Give the path of Chrome, Chromium or Edge in advocacyLetter.export.chromePath / --chrome, or leave it unset to use an installed one.`;
  }
  switch (platform) {
    case 'darwin':
      return `No Chrome, Chromium or Edge was found in /Applications. Install Google Chrome (https://www.google.com/chrome/) or Chromium (brew install --cask chromium), or ${SETTING} to the browser's path.`;
    case 'win32':
      return `No Chrome or Edge was found. Install Google Chrome (https://www.google.com/chrome/) or Microsoft Edge, or ${SETTING} to chrome.exe or msedge.exe.`;
    default:
      return `No Chrome or Chromium was found. Install Chromium (Debian: sudo apt-get install chromium; Ubuntu: sudo snap install chromium; Fedora: sudo dnf install chromium) or Google Chrome, or ${SETTING} (or CHROME_PATH) to the browser's path.`;
  }
}

function describeConfigured(wanted: string): string {
  const expanded = expandHome(wanted);
  if (!/[\\/]/.test(expanded)) {
    return `No program named ${wanted} was found on PATH.`;
  }
  let stat: fs.Stats;
  try {
    stat = fs.statSync(path.resolve(expanded));
  } catch {
    return `The browser ${wanted} does not exist.`;
  }
  if (stat.isDirectory()) {
    return `The browser ${wanted} is a directory, not a program.`;
  }
  return `The browser ${wanted} is not an executable file.`;
}

// ---------------------------------------------------------------------------------------------
// Printing

export interface PrintOptions {
  /** The browser's executable, as `findChrome` returns it. */
  chrome: string;
  /** How long Chrome may take before it is stopped; 60 000 ms by default. */
  timeoutMs?: number;
  /** Replace an existing `outFile` (the default); with `false` an existing file is left alone (a `FileWriteError` with code `EEXIST`). */
  overwrite?: boolean;
  /** Stops Chrome and cleans up when aborted (a cancelled progress notification, Ctrl+C). */
  signal?: AbortSignal;
}

/** Chrome could not make the PDF: `message` is one line with its exit code and last stderr line. */
export class PdfError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PdfError';
  }
}

/**
 * Prints a standalone HTML document (`renderLetterHtml`) to `outFile` with headless Chrome. The HTML,
 * the browser profile and the PDF live in a fresh temporary folder, removed afterwards whatever
 * happens; the PDF reaches `outFile` through `writeFileAtomic`, so a failure never leaves a half file
 * and never touches an existing `outFile`. Page size and margins come from the document's `@page`.
 */
export async function printToPdf(html: string, outFile: string, options: PrintOptions): Promise<void> {
  options.signal?.throwIfAborted();
  const dir = await fsp.mkdtemp(path.join(await temporaryParent(options.chrome), 'advocacy-letter-pdf-'));
  try {
    const htmlFile = path.join(dir, 'letter.html');
    const pdfFile = path.join(dir, 'letter.pdf');
    await fsp.writeFile(htmlFile, html);
    const stderr = await runChrome(
      options.chrome,
      chromeArguments(dir, htmlFile, pdfFile),
      options.timeoutMs ?? 60_000,
      options.signal,
    );
    let pdf: Buffer;
    try {
      pdf = await fsp.readFile(pdfFile);
    } catch {
      throw new PdfError(`Chrome (${options.chrome}) finished but wrote no PDF${lastLine(stderr)}`);
    }
    if (pdf.subarray(0, 4).toString('latin1') !== '%PDF') {
      throw new PdfError(`Chrome (${options.chrome}) wrote a file that is not a PDF${lastLine(stderr)}`);
    }
    options.signal?.throwIfAborted();
    await writeFileAtomic(outFile, pdf, { overwrite: options.overwrite });
  } finally {
    // Chrome may still be letting go of its profile on Windows: a few retries, and never an error of its own.
    await fsp.rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }).catch(() => undefined);
  }
}

/** The command line Chrome is run with (no shell is involved). */
export function chromeArguments(dir: string, htmlFile: string, pdfFile: string): string[] {
  const args = ['--headless', '--disable-gpu'];
  // Chrome refuses to start as root without it (containers, CI); a normal user keeps the sandbox.
  if (process.platform === 'linux' && process.getuid?.() === 0) {
    args.push('--no-sandbox');
  }
  args.push(
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-extensions',
    `--user-data-dir=${path.join(dir, 'profile')}`,
    '--no-pdf-header-footer',
    // The same, for Chrome before 111.
    '--print-to-pdf-no-header',
    `--print-to-pdf=${pdfFile}`,
    pathToFileURL(htmlFile).href,
  );
  return args;
}

/** A snap's /tmp is private to it: Chromium from the Snap Store reads and writes under ~/snap/<name>/common. */
async function temporaryParent(chrome: string): Promise<string> {
  if (process.platform === 'linux') {
    const real = await fsp.realpath(chrome).catch(() => chrome);
    if (chrome.startsWith('/snap/') || real === '/usr/bin/snap') {
      const common = path.join(os.homedir(), 'snap', path.basename(chrome), 'common');
      try {
        await fsp.mkdir(common, { recursive: true });
        return common;
      } catch {
        // Fall back to the usual place.
      }
    }
  }
  return os.tmpdir();
}

/** Runs Chrome to the end and returns its stderr, or throws a one-line PdfError. */
function runChrome(
  chrome: string,
  args: string[],
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let stopped: Error | undefined;
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    let child: ChildProcess | undefined;
    const finish = (error: Error | undefined, stderr = '') => {
      if (settled) {
        return;
      }
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (error) {
        reject(error);
      } else {
        resolve(stderr);
      }
    };
    const stop = (error: Error) => {
      if (stopped || settled) {
        return;
      }
      stopped = error;
      const done = () => {
        // Chrome's helper processes may hold its output open a little longer: the answer does not wait for them.
        child?.stdout?.destroy();
        child?.stderr?.destroy();
        finish(error);
      };
      if (!child || child.exitCode !== null || child.signalCode !== null) {
        done();
        return;
      }
      child.once('exit', done);
      kill(child);
    };
    const onAbort = () => stop(abortError(signal));

    child = execFile(
      chrome,
      args,
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, windowsHide: true },
      (error, _stdout, stderr) => {
        if (stopped) {
          return finish(stopped);
        }
        if (!error) {
          return finish(undefined, stderr);
        }
        finish(new PdfError(chromeFailure(chrome, error, stderr)));
      },
    );
    child.stdin?.end();
    timer = setTimeout(
      () =>
        stop(
          new PdfError(
            `Chrome (${chrome}) did not finish within ${Math.round(timeoutMs / 100) / 10} s and was stopped`,
          ),
        ),
      timeoutMs,
    );
    if (signal?.aborted) {
      onAbort();
    } else {
      signal?.addEventListener('abort', onAbort, { once: true });
    }
  });
}

/** Stops the child by its process id; on Windows its whole process tree. */
function kill(child: ChildProcess | undefined): void {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  if (process.platform === 'win32') {
    execFile('taskkill', ['/pid', String(child.pid), '/T', '/F'], { windowsHide: true }, () => undefined);
    return;
  }
  try {
    process.kill(child.pid, 'SIGKILL');
  } catch {
    // It has just exited.
  }
}

function abortError(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error ? reason : new PdfError('the PDF export was cancelled');
}

function chromeFailure(chrome: string, error: Error, stderr: string): string {
  const code = errorCode(error);
  const status = (error as { code?: unknown }).code;
  const killedBy = (error as { signal?: unknown }).signal;
  if (typeof status === 'number') {
    return `Chrome (${chrome}) failed with exit code ${status}${lastLine(stderr, ' and wrote no PDF')}`;
  }
  if (typeof killedBy === 'string' && killedBy) {
    return `Chrome (${chrome}) was stopped by ${killedBy}${lastLine(stderr, ' before writing the PDF')}`;
  }
  switch (code) {
    case 'ENOENT':
      return `cannot run Chrome: ${chrome} does not exist`;
    case 'EACCES':
    case 'EPERM':
      return `cannot run Chrome: ${chrome} is not executable (permission denied)`;
    case 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER':
      return `Chrome (${chrome}) wrote too much output and was stopped`;
    default:
      return `cannot run Chrome (${chrome}): ${errorMessage(error)}`;
  }
}

/** `: <Chrome's last non-empty stderr line>`, without Chromium's `[pid:tid:time:LEVEL:file.cc(1)]` prefix, or `otherwise`. */
function lastLine(stderr: string, otherwise = ''): string {
  const lines = stderr
    .split(/\r?\n/)
    .map((line) => line.replace(/^\[[^\]]*\]\s*/, '').trim())
    .filter(Boolean);
  const last = lines.at(-1);
  if (!last) {
    return otherwise;
  }
  return `: ${last.length > 300 ? `${last.slice(0, 300)}…` : last}`;
}
