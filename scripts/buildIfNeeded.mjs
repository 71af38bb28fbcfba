// Builds the app (electron-vite) when out/ is missing or older than any source, so `npm start`
// and `npm run cli` work from a fresh clone without a separate build step.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const BUILT = [
  'out/main/index.js',
  'out/main/serve.js',
  'out/main/cli.js',
  'out/preload/preload.cjs',
  'out/renderer/index.html',
];

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
  const built = BUILT.map((f) => path.join(root, f));
  if (!built.every((f) => fs.existsSync(f))) return true;
  const builtAt = Math.min(...built.map((f) => fs.statSync(f).mtimeMs));
  const sources = ['main', 'shared', 'renderer'].map((d) => newestMtime(path.join(root, d)));
  return Math.max(...sources, fs.statSync(path.join(root, 'electron.vite.config.ts')).mtimeMs) > builtAt;
}

/** Builds when needed; progress goes to stderr so a CLI answer on stdout stays clean. Exits on failure. */
export function buildIfNeeded() {
  if (!needsBuild()) return;
  console.error('Building Backstride…');
  const build = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
    {
      cwd: root,
      stdio: ['ignore', process.stderr, 'inherit'],
    },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
}
