import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/dispatch';
import type { JournalPage } from '../../shared/api';
import type { PainRating, Run } from '../../shared/model';
import { daysAgo, openTestApp } from '../helpers';

type Handlers = ReturnType<typeof openTestApp>['handlers'];

async function list(handlers: Handlers, query: object): Promise<JournalPage> {
  const result = await dispatch(handlers, 'journal:list', query);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as JournalPage;
}

async function save<T>(handlers: Handlers, method: 'runs:save' | 'pain:save' | 'strength:save', input: object) {
  const result = await dispatch(handlers, method, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

describe('journal filters, week totals and links', () => {
  it('finds notes, dates, pain kind and location, and counts what matches', async () => {
    const { handlers } = openTestApp();
    await save<Run>(handlers, 'runs:save', { date: daysAgo(10), distanceKm: 5, durationS: 1800, notes: 'Hilly loop' });
    await save<Run>(handlers, 'runs:save', { date: daysAgo(2), distanceKm: 8, durationS: 2700, notes: 'flat, windy' });
    await save(handlers, 'pain:save', { date: daysAgo(2), score: 4, kind: 'muscular', location: 'hip' });
    await save(handlers, 'pain:save', { date: daysAgo(1), score: 2, kind: 'bone_like', notes: 'windy morning' });

    const windy = await list(handlers, { search: 'WINDY' });
    expect(windy.entries.map((e) => e.record.notes)).toEqual(['windy morning', 'flat, windy']);
    expect(windy.matching).toBe(2);
    expect((await list(handlers, { search: 'hilly loop' })).matching).toBe(1);
    expect((await list(handlers, { search: 'loop windy' })).matching).toBe(0);

    const recent = await list(handlers, { from: daysAgo(2), to: daysAgo(2) });
    expect(recent.entries.map((e) => e.type).sort()).toEqual(['pain', 'run']);

    const muscular = await list(handlers, { painKind: 'muscular' });
    expect(muscular.entries.map((e) => e.type)).toEqual(['pain']);
    expect((await list(handlers, { painLocation: 'lower_back' })).entries).toHaveLength(1);
    expect((await list(handlers, {})).matching).toBe(4);

    const backwards = await dispatch(handlers, 'journal:list', { from: daysAgo(1), to: daysAgo(5) });
    expect(backwards).toMatchObject({ ok: false, error: { field: 'to' } });
  });

  it('gives each page the totals of the weeks its entries fall in, and the run and pain links both ways', async () => {
    const { handlers, repo } = openTestApp();
    await repo.updateSettings({ ...repo.settings, weekStartsOn: 1 });
    const run = await save<Run>(handlers, 'runs:save', { date: '2026-01-06', distanceKm: 10, durationS: 3000 });
    await save<Run>(handlers, 'runs:save', { date: '2026-01-08', distanceKm: 5, durationS: 1500 });
    const pain = await save<PainRating>(handlers, 'pain:save', {
      date: '2026-01-06',
      score: 4,
      timing: 'after_run',
      runId: run.id,
    });
    await save(handlers, 'pain:save', { date: '2026-01-07', score: 2 });
    await save(handlers, 'strength:save', { date: '2026-01-07', items: [{ exercise: 'plank', holdS: 40 }] });

    const page = await list(handlers, { type: 'run', to: '2026-01-06' });
    expect(page.entries).toHaveLength(1);
    // The week of Monday 5 January, whole: both runs, the core session, the mean of both ratings.
    expect(page.weeks).toEqual([
      expect.objectContaining({ weekStart: '2026-01-05', runs: 2, runKm: 15, coreSessions: 1, meanBackPain: 3 }),
    ]);
    expect(page.linkedPain[run.id]).toEqual([{ id: pain.id, score: 4, timing: 'after_run' }]);
    const painPage = await list(handlers, { type: 'pain' });
    expect(painPage.linkedRun[pain.id]).toMatchObject({ id: run.id, distanceKm: 10 });
  });
});
