// Where the e2e suite finds its browser and whether an Electron binary exists.
import fs from 'node:fs';
import path from 'node:path';

/** Debian's Chromium (Playwright's own browser download is not reachable here). */
export function chromiumPath(): string | undefined {
  if (process.env.BACKSTRIDE_CHROMIUM) return process.env.BACKSTRIDE_CHROMIUM;
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) {
    if (fs.existsSync(candidate)) return candidate;
  }
  return undefined; // fall back to Playwright's own browser where it is installed
}

/** The Electron binary, if one was downloaded (electron's path.txt names it); never loads 'electron'. */
export function electronBinary(root = process.cwd()): string | undefined {
  const pkg = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(pkg, 'path.txt');
  if (!fs.existsSync(pathFile)) return undefined;
  const binary = path.join(pkg, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? binary : undefined;
}

/** Electron cannot open a window without a display on Linux. */
export function canRunElectron(): boolean {
  if (process.env.BACKSTRIDE_E2E_TARGET === 'browser') return false;
  if (!electronBinary()) return false;
  return process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}
