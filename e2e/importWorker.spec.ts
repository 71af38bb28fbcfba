// Import files are read in a worker: while a crafted file is being checked the app keeps
// answering, the dialog shows how far it has got, and Stop checking ends it with nothing imported.
import { gzipSync } from 'node:zlib';
import { canRunElectron } from './env';
import { expect, test } from './fixtures';

test.describe.configure({ timeout: 120_000 });

test('a slow file is checked in the background, with progress and a way to stop', async ({ app }) => {
  // 200 MB of line breaks in about 200 KB: each file takes the worker a while to unpack and refuse.
  const lineBreaks = gzipSync(Buffer.alloc(200 * 1024 * 1024, '\n'), { level: 9 });
  await app.locator('body').press('Alt+Shift+I');
  const dialog = app.getByRole('dialog', { name: 'Import' });
  await dialog
    .getByLabel('Files to import')
    .setInputFiles(
      [1, 2, 3].map((n) => ({ name: `lines-${n}.csv.gz`, mimeType: 'application/gzip', buffer: lineBreaks })),
    );
  await expect(dialog.getByText(/Checking lines-\d\.csv\.gz \(\d of 3\)…/)).toBeVisible({ timeout: 30_000 });
  await expect(dialog.getByRole('progressbar', { name: 'Files checked' })).toBeVisible();

  // The app answers while the worker reads: a call made now is answered at once (through the
  // desktop app's preload, or browser mode's HTTP door).
  const answered = await app.evaluate(async () => {
    const started = performance.now();
    const desktop = (window as { backstride?: { settings: { get(): Promise<{ ok: boolean }> } } }).backstride;
    const ok = desktop
      ? (await desktop.settings.get()).ok
      : (
          (await (
            await fetch('/api/settings:get', {
              method: 'POST',
              headers: { 'Content-Type': 'application/json' },
              body: '{}',
            })
          ).json()) as { ok: boolean }
        ).ok;
    return { ok, ms: performance.now() - started };
  });
  expect(answered.ok).toBe(true);
  expect(answered.ms).toBeLessThan(2_000);
  await expect(dialog.getByText(/Checking lines-\d\.csv\.gz/)).toBeVisible();

  await dialog.getByRole('button', { name: 'Stop checking' }).click();
  await expect(dialog.getByText('Stopped: nothing was imported.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Stop checking' })).toHaveCount(0);
  await expect(dialog.getByRole('alert')).toHaveCount(0);
});

test('closing the dialog while a file is checked stops the check', async ({ app }) => {
  const lineBreaks = gzipSync(Buffer.alloc(200 * 1024 * 1024, '\n'), { level: 9 });
  await app.locator('body').press('Alt+Shift+I');
  const dialog = app.getByRole('dialog', { name: 'Import' });
  // Browser mode: the preview's own answer shows the worker was stopped (the desktop app has no HTTP to watch).
  const previewAnswer = canRunElectron()
    ? Promise.resolve({ ok: false, error: { code: 'cancelled' } })
    : app
        .waitForResponse((response) => response.url().endsWith('/api/import:preview'))
        .then((response) => response.json() as Promise<unknown>);
  await dialog
    .getByLabel('Files to import')
    .setInputFiles({ name: 'lines.csv.gz', mimeType: 'application/gzip', buffer: lineBreaks });
  await expect(dialog.getByText('Checking lines.csv.gz (1 of 1)…')).toBeVisible({ timeout: 30_000 });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  expect(await previewAnswer).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  // Nothing was imported, and the app goes on as before.
  await expect(app.getByRole('heading', { name: /Nothing logged yet|Welcome/ }).first()).toBeVisible();
});
