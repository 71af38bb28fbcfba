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
/** Longer than any head HEAD_RE matches (at most 150 bytes), and than any head we write. */
const HEAD_MAX = 200;
const CLOSING_BRACE = 0x7d;

function digestDomain(type: RecordType): string {
  return `backstride partition records\0data version ${SCHEMA_VERSION}\0rules ${STORED_RULES_VERSION}\0${type}\0`;
}

/** A hash of a partition's records text for one record type, after its first bytes (`start`). */
function hashStart(type: RecordType, start: string | Uint8Array): crypto.Hash {
  return crypto.createHash('sha256').update(digestDomain(type)).update(start);
}

/** The hash of a partition's records text (the JSON array), for one record type. */
export function recordsDigest(type: RecordType, records: string | Uint8Array): string {
  return hashStart(type, records).digest('hex');
}

/** Bytes a written partition may grow by before its buffer is made again (see PartitionRecords.write). */
const ROOM_TO_GROW = 16 * 1024;
/** Records between two kept hash states (see PartitionRecords). */
const CHECKPOINT = 32;
const COMMA = Buffer.from(',');
const OPEN = Buffer.from('[');
const CLOSE = Buffer.from(']');
const END = Buffer.from('}');
const COMMA_BYTE = 0x2c;
const CLOSE_BYTE = 0x5d;
const OPEN_BRACKET = 0x5b;

/**
 * One partition file's records as last written (or as read from a proven file), so the next save
 * (a new entry usually sorts last) rebuilds only what follows its first changed record: the bytes
 * before it are copied in one piece, a record that only moved is copied from where it was, and the
 * hash goes on from a state kept before the change. Only a record not seen here is checked with
 * the stored schema and serialised. Records are compared by identity (records in memory are never
 * changed in place: a change is a new object), so the answer never depends on what was kept:
 * always `[records joined by commas]` and recordsDigest of it.
 *
 * Where each record ends is known from record `base` on (all of them for records this process
 * wrote; for records read from a file, from the first one a save changed: see rebase), with a
 * hash state at `base` and then every CHECKPOINT records.
 */
export class PartitionRecords {
  private records: readonly AnyRecord[] = [];
  /** `[`, the records' JSON joined by commas, `]`; every record's JSON passed the stored schema. */
  private bytes: Buffer = Buffer.from('[]');
  /** The buffer `bytes` lies in, at HEAD_MAX, when write made them (undefined for any other `bytes`). */
  private framed: Buffer | undefined;
  /** The first record whose end is known. */
  private base = 0;
  /** Where record base - 1 ends in `bytes` (1, just after the `[`, when base is 0). */
  private baseAt = 1;
  /** ends[i]: where record base + i ends in `bytes`. */
  private ends: number[] = [];
  /**
   * states[k]: the hash after the domain and the bytes up to the end of record
   * base + k * CHECKPOINT - 1 (baseAt for k = 0); none until a first save for records read from a file.
   */
  private states: crypto.Hash[];

  constructor(private readonly type: RecordType) {
    this.states = [hashStart(type, OPEN)];
  }

  /**
   * Starts from a proven file's records array (`[` to `]`) and the records JSON.parse made of it,
   * in file order. Undefined when the first or last record is not the JSON the bytes start or end
   * with (a list that does not belong to these bytes); records a save moves are checked then.
   */
  static fromProvenFile(
    type: RecordType,
    arrayBytes: Buffer,
    records: readonly AnyRecord[],
  ): PartitionRecords | undefined {
    const first = records.length > 0 ? Buffer.from(JSON.stringify(records[0])) : undefined;
    const last = records.length > 0 ? Buffer.from(JSON.stringify(records[records.length - 1])) : undefined;
    const fits =
      first && last
        ? arrayBytes.subarray(1, 1 + first.length).equals(first) &&
          arrayBytes.subarray(arrayBytes.length - 1 - last.length, arrayBytes.length - 1).equals(last)
        : arrayBytes.toString('latin1') === '[]';
    if (!fits) return undefined;
    const kept = new PartitionRecords(type);
    kept.records = records;
    kept.bytes = arrayBytes;
    // No record's end is known yet, and no hash state.
    kept.base = records.length;
    kept.baseAt = arrayBytes.length - 1;
    kept.states = [];
    return kept;
  }

  /**
   * The records array's bytes and their digest, and `file` to frame them as the whole partition
   * file (once); both hold until the next write, which may write over them. `checkedJson` gives a
   * record's JSON when the stored schema accepts it; when one does not, the answer is undefined
   * and nothing is kept (the caller writes the file without a proof). `records` must not change afterwards.
   */
  write(
    records: readonly AnyRecord[],
    checkedJson: (record: AnyRecord) => Uint8Array | undefined,
  ): { bytes: Buffer; digest: string; file: (savedAt: number) => Buffer } | undefined {
    const same = this.sharedPrefix(records);
    if (same < this.base || this.states.length === 0) {
      if (!this.rebase(same)) {
        this.records = [];
        this.bytes = Buffer.from('[]');
        this.framed = undefined;
        this.base = 0;
        this.baseAt = 1;
        this.ends = [];
        this.states = [hashStart(this.type, OPEN)];
        return this.write(records, checkedJson);
      }
    }
    const { base, baseAt, ends, states } = this;
    /** Where record i (at least base - 1) ends, as last written (before `ends` is cut back below). */
    const endOf = (i: number): number => (i === base - 1 ? baseAt : ends[i - base]!);

    // The JSON of each record after the shared prefix: copied from here when only its place changed.
    let movedFrom: Map<AnyRecord, number> | undefined;
    const texts = new Array<Uint8Array>(records.length - same);
    const prefix = same > 0 ? endOf(same - 1) : 1;
    let length = prefix + 1;
    for (let i = same; i < records.length; i++) {
      const record = records[i]!;
      if (movedFrom === undefined && this.records.length > same) {
        movedFrom = new Map();
        for (let k = same; k < this.records.length; k++) movedFrom.set(this.records[k]!, k);
      }
      const was = movedFrom?.get(record);
      const text =
        was === undefined ? checkedJson(record) : this.bytes.subarray(was === 0 ? 1 : endOf(was - 1) + 1, endOf(was));
      if (text === undefined) return undefined;
      texts[i - same] = text;
      length += text.length + (i > 0 ? 1 : 0);
    }

    // The file's head goes in front of the records and `}` after them (see `file` below), so the
    // bytes are not copied again into a file. The last write's buffer is written over when it is
    // large enough: the records before the change are already in it, where they stay. Otherwise a
    // buffer of its own (never a slice of Node's pool), with room for the next saves to grow into.
    const need = HEAD_MAX + length + 1;
    const reuse =
      this.framed !== undefined && this.framed.length >= need && this.framed.length <= 2 * need + ROOM_TO_GROW;
    const framed = reuse ? this.framed! : Buffer.allocUnsafeSlow(need + Math.max(ROOM_TO_GROW, length >> 2));
    if (reuse) {
      // A moved record's bytes lie after the prefix, where this write goes: copied out first.
      for (let k = 0; k < texts.length; k++) if (texts[k]!.buffer === framed.buffer) texts[k] = Buffer.from(texts[k]!);
    } else this.bytes.copy(framed, HEAD_MAX, 0, prefix);
    const bytes = framed.subarray(HEAD_MAX, HEAD_MAX + length);
    // The ends and hash states of the shared prefix stay; the rest are made again below.
    ends.length = same - base;
    let at = prefix;
    for (let i = same; i < records.length; i++) {
      if (i > 0) bytes[at++] = COMMA_BYTE;
      const text = texts[i - same]!;
      bytes.set(text, at);
      at += text.length;
      ends.push(at);
    }
    bytes[at] = CLOSE_BYTE;
    const hashedTo = (i: number): number => (i === base ? baseAt : ends[i - 1 - base]!);

    const kept = Math.min(Math.floor((same - base) / CHECKPOINT), states.length - 1);
    states.length = kept + 1;
    const start = base + kept * CHECKPOINT;
    const hash = states[kept]!.copy();
    for (let k = start + CHECKPOINT; k <= records.length; k += CHECKPOINT) {
      hash.update(bytes.subarray(hashedTo(k - CHECKPOINT), hashedTo(k)));
      if (k < records.length) states.push(hash.copy());
    }
    const last = base + Math.floor((records.length - base) / CHECKPOINT) * CHECKPOINT;
    if (last < records.length) hash.update(bytes.subarray(hashedTo(last), at));
    hash.update(']');

    this.records = records;
    this.framed = framed;
    this.bytes = bytes;
    const digest = hash.digest('hex');
    return { bytes, digest, file: (savedAt) => frame(framed, partitionHead(savedAt, digest), length) };
  }

  /** How many records at the start of `records` are the very ones kept here, in the same places. */
  private sharedPrefix(records: readonly AnyRecord[]): number {
    let same = 0;
    const limit = Math.min(records.length, this.records.length);
    while (same < limit && records[same] === this.records[same]) same++;
    return same;
  }

  /**
   * Learns where records `from` .. base - 1 end, from the known part backwards: each is found by
   * its JSON (a record read from a file we wrote is the JSON.parse of exactly those bytes, which
   * JSON.stringify gives back), and the hash state at `from` is made by hashing the bytes before
   * it once. False when a record is not found where it should be.
   */
  private rebase(from: number): boolean {
    const found: number[] = [];
    let end = this.baseAt;
    for (let k = this.base - 1; k >= from; k--) {
      const text = Buffer.from(JSON.stringify(this.records[k]));
      const begin = end - text.length;
      const before = k === 0 ? OPEN_BRACKET : COMMA_BYTE;
      if (begin < 1 || this.bytes[begin - 1] !== before || !this.bytes.subarray(begin, end).equals(text)) return false;
      found.push(end);
      end = begin - 1;
    }
    this.ends = [...found.reverse(), ...this.ends];
    this.base = from;
    this.baseAt = from === 0 ? 1 : end;
    this.states = [hashStart(this.type, this.bytes.subarray(0, this.baseAt))];
    return true;
  }
}

/** A partition file's head: everything before the records array (with the records' digest when they are proven). */
function partitionHead(savedAt: number, digest: string | undefined): string {
  return `{"schemaVersion":${SCHEMA_VERSION},"savedAt":${savedAt},${digest === undefined ? '' : `"recordsSha256":"${digest}",`}"records":`;
}

/** A partition file's bytes: the head, the records array, `}`. */
export function partitionBytes(savedAt: number, recordsArray: Buffer, digest: string | undefined): Buffer {
  return Buffer.concat([Buffer.from(partitionHead(savedAt, digest), 'latin1'), recordsArray, END]);
}

/**
 * The file around a records array of `length` bytes written at HEAD_MAX into `framed`: the head
 * just before it, `}` just after. Writes into `framed`, so once per array.
 */
function frame(framed: Buffer, head: string, length: number): Buffer {
  const start = HEAD_MAX - head.length;
  framed.write(head, start, 'latin1');
  framed[HEAD_MAX + length] = CLOSING_BRACE;
  return framed.subarray(start, HEAD_MAX + length + 1);
}

/** The records array's bytes, without keeping anything (a file that will not be proven). */
export function recordsArrayBytes(records: readonly Uint8Array[]): Buffer {
  const parts: Uint8Array[] = [OPEN];
  for (let i = 0; i < records.length; i++) {
    if (i > 0) parts.push(COMMA);
    parts.push(records[i]!);
  }
  parts.push(CLOSE);
  return Buffer.concat(parts);
}

/**
 * Whether `bytes` are a partition file of `type` exactly as we write it (current data version),
 * with records whose bytes match the hash written beside them. Anything else answers false and is
 * checked in full. (The file must also parse as JSON; the caller parses it either way.)
 */
export function recordsAreProven(type: RecordType, file: string | Uint8Array): boolean {
  return provenRecords(type, file) !== undefined;
}

/** A proven file's records array (`[` to `]`, as text or bytes) and the digest it carries. */
export interface RecordsProof<A extends string | Buffer = string> {
  array: A;
  digest: string;
}

/**
 * For a file recordsAreProven accepts (as bytes, or as the text they decode to), its records
 * array (of the same kind) and their digest; otherwise undefined.
 */
export function provenRecords<F extends string | Uint8Array>(
  type: RecordType,
  file: F,
): RecordsProof<F extends string ? string : Buffer> | undefined;
export function provenRecords(type: RecordType, file: string | Uint8Array): RecordsProof<string | Buffer> | undefined {
  const text = typeof file === 'string';
  const last = file.length - 1;
  if (last < 1 || (text ? file.charCodeAt(last) : file[last]) !== CLOSING_BRACE) return undefined;
  const head = text
    ? file.slice(0, HEAD_MAX)
    : Buffer.from(file.buffer, file.byteOffset, Math.min(HEAD_MAX, file.length)).toString('latin1');
  const match = HEAD_RE.exec(head);
  if (!match || Number(match[1]) !== SCHEMA_VERSION) return undefined;
  // The records start at the array's `[`, the last character the pattern matched (the head is
  // ASCII, so a text's index is the bytes' index). A text is hashed as its UTF-8 bytes.
  const start = match[0].length - 1;
  const array = text ? file.slice(start, last) : Buffer.from(file.buffer, file.byteOffset + start, last - start);
  const digest = recordsDigest(type, array);
  return digest === match[3] ? { array, digest } : undefined;
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
