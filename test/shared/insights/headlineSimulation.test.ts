// The headline's acceptance by simulation, at a size that keeps `npm test` quick. The full run
// (2,000 logs per scenario) is `npm run simulate:headline`; its rates are in the README.
import { describe, expect, it } from 'vitest';
import { MAX_NULL_RATE, MIN_POWER, SCENARIOS, scenarioRates, simulateLog } from '../../../bench/headlineSimulation';
import { seededRandom } from '../../../bench/prng';
import { buildInsightsReport } from '../../../shared/insights';

const LOGS = 250;
const WEEKS = 26;

describe('headline error rates on simulated logs', () => {
  for (const [i, scenario] of SCENARIOS.entries()) {
    it(`${scenario.id}: ${scenario.label}`, () => {
      const rates = scenarioRates(scenario, LOGS, WEEKS, 4242 + i);
      expect(rates.notEnoughData).toBe(0);
      if (scenario.hasEffect) {
        expect(rates.association).toBeGreaterThanOrEqual(MIN_POWER);
        expect(rates.meanEstimate).toBeGreaterThan(-0.7);
        expect(rates.meanEstimate).toBeLessThan(-0.35);
      } else {
        expect(rates.association).toBeLessThanOrEqual(MAX_NULL_RATE);
        // The exploratory correlations, by contrast, find a "pattern" far more often.
        expect(rates.anyLagUnadjusted).toBeGreaterThan(2 * MAX_NULL_RATE);
      }
    });
  }

  it('makes logs the app accepts, with every week finished and none empty', () => {
    const report = buildInsightsReport(simulateLog('ar-null', WEEKS, seededRandom(1)));
    expect(report.weeks).toHaveLength(WEEKS + 1);
    expect(report.weeks.at(-1)?.inProgress).toBe(true);
    expect(report.weeks.slice(0, -1).every((w) => !w.inProgress && !w.nothingLogged)).toBe(true);
    expect(report.headline.n).toBe(WEEKS - 1);
  });
});
