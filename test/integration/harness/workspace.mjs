// `node test/integration/harness/workspace.mjs [FOLDER]`: (re)makes the folder the integration tests
// open (copies of examples/ and test/fixtures/; default .vscode-test/workspace), for the
// "Extension Tests" launch configuration, which has no harness to make a temporary one.
import path from 'node:path';
import { makeTestWorkspace, projectRoot, say } from './codeServer.mjs';

const target = path.resolve(projectRoot, process.argv[2] ?? path.join('.vscode-test', 'workspace'));
makeTestWorkspace(target);
say(`test workspace ready: ${path.relative(projectRoot, target)}`);
