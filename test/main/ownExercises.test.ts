// Renaming and deleting the exercises you added (Settings › Your exercises): past sessions keep
// their history, names stay unique, and a routine step is never left pointing at nothing.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/dispatch';
import type { Method, OutputOf } from '../../shared/api';
import { daysAgo, openTestApp } from '../helpers';

type Handlers = ReturnType<typeof openTestApp>['handlers'];

async function ok<M extends Method>(handlers: Handlers, method: M, input: unknown): Promise<OutputOf<M>> {
  const result = await dispatch(handlers, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as OutputOf<M>;
}

async function withBirdDogSession(handlers: Handlers) {
  const exercise = await ok(handlers, 'exercises:add', { name: 'Bird dog', category: 'core', dosing: 'reps' });
  await ok(handlers, 'strength:save', { date: daysAgo(2), items: [{ exercise: exercise.id, reps: 8 }] });
  return exercise;
}

describe('your own exercises', () => {
  it('a rename shows in past sessions (they name the exercise by id) and the new name is unique', async () => {
    const { handlers } = openTestApp();
    const exercise = await withBirdDogSession(handlers);
    const renamed = await ok(handlers, 'exercises:rename', { id: exercise.id, name: '  Bird dog, slow ' });
    expect(renamed).toMatchObject({ id: exercise.id, name: 'Bird dog, slow' });
    const list = await ok(handlers, 'exercises:list', undefined);
    expect(list.find((e) => e.id === exercise.id)?.name).toBe('Bird dog, slow');

    const clash = await dispatch(handlers, 'exercises:rename', { id: exercise.id, name: 'PLANK' });
    expect(clash).toMatchObject({
      ok: false,
      error: { field: 'name', message: 'There is already an exercise called "Plank".' },
    });
    const builtIn = await dispatch(handlers, 'exercises:rename', { id: 'plank', name: 'Board' });
    expect(builtIn.ok).toBe(false);
  });

  it('deleting one that sessions use keeps it for them and hides it; an unused one goes', async () => {
    const { handlers, repo } = openTestApp();
    const used = await withBirdDogSession(handlers);
    const unused = await ok(handlers, 'exercises:add', { name: 'Dead bug', category: 'core', dosing: 'reps' });

    expect(await ok(handlers, 'exercises:delete', { id: used.id })).toMatchObject({ keptForSessions: 1 });
    expect(await ok(handlers, 'exercises:delete', { id: unused.id })).toMatchObject({ keptForSessions: 0 });
    expect(repo.settings.customExercises).toEqual([{ ...used, deleted: true }]);
    // The session still names it, still counted as core work.
    const list = await ok(handlers, 'exercises:list', undefined);
    expect(list.find((e) => e.id === used.id)).toMatchObject({ name: 'Bird dog', category: 'core', deleted: true });
    // Deleted twice, or renamed after: not found.
    expect(await dispatch(handlers, 'exercises:delete', { id: used.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    // Its name is free again, under a new id.
    const again = await ok(handlers, 'exercises:add', { name: 'Bird dog', category: 'core', dosing: 'reps' });
    expect(again.id).not.toBe(used.id);
  });

  it('refuses to delete a step of a routine, naming the routine, and changes nothing', async () => {
    const { handlers, repo } = openTestApp();
    const exercise = await withBirdDogSession(handlers);
    await ok(handlers, 'routines:save', { name: 'Evening', steps: [{ exercise: exercise.id, reps: 8 }] });
    const before = JSON.stringify(repo.settings);
    expect(await dispatch(handlers, 'exercises:delete', { id: exercise.id })).toMatchObject({
      ok: false,
      error: { message: '"Bird dog" is a step of your routine "Evening": take it out of the routine first.' },
    });
    expect(JSON.stringify(repo.settings)).toBe(before);
  });
});
