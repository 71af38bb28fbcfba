// Shoes as a list: add one in Settings, pick it in the run form by autocomplete, type a new
// name to add another, and see the distance so far with the retirement flag.
import { localToday, type Run } from '../shared/model';
import { expect, test } from './fixtures';
import { JournalScreen } from './pages';

const runs: Run[] = [
  {
    id: '00000001-0000-4000-8000-000000000001',
    date: localToday(),
    distanceKm: 790,
    durationS: 790 * 360,
    shoe: 'Pegasus 39',
    source: 'manual',
  },
];

test.use({ seed: { runs, settings: { onboarded: true } } });
test.describe.configure({ timeout: 60_000 });

test('free-text shoes become a list with distance so far; the run form suggests them and adds new ones', async ({
  app,
}) => {
  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const shoes = app.getByRole('region', { name: 'Shoes' });
  const pegasus = shoes.getByRole('row', { name: /Pegasus 39/ });
  await expect(pegasus).toContainText('790.0 km (1 run)');
  await expect(pegasus).toContainText('In use');

  await shoes.getByRole('button', { name: 'Edit Pegasus 39' }).click();
  await expect(shoes.getByLabel('Shoe name')).toBeFocused();
  await shoes.getByLabel('Brand and model').fill('Nike Pegasus 39');
  await shoes.getByLabel('Retire at (km)').fill('750');
  await shoes.getByRole('button', { name: 'Save shoe' }).click();
  await expect(pegasus).toContainText('Past its retirement distance');
  await expect(pegasus).toContainText('Nike Pegasus 39');

  await shoes.getByLabel('Shoe name').fill('Clifton 9');
  await shoes.getByLabel('In use since').fill(localToday());
  await shoes.getByRole('button', { name: 'Add shoe' }).click();
  await expect(shoes.getByRole('row', { name: /Clifton 9/ })).toContainText('0.0 km (0 runs)');
  await shoes.getByLabel('Shoe for imported runs').selectOption({ label: 'Clifton 9' });

  const journal = new JournalScreen(app);
  await app.getByRole('button', { name: 'New run' }).click();
  const dialog = journal.dialog('New run');
  const shoe = dialog.getByLabel('Shoe');
  const suggestions = await shoe.evaluate((input) =>
    [...((input as HTMLInputElement).list?.options ?? [])].map((option) => option.value),
  );
  expect(suggestions).toEqual(['Pegasus 39', 'Clifton 9']);
  await shoe.fill('Clifton 9');
  await expect(dialog.getByText('0.0 km so far.')).toBeVisible();
  await shoe.fill('Trail Glove');
  await expect(dialog.getByText('A new shoe: saving adds it to your shoes.')).toBeVisible();
  await dialog.getByLabel(/^Distance/).fill('12');
  await dialog.getByLabel(/^Duration/).fill('1:10:00');
  await dialog.getByRole('button', { name: 'Save run' }).click();
  await expect(dialog).toBeHidden();
  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journal' }).click();
  await expect(journal.entry(/Run12\.00 km/)).toContainText('Trail Glove');

  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await expect(shoes.getByRole('row', { name: /Trail Glove/ })).toContainText('12.0 km (1 run)');
  await expect(shoes.getByLabel('Shoe for imported runs')).toHaveValue('Clifton 9');

  // Insights: this week's distance in each shoe.
  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Insights' }).click();
  const perShoe = app.getByRole('region', { name: 'Distance per shoe' });
  await expect(perShoe.getByRole('columnheader')).toHaveText(['Week of', 'Pegasus 39', 'Trail Glove', 'Total']);
  await expect(perShoe.getByRole('row', { name: /this week so far/ })).toHaveText(/790\.0\s*12\.0\s*802\.0$/);
});
