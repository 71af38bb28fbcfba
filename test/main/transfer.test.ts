// Export then import through the service (the path the app and CLI take): every record comes
// back field for field, twice adds nothing, and an import with problems writes nothing.
import fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/dispatch';
import type { ImportSummary, Method, OutputOf } from '../../shared/api';
import { parseInProcess } from '../../main/importRunner';
import { daysAgo, openTestApp as openApp } from '../helpers';

// Many imports per property: parsed in this thread. The worker itself is tested in importWorker.test.ts.
const openTestApp = () => openApp(undefined, { parseImport: parseInProcess });

type Ctx = ReturnType<typeof openApp>;

async function call<M extends Method>(ctx: Ctx, method: M, input?: unknown): Promise<OutputOf<M>> {
  const result = await dispatch(ctx.handlers, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

async function exportAll(ctx: Ctx): Promise<Array<{ name: string; dataBase64: string }>> {
  const files = [];
  for (const kind of ['runs', 'pain', 'strength'] as const) {
    const file = await call(ctx, 'export:csv', { kind });
    files.push({ name: `${kind}.csv`, dataBase64: b64(file.content) });
  }
  return files;
}

async function importFiles(ctx: Ctx, files: Array<{ name: string; dataBase64: string }>, onlyValid = false) {
  const preview = await call(ctx, 'import:preview', { files });
  const summary = await dispatch(ctx.handlers, 'import:commit', { previewId: preview.previewId, onlyValid });
  return { preview, summary };
}

const tricky = fc.constantFrom(
  'plain',
  'comma, inside',
  'a "quoted" word',
  'two\nlines',
  'crlf\r\nline',
  '=SUM(A1:A9)',
  '+1',
  '-2',
  '@cmd',
  "'=already quoted",
  '＝fullwidth',
  'emoji 🏃‍♀️ and accents éü',
);
const notes = fc.option(
  fc.oneof(
    tricky,
    fc.string({ maxLength: 40 }).filter((s) => s.trim() === s && s.trim() !== ''),
  ),
  {
    nil: undefined,
  },
);

describe('CSV round trip through the service', () => {
  it('export then import into an empty log gives back every record, field for field', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            day: fc.integer({ min: 0, max: 900 }),
            km: fc.integer({ min: 1000, max: 42195 }),
            pace: fc.integer({ min: 180, max: 600 }),
            notes,
          }),
          { maxLength: 6 },
        ),
        fc.array(fc.record({ day: fc.integer({ min: 0, max: 900 }), score: fc.integer({ min: 0, max: 10 }), notes }), {
          maxLength: 6,
        }),
        fc.array(fc.record({ day: fc.integer({ min: 0, max: 900 }), hold: fc.integer({ min: 5, max: 120 }), notes }), {
          maxLength: 4,
        }),
        async (runSpecs, painSpecs, sessionSpecs) => {
          const source = openTestApp();
          await call(source, 'exercises:add', { name: 'Dead bug', category: 'core', dosing: 'reps' });
          for (const r of runSpecs) {
            await call(source, 'runs:save', {
              date: daysAgo(r.day),
              distanceKm: r.km / 1000,
              durationS: Math.round((r.km / 1000) * r.pace),
              effort: 5,
              surface: 'trail',
              shoe: '=shoe',
              notes: r.notes,
            });
          }
          for (const p of painSpecs) {
            await call(source, 'pain:save', {
              date: daysAgo(p.day),
              time: '07:05',
              score: p.score,
              kind: 'bone_like',
              side: 'left',
              timing: 'next_morning',
              notes: p.notes,
            });
          }
          for (const s of sessionSpecs) {
            await call(source, 'strength:save', {
              date: daysAgo(s.day),
              durationMin: 12,
              notes: s.notes,
              items: [
                { exercise: 'plank', sets: 2, holdS: s.hold },
                { exercise: 'own-dead-bug', sets: 1, reps: 12 },
                { exercise: 'yoga', minutes: 10 },
              ],
            });
          }
          const target = openTestApp();
          const { summary } = await importFiles(target, await exportAll(source));
          expect(summary.ok).toBe(true);
          const sort = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
          expect(sort(target.repo.all('run'))).toEqual(sort(source.repo.all('run')));
          expect(sort(target.repo.all('pain'))).toEqual(sort(source.repo.all('pain')));
          expect(sort(target.repo.all('strength'))).toEqual(sort(source.repo.all('strength')));
          // An own exercise travels with the sessions that use it (a CSV has no other place for it).
          expect(target.repo.settings.customExercises).toEqual(
            sessionSpecs.length > 0 ? source.repo.settings.customExercises : [],
          );
        },
      ),
      { numRuns: 25 },
    );
  });

  it('importing the same data twice adds nothing and says so', async () => {
    const source = openTestApp();
    await call(source, 'runs:save', { date: daysAgo(3), distanceKm: 5, durationS: 1800 });
    await call(source, 'pain:save', { date: daysAgo(3), score: 2 });
    const files = await exportAll(source);
    const target = openTestApp();
    await importFiles(target, files);
    const second = await importFiles(target, files);
    expect(second.preview.newCounts).toEqual({ run: 0, pain: 0, strength: 0 });
    expect(second.preview.duplicates).toBe(2);
    expect(second.summary.ok && second.summary.value.message).toMatch(
      /Nothing new to import; 2 entries were already in your log/,
    );
    // Rows without ids (typed in a spreadsheet) are matched by content.
    const typed = `date,distance_km,duration_s\r\n${daysAgo(9)},7.5,2700\r\n`;
    await importFiles(target, [{ name: 'typed.csv', dataBase64: b64(typed) }]);
    const again = await importFiles(target, [{ name: 'typed.csv', dataBase64: b64(typed) }]);
    expect(again.preview.newCounts.run).toBe(0);
    expect(target.repo.count('run')).toBe(2);
  });

  it('an import with problems writes nothing, unless only the valid rows are chosen', async () => {
    const ctx = openTestApp();
    const text = `date,distance_km,duration_s\n${daysAgo(1)},5,1800\n${daysAgo(2)},-3,1800\n`;
    const { preview, summary } = await importFiles(ctx, [{ name: 'mine.csv', dataBase64: b64(text) }]);
    expect(preview.errors[0]?.message).toBe('mine.csv, row 3, column distance_km: The distance must be more than 0.');
    expect(summary).toMatchObject({ ok: false, error: { message: expect.stringMatching(/nothing was imported/) } });
    expect(ctx.repo.count('run')).toBe(0);
    const valid = await importFiles(ctx, [{ name: 'mine.csv', dataBase64: b64(text) }], true);
    expect(valid.summary.ok).toBe(true);
    expect(ctx.repo.count('run')).toBe(1);
  });

  it('refuses entries dated after today, naming the file', async () => {
    const ctx = openTestApp();
    const tomorrow = new Date();
    tomorrow.setDate(tomorrow.getDate() + 1);
    const future = `${tomorrow.getFullYear()}-${String(tomorrow.getMonth() + 1).padStart(2, '0')}-${String(tomorrow.getDate()).padStart(2, '0')}`;
    const { preview } = await importFiles(ctx, [{ name: 'future.csv', dataBase64: b64(`date,score\n${future},3\n`) }]);
    expect(preview.errorCount).toBe(1);
    expect(preview.errors[0]?.message).toMatch(/future\.csv/);
  });

  it('exports Excel-friendly CSV: BOM, CRLF, the documented header, ISO dates', async () => {
    const ctx = openTestApp();
    await call(ctx, 'strength:save', {
      date: daysAgo(1),
      items: [{ exercise: 'glute-bridge', sets: 2, reps: 10, holdS: 3 }],
    });
    const file = await call(ctx, 'export:csv', { kind: 'strength' });
    expect(file.content.startsWith('\uFEFFsession_id,date,exercise,category,sets,reps,hold_s,duration_min,notes')).toBe(
      true,
    );
    expect(file.content.split('\r\n')[1]).toMatch(
      new RegExp(`^[0-9a-f-]{36},${daysAgo(1)},Glute bridge,posterior_chain,2,10,3,,`),
    );
    expect(file.content.replace(/\r\n/g, '')).not.toContain('\n');
    const weekly = await call(ctx, 'export:csv', { kind: 'weekly' });
    expect(weekly.content.split('\r\n')[0]).toBe(
      '\uFEFFweek_start,core_sessions,runs,run_km,mean_back_pain,max_back_pain,pain_days',
    );
  });
});

describe('import matching rules', () => {
  const csv = (name: string, text: string) => ({ name, dataBase64: b64(text) });
  const ok = (summary: Awaited<ReturnType<typeof importFiles>>['summary']) =>
    (summary as { ok: true; value: ImportSummary }).value;

  it('adds two identical rows without ids twice the first time, and none the second', async () => {
    const ctx = openTestApp();
    const typed = csv('typed.csv', `date,score\r\n${daysAgo(4)},3\r\n${daysAgo(4)},3\r\n`);
    const first = await importFiles(ctx, [typed]);
    expect(first.preview.newCounts.pain).toBe(2);
    expect(ctx.repo.count('pain')).toBe(2);
    const second = await importFiles(ctx, [typed]);
    expect(second.preview.newCounts.pain).toBe(0);
    expect(second.preview.duplicatesBy).toEqual({ id: 0, content: 2, activity: 0 });
    expect(second.preview.summary).toMatch(/2 entries already in your log \(2 with the same content\)/);
    expect(ctx.repo.count('pain')).toBe(2);
    // Three such rows against two in the log: each log entry matches one row, the third is new.
    const three = csv('three.csv', `date,score\r\n${daysAgo(4)},3\r\n${daysAgo(4)},3\r\n${daysAgo(4)},3\r\n`);
    const third = await importFiles(ctx, [three]);
    expect(third.preview.newCounts.pain).toBe(1);
    expect(ctx.repo.count('pain')).toBe(3);
  });

  it('keeps identical entries with different ids apart: an export into an empty log gives them all back', async () => {
    const source = openTestApp();
    const session = { date: daysAgo(2), items: [{ exercise: 'plank', holdS: 30 }] };
    await call(source, 'strength:save', session);
    await call(source, 'strength:save', session);
    await call(source, 'pain:save', { date: daysAgo(2), score: 2 });
    await call(source, 'pain:save', { date: daysAgo(2), score: 2 });
    const files = await exportAll(source);
    const target = openTestApp();
    const first = await importFiles(target, files);
    expect(first.preview.newCounts).toEqual({ run: 0, pain: 2, strength: 2 });
    expect(first.preview.duplicates).toBe(0);
    expect(target.repo.count('strength')).toBe(2);
    expect(target.repo.count('pain')).toBe(2);
    const again = await importFiles(target, files);
    expect(again.preview.duplicatesBy).toEqual({ id: 4, content: 0, activity: 0 });
    expect(ok(again.summary).message).toMatch(/4 entries were already in your log \(4 with the same id\)/);
  });

  it('matches a row with an id by id only: a new id is a new entry, whatever its content', async () => {
    const ctx = openTestApp();
    const run = await call(ctx, 'runs:save', { date: daysAgo(5), distanceKm: 5, durationS: 1800 });
    const sameContent = `id,date,distance_km,duration_s\r\n${crypto.randomUUID()},${run.date},5,1800\r\n`;
    const { preview } = await importFiles(ctx, [csv('runs.csv', sameContent)]);
    expect(preview.newCounts.run).toBe(1);
    expect(ctx.repo.count('run')).toBe(2);
    const sameId = `id,date,distance_km,duration_s\r\n${run.id},${daysAgo(6)},8,2400\r\n`;
    const byId = await importFiles(ctx, [csv('runs.csv', sameId)]);
    expect(byId.preview.duplicatesBy).toEqual({ id: 1, content: 0, activity: 0 });
    expect(ctx.repo.get('run', run.id)).toEqual(run);
  });

  it('matches a GPX activity by its own identity, whatever file it comes in', async () => {
    const ctx = openTestApp();
    const gpx = fs.readFileSync('test/fixtures/files/garmin-tpx-v1.gpx');
    const file = { name: 'morning.gpx', dataBase64: gpx.toString('base64') };
    expect((await importFiles(ctx, [file])).preview.newCounts.run).toBe(1);
    const again = await importFiles(ctx, [{ ...file, name: 'copy.gpx' }]);
    expect(again.preview.duplicatesBy).toEqual({ id: 0, content: 0, activity: 1 });
    expect(again.preview.summary).toMatch(/1 entry already in your log \(1 the same activity\)/);
  });

  it('checks a preview again at commit when the log changed in between', async () => {
    const ctx = openTestApp();
    const text = `date,distance_km,duration_s\r\n${daysAgo(3)},6,2100\r\n`;
    const preview = await call(ctx, 'import:preview', { files: [csv('typed.csv', text)] });
    expect(preview.newCounts.run).toBe(1);
    await call(ctx, 'runs:save', { date: daysAgo(3), distanceKm: 6, durationS: 2100 });
    const summary = await call(ctx, 'import:commit', { previewId: preview.previewId });
    expect(summary.added.run).toBe(0);
    expect(summary.duplicatesBy).toEqual({ id: 0, content: 1, activity: 0 });
    expect(summary.message).toMatch(/the log had changed since the preview/);
    expect(ctx.repo.count('run')).toBe(1);
  });

  it('groups strength rows by a session_id that is not a UUID, with an id that is the same on every import', async () => {
    const text =
      'session_id,date,exercise,sets,reps,hold_s\r\n' +
      `gen-1,${daysAgo(2)},Plank,1,,30\r\n` +
      `gen-1,${daysAgo(2)},Glute bridge,2,10,\r\n` +
      `gen-2,${daysAgo(2)},Plank,1,,30\r\n` +
      `gen-2,${daysAgo(2)},Glute bridge,2,10,\r\n`;
    const ids: string[][] = [];
    for (let i = 0; i < 2; i++) {
      const ctx = openTestApp();
      const { preview } = await importFiles(ctx, [csv('other-app.csv', text)]);
      expect(preview.errors).toEqual([]);
      expect(preview.newCounts.strength).toBe(2);
      const sessions = ctx.repo.all('strength');
      expect(sessions.map((s) => s.items.length)).toEqual([2, 2]);
      ids.push(sessions.map((s) => s.id).sort());
      const again = await importFiles(ctx, [csv('other-app.csv', text)]);
      expect(again.preview.newCounts.strength).toBe(0);
    }
    expect(ids[0]).toEqual(ids[1]);
    expect(new Set(ids[0]).size).toBe(2);
  });
});
