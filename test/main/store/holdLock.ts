// Child process for lock.test.ts: opens a data folder the way browser mode and the desktop app
// do (openApp: writer lock + automatic backups), prints "ready <pid>", and stays open until
// SIGTERM (clean close, lock released) or SIGKILL (lock left behind, stale).
//
// Usage: node holdLock.mjs <dataDir>
import { openApp } from '../../../main/context';

const [dataDir] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: holdLock <dataDir>');
try {
  const { repo } = openApp({ dataDir, mode: 'browser' });
  process.on('SIGTERM', () => void repo.close().then(() => process.exit(0)));
  setInterval(() => undefined, 60_000);
  // Ready once opening has settled: a log from before the shoe list gets its list written first.
  void repo.flush().then(() => process.stdout.write(`ready ${process.pid}\n`));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(3);
}
