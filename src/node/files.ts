// Writing an exported file so that no reader ever sees it half written: shared by the command line
// (`render -o`, `pdf`) and the extension's export commands. Node only.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

const fsp = fs.promises;

export interface WriteOptions {
  /**
   * Replace an existing file (the default). With `false` an existing file is left alone and the
   * write fails with code `EEXIST`, even when the file appears while the data is being written.
   */
  overwrite?: boolean;
}

/** A write that failed: `message` is one line (`cannot write OUT: no such folder`); `code` is Node's (`EISDIR`, `EEXIST`, `ENOENT`…). */
export class FileWriteError extends Error {
  constructor(
    message: string,
    readonly target: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'FileWriteError';
  }
}

/**
 * Writes `data` to a temporary file beside `target` (`<target>.tmp-<random>`), flushes it, then
 * renames it over `target`: a failed write leaves no half file and the old file untouched. A symbolic
 * link is written through rather than replaced, and an existing file keeps its permissions.
 */
export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array,
  options: WriteOptions = {},
): Promise<void> {
  const overwrite = options.overwrite ?? true;
  let destination = target;
  let mode: number | undefined;
  try {
    destination = await fsp.realpath(target);
    const stat = await fsp.stat(destination);
    if (stat.isDirectory()) {
      throw new FileWriteError(`${target} is a directory`, target, 'EISDIR');
    }
    if (!overwrite) {
      throw new FileWriteError(`${target} exists`, target, 'EEXIST');
    }
    mode = stat.mode & 0o7777;
  } catch (error) {
    if (error instanceof FileWriteError) {
      throw error;
    }
    // No such file yet (or a link to nothing): a new file is written.
  }

  const temporary = `${destination}.tmp-${randomBytes(6).toString('hex')}`;
  try {
    const handle = await fsp.open(temporary, 'wx');
    try {
      await handle.writeFile(data);
      if (mode !== undefined) {
        await handle.chmod(mode);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (overwrite) {
      await fsp.rename(temporary, destination);
    } else {
      await placeNew(temporary, destination, target);
    }
  } catch (error) {
    await fsp.unlink(temporary).catch(() => undefined);
    if (error instanceof FileWriteError) {
      throw error;
    }
    throw new FileWriteError(`cannot write ${target}: ${writeFailure(error)}`, target, errorCode(error));
  }
}

/** Moves `temporary` to `destination` only if nothing is there: a hard link fails rather than replace a file. */
async function placeNew(temporary: string, destination: string, target: string): Promise<void> {
  try {
    await fsp.link(temporary, destination);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'EEXIST') {
      throw new FileWriteError(`${target} exists`, target, 'EEXIST');
    }
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') {
      throw error;
    }
    // A file system without hard links (FAT, some network shares): check, then rename.
    if (
      await fsp.lstat(destination).then(
        () => true,
        () => false,
      )
    ) {
      throw new FileWriteError(`${target} exists`, target, 'EEXIST');
    }
    await fsp.rename(temporary, destination);
    return;
  }
  await fsp.unlink(temporary).catch(() => undefined);
}

/** Why a write failed, in a few words. */
export function writeFailure(error: unknown): string {
  switch (errorCode(error)) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'no such folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EROFS':
      return 'read-only file system';
    default:
      return errorMessage(error);
  }
}

export function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

/** The first line of an error's message. */
export function errorMessage(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}

/** `true` when `a` and `b` name the same file (following links), or would if they existed. */
export function samePath(a: string, b: string): boolean {
  return realOrResolved(a) === realOrResolved(b);
}

function realOrResolved(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}
