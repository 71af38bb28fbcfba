// The Electron hooks that keep the window to itself, as functions of the Electron objects they
// act on (passed in, never imported), so tests call these very functions with stand-ins.
import fs from 'node:fs';
import path from 'node:path';
import type { PermissionRequest, Session, WebContents, WebFrameMain } from 'electron';
import { APP_ORIGIN, externalUrlAllowed, isAppUrl, isOwnPageUrl, SECURITY_HEADERS } from '../security';
import { MIME_TYPES, resolveStatic } from '../staticFiles';

/** IPC is answered only for our own page's top frame (never a subframe, never a remote page). */
export function isTrustedFrame(
  frame: (Pick<WebFrameMain, 'url'> & { parent: unknown }) | null | undefined,
  devServerUrl?: string,
): boolean {
  if (!frame || frame.parent !== null) return false;
  return isOwnPageUrl(frame.url, devServerUrl);
}

/** The one permission the page may have: keeping the screen on during a routine, for our own page only. */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['screen-wake-lock']);

export function permissionAllowed(
  permission: string,
  requestingUrl: string | undefined,
  devServerUrl?: string,
): boolean {
  return (
    ALLOWED_PERMISSIONS.has(permission) && requestingUrl !== undefined && isOwnPageUrl(requestingUrl, devServerUrl)
  );
}

/** Whether a request may leave the page: only our own scheme (and the dev server while developing). */
export function requestAllowed(url: string, devServerUrl?: string): boolean {
  return (
    url.startsWith(`${APP_ORIGIN}/`) ||
    // Exports are offered as blob: downloads (Electron then shows its native save dialog).
    url.startsWith('blob:') ||
    url.startsWith('data:') ||
    url.startsWith('devtools://') ||
    (devServerUrl !== undefined && url.startsWith(new URL(devServerUrl).origin))
  );
}

type SessionHooks = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setSpellCheckerEnabled'
> & { webRequest: Pick<Session['webRequest'], 'onBeforeRequest'> };

/**
 * Nothing leaves the machine and the page gets no permission but the screen wake lock. The
 * spellchecker is off: Chromium would download its dictionaries from Google's servers.
 */
export function hardenSession(session: SessionHooks, devServerUrl?: string): void {
  session.setSpellCheckerEnabled(false);
  session.setPermissionRequestHandler((_contents, permission, callback, details: PermissionRequest) =>
    callback(permissionAllowed(permission, details.requestingUrl, devServerUrl)),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    permissionAllowed(permission, requestingOrigin, devServerUrl),
  );
  session.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !requestAllowed(details.url, devServerUrl) }),
  );
}

export interface ContentsDeps {
  devServerUrl?: string | undefined;
  /** Shows the address and asks; true only when the user chose to open it. */
  confirmExternal(contents: WebContents, url: string): Promise<boolean>;
  openExternal(url: string): Promise<void>;
  /** Asks before a page that is mid-routine is closed; true to leave. */
  confirmLeave(contents: WebContents): boolean;
}

/** Opens an http(s) address in the user's browser, but only after showing it and asking. */
export async function openExternalAfterAsking(
  url: string,
  ask: (url: string) => Promise<boolean>,
  open: (url: string) => Promise<void>,
): Promise<boolean> {
  if (!externalUrlAllowed(url)) return false;
  if (!(await ask(url))) return false;
  await open(url);
  return true;
}

type ContentsHooks = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** The app is one page: no navigation away, no webviews, no new windows (links go to the browser, after asking). */
export function hardenContents(contents: ContentsHooks & WebContents, deps: ContentsDeps): void {
  contents.on('will-navigate', (event, url) => {
    if (!isOwnPageUrl(url, deps.devServerUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // The page asks before it is closed mid-routine; Electron would otherwise just refuse to close.
  contents.on('will-prevent-unload', (event) => {
    if (deps.confirmLeave(contents)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalAfterAsking(url, (u) => deps.confirmExternal(contents, u), deps.openExternal).catch(
      (error: unknown) => console.error('[backstride] could not open a link:', error),
    );
    return { action: 'deny' };
  });
}

/**
 * The app:// protocol: a request names a file inside the built renderer and nothing else
 * (resolveStatic decodes before resolving, so %2e%2e is `..`, and follows no symlink out).
 */
export function appProtocolHandler(root: string): (request: { url: string }) => Promise<Response> {
  const notFound = (): Response => new Response('Not found', { status: 404 });
  return async (request) => {
    if (!isAppUrl(request.url)) return notFound();
    const file = resolveStatic(root, new URL(request.url).pathname);
    if (!file) return notFound();
    const body = await fs.promises.readFile(file);
    return new Response(body, {
      headers: { ...SECURITY_HEADERS, 'Content-Type': MIME_TYPES[path.extname(file)] ?? 'application/octet-stream' },
    });
  };
}
