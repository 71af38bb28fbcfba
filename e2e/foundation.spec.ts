import fs from 'node:fs';
// The Foundation user path: log a run, a pain rating and a session; reload; edit; delete
// and undo; invalid values refused with their message; km/mi.
import { localToday } from '../shared/model';
import { expect, test } from './fixtures';
import { JournalScreen } from './pages';

test('a new user logs a run, a pain rating and a core session, and they survive a reload', async ({ app }) => {
  const journal = new JournalScreen(app);
  await expect(app.getByRole('heading', { name: 'Nothing logged yet' })).toBeVisible();

  await journal.addRun({ distance: '10', duration: '0:55:00', effort: '6', notes: 'Easy, "flat", route' });
  await expect(journal.entry('10.00 km')).toContainText('5:30 /km');
  await expect(journal.entry('10.00 km')).toContainText('Easy, "flat", route');

  await journal.addPain({ score: 4, kind: 'Muscular', timing: 'After a run', linkRun: true });
  await expect(journal.entry(/Pain\s*4\/10 · /)).toContainText('Muscular');

  await app.getByRole('button', { name: 'New session' }).click();
  const session = journal.dialog('New session');
  await session.getByLabel('Hold seconds for exercise 1').fill('45');
  await session.getByRole('button', { name: 'Add exercise' }).click();
  await session.getByLabel('Reps for exercise 2').fill('12');
  await session.getByRole('button', { name: 'Save session' }).click();
  await expect(session).toBeHidden();
  await expect(journal.entry('Core session')).toContainText('Plank 45 s hold, Glute bridge 12 reps (3 s holds)');

  await app.reload();
  await expect(journal.entries()).toHaveCount(3);
  await expect(journal.entry(/Run\s*10\.00 km/)).toBeVisible();
  await expect(journal.entry(/Pain\s*4\/10 · /)).toBeVisible();
  await expect(journal.entry('Core session')).toBeVisible();
});

test('editing a run, deleting a pain rating and undoing the delete', async ({ app }) => {
  const journal = new JournalScreen(app);
  await journal.addRun({ distance: '5', duration: '30:00' });
  await journal.addPain({ score: 3 });

  await app.getByRole('button', { name: /^Edit run on/ }).click();
  const edit = journal.dialog('Edit run');
  await expect(edit.getByLabel(/^Distance/)).toHaveValue('5');
  await edit.getByLabel(/^Distance/).fill('6');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(journal.entry('6.00 km')).toContainText('5:00 /km');
  await expect(journal.entry('5.00 km')).toHaveCount(0);

  await app.getByRole('button', { name: /^Delete pain rating/ }).click();
  await expect(journal.entry('3/10')).toHaveCount(0);
  await expect(app.getByRole('status')).toContainText('Deleted the pain rating');
  await app.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect(journal.entry('3/10')).toBeVisible();

  // Undo also works from the keyboard, and the restored entry is really stored.
  await app.getByRole('button', { name: /^Delete run on/ }).click();
  await expect(journal.entry('6.00 km')).toHaveCount(0);
  await app.locator('body').press('Control+z');
  await expect(journal.entry('6.00 km')).toBeVisible();
  await app.reload();
  await expect(journal.entries()).toHaveCount(2);
});

test('impossible values are refused with a clear message and nothing is saved', async ({ app }) => {
  await app.getByRole('button', { name: 'New run' }).click();
  const dialog = app.getByRole('dialog', { name: 'New run' });
  await dialog.getByLabel(/^Distance/).fill('-5');
  await dialog.getByLabel(/^Duration/).fill('30:00');
  await dialog.getByRole('button', { name: 'Save run' }).click();
  await expect(dialog.getByText('The distance must be more than 0.')).toBeVisible();
  await expect(dialog.getByLabel(/^Distance/)).toHaveAttribute('aria-invalid', 'true');

  await dialog.getByLabel(/^Distance/).fill('5');
  await dialog.getByLabel(/^Duration/).fill('30:00:00');
  await dialog.getByRole('button', { name: 'Save run' }).click();
  await expect(dialog.getByText(/slower than 60 min per km/)).toBeVisible();

  const tomorrow = new Date();
  tomorrow.setDate(tomorrow.getDate() + 1);
  await dialog.getByLabel(/^Duration/).fill('30:00');
  await dialog.getByLabel('Date').fill(localToday(tomorrow));
  await dialog.getByRole('button', { name: 'Save run' }).click();
  await expect(dialog.getByText('The date cannot be in the future.')).toBeVisible();

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(app.getByRole('heading', { name: 'Nothing logged yet' })).toBeVisible();
});

test('the distance unit setting shows miles everywhere and keeps km inside', async ({ app }) => {
  const journal = new JournalScreen(app);
  await journal.addRun({ distance: '10', duration: '50:00' });
  await app.getByRole('link', { name: 'Settings' }).click();
  await app.getByRole('radio', { name: 'Miles (mi)' }).check();
  await expect(app.getByText(/data folder/)).toBeVisible();
  // The built app finds its own version (a packaging mistake shows 0.0.0 here).
  const { version } = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { version: string };
  await expect(app.getByText(`Backstride ${version} (`)).toBeVisible();
  await app.getByRole('link', { name: 'Journal' }).click();
  await expect(journal.entry('6.21 mi')).toContainText('8:03 /mi');

  await app.getByRole('button', { name: 'New run' }).click();
  const dialog = journal.dialog('New run');
  await expect(dialog.getByLabel('Distance (mi)')).toBeVisible();
  await dialog.getByLabel('Distance (mi)').fill('3.1');
  await dialog.getByLabel(/^Duration/).fill('31:00');
  await dialog.getByRole('button', { name: 'Save run' }).click();
  await expect(journal.entry('3.10 mi')).toContainText('10:00 /mi');

  await app.reload();
  await expect(journal.entry('3.10 mi')).toBeVisible();
});

test('changing one setting keeps the others: miles stay after the theme changes', async ({ app }) => {
  const journal = new JournalScreen(app);
  await journal.addRun({ distance: '10', duration: '50:00' });
  await app.getByRole('link', { name: 'Settings' }).click();
  await app.getByRole('radio', { name: 'Miles (mi)' }).check();
  await expect(app.getByRole('radio', { name: 'Miles (mi)' })).toBeChecked();
  await app.getByRole('radio', { name: 'Dark' }).check();
  await expect(app.getByRole('radio', { name: 'Dark' })).toBeChecked();
  await expect(app.getByRole('radio', { name: 'Miles (mi)' })).toBeChecked();

  await app.reload();
  await app.getByRole('link', { name: 'Settings' }).click();
  await expect(app.getByRole('radio', { name: 'Miles (mi)' })).toBeChecked();
  await expect(app.getByRole('radio', { name: 'Dark' })).toBeChecked();
  await app.getByRole('link', { name: 'Journal' }).click();
  await expect(journal.entry('6.21 mi')).toBeVisible();
});

test('a session with an exercise of your own shows its name in the journal at once', async ({ app }) => {
  const journal = new JournalScreen(app);
  await journal.addSessionWithOwnExercise('Bird dog', '8');
  await expect(journal.entries().first()).toContainText('Bird dog 8');
  await expect(journal.entries().first()).not.toContainText('own-bird-dog');
});
