// What the session form and the routine editor share: the exercise list grouped by category,
// and a dosed exercise as the text a person is typing.
import { CATEGORY_LABELS, type DosedExercise, type Exercise } from '../../../shared/exercises';

/** The <optgroup>s of a select: exercises grouped under their category, empty groups left out. */
export function ExerciseOptions({ exercises }: { exercises: readonly Exercise[] }) {
  return (
    <>
      {Object.entries(CATEGORY_LABELS).map(([category, label]) => {
        const options = exercises.filter((e) => e.category === category);
        if (options.length === 0) return null;
        return (
          <optgroup key={category} label={label}>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </optgroup>
        );
      })}
    </>
  );
}

/** A dosed exercise as typed text (numbers stay text until the form is checked). */
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
