// The Electron hooks themselves (main/electron/guards.ts), called with stand-ins for the
// Electron objects they are given: the same functions main/index.ts installs.
import fs from 'node:fs';
import path from 'node:path';
import type { WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  appProtocolHandler,
  hardenContents,
  hardenSession,
  isTrustedFrame,
  openExternalAfterAsking,
  permissionAllowed,
  requestAllowed,
} from '../../../main/electron/guards';
import { WEB_PREFERENCES } from '../../../main/security';
import { tempDir } from '../../helpers';

type Listener = (...args: unknown[]) => unknown;

/** A WebContents stand-in that records what hardenContents hooks up. */
function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on(event: string, listener: Listener) {
      listeners.set(event, listener);
      return contents;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      openHandler = handler;
    },
  };
  const emit = (event: string, ...args: unknown[]) => {
    let prevented = false;
    listeners.get(event)!({ preventDefault: () => (prevented = true) }, ...args);
    return prevented;
  };
  return { contents: contents as unknown as WebContents, emit, open: (url: string) => openHandler!({ url }) };
}

describe('isTrustedFrame', () => {
  it('trusts only our own top frame', () => {
    expect(isTrustedFrame({ url: 'app://backstride/', parent: null })).toBe(true);
    expect(isTrustedFrame({ url: 'app://backstride/', parent: { url: 'app://backstride/' } })).toBe(false);
    expect(isTrustedFrame({ url: 'app://backstride.evil/', parent: null })).toBe(false);
    expect(isTrustedFrame({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(isTrustedFrame({ url: 'file:///tmp/x.html', parent: null })).toBe(false);
    expect(isTrustedFrame(null)).toBe(false);
    expect(isTrustedFrame({ url: 'http://localhost:5173/', parent: null })).toBe(false);
    expect(isTrustedFrame({ url: 'http://localhost:5173/', parent: null }, 'http://localhost:5173')).toBe(true);
  });
});

describe('session: permissions, requests, spellchecker', () => {
  function hardened() {
    const hooks: Record<string, Listener> = {};
    const session = {
      setSpellCheckerEnabled: vi.fn(),
      setPermissionRequestHandler: (h: Listener) => (hooks.request = h),
      setPermissionCheckHandler: (h: Listener) => (hooks.check = h),
      webRequest: { onBeforeRequest: (h: Listener) => (hooks.beforeRequest = h) },
    };
    hardenSession(session as unknown as Parameters<typeof hardenSession>[0]);
    const ask = (permission: string, requestingUrl: string) => {
      let granted: boolean | undefined;
      hooks.request!({}, permission, (g: boolean) => (granted = g), { requestingUrl });
      return granted;
    };
    const check = (permission: string, origin: string) => hooks.check!({}, permission, origin, {});
    const leaves = (url: string) => {
      let cancel: boolean | undefined;
      hooks.beforeRequest!({ url }, (r: { cancel: boolean }) => (cancel = r.cancel));
      return !cancel;
    };
    return { session, ask, check, leaves };
  }

  it('grants the screen wake lock to our own page, and nothing else to anyone', () => {
    const { ask, check } = hardened();
    expect(ask('screen-wake-lock', 'app://backstride/')).toBe(true);
    expect(check('screen-wake-lock', 'app://backstride')).toBe(true);
    expect(ask('screen-wake-lock', 'https://evil.example/')).toBe(false);
    expect(check('screen-wake-lock', 'https://evil.example')).toBe(false);
    for (const permission of ['system-wake-lock', 'media', 'geolocation', 'notifications', 'openExternal', 'unknown']) {
      expect(ask(permission, 'app://backstride/'), permission).toBe(false);
      expect(check(permission, 'app://backstride'), permission).toBe(false);
    }
    expect(permissionAllowed('screen-wake-lock', undefined)).toBe(false);
  });

  it('turns the spellchecker off, so no dictionary is downloaded', () => {
    const { session } = hardened();
    expect(session.setSpellCheckerEnabled).toHaveBeenCalledWith(false);
    expect(WEB_PREFERENCES.spellcheck).toBe(false);
  });

  it('lets no request leave the app: dictionaries, fonts, analytics are all cancelled', () => {
    const { leaves } = hardened();
    expect(leaves('app://backstride/assets/index.js')).toBe(true);
    expect(leaves('blob:app://backstride/1234')).toBe(true);
    for (const url of [
      'https://redirector.gvt1.com/edgedl/chrome/dict/en-us-10-1.bdic',
      'https://dl.google.com/chrome/dict/en-us-10-1.bdic',
      'https://fonts.googleapis.com/css?family=Inter',
      'http://127.0.0.1:9000/',
      'app://backstride.evil/x.js',
      'file:///etc/passwd',
    ]) {
      expect(leaves(url), url).toBe(false);
    }
    expect(requestAllowed('http://localhost:5173/src/main.tsx', 'http://localhost:5173')).toBe(true);
  });
});

describe('window contents', () => {
  function hardened(answer: boolean) {
    const fake = fakeContents();
    const asked: string[] = [];
    const opened: string[] = [];
    hardenContents(fake.contents, {
      confirmExternal: async (_c, url) => (asked.push(url), answer),
      openExternal: async (url) => void opened.push(url),
      confirmLeave: () => true,
    });
    return { ...fake, asked, opened };
  }

  it('refuses navigation away from our page and any webview', () => {
    const { emit } = hardened(true);
    expect(emit('will-navigate', 'https://evil.example/')).toBe(true);
    expect(emit('will-navigate', 'app://backstride/journal')).toBe(false);
    expect(emit('will-attach-webview')).toBe(true);
  });

  it('opens a link in the browser only after showing the address and the user saying yes', async () => {
    const yes = hardened(true);
    expect(yes.open('https://pubmed.ncbi.nlm.nih.gov/17307888/')).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(yes.opened).toEqual(['https://pubmed.ncbi.nlm.nih.gov/17307888/']));
    expect(yes.asked).toEqual(['https://pubmed.ncbi.nlm.nih.gov/17307888/']);

    const no = hardened(false);
    expect(no.open('https://example.org/')).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(no.asked).toEqual(['https://example.org/']));
    expect(no.opened).toEqual([]);
  });

  it('never asks about, nor opens, a link that is not http(s)', async () => {
    const asked: string[] = [];
    const opened: string[] = [];
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'smb://server/x', 'not a url']) {
      const result = await openExternalAfterAsking(
        url,
        async (u) => (asked.push(u), true),
        async (u) => void opened.push(u),
      );
      expect(result, url).toBe(false);
    }
    expect(asked).toEqual([]);
    expect(opened).toEqual([]);
  });
});

describe('app:// protocol handler', () => {
  function rendererWithSecret() {
    const base = tempDir();
    const root = path.join(base, 'renderer');
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Backstride</title>');
    fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(base, 'secret.txt'), 'SECRET');
    return { root, base, handle: appProtocolHandler(root) };
  }
  const get = async (handle: ReturnType<typeof appProtocolHandler>, url: string) => {
    const response = await handle({ url });
    return { status: response.status, body: await response.text(), type: response.headers.get('content-type') };
  };

  it('serves the renderer with the security headers', async () => {
    const { handle } = rendererWithSecret();
    const response = await handle({ url: 'app://backstride/assets/app.js' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(await get(handle, 'app://backstride/journal')).toMatchObject({ status: 200, body: /Backstride/ });
  });

  it.each([
    'app://backstride/../secret.txt',
    'app://backstride/assets/../../secret.txt',
    'app://backstride/%2e%2e/secret.txt',
    'app://backstride/%2E%2E%2Fsecret.txt',
    'app://backstride/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://backstride/..%5csecret.txt',
    'app://backstride//etc/passwd',
    'app://backstride/%2Fetc%2Fpasswd',
    'app://backstride/secret.txt%00.js',
    'app://backstride.evil/index.html',
    'app://other/index.html',
  ])('does not serve anything outside the renderer for %s', async (url) => {
    const { handle } = rendererWithSecret();
    const { body } = await get(handle, url);
    expect(body).not.toContain('SECRET');
    expect(body).not.toMatch(/root:/);
  });

  it('does not follow a symlink out of the renderer folder', async () => {
    const { root, base, handle } = rendererWithSecret();
    fs.symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'assets', 'link.js'));
    fs.symlinkSync(base, path.join(root, 'up'));
    expect(await get(handle, 'app://backstride/assets/link.js')).toMatchObject({ status: 404 });
    expect(await get(handle, 'app://backstride/up/secret.txt')).toMatchObject({ status: 404 });
  });
});
