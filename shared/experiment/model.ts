// The core-work experiment (a randomised N-of-1 trial): its stored shape, its inputs and the
// back-to-back periods a plan is made of. Pure: the random draw is made by the caller (main/).
import { z } from 'zod';
import { calendarDayNumber, dateOfDayNumber } from '../insights/dates';
import { StoredDate } from '../model';

export const CONDITIONS = ['core', 'usual'] as const;
export type Condition = (typeof CONDITIONS)[number];

export const PERIOD_DAYS = [7, 14] as const;
export const MIN_CYCLES = 3;
export const MAX_CYCLES = 8;
export const DEFAULT_CYCLES = 6;
export const MAX_WASHOUT_DAYS = 3;
export const DEFAULT_WASHOUT_DAYS = 2;

const Id = z.uuid({ error: 'The id must be a UUID.' });

export const ExperimentPeriod = z
  .object({
    cycle: z.number().int().min(1).max(MAX_CYCLES),
    condition: z.enum(CONDITIONS),
    start: StoredDate,
    end: StoredDate,
  })
  .strict();
export type ExperimentPeriod = z.infer<typeof ExperimentPeriod>;

const planFields = {
  periodDays: z.union([z.literal(7), z.literal(14)], { error: 'A period is 7 or 14 days.' }),
  cycles: z
    .number({ error: `Choose ${MIN_CYCLES} to ${MAX_CYCLES} cycles.` })
    .int({ error: 'Cycles is a whole number.' })
    .min(MIN_CYCLES, { error: `At least ${MIN_CYCLES} cycles.` })
    .max(MAX_CYCLES, { error: `At most ${MAX_CYCLES} cycles.` }),
  washoutDays: z
    .number({ error: `Choose 0 to ${MAX_WASHOUT_DAYS} washout days.` })
    .int({ error: 'Washout days is a whole number.' })
    .min(0, { error: 'Washout days cannot be negative.' })
    .max(MAX_WASHOUT_DAYS, { error: `At most ${MAX_WASHOUT_DAYS} washout days.` }),
};

/** What the runner chooses. A past start date is allowed (a plan made earlier with a physio). */
export const ExperimentInput = z
  .object({
    startDate: StoredDate,
    ...planFields,
    name: z.string().trim().min(1, { error: 'Give the experiment a name, or leave it out.' }).max(100).optional(),
  })
  .strict();
export type ExperimentInput = z.input<typeof ExperimentInput>;

/** The status a plan is stored with; planned/running/completed are read from the calendar. */
export const STORED_STATUSES = ['active', 'abandoned'] as const;
export type ExperimentStatus = 'planned' | 'running' | 'completed' | 'abandoned';

/**
 * An experiment as stored. `date` repeats `startDate`: every stored record is filed under the
 * year of its `date` (partitions), and the periods (the random order) never change once drawn.
 */
export const ExperimentRecord = z
  .object({
    id: Id,
    date: StoredDate,
    name: z.string().trim().min(1).max(100),
    startDate: StoredDate,
    ...planFields,
    status: z.enum(STORED_STATUSES),
    createdAt: z.iso.datetime(),
    abandonedAt: z.iso.datetime().optional(),
    periods: z
      .array(ExperimentPeriod)
      .min(2 * MIN_CYCLES)
      .max(2 * MAX_CYCLES),
  })
  .strict()
  .refine((e) => e.date === e.startDate, { path: ['date'], message: 'date must equal startDate.' })
  .refine((e): boolean => samePeriods(e.periods, planPeriods(e, firstConditions(e.periods))), {
    path: ['periods'],
    message: 'The periods do not follow the plan (back to back, one core and one usual per cycle).',
  });
export type ExperimentRecord = z.infer<typeof ExperimentRecord>;

/** An experiment as every door shows it. */
export interface Experiment {
  id: string;
  name: string;
  startDate: string;
  periodDays: 7 | 14;
  cycles: number;
  washoutDays: number;
  status: ExperimentStatus;
  periods: ExperimentPeriod[];
}

interface PlanShape {
  startDate: string;
  periodDays: number;
  cycles: number;
}

/** Which condition comes first in each cycle, as a plan stores it. */
function firstConditions(periods: readonly ExperimentPeriod[]): Condition[] {
  return periods.filter((_, i) => i % 2 === 0).map((p) => p.condition);
}

function samePeriods(a: readonly ExperimentPeriod[], b: readonly ExperimentPeriod[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (p, i) =>
        p.cycle === b[i]!.cycle && p.condition === b[i]!.condition && p.start === b[i]!.start && p.end === b[i]!.end,
    )
  );
}

/**
 * The periods of a plan, back to back from its start: cycle by cycle, `first[c]` then the other
 * condition. `end` is inclusive.
 */
export function planPeriods(plan: PlanShape, first: readonly Condition[]): ExperimentPeriod[] {
  if (first.length !== plan.cycles) throw new RangeError(`Expected ${plan.cycles} draws, got ${first.length}.`);
  const startDay = calendarDayNumber(plan.startDate);
  const periods: ExperimentPeriod[] = [];
  first.forEach((condition, c) => {
    const order: Condition[] = condition === 'core' ? ['core', 'usual'] : ['usual', 'core'];
    order.forEach((cond, j) => {
      const start = startDay + (2 * c + j) * plan.periodDays;
      periods.push({
        cycle: c + 1,
        condition: cond,
        start: dateOfDayNumber(start),
        end: dateOfDayNumber(start + plan.periodDays - 1),
      });
    });
  });
  return periods;
}

/** Turns random bytes (one per cycle, from a crypto RNG) into each cycle's first condition. */
export function conditionsFromRandomBytes(bytes: ArrayLike<number>, cycles: number): Condition[] {
  if (bytes.length < cycles) throw new RangeError('Not enough random bytes for the cycles.');
  return Array.from({ length: cycles }, (_, c) => ((bytes[c]! & 1) === 1 ? 'core' : 'usual'));
}

/** The last day of a plan (inclusive). */
export function planEndDate(plan: PlanShape): string {
  return dateOfDayNumber(calendarDayNumber(plan.startDate) + 2 * plan.cycles * plan.periodDays - 1);
}

/** How many days a plan runs. */
export function planLengthDays(plan: Pick<PlanShape, 'periodDays' | 'cycles'>): number {
  return 2 * plan.cycles * plan.periodDays;
}

/** The smallest p the randomisation test can give with k usable cycles: 2 / 2^k (1 below 1 cycle). */
export function smallestPossibleP(usableCycles: number): number {
  return usableCycles < 1 ? 1 : Math.min(1, 2 / 2 ** usableCycles);
}

/** The Monday after `today` (a week on when today is Monday): the planner's default start. */
export function nextMonday(today: string): string {
  const day = calendarDayNumber(today);
  // Day 0 (1970-01-01) was a Thursday, so (day + 3) mod 7 is 0 on Mondays.
  const sinceMonday = (((day + 3) % 7) + 7) % 7;
  return dateOfDayNumber(day + 7 - sinceMonday);
}

export function experimentStatus(
  record: Pick<ExperimentRecord, 'status' | 'startDate' | 'periodDays' | 'cycles'>,
  today: string,
): ExperimentStatus {
  if (record.status === 'abandoned') return 'abandoned';
  if (today < record.startDate) return 'planned';
  return today > planEndDate(record) ? 'completed' : 'running';
}

/** What every door shows of a stored experiment. */
export function toExperiment(record: ExperimentRecord, today: string): Experiment {
  return {
    id: record.id,
    name: record.name,
    startDate: record.startDate,
    periodDays: record.periodDays,
    cycles: record.cycles,
    washoutDays: record.washoutDays,
    status: experimentStatus(record, today),
    periods: record.periods.map((p) => ({ ...p })),
  };
}

export function defaultExperimentName(startDate: string): string {
  return `Core work experiment from ${startDate}`;
}
