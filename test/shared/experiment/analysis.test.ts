// Every figure of the experiment's result against an independent computation (numpy/scipy,
// recorded in test/fixtures/experiment/experiment.json by make_fixtures.py, which says how).
import { describe, expect, it } from 'vitest';
import fixtures from '../../fixtures/experiment/experiment.json';
import {
  analyseExperiment,
  experimentDay,
  experimentDayMessage,
  meanCi95,
  planPeriods,
  randomizationP,
  resultSentence,
  smallestPossibleP,
  type SentenceInput,
  type Condition,
  type Experiment,
} from '../../../shared/experiment';
import { formatIsoDate } from '../../../shared/textFormat';
import { pain, session } from '../insights/helpers';

interface FixturePlan {
  startDate: string;
  periodDays: 7 | 14;
  cycles: number;
  washoutDays: number;
  first: Condition[];
}

function experimentOf(plan: FixturePlan, status: Experiment['status'] = 'completed'): Experiment {
  return {
    id: '00000000-0000-4000-8000-00000000e001',
    name: 'test',
    startDate: plan.startDate,
    periodDays: plan.periodDays,
    cycles: plan.cycles,
    washoutDays: plan.washoutDays,
    status,
    periods: planPeriods(plan, plan.first),
  };
}

function close(actual: number | null, expected: number | null): void {
  if (expected === null) expect(actual).toBeNull();
  else expect(actual).toBeCloseTo(expected, 9);
}

type Dataset = (typeof fixtures.datasets)[number];

/** A fixture log as the app stores it (through the real schemas), analysed. */
function analysedDataset(dataset: Dataset) {
  const log = {
    pain: dataset.pain.map((r) => pain(r.date, r.score, { location: r.location as 'lower_back' | 'knee' | 'hip' })),
    strength: dataset.strength.map((s) => session(s.date, s.exercises)),
    customExercises: [],
    today: dataset.today,
  };
  return analyseExperiment(experimentOf(dataset.plan as FixturePlan), log);
}

describe.each(fixtures.datasets)('$name (against scipy)', (dataset) => {
  const expected = dataset.expected;
  const { result, periods } = analysedDataset(dataset);

  it('lays the periods out as the reference does', () => {
    expect(periods.map(({ cycle, condition, start, end }) => ({ cycle, condition, start, end }))).toEqual(
      expected.periods.map(({ cycle, condition, start, end }) => ({ cycle, condition, start, end })),
    );
  });

  it('gives every period its rated days, outcome and core sessions', () => {
    periods.forEach((period, i) => {
      const want = expected.periods[i]!;
      expect(period.ratedDays).toBe(want.ratedDays);
      close(period.meanBackPain, want.meanBackPain);
      expect(period.elapsedDays).toBe(want.elapsedDays);
      expect(period.coreSessions).toBe(want.coreSessions);
    });
  });

  it('gives every cycle its means and difference', () => {
    result.cycles.forEach((cycle, i) => {
      const want = expected.cycles[i]!;
      expect(cycle.cycle).toBe(want.cycle);
      close(cycle.coreMean, want.coreMean);
      close(cycle.usualMean, want.usualMean);
      close(cycle.difference, want.difference);
    });
  });

  it('gives usable, estimate, interval, p, adherence and claim', () => {
    expect(result.usable).toBe(expected.usable);
    close(result.estimate, expected.estimate);
    if (expected.ci95 === null) expect(result.ci95).toBeNull();
    else {
      close(result.ci95![0], expected.ci95[0]!);
      close(result.ci95![1], expected.ci95[1]!);
    }
    expect(result.pRandomization).toBe(expected.pRandomization);
    close(result.adherence.coreSessionsPerWeekInCore, expected.adherence.coreSessionsPerWeekInCore);
    close(result.adherence.coreSessionsPerWeekInUsual, expected.adherence.coreSessionsPerWeekInUsual);
    expect(result.claim).toBe(expected.claim);
  });
});

describe('the cases the issue names', () => {
  it('a cycle with a missing period is left out (fewer than 3 rated days after the washout)', () => {
    const dataset = fixtures.datasets.find((d) => d.name === 'missing period in cycle 3')!;
    expect(dataset.expected.cycles[2]).toMatchObject({ usualMean: null, difference: null });
    expect(dataset.expected.usable).toBe(dataset.plan.cycles - 1);
  });

  it('a knee rating does not count, however high', () => {
    const plan: FixturePlan = {
      startDate: '2025-01-06',
      periodDays: 7,
      cycles: 3,
      washoutDays: 0,
      first: ['core', 'core', 'core'],
    };
    const experiment = experimentOf(plan);
    const back = experiment.periods.flatMap((p, i) =>
      [0, 1, 2, 3].map((k) => pain(shiftDays(p.start, k), p.condition === 'core' ? 2 : 4 + (i % 3))),
    );
    const base = analyseExperiment(experiment, { pain: back, strength: [], customExercises: [], today: '2025-12-31' });
    const knee = experiment.periods.map((p) => pain(p.start, 10, { location: 'knee' }));
    const withKnee = analyseExperiment(experiment, {
      pain: [...back, ...knee],
      strength: [],
      customExercises: [],
      today: '2025-12-31',
    });
    expect(withKnee.result).toEqual(base.result);
    expect(base.result.cycles[0]).toMatchObject({ coreMean: 2, usualMean: 5, difference: -3 });
  });

  it.each(fixtures.exactP)('exact p over 2^$differences.length sign flips: $p', (c) => {
    expect(randomizationP(c.differences)).toBe(c.p);
    const ci = meanCi95(c.differences)!;
    expect(ci[0]).toBeCloseTo(c.ci95![0]!, 9);
    expect(ci[1]).toBeCloseTo(c.ci95![1]!, 9);
  });

  it('the smallest possible p is 2/2^k: 0.25, 0.125, 0.0625, 0.031 for 3 to 6 cycles', () => {
    const floors = fixtures.exactP.filter((_, i) => i % 2 === 0);
    expect(floors.map((c) => c.p)).toEqual([3, 4, 5, 6, 7, 8].map(smallestPossibleP));
    expect([3, 4, 5, 6].map(smallestPossibleP)).toEqual([0.25, 0.125, 0.0625, 0.03125]);
  });

  it('no claim below 2 usable cycles, and no interval', () => {
    const plan: FixturePlan = {
      startDate: '2025-01-06',
      periodDays: 7,
      cycles: 3,
      washoutDays: 2,
      first: ['usual', 'core', 'usual'],
    };
    const experiment = experimentOf(plan, 'running');
    const first = experiment.periods
      .slice(0, 2)
      .flatMap((p) => [2, 3, 4, 5].map((k) => pain(shiftDays(p.start, k), 3)));
    const { result } = analyseExperiment(experiment, {
      pain: first,
      strength: [],
      customExercises: [],
      today: '2025-01-24',
    });
    expect(result).toMatchObject({ usable: 1, ci95: null, pRandomization: 1, claim: 'not_enough_data' });
    expect(result.sentence).toContain('Not enough data yet: 1 of 3 cycles');
  });
});

describe('the sentence', () => {
  const analysed = (name: string) => analysedDataset(fixtures.datasets.find((d) => d.name === name)!).result;

  it('says lower with core, with the interval and p, and not more than the design shows', () => {
    expect(analysed('six cycles, clear effect').sentence).toBe(
      'Over 6 cycles, your back pain averaged 1.3 points lower in core periods (95% interval 0.7 to 1.9 lower; randomisation p = 0.031). Because the order was random, this is evidence that core work helped your back during this experiment, not a diagnosis.',
    );
  });

  it('puts adherence first when the core periods were not kept', () => {
    expect(analysed('14-day periods, core not kept').sentence).toMatch(
      /^The core periods were not kept: 1\.4 core sessions a week in core periods and 0\.8 in usual periods/,
    );
  });

  it('says when the design could not reach a clear difference', () => {
    expect(analysed('three cycles, higher with core').sentence).toContain(
      'With 3 cycles usable, the smallest possible p is 0.25, so this design cannot show a clear difference',
    );
  });
});

describe('the sentence draws a conclusion only from a finished plan that was kept', () => {
  const clear: SentenceInput = {
    status: 'completed',
    usable: 6,
    cycles: 6,
    estimate: -1.25,
    ci95: [-1.9, -0.6],
    pRandomization: 0.03125,
    adherence: { coreSessionsPerWeekInCore: 6.5, coreSessionsPerWeekInUsual: 0.5 },
    claim: 'lower_with_core',
    startDate: '2026-01-05',
    endDate: '2026-03-29',
  };
  const conclusion = /evidence that core work helped/;

  it('completed and kept: evidence, not a diagnosis', () => {
    expect(resultSentence(clear)).toMatch(conclusion);
  });

  it('running: the same figures, but no conclusion until the plan ends (daily looks inflate chance claims)', () => {
    const sentence = resultSentence({ ...clear, status: 'running' });
    expect(sentence).toBe(
      `So far, over 6 cycles, your back pain averaged 1.3 points lower in core periods (95% interval 0.6 to 1.9 lower; randomisation p = 0.031). The plan runs until ${formatIsoDate('2026-03-29')}, and only its result then is a conclusion: a difference watched day by day can cross p < 0.05 by chance.`,
    );
  });

  it('abandoned: a partial result that draws no conclusion', () => {
    const sentence = resultSentence({ ...clear, status: 'abandoned' });
    expect(sentence).not.toMatch(conclusion);
    expect(sentence).toMatch(/abandoned, so this is a partial result, and it draws no conclusion\.$/);
  });

  it('core periods not kept: says so first, and does not put the difference down to core work', () => {
    const sentence = resultSentence({
      ...clear,
      adherence: { coreSessionsPerWeekInCore: 2, coreSessionsPerWeekInUsual: 1 },
    });
    expect(sentence).toMatch(/^The core periods were not kept: 2\.0 core sessions a week in core periods/);
    expect(sentence).not.toMatch(conclusion);
    expect(sentence).toMatch(/cannot be put down to core work\.$/);
  });

  it('a clear difference under 0.05 points is not called "about the same"', () => {
    const sentence = resultSentence({ ...clear, estimate: -0.04, ci95: [-0.06, -0.02] });
    expect(sentence).toContain('averaged less than 0.1 points lower in core periods');
    expect(resultSentence({ ...clear, estimate: 0.01, claim: 'no_clear_difference', pRandomization: 0.9 })).toContain(
      'was about the same in core and usual periods',
    );
  });
});

describe("today's condition", () => {
  const experiment = experimentOf({
    startDate: '2026-06-01',
    periodDays: 7,
    cycles: 3,
    washoutDays: 2,
    first: ['usual', 'core', 'core'],
  });
  it.each([
    // Dates in the locale's medium style, as on the rest of the screen.
    ['2026-05-30', `The experiment starts on ${formatIsoDate('2026-06-01')} (in 2 days).`],
    ['2026-06-02', 'Usual period, day 2 of 7: no extra core work.'],
    ['2026-06-11', 'Core period, day 4 of 7: do the routine today.'],
    ['2026-07-12', 'Usual period, day 7 of 7: no extra core work.'],
    ['2026-07-13', `The experiment ended on ${formatIsoDate('2026-07-12')}: see its result.`],
  ])('on %s: %s', (today, message) => {
    expect(experimentDayMessage(experimentDay(experiment, today))).toBe(message);
  });
  it('knows washout days', () => {
    expect(experimentDay(experiment, '2026-06-09')).toMatchObject({ kind: 'period', day: 2, washout: true, cycle: 1 });
    expect(experimentDay(experiment, '2026-06-10')).toMatchObject({ day: 3, washout: false });
  });
});

function shiftDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
