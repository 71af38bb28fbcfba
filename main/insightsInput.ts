// What the insights computations read from the log: one place, so the app, the CSV export and
// the CLI always compute from the same entries and settings.
import type { InsightsInput } from '../shared/insights';
import { localToday } from '../shared/model';
import type { LogRepository } from './store/repository';

export function insightsInput(repo: LogRepository): InsightsInput {
  return {
    runs: repo.all('run'),
    pain: repo.all('pain'),
    strength: repo.all('strength'),
    customExercises: repo.settings.customExercises,
    weekStartsOn: repo.settings.weekStartsOn,
    today: localToday(),
  };
}
