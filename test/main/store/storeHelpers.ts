// Helpers for the store tests: real records, a real conf-backed repository in a temp folder,
// and a byte-for-byte picture of a folder (to prove something changed nothing).
import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { LogRepository, type RepositoryOptions } from '../../../main/store/repository';
import { confFactory } from '../../../main/store/storeFile';
import type { PainRating, Run, StrengthSession } from '../../../shared/model';

export const uuid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const run = (n: number, date: string, km = 5): Run => ({
  id: uuid(n),
  date,
  distanceKm: km,
  durationS: Math.round(km * 330),
  source: 'manual',
});

export const pain = (n: number, date: string, score = 3): PainRating => ({
  id: uuid(n),
  date,
  score,
  location: 'lower_back',
  side: 'left',
  kind: 'muscular',
  timing: 'after_run',
});

export const session = (n: number, date: string): StrengthSession => ({
  id: uuid(n),
  date,
  items: [{ exercise: 'plank', holdS: 45 }],
});

export function openRepo(dataDir: string, options: Partial<RepositoryOptions> = {}): LogRepository {
  return LogRepository.open({ dataDir, factory: confFactory, ...options });
}

/** Every file under `dir` (recursively) with its bytes, keyed by relative path. */
export function folderBytes(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (sub: string): void => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = path.join(sub, entry.name);
      if (entry.isDirectory()) walk(rel);
      else out.set(rel, fs.readFileSync(path.join(dir, rel)).toString('base64'));
    }
  };
  if (fs.existsSync(dir)) walk('');
  return out;
}

export function listDir(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
}

/** Writes a number (counted in a run) to .tmp/reliability/<name>.json for the README's numbers. */
export function recordStat(name: string, values: Record<string, number | string>): void {
  const dir = path.resolve(import.meta.dirname, '../../../.tmp/reliability');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, `${name}.json`),
    JSON.stringify({ ...values, at: new Date().toISOString() }, null, 2),
  );
}

/**
 * Bundles a TypeScript entry into one .mjs under .tmp/ (packages stay in node_modules), so a
 * child process starts in a fraction of a second instead of compiling through tsx each time.
 */
export function bundleForChild(entry: string, name: string): { file: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(path.resolve(import.meta.dirname, '../../../.tmp'), 'bundle-'));
  const file = path.join(dir, `${name}.mjs`);
  buildSync({
    entryPoints: [entry],
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: file,
    logLevel: 'error',
  });
  return { file, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
