// What the insights computations read from the log: one place, so the app, the CSV export and
// the CLI always compute from the same entries and settings.
import type { InsightsInput } from '../shared/insights';
import { localToday } from '../shared/model';
import { textFormat } from '../shared/textFormat';
import type { LogRepository } from './store/repository';

/** `locale` is the one the texts write dates in (the system's own when absent). */
export function insightsInput(repo: LogRepository, locale?: string): InsightsInput {
  return {
    runs: repo.all('run'),
    pain: repo.all('pain'),
    strength: repo.all('strength'),
    customExercises: repo.settings.customExercises,
    weekStartsOn: repo.settings.weekStartsOn,
    today: localToday(),
    format: textFormat(repo.settings.distanceUnit, locale),
  };
}
