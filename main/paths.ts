// Where the log lives. Computed the way Electron's app.getPath('userData') does, without
// importing electron, so the desktop app, browser mode and the CLI share one data folder.
import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Backstride';

export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = os.homedir(),
): string {
  if (platform === 'win32') {
    return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), APP_NAME);
  }
  if (platform === 'darwin') {
    return path.posix.join(home, 'Library', 'Application Support', APP_NAME);
  }
  const configHome =
    env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(home, '.config');
  return path.join(configHome, APP_NAME);
}

/** `--data-dir DIR` (or `--data-dir=DIR`) wins, then BACKSTRIDE_DATA_DIR, then the default. */
export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): string {
  const flag = argValue(argv, '--data-dir');
  if (flag) return path.resolve(flag);
  if (env.BACKSTRIDE_DATA_DIR) return path.resolve(env.BACKSTRIDE_DATA_DIR);
  return defaultDataDir();
}

/** Reads `--name value` or `--name=value` from an argument list. */
export function argValue(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === name) return argv[i + 1];
    if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
  }
  return undefined;
}
