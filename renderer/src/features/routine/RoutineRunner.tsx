// The running routine: one step at a time with a big countdown or rep counter, start/pause,
// back, skip, an audible cue at the end of each hold, and the screen kept awake.
import { useEffect, useReducer, useRef, useState } from 'react';
import { isDesktop } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { setLeaveGuard } from './leaveGuard';
import { doseText, formatClock, type RunStep, type StepResult } from './plan';
import {
  currentStep,
  elapsedMs,
  inProgress,
  initialRunner,
  runnerReducer,
  targetMs,
  type RunnerAction,
  type RunnerState,
} from './runner';
import { beep, prepareSound } from './sound';
import { useWakeLock } from './wakeLock';

const TICK_MS = 200;

interface RoutineRunnerProps {
  name: string;
  steps: RunStep[];
  soundCues: boolean;
  onSoundCuesChange(on: boolean): void;
  /** Called once when the routine ends (all steps done or skipped, or "Finish and log"). */
  onFinished(state: RunnerState): void;
  /** Called when the person stops without saving. */
  onStopped(): void;
}

function resultText(result: StepResult | undefined, current: boolean): string {
  if (current) return 'now';
  if (result?.status === 'done') return 'done';
  if (result?.status === 'skipped') return 'skipped';
  return '';
}

export function RoutineRunner({
  name,
  steps,
  soundCues,
  onSoundCuesChange,
  onFinished,
  onStopped,
}: RoutineRunnerProps) {
  const [state, dispatch] = useReducer(runnerReducer, steps, (s) => initialRunner(s, Date.now()));
  const act = (type: RunnerAction['type']) => dispatch({ type, now: Date.now() });
  // Set while the "stop the routine?" question is open; holds what to do if they agree.
  const [leaving, setLeaving] = useState<{ proceed: () => void }>();
  const mainButton = useRef<HTMLButtonElement>(null);
  const repButton = useRef<HTMLButtonElement>(null);
  const finishedReported = useRef(false);
  const busy = inProgress(state);
  const step = currentStep(state);

  // The timer ticks only while running; each tick carries the clock's time.
  useEffect(() => {
    if (state.phase !== 'running') return;
    const id = window.setInterval(() => dispatch({ type: 'tick', now: Date.now() }), TICK_MS);
    return () => window.clearInterval(id);
  }, [state.phase]);

  useEffect(() => {
    if (state.cues > 0 && soundCues) beep();
  }, [state.cues, soundCues]);

  useWakeLock(state.phase === 'running');

  useEffect(() => {
    if (state.phase === 'finished' && !finishedReported.current) {
      finishedReported.current = true;
      onFinished(state);
    }
  }, [state, onFinished]);

  // While a routine is under way, leaving (another view, closing the tab) asks first.
  useEffect(() => {
    if (!busy) return;
    setLeaveGuard((proceed) => setLeaving({ proceed }));
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    // Electron closes silently when unload is refused without a handler in main, so only the browser asks.
    if (!isDesktop) window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      setLeaveGuard(undefined);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [busy]);

  // Keep keyboard focus on the control that matters after each step change.
  useEffect(() => {
    mainButton.current?.focus();
  }, [state.index]);
  useEffect(() => {
    if (state.phase === 'running' && step?.kind === 'reps') repButton.current?.focus();
  }, [state.phase, state.index, step?.kind]);

  if (!step) return null;

  const total = steps.length;
  const doneCount = state.results.filter((r) => r.status === 'done').length;
  const elapsed = elapsedMs(state);
  const remaining = targetMs(step) - elapsed;

  const mainLabel = state.phase === 'ready' ? 'Start' : state.phase === 'running' ? 'Pause' : 'Resume';
  const onMain = () => {
    if (state.phase === 'ready') {
      prepareSound();
      act('start');
    } else if (state.phase === 'running') act('pause');
    else act('resume');
  };

  const stopNow = () => {
    const proceed = leaving?.proceed;
    setLeaving(undefined);
    setLeaveGuard(undefined);
    if (proceed) proceed();
    else onStopped();
  };

  return (
    <section aria-labelledby="routine-title" className="routine routine--running">
      <header className="routine-run__header">
        <div>
          <h1 id="routine-title">{name}</h1>
          <p className="routine-run__progress-text">
            Step {state.index + 1} of {total}
            {doneCount > 0 ? ` · ${doneCount} done` : ''}
          </p>
        </div>
        <progress className="routine-run__progress" value={state.index} max={total} aria-label="Steps completed" />
      </header>

      <div className="routine-run__body">
        <article className="routine-step" aria-labelledby="routine-step-title">
          <h2 id="routine-step-title" className="routine-step__title">
            {step.title}
          </h2>
          <p className="routine-step__dose">{doseText(step)}</p>
          {step.howTo && <p className="routine-step__howto">{step.howTo}</p>}

          {step.kind !== 'reps' && (
            <div className={`routine-clock routine-clock--${state.phase}`}>
              <span className="routine-clock__label" id="routine-clock-label">
                {state.phase === 'ready' ? (step.kind === 'hold' ? 'Hold for' : 'Duration') : 'Time left'}
              </span>
              <span role="timer" aria-labelledby="routine-clock-label" className="routine-clock__time">
                {formatClock(remaining)}
              </span>
              {state.phase === 'paused' && <span className="routine-clock__state">Paused</span>}
            </div>
          )}

          {step.kind === 'reps' && (
            <div className="routine-reps">
              <p className="routine-reps__count">
                <span className="routine-reps__number">{state.reps}</span>
                <span className="routine-reps__of"> of {step.reps} reps</span>
              </p>
              {step.holdS !== undefined && state.phase !== 'ready' && (
                <p className={`routine-reps__hold${state.repHoldOver ? ' routine-reps__hold--over' : ''}`}>
                  <span id="routine-rep-hold-label">
                    {state.repHoldOver ? 'Lower, then press Rep done' : 'Hold this rep'}
                  </span>{' '}
                  <span role="timer" aria-labelledby="routine-rep-hold-label" className="routine-reps__hold-time">
                    {formatClock(step.holdS * 1000 - elapsed)}
                  </span>
                </p>
              )}
              {state.phase !== 'ready' && (
                <button
                  ref={repButton}
                  type="button"
                  className="routine-reps__done primary"
                  disabled={state.phase !== 'running'}
                  onClick={() => act('repDone')}
                >
                  Rep done
                </button>
              )}
            </div>
          )}

          <div className="routine-controls" role="group" aria-label="Step controls">
            <button type="button" onClick={() => act('back')} disabled={state.index === 0 && state.phase === 'ready'}>
              Back
            </button>
            <button
              ref={mainButton}
              type="button"
              // While counting reps, "Rep done" is the one big action; Pause steps back.
              className={`routine-controls__main${step.kind === 'reps' && state.phase === 'running' ? '' : ' primary'}`}
              onClick={onMain}
            >
              {mainLabel}
            </button>
            {state.phase !== 'ready' && (
              <button type="button" onClick={() => act('endStep')}>
                {step.kind === 'reps' ? 'End set now' : 'End hold now'}
              </button>
            )}
            <button type="button" onClick={() => act('skip')}>
              Skip
            </button>
          </div>
        </article>

        <aside className="routine-run__side" aria-label="Routine steps">
          <ol className="routine-run__list">
            {steps.map((s, i) => {
              const status = resultText(state.results[i], i === state.index);
              return (
                <li
                  key={`${s.stepIndex}-${i}`}
                  className={`routine-run__item routine-run__item--${status || 'pending'}`}
                  aria-current={i === state.index ? 'step' : undefined}
                >
                  <span className="routine-run__item-title">{s.title}</span>
                  <span className="routine-run__item-meta">
                    {doseText(s)}
                    {status && status !== 'now' ? ` · ${status}` : ''}
                  </span>
                </li>
              );
            })}
          </ol>
          <label className="choice routine-run__sound">
            <input type="checkbox" checked={soundCues} onChange={(e) => onSoundCuesChange(e.target.checked)} />
            Sound cue at the end of each hold
          </label>
          <div className="routine-run__end">
            <button type="button" onClick={() => act('finish')} disabled={doneCount === 0 && state.phase === 'ready'}>
              Finish and log
            </button>
            <button type="button" className="danger" onClick={() => setLeaving({ proceed: onStopped })}>
              Stop without saving
            </button>
          </div>
        </aside>
      </div>

      <p className="visually-hidden" aria-live="polite">
        {state.announcement}
      </p>

      {leaving && (
        <Dialog title="Stop the routine?" onClose={() => setLeaving(undefined)}>
          <div className="form">
            <p>
              Nothing from this routine will be saved. To keep what you have done so far, choose <b>Keep going</b> and
              then <b>Finish and log</b>.
            </p>
            <div className="form__actions">
              <button type="button" onClick={() => setLeaving(undefined)}>
                Keep going
              </button>
              <button type="button" className="primary danger" onClick={stopNow}>
                Stop without saving
              </button>
            </div>
          </div>
        </Dialog>
      )}
    </section>
  );
}
