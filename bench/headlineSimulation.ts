// Simulated logs for the headline's acceptance test: seeded, realistic daily entries (pain
// ratings on some days, core sessions, runs) from weekly processes where core work either does
// nothing (three ways of looking as if it did) or really lowers next week's pain. Each log goes
// through the app's own code (indexLog, the weekly series, the headline), so the definitions
// are tested together with the model.
import { buildCorrelations, buildHeadline, buildWeeklySeries, indexLog } from '../shared/insights';
import type { InsightsInput } from '../shared/insights';
import { dateOfDayNumber, calendarDayNumber } from '../shared/insights/dates';
import { PainRating, Run, StrengthSession } from '../shared/model';
import { seededRandom } from './prng';
import type { Random } from './prng';

export type ScenarioId = 'ar-null' | 'trend-null' | 'reverse-null' | 'true-effect';

export interface Scenario {
  id: ScenarioId;
  /** What the log looks like, for the report. */
  label: string;
  /** Whether core work really changes pain in this scenario. */
  hasEffect: boolean;
}

export const SCENARIOS: readonly Scenario[] = [
  {
    id: 'ar-null',
    label: 'no effect; weeks carry over (core φ 0.8, pain φ 0.7)',
    hasEffect: false,
  },
  {
    id: 'trend-null',
    label: 'no effect; pain and core work both drift down (natural recovery), same carry-over',
    hasEffect: false,
  },
  {
    id: 'reverse-null',
    label: "no effect; a bad week makes the runner skip next week's core work",
    hasEffect: false,
  },
  {
    id: 'true-effect',
    label: "each core session lowers next week's pain by 0.5 points, same carry-over",
    hasEffect: true,
  },
];

const CORE_PHI = 0.8;
const PAIN_PHI = 0.7;
/** Long-run mean and spread of the weekly pain level and of the weekly core count. */
const PAIN_MEAN = 4;
const PAIN_SD = 1.0;
const CORE_MEAN = 2.5;
const CORE_SD = 1.5;
const TRUE_EFFECT = -0.5;
/** Chance that a given day has a lower-back rating, and the spread of one rating around the week's level. */
const RATING_CHANCE = 0.6;
const RATING_SD = 1;

/** A standard normal draw (Box–Muller). */
function normal(rng: Random): number {
  const u = 1 - rng.next();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

const START_DAY = calendarDayNumber('2025-01-06'); // a Monday

/** One simulated log of `weeks` finished weeks; today is the Wednesday after the last one. */
export function simulateLog(scenario: ScenarioId, weeks: number, rng: Random, weekStartsOn = 1): InsightsInput {
  const runs: Run[] = [];
  const pain: PainRating[] = [];
  const strength: StrengthSession[] = [];
  const innovationCore = CORE_SD * Math.sqrt(1 - CORE_PHI * CORE_PHI);
  const innovationPain = PAIN_SD * Math.sqrt(1 - PAIN_PHI * PAIN_PHI);
  // Deviations of the latent weekly core count and pain level from their means (or trends).
  let coreDev = CORE_SD * normal(rng);
  let painDev = PAIN_SD * normal(rng);
  let prevCore = Math.round(CORE_MEAN);
  let prevLevel = PAIN_MEAN;
  let id = 0;
  const nextId = (): string => {
    id += 1;
    return `00000000-0000-4000-8000-${id.toString(16).padStart(12, '0')}`;
  };
  const effect = scenario === 'true-effect' ? TRUE_EFFECT : 0;

  for (let w = 0; w < weeks; w++) {
    // Natural recovery: over half a year pain eases by 3 points and core work by 2 sessions a week.
    const progress = scenario === 'trend-null' ? w / 26 - 0.5 : 0;
    coreDev = CORE_PHI * coreDev + innovationCore * normal(rng);
    let coreLatent = CORE_MEAN + coreDev - 2 * progress;
    // A point of pain above usual last week costs 0.8 core sessions this week.
    if (scenario === 'reverse-null') coreLatent -= 0.8 * (prevLevel - PAIN_MEAN);
    const core = clamp(Math.round(coreLatent), 0, 6);
    // Pain carries over from week to week (AR(1)); with a true effect, each core session last
    // week lowers this week's level by 0.5, and that change carries over like the rest.
    painDev = PAIN_PHI * painDev + effect * (prevCore - CORE_MEAN) + innovationPain * normal(rng);
    const level = PAIN_MEAN - 3 * progress + painDev;

    const monday = START_DAY + 7 * w;
    const coreDays = [0, 1, 2, 3, 4, 5, 6].sort(() => rng.next() - 0.5).slice(0, core);
    for (const d of coreDays) {
      strength.push(
        StrengthSession.parse({
          id: nextId(),
          date: dateOfDayNumber(monday + d),
          items: [{ exercise: 'plank', sets: 1 }],
        }),
      );
    }
    for (let d = 0; d < 7; d++) {
      if (!rng.chance(RATING_CHANCE)) continue;
      const score = clamp(Math.round(level + RATING_SD * normal(rng)), 0, 10);
      pain.push(PainRating.parse({ id: nextId(), date: dateOfDayNumber(monday + d), score }));
    }
    const runCount = rng.int(1, 4);
    for (let k = 0; k < runCount; k++) {
      const distanceKm = rng.int(16, 48) / 4;
      runs.push(
        Run.parse({
          id: nextId(),
          date: dateOfDayNumber(monday + 2 * k),
          distanceKm,
          durationS: Math.round(distanceKm * 330),
        }),
      );
    }
    prevCore = core;
    prevLevel = level;
  }
  return {
    runs,
    pain,
    strength,
    customExercises: [],
    weekStartsOn,
    today: dateOfDayNumber(START_DAY + 7 * weeks + 2),
  };
}

export interface ScenarioRates {
  scenario: ScenarioId;
  label: string;
  logs: number;
  weeks: number;
  /** Share of logs whose headline claims "association". */
  association: number;
  /** Share with too little data for the headline (should be ~0 at 26 weeks). */
  notEnoughData: number;
  /** For comparison: share of logs where an exploratory correlation (any lag) has p < 0.05 unadjusted. */
  anyLagUnadjusted: number;
  /** The same after Holm's adjustment over the three lags. */
  anyLagHolm: number;
  /** Mean estimate over the logs the headline answered for. */
  meanEstimate: number;
}

/** Simulates `logs` logs of one scenario from `seed` and counts the claims. */
export function scenarioRates(scenario: Scenario, logs: number, weeks: number, seed: number): ScenarioRates {
  const rng = seededRandom(seed);
  let association = 0;
  let notEnough = 0;
  let anyLag = 0;
  let anyLagHolm = 0;
  let estimateSum = 0;
  let answered = 0;
  for (let i = 0; i < logs; i++) {
    // The week-start setting is drawn too: the headline must not care.
    const input = simulateLog(scenario.id, weeks, rng, rng.int(0, 6));
    const index = indexLog(input);
    const headline = buildHeadline(index);
    if (headline.claim === 'association') association++;
    if (headline.claim === 'not_enough_data') notEnough++;
    if (headline.estimate !== null) {
      estimateSum += headline.estimate;
      answered++;
    }
    const correlations = buildCorrelations(buildWeeklySeries(index));
    if (correlations.some((c) => c.pValue !== null && c.pValue < 0.05)) anyLag++;
    if (correlations.some((c) => c.pHolm !== null && c.pHolm < 0.05)) anyLagHolm++;
  }
  return {
    scenario: scenario.id,
    label: scenario.label,
    logs,
    weeks,
    association: association / logs,
    notEnoughData: notEnough / logs,
    anyLagUnadjusted: anyLag / logs,
    anyLagHolm: anyLagHolm / logs,
    meanEstimate: answered > 0 ? estimateSum / answered : Number.NaN,
  };
}

/** The acceptance limits: at most this share of "association" in each null scenario... */
export const MAX_NULL_RATE = 0.1;
/** ...and at least this share in the true-effect one. */
export const MIN_POWER = 0.7;
