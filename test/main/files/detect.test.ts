import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCsv } from '../../../shared/csv';
import { Run } from '../../../shared/model';
import { MAX_IMPORT_BYTES } from '../../../main/files/common';
import { parseImportBuffer, parseImportPath } from '../../../main/files/detect';
import { fixture, utf8 } from './helpers';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'backstride-import-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('parseImportPath', () => {
  it('refuses a file over 200 MB from its size alone (a sparse file: no disk used)', async () => {
    const path = join(dir, 'huge.gpx');
    const handle = await open(path, 'w');
    await handle.truncate(MAX_IMPORT_BYTES + 1);
    await handle.close();
    const started = Date.now();
    const [result] = await parseImportPath(path);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(result!.kind).toBe('gpx');
    expect(result!.errors).toEqual([
      { file: 'huge.gpx', message: 'huge.gpx: the file is larger than 200 MB, the largest file Backstride imports.' },
    ]);
  });

  it('reads a small file from disk', async () => {
    const path = join(dir, 'justunder.csv');
    await writeFile(path, 'date,score\n2024-01-02,3\n');
    const [result] = await parseImportPath(path);
    expect(result!.errors).toEqual([]);
    expect(result!.pain).toHaveLength(1);
  });

  it('says when a file is missing', async () => {
    const [result] = await parseImportPath(join(dir, 'nope.fit'));
    expect(result!.errors[0]!.message).toBe('nope.fit: the file could not be found or opened.');
  });

  it('reads our own export from disk', async () => {
    const run = Run.parse({
      id: '6b8f5a52-5b7e-4c8f-9d7e-3f1c2a4b5c6d',
      date: '2024-01-02',
      distanceKm: 5,
      durationS: 1800,
    });
    const path = join(dir, 'backstride-runs.csv');
    await writeFile(path, toCsv('runs', [run]));
    const [result] = await parseImportPath(path);
    expect(result!.runs).toEqual([run]);
  });
});

describe('parseImportBuffer dispatch', () => {
  it('unpacks gzip of any kind', async () => {
    const [fit] = await parseImportBuffer('run.fit.gz', gzipSync(fixture('run-garmin.fit')));
    expect(fit!.kind).toBe('fit');
    expect(fit!.file).toBe('run.fit.gz');
    const [tcx] = await parseImportBuffer('run.tcx.gz', gzipSync(fixture('garmin.tcx')));
    expect(tcx!.runs).toHaveLength(1);
    const [csv] = await parseImportBuffer('activities.csv.gz', gzipSync(fixture('strava-activities-en.csv')));
    expect(csv!.kind).toBe('strava');
  });

  it('refuses a gzip that unpacks to more than 200 MB', async () => {
    const bomb = gzipSync(Buffer.alloc(MAX_IMPORT_BYTES + 1024), { level: 1 });
    const [result] = await parseImportBuffer('bomb.gpx.gz', bomb);
    expect(result!.errors[0]!.message).toBe(
      'bomb.gpx.gz: it unpacks to more than 200 MB, the largest file Backstride imports.',
    );
  });

  it('refuses a damaged gzip', async () => {
    const [result] = await parseImportBuffer('run.gpx.gz', Uint8Array.from([0x1f, 0x8b, 8, 0, 1, 2, 3]));
    expect(result!.errors[0]!.message).toBe(
      'run.gpx.gz: it is not a valid gzip file (it may be damaged or incomplete).',
    );
  });

  it('goes by content: a TCX named .gpx is read as TCX', async () => {
    const [result] = await parseImportBuffer('misnamed.gpx', fixture('garmin.tcx'));
    expect(result!.kind).toBe('tcx');
    expect(result!.runs).toHaveLength(1);
  });

  it('finds the root element after a long prologue of comments and processing instructions', async () => {
    const tcx = new TextDecoder().decode(fixture('garmin.tcx'));
    const root = tcx.indexOf('<TrainingCenterDatabase');
    const prologue = `<!-- ${'<gpx> '.repeat(20_000)}-->\n<?note <gpx>?>\n<!-- unused -->\n`;
    const text = tcx.slice(0, root) + prologue + tcx.slice(root);
    const [result] = await parseImportBuffer('misnamed.gpx', utf8(text));
    expect(result!.kind).toBe('tcx');
    expect(result!.errors).toEqual([]);
    expect(result!.runs).toHaveLength(1);
  });

  it('imports each activity file of a zip that is not a Strava export', async () => {
    const zip = zipSync({
      'runs/a.gpx': fixture('garmin-tpx-v1.gpx'),
      'runs/b.fit': fixture('run-garmin.fit'),
      'runs/c.tcx.gz': gzipSync(fixture('garmin.tcx')),
      'runs/readme.md': utf8('# not imported'),
      '__MACOSX/runs/._a.gpx': utf8('junk'),
    });
    const results = await parseImportBuffer('watch-export.zip', zip);
    expect(results.map((r) => [r.file, r.kind, r.runs.length, r.errors.length])).toEqual([
      ['watch-export.zip/runs/a.gpx', 'gpx', 1, 0],
      ['watch-export.zip/runs/b.fit', 'fit', 1, 0],
      ['watch-export.zip/runs/c.tcx.gz', 'tcx', 1, 0],
    ]);
  });

  it('refuses a zip inside a zip and a zip with nothing to import', async () => {
    const inner = zipSync({ 'a.gpx': fixture('strava.gpx') });
    const [nested] = await parseImportBuffer('outer.zip', zipSync({ 'inner.csv': inner }));
    expect(nested!.errors[0]!.message).toBe('outer.zip/inner.csv: archives inside archives are not imported.');
    const [empty] = await parseImportBuffer('photos.zip', zipSync({ 'a.jpg': Uint8Array.from([0xff, 0xd8, 0]) }));
    expect(empty!.errors[0]!.message).toMatch(/^photos\.zip: the archive holds no CSV, GPX, TCX or FIT files/);
  });

  it('refuses binary data of an unknown kind', async () => {
    const [result] = await parseImportBuffer('photo.jpg', Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]));
    expect(result!.kind).toBe('unknown');
    expect(result!.errors[0]!.message).toMatch(/^photo\.jpg: this is not a file Backstride can import/);
  });

  it('names the file at the start of every message', async () => {
    const inputs: [string, Uint8Array][] = [
      ['a.gpx', utf8('<!DOCTYPE x><gpx/>')],
      ['b.fit', fixture('run-bad-crc.fit')],
      ['c.csv', utf8('x,y\n1,2\n')],
      ['d.csv', utf8('date,distance_km,duration_s\n2999-01-01,5,1800\n')],
      ['e.tcx', utf8('<TrainingCenterDatabase/>')],
    ];
    for (const [name, bytes] of inputs) {
      const [result] = await parseImportBuffer(name, bytes);
      expect(result!.errors.length).toBeGreaterThan(0);
      for (const error of result!.errors) {
        expect(error.file).toBe(name);
        expect(error.message.startsWith(`${name}`)).toBe(true);
      }
    }
  });
});
