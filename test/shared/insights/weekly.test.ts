import { addDays, differenceInCalendarDays, format, parseISO, startOfWeek } from 'date-fns';
import { afterAll, describe, expect, it } from 'vitest';
import { Calendar, buildInsightsReport, buildWeeklySeries, indexLog } from '../../../shared/insights';
import { calendarDayNumber } from '../../../shared/insights/dates';
import { isAnalysable, isAnalysableWeek, weeklyTotals } from '../../../shared/insights/weekly';
import { makeInput, pain, run, session } from './helpers';

describe('weekly series', () => {
  const log = {
    pain: [pain('2024-03-06', 2)], // Wednesday
    runs: [run('2024-03-10', 8)], // Sunday
    strength: [session('2024-03-11')], // Monday
    today: '2024-03-20', // Wednesday
  };

  it('starts weeks on Monday when weekStartsOn = 1', () => {
    const { weeks } = buildInsightsReport(makeInput({ ...log, weekStartsOn: 1 }));
    expect(weeks.map((w) => w.weekStart)).toEqual(['2024-03-04', '2024-03-11', '2024-03-18']);
    // The Sunday run belongs to the week that began on the Monday before it.
    expect(weeks.map((w) => w.runs)).toEqual([1, 0, 0]);
    expect(weeks.map((w) => w.coreSessions)).toEqual([0, 1, 0]);
  });

  it('starts weeks on Sunday when weekStartsOn = 0', () => {
    const { weeks } = buildInsightsReport(makeInput({ ...log, weekStartsOn: 0 }));
    expect(weeks.map((w) => w.weekStart)).toEqual(['2024-03-03', '2024-03-10', '2024-03-17']);
    // Now the Sunday run and the Monday session share a week.
    expect(weeks.map((w) => w.runs)).toEqual([0, 1, 0]);
    expect(weeks.map((w) => w.coreSessions)).toEqual([0, 1, 0]);
    expect(weeks.map((w) => w.meanBackPain)).toEqual([2, null, null]);
  });

  it('supports any start day (Saturday)', () => {
    const { weeks } = buildInsightsReport(makeInput({ ...log, weekStartsOn: 6 }));
    expect(weeks[0]?.weekStart).toBe('2024-03-02');
    expect(weeks.at(-1)?.weekStart).toBe('2024-03-16');
  });

  it('begins at the week of the first entry of any type', () => {
    const onlyRecovery = buildInsightsReport(
      makeInput({ strength: [session('2024-01-17', ['back-roller'])], today: '2024-01-30' }),
    );
    expect(onlyRecovery.weeks[0]).toEqual({
      weekStart: '2024-01-15',
      coreSessions: 0, // rolling out the back is logged but is not core work
      runKm: 0,
      runs: 0,
      meanBackPain: null,
      maxBackPain: null,
      painDays: 0,
      inProgress: false,
      nothingLogged: false, // a session was logged, so this week's 0 core sessions are known
    });
    const runFirst = buildInsightsReport(
      makeInput({ runs: [run('2024-01-01', 5)], pain: [pain('2024-01-20', 1)], today: '2024-01-21' }),
    );
    expect(runFirst.weeks.map((w) => w.weekStart)).toEqual(['2024-01-01', '2024-01-08', '2024-01-15']);
  });

  it('ends at the week holding today, even when nothing was logged since', () => {
    const { weeks } = buildInsightsReport(makeInput({ runs: [run('2024-05-01', 5)], today: '2024-05-28' }));
    expect(weeks.at(-1)?.weekStart).toBe('2024-05-27');
    expect(weeks).toHaveLength(5);
  });

  it('has a single week when the first entry is in the current week', () => {
    const { weeks } = buildInsightsReport(makeInput({ runs: [run('2024-05-27', 5)], today: '2024-06-02' }));
    expect(weeks.map((w) => w.weekStart)).toEqual(['2024-05-27']);
    expect(weeks[0]?.runKm).toBe(5);
  });

  it('fills empty weeks with zero core sessions and null pain (not 0)', () => {
    const { weeks } = buildInsightsReport(
      makeInput({
        strength: [session('2024-04-01'), session('2024-04-22')],
        pain: [pain('2024-04-02', 3), pain('2024-04-23', 1)],
        today: '2024-04-24',
      }),
    );
    expect(weeks).toHaveLength(4);
    for (const gap of weeks.slice(1, 3)) {
      expect(gap).toMatchObject({
        coreSessions: 0,
        runKm: 0,
        runs: 0,
        meanBackPain: null,
        maxBackPain: null,
        painDays: 0,
        nothingLogged: true, // unknown: left out of every analysis, not 0 core sessions
      });
    }
    expect(weeks.map((w) => w.inProgress)).toEqual([false, false, false, true]);
  });

  it('returns no weeks for an empty log', () => {
    expect(buildInsightsReport(makeInput({})).weeks).toEqual([]);
  });

  it('summarises a week: mean of daily means, max, pain days, core sessions and km', () => {
    const { weeks } = buildInsightsReport(
      makeInput({
        pain: [
          pain('2024-04-01', 2),
          pain('2024-04-01', 5, { timing: 'after_run' }),
          pain('2024-04-02', 6),
          pain('2024-04-03', 0), // a rating of 0 is data: it lowers the mean but is no pain day
          pain('2024-04-04', 9, { location: 'knee' }), // not the lower back: ignored here
        ],
        strength: [
          session('2024-04-01'),
          session('2024-04-01', ['glute-bridge']), // two sessions on one day count twice
          session('2024-04-02', ['back-roller', 'yoga']), // one core exercise is enough
          session('2024-04-03', ['back-roller']),
          session('2024-04-04', ['my own thing']), // unknown exercise: "other", not core
        ],
        runs: [run('2024-04-02', 0.1), run('2024-04-05', 0.2)],
        today: '2024-04-07',
      }),
    );
    expect(weeks).toEqual([
      {
        weekStart: '2024-04-01',
        coreSessions: 3,
        runKm: 0.3, // 0.1 + 0.2 = 0.30000000000000004, rounded to 3 decimals
        runs: 2,
        // Daily means 3.5, 6 and 0, averaged: a day with two ratings counts once. The mean over
        // ratings, (2 + 5 + 6 + 0) / 4 = 3.25, would weigh the busy day twice.
        meanBackPain: (3.5 + 6 + 0) / 3,
        maxBackPain: 6,
        painDays: 2,
        inProgress: true, // today (Sunday 7 April) is still in this week
        nothingLogged: false,
      },
    ]);
  });

  it('counts custom exercises by their category', () => {
    const { weeks } = buildInsightsReport(
      makeInput({
        strength: [session('2024-04-01', ['own-bird-dog']), session('2024-04-02', ['own-calf-stretch'])],
        customExercises: [
          { id: 'own-bird-dog', name: 'Bird dog', category: 'core', dosing: 'reps' },
          { id: 'own-calf-stretch', name: 'Calf stretch', category: 'mobility', dosing: 'hold' },
        ],
        today: '2024-04-03',
      }),
    );
    expect(weeks[0]?.coreSessions).toBe(1);
  });

  it('keeps the unrounded km for the correlations', () => {
    const index = indexLog(makeInput({ runs: [run('2024-04-02', 0.1), run('2024-04-05', 0.2)], today: '2024-04-07' }));
    const series = buildWeeklySeries(index);
    expect(series.rawRunKm).toEqual([0.1 + 0.2]);
    expect(series.weeks[0]?.runKm).toBe(0.3);
  });

  it('groups entries decades apart by day, whatever their order', () => {
    // Far fewer entries than days between them: the index sorts rather than counts.
    const entries = {
      runs: [run('2024-04-02', 5), run('1971-03-01', 2), run('2024-04-02', 3), run('1999-12-31', 4)],
      pain: [pain('1971-03-01', 2), pain('2024-04-03', 6), pain('1971-03-01', 4)],
      strength: [session('1999-12-31'), session('2024-04-02')],
    };
    const index = indexLog(makeInput({ ...entries, today: '2024-04-07' }));
    expect(Array.from(index.days, (day) => index.cal.date(day))).toEqual([
      '1971-03-01',
      '1999-12-31',
      '2024-04-02',
      '2024-04-03',
    ]);
    expect(Array.from(index.runStart)).toEqual([0, 1, 2, 4, 4]);
    expect(Array.from(index.backPainCount)).toEqual([2, 0, 0, 1]);
    expect(Array.from(index.coreSessions)).toEqual([0, 1, 1, 0]);
    const reversed = buildInsightsReport(
      makeInput({
        runs: [...entries.runs].reverse(),
        pain: [...entries.pain].reverse(),
        strength: [...entries.strength].reverse(),
        today: '2024-04-07',
      }),
    );
    const { weeks } = buildInsightsReport(makeInput({ ...entries, today: '2024-04-07' }));
    expect(reversed.weeks).toEqual(weeks);
    expect(weeks[0]).toMatchObject({ weekStart: '1971-03-01', runs: 1, runKm: 2, meanBackPain: 3 });
    expect(weeks.at(-1)).toMatchObject({ runs: 2, runKm: 8, coreSessions: 1, meanBackPain: 6 });
  });

  it('leaves out entries after the current week', () => {
    const { weeks } = buildInsightsReport(
      makeInput({ runs: [run('2024-04-02', 5), run('2024-04-20', 7)], today: '2024-04-10' }),
    );
    expect(weeks.map((w) => w.runs)).toEqual([1, 0]);
  });

  it('rejects a week start outside 0..6', () => {
    expect(() => buildInsightsReport(makeInput({ weekStartsOn: 7 }))).toThrow(RangeError);
    expect(() => new Calendar(1.5)).toThrow(RangeError);
  });
});

describe('weeks across daylight-saving changes', () => {
  const original = process.env.TZ;
  afterAll(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  // Sao Paulo used to switch at midnight, so some local midnights did not exist at all.
  // Zone -> its UTC offset on 2019-01-01 (getTimezoneOffset minutes), to prove the switch took.
  const zones: Record<string, number> = {
    UTC: 0,
    'America/New_York': 300,
    'Europe/Berlin': -60,
    'Australia/Lord_Howe': -660,
    'America/Sao_Paulo': 120,
    'Asia/Kolkata': -330,
  };
  for (const [tz, offset] of Object.entries(zones)) {
    it(`keeps 7-day weeks and whole-day maths in ${tz}`, () => {
      process.env.TZ = tz;
      expect(new Date(2019, 0, 1).getTimezoneOffset()).toBe(offset);
      const { weeks, flags } = buildInsightsReport(
        makeInput({
          // The 1 km run starts the running history 30 days before 2018-10-30, so that run is compared.
          runs: [run('2018-09-30', 1), run('2018-10-01', 10), run('2018-10-30', 11.5), run('2018-11-05', 5)],
          pain: [pain('2019-04-02', 1)],
          weekStartsOn: 0,
          today: '2019-04-10',
        }),
      );
      // Every week start is exactly 7 calendar days after the one before.
      const starts = weeks.map((w) => w.weekStart);
      expect(starts[0]).toBe('2018-09-30');
      expect(starts.at(-1)).toBe('2019-04-07');
      const cal = new Calendar(0);
      for (let i = 1; i < starts.length; i++) {
        expect(cal.day(starts[i] as string) - cal.day(starts[i - 1] as string)).toBe(7);
        expect(cal.date(cal.day(starts[i] as string))).toBe(starts[i]);
      }
      expect(starts).toContain('2018-11-04'); // Sao Paulo and New York both changed clocks that day
      expect(weeks.reduce((s, w) => s + w.runs, 0)).toBe(4);
      // 2018-10-01 is day D-29 for the 2018-10-30 run: inside the 30-day window in every zone.
      expect(flags.map((f) => f.date)).toEqual(['2018-10-30']);
    });

    it(`numbers days and finds week starts exactly as date-fns does on local dates in ${tz}`, () => {
      process.env.TZ = tz;
      const epoch = parseISO('1970-01-01');
      const mismatches: string[] = [];
      for (const weekStartsOn of [0, 1, 3]) {
        const cal = new Calendar(weekStartsOn);
        // Every day from 1970 to 2040 (every 13th for the other start days), read as
        // date-fns reads a local calendar date.
        for (let n = 0; n < 70 * 366; n += weekStartsOn === 1 ? 1 : 13) {
          const date = format(addDays(epoch, n), 'yyyy-MM-dd');
          const local = parseISO(date);
          if (cal.day(date) !== differenceInCalendarDays(local, epoch)) mismatches.push(`day ${date}`);
          if (cal.date(cal.day(date)) !== date) mismatches.push(`date ${date}`);
          if (n % 7 === 0) {
            const start = format(startOfWeek(local, { weekStartsOn: cal.weekStartsOn }), 'yyyy-MM-dd');
            if (cal.date(cal.weekStartDay(date)) !== start) mismatches.push(`week ${date}`);
          }
        }
      }
      expect(mismatches).toEqual([]);
    });
  }
});

describe('calendar day numbers', () => {
  it('rejects strings that are not real dates', () => {
    for (const bad of ['2024-02-30', '2023-02-29', '2024-13-01', '2024-1-01', '20240101', '', 'yesterday']) {
      expect(() => calendarDayNumber(bad)).toThrow(RangeError);
    }
    expect(calendarDayNumber('2024-02-29') - calendarDayNumber('2024-02-28')).toBe(1);
    expect(calendarDayNumber('1970-01-01')).toBe(0);
  });
});

describe('which weeks an analysis may use', () => {
  it('the headline (weekly totals) and the correlations (week summaries) agree on every week', () => {
    // The one rule is written twice, over two forms of a week (weekly.ts); this keeps them together.
    const input = makeInput({
      runs: [run('2024-01-03', 5), run('2024-02-14', 8)],
      pain: [pain('2024-01-20', 3), pain('2024-03-04', 1)],
      strength: [session('2024-02-01'), session('2024-03-05')],
      today: '2024-03-06',
    });
    for (const weekStartsOn of [0, 1, 6] as const) {
      const index = indexLog({ ...input, weekStartsOn });
      const totals = weeklyTotals(index, index.cal)!;
      const { weeks } = buildWeeklySeries(index);
      expect(weeks).toHaveLength(totals.count);
      const byTotals = weeks.map((_, w) => isAnalysableWeek(totals, w));
      expect(weeks.map(isAnalysable)).toEqual(byTotals);
      // Both kinds occur: empty weeks in the gaps, and the week in progress.
      expect(byTotals.filter(Boolean).length).toBeGreaterThan(2);
      expect(byTotals.filter((ok) => !ok).length).toBeGreaterThan(2);
    }
  });
});
