// How browser mode lets the user in without the token ever appearing in a process's arguments
// (which every local user can read with `ps`): the browser is opened on a launch page, a file
// only this user can read, that moves on to the one-time address. A second start on the same
// data folder finds the running server through a file of the same kind and hands the user over.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { z } from 'zod';
import { ONE_TIME_ADDRESS_PATH } from './httpDoor';
import { processIsAlive } from './store/lock';

export const LAUNCH_PAGE = 'browser-launch.html';
export const RUNNING_SERVER_FILE = 'browser-mode.json';

const runningServerSchema = z.object({
  pid: z.number().int().positive(),
  port: z.number().int().min(1).max(65535),
  sessionSecret: z.string().min(16),
});
export type RunningServer = z.infer<typeof runningServerSchema>;

/**
 * Writes a file readable only by this user (0600): created new under a random name (never
 * through an existing file or link), then renamed into place.
 */
export function writePrivateFile(file: string, text: string): void {
  const temp = `${file}.tmp-${crypto.randomBytes(6).toString('hex')}`;
  const fd = fs.openSync(temp, 'wx', 0o600);
  try {
    fs.writeFileSync(fd, text);
    fs.fchmodSync(fd, 0o600); // whatever the umask
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

/** The launch page: moves on to the one-time address at once (no script: the page is a file). */
export function launchPageHtml(oneTimeUrl: string): string {
  const escaped = oneTimeUrl.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return (
    '<!doctype html><meta charset="utf-8">' +
    `<meta http-equiv="refresh" content="0; url=${escaped}">` +
    `<title>Opening Backstride…</title><p><a href="${escaped}">Open Backstride</a></p>\n`
  );
}

/** Writes the launch page into the data folder and returns its path. */
export function writeLaunchPage(dataDir: string, oneTimeUrl: string): string {
  const file = path.join(dataDir, LAUNCH_PAGE);
  writePrivateFile(file, launchPageHtml(oneTimeUrl));
  return file;
}

export function recordRunningServer(dataDir: string, server: RunningServer): void {
  writePrivateFile(path.join(dataDir, RUNNING_SERVER_FILE), JSON.stringify(server));
}

/** Removes the running-server file and the launch page, if they are this process's. */
export function forgetRunningServer(dataDir: string, pid = process.pid): void {
  if (readRunningServer(dataDir)?.pid !== pid) return;
  fs.rmSync(path.join(dataDir, RUNNING_SERVER_FILE), { force: true });
  fs.rmSync(path.join(dataDir, LAUNCH_PAGE), { force: true });
}

export function readRunningServer(dataDir: string): RunningServer | undefined {
  try {
    const parsed = runningServerSchema.safeParse(
      JSON.parse(fs.readFileSync(path.join(dataDir, RUNNING_SERVER_FILE), 'utf8')),
    );
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Asks the browser mode already running on this data folder for a fresh one-time address.
 * Undefined when none answers (none running, or a file left by a crash).
 */
export function askRunningServer(
  dataDir: string,
  timeoutMs = 3_000,
): Promise<{ pid: number; url: string } | undefined> {
  const running = readRunningServer(dataDir);
  if (!running || !processIsAlive(running.pid)) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: running.port,
        path: ONE_TIME_ADDRESS_PATH,
        method: 'POST',
        headers: { Host: `127.0.0.1:${running.port}`, Authorization: `Bearer ${running.sessionSecret}` },
        timeout: timeoutMs,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => {
          const parsed = z.object({ url: z.string().startsWith('http://127.0.0.1:') }).safeParse(safeJson(body));
          resolve(res.statusCode === 200 && parsed.success ? { pid: running.pid, url: parsed.data.url } : undefined);
        });
      },
    );
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(undefined));
    req.end();
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
