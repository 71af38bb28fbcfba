import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/dispatch';
import { contract, type JournalPage } from '../../shared/api';
import type { PainRating, Run, Settings, SettingsPatch } from '../../shared/model';
import type { InsightsReport } from '../../shared/insights/types';
import { formatIsoDate } from '../../shared/textFormat';
import { daysAgo, openTestApp } from '../helpers';

describe('service through the dispatcher (the path every door takes)', () => {
  it('reports the app version from package.json and the data folder', async () => {
    const { handlers, dataDir } = openTestApp();
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { version: string };
    expect(await dispatch(handlers, 'app:info', undefined)).toMatchObject({
      ok: true,
      value: { version: pkg.version, dataDir, mode: 'browser' },
    });
  });

  it('saves a run with a new UUID and lists it in the journal', async () => {
    const { handlers } = openTestApp();
    const saved = await dispatch(handlers, 'runs:save', { date: daysAgo(1), distanceKm: 8, durationS: 2700 });
    expect(saved.ok).toBe(true);
    const run = (saved as { ok: true; value: Run }).value;
    expect(run.id).toMatch(/^[0-9a-f-]{36}$/);
    const page = (await dispatch(handlers, 'journal:list', {})) as { ok: true; value: JournalPage };
    expect(page.value.entries).toEqual([{ type: 'run', record: run }]);
    expect(page.value.counts).toEqual({ run: 1, pain: 0, strength: 0 });
  });

  it('answers bad input with a field error and changes nothing', async () => {
    const { handlers, repo } = openTestApp();
    const result = await dispatch(handlers, 'pain:save', { date: daysAgo(0), score: 11 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'score' } });
    expect(repo.count('pain')).toBe(0);
    expect(await dispatch(handlers, 'nope:nothing', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });
    expect(await dispatch(handlers, 'runs:delete', { id: 'not-a-uuid' })).toMatchObject({
      ok: false,
      error: { field: 'id' },
    });
  });

  it('reports a wrong distance itself, not as an impossible pace', async () => {
    const { handlers, repo } = openTestApp();
    const result = await dispatch(handlers, 'runs:save', { date: daysAgo(1), distanceKm: -3, durationS: 30 * 3600 });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'distanceKm: The distance must be more than 0.',
        field: 'distanceKm',
        issues: [{ field: 'distanceKm', message: 'The distance must be more than 0.' }],
      },
    });
    // With both fields valid, the pace rule still speaks.
    expect(await dispatch(handlers, 'runs:save', { date: daysAgo(1), distanceKm: 42, durationS: 60 })).toMatchObject({
      ok: false,
      error: { field: 'durationS', message: expect.stringMatching(/faster than any human/) },
    });
    expect(repo.count('run')).toBe(0);
  });

  it('refuses control characters in entered text, keeping tabs and line breaks', async () => {
    const { handlers, repo } = openTestApp();
    const base = { date: daysAgo(1), distanceKm: 5, durationS: 1800 };
    expect(await dispatch(handlers, 'runs:save', { ...base, notes: 'a\u0000b' })).toMatchObject({
      ok: false,
      error: { field: 'notes', message: expect.stringMatching(/control characters/) },
    });
    expect(await dispatch(handlers, 'pain:save', { date: daysAgo(1), score: 2, notes: '\u001b[31m' })).toMatchObject({
      ok: false,
      error: { field: 'notes' },
    });
    expect(await dispatch(handlers, 'runs:save', { ...base, shoe: 'Peg\u0007' })).toMatchObject({
      ok: false,
      error: { field: 'shoe' },
    });
    expect(repo.count('run') + repo.count('pain')).toBe(0);
    expect(await dispatch(handlers, 'runs:save', { ...base, notes: 'tab\there\r\nnext line' })).toMatchObject({
      ok: true,
    });
  });

  it('orders the journal newest first and pages through it with a cursor', async () => {
    const { handlers } = openTestApp();
    for (let i = 0; i < 5; i++)
      await dispatch(handlers, 'runs:save', { date: daysAgo(i), distanceKm: 5 + i, durationS: 1800 + i * 300 });
    await dispatch(handlers, 'pain:save', { date: daysAgo(2), score: 3 });
    const first = (await dispatch(handlers, 'journal:list', { limit: 4 })) as { ok: true; value: JournalPage };
    expect(first.value.entries.map((e) => e.record.date)).toEqual([daysAgo(0), daysAgo(1), daysAgo(2), daysAgo(2)]);
    const second = (await dispatch(handlers, 'journal:list', { limit: 4, cursor: first.value.nextCursor })) as {
      ok: true;
      value: JournalPage;
    };
    expect(second.value.entries.map((e) => e.record.date)).toEqual([daysAgo(3), daysAgo(4)]);
    expect(second.value.nextCursor).toBeNull();
    const painOnly = (await dispatch(handlers, 'journal:list', { type: 'pain' })) as { ok: true; value: JournalPage };
    expect(painOnly.value.entries.map((e) => e.type)).toEqual(['pain']);
  });

  it('pages on from where the last page ended even when its last entry was deleted', async () => {
    const { handlers } = openTestApp();
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const saved = await dispatch(handlers, 'runs:save', { date: daysAgo(i), distanceKm: 5, durationS: 1800 });
      if (saved.ok) ids.push(saved.value.id);
    }
    const first = await dispatch(handlers, 'journal:list', { limit: 3 });
    if (!first.ok || !first.value.nextCursor) throw new Error('expected a cursor');
    const last = first.value.entries.at(-1)!;
    expect(last.record.id).toBe(ids[2]);
    await dispatch(handlers, 'runs:delete', { id: last.record.id });
    const second = await dispatch(handlers, 'journal:list', { limit: 3, cursor: first.value.nextCursor });
    expect(second.ok && second.value.entries.map((e) => e.record.id)).toEqual(ids.slice(3));
    expect(second.ok && second.value.nextCursor).toBeNull();
    // An entry saved before the cursor's place after the page was read shows on the next page.
    const older = await dispatch(handlers, 'runs:save', { date: daysAgo(10), distanceKm: 5, durationS: 1800 });
    const again = await dispatch(handlers, 'journal:list', { limit: 10, cursor: first.value.nextCursor });
    expect(again.ok && again.value.entries.map((e) => e.record.id)).toEqual([
      ...ids.slice(3),
      older.ok && older.value.id,
    ]);
  });

  it('refuses a cursor it did not give out', async () => {
    const { handlers } = openTestApp();
    expect(await dispatch(handlers, 'journal:list', { cursor: 'not-a-cursor' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'cursor' },
    });
  });

  it('links a pain rating only to a run of the same day', async () => {
    const { handlers } = openTestApp();
    const run = (
      (await dispatch(handlers, 'runs:save', { date: daysAgo(3), distanceKm: 5, durationS: 1800 })) as {
        ok: true;
        value: Run;
      }
    ).value;
    const wrongDay = await dispatch(handlers, 'pain:save', { date: daysAgo(2), score: 3, runId: run.id });
    expect(wrongDay).toMatchObject({ ok: false, error: { field: 'runId' } });
    const ok = (await dispatch(handlers, 'pain:save', {
      date: daysAgo(3),
      score: 3,
      runId: run.id,
      timing: 'after_run',
    })) as {
      ok: true;
      value: PainRating;
    };
    expect(ok.value.runId).toBe(run.id);
  });

  it('restores a deleted entry with the same id (undo)', async () => {
    const { handlers, repo } = openTestApp();
    const run = (
      (await dispatch(handlers, 'runs:save', { date: daysAgo(1), distanceKm: 5, durationS: 1800 })) as {
        ok: true;
        value: Run;
      }
    ).value;
    const deleted = (await dispatch(handlers, 'runs:delete', { id: run.id })) as { ok: true; value: Run };
    expect(repo.count('run')).toBe(0);
    await dispatch(handlers, 'runs:save', deleted.value);
    expect(repo.get('run', run.id)).toEqual(run);
    expect(await dispatch(handlers, 'runs:delete', { id: '00000000-0000-4000-8000-000000000000' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('adds an own exercise once, with a category, and lists it with the catalogue', async () => {
    const { handlers } = openTestApp();
    const added = await dispatch(handlers, 'exercises:add', { name: 'Dead bug', category: 'core', dosing: 'reps' });
    expect(added).toMatchObject({ ok: true, value: { id: 'own-dead-bug', name: 'Dead bug' } });
    expect(
      await dispatch(handlers, 'exercises:add', { name: 'dead bug', category: 'core', dosing: 'reps' }),
    ).toMatchObject({
      ok: false,
      error: { field: 'name' },
    });
    const list = (await dispatch(handlers, 'exercises:list', undefined)) as { ok: true; value: Array<{ id: string }> };
    expect(list.value.map((e) => e.id)).toContain('own-dead-bug');
    expect(list.value.map((e) => e.id)).toContain('glute-bridge');
  });

  it('updates only the settings a user may change', async () => {
    const { handlers } = openTestApp();
    expect(await dispatch(handlers, 'settings:update', { distanceUnit: 'mi' })).toMatchObject({
      ok: true,
      value: { distanceUnit: 'mi' },
    });
    expect(await dispatch(handlers, 'settings:update', { customExercises: [] })).toMatchObject({ ok: false });
  });

  it('changes only the setting a patch names: every other setting keeps its saved value', async () => {
    // Saved values that all differ from the defaults, so a default leaking into a patch shows.
    const saved: SettingsPatch = {
      distanceUnit: 'mi',
      weekStartsOn: 0,
      theme: 'dark',
      onboarded: true,
      hasStabilityBall: false,
      soundCues: false,
      name: 'Ann',
      report: { range: '4w', questions: 'Why?', warningSigns: [] },
    };
    const changes: Required<SettingsPatch> = {
      distanceUnit: 'km',
      weekStartsOn: 3,
      theme: 'light',
      onboarded: false,
      hasStabilityBall: true,
      soundCues: true,
      name: 'Bo',
      report: { range: '8w', questions: 'When?', warningSigns: ['Fever'] },
    };
    for (const field of Object.keys(changes) as Array<keyof SettingsPatch>) {
      const { handlers } = openTestApp();
      await dispatch(handlers, 'exercises:add', { name: 'Dead bug', category: 'core', dosing: 'reps' });
      await dispatch(handlers, 'routines:save', { name: 'Mine', steps: [{ exercise: 'plank', holdS: 30 }] });
      expect(await dispatch(handlers, 'settings:update', saved)).toMatchObject({ ok: true });
      const before = ((await dispatch(handlers, 'settings:get', undefined)) as { ok: true; value: Settings }).value;
      const result = await dispatch(handlers, 'settings:update', { [field]: changes[field] });
      expect(result).toEqual({ ok: true, value: { ...before, [field]: changes[field] } });
      const after = ((await dispatch(handlers, 'settings:get', undefined)) as { ok: true; value: Settings }).value;
      expect(after).toEqual({ ...before, [field]: changes[field] });
    }
  });

  it("writes the flags' distances and dates in the user's unit and locale", async () => {
    const { handlers } = openTestApp();
    const before = daysAgo(10);
    // A short run 60 days ago starts the running history early enough for the spike to be compared.
    await dispatch(handlers, 'runs:save', { date: daysAgo(60), distanceKm: 2, durationS: 720 });
    await dispatch(handlers, 'runs:save', { date: before, distanceKm: 10, durationS: 3000 });
    await dispatch(handlers, 'runs:save', { date: daysAgo(3), distanceKm: 12, durationS: 3600 });
    await dispatch(handlers, 'settings:update', { distanceUnit: 'mi' });
    const spikeText = async (locale: string): Promise<string> => {
      const result = (await dispatch(handlers, 'insights:get', { locale })) as { ok: true; value: InsightsReport };
      const spike = result.value.flags.find((f) => f.ruleId === 'run-spike');
      return spike?.detail ?? '';
    };
    const british = await spikeText('en-GB');
    expect(british).toContain(`This 7.46 mi run`);
    expect(british).toContain(
      `(6.21 mi on ${new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${before}T00:00:00Z`))})`,
    );
    expect(british).not.toMatch(/km|\d{4}-\d{2}-\d{2}/);
    const german = await spikeText('de-DE');
    expect(german).toContain(`on ${formatIsoDate(before, 'de-DE')})`);
    expect(german).toMatch(/\d{1,2}\.\d{2}\.\d{4}\)/);
    await dispatch(handlers, 'settings:update', { distanceUnit: 'km' });
    expect(await spikeText('en-GB')).toContain('This 12.00 km run');
    expect(await dispatch(handlers, 'insights:get', { locale: 'not a locale' })).toMatchObject({
      ok: false,
      error: { field: 'locale' },
    });
  });

  it('reads a settings patch without filling in defaults', () => {
    expect(contract['settings:update'].input.parse({ theme: 'dark' })).toEqual({ theme: 'dark' });
  });
});
