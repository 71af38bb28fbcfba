// The guided routine's plan: the built-in back-care routine, a routine expanded into the
// steps a person does one after another, and the session that was actually done.
// Pure: no DOM, no React, so it is unit-tested directly.
import { CATALOGUE, findExercise, suggestedDose, type Exercise } from '../../../../shared/exercises';
import type { CustomExercise, Routine, StrengthItem } from '../../../../shared/model';

export type RoutineStep = Routine['steps'][number];

export const BUILT_IN_ROUTINE_ID = 'built-in-back-care';

/** Side plank is done per side: its "sets" alternate left and right. */

const BACK_CARE_EXERCISES = ['plank', 'side-plank', 'glute-bridge', 'locust'];
const BALL_EXERCISES = ['ball-back-extension', 'ball-reverse-leg-raise'];

/** A routine step with the exercise's suggested dose (from the catalogue). */
export const suggestedStep: (exercise: Exercise) => RoutineStep = suggestedDose;

/** Plank, side plank each side, glute bridges with short holds, locust; the ball work only with a ball. */
export function builtInRoutine(hasStabilityBall: boolean): Routine {
  const ids = [...BACK_CARE_EXERCISES, ...(hasStabilityBall ? BALL_EXERCISES : [])];
  const steps = ids.map((id) => {
    const exercise = CATALOGUE.find((e) => e.id === id);
    if (!exercise) throw new Error(`catalogue lacks ${id}`);
    return suggestedStep(exercise);
  });
  return { id: BUILT_IN_ROUTINE_ID, name: 'Back-care routine', steps };
}

export type StepKind = 'hold' | 'reps' | 'minutes';

/** One thing to do now: a hold, a set of reps, or some minutes of an exercise. */
export interface RunStep {
  /** Which routine step it comes from (a step with sets or sides becomes several). */
  stepIndex: number;
  exerciseId: string;
  exerciseName: string;
  title: string;
  howTo: string | undefined;
  kind: StepKind;
  /** Seconds to hold (hold steps), or the hold of each rep (rep steps, optional). */
  holdS?: number;
  reps?: number;
  minutes?: number;
  /** For a sided exercise: which side this step is. */
  side?: 'left' | 'right';
}

function baseName(exercise: Exercise): string {
  return exercise.name.replace(/\s*\(left\/right\)\s*$/i, '');
}

function lookUp(id: string, custom: readonly CustomExercise[]): Exercise {
  return findExercise(id, custom) ?? { id, name: id, category: 'other', dosing: 'reps', builtIn: false };
}

/** The steps of a routine in the order they are done. */
export function expandRoutine(steps: readonly RoutineStep[], custom: readonly CustomExercise[] = []): RunStep[] {
  const out: RunStep[] = [];
  steps.forEach((step, stepIndex) => {
    const exercise = lookUp(step.exercise, custom);
    const name = baseName(exercise);
    const common = { stepIndex, exerciseId: exercise.id, exerciseName: exercise.name, howTo: exercise.howTo };
    if (exercise.dosing === 'minutes') {
      out.push({ ...common, title: name, kind: 'minutes', minutes: step.minutes ?? exercise.suggested?.minutes ?? 5 });
      return;
    }
    const sets = step.sets ?? 1;
    const perSide = exercise.sided === true;
    for (let set = 0; set < sets; set++) {
      let title = name;
      const side = perSide ? (set % 2 === 0 ? 'left' : 'right') : undefined;
      if (side) {
        const round = Math.floor(set / 2) + 1;
        const rounds = Math.ceil(sets / 2);
        title = `${name}, ${side} side${rounds > 1 ? ` (round ${round} of ${rounds})` : ''}`;
      } else if (sets > 1) {
        title = `${name}, set ${set + 1} of ${sets}`;
      }
      if (exercise.dosing === 'hold') {
        out.push({
          ...common,
          title,
          kind: 'hold',
          holdS: step.holdS ?? exercise.suggested?.holdS ?? 30,
          ...(side ? { side } : {}),
        });
      } else {
        out.push({
          ...common,
          title,
          kind: 'reps',
          reps: step.reps ?? exercise.suggested?.reps ?? 10,
          ...(step.holdS ? { holdS: step.holdS } : {}),
          ...(side ? { side } : {}),
        });
      }
    }
  });
  return out;
}

/** What became of a step: not reached yet, left out, or done (with what was really done). */
export type StepResult =
  { status: 'pending' } | { status: 'skipped' } | { status: 'done'; holdS?: number; reps?: number; minutes?: number };

/**
 * The session to log: done steps only, in order. Repeats of one routine step with the same
 * dose become one item with sets (or summed minutes); skipped and unreached steps are left out.
 */
export function sessionItems(steps: readonly RunStep[], results: readonly StepResult[]): StrengthItem[] {
  const items: StrengthItem[] = [];
  let lastStepIndex = -1;
  steps.forEach((step, i) => {
    const result = results[i];
    if (result?.status !== 'done') {
      lastStepIndex = -1;
      return;
    }
    const previous = items[items.length - 1];
    const sameStep = previous !== undefined && lastStepIndex === step.stepIndex;
    lastStepIndex = step.stepIndex;
    if (step.kind === 'minutes') {
      const minutes = result.minutes ?? step.minutes ?? 0.5;
      if (sameStep && previous.minutes !== undefined) previous.minutes += minutes;
      else items.push({ exercise: step.exerciseId, minutes });
      return;
    }
    const item: StrengthItem = {
      exercise: step.exerciseId,
      sets: 1,
      ...(step.kind === 'reps' ? { reps: result.reps ?? 1 } : {}),
      ...(step.kind === 'hold' ? { holdS: result.holdS ?? 1 } : step.holdS ? { holdS: step.holdS } : {}),
      ...(step.side ? { side: step.side } : {}),
    };
    if (sameStep && previous.reps === item.reps && previous.holdS === item.holdS && previous.minutes === undefined) {
      previous.sets = (previous.sets ?? 1) + 1;
      // Left then right (or the reverse) is both sides.
      if (previous.side !== item.side) previous.side = 'both';
    } else {
      items.push(item);
    }
  });
  return items;
}

/** A countdown as mm:ss, rounding up so "00:00" only shows once time is really up. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}

/** A duration in words for announcements: "30 seconds", "1 minute 30 seconds". */
export function spokenDuration(totalS: number): string {
  const minutes = Math.floor(totalS / 60);
  const seconds = Math.round(totalS % 60);
  const parts: string[] = [];
  if (minutes > 0) parts.push(`${minutes} minute${minutes === 1 ? '' : 's'}`);
  if (seconds > 0 || minutes === 0) parts.push(`${seconds} second${seconds === 1 ? '' : 's'}`);
  return parts.join(' ');
}

/** A step's dose in a few words, for lists: "30 s hold", "10 reps, 3 s holds", "5 min". */
export function doseText(step: RunStep): string {
  if (step.kind === 'minutes') return `${step.minutes} min`;
  if (step.kind === 'hold') return `${step.holdS} s hold`;
  return `${step.reps} reps${step.holdS ? `, ${step.holdS} s holds` : ''}`;
}
