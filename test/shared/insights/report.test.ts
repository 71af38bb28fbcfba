import { describe, expect, it } from 'vitest';
import { HEADLINE_METHOD, buildInsightsReport } from '../../../shared/insights';
import type { InsightsInput, InsightsReport } from '../../../shared/insights';
import type { PainRating, Run, StrengthSession } from '../../../shared/model';
import { allStrings, makeInput, pain, run, session } from './helpers';

describe('buildInsightsReport end to end', () => {
  it('produces the exact JSON shape of types.ts for a small log', () => {
    const s1 = session('2024-04-01'); // Monday, plank: core
    const s2 = session('2024-04-02', ['back-roller']); // recovery only: not core
    const s3 = session('2024-04-09', ['plank', 'glute-bridge']);
    const r1 = run('2024-04-03', 10);
    const r2 = run('2024-04-10', 11.5);
    const p2 = pain('2024-04-02', 2);
    const p1 = pain('2024-04-03', 6, { timing: 'during_run', runId: r1.id });
    const p3 = pain('2024-04-04', 4, { timing: 'next_morning' });
    const p4 = pain('2024-04-10', 4, { location: 'knee', timing: 'during_run', runId: r2.id });
    const p5 = pain('2024-04-11', 0);
    const input = makeInput({
      runs: [r2, r1],
      pain: [p1, p2, p3, p4, p5],
      strength: [s3, s1, s2],
      weekStartsOn: 1,
      today: '2024-04-17',
    });
    const report = buildInsightsReport(input);

    const expected: InsightsReport = {
      headline: {
        claim: 'not_enough_data',
        estimate: null,
        ci95: null,
        pValue: null,
        n: 1,
        method: HEADLINE_METHOD,
        weeksNeeded: 11,
        sentence:
          'Not enough weeks yet: the answer needs 12 finished weeks with back-pain ratings, each following a week ' +
          'that also has them; 1 week so far, so 11 more weeks are needed.',
      },
      weeks: [
        {
          weekStart: '2024-04-01',
          coreSessions: 1,
          runKm: 10,
          runs: 1,
          meanBackPain: 4, // daily means 2, 6 and 4
          maxBackPain: 6,
          painDays: 3,
          inProgress: false,
          nothingLogged: false,
        },
        {
          weekStart: '2024-04-08',
          coreSessions: 1,
          runKm: 11.5,
          runs: 1,
          meanBackPain: 0,
          maxBackPain: 0,
          painDays: 0,
          inProgress: false,
          nothingLogged: false,
        },
        {
          weekStart: '2024-04-15',
          coreSessions: 0,
          runKm: 0,
          runs: 0,
          meanBackPain: null,
          maxBackPain: null,
          painDays: 0,
          inProgress: true,
          nothingLogged: true,
        },
      ],
      correlations: [
        {
          lag: 0,
          n: 2,
          rho: null,
          pValue: null,
          ci95: null,
          partialRho: null,
          pHolm: null,
          partialCi95: null,
          partialPValue: null,
          reason:
            'Only 2 finished weeks have back-pain ratings so far; 6 more are needed before a correlation is shown.',
          sentence:
            'Only 2 finished weeks have back-pain ratings so far; 6 more are needed before a correlation is shown.',
        },
        {
          lag: 1,
          n: 1,
          rho: null,
          pValue: null,
          ci95: null,
          partialRho: null,
          pHolm: null,
          partialCi95: null,
          partialPValue: null,
          reason:
            'Only 1 pair of weeks (a logged week paired with back-pain ratings one week later) can be used so far; 7 more pairs are needed before a correlation is shown.',
          sentence:
            'Only 1 pair of weeks (a logged week paired with back-pain ratings one week later) can be used so far; 7 more pairs are needed before a correlation is shown.',
        },
        {
          lag: 2,
          n: 0,
          rho: null,
          pValue: null,
          ci95: null,
          partialRho: null,
          pHolm: null,
          partialCi95: null,
          partialPValue: null,
          reason:
            'No pair of weeks (a logged week paired with back-pain ratings two weeks later) can be used yet; 8 more pairs are needed before a correlation is shown.',
          sentence:
            'No pair of weeks (a logged week paired with back-pain ratings two weeks later) can be used yet; 8 more pairs are needed before a correlation is shown.',
        },
      ],
      dayLevel: {
        withCore: { n: 1, meanPain: 2 },
        withoutCore: { n: 3, meanPain: 10 / 3 },
        difference: null,
        ci95: null,
        reason:
          'So far 1 day with a back-pain rating followed a core-session day and 3 days followed a day without one; ' +
          'at least 5 of each are needed before a difference is shown.',
        adjusted: null,
        adjustedReason:
          "The comparison adjusted for the previous day's pain needs ratings on two days in a row: so far 0 days " +
          'after a core-session day and 2 days after a day without one have that; at least 5 of each are needed.',
      },
      flags: [
        {
          rule: 'Pain during a run above 5/10',
          ruleId: 'pain-during-run',
          date: '2024-04-03',
          detail:
            'Pain during the run was 6/10 (lower back); the pain-monitoring model (Silbernagel et al. 2007) accepts up to 5/10.',
          entryIds: [p1.id, r1.id],
        },
        {
          rule: 'Pain not settled by the next morning',
          ruleId: 'morning-not-settled',
          date: '2024-04-04',
          detail:
            'Back pain the morning after the run on 2024-04-03 was 4/10, up from the 2/10 logged before it; the ' +
            'pain-monitoring model (Silbernagel et al. 2007) expects pain to settle back to its usual level by the next ' +
            'morning (Backstride flags a rise of 2 points or more, or any rise above 5/10).',
          entryIds: [r1.id, p2.id, p3.id],
        },
        // The 11.5 km run on 2024-04-10 is 15% longer than the 10 km one, but only 7 days into the
        // log's running history: the runs before it are unknown, so it is not compared.
      ],
    };
    expect(report).toEqual(expected);

    // The JSON round trip is lossless (no undefined, NaN or Infinity) and has exactly these keys.
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    expect(Object.keys(report).sort()).toEqual(['correlations', 'dayLevel', 'flags', 'headline', 'weeks']);
    expect(Object.keys(report.headline).sort()).toEqual(
      ['claim', 'estimate', 'ci95', 'pValue', 'n', 'method', 'weeksNeeded', 'sentence'].sort(),
    );
    expect(Object.keys(report.weeks[0] ?? {}).sort()).toEqual([
      'coreSessions',
      'inProgress',
      'maxBackPain',
      'meanBackPain',
      'nothingLogged',
      'painDays',
      'runKm',
      'runs',
      'weekStart',
    ]);
    expect(Object.keys(report.correlations[0] ?? {}).sort()).toEqual(
      [
        'ci95',
        'lag',
        'n',
        'partialRho',
        'pValue',
        'reason',
        'rho',
        'sentence',
        'pHolm',
        'partialCi95',
        'partialPValue',
      ].sort(),
    );
    expect(Object.keys(report.dayLevel).sort()).toEqual(
      ['ci95', 'difference', 'reason', 'withCore', 'withoutCore', 'adjusted', 'adjustedReason'].sort(),
    );
    expect(Object.keys(report.flags[0] ?? {}).sort()).toEqual(['date', 'detail', 'entryIds', 'rule', 'ruleId']);
  });

  it('does not depend on the order of the entries', () => {
    const input = twentyYears(2);
    const reversed = {
      ...input,
      runs: [...input.runs].reverse(),
      pain: [...input.pain].reverse(),
      strength: [...input.strength].reverse(),
    };
    const a = buildInsightsReport(input);
    const b = buildInsightsReport(reversed);
    expect(b.weeks).toEqual(a.weeks);
    expect(b.correlations).toEqual(a.correlations);
    expect(b.dayLevel).toEqual(a.dayLevel);
    expect(b.flags).toEqual(a.flags);
  });

  it('gives the very same report, headline included, for the entries in any order', () => {
    const input = twentyYears(3);
    // Days with two and three runs: sums of their distances must not depend on the order either.
    const extraRuns = input.runs
      .filter((_, i) => i % 7 === 0)
      .flatMap((r, i) => [
        run(r.date, 3.3 + (i % 5) * 1.1),
        ...(i % 2 === 0 ? [run(r.date, 0.7 + (i % 3) * 0.1)] : []),
      ]);
    const sorted = { ...input, runs: [...input.runs, ...extraRuns] };
    let seed = 7;
    const shuffle = <T>(xs: readonly T[]): T[] => {
      const out = [...xs];
      for (let i = out.length - 1; i > 0; i--) {
        seed = (seed * 48271) % 2147483647;
        const j = seed % (i + 1);
        [out[i], out[j]] = [out[j] as T, out[i] as T];
      }
      return out;
    };
    const expected = buildInsightsReport(sorted);
    for (let round = 0; round < 3; round++) {
      const shuffled = {
        ...sorted,
        runs: shuffle(sorted.runs),
        pain: shuffle(sorted.pain),
        strength: shuffle(sorted.strength),
      };
      expect(buildInsightsReport(shuffled)).toEqual(expected);
    }
  });

  it('reports an empty log calmly', () => {
    const report = buildInsightsReport(makeInput({}));
    expect(report.weeks).toEqual([]);
    expect(report.flags).toEqual([]);
    expect(report.correlations.map((c) => c.n)).toEqual([0, 0, 0]);
    expect(report.dayLevel).toMatchObject({ withCore: { n: 0, meanPain: null }, difference: null });
  });

  it('shows correlations on a long realistic log, with honest wording', () => {
    const report = buildInsightsReport(twentyYears(3));
    for (const c of report.correlations) {
      expect(c.reason).toBeNull();
      expect(c.rho).not.toBeNull();
      expect(c.sentence).toContain('association');
    }
    expect(report.dayLevel.ci95).not.toBeNull();
    for (const text of allStrings(report)) expect(text).not.toMatch(/\bcauses\b|\bbecause\b/i);
    expect(JSON.stringify(report)).not.toMatch(/NaN|Infinity/);
  });

  // Speed is measured by `npm run bench` as a ratio; here only that 20 years compute correctly.
  it('handles 20 years of data (5,000 runs, 7,000 ratings, 3,000 sessions)', () => {
    const input = twentyYears(20);
    expect(input.runs).toHaveLength(5000);
    expect(input.pain).toHaveLength(7000);
    expect(input.strength).toHaveLength(3000);
    const report = buildInsightsReport(input);
    expect(report.weeks.length).toBeGreaterThan(1000);
    expect(report.weeks.reduce((n, w) => n + w.runs, 0)).toBe(input.runs.filter((r) => r.date <= input.today).length);
    expect(JSON.stringify(report)).not.toMatch(/NaN|Infinity/);
  });
});

/** A deterministic pseudo-random log spread over `years`, at the density of the brief. */
function twentyYears(years: number): InsightsInput {
  let seed = 12345;
  const rand = (): number => {
    // Park–Miller LCG: small, deterministic and good enough for test data.
    seed = (seed * 48271) % 2147483647;
    return seed / 2147483647;
  };
  const days = Math.round(years * 365.25);
  const start = new Date(2004, 0, 1);
  const dateOf = (d: number): string => {
    const x = new Date(start.getFullYear(), start.getMonth(), start.getDate() + d);
    return `${x.getFullYear()}-${String(x.getMonth() + 1).padStart(2, '0')}-${String(x.getDate()).padStart(2, '0')}`;
  };
  const scale = years / 20;
  let id = 0;
  const uuid = (): string => `10000000-0000-4000-8000-${(++id).toString(16).padStart(12, '0')}`;
  const runs: Run[] = [];
  const ratings: PainRating[] = [];
  const strength: StrengthSession[] = [];
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  for (let i = 0; i < Math.round(5000 * scale); i++) {
    const km = Math.round((3 + rand() * 18) * 100) / 100;
    runs.push({
      id: uuid(),
      date: dateOf(Math.floor(rand() * days)),
      distanceKm: km,
      durationS: Math.round(km * 330),
      source: 'manual',
    });
  }
  for (let i = 0; i < Math.round(3000 * scale); i++) {
    const items = [
      { exercise: pick(['plank', 'side-plank', 'glute-bridge', 'back-roller', 'yoga', 'locust']), sets: 1 },
    ];
    strength.push({ id: uuid(), date: dateOf(Math.floor(rand() * days)), items });
  }
  for (let i = 0; i < Math.round(7000 * scale); i++) {
    ratings.push({
      id: uuid(),
      date: dateOf(Math.floor(rand() * days)),
      score: Math.floor(rand() * 8),
      location: pick(['lower_back', 'lower_back', 'lower_back', 'knee', 'hip'] as const),
      side: 'centre',
      kind: pick(['muscular', 'bone_like', 'unsure', 'unsure'] as const),
      timing: pick(['during_run', 'after_run', 'next_morning', 'rest_day'] as const),
    });
  }
  return makeInput({ runs, pain: ratings, strength, today: dateOf(days), weekStartsOn: 1 });
}
