// Screenshots for the README, taken from a realistic seeded log in the real app.
import fs from 'node:fs';
import { expect, test } from './fixtures';
import { experimentSeed, insightsSeed, twentyWeekSeed } from './seedData';

fs.mkdirSync('docs/screenshots', { recursive: true });

test.describe('README screenshots', () => {
  test.use({ seed: twentyWeekSeed() });

  test('journal', async ({ app }) => {
    await expect(app.getByRole('heading', { name: 'Journal' })).toBeVisible();
    await expect(app.locator('main').getByRole('listitem').first()).toBeVisible();
    await app.screenshot({ path: 'docs/screenshots/journal.png' });
  });

  test('calendar and shoes', async ({ app }) => {
    await app.getByRole('button', { name: 'Calendar' }).click();
    await expect(app.getByRole('button', { name: 'Previous month' })).toBeVisible();
    await app.screenshot({ path: 'docs/screenshots/calendar.png' });
    await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    const shoes = app.getByRole('region', { name: 'Shoes' });
    await expect(shoes).toBeVisible();
    await shoes.screenshot({ path: 'docs/screenshots/shoes.png' });
  });
});

test.describe('README screenshots: insights', () => {
  test.use({ seed: insightsSeed() });

  test('insights', async ({ app }) => {
    await app.setViewportSize({ width: 1200, height: 1500 });
    await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Insights' }).click();
    await expect(app.locator('canvas[role="img"]')).toHaveCount(4);
    await expect(app.locator('.insight-sentence').first()).toBeVisible();
    // Scroll past the persistent-pain card so the charts and the figures are in the picture.
    await app.getByRole('region', { name: 'Core sessions and back pain by week' }).scrollIntoViewIfNeeded();
    await app.screenshot({ path: 'docs/screenshots/insights.png' });
  });
});

test.describe('README screenshots: routine and dark mode', () => {
  test.use({ seed: twentyWeekSeed() });

  test('routine', async ({ app }) => {
    // A fake clock so the countdown is caught at the same moment every time.
    await app.clock.install();
    await app.reload();
    await app.clock.pauseAt(Date.now() + 5_000);
    await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Routine' }).click();
    await app.getByRole('button', { name: 'Start routine' }).click();
    await app.getByRole('button', { name: 'Skip' }).click();
    await app.getByRole('button', { name: 'Start', exact: true }).click();
    await app.clock.runFor(7_000);
    await expect(app.getByRole('timer', { name: 'Time left' })).toHaveText('00:13');
    await app.screenshot({ path: 'docs/screenshots/routine.png' });
  });

  test('journal in dark mode', async ({ app }) => {
    await app.emulateMedia({ colorScheme: 'dark' });
    await expect(app.locator('main').getByRole('listitem').first()).toBeVisible();
    await app.screenshot({ path: 'docs/screenshots/journal-dark.png' });
  });
});

test.describe('README screenshots: the core-work experiment', () => {
  test.use({ seed: experimentSeed() });

  test('experiment', async ({ app }) => {
    await app.setViewportSize({ width: 1200, height: 1000 });
    await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Insights' }).click();
    const section = app.getByRole('region', { name: 'Core-work experiment' });
    await expect(section.getByRole('img', { name: /mean back pain, core and usual, by cycle/ })).toBeVisible();
    await expect(section.getByText(/^So far, over 6 cycles/)).toBeVisible();
    await section.screenshot({ path: 'docs/screenshots/experiment.png' });
  });
});
