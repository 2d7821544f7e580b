// `npm start`: builds the extension and serves a real VS Code (code-server) on 127.0.0.1 with examples/
// open and the extension loaded from this folder. Open the printed URL in a browser; Ctrl-C ends it.
//
//   PORT=8080 npm start        (default 8080)
//   npm run watch              (in another terminal: rebuild on save, then "Developer: Reload Window")
//
// Its user data (settings, open editors) stays in .vscode-test/start/ between runs.
import fs from 'node:fs';
import path from 'node:path';
import {
  ensureCodeServer,
  killProcessGroup,
  projectRoot,
  runNpmScript,
  say,
  signalGroup,
  startCodeServer,
  workbenchUrl,
  writeUserSettings,
} from '../test/integration/harness/codeServer.mjs';

const port = Number(process.env.PORT ?? 8080);
const stateDir = path.join(projectRoot, '.vscode-test', 'start');
const userDataDir = path.join(stateDir, 'user-data');
const folder = path.join(projectRoot, 'examples');
let child;

async function main() {
  runNpmScript('build');
  ensureCodeServer();
  if (!fs.existsSync(path.join(userDataDir, 'User', 'settings.json'))) {
    writeUserSettings(userDataDir);
  }
  say(`starting code-server on 127.0.0.1:${port} (its log: .vscode-test/start/code-server.log)`);
  const server = await startCodeServer({
    port,
    userDataDir,
    extensionsDir: path.join(stateDir, 'extensions'),
    folder,
    logFile: path.join(stateDir, 'code-server.log'),
    echo: true,
  });
  child = server.child;
  const url = workbenchUrl({ url: server.url, port, folder, extensionDevelopmentPath: projectRoot });
  console.log(
    `\nOpen this in a browser (the extension is loaded from ${projectRoot}):\n\n  ${url}\n\nCtrl-C ends code-server.\n`,
  );
  const [code, signal] = await new Promise((resolve) => child.once('exit', (c, s) => resolve([c, s])));
  say(`code-server exited (${code ?? signal})`);
  return code ?? 1;
}

for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
]) {
  process.on(signal, () => {
    say(`${signal}: ending code-server (pid ${child?.pid ?? 'not started'})`);
    killProcessGroup(child).finally(() => process.exit(code));
  });
}
process.on('exit', () => {
  if (child?.pid && child.exitCode === null && child.signalCode === null) {
    signalGroup(child.pid, 'SIGKILL');
  }
});

main().then(
  (code) => process.exit(code),
  async (error) => {
    console.error(`[start] ${error?.message ?? error}`);
    await killProcessGroup(child);
    process.exit(1);
  },
);
