// CSV export of the log (the same numbers as the insights for the weekly summary).
import fs from 'node:fs';
import path from 'node:path';
import type { ExportedFile, ExportKind } from '../shared/api';
import { toCsv } from '../shared/csv';
import { buildInsightsReport } from '../shared/insights';
import { localToday } from '../shared/model';
import { exportExperimentsCsv } from './experiments';
import { insightsInput } from './insightsInput';
import type { LogRepository } from './store/repository';
import { fsyncDir } from './store/storeFile';

const byDate = <T extends { date: string; id: string }>(a: T, b: T): number =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

export function exportCsv(repo: LogRepository, kind: ExportKind): ExportedFile {
  const fileName = `backstride-${kind}-${localToday()}.csv`;
  const customExercises = repo.settings.customExercises;
  switch (kind) {
    case 'runs': {
      const runs = repo.all('run').sort(byDate);
      return { fileName, content: toCsv('runs', runs), rows: runs.length };
    }
    case 'pain': {
      const pain = repo.all('pain').sort(byDate);
      return { fileName, content: toCsv('pain', pain), rows: pain.length };
    }
    case 'strength': {
      const sessions = repo.all('strength').sort(byDate);
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

/** Writes a file atomically: a reader never sees half an export. */
export function writeFileAtomic(target: string, content: string): void {
  const dir = path.dirname(target);
  fs.mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.tmp`);
  const fd = fs.openSync(temp, 'w');
  try {
    fs.writeSync(fd, content, null, 'utf8');
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, target);
  fsyncDir(dir);
}
