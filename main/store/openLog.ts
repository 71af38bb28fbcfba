// How the app's doors (desktop app, browser mode, CLI) open a data folder: a writer takes the
// folder's lock and keeps automatic backups running; a reader takes no lock and changes nothing.
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
  if (access === 'write') startAutomaticBackups(repo);
  return repo;
}
