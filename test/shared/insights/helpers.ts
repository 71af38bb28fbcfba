// Builders for small logs in the insights tests. Entries go through the real zod schemas,
// so defaults (location, timing, kind) are the ones the app stores.
import { addDays, format, parseISO } from 'date-fns';
import { expect } from 'vitest';
import { PainRating, Run, StrengthSession } from '../../../shared/model';
import type { PainRatingInput, StrengthItem } from '../../../shared/model';
import type { InsightsInput } from '../../../shared/insights/log';

let counter = 0;
/** A deterministic, valid UUID (version 4 layout). */
export function nextId(): string {
  counter += 1;
  return `00000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
}

export function shift(date: string, days: number): string {
  return format(addDays(parseISO(date), days), 'yyyy-MM-dd');
}

export function run(date: string, distanceKm: number, extra: Partial<Run> = {}): Run {
  return Run.parse({ id: nextId(), date, distanceKm, durationS: Math.round(distanceKm * 360), ...extra });
}

export function pain(
  date: string,
  score: number,
  extra: Omit<Partial<PainRatingInput>, 'date' | 'score'> = {},
): PainRating {
  return PainRating.parse({ id: nextId(), date, score, ...extra });
}

export function session(date: string, exercises: string[] = ['plank']): StrengthSession {
  const items: StrengthItem[] = exercises.map((exercise) => ({ exercise, sets: 1 }));
  return StrengthSession.parse({ id: nextId(), date, items });
}

export function makeInput(partial: Partial<InsightsInput>): InsightsInput {
  return {
    runs: [],
    pain: [],
    strength: [],
    customExercises: [],
    weekStartsOn: 1,
    today: '2024-06-30',
    ...partial,
  };
}

export function expectClose(actual: number | null | undefined, expected: number, tol: number): void {
  expect(actual).not.toBeNull();
  expect(actual).not.toBeUndefined();
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(tol);
}

/** Every string in a value, recursively, for wording checks. */
export function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(allStrings);
  return [];
}
