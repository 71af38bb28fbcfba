// One writer per data folder. conf rewrites whole files, so two processes writing the same
// folder would silently overwrite each other's saves; instead the first writer (desktop app,
// browser mode or CLI) holds `backstride.lock` and every other writer refuses to start.
// Readers need no lock: every file is replaced by an atomic rename, so a read sees either
// the old or the new content, never half of it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeAll } from './atomicWrite';

export const LOCK_FILE = 'backstride.lock';

/** What the lock file holds, so a refusal can say who holds it and a stale lock can be spotted. */
export interface LockOwner {
  pid: number;
  hostname: string;
  startedAt: string;
  /** Random per lock, so a takeover can tell this lock from a new one at the same path. */
  token: string;
}

export class DataFolderLockedError extends Error {
  readonly code = 'locked';
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner | undefined,
  ) {
    super(lockedMessage(dataDir, owner));
    this.name = 'DataFolderLockedError';
  }
}

/**
 * Says who holds the lock, and how to tell whether it is stale: a lock from another machine
 * (a synced or network folder) cannot be checked from here, and a process id on this machine
 * may since have been given to another program.
 */
function lockedMessage(dataDir: string, owner: LockOwner | undefined): string {
  const breakIt = 'run the command again with --break-lock to remove it';
  if (owner === undefined) {
    return `Backstride is already open on this data folder (another process): its lock file ${path.join(dataDir, LOCK_FILE)} cannot be read yet. Wait a few seconds and try again; if this stays, the lock is stale: ${breakIt}. Data folder: ${dataDir}`;
  }
  const since = Number.isFinite(Date.parse(owner.startedAt))
    ? `since ${owner.startedAt.slice(0, 16).replace('T', ' ')} UTC`
    : 'since an unknown time';
  if (owner.hostname !== os.hostname()) {
    return `Backstride is already open on this data folder on another machine (pid ${owner.pid} on ${owner.hostname}, ${since}): close it there first, or use a different --data-dir. This machine cannot check a process on ${owner.hostname}: if Backstride is no longer running there (it crashed, or the folder was copied or synced from there), the lock is stale, and you can ${breakIt}. Data folder: ${dataDir}`;
  }
  const command = processCommand(owner.pid);
  const check = process.platform === 'win32' ? 'Task Manager' : `\`ps -p ${owner.pid} -o args\``;
  return `Backstride is already open on this data folder (pid ${owner.pid}): close it first, or use a different --data-dir. The lock was taken ${since}${
    command ? `, and process ${owner.pid} is now \`${command}\`` : ''
  }. If that process is not Backstride (process ids are reused; check with ${check}), the lock is stale: ${breakIt}. Data folder: ${dataDir}`;
}

/** The command line of a process on this machine, where the system shows it (Linux's /proc). */
function processCommand(pid: number): string | undefined {
  try {
    const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
    return args ? (args.length > 160 ? `${args.slice(0, 160)}…` : args) : undefined;
  } catch {
    return undefined;
  }
}

export interface WriteLock {
  readonly path: string;
  readonly owner: LockOwner;
  /** Gives the lock up (once per acquire; the file goes when the last holder in this process lets go). */
  release(): void;
}

/** Locks held by this process, by lock path: opening the same folder twice in one process is allowed. */
const held = new Map<string, { owner: LockOwner; holders: number }>();

let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // A clean exit removes our locks; after a crash the lock is stale and the next start takes it over.
  process.on('exit', () => {
    for (const [lockPath, { owner }] of held) removeIfOurs(lockPath, owner);
    held.clear();
  });
}

function readOwner(lockPath: string): { text: string; owner: LockOwner | undefined } | undefined {
  let text: string;
  try {
    text = fs.readFileSync(lockPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as Partial<LockOwner>;
    if (
      typeof parsed.pid === 'number' &&
      typeof parsed.hostname === 'string' &&
      typeof parsed.startedAt === 'string' &&
      typeof parsed.token === 'string'
    ) {
      return { text, owner: parsed as LockOwner };
    }
  } catch {
    // A lock file that is not ours or was torn by a crash between create and write.
  }
  return { text, owner: undefined };
}

/** Whether a process with this pid exists on this machine (whoever owns it). */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Grace period for a lock file that exists but is still empty (its writer is between create and write). */
const UNREADABLE_LOCK_GRACE_MS = 5_000;

function isStale(lockPath: string, owner: LockOwner | undefined): boolean {
  if (owner === undefined) {
    const age = Date.now() - (fs.statSync(lockPath, { throwIfNoEntry: false })?.mtimeMs ?? 0);
    return age > UNREADABLE_LOCK_GRACE_MS;
  }
  // A lock on another machine (a synced or network folder) cannot be checked: respect it.
  if (owner.hostname !== os.hostname()) return false;
  // Our own pid but not held by us: a leftover of an earlier process that had the same pid
  // (common in containers, where the app is often pid 1 every time).
  if (owner.pid === process.pid) return ![...held.values()].some((entry) => entry.owner.token === owner.token);
  // Written before this machine last booted: whichever process has that pid now is not Backstride.
  const bootedAt = Date.now() - os.uptime() * 1000;
  const startedAt = Date.parse(owner.startedAt);
  if (Number.isFinite(startedAt) && startedAt < bootedAt - 60_000) return true;
  return !processIsAlive(owner.pid);
}

function tryCreate(lockPath: string, owner: LockOwner): boolean {
  let fd: number;
  try {
    // O_CREAT | O_EXCL: exactly one process can create the file.
    fd = fs.openSync(lockPath, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    // Not synced to disk: a lock only means something while its process runs. After a power cut
    // the file is gone, empty or whole, and each is stale (written before boot, or unreadable
    // for longer than the grace period), so a sync would buy nothing and cost every start.
    writeAll(fd, Buffer.from(JSON.stringify(owner)));
  } finally {
    fs.closeSync(fd);
  }
  return true;
}

/**
 * Removes a stale lock, unless another process replaced it meanwhile: the file is first
 * renamed to a name only we use, then compared with what we judged stale.
 */
function takeOver(lockPath: string, staleText: string): void {
  const aside = `${lockPath}.stale-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  try {
    fs.renameSync(lockPath, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // someone else removed it first
    throw error;
  }
  let moved = '';
  try {
    moved = fs.readFileSync(aside, 'utf8');
  } catch {
    // unreadable: treat as the stale one
  }
  if (moved !== staleText) {
    // We moved a fresh lock another process had just made: put it back where it was.
    try {
      fs.linkSync(aside, lockPath);
    } catch {
      // A third process made a lock meanwhile; theirs stands.
    }
  }
  fs.rmSync(aside, { force: true });
}

function removeIfOurs(lockPath: string, owner: LockOwner): void {
  try {
    if (readOwner(lockPath)?.owner?.token === owner.token) fs.unlinkSync(lockPath);
  } catch {
    // Nothing to do: a lock we cannot remove is stale for the next start.
  }
}

/** Takes the data folder's writer lock, or throws DataFolderLockedError naming the holder. */
export function acquireWriteLock(dataDir: string): WriteLock {
  const lockPath = path.join(dataDir, LOCK_FILE);
  const mine = held.get(lockPath);
  if (mine) {
    mine.holders++;
    return handle(lockPath, mine.owner);
  }
  const owner: LockOwner = {
    pid: process.pid,
    hostname: os.hostname(),
    startedAt: new Date().toISOString(),
    token: crypto.randomBytes(12).toString('hex'),
  };
  for (let attempt = 0; attempt < 5; attempt++) {
    if (tryCreate(lockPath, owner)) {
      installExitHook();
      held.set(lockPath, { owner, holders: 1 });
      return handle(lockPath, owner);
    }
    const existing = readOwner(lockPath);
    if (existing === undefined) continue; // released between our attempt and the read: try again
    if (!isStale(lockPath, existing.owner)) throw new DataFolderLockedError(dataDir, existing.owner);
    takeOver(lockPath, existing.text);
  }
  throw new DataFolderLockedError(dataDir, readOwner(lockPath)?.owner);
}

function handle(lockPath: string, owner: LockOwner): WriteLock {
  let released = false;
  return {
    path: lockPath,
    owner,
    release() {
      if (released) return;
      released = true;
      const entry = held.get(lockPath);
      if (!entry || entry.owner.token !== owner.token) return;
      entry.holders--;
      if (entry.holders > 0) return;
      held.delete(lockPath);
      removeIfOurs(lockPath, owner);
    },
  };
}

/** Who holds the folder's lock right now, if anyone live does (for messages and tests). */
export function currentLockOwner(dataDir: string): LockOwner | undefined {
  const lockPath = path.join(dataDir, LOCK_FILE);
  const existing = readOwner(lockPath);
  if (!existing || isStale(lockPath, existing.owner)) return undefined;
  return existing.owner;
}

/**
 * Removes a lock the user has confirmed is stale (the CLI's --break-lock): only the lock that was
 * shown to them, never one another process has taken since (then that one is reported instead).
 */
export function breakLock(dataDir: string, shown: LockOwner | undefined): void {
  const lockPath = path.join(dataDir, LOCK_FILE);
  const existing = readOwner(lockPath);
  if (existing === undefined) return;
  if (existing.owner?.token !== shown?.token) throw new DataFolderLockedError(dataDir, existing.owner);
  takeOver(lockPath, existing.text);
}
