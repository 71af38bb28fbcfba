// The report through the contract (dispatch), as the Report screen reaches it, and the report
// settings it keeps beside the log.
import { describe, expect, it } from 'vitest';
import { openApp } from '../../main/context';
import { dispatch } from '../../main/dispatch';
import type { BuiltReport } from '../../shared/report';
import type { Settings } from '../../shared/model';
import { daysAgo, openTestApp, tempDir } from '../helpers';

describe('report:build and report settings', () => {
  it('builds the last 4 weeks with the name, questions and ticked warning signs from the settings', async () => {
    const { handlers } = openTestApp();
    await dispatch(handlers, 'runs:save', { date: daysAgo(3), distanceKm: 8, durationS: 2700 });
    const saved = await dispatch(handlers, 'settings:update', {
      name: 'Sam',
      report: { questions: 'Can I run hills?', warningSigns: ['Weakness in one leg.'] },
    });
    expect(saved.ok).toBe(true);
    const result = await dispatch(handlers, 'report:build', { weeks: 4 });
    expect(result.ok).toBe(true);
    const report = (result as { value: BuiltReport }).value;
    expect(report.weeks).toBe(4);
    expect(report.html).toContain('Sam');
    expect(report.html).toContain('Can I run hills?');
    expect(report.html).toContain('Weakness in one leg.');
    expect(report.fileStem).toBe(`backstride-report-${report.from}-to-${daysAgo(0)}`);
  });

  it('shows the experiment that ran in the range with its result, and none outside it', async () => {
    const { handlers } = openTestApp();
    const created = await dispatch(handlers, 'experiments:create', {
      startDate: daysAgo(50),
      periodDays: 7,
      cycles: 3,
      washoutDays: 0,
      name: 'Core or not',
    });
    expect(created.ok).toBe(true);
    const within = (await dispatch(handlers, 'report:build', { weeks: 12 })) as { value: BuiltReport };
    expect(within.value.html).toContain('<strong>Core or not</strong>');
    expect(within.value.html).not.toContain('No core-work experiment ran in these weeks.');
    const before = (await dispatch(handlers, 'report:build', { from: daysAgo(120), to: daysAgo(90) })) as {
      value: BuiltReport;
    };
    expect(before.value.html).toContain('No core-work experiment ran in these weeks.');
  });

  it('changes report settings field by field: saving the questions keeps the chosen range', async () => {
    const { handlers } = openTestApp();
    await dispatch(handlers, 'settings:update', { report: { range: 'custom', from: '2026-01-05', to: '2026-02-01' } });
    const result = await dispatch(handlers, 'settings:update', { report: { questions: 'Why?' } });
    expect((result as { value: Settings }).value.report).toEqual({
      range: 'custom',
      from: '2026-01-05',
      to: '2026-02-01',
      questions: 'Why?',
      warningSigns: [],
    });
  });

  it.each([
    [{ from: '2026-03-10', to: '2026-03-01' }, 'from', 'The start (2026-03-10) is after the end (2026-03-01).'],
    [{ from: '2026-13-01' }, 'from', 'from: Enter a real date as YYYY-MM-DD.'],
    [{ weeks: 4, from: '2026-03-01' }, 'weeks', 'weeks: Give either a number of weeks or dates, not both.'],
    [{ to: '2026-03-01' }, 'from', 'from: Give a start date (from).'],
  ])('refuses %j, naming the field', async (input, field, message) => {
    const { handlers } = openTestApp();
    const result = await dispatch(handlers, 'report:build', input);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', field, message } });
  });
});

describe('report:savePdf', () => {
  it('hands the request to the desktop app, and elsewhere says to print to PDF instead', async () => {
    const asked: unknown[] = [];
    const desktop = openApp({
      dataDir: tempDir(),
      mode: 'electron',
      desktop: {
        savePdf: async (request) => {
          asked.push(request);
          return '/home/alex/report.pdf';
        },
      },
    });
    const input = { fileName: 'backstride-report-2026-09-07-to-2026-11-29.pdf', paper: 'Letter' };
    expect(await dispatch(desktop.handlers, 'report:savePdf', input)).toEqual({
      ok: true,
      value: { path: '/home/alex/report.pdf' },
    });
    expect(asked).toEqual([input]);

    const bad = await dispatch(desktop.handlers, 'report:savePdf', { fileName: '../x.sh', paper: 'A4' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'fileName' } });
    expect(asked).toHaveLength(1);

    const browser = openTestApp();
    const refused = await dispatch(browser.handlers, 'report:savePdf', { fileName: 'r.pdf', paper: 'A4' });
    expect(refused).toMatchObject({ ok: false, error: { message: /Print and choose 'Save as PDF'/ } });
  });
});
