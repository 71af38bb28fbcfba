// Simulated core-work experiments: how often the result claims an effect when core work does
// nothing, and how often it finds one that is there. Each simulated runner follows a plan drawn
// at random (as the app draws it), rates their back on most days and does the routine on most
// core days; the log goes through the app's own analysis (analyseExperiment), so the claim, the
// p-value and the missing-period rule are tested together.
//
// Pain is made day by day: a level that carries over from one day to the next (AR(1)), around a
// baseline that may drift, plus a rating's own noise. Where core work helps, it lowers the level
// by EFFECT points once it has had two days to work, and the benefit wears off over two days of
// the next usual period: that is what the washout days are for.
import {
  analyseExperiment,
  planEndDate,
  planPeriods,
  type Claim,
  type Condition,
  type Experiment,
  type ExperimentLog,
} from '../shared/experiment';
import { calendarDayNumber, dateOfDayNumber } from '../shared/insights/dates';
import type { PainRating, StrengthSession } from '../shared/model';
import { seededRandom, type Random } from './prng';

export type ExperimentScenarioId = 'null' | 'null-recovery' | 'null-skip-bad-days' | 'effect-1' | 'effect-0.5';

export interface ExperimentScenario {
  id: ExperimentScenarioId;
  label: string;
  /** Points by which core work really lowers back pain (0: it does nothing). */
  effect: number;
}

export const EXPERIMENT_SCENARIOS: readonly ExperimentScenario[] = [
  { id: 'null', label: 'core work does nothing; pain carries over from day to day', effect: 0 },
  {
    id: 'null-recovery',
    label: 'core work does nothing; pain eases by 3 points over the plan (natural recovery)',
    effect: 0,
  },
  {
    id: 'null-skip-bad-days',
    label: 'core work does nothing; bad days go unrated more often',
    effect: 0,
  },
  { id: 'effect-1', label: 'core work lowers back pain by 1 point (after 2 days; wears off over 2)', effect: 1 },
  { id: 'effect-0.5', label: 'core work lowers back pain by 0.5 points (after 2 days; wears off over 2)', effect: 0.5 },
];

export interface SimulationPlan {
  periodDays: 7 | 14;
  cycles: number;
  washoutDays: number;
}

export const DEFAULT_SIMULATION_PLAN: SimulationPlan = { periodDays: 7, cycles: 6, washoutDays: 2 };

/** Day-to-day carry-over of the pain level, its spread, and one rating's own noise. */
const DAY_PHI = 0.7;
const LEVEL_SD = 1;
const RATING_SD = 0.7;
const BASELINE = 4;
const RATING_CHANCE = 0.85;
/** Chance of a core session on a core day and on a usual day. */
const CORE_DAY_CHANCE = 0.85;
const USUAL_DAY_CHANCE = 0.15;
const START = '2025-01-06';

function normal(rng: Random): number {
  const u = 1 - rng.next();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** One simulated runner's plan and log, with `today` the plan's last day. */
export function simulateExperiment(
  scenario: ExperimentScenario,
  plan: SimulationPlan,
  rng: Random,
): { experiment: Experiment; log: ExperimentLog } {
  const first: Condition[] = Array.from({ length: plan.cycles }, () => (rng.chance(0.5) ? 'core' : 'usual'));
  const periods = planPeriods({ startDate: START, ...plan }, first);
  const experiment: Experiment = {
    id: '00000000-0000-4000-8000-000000000001',
    name: 'simulated',
    startDate: START,
    ...plan,
    status: 'completed',
    periods,
  };
  const pain: PainRating[] = [];
  const strength: StrengthSession[] = [];
  const days = 2 * plan.cycles * plan.periodDays;
  const startDay = calendarDayNumber(START);
  const innovation = LEVEL_SD * Math.sqrt(1 - DAY_PHI * DAY_PHI);
  let deviation = LEVEL_SD * normal(rng);
  // How much of the core benefit is in effect (0 to 1): builds over 2 days, wears off over 2.
  let benefit = 0;
  for (let d = 0; d < days; d++) {
    const condition = periods[Math.floor(d / plan.periodDays)]!.condition;
    benefit = condition === 'core' ? Math.min(1, benefit + 0.5) : Math.max(0, benefit - 0.5);
    deviation = DAY_PHI * deviation + innovation * normal(rng);
    const drift = scenario.id === 'null-recovery' ? 1.5 - (3 * d) / days : 0;
    const level = BASELINE + drift + deviation - scenario.effect * benefit;
    const date = dateOfDayNumber(startDay + d);
    const ratingChance =
      scenario.id === 'null-skip-bad-days'
        ? Math.min(0.95, Math.max(0.3, RATING_CHANCE - 0.25 * deviation))
        : RATING_CHANCE;
    if (rng.chance(ratingChance)) {
      const score = Math.min(10, Math.max(0, Math.round(level + RATING_SD * normal(rng))));
      pain.push({
        id: `00000000-0000-4000-8000-${String(2 * d).padStart(12, '0')}`,
        date,
        score,
        location: 'lower_back',
        side: 'centre',
        kind: 'muscular',
        timing: 'next_morning',
      });
    }
    if (rng.chance(condition === 'core' ? CORE_DAY_CHANCE : USUAL_DAY_CHANCE)) {
      strength.push({
        id: `00000000-0000-4000-8000-${String(2 * d + 1).padStart(12, '0')}`,
        date,
        items: [{ exercise: 'plank', sets: 1, holdS: 40 }],
      });
    }
  }
  return {
    experiment,
    log: { pain, strength, customExercises: [], today: planEndDate({ startDate: START, ...plan }) },
  };
}

export interface ExperimentRates {
  scenario: ExperimentScenarioId;
  runs: number;
  /** Final result claims "lower with core". */
  lower: number;
  /** Final result claims "higher with core". */
  higher: number;
  /** Final result: not enough data. */
  notEnoughData: number;
  /** Some day's live result (a look each day while it runs, the last day included) claims an effect. */
  claimedOnSomeDay: number;
  /** Mean estimate over runs with one. */
  meanEstimate: number;
}

const isEffectClaim = (claim: Claim): boolean => claim === 'lower_with_core' || claim === 'higher_with_core';

/** Simulates `runs` experiments of one scenario from `seed` and counts the claims. */
export function experimentRates(
  scenario: ExperimentScenario,
  runs: number,
  seed: number,
  plan: SimulationPlan = DEFAULT_SIMULATION_PLAN,
  { dailyLooks = true }: { dailyLooks?: boolean } = {},
): ExperimentRates {
  const rng = seededRandom(seed);
  let lower = 0;
  let higher = 0;
  let notEnough = 0;
  let someDay = 0;
  let estimateSum = 0;
  let estimates = 0;
  for (let i = 0; i < runs; i++) {
    const { experiment, log } = simulateExperiment(scenario, plan, rng);
    const { result } = analyseExperiment(experiment, log);
    if (result.claim === 'lower_with_core') lower++;
    if (result.claim === 'higher_with_core') higher++;
    if (result.claim === 'not_enough_data') notEnough++;
    if (result.estimate !== null) {
      estimateSum += result.estimate;
      estimates++;
    }
    if (dailyLooks) {
      // The live result as the runner sees it each day (a claim needs 6 usable cycles, so only
      // the days from the last cycles on can claim anything; earlier days are skipped for speed).
      const startDay = calendarDayNumber(experiment.startDate);
      const end = calendarDayNumber(log.today);
      const firstPossible = startDay + 2 * plan.periodDays * Math.min(plan.cycles - 1, 5);
      let claimed = isEffectClaim(result.claim);
      for (let day = firstPossible; day < end && !claimed; day++) {
        const running = analyseExperiment(
          { ...experiment, status: 'running' },
          { ...log, today: dateOfDayNumber(day) },
        ).result;
        claimed = isEffectClaim(running.claim);
      }
      if (claimed) someDay++;
    }
  }
  return {
    scenario: scenario.id,
    runs,
    lower: lower / runs,
    higher: higher / runs,
    notEnoughData: notEnough / runs,
    claimedOnSomeDay: someDay / runs,
    meanEstimate: estimates > 0 ? estimateSum / estimates : Number.NaN,
  };
}

/**
 * The share of sign patterns that reach p < 0.05 when no two sign flips tie: with k usable
 * cycles, p takes the values 2m/2^k, so the exact test claims an effect with probability
 * (largest 2m/2^k below 0.05) when core work does nothing. 0 below 6 cycles.
 */
export function nominalFalseClaimRate(k: number): number {
  const step = 2 / 2 ** k;
  const m = Math.ceil(0.05 / step) - 1;
  return Math.max(0, m) * step;
}
