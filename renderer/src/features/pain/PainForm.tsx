// Rate pain: score on a slider (arrow keys work), where, which side, what kind, when,
// and optionally the run of that day it belongs to.
import { useEffect, useState, type FormEvent } from 'react';
import {
  PAIN_KINDS,
  PAIN_LOCATIONS,
  PAIN_SIDES,
  PAIN_TIMINGS,
  PainRatingInput,
  localToday,
  type PainKind,
  type PainLocation,
  type PainRating,
  type PainSide,
  type PainTiming,
  type Run,
} from '../../../../shared/model';
import { formatDistance, formatDuration } from '../../../../shared/units';
import { api } from '../../api/client';
import { Field } from '../../components/Field';
import { FormFooter } from '../../components/FormFooter';
import { useAppData } from '../../hooks/useAppData';
import { useSaveForm } from '../../hooks/useFormErrors';
import { KIND_HINTS, KIND_LABELS, LOCATION_LABELS, SIDE_LABELS, TIMING_LABELS } from '../labels';

interface PainFormProps {
  initial?: PainRating | undefined;
  onSaved(rating: PainRating): void;
  onCancel(): void;
}

function nowTime(): string {
  const d = new Date();
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

export function PainForm({ initial, onSaved, onCancel }: PainFormProps) {
  const { settings } = useAppData();
  const [date, setDate] = useState(initial?.date ?? localToday());
  const [time, setTime] = useState(initial ? (initial.time ?? '') : nowTime());
  const [score, setScore] = useState(initial?.score ?? 0);
  const [location, setLocation] = useState<PainLocation>(initial?.location ?? 'lower_back');
  const [side, setSide] = useState<PainSide>(initial?.side ?? 'centre');
  const [kind, setKind] = useState<PainKind>(initial?.kind ?? 'unsure');
  const [timing, setTiming] = useState<PainTiming>(initial?.timing ?? 'rest_day');
  const [runId, setRunId] = useState(initial?.runId ?? '');
  const [notes, setNotes] = useState(initial?.notes ?? '');
  const [runsOnDate, setRunsOnDate] = useState<Run[]>([]);
  // Until the person picks a run themselves, pain during or after a run on a day with exactly one
  // run is linked to that run (an edit keeps what was saved).
  const [runChosen, setRunChosen] = useState(initial !== undefined);
  const { errors, saving, submit: save } = useSaveForm(api.pain.save, onSaved);

  useEffect(() => {
    let cancelled = false;
    const valid = /^\d{4}-\d{2}-\d{2}$/.test(date) && date <= localToday();
    (valid ? api.runs.onDate({ date }) : Promise.resolve([]))
      .then((runs) => {
        if (cancelled) return;
        setRunsOnDate(runs);
        setRunId((current) => (runs.some((r) => r.id === current) ? current : ''));
      })
      .catch(() => !cancelled && setRunsOnDate([]));
    return () => {
      cancelled = true;
    };
  }, [date]);

  const onlyRun = runsOnDate.length === 1 ? runsOnDate[0]!.id : '';
  const aboutARun = timing === 'during_run' || timing === 'after_run';
  const linkedRunId = runChosen ? runId : aboutARun ? onlyRun : '';

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = PainRatingInput.safeParse({
      ...(initial ? { id: initial.id } : {}),
      date,
      time: time === '' ? undefined : time,
      score,
      location,
      side,
      kind,
      timing,
      runId: linkedRunId === '' ? undefined : linkedRunId,
      notes: notes.trim() === '' ? undefined : notes.trim(),
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
      </div>
      <Field
        label="Pain score (0–10)"
        error={errors.score}
        hint="0 = no pain, 10 = worst imaginable. Arrow keys change it."
      >
        <input
          type="range"
          min={0}
          max={10}
          step={1}
          value={score}
          aria-valuetext={`${score} out of 10`}
          onChange={(e) => setScore(Number(e.target.value))}
          data-autofocus
        />
      </Field>
      <p className="score-readout" aria-hidden="true">
        <strong>{score}</strong>/10
      </p>
      <div className="form__row">
        <Field label="Location" error={errors.location}>
          <select value={location} onChange={(e) => setLocation(e.target.value as PainLocation)}>
            {PAIN_LOCATIONS.map((l) => (
              <option key={l} value={l}>
                {LOCATION_LABELS[l]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="When" error={errors.timing}>
          <select value={timing} onChange={(e) => setTiming(e.target.value as PainTiming)}>
            {PAIN_TIMINGS.map((t) => (
              <option key={t} value={t}>
                {TIMING_LABELS[t]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <fieldset className="choice-group">
        <legend>Side</legend>
        {PAIN_SIDES.map((s) => (
          <label key={s} className="choice">
            <input type="radio" name="side" value={s} checked={side === s} onChange={() => setSide(s)} />
            {SIDE_LABELS[s]}
          </label>
        ))}
      </fieldset>
      <fieldset className="choice-group choice-group--stacked">
        <legend>Kind of pain</legend>
        {PAIN_KINDS.map((k) => (
          <label key={k} className="choice">
            <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
            <span>
              {KIND_LABELS[k]} <span className="choice__hint">— {KIND_HINTS[k]}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <Field
        label="Linked run"
        error={errors.runId}
        hint={runsOnDate.length === 0 ? 'No run logged on this day.' : undefined}
      >
        <select
          value={linkedRunId}
          onChange={(e) => {
            setRunChosen(true);
            setRunId(e.target.value);
          }}
          disabled={runsOnDate.length === 0}
        >
          <option value="">None</option>
          {runsOnDate.map((r) => (
            <option key={r.id} value={r.id}>
              {`${r.startTime ? `${r.startTime} · ` : ''}${formatDistance(r.distanceKm, settings.distanceUnit)} in ${formatDuration(r.durationS)}`}
            </option>
          ))}
        </select>
      </Field>
      <FormFooter
        notes={notes}
        onNotes={setNotes}
        notesError={errors.notes}
        formError={errors._form ?? errors.id}
        rows={2}
        saving={saving}
        submitLabel={initial ? 'Save changes' : 'Save pain rating'}
        onCancel={onCancel}
      />
    </form>
  );
}
