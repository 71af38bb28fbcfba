// Every test gets its own data folder (empty, or seeded through the real repository) and the
// app opened on it: in Electron when a binary and a display exist, else in browser mode.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, _electron, type Page } from '@playwright/test';
import { LogRepository } from '../main/store/repository';
import { confFactory } from '../main/store/storeFile';
import type { PainRating, Run, Settings, StrengthSession } from '../shared/model';
import { canRunElectron, electronBinary } from './env';

export interface Seed {
  runs?: Run[];
  pain?: PainRating[];
  strength?: StrengthSession[];
  settings?: Partial<Settings>;
}

export async function seedDataDir(dataDir: string, seed: Seed): Promise<void> {
  const repo = LogRepository.open({ dataDir, factory: confFactory });
  for (const run of seed.runs ?? []) await repo.save('run', run);
  for (const pain of seed.pain ?? []) await repo.save('pain', pain);
  for (const session of seed.strength ?? []) await repo.save('strength', session);
  if (seed.settings) await repo.updateSettings({ ...repo.settings, ...seed.settings });
  await repo.flush();
}

/**
 * Starts browser mode on a data folder; resolves once `ready` matches what it printed (by default
 * the one-time address that `--no-open` prints to the terminal).
 */
export function startBrowserMode(
  dataDir: string,
  options: { args?: string[]; env?: NodeJS.ProcessEnv; ready?: RegExp } = {},
): Promise<{ url: string; process: ChildProcess; output: () => string }> {
  const child = spawn(
    process.execPath,
    ['out/main/serve.js', '--data-dir', dataDir, ...(options.args ?? ['--no-open'])],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: options.env ?? process.env,
    },
  );
  const ready = options.ready ?? /running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/;
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL'); // not left running behind the failed test
      reject(new Error(`browser mode did not start:\n${output}`));
    }, 45_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1] ?? '', process: child, output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser mode exited with ${code}:\n${output}`));
    });
  });
}

interface Fixtures {
  seed: Seed;
  dataDir: string;
  app: Page;
  /** Requests that left the app's own origin (the privacy promise: there must be none). */
  foreignRequests: string[];
}

export const test = base.extend<Fixtures>({
  seed: [{}, { option: true }],
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backstride-e2e-'));
    await use(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  },
  // eslint-disable-next-line no-empty-pattern
  foreignRequests: async ({}, use) => {
    await use([]);
  },
  app: async ({ page, dataDir, seed, foreignRequests }, use) => {
    await seedDataDir(dataDir, seed);
    if (canRunElectron()) {
      const electronApp = await _electron.launch({
        executablePath: electronBinary()!,
        args: ['out/main/index.js', '--data-dir', dataDir],
      });
      const window = await electronApp.firstWindow();
      window.on('request', (request) => {
        if (!request.url().startsWith('app://backstride/') && !request.url().startsWith('data:'))
          foreignRequests.push(request.url());
      });
      await expect(window.getByRole('heading', { level: 1 }).first()).toBeVisible();
      await use(window);
      await electronApp.close();
      expect(foreignRequests, 'the app must not contact anything outside its own origin').toEqual([]);
      return;
    }
    const server = await startBrowserMode(dataDir);
    const origin = new URL(server.url).origin;
    page.on('request', (request) => {
      if (!request.url().startsWith(`${origin}/`) && !request.url().startsWith('data:'))
        foreignRequests.push(request.url());
    });
    await page.goto(server.url);
    // Ready when the log has loaded and a view has rendered (so its listeners are in place),
    // as a person would wait for the window before pressing keys.
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    await use(page);
    // A server that exited during the test shows the page "Backstride is not running any more":
    // say so, with what it printed, instead of leaving that to be guessed from the page.
    expect(
      { exitCode: server.process.exitCode, signal: server.process.signalCode },
      `browser mode must still be running at the end of the test; it printed:\n${server.output()}`,
    ).toEqual({ exitCode: null, signal: null });
    server.process.kill('SIGTERM');
    expect(foreignRequests, 'the app must not contact anything outside its own origin').toEqual([]);
  },
});

export { expect };
