// Backstride needs Node 22 or newer (Electron 45's tooling, conf 16 and electron-store 12 declare
// it; Node 20 is past end of life). Where the machine's node is older, this fetches Node 22 from
// the npm registry's `node` package (a registry download, never GitHub) into .tmp/node, once.
//
// As a command (`node scripts/node22.mjs`) it prints the folder to put first on PATH, or nothing
// when the running node will do: `.ci/run` uses it before `npm ci`. Scripts call `runUnderNode22`
// first thing, which re-runs them under that Node with it first on PATH for every tool they start.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const NODE_VERSION = '22.23.3';
const MIN_MAJOR = 22;

const root = path.resolve(import.meta.dirname, '..');
const prefix = path.join(root, '.tmp', 'node');
const binDir = path.join(prefix, 'node_modules', '.bin');

function installedVersion() {
  try {
    return JSON.parse(fs.readFileSync(path.join(prefix, 'node_modules', 'node', 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

/** The folder holding a Node 22 binary, or undefined when the running node is new enough. */
export function node22BinDir() {
  if (Number(process.versions.node.split('.')[0]) >= MIN_MAJOR) return undefined;
  if (installedVersion() !== NODE_VERSION) {
    console.error(
      `Node ${process.versions.node} is too old for Backstride: fetching Node ${NODE_VERSION} from the npm registry (once)…`,
    );
    fs.mkdirSync(prefix, { recursive: true });
    const install = spawnSync(
      'npm',
      [
        'install',
        '--prefix',
        prefix,
        '--no-save',
        '--no-package-lock',
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
        `node@${NODE_VERSION}`,
      ],
      { stdio: ['ignore', 'ignore', 'inherit'], shell: process.platform === 'win32' },
    );
    if (install.status !== 0 || installedVersion() !== NODE_VERSION) {
      console.error(
        `Could not fetch Node ${NODE_VERSION}; install Node 22 or newer (https://nodejs.org) and try again.`,
      );
      process.exit(1);
    }
  }
  return binDir;
}

/** Re-runs the calling script under Node 22 when the running node is older; returns otherwise. */
export function runUnderNode22() {
  const dir = node22BinDir();
  if (!dir) return;
  const result = spawnSync(path.join(dir, 'node'), process.argv.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, PATH: `${dir}${path.delimiter}${process.env.PATH ?? ''}` },
  });
  process.exit(result.status ?? 1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const dir = node22BinDir();
  if (dir) console.log(dir);
}
