// Log a strength/core session: exercises from the catalogue (or the user's own), each with
// the dose its kind suggests (hold seconds, reps, or minutes).
import { useState, type FormEvent } from 'react';
import { CATEGORY_LABELS, suggestedDose, type Exercise } from '../../../../shared/exercises';
import {
  DOSINGS,
  EXERCISE_CATEGORIES,
  EXERCISE_SIDES,
  StrengthSessionInput,
  localToday,
  type Dosing,
  type ExerciseCategory,
  type ExerciseSide,
  type StrengthSession,
} from '../../../../shared/model';
import { api } from '../../api/client';
import { toDoseDraft, type DoseDraft } from '../../components/doseDraft';
import { ExerciseOptions } from '../../components/exercisePicking';
import { Field } from '../../components/Field';
import { FormFooter } from '../../components/FormFooter';
import { useAppData } from '../../hooks/useAppData';
import { errorsFromUnknown, useSaveForm } from '../../hooks/useFormErrors';

interface SessionFormProps {
  initial?: StrengthSession | undefined;
  onSaved(session: StrengthSession): void;
  onCancel(): void;
}

/** A new row for an exercise, with the dose the catalogue suggests (or empty for unknown names). */
function draftFor(exercise: Exercise | undefined, id: string): DoseDraft {
  const draft = toDoseDraft(exercise ? suggestedDose(exercise) : { exercise: id });
  // A sided exercise is usually done on both sides; the form lets you say otherwise.
  return exercise?.sided ? { ...draft, side: 'both' } : draft;
}

const SIDE_LABELS: Record<ExerciseSide, string> = { both: 'Both sides', left: 'Left side', right: 'Right side' };

const DOSING_LABELS: Record<Dosing, string> = { hold: 'Hold (seconds)', reps: 'Repetitions', minutes: 'Minutes' };
const num = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text.replace(',', '.')));

export function SessionForm({ initial, onSaved, onCancel }: SessionFormProps) {
  const { exercises, reloadExercises } = useAppData();
  const byId = new Map(exercises.map((e) => [e.id, e]));
  const [date, setDate] = useState(initial?.date ?? localToday());
  const [time, setTime] = useState(initial?.time ?? '');
  const [durationMin, setDurationMin] = useState(initial?.durationMin ? String(initial.durationMin) : '');
  const [notes, setNotes] = useState(initial?.notes ?? '');
  const [items, setItems] = useState<DoseDraft[]>(
    initial ? initial.items.map(toDoseDraft) : [draftFor(byId.get('plank'), 'plank')],
  );
  const [ownName, setOwnName] = useState('');
  const [ownCategory, setOwnCategory] = useState<ExerciseCategory>('core');
  const [ownDosing, setOwnDosing] = useState<Dosing>('reps');
  const [ownError, setOwnError] = useState<string>();
  const { errors, saving, submit: save } = useSaveForm(api.strength.save, onSaved);

  const update = (key: number, patch: Partial<DoseDraft>) =>
    setItems((list) => list.map((item) => (item.key === key ? { ...item, ...patch } : item)));

  async function addOwnExercise() {
    try {
      const created = await api.exercises.add({ name: ownName, category: ownCategory, dosing: ownDosing });
      await reloadExercises();
      setItems((list) => [...list, { ...draftFor(undefined, created.id) }]);
      setOwnName('');
      setOwnError(undefined);
    } catch (error) {
      setOwnError(Object.values(errorsFromUnknown(error))[0]);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = StrengthSessionInput.safeParse({
      ...(initial ? { id: initial.id } : {}),
      date,
      time: time === '' ? undefined : time,
      durationMin: num(durationMin),
      notes: notes.trim() === '' ? undefined : notes.trim(),
      items: items.map((item) => {
        const dosing = byId.get(item.exercise)?.dosing ?? 'reps';
        return {
          exercise: item.exercise,
          sets: dosing === 'minutes' ? undefined : num(item.sets),
          reps: dosing === 'reps' ? num(item.reps) : undefined,
          holdS: dosing === 'minutes' ? undefined : num(item.holdS),
          minutes: dosing === 'minutes' ? num(item.minutes) : undefined,
          side: byId.get(item.exercise)?.sided && item.side !== '' ? item.side : undefined,
        };
      }),
    });
    await save(parsed);
  }

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <div className="form__row">
        <Field label="Date" error={errors.date}>
          <input type="date" value={date} max={localToday()} onChange={(e) => setDate(e.target.value)} required />
        </Field>
        <Field label="Time" error={errors.time}>
          <input type="time" value={time} onChange={(e) => setTime(e.target.value)} />
        </Field>
        <Field label="Duration (minutes)" error={errors.durationMin}>
          <input type="text" inputMode="decimal" value={durationMin} onChange={(e) => setDurationMin(e.target.value)} />
        </Field>
      </div>
      <fieldset className="items">
        <legend>Exercises</legend>
        {errors.items && <p className="field__error">{errors.items}</p>}
        <ol className="items__list">
          {items.map((item, index) => {
            const exercise = byId.get(item.exercise);
            const dosing = exercise?.dosing ?? 'reps';
            const n = index + 1;
            const err = (f: string) => errors[`items.${index}.${f}`];
            return (
              <li key={item.key} className="item-row">
                <Field label={`Exercise ${n}`} error={err('exercise')}>
                  <select
                    value={item.exercise}
                    onChange={(e) => {
                      const next = byId.get(e.target.value);
                      update(item.key, { ...draftFor(next, e.target.value), key: item.key });
                    }}
                  >
                    {!exercise && <option value={item.exercise}>{item.exercise}</option>}
                    <ExerciseOptions exercises={exercises} current={item.exercise} />
                  </select>
                </Field>
                {dosing !== 'minutes' && (
                  <Field label={`Sets for exercise ${n}`} error={err('sets')}>
                    <input
                      type="number"
                      min={1}
                      value={item.sets}
                      onChange={(e) => update(item.key, { sets: e.target.value })}
                    />
                  </Field>
                )}
                {dosing === 'reps' && (
                  <Field label={`Reps for exercise ${n}`} error={err('reps')}>
                    <input
                      type="number"
                      min={1}
                      value={item.reps}
                      onChange={(e) => update(item.key, { reps: e.target.value })}
                    />
                  </Field>
                )}
                {dosing !== 'minutes' && (
                  <Field label={`Hold seconds for exercise ${n}`} error={err('holdS')}>
                    <input
                      type="number"
                      min={1}
                      value={item.holdS}
                      onChange={(e) => update(item.key, { holdS: e.target.value })}
                    />
                  </Field>
                )}
                {exercise?.sided && (
                  <Field label={`Side for exercise ${n}`} error={err('side')}>
                    <select
                      value={item.side}
                      onChange={(e) => update(item.key, { side: e.target.value as ExerciseSide | '' })}
                    >
                      {item.side === '' && <option value="">Not recorded</option>}
                      {EXERCISE_SIDES.map((side) => (
                        <option key={side} value={side}>
                          {SIDE_LABELS[side]}
                        </option>
                      ))}
                    </select>
                  </Field>
                )}
                {dosing === 'minutes' && (
                  <Field label={`Minutes for exercise ${n}`} error={err('minutes')}>
                    <input
                      type="number"
                      min={0.5}
                      step={0.5}
                      value={item.minutes}
                      onChange={(e) => update(item.key, { minutes: e.target.value })}
                    />
                  </Field>
                )}
                <button
                  type="button"
                  className="icon-button item-row__remove"
                  aria-label={`Remove exercise ${n}`}
                  disabled={items.length === 1}
                  onClick={() => setItems((list) => list.filter((i) => i.key !== item.key))}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ol>
        <button
          type="button"
          onClick={() => setItems((list) => [...list, draftFor(byId.get('glute-bridge'), 'glute-bridge')])}
        >
          Add exercise
        </button>
      </fieldset>
      <details className="own-exercise">
        <summary>Add your own exercise</summary>
        <div className="form__row">
          <Field label="Name" error={ownError}>
            <input type="text" value={ownName} onChange={(e) => setOwnName(e.target.value)} maxLength={100} />
          </Field>
          <Field label="Category">
            <select value={ownCategory} onChange={(e) => setOwnCategory(e.target.value as ExerciseCategory)}>
              {EXERCISE_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {CATEGORY_LABELS[c]}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Dosed by">
            <select value={ownDosing} onChange={(e) => setOwnDosing(e.target.value as Dosing)}>
              {DOSINGS.map((d) => (
                <option key={d} value={d}>
                  {DOSING_LABELS[d]}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <button type="button" onClick={() => void addOwnExercise()}>
          Create exercise
        </button>
      </details>
      <FormFooter
        notes={notes}
        onNotes={setNotes}
        notesError={errors.notes}
        formError={errors._form ?? errors.id}
        rows={2}
        saving={saving}
        submitLabel={initial ? 'Save changes' : 'Save session'}
        onCancel={onCancel}
      />
    </form>
  );
}
