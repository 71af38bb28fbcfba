// Log or edit a run. Distance is entered in the user's unit and stored in km; pace is derived.
import { useState, type FormEvent } from 'react';
import { RunInput, SURFACES, localToday, type Run } from '../../../../shared/model';
import {
  formatDuration,
  formatPace,
  editableDistance,
  fromDisplayDistance,
  parseDuration,
} from '../../../../shared/units';
import { api } from '../../api/client';
import { Field } from '../../components/Field';
import { FormFooter } from '../../components/FormFooter';
import { useAppData } from '../../hooks/useAppData';
import { useSaveForm, type FieldErrors } from '../../hooks/useFormErrors';
import { SURFACE_LABELS } from '../labels';

interface RunFormProps {
  initial?: Run | undefined;
  onSaved(run: Run): void;
  onCancel(): void;
}

function trimmedOrUndefined(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

export function RunForm({ initial, onSaved, onCancel }: RunFormProps) {
  const { settings } = useAppData();
  const unit = settings.distanceUnit;
  const [date, setDate] = useState(initial?.date ?? localToday());
  const [startTime, setStartTime] = useState(initial?.startTime ?? '');
  const initialDistance = initial ? editableDistance(initial.distanceKm, unit) : '';
  const [distance, setDistance] = useState(initialDistance);
  const [duration, setDuration] = useState(initial ? formatDuration(initial.durationS) : '');
  const [effort, setEffort] = useState(initial?.effort ? String(initial.effort) : '');
  const [surface, setSurface] = useState<string>(initial?.surface ?? '');
  const [shoe, setShoe] = useState(initial?.shoe ?? '');
  const [notes, setNotes] = useState(initial?.notes ?? '');
  const { errors, saving, submit: save } = useSaveForm(api.runs.save, onSaved);

  const distanceValue = distance.trim() === '' ? undefined : Number(distance.replace(',', '.'));
  const durationS = parseDuration(duration);
  const pace =
    distanceValue && distanceValue > 0 && durationS
      ? formatPace(fromDisplayDistance(distanceValue, unit), durationS, unit)
      : '–';

  async function submit(event: FormEvent) {
    event.preventDefault();
    const candidate = {
      ...(initial ? { id: initial.id, source: initial.source, sourceId: initial.sourceId } : {}),
      date,
      startTime: trimmedOrUndefined(startTime),
      // An untouched distance keeps the stored km exactly: saving must not re-round it.
      distanceKm:
        initial && distance.trim() === initialDistance
          ? initial.distanceKm
          : distanceValue === undefined || Number.isNaN(distanceValue)
            ? undefined
            : fromDisplayDistance(distanceValue, unit),
      durationS,
      effort: effort === '' ? undefined : Number(effort),
      surface: surface === '' ? undefined : surface,
      shoe: trimmedOrUndefined(shoe),
      notes: trimmedOrUndefined(notes),
    };
    // Say what is wrong with the text itself before what the schema makes of it.
    const textErrors: FieldErrors = {};
    if (duration.trim() !== '' && durationS === undefined)
      textErrors.durationS = 'Enter the duration as h:mm:ss, mm:ss or minutes.';
    if (distance.trim() !== '' && Number.isNaN(distanceValue))
      textErrors.distanceKm = 'Enter the distance as a number.';
    await save(RunInput.safeParse(candidate), textErrors);
  }

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <div className="form__row">
        <Field label="Date" error={errors.date}>
          <input type="date" value={date} max={localToday()} onChange={(e) => setDate(e.target.value)} required />
        </Field>
        <Field label="Start time" error={errors.startTime}>
          <input type="time" value={startTime} onChange={(e) => setStartTime(e.target.value)} />
        </Field>
      </div>
      <div className="form__row">
        <Field label={`Distance (${unit})`} error={errors.distanceKm}>
          <input
            type="text"
            inputMode="decimal"
            value={distance}
            onChange={(e) => setDistance(e.target.value)}
            placeholder={unit === 'km' ? '5.0' : '3.1'}
            required
            autoFocus
          />
        </Field>
        <Field label="Duration (h:mm:ss)" error={errors.durationS}>
          <input
            type="text"
            inputMode="numeric"
            value={duration}
            onChange={(e) => setDuration(e.target.value)}
            placeholder="0:30:00"
            required
          />
        </Field>
        <div className="field field--readonly">
          <span className="field__label" id="pace-label">
            Pace
          </span>
          <output aria-labelledby="pace-label">{pace}</output>
        </div>
      </div>
      <div className="form__row">
        <Field label="Effort (1–10)" error={errors.effort} hint="How hard it felt: 1 very easy, 10 all-out.">
          <select value={effort} onChange={(e) => setEffort(e.target.value)}>
            <option value="">Not rated</option>
            {Array.from({ length: 10 }, (_, i) => (
              <option key={i + 1} value={String(i + 1)}>
                {i + 1}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Surface" error={errors.surface}>
          <select value={surface} onChange={(e) => setSurface(e.target.value)}>
            <option value="">Not set</option>
            {SURFACES.map((s) => (
              <option key={s} value={s}>
                {SURFACE_LABELS[s]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Shoe" error={errors.shoe}>
          <input type="text" value={shoe} onChange={(e) => setShoe(e.target.value)} maxLength={100} />
        </Field>
      </div>
      <FormFooter
        notes={notes}
        onNotes={setNotes}
        notesError={errors.notes}
        formError={errors._form ?? errors.id}
        rows={3}
        saving={saving}
        submitLabel={initial ? 'Save changes' : 'Save run'}
        onCancel={onCancel}
      />
    </form>
  );
}
