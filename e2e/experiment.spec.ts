// The core-work experiment in the real app, by role and label: plan it (the planner's defaults
// and what it says the design can show), follow it day by day under Playwright's fake clock
// (today's condition and the rating reminder in the journal and on the Routine screen), log
// ratings, read the result and its chart, and abandon a plan.
import type { Page } from '@playwright/test';
import type { Experiment } from '../shared/experiment';
import { expect, test } from './fixtures';

/** YYYY-MM-DD of a local date. */
function iso(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** Local noon `days` from `date` (noon keeps clear of daylight-saving edges). */
function noon(date: string, days = 0): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + days, 12);
}

const realToday = iso(new Date());

/** Calls the app's own door from inside the page (HTTP in browser mode, IPC in Electron). */
async function door<T>(app: Page, method: string, input?: unknown): Promise<T> {
  const result = await app.evaluate(
    async ([m, i]) => {
      const [area, verb] = (m as string).split(':') as [string, string];
      const preload = (window as unknown as { backstride?: Record<string, Record<string, (x: unknown) => unknown>> })
        .backstride;
      if (preload) return preload[area]![verb]!(i);
      const response = await fetch(`/api/${m as string}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify({ input: i }),
      });
      return response.json();
    },
    [method, input] as const,
  );
  const envelope = result as { ok: boolean; value?: T; error?: { message: string } };
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error?.message}`);
  return envelope.value as T;
}

async function openInsights(app: Page) {
  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Insights' }).click();
  return app.getByRole('region', { name: 'Core-work experiment' });
}

async function openJournal(app: Page) {
  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journal' }).click();
}

test('plan, follow day by day with a fake clock, log ratings and read the result', async ({ app }) => {
  // The plan: 6 cycles of 7 days that started 82 days ago, so today is day 6 of its last period
  // and every cycle can be compared (the server counts days up to the real today).
  const planStart = iso(noon(realToday, -82));
  // The browser's clock starts on the Saturday before a Monday, the day the plan is made.
  const saturday = noon(planStart, -((noon(planStart).getDay() + 1) % 7) - 7);
  await app.clock.install({ time: saturday });
  await app.reload();
  await expect(app.getByRole('heading', { name: 'Journal' })).toBeVisible();

  const section = await openInsights(app);
  await expect(section.getByRole('heading', { name: 'Plan an experiment' })).toBeVisible();
  // Defaults: 7-day periods, 6 cycles, 2 washout days, starting next Monday.
  await expect(section.getByRole('radio', { name: '7 days' })).toBeChecked();
  await expect(section.getByLabel('Cycles (3–8)')).toHaveValue('6');
  await expect(section.getByLabel('Washout days (0–3)')).toHaveValue('2');
  await expect(section.getByLabel('Start date')).toHaveValue(iso(noon(iso(saturday), 2)));
  await expect(section.getByText(/smallest possible p is 2\/2\s*6\s*= 0\.031/)).toBeVisible();
  await expect(section.getByText(/The plan runs 84 days/)).toBeVisible();
  // Fewer cycles: the screen says the design cannot reach p < 0.05.
  await section.getByLabel('Cycles (3–8)').fill('4');
  await expect(section.getByText(/2\/2\s*4\s*= 0\.13\. That can never reach p < 0\.05/)).toBeVisible();
  await section.getByLabel('Cycles (3–8)').fill('6');
  await section.getByRole('radio', { name: '14 days' }).check();
  await expect(section.getByText(/The plan runs 168 days/)).toBeVisible();
  await section.getByRole('radio', { name: '7 days' }).check();
  // A plan made earlier with a physio: a start date in the past is allowed.
  await section.getByLabel('Start date').fill(planStart);
  await section.getByLabel('Name (optional)').fill('Spring back test');
  await section.getByRole('button', { name: 'Start the experiment' }).click();
  await expect(section.getByRole('heading', { name: /Spring back test/ })).toBeVisible();

  const [experiment] = await door<Experiment[]>(app, 'experiments:list');
  expect(experiment).toMatchObject({ name: 'Spring back test', startDate: planStart, cycles: 6, status: 'running' });

  // Day 4 of the second period (cycle 1): the journal says what to do and asks for a rating.
  const second = experiment!.periods[1]!;
  await app.clock.setFixedTime(noon(second.start, 3));
  await openJournal(app);
  const today = app.getByRole('complementary', { name: 'Core-work experiment today' });
  const condition =
    second.condition === 'core'
      ? 'Core period, day 4 of 7: do the routine today.'
      : 'Usual period, day 4 of 7: no extra core work.';
  await expect(today.getByText(condition)).toBeVisible();
  await expect(today.getByText(/You have not rated your back pain today/)).toBeVisible();
  await today.getByRole('button', { name: 'Rate back pain' }).click();
  const dialog = app.getByRole('dialog', { name: 'New pain rating' });
  await expect(dialog.getByLabel('Date')).toHaveValue(iso(noon(second.start, 3)));
  const score = second.condition === 'core' ? 2 : 5;
  await dialog.getByRole('slider').fill(String(score));
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(today.getByText(/Back pain rated today/)).toBeVisible();

  // The Routine screen shows the same day (the first day of a period: a washout day).
  const third = experiment!.periods[2]!;
  await app.clock.setFixedTime(noon(third.start));
  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Routine' }).click();
  const routineToday = app.getByRole('complementary', { name: 'Core-work experiment today' });
  await expect(
    routineToday.getByText(new RegExp(`^${third.condition === 'core' ? 'Core' : 'Usual'} period, day 1 of 7`)),
  ).toBeVisible();
  await expect(routineToday.getByText(/A washout day/)).toBeVisible();

  // The rest of the log: a rating every day (lower in core periods), a knee rating that must not
  // count, and the routine on core days.
  for (const period of experiment!.periods) {
    for (let day = 0; day < 7; day++) {
      const date = iso(noon(period.start, day));
      if (date > realToday || (period === second && day === 3)) continue;
      await door(app, 'pain:save', { date, score: period.condition === 'core' ? 2 + (day % 2) : 5 });
      if (day === 4) await door(app, 'pain:save', { date, score: 10, location: 'knee' });
      if (period.condition === 'core')
        await door(app, 'strength:save', { date, items: [{ exercise: 'plank', sets: 3, holdS: 45 }] });
    }
  }

  // The result, live: every cycle compared.
  await app.clock.setFixedTime(noon(realToday));
  await openJournal(app);
  const result = await openInsights(app);
  await expect(
    result.getByText(
      /^So far, over 6 cycles, your back pain averaged 2\.\d points lower in core periods \(95% interval .* lower; randomisation p = 0\.031\)\. Because the order was random, this is evidence that core work helped your back during this experiment, not a diagnosis\.$/,
    ),
  ).toBeVisible();
  await expect(result.getByText('6 of 6')).toBeVisible();
  await expect(result.getByRole('img', { name: /mean back pain, core and usual, by cycle/ })).toBeVisible();
  // The picture for the README (copied from the test's output folder into docs/screenshots/).
  await app.setViewportSize({ width: 1200, height: 1300 });
  await result.getByRole('heading', { name: 'Spring back test' }).scrollIntoViewIfNeeded();
  await app.screenshot({ path: test.info().outputPath('experiment.png') });
  await result.getByRole('button', { name: 'Show as table' }).click();
  const table = result.getByRole('table', { name: 'Mean back pain per period' });
  await expect(table.getByRole('row')).toHaveCount(7);
  await expect(table.getByRole('row', { name: /^1 / })).toContainText('5.0');
});

test('a plan can be abandoned: it stays in the log with its partial result, and a new one can start', async ({
  app,
}) => {
  const section = await openInsights(app);
  await section.getByLabel('Start date').fill(iso(noon(realToday, -3)));
  await section.getByRole('button', { name: 'Start the experiment' }).click();
  await expect(section.getByText(/^Today: (Core|Usual) period, day 4 of 7/)).toBeVisible();
  // Starting a second one is not offered while this one runs.
  await expect(section.getByRole('button', { name: 'Start the experiment' })).toHaveCount(0);

  await section.getByRole('button', { name: 'Abandon the experiment' }).click();
  await app.getByRole('dialog', { name: 'Abandon the experiment?' }).getByRole('button', { name: 'Abandon' }).click();
  await expect(section.getByRole('heading', { name: 'Plan an experiment' })).toBeVisible();
  await expect(section.getByRole('heading', { name: 'Earlier experiments' })).toBeVisible();
  await section.getByText(/: abandoned,/).click();
  await expect(section.getByText(/This experiment was abandoned, so this is a partial result\./)).toBeVisible();
  const list = await door<Experiment[]>(app, 'experiments:list');
  expect(list.map((e) => e.status)).toEqual(['abandoned']);
});

test('the Routine screen offers to plan an experiment and leads to the planner', async ({ app }) => {
  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Routine' }).click();
  await app.getByRole('button', { name: 'Plan an experiment' }).click();
  await expect(app.getByRole('heading', { name: 'Core-work experiment' })).toBeFocused();
  await expect(app.getByRole('heading', { name: 'Plan an experiment' })).toBeVisible();
});
