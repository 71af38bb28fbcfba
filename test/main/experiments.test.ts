// The experiment through the dispatcher (the path every door takes) and through the CLI:
// the plan and its random order, one at a time, abandoning, the result, storage, backup,
// restore and export.
import { describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../main/cli';
import { dispatch } from '../../main/dispatch';
import { backupNow, restoreBackup } from '../../main/store/backups';
import type { ExportedFile } from '../../shared/api';
import { analyseExperiment, type Experiment, type ExperimentResult } from '../../shared/experiment';
import { EXPERIMENT_CSV_COLUMNS } from '../../shared/experiment/csv';
import { localToday } from '../../shared/model';
import { daysAgo, openTestApp, tempDir } from '../helpers';

type Ctx = ReturnType<typeof openTestApp>;

async function call<T>(ctx: Ctx, method: string, input?: unknown): Promise<T> {
  const result = await dispatch(ctx.handlers, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

function captureIo(): CliIo & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (l) => lines.push(l), err: (l) => errors.push(l) };
}

const PLAN = { periodDays: 7, cycles: 3, washoutDays: 2 } as const;

/** A plan that ended yesterday: 3 cycles of 7 days. */
const pastStart = () => daysAgo(2 * 3 * 7);

/** Lower-back ratings every day (2 in core periods, 5 in usual ones), and a knee at 10 that must not count. */
async function logPlan(ctx: Ctx, experiment: Experiment) {
  for (const period of experiment.periods) {
    for (let day = 0; day < 7; day++) {
      const date = shift(period.start, day);
      if (date > localToday()) continue;
      await call(ctx, 'pain:save', { date, score: period.condition === 'core' ? 2 : 5 });
      if (day === 3) await call(ctx, 'pain:save', { date, score: 10, location: 'knee' });
      if (period.condition === 'core')
        await call(ctx, 'strength:save', { date, items: [{ exercise: 'plank', sets: 3, holdS: 40 }] });
    }
  }
}

function shift(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

describe('experiments:create', () => {
  it('returns the plan in the contract shape: cycles of one core and one usual period, back to back', async () => {
    const ctx = openTestApp();
    const startDate = shift(localToday(), 3);
    const experiment = await call<Experiment>(ctx, 'experiments:create', { startDate, ...PLAN });
    expect(Object.keys(experiment).sort()).toEqual(
      ['cycles', 'id', 'name', 'periodDays', 'periods', 'startDate', 'status', 'washoutDays'].sort(),
    );
    expect(experiment).toMatchObject({
      startDate,
      ...PLAN,
      status: 'planned',
      name: `Core work experiment from ${startDate}`,
    });
    expect(experiment.periods).toHaveLength(6);
    let expectedStart = startDate;
    experiment.periods.forEach((period, i) => {
      expect(Object.keys(period).sort()).toEqual(['condition', 'cycle', 'end', 'start']);
      expect(period.cycle).toBe(Math.floor(i / 2) + 1);
      expect(period.start).toBe(expectedStart);
      expect(period.end).toBe(shift(period.start, 6));
      expectedStart = shift(period.end, 1);
    });
    for (let c = 1; c <= 3; c++) {
      expect(
        experiment.periods
          .filter((p) => p.cycle === c)
          .map((p) => p.condition)
          .sort(),
      ).toEqual(['core', 'usual']);
    }
  });

  it('refuses a bad plan with a field message and stores nothing', async () => {
    const ctx = openTestApp();
    const start = daysAgo(0);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ startDate: start, periodDays: 10, cycles: 6, washoutDays: 2 }, 'periodDays'],
      [{ startDate: start, periodDays: 7, cycles: 2, washoutDays: 2 }, 'cycles'],
      [{ startDate: start, periodDays: 7, cycles: 9, washoutDays: 2 }, 'cycles'],
      [{ startDate: start, periodDays: 7, cycles: 6, washoutDays: 4 }, 'washoutDays'],
      [{ startDate: '2026-02-30', periodDays: 7, cycles: 6, washoutDays: 2 }, 'startDate'],
      // The order is drawn by the app: it cannot be handed in.
      [{ startDate: start, periodDays: 7, cycles: 3, washoutDays: 2, periods: [] }, ''],
    ];
    for (const [input, field] of cases) {
      const result = await dispatch(ctx.handlers, 'experiments:create', input);
      expect(result, JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      if (field) expect(result).toMatchObject({ error: { field } });
    }
    expect(ctx.repo.count('experiment')).toBe(0);
  });

  it('allows a past start date, and runs one experiment at a time', async () => {
    const ctx = openTestApp();
    const first = await call<Experiment>(ctx, 'experiments:create', { startDate: daysAgo(10), ...PLAN });
    expect(first.status).toBe('running');
    const second = await dispatch(ctx.handlers, 'experiments:create', { startDate: daysAgo(0), ...PLAN });
    expect(second).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(second.ok ? '' : second.error.message).toMatch(/only one experiment can run at a time/);
    await call(ctx, 'experiments:abandon', { id: first.id });
    await call<Experiment>(ctx, 'experiments:create', { startDate: daysAgo(0), ...PLAN });
    expect(ctx.repo.count('experiment')).toBe(2);
  });

  it('draws the order at random for every cycle (both orders turn up; about half each)', async () => {
    const ctx = openTestApp();
    let coreFirst = 0;
    let cycles = 0;
    for (let i = 0; i < 25; i++) {
      const e = await call<Experiment>(ctx, 'experiments:create', {
        startDate: daysAgo(0),
        periodDays: 7,
        cycles: 8,
        washoutDays: 0,
      });
      coreFirst += e.periods.filter((p, j) => j % 2 === 0 && p.condition === 'core').length;
      cycles += 8;
      await call(ctx, 'experiments:abandon', { id: e.id });
    }
    // 200 fair draws: outside 60..140 has probability below 1e-8.
    expect(coreFirst).toBeGreaterThan(60);
    expect(coreFirst).toBeLessThan(cycles - 60);
  });
});

describe('experiments:abandon and experiments:list', () => {
  it('keeps an abandoned plan in the log with its periods unchanged and its partial result', async () => {
    const ctx = openTestApp();
    const experiment = await call<Experiment>(ctx, 'experiments:create', {
      startDate: daysAgo(20),
      ...PLAN,
      name: 'Spring',
    });
    await logPlan(ctx, experiment);
    const abandoned = await call<Experiment>(ctx, 'experiments:abandon', { id: experiment.id });
    expect(abandoned).toEqual({ ...experiment, status: 'abandoned' });
    expect(await call<Experiment[]>(ctx, 'experiments:list')).toEqual([abandoned]);
    const result = await call<ExperimentResult>(ctx, 'experiments:result', { id: experiment.id });
    expect(result.status).toBe('abandoned');
    expect(result.usable).toBeGreaterThanOrEqual(1);
    expect(result.sentence).toMatch(/abandoned, so this is a partial result/);
    expect(await dispatch(ctx.handlers, 'experiments:abandon', { id: experiment.id })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'id' },
    });
    expect(
      await dispatch(ctx.handlers, 'experiments:abandon', { id: '00000000-0000-4000-8000-000000000000' }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('does not abandon a plan that has ended', async () => {
    const ctx = openTestApp();
    const experiment = await call<Experiment>(ctx, 'experiments:create', { startDate: pastStart(), ...PLAN });
    expect(experiment.status).toBe('completed');
    expect(await dispatch(ctx.handlers, 'experiments:abandon', { id: experiment.id })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });
});

describe('experiments:result', () => {
  it('gives the contract shape with the figures of the pure analysis; knee ratings do not count', async () => {
    const ctx = openTestApp();
    const experiment = await call<Experiment>(ctx, 'experiments:create', { startDate: pastStart(), ...PLAN });
    await logPlan(ctx, experiment);
    const result = await call<ExperimentResult>(ctx, 'experiments:result', { id: experiment.id });
    expect(Object.keys(result).sort()).toEqual(
      ['adherence', 'ci95', 'claim', 'cycles', 'estimate', 'pRandomization', 'sentence', 'status', 'usable'].sort(),
    );
    expect(result).toMatchObject({
      status: 'completed',
      usable: 3,
      estimate: -3,
      ci95: [-3, -3],
      pRandomization: 0.25,
      claim: 'no_clear_difference',
      adherence: { coreSessionsPerWeekInCore: 7, coreSessionsPerWeekInUsual: 0 },
    });
    expect(result.cycles).toEqual([1, 2, 3].map((cycle) => ({ cycle, coreMean: 2, usualMean: 5, difference: -3 })));
    expect(result.sentence).toContain('the smallest possible p is 0.25');
    const pure = analyseExperiment(experiment, {
      pain: ctx.repo.all('pain'),
      strength: ctx.repo.all('strength'),
      customExercises: [],
      today: localToday(),
    });
    expect(result).toEqual(pure.result);
  });

  it('answers an unknown id with not_found', async () => {
    const ctx = openTestApp();
    expect(
      await dispatch(ctx.handlers, 'experiments:result', { id: '00000000-0000-4000-8000-000000000000' }),
    ).toMatchObject({ ok: false, error: { code: 'not_found', field: 'id' } });
  });
});

describe('experiments are stored like the rest of the log', () => {
  it('in experiments-YYYY.json, reopened, backed up, restored and exported as CSV', async () => {
    const dataDir = tempDir();
    const ctx = openTestApp(dataDir);
    const experiment = await call<Experiment>(ctx, 'experiments:create', { startDate: pastStart(), ...PLAN });
    await logPlan(ctx, experiment);
    const backup = await backupNow(ctx.repo);
    await ctx.repo.close();

    const reopened = openTestApp(dataDir);
    expect(await call<Experiment[]>(reopened, 'experiments:list')).toEqual([experiment]);
    const fileName = `experiments-${experiment.startDate.slice(0, 4)}.json`;
    expect(reopened.repo.get('experiment', experiment.id)?.periods).toEqual(experiment.periods);
    expect(fileName).toMatch(/^experiments-\d{4}\.json$/);

    // A later plan, then restore the backup: the log is as it was, the first plan included.
    const later = await call<Experiment>(reopened, 'experiments:create', { startDate: daysAgo(0), ...PLAN });
    await restoreBackup(reopened.repo, backup.file);
    expect((await call<Experiment[]>(reopened, 'experiments:list')).map((e) => e.id)).toEqual([experiment.id]);
    expect(reopened.repo.get('experiment', later.id)).toBeUndefined();

    const csv = await call<ExportedFile>(reopened, 'export:csv', { kind: 'experiments' });
    const lines = csv.content
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(EXPERIMENT_CSV_COLUMNS.join(','));
    expect(csv.rows).toBe(6);
    const first = experiment.periods[0]!;
    expect(lines[1]).toBe(
      `${experiment.id},Core work experiment from ${experiment.startDate},completed,1,${first.condition},${first.start},${first.end},2,5,5,${first.condition === 'core' ? 2 : 5},${first.condition === 'core' ? 7 : 0},-3`,
    );
  });
});

describe('the CLI', () => {
  it('reaches the experiment through call, and insights --json carries the running one', async () => {
    const dataDir = tempDir();
    const io = captureIo();
    const input = JSON.stringify({ startDate: daysAgo(15), ...PLAN, name: 'Via CLI' });
    expect(await runCli(['call', 'experiments:create', input, '--data-dir', dataDir], io)).toBe(0);
    const created = JSON.parse(io.lines.join('\n')) as Experiment;
    expect(created).toMatchObject({ name: 'Via CLI', status: 'running' });

    const result = captureIo();
    expect(
      await runCli(['call', 'experiments:result', JSON.stringify({ id: created.id }), '--data-dir', dataDir], result),
    ).toBe(0);
    expect(JSON.parse(result.lines.join('\n'))).toMatchObject({ status: 'running', claim: 'not_enough_data' });

    const insights = captureIo();
    expect(await runCli(['insights', '--json', '--data-dir', dataDir], insights)).toBe(0);
    const report = JSON.parse(insights.lines.join('\n')) as { experiment: Experiment & { result: ExperimentResult } };
    expect(report.experiment).toMatchObject({ id: created.id, name: 'Via CLI', status: 'running' });
    expect(report.experiment.result).toMatchObject({ usable: 0, claim: 'not_enough_data' });

    const abandon = captureIo();
    expect(
      await runCli(['call', 'experiments:abandon', JSON.stringify({ id: created.id }), '--data-dir', dataDir], abandon),
    ).toBe(0);
    const after = captureIo();
    expect(await runCli(['insights', '--json', '--data-dir', dataDir], after)).toBe(0);
    expect((JSON.parse(after.lines.join('\n')) as { experiment: unknown }).experiment).toBeNull();
  });
});
