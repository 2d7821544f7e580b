// scripts/system-packages.sh, which `npm start`, `npm test` and .ci/run run first, on machines made
// up here: its commands (dpkg-query, id, apt-get) are stand-ins on PATH that say which packages are
// installed, who runs it, and record what apt-get was asked. Nothing is installed for real.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './support/expectations';

const script = join(repoRoot, 'scripts', 'system-packages.sh');
const bash = ['/bin/bash', '/usr/bin/bash'].find(existsSync);
const grep = ['/bin/grep', '/usr/bin/grep'].find(existsSync);
const skip = !bash || !grep ? 'needs bash and grep' : false;

interface Machine {
  /** Packages dpkg knows as installed; undefined: no dpkg at all (not Debian). */
  installed?: string[];
  uid: number;
  /** Whether apt-get is there. */
  aptGet: boolean;
}

function run(machine: Machine) {
  const bin = mkdtempSync(join(tmpdir(), 'system-packages-'));
  const log = join(bin, 'apt-get.log');
  const tool = (name: string, body: string) => {
    writeFileSync(join(bin, name), `#!${bash}\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  };
  symlinkSync(grep!, join(bin, 'grep'));
  tool('id', `echo ${machine.uid}`);
  if (machine.installed) {
    // dpkg-query -W -f='${Status}' PACKAGE
    const known = machine.installed.map((p) => `"${p}"`).join(' ');
    tool(
      'dpkg-query',
      `for p in ${known}; do [ "$p" = "\${!#}" ] && { printf 'install ok installed'; exit 0; }; done; exit 1`,
    );
  }
  if (machine.aptGet) tool('apt-get', `echo "$*" >> ${log}`);
  const result = spawnSync(bash!, [script], { encoding: 'utf8', env: { PATH: bin } });
  const aptGet = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [];
  rmSync(bin, { recursive: true, force: true });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, aptGet };
}

const all = [
  'chromium',
  'build-essential',
  'pkg-config',
  'python3',
  'libkrb5-dev',
  'libx11-dev',
  'libxkbfile-dev',
  'libsecret-1-dev',
  'ripgrep',
  'poppler-utils',
  'libreoffice-writer-nogui',
  'fonts-dejavu-extra',
];

describe('scripts/system-packages.sh', { skip }, () => {
  test('not root, packages missing: prints the one apt-get line to run and fails, installing nothing', () => {
    const result = run({ installed: ['python3', 'pkg-config'], uid: 1000, aptGet: true });
    assert.equal(result.status, 1);
    assert.deepEqual(result.aptGet, [], 'apt-get was not run');
    assert.equal(result.stdout, '');
    const commands = result.stderr.split('\n').filter((line) => line.includes('apt-get'));
    assert.equal(commands.length, 1, result.stderr);
    const missing = all.filter((p) => p !== 'python3' && p !== 'pkg-config');
    assert.equal(
      commands[0].trim(),
      `sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing.join(' ')}`,
    );
  });

  test('root without apt-get: the same line, the same failure', () => {
    const result = run({ installed: [], uid: 0, aptGet: false });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /apt-get install -y --no-install-recommends chromium build-essential/);
  });

  test('root with apt-get: installs exactly what is missing, then succeeds', () => {
    const result = run({ installed: all.filter((p) => p !== 'chromium' && p !== 'ripgrep'), uid: 0, aptGet: true });
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(result.aptGet, ['update -qq', 'install -y -qq --no-install-recommends chromium ripgrep']);
  });

  test('everything installed: silent success, whoever runs it', () => {
    for (const uid of [0, 1000]) {
      const result = run({ installed: all, uid, aptGet: true });
      assert.deepEqual([result.status, result.stdout, result.stderr, result.aptGet], [0, '', '', []]);
    }
  });

  test('not a Debian system: names the packages and lets the next step say what fails', () => {
    const result = run({ uid: 1000, aptGet: false });
    assert.equal(result.status, 0);
    assert.match(result.stderr, /not a Debian-like system.*chromium/);
  });
});
