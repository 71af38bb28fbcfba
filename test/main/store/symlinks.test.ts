// Symbolic links in the data folder are never followed: a partition that is a link is neither
// read, nor copied into damaged/, nor replaced; a damaged/ that is a link is never written through.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DAMAGED_DIR } from '../../../main/store/repository';
import { tempDir } from '../../helpers';
import { folderBytes, openRepo, pain, run } from './storeHelpers';

describe('symbolic links in the data folder', () => {
  for (const [what, content] of [
    ['a valid year file', JSON.stringify({ schemaVersion: 1, records: [run(7, '2024-02-02')] })],
    ['a file that is not a log (someone else’s data)', 'PRIVATE KEY material, not JSON'],
  ] as const) {
    it(`a partition that is a link to ${what} is refused with a message: not read, not copied, not replaced`, async () => {
      const dir = tempDir();
      const outside = tempDir();
      const target = path.join(outside, 'target.json');
      fs.writeFileSync(target, content);
      fs.symlinkSync(target, path.join(dir, 'runs-2024.json'));
      const outsideBefore = folderBytes(outside);

      const repo = openRepo(dir, { lock: true });
      expect(repo.all('run')).toEqual([]);
      expect(repo.notices).toHaveLength(1);
      expect(repo.notices[0]!.message).toContain(
        `runs-2024.json in the data folder is not read or written because it is a symbolic link to ${target}`,
      );
      expect(fs.existsSync(path.join(dir, DAMAGED_DIR))).toBe(false);
      // A save into that year is refused (it would replace the link); other years save.
      await expect(repo.save('run', run(1, '2024-05-01'))).rejects.toThrow(/Nothing was saved: runs-2024\.json/);
      expect(repo.all('run')).toEqual([]);
      await repo.save('run', run(2, '2025-05-01'));
      await repo.close();

      expect(fs.lstatSync(path.join(dir, 'runs-2024.json')).isSymbolicLink()).toBe(true);
      expect(folderBytes(outside)).toEqual(outsideBefore);
    });
  }

  it('a damaged file is left as it is when damaged/ is a link, and nothing is written where it points', async () => {
    const dir = tempDir();
    const elsewhere = tempDir();
    fs.writeFileSync(path.join(dir, 'pain-2024.json'), '{"records":[{"id":');
    fs.symlinkSync(elsewhere, path.join(dir, DAMAGED_DIR));

    const repo = openRepo(dir, { lock: true });
    expect(repo.notices).toHaveLength(1);
    expect(repo.notices[0]!.message).toContain('pain-2024.json could not be read in full, and it was left as it is');
    expect(repo.notices[0]!.message).toContain('is a symbolic link');
    await expect(repo.save('pain', pain(99, '2024-03-01'))).rejects.toThrow(/Nothing was saved: pain-2024\.json/);
    await repo.close();

    expect(fs.readdirSync(elsewhere)).toEqual([]);
    expect(fs.readFileSync(path.join(dir, 'pain-2024.json'), 'utf8')).toBe('{"records":[{"id":');
  });
});
