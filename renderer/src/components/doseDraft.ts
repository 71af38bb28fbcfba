// A dosed exercise as the text a person is typing, shared by the session form and the routine
// editor (numbers stay text until the form is checked).
import type { DosedExercise } from '../../../shared/exercises';
import type { ExerciseSide } from '../../../shared/model';

export interface DoseDraft {
  key: number;
  exercise: string;
  sets: string;
  reps: string;
  holdS: string;
  minutes: string;
  /** For a sided exercise (side plank): '' when not recorded. */
  side: ExerciseSide | '';
}

let nextKey = 1;

export function toDoseDraft(step: DosedExercise & { side?: ExerciseSide | undefined }): DoseDraft {
  const text = (n: number | undefined) => (n === undefined ? '' : String(n));
  return {
    key: nextKey++,
    exercise: step.exercise,
    sets: text(step.sets),
    reps: text(step.reps),
    holdS: text(step.holdS),
    minutes: text(step.minutes),
    side: step.side ?? '',
  };
}
