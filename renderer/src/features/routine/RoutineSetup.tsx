// Before a routine: choose the built-in one or a saved one, adjust its steps and doses,
// save them under a name (or delete a saved routine), and start.
import { useId, useState } from 'react';
import type { Exercise } from '../../../../shared/exercises';
import { ExerciseOptions } from '../../components/exercisePicking';
import type { Routine } from '../../../../shared/model';
import { Field, FormError } from '../../components/Field';
import { suggestedStep, BUILT_IN_ROUTINE_ID, type RoutineStep } from './plan';
import { estimatedMinutes, stepsFromDrafts, toDraft, type DraftErrors, type StepDraft } from './stepDrafts';

interface RoutineSetupProps {
  exercises: Exercise[];
  saved: Routine[];
  selectedId: string;
  drafts: StepDraft[];
  hasStabilityBall: boolean;
  soundCues: boolean;
  onSelect(id: string): void;
  onDraftsChange(drafts: StepDraft[]): void;
  onBallChange(has: boolean): void;
  onSoundCuesChange(on: boolean): void;
  onSave(name: string, steps: RoutineStep[], replaceId?: string): Promise<string | undefined>;
  onDelete(routine: Routine): void;
  onStart(name: string, steps: RoutineStep[]): void;
}

interface StepRowProps {
  draft: StepDraft;
  index: number;
  count: number;
  exercise: Exercise | undefined;
  errors: DraftErrors;
  onChange(patch: Partial<StepDraft>): void;
  onMove(by: -1 | 1): void;
  onRemove(): void;
}

function DoseInput({
  label,
  context,
  value,
  error,
  step,
  onChange,
}: {
  label: string;
  context: string;
  value: string;
  error: string | undefined;
  step?: number;
  onChange(value: string): void;
}) {
  const id = useId();
  return (
    <div className={`field routine-dose${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        <span className="visually-hidden"> for {context}</span>
      </label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={step === 0.5 ? 0.5 : 1}
        step={step ?? 1}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

function StepRow({ draft, index, count, exercise, errors, onChange, onMove, onRemove }: StepRowProps) {
  const name = exercise?.name ?? draft.exercise;
  const context = `step ${index + 1}, ${name}`;
  const dosing = exercise?.dosing ?? 'reps';
  const err = (field: string) => errors[`${index}.${field}`];
  const perSide = draft.exercise === 'side-plank';
  return (
    <li className="routine-step-row">
      <div className="routine-step-row__name">
        <span className="routine-step-row__number" aria-hidden="true">
          {index + 1}
        </span>
        <span>
          <span className="routine-step-row__title">{name}</span>
          {exercise?.needsBall && <span className="routine-step-row__tag">stability ball</span>}
        </span>
      </div>
      <div className="routine-step-row__doses">
        {dosing === 'minutes' ? (
          <>
            <span className="routine-dose routine-dose--empty" />
            <span className="routine-dose routine-dose--empty" />
            <DoseInput
              label="Minutes"
              context={context}
              value={draft.minutes}
              error={err('minutes')}
              step={0.5}
              onChange={(minutes) => onChange({ minutes })}
            />
          </>
        ) : (
          <>
            <DoseInput
              label={perSide ? 'Sides' : 'Sets'}
              context={context}
              value={draft.sets}
              error={err('sets')}
              onChange={(sets) => onChange({ sets })}
            />
            {dosing === 'reps' ? (
              <DoseInput
                label="Reps"
                context={context}
                value={draft.reps}
                error={err('reps')}
                onChange={(reps) => onChange({ reps })}
              />
            ) : (
              <span className="routine-dose routine-dose--empty" />
            )}
            <DoseInput
              label={dosing === 'reps' ? 'Rep hold (s)' : 'Hold (s)'}
              context={context}
              value={draft.holdS}
              error={err('holdS')}
              onChange={(holdS) => onChange({ holdS })}
            />
          </>
        )}
      </div>
      <div className="routine-step-row__actions">
        <button
          type="button"
          className="icon-button"
          aria-label={`Move ${context} up`}
          disabled={index === 0}
          onClick={() => onMove(-1)}
        >
          ↑
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={`Move ${context} down`}
          disabled={index === count - 1}
          onClick={() => onMove(1)}
        >
          ↓
        </button>
        <button type="button" className="icon-button" aria-label={`Remove ${context}`} onClick={onRemove}>
          ×
        </button>
      </div>
    </li>
  );
}

export function RoutineSetup(props: RoutineSetupProps) {
  const { exercises, saved, selectedId, drafts, onDraftsChange } = props;
  const byId = new Map(exercises.map((e) => [e.id, e]));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [adding, setAdding] = useState('plank');
  const [newName, setNewName] = useState('');
  const [nameError, setNameError] = useState<string>();
  const [savedMessage, setSavedMessage] = useState<string>();
  const selectedSaved = saved.find((r) => r.id === selectedId);
  const routineName = selectedSaved?.name ?? 'Back-care routine';

  const update = (key: number, patch: Partial<StepDraft>) =>
    onDraftsChange(drafts.map((d) => (d.key === key ? { ...d, ...patch } : d)));
  const move = (index: number, by: -1 | 1) => {
    const next = drafts.slice();
    const [row] = next.splice(index, 1);
    if (row) next.splice(index + by, 0, row);
    onDraftsChange(next);
  };

  const checked = (): RoutineStep[] | undefined => {
    const { steps, errors: found } = stepsFromDrafts(drafts, byId);
    setErrors(found);
    return Object.keys(found).length === 0 ? steps : undefined;
  };

  async function save(replaceId?: string) {
    setSavedMessage(undefined);
    const steps = checked();
    if (!steps) return;
    const name = replaceId ? routineName : newName.trim();
    if (!name) {
      setNameError('Give the routine a name.');
      return;
    }
    const problem = await props.onSave(name, steps, replaceId);
    setNameError(problem);
    if (!problem) {
      setSavedMessage(replaceId ? `Saved the changes to “${name}”.` : `Saved “${name}”.`);
      if (!replaceId) setNewName('');
    }
  }

  const parsed = stepsFromDrafts(drafts, byId);
  const minutes = estimatedMinutes(parsed.steps, byId);

  return (
    <section aria-labelledby="routine-title" className="routine routine--setup">
      <div className="section-header">
        <h1 id="routine-title">Core routine</h1>
      </div>
      <p className="routine__intro">
        Static holds and bridges train the deep core, hips and glutes that take load off the lower back. A few minutes
        most days is the idea. Each step shows how to do it, counts down the holds and counts your reps; when you
        finish, the session goes into your journal with what you actually did.
      </p>

      <div className="routine-setup">
        <div className="routine-setup__main">
          <div className="routine-setup__choose">
            <div className="field">
              <label htmlFor="routine-choice">Routine</label>
              <select id="routine-choice" value={selectedId} onChange={(e) => props.onSelect(e.target.value)}>
                <option value={BUILT_IN_ROUTINE_ID}>Back-care routine (built in)</option>
                {saved.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name}
                  </option>
                ))}
              </select>
            </div>
            <p className="routine-setup__estimate">
              {drafts.length} {drafts.length === 1 ? 'exercise' : 'exercises'} · about {minutes} min
            </p>
          </div>

          <h2 id="routine-steps-title">Steps</h2>
          {drafts.length > 0 ? (
            <ol className="routine-steps" aria-labelledby="routine-steps-title">
              {drafts.map((draft, index) => (
                <StepRow
                  key={draft.key}
                  draft={draft}
                  index={index}
                  count={drafts.length}
                  exercise={byId.get(draft.exercise)}
                  errors={errors}
                  onChange={(patch) => update(draft.key, patch)}
                  onMove={(by) => move(index, by)}
                  onRemove={() => onDraftsChange(drafts.filter((d) => d.key !== draft.key))}
                />
              ))}
            </ol>
          ) : (
            <p className="muted">No steps yet: add an exercise below.</p>
          )}
          <div className="routine-add">
            <div className="field">
              <label htmlFor="routine-add-exercise">Exercise to add</label>
              <select id="routine-add-exercise" value={adding} onChange={(e) => setAdding(e.target.value)}>
                <ExerciseOptions exercises={exercises} />
              </select>
            </div>
            <button
              type="button"
              onClick={() => {
                const exercise = byId.get(adding);
                if (exercise) onDraftsChange([...drafts, toDraft(suggestedStep(exercise))]);
              }}
            >
              Add step
            </button>
          </div>
          <FormError message={errors._form} />

          <div className="routine-start">
            <button
              type="button"
              className="primary routine-start__button"
              onClick={() => {
                const steps = checked();
                if (steps) props.onStart(routineName, steps);
              }}
            >
              Start routine
            </button>
          </div>
        </div>

        <aside className="routine-setup__side">
          <fieldset className="choice-group choice-group--stacked">
            <legend>Options</legend>
            <label className="choice">
              <input
                type="checkbox"
                checked={props.hasStabilityBall}
                onChange={(e) => props.onBallChange(e.target.checked)}
              />
              I have a stability ball
            </label>
            <p className="choice__hint">Adds the two stability-ball exercises to the back-care routine.</p>
            <label className="choice">
              <input
                type="checkbox"
                checked={props.soundCues}
                onChange={(e) => props.onSoundCuesChange(e.target.checked)}
              />
              Sound cue at the end of each hold
            </label>
          </fieldset>

          <section className="routine-save" aria-labelledby="routine-save-title">
            <h2 id="routine-save-title">Your routines</h2>
            <p className="muted">Save the steps above under a name to pick them again next time.</p>
            <Field label="Name for these steps" error={nameError}>
              <input type="text" value={newName} maxLength={100} onChange={(e) => setNewName(e.target.value)} />
            </Field>
            <div className="routine-save__actions">
              <button type="button" onClick={() => void save()}>
                Save as new routine
              </button>
              {selectedSaved && (
                <>
                  <button type="button" onClick={() => void save(selectedSaved.id)}>
                    Save changes to “{selectedSaved.name}”
                  </button>
                  <button type="button" className="danger" onClick={() => props.onDelete(selectedSaved)}>
                    Delete “{selectedSaved.name}”
                  </button>
                </>
              )}
            </div>
            <p className="routine-save__done" aria-live="polite">
              {savedMessage}
            </p>
          </section>
        </aside>
      </div>
    </section>
  );
}
