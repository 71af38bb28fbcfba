// Test helpers: a real conf-backed log in a temp folder (no mocks).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { openApp, type AppContext } from '../main/context';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix = 'backstride-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function openTestApp(
  dataDir = tempDir(),
  options: { parseImport?: NonNullable<Parameters<typeof openApp>[0]['parseImport']> } = {},
): AppContext & { dataDir: string } {
  return { ...openApp({ dataDir, mode: 'browser', ...options }), dataDir };
}

export function daysAgo(n: number): string {
  const d = new Date();
  d.setDate(d.getDate() - n);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
