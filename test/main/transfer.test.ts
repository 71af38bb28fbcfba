// Export then import through the service (the path the app and CLI take): every record comes
// back field for field, twice adds nothing, and an import with problems writes nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/dispatch';
import type { ExportedFile, ImportPreview, ImportSummary } from '../../shared/api';
import type { PainRating, Run, StrengthSession } from '../../shared/model';
import { parseInProcess } from '../../main/importRunner';
import { daysAgo, openTestApp as openApp } from '../helpers';

// Many imports per property: parsed in this thread. The worker itself is tested in importWorker.test.ts.
const openTestApp = () => openApp(undefined, { parseImport: parseInProcess });

type Ctx = ReturnType<typeof openApp>;

async function call<T>(ctx: Ctx, method: string, input?: unknown): Promise<T> {
  const result = await dispatch(ctx.handlers, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

async function exportAll(ctx: Ctx): Promise<Array<{ name: string; dataBase64: string }>> {
  const files = [];
  for (const kind of ['runs', 'pain', 'strength'] as const) {
    const file = await call<ExportedFile>(ctx, 'export:csv', { kind });
    files.push({ name: `${kind}.csv`, dataBase64: b64(file.content) });
  }
  return files;
}

async function importFiles(ctx: Ctx, files: Array<{ name: string; dataBase64: string }>, onlyValid = false) {
  const preview = await call<ImportPreview>(ctx, 'import:preview', { files });
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
    await call<Run>(source, 'runs:save', { date: daysAgo(3), distanceKm: 5, durationS: 1800 });
    await call<PainRating>(source, 'pain:save', { date: daysAgo(3), score: 2 });
    const files = await exportAll(source);
    const target = openTestApp();
    await importFiles(target, files);
    const second = await importFiles(target, files);
    expect(second.preview.newCounts).toEqual({ run: 0, pain: 0, strength: 0 });
    expect(second.preview.duplicates).toBe(2);
    expect((second.summary as { ok: true; value: ImportSummary }).value.message).toMatch(
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
    await call<StrengthSession>(ctx, 'strength:save', {
      date: daysAgo(1),
      items: [{ exercise: 'glute-bridge', sets: 2, reps: 10, holdS: 3 }],
    });
    const file = await call<ExportedFile>(ctx, 'export:csv', { kind: 'strength' });
    expect(file.content.startsWith('\uFEFFsession_id,date,exercise,category,sets,reps,hold_s,duration_min,notes')).toBe(
      true,
    );
    expect(file.content.split('\r\n')[1]).toMatch(
      new RegExp(`^[0-9a-f-]{36},${daysAgo(1)},Glute bridge,posterior_chain,2,10,3,,`),
    );
    expect(file.content.replace(/\r\n/g, '')).not.toContain('\n');
    const weekly = await call<ExportedFile>(ctx, 'export:csv', { kind: 'weekly' });
    expect(weekly.content.split('\r\n')[0]).toBe(
      '\uFEFFweek_start,core_sessions,runs,run_km,mean_back_pain,max_back_pain,pain_days',
    );
  });
});
