// The Report screen in browser mode on a seeded log: it shows the report as it will print, its
// weekly table carries the same numbers as `insights --json` for the same weeks, the printed
// PDF of 12 weeks fits on two A4 pages, and printing shows the report alone, black on white.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import AxeBuilder from '@axe-core/playwright';
import type { InsightsReport } from '../shared/insights/types';
import { expect, test } from './fixtures';
import { insightsSeed } from './seedData';

const run = promisify(execFile);

async function cliInsights(dataDir: string): Promise<InsightsReport> {
  const tsx = path.join('node_modules', '.bin', 'tsx');
  const { stdout } = await run(tsx, ['main/cli.ts', 'insights', '--json', '--data-dir', dataDir]);
  return JSON.parse(stdout) as InsightsReport;
}

/** Pages in a PDF made by Chromium: one "/Type /Page" object per page. */
function pdfPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
}

test.describe('Report screen', () => {
  test.use({ seed: { ...insightsSeed(), settings: { theme: 'dark', name: 'Alex Runner' } } });
  // Each test runs the command line, axe and a PDF print: more than the default 30 s on a loaded machine.
  test.describe.configure({ timeout: 120_000 });

  test('shows 12 weeks as printed, with the numbers of insights --json, on at most two A4 pages', async ({
    app,
    dataDir,
  }) => {
    await app.getByRole('link', { name: 'Insights' }).click();
    await app.getByRole('button', { name: 'Report for your physio…' }).click();
    await expect(app.getByRole('heading', { level: 1, name: 'Report for your physio' })).toBeVisible();
    await expect(app.getByRole('radio', { name: 'Last 12 weeks' })).toBeChecked();

    const report = app.getByRole('article', { name: 'Report for the physiotherapist' });
    await expect(report.getByRole('heading', { level: 1 })).toHaveText('Running and back pain: 12 weeks');
    await expect(report).toContainText('Alex Runner');
    await expect(report).toContainText('Made with Backstride: a self-kept log, not a medical record.');
    await expect(report.getByRole('img', { name: 'Core sessions and mean lower-back pain by week' })).toBeVisible();
    await expect(report.getByRole('img', { name: 'Days with pain per week by location and by kind' })).toBeVisible();

    // The weekly table, read from the page, against the command line's numbers for the same weeks.
    const insights = await cliInsights(dataDir);
    const headline = (insights as { headline?: { claim: string; sentence: string } }).headline;
    if (!headline || headline.claim === 'not_enough_data') await expect(report).toContainText('Not enough data yet');
    else await expect(report).toContainText(headline.sentence);
    const weeks = insights.weeks.slice(-12);
    const table = report.getByRole('table', { name: 'Summary by week' });
    const rows = table.locator('tbody tr');
    await expect(rows).toHaveCount(12);
    const read = await rows.evaluateAll((trs) =>
      trs.map((tr) => ({
        week: tr.getAttribute('data-week'),
        cells: [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''),
      })),
    );
    expect(read.map((r) => r.week)).toEqual(weeks.map((w) => w.weekStart));
    for (const [i, { cells }] of read.entries()) {
      const w = weeks[i]!;
      const [runs, km, , core, mean, worst, painDays] = cells;
      expect({ runs, km, core, mean, worst, painDays }).toEqual({
        runs: String(w.runs),
        km: w.runKm.toFixed(1),
        core: String(w.coreSessions),
        mean: w.meanBackPain === null ? '–' : w.meanBackPain.toFixed(1),
        worst: w.maxBackPain === null ? '–' : w.maxBackPain.toFixed(0),
        painDays: String(w.painDays),
      });
    }
    const totals = await table.locator('tfoot td').allTextContents();
    expect(totals[0]).toBe(String(weeks.reduce((n, w) => n + w.runs, 0)));
    expect(totals[3]).toBe(String(weeks.reduce((n, w) => n + w.coreSessions, 0)));

    // The report's own stylesheet applies (the CSP allows it), and the sheet stays white in the dark theme.
    await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await table.evaluate((t) => getComputedStyle(t).borderCollapse)).toBe('collapse');
    expect(await report.evaluate((a) => getComputedStyle(a).backgroundColor)).toBe('rgb(255, 255, 255)');

    // No serious or critical accessibility problem on the screen (dark theme, white sheet).
    const axe = await new AxeBuilder({ page: app }).withTags(['wcag2a', 'wcag2aa']).analyze();
    const serious = axe.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
    expect(serious).toEqual([]);

    // Printed: only the report, and 12 weeks fit on two A4 pages.
    await app.emulateMedia({ media: 'print' });
    await expect(app.getByRole('navigation', { name: 'Main' })).toBeHidden();
    await expect(app.getByRole('button', { name: 'Print' })).toBeHidden();
    await expect(report).toBeVisible();
    const pdf = await app.pdf({ format: 'A4', printBackground: true });
    const pages = pdfPages(pdf);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    // Kept for a look (and the README's picture): pdftoppm -png .tmp/report/report-12-weeks.pdf
    fs.mkdirSync('.tmp/report', { recursive: true });
    fs.writeFileSync('.tmp/report/report-12-weeks.pdf', pdf);
  });

  test('keeps the questions and ticked warning signs, and refuses a start after the end', async ({ app }) => {
    // Ctrl+Shift+P opens it, as File › Report… does in the desktop app.
    await app.keyboard.press('Control+Shift+KeyP');
    await expect(app.getByRole('heading', { level: 1, name: 'Report for your physio' })).toBeVisible();
    const report = app.getByRole('article', { name: 'Report for the physiotherapist' });

    await app.getByRole('textbox', { name: 'Questions for my physio' }).fill('Can I keep running hills?');
    // The box is ticked once the setting is saved (a round trip), so click and wait for it.
    const legs = app.getByRole('checkbox', { name: /Weakness or numbness in one or both legs/ });
    await legs.click();
    await expect(legs).toBeChecked();
    await expect(report).toContainText('Can I keep running hills?');
    await expect(report).toContainText('Weakness or numbness in one or both legs');

    await app.getByRole('radio', { name: 'Last 4 weeks' }).check();
    await expect(report.getByRole('heading', { level: 1 })).toHaveText('Running and back pain: 4 weeks');

    await app.getByRole('radio', { name: 'Custom dates' }).check();
    await app.getByLabel('From', { exact: true }).fill('2026-03-10');
    await app.getByLabel('To', { exact: true }).fill('2026-03-01');
    await expect(app.getByRole('alert')).toHaveText('The start (2026-03-10) is after the end (2026-03-01).');

    // Kept with the report settings: still there after a reload, range included.
    await app.reload();
    await expect(app.getByRole('heading', { level: 1, name: 'Report for your physio' })).toBeVisible();
    await expect(app.getByRole('textbox', { name: 'Questions for my physio' })).toHaveValue(
      'Can I keep running hills?',
    );
    await expect(app.getByRole('radio', { name: 'Custom dates' })).toBeChecked();
    await expect(app.getByLabel('From', { exact: true })).toHaveValue('2026-03-10');
  });
});
