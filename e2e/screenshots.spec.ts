// Screenshots for the README, taken from a realistic seeded log in the real app.
import fs from 'node:fs';
import { expect, test } from './fixtures';
import { twentyWeekSeed } from './seedData';

fs.mkdirSync('docs/screenshots', { recursive: true });

test.describe('README screenshots', () => {
  test.use({ seed: twentyWeekSeed() });

  test('journal', async ({ app }) => {
    await expect(app.getByRole('heading', { name: 'Journal' })).toBeVisible();
    await expect(app.locator('main').getByRole('listitem').first()).toBeVisible();
    await app.screenshot({ path: 'docs/screenshots/journal.png' });
  });
});
