// Today's place in the experiment, for the journal and the Routine screen: what to do today,
// a reminder to rate back pain (the result rests on a rating a day), and adherence so far.
import { experimentDay, experimentDayMessage } from '../../../../shared/experiment';
import { localToday } from '../../../../shared/model';
import { formatOne } from '../insights/format';
import { useExperiments } from './useExperiments';
import './experiment.css';

interface ExperimentTodayProps {
  onRatePain(): void;
  onOpenExperiment(): void;
  /** Without a running plan, offer to start one (the Routine screen does). */
  offerToPlan?: boolean;
}

export function ExperimentToday({ onRatePain, onOpenExperiment, offerToPlan = false }: ExperimentTodayProps) {
  const { state } = useExperiments();
  if (!state) return null;
  const current = state.current;
  if (!current) {
    if (!offerToPlan) return null;
    return (
      <aside className="experiment-today experiment-today--idle" aria-label="Core-work experiment">
        <p>
          Does core work help <em>your</em> back? A core-work experiment alternates periods with and without the routine
          in a random order and compares your back pain.{' '}
          <button type="button" className="link-button" onClick={onOpenExperiment}>
            Plan an experiment
          </button>
        </p>
      </aside>
    );
  }
  const day = experimentDay(current, localToday());
  const result = state.results[current.id];
  const adherence = result?.adherence;
  return (
    <aside
      className={`experiment-today experiment-today--${day.kind === 'period' ? day.condition : day.kind}`}
      aria-label="Core-work experiment today"
    >
      <p className="experiment-today__condition">
        <strong>{experimentDayMessage(day)}</strong>
        {day.kind === 'period' && day.washout && (
          <span className="muted"> A washout day: not counted in the result, but keep to the plan.</span>
        )}
      </p>
      {day.kind === 'period' && (
        <p className="experiment-today__reminder">
          {state.backRatedToday ? (
            'Back pain rated today. Thank you: the result rests on a rating a day.'
          ) : (
            <>
              You have not rated your back pain today; the result rests on a rating a day.{' '}
              <button type="button" className="primary" onClick={onRatePain}>
                Rate back pain
              </button>
            </>
          )}
        </p>
      )}
      {adherence && adherence.coreSessionsPerWeekInCore !== null && (
        <p className="experiment-today__adherence">
          So far: {formatOne(adherence.coreSessionsPerWeekInCore)} core sessions a week in core periods,{' '}
          {formatOne(adherence.coreSessionsPerWeekInUsual)} in usual periods.
        </p>
      )}
      <button type="button" className="link-button" onClick={onOpenExperiment}>
        See the experiment
      </button>
    </aside>
  );
}
