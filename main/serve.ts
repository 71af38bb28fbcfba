// Browser mode: `node out/main/serve.js [--data-dir DIR] [--port N] [--no-open]`.
// Serves the built renderer and the service on 127.0.0.1 and prints the address.
import { spawn } from 'node:child_process';
import { openApp } from './context';
import { startHttpDoor } from './httpDoor';
import { argValue, resolveDataDir } from './paths';
import { rendererDir } from './staticFiles';

/** Opens the address in the default browser when there is one; never waits for it. */
function openInBrowser(url: string): void {
  const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  if (!hasDisplay) return;
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(command, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', () => console.log('No browser could be opened; open the address above yourself.'));
    child.unref();
  } catch {
    console.log('No browser could be opened; open the address above yourself.');
  }
}

async function main(argv: string[]): Promise<void> {
  const dataDir = resolveDataDir(argv);
  const portArg = argValue(argv, '--port');
  const { repo, handlers } = openApp({ dataDir, mode: 'browser' });
  const door = await startHttpDoor({ handlers, staticRoot: rendererDir(), port: portArg ? Number(portArg) : 0 });
  console.log(`Backstride (browser mode) is running at ${door.url}`);
  console.log(`Data folder: ${dataDir}`);
  for (const notice of repo.notices) console.log(`${notice.level.toUpperCase()}: ${notice.message}`);
  console.log('Press Ctrl+C to stop.');
  if (!argv.includes('--no-open')) openInBrowser(door.url);

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
