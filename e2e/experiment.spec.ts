// The core-work experiment in the real app, by role and label: plan it (the planner's defaults
// and what it says the design can show), follow it day by day under Playwright's fake clock
// (today's condition and the rating reminder in the journal and on the Routine screen, a rating
// typed in), read the result and its chart on a seeded log of a whole experiment, and abandon a
// plan. Each screen of the experiment is checked with axe (WCAG 2 A/AA).
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { analyseExperiment, type Experiment, type ExperimentResult } from '../shared/experiment';
import { expect, test } from './fixtures';
import { experimentSeed, SEEDED_EXPERIMENT_ID } from './seedData';

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

/** No serious or critical axe violation in the experiment's section (as insights.spec scopes its own). */
async function expectAccessible(app: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page: app }).include('.experiment').withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(results.passes.length, `axe ran on ${what}`).toBeGreaterThan(0);
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect(serious, `serious or critical axe violations on ${what}`).toEqual([]);
}

async function openInsights(app: Page) {
  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Insights' }).click();
  return app.getByRole('region', { name: 'Core-work experiment' });
}

async function openJournal(app: Page) {
  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journal' }).click();
}

test('plan: the defaults, what the design can show, how long it runs, and a start in the past', async ({ app }) => {
  test.setTimeout(60_000);
  const section = await openInsights(app);
  await expect(section.getByRole('heading', { name: 'Plan an experiment' })).toBeVisible();
  // Defaults: 7-day periods, 6 cycles, 2 washout days, starting next Monday.
  const weekday = noon(realToday).getDay(); // 0 is Sunday
  const nextMonday = iso(noon(realToday, weekday === 0 ? 1 : 8 - weekday));
  await expect(section.getByRole('radio', { name: '7 days' })).toBeChecked();
  await expect(section.getByLabel('Cycles (3–8)')).toHaveValue('6');
  await expect(section.getByLabel('Washout days (0–3)')).toHaveValue('2');
  await expect(section.getByLabel('Start date')).toHaveValue(nextMonday);
  await expect(section.getByText(/smallest possible p is 2\/2\s*6\s*= 0\.031/)).toBeVisible();
  await expect(section.getByText(/With 6, every cycle has to go the same way for a clear result/)).toBeVisible();
  await expect(section.getByText(/The plan runs 84 days/)).toBeVisible();
  // Fewer cycles: the screen says the design cannot reach p < 0.05.
  await section.getByLabel('Cycles (3–8)').fill('4');
  await expect(section.getByText(/2\/2\s*4\s*= 0\.13\. That can never reach p < 0\.05/)).toBeVisible();
  await section.getByLabel('Cycles (3–8)').fill('6');
  await section.getByRole('radio', { name: '14 days' }).check();
  await expect(section.getByText(/The plan runs 168 days/)).toBeVisible();
  await section.getByRole('radio', { name: '7 days' }).check();
  await expectAccessible(app, 'the planner');
  // A plan made earlier with a physio: a start date in the past is allowed.
  const planStart = iso(noon(realToday, -82));
  await section.getByLabel('Start date').fill(planStart);
  await section.getByLabel('Name (optional)').fill('Spring back test');
  await section.getByRole('button', { name: 'Start the experiment' }).click();
  await expect(section.getByRole('heading', { name: /Spring back test/ })).toBeVisible();
  await expect(section.getByText(/^Today: (Core|Usual) period, day 6 of 7/)).toBeVisible();

  const [experiment] = await door<Experiment[]>(app, 'experiments:list');
  expect(experiment).toMatchObject({ name: 'Spring back test', startDate: planStart, cycles: 6, status: 'running' });
  // The order was drawn and stored: one core and one usual period in every cycle, back to back.
  expect(experiment!.periods).toHaveLength(12);
  for (let c = 0; c < 6; c++) {
    const pair = experiment!.periods.slice(2 * c, 2 * c + 2).map((p) => p.condition);
    expect(pair.sort()).toEqual(['core', 'usual']);
  }
});

test.describe('with a plan that started 82 days ago and nothing logged', () => {
  test.use({ seed: experimentSeed({ log: false }) });

  test("follow it day by day with a fake clock: today's condition, the rating reminder, a rating", async ({ app }) => {
    test.setTimeout(60_000);
    const [experiment] = await door<Experiment[]>(app, 'experiments:list');
    // Day 4 of the second period (cycle 1): the journal says what to do and asks for a rating.
    const second = experiment!.periods[1]!;
    await app.clock.install({ time: noon(second.start, 3) });
    await app.reload();
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
    await dialog.getByRole('slider').fill(second.condition === 'core' ? '2' : '5');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(today.getByText(/Back pain rated today/)).toBeVisible();

    // The Routine screen on the first day of the next period: a washout day, not yet rated.
    const third = experiment!.periods[2]!;
    await app.clock.setFixedTime(noon(third.start));
    await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Routine' }).click();
    const routineToday = app.getByRole('complementary', { name: 'Core-work experiment today' });
    await expect(
      routineToday.getByText(new RegExp(`^${third.condition === 'core' ? 'Core' : 'Usual'} period, day 1 of 7`)),
    ).toBeVisible();
    await expect(routineToday.getByText(/A washout day/)).toBeVisible();
    await expect(routineToday.getByText(/You have not rated your back pain today/)).toBeVisible();

    // The live result (the server counts days up to the real today): one rating compares nothing yet.
    await app.clock.setFixedTime(noon(realToday));
    await openJournal(app);
    const live = await openInsights(app);
    await expect(live.getByText(/^Today: (Core|Usual) period, day 6 of 7/)).toBeVisible();
    await expect(
      live.getByText(
        'Not enough data yet: 0 of 6 cycles have both periods rated (at least 3 days with a back-pain rating after the washout in each), and the comparison needs at least 2.',
      ),
    ).toBeVisible();
    await expect(live.getByText('0 of 6', { exact: true })).toBeVisible();
    await live.getByText('The schedule (drawn at random when the plan was made)').click();
    const schedule = live.getByRole('table', { name: 'Periods of Spring back test' });
    await expect(schedule.getByRole('row')).toHaveCount(13);
    await expect(schedule.getByRole('row').nth(1)).toContainText(
      experiment!.periods[0]!.condition === 'core' ? 'Core: the routine every day' : 'Usual: no extra core work',
    );
    await expectAccessible(app, 'a running experiment');
  });
});

test.describe('with a whole experiment logged', () => {
  test.use({ seed: experimentSeed() });

  test('the live result: the sentence, the figures, the chart and its table; knee ratings do not count', async ({
    app,
  }) => {
    test.setTimeout(60_000);
    const seed = experimentSeed();
    const result = await door<ExperimentResult>(app, 'experiments:result', { id: SEEDED_EXPERIMENT_ID });
    // The same result without the knee ratings: they never count.
    const [experiment] = await door<Experiment[]>(app, 'experiments:list');
    const backOnly = analyseExperiment(experiment!, {
      pain: (seed.pain ?? []).filter((p) => p.location === 'lower_back'),
      strength: seed.strength ?? [],
      customExercises: [],
      today: realToday,
    }).result;
    expect(result).toEqual(backOnly);
    expect(result).toMatchObject({ status: 'running', usable: 6, pRandomization: 0.03125, claim: 'lower_with_core' });

    // The journal says what today is, and how the core work has gone so far.
    const today = app.getByRole('complementary', { name: 'Core-work experiment today' });
    await expect(today.getByText('Core period, day 6 of 7: do the routine today.')).toBeVisible();
    const perWeek = (n: number | null) => n!.toFixed(1);
    await expect(
      today.getByText(
        `So far: ${perWeek(result.adherence.coreSessionsPerWeekInCore)} core sessions a week in core periods, ${perWeek(result.adherence.coreSessionsPerWeekInUsual)} in usual periods.`,
      ),
    ).toBeVisible();

    const section = await openInsights(app);
    await expect(section.getByRole('heading', { name: /Spring back test/ })).toBeVisible();
    // Running: the figures, but no conclusion until the plan ends.
    await expect(
      section.getByText(
        /^So far, over 6 cycles, your back pain averaged \d\.\d points lower in core periods \(95% interval \d\.\d to \d\.\d lower; randomisation p = 0\.031\)\. The plan runs until [A-Z][a-z]{2} \d{1,2}, \d{4}, and only its result then is a conclusion: a difference watched day by day can cross p < 0\.05 by chance\.$/,
      ),
    ).toBeVisible();
    await expect(section.getByText(/evidence that core work helped/)).toHaveCount(0);
    await expect(section.getByText('6 of 6')).toBeVisible();
    await expect(section.getByText(`${result.estimate!.toFixed(1)} points`)).toBeVisible();
    await expect(section.getByRole('img', { name: /mean back pain, core and usual, by cycle/ })).toBeVisible();
    await section.getByRole('button', { name: 'Show as table' }).click();
    const table = section.getByRole('table', { name: 'Mean back pain per period' });
    await expect(table.getByRole('row')).toHaveCount(7);
    for (const cycle of result.cycles) {
      const name = `${cycle.cycle} ${cycle.coreMean!.toFixed(1)} ${cycle.usualMean!.toFixed(1)} ${cycle.difference!.toFixed(1)}`;
      await expect(table.getByRole('row', { name })).toBeVisible();
    }
    // One axe pass for the result: the sentence, the figures and the table (the chart is a labelled image).
    await expectAccessible(app, 'the result with its table');
  });
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
  await expect(
    section.getByText(/This experiment was abandoned, so this is a partial result, and it draws no conclusion\./),
  ).toBeVisible();
  const list = await door<Experiment[]>(app, 'experiments:list');
  expect(list.map((e) => e.status)).toEqual(['abandoned']);
});

test('the Routine screen offers to plan an experiment and leads to the planner', async ({ app }) => {
  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Routine' }).click();
  await app.getByRole('button', { name: 'Plan an experiment' }).click();
  await expect(app.getByRole('heading', { name: 'Core-work experiment' })).toBeFocused();
  await expect(app.getByRole('heading', { name: 'Plan an experiment' })).toBeVisible();
});
