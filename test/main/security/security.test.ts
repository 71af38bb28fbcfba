// The Electron checklist, asserted on main/security.ts (the one place every setting lives).
import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  externalUrlAllowed,
  isAppUrl,
  isOwnPageUrl,
  SECURITY_HEADERS,
  WEB_PREFERENCES,
} from '../../../main/security';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

describe('window webPreferences', () => {
  it('isolate the page from Node and Electron', () => {
    expect(WEB_PREFERENCES.contextIsolation).toBe(true);
    expect(WEB_PREFERENCES.sandbox).toBe(true);
    expect(WEB_PREFERENCES.nodeIntegration).toBe(false);
    expect(WEB_PREFERENCES.nodeIntegrationInWorker).toBe(false);
    expect(WEB_PREFERENCES.nodeIntegrationInSubFrames).toBe(false);
    expect(WEB_PREFERENCES.webSecurity).toBe(true);
    expect(WEB_PREFERENCES.allowRunningInsecureContent).toBe(false);
    expect(WEB_PREFERENCES.experimentalFeatures).toBe(false);
    expect(WEB_PREFERENCES.webviewTag).toBe(false);
  });
});

describe('Content-Security-Policy', () => {
  const csp = directives(CONTENT_SECURITY_POLICY);

  it('allows no eval and no inline script or style anywhere', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline|unsafe-hashes|wasm-unsafe-eval/);
  });

  it('loads scripts, styles and connections from our own origin only: no remote host, no wildcard', () => {
    for (const name of ['default-src', 'script-src', 'style-src', 'connect-src', 'font-src']) {
      expect(csp.get(name), name).toEqual(["'self'"]);
    }
    for (const [name, values] of csp) {
      for (const value of values) {
        expect(value, `${name} ${value}`).not.toMatch(/^(https?:|wss?:|\*|[\w-]+\.[\w.-]+)/);
      }
    }
  });

  it('blocks plugins, base-tag tricks, form posts and framing', () => {
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('is sent with nosniff and no referrer on every response of ours', () => {
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
    expect(SECURITY_HEADERS['Referrer-Policy']).toBe('no-referrer');
  });
});

describe('links opened outside the app', () => {
  it('are allowed only when they parse as http or https', () => {
    expect(externalUrlAllowed('https://pubmed.ncbi.nlm.nih.gov/17307888/')).toBe(true);
    expect(externalUrlAllowed('http://example.org/')).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'file:///etc/passwd',
    'file://server/share/x.exe',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'app://backstride/index.html',
    '//evil.example/x',
    'https//missing-colon',
    'not a url',
    '',
    'http://',
  ])('refuses %j', (url) => {
    expect(externalUrlAllowed(url)).toBe(false);
  });
});

describe("the app's own pages", () => {
  it('are recognised by scheme and host (Node gives custom schemes an opaque origin)', () => {
    expect(new URL(`${APP_ORIGIN}/index.html`).origin).toBe('null');
    expect(isAppUrl(`${APP_ORIGIN}/`)).toBe(true);
    expect(isAppUrl(`${APP_ORIGIN}/assets/index.js`)).toBe(true);
  });

  it.each(['app://evil/', 'app://backstride.evil/', 'https://backstride/', 'file:///app/backstride', 'nonsense'])(
    'refuses %j as ours',
    (url) => {
      expect(isAppUrl(url)).toBe(false);
      expect(isOwnPageUrl(url)).toBe(false);
    },
  );

  it('accept the dev server only when one is given, and only its exact origin', () => {
    expect(isOwnPageUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isOwnPageUrl('http://localhost:5173/')).toBe(false);
    expect(isOwnPageUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isOwnPageUrl('http://localhost.evil:5173/', 'http://localhost:5173')).toBe(false);
  });
});
