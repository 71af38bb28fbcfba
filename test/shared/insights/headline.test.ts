// The headline model against an independent computation (numpy least squares and scipy's t,
// test/fixtures/insights/make_fixtures.py), and its rules for when it answers at all.
import { Matrix, QrDecomposition, inverse } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import fixtures from '../../fixtures/insights/stats.json';
import { HEADLINE_MIN_WEEKS, buildInsightsReport, fitHeadline, ols } from '../../../shared/insights';
import type { HeadlineRows } from '../../../shared/insights';
import type { PainRating, Run, StrengthSession } from '../../../shared/model';
import { expectClose, makeInput, pain, run, session, shift } from './helpers';

interface FixtureWeek {
  core: number;
  pain: number[][];
  runs: number[];
}

/** Week i starts on Monday 2023-01-02 + 7i; day d of it holds pain[d]; today is after the last week. */
function logFrom(weeks: FixtureWeek[], weekStartsOn = 1) {
  const start = '2023-01-02';
  const runs: Run[] = [];
  const ratings: PainRating[] = [];
  const strength: StrengthSession[] = [];
  weeks.forEach((week, i) => {
    const monday = shift(start, 7 * i);
    for (let k = 0; k < week.core; k++) strength.push(session(shift(monday, k)));
    week.pain.forEach((scores, d) => scores.forEach((score) => ratings.push(pain(shift(monday, d), score))));
    week.runs.forEach((km, k) => runs.push(run(shift(monday, (k * 2) % 7), km)));
  });
  return makeInput({ runs, pain: ratings, strength, weekStartsOn, today: shift(start, 7 * weeks.length + 2) });
}

describe('headline model against numpy least squares', () => {
  it('records how the fixtures were made', () => {
    expect(fixtures.how).toContain('numpy.linalg.lstsq');
    expect(fixtures.headline.length).toBeGreaterThanOrEqual(3);
  });

  for (const c of fixtures.headline) {
    it(`${c.name}: estimate, interval, p and n from a real log`, () => {
      const { headline } = buildInsightsReport(logFrom(c.weeks));
      expect(headline.n).toBe(c.n);
      expect(headline.claim).toBe(c.claim);
      expectClose(headline.estimate, c.estimate, 1e-9);
      expectClose(headline.ci95?.[0], c.ci95[0] as number, 1e-9);
      expectClose(headline.ci95?.[1], c.ci95[1] as number, 1e-9);
      expectClose(headline.pValue, c.p, 1e-9);
    });

    it(`${c.name}: the same answer whatever the week-start setting`, () => {
      const monday = buildInsightsReport(logFrom(c.weeks, 1)).headline;
      for (const weekStartsOn of [0, 3, 6]) {
        expect(buildInsightsReport(logFrom(c.weeks, weekStartsOn)).headline).toEqual(monday);
      }
    });
  }
});

function rows(n: number, core: (i: number) => number): HeadlineRows {
  const out: HeadlineRows = { pain: [], prevCore: [], prevPain: [], runKm: [], week: [] };
  for (let i = 0; i < n; i++) {
    out.pain.push(3 + ((i * 7) % 5) / 2);
    out.prevCore.push(core(i));
    out.prevPain.push(3 + ((i * 3) % 4) / 2);
    out.runKm.push(20 + ((i * 11) % 7));
    out.week.push(i + 1);
  }
  return out;
}

describe('when the headline answers', () => {
  it(`says how many more weeks are needed below ${HEADLINE_MIN_WEEKS}`, () => {
    const h = fitHeadline(rows(9, (i) => i % 3));
    expect(h).toMatchObject({
      claim: 'not_enough_data',
      estimate: null,
      ci95: null,
      pValue: null,
      n: 9,
      weeksNeeded: 3,
    });
    expect(h.sentence).toContain('9 weeks so far, so 3 more weeks are needed');
    expect(fitHeadline(rows(HEADLINE_MIN_WEEKS, (i) => i % 3)).claim).not.toBe('not_enough_data');
  });

  it('does not answer when core sessions never vary', () => {
    const h = fitHeadline(rows(20, () => 2));
    expect(h).toMatchObject({ claim: 'not_enough_data', weeksNeeded: null, estimate: null });
    expect(h.sentence).toContain('the same every week');
  });

  it('drops a column that never varies (no runs logged) instead of failing', () => {
    const r = rows(15, (i) => i % 4);
    r.runKm = r.runKm.map(() => 0);
    const h = fitHeadline(r);
    expect(h.claim).not.toBe('not_enough_data');
    expect(h.estimate).not.toBeNull();
  });

  it('words an association in plain units with interval, n and p, never as cause', () => {
    const r = rows(20, (i) => i % 5);
    r.pain = r.pain.map((p, i) => p - 0.5 * (r.prevCore[i] as number) + ((i * 13) % 3) / 10);
    const h = fitHeadline(r);
    expect(h.claim).toBe('association');
    expect(h.estimate).toBeLessThan(0);
    expect(h.sentence).toMatch(
      /^About 0\.\d\d points less back pain the week after each extra core session \(95% interval 0\.\d\d to 0\.\d\d less\), from 20 weeks, each compared with the week before \(p [<=] [\d.]+\)\. This is an association in your own log, not proof that core work caused it\.$/,
    );
  });

  it('says there is no clear pattern when the interval includes 0', () => {
    const h = fitHeadline(rows(14, (i) => (i * 5) % 3));
    expect(h.claim).toBe('no_clear_association');
    expect(h.ci95?.[0]).toBeLessThan(0);
    expect(h.ci95?.[1]).toBeGreaterThan(0);
    expect(h.sentence).toMatch(/^No clear pattern: /);
  });
});

describe('ols', () => {
  it('refuses a design that is not of full rank', () => {
    expect(
      ols(
        [
          [1, 2, 4],
          [1, 3, 6],
          [1, 4, 8],
          [1, 5, 10],
        ],
        [1, 2, 3, 5],
      ),
    ).toBeNull();
  });

  it('fits a straight line exactly as the textbook formulas do', () => {
    const x = [1, 2, 3, 4, 5, 6];
    const y = [2.1, 3.9, 6.2, 7.8, 10.1, 12.2];
    const fit = ols(
      x.map((v) => [1, v]),
      y,
    );
    const mx = 3.5;
    const my = y.reduce((a, b) => a + b) / 6;
    const sxy = x.reduce((a, v, i) => a + (v - mx) * ((y[i] as number) - my), 0);
    const sxx = x.reduce((a, v) => a + (v - mx) ** 2, 0);
    expectClose(fit?.coefficients[1]?.estimate, sxy / sxx, 1e-12);
    expect(fit?.df).toBe(4);
  });

  it("gives ml-matrix's QR and inverse numbers to the last bit", () => {
    // ols decomposes [X | y] in one matrix, back-substitutes and sums X'X and the residuals itself:
    // still the numbers of ml-matrix's own route (it fails if the back substitution's order changes).
    const reference = (rows: number[][], y: number[]): { estimate: number; se: number }[] => {
      const X = new Matrix(rows);
      const Y = Matrix.columnVector(y);
      const beta = new QrDecomposition(X).solve(Y);
      const residuals = Y.sub(X.mmul(beta));
      const sigma2 = residuals.dot(residuals) / (rows.length - (rows[0]?.length ?? 0));
      const xtxInverse = inverse(X.transpose().mmul(X));
      return (rows[0] ?? []).map((_, j) => ({
        estimate: beta.get(j, 0),
        se: Math.sqrt(sigma2 * xtxInverse.get(j, j)),
      }));
    };
    let seed = 99;
    const rand = (): number => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    for (const [n, k] of [
      [8, 2],
      [30, 3],
      [200, 4],
      [1000, 5],
    ] as const) {
      const rows = Array.from({ length: n }, (_, i) => [
        1,
        ...Array.from({ length: k - 1 }, (_, j) => (j === 0 ? Math.floor(rand() * 4) : j === 1 ? i : rand() * 20 - 5)),
      ]);
      const y = rows.map((row) => 3 - 0.4 * (row[1] as number) + rand() * 2);
      const fit = ols(rows, y);
      expect(fit?.coefficients.map(({ estimate, se }) => ({ estimate, se }))).toEqual(reference(rows, y));
    }
  });
});
