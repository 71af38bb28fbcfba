// The exercise list grouped by category, shared by the session form and the routine editor.
import { CATEGORY_LABELS, type Exercise } from '../../../shared/exercises';

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
