// Crafted import files, each made here (small in the repository), refused by the import worker
// with a message naming the limit, within a time and a heap bound measured in the worker.
import { createGzip, deflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { IMPORT_LIMITS } from '../../main/files/common';
import { parseInWorker } from '../../main/importRunner';
import { ServiceError } from '../../main/errors';
import { recordStat } from './store/storeHelpers';
import { dispatch } from '../../main/dispatch';
import { openTestApp } from '../helpers';

const MB = 1024 * 1024;
/**
 * Generous, for a shared and busy machine (unpacking 200 MB alone took 15 s at a load of 24 on
 * 2 CPUs); the unguarded code ran out of memory at 5.9 GB, or took 87 s and 4.6 GB.
 */
const TIME_BOUND_MS = 60_000;
const HEAP_BOUND_BYTES = 1024 * MB;

/** gzip of `repeat` copies of `chunk`, made as a stream so the test never holds the unpacked bytes. */
function gzipOfRepeats(chunk: Buffer, repeat: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const gzip = createGzip({ level: 9 });
    const parts: Buffer[] = [];
    gzip.on('data', (part: Buffer) => parts.push(part));
    gzip.on('end', () => resolve(new Uint8Array(Buffer.concat(parts))));
    gzip.on('error', reject);
    let left = repeat;
    const pump = (): void => {
      while (left > 0) {
        left -= 1;
        if (!gzip.write(chunk)) return void gzip.once('drain', pump);
      }
      gzip.end();
    };
    pump();
  });
}

const measured: Record<string, number> = {};
afterAll(() => recordStat('import-limits', measured));

async function parseOne(name: string, bytes: Uint8Array) {
  measured[`${name} bytes`] = bytes.length; // before the bytes move to the worker
  const { parsed, stats } = await parseInWorker({ files: [{ name, bytes }], customExercises: [] });
  measured[`${name} ms`] = Math.round(stats.elapsedMs);
  measured[`${name} heap MB`] = Math.round(stats.heapBytes / MB);
  expect(stats.elapsedMs).toBeLessThan(TIME_BOUND_MS);
  expect(stats.heapBytes).toBeLessThan(HEAP_BOUND_BYTES);
  return { messages: parsed.flatMap((p) => p.errors.map((e) => e.message)), stats };
}

describe('crafted import files are refused in the worker, quickly and in little memory', { timeout: 180_000 }, () => {
  it("a .csv.gz of line breaks (the review's 102 KB file) is refused by the line limit", async () => {
    const file = await gzipOfRepeats(Buffer.alloc(MB, '\n'), 200);
    expect(file.length).toBeLessThan(300 * 1024);
    const { messages } = await parseOne('lines.csv.gz', file);
    expect(messages).toEqual([expect.stringContaining('it has more than 1,000,000 lines')]);
  });

  it('a .gpx.gz of 40 million elements is refused by the element limit', async () => {
    const head = Buffer.from('<?xml version="1.0"?><gpx version="1.1" creator="x"><trk><trkseg>');
    const file = await gzipOfRepeats(Buffer.concat([head, Buffer.alloc(MB - head.length, '<a/>')]), 160);
    const { messages } = await parseOne('elements.gpx.gz', file);
    expect(messages).toEqual([
      expect.stringContaining(`more than ${IMPORT_LIMITS.xmlElements.toLocaleString('en')} XML elements`),
    ]);
  });

  it('a GPX tag with 80,000 attributes is refused by the attribute limit', async () => {
    const attributes = Array.from({ length: 80_000 }, (_, i) => ` a${i}="1"`).join('');
    const text = `<?xml version="1.0"?><gpx version="1.1" creator="x"><trk${attributes}><trkseg/></trk></gpx>`;
    const { messages } = await parseOne('attributes.gpx', new Uint8Array(Buffer.from(text)));
    expect(messages).toEqual([expect.stringContaining('more than 256 attributes')]);
  });

  it('a zip entry that declares 1 KB but inflates to far more stops at the declared size', async () => {
    const bomb = await zipWithLyingEntry('run.gpx', 1024, 64 * MB);
    const { messages, stats } = await parseOne('bomb.zip', bomb);
    expect(messages).toEqual([expect.stringContaining('unpacks to more than the 1,024 bytes it declares')]);
    expect(stats.elapsedMs).toBeLessThan(5_000);
  });

  it('the import stops when its files together unpack to more than the total limit', async () => {
    // Three gzips of 180 MB each: each under the per-file limit, together over the total.
    const file = await gzipOfRepeats(Buffer.alloc(MB, '\n'), 180);
    const { parsed, stats } = await parseInWorker({
      files: [1, 2, 3].map((n) => ({ name: `big-${n}.csv.gz`, bytes: file.slice() })),
      customExercises: [],
    });
    const messages = parsed.flatMap((p) => p.errors.map((e) => e.message));
    expect(messages[2]).toContain('the import unpacks to more than 512 MB in total');
    expect(stats.elapsedMs).toBeLessThan(TIME_BOUND_MS * 2);
    measured['three 180 MB gzips ms'] = Math.round(stats.elapsedMs);
  });

  it('runs behind import:preview: progress by jobId while it reads, cancel ends it with nothing planned', async () => {
    const ctx = openTestApp();
    const jobId = crypto.randomUUID();
    const file = await gzipOfRepeats(Buffer.alloc(MB, '\n'), 200);
    const preview = dispatch(ctx.handlers, 'import:preview', {
      files: [{ name: 'lines.csv.gz', dataBase64: Buffer.from(file).toString('base64') }],
      jobId,
    });
    await expect
      .poll(() => dispatch(ctx.handlers, 'import:progress', { jobId }))
      .toMatchObject({ ok: true, value: { running: true, filesTotal: 1 } });
    expect(await dispatch(ctx.handlers, 'import:cancel', { jobId })).toEqual({ ok: true, value: { cancelled: true } });
    expect(await preview).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(await dispatch(ctx.handlers, 'import:progress', { jobId })).toMatchObject({ value: { running: false } });
    const good = await dispatch(ctx.handlers, 'import:preview', {
      files: [
        {
          name: 'runs.csv',
          dataBase64: Buffer.from('date,distance_km,duration_s\n2024-05-01,10,3600\n').toString('base64'),
        },
      ],
    });
    expect(good).toMatchObject({ ok: true, value: { newCounts: { run: 1 } } });
  });

  it('can be cancelled before it finishes', async () => {
    const file = await gzipOfRepeats(Buffer.alloc(MB, '\n'), 200);
    const abort = new AbortController();
    const job = parseInWorker(
      { files: [{ name: 'a.csv.gz', bytes: file }], customExercises: [] },
      { signal: abort.signal },
    );
    abort.abort();
    await expect(job).rejects.toMatchObject({ code: 'cancelled' } satisfies Partial<ServiceError>);
  });
});

/** A one-entry zip whose directory declares `declared` bytes for an entry that inflates to `actual`. */
async function zipWithLyingEntry(name: string, declared: number, actual: number): Promise<Uint8Array> {
  const packed = deflateRawSync(Buffer.alloc(actual, 'x'), { level: 9 });
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8); // deflate
  local.writeUInt32LE(packed.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(packed.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE(0, 42);
  const directoryOffset = local.length + nameBytes.length + packed.length;
  const directorySize = central.length + nameBytes.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(directoryOffset, 16);
  return new Uint8Array(Buffer.concat([local, nameBytes, packed, central, nameBytes, end]));
}
