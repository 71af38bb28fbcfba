// The store files as the store library writes them for us: compact JSON, nothing of the
// library's own lost when a save skips re-reading the old file, and an old log stays readable.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Conf from 'conf';
import { confFactory, storeFileThrough } from '../../../main/store/storeFile';
import { SCHEMA_VERSION } from '../../../shared/model';
import { tempDir } from '../../helpers';
import { openRepo, run } from './storeHelpers';

describe('store files', () => {
  it('are written as compact JSON, one line, that the library and the log read back', async () => {
    const dir = tempDir();
    const repo = openRepo(dir);
    await repo.save('run', run(1, '2024-05-01'));
    await repo.save('run', run(2, '2024-05-02', 8));
    await repo.close();
    const text = fs.readFileSync(path.join(dir, 'runs-2024.json'), 'utf8');
    expect(text).not.toMatch(/\n|\t/);
    const stored = JSON.parse(text) as { schemaVersion: number; records: unknown[] };
    expect(stored.schemaVersion).toBe(SCHEMA_VERSION);
    expect(stored.records).toEqual([run(1, '2024-05-01'), run(2, '2024-05-02', 8)]);
    // The store library itself reads the repository's partition files back as they are.
    const library = storeFileThrough(
      'runs-2024',
      (options) => new Conf({ cwd: dir, configName: 'runs-2024', ...options }),
    );
    expect(library.store).toEqual(stored);
    expect(library.path).toBe(confFactory(dir, 'runs-2024').path);
    expect(openRepo(dir, { access: 'read' }).all('run')).toEqual([run(1, '2024-05-01'), run(2, '2024-05-02', 8)]);
  });

  it('still open when written tab-indented by an earlier version, and are rewritten compact on the next save', async () => {
    const dir = tempDir();
    const old = { schemaVersion: 1, savedAt: 1, records: [run(1, '2024-05-01')] };
    fs.writeFileSync(path.join(dir, 'runs-2024.json'), JSON.stringify(old, null, '\t'));
    const repo = openRepo(dir);
    expect(repo.all('run')).toEqual([run(1, '2024-05-01')]);
    await repo.save('run', run(2, '2024-06-01'));
    await repo.close();
    const text = fs.readFileSync(path.join(dir, 'runs-2024.json'), 'utf8');
    expect(text).not.toContain('\t');
    expect(openRepo(dir, { access: 'read' }).count('run')).toBe(2);
  });

  // conf keeps its migration bookkeeping under "__internal__" and carries it over when the whole
  // store is replaced; a save skips re-reading a file only when the file cannot hold that key.
  for (const [how, spelling] of [
    ['spelled out', '"__internal__"'],
    ['written with \\u escapes', '"\\u005f\\u005finternal__"'],
  ] as const) {
    it(`keep the library's own bookkeeping (${how}) when the whole store is replaced`, () => {
      const dir = tempDir();
      const file = path.join(dir, 'settings.json');
      fs.writeFileSync(file, `{"schemaVersion":1,${spelling}:{"migrations":{"version":"1.2.3"}}}`);
      const store = confFactory(dir, 'settings');
      store.store = { schemaVersion: 1, settings: { theme: 'dark' } };
      expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({
        schemaVersion: 1,
        settings: { theme: 'dark' },
        __internal__: { migrations: { version: '1.2.3' } },
      });
    });
  }

  it('that are not JSON are refused without quoting what they hold', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'settings.json'), '{"settings":{"notes":"private words');
    expect(() => confFactory(dir, 'settings')).toThrow(SyntaxError);
    expect(() => confFactory(dir, 'settings')).toThrow(/settings\.json is not valid JSON/);
    expect(() => confFactory(dir, 'settings')).not.toThrow(/private words/);
  });
});
