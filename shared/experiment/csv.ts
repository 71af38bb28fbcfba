// The experiments as CSV: one row per period, with its outcome, for a spreadsheet or a physio.
import { csvTextCell, csvValueCell, formatCsvNumber } from '../csv/export';
import type { CycleOutcome, PeriodOutcome } from './analysis';
import type { Experiment } from './model';

export const EXPERIMENT_CSV_COLUMNS = [
  'experiment_id',
  'experiment_name',
  'status',
  'cycle',
  'condition',
  'start',
  'end',
  'washout_days',
  'analysed_days',
  'rated_days',
  'mean_back_pain',
  'core_sessions',
  'cycle_difference',
] as const;

export interface AnalysedExperiment {
  experiment: Experiment;
  periods: readonly PeriodOutcome[];
  cycles: readonly CycleOutcome[];
}

/** UTF-8 with BOM and CRLF, as the other exports; numbers with a dot, empty where missing. */
export function experimentsCsv(list: readonly AnalysedExperiment[]): string {
  let csv = `\uFEFF${EXPERIMENT_CSV_COLUMNS.join(',')}`;
  for (const { experiment: e, periods, cycles } of list) {
    for (const p of periods) {
      const difference = cycles.find((c) => c.cycle === p.cycle)?.difference ?? null;
      csv +=
        `\r\n${csvValueCell(e.id)},${csvTextCell(e.name)},${csvValueCell(e.status)},${p.cycle},` +
        `${csvValueCell(p.condition)},${csvValueCell(p.start)},${csvValueCell(p.end)},${e.washoutDays},` +
        `${p.analysedDays},${p.ratedDays},${formatCsvNumber(p.meanBackPain, 4)},${p.coreSessions},` +
        `${formatCsvNumber(difference, 4)}`;
    }
  }
  return `${csv}\r\n`;
}
