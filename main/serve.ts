// Browser mode: `node out/main/serve.js [--data-dir DIR] [--port N] [--no-open]`.
// Serves the built renderer and the service on 127.0.0.1 and opens the browser on a launch page
// only this user can read. A second start on the same data folder hands over to the running one.
import { spawn } from 'node:child_process';
import {
  askRunningServer,
  forgetRunningServer,
  LAUNCH_PAGE,
  recordRunningServer,
  writeLaunchPage,
} from './browserLaunch';
import { openApp } from './context';
import { startHttpDoor } from './httpDoor';
import { argValue, resolveDataDir } from './paths';
import { rendererDir } from './staticFiles';

/**
 * Opens the launch page in the default browser when there is one; never waits for it. Only the
 * page's path is on the command line: the token inside it stays out of every process's arguments.
 */
function openInBrowser(launchPage: string): void {
  const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  const noBrowser = `No browser could be opened; open ${launchPage} in your browser.`;
  if (!hasDisplay) return console.log(noBrowser);
  // $BROWSER, when set, names the program to open it with (the usual convention; the tests use it).
  const chosen = process.env.BROWSER?.trim();
  const [command, args] = chosen
    ? [chosen, [launchPage]]
    : process.platform === 'darwin'
      ? ['open', [launchPage]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', launchPage]]
        : ['xdg-open', [launchPage]];
  try {
    const child = spawn(command, args as string[], {
      stdio: 'ignore',
      detached: true,
      // A .cmd or .bat can only be started through the shell on Windows.
      shell: process.platform === 'win32' && /\.(cmd|bat)$/i.test(command),
    });
    child.on('error', () => console.log(noBrowser));
    child.unref();
  } catch {
    console.log(noBrowser);
  }
}

/** With --no-open the one-time address goes to the terminal (the user's own); else the browser gets it. */
function letUserIn(dataDir: string, oneTimeUrl: string, open: boolean): void {
  if (!open) return;
  const launchPage = writeLaunchPage(dataDir, oneTimeUrl);
  console.log(`Opening it in your browser (through ${LAUNCH_PAGE} in the data folder, readable only by you).`);
  openInBrowser(launchPage);
}

async function main(argv: string[]): Promise<void> {
  const dataDir = resolveDataDir(argv);
  const open = !argv.includes('--no-open');

  const running = await askRunningServer(dataDir);
  if (running) {
    const shown = open ? new URL(running.url).origin + '/' : running.url;
    console.log(`Backstride is already running on this data folder (pid ${running.pid}) at ${shown}`);
    letUserIn(dataDir, running.url, open);
    return;
  }

  const portArg = argValue(argv, '--port');
  const { repo, handlers } = openApp({ dataDir, mode: 'browser' });
  const door = await startHttpDoor({ handlers, staticRoot: rendererDir(), port: portArg ? Number(portArg) : 0 });
  recordRunningServer(dataDir, { pid: process.pid, port: door.port, sessionSecret: door.sessionSecret });
  process.on('exit', () => forgetRunningServer(dataDir));
  const oneTimeUrl = door.oneTimeUrl();
  console.log(`Backstride (browser mode) is running at ${open ? door.url : oneTimeUrl}`);
  if (!open) console.log('That address lets one browser in, once; run the same command again for another.');
  console.log(`Data folder: ${dataDir}`);
  for (const notice of repo.notices) console.log(`${notice.level.toUpperCase()}: ${notice.message}`);
  console.log('Press Ctrl+C to stop.');
  letUserIn(dataDir, oneTimeUrl, open);

  const stop = (): void => {
    void repo
      .flush()
      .then(() => door.close())
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`Backstride could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
