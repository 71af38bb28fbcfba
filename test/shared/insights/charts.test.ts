import { describe, expect, it } from 'vitest';
import { buildInsightsReport } from '../../../shared/insights';
import {
  MAX_CHART_POINTS,
  MAX_JITTER,
  bucketSize,
  buildChartSeries,
  flagsByWeek,
  rangeStartIndex,
  reduceBuckets,
  relationshipPoints,
  weekBuckets,
  weekIndexOf,
} from '../../../shared/insights/charts';
import { StrengthSession } from '../../../shared/model';
import { makeInput, nextId, pain, run, session, shift } from './helpers';

function holds(date: string, items: Array<{ exercise: string; holdS?: number; reps?: number }>): StrengthSession {
  return StrengthSession.parse({ id: nextId(), date, items });
}

describe('distance per shoe', () => {
  it('sums each week by shoe, grouping spellings as the shoe list does, with runs without a shoe apart', () => {
    const { shoeDistance } = buildChartSeries(
      makeInput({
        today: '2024-03-20', // weeks (Monday start): 03-04, 03-11, 03-18
        runs: [
          run('2024-03-12', 8, { shoe: 'Clifton 9' }),
          run('2024-03-05', 10, { shoe: 'Pegasus' }),
          run('2024-03-06', 5, { shoe: ' pegasus ' }),
          run('2024-03-07', 4),
          run('2024-03-19', 6.5, { shoe: 'Clifton 9' }),
        ],
      }),
    );
    expect(shoeDistance).toEqual({
      shoes: ['Pegasus', 'Clifton 9'],
      weeks: [
        { weekStart: '2024-03-04', km: [15, 0], noShoeKm: 4 },
        { weekStart: '2024-03-11', km: [0, 8], noShoeKm: 0 },
        { weekStart: '2024-03-18', km: [0, 6.5], noShoeKm: 0 },
      ],
    });
  });
});

describe('pain map', () => {
  const input = makeInput({
    today: '2024-03-20', // weeks (Monday start): 03-04, 03-11, 03-18
    pain: [
      pain('2024-03-05', 4, { location: 'lower_back', kind: 'muscular' }),
      pain('2024-03-05', 6, { location: 'lower_back', kind: 'muscular', timing: 'after_run' }),
      pain('2024-03-06', 0, { location: 'lower_back', kind: 'muscular' }),
      pain('2024-03-07', 3, { location: 'knee', kind: 'bone_like' }),
      pain('2024-03-19', 2, { location: 'hip' }),
    ],
  });
  const { painMap } = buildChartSeries(input);

  it('has the same weeks as the report', () => {
    const report = buildInsightsReport(input);
    expect(painMap.map((w) => w.weekStart)).toEqual(report.weeks.map((w) => w.weekStart));
    expect(painMap.map((w) => w.weekStart)).toEqual(['2024-03-04', '2024-03-11', '2024-03-18']);
  });

  it('counts days with pain once per day and averages every rating, zeros included', () => {
    const back = painMap[0]!.byLocation.lower_back;
    // Two ratings on 03-05 are one painful day; the 0 on 03-06 is a rating but no pain day.
    expect(back).toEqual({ painDays: 1, meanScore: 10 / 3, ratings: 3 });
    expect(painMap[0]!.byLocation.knee).toEqual({ painDays: 1, meanScore: 3, ratings: 1 });
    expect(painMap[0]!.byLocation.hip).toEqual({ painDays: 0, meanScore: null, ratings: 0 });
  });

  it('groups by kind over all locations', () => {
    expect(painMap[0]!.byKind.muscular).toEqual({ painDays: 1, meanScore: 10 / 3, ratings: 3 });
    expect(painMap[0]!.byKind.bone_like).toEqual({ painDays: 1, meanScore: 3, ratings: 1 });
    // The hip rating had no kind given: the stored default is "unsure".
    expect(painMap[2]!.byKind.unsure).toEqual({ painDays: 1, meanScore: 2, ratings: 1 });
  });

  it('leaves a week without ratings empty rather than painless-with-a-score', () => {
    for (const cell of Object.values(painMap[1]!.byLocation)) expect(cell.meanScore).toBeNull();
  });

  it('follows the week-start setting', () => {
    const sunday = buildChartSeries({ ...input, weekStartsOn: 0 });
    expect(sunday.painMap[0]!.weekStart).toBe('2024-03-03');
  });

  it('is empty for an empty log', () => {
    expect(buildChartSeries(makeInput({}))).toEqual({
      painMap: [],
      endurance: [],
      shoeDistance: { shoes: [], weeks: [] },
    });
  });
});

describe('core endurance', () => {
  const input = makeInput({
    today: '2024-03-20',
    strength: [
      holds('2024-03-04', [
        { exercise: 'plank', holdS: 40 },
        { exercise: 'side-plank', holdS: 25 },
      ]),
      holds('2024-03-08', [{ exercise: 'plank', holdS: 55 }]),
      // Imported data may use the exercise's name; glute-bridge holds are not endurance holds.
      holds('2024-03-19', [
        { exercise: 'Side plank (left/right)', holdS: 35 },
        { exercise: 'glute-bridge', reps: 10, holdS: 3 },
      ]),
    ],
    runs: [run('2024-03-12', 5)],
  });
  const { endurance } = buildChartSeries(input);

  it('takes the longest hold of each week and leaves weeks without holds empty', () => {
    expect(endurance).toEqual([
      { weekStart: '2024-03-04', plankS: 55, sidePlankS: 25 },
      { weekStart: '2024-03-11', plankS: null, sidePlankS: null },
      { weekStart: '2024-03-18', plankS: null, sidePlankS: 35 },
    ]);
  });

  it('ignores entries after this week', () => {
    const later = buildChartSeries({ ...input, today: '2024-03-12' });
    expect(later.endurance.map((w) => w.weekStart)).toEqual(['2024-03-04', '2024-03-11']);
  });
});

describe('time ranges', () => {
  it('shows the most recent weeks of a range and everything for "all"', () => {
    expect(rangeStartIndex(100, '12w')).toBe(88);
    expect(rangeStartIndex(100, '6m')).toBe(74);
    expect(rangeStartIndex(100, '1y')).toBe(48);
    expect(rangeStartIndex(100, 'all')).toBe(0);
    expect(rangeStartIndex(5, '1y')).toBe(0);
  });
});

describe('aggregation of long ranges', () => {
  it('keeps weekly points up to the limit and merges beyond it', () => {
    expect(bucketSize(MAX_CHART_POINTS)).toBe(1);
    expect(bucketSize(MAX_CHART_POINTS + 1)).toBe(2);
    // Twenty years of weeks stay under the limit.
    const twentyYears = 20 * 53;
    const size = bucketSize(twentyYears);
    expect(Math.ceil(twentyYears / size)).toBeLessThanOrEqual(MAX_CHART_POINTS);
  });

  it('aligns buckets to the latest week, so only the oldest one can be short', () => {
    const starts = ['w0', 'w1', 'w2', 'w3', 'w4', 'w5', 'w6'];
    const buckets = weekBuckets(starts, 3);
    expect(buckets.map((b) => [b.start, b.end])).toEqual([
      [0, 1],
      [1, 4],
      [4, 7],
    ]);
    expect(buckets[2]).toMatchObject({ firstWeekStart: 'w4', lastWeekStart: 'w6' });
    expect(weekBuckets(starts, 1)).toHaveLength(7);
  });

  it('reduces with mean, max or sum, skipping unknown weeks and keeping all-unknown as null', () => {
    const buckets = weekBuckets(['a', 'b', 'c', 'd', 'e', 'f'], 2);
    const values = [2, null, null, null, 1, 5];
    expect(reduceBuckets(values, buckets, 'mean')).toEqual([2, null, 3]);
    expect(reduceBuckets(values, buckets, 'max')).toEqual([2, null, 5]);
    expect(reduceBuckets(values, buckets, 'sum')).toEqual([2, null, 6]);
  });

  it('aggregates twenty years of weeks into at most the chart point budget', () => {
    const starts = Array.from({ length: 1060 }, (_, i) => `w${i}`);
    const values = starts.map((_, i) => (i % 3 === 0 ? null : i % 7));
    const buckets = weekBuckets(starts, bucketSize(starts.length));
    const reduced = reduceBuckets(values, buckets, 'mean');
    expect(reduced.length).toBeLessThanOrEqual(MAX_CHART_POINTS);
  });
});

describe('relationship points', () => {
  // Ten weeks: core sessions 0..4 repeating, pain falling with core work; week 3 unrated.
  const start = '2024-01-01';
  const today = shift(start, 9 * 7);
  const strength = [];
  const ratings = [];
  for (let w = 0; w < 10; w++) {
    const monday = shift(start, w * 7);
    for (let s = 0; s < w % 5; s++) strength.push(session(shift(monday, s)));
    if (w !== 3) ratings.push(pain(shift(monday, 5), 6 - (w % 5)));
  }
  const input = makeInput({ strength, pain: ratings, today });
  const report = buildInsightsReport(input);

  it('pairs core sessions in week w with pain in week w + lag, exactly as the correlation does', () => {
    for (const lag of [0, 1, 2] as const) {
      const points = relationshipPoints(report.weeks, lag);
      expect(points).toHaveLength(report.correlations[lag]!.n);
      for (const p of points) {
        const w = report.weeks.findIndex((x) => x.weekStart === p.weekStart);
        expect(report.weeks[w + lag]!.weekStart).toBe(p.painWeekStart);
        expect(p.meanBackPain).toBe(report.weeks[w + lag]!.meanBackPain);
        expect(p.y).toBe(p.meanBackPain);
      }
    }
  });

  it('jitters x by a small, fixed amount so ties stay visible but counts stay readable', () => {
    const points = relationshipPoints(report.weeks, 1);
    for (const p of points) expect(Math.abs(p.x - p.coreSessions)).toBeLessThanOrEqual(MAX_JITTER);
    expect(new Set(points.map((p) => p.x)).size).toBe(points.length);
    expect(relationshipPoints(report.weeks, 1)).toEqual(points);
  });

  it('differs between lags', () => {
    const lag0 = relationshipPoints(report.weeks, 0).map((p) => [p.coreSessions, p.y]);
    const lag1 = relationshipPoints(report.weeks, 1).map((p) => [p.coreSessions, p.y]);
    expect(lag1).not.toEqual(lag0);
  });
});

describe('flags on weeks', () => {
  const starts = ['2024-03-04', '2024-03-11', '2024-03-18'];

  it('finds the week holding a date', () => {
    expect(weekIndexOf(starts, '2024-03-04')).toBe(0);
    expect(weekIndexOf(starts, '2024-03-10')).toBe(0);
    expect(weekIndexOf(starts, '2024-03-11')).toBe(1);
    expect(weekIndexOf(starts, '2024-03-24')).toBe(2);
    expect(weekIndexOf(starts, '2024-03-25')).toBe(-1);
    expect(weekIndexOf(starts, '2024-03-03')).toBe(-1);
    expect(weekIndexOf([], '2024-03-03')).toBe(-1);
  });

  it('groups flags by week and drops those outside the series', () => {
    const flags = [
      { date: '2024-03-05', rule: 'a' },
      { date: '2024-03-07', rule: 'b' },
      { date: '2024-03-18', rule: 'c' },
      { date: '2025-01-01', rule: 'd' },
    ];
    const byWeek = flagsByWeek(starts, flags);
    expect([...byWeek.keys()]).toEqual([0, 2]);
    expect(byWeek.get(0)!.map((f) => f.rule)).toEqual(['a', 'b']);
  });
});

// Speed is `npm run bench`'s job (as a ratio); this checks that 20 years compute correctly.
describe('twenty years', () => {
  it('builds the chart series for 20 years (7,000 ratings, 3,000 sessions)', () => {
    const start = '2005-01-03';
    const kinds = ['muscular', 'bone_like', 'unsure'] as const;
    const locations = ['lower_back', 'lower_back', 'hip', 'knee', 'ankle', 'other'] as const;
    const ratings = Array.from({ length: 7000 }, (_, i) =>
      pain(shift(start, Math.floor(i * 1.04)), i % 11, { location: locations[i % 6], kind: kinds[i % 3] }),
    );
    const strength = Array.from({ length: 3000 }, (_, i) =>
      holds(shift(start, Math.floor(i * 2.43)), [
        { exercise: 'plank', holdS: 30 + (i % 60) },
        { exercise: 'side-plank', holdS: 20 + (i % 40) },
      ]),
    );
    const input = makeInput({ pain: ratings, strength, today: shift(start, 7300) });
    const { painMap, endurance } = buildChartSeries(input);
    expect(painMap.length).toBeGreaterThan(1000);
    expect(endurance.some((week) => week.plankS !== null)).toBe(true);
  });
});
