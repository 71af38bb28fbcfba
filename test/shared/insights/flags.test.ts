import { describe, expect, it } from 'vitest';
import {
  RULE_TITLES,
  buildInsightsReport,
  buildWeeklySeries,
  EMERGENCY_SIGNS,
  PROMPT_SIGNS,
  WARNING_SIGN_GROUPS,
  indexLog,
  morningNotSettledFlags,
  painDuringRunFlags,
  persistentPainFlags,
  runSpikeFlags,
  weeklyRiseFlags,
} from '../../../shared/insights';
import type { InsightsInput, WeekSummary } from '../../../shared/insights';
import type { PainRating, StrengthSession } from '../../../shared/model';
import { makeInput, pain, run, session, shift } from './helpers';

function morning(input: Partial<InsightsInput>) {
  return morningNotSettledFlags(indexLog(makeInput(input)));
}

function spikes(input: Partial<InsightsInput>) {
  return runSpikeFlags(indexLog(makeInput(input)));
}

function weeksWithPain(means: (number | null)[], core = 0): WeekSummary[] {
  return means.map((m, i) => ({
    weekStart: shift('2024-01-01', 7 * i),
    coreSessions: core,
    runKm: 0,
    runs: 0,
    meanBackPain: m,
    maxBackPain: m,
    painDays: 0,
    inProgress: false,
    nothingLogged: false,
  }));
}

describe('rule 1: pain during a run above 5/10', () => {
  it('does not flag 5/10 and flags 6/10, at any location', () => {
    const r = run('2024-05-01', 8);
    const at5 = pain('2024-05-01', 5, { timing: 'during_run', runId: r.id });
    const at6 = pain('2024-05-02', 6, { timing: 'during_run' });
    const knee = pain('2024-05-03', 7, { timing: 'during_run', location: 'knee' });
    const after = pain('2024-05-04', 9, { timing: 'after_run' });
    const flags = painDuringRunFlags([at5, at6, knee, after]);
    expect(flags.map((f) => f.date)).toEqual(['2024-05-02', '2024-05-03']);
    expect(flags[0]).toEqual({
      rule: 'Pain during a run above 5/10',
      ruleId: 'pain-during-run',
      date: '2024-05-02',
      detail:
        'Pain during the run was 6/10 (lower back); the pain-monitoring model (Silbernagel et al. 2007) accepts up to 5/10.',
      entryIds: [at6.id],
    });
    expect(flags[1]?.detail).toContain('7/10 (knee)');
  });

  it('links the run when the rating names it', () => {
    const r = run('2024-05-01', 8);
    const p = pain('2024-05-01', 8, { timing: 'during_run', runId: r.id });
    expect(painDuringRunFlags([p])[0]?.entryIds).toEqual([p.id, r.id]);
  });
});

describe('rule 2: pain not settled by the next morning', () => {
  const D = '2024-05-10';

  it('flags a next-morning rise of 2 points or more, and not an equal score or a 1-point rise (noise)', () => {
    const before = pain(shift(D, -1), 2);
    const r = run(D, 10);
    const same = pain(shift(D, 1), 2, { timing: 'next_morning' });
    expect(morning({ runs: [r], pain: [before, same] })).toEqual([]);
    const onePoint = pain(shift(D, 1), 3, { timing: 'next_morning' });
    expect(morning({ runs: [r], pain: [before, onePoint] })).toEqual([]);
    const noise = [pain(shift(D, -1), 0), pain(shift(D, 1), 1, { timing: 'next_morning' })];
    expect(morning({ runs: [r], pain: noise })).toEqual([]);
    const higher = pain(shift(D, 1), 4, { timing: 'next_morning' });
    const flags = morning({ runs: [r], pain: [before, higher] });
    expect(flags).toEqual([
      {
        rule: 'Pain not settled by the next morning',
        ruleId: 'morning-not-settled',
        date: shift(D, 1),
        detail:
          'Back pain the morning after the run on 2024-05-10 was 4/10, up from the 2/10 logged before it; the ' +
          'pain-monitoring model (Silbernagel et al. 2007) expects pain to settle back to its usual level by the next ' +
          'morning (Backstride flags a rise of 2 points or more, or any rise above 5/10).',
        entryIds: [r.id, before.id, higher.id],
      },
    ]);
  });

  it('flags any rise to a score above the acceptable 5/10', () => {
    const r = run(D, 10);
    const flags = morning({
      runs: [r],
      pain: [pain(shift(D, -1), 5), pain(shift(D, 1), 6, { timing: 'next_morning' })],
    });
    expect(flags).toHaveLength(1);
    expect(flags[0]?.detail).toContain('was 6/10, up from the 5/10');
  });

  it('takes a same-day rating before the run as the baseline, but not one during or after it', () => {
    const r = run(D, 10);
    const next = pain(shift(D, 1), 3, { timing: 'next_morning' });
    const dayBefore = pain(shift(D, -1), 1);
    const sameDayRest = pain(D, 4, { timing: 'rest_day' });
    expect(morning({ runs: [r], pain: [dayBefore, sameDayRest, next] })).toEqual([]);
    const during = pain(D, 8, { timing: 'during_run' });
    const after = pain(D, 7, { timing: 'after_run' });
    const flags = morning({ runs: [r], pain: [dayBefore, during, after, next] });
    expect(flags).toHaveLength(1);
    expect(flags[0]?.detail).toContain('up from the 1/10 logged before it');
  });

  it('uses the most recent earlier rating, even days before, and the latest one that day', () => {
    const r = run(D, 10);
    const old = pain(shift(D, -9), 0);
    const recentMorning = pain(shift(D, -4), 5, { timing: 'next_morning' });
    const recentAfter = pain(shift(D, -4), 3, { timing: 'after_run' });
    const next = pain(shift(D, 1), 5, { timing: 'next_morning' });
    const flags = morning({ runs: [r], pain: [recentAfter, old, next, recentMorning] });
    expect(flags[0]?.detail).toContain('up from the 3/10 logged before it');
  });

  it('skips runs with no baseline, other locations and ratings that are not next-morning', () => {
    const r = run(D, 10);
    expect(morning({ runs: [r], pain: [pain(shift(D, 1), 6, { timing: 'next_morning' })] })).toEqual([]);
    const knees = [
      pain(shift(D, -1), 0, { location: 'knee' }),
      pain(shift(D, 1), 6, { timing: 'next_morning', location: 'knee' }),
    ];
    expect(morning({ runs: [r], pain: knees })).toEqual([]);
    const rest = [pain(shift(D, -1), 0), pain(shift(D, 1), 6, { timing: 'rest_day' })];
    expect(morning({ runs: [r], pain: rest })).toEqual([]);
  });

  it('checks two runs on one day once', () => {
    const runs = [run(D, 5), run(D, 6)];
    const flags = morning({ runs, pain: [pain(shift(D, -1), 1), pain(shift(D, 1), 4, { timing: 'next_morning' })] });
    expect(flags).toHaveLength(1);
    expect(flags[0]?.entryIds.slice(0, 2)).toEqual(runs.map((r) => r.id));
  });
});

describe('rule 3: weekly back pain rising two weeks in a row', () => {
  it('flags the third of three strictly rising weeks, at its start', () => {
    const flags = weeklyRiseFlags(weeksWithPain([1, 2, 3.25]));
    expect(flags).toEqual([
      {
        rule: 'Weekly back pain rising two weeks in a row, by more than 1 point',
        ruleId: 'weekly-rise',
        date: '2024-01-15',
        detail:
          'Average back pain rose two weeks in a row (1, 2, then 3.25 out of 10). Backstride reads the ' +
          'pain-monitoring model (Silbernagel et al. 2007), which was studied in Achilles tendon pain, as saying that ' +
          'pain should not creep up from week to week, and flags a rise of more than 1 point over two weeks.',
        entryIds: [],
      },
    ]);
  });

  it('does not flag small rises that noise alone makes (3.67, 4, 4.67), nor the week in progress', () => {
    expect(weeklyRiseFlags(weeksWithPain([11 / 3, 4, 14 / 3]))).toEqual([]);
    expect(weeklyRiseFlags(weeksWithPain([3.5, 3.9, 4.4]))).toEqual([]);
    const current = weeksWithPain([1, 2, 3.25]).map((w, i) => ({ ...w, inProgress: i === 2 }));
    expect(weeklyRiseFlags(current)).toEqual([]);
  });

  it('does not flag a flat week or a week without ratings in between', () => {
    expect(weeklyRiseFlags(weeksWithPain([1, 2, 2]))).toEqual([]);
    expect(weeklyRiseFlags(weeksWithPain([1, null, 2, 3]))).toEqual([]);
    expect(weeklyRiseFlags(weeksWithPain([3, 2, 1]))).toEqual([]);
  });

  it('flags each further rising week', () => {
    expect(weeklyRiseFlags(weeksWithPain([1, 2, 3, 4])).map((f) => f.date)).toEqual(['2024-01-15', '2024-01-22']);
  });
});

describe('rule 4: single run more than 10% longer than the 30-day longest', () => {
  const D = '2024-07-31';
  /** A short run long before, so the log's running history starts more than 30 days before D. */
  const history = (runs: ReturnType<typeof run>[]) => ({ runs: [run(shift(D, -100), 1), ...runs] });

  it('does not flag exactly 10% longer, and flags just above it', () => {
    expect(spikes(history([run(shift(D, -3), 10), run(D, 11)]))).toEqual([]);
    expect(spikes(history([run(shift(D, -3), 5), run(D, 5.5)]))).toEqual([]);
    expect(spikes(history([run(shift(D, -3), 11), run(D, 12.1)]))).toEqual([]);
    const longer = run(D, 11.05);
    const flags = spikes(history([run(shift(D, -3), 10), longer]));
    expect(flags).toEqual([
      {
        rule: 'Single run more than 10% longer than the 30-day longest',
        ruleId: 'run-spike',
        date: D,
        detail:
          'This 11.05 km run was 10.5% longer than your longest run of the previous 30 days (10 km on 2024-07-28). ' +
          'In a study of 5,200 runners, single runs more than 10% longer than the 30-day longest were linked to ' +
          'more overuse injuries (Frandsen et al., BJSM 2025).',
        entryIds: [longer.id],
      },
    ]);
  });

  it('never says "10% longer" for a run that broke the more-than-10% rule', () => {
    const flags = spikes(history([run(shift(D, -3), 10), run(D, 11.001)]));
    expect(flags[0]?.detail).toContain('run was just over 10% longer than');
  });

  it('looks back over days D-30..D-1 only, and needs a run there', () => {
    expect(spikes(history([run(shift(D, -30), 10), run(D, 12)]))).toHaveLength(1);
    expect(spikes(history([run(shift(D, -31), 10), run(D, 12)]))).toEqual([]);
    expect(spikes(history([run(D, 42)]))).toEqual([]);
    // Runs on the same day are not each other's history.
    expect(spikes(history([run(D, 5), run(D, 20)]))).toEqual([]);
  });

  it('compares with the longest run in the window, not the latest', () => {
    const runs = [run(shift(D, -20), 20), run(shift(D, -2), 8), run(D, 21)];
    expect(spikes(history(runs))).toEqual([]);
    const later = [run(shift(D, -20), 20), run(shift(D, -2), 8), run(D, 22.5)];
    expect(spikes(history(later))[0]?.detail).toContain('(20 km on 2024-07-11)');
  });

  it('never compares runs in the first 30 days of the log (an imported history starts unknown)', () => {
    // Without the earlier run, D is only 3 days into the running history: not compared.
    expect(spikes({ runs: [run(shift(D, -3), 5), run(D, 15)] })).toEqual([]);
    const imported = [run(shift(D, -40), 3), run(shift(D, -38), 12), run(shift(D, -10), 12), run(D, 20)];
    // The 12 km run two days into the log is not flagged; the 20 km run on D (window full) is.
    expect(spikes({ runs: imported }).map((f) => f.date)).toEqual([D]);
  });

  it('never speaks of an acute:chronic workload ratio', () => {
    const flags = spikes(history([run(shift(D, -3), 5), run(D, 15)]));
    expect(flags[0]?.detail).not.toMatch(/acute|chronic|ACWR|ratio/i);
  });
});

describe('rule 5: persistent pain', () => {
  function persistent(means: (number | null)[], core: number[]) {
    const weeks = weeksWithPain(means).map((w, i) => ({ ...w, coreSessions: core[i] ?? 0 }));
    return persistentPainFlags(indexLog(makeInput({})), weeks);
  }

  it('flags three finished weeks in a row at 3/10 or more, whatever the core work, once per streak', () => {
    const flags = persistent([3, 4, 3, 5, 6], [0, 1, 0, 2, 1]);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({
      ruleId: 'persistent-pain',
      rule: 'Persistent back pain',
      date: '2024-01-15',
      entryIds: [],
    });
    expect(flags[0]?.detail).toContain('3 weeks in a row (since the week of 2024-01-01)');
    expect(flags[0]?.detail).toContain('physical therapist or doctor');
  });

  it('flags 6-8/10 with one core session a week (it used to need two a week)', () => {
    expect(persistent([7, 8, 6, 7], [1, 1, 1, 1])).toHaveLength(1);
  });

  it('does not flag 2.9/10 or a week without ratings', () => {
    expect(persistent([3, 2.9, 3], [2, 2, 2])).toEqual([]);
    expect(persistent([3, null, 3, 3], [2, 2, 2, 2])).toEqual([]);
  });

  it('flags repeated bone-like aching: two days within 28 days, not 29 days apart', () => {
    const bone = (date: string, score = 3): PainRating => pain(date, score, { kind: 'bone_like' });
    const within = [bone('2024-02-01'), bone('2024-02-28')]; // 27 days apart: one 28-day window
    const flags = persistentPainFlags(indexLog(makeInput({ pain: within })), []);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ date: '2024-02-28', entryIds: within.map((p) => p.id) });
    expect(flags[0]?.detail).toContain('physical therapist or doctor');
    const apart = [bone('2024-02-01'), bone('2024-02-29')];
    expect(persistentPainFlags(indexLog(makeInput({ pain: apart })), [])).toEqual([]);
  });

  it('needs two different days of real aching, in the lower back', () => {
    const sameDay = [
      pain('2024-02-01', 3, { kind: 'bone_like' }),
      pain('2024-02-01', 4, { kind: 'bone_like', timing: 'after_run' }),
    ];
    expect(persistentPainFlags(indexLog(makeInput({ pain: sameDay })), [])).toEqual([]);
    const zero = [pain('2024-02-01', 0, { kind: 'bone_like' }), pain('2024-02-05', 3, { kind: 'bone_like' })];
    expect(persistentPainFlags(indexLog(makeInput({ pain: zero })), [])).toEqual([]);
    const hip = [
      pain('2024-02-01', 3, { kind: 'bone_like', location: 'hip' }),
      pain('2024-02-05', 3, { kind: 'bone_like' }),
    ];
    expect(persistentPainFlags(indexLog(makeInput({ pain: hip })), [])).toEqual([]);
  });

  it('repeats the bone-like suggestion at most once per 28 days', () => {
    const days = [0, 3, 6, 9, 12, 30, 33].map((d) => pain(shift('2024-03-01', d), 2, { kind: 'bone_like' }));
    const flags = persistentPainFlags(indexLog(makeInput({ pain: days })), []);
    expect(flags.map((f) => f.date)).toEqual(['2024-03-04', '2024-04-03']);
  });

  it('teaches bone-like aching without suggesting an x-ray', () => {
    const within = [pain('2024-02-01', 3, { kind: 'bone_like' }), pain('2024-02-10', 3, { kind: 'bone_like' })];
    const detail = persistentPainFlags(indexLog(makeInput({ pain: within })), [])[0]?.detail ?? '';
    expect(detail).not.toContain('across');
    expect(detail).toContain('A doctor may order imaging');
    expect(detail).toContain('an x-ray misses most of them; an MRI finds them');
  });
});

describe('all flags together', () => {
  it('sorts by date and names the rule in every detail', () => {
    const strength: StrengthSession[] = [];
    const ratings: PainRating[] = [];
    for (let i = 0; i < 3; i++) {
      const monday = shift('2024-09-02', 7 * i);
      strength.push(session(monday), session(shift(monday, 2)));
      ratings.push(pain(shift(monday, 1), 3 + i));
    }
    ratings.push(pain('2024-09-04', 7, { timing: 'during_run', location: 'knee' }));
    const input = makeInput({
      runs: [run('2024-09-01', 5), run('2024-09-04', 8)],
      strength,
      pain: ratings,
      today: '2024-09-23',
    });
    const index = indexLog(input);
    const report = buildInsightsReport(input);
    expect(report.flags.map((f) => [f.date, f.ruleId])).toEqual([
      ['2024-09-04', 'pain-during-run'],
      ['2024-09-16', 'weekly-rise'],
      ['2024-09-16', 'persistent-pain'],
    ]);
    expect(buildWeeklySeries(index).weeks.map((w) => w.meanBackPain)).toEqual([null, 3, 4, 5, null]);
    for (const f of report.flags) {
      expect(f.rule).toBe(RULE_TITLES[f.ruleId ?? 'pain-during-run']);
      expect(f.detail).toMatch(/Silbernagel et al\. 2007|Frandsen et al\., BJSM 2025|physical therapist or doctor/);
    }
  });
});

describe('red flags and triage', () => {
  it('sends cauda equina signs to the emergency department now, not to a doctor soon', () => {
    expect(EMERGENCY_SIGNS.action).toBe('Go to an emergency department now');
    const text = EMERGENCY_SIGNS.signs.join(' ').toLowerCase();
    for (const word of ['groin', 'saddle', 'bladder', 'bowels', 'sexual', 'weakness', 'numbness', 'legs'])
      expect(text).toContain(word);
    expect(EMERGENCY_SIGNS.intro).toContain('now');
    expect(EMERGENCY_SIGNS.intro).not.toMatch(/soon|promptly/);
  });

  it('lists the other red flags clinicians screen for, with the runners’ ones', () => {
    expect(PROMPT_SIGNS.action).toBe('See a doctor promptly');
    const text = PROMPT_SIGNS.signs.join(' ').toLowerCase();
    for (const words of [
      'cancer',
      'weight',
      'fever',
      'night',
      'under 20 or over 50',
      'osteoporosis',
      'steroid',
      'immune',
      'injecting drugs',
      'fall',
      'periods',
      'stress fracture',
    ])
      expect(text).toContain(words);
    expect(WARNING_SIGN_GROUPS).toEqual([EMERGENCY_SIGNS, PROMPT_SIGNS]);
  });
});
