// How often the experiment's result claims an effect when core work does nothing, and how often
// it finds a real one: seeded simulated runners analysed by the app's own code, at a size that
// keeps `npm test` quick. The full run is `npm run simulate:experiment`; its figures are in the
// README. The rate the exact test should give is computed independently in Python
// (test/fixtures/experiment/make_fixtures.py, "nullClaimRate").
import { describe, expect, it } from 'vitest';
import fixtures from '../../fixtures/experiment/experiment.json';
import {
  EXPERIMENT_SCENARIOS,
  experimentRates,
  nominalFalseClaimRate,
  simulateExperiment,
  type ExperimentScenarioId,
} from '../../../bench/experimentSimulation';
import { seededRandom } from '../../../bench/prng';
import { randomizationP } from '../../../shared/experiment';
import { PainRating, StrengthSession } from '../../../shared/model';

const scenario = (id: ExperimentScenarioId) => EXPERIMENT_SCENARIOS.find((s) => s.id === id)!;
/** Three standard errors of a rate estimated from `n` runs. */
const margin = (rate: number, n: number) => 3 * Math.sqrt((rate * (1 - rate)) / n);

describe('the exact test under no effect (against the Python enumeration)', () => {
  it.each(fixtures.nullClaimRate)('$cycles usable cycles: claims in $falseClaimRate of sign patterns', (c) => {
    expect(nominalFalseClaimRate(c.cycles)).toBe(c.falseClaimRate);
    // The same from the app's own test, over every sign pattern of differences without ties.
    const magnitudes = Array.from({ length: c.cycles }, (_, i) => 1 + 2 ** -(i + 1));
    let claims = 0;
    for (let mask = 0; mask < 2 ** c.cycles; mask++) {
      const differences = magnitudes.map((m, i) => (mask & (1 << i) ? -m : m));
      if (randomizationP(differences)! < 0.05) claims++;
    }
    expect(claims / 2 ** c.cycles).toBe(c.falseClaimRate);
  });

  it('on differences drawn from one symmetric distribution, claims at that rate (8 cycles, 4,000 draws)', () => {
    const rng = seededRandom(8);
    const draws = 4000;
    let claims = 0;
    for (let i = 0; i < draws; i++) {
      const differences = Array.from({ length: 8 }, () => rng.gauss());
      if (randomizationP(differences)! < 0.05) claims++;
    }
    const expected = fixtures.nullClaimRate.find((c) => c.cycles === 8)!.falseClaimRate;
    expect(Math.abs(claims / draws - expected)).toBeLessThan(margin(expected, draws));
  });
});

describe('simulated runners, 6 cycles of 7 days with 2 washout days', () => {
  const RUNS = 1000;
  const nominal = nominalFalseClaimRate(6);

  it.each(['null', 'null-recovery', 'null-skip-bad-days'] as const)(
    '%s: the final result claims an effect in at most 1 run in 32 (plus chance)',
    (id) => {
      const rates = experimentRates(scenario(id), RUNS, 1300 + id.length, undefined, { dailyLooks: false });
      expect(rates.lower + rates.higher).toBeLessThanOrEqual(nominal + margin(nominal, RUNS));
      expect(rates.notEnoughData).toBeLessThan(0.01);
      // No direction is favoured: pain easing over the weeks does not make core work look good.
      expect(Math.abs(rates.meanEstimate)).toBeLessThan(0.05);
    },
  );

  it('a true 1-point effect: the estimate finds it, and every claim is in the right direction', () => {
    const rates = experimentRates(scenario('effect-1'), RUNS, 1400, undefined, { dailyLooks: false });
    expect(rates.meanEstimate).toBeGreaterThan(-1.1);
    expect(rates.meanEstimate).toBeLessThan(-0.9);
    expect(rates.higher).toBe(0);
    // A clear result needs all 6 cycles to point the same way, so even a real 1-point effect
    // gives "no clear difference" in most runs: that sentence must never say core work does nothing.
    expect(rates.lower).toBeGreaterThan(0.1);
    expect(rates.lower).toBeLessThan(0.5);
  });

  it('without washout days, the build-up and carry-over dilute the estimate (to about 6/7 of the effect)', () => {
    const plan = { periodDays: 7 as const, cycles: 6, washoutDays: 0 };
    const rates = experimentRates(scenario('effect-1'), 400, 1500, plan, { dailyLooks: false });
    expect(rates.meanEstimate).toBeGreaterThan(-0.93);
    expect(rates.meanEstimate).toBeLessThan(-0.78);
  });
});

describe('looking at the live result every day (8 cycles of 7 days, no effect)', () => {
  it('claims by chance on some day more often than at the end: so only the final result concludes', () => {
    const plan = { periodDays: 7 as const, cycles: 8, washoutDays: 2 };
    const runs = 800;
    const rates = experimentRates(scenario('null'), runs, 1600, plan);
    const final = rates.lower + rates.higher;
    expect(final).toBeLessThanOrEqual(nominalFalseClaimRate(8) + margin(nominalFalseClaimRate(8), runs));
    expect(rates.claimedOnSomeDay).toBeGreaterThan(final + 0.02);
  });
});

it('makes logs the app accepts', () => {
  const { experiment, log } = simulateExperiment(
    scenario('effect-1'),
    { periodDays: 7, cycles: 6, washoutDays: 2 },
    seededRandom(3),
  );
  expect(experiment.periods).toHaveLength(12);
  for (const rating of log.pain) expect(PainRating.parse(rating)).toEqual(rating);
  for (const session of log.strength) expect(StrengthSession.parse(session)).toEqual(session);
  expect(log.pain.length).toBeGreaterThan(60);
});
