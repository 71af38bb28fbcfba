// The core-work experiment against the stored log: the random draw (crypto RNG), the
// one-at-a-time rule, abandoning, and each experiment's result as of today. The statistics are
// pure (shared/experiment); this module only reads and writes the repository.
import type { ParsedInputOf } from '../shared/api';
import {
  analyseExperiment,
  conditionsFromRandomBytes,
  defaultExperimentName,
  planEndDate,
  planPeriods,
  toExperiment,
  type Experiment,
  type ExperimentLog,
  type ExperimentRecord,
  type ExperimentResult,
  type PeriodOutcome,
} from '../shared/experiment';
import { experimentsCsv } from '../shared/experiment/csv';
import { localToday } from '../shared/model';
import { ServiceError } from './errors';
import type { LogRepository } from './store/repository';

function logOf(repo: LogRepository, today: string): ExperimentLog {
  return {
    pain: repo.all('pain'),
    strength: repo.all('strength'),
    customExercises: repo.settings.customExercises,
    today,
  };
}

/** Newest plan first. */
function byNewest(a: ExperimentRecord, b: ExperimentRecord): number {
  return a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.startDate < b.startDate ? 1 : -1;
}

export function listExperiments(repo: LogRepository, today = localToday()): Experiment[] {
  return repo
    .all('experiment')
    .sort(byNewest)
    .map((record) => toExperiment(record, today));
}

/** The plan that is planned or running, if any (only one at a time). */
export function currentExperiment(repo: LogRepository, today = localToday()): Experiment | undefined {
  return listExperiments(repo, today).find((e) => e.status === 'planned' || e.status === 'running');
}

function recordOf(repo: LogRepository, id: string): ExperimentRecord {
  const record = repo.get('experiment', id);
  if (!record) throw new ServiceError('not_found', `No experiment with id ${id}.`, 'id');
  return record;
}

export async function createExperiment(
  repo: LogRepository,
  input: ParsedInputOf<'experiments:create'>,
  now = new Date(),
): Promise<Experiment> {
  repo.assertWritable();
  const today = localToday(now);
  const current = currentExperiment(repo, today);
  if (current) {
    throw new ServiceError(
      'invalid_input',
      `"${current.name}" is ${current.status === 'planned' ? 'planned' : 'running'} until ${planEndDate(current)}: only one experiment can run at a time. Abandon it first to start a new one.`,
      'startDate',
    );
  }
  // The order within each cycle comes from the operating system's cryptographic RNG and is
  // stored with the plan: nobody (the runner included) can pick or change it afterwards.
  const first = conditionsFromRandomBytes(crypto.getRandomValues(new Uint8Array(input.cycles)), input.cycles);
  const record: ExperimentRecord = {
    id: crypto.randomUUID(),
    date: input.startDate,
    name: input.name ?? defaultExperimentName(input.startDate),
    startDate: input.startDate,
    periodDays: input.periodDays,
    cycles: input.cycles,
    washoutDays: input.washoutDays,
    status: 'active',
    createdAt: now.toISOString(),
    periods: planPeriods(input, first),
  };
  await repo.save('experiment', record);
  return toExperiment(record, today);
}

export async function abandonExperiment(repo: LogRepository, id: string, now = new Date()): Promise<Experiment> {
  repo.assertWritable();
  const record = recordOf(repo, id);
  const today = localToday(now);
  const status = toExperiment(record, today).status;
  if (status === 'abandoned') throw new ServiceError('invalid_input', `"${record.name}" is already abandoned.`, 'id');
  if (status === 'completed')
    throw new ServiceError('invalid_input', `"${record.name}" has already ended; its result stays as it is.`, 'id');
  // Only the status changes: the drawn periods stay exactly as they were.
  const abandoned: ExperimentRecord = { ...record, status: 'abandoned', abandonedAt: now.toISOString() };
  await repo.save('experiment', abandoned);
  return toExperiment(abandoned, today);
}

/** An experiment's result as of today; an abandoned one counts the days up to its abandoning. */
export function analyse(
  repo: LogRepository,
  record: ExperimentRecord,
  today = localToday(),
): { experiment: Experiment; result: ExperimentResult; periods: PeriodOutcome[] } {
  const experiment = toExperiment(record, today);
  const asOf = record.abandonedAt ? minDate(localToday(new Date(record.abandonedAt)), today) : today;
  const { result, periods } = analyseExperiment(experiment, logOf(repo, asOf));
  return { experiment, result, periods };
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

export function experimentResult(repo: LogRepository, id: string, today = localToday()): ExperimentResult {
  return analyse(repo, recordOf(repo, id), today).result;
}

/** The running (or planned) experiment with its result, for `insights --json`; null when none. */
export function currentExperimentSummary(
  repo: LogRepository,
  today = localToday(),
): (Experiment & { result: ExperimentResult }) | null {
  const current = currentExperiment(repo, today);
  if (!current) return null;
  return { ...current, result: experimentResult(repo, current.id, today) };
}

export function exportExperimentsCsv(repo: LogRepository, today = localToday()): { content: string; rows: number } {
  const list = repo
    .all('experiment')
    .sort((a, b) => -byNewest(a, b))
    .map((record) => {
      const { experiment, result, periods } = analyse(repo, record, today);
      return { experiment, periods, cycles: result.cycles };
    });
  return { content: experimentsCsv(list), rows: list.reduce((n, e) => n + e.periods.length, 0) };
}
