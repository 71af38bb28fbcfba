// The guided core routine with Playwright's fake clock: holds count down, reps are counted,
// skipped steps are left out, the session is logged with what was really done; leaving part-way
// asks first and saves nothing; routines can be saved and deleted.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { JournalScreen } from './pages';

declare global {
  interface Window {
    beeps?: number;
  }
}

test.use({ seed: { settings: { onboarded: true, hasStabilityBall: false } } });

/** Reloads the app under a paused fake clock, counting the Web Audio tones the page starts. */
async function withFakeClock(app: Page): Promise<void> {
  await app.clock.install();
  await app.addInitScript(() => {
    window.beeps = 0;
    const start = OscillatorNode.prototype.start;
    OscillatorNode.prototype.start = function (this: OscillatorNode, ...args: Parameters<typeof start>) {
      window.beeps = (window.beeps ?? 0) + 1;
      return start.apply(this, args);
    };
  });
  await app.reload();
  await expect(app.getByRole('link', { name: 'Routine' })).toBeVisible();
  await app.clock.pauseAt(Date.now() + 5_000);
}

const beeps = (app: Page) => app.evaluate(() => window.beeps ?? 0);

test('a short routine with a fast clock logs exactly what was done', async ({ app }) => {
  await withFakeClock(app);
  await app.getByRole('link', { name: 'Routine' }).click();
  await expect(app.getByRole('heading', { name: 'Core routine' })).toBeVisible();
  await expect(app.getByRole('checkbox', { name: 'I have a stability ball' })).not.toBeChecked();
  const steps = app.getByRole('list', { name: 'Steps' }).getByRole('listitem');
  await expect(steps).toHaveCount(4);
  await expect(steps.nth(0)).toContainText('Plank');
  // Three bridges keep the test short.
  await app.getByLabel('Reps for step 3, Glute bridge').fill('3');
  await app.getByRole('button', { name: 'Start routine' }).click();

  // Plank: a 30 s hold that counts down only while running.
  await expect(app.getByRole('heading', { name: 'Plank', exact: true })).toBeVisible();
  await expect(app.getByText(/forearms and toes/)).toBeVisible();
  await expect(app.getByRole('timer', { name: 'Hold for' })).toHaveText('00:30');
  await app.getByRole('button', { name: 'Start', exact: true }).click();
  const live = app.locator('p[aria-live="polite"]');
  await expect(live).toHaveText('Plank: hold for 30 seconds.');
  await app.clock.runFor(10_000);
  await expect(app.getByRole('timer', { name: 'Time left' })).toHaveText('00:20');
  await expect(live).toHaveText('Plank: hold for 30 seconds.');
  await app.getByRole('button', { name: 'Pause' }).click();
  await app.clock.runFor(60_000);
  await expect(app.getByRole('timer', { name: 'Time left' })).toHaveText('00:20');
  await app.getByRole('button', { name: 'Resume' }).click();
  await app.clock.runFor(10_000);
  await expect(live).toHaveText('10 seconds left.');
  expect(await beeps(app)).toBe(0);
  await app.clock.runFor(10_000);
  await expect(app.getByRole('heading', { name: 'Side plank, left side' })).toBeVisible();
  await expect.poll(() => beeps(app)).toBeGreaterThan(0);

  // Left side skipped; the cue muted for the right side.
  await app.getByRole('button', { name: 'Skip' }).click();
  await expect(app.getByRole('heading', { name: 'Side plank, right side' })).toBeVisible();
  await app.getByRole('checkbox', { name: 'Sound cue at the end of each hold' }).uncheck();
  const beepsBefore = await beeps(app);
  await app.getByRole('button', { name: 'Start', exact: true }).click();
  await app.clock.runFor(20_000);
  await expect(app.getByRole('heading', { name: 'Glute bridge' })).toBeVisible();
  expect(await beeps(app)).toBe(beepsBefore);

  // Glute bridge: three reps, each with a 3 s hold shown.
  await app.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(app.getByRole('timer', { name: 'Hold this rep' })).toHaveText('00:03');
  for (let rep = 1; rep <= 3; rep++) {
    await app.clock.runFor(3_000);
    await expect(app.getByText('Lower, then press Rep done')).toBeVisible();
    await app.getByRole('button', { name: 'Rep done' }).click();
    if (rep < 3) await expect(app.getByText(`of 3 reps`)).toBeVisible();
  }

  // Locust: ended after 12 s, so 12 s is what gets logged.
  await expect(app.getByRole('heading', { name: 'Locust pose' })).toBeVisible();
  await app.getByRole('button', { name: 'Start', exact: true }).click();
  await app.clock.runFor(12_000);
  await app.getByRole('button', { name: 'End hold now' }).click();

  // A summary first: what was done, what was skipped, the time from the first Start (131 s of
  // driven clock, the minute's pause included).
  await expect(app.getByRole('heading', { name: 'Routine done' })).toBeVisible();
  await expect(app.getByText(/^Logged to your journal/)).toHaveText('Logged to your journal. Time taken: 2:11.');
  await expect(app.getByRole('list', { name: 'What you did' }).getByRole('listitem')).toHaveText([
    'Plank 30 s hold',
    'Side plank (right side) 20 s hold',
    'Glute bridge 3 reps (3 s holds)',
    'Locust pose 12 s hold',
  ]);
  await expect(app.getByText('Skipped: Side plank, left side.')).toBeVisible();
  await expect(app.getByRole('button', { name: 'Go to the journal' })).toBeFocused();
  await app.getByRole('button', { name: 'Go to the journal' }).click();

  // The session is in the journal, with a message that offers to edit it.
  const journal = new JournalScreen(app);
  await expect(app.getByRole('heading', { name: 'Journal' })).toBeVisible();
  const expected =
    'Plank 30 s hold, Side plank (right side) 20 s hold, Glute bridge 3 reps (3 s holds), Locust pose 12 s hold';
  await expect(journal.entry('Core session')).toContainText(expected);
  await expect(journal.entry('Core session')).toContainText('Guided routine: Back-care routine.');
  await expect(app.getByRole('status')).toContainText(`Core routine logged: ${expected}`);
  await app.getByRole('status').getByRole('button', { name: 'Edit' }).click();
  const dialog = journal.dialog('Edit session');
  await expect(dialog.getByLabel('Hold seconds for exercise 4')).toHaveValue('12');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await app.reload();
  await expect(journal.entries()).toHaveCount(1);
  await expect(journal.entry('Core session')).toContainText(expected);
});

test('leaving a routine part-way asks first and saves nothing', async ({ app }) => {
  await withFakeClock(app);
  await app.getByRole('link', { name: 'Routine' }).click();
  await app.getByRole('button', { name: 'Start routine' }).click();
  await app.getByRole('button', { name: 'Start', exact: true }).click();
  await app.clock.runFor(31_000);
  await expect(app.getByRole('heading', { name: 'Side plank, left side' })).toBeVisible();

  await app.getByRole('link', { name: 'Journal' }).click();
  const ask = app.getByRole('dialog', { name: 'Stop the routine?' });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Keep going' }).click();
  await expect(app.getByRole('heading', { name: 'Side plank, left side' })).toBeVisible();
  await expect(app.getByRole('link', { name: 'Routine' })).toHaveAttribute('aria-current', 'page');

  // The keyboard shortcut for another view is held back the same way.
  await app.keyboard.press('Alt+Shift+1');
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Stop without saving' }).click();
  await expect(app.getByRole('heading', { name: 'Nothing logged yet' })).toBeVisible();
  await app.reload();
  await expect(app.getByRole('heading', { name: 'Nothing logged yet' })).toBeVisible();
});

test('skipping every step logs nothing', async ({ app }) => {
  await app.getByRole('link', { name: 'Routine' }).click();
  await app.getByRole('button', { name: 'Start routine' }).click();
  for (let i = 0; i < 5; i++) await app.getByRole('button', { name: 'Skip' }).click();
  await expect(app.getByRole('heading', { name: 'Nothing was logged' })).toBeVisible();
  await app.getByRole('button', { name: 'Back to the routine' }).click();
  await app.getByRole('link', { name: 'Journal' }).click();
  await expect(app.getByRole('heading', { name: 'Nothing logged yet' })).toBeVisible();
});

test('the ball setting, and saving, reloading and deleting a routine of your own', async ({ app }) => {
  await app.getByRole('link', { name: 'Routine' }).click();
  const steps = app.getByRole('list', { name: 'Steps' }).getByRole('listitem');
  await expect(steps).toHaveCount(4);
  await app.getByRole('checkbox', { name: 'I have a stability ball' }).check();
  await expect(steps).toHaveCount(6);
  await expect(steps.nth(4)).toContainText('Stability-ball back extension');

  // Build a routine from the current steps: drop the ball work, lengthen the plank, add yoga.
  await app.getByRole('button', { name: 'Remove step 6, Stability-ball reverse leg raise' }).click();
  await app.getByRole('button', { name: 'Remove step 5, Stability-ball back extension' }).click();
  await app.getByLabel('Hold (s) for step 1, Plank').fill('45');
  await app.getByLabel('Exercise to add').selectOption({ label: 'Yoga' });
  await app.getByRole('button', { name: 'Add step' }).click();
  await app.getByRole('button', { name: 'Move step 5, Yoga up' }).click();
  await expect(steps.nth(3)).toContainText('Yoga');
  await app.getByLabel('Name for these steps').fill('Quick core');
  await app.getByRole('button', { name: 'Save as new routine' }).click();
  await expect(app.getByText('Saved “Quick core”.')).toBeVisible();

  // The same name again is refused.
  await app.getByLabel('Name for these steps').fill('quick core');
  await app.getByRole('button', { name: 'Save as new routine' }).click();
  await expect(app.getByText('There is already a routine called "quick core".')).toBeVisible();

  await app.reload();
  await expect(app.getByRole('checkbox', { name: 'I have a stability ball' })).toBeChecked();
  await app.getByLabel('Routine', { exact: true }).selectOption({ label: 'Quick core' });
  await expect(steps).toHaveCount(5);
  await expect(app.getByLabel('Hold (s) for step 1, Plank')).toHaveValue('45');
  await expect(steps.nth(3)).toContainText('Yoga');

  await app.getByRole('button', { name: 'Delete “Quick core”' }).click();
  await app
    .getByRole('dialog', { name: 'Delete “Quick core”?' })
    .getByRole('button', { name: 'Delete routine' })
    .click();
  await expect(app.getByLabel('Routine', { exact: true })).toHaveValue('built-in-back-care');
  await expect(app.getByRole('option', { name: 'Quick core' })).toHaveCount(0);
  await app.reload();
  await expect(app.getByRole('option', { name: 'Quick core' })).toHaveCount(0);
});
