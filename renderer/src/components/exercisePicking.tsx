// The exercise list grouped by category, shared by the session form and the routine editor.
import { CATEGORY_LABELS, type Exercise } from '../../../shared/exercises';

/**
 * The <optgroup>s of a select: exercises grouped under their category, empty groups left out.
 * A deleted exercise of your own is offered only where it is already chosen (`current`).
 */
export function ExerciseOptions({ exercises, current }: { exercises: readonly Exercise[]; current?: string }) {
  return (
    <>
      {Object.entries(CATEGORY_LABELS).map(([category, label]) => {
        const options = exercises.filter((e) => e.category === category && (!e.deleted || e.id === current));
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
