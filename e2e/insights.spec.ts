// The Insights screen on a seeded log: the charts are really drawn, the numbers match the
// command line's for the same data folder, flags are listed (and shown in the journal), the
// lag selector changes the scatter and the figures, and every chart has a table alternative.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import type { InsightsReport } from '../shared/insights/types';
import { expect, test } from './fixtures';
import { insightsSeed, longSeed } from './seedData';

const run = promisify(execFile);

/** The report as `npm run cli -- insights --json` prints it for this data folder. */
async function cliReport(dataDir: string): Promise<InsightsReport> {
  const tsx = path.join('node_modules', '.bin', 'tsx');
  const { stdout } = await run(tsx, ['main/cli.ts', 'insights', '--json', '--data-dir', dataDir]);
  return JSON.parse(stdout) as InsightsReport;
}

/** Two decimals, as the app and the CLI summary print rho. */
function two(x: number): string {
  const text = x.toFixed(2);
  return text === '-0.00' ? '0.00' : text;
}

interface Paint {
  /** Pixels that are not fully transparent. */
  painted: number;
  /** Pixels close to the given CSS colour (a series drawn in it). */
  inColour: number;
  /** A cheap fingerprint of where the pixels in that colour are, to tell two drawings apart. */
  fingerprint: number;
}

/** Reads a chart canvas's pixels in the page. */
async function paintOf(canvas: Locator, cssVar: string): Promise<Paint> {
  return canvas.evaluate((element, name) => {
    const c = element as HTMLCanvasElement;
    const ctx = c.getContext('2d');
    if (!ctx || c.width === 0 || c.height === 0) return { painted: 0, inColour: 0, fingerprint: 0 };
    const probe = document.createElement('span');
    probe.style.color = `var(${name})`;
    document.body.append(probe);
    const [r, g, b] = getComputedStyle(probe).color.match(/\d+/g)!.map(Number) as [number, number, number];
    probe.remove();
    const { data } = ctx.getImageData(0, 0, c.width, c.height);
    let painted = 0;
    let inColour = 0;
    let fingerprint = 0;
    for (let i = 0; i < data.length; i += 4) {
      const a = data[i + 3]!;
      if (a === 0) continue;
      painted++;
      const close =
        Math.abs(data[i]! - r) < 40 && Math.abs(data[i + 1]! - g) < 40 && Math.abs(data[i + 2]! - b) < 40 && a > 100;
      if (!close) continue;
      inColour++;
      // The legend's marker (bottom rows) has this colour too; only the plot counts here.
      if (i / 4 / c.width < c.height * 0.75) fingerprint = (fingerprint * 31 + i) % 1_000_000_007;
    }
    return { painted, inColour, fingerprint };
  }, cssVar);
}

/** Pixels in the flag-marker colour (tight tolerance) in the top band of a chart, where the markers sit. */
async function markerPixels(canvas: Locator): Promise<number> {
  return canvas.evaluate((element) => {
    const c = element as HTMLCanvasElement;
    const ctx = c.getContext('2d')!;
    const probe = document.createElement('span');
    probe.style.color = 'var(--chart-flag)';
    document.body.append(probe);
    const [r, g, b] = getComputedStyle(probe).color.match(/\d+/g)!.map(Number) as [number, number, number];
    probe.remove();
    const band = Math.round(c.height * 0.2);
    const { data } = ctx.getImageData(0, 0, c.width, band);
    let count = 0;
    for (let i = 0; i < data.length; i += 4) {
      const near = Math.abs(data[i]! - r) < 12 && Math.abs(data[i + 1]! - g) < 12 && Math.abs(data[i + 2]! - b) < 12;
      if (near && data[i + 3]! > 200) count++;
    }
    return count;
  });
}

function card(app: Page, title: string): Locator {
  return app.getByRole('region', { name: title, exact: true });
}

async function openInsights(app: Page): Promise<void> {
  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Insights' }).click();
  await expect(app.getByRole('heading', { name: 'Insights', level: 1 })).toBeVisible();
}

test.describe('with twenty weeks logged', () => {
  test.use({ seed: insightsSeed() });
  // Each test also runs the CLI (tsx start-up), which is slow on a busy machine.
  test.describe.configure({ timeout: 60_000 });

  test('the charts are drawn and the numbers are the command line’s', async ({ app, dataDir }) => {
    const cli = await cliReport(dataDir);
    expect(cli.weeks.length).toBeGreaterThanOrEqual(20);
    await openInsights(app);

    // Four charts, each an image with a description, each really painted with its series colour.
    const charts = app.locator('canvas[role="img"]');
    await expect(charts).toHaveCount(4);
    const series: Array<[string, string]> = [
      ['Core sessions and back pain by week', '--pain'],
      ['Core sessions and back pain later (exploratory)', '--pain'],
      ['Pain map', '--pain'],
      ['Core endurance', '--chart-plank'],
    ];
    for (const [title, colour] of series) {
      const canvas = card(app, title).locator('canvas');
      await expect(canvas).toHaveAttribute('aria-label', /.+/);
      await expect.poll(async () => (await paintOf(canvas, colour)).inColour, { message: title }).toBeGreaterThan(50);
    }
    // The trend chart's bars are drawn in the core-session colour.
    const trend = card(app, 'Core sessions and back pain by week');
    expect((await paintOf(trend.locator('canvas'), '--strength')).inColour).toBeGreaterThan(500);
    // ...and the seeded log's flags are marked along its top in the flag colour.
    expect(await markerPixels(trend.locator('canvas'))).toBeGreaterThan(50);

    // The relationship for a one-week lag, as the CLI computed it.
    const relationship = card(app, 'Core sessions and back pain later (exploratory)');
    const lag1 = cli.correlations[1]!;
    expect(lag1.rho).not.toBeNull();
    await expect(relationship.getByRole('button', { name: '1 week later' })).toHaveAttribute('aria-pressed', 'true');
    const sentence = relationship.locator('.insight-sentence');
    await expect(sentence).toHaveText(lag1.sentence);
    await expect(sentence).toContainText(`rho ${two(lag1.rho!)}`);
    const figures = relationship.locator('.insight-stats');
    await expect(figures).toContainText(`Pairs of weeks (n)${lag1.n}`);
    await expect(figures).toContainText(`Spearman rho${two(lag1.rho!)}`);
    await expect(figures).toContainText(`95% interval${two(lag1.ci95![0])} to ${two(lag1.ci95![1])}`);
    await expect(figures).toContainText(`Adjusted for running distance${two(lag1.partialRho!)}`);

    // Another lag: other points on the scatter, other figures.
    const scatter = relationship.locator('canvas');
    const before = await paintOf(scatter, '--pain');
    await relationship.getByRole('button', { name: 'Same week' }).click();
    const lag0 = cli.correlations[0]!;
    await expect(figures).toContainText(`Weeks (n)${lag0.n}`);
    await expect(figures).toContainText(`Spearman rho${two(lag0.rho!)}`);
    await expect(sentence).toHaveText(lag0.sentence);
    await expect.poll(async () => (await paintOf(scatter, '--pain')).fingerprint).not.toBe(before.fingerprint);
    await expect(relationship.getByRole('img')).toHaveAttribute('aria-label', new RegExp(`${lag0.n} weeks`));

    // The day-level comparison, as the CLI computed it.
    const days = card(app, 'Day by day: after a core session vs. other days (exploratory)');
    await expect(days).toContainText(`${cli.dayLevel.withCore.n} days`);
    await expect(days).toContainText(`${cli.dayLevel.withoutCore.n} days`);
    await expect(days).toContainText(two(cli.dayLevel.difference!));
    // ...beside the same comparison adjusted for the previous day's pain.
    const adjusted = days
      .getByRole('definition')
      // The adjusted figure ends with the days it rests on; the raw difference above does not.
      .filter({ hasText: /points \(95% interval [^)]*\), \d+ days|needs ratings on two days/ });
    await expect(adjusted).toHaveCount(1);
  });

  test('the headline answer comes first, as the command line computed it, above the exploration', async ({
    app,
    dataDir,
  }) => {
    const cli = await cliReport(dataDir);
    await openInsights(app);
    const headline = card(app, 'Does your back hurt less the week after more core work?');
    await expect(headline).toContainText(cli.headline.sentence);
    if (cli.headline.estimate !== null) {
      await expect(headline.locator('.insight-stats')).toContainText(`Weeks (n)${cli.headline.n}`);
    }
    await headline.getByText('How this answer is worked out').click();
    await expect(headline).toContainText(cli.headline.method);
    // It is the first card, and the exploration is labelled as such below it.
    const headings = await app.locator('main h2').allTextContents();
    expect(headings[0]).toBe('Does your back hurt less the week after more core work?');
    expect(headings.indexOf('Exploration')).toBeGreaterThan(0);
    expect(headings.indexOf('Exploration')).toBeLessThan(
      headings.indexOf('Core sessions and back pain later (exploratory)'),
    );
  });

  test('flags are listed, marked on the trend and shown in the journal', async ({ app, dataDir }) => {
    const cli = await cliReport(dataDir);
    const duringRun = cli.flags.find((f) => f.rule === 'Pain during a run above 5/10');
    expect(duringRun, 'the seed has a painful run').toBeDefined();
    await openInsights(app);

    const flags = card(app, 'Flags');
    await flags.getByRole('button', { name: `Show all ${cli.flags.length} flags` }).click();
    await expect(flags.getByRole('listitem')).toHaveCount(cli.flags.length);
    await expect(flags.getByRole('listitem').filter({ hasText: 'Pain during a run above 5/10' })).toContainText(
      duringRun!.detail,
    );

    // Persistent pain: a calm card with the warning signs.
    const persistent = card(app, 'Worth having your back looked at');
    await expect(persistent).toContainText('physical therapist or doctor');
    await persistent.getByText('Warning signs that need prompt medical attention').click();
    await expect(persistent.getByRole('listitem').first()).toBeVisible();

    // The trend chart's table names the rules of each week's flags.
    const trend = card(app, 'Core sessions and back pain by week');
    await trend.getByRole('button', { name: 'Show as table' }).click();
    await expect(trend.getByRole('table')).toContainText('Pain during a run above 5/10');

    // In the journal, the day of the painful run carries a badge with the rule.
    await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journal' }).click();
    const day = app
      .locator('.day')
      .filter({ has: app.locator('.flag-badge', { hasText: 'Pain during a run above 5/10' }) });
    await expect(day).toHaveCount(1);
    await expect(day.locator('.flag-badge').first()).toBeVisible();
  });

  test('each chart can be read as a table, and the range selector limits the weeks', async ({ app, dataDir }) => {
    const cli = await cliReport(dataDir);
    await openInsights(app);
    const trend = card(app, 'Core sessions and back pain by week');
    const toggle = trend.getByRole('button', { name: 'Show as table' });
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    const table = trend.getByRole('table', { name: 'Core sessions, run distance and back pain by week' });
    await expect(table).toBeVisible();
    await expect(trend.locator('canvas')).toHaveCount(0);
    // One row per week (the default range, 1 year, holds them all), with the CLI's numbers.
    await expect(table.locator('tbody tr')).toHaveCount(cli.weeks.length);
    const lastWeek = cli.weeks.at(-1)!;
    const lastRow = table.locator('tbody tr').last();
    await expect(lastRow.locator('td').first()).toHaveText(String(lastWeek.coreSessions));
    await expect(lastRow).toContainText(lastWeek.meanBackPain!.toFixed(1));

    await app.getByRole('group', { name: 'Time range' }).getByRole('button', { name: '12 weeks' }).click();
    await expect(table.locator('tbody tr')).toHaveCount(12);

    // The other charts have tables too.
    for (const title of ['Core sessions and back pain later (exploratory)', 'Pain map', 'Core endurance']) {
      const other = card(app, title);
      await other.getByRole('button', { name: 'Show as table' }).click();
      await expect(other.getByRole('table')).toBeVisible();
      await expect(other.getByRole('table').locator('caption')).not.toBeEmpty();
    }
    await expect(card(app, 'Pain map').getByRole('table')).toContainText('Knee');

    // The tables are as accessible as the rest of the app (axe, WCAG 2 A/AA).
    const results = await new AxeBuilder({ page: app }).include('.insights').withTags(['wcag2a', 'wcag2aa']).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
  });
});

test.describe('with six and a half years logged', () => {
  test.use({ seed: longSeed() });
  test.describe.configure({ timeout: 60_000 });

  test('long ranges are merged into multi-week points and still draw quickly', async ({ app }) => {
    await openInsights(app);
    await app.getByRole('group', { name: 'Time range' }).getByRole('button', { name: 'All' }).click();
    const trend = card(app, 'Core sessions and back pain by week');
    await expect(trend).toContainText('Each point is the average of 2 weeks');
    const started = Date.now();
    await expect.poll(async () => (await paintOf(trend.locator('canvas'), '--strength')).inColour).toBeGreaterThan(500);
    expect(Date.now() - started).toBeLessThan(3000);
    await app.getByRole('group', { name: 'Time range' }).getByRole('button', { name: '1 year' }).click();
    await expect(trend).not.toContainText('Each point is the average');
  });
});

test('an empty log says what to log to get insights', async ({ app }) => {
  await openInsights(app);
  await expect(app.getByRole('heading', { name: 'No insights yet' })).toBeVisible();
  await expect(app.getByText(/lower-back pain rating a few times a week/)).toBeVisible();
  await expect(app.locator('canvas')).toHaveCount(0);
  await app.getByRole('button', { name: 'Log a core session' }).click();
  await expect(app.getByRole('dialog', { name: 'New session' })).toBeVisible();
});
