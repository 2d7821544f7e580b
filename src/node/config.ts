// Finds and reads the shared configuration `.advocacy-letter.json` for the command line.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { configFileName, readLetterConfig, type ConfigProblem, type LetterConfig } from '../core';

export interface FoundConfig {
  file: string;
  config: LetterConfig;
  problems: ConfigProblem[];
}

/** Reads a configuration file; throws when it cannot be read (the caller says why). */
export function loadLetterConfig(file: string): FoundConfig {
  const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  return { file, ...readLetterConfig(text) };
}

/** The nearest `.advocacy-letter.json` in the letter's folder or a parent, up to the filesystem root. */
export function findLetterConfigFile(letterPath: string): string | undefined {
  let dir = path.dirname(path.resolve(letterPath));
  for (;;) {
    const candidate = path.join(dir, configFileName);
    if (fs.statSync(candidate, { throwIfNoEntry: false })?.isFile()) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The configuration that applies to a letter, read from the nearest `.advocacy-letter.json`, if any. */
export function findLetterConfig(letterPath: string): FoundConfig | undefined {
  const file = findLetterConfigFile(letterPath);
  return file === undefined ? undefined : loadLetterConfig(file);
}
