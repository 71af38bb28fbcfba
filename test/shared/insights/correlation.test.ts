import { describe, expect, it } from 'vitest';
import fixtures from '../../fixtures/insights/stats.json';
import {
  MIN_PAIRS,
  buildInsightsReport,
  correlatePairs,
  correlationSentence,
  lagCorrelation,
  pairWeeks,
} from '../../../shared/insights';
import type { WeekSummary } from '../../../shared/insights';
import type { WeeklySeries } from '../../../shared/insights';
import type { PainRating, StrengthSession } from '../../../shared/model';
import { allStrings, makeInput, pain, session, shift } from './helpers';

function week(i: number, coreSessions: number, meanBackPain: number | null, runKm = 0): WeekSummary {
  return {
    weekStart: shift('2024-01-01', 7 * i),
    coreSessions,
    runKm,
    runs: runKm > 0 ? 1 : 0,
    meanBackPain,
    maxBackPain: meanBackPain,
    painDays: meanBackPain ? 1 : 0,
    inProgress: false,
    nothingLogged: false,
  };
}

function series(weeks: WeekSummary[]): WeeklySeries {
  return { weeks, rawRunKm: weeks.map((w) => w.runKm) };
}

describe('pairing weeks for each lag', () => {
  const s = series([week(0, 3, 5, 10), week(1, 1, null, 20), week(2, 0, 7, 30), week(3, 2, 4, 40)]);

  it('pairs core in week w with pain (and km) in week w + lag, skipping weeks without pain', () => {
    expect(pairWeeks(s, 0)).toEqual({ core: [3, 0, 2], pain: [5, 7, 4], runKm: [10, 30, 40] });
    expect(pairWeeks(s, 1)).toEqual({ core: [1, 0], pain: [7, 4], runKm: [30, 40] });
    expect(pairWeeks(s, 2)).toEqual({ core: [3, 1], pain: [7, 4], runKm: [30, 40] });
  });
});

describe('reasons when no correlation is shown', () => {
  it('says how many more weeks are needed below 8 pairs', () => {
    const c = correlatePairs({ core: [1, 2, 3, 4, 5], pain: [5, 4, 3, 2, 1], runKm: [0, 0, 0, 0, 0] }, 0);
    // Not "have both core sessions and back-pain ratings": weeks with 0 core sessions count too.
    const reason =
      'Only 5 finished weeks have back-pain ratings so far; 3 more are needed before a correlation is shown.';
    expect(c).toEqual({
      lag: 0,
      n: 5,
      rho: null,
      pValue: null,
      ci95: null,
      partialRho: null,
      pHolm: null,
      partialCi95: null,
      partialPValue: null,
      reason,
      sentence: reason,
    });
  });

  it('words the lagged and singular cases', () => {
    const seven = correlatePairs({ core: [1, 2, 3, 4, 5, 6, 7], pain: [1, 2, 3, 4, 5, 6, 7], runKm: [] }, 1);
    expect(seven.reason).toBe(
      'Only 7 pairs of weeks (a logged week paired with back-pain ratings one week later) can be used so far; 1 more pair is needed before a correlation is shown.',
    );
    const one = correlatePairs({ core: [1], pain: [1], runKm: [0] }, 2);
    expect(one.reason).toBe(
      'Only 1 pair of weeks (a logged week paired with back-pain ratings two weeks later) can be used so far; 7 more pairs are needed before a correlation is shown.',
    );
    const none = correlatePairs({ core: [], pain: [], runKm: [] }, 0);
    expect(none.reason).toBe(
      'No finished week has back-pain ratings yet; 8 more are needed before a correlation is shown.',
    );
  });

  it('shows a correlation from exactly 8 pairs', () => {
    expect(MIN_PAIRS).toBe(8);
    const c = correlatePairs(
      { core: [0, 1, 2, 3, 4, 5, 6, 7], pain: [5, 6, 4, 4, 3, 2, 3, 1], runKm: [1, 2, 3, 4, 5, 6, 7, 8] },
      0,
    );
    expect(c.reason).toBeNull();
    expect(c.rho).not.toBeNull();
    expect(c.n).toBe(8);
  });

  it('explains a constant series', () => {
    const core = correlatePairs({ core: [2, 2, 2, 2, 2, 2, 2, 2, 2], pain: [1, 2, 3, 4, 5, 6, 7, 8, 9], runKm: [] }, 0);
    expect(core.reason).toBe('Your core sessions were the same every week, so there is nothing to correlate yet.');
    expect(core.sentence).toBe(core.reason);
    expect(core.rho).toBeNull();
    expect(core.partialRho).toBeNull();
    const painConst = correlatePairs({ core: [1, 2, 3, 4, 5, 6, 7, 8], pain: [3, 3, 3, 3, 3, 3, 3, 3], runKm: [] }, 1);
    expect(painConst.reason).toBe(
      'Your weekly back pain was the same every week, so there is nothing to correlate yet.',
    );
    expect(painConst.ci95).toBeNull();
  });

  it('leaves weeks without a back-pain rating out (they are not pain 0)', () => {
    // 10 weeks, pain logged only in 6 of them: 6 pairs, not 10.
    const strength: StrengthSession[] = [];
    const ratings: PainRating[] = [];
    for (let i = 0; i < 10; i++) {
      strength.push(session(shift('2024-01-01', 7 * i)));
      if (i % 5 < 3) ratings.push(pain(shift('2024-01-02', 7 * i), i));
    }
    const report = buildInsightsReport(makeInput({ strength, pain: ratings, today: '2024-03-06' }));
    expect(report.correlations[0]?.n).toBe(6);
    expect(report.correlations[0]?.reason).toMatch(/^Only 6 finished weeks/);
  });

  it('never pairs the current, unfinished week', () => {
    // Nine finished weeks with a session and a rating, then a rating logged today (Wednesday).
    const strength: StrengthSession[] = [];
    const ratings: PainRating[] = [];
    for (let i = 0; i < 9; i++) {
      strength.push(session(shift('2024-01-01', 7 * i)));
      ratings.push(pain(shift('2024-01-02', 7 * i), i % 3));
    }
    ratings.push(pain('2024-03-06', 7));
    const report = buildInsightsReport(makeInput({ strength, pain: ratings, today: '2024-03-06' }));
    expect(report.weeks.at(-1)).toMatchObject({ weekStart: '2024-03-04', inProgress: true, meanBackPain: 7 });
    // Before: 10 pairs at every lag, the unfinished week adding a pair with core = 0.
    expect(report.correlations.map((c) => c.n)).toEqual([9, 8, 7]);
  });

  it('leaves a week with nothing logged out instead of counting it as 0 core sessions', () => {
    // Weeks 0-11, with weeks 3 and 7 empty (no run, rating or session at all).
    const strength: StrengthSession[] = [];
    const ratings: PainRating[] = [];
    for (let i = 0; i < 12; i++) {
      if (i === 3 || i === 7) continue;
      for (let k = 0; k < (i % 3) + 1; k++) strength.push(session(shift('2024-01-01', 7 * i + k)));
      ratings.push(pain(shift('2024-01-05', 7 * i), (i * 5) % 7));
    }
    const report = buildInsightsReport(makeInput({ strength, pain: ratings, today: '2024-03-27' }));
    expect(report.weeks.filter((w) => w.nothingLogged && !w.inProgress).map((w) => w.weekStart)).toEqual([
      '2024-01-22',
      '2024-02-19',
    ]);
    // Lag 0: the 10 weeks with ratings. Lag 1: 11 pairs in the calendar, minus the two whose
    // core week is empty and the two whose pain week is unrated. Before, the empty weeks
    // counted as 0 core sessions and gave 9 pairs at lag 1.
    expect(report.correlations.map((c) => c.n)).toEqual([10, 7, 6]);
  });

  it('adds the pain week run km as the control for the partial correlation', () => {
    const c = lagCorrelation(
      series([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => week(i, i % 4, 10 - i, i === 0 ? 0 : 10 * ((i * 7) % 5)))),
      0,
    );
    expect(c.partialRho).not.toBeNull();
    expect(c.partialRho).not.toBe(c.rho);
  });
});

describe('sentences', () => {
  const base = { n: 23, ci95: [-0.77, -0.14] as [number, number] };

  it('reads like the product issue for a lag of one week', () => {
    expect(correlationSentence({ ...base, lag: 1, rho: -0.52 })).toBe(
      'In 23 pairs of weeks, weeks with more core sessions were followed one week later by weeks with less back pain ' +
        '(rho -0.52, 95% interval -0.77 to -0.14). This is an association in your own log, not proof of cause.',
    );
  });

  it('says "went with" at lag 0 and "two weeks later" at lag 2', () => {
    expect(correlationSentence({ ...base, lag: 0, rho: -0.52 })).toContain(
      'weeks with more core sessions went with less back pain in the same week',
    );
    expect(correlationSentence({ ...base, lag: 2, rho: -0.52 })).toContain('were followed two weeks later by');
  });

  it('says "more back pain" for a positive rho', () => {
    const s = correlationSentence({ n: 12, lag: 1, rho: 0.4, ci95: [0.1, 0.7] });
    expect(s).toContain('weeks with more back pain');
    expect(s).not.toContain('no clear pattern');
  });

  it('says there is no clear pattern below |rho| 0.1, even with an interval away from 0', () => {
    const s = correlationSentence({ n: 400, lag: 1, rho: -0.09, ci95: [-0.18, -0.01] });
    expect(s).toContain('there was no clear pattern between the number of core sessions and back pain one week later');
    expect(s).not.toContain('followed');
  });

  it('says there is no clear pattern when the interval includes 0 (rho -0.12 no longer reads as less pain)', () => {
    const s = correlationSentence({ n: 30, lag: 1, rho: -0.12, ci95: [-0.46, 0.25] });
    expect(s).toContain('In 30 pairs of weeks, there was no clear pattern');
    expect(s).not.toContain('less back pain');
    expect(s).toContain('(rho -0.12, 95% interval -0.46 to 0.25)');
    // Says what the interval means, not that an interval excluding 0 would prove something.
    expect(s).toContain('The interval includes 0: your log is compatible with no relationship, or one either way.');
    expect(s).not.toContain('could be chance');
  });

  it('never speaks of cause, in any sentence the fixtures produce', () => {
    for (const c of fixtures.spearman) {
      for (const lag of [0, 1, 2] as const) {
        const result = correlatePairs({ core: c.x, pain: c.y, runKm: c.z }, lag);
        for (const text of allStrings(result)) {
          expect(text).not.toMatch(/\bcauses\b|\bbecause\b|\bcaused\b|\bleads? to\b/i);
        }
        expect(result.sentence).toContain('association');
        expect(result.sentence).toContain(lag === 0 ? `In ${c.n} weeks,` : `In ${c.n} pairs of weeks,`);
      }
    }
  });
});
