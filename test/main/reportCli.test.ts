// `report` on the command line: one self-contained HTML file for the asked weeks, the same
// numbers as `insights --json`, and a clear error that writes nothing for a bad range.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../main/cli';
import { LogRepository } from '../../main/store/repository';
import { confFactory } from '../../main/store/storeFile';
import type { InsightsReport } from '../../shared/insights/types';
import { localToday } from '../../shared/model';
import { daysAgo, tempDir } from '../helpers';

function captureIo(): CliIo & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (l) => lines.push(l), err: (l) => errors.push(l) };
}

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Ten weeks of runs, back-pain ratings and planks, ending today. */
async function seededDir(): Promise<string> {
  const dir = tempDir();
  const repo = LogRepository.open({ dataDir: dir, factory: confFactory });
  for (let d = 0; d < 70; d += 2) {
    await repo.save('run', {
      id: id(d),
      date: daysAgo(d),
      distanceKm: 5 + (d % 7),
      durationS: 1800 + d * 30,
      source: 'manual',
    });
    await repo.save('pain', {
      id: id(1000 + d),
      date: daysAgo(d),
      score: d % 5,
      location: 'lower_back',
      side: 'centre',
      kind: 'muscular',
      timing: 'rest_day',
    });
    if (d % 4 === 0)
      await repo.save('strength', {
        id: id(2000 + d),
        date: daysAgo(d),
        items: [{ exercise: 'plank', holdS: 30 + d }],
      });
  }
  await repo.close();
  return dir;
}

async function insightsJson(dir: string): Promise<InsightsReport> {
  const io = captureIo();
  expect(await runCli(['insights', '--json', '--data-dir', dir], io)).toBe(0);
  return JSON.parse(io.lines.join('\n')) as InsightsReport;
}

/** The weekly table's body rows as [week start, cells...] read back from the HTML. */
function tableRows(html: string): Array<{ week: string; cells: string[] }> {
  const body = /<tbody>(.*?)<\/tbody>/s.exec(html)![1]!;
  return [...body.matchAll(/<tr data-week="([\d-]+)">(.*?)<\/tr>/gs)].map((m) => ({
    week: m[1]!,
    cells: [...m[2]!.matchAll(/<td>(.*?)<\/td>/g)].map((c) => c[1]!),
  }));
}

describe('cli report', () => {
  it('writes one self-contained HTML file whose table equals insights --json for the last 12 weeks', async () => {
    const dir = await seededDir();
    const out = path.join(tempDir(), 'report.html');
    const io = captureIo();
    expect(await runCli(['report', '--out', out, '--data-dir', dir], io)).toBe(0);
    expect(io.lines[0]).toMatch(/^Wrote the report for 12 weeks \(\d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d\) to /);
    const html = fs.readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/https?:/i);
    expect(html).not.toMatch(/<link|<img|@import|url\(/i);
    expect(html).toContain('<svg');

    const weeks = (await insightsJson(dir)).weeks.slice(-12);
    const rows = tableRows(html);
    // The log starts ten weeks ago, so 11 of the 12 weeks have rows (the first week of the log is partial).
    expect(rows.map((r) => r.week)).toEqual(weeks.map((w) => w.weekStart));
    for (const [i, row] of rows.entries()) {
      const w = weeks[i]!;
      const [runs, km, , core, mean, worst, painDays] = row.cells;
      expect(Number(runs)).toBe(w.runs);
      expect(km).toBe(w.runKm.toFixed(1));
      expect(Number(core)).toBe(w.coreSessions);
      expect(mean).toBe(w.meanBackPain === null ? '–' : w.meanBackPain.toFixed(1));
      expect(worst).toBe(w.maxBackPain === null ? '–' : w.maxBackPain.toFixed(0));
      expect(Number(painDays)).toBe(w.painDays);
    }
  });

  it('covers exactly the whole weeks holding --from and --to', async () => {
    const dir = await seededDir();
    const out = path.join(tempDir(), 'range.html');
    const from = daysAgo(30);
    const to = daysAgo(16);
    expect(await runCli(['report', '--from', from, '--to', to, '--out', out, '--data-dir', dir], captureIo())).toBe(0);
    const weeks = (await insightsJson(dir)).weeks;
    const expected = weeks.filter((w, i) => {
      const next = weeks[i + 1]?.weekStart ?? '9999-12-31';
      return next > from && w.weekStart <= to;
    });
    expect(expected.length).toBeGreaterThanOrEqual(3);
    expect(tableRows(fs.readFileSync(out, 'utf8')).map((r) => r.week)).toEqual(expected.map((w) => w.weekStart));
  });

  it.each([
    [['--from', '2026-11-10', '--to', '2026-11-01'], 'Error: The start (2026-11-10) is after the end (2026-11-01).'],
    [['--from', '2026-02-30'], 'Error: --from: Enter a real date as YYYY-MM-DD.'],
    [['--from', '2026-01-01', '--to', 'tomorrow'], 'Error: --to: Enter a real date as YYYY-MM-DD.'],
    [['--weeks', 'twelve'], 'Error: --weeks takes a whole number of weeks, e.g. --weeks 12 (got "twelve").'],
    [['--weeks', '200'], 'Error: --weeks: A report covers at most 104 weeks.'],
  ])('refuses %j with a clear message and writes nothing', async (args, message) => {
    const dir = await seededDir();
    const outDir = tempDir();
    const out = path.join(outDir, 'report.html');
    const io = captureIo();
    expect(await runCli(['report', ...args, '--out', out, '--data-dir', dir], io)).toBe(1);
    expect(io.errors[0]).toBe(
      `${message}\nUsage: report [--weeks N | --from YYYY-MM-DD [--to YYYY-MM-DD]] --out FILE.html`,
    );
    expect(fs.readdirSync(outDir)).toEqual([]);
  });

  it('refuses an end after today, and points from .pdf to .html', async () => {
    const dir = await seededDir();
    const outDir = tempDir();
    const late = captureIo();
    const tomorrow = new Date();
    tomorrow.setDate(tomorrow.getDate() + 1);
    const to = localToday(tomorrow);
    expect(
      await runCli(
        ['report', '--from', daysAgo(3), '--to', to, '--out', path.join(outDir, 'r.html'), '--data-dir', dir],
        late,
      ),
    ).toBe(1);
    expect(late.errors[0]).toContain(`The end (${to}) is after today`);
    const pdf = captureIo();
    expect(await runCli(['report', '--out', path.join(outDir, 'r.pdf'), '--data-dir', dir], pdf)).toBe(1);
    expect(pdf.errors[0]).toMatch(/cannot make a PDF here .* --out report\.html/);
    expect(fs.readdirSync(outDir)).toEqual([]);
  });
});
