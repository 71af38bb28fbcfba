// The month calendar, browser-mode reminders, the narrow and zoomed layouts and the file input.
import { localToday, type PainRating, type Run, type StrengthSession } from '../shared/model';
import { expect, test } from './fixtures';
import { JournalScreen } from './pages';
import { daysAgo, uuid } from './seedData';

const id = uuid;

// Everything on days of this month (the 1st and today), so the calendar's first view shows it.
const first = `${localToday().slice(0, 7)}-01`;
const runs: Run[] = [{ id: id(1, 1), date: first, distanceKm: 10, durationS: 3300, source: 'manual' }];
const pain: PainRating[] = [
  {
    id: id(3, 1),
    date: first,
    score: 4,
    location: 'lower_back',
    side: 'centre',
    kind: 'muscular',
    timing: 'after_run',
  },
];
const strength: StrengthSession[] = [{ id: id(2, 1), date: first, items: [{ exercise: 'plank', holdS: 40 }] }];
const older: Run[] = Array.from({ length: 30 }, (_, n) => ({
  id: id(4, n),
  date: daysAgo(40 + n),
  distanceKm: 5,
  durationS: 1700,
  source: 'manual',
}));

test.use({ seed: { runs: [...runs, ...older], pain, strength, settings: { onboarded: true } } });
test.describe.configure({ timeout: 60_000 });

test('the month calendar shows runs, core work and pain by day and jumps the journal to a day', async ({ app }) => {
  await app.getByRole('button', { name: 'Calendar' }).click();
  const calendar = app.getByRole('region', {
    name: new Date().toLocaleString(undefined, { month: 'long', year: 'numeric' }),
  });
  const day = calendar.getByRole('button', { name: /: 1 run, 10\.0 km, core session, pain up to 4\/10$/ });
  await expect(day).toBeVisible();
  await day.click();
  // The journal now starts at that day, and its heading has focus.
  await expect(app.locator(':focus')).toContainText(new Date(`${first}T00:00:00`).getDate().toString());
  await expect(new JournalScreen(app).entries().first()).toContainText('Pain');
  await expect(app.getByRole('button', { name: 'Clear filters' })).toBeVisible();

  await calendar.getByRole('button', { name: 'Previous month' }).click();
  const lastMonth = new Date();
  lastMonth.setDate(1);
  lastMonth.setMonth(lastMonth.getMonth() - 1);
  const previous = app.getByRole('region', {
    name: lastMonth.toLocaleString(undefined, { month: 'long', year: 'numeric' }),
  });
  await expect(previous.getByRole('button', { name: /: nothing logged$/ }).first()).toBeVisible();
});

test('at 760 px wide and at 200% zoom nothing is cut off', async ({ app }) => {
  for (const [width, zoom] of [
    [760, '1'],
    [1280, '2'],
  ] as const) {
    await app.setViewportSize({ width, height: 800 });
    await app.evaluate((z) => (document.documentElement.style.zoom = z), zoom);
    const overflow = await app.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `horizontal overflow at ${width}px, zoom ${zoom}`).toBeLessThanOrEqual(0);
    for (const name of ['New run', 'Rate pain', 'New session']) {
      await expect(app.getByRole('button', { name })).toBeInViewport();
    }
    await expect(app.getByRole('link', { name: 'Help' })).toBeInViewport();
  }
});

test('the file input is styled like the app’s buttons in both themes', async ({ app }) => {
  for (const theme of ['Light', 'Dark'] as const) {
    await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await app.getByRole('radio', { name: theme }).check();
    await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journal' }).click();
    await app.getByRole('button', { name: 'Import…' }).click();
    const input = app.getByRole('dialog', { name: /Import/ }).locator('input[type="file"]');
    const styles = await input.evaluate((el) => {
      const button = getComputedStyle(el, '::file-selector-button');
      const surface2 = getComputedStyle(document.documentElement).getPropertyValue('--surface-2').trim();
      const probe = document.createElement('span');
      probe.style.color = surface2;
      document.body.append(probe);
      const expected = getComputedStyle(probe).color;
      probe.remove();
      return { background: button.backgroundColor, expected, radius: button.borderTopLeftRadius };
    });
    expect(styles.background).toBe(styles.expected);
    expect(styles.radius).toBe('6px');
    await app.keyboard.press('Escape');
  }
});

test.describe('with nothing logged today', () => {
  // The seed above has a pain rating on the 1st, which is today at the start of a month.
  test.use({ seed: { settings: { onboarded: true } } });

  test('browser-mode reminders ask for permission only when switched on, and come at their time', async ({ app }) => {
    // The fake Notification and the clock are in place before the app starts its scheduler.
    await app.addInitScript(() => {
      const log = { asked: 0, shown: [] as string[] };
      (window as unknown as { reminderLog: typeof log }).reminderLog = log;
      class FakeNotification {
        static permission: NotificationPermission = 'default';
        static async requestPermission(): Promise<NotificationPermission> {
          log.asked++;
          FakeNotification.permission = 'granted';
          return 'granted';
        }
        onclick: (() => void) | null = null;
        constructor(title: string) {
          log.shown.push(title);
        }
        close(): void {}
      }
      Object.defineProperty(window, 'Notification', { value: FakeNotification, configurable: true });
    });
    await app.clock.install({ time: new Date(`${localToday()}T07:59:00`) });
    await app.reload();
    const reminderLog = () =>
      app.evaluate(() => (window as unknown as { reminderLog: { asked: number; shown: string[] } }).reminderLog);

    await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    const section = app.getByRole('region', { name: 'Reminders' });
    await expect(section.getByRole('checkbox', { name: 'Remind me to rate my back' })).not.toBeChecked();
    await app.clock.runFor(5 * 60_000);
    expect(await reminderLog()).toEqual({ asked: 0, shown: [] });

    await section.getByRole('checkbox', { name: 'Remind me to rate my back' }).check();
    await expect.poll(async () => (await reminderLog()).asked).toBe(1);
    // 08:04 now, past 08:00 and nothing rated today: one reminder, and only one.
    await app.clock.runFor(2 * 60_000);
    await expect.poll(async () => (await reminderLog()).shown).toEqual(['How is your back this morning?']);
    await app.clock.runFor(10 * 60_000);
    expect((await reminderLog()).shown).toHaveLength(1);
  });
});
