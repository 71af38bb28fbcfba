// The guided routine's plan and runner, driven with explicit times (no real clock).
import { describe, expect, it } from 'vitest';
import {
  builtInRoutine,
  expandRoutine,
  formatClock,
  sessionItems,
  type RunStep,
} from '../../renderer/src/features/routine/plan';
import {
  announceMarks,
  initialRunner,
  runnerReducer,
  type RunnerAction,
  type RunnerState,
} from '../../renderer/src/features/routine/runner';
import { stepsFromDrafts, toDraft } from '../../renderer/src/features/routine/stepDrafts';
import { CATALOGUE } from '../../shared/exercises';
import { StrengthSessionInput } from '../../shared/model';

function play(steps: RunStep[], script: Array<[RunnerAction['type'], number]>): RunnerState {
  let state = initialRunner(steps, 0);
  for (const [type, now] of script) state = runnerReducer(state, { type, now });
  return state;
}

describe('built-in routine', () => {
  it('has plank, side plank each side, bridges with 3 s holds and locust; ball work only with a ball', () => {
    const withBall = expandRoutine(builtInRoutine(true).steps);
    expect(withBall.map((s) => s.title)).toEqual([
      'Plank',
      'Side plank, left side',
      'Side plank, right side',
      'Glute bridge',
      'Locust pose',
      'Stability-ball back extension',
      'Stability-ball reverse leg raise',
    ]);
    expect(withBall.find((s) => s.exerciseId === 'glute-bridge')).toMatchObject({ kind: 'reps', reps: 10, holdS: 3 });
    expect(withBall.find((s) => s.exerciseId === 'locust')).toMatchObject({ kind: 'hold', holdS: 30 });
    const noBall = expandRoutine(builtInRoutine(false).steps);
    expect(noBall.some((s) => CATALOGUE.find((e) => e.id === s.exerciseId)?.needsBall)).toBe(false);
    expect(noBall).toHaveLength(5);
  });

  it('gives every step the how-to text from the catalogue', () => {
    for (const step of expandRoutine(builtInRoutine(true).steps)) expect(step.howTo?.length).toBeGreaterThan(20);
  });
});

describe('runner', () => {
  const steps = expandRoutine([
    { exercise: 'plank', holdS: 30 },
    { exercise: 'side-plank', sets: 2, holdS: 20 },
    { exercise: 'glute-bridge', reps: 3, holdS: 3 },
    { exercise: 'locust', holdS: 30 },
  ]);

  it('counts a hold down only while running, cues at its end and moves to the next step', () => {
    let state = play(steps, [
      ['start', 1000],
      ['tick', 11_000],
      ['pause', 11_000],
      ['tick', 60_000],
      ['resume', 60_000],
      ['tick', 79_000],
    ]);
    expect(state.index).toBe(0);
    expect(state.cues).toBe(0);
    state = runnerReducer(state, { type: 'tick', now: 80_000 });
    expect(state.index).toBe(1);
    expect(state.phase).toBe('ready');
    expect(state.cues).toBe(1);
    expect(state.results[0]).toEqual({ status: 'done', holdS: 30 });
  });

  it('logs what was actually done: skipped steps left out, ended holds as held, reps as counted', () => {
    const state = play(steps, [
      ['start', 0],
      ['tick', 30_000], // plank held in full
      ['skip', 31_000], // left side skipped
      ['start', 32_000],
      ['tick', 52_000], // right side in full
      ['start', 53_000],
      ['repDone', 56_000],
      ['repDone', 60_000],
      ['repDone', 64_000], // 3 of 3: bridge done
      ['start', 65_000],
      ['endStep', 77_500], // locust ended after 12.5 s
    ]);
    expect(state.phase).toBe('finished');
    const items = sessionItems(state.steps, state.results);
    expect(items).toEqual([
      { exercise: 'plank', sets: 1, holdS: 30 },
      // Only the right side was held, and the item says so.
      { exercise: 'side-plank', sets: 1, holdS: 20, side: 'right' },
      { exercise: 'glute-bridge', sets: 1, reps: 3, holdS: 3 },
      { exercise: 'locust', sets: 1, holdS: 12 },
    ]);
    expect(StrengthSessionInput.safeParse({ date: '2025-01-01', items }).success).toBe(true);
  });

  it('merges both sides of a side plank into one item with two sets, on both sides', () => {
    const state = play(steps, [
      ['skip', 0],
      ['start', 1000],
      ['tick', 21_000],
      ['start', 22_000],
      ['tick', 42_000],
      ['finish', 43_000],
    ]);
    expect(sessionItems(state.steps, state.results)).toEqual([
      { exercise: 'side-plank', sets: 2, holdS: 20, side: 'both' },
    ]);
  });

  it('sounds a cue when each rep hold is over, and Back redoes the previous step', () => {
    let state = play(steps, [
      ['skip', 0],
      ['skip', 0],
      ['skip', 0],
      ['start', 1000],
      ['tick', 3500],
    ]);
    expect(state.cues).toBe(0);
    state = runnerReducer(state, { type: 'tick', now: 4000 });
    expect(state.cues).toBe(1);
    expect(state.repHoldOver).toBe(true);
    state = runnerReducer(state, { type: 'repDone', now: 4500 });
    expect(state.reps).toBe(1);
    expect(state.repHoldOver).toBe(false);
    state = runnerReducer(state, { type: 'back', now: 5000 });
    expect(state.index).toBe(2);
    expect(state.reps).toBe(0);
    expect(state.results[2]).toEqual({ status: 'pending' });
  });

  it('announces a few moments, not every second', () => {
    expect(announceMarks(30)).toEqual([10]);
    expect(announceMarks(60)).toEqual([30, 10]);
    expect(announceMarks(10)).toEqual([]);
    expect(announceMarks(300)).toEqual([240, 180, 120, 60, 10]);
    let state = play(steps, [['start', 0]]);
    const said = new Set<string>();
    for (let t = 0; t <= 30_000; t += 200) {
      state = runnerReducer(state, { type: 'tick', now: t });
      said.add(state.announcement);
    }
    expect([...said]).toEqual([
      'Plank: hold for 30 seconds.',
      '10 seconds left.',
      'Done: Plank. Next: Side plank, left side. Press Start when you are ready.',
    ]);
  });

  it('a hold ended before one second counts as skipped, and nothing done means nothing to log', () => {
    const state = play(steps.slice(0, 1), [
      ['start', 0],
      ['endStep', 600],
    ]);
    expect(state.results[0]).toEqual({ status: 'skipped' });
    expect(sessionItems(state.steps, state.results)).toEqual([]);
  });
});

describe('formatting and drafts', () => {
  it('shows mm:ss, rounding up', () => {
    expect(formatClock(30_000)).toBe('00:30');
    expect(formatClock(29_001)).toBe('00:30');
    expect(formatClock(90_000)).toBe('01:30');
    expect(formatClock(-5)).toBe('00:00');
  });

  it('refuses doses outside the routine limits with a message per field', () => {
    const byId = new Map(CATALOGUE.map((e) => [e.id, e]));
    const drafts = [toDraft({ exercise: 'plank', holdS: 30 }), toDraft({ exercise: 'glute-bridge', reps: 10 })];
    drafts[0]!.holdS = '0';
    drafts[1]!.reps = '2.5';
    const { errors } = stepsFromDrafts(drafts, byId);
    expect(errors['0.holdS']).toMatch(/from 1 to 600 seconds/);
    expect(errors['1.reps']).toMatch(/whole number/);
    expect(stepsFromDrafts([], byId).errors._form).toBe('Add at least one exercise.');
  });
});

describe('finishing early', () => {
  it('keeps the reps already counted and the seconds already held in the current step', () => {
    const steps = expandRoutine([
      { exercise: 'plank', holdS: 30 },
      { exercise: 'glute-bridge', reps: 10, holdS: 3 },
      { exercise: 'locust', holdS: 30 },
    ]);
    let state = initialRunner(steps, 0);
    for (const [type, now] of [
      ['start', 0],
      ['tick', 30_000],
      ['start', 31_000],
      ['repDone', 35_000],
      ['repDone', 39_000],
      ['finish', 40_000],
    ] as Array<[RunnerAction['type'], number]>)
      state = runnerReducer(state, { type, now });
    expect(sessionItems(state.steps, state.results)).toEqual([
      { exercise: 'plank', sets: 1, holdS: 30 },
      { exercise: 'glute-bridge', sets: 1, reps: 2, holdS: 3 },
    ]);
  });
});
