// Finding, and if need be downloading, Electron's binary without loading the 'electron' module
// (loading it is what triggers Electron 42+'s download, and a failed one throws).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** The binary named by the electron package's path.txt, if that file exists. */
export function electronBinary(root) {
  const pkg = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(pkg, 'path.txt');
  if (!fs.existsSync(pathFile)) return undefined;
  const binary = path.join(pkg, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? binary : undefined;
}

/** Where a failed download is remembered, so the next start says it is trying again. */
export function downloadRecordFile(root) {
  return path.join(root, 'node_modules', '.cache', 'backstride', 'electron-download.json');
}

function lastFailure(root) {
  try {
    const record = JSON.parse(fs.readFileSync(downloadRecordFile(root), 'utf8'));
    return typeof record.at === 'string' && typeof record.reason === 'string' ? record : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Returns `{ binary }`, downloading it first when missing, or `{ reason }` saying in one line why
 * there is none. The first try says it is a one-time download; later tries say when and why the
 * last one failed, instead of repeating "first start only" on every start.
 */
export function ensureElectron(root, log = console.log, now = () => new Date()) {
  const existing = electronBinary(root);
  if (existing) return { binary: existing };
  const installer = path.join(root, 'node_modules', 'electron', 'install.js');
  if (!fs.existsSync(installer)) return { reason: 'the electron package is not installed (run npm install)' };
  const previous = lastFailure(root);
  log(
    previous
      ? `Trying again to download the Electron binary (the try at ${previous.at} failed: ${previous.reason})…`
      : 'Downloading the Electron binary (first start only)…',
  );
  // Progress goes to the terminal; the installer's stack trace on failure is summed up in one line.
  const result = spawnSync(process.execPath, [installer], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'pipe'],
    timeout: 10 * 60_000,
  });
  const binary = electronBinary(root);
  const record = downloadRecordFile(root);
  if (result.status === 0 && binary) {
    fs.rmSync(record, { force: true });
    return { binary };
  }
  const detail = (
    String(result.stderr ?? '')
      .split('\n')
      .find((line) => line.trim() !== '') ?? 'no answer'
  ).trim();
  fs.mkdirSync(path.dirname(record), { recursive: true });
  const at = now();
  const pad = (n) => String(n).padStart(2, '0');
  const stamp = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}`;
  fs.writeFileSync(record, JSON.stringify({ at: stamp, reason: detail }));
  return { reason: `Electron's binary could not be downloaded (${detail})` };
}
