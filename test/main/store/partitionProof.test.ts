// A partition file proves its records were checked when they were written (a hash of the
// records' bytes, partitionFile.ts): an unchanged file is not checked again on open, and any
// change to it, by hand or by damage, has it checked in full and reported exactly as before.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import crypto from 'node:crypto';
import { PartitionRecords, recordsAreProven, recordsDigest } from '../../../main/store/partitionFile';
import { RECORD_SCHEMAS, RECORD_TYPES, STORED_RULES_VERSION } from '../../../main/store/records';
import { DAMAGED_DIR } from '../../../main/store/repository';
import { tempDir } from '../../helpers';
import { listDir, openRepo, pain, run } from './storeHelpers';

async function twoYears(): Promise<string> {
  const dir = tempDir();
  const repo = openRepo(dir);
  await repo.saveMany('run', [run(1, '2023-05-01'), run(2, '2024-03-02'), run(3, '2024-03-03', 8)]);
  await repo.save('pain', pain(10, '2024-03-03'));
  await repo.close();
  return dir;
}

describe('partition proofs', () => {
  it('an unchanged partition is not checked again on open, and opens with every record', async () => {
    const dir = await twoYears();
    const repo = openRepo(dir, { access: 'read' });
    expect(repo.partitionChecks).toEqual({ proven: 3, checked: 0 });
    expect(repo.allByDate('run')).toEqual([run(1, '2023-05-01'), run(2, '2024-03-02'), run(3, '2024-03-03', 8)]);
    expect(repo.all('pain')).toEqual([pain(10, '2024-03-03')]);
    expect(repo.notices).toEqual([]);
  });

  it('a save writes the proof again, over the records as they are now', async () => {
    const dir = await twoYears();
    const repo = openRepo(dir);
    await repo.save('run', { ...run(2, '2024-03-02'), notes: 'Edited' });
    await repo.delete('run', run(1, '2023-05-01').id);
    await repo.close();
    const again = openRepo(dir, { access: 'read' });
    // runs-2023 now holds no records (an empty list, still proven), runs-2024 and pain-2024.
    expect(again.partitionChecks).toEqual({ proven: 3, checked: 0 });
    expect(again.get('run', run(2, '2024-03-02').id)?.notes).toBe('Edited');
    expect(again.count('run')).toBe(2);
  });

  it('a hand-edited partition with a now-invalid record is checked in full and reported as before', async () => {
    const dir = await twoYears();
    const file = path.join(dir, 'runs-2024.json');
    const text = fs.readFileSync(file, 'utf8');
    // The edit a person makes in a text editor: the hash is left as it was.
    expect(text).toContain('"distanceKm":8,');
    fs.writeFileSync(file, text.replace('"distanceKm":8,', '"distanceKm":-8,'));
    expect(recordsAreProven('run', fs.readFileSync(file))).toBe(false);

    const repo = openRepo(dir, { lock: true });
    expect(repo.partitionChecks).toEqual({ proven: 2, checked: 1 });
    expect(repo.all('run').map((r) => r.id)).not.toContain(run(3, '2024-03-03').id);
    expect(repo.count('run')).toBe(2);
    expect(repo.notices).toHaveLength(1);
    expect(repo.notices[0]!.message).toMatch(
      /^1 entry in runs-2024\.json did not pass validation and was left out\. It is kept in .*damaged.* No backup holds a good copy of them\.$/,
    );
    const kept = listDir(path.join(dir, DAMAGED_DIR));
    expect(kept).toHaveLength(1);
    expect(JSON.parse(fs.readFileSync(path.join(dir, DAMAGED_DIR, kept[0]!), 'utf8'))).toEqual([
      { ...run(3, '2024-03-03', 8), distanceKm: -8 },
    ]);
    await repo.close();
    // The repaired file was written with a new proof.
    expect(openRepo(dir, { access: 'read' }).partitionChecks).toEqual({ proven: 3, checked: 0 });
  });

  it('a hand edit that keeps every record valid is checked in full and kept', async () => {
    const dir = await twoYears();
    const file = path.join(dir, 'runs-2024.json');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"distanceKm":8,', '"distanceKm":9,'));
    const repo = openRepo(dir, { access: 'read' });
    expect(repo.partitionChecks).toEqual({ proven: 2, checked: 1 });
    expect(repo.get('run', run(3, '2024-03-03').id)?.distanceKm).toBe(9);
    expect(repo.notices).toEqual([]);
  });

  it('a proof counts only for its record type: a runs file copied over a pain file is checked in full', async () => {
    const dir = await twoYears();
    fs.copyFileSync(path.join(dir, 'runs-2024.json'), path.join(dir, 'pain-2024.json'));
    const repo = openRepo(dir, { access: 'read' });
    expect(repo.partitionChecks).toEqual({ proven: 2, checked: 1 });
    expect(repo.count('pain')).toBe(0);
    expect(repo.notices[0]!.message).toMatch(/^2 entries in pain-2024\.json did not pass validation/);
  });

  it('anything but the exact layout we write is checked in full (indented, a byte order mark, a cut-off tail)', () => {
    const records = JSON.stringify([run(1, '2024-01-01')]);
    const exact = `{"schemaVersion":2,"savedAt":5,"recordsSha256":"${recordsDigest('run', records)}","records":${records}}`;
    expect(recordsAreProven('run', Buffer.from(exact))).toBe(true);
    expect(recordsAreProven('pain', Buffer.from(exact))).toBe(false);
    expect(recordsAreProven('run', Buffer.from(`\uFEFF${exact}`))).toBe(false);
    expect(recordsAreProven('run', Buffer.from(`${exact}\n`))).toBe(false);
    expect(recordsAreProven('run', Buffer.from(exact.replace('"schemaVersion":2', '"schemaVersion":1')))).toBe(false);
    expect(recordsAreProven('run', Buffer.from(exact.replace(/\]\}$/, '}')))).toBe(false);
    expect(recordsAreProven('run', Buffer.from(JSON.stringify(JSON.parse(exact), null, 1)))).toBe(false);
  });

  it('the records kept between saves always give the whole records text and its digest', () => {
    const digest = new PartitionRecords('run');
    let texts: Buffer[] = [];
    const whole = (list: Buffer[]): string => recordsDigest('run', `[${list.map((b) => b.toString()).join(',')}]`);
    const check = (list: Buffer[]): void => {
      const { bytes, digest: written } = digest.write(list);
      expect(bytes.toString()).toBe(`[${list.map((b) => b.toString()).join(',')}]`);
      expect(written).toBe(whole(list));
    };
    check(texts);
    let next = 0;
    const record = (): Buffer => Buffer.from(JSON.stringify(run(next++, '2024-01-01')));
    // Appends (a new entry sorting last), inserts, edits and deletes anywhere, across checkpoints.
    for (let step = 0; step < 300; step++) {
      texts = [...texts];
      const at = (step * 7919) % (texts.length + 1);
      if (step % 5 === 3 && texts.length > 0) texts.splice(at % texts.length, 1);
      else if (step % 5 === 4 && texts.length > 0) texts[at % texts.length] = record();
      else if (step % 2 === 0) texts.push(record());
      else texts.splice(at, 0, record());
      check(texts);
    }
    check([]);
  });

  it('the stored rules revision is bumped whenever a stored schema changes', () => {
    // If this fails, a stored schema changed: bump STORED_RULES_VERSION in main/store/records.ts
    // (so files proven under the old rules are checked under the new ones) and update both values here.
    const fingerprint = crypto.createHash('sha256');
    for (const type of RECORD_TYPES) {
      fingerprint.update(
        JSON.stringify(z.toJSONSchema(RECORD_SCHEMAS[type], { unrepresentable: 'any', io: 'output' })),
      );
    }
    expect({ rules: STORED_RULES_VERSION, fingerprint: fingerprint.digest('hex').slice(0, 16) }).toEqual({
      rules: 2,
      fingerprint: '5cc21d858e9c06b9',
    });
  });
});
