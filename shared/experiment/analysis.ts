// The experiment's result: each period's mean back pain, the paired differences cycle by cycle,
// the mean difference with its t interval, and the exact randomisation test. Pure functions; the
// definitions are the (see README "The core-work experiment") and tests check every
// figure against scipy (test/fixtures/experiment/make_fixtures.py).
import { isCoreSession } from '../exercises';
import { calendarDayNumber } from '../insights/dates';
import { mean, sampleVariance, studentTQuantile } from '../insights/stats';
import type { CustomExercise, PainRating, StrengthSession } from '../model';
import { formatIsoDate } from '../textFormat';
import {
  planEndDate,
  smallestPossibleP,
  type Condition,
  type Experiment,
  type ExperimentPeriod,
  type ExperimentStatus,
} from './model';

/** A period with fewer rated days than this (after its washout) has no outcome. */
export const MIN_RATED_DAYS = 3;
/** The claim needs the randomisation p below this. */
export const ALPHA = 0.05;
/** Core periods count as kept with at least this many core sessions a week (the plan asks for 7). */
export const KEPT_CORE_SESSIONS_PER_WEEK = 4;

export type Claim = 'lower_with_core' | 'higher_with_core' | 'no_clear_difference' | 'not_enough_data';

export interface CycleOutcome {
  cycle: number;
  coreMean: number | null;
  usualMean: number | null;
  /** core − usual: below 0, less back pain in the core period. */
  difference: number | null;
}

export interface ExperimentAdherence {
  coreSessionsPerWeekInCore: number | null;
  coreSessionsPerWeekInUsual: number | null;
}

export interface ExperimentResult {
  status: ExperimentStatus;
  usable: number;
  cycles: CycleOutcome[];
  estimate: number | null;
  ci95: [number, number] | null;
  pRandomization: number | null;
  adherence: ExperimentAdherence;
  claim: Claim;
  sentence: string;
}

/** One period's figures (for the CSV of periods and outcomes). */
export interface PeriodOutcome extends ExperimentPeriod {
  /** Days of the period after its washout, up to today. */
  analysedDays: number;
  /** Of those, days with at least one lower-back rating. */
  ratedDays: number;
  /** Mean over rated days of each day's mean lower-back score; null below MIN_RATED_DAYS. */
  meanBackPain: number | null;
  /** Days of the period up to today (washout included). */
  elapsedDays: number;
  coreSessions: number;
}

export interface ExperimentLog {
  pain: readonly PainRating[];
  strength: readonly StrengthSession[];
  customExercises: readonly CustomExercise[];
  /** Today's local date: later days are not counted yet. */
  today: string;
}

export type ExperimentPlan = Pick<
  Experiment,
  'startDate' | 'periodDays' | 'cycles' | 'washoutDays' | 'periods' | 'status'
>;

/** Each period's outcome and core sessions. Only lower-back ratings count. */
export function periodOutcomes(plan: ExperimentPlan, log: ExperimentLog): PeriodOutcome[] {
  const first = calendarDayNumber(plan.startDate);
  const last = calendarDayNumber(planEndDate(plan));
  const todayDay = calendarDayNumber(log.today);
  const painByDay = new Map<number, { sum: number; count: number }>();
  for (const rating of log.pain) {
    if (rating.location !== 'lower_back') continue;
    const day = calendarDayNumber(rating.date);
    if (day < first || day > last) continue;
    const agg = painByDay.get(day);
    if (agg) {
      agg.sum += rating.score;
      agg.count += 1;
    } else painByDay.set(day, { sum: rating.score, count: 1 });
  }
  const coreByDay = new Map<number, number>();
  for (const session of log.strength) {
    const day = calendarDayNumber(session.date);
    if (day < first || day > last || !isCoreSession(session, log.customExercises)) continue;
    coreByDay.set(day, (coreByDay.get(day) ?? 0) + 1);
  }
  return plan.periods.map((period) => {
    const start = calendarDayNumber(period.start);
    const end = Math.min(calendarDayNumber(period.end), todayDay);
    const dayMeans: number[] = [];
    let analysedDays = 0;
    let coreSessions = 0;
    for (let day = start; day <= end; day++) {
      coreSessions += coreByDay.get(day) ?? 0;
      if (day < start + plan.washoutDays) continue;
      analysedDays++;
      const agg = painByDay.get(day);
      if (agg) dayMeans.push(agg.sum / agg.count);
    }
    return {
      ...period,
      analysedDays,
      ratedDays: dayMeans.length,
      meanBackPain: dayMeans.length >= MIN_RATED_DAYS ? mean(dayMeans) : null,
      elapsedDays: Math.max(0, end - start + 1),
      coreSessions,
    };
  });
}

/** Core − usual per cycle, where both periods have an outcome. */
export function cycleOutcomes(periods: readonly PeriodOutcome[], cycles: number): CycleOutcome[] {
  return Array.from({ length: cycles }, (_, c) => {
    const find = (condition: Condition) =>
      periods.find((p) => p.cycle === c + 1 && p.condition === condition)?.meanBackPain ?? null;
    const coreMean = find('core');
    const usualMean = find('usual');
    return {
      cycle: c + 1,
      coreMean,
      usualMean,
      difference: coreMean !== null && usualMean !== null ? coreMean - usualMean : null,
    };
  });
}

/** The t interval for the mean of `values` (df = n − 1); null below 2 values. */
export function meanCi95(values: readonly number[]): [number, number] | null {
  if (values.length < 2) return null;
  const m = mean(values);
  const half = studentTQuantile(0.975, values.length - 1) * Math.sqrt(sampleVariance(values) / values.length);
  return [m - half, m + half];
}

/**
 * The exact two-sided randomisation p: over all 2^n ways of swapping the labels within cycles
 * (each swap flips the sign of that cycle's difference), the share with |mean| ≥ |observed mean|,
 * the observed one included. A tiny tolerance keeps sums taken in another order from missing ties.
 * Null without differences.
 */
export function randomizationP(differences: readonly number[]): number | null {
  const n = differences.length;
  if (n === 0) return null;
  if (n > 20) throw new RangeError('The exact test enumerates 2^n sign flips; n is at most 20 here.');
  const observed = Math.abs(differences.reduce((a, b) => a + b, 0));
  const tolerance = 1e-9 * Math.max(1, observed);
  let atLeast = 0;
  for (let mask = 0; mask < 2 ** n; mask++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += mask & (1 << i) ? -differences[i]! : differences[i]!;
    if (Math.abs(sum) >= observed - tolerance) atLeast++;
  }
  return atLeast / 2 ** n;
}

export function adherenceOf(periods: readonly PeriodOutcome[]): ExperimentAdherence {
  const rate = (condition: Condition): number | null => {
    let days = 0;
    let sessions = 0;
    for (const p of periods) {
      if (p.condition !== condition) continue;
      days += p.elapsedDays;
      sessions += p.coreSessions;
    }
    return days > 0 ? (sessions / days) * 7 : null;
  };
  return { coreSessionsPerWeekInCore: rate('core'), coreSessionsPerWeekInUsual: rate('usual') };
}

/** Whether the core periods were kept (null before any core-period day has passed). */
export function corePeriodsKept(adherence: ExperimentAdherence): boolean | null {
  const inCore = adherence.coreSessionsPerWeekInCore;
  return inCore === null ? null : inCore >= KEPT_CORE_SESSIONS_PER_WEEK;
}

export function claimOf(usable: number, estimate: number | null, p: number | null): Claim {
  if (usable < 2 || estimate === null || p === null) return 'not_enough_data';
  if (p < ALPHA) return estimate < 0 ? 'lower_with_core' : 'higher_with_core';
  return 'no_clear_difference';
}

/** Points on the 0–10 scale, one decimal. */
const points = (value: number): string => Math.abs(value).toFixed(1);
/** p to two significant digits (0.031, 0.25, 0.0078). */
export const formatP = (p: number): string => String(Number(p.toPrecision(2)));
const perWeek = (value: number | null): string => (value === null ? 'no' : value.toFixed(1));

function signed(value: number): string {
  if (Math.abs(value) < 0.05) return '0.0 points';
  return `${points(value)} ${value < 0 ? 'lower' : 'higher'}`;
}

function intervalText([lo, hi]: [number, number]): string {
  if (hi < 0) return `${points(hi)} to ${points(lo)} lower`;
  if (lo > 0) return `${points(lo)} to ${points(hi)} higher`;
  return `${signed(lo)} to ${signed(hi)}`;
}

export interface SentenceInput {
  status: ExperimentStatus;
  usable: number;
  cycles: number;
  estimate: number | null;
  ci95: [number, number] | null;
  pRandomization: number | null;
  adherence: ExperimentAdherence;
  claim: Claim;
  startDate: string;
  endDate: string;
}

/**
 * The honest sentence: adherence first when the core periods were not kept; never a diagnosis.
 * Only a completed plan whose core periods were kept draws a conclusion: a running result is a
 * running count (looked at day after day, a difference reaches p < 0.05 by chance more often
 * than p says; see bench/experimentSimulation.ts), and an abandoned one is partial.
 */
export function resultSentence(r: SentenceInput): string {
  const parts: string[] = [];
  if (r.status === 'planned')
    return `The experiment starts on ${formatIsoDate(r.startDate)}; there is nothing to compare yet.`;
  const notKept = corePeriodsKept(r.adherence) === false;
  if (notKept) {
    parts.push(
      `The core periods were not kept: ${perWeek(r.adherence.coreSessionsPerWeekInCore)} core sessions a week in core periods and ${perWeek(r.adherence.coreSessionsPerWeekInUsual)} in usual periods (the plan asks for the routine every day), so this cannot show what core work does.`,
    );
  }
  const so = r.status === 'running' ? 'So far, over' : 'Over';
  const running = `The plan runs until ${formatIsoDate(r.endDate)}, and only its result then is a conclusion: a difference watched day by day can cross p < 0.05 by chance.`;
  const abandoned = 'This experiment was abandoned, so this is a partial result, and it draws no conclusion.';
  if (r.claim === 'not_enough_data') {
    parts.push(
      `Not enough data ${r.status === 'running' ? 'yet' : 'to compare'}: ${r.usable} of ${r.cycles} cycles have both periods rated (at least ${MIN_RATED_DAYS} days with a back-pain rating after the washout in each), and the comparison needs at least 2.`,
    );
    if (r.status === 'abandoned') parts.push(abandoned);
    return parts.join(' ');
  }
  const estimate = r.estimate!;
  const p = r.pRandomization!;
  const ci = r.ci95 ? `95% interval ${intervalText(r.ci95)}; ` : '';
  const tiny = Math.abs(estimate) < 0.05;
  const way = estimate < 0 ? 'lower' : 'higher';
  // A difference that rounds to 0.0 is "about the same", unless the test found it clear.
  const direction = !tiny
    ? `averaged ${points(estimate)} points ${way}`
    : r.claim === 'no_clear_difference'
      ? 'was about the same'
      : `averaged less than 0.1 points ${way}`;
  const cycles = `${r.usable} cycle${r.usable === 1 ? '' : 's'}`;
  const where = direction === 'was about the same' ? 'in core and usual periods' : 'in core periods';
  parts.push(`${so} ${cycles}, your back pain ${direction} ${where} (${ci}randomisation p = ${formatP(p)}).`);
  const clear = r.claim === 'lower_with_core' || r.claim === 'higher_with_core';
  if (r.status === 'running') {
    parts.push(running);
  } else if (r.status === 'abandoned') {
    parts.push(abandoned);
  } else if (clear && notKept) {
    parts.push('Because the core periods were not kept, the difference cannot be put down to core work.');
  } else if (r.claim === 'lower_with_core') {
    parts.push(
      'Because the order was random, this is evidence that core work helped your back during this experiment, not a diagnosis.',
    );
  } else if (r.claim === 'higher_with_core') {
    parts.push(
      'Because the order was random, this is evidence that your back hurt more with the core work as you did it during this experiment, not a diagnosis: worth talking over with a physical therapist.',
    );
  } else {
    const floor = smallestPossibleP(r.usable);
    parts.push(
      floor >= ALPHA
        ? `With ${cycles} usable, the smallest possible p is ${formatP(floor)}, so this design cannot show a clear difference; it neither shows that core work helps nor that it does not.`
        : 'That is no clear difference: a gap this size could come from chance alone. It does not show that core work makes no difference.',
    );
  }
  return parts.join(' ');
}

/** The whole result of one experiment, as of `log.today`. */
export function analyseExperiment(
  plan: ExperimentPlan,
  log: ExperimentLog,
): { result: ExperimentResult; periods: PeriodOutcome[] } {
  const status = plan.status;
  const periods = periodOutcomes(plan, log);
  const cycles = cycleOutcomes(periods, plan.cycles);
  const differences = cycles.map((c) => c.difference).filter((d): d is number => d !== null);
  const usable = differences.length;
  const estimate = usable > 0 ? mean(differences) : null;
  const ci95 = meanCi95(differences);
  const pRandomization = randomizationP(differences);
  const adherence = adherenceOf(periods);
  const claim = claimOf(usable, estimate, pRandomization);
  const sentence = resultSentence({
    status,
    usable,
    cycles: plan.cycles,
    estimate,
    ci95,
    pRandomization,
    adherence,
    claim,
    startDate: plan.startDate,
    endDate: planEndDate(plan),
  });
  return { result: { status, usable, cycles, estimate, ci95, pRandomization, adherence, claim, sentence }, periods };
}

/** Today's place in a plan, for the journal and the Routine screen. */
export type ExperimentDay =
  | { kind: 'before'; startsOn: string; daysUntil: number }
  | {
      kind: 'period';
      cycle: number;
      condition: Condition;
      /** 1-based day of the period. */
      day: number;
      periodDays: number;
      washout: boolean;
      periodEnd: string;
    }
  | { kind: 'ended'; endedOn: string };

export function experimentDay(
  plan: Pick<Experiment, 'startDate' | 'periodDays' | 'cycles' | 'washoutDays' | 'periods'>,
  today: string,
): ExperimentDay {
  const todayDay = calendarDayNumber(today);
  const start = calendarDayNumber(plan.startDate);
  if (todayDay < start) return { kind: 'before', startsOn: plan.startDate, daysUntil: start - todayDay };
  const index = Math.floor((todayDay - start) / plan.periodDays);
  const period = plan.periods[index];
  if (!period) return { kind: 'ended', endedOn: planEndDate(plan) };
  const day = todayDay - calendarDayNumber(period.start) + 1;
  return {
    kind: 'period',
    cycle: period.cycle,
    condition: period.condition,
    day,
    periodDays: plan.periodDays,
    washout: day <= plan.washoutDays,
    periodEnd: period.end,
  };
}

/** The one line that says what to do today. */
export function experimentDayMessage(day: ExperimentDay): string {
  switch (day.kind) {
    case 'before':
      return `The experiment starts on ${formatIsoDate(day.startsOn)} (in ${day.daysUntil} day${day.daysUntil === 1 ? '' : 's'}).`;
    case 'ended':
      return `The experiment ended on ${formatIsoDate(day.endedOn)}: see its result.`;
    case 'period':
      return day.condition === 'core'
        ? `Core period, day ${day.day} of ${day.periodDays}: do the routine today.`
        : `Usual period, day ${day.day} of ${day.periodDays}: no extra core work.`;
  }
}
