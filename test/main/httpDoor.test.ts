import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DISK_FULL_MESSAGE } from '../../main/errors';
import { startHttpDoor, type HttpDoor } from '../../main/httpDoor';
import { openTestApp, tempDir } from '../helpers';
import { injectDisk } from './store/diskLayer';

let door: HttpDoor | undefined;
afterEach(async () => {
  await door?.close();
  door = undefined;
});

async function start(): Promise<HttpDoor> {
  const staticRoot = tempDir();
  fs.writeFileSync(path.join(staticRoot, 'index.html'), '<!doctype html><title>Backstride</title>');
  door = await startHttpDoor({ handlers: openTestApp().handlers, staticRoot });
  return door;
}

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
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${d.token}`, ...headers },
    body: JSON.stringify({ input }),
  });

describe('browser-mode HTTP door', () => {
  it('listens on 127.0.0.1 only and prints a tokened address', async () => {
    const d = await start();
    expect(d.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
  });

  it('trades the token in the address for an HttpOnly, SameSite cookie', async () => {
    const d = await start();
    const res = await request(d, { path: `/?token=${d.token}` });
    expect(res.status).toBe(302);
    expect(res.headers['set-cookie']?.[0]).toMatch(/HttpOnly; SameSite=Strict/);
    const page = await request(d, { headers: { Cookie: `backstride_token=${d.token}` } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses requests without the token or with a wrong one', async () => {
    const d = await start();
    expect((await request(d, {})).status).toBe(403);
    expect((await request(d, { path: '/?token=wrong' })).status).toBe(403);
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
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${d.token}` },
      body: '{nope',
    });
    expect(notJson.status).toBe(400);
    const form = await request(d, {
      path: '/api/settings:get',
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: `Bearer ${d.token}` },
      body: 'a=1',
    });
    expect(form.status).toBe(415);
  });

  it('never serves files outside the built renderer', async () => {
    const d = await start();
    const res = await request(d, {
      path: '/..%2f..%2f..%2fetc%2fpasswd',
      headers: { Cookie: `backstride_token=${d.token}` },
    });
    // Traversal collapses to a path inside the renderer: the app page, never the system file.
    expect(res.body).not.toContain('root:');
    expect(res.body).toContain('<title>Backstride</title>');
    const withExtension = await request(d, {
      path: '/..%2f..%2fpackage.json',
      headers: { Cookie: `backstride_token=${d.token}` },
    });
    expect(withExtension.status).toBe(404);
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
