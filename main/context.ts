// Opens the log and builds the service: shared by browser mode, the CLI and the desktop app.
import fs from 'node:fs';
import path from 'node:path';
import { createService, type Handlers, type ServiceOptions } from './service';
import { openLog, type LogAccess } from './store/openLog';
import type { LogRepository } from './store/repository';
import { confFactory, type StoreFactory } from './store/storeFile';

export interface AppContext {
  repo: LogRepository;
  handlers: Handlers;
}

export function openApp(options: {
  dataDir: string;
  mode: ServiceOptions['mode'];
  factory?: StoreFactory;
  onChange?: ServiceOptions['onChange'];
  parseImport?: ServiceOptions['parseImport'];
  desktop?: ServiceOptions['desktop'];
  /** 'read' opens without the lock and refuses changes (CLI commands that only look). */
  access?: LogAccess;
  /** Read partition files when first needed (the CLI's single calls; see RepositoryOptions.loadOnDemand). */
  loadOnDemand?: boolean;
}): AppContext {
  // A writer takes the data folder's lock (a second writer is refused) and runs automatic backups.
  const repo = openLog({
    dataDir: options.dataDir,
    factory: options.factory ?? confFactory,
    access: options.access,
    loadOnDemand: options.loadOnDemand,
  });
  const handlers = createService({
    repo,
    mode: options.mode,
    version: appVersion(),
    ...(options.onChange ? { onChange: options.onChange } : {}),
    ...(options.parseImport ? { parseImport: options.parseImport } : {}),
    ...(options.desktop ? { desktop: options.desktop } : {}),
  });
  return { repo, handlers };
}

let cachedVersion: string | undefined;
export function appVersion(): string {
  if (cachedVersion) return cachedVersion;
  // Walk up from this module: main/ when run from source, out/main/chunks/ when built, app.asar when packaged.
  for (let dir = import.meta.dirname, depth = 0; depth < 5; dir = path.dirname(dir), depth++) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'backstride' && pkg.version) return (cachedVersion = pkg.version);
    }
  }
  return (cachedVersion = '0.0.0');
}
