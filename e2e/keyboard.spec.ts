// The whole user path by keyboard alone (Tab, Shift+Tab, Enter, Space, arrow keys; no clicks):
// log a run, a pain rating and a session, open insights, export, change a setting; then the
// browser-mode shortcuts and the guided routine from the keyboard.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { JournalScreen } from './pages';

/** Presses Tab (or Shift+Tab) until the target has focus, as a keyboard user would. */
async function tabTo(app: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab', max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await app.keyboard.press(key);
  }
  throw new Error(`${key} never reached ${target.toString()}`);
}

async function typeInto(app: Page, field: Locator, text: string): Promise<void> {
  await tabTo(app, field);
  await app.keyboard.press('ControlOrMeta+a');
  await app.keyboard.type(text);
}

const nav = (app: Page, name: string) =>
  app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

test('log a run, a pain rating and a session, open insights, export and change a setting, by keyboard alone', async ({
  app,
}) => {
  test.setTimeout(60_000);
  const journal = new JournalScreen(app);
  await expect(app.getByRole('heading', { name: 'Nothing logged yet' })).toBeVisible();

  // A run, from the first-run welcome.
  await tabTo(app, app.getByRole('button', { name: 'Log my first run' }));
  await app.keyboard.press('Enter');
  const run = journal.dialog('New run');
  await expect(run).toBeVisible();
  await typeInto(app, run.getByLabel(/^Distance/), '8');
  await typeInto(app, run.getByLabel(/^Duration/), '44:00');
  await tabTo(app, run.getByRole('button', { name: 'Save run' }));
  await app.keyboard.press('Enter');
  await expect(run).toBeHidden();
  await expect(journal.entry('8.00 km')).toContainText('5:30 /km');
  await expect(app.getByRole('heading', { name: 'Welcome to Backstride' })).toBeHidden();

  // A pain rating: the slider and the radio groups take arrow keys.
  await tabTo(app, app.getByRole('button', { name: 'Rate pain' }), 'Shift+Tab');
  await app.keyboard.press('Enter');
  const pain = journal.dialog('New pain rating');
  const slider = pain.getByRole('slider', { name: /Pain score/ });
  await tabTo(app, slider);
  for (let i = 0; i < 3; i++) await app.keyboard.press('ArrowRight');
  await expect(slider).toHaveValue('3');
  await tabTo(app, pain.getByRole('radio', { name: /^Not sure/ }));
  await app.keyboard.press('ArrowUp');
  await expect(pain.getByRole('radio', { name: /^Bone-like/ })).toBeChecked();
  await tabTo(app, pain.getByRole('button', { name: 'Save pain rating' }));
  await app.keyboard.press('Enter');
  await expect(pain).toBeHidden();
  await expect(journal.entry('3/10')).toContainText('Bone-like aching');

  // A core session, with Space on buttons.
  await tabTo(app, app.getByRole('button', { name: 'New session' }), 'Shift+Tab');
  await app.keyboard.press('Space');
  const session = journal.dialog('New session');
  await typeInto(app, session.getByLabel('Hold seconds for exercise 1'), '50');
  await tabTo(app, session.getByRole('button', { name: 'Add exercise' }));
  await app.keyboard.press('Space');
  await typeInto(app, session.getByLabel('Reps for exercise 2'), '12');
  await tabTo(app, session.getByRole('button', { name: 'Save session' }));
  await app.keyboard.press('Enter');
  await expect(session).toBeHidden();
  await expect(journal.entry('Core session')).toContainText('Plank 50 s, Glute bridge 12 (3 s holds)');
  await expect(journal.entries()).toHaveCount(3);

  // Export, where the app offers it: choose a file with the arrow keys.
  await tabTo(app, app.getByRole('button', { name: 'Export…' }), 'Shift+Tab');
  await app.keyboard.press('Enter');
  const dialog = app.getByRole('dialog', { name: 'Export' });
  await tabTo(app, dialog.getByRole('radio', { name: 'Runs' }));
  await app.keyboard.press('ArrowDown');
  await expect(dialog.getByRole('radio', { name: 'Pain ratings' })).toBeChecked();
  await tabTo(app, dialog.getByRole('button', { name: 'Export', exact: true }));
  const download = app.waitForEvent('download');
  await app.keyboard.press('Enter');
  expect((await download).suggestedFilename()).toMatch(/pain.*\.csv$/);
  await expect(dialog).toBeHidden();

  // Insights.
  await tabTo(app, nav(app, 'Insights'), 'Shift+Tab');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { name: 'Insights', level: 1 })).toBeVisible();

  // Settings: miles, with the arrow keys.
  await tabTo(app, nav(app, 'Settings'));
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await tabTo(app, app.getByRole('radio', { name: 'Kilometres (km)' }));
  await app.keyboard.press('ArrowDown');
  await expect(app.getByRole('radio', { name: 'Miles (mi)' })).toBeChecked();
  await tabTo(app, nav(app, 'Journal'), 'Shift+Tab');
  await app.keyboard.press('Enter');
  await expect(journal.entry('4.97 mi')).toBeVisible();
});

test('browser-mode shortcuts open every screen and form, as the Help table says', async ({ app }) => {
  await app.keyboard.press('F1');
  await expect(app.getByRole('heading', { name: 'Help', level: 1 })).toBeVisible();
  const table = app.getByRole('table', { name: 'Keyboard shortcuts' });
  await expect(table.getByRole('row', { name: /^New run/ })).toContainText('Alt+Shift+N');
  await expect(table.getByRole('row', { name: /^Start routine/ })).toContainText('Ctrl+R');

  await app.keyboard.press('Alt+Shift+N');
  await expect(app.getByRole('dialog', { name: 'New run' })).toBeVisible();
  await app.keyboard.press('Escape');
  await app.keyboard.press('Control+p');
  await expect(app.getByRole('dialog', { name: 'New pain rating' })).toBeVisible();
  await app.keyboard.press('Escape');
  await app.keyboard.press('Alt+Shift+S');
  await expect(app.getByRole('dialog', { name: 'New session' })).toBeVisible();
  await app.keyboard.press('Escape');
  await app.keyboard.press('Alt+Shift+R');
  await expect(app.getByRole('heading', { name: 'Core routine' })).toBeVisible();
  await app.keyboard.press('Control+,');
  await expect(app.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await app.keyboard.press('Alt+Shift+H');
  await expect(app.getByRole('heading', { name: 'Help', level: 1 })).toBeVisible();
  await app.keyboard.press('Alt+Shift+1');
  await expect(app.getByRole('heading', { name: 'Journal', level: 1 })).toBeVisible();
});

test('the guided routine by keyboard: focus follows the step, Space starts and counts', async ({ app }) => {
  test.setTimeout(60_000);
  // The hold's time is driven, not waited for: paused, so the keystrokes around it take no time.
  await app.clock.install();
  await app.clock.pauseAt(Date.now() + 60_000);
  await tabTo(app, app.getByRole('button', { name: 'Try the guided routine' }));
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { name: 'Core routine' })).toBeVisible();
  // The welcome is done with once a choice is made.
  await tabTo(app, app.getByRole('button', { name: 'Start routine' }));
  await app.keyboard.press('Enter');

  // Focus lands on Start; Space starts the hold; "End hold now" keeps what was held.
  const main = app.getByRole('button', { name: 'Start', exact: true });
  await expect(main).toBeFocused();
  await app.keyboard.press('Space');
  await expect(app.getByRole('button', { name: 'Pause' })).toBeFocused();
  await app.clock.runFor(2_300);
  await tabTo(app, app.getByRole('button', { name: 'End hold now' }));
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { name: 'Side plank, left side' })).toBeVisible();
  await expect(app.getByRole('button', { name: 'Start', exact: true })).toBeFocused();

  // Skip the sides; on the bridge, Space counts reps on the focused "Rep done".
  for (let side = 0; side < 2; side++) {
    await tabTo(app, app.getByRole('button', { name: 'Skip' }));
    await app.keyboard.press('Enter');
  }
  await expect(app.getByRole('heading', { name: 'Glute bridge' })).toBeVisible();
  await tabTo(app, app.getByRole('button', { name: 'Start', exact: true }), 'Shift+Tab');
  await app.keyboard.press('Space');
  await expect(app.getByRole('button', { name: 'Rep done' })).toBeFocused();
  for (let i = 0; i < 4; i++) await app.keyboard.press('Space');
  await expect(app.getByText('of 10 reps')).toBeVisible();
  await tabTo(app, app.getByRole('button', { name: 'Finish and log' }));
  await app.keyboard.press('Enter');

  const journal = new JournalScreen(app);
  await expect(journal.entry('Core session')).toContainText('Plank 2 s, Glute bridge 4 (3 s holds)');
  await app.reload();
  await expect(app.getByRole('heading', { name: 'Welcome to Backstride' })).toBeHidden();
});
