// Browser mode's door: the built renderer and the same handler map over HTTP, on 127.0.0.1
// only, refusing foreign Host/Origin headers (DNS rebinding). A browser gets in with a one-time
// address token, traded on first use for a session cookie named after the port (so another
// server on 127.0.0.1 neither receives nor overwrites it); the token then stops working, so the
// address left in the browser's history lets nobody in.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import { pipeline } from 'node:stream';
import { contract, isMethod, offeredOn } from '../shared/api';
import { dispatch, unknownMethod } from './dispatch';
import { MIME_TYPES, resolveStatic } from './staticFiles';
import { SECURITY_HEADERS } from './security';
import type { Handlers } from './service';

/** The session cookie's name: cookies are not scoped by port, so the port is in the name. */
export const sessionCookieName = (port: number): string => `backstride_session_${port}`;

/** Slow or half-sent requests give up quickly, so they cannot hold the app's descriptors. */
export const HEADERS_TIMEOUT_MS = 10_000;
/** A whole request, body included (an import of several large files over loopback fits easily). */
export const REQUEST_TIMEOUT_MS = 120_000;
/** Connections kept open at most; beyond it the oldest one not serving a request is closed. */
export const MAX_CONNECTIONS = 128;

export interface HttpDoor {
  /** The app's address, without any token. */
  url: string;
  port: number;
  /** The session cookie's value (also accepted as `Authorization: Bearer …`, for tests and tools). */
  sessionSecret: string;
  /** A fresh one-time address: the first GET of it gets the session cookie, later ones nothing. */
  oneTimeUrl(): string;
  close(): Promise<void>;
}

export interface HttpDoorOptions {
  handlers: Handlers;
  staticRoot: string;
  port?: number;
  /** Override MAX_CONNECTIONS and HEADERS_TIMEOUT_MS (tests). */
  maxConnections?: number;
  headersTimeoutMs?: number;
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

function cookieValue(header: string | undefined, cookieName: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === cookieName) return rest.join('=');
  }
  return undefined;
}

/**
 * After the token is traded for the cookie, a page of our own moves on to the app. A redirect
 * would not do: a SameSite=Strict cookie is not sent along a redirect chain that a file:// launch
 * page started, while a navigation our own page starts is same-site.
 */
const SIGNED_IN_PAGE =
  '<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=/">' +
  '<title>Backstride</title><p><a href="/">Open Backstride</a></p>';

/**
 * Caps open connections: when one too many arrives, the oldest connection that is not serving a
 * request (half-sent headers, or idle keep-alive) is closed, so a flood of half-sent requests can
 * neither exhaust the process's descriptors nor keep the browser out.
 */
function capConnections(server: http.Server, max: number): void {
  const open = new Map<Socket, { busy: boolean }>();
  server.on('connection', (socket: Socket) => {
    open.set(socket, { busy: false });
    socket.once('close', () => open.delete(socket));
    if (open.size <= max) return;
    for (const [candidate, state] of open) {
      if (candidate !== socket && !state.busy) {
        candidate.destroy();
        return;
      }
    }
  });
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const state = open.get(req.socket);
    if (!state) return;
    state.busy = true;
    res.once('close', () => (state.busy = false));
  });
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

const randomSecret = (): string => crypto.randomBytes(24).toString('base64url');

/** POST here (signed in) answers `{ url }`, a fresh one-time address. */
export const ONE_TIME_ADDRESS_PATH = '/one-time-address';

export function startHttpDoor(options: HttpDoorOptions): Promise<HttpDoor> {
  const sessionSecret = randomSecret();
  /** One-time address tokens not used yet. */
  const pendingTokens = new Set<string>();
  let port = 0;
  const oneTimeUrl = (): string => {
    const token = randomSecret();
    pendingTokens.add(token);
    return `http://127.0.0.1:${port}/?token=${token}`;
  };

  const allowedHosts = (): Set<string> => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = (): Set<string> => new Set([...allowedHosts()].map((h) => `http://${h}`));

  const headersTimeout = options.headersTimeoutMs ?? HEADERS_TIMEOUT_MS;
  const serverOptions: http.ServerOptions = {
    headersTimeout,
    requestTimeout: Math.max(REQUEST_TIMEOUT_MS, headersTimeout),
    keepAliveTimeout: 5_000,
    // How often the timeouts above are enforced (Node's default, 30 s, would let them run long).
    connectionsCheckingInterval: Math.min(1_000, headersTimeout),
  };
  const server = http.createServer(serverOptions, (req, res) => {
    void handle(req, res).catch((error: unknown) => {
      console.error('[backstride] request failed:', error);
      if (!res.headersSent) send(res, 500, 'Internal error');
      else res.end();
    });
  });
  capConnections(server, options.maxConnections ?? MAX_CONNECTIONS);

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // DNS rebinding: a page on another name that resolves here must not reach the log.
    if (!allowedHosts().has(req.headers.host ?? '')) return send(res, 403, 'Forbidden host');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().has(origin)) return send(res, 403, 'Forbidden origin');

    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const offered = url.searchParams.get('token');
    if (req.method === 'GET' && offered !== null) {
      const known = [...pendingTokens].find((pending) => timingSafeEqual(offered, pending));
      if (known === undefined) {
        return send(
          res,
          403,
          'This address has been used already or is wrong. Run `npm run serve` again (same data folder) for a new one.',
        );
      }
      // Single use: the address stays in the browser's history, the token must not.
      pendingTokens.delete(known);
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Set-Cookie': `${sessionCookieName(port)}=${sessionSecret}; HttpOnly; SameSite=Strict; Path=/`,
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
      });
      res.end(SIGNED_IN_PAGE);
      return;
    }

    const presented =
      cookieValue(req.headers.cookie, sessionCookieName(port)) ?? req.headers.authorization?.replace(/^Bearer /, '');
    if (!presented || !timingSafeEqual(presented, sessionSecret)) {
      return send(
        res,
        403,
        'Backstride needs a one-time address to let this browser in. Run `npm run serve` again (same data folder) for a new one.',
      );
    }

    // A second start on the same data folder asks the running one for an address to hand over.
    if (url.pathname === ONE_TIME_ADDRESS_PATH) {
      if (req.method !== 'POST') return send(res, 405, 'Use POST');
      return send(res, 200, JSON.stringify({ url: oneTimeUrl() }), 'application/json; charset=utf-8');
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
    // Opened before the answer starts, so a file that cannot be read (gone, say, while the app is
    // being rebuilt) is answered as such; an unhandled read error would end the whole server.
    let handle: fs.promises.FileHandle;
    try {
      handle = await fs.promises.open(file, 'r');
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      return send(res, missing ? 404 : 500, missing ? 'Not found' : 'The file could not be read');
    }
    const type = MIME_TYPES[path.extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-cache' });
    if (req.method === 'HEAD') {
      await handle.close();
      return void res.end();
    }
    // A read failing half-way cuts this answer off (and closes the file), nothing more.
    pipeline(handle.createReadStream(), res, () => undefined);
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        port,
        sessionSecret,
        oneTimeUrl,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
