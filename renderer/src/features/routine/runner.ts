// The routine runner as a pure state machine: every action carries the time it happened,
// so the same code runs under the real clock, Playwright's fake clock and unit tests.
import { spokenDuration, type RunStep, type StepResult } from './plan';

export type Phase = 'ready' | 'running' | 'paused' | 'finished';

export interface RunnerState {
  steps: readonly RunStep[];
  results: StepResult[];
  index: number;
  phase: Phase;
  /** Time on the current timer before its latest (re)start: the hold, or the current rep's hold. */
  carriedMs: number;
  /** When the current timer last (re)started; null while it is stopped. */
  since: number | null;
  /** The latest time the runner was told about (drives the display). */
  now: number;
  reps: number;
  /** For reps with a hold each: whether this rep's hold is over (its cue has sounded). */
  repHoldOver: boolean;
  /** Seconds-left marks already announced for the current step. */
  announced: number[];
  startedAt: number | null;
  finishedAt: number | null;
  /** Bumped on every audible cue; the view beeps when it changes. */
  cues: number;
  /** The latest message for the screen reader's polite live region. */
  announcement: string;
}

export type RunnerAction =
  | { type: 'start'; now: number }
  | { type: 'pause'; now: number }
  | { type: 'resume'; now: number }
  | { type: 'tick'; now: number }
  | { type: 'repDone'; now: number }
  | { type: 'endStep'; now: number }
  | { type: 'skip'; now: number }
  | { type: 'back'; now: number }
  | { type: 'finish'; now: number };

export function initialRunner(steps: readonly RunStep[], now: number): RunnerState {
  return {
    steps,
    results: steps.map(() => ({ status: 'pending' })),
    index: 0,
    phase: steps.length > 0 ? 'ready' : 'finished',
    carriedMs: 0,
    since: null,
    now,
    reps: 0,
    repHoldOver: false,
    announced: [],
    startedAt: null,
    finishedAt: steps.length > 0 ? null : now,
    cues: 0,
    announcement: '',
  };
}

export function elapsedMs(state: RunnerState, now = state.now): number {
  return state.carriedMs + (state.since !== null ? Math.max(0, now - state.since) : 0);
}

/** How long the current step's countdown runs, in ms (0 for rep steps). */
export function targetMs(step: RunStep | undefined): number {
  if (!step) return 0;
  if (step.kind === 'hold') return (step.holdS ?? 0) * 1000;
  if (step.kind === 'minutes') return (step.minutes ?? 0) * 60_000;
  return 0;
}

export function currentStep(state: RunnerState): RunStep | undefined {
  return state.steps[state.index];
}

/** Started and not yet finished: leaving now would throw work away. */
export function inProgress(state: RunnerState): boolean {
  return state.startedAt !== null && state.phase !== 'finished';
}

/** Seconds-left marks worth saying aloud: halfway on longer holds, each minute on long ones, and 10 s. */
export function announceMarks(totalS: number): number[] {
  const marks = new Set<number>();
  if (totalS >= 120) for (let m = Math.floor((totalS - 1) / 60); m >= 1; m--) marks.add(m * 60);
  else if (totalS >= 40) marks.add(Math.round(totalS / 2 / 5) * 5);
  if (totalS >= 20) marks.add(10);
  return [...marks].sort((a, b) => b - a);
}

function startText(step: RunStep): string {
  if (step.kind === 'hold') return `${step.title}: hold for ${spokenDuration(step.holdS ?? 0)}.`;
  if (step.kind === 'minutes') return `${step.title}: ${spokenDuration((step.minutes ?? 0) * 60)}.`;
  const hold = step.holdS ? `, holding each about ${spokenDuration(step.holdS)}` : '';
  return `${step.title}: ${step.reps} reps${hold}. Press Rep done after each.`;
}

function resetTimer(state: RunnerState, running: boolean, now: number): RunnerState {
  return { ...state, carriedMs: 0, since: running ? now : null, repHoldOver: false };
}

/** Records the current step's result and moves to the next step (ready), or finishes. */
function advance(state: RunnerState, result: StepResult, now: number, cue: boolean): RunnerState {
  const results = state.results.slice();
  results[state.index] = result;
  const index = state.index + 1;
  const next = state.steps[index];
  const done = state.steps[state.index];
  const what = result.status === 'skipped' ? 'Skipped' : 'Done';
  const announcement = next
    ? `${what}: ${done?.title}. Next: ${next.title}. Press Start when you are ready.`
    : `${what}: ${done?.title}. Routine complete.`;
  return {
    ...resetTimer(state, false, now),
    results,
    index,
    reps: 0,
    announced: [],
    phase: next ? 'ready' : 'finished',
    finishedAt: next ? null : now,
    cues: cue ? state.cues + 1 : state.cues,
    announcement,
  };
}

/** A hold or minutes step ended early: keep what was held (whole seconds), or nothing. */
function partialResult(step: RunStep, ms: number, reps: number): StepResult {
  if (step.kind === 'reps') return reps > 0 ? { status: 'done', reps } : { status: 'skipped' };
  const seconds = Math.floor(ms / 1000);
  if (step.kind === 'hold') return seconds >= 1 ? { status: 'done', holdS: seconds } : { status: 'skipped' };
  const halfMinutes = Math.round(seconds / 30) / 2;
  return halfMinutes >= 0.5 ? { status: 'done', minutes: halfMinutes } : { status: 'skipped' };
}

function tick(state: RunnerState, now: number): RunnerState {
  const step = currentStep(state);
  if (!step || state.phase !== 'running') return { ...state, now };
  const elapsed = elapsedMs(state, now);
  if (step.kind === 'reps') {
    if (step.holdS && !state.repHoldOver && elapsed >= step.holdS * 1000) {
      return { ...state, now, repHoldOver: true, cues: state.cues + 1 };
    }
    return { ...state, now };
  }
  const target = targetMs(step);
  if (elapsed >= target) {
    const full: StepResult =
      step.kind === 'hold'
        ? { status: 'done', holdS: step.holdS ?? 0 }
        : { status: 'done', minutes: step.minutes ?? 0 };
    return { ...advance(state, full, now, true), now };
  }
  const leftS = Math.ceil((target - elapsed) / 1000);
  const crossed = announceMarks(target / 1000).filter((mark) => leftS <= mark && !state.announced.includes(mark));
  if (crossed.length === 0) return { ...state, now };
  // After a long pause in ticks several marks may pass at once: say only the latest.
  const latest = Math.min(...crossed);
  return {
    ...state,
    now,
    announced: [...state.announced, ...crossed],
    announcement: `${spokenDuration(latest)} left.`,
  };
}

export function runnerReducer(state: RunnerState, action: RunnerAction): RunnerState {
  const { now } = action;
  const step = currentStep(state);
  if (state.phase === 'finished' || !step) return { ...state, now };
  switch (action.type) {
    case 'tick':
      return tick(state, now);
    case 'start':
      if (state.phase !== 'ready') return state;
      return {
        ...resetTimer(state, true, now),
        now,
        phase: 'running',
        startedAt: state.startedAt ?? now,
        announcement: startText(step),
      };
    case 'pause':
      if (state.phase !== 'running') return state;
      return { ...state, now, phase: 'paused', carriedMs: elapsedMs(state, now), since: null, announcement: 'Paused.' };
    case 'resume':
      if (state.phase !== 'paused') return state;
      return { ...state, now, phase: 'running', since: now, announcement: 'Going again.' };
    case 'repDone': {
      if (step.kind !== 'reps' || state.phase !== 'running') return state;
      const reps = state.reps + 1;
      const target = step.reps ?? 1;
      if (reps >= target) return { ...advance(state, { status: 'done', reps }, now, false), now };
      return {
        ...resetTimer(state, true, now),
        now,
        reps,
        announcement: `Rep ${reps} of ${target}.`,
      };
    }
    case 'endStep': {
      if (state.phase === 'ready') return state;
      return { ...advance(state, partialResult(step, elapsedMs(state, now), state.reps), now, false), now };
    }
    case 'skip':
      return { ...advance(state, { status: 'skipped' }, now, false), now };
    case 'back': {
      const index = Math.max(0, state.index - 1);
      const results = state.results.slice();
      results[state.index] = { status: 'pending' };
      results[index] = { status: 'pending' };
      const target = state.steps[index];
      return {
        ...resetTimer(state, false, now),
        now,
        results,
        index,
        reps: 0,
        announced: [],
        phase: 'ready',
        announcement: target ? `Back to ${target.title}. Press Start when you are ready.` : '',
      };
    }
    case 'finish': {
      // Whatever of the current step was already done (reps counted, seconds held) counts too.
      const results = state.results.slice();
      if (state.phase !== 'ready') results[state.index] = partialResult(step, elapsedMs(state, now), state.reps);
      return {
        ...state,
        now,
        results,
        phase: 'finished',
        finishedAt: now,
        since: null,
        announcement: 'Routine finished.',
      };
    }
  }
}
