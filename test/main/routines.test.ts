// Saved routines through the dispatcher: stored in settings, renamed, refused when clashing, deleted.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/dispatch';
import type { Routine } from '../../shared/model';
import { openTestApp } from '../helpers';

const steps = [
  { exercise: 'plank', holdS: 45 },
  { exercise: 'glute-bridge', reps: 12, holdS: 3 },
];

describe('routines:save and routines:delete', () => {
  it('saves a new routine with an id, keeps it across a reopen, updates and deletes it', async () => {
    const { handlers, dataDir, repo } = openTestApp();
    const saved = await dispatch(handlers, 'routines:save', { name: '  Morning core ', steps });
    expect(saved.ok).toBe(true);
    const routine = (saved as { ok: true; value: Routine }).value;
    expect(routine).toMatchObject({ name: 'Morning core', steps });
    expect(routine.id.length).toBeGreaterThan(0);
    await repo.flush();

    const reopened = openTestApp(dataDir);
    expect(reopened.repo.settings.routines).toEqual([routine]);

    const renamed = await dispatch(reopened.handlers, 'routines:save', { ...routine, name: 'Evening core' });
    expect(renamed).toMatchObject({ ok: true, value: { id: routine.id, name: 'Evening core' } });
    expect(reopened.repo.settings.routines).toHaveLength(1);

    expect(await dispatch(reopened.handlers, 'routines:delete', { id: routine.id })).toMatchObject({ ok: true });
    expect(reopened.repo.settings.routines).toEqual([]);
    expect(await dispatch(reopened.handlers, 'routines:delete', { id: routine.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('refuses a second routine with the same name and bad steps, changing nothing', async () => {
    const { handlers, repo } = openTestApp();
    await dispatch(handlers, 'routines:save', { name: 'Core', steps });
    expect(await dispatch(handlers, 'routines:save', { name: 'core', steps })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'name' },
    });
    expect(await dispatch(handlers, 'routines:save', { name: 'Empty', steps: [] })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(repo.settings.routines.map((r) => r.name)).toEqual(['Core']);
  });
});
