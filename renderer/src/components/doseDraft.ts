// A dosed exercise as the text a person is typing, shared by the session form and the routine
// editor (numbers stay text until the form is checked).
import type { DosedExercise } from '../../../shared/exercises';

export interface DoseDraft {
  key: number;
  exercise: string;
  sets: string;
  reps: string;
  holdS: string;
  minutes: string;
}

let nextKey = 1;

export function toDoseDraft(step: DosedExercise): DoseDraft {
  const text = (n: number | undefined) => (n === undefined ? '' : String(n));
  return {
    key: nextKey++,
    exercise: step.exercise,
    sets: text(step.sets),
    reps: text(step.reps),
    holdS: text(step.holdS),
    minutes: text(step.minutes),
  };
}
