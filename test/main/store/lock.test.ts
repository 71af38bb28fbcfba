// Two writers: one Backstride writes to a data folder at a time. A second writer (here the real
// CLI in another process) refuses with a clear message and changes nothing; commands that only
// read still work; a lock left by a killed process is taken over.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli';
import {
  acquireWriteLock,
  breakLock,
  currentLockOwner,
  DataFolderLockedError,
  LOCK_FILE,
  type LockOwner,
} from '../../../main/store/lock';
import { tempDir } from '../../helpers';
import { bundleForChild, folderBytes, openRepo, run } from './storeHelpers';

const bundles: Array<{ remove(): void }> = [];
let holderScript: string;
let cliScript: string;
beforeAll(() => {
  const holder = bundleForChild(path.join(import.meta.dirname, 'holdLock.ts'), 'holdLock');
  const cli = bundleForChild(path.resolve(import.meta.dirname, '../../../main/cli.ts'), 'cli');
  bundles.push(holder, cli);
  holderScript = holder.file;
  cliScript = cli.file;
});
afterAll(() => bundles.forEach((b) => b.remove()));

const children: Array<ReturnType<typeof spawn>> = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

/** Starts a process that opens the folder as browser mode does and holds it; resolves with its pid. */
function startHolder(dataDir: string): Promise<{ pid: number; child: ReturnType<typeof spawn> }> {
  const child = spawn(process.execPath, [holderScript, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /ready (\d+)/.exec(out);
      if (match) resolve({ pid: Number(match[1]), child });
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`holder exited (${code}): ${out}`)));
  });
}

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cliScript, ...args], { encoding: 'utf8', timeout: 20_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const exited = (child: ReturnType<typeof spawn>): Promise<void> =>
  new Promise((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve()),
  );

async function folderWithOneRun(): Promise<string> {
  const dir = tempDir();
  const repo = openRepo(dir);
  await repo.save('run', run(1, '2024-05-01'));
  await repo.close();
  return dir;
}

const SAVE = JSON.stringify({ date: '2024-05-02', distanceKm: 8, durationS: 2700 });

describe('two real processes on one data folder', () => {
  it(
    'a second writer refuses with a clear message and changes nothing; reads still work',
    { timeout: 90_000 },
    async () => {
      const dir = await folderWithOneRun();
      const holder = await startHolder(dir);
      const before = folderBytes(dir);

      const refused = cli('call', 'runs:save', SAVE, '--data-dir', dir);
      expect(refused.status).toBe(3);
      expect(refused.stderr).toContain(
        `Backstride is already open on this data folder (pid ${holder.pid}): close it first, or use a different --data-dir`,
      );
      expect(folderBytes(dir)).toEqual(before);

      // Read-only commands open the folder without the lock.
      const insights = cli('insights', '--json', '--data-dir', dir);
      expect(insights.status).toBe(0);
      expect(JSON.parse(insights.stdout).weeks.length).toBeGreaterThan(0);
      const list = cli('call', 'journal:list', '{}', '--data-dir', dir);
      expect(list.status).toBe(0);
      expect(JSON.parse(list.stdout).entries).toHaveLength(1);
      expect(folderBytes(dir)).toEqual(before);

      // Once the first process has closed cleanly, its lock is gone and the CLI may write.
      holder.child.kill('SIGTERM');
      await exited(holder.child);
      expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
      const saved = cli('call', 'runs:save', SAVE, '--data-dir', dir);
      expect(saved.status).toBe(0);
      expect(openRepo(dir).count('run')).toBe(2);
    },
  );

  it('a lock left behind by a killed process is taken over by the next writer', { timeout: 60_000 }, async () => {
    const dir = await folderWithOneRun();
    const holder = await startHolder(dir);
    holder.child.kill('SIGKILL');
    await exited(holder.child);
    const stale = JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8')) as LockOwner;
    expect(stale.pid).toBe(holder.pid);

    const saved = cli('call', 'runs:save', SAVE, '--data-dir', dir);
    expect(saved.stderr).toBe('');
    expect(saved.status).toBe(0);
    // The CLI exited cleanly, so it left no lock of its own.
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    expect(openRepo(dir).count('run')).toBe(2);
  });
});

describe('the lock file', () => {
  const writeLock = (dir: string, owner: Partial<LockOwner>): void =>
    fs.writeFileSync(
      path.join(dir, LOCK_FILE),
      JSON.stringify({ pid: 1, hostname: os.hostname(), startedAt: new Date().toISOString(), token: 'x', ...owner }),
    );

  it('can be taken twice by one process (tests, a CLI command reopening) and goes with the last release', () => {
    const dir = tempDir();
    const first = acquireWriteLock(dir);
    const second = acquireWriteLock(dir);
    first.release();
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(true);
    second.release();
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });

  it('refuses while a live process on this machine holds it, naming its pid', () => {
    const dir = tempDir();
    writeLock(dir, { pid: process.ppid });
    expect(() => acquireWriteLock(dir)).toThrow(DataFolderLockedError);
    expect(() => acquireWriteLock(dir)).toThrow(`(pid ${process.ppid}): close it first, or use a different --data-dir`);
    expect(currentLockOwner(dir)?.pid).toBe(process.ppid);
  });

  it('respects a lock from another machine (a synced folder), naming the machine', () => {
    const dir = tempDir();
    writeLock(dir, { pid: 4242, hostname: 'the-other-laptop' });
    expect(() => acquireWriteLock(dir)).toThrow('(pid 4242 on the-other-laptop, since ');
  });

  it('takes over a lock whose process is gone, or that was written before this machine booted', () => {
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const dead = tempDir();
    writeLock(dead, { pid: Number(gone.stdout) });
    acquireWriteLock(dead).release();

    const beforeBoot = tempDir();
    writeLock(beforeBoot, {
      pid: process.ppid,
      startedAt: new Date(Date.now() - os.uptime() * 1000 - 3_600_000).toISOString(),
    });
    acquireWriteLock(beforeBoot).release();
  });

  it('treats an unreadable lock file as held for a few seconds (its writer may be mid-write), then as stale', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, LOCK_FILE), '');
    expect(() => acquireWriteLock(dir)).toThrow('(another process)');
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(path.join(dir, LOCK_FILE), old, old);
    acquireWriteLock(dir).release();
  });

  it('is taken by the doors but not by a read-only open', async () => {
    const dir = await folderWithOneRun();
    writeLock(dir, { pid: process.ppid });
    expect(() => openRepo(dir, { lock: true })).toThrow(DataFolderLockedError);
    expect(openRepo(dir, { access: 'read' }).count('run')).toBe(1);
  });
});

describe('a lock that may be stale: the message says who holds it, and --break-lock removes it after asking', () => {
  const lockFor = (dir: string, owner: Partial<LockOwner>): LockOwner => {
    const full = { pid: 4242, hostname: os.hostname(), startedAt: '2026-11-30T08:15:00.000Z', token: 'abc', ...owner };
    fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify(full));
    return full;
  };
  const io = (answer: boolean) => {
    const errors: string[] = [];
    const questions: string[] = [];
    const lines: string[] = [];
    return {
      errors,
      questions,
      lines,
      out: (l: string) => lines.push(l),
      err: (l: string) => errors.push(l),
      confirm: async (q: string) => {
        questions.push(q);
        return answer;
      },
    };
  };

  it('from another machine: names the machine, the process and when, and how to tell it is stale', async () => {
    const dir = await folderWithOneRun();
    lockFor(dir, { hostname: 'the-other-laptop' });
    const refused = io(true);
    expect(await runCli(['call', 'runs:save', SAVE, '--data-dir', dir], refused)).toBe(3);
    expect(refused.errors[0]).toContain(
      'Backstride is already open on this data folder on another machine (pid 4242 on the-other-laptop, since 2026-11-30 08:15 UTC)',
    );
    expect(refused.errors[0]).toContain('if Backstride is no longer running there');
    expect(refused.errors[0]).toContain('--break-lock');
    expect(refused.questions).toEqual([]);

    const declined = io(false);
    expect(await runCli(['call', 'runs:save', SAVE, '--data-dir', dir, '--break-lock'], declined)).toBe(3);
    expect(declined.questions[0]).toMatch(/^Remove the lock held by process 4242 on the-other-laptop\?/);
    expect(JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8')).hostname).toBe('the-other-laptop');
    expect(openRepo(dir, { access: 'read' }).count('run')).toBe(1);

    const confirmed = io(true);
    expect(await runCli(['call', 'runs:save', SAVE, '--data-dir', dir, '--break-lock'], confirmed)).toBe(0);
    expect(confirmed.errors).toContain('The stale lock was removed.');
    expect(openRepo(dir, { access: 'read' }).count('run')).toBe(2);
  });

  it('naming a live process that is not Backstride: says which program it is and how to check', async () => {
    const dir = await folderWithOneRun();
    const other = spawn('sleep', ['60'], { stdio: 'ignore' });
    children.push(other);
    lockFor(dir, { pid: other.pid!, startedAt: new Date().toISOString() });
    const refused = io(true);
    expect(await runCli(['call', 'runs:save', SAVE, '--data-dir', dir], refused)).toBe(3);
    expect(refused.errors[0]).toContain(`process ${other.pid} is now \`sleep 60\``);
    expect(refused.errors[0]).toContain(`check with \`ps -p ${other.pid} -o args\``);
    expect(refused.errors[0]).toContain('--break-lock');
    const confirmed = io(true);
    expect(await runCli(['call', 'runs:save', SAVE, '--data-dir', dir, '--break-lock'], confirmed)).toBe(0);
    expect(openRepo(dir, { access: 'read' }).count('run')).toBe(2);
  });

  it('never removes a lock taken after the one the user confirmed', () => {
    const dir = tempDir();
    const shown = lockFor(dir, { hostname: 'the-other-laptop', token: 'old' });
    lockFor(dir, { hostname: 'the-other-laptop', token: 'new' });
    expect(() => breakLock(dir, shown)).toThrow(DataFolderLockedError);
    expect(JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8')).token).toBe('new');
  });
});
