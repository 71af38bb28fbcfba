// How the app's doors (desktop app, browser mode, CLI) open a data folder: a writer takes the
// folder's lock and keeps automatic backups running; a reader takes no lock and changes nothing.
import { shoesFromRuns } from '../../shared/shoes';
import { startAutomaticBackups } from './backups';
import { LogRepository } from './repository';
import type { StoreFactory } from './storeFile';

export type LogAccess = 'write' | 'read';

export function openLog(options: {
  dataDir: string;
  factory: StoreFactory;
  access?: LogAccess;
  /** Read partition files when first needed (see RepositoryOptions.loadOnDemand). */
  loadOnDemand?: boolean;
}): LogRepository {
  const access = options.access ?? 'write';
  const repo = LogRepository.open({
    dataDir: options.dataDir,
    factory: options.factory,
    access,
    lock: access === 'write',
    loadOnDemand: options.loadOnDemand === true,
  });
  if (access === 'write') {
    // In the background: it reports its own failure as a notice, and flush() waits for it. A
    // single CLI call (load on demand) leaves it to the next open of the app: gathering the shoes
    // reads every run file, and the service derives the same list meanwhile.
    if (!options.loadOnDemand) void migrateShoes(repo);
    startAutomaticBackups(repo);
  }
  return repo;
}

/**
 * Logs from before shoes were a list have shoe names typed on their runs: gather them into the
 * list once (the runs keep their names). Until the write lands, the service derives the same list.
 */
export function migrateShoes(repo: LogRepository): Promise<unknown> {
  if (repo.settings.shoes !== undefined) return Promise.resolve();
  const shoes = shoesFromRuns(repo.all('run'), () => crypto.randomUUID());
  return repo.updateSettings({ ...repo.settings, shoes }).catch((error: unknown) => {
    repo.notices.push({
      level: 'warning',
      message: `Your shoes could not be gathered into the shoe list: ${error instanceof Error ? error.message : String(error)}`,
    });
  });
}
