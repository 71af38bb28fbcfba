import { describe, expect, it } from 'vitest';
import { MIN_DAYS_PER_GROUP, buildInsightsReport, compareDayGroups } from '../../../shared/insights';
import type { PainRating, StrengthSession } from '../../../shared/model';
import { makeInput, pain, session, shift } from './helpers';

/** `withCore` days after a core session, then `withoutCore` days after days without one. */
function log(withCore: number[], withoutCore: number[]) {
  const strength: StrengthSession[] = [];
  const ratings: PainRating[] = [];
  withCore.forEach((score, k) => {
    strength.push(session(shift('2024-01-01', 2 * k)));
    ratings.push(pain(shift('2024-01-01', 2 * k + 1), score));
  });
  withoutCore.forEach((score, k) => ratings.push(pain(shift('2024-03-01', 2 * k + 1), score)));
  return makeInput({ strength, pain: ratings, today: '2024-06-01' });
}

describe('day-level comparison', () => {
  it('needs at least 5 days in each group', () => {
    expect(MIN_DAYS_PER_GROUP).toBe(5);
    const four = buildInsightsReport(log([1, 2, 1, 2], [3, 4, 3, 4, 5])).dayLevel;
    expect(four).toEqual({
      withCore: { n: 4, meanPain: 1.5 },
      withoutCore: { n: 5, meanPain: 3.8 },
      difference: null,
      ci95: null,
      reason:
        'So far 4 days with a back-pain rating followed a core-session day and 5 days followed a day ' +
        'without one; at least 5 of each are needed before a difference is shown.',
      adjusted: null,
      adjustedReason:
        "The comparison adjusted for the previous day's pain needs ratings on two days in a row: so far 0 days " +
        'after a core-session day and 0 days after a day without one have that; at least 5 of each are needed.',
    });
    const five = buildInsightsReport(log([1, 2, 1, 2, 1], [3, 4, 3, 4, 5])).dayLevel;
    expect(five.reason).toBeNull();
    expect(five.difference).toBeCloseTo(1.4 - 3.8, 12);
    expect(five.ci95?.[0]).toBeLessThan(five.difference as number);
    expect(five.ci95?.[1]).toBeGreaterThan(five.difference as number);
  });

  it('shows means from one day and null for an empty group', () => {
    const d = buildInsightsReport(log([], [4])).dayLevel;
    expect(d.withCore).toEqual({ n: 0, meanPain: null });
    expect(d.withoutCore).toEqual({ n: 1, meanPain: 4 });
    expect(d.reason).toContain('So far 0 days');
    expect(d.reason).toContain('1 day followed');
  });

  it('uses the mean of the day and only lower-back ratings', () => {
    const input = makeInput({
      strength: [session('2024-01-01'), session('2024-01-04', ['back-roller'])],
      pain: [
        pain('2024-01-02', 2),
        pain('2024-01-02', 5, { timing: 'after_run' }),
        pain('2024-01-02', 9, { location: 'ankle' }),
        pain('2024-01-05', 1),
      ],
      today: '2024-01-10',
    });
    const d = buildInsightsReport(input).dayLevel;
    expect(d.withCore).toEqual({ n: 1, meanPain: 3.5 });
    // A recovery-only session the day before does not make it a core day.
    expect(d.withoutCore).toEqual({ n: 1, meanPain: 1 });
  });

  it('has no interval, but a difference, when no day differs from its group', () => {
    const d = compareDayGroups({ withCore: [2, 2, 2, 2, 2], withoutCore: [3, 3, 3, 3, 3] });
    expect(d.difference).toBe(-1);
    expect(d.ci95).toBeNull();
    expect(d.reason).toMatch(/no interval/);
  });
});

describe('day level adjusted for the previous day', () => {
  /**
   * Pain steers core work and nothing else: on a day after low pain (< 4) the runner does a
   * core session, after high pain they skip it; each day's pain is 0.8 × yesterday's plus
   * noise. The raw difference "finds" less pain after core days; the adjusted one does not.
   */
  function steeredLog(days: number, seed: number) {
    let state = seed;
    const noise = (): number => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return (state / 2147483648) * 4 - 2;
    };
    const strength: StrengthSession[] = [];
    const ratings: PainRating[] = [];
    let level = 4;
    for (let d = 0; d < days; d++) {
      const date = shift('2024-01-01', d);
      level = Math.min(10, Math.max(0, 0.8 * level + 0.8 + noise()));
      const score = Math.round(level);
      ratings.push(pain(date, score));
      if (score < 4) strength.push(session(date));
    }
    return makeInput({ strength, pain: ratings, today: shift('2024-01-01', days) });
  }

  it('shows the raw benefit that pain-steered core work fakes, and the adjusted comparison beside it', () => {
    const d = buildInsightsReport(steeredLog(120, 7)).dayLevel;
    expect(d.difference).not.toBeNull();
    // The raw difference reads as a clear benefit (its interval is below 0)...
    expect(d.ci95?.[1]).toBeLessThan(0);
    // ...the adjusted one, from 119 pairs of days, does not.
    expect(d.adjusted?.n).toBe(119);
    expect(d.adjusted?.ci95[0]).toBeLessThan(0);
    expect(d.adjusted?.ci95[1]).toBeGreaterThan(0);
    expect(d.adjustedReason).toBeNull();
  });
});
