// The experiments and the current one's result, re-read after every change to the log.
import { useEffect, useState } from 'react';
import type { Experiment, ExperimentResult } from '../../../../shared/experiment';
import { localToday } from '../../../../shared/model';
import { api } from '../../api/client';
import { useAppData } from '../../hooks/useAppData';

export interface ExperimentsState {
  experiments: Experiment[];
  /** The plan that is planned or running (only one at a time). */
  current: Experiment | undefined;
  results: Record<string, ExperimentResult>;
  /** Whether a lower-back rating has been logged today. */
  backRatedToday: boolean;
}

export function currentOf(experiments: readonly Experiment[]): Experiment | undefined {
  return experiments.find((e) => e.status === 'planned' || e.status === 'running');
}

export function useExperiments(): { state: ExperimentsState | undefined; error: string | undefined; reload(): void } {
  const { revision, changed } = useAppData();
  const [state, setState] = useState<ExperimentsState>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let cancelled = false;
    const load = async (): Promise<ExperimentsState> => {
      const experiments = await api.experiments.list();
      const results: Record<string, ExperimentResult> = {};
      for (const e of experiments) results[e.id] = await api.experiments.result({ id: e.id });
      const today = localToday();
      const pain = await api.journal.list({ type: 'pain', limit: 200 });
      const backRatedToday = pain.entries.some(
        (entry) => entry.type === 'pain' && entry.record.date === today && entry.record.location === 'lower_back',
      );
      return { experiments, current: currentOf(experiments), results, backRatedToday };
    };
    load()
      .then((next) => {
        if (cancelled) return;
        setState(next);
        setError(undefined);
      })
      .catch((e: unknown) => !cancelled && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      cancelled = true;
    };
  }, [revision]);

  return { state, error, reload: changed };
}

/** Asks the Experiment section to take the focus when it next appears (from Routine or the journal). */
let focusRequested = false;
export function requestExperimentFocus(): void {
  focusRequested = true;
}
export function takeExperimentFocusRequest(): boolean {
  const requested = focusRequested;
  focusRequested = false;
  return requested;
}
