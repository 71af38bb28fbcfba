// Reliability as a person meets it: backups made and restored from Settings, a damaged file
// found at start (the app still opens, says what happened, and the entries come back from the
// backup), and a second Backstride on a data folder another writer holds refused with a clear message.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { backupNow } from '../main/store/backups';
import { LogRepository } from '../main/store/repository';
import { confFactory } from '../main/store/storeFile';
import { localToday, type Run } from '../shared/model';
import { expect, startBrowserMode, test } from './fixtures';
import { JournalScreen } from './pages';

const daysAgo = (n: number): string => {
  const d = new Date();
  d.setDate(d.getDate() - n);
  return localToday(d);
};
const run = (n: number, km: number): Run => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  date: daysAgo(n),
  distanceKm: km,
  durationS: Math.round(km * 330),
  source: 'manual',
});

test.describe('backups in Settings', () => {
  test.use({ seed: { runs: [run(1, 5), run(2, 8)] } });

  test('back up now, log more, then restore the backup after confirming', async ({ app }) => {
    const journal = new JournalScreen(app);
    await expect(journal.entries()).toHaveCount(2);
    // File > Back Up Now… has the same shortcut in browser mode.
    await app.locator('body').press('Alt+Shift+B');
    await expect(app.getByRole('status').filter({ hasText: 'Backed up' })).toContainText(
      /Backed up 2 entries to .*backups.*backstride-.*\.json/,
    );

    await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    const backups = app.getByRole('region', { name: 'Backups' });
    // The automatic backup made at start and the one from the shortcut are listed.
    await expect(backups.getByRole('list', { name: 'Backups' }).getByRole('listitem')).toHaveCount(2);
    await backups.getByRole('button', { name: 'Back up now' }).click();
    await expect(backups.getByRole('status')).toContainText(/Backed up 2 entries to .*backups.*backstride-.*\.json/);
    const list = backups.getByRole('list', { name: 'Backups' });
    await expect(list.getByRole('listitem')).toHaveCount(3);
    await expect(list.getByRole('listitem').first()).toContainText('2 entries');

    await app.getByRole('link', { name: 'Journal' }).click();
    await journal.addRun({ distance: '12', duration: '1:05:00' });
    await expect(journal.entries()).toHaveCount(3);

    await app.getByRole('link', { name: 'Settings' }).click();
    await list
      .getByRole('button', { name: /^Restore the backup of/ })
      .first()
      .click();
    const confirm = app.getByRole('dialog', { name: 'Restore this backup?' });
    await expect(confirm).toContainText('Your current log is backed up first');
    // Cancelling changes nothing.
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(confirm).toBeHidden();
    await list
      .getByRole('button', { name: /^Restore the backup of/ })
      .first()
      .click();
    await confirm.getByRole('button', { name: 'Restore backup' }).click();
    await expect(confirm).toBeHidden();
    await expect(backups.getByRole('status')).toContainText(
      /Restored 2 entries from the backup of .*backed up in .*backups/,
    );
    // The state before the restore (3 entries) is now the newest backup.
    await expect(list.getByRole('listitem').first()).toContainText('3 entries');

    await app.getByRole('link', { name: 'Journal' }).click();
    await expect(journal.entries()).toHaveCount(2);
    await expect(journal.entry('12.00 km')).toHaveCount(0);
    await app.reload();
    await expect(journal.entries()).toHaveCount(2);
  });
});

test('a second Backstride on a data folder another writer holds is refused with a clear message', async ({
  dataDir,
}) => {
  // A writer that is not a browser mode (the desktop app, or the CLI importing): nothing to hand over to.
  const holder = LogRepository.open({ dataDir, factory: confFactory, lock: true });
  try {
    await expect(startBrowserMode(dataDir)).rejects.toThrow(
      /Backstride is already open on this data folder \(pid \d+\): close it first, or use a different --data-dir/,
    );
  } finally {
    await holder.close();
  }
});

test('a damaged file at start: the app opens, says what happened and where the file is, and restores the backup', async ({
  page,
}) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'backstride-e2e-damaged-'));
  const repo = LogRepository.open({ dataDir, factory: confFactory });
  for (const r of [run(3, 6), run(4, 10), run(5, 7)]) await repo.save('run', r);
  await backupNow(repo);
  await repo.close();
  const year = daysAgo(3).slice(0, 4);
  const file = path.join(dataDir, `runs-${year}.json`);
  fs.writeFileSync(file, fs.readFileSync(file).subarray(0, 40)); // cut short, as by a full disk

  const server = await startBrowserMode(dataDir);
  try {
    const origin = new URL(server.url).origin;
    const foreign: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(`${origin}/`) && !request.url().startsWith('data:')) foreign.push(request.url());
    });
    await page.goto(server.url);
    const alert = page.getByRole('alert').filter({ hasText: `runs-${year}.json could not be read` });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText(`It was moved to ${path.join(dataDir, 'damaged')}`);
    await expect(alert).toContainText('Its 3 entries were restored from the backup of');
    await expect(new JournalScreen(page).entries()).toHaveCount(3);
    expect(fs.readdirSync(path.join(dataDir, 'damaged'))).toHaveLength(1);
    expect(foreign).toEqual([]);
  } finally {
    server.process.kill('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
