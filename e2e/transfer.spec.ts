// Import by drag and drop and by the Import button (file chooser), then export and check the
// downloaded file's bytes.
import fs from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { canRunElectron } from './env';
import { expect, test } from './fixtures';
import { JournalScreen } from './pages';

const gpx = fs.readFileSync('test/fixtures/files/garmin-tpx-v1.gpx', 'utf8');

/** Exports the runs through the Export dialog and returns the download. */
async function exportRuns(app: Page): Promise<Download> {
  await app.getByRole('button', { name: 'Export…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: 'Runs' }).check();
  const [download] = await Promise.all([
    app.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Export' }).click(),
  ]);
  return download;
}

test('dropping a GPX file onto the window previews it and imports one run', async ({ app }) => {
  const dataTransfer = await app.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'morning-run.gpx', { type: 'application/gpx+xml' }));
    return transfer;
  }, gpx);
  await app.dispatchEvent('body', 'dragenter', { dataTransfer });
  await app.dispatchEvent('body', 'drop', { dataTransfer });

  const dialog = app.getByRole('dialog', { name: 'Import' });
  await expect(dialog.getByRole('row', { name: /morning-run\.gpx/ })).toContainText('gpx');
  await expect(dialog.getByText(/New: 1 run, 0 pain ratings, 0 sessions/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Import 1 entry' }).click();
  await expect(app.getByRole('status')).toContainText('Imported 1 run');
  await expect(new JournalScreen(app).entries()).toHaveCount(1);

  // The same file again adds nothing, and the preview says so.
  await app.dispatchEvent('body', 'drop', { dataTransfer });
  await expect(dialog.getByText(/1 entry already in your log/)).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
});

test('a CSV with a bad row names file, row and column, and imports only the valid rows when asked', async ({ app }) => {
  // The File > Import… menu item's shortcut (Alt+Shift+I in browser mode).
  await app.locator('body').press('Alt+Shift+I');
  const dialog = app.getByRole('dialog', { name: 'Import' });
  await dialog.getByLabel('Files to import').setInputFiles({
    name: 'spreadsheet.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('date;distance_km;duration_s\n2024-05-01;10,5;3600\n2024-05-02;abc;3600\n'),
  });
  await expect(dialog.getByRole('alert')).toContainText('spreadsheet.csv, row 3, column distance_km');
  const importButton = dialog.getByRole('button', { name: 'Import 1 entry' });
  await expect(importButton).toBeDisabled();
  await dialog.getByRole('checkbox', { name: 'Import only the valid rows' }).check();
  await importButton.click();
  await expect(new JournalScreen(app).entry('10.50 km')).toBeVisible();
});

test('export gives a UTF-8 CSV with BOM and CRLF that keeps commas, quotes and formulas safe', async ({ app }) => {
  const journal = new JournalScreen(app);
  await journal.addRun({ distance: '8', duration: '45:00', notes: '=HYPERLINK("x"), "windy"' });
  const download = await exportRuns(app);
  expect(download.suggestedFilename()).toMatch(/^backstride-runs-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = fs.readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8').slice(1);
  const [header, row] = text.split('\r\n');
  expect(header).toBe('id,date,start_time,distance_km,duration_s,effort,surface,shoe,avg_hr,source,notes,source_id');
  expect(row).toContain(',8,2700,');
  expect(row).toContain(`"'=HYPERLINK(""x""), ""windy"""`);
  await expect(app.getByRole('status')).toContainText('Exported 1 rows');
});

test('a run typed in miles reads back as typed when edited and exports its exact km', async ({ app }) => {
  const journal = new JournalScreen(app);
  await app.getByRole('link', { name: 'Settings' }).click();
  await app.getByRole('radio', { name: 'Miles (mi)' }).check();
  await app.getByRole('link', { name: 'Journal' }).click();
  await journal.addRun({ distance: '7.4563', duration: '1:00:00' });

  // Editing only the duration must not re-round the distance (it used to read 7.456 and save that).
  await app.getByRole('button', { name: /^Edit run on/ }).click();
  const edit = journal.dialog('Edit run');
  await expect(edit.getByLabel('Distance (mi)')).toHaveValue('7.4563');
  await edit.getByLabel(/^Duration/).fill('1:01:00');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(journal.entry('7.46 mi')).toContainText('1:01:00');

  const download = await exportRuns(app);
  const row = fs.readFileSync((await download.path())!, 'utf8').split('\r\n')[1];
  expect(row).toContain(`,${String(7.4563 * 1.609344)},3660,`);
});

test('the export dialog points to a backup the app in front of you has', async ({ app }) => {
  // The File > Export… menu item's shortcut (Alt+Shift+E in browser mode).
  await app.locator('body').press('Alt+Shift+E');
  const dialog = app.getByRole('dialog', { name: 'Export' });
  await expect(dialog).toContainText(
    canRunElectron()
      ? 'For a full backup use File › Back Up Now instead.'
      : 'For a full backup use Settings › Backups › Back up now instead.',
  );
});
