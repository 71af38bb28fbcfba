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

/**
 * recordsDigest of one partition file, written again and again (a save each time): the hash
 * state is kept every CHECKPOINT records, so a save hashes from the last kept state before its
 * first changed record (a new entry usually sorts last) instead of the whole file. Records are
 * compared by their JSON strings, so the answer never depends on what was kept: it is always
 * recordsDigest of `[texts joined by commas]`.
 */
export class PartitionDigest {
  private texts: readonly string[] = [];
  /** states[k]: after the domain, `[` and texts[0 .. k * CHECKPOINT) joined by commas. */
  private states: crypto.Hash[] = [];

  constructor(private readonly type: RecordType) {}

  /** `texts` must not change afterwards (it is kept to compare the next call's with). */
  digest(texts: readonly string[]): string {
    let same = 0;
    const limit = Math.min(texts.length, this.texts.length);
    while (same < limit && texts[same] === this.texts[same]) same++;
    const kept = Math.min(Math.floor(same / CHECKPOINT), this.states.length - 1);
    const states =
      kept >= 0
        ? this.states.slice(0, kept + 1)
        : [crypto.createHash('sha256').update(digestDomain(this.type)).update('[')];
    const start = (states.length - 1) * CHECKPOINT;
    const hash = states[states.length - 1]!.copy();
    for (let i = start; i < texts.length; i++) {
      if (i > start && i % CHECKPOINT === 0) states.push(hash.copy());
      if (i > 0) hash.update(',');
      hash.update(texts[i]!);
    }
    this.texts = texts;
    this.states = states;
    return hash.update(']').digest('hex');
  }
}

/** The whole file text for a partition whose records (each already checked) serialise to `recordsJson`, with its digest. */
export function provenPartitionText(savedAt: number, recordsJson: string, digest: string): string {
  return `{"schemaVersion":${SCHEMA_VERSION},"savedAt":${savedAt},"recordsSha256":"${digest}","records":${recordsJson}}`;
}

/** A partition file without a proof (some record did not pass): it is checked in full when opened. */
export function unprovenPartitionText(savedAt: number, recordsJson: string): string {
  return `{"schemaVersion":${SCHEMA_VERSION},"savedAt":${savedAt},"records":${recordsJson}}`;
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
 * A record as the stored schema outputs it, serialised; undefined when it does not pass (then
 * its partition is written without a proof, and checked in full, and reported, when opened).
 */
export function checkedRecordJson(type: RecordType, record: AnyRecord): string | undefined {
  const parsed = (compiledRecordSchemas()[type] as z.ZodType<AnyRecord>).safeParse(record);
  return parsed.success ? JSON.stringify(parsed.data) : undefined;
}
