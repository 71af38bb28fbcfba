// Browser mode's way in: the browser is opened on a launch page only this user can read (never
// with the token in a process's arguments), the one-time address works once, and a second start
// on the same data folder hands the user over without signing the first tab out.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { expect, startBrowserMode, test } from './fixtures';

const tempDir = (prefix: string): string => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

// Each test starts its own server and a second browser context: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 90_000 });
/** A fresh context loads the whole app; on a loaded machine that can take longer than 5 s. */
const APP_LOADED = { timeout: 30_000 };

/**
 * A stand-in browser, named by $BROWSER, that records the arguments it was started with: a
 * script with a shebang, or on Windows a .cmd that runs it with this Node.
 */
function fakeBrowserOpener(): { command: string; argsFile: string } {
  const dir = tempDir('backstride-fake-open-');
  const argsFile = path.join(dir, 'args.json');
  const script = path.join(dir, 'open-browser.cjs');
  fs.writeFileSync(
    script,
    `#!${process.execPath}\nrequire('fs').writeFileSync(${JSON.stringify(argsFile)}, JSON.stringify(process.argv.slice(2)));\n`,
  );
  fs.chmodSync(script, 0o755);
  if (process.platform !== 'win32') return { command: script, argsFile };
  const wrapper = path.join(dir, 'open-browser.cmd');
  fs.writeFileSync(wrapper, `@"${process.execPath}" "${script}" %*\r\n`);
  return { command: wrapper, argsFile };
}

test('the browser opens a private launch page, never the token; the address inside works once', async ({
  page,
  browser,
}) => {
  const dataDir = tempDir('backstride-e2e-launch-');
  const opener = fakeBrowserOpener();
  const server = await startBrowserMode(dataDir, {
    args: [],
    // DISPLAY: on Linux, browser mode opens a browser only where there is a display.
    env: { ...process.env, DISPLAY: ':99', BROWSER: opener.command },
    ready: /(Opening it in your browser)/,
  });
  try {
    expect(server.output()).toMatch(/running at http:\/\/127\.0\.0\.1:\d+\/\n/);
    expect(server.output()).not.toContain('token=');
    await expect.poll(() => fs.existsSync(opener.argsFile)).toBe(true);
    const launchPage = path.join(dataDir, 'browser-launch.html');
    // The opener (whose arguments every local user can read) got the page's path and nothing else.
    expect(JSON.parse(fs.readFileSync(opener.argsFile, 'utf8'))).toEqual([launchPage]);
    expect(fs.statSync(launchPage).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.join(dataDir, 'browser-mode.json')).mode & 0o777).toBe(0o600);

    await page.goto(pathToFileURL(launchPage).href);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible(APP_LOADED);
    await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible(APP_LOADED);

    // The one-time address, as the browser's history keeps it, lets nobody else in.
    const used = /url=(http:\/\/[^"]+)"/.exec(fs.readFileSync(launchPage, 'utf8'))![1]!;
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await otherPage.goto(used.replace(/&amp;/g, '&'));
    await expect(otherPage.getByText(/has been used already/)).toBeVisible(APP_LOADED);
    await other.close();
  } finally {
    server.process.kill('SIGTERM');
  }
});

test('a second start on the same data folder hands over to the running one; the first tab stays signed in', async ({
  page,
  browser,
}) => {
  const dataDir = tempDir('backstride-e2e-second-');
  const first = await startBrowserMode(dataDir);
  try {
    await page.goto(first.url);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible(APP_LOADED);

    // Exits 0 (execFile rejects otherwise) after handing over.
    const second = await promisify(execFile)(
      process.execPath,
      ['out/main/serve.js', '--data-dir', dataDir, '--no-open'],
      {
        encoding: 'utf8',
        timeout: 30_000,
      },
    );
    const handedOver =
      /already running on this data folder \(pid (\d+)\) at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(
        second.stdout,
      );
    expect(handedOver, second.stdout + second.stderr).not.toBeNull();
    expect(Number(handedOver![1])).toBe(first.process.pid);

    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await otherPage.goto(handedOver![2]!);
    await expect(otherPage.getByRole('heading', { level: 1 }).first()).toBeVisible(APP_LOADED);
    await other.close();

    // The first tab was not signed out.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible(APP_LOADED);
    await expect(page.getByText(/one-time address/)).toHaveCount(0);
  } finally {
    first.process.kill('SIGTERM');
  }
});
