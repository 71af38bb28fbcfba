// Reminders on a fake clock: they fire at their time, once a day, never for something already
// logged that day, and never when switched off.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_REMINDERS, ReminderScheduler, type ReminderKind, type Reminders } from '../../shared/reminders';

function setup(reminders: Reminders, logged: Partial<Record<ReminderKind, boolean>> = {}) {
  const fired: Array<{ kind: ReminderKind; at: string }> = [];
  const scheduler = new ReminderScheduler({
    reminders: () => reminders,
    loggedToday: (kind) => logged[kind] ?? false,
    notify: (kind) => void fired.push({ kind, at: new Date().toTimeString().slice(0, 5) }),
  });
  return { fired, scheduler };
}

const on: Reminders = {
  pain: { enabled: true, time: '08:00' },
  core: { enabled: true, time: '18:30', days: [2] },
};

describe('reminders on a fake clock', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    // Tuesday 1 December 2026, 07:58 local time.
    vi.setSystemTime(new Date(2026, 11, 1, 7, 58));
  });
  afterEach(() => vi.useRealTimers());

  it('are off until switched on', async () => {
    expect(DEFAULT_REMINDERS.pain.enabled).toBe(false);
    expect(DEFAULT_REMINDERS.core.enabled).toBe(false);
    const { fired, scheduler } = setup(DEFAULT_REMINDERS);
    scheduler.start();
    await vi.advanceTimersByTimeAsync(24 * 60 * 60_000);
    scheduler.stop();
    expect(fired).toEqual([]);
  });

  it('one that could not be shown (no permission yet) comes at the next check, not never', async () => {
    vi.setSystemTime(new Date(2026, 11, 1, 8, 5));
    let allowed = false;
    const shown: ReminderKind[] = [];
    const scheduler = new ReminderScheduler({
      reminders: () => ({ ...on, core: { ...on.core, enabled: false } }),
      loggedToday: () => false,
      notify: (kind) => {
        if (!allowed) return false;
        shown.push(kind);
        return true;
      },
    });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(shown).toEqual([]);
    allowed = true;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(shown).toEqual(['pain']);
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    scheduler.stop();
    expect(shown).toEqual(['pain']);
  });

  it('fire at their time, on their days, once a day', async () => {
    const { fired, scheduler } = setup(on);
    scheduler.start();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fired).toEqual([]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fired).toEqual([{ kind: 'pain', at: '08:00' }]);
    // The rest of Tuesday: the core reminder at 18:30, nothing twice.
    await vi.advanceTimersByTimeAsync(15 * 60 * 60_000);
    expect(fired).toEqual([
      { kind: 'pain', at: '08:00' },
      { kind: 'core', at: '18:30' },
    ]);
    // Wednesday: the morning rating again, but no core reminder (Tuesdays only).
    await vi.advanceTimersByTimeAsync(24 * 60 * 60_000);
    scheduler.stop();
    expect(fired.map((f) => f.kind)).toEqual(['pain', 'core', 'pain']);
  });

  it('stay quiet when that day already has what they ask for', async () => {
    const { fired, scheduler } = setup(on, { pain: true, core: true });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(16 * 60 * 60_000);
    scheduler.stop();
    expect(fired).toEqual([]);
  });

  it('stop when switched off', async () => {
    const reminders: Reminders = structuredClone(on);
    const { fired, scheduler } = setup(reminders);
    scheduler.start();
    reminders.pain.enabled = false;
    reminders.core.enabled = false;
    await vi.advanceTimersByTimeAsync(16 * 60 * 60_000);
    scheduler.stop();
    expect(fired).toEqual([]);
  });
});
