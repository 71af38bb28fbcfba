// Opens the log and builds the service: shared by browser mode, the CLI and the desktop app.
import fs from 'node:fs';
import path from 'node:path';
import { createService, type Handlers, type ServiceOptions } from './service';
import { LogRepository } from './store/repository';
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
}): AppContext {
  const repo = LogRepository.open({ dataDir: options.dataDir, factory: options.factory ?? confFactory });
  const handlers = createService({
    repo,
    mode: options.mode,
    version: appVersion(),
    ...(options.onChange ? { onChange: options.onChange } : {}),
  });
  return { repo, handlers };
}

let cachedVersion: string | undefined;
export function appVersion(): string {
  if (cachedVersion) return cachedVersion;
  for (const dir of [
    import.meta.dirname,
    path.resolve(import.meta.dirname, '..'),
    path.resolve(import.meta.dirname, '../..'),
  ]) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'backstride' && pkg.version) return (cachedVersion = pkg.version);
    }
  }
  return (cachedVersion = '0.0.0');
}
