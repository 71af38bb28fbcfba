// Every figure is checked against scipy/numpy (test/fixtures/insights/stats.json, made by
// make_fixtures.py): directly on the series, and again through a real log at each lag.
import { describe, expect, it } from 'vitest';
import fixtures from '../../fixtures/insights/stats.json';
import {
  averageRanks,
  bonettWrightCI,
  buildInsightsReport,
  partialSpearman,
  spearman,
  spearmanPValue,
  welchTTest,
} from '../../../shared/insights';
import type { Lag } from '../../../shared/insights';
import type { PainRating, Run, StrengthSession } from '../../../shared/model';
import { expectClose, makeInput, pain, run, session, shift } from './helpers';

const RHO_TOL = 1e-9;
const P_TOL = 1e-6;

interface FixtureWeek {
  core: number;
  pain: number[];
  runs: number[];
}

/**
 * A log whose pairs at `lag` are exactly the fixture's (x, y, z): week i holds x[i] core
 * sessions; week i + lag holds the pain ratings and runs of y[i] and z[i].
 */
function logFromWeeks(weeks: FixtureWeek[], lag: Lag) {
  const start = '2023-01-02'; // a Monday
  const runs: Run[] = [];
  const ratings: PainRating[] = [];
  const strength: StrengthSession[] = [];
  weeks.forEach((week, i) => {
    const coreWeek = shift(start, 7 * i);
    // A recovery-only session (not core work) logs something in every week, so a week with
    // x[i] = 0 is a known 0 core sessions rather than a week with nothing logged.
    strength.push(session(coreWeek, ['back-roller']));
    for (let k = 0; k < week.core; k++) strength.push(session(shift(coreWeek, k % 7)));
    const painWeek = shift(start, 7 * (i + lag));
    week.pain.forEach((score, k) => ratings.push(pain(shift(painWeek, k % 7), score)));
    week.runs.forEach((km, k) => runs.push(run(shift(painWeek, k % 7), km)));
  });
  // Today falls in the week after the last pain week: every paired week is finished.
  const today = shift(start, 7 * (weeks.length + lag) + 3);
  return makeInput({ runs, pain: ratings, strength, today, weekStartsOn: 1 });
}

describe('Spearman against scipy.stats.spearmanr', () => {
  it('records how the fixtures were made', () => {
    expect(fixtures.how).toMatch(/scipy 1\.\d+/);
    expect(fixtures.how).toContain('make_fixtures.py');
    expect(fixtures.spearman.length).toBeGreaterThanOrEqual(6);
    expect(fixtures.spearman.some((c) => c.n === 8)).toBe(true);
  });

  for (const c of fixtures.spearman) {
    it(`${c.name}: rho, p, CI and partial rho on the series`, () => {
      const result = spearman(c.x, c.y);
      expect(result).not.toBeNull();
      expect(result?.n).toBe(c.n);
      expectClose(result?.rho, c.rho, RHO_TOL);
      expectClose(result?.pValue, c.p, P_TOL);
      expectClose(result?.ci95?.[0], c.ci95[0] as number, RHO_TOL);
      expectClose(result?.ci95?.[1], c.ci95[1] as number, RHO_TOL);
      expect(c.partialRho).not.toBeNull();
      expectClose(partialSpearman(c.x, c.y, c.z), c.partialRho as number, RHO_TOL);
    });

    for (const lag of [0, 1, 2] as const) {
      it(`${c.name}: the same figures from a real log at lag ${lag}`, () => {
        const report = buildInsightsReport(logFromWeeks(c.weeks, lag));
        const corr = report.correlations[lag];
        expect(corr?.lag).toBe(lag);
        expect(corr?.n).toBe(c.n);
        expect(corr?.reason).toBeNull();
        expectClose(corr?.rho, c.rho, RHO_TOL);
        expectClose(corr?.pValue, c.p, P_TOL);
        expectClose(corr?.ci95?.[0], c.ci95[0] as number, RHO_TOL);
        expectClose(corr?.ci95?.[1], c.ci95[1] as number, RHO_TOL);
        expectClose(corr?.partialRho, c.partialRho as number, RHO_TOL);
        expectClose(corr?.partialPValue, c.partialP, P_TOL);
        expectClose(corr?.partialCi95?.[0], c.partialCi95[0] as number, RHO_TOL);
        expectClose(corr?.partialCi95?.[1], c.partialCi95[1] as number, RHO_TOL);
      });
    }
  }

  it('gives exactly -1 for a perfect inverse order, with an interval that is not zero-width', () => {
    const c = fixtures.spearman.find((f) => f.name === 'n10_perfect_negative');
    const result = spearman(c?.x ?? [], c?.y ?? []);
    expect(result?.rho).toBe(-1);
    expect(result?.ci95?.[0]).toBe(-1);
    // Was [-1, -1] ("−1.00 to −1.00"): now the near end is honest about 10 weeks.
    expect(result?.ci95?.[1]).toBeGreaterThan(-0.99);
    expect(result?.pValue).toBeGreaterThan(0);
    expect(result?.pValue).toBeLessThan(0.05);
    const report = buildInsightsReport(logFromWeeks(c?.weeks ?? [], 0));
    const json = JSON.stringify(report);
    expect(json).not.toMatch(/NaN|Infinity/);
    expect(JSON.parse(json)).toEqual(report);
  });

  it('handles rho = +1 too, with no NaN or Infinity', () => {
    const x = [1, 2, 3, 4, 5, 6, 7, 8];
    const result = spearman(
      x,
      x.map((v) => v * v),
    );
    expect(result?.rho).toBe(1);
    expect(result?.ci95?.[1]).toBe(1);
    expect(result?.ci95?.[0]).toBeLessThan(0.95);
    expect(result?.ci95?.[0]).toBeGreaterThan(0);
    expect(spearmanPValue(1, 8)).toBeGreaterThan(0);
    expect(bonettWrightCI(-1, 8)?.[1]).toBeGreaterThan(-0.95);
    expect(JSON.stringify(result)).not.toMatch(/NaN|Infinity|null/);
  });

  it('ranks ties by their average rank, as scipy.stats.rankdata', () => {
    expect(averageRanks([10, 20, 20, 5, 20, 10])).toEqual([2.5, 5, 5, 1, 5, 2.5]);
    expect(averageRanks([])).toEqual([]);
  });

  it('ranks long series with many ties, in any order, as the definition says', () => {
    let seed = 3;
    const rand = (): number => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    // The rank of v: 1 + how many values are below it + half of how many others equal it.
    const byDefinition = (xs: number[]): number[] =>
      xs.map((v) => 1 + xs.filter((w) => w < v).length + (xs.filter((w) => w === v).length - 1) / 2);
    for (const n of [17, 40, 300]) {
      for (const distinct of [2, 7, 1000]) {
        const xs = Array.from({ length: n }, () => Math.floor(rand() * distinct) / 3);
        expect(averageRanks(xs)).toEqual(byDefinition(xs));
        const sorted = [...xs].sort((a, b) => a - b);
        expect(averageRanks(sorted)).toEqual(byDefinition(sorted));
        expect(averageRanks([...sorted].reverse())).toEqual(byDefinition([...sorted].reverse()));
      }
    }
  });

  it('returns null for a constant series, and plain rho when the control is constant', () => {
    expect(spearman([1, 1, 1, 1], [1, 2, 3, 4])).toBeNull();
    const x = [1, 2, 3, 4, 5, 6, 7, 8];
    const y = [2, 1, 4, 3, 6, 5, 8, 7];
    expect(partialSpearman(x, y, [5, 5, 5, 5, 5, 5, 5, 5])).toBe(spearman(x, y)?.rho);
    // x is a perfect monotone function of z: the partial correlation is undefined.
    expect(partialSpearman(x, y, x)).toBeNull();
  });
});

describe('Welch against scipy.stats.ttest_ind(equal_var=False)', () => {
  for (const c of fixtures.welch) {
    it(`${c.name}: difference, df, p and 95% interval`, () => {
      const w = welchTTest(c.withCore, c.withoutCore);
      expect(w).not.toBeNull();
      expectClose(w?.difference, c.difference, 1e-12);
      expectClose(w?.df, c.df, 1e-9);
      expectClose(w?.t, c.t, 1e-9);
      expectClose(w?.pValue, c.p, P_TOL);
      expectClose(w?.ci95[0], c.ci95[0] as number, P_TOL);
      expectClose(w?.ci95[1], c.ci95[1] as number, P_TOL);
    });

    it(`${c.name}: the same interval from a real log's day-level comparison`, () => {
      // With-core days: a core session on day 3k, the ratings on day 3k + 1.
      // Without-core days come later, each after a day with no session at all.
      const start = '2022-01-03';
      const strength: StrengthSession[] = [];
      const ratings: PainRating[] = [];
      c.withCoreDays.forEach((scores, k) => {
        strength.push(session(shift(start, 3 * k)));
        for (const s of scores) ratings.push(pain(shift(start, 3 * k + 1), s));
      });
      const later = shift(start, 3 * c.withCoreDays.length + 10);
      c.withoutCoreDays.forEach((scores, k) => {
        for (const s of scores) ratings.push(pain(shift(later, 3 * k + 1), s));
      });
      const report = buildInsightsReport(makeInput({ strength, pain: ratings, today: '2024-01-01' }));
      const d = report.dayLevel;
      expect(d.reason).toBeNull();
      expect(d.withCore.n).toBe(c.withCore.length);
      expect(d.withoutCore.n).toBe(c.withoutCore.length);
      expectClose(d.withCore.meanPain, c.meanWith, 1e-12);
      expectClose(d.withoutCore.meanPain, c.meanWithout, 1e-12);
      expectClose(d.difference, c.difference, 1e-12);
      expectClose(d.ci95?.[0], c.ci95[0] as number, P_TOL);
      expectClose(d.ci95?.[1], c.ci95[1] as number, P_TOL);
    });
  }

  it('has no interval when a group is too small or neither group varies', () => {
    expect(welchTTest([1], [1, 2, 3])).toBeNull();
    expect(welchTTest([2, 2, 2], [3, 3, 3])).toBeNull();
  });
});
