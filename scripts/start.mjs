// `npm start`: under Node 22 or newer (fetched if need be), build if needed, then open the desktop app. Electron 42+ downloads its binary on
// first use; where that is impossible (no internet, or no display), say why in one line and
// start browser mode instead. Never loads the 'electron' module itself.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildIfNeeded } from './buildIfNeeded.mjs';
import { ensureElectron } from './electronBinary.mjs';
import { runUnderNode22 } from './node22.mjs';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const forceBrowser = args.includes('--browser');
const passThrough = args.filter((a) => a !== '--browser');

function startBrowserMode(why) {
  if (why) console.log(`Backstride: ${why}; starting browser mode instead.`);
  const child = spawn(process.execPath, [path.join(root, 'out/main/serve.js'), ...passThrough], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

runUnderNode22();
buildIfNeeded();

if (forceBrowser) {
  startBrowserMode();
} else {
  const electron = ensureElectron(root);
  const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  if (!electron.binary) {
    startBrowserMode(electron.reason);
  } else if (!hasDisplay) {
    startBrowserMode('no display is available for a desktop window');
  } else {
    const child = spawn(electron.binary, [root, ...passThrough], { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
  }
}
