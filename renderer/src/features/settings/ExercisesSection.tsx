// Settings › Your exercises: rename or delete the exercises you added. Sessions name an exercise by
// its id, so a rename shows in every past session, and a deleted one they use stays for them.
import { useState, type FormEvent } from 'react';
import { CATEGORY_LABELS, type Exercise } from '../../../../shared/exercises';
import { api } from '../../api/client';
import { useAppData } from '../../hooks/useAppData';

export function ExercisesSection() {
  const { exercises, reloadExercises, changed } = useAppData();
  const own = exercises.filter((e) => !e.builtIn && !e.deleted);
  const [message, setMessage] = useState<string>();

  const done = async (text: string) => {
    setMessage(text);
    await reloadExercises();
    changed();
  };

  return (
    <section aria-labelledby="own-exercises-title" className="own-exercises">
      <h2 id="own-exercises-title">Your exercises</h2>
      {own.length === 0 ? (
        <p className="muted">None yet. Add your own with “Add your own exercise” in a core session.</p>
      ) : (
        <ul className="own-exercises__list">
          {own.map((exercise) => (
            <OwnExercise key={exercise.id} exercise={exercise} onDone={done} />
          ))}
        </ul>
      )}
      <p role="status" className="muted">
        {message}
      </p>
    </section>
  );
}

function OwnExercise({ exercise, onDone }: { exercise: Exercise; onDone(message: string): Promise<void> }) {
  const [mode, setMode] = useState<'view' | 'rename' | 'delete'>('view');
  const [name, setName] = useState(exercise.name);
  const [error, setError] = useState<string>();

  async function rename(event: FormEvent) {
    event.preventDefault();
    try {
      const renamed = await api.exercises.rename({ id: exercise.id, name });
      setMode('view');
      setError(undefined);
      await onDone(`Renamed “${exercise.name}” to “${renamed.name}”; past sessions show the new name.`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  async function remove() {
    try {
      const { keptForSessions } = await api.exercises.delete({ id: exercise.id });
      await onDone(
        keptForSessions > 0
          ? `Deleted “${exercise.name}”. ${keptForSessions === 1 ? 'The session that used it still shows it.' : `The ${keptForSessions} sessions that used it still show it.`}`
          : `Deleted “${exercise.name}”.`,
      );
    } catch (e) {
      setMode('view');
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <li className="own-exercise">
      {mode === 'rename' ? (
        <form className="own-exercise__rename" onSubmit={(e) => void rename(e)} noValidate>
          <label>
            New name for {exercise.name}
            <input
              value={name}
              onChange={(e) => setName(e.target.value)}
              aria-invalid={error ? true : undefined}
              autoFocus
            />
          </label>
          <button type="submit">Save name</button>
          <button type="button" onClick={() => (setMode('view'), setName(exercise.name), setError(undefined))}>
            Cancel
          </button>
        </form>
      ) : (
        <>
          <span className="own-exercise__name">{exercise.name}</span>{' '}
          <span className="muted">{CATEGORY_LABELS[exercise.category]}</span>
          {mode === 'delete' ? (
            <span className="own-exercise__confirm" role="group" aria-label={`Delete ${exercise.name}?`}>
              Delete it? Sessions that used it keep it.{' '}
              <button type="button" onClick={() => void remove()}>
                Yes, delete {exercise.name}
              </button>
              <button type="button" onClick={() => setMode('view')} autoFocus>
                Keep it
              </button>
            </span>
          ) : (
            <span className="own-exercise__actions">
              <button type="button" onClick={() => setMode('rename')} aria-label={`Rename ${exercise.name}`}>
                Rename
              </button>
              <button type="button" onClick={() => setMode('delete')} aria-label={`Delete ${exercise.name}`}>
                Delete
              </button>
            </span>
          )}
        </>
      )}
      {error && (
        <p role="alert" className="field__error">
          {error}
        </p>
      )}
    </li>
  );
}
