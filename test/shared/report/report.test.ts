// The report's pure pipeline: which weeks, which numbers, and HTML that is safe and self-contained.
import type { Headline } from '../../../shared/insights/types';
import { describe, expect, it } from 'vitest';
import { buildInsightsReport } from '../../../shared/insights';
import { buildChartSeries } from '../../../shared/insights/charts';
import {
  buildReport,
  buildReportData,
  flagValue,
  reportDocument,
  resolveReportRange,
  ReportRangeError,
  type ReportInput,
} from '../../../shared/report';
import { weeklyChartSvg } from '../../../shared/report/svg';
import { StrengthSession } from '../../../shared/model';
import { makeInput, pain, run, session } from '../insights/helpers';

describe('resolveReportRange', () => {
  it('takes the last N weeks ending with this week (Monday weeks)', () => {
    // 2026-12-01 is a Tuesday: this week started Monday 2026-11-30.
    expect(resolveReportRange({ weeks: 4 }, '2026-12-01', 1)).toEqual({
      from: '2026-11-09',
      to: '2026-12-06',
      weeks: 4,
    });
    expect(resolveReportRange({ weeks: 1 }, '2026-12-01', 0)).toEqual({
      from: '2026-11-29',
      to: '2026-12-05',
      weeks: 1,
    });
  });

  it('widens custom dates to the whole weeks that hold them', () => {
    expect(resolveReportRange({ from: '2026-11-04', to: '2026-11-18' }, '2026-12-01', 1)).toEqual({
      from: '2026-11-02',
      to: '2026-11-22',
      weeks: 3,
    });
  });

  it.each([
    [{ from: '2026-11-10', to: '2026-11-01' }, 'from', 'The start (2026-11-10) is after the end (2026-11-01).'],
    [{ from: '2026-02-30', to: '2026-11-01' }, 'from', '"2026-02-30" is not a date: use YYYY-MM-DD.'],
    [{ from: '2026-11-01', to: 'yesterday' }, 'to', '"yesterday" is not a date: use YYYY-MM-DD.'],
    [{ from: '2026-11-01', to: '2026-12-02' }, 'to', 'The end (2026-12-02) is after today (2026-12-01).'],
    [{ from: '2020-01-01', to: '2026-11-01' }, 'from', /at most 104 weeks/],
    [{ weeks: 0 }, 'weeks', 'Choose from 1 to 104 weeks.'],
  ] as const)('refuses %j with a message naming the field', (request, field, message) => {
    let error: unknown;
    try {
      resolveReportRange(request, '2026-12-01', 1);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ReportRangeError);
    expect((error as ReportRangeError).field).toBe(field);
    expect((error as ReportRangeError).message).toMatch(message);
  });
});

function reportInput(overrides: Partial<ReportInput> = {}): ReportInput {
  const log = makeInput({
    runs: [run('2024-04-02', 8), run('2024-04-04', 12.5), run('2024-04-10', 6), run('2024-03-20', 30)],
    pain: [
      pain('2024-04-02', 4),
      pain('2024-04-03', 2, { kind: 'bone_like' }),
      pain('2024-04-10', 6, { location: 'knee' }),
      pain('2024-03-21', 9),
    ],
    strength: [
      session('2024-04-01'),
      StrengthSession.parse({
        id: '00000000-0000-4000-8000-00000000aaaa',
        date: '2024-04-09',
        items: [
          { exercise: 'plank', sets: 2, holdS: 45 },
          { exercise: 'glute-bridge', sets: 2, reps: 12 },
        ],
      }),
    ],
    weekStartsOn: 1,
    today: '2024-04-11',
  });
  return {
    insights: buildInsightsReport(log),
    charts: buildChartSeries(log),
    runs: log.runs,
    strength: log.strength,
    customExercises: [],
    range: resolveReportRange({ weeks: 2 }, '2024-04-11', 1),
    today: '2024-04-11',
    madeAt: '2024-04-11 09:30',
    unit: 'km',
    ...overrides,
  };
}

describe('buildReportData', () => {
  it('takes its weekly rows from the insights weeks of the range, with totals', () => {
    const input = reportInput();
    const data = buildReportData(input);
    const expected = input.insights.weeks.filter((w) => w.weekStart >= '2024-04-01');
    expect(data.weeks.map((w) => w.weekStart)).toEqual(['2024-04-01', '2024-04-08']);
    for (const [i, w] of data.weeks.entries()) {
      const { weekStart, runs, runKm, coreSessions, meanBackPain, maxBackPain, painDays } = w;
      const week = expected[i];
      expect({ weekStart, runs, runKm, coreSessions, meanBackPain, maxBackPain, painDays }).toEqual({
        weekStart: week?.weekStart,
        runs: week?.runs,
        runKm: week?.runKm,
        coreSessions: week?.coreSessions,
        meanBackPain: week?.meanBackPain,
        maxBackPain: week?.maxBackPain,
        painDays: week?.painDays,
      });
    }
    expect(data.weeks.map((w) => w.longestRunKm)).toEqual([12.5, 6]);
    expect(data.weeks.map((w) => w.partial)).toEqual([false, true]);
    expect(data.weeks.map((w) => w.plankS)).toEqual([null, 45]);
    expect(data.totals).toMatchObject({ runs: 3, runKm: 26.5, longestRunKm: 12.5, coreSessions: 2, plankS: 45 });
    // The March run and rating lie outside the range and count nowhere.
    expect(data.totals.maxBackPain).toBe(4);
    expect(data.through).toBe('2024-04-11');
  });

  it('maps pain by location and kind, and lists the exercises done', () => {
    const data = buildReportData(reportInput());
    const lowerBack = data.painMap.find((r) => r.label === 'Lower back')!;
    expect(lowerBack.painDays).toEqual([2, 0]);
    expect(lowerBack.rated).toEqual([true, false]);
    expect(lowerBack.meanScore).toBe(3);
    expect(data.painMap.find((r) => r.label === 'Knee')!.painDays).toEqual([0, 1]);
    expect(data.painMap.find((r) => r.label === 'Bone-like aching')!.painDays).toEqual([1, 0]);
    expect(data.core.exercises).toEqual([
      { name: 'Plank', sessions: 2, lastDose: '2 × 45 s', longestHoldS: 45 },
      { name: 'Glute bridge', sessions: 1, lastDose: '2 × 12 reps', longestHoldS: null },
    ]);
  });

  it('keeps only the flags dated in the range', () => {
    const input = reportInput();
    const flags = [
      { rule: 'Old', date: '2024-03-21', detail: 'Before.' },
      { rule: 'New', date: '2024-04-10', detail: 'Within.' },
    ];
    const data = buildReportData({ ...input, insights: { ...input.insights, flags } });
    expect(data.flags.map((f) => f.rule)).toEqual(['New']);
  });
});

describe('renderReportHtml', () => {
  it('has the header promise and escapes everything the runner typed', () => {
    const html = buildReport(
      reportInput({
        name: 'Alex <b>',
        questions: 'Is <script>alert(1)</script> ok?',
        warningSigns: ['Leg "weakness"'],
      }),
    ).html;
    expect(html).toContain('Made with Backstride: a self-kept log, not a medical record.');
    expect(html).toContain('Alex &lt;b&gt;');
    expect(html).toContain('Is &lt;script&gt;alert(1)&lt;/script&gt; ok?');
    expect(html).toContain('Leg &quot;weakness&quot;');
    expect(html).not.toMatch(/<script|<b>/);
    // The app's CSP refuses style attributes: the fragment must not need any.
    expect(html).not.toMatch(/\sstyle=/);
  });

  it('says "Not enough data yet" without a headline, and gives estimate, interval and n with one', () => {
    expect(buildReport(reportInput()).html).toContain('Not enough data yet');
    const headline: Headline = {
      claim: 'association',
      estimate: -0.42,
      ci95: [-0.71, -0.13],
      pValue: 0.006,
      n: 31,
      method: 'least squares with the previous week’s pain',
      weeksNeeded: 0,
      sentence:
        'About 0.4 points less back pain the week after each extra core session (95% interval 0.1 to 0.7 less), from 31 weeks.',
    };
    const input = reportInput();
    const html = buildReport({ ...input, insights: { ...input.insights, headline } }).html;
    expect(html).toContain('About 0.4 points less back pain the week after each extra core session (95% interval');
    expect(html).toContain(
      'Estimate −0.42 points per core session (95% interval −0.7 to −0.1), n = 31 weeks, p = 0.006',
    );
    expect(html).not.toContain('Not enough data yet');
  });

  it('wraps into a document with inline style and nothing external', () => {
    const doc = reportDocument(buildReport(reportInput()).html, 'Report');
    expect(doc).toMatch(/^<!doctype html>/);
    expect(doc).toContain('<style>');
    expect(doc).not.toMatch(/<script|https?:|<link|<img|@import|url\(/i);
  });

  it('shortens a flag to its finding', () => {
    expect(flagValue('Pain was 7/10 during the run; the model says at most 5.')).toBe('Pain was 7/10 during the run.');
    expect(flagValue('One sentence only.')).toBe('One sentence only.');
  });
});

describe('weeklyChartSvg', () => {
  it('breaks the pain line at a week without a rating instead of drawing 0', () => {
    const weeks = [3, null, 5].map((pain, i) => ({
      weekStart: `2024-04-0${i + 1}`,
      partial: false,
      runs: 0,
      runKm: 0,
      longestRunKm: null,
      coreSessions: i,
      meanBackPain: pain,
      maxBackPain: pain,
      painDays: 0,
      plankS: null,
      sidePlankS: null,
    }));
    const svg = weeklyChartSvg(weeks);
    const path = /<path d="([^"]+)"/.exec(svg)![1]!;
    expect(path.match(/M/g)).toHaveLength(2);
    expect(path).not.toContain('L');
    expect(svg.match(/<circle /g)).toHaveLength(2 + 1); // two weeks plus the legend marker
  });
});
