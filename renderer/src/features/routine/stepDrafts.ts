// The routine editor's rows as typed text, and their checked conversion to routine steps
// (with messages a person can act on, keyed "index.field").
import type { Exercise } from '../../../../shared/exercises';
import { toDoseDraft, type DoseDraft } from '../../components/doseDraft';
import type { RoutineStep } from './plan';

/** The routine editor's rows are the shared dose drafts. */
export type StepDraft = DoseDraft;
export const toDraft = toDoseDraft;

interface Range {
  min: number;
  max: number;
  whole: boolean;
  what: string;
}

const RANGES: Record<'sets' | 'reps' | 'holdS' | 'minutes', Range> = {
  sets: { min: 1, max: 20, whole: true, what: 'Sets' },
  reps: { min: 1, max: 200, whole: true, what: 'Reps' },
  holdS: { min: 1, max: 600, whole: true, what: 'A hold' },
  minutes: { min: 0.5, max: 120, whole: false, what: 'Minutes' },
};

function check(text: string, field: keyof typeof RANGES, required: boolean): number | string | undefined {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return required ? `${RANGES[field].what}: enter a number.` : undefined;
  const value = Number(trimmed);
  const range = RANGES[field];
  const unit = field === 'holdS' ? ' seconds' : '';
  if (!Number.isFinite(value) || value < range.min || value > range.max || (range.whole && !Number.isInteger(value)))
    return `${range.what} must be ${range.whole ? 'a whole number ' : ''}from ${range.min} to ${range.max}${unit}.`;
  return value;
}

export type DraftErrors = Record<string, string>;

/** Routine steps from the editor rows, or the errors to show next to them. */
export function stepsFromDrafts(
  drafts: readonly StepDraft[],
  byId: ReadonlyMap<string, Exercise>,
): { steps: RoutineStep[]; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const steps: RoutineStep[] = [];
  if (drafts.length === 0) errors._form = 'Add at least one exercise.';
  drafts.forEach((draft, index) => {
    const dosing = byId.get(draft.exercise)?.dosing ?? 'reps';
    const fields: Array<[keyof typeof RANGES, boolean]> =
      dosing === 'minutes'
        ? [['minutes', true]]
        : dosing === 'hold'
          ? [
              ['sets', false],
              ['holdS', true],
            ]
          : [
              ['sets', false],
              ['reps', true],
              ['holdS', false],
            ];
    const step: RoutineStep = { exercise: draft.exercise };
    for (const [field, required] of fields) {
      const result = check(draft[field], field, required);
      if (typeof result === 'string') errors[`${index}.${field}`] = result;
      else if (result !== undefined) step[field] = result;
    }
    steps.push(step);
  });
  return { steps, errors };
}

/** A rough length, so people know what they are starting: holds, reps at ~3 s, changes ~10 s. */
export function estimatedMinutes(steps: readonly RoutineStep[], byId: ReadonlyMap<string, Exercise>): number {
  let seconds = 0;
  for (const step of steps) {
    const dosing = byId.get(step.exercise)?.dosing ?? 'reps';
    const sets = step.sets ?? 1;
    if (dosing === 'minutes') seconds += (step.minutes ?? 0) * 60 + 10;
    else if (dosing === 'hold') seconds += sets * ((step.holdS ?? 0) + 10);
    else seconds += sets * ((step.reps ?? 0) * ((step.holdS ?? 0) + 3) + 10);
  }
  return Math.max(1, Math.round(seconds / 60));
}
