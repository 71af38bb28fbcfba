// Every security setting in one readable place (Electron window, protocol, browser mode).

/** Strict CSP: only our own scripts and styles, no eval, no inline script, no remote content. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers sent with every response of our own (custom protocol and browser mode). */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** The custom scheme the desktop renderer is served from (never file://). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'backstride';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * Whether a URL is one of the app's own pages (app://backstride/…). Compared by scheme and
 * host, not by `.origin`: the main process parses with Node's URL, which gives a custom scheme
 * the opaque origin "null", so an origin comparison would refuse the app's own pages.
 */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Our own pages, or (only while developing) the dev server's: who may call IPC and be navigated to. */
export function isOwnPageUrl(raw: string, devServerUrl?: string): boolean {
  if (isAppUrl(raw)) return true;
  if (!devServerUrl) return false;
  try {
    const dev = new URL(devServerUrl);
    const url = new URL(raw);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === dev.origin;
  } catch {
    return false;
  }
}

/** Opens a link outside the app only when it parses as http(s); everything else is dropped. */
export function externalUrlAllowed(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** The webPreferences every window gets; asserted by a unit test. */
export const WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  // A middle click must not open a new window past setWindowOpenHandler's checks.
  disableBlinkFeatures: 'Auxclick',
  // Chromium's spellchecker downloads its dictionaries from Google's servers: nothing may leave the machine.
  spellcheck: false,
} as const;
