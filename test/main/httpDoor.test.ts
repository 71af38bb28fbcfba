import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  MAX_CONNECTIONS,
  sessionCookieName,
  startHttpDoor,
  type HttpDoor,
  type HttpDoorOptions,
} from '../../main/httpDoor';
import { DISK_FULL_MESSAGE } from '../../main/errors';
import { openTestApp, tempDir } from '../helpers';
import { injectDisk } from './store/diskLayer';

let door: HttpDoor | undefined;
afterEach(async () => {
  await door?.close();
  door = undefined;
});

async function start(options: Partial<HttpDoorOptions> = {}): Promise<HttpDoor & { staticRoot: string }> {
  const staticRoot = tempDir();
  fs.writeFileSync(path.join(staticRoot, 'index.html'), '<!doctype html><title>Backstride</title>');
  door = await startHttpDoor({ handlers: openTestApp().handlers, staticRoot, ...options });
  return { ...door, staticRoot };
}

const signedIn = (d: HttpDoor): string => `${sessionCookieName(d.port)}=${d.sessionSecret}`;
const pathOf = (url: string): string => new URL(url).pathname + new URL(url).search;

/** Raw requests, so Host and Origin can be set as an attacker's page would. */
function request(
  d: HttpDoor,
  options: { path?: string; method?: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: d.port,
        path: options.path ?? '/',
        method: options.method ?? 'GET',
        headers: { Host: `127.0.0.1:${d.port}`, ...options.headers },
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

const apiCall = (d: HttpDoor, method: string, input: unknown, headers: Record<string, string> = {}) =>
  request(d, {
    path: `/api/${method}`,
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${d.sessionSecret}`, ...headers },
    body: JSON.stringify({ input }),
  });

describe('browser-mode HTTP door', () => {
  it('listens on 127.0.0.1 only; its address carries no token, one-time addresses do', async () => {
    const d = await start();
    expect(d.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const first = d.oneTimeUrl();
    expect(first).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
    expect(d.oneTimeUrl()).not.toBe(first);
  });

  it('trades a one-time address for an HttpOnly, SameSite cookie named after the port, once', async () => {
    const d = await start();
    const address = pathOf(d.oneTimeUrl());
    const res = await request(d, { path: address });
    expect(res.status).toBe(200);
    const cookie = res.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(new RegExp(`^backstride_session_${d.port}=[\\w-]+; HttpOnly; SameSite=Strict; Path=/$`));
    // The page moves on to the app by itself (a same-site navigation, so the cookie goes along).
    expect(res.body).toContain('http-equiv="refresh" content="0; url=/"');
    // The cookie is not the address token: the address in the history is worth nothing now.
    expect(cookie).not.toContain(new URL(address, d.url).searchParams.get('token'));
    const again = await request(d, { path: address });
    expect(again.status).toBe(403);
    expect(again.headers['set-cookie']).toBeUndefined();
    expect(again.body).toContain('has been used already');

    const page = await request(d, { headers: { Cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['access-control-allow-origin']).toBeUndefined();
  });

  it("ignores a session cookie of another port's name (another server's cookie)", async () => {
    const d = await start();
    const other = await request(d, { headers: { Cookie: `backstride_session_${d.port + 1}=${d.sessionSecret}` } });
    expect(other.status).toBe(403);
    expect((await request(d, { headers: { Cookie: `backstride_token=${d.sessionSecret}` } })).status).toBe(403);
  });

  it('gives a fresh one-time address only to a signed-in caller (the hand-over of a second start)', async () => {
    const d = await start();
    expect((await request(d, { path: '/one-time-address', method: 'POST' })).status).toBe(403);
    const res = await request(d, {
      path: '/one-time-address',
      method: 'POST',
      headers: { Authorization: `Bearer ${d.sessionSecret}` },
    });
    expect(res.status).toBe(200);
    const { url } = JSON.parse(res.body) as { url: string };
    expect((await request(d, { path: pathOf(url) })).status).toBe(200);
    const foreign = await request(d, {
      path: '/one-time-address',
      method: 'POST',
      headers: { Authorization: `Bearer ${d.sessionSecret}`, Origin: 'http://evil.example' },
    });
    expect(foreign.status).toBe(403);
  });

  it('refuses requests without the token or with a wrong one', async () => {
    const d = await start();
    expect((await request(d, {})).status).toBe(403);
    expect((await request(d, { path: '/?token=wrong' })).status).toBe(403);
    expect((await request(d, { path: '/?token=' })).status).toBe(403);
    expect((await apiCall(d, 'settings:get', undefined, { Authorization: 'Bearer wrong' })).status).toBe(403);
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin, even with the token', async () => {
    const d = await start();
    expect((await apiCall(d, 'settings:get', undefined, { Host: `evil.example:${d.port}` })).status).toBe(403);
    expect((await apiCall(d, 'settings:get', undefined, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await apiCall(d, 'settings:get', undefined, { Origin: `http://127.0.0.1:${d.port}` })).status).toBe(200);
  });

  it('answers with envelopes and validates input', async () => {
    const d = await start();
    const good = JSON.parse((await apiCall(d, 'settings:get', undefined)).body);
    expect(good).toMatchObject({ ok: true, value: { distanceUnit: 'km' } });
    const bad = JSON.parse((await apiCall(d, 'runs:save', { date: 'yesterday' })).body);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'date' } });
    const notJson = await request(d, {
      path: '/api/settings:get',
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${d.sessionSecret}` },
      body: '{nope',
    });
    expect(notJson.status).toBe(400);
    const form = await request(d, {
      path: '/api/settings:get',
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: `Bearer ${d.sessionSecret}` },
      body: 'a=1',
    });
    expect(form.status).toBe(415);
  });

  it('never serves files outside the built renderer', async () => {
    const d = await start();
    const res = await request(d, {
      path: '/..%2f..%2f..%2fetc%2fpasswd',
      headers: { Cookie: signedIn(d) },
    });
    // Traversal collapses to a path inside the renderer: the app page, never the system file.
    expect(res.body).not.toContain('root:');
    expect(res.body).toContain('<title>Backstride</title>');
    const withExtension = await request(d, {
      path: '/..%2f..%2fpackage.json',
      headers: { Cookie: signedIn(d) },
    });
    expect(withExtension.status).toBe(404);
  });

  it('answers a page file it cannot read (gone while the app is rebuilt) with an error, and keeps serving', async () => {
    const d = await start();
    // The app's page is gone from the built renderer: the tab's next reload asks for it.
    fs.rmSync(path.join(d.staticRoot, 'index.html'));
    for (const method of ['GET', 'HEAD']) {
      const page = await request(d, { path: '/journal', method, headers: { Cookie: signedIn(d) } });
      expect(page.status).toBe(404);
    }
    // The server is still there for the tab that is open.
    const info = await apiCall(d, 'app:info', undefined);
    expect(info.status).toBe(200);
    expect(JSON.parse(info.body)).toMatchObject({ ok: true, value: { mode: 'browser' } });
  });

  it('closes half-sent requests soon and caps connections, so a flood cannot lock the app out', async () => {
    const d = await start({ headersTimeoutMs: 1_000 });
    // 1,100 connections that send half a request and then nothing (as in the review).
    const ended = new Set<net.Socket>();
    const flood = await Promise.all(
      Array.from(
        { length: 1_100 },
        () =>
          new Promise<net.Socket>((resolve, reject) => {
            const socket = net.connect(d.port, '127.0.0.1', () => {
              socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${d.port}\r\n`);
              resolve(socket);
            });
            socket.on('error', () => undefined);
            socket.on('end', () => ended.add(socket));
            socket.resume();
            socket.once('error', reject);
          }),
      ),
    );
    const closed = (): number => flood.filter((s) => s.destroyed || ended.has(s)).length;
    try {
      const started = performance.now();
      const answer = await apiCall(d, 'settings:get', undefined);
      expect(answer.status).toBe(200);
      expect(performance.now() - started).toBeLessThan(2_000);
      // Beyond the cap, the oldest half-sent connections were closed at once…
      await expect.poll(closed, { timeout: 2_000 }).toBeGreaterThanOrEqual(1_100 - MAX_CONNECTIONS);
      // …and the rest when their headers were not complete in time.
      await expect.poll(closed, { timeout: 5_000 }).toBe(1_100);
    } finally {
      for (const socket of flood) socket.destroy();
    }
  });

  it('says the disk is full in the envelope when a save cannot be written, and keeps serving', async () => {
    const d = await start();
    const layer = injectDisk({ free: 0 });
    let full;
    try {
      full = JSON.parse((await apiCall(d, 'runs:save', { date: '2025-03-01', distanceKm: 5, durationS: 1800 })).body);
    } finally {
      layer.restore();
    }
    expect(full).toEqual({ ok: false, error: { code: 'io', message: DISK_FULL_MESSAGE } });
    const next = JSON.parse(
      (await apiCall(d, 'runs:save', { date: '2025-03-01', distanceKm: 5, durationS: 1800 })).body,
    );
    expect(next).toMatchObject({ ok: true });
  });
});
