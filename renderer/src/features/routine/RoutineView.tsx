// The guided routine screen: set up (choose, adjust, save), run, and log what was done.
// Only a finished routine is logged; stopping part-way saves nothing.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { localToday, type Routine, type StrengthSession, type StrengthSessionInput } from '../../../../shared/model';
import { formatDuration } from '../../../../shared/units';
import { api } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { useAppData } from '../../hooks/useAppData';
import { errorsFromUnknown } from '../../hooks/useFormErrors';
import { itemSummary } from '../journal/entrySummary';
import {
  BUILT_IN_ROUTINE_ID,
  builtInRoutine,
  expandRoutine,
  sessionItems,
  type RoutineStep,
  type RunStep,
} from './plan';
import { RoutineRunner } from './RoutineRunner';
import { RoutineSetup } from './RoutineSetup';
import type { RunnerState } from './runner';
import { toDraft, type StepDraft } from './stepDrafts';

interface RoutineViewProps {
  /** The session was logged: show it in the journal, ready to edit. */
  onLogged(session: StrengthSession): void;
  /** Today's place in a core-work experiment (or an offer to plan one), shown above the setup. */
  experiment?: ReactNode;
}

/** What a finished routine did, for the summary screen. */
interface Done {
  session: StrengthSession;
  /** The steps skipped, by title ("Side plank, left side"). */
  skipped: string[];
  /** From the first Start to the end, in seconds. */
  seconds: number;
}

type Outcome =
  | { kind: 'saving' }
  | { kind: 'nothing' }
  | { kind: 'error'; message: string; input: StrengthSessionInput; done: Omit<Done, 'session'> }
  | ({ kind: 'logged' } & Done);

function clockTime(date: Date): string {
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** The session a finished run produced, or undefined when nothing was done. */
function sessionFrom(name: string, state: RunnerState): StrengthSessionInput | undefined {
  const items = sessionItems(state.steps, state.results);
  if (items.length === 0) return undefined;
  const started = new Date(state.startedAt ?? state.now);
  const minutes = ((state.finishedAt ?? state.now) - started.getTime()) / 60_000;
  return {
    date: localToday(started),
    time: clockTime(started),
    durationMin: Math.min(600, Math.max(1, Math.round(minutes))),
    items,
    notes: `Guided routine: ${name}.`,
  };
}

export function RoutineView({ onLogged, experiment }: RoutineViewProps) {
  const { settings, updateSettings, exercises } = useAppData();
  const [saved, setSaved] = useState<Routine[]>(settings.routines);
  const [selectedId, setSelectedId] = useState(BUILT_IN_ROUTINE_ID);
  const [drafts, setDrafts] = useState<StepDraft[]>(() => builtInRoutine(settings.hasStabilityBall).steps.map(toDraft));
  const [running, setRunning] = useState<{ name: string; steps: RunStep[]; key: number }>();
  const [outcome, setOutcome] = useState<Outcome>();
  const [deleting, setDeleting] = useState<Routine>();
  const [deleteError, setDeleteError] = useState<string>();

  // Saved routines live in settings; read them fresh (another door may have changed them).
  useEffect(() => {
    let cancelled = false;
    api.settings
      .get()
      .then((s) => !cancelled && setSaved(s.routines))
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, []);

  const select = (id: string) => {
    setSelectedId(id);
    const routine =
      id === BUILT_IN_ROUTINE_ID ? builtInRoutine(settings.hasStabilityBall) : saved.find((r) => r.id === id);
    if (routine) setDrafts(routine.steps.map(toDraft));
  };

  const setBall = (has: boolean) => {
    void updateSettings({ hasStabilityBall: has }).catch(() => undefined);
    if (selectedId === BUILT_IN_ROUTINE_ID) setDrafts(builtInRoutine(has).steps.map(toDraft));
  };
  const setSound = (on: boolean) => void updateSettings({ soundCues: on }).catch(() => undefined);

  async function saveRoutine(name: string, steps: RoutineStep[], replaceId?: string): Promise<string | undefined> {
    try {
      const routine = await api.routines.save({ ...(replaceId ? { id: replaceId } : {}), name, steps });
      setSaved((list) =>
        list.some((r) => r.id === routine.id)
          ? list.map((r) => (r.id === routine.id ? routine : r))
          : [...list, routine],
      );
      setSelectedId(routine.id);
      return undefined;
    } catch (error) {
      const errors = errorsFromUnknown(error);
      return errors.name ?? Object.values(errors)[0] ?? 'Could not save the routine.';
    }
  }

  async function confirmDelete(routine: Routine) {
    try {
      await api.routines.delete({ id: routine.id });
      setSaved((list) => list.filter((r) => r.id !== routine.id));
      setDeleting(undefined);
      setDeleteError(undefined);
      setSelectedId(BUILT_IN_ROUTINE_ID);
      setDrafts(builtInRoutine(settings.hasStabilityBall).steps.map(toDraft));
    } catch (error) {
      setDeleteError(error instanceof Error ? error.message : String(error));
    }
  }

  const log = useCallback(async (input: StrengthSessionInput, done: Omit<Done, 'session'>) => {
    setOutcome({ kind: 'saving' });
    try {
      const session = await api.strength.save(input);
      // The summary first; the journal when the person is ready for it.
      setOutcome({ kind: 'logged', session, ...done });
    } catch (error) {
      setOutcome({ kind: 'error', message: error instanceof Error ? error.message : String(error), input, done });
    }
  }, []);

  const finished = useCallback(
    (state: RunnerState) => {
      const input = sessionFrom(running?.name ?? 'Routine', state);
      const done = {
        skipped: state.steps.filter((_, i) => state.results[i]?.status !== 'done').map((step) => step.title),
        seconds: Math.max(0, Math.round(((state.finishedAt ?? state.now) - (state.startedAt ?? state.now)) / 1000)),
      };
      if (input) void log(input, done);
      else setOutcome({ kind: 'nothing' });
    },
    [log, running?.name],
  );

  const toJournal = (session: StrengthSession) => {
    setOutcome(undefined);
    setRunning(undefined);
    onLogged(session);
  };

  const backToSetup = () => {
    setOutcome(undefined);
    setRunning(undefined);
  };

  if (outcome) {
    return (
      <section aria-labelledby="routine-title" className="routine routine--outcome">
        <h1 id="routine-title">{running?.name ?? 'Core routine'}</h1>
        {outcome.kind === 'saving' && <p aria-live="polite">Logging your session…</p>}
        {outcome.kind === 'logged' && (
          <RoutineSummary
            session={outcome.session}
            skipped={outcome.skipped}
            seconds={outcome.seconds}
            onDone={() => toJournal(outcome.session)}
          />
        )}
        {outcome.kind === 'nothing' && (
          <div className="empty-state">
            <h2>Nothing was logged</h2>
            <p>Every step was skipped, so there is nothing to put in the journal.</p>
            <div className="empty-state__actions">
              <button type="button" className="primary" onClick={backToSetup}>
                Back to the routine
              </button>
            </div>
          </div>
        )}
        {outcome.kind === 'error' && (
          <div className="empty-state">
            <h2>The session could not be logged</h2>
            <p role="alert">{outcome.message}</p>
            <div className="empty-state__actions">
              <button type="button" className="primary" onClick={() => void log(outcome.input, outcome.done)}>
                Try again
              </button>
              <button type="button" onClick={backToSetup}>
                Discard it
              </button>
            </div>
          </div>
        )}
      </section>
    );
  }

  if (running) {
    return (
      <RoutineRunner
        key={running.key}
        name={running.name}
        steps={running.steps}
        soundCues={settings.soundCues}
        onSoundCuesChange={setSound}
        onFinished={finished}
        onStopped={backToSetup}
      />
    );
  }

  return (
    <>
      {experiment}
      <RoutineSetup
        exercises={exercises}
        saved={saved}
        selectedId={selectedId}
        drafts={drafts}
        hasStabilityBall={settings.hasStabilityBall}
        soundCues={settings.soundCues}
        onSelect={select}
        onDraftsChange={setDrafts}
        onBallChange={setBall}
        onSoundCuesChange={setSound}
        onSave={saveRoutine}
        onDelete={(routine) => {
          setDeleteError(undefined);
          setDeleting(routine);
        }}
        onStart={(name, steps) =>
          setRunning({ name, steps: expandRoutine(steps, settings.customExercises), key: Date.now() })
        }
      />
      {deleting && (
        <Dialog title={`Delete “${deleting.name}”?`} onClose={() => setDeleting(undefined)}>
          <div className="form">
            <p>The routine is removed from your list. Sessions you logged with it stay in the journal.</p>
            {deleteError && (
              <p className="form-error" role="alert">
                {deleteError}
              </p>
            )}
            <div className="form__actions">
              <button type="button" onClick={() => setDeleting(undefined)}>
                Keep it
              </button>
              <button type="button" className="primary danger" onClick={() => void confirmDelete(deleting)}>
                Delete routine
              </button>
            </div>
          </div>
        </Dialog>
      )}
    </>
  );
}

/** The end of a routine: what was done, what was skipped and the time it took, before the journal. */
function RoutineSummary({ session, skipped, seconds, onDone }: Done & { onDone(): void }) {
  const { settings } = useAppData();
  return (
    <div className="routine-summary">
      <h2>Routine done</h2>
      <p>
        Logged to your journal. Time taken: <strong>{formatDuration(seconds)}</strong>.
      </p>
      <h3 id="routine-done-title">What you did</h3>
      <ul aria-labelledby="routine-done-title">
        {session.items.map((item, i) => (
          <li key={i}>{itemSummary(item, settings.customExercises)}</li>
        ))}
      </ul>
      {skipped.length > 0 && <p className="muted">Skipped: {skipped.join(', ')}.</p>}
      <div className="empty-state__actions">
        <button type="button" className="primary" onClick={onDone} autoFocus>
          Go to the journal
        </button>
      </div>
    </div>
  );
}
