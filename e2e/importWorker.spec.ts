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

  // The app answers while the worker reads (asked over browser mode's HTTP door).
  test.skip(canRunElectron(), 'the desktop app has no HTTP door to ask');
  const status = await app.evaluate(() =>
    fetch('/api/settings:get', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }).then(
      (r) => r.status,
    ),
  );
  expect(status).toBe(200);
  await expect(dialog.getByText(/Checking lines-\d\.csv\.gz/)).toBeVisible();
  await app.screenshot({ path: '.tmp/import-checking.png' });

  await dialog.getByRole('button', { name: 'Stop checking' }).click();
  await expect(dialog.getByText('Stopped: nothing was imported.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Stop checking' })).toHaveCount(0);
  await expect(dialog.getByRole('alert')).toHaveCount(0);
});
