import { describe, expect, it } from 'vitest';
import { PainRatingInput, RunInput, StrengthSessionInput, localToday } from '../../shared/model';
import { formatDuration, formatPace, parseDuration } from '../../shared/units';
import { isCoreSession } from '../../shared/exercises';

const firstMessage = (result: {
  success: boolean;
  error?: { issues: Array<{ message: string; path: PropertyKey[] }> };
}) => result.error?.issues[0];

describe('run validation', () => {
  it('accepts an ordinary run and defaults the source to manual', () => {
    const parsed = RunInput.parse({ date: '2024-05-01', distanceKm: 10, durationS: 3300 });
    expect(parsed.source).toBe('manual');
  });

  it.each([
    [{ distanceKm: -5, durationS: 1800 }, 'distanceKm', 'The distance must be more than 0.'],
    [
      { distanceKm: 5, durationS: 30 * 3600 },
      'durationS',
      'That is slower than 60 min per km: check the duration and distance.',
    ],
    [
      { distanceKm: 42, durationS: 600 },
      'durationS',
      'That is faster than any human can run this distance: check the duration and distance.',
    ],
    [{ distanceKm: 5, durationS: 1800, effort: 11 }, 'effort', 'Effort is from 1 to 10.'],
  ])('refuses %o on %s with a clear message', (fields, field, message) => {
    const issue = firstMessage(RunInput.safeParse({ date: '2024-05-01', ...fields }));
    expect(issue?.path.join('.')).toBe(field);
    expect(issue?.message).toBe(message);
  });

  it('refuses dates after today and impossible calendar dates', () => {
    const tomorrow = new Date();
    tomorrow.setDate(tomorrow.getDate() + 1);
    expect(
      firstMessage(RunInput.safeParse({ date: localToday(tomorrow), distanceKm: 5, durationS: 1800 }))?.message,
    ).toBe('The date cannot be in the future.');
    expect(firstMessage(RunInput.safeParse({ date: '2023-02-29', distanceKm: 5, durationS: 1800 }))?.message).toBe(
      'Enter a real date as YYYY-MM-DD.',
    );
    expect(RunInput.safeParse({ date: localToday(), distanceKm: 5, durationS: 1800 }).success).toBe(true);
  });
});

describe('pain validation', () => {
  it('accepts 0 to 10 and refuses 11 or fractions', () => {
    expect(PainRatingInput.safeParse({ date: '2024-05-01', score: 0 }).success).toBe(true);
    expect(PainRatingInput.safeParse({ date: '2024-05-01', score: 10 }).success).toBe(true);
    expect(firstMessage(PainRatingInput.safeParse({ date: '2024-05-01', score: 11 }))?.message).toBe(
      'The pain score is from 0 to 10.',
    );
    expect(PainRatingInput.safeParse({ date: '2024-05-01', score: 4.5 }).success).toBe(false);
  });
});

describe('strength sessions and the core-session rule', () => {
  it('needs at least one exercise', () => {
    expect(firstMessage(StrengthSessionInput.safeParse({ date: '2024-05-01', items: [] }))?.message).toBe(
      'Add at least one exercise.',
    );
  });

  it('counts core and posterior-chain work, not rolling or stretching alone', () => {
    expect(isCoreSession({ items: [{ exercise: 'plank', holdS: 30 }] })).toBe(true);
    expect(isCoreSession({ items: [{ exercise: 'glute-bridge', reps: 10 }] })).toBe(true);
    expect(isCoreSession({ items: [{ exercise: 'back-roller', minutes: 5 }] })).toBe(false);
    expect(
      isCoreSession({ items: [{ exercise: 'own-hip-stretch' }] }, [
        { id: 'own-hip-stretch', name: 'Hip stretch', category: 'mobility', dosing: 'minutes' },
      ]),
    ).toBe(false);
    expect(
      isCoreSession({ items: [{ exercise: 'own-dead-bug' }] }, [
        { id: 'own-dead-bug', name: 'Dead bug', category: 'core', dosing: 'reps' },
      ]),
    ).toBe(true);
  });
});

describe('durations and pace', () => {
  it('parses h:mm:ss, mm:ss and minutes', () => {
    expect(parseDuration('1:02:03')).toBe(3723);
    expect(parseDuration('45:30')).toBe(2730);
    expect(parseDuration('30')).toBe(1800);
    expect(parseDuration('1:75:00')).toBeUndefined();
    expect(parseDuration('abc')).toBeUndefined();
  });
  it('formats duration and pace in the chosen unit', () => {
    expect(formatDuration(3723)).toBe('1:02:03');
    expect(formatPace(10, 3300, 'km')).toBe('5:30 /km');
    expect(formatPace(16.09344, 4800, 'mi')).toBe('8:00 /mi');
  });
});
