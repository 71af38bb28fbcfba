import { describe, expect, it } from 'vitest';
import { defaultDataDir, resolveDataDir } from '../../main/paths';

describe('data folder', () => {
  it('matches Electron userData for "Backstride" on each platform', () => {
    expect(defaultDataDir('linux', {}, '/home/ann')).toBe('/home/ann/.config/Backstride');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/x/cfg' }, '/home/ann')).toBe('/x/cfg/Backstride');
    expect(defaultDataDir('darwin', {}, '/Users/ann')).toBe('/Users/ann/Library/Application Support/Backstride');
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'C:\\Users\\ann')).toBe(
      'C:\\Users\\ann\\AppData\\Roaming\\Backstride',
    );
  });
  it('prefers --data-dir, then BACKSTRIDE_DATA_DIR', () => {
    expect(resolveDataDir(['--data-dir', '/a'], { BACKSTRIDE_DATA_DIR: '/b' })).toBe('/a');
    expect(resolveDataDir(['--data-dir=/c'], {})).toBe('/c');
    expect(resolveDataDir([], { BACKSTRIDE_DATA_DIR: '/b' })).toBe('/b');
  });
});
