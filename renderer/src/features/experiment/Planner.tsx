// Planning an experiment: period length, cycles, washout, start date; it says before starting
// what the design can show (the smallest possible p) and how long the plan runs.
import { useId, useState } from 'react';
import {
  DEFAULT_CYCLES,
  DEFAULT_WASHOUT_DAYS,
  MAX_CYCLES,
  MAX_WASHOUT_DAYS,
  MIN_CYCLES,
  formatP,
  nextMonday,
  planEndDate,
  planLengthDays,
  smallestPossibleP,
  type Experiment,
} from '../../../../shared/experiment';
import { localToday } from '../../../../shared/model';
import { api } from '../../api/client';
import { Field, FormError } from '../../components/Field';
import { errorsFromUnknown } from '../../hooks/useFormErrors';
import { formatDate } from '../insights/format';

export function Planner({ onCreated }: { onCreated(experiment: Experiment): void }) {
  const id = useId();
  const [periodDays, setPeriodDays] = useState<7 | 14>(7);
  const [cycles, setCycles] = useState(DEFAULT_CYCLES);
  const [washoutDays, setWashoutDays] = useState(DEFAULT_WASHOUT_DAYS);
  const [startDate, setStartDate] = useState(() => nextMonday(localToday()));
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(startDate);
  const floor = smallestPossibleP(cycles);
  const days = planLengthDays({ periodDays, cycles });

  async function start() {
    setBusy(true);
    setErrors({});
    try {
      const experiment = await api.experiments.create({
        startDate,
        periodDays,
        cycles,
        washoutDays,
        ...(name.trim() ? { name: name.trim() } : {}),
      });
      onCreated(experiment);
    } catch (error) {
      setErrors(errorsFromUnknown(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="form experiment-planner"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        void start();
      }}
    >
      <h3 id={`${id}-title`}>Plan an experiment</h3>
      <p>
        Each cycle has one <strong>core period</strong> (the guided routine every day) and one{' '}
        <strong>usual period</strong> (no more than your usual core work). The app draws the order within each cycle at
        random when you start, and keeps it: it cannot be changed afterwards. Rate your back pain every day.
      </p>
      <fieldset className="choice-group">
        <legend>Period length</legend>
        {([7, 14] as const).map((n) => (
          <label key={n} className="choice">
            <input type="radio" name={`${id}-period`} checked={periodDays === n} onChange={() => setPeriodDays(n)} />
            {n} days
          </label>
        ))}
      </fieldset>
      <div className="form__row">
        <Field label={`Cycles (${MIN_CYCLES}–${MAX_CYCLES})`} error={errors.cycles}>
          <input
            type="number"
            min={MIN_CYCLES}
            max={MAX_CYCLES}
            value={cycles}
            onChange={(e) => setCycles(Math.round(Number(e.target.value)))}
          />
        </Field>
        <Field label={`Washout days (0–${MAX_WASHOUT_DAYS})`} error={errors.washoutDays}>
          <input
            type="number"
            min={0}
            max={MAX_WASHOUT_DAYS}
            value={washoutDays}
            onChange={(e) => setWashoutDays(Math.round(Number(e.target.value)))}
          />
        </Field>
        <Field label="Start date" error={errors.startDate}>
          <input type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} required />
        </Field>
      </div>
      <Field label="Name (optional)" error={errors.name}>
        <input type="text" value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />
      </Field>
      <div className="experiment-planner__summary" aria-live="polite">
        {validDate && cycles >= MIN_CYCLES && cycles <= MAX_CYCLES && (
          <p>
            The plan runs {days} days ({cycles} cycles of two {periodDays}-day periods), from {formatDate(startDate)} to{' '}
            {formatDate(planEndDate({ startDate, periodDays, cycles }))}.
          </p>
        )}
        {cycles >= MIN_CYCLES && cycles <= MAX_CYCLES && (
          <p>
            What it can show: with {cycles} usable cycles the smallest possible p is 2/2<sup>{cycles}</sup> ={' '}
            {formatP(floor)}.{' '}
            {floor >= 0.05
              ? `That can never reach p < 0.05, so ${cycles} cycles cannot show a clear difference; fewer than 6 usable cycles never can.`
              : 'Fewer than 6 usable cycles can never reach p < 0.05, so keep rating every day: a cycle counts only when both its periods have at least 3 rated days after the washout.'}
            {cycles === 6 &&
              ' With 6, every cycle has to go the same way for a clear result, so a real but modest effect often ends as “no clear difference”; more cycles or 14-day periods give a clear answer more often.'}
          </p>
        )}
      </div>
      <FormError message={errors._form ?? errors.periodDays} />
      <div className="form__actions">
        <button type="submit" className="primary" disabled={busy || !validDate}>
          Start the experiment
        </button>
      </div>
    </form>
  );
}
