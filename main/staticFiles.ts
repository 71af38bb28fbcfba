// Resolves a URL path to a file inside the built renderer, refusing anything outside it.
import fs from 'node:fs';
import path from 'node:path';

export const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wav': 'audio/wav',
};

/** The built renderer: next to the built main (out/main -> out/renderer), else from the project root. */
export function rendererDir(): string {
  const candidates = [
    path.resolve(import.meta.dirname, '../renderer'),
    path.resolve(import.meta.dirname, '../out/renderer'),
    path.resolve(process.cwd(), 'out/renderer'),
  ];
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, 'index.html')));
  if (!found) {
    throw new Error('The app has not been built yet (no out/renderer/index.html). Run `npm run build` first.');
  }
  return found;
}

/** Maps a request path to a file under root; SPA routes fall back to index.html. */
export function resolveStatic(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const candidate = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  const relative = path.relative(root, candidate);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) {
    // A symlink inside the folder must not lead out of it.
    const real = path.relative(fs.realpathSync(root), fs.realpathSync(candidate));
    return real.startsWith('..') || path.isAbsolute(real) ? undefined : candidate;
  }
  // Unknown paths without an extension are app routes.
  return path.extname(decoded) === '' ? path.join(root, 'index.html') : undefined;
}
