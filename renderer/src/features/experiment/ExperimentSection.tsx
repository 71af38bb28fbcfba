// Insights › Experiment: plan a core-work experiment, follow the running one (today's condition,
// the schedule, the live result) or abandon it, and read earlier ones with their results.
import { useEffect, useRef, useState } from 'react';
import {
  experimentDay,
  experimentDayMessage,
  planEndDate,
  type Experiment,
  type ExperimentResult,
} from '../../../../shared/experiment';
import { localToday } from '../../../../shared/model';
import { api } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { formatDate } from '../insights/format';
import { Planner } from './Planner';
import { ResultCard } from './ResultCard';
import { takeExperimentFocusRequest, useExperiments } from './useExperiments';
import './experiment.css';

const STATUS_LABEL: Record<Experiment['status'], string> = {
  planned: 'Planned',
  running: 'Running',
  completed: 'Completed',
  abandoned: 'Abandoned',
};

export function ExperimentSection() {
  const { state, error, reload } = useExperiments();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (takeExperimentFocusRequest()) {
      heading.current?.focus();
      heading.current?.scrollIntoView?.({ block: 'start' });
    }
  }, []);

  const past = state?.experiments.filter((e) => e !== state.current) ?? [];
  return (
    <section className="insight-card experiment" aria-labelledby="experiment-title">
      <h2 id="experiment-title" ref={heading} tabIndex={-1}>
        Core-work experiment
      </h2>
      <p className="insight-card__note">
        The charts above show whether pain <em>moves with</em> core work. An experiment can show whether core work{' '}
        <em>helps your back</em>: periods with and without the routine, in an order the app draws at random, compared
        cycle by cycle.
      </p>
      {error && (
        <p role="alert" className="form-error">
          Could not load the experiments: {error}
        </p>
      )}
      {state && state.current && (
        <Current experiment={state.current} result={state.results[state.current.id]} onChanged={reload} />
      )}
      {state && !state.current && <Planner onCreated={reload} />}
      {past.length > 0 && (
        <div className="experiment__past">
          <h3>Earlier experiments</h3>
          {past.map((e) => (
            <details key={e.id} className="experiment__past-item">
              <summary>
                {e.name}: {STATUS_LABEL[e.status].toLowerCase()}, {formatDate(e.startDate)} to{' '}
                {formatDate(planEndDate(e))}
              </summary>
              {state?.results[e.id] && <ResultCard experiment={e} result={state.results[e.id]!} />}
            </details>
          ))}
        </div>
      )}
    </section>
  );
}

function Current({
  experiment,
  result,
  onChanged,
}: {
  experiment: Experiment;
  result: ExperimentResult | undefined;
  onChanged(): void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [abandonError, setAbandonError] = useState<string>();
  const today = localToday();
  const day = experimentDay(experiment, today);

  async function abandon() {
    try {
      await api.experiments.abandon({ id: experiment.id });
      setConfirming(false);
      onChanged();
    } catch (e) {
      setAbandonError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <div className="experiment__current">
      <h3>
        {experiment.name} <span className="experiment__status">{STATUS_LABEL[experiment.status]}</span>
      </h3>
      <p>
        {experiment.cycles} cycles of two {experiment.periodDays}-day periods, {experiment.washoutDays} washout day
        {experiment.washoutDays === 1 ? '' : 's'} at the start of each; {formatDate(experiment.startDate)} to{' '}
        {formatDate(planEndDate(experiment))}.
      </p>
      <p className="experiment__today">
        <strong>Today: {experimentDayMessage(day)}</strong>
      </p>
      <details className="experiment__schedule">
        <summary>The schedule (drawn at random when the plan was made)</summary>
        <table>
          <caption className="visually-hidden">Periods of {experiment.name}</caption>
          <thead>
            <tr>
              <th scope="col">Cycle</th>
              <th scope="col">Period</th>
              <th scope="col">From</th>
              <th scope="col">To</th>
            </tr>
          </thead>
          <tbody>
            {experiment.periods.map((p) => (
              <tr key={p.start} aria-current={p.start <= today && today <= p.end ? 'date' : undefined}>
                <td>{p.cycle}</td>
                <td>{p.condition === 'core' ? 'Core: the routine every day' : 'Usual: no extra core work'}</td>
                <td>{formatDate(p.start)}</td>
                <td>{formatDate(p.end)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      {result && <ResultCard experiment={experiment} result={result} />}
      <div className="form__actions">
        <button type="button" className="danger" onClick={() => setConfirming(true)}>
          Abandon the experiment
        </button>
      </div>
      {confirming && (
        <Dialog title="Abandon the experiment?" onClose={() => setConfirming(false)}>
          <div className="form">
            <p>
              It stays in your log as abandoned, with its result so far, and you can then plan a new one. It cannot be
              resumed.
            </p>
            {abandonError && (
              <p role="alert" className="form-error">
                {abandonError}
              </p>
            )}
            <div className="form__actions">
              <button type="button" onClick={() => setConfirming(false)}>
                Keep going
              </button>
              <button type="button" className="primary danger" onClick={() => void abandon()}>
                Abandon
              </button>
            </div>
          </div>
        </Dialog>
      )}
    </div>
  );
}
