// `npm start`: build if needed, then open the desktop app. Electron 42+ downloads its binary on
// first use; where that is impossible (no internet, or no display), say why in one line and
// start browser mode instead. Never loads the 'electron' module itself.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureElectron } from './electronBinary.mjs';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const forceBrowser = args.includes('--browser');
const passThrough = args.filter((a) => a !== '--browser');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function needsBuild() {
  const built = ['out/main/index.js', 'out/main/serve.js', 'out/preload/preload.cjs', 'out/renderer/index.html'].map(
    (f) => path.join(root, f),
  );
  if (!built.every((f) => fs.existsSync(f))) return true;
  const builtAt = Math.min(...built.map((f) => fs.statSync(f).mtimeMs));
  const sources = ['main', 'shared', 'renderer'].map((d) => newestMtime(path.join(root, d)));
  return Math.max(...sources, fs.statSync(path.join(root, 'electron.vite.config.ts')).mtimeMs) > builtAt;
}

function startBrowserMode(why) {
  if (why) console.log(`Backstride: ${why}; starting browser mode instead.`);
  const child = spawn(process.execPath, [path.join(root, 'out/main/serve.js'), ...passThrough], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

if (needsBuild()) {
  console.log('Building Backstride…');
  const build = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
}

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
