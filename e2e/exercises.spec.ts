// Your own exercises renamed and deleted in Settings, and a side plank's side in the session form.
import { expect, test } from './fixtures';
import { JournalScreen } from './pages';

test.use({ seed: { settings: { onboarded: true } } });

test('an exercise of your own is renamed and deleted in Settings; its session keeps it', async ({ app }) => {
  const journal = new JournalScreen(app);
  await journal.addSessionWithOwnExercise('Bird dog', '8');

  const nav = app.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Settings' }).click();
  const own = app.getByRole('region', { name: 'Your exercises' });
  await own.getByRole('button', { name: 'Rename Bird dog' }).click();
  await own.getByLabel('New name for Bird dog').fill('Plank');
  await own.getByRole('button', { name: 'Save name' }).click();
  await expect(own.getByRole('alert')).toHaveText('There is already an exercise called "Plank".');
  await own.getByLabel('New name for Bird dog').fill('Bird dog, slow');
  await own.getByRole('button', { name: 'Save name' }).click();
  await expect(own.getByRole('status')).toHaveText(
    'Renamed “Bird dog” to “Bird dog, slow”; past sessions show the new name.',
  );
  await nav.getByRole('link', { name: 'Journal' }).click();
  await expect(journal.entries().first()).toContainText('Bird dog, slow 8 reps');

  await nav.getByRole('link', { name: 'Settings' }).click();
  await own.getByRole('button', { name: 'Delete Bird dog, slow' }).click();
  await own.getByRole('button', { name: 'Yes, delete Bird dog, slow' }).click();
  await expect(own.getByRole('status')).toHaveText(
    'Deleted “Bird dog, slow”. The session that used it still shows it.',
  );
  await expect(own.getByText('None yet.', { exact: false })).toBeVisible();

  // Gone from the pickers, still in the journal, after a reload too.
  await app.reload();
  await nav.getByRole('link', { name: 'Journal' }).click();
  await expect(journal.entries().first()).toContainText('Bird dog, slow 8 reps');
  await app.getByRole('button', { name: 'New session' }).click();
  const next = journal.dialog('New session');
  await expect(next.getByLabel('Exercise 1', { exact: true }).locator('option', { hasText: 'Bird dog' })).toHaveCount(
    0,
  );
});

test('a side plank records its side: both by default, or the one chosen', async ({ app }) => {
  const journal = new JournalScreen(app);
  await app.getByRole('button', { name: 'New session' }).click();
  const session = journal.dialog('New session');
  await session.getByLabel('Exercise 1', { exact: true }).selectOption({ label: 'Side plank (left/right)' });
  await expect(session.getByLabel('Side for exercise 1')).toHaveValue('both');
  await session.getByLabel('Side for exercise 1').selectOption({ label: 'Left side' });
  await session.getByRole('button', { name: 'Save session' }).click();
  await expect(session).toBeHidden();
  await expect(journal.entries().first()).toContainText('Side plank (left side)');

  await app.getByRole('button', { name: /^Edit core session on/ }).click();
  const edit = journal.dialog('Edit session');
  await expect(edit.getByLabel('Side for exercise 1')).toHaveValue('left');
});
