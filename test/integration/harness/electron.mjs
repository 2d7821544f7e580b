// `npm run test:electron`: the same integration suite in desktop VS Code through @vscode/test-electron,
// for machines that can download VS Code (this project's machines cannot: use test:integration here).
// On Linux without a display, run it under xvfb-run.
//
//   npm run test:electron [-- --grep WORDS] [-- --no-build]
//   VSCODE_TEST_VERSION=1.100.0 npm run test:electron   (default: stable; the oldest engines.vscode is 1.100.0)
import { runTests } from '@vscode/test-electron';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { makeTestWorkspace, projectRoot, runNpmScript, say } from './codeServer.mjs';

const { values: options } = parseArgs({
  options: {
    grep: { type: 'string', default: process.env.ADVOCACY_LETTER_TEST_GREP ?? '' },
    'no-build': { type: 'boolean', default: false },
  },
});

async function main() {
  if (!options['no-build']) {
    runNpmScript('build');
    runNpmScript('build:integration');
  }
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'advocacy-letter-electron-'));
  const workspace = makeTestWorkspace(path.join(temp, 'workspace'));
  try {
    return await runTests({
      version: process.env.VSCODE_TEST_VERSION ?? 'stable',
      extensionDevelopmentPath: projectRoot,
      extensionTestsPath: path.join(projectRoot, 'out', 'test', 'integration', 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--user-data-dir', path.join(temp, 'user-data')],
      // No ADVOCACY_LETTER_TEST_RESULTS here: nothing answers screenshot requests, so they are skipped.
      extensionTestsEnv: { ADVOCACY_LETTER_TEST_GREP: options.grep },
    });
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    say(`the extension tests failed: ${error?.stack ?? error}`);
    process.exit(1);
  },
);
