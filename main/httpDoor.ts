// Browser mode's door: the built renderer and the same handler map over HTTP, on 127.0.0.1
// only, behind a random per-launch token, refusing foreign Host/Origin headers (DNS rebinding).
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { contract, isMethod, offeredOn } from '../shared/api';
import { dispatch, unknownMethod } from './dispatch';
import { MIME_TYPES, resolveStatic } from './staticFiles';
import { SECURITY_HEADERS } from './security';
import type { Handlers } from './service';

export const TOKEN_COOKIE = 'backstride_token';

export interface HttpDoor {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export interface HttpDoorOptions {
  handlers: Handlers;
  staticRoot: string;
  port?: number;
  token?: string;
}

function send(res: http.ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}

function timingSafeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb);
}

function cookieToken(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return rest.join('=');
  }
  return undefined;
}

async function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function startHttpDoor(options: HttpDoorOptions): Promise<HttpDoor> {
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  let port = 0;

  const allowedHosts = (): Set<string> => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = (): Set<string> => new Set([...allowedHosts()].map((h) => `http://${h}`));

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      console.error('[backstride] request failed:', error);
      if (!res.headersSent) send(res, 500, 'Internal error');
      else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // DNS rebinding: a page on another name that resolves here must not reach the log.
    if (!allowedHosts().has(req.headers.host ?? '')) return send(res, 403, 'Forbidden host');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().has(origin)) return send(res, 403, 'Forbidden origin');

    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const offered = url.searchParams.get('token');
    if (req.method === 'GET' && offered !== null) {
      if (!timingSafeEqual(offered, token)) return send(res, 403, 'Wrong token: open the address Backstride printed.');
      // Trade the token in the address for a cookie, and drop it from the address bar.
      res.writeHead(302, {
        ...SECURITY_HEADERS,
        'Set-Cookie': `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: '/',
        'Cache-Control': 'no-store',
      });
      res.end();
      return;
    }

    const presented = cookieToken(req.headers.cookie) ?? req.headers.authorization?.replace(/^Bearer /, '');
    if (!presented || !timingSafeEqual(presented, token)) {
      return send(res, 403, 'Backstride needs the address it printed when it started (it includes a one-time token).');
    }

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'Use POST');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'JSON only');
      let method: string | undefined;
      try {
        method = decodeURIComponent(url.pathname.slice('/api/'.length));
      } catch {
        method = undefined;
      }
      // Known before the body is read, so its limit is the method's own (from the contract).
      if (!isMethod(method) || !offeredOn(method, 'http')) {
        const envelope = { ok: false, error: unknownMethod(method ?? '') };
        return send(res, 404, JSON.stringify(envelope), 'application/json; charset=utf-8');
      }
      let input: unknown;
      try {
        const body = await readBody(req, contract[method].maxBodyBytes);
        input = body === '' ? undefined : (JSON.parse(body) as { input?: unknown }).input;
      } catch (error) {
        const tooLarge = error instanceof Error && error.message === 'too large';
        const envelope = {
          ok: false,
          error: {
            code: 'invalid_input',
            message: tooLarge ? 'The request is too large.' : 'The request is not valid JSON.',
          },
        };
        return send(res, tooLarge ? 413 : 400, JSON.stringify(envelope), 'application/json; charset=utf-8');
      }
      const result = await dispatch(options.handlers, method, input, 'http');
      return send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8');
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
    const file = resolveStatic(options.staticRoot, url.pathname);
    if (!file) return send(res, 404, 'Not found');
    const type = MIME_TYPES[path.extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-cache' });
    if (req.method === 'HEAD') return void res.end();
    fs.createReadStream(file).pipe(res);
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}/?token=${token}`,
        port,
        token,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
