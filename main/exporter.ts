// CSV export of the log (the same numbers as the insights for the weekly summary).
import fs from 'node:fs';
import path from 'node:path';
import type { ExportedFile, ExportKind } from '../shared/api';
import { toCsv } from '../shared/csv/export';
import { buildInsightsReport } from '../shared/insights';
import { localToday } from '../shared/model';
import { exportExperimentsCsv } from './experiments';
import { insightsInput } from './insightsInput';
import type { LogRepository } from './store/repository';
import { ServiceError } from './errors';
import { writeFileAtomic } from './store/atomicWrite';

export function exportCsv(repo: LogRepository, kind: ExportKind): ExportedFile {
  const fileName = `backstride-${kind}-${localToday()}.csv`;
  const customExercises = repo.settings.customExercises;
  switch (kind) {
    case 'runs': {
      const runs = repo.allByDate('run');
      return { fileName, content: toCsv('runs', runs), rows: runs.length };
    }
    case 'pain': {
      const pain = repo.allByDate('pain');
      return { fileName, content: toCsv('pain', pain), rows: pain.length };
    }
    case 'strength': {
      const sessions = repo.allByDate('strength');
      return {
        fileName,
        content: toCsv('strength', sessions, { customExercises }),
        rows: sessions.reduce((n, s) => n + s.items.length, 0),
      };
    }
    case 'weekly': {
      const { weeks } = buildInsightsReport(insightsInput(repo));
      return { fileName, content: toCsv('weekly', weeks), rows: weeks.length };
    }
    case 'experiments':
      return { fileName, ...exportExperimentsCsv(repo) };
  }
}

/**
 * Why an export cannot be written to `target`, if it cannot: a symbolic link (it would write
 * wherever the link points), a folder, or a device, pipe or socket. A missing file is fine.
 */
export function exportTargetProblem(target: string, expect: 'file' | 'folder'): string | undefined {
  const stat = fs.lstatSync(target, { throwIfNoEntry: false });
  if (!stat) return undefined;
  if (stat.isSymbolicLink()) return `${target} is a symbolic link; give the path of the ${expect} itself.`;
  if (expect === 'folder') return stat.isDirectory() ? undefined : `${target} is not a folder.`;
  if (stat.isDirectory())
    return `${target} is a folder; give a file name in it, such as ${path.join(target, 'runs.csv')}.`;
  if (!stat.isFile()) return `${target} is not a regular file (a device, pipe or socket); give the path of a file.`;
  return undefined;
}

/** Writes an export file atomically (a reader never sees half of it), refusing targets it must not write through. */
export function writeExportFile(target: string, content: string): void {
  const problem = exportTargetProblem(target, 'file');
  if (problem) throw new ServiceError('invalid_input', problem, 'out');
  fs.mkdirSync(path.dirname(target), { recursive: true });
  writeFileAtomic(target, content);
}
