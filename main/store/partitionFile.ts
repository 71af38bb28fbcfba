// How a partition file proves its entries were checked: the file carries a SHA-256 of its records'
// bytes, computed when those records were written after passing the model's stored schemas. On
// open, a partition whose records' bytes still match is not checked again (the check would find
// exactly what it found when the file was written); any other partition (edited by hand, cut
// short, bit rot, written by an older Backstride, or holding anything but our exact layout) is
// checked in full, record by record, as before.
//
// The hash guards against changes, not against someone who recomputes it on purpose: whoever can
// do that can also write any file into the folder. The domain string below makes a hash count only
// for the same record type, data version and stored rules it was computed for.
import crypto from 'node:crypto';
import { z } from 'zod';
import { compileRun, SCHEMA_VERSION } from '../../shared/model';
import { RECORD_SCHEMAS, STORED_RULES_VERSION, type AnyRecord, type RecordOf, type RecordType } from './records';

/** The exact start of a partition file we wrote; the records follow up to the file's last byte but one (`}`). */
const HEAD_RE = /^\{"schemaVersion":(\d{1,9}),"savedAt":(\d{1,16}),"recordsSha256":"([0-9a-f]{64})","records":\[/;
/** Long enough for any head HEAD_RE matches. */
const HEAD_MAX = 200;
const CLOSING_BRACE = 0x7d;

function digestDomain(type: RecordType): string {
  return `backstride partition records\0data version ${SCHEMA_VERSION}\0rules ${STORED_RULES_VERSION}\0${type}\0`;
}

/** The hash of a partition's records text (the JSON array), for one record type. */
export function recordsDigest(type: RecordType, records: string | Uint8Array): string {
  return crypto.createHash('sha256').update(digestDomain(type)).update(records).digest('hex');
}

/** Records between two kept hash states (see PartitionDigest). */
const CHECKPOINT = 32;
const COMMA = Buffer.from(',');
const OPEN = Buffer.from('[');
const CLOSE = Buffer.from(']');
const END = Buffer.from('}');

/**
 * recordsDigest of one partition file, written again and again (a save each time): the hash
 * state is kept every CHECKPOINT records, so a save hashes from the last kept state before its
 * first changed record (a new entry usually sorts last) instead of the whole file. Records are
 * compared by their JSON bytes' identity, so the answer never depends on what was kept: it is
 * always recordsDigest of `[records joined by commas]`.
 */
export class PartitionDigest {
  private records: readonly Uint8Array[] = [];
  /** states[k]: after the domain, `[` and records[0 .. k * CHECKPOINT) joined by commas. */
  private states: crypto.Hash[] = [];

  constructor(private readonly type: RecordType) {}

  /** `records` must not change afterwards (it is kept to compare the next call's with). */
  digest(records: readonly Uint8Array[]): string {
    let same = 0;
    const limit = Math.min(records.length, this.records.length);
    while (same < limit && records[same] === this.records[same]) same++;
    const kept = Math.min(Math.floor(same / CHECKPOINT), this.states.length - 1);
    const states =
      kept >= 0
        ? this.states.slice(0, kept + 1)
        : [crypto.createHash('sha256').update(digestDomain(this.type)).update(OPEN)];
    const start = (states.length - 1) * CHECKPOINT;
    const hash = states[states.length - 1]!.copy();
    for (let i = start; i < records.length; i++) {
      if (i > start && i % CHECKPOINT === 0) states.push(hash.copy());
      if (i > 0) hash.update(COMMA);
      hash.update(records[i]!);
    }
    this.records = records;
    this.states = states;
    return hash.update(CLOSE).digest('hex');
  }
}

/**
 * A partition file's bytes: the head (with the records' digest when they are proven, see
 * recordsAreProven), then the records' JSON bytes as one array, then the closing brace.
 */
export function partitionBytes(savedAt: number, records: readonly Uint8Array[], digest: string | undefined): Buffer {
  const head = Buffer.from(
    `{"schemaVersion":${SCHEMA_VERSION},"savedAt":${savedAt},${digest === undefined ? '' : `"recordsSha256":"${digest}",`}"records":`,
    'latin1',
  );
  const parts: Uint8Array[] = [head, OPEN];
  for (let i = 0; i < records.length; i++) {
    if (i > 0) parts.push(COMMA);
    parts.push(records[i]!);
  }
  parts.push(CLOSE, END);
  return Buffer.concat(parts);
}

/**
 * Whether `bytes` are a partition file of `type` exactly as we write it (current data version),
 * with records whose bytes match the hash written beside them. Anything else answers false and is
 * checked in full. (The file must also parse as JSON; the caller parses it either way.)
 */
export function recordsAreProven(type: RecordType, bytes: Uint8Array): boolean {
  if (bytes.length < 2 || bytes[bytes.length - 1] !== CLOSING_BRACE) return false;
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(HEAD_MAX, bytes.length)).toString('latin1');
  const match = HEAD_RE.exec(head);
  if (!match || Number(match[1]) !== SCHEMA_VERSION) return false;
  // The records start at the array's `[`, the last character the pattern matched.
  const start = match[0].length - 1;
  return recordsDigest(type, bytes.subarray(start, bytes.length - 1)) === match[3];
}

/** The stored schemas compiled once (zod's fast path; on a failure it falls back to the schema itself). */
let compiled: { [T in RecordType]: z.ZodType<RecordOf[T]> } | undefined;

/** The schemas a record is checked with from disk, compiled: the same rules, checked several times faster. */
export function compiledRecordSchemas(): { [T in RecordType]: z.ZodType<RecordOf[T]> } {
  compiled ??= {
    run: compileRun(),
    pain: z.compile(RECORD_SCHEMAS.pain),
    strength: z.compile(RECORD_SCHEMAS.strength),
    experiment: z.compile(RECORD_SCHEMAS.experiment),
  };
  return compiled;
}

/**
 * A record as the stored schema outputs it, as JSON's UTF-8 bytes; undefined when it does not pass (then
 * its partition is written without a proof, and checked in full, and reported, when opened).
 */
export function checkedRecordJson(type: RecordType, record: AnyRecord): Buffer | undefined {
  const parsed = (compiledRecordSchemas()[type] as z.ZodType<AnyRecord>).safeParse(record);
  return parsed.success ? Buffer.from(JSON.stringify(parsed.data)) : undefined;
}
