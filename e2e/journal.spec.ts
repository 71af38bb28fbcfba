// The journal as a runner keeps it open: one line per entry, week headers with totals, filters,
// typed times and the run/pain links, and focus that follows saves and deletes.
import type { PainRating, Run } from '../shared/model';
import { expect, test } from './fixtures';
import { JournalScreen } from './pages';
import { daysAgo, uuid } from './seedData';

const id = uuid;

const runs: Run[] = Array.from({ length: 14 }, (_, n) => ({
  id: id(1, n),
  date: daysAgo(n * 2),
  startTime: '07:15',
  distanceKm: 5 + n,
  durationS: (5 + n) * 330,
  surface: 'road',
  source: 'manual',
  ...(n === 1 ? { notes: 'Hilly loop with the club' } : {}),
}));
const pain: PainRating[] = Array.from({ length: 10 }, (_, n) => ({
  id: id(3, n),
  date: daysAgo(n * 2),
  time: '21:40',
  score: n % 4,
  location: n === 3 ? 'hip' : 'lower_back',
  side: 'centre',
  kind: n === 2 ? 'bone_like' : 'muscular',
  timing: 'after_run',
  runId: id(1, n),
}));

test.use({ seed: { runs, pain, settings: { onboarded: true } } });
test.describe.configure({ timeout: 60_000 });

test('at 1280×800 at least twelve entries show, one line each, with Edit and Delete on hover or focus', async ({
  app,
}) => {
  await app.setViewportSize({ width: 1280, height: 800 });
  const journal = new JournalScreen(app);
  await expect(journal.entries().first()).toBeVisible();
  const boxes = await journal.entries().evaluateAll((rows) => rows.map((row) => row.getBoundingClientRect()));
  const visible = boxes.filter((box) => box.top >= 0 && box.bottom <= 800);
  expect(visible.length).toBeGreaterThanOrEqual(12);
  // One line each: no row taller than two lines of text.
  expect(Math.max(...boxes.map((box) => box.height))).toBeLessThan(44);

  const first = journal.entries().first();
  const edit = first.getByRole('button', { name: /^Edit / });
  // What a person sees: the opacity the button ends up with through its ancestors.
  const seenOpacity = () =>
    edit.evaluate((button) => {
      let opacity = 1;
      for (let el: Element | null = button; el; el = el.parentElement) opacity *= Number(getComputedStyle(el).opacity);
      return opacity;
    });
  await expect.poll(seenOpacity).toBe(0);
  await first.hover();
  await expect.poll(seenOpacity).toBe(1);
});

test('while the page scrolls under a still pointer, the line beneath it keeps Edit and Delete hidden until it rests', async ({
  app,
}) => {
  // The 150 ms rest is driven, not waited for (the page's clock is paused; scrolling is not).
  await app.clock.install();
  await app.clock.pauseAt(Date.now() + 60_000);
  await app.setViewportSize({ width: 1280, height: 600 });
  const journal = new JournalScreen(app);
  await expect(journal.entries().nth(2)).toBeVisible();
  const box = (await journal.entries().nth(2).boundingBox())!;
  const pointer = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await app.mouse.move(pointer.x, pointer.y);
  // What a person sees of the Edit button of the line under the pointer, and which line that is.
  const underPointer = () =>
    app.evaluate(({ x, y }) => {
      const entry = document.elementFromPoint(x, y)?.closest('.entry');
      const edit = entry?.querySelector('button');
      let opacity = 1;
      for (let el: Element | null | undefined = edit; el; el = el.parentElement)
        opacity *= Number(getComputedStyle(el).opacity);
      return { entry: entry?.textContent ?? '', opacity };
    }, pointer);
  await expect.poll(async () => (await underPointer()).opacity).toBe(1);
  const before = (await underPointer()).entry;

  await app.mouse.wheel(0, 160);
  await expect.poll(async () => (await underPointer()).entry).not.toBe(before);
  expect((await underPointer()).opacity).toBe(0);
  await app.clock.runFor(200);
  await expect.poll(async () => (await underPointer()).opacity).toBe(1);
});

test('week headers carry the week totals; typed times and run/pain links show on both sides', async ({ app }) => {
  const journal = new JournalScreen(app);
  const thisWeek = app.getByRole('heading', { level: 2, name: /^Week of/ }).first();
  await expect(thisWeek).toContainText(/\d+ runs? · [\d.]+ km · 0 core sessions · back pain [\d.]+\/10 on average/);
  const run = journal.entry(/Run5\.00 km/);
  await expect(run).toContainText('07:15');
  await expect(run).toContainText('Pain 0/10 after a run');
  // Today's rating (newest first), linked to today's 5 km run.
  const rating = journal.entry(/Pain0\/10 · Lower back/).first();
  await expect(rating).toContainText('21:40');
  await expect(rating).toContainText('Linked to the 07:15 run, 5.00 km in 27:30');
});

test('search the notes and filter by dates, pain kind and location', async ({ app }) => {
  const journal = new JournalScreen(app);
  await app.getByLabel('Search notes').fill('hilly');
  await expect(journal.entries()).toHaveCount(1);
  await expect(journal.entry('Hilly loop with the club')).toContainText('6.00 km');
  // The count is announced politely (a live region), beside the toasts' status region.
  await expect(app.getByText('1 entry matches.')).toHaveAttribute('aria-live', 'polite');
  await app.getByRole('button', { name: 'Clear filters' }).click();

  await app.getByLabel('Pain kind').selectOption({ label: 'Bone-like aching' });
  await expect(journal.entries()).toHaveCount(1);
  await expect(journal.entry('Bone-like aching')).toContainText('2/10');
  await app.getByLabel('Pain kind').selectOption({ label: 'Any' });
  await app.getByLabel('Pain location').selectOption({ label: 'Hip' });
  await expect(journal.entries()).toHaveCount(1);
  await expect(journal.entries().first()).toContainText('Hip');
  await app.getByRole('button', { name: 'Clear filters' }).click();

  await app.getByLabel('From').fill(daysAgo(4));
  await app.getByLabel('To').fill(daysAgo(2));
  // Runs and ratings on 2 and 4 days ago.
  await expect(journal.entries()).toHaveCount(4);
  await app.getByRole('button', { name: 'Runs', exact: false }).first().click();
  await expect(journal.entries()).toHaveCount(2);
  await app.getByLabel('Search notes').fill('nothing like this');
  await expect(app.getByText('No entries match these filters.')).toBeVisible();
});

test('after a save the new entry has focus; after a delete, the next one', async ({ app }) => {
  const journal = new JournalScreen(app);
  await journal.addRun({ distance: '21.1', duration: '1:55:00', date: daysAgo(1) });
  await expect(journal.entry('21.10 km')).toBeFocused();

  await journal.entry('21.10 km').hover();
  await app.getByRole('button', { name: /^Delete run on .*21\.10 km/ }).click();
  await expect(journal.entry('21.10 km')).toHaveCount(0);
  // The entry after it in the list (the newest one of two days ago) takes focus.
  await expect(journal.entries().nth(2)).toBeFocused();
});
