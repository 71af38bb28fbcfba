// axe-core (WCAG 2 A and AA rules) on every screen and dialog, in light and dark mode:
// no serious or critical violations anywhere.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { insightsSeed } from './seedData';

async function expectAccessible(app: Page, screen: string): Promise<void> {
  // Let transitions and late renders settle so colours are measured as shown.
  await app.waitForTimeout(150);
  const results = await new AxeBuilder({ page: app }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(results.passes.length, `axe ran on ${screen}`).toBeGreaterThan(0);
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect(serious, `serious or critical axe violations on ${screen}`).toEqual([]);
}

async function checkDialog(app: Page, open: () => Promise<void>, name: string, scheme: string): Promise<void> {
  await open();
  const dialog = app.getByRole('dialog', { name });
  await expect(dialog).toBeVisible();
  await expectAccessible(app, `${name} dialog (${scheme})`);
  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
}

const nav = (app: Page, name: string) =>
  app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} mode`, () => {
    test.use({ colorScheme: scheme });

    test(`the empty journal with the welcome, and each new-entry dialog (${scheme})`, async ({ app }) => {
      test.setTimeout(90_000);
      await expect(app.getByRole('heading', { name: 'Welcome to Backstride' })).toBeVisible();
      await expect(app.getByRole('heading', { name: 'Nothing logged yet' })).toBeVisible();
      await expectAccessible(app, `empty journal (${scheme})`);
      await checkDialog(app, () => app.getByRole('button', { name: 'New run' }).click(), 'New run', scheme);
      await checkDialog(app, () => app.getByRole('button', { name: 'Rate pain' }).click(), 'New pain rating', scheme);
      await checkDialog(app, () => app.getByRole('button', { name: 'New session' }).click(), 'New session', scheme);
      await checkDialog(app, () => app.getByRole('button', { name: 'Import…' }).click(), 'Import', scheme);
    });

    test.describe('with a twenty-week log', () => {
      test.use({
        seed: {
          ...insightsSeed(),
          settings: {
            onboarded: true,
            routines: [{ id: 'morning', name: 'Morning core', steps: [{ exercise: 'plank', holdS: 40 }] }],
          },
        },
      });

      test(`journal, edit dialogs, insights, settings and help (${scheme})`, async ({ app }) => {
        test.setTimeout(180_000);
        await expect(app.locator('main').getByRole('listitem').first()).toBeVisible();
        await expectAccessible(app, `journal (${scheme})`);
        await checkDialog(
          app,
          () =>
            app
              .getByRole('button', { name: /^Edit run on/ })
              .first()
              .click(),
          'Edit run',
          scheme,
        );
        await checkDialog(
          app,
          () =>
            app
              .getByRole('button', { name: /^Edit pain rating on/ })
              .first()
              .click(),
          'Edit pain rating',
          scheme,
        );
        await checkDialog(
          app,
          () =>
            app
              .getByRole('button', { name: /^Edit core session on/ })
              .first()
              .click(),
          'Edit session',
          scheme,
        );
        await checkDialog(app, () => app.getByRole('button', { name: 'Export…' }).click(), 'Export', scheme);

        await nav(app, 'Insights').click();
        await expect(app.getByRole('heading', { name: 'Insights', level: 1 })).toBeVisible();
        // Measured once the charts have drawn, not after a guessed wait.
        await expect(app.locator('main canvas').first()).toBeVisible();
        await expectAccessible(app, `insights (${scheme})`);
        await nav(app, 'Settings').click();
        await expect(app.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
        await expectAccessible(app, `settings (${scheme})`);
        await nav(app, 'Help').click();
        await expect(app.getByRole('heading', { name: 'This is not medical advice' })).toBeVisible();
        await expectAccessible(app, `help (${scheme})`);
      });

      test(`the routine: set-up, a hold, reps and its dialogs (${scheme})`, async ({ app }) => {
        test.setTimeout(90_000);
        await nav(app, 'Routine').click();
        await expect(app.getByRole('heading', { name: 'Core routine' })).toBeVisible();
        await expectAccessible(app, `routine set-up (${scheme})`);

        await app.getByLabel('Routine', { exact: true }).selectOption({ label: 'Morning core' });
        await checkDialog(
          app,
          () => app.getByRole('button', { name: 'Delete “Morning core”' }).click(),
          'Delete “Morning core”?',
          scheme,
        );
        await app.getByLabel('Routine', { exact: true }).selectOption({ label: 'Back-care routine (built in)' });

        await app.getByRole('button', { name: 'Start routine' }).click();
        await expect(app.getByRole('heading', { name: 'Plank', exact: true })).toBeVisible();
        await expectAccessible(app, `routine step, ready (${scheme})`);
        await app.getByRole('button', { name: 'Start', exact: true }).click();
        await expectAccessible(app, `routine hold running (${scheme})`);
        await app.getByRole('button', { name: 'Pause' }).click();
        await expectAccessible(app, `routine hold paused (${scheme})`);
        for (let i = 0; i < 3; i++) await app.getByRole('button', { name: 'Skip' }).click();
        await expect(app.getByRole('heading', { name: 'Glute bridge' })).toBeVisible();
        await app.getByRole('button', { name: 'Start', exact: true }).click();
        await app.getByRole('button', { name: 'Rep done' }).click();
        await expectAccessible(app, `routine reps (${scheme})`);
        await checkDialog(
          app,
          () => app.getByRole('button', { name: 'Stop without saving' }).click(),
          'Stop the routine?',
          scheme,
        );
      });
    });
  });
}

test('a dark theme chosen in Settings overrides a light system', async ({ app }) => {
  test.setTimeout(60_000);
  await app.emulateMedia({ colorScheme: 'light' });
  const background = () => app.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await background();
  await nav(app, 'Settings').click();
  await app.getByRole('radio', { name: 'Dark' }).check();
  await expect.poll(background).not.toBe(light);
  await nav(app, 'Help').click();
  await expectAccessible(app, 'help with the dark theme chosen');
  await nav(app, 'Journal').click();
  await expectAccessible(app, 'journal with the dark theme chosen');
});
