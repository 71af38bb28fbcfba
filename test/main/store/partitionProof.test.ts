// A partition file proves its records were checked when they were written (a hash of the
// records' bytes, partitionFile.ts): an unchanged file is not checked again on open, and any
// change to it, by hand or by damage, has it checked in full and reported exactly as before.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import crypto from 'node:crypto';
import { PartitionRecords, provenRecords, recordsAreProven, recordsDigest } from '../../../main/store/partitionFile';
import { RECORD_SCHEMAS, RECORD_TYPES, STORED_RULES_VERSION } from '../../../main/store/records';
import { DAMAGED_DIR } from '../../../main/store/repository';
import { tempDir } from '../../helpers';
import { SCHEMA_VERSION, type Run } from '../../../shared/model';
import { listDir, openRepo, pain, run, session, uuid } from './storeHelpers';

async function twoYears(): Promise<string> {
  const dir = tempDir();
  const repo = openRepo(dir);
  await repo.saveMany('run', [run(1, '2023-05-01'), run(2, '2024-03-02'), run(3, '2024-03-03', 8)]);
  await repo.save('pain', pain(10, '2024-03-03'));
  await repo.close();
  return dir;
}

/** Notes with braces, brackets, quotes, backslashes and non-ASCII: what finding a record by its JSON must survive. */
const TRICKY_NOTES = ['{"a":[1,{"b":"}"}]}', 'quote " and \\ backslash \\"', ']},{', 'ünïcödé 🏃'];

/** One run a day from 2024-02-01, numbered from 1, with TRICKY_NOTES. */
const trickyRuns = (): Run[] => TRICKY_NOTES.map((notes, i) => ({ ...run(i + 1, `2024-02-0${i + 1}`), notes }));

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
    const records = JSON.stringify([{ ...run(1, '2024-01-01'), notes: 'Füße 🏃' }]);
    const exact = `{"schemaVersion":2,"savedAt":5,"recordsSha256":"${recordsDigest('run', Buffer.from(records))}","records":${records}}`;
    // As bytes and as the text they decode to (how loading reads a file), with the same answers.
    for (const as of [(text: string) => Buffer.from(text), (text: string) => text]) {
      expect(recordsAreProven('run', as(exact))).toBe(true);
      expect(recordsAreProven('pain', as(exact))).toBe(false);
      expect(recordsAreProven('run', as(`\uFEFF${exact}`))).toBe(false);
      expect(recordsAreProven('run', as(`${exact}\n`))).toBe(false);
      expect(recordsAreProven('run', as(exact.replace('"schemaVersion":2', '"schemaVersion":1')))).toBe(false);
      expect(recordsAreProven('run', as(exact.replace(/\]\}$/, '}')))).toBe(false);
      expect(recordsAreProven('run', as(exact.replace('Füße', 'Fuße')))).toBe(false);
      expect(recordsAreProven('run', as(JSON.stringify(JSON.parse(exact), null, 1)))).toBe(false);
    }
  });

  // Appends (a new entry sorting last), inserts, edits and deletes anywhere, across checkpoints:
  // every write gives the whole records text and its digest, and serialises only what is new.
  function exerciseWrites(kept: PartitionRecords, start: Run[], steps: number): void {
    let records = start;
    const text = (list: Run[]): string => `[${list.map((r) => JSON.stringify(r)).join(',')}]`;
    const serialised: Run[] = [];
    const check = (list: Run[]): void => {
      const written = kept.write(list, (record) => {
        serialised.push(record as Run);
        return Buffer.from(JSON.stringify(record));
      });
      expect(written?.bytes.toString()).toBe(text(list));
      expect(written?.digest).toBe(recordsDigest('run', text(list)));
      // The whole file, its head written in front of the records in place: the layout a proof needs.
      const file = written!.file(1_700_000_000_000 + list.length);
      expect(file.toString()).toBe(
        `{"schemaVersion":${SCHEMA_VERSION},"savedAt":${1_700_000_000_000 + list.length},"recordsSha256":"${written!.digest}","records":${text(list)}}`,
      );
      expect(provenRecords('run', file)?.digest).toBe(written!.digest);
    };
    let next = 1000;
    const record = (): Run => ({ ...run(next++, '2024-01-01', 1 + (next % 7)), notes: next % 3 ? 'a "}," b' : 'ü' });
    for (let step = 0; step < steps; step++) {
      records = [...records];
      const at = (step * 7919) % (records.length + 1);
      serialised.length = 0;
      let added: Run | undefined;
      if (step % 5 === 3 && records.length > 0) records.splice(at % records.length, 1);
      else if (step % 5 === 4 && records.length > 0) records[at % records.length] = added = record();
      else if (step % 2 === 0) records.push((added = record()));
      else records.splice(at, 0, (added = record()));
      check(records);
      // Only the new or changed record is checked and serialised; the others are copied.
      expect(serialised).toEqual(added ? [added] : []);
    }
    check([]);
  }

  it('the records kept between saves always give the whole records text and its digest', () => {
    exerciseWrites(new PartitionRecords('run'), [], 300);
  });

  it('so do records read from a proven file, whatever the first save changes', () => {
    const loadedFile = (count: number): { array: Buffer; records: Run[] } => {
      const records = Array.from({ length: count }, (_, i) => ({
        ...run(i, '2024-01-01', 1 + (i % 5)),
        notes: '{"x":"]"}',
      }));
      const array = Buffer.from(`[${records.map((r) => JSON.stringify(r)).join(',')}]`);
      return { array, records: JSON.parse(array.toString()) as Run[] };
    };
    for (const count of [0, 1, 40, 100]) {
      // Fresh copies, each first written differently (the steps start at another place).
      for (let offset = 0; offset < 5; offset++) {
        const { array, records } = loadedFile(count);
        const kept = PartitionRecords.fromProvenFile('run', array, records);
        expect(kept).toBeDefined();
        exerciseWrites(kept!, records, 40 + offset * 7);
      }
    }
  });

  it('a first save starts from the proven file it was loaded from, braces and quotes in notes included', async () => {
    const dir = tempDir();
    const first = openRepo(dir);
    await first.saveMany('run', trickyRuns());
    await first.saveMany('strength', [
      {
        ...session(20, '2024-02-01'),
        items: [
          { exercise: 'side_plank', holdS: 30, side: 'left' },
          { exercise: 'plank', holdS: 40 },
        ],
      },
      session(21, '2024-02-02'),
    ]);
    await first.close();

    const file = (name: string): string => fs.readFileSync(path.join(dir, `${name}.json`), 'utf8');
    const repo = openRepo(dir);
    expect(repo.partitionChecks).toEqual({ proven: 2, checked: 0 });
    // Between each record: a new one, an edit of one in the middle, a deletion.
    await repo.save('run', { ...run(9, '2024-02-03'), notes: 'new' });
    await repo.save('run', { ...run(2, '2024-02-02'), notes: 'edited' });
    await repo.delete('run', uuid(3));
    await repo.save('strength', session(22, '2024-01-15'));
    await repo.close();

    const expected = [
      { ...run(1, '2024-02-01'), notes: TRICKY_NOTES[0] },
      { ...run(2, '2024-02-02'), notes: 'edited' },
      { ...run(9, '2024-02-03'), notes: 'new' },
      { ...run(4, '2024-02-04'), notes: TRICKY_NOTES[3] },
    ];
    const runs = JSON.parse(file('runs-2024')) as { records: unknown[] };
    expect(runs.records).toEqual(expected);
    // Byte for byte what a log holding only these records writes.
    const fresh = openRepo(tempDir());
    await fresh.saveMany('run', expected);
    await fresh.close();
    const recordsText = (text: string): string => text.slice(text.indexOf('"records":'));
    expect(recordsText(file('runs-2024'))).toBe(
      recordsText(fs.readFileSync(path.join(fresh.dataDir, 'runs-2024.json'), 'utf8')),
    );
    expect(recordsAreProven('run', fs.readFileSync(path.join(dir, 'runs-2024.json')))).toBe(true);
    expect(recordsAreProven('strength', fs.readFileSync(path.join(dir, 'strength-2024.json')))).toBe(true);
    const again = openRepo(dir, { access: 'read' });
    expect(again.partitionChecks).toEqual({ proven: 2, checked: 0 });
    expect(again.allByDate('run')).toEqual(expected);
    expect(again.allByDate('strength').map((s) => s.id)).toEqual([uuid(22), uuid(20), uuid(21)]);
  });

  it('a save into a proven file serialises only the record it adds', async () => {
    const dir = tempDir();
    const notes = ['{"a":[1,{"b":"}"}]}', 'quote " and \\ backslash \\"', '],{', 'ünïcödé 🏃'];
    const records = notes.map((note, i) => ({ ...run(i + 1, `2024-02-0${i + 1}`), notes: note }));
    const repo = openRepo(dir);
    await repo.saveMany('run', records);
    await repo.close();
    const proof = provenRecords('run', fs.readFileSync(path.join(dir, 'runs-2024.json')));
    const loaded = JSON.parse(proof!.array.toString()) as Run[];
    const kept = PartitionRecords.fromProvenFile('run', proof!.array, loaded);
    expect(kept).toBeDefined();
    // A list of a different length does not fit these bytes.
    expect(PartitionRecords.fromProvenFile('run', proof!.array, loaded.slice(1))).toBeUndefined();
    const added = run(9, '2024-02-09');
    const serialised: unknown[] = [];
    const written = kept!.write([...loaded, added], (record) => {
      serialised.push(record);
      return Buffer.from(JSON.stringify(record));
    });
    expect(serialised).toEqual([added]);
    const text = `${proof!.array.toString().slice(0, -1)},${JSON.stringify(added)}]`;
    expect(written?.bytes.toString()).toBe(text);
    expect(written?.digest).toBe(recordsDigest('run', text));

    // A later save that changes the middle serialises what follows it, and still writes them whole.
    const edited = { ...loaded[1]!, notes: 'edited' };
    const list = [loaded[0]!, edited, ...loaded.slice(2), added];
    const next = kept!.write(list, (record) => Buffer.from(JSON.stringify(record)));
    const whole = `[${list.map((r) => JSON.stringify(r)).join(',')}]`;
    expect(next?.bytes.toString()).toBe(whole);
    expect(next?.digest).toBe(recordsDigest('run', whole));

    // A record that is not the JSON found where it should be (not what the bytes were parsed
    // into) has every record serialised afresh, from the records themselves.
    // Of the same length as the JSON it stands in for, so only its bytes tell them apart.
    const changed = { ...loaded[2]!, distanceKm: 6 };
    expect(JSON.stringify(changed).length).toBe(JSON.stringify(loaded[2]).length);
    const wrong = PartitionRecords.fromProvenFile('run', proof!.array, [loaded[0]!, loaded[1]!, changed, loaded[3]!]);
    const inserted = [loaded[0]!, added, loaded[1]!, changed, loaded[3]!];
    const again = wrong!.write(inserted, (record) => Buffer.from(JSON.stringify(record)));
    expect(again?.bytes.toString()).toBe(`[${inserted.map((r) => JSON.stringify(r)).join(',')}]`);
  });

  it('a file changed on disk after it was loaded is not used as the start of a save', async () => {
    const dir = tempDir();
    const three = [run(2, '2024-03-02'), run(3, '2024-03-03', 8), run(5, '2024-03-05')];
    const first = openRepo(dir);
    await first.saveMany('run', three);
    await first.close();
    const repo = openRepo(dir);
    // Someone rewrites the file while the log is open, with a proof of its own (so it stays
    // proven), its first and last entries as they were and the middle one changed in place.
    const name = path.join(dir, 'runs-2024.json');
    const other = openRepo(tempDir());
    await other.saveMany('run', [three[0]!, run(3, '2024-03-03', 9), three[2]!]);
    await other.close();
    fs.copyFileSync(path.join(other.dataDir, 'runs-2024.json'), name);
    await repo.save('run', run(6, '2024-03-06'));
    await repo.close();
    // The save wrote the log as this process holds it, not a mix with the bytes on disk.
    const records = (JSON.parse(fs.readFileSync(name, 'utf8')) as { records: Run[] }).records;
    expect(records).toEqual([...three, run(6, '2024-03-06')]);
    expect(recordsAreProven('run', fs.readFileSync(name))).toBe(true);
  });

  it('a log loaded on demand (one command) starts its first save from the text it proved, without reading the file again', async () => {
    const dir = tempDir();
    const first = openRepo(dir);
    await first.saveMany('run', trickyRuns());
    await first.close();
    const name = path.join(dir, 'runs-2024.json');
    const repo = openRepo(dir, { lock: true, loadOnDemand: true });
    repo.get('run', uuid(1)); // loads the runs
    // Changed on disk after loading: the save still writes the log as this process holds it.
    fs.writeFileSync(name, fs.readFileSync(name, 'utf8').replace('ünïcödé', 'unicode'));
    const opened: string[] = [];
    const realOpenSync = fs.openSync;
    const spy = vi.spyOn(fs, 'openSync').mockImplementation(((file: fs.PathLike, ...rest: unknown[]) => {
      opened.push(String(file));
      return (realOpenSync as (...args: unknown[]) => number)(file, ...rest);
    }) as typeof fs.openSync);
    try {
      await repo.save('run', { ...run(9, '2024-02-03'), notes: 'new' });
      await repo.save('run', { ...run(2, '2024-02-02'), notes: 'edited' });
    } finally {
      spy.mockRestore();
    }
    await repo.close();
    expect(opened.filter((file) => file === name)).toEqual([]);
    const expected = [
      { ...run(1, '2024-02-01'), notes: TRICKY_NOTES[0] },
      { ...run(2, '2024-02-02'), notes: 'edited' },
      { ...run(3, '2024-02-03'), notes: TRICKY_NOTES[2] },
      { ...run(9, '2024-02-03'), notes: 'new' },
      { ...run(4, '2024-02-04'), notes: TRICKY_NOTES[3] },
    ];
    expect(opened.length).toBeGreaterThan(0); // the spy saw the saves' own writes
    const fresh = openRepo(tempDir());
    await fresh.saveMany('run', expected);
    await fresh.close();
    const recordsText = (text: string): string => text.slice(text.indexOf('"records":'));
    expect(recordsText(fs.readFileSync(name, 'utf8'))).toBe(
      recordsText(fs.readFileSync(path.join(fresh.dataDir, 'runs-2024.json'), 'utf8')),
    );
    expect(recordsAreProven('run', fs.readFileSync(name))).toBe(true);
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
