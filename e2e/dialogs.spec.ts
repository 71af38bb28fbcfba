// Calm dialogs: focus lands in the form and goes back to what opened it; typed changes are not
// thrown away without asking; pain during or after a run links to the day's only run by default.
import { localToday, type Run } from '../shared/model';
import { expect, test } from './fixtures';
import { JournalScreen } from './pages';

const run: Run = {
  id: '00000001-0000-4000-8000-000000000001',
  date: localToday(),
  startTime: '07:00',
  distanceKm: 8,
  durationS: 2640,
  source: 'manual',
};

test.use({ seed: { runs: [run], settings: { onboarded: true } } });
test.describe.configure({ timeout: 60_000 });

test('a form opens on its first field and closing gives focus back to the button that opened it', async ({ app }) => {
  const journal = new JournalScreen(app);
  const opener = app.getByRole('button', { name: 'New run' });
  await opener.click();
  const dialog = journal.dialog('New run');
  await expect(dialog.getByLabel(/^Distance/)).toBeFocused();
  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();

  await app.getByRole('button', { name: 'Rate pain' }).click();
  await expect(journal.dialog('New pain rating').getByRole('slider', { name: /Pain score/ })).toBeFocused();
  await journal.dialog('New pain rating').getByRole('button', { name: 'Cancel' }).click();
  await expect(app.getByRole('button', { name: 'Rate pain' })).toBeFocused();

  await app.getByRole('button', { name: 'New session' }).click();
  await expect(journal.dialog('New session').locator(':focus')).toHaveCount(1);
  await expect(journal.dialog('New session').getByRole('button', { name: 'Close' })).not.toBeFocused();
});

test('Escape, Cancel and × ask before discarding typed changes', async ({ app }) => {
  const journal = new JournalScreen(app);
  await app.getByRole('button', { name: 'New run' }).click();
  const dialog = journal.dialog('New run');
  await dialog.getByLabel(/^Distance/).fill('12');

  await app.keyboard.press('Escape');
  const confirm = app.getByRole('dialog', { name: 'Discard your changes?' });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole('button', { name: 'Keep editing' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Keep editing' }).click();
  await expect(confirm).toBeHidden();
  await expect(dialog.getByLabel(/^Distance/)).toHaveValue('12');

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(dialog).toBeVisible();

  await dialog.getByRole('button', { name: 'Close' }).click();
  await confirm.getByRole('button', { name: 'Discard changes' }).click();
  await expect(dialog).toBeHidden();
  await expect(journal.entries()).toHaveCount(1);
});

test('pain after a run on a day with one run links to it by default, and the edit form shows the link', async ({
  app,
}) => {
  const journal = new JournalScreen(app);
  await app.getByRole('button', { name: 'Rate pain' }).click();
  const dialog = journal.dialog('New pain rating');
  const linked = dialog.getByLabel('Linked run');
  await expect(linked).toHaveValue('');
  await dialog.getByLabel('When', { exact: true }).selectOption({ label: 'After a run' });
  await expect(linked).toHaveValue(run.id);
  await expect(linked.locator('option:checked')).toHaveText('07:00 · 8.00 km in 44:00');
  await dialog.getByRole('button', { name: 'Save pain rating' }).click();
  await expect(dialog).toBeHidden();
  await expect(journal.entry('Lower back')).toContainText('Linked to the 07:00 run, 8.00 km in 44:00');
  await expect(journal.entry(/Run8\.00 km/)).toContainText('Pain 0/10 after a run');

  await journal.entry('Lower back').hover();
  await app.getByRole('button', { name: /^Edit pain rating/ }).click();
  await expect(journal.dialog('Edit pain rating').getByLabel('Linked run')).toHaveValue(run.id);
  // A choice of "None" is kept.
  await journal.dialog('Edit pain rating').getByLabel('Linked run').selectOption({ label: 'None' });
  await journal.dialog('Edit pain rating').getByRole('button', { name: 'Save changes' }).click();
  await expect(journal.entry('Lower back')).not.toContainText('Linked to');
});
