// Reading .zip archives: the central directory says what is inside, and each entry is inflated
// with zlib under a cap (its declared size, the per-file limit, or what the import may still
// unpack, whichever is smallest). zlib stops as soon as the output passes the cap, so an entry
// that declares 1 KB but inflates to 10 GB costs a few kilobytes of work, not minutes.
import { inflateRawSync } from 'node:zlib';
import {
  chargeUnpacked,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_LABEL,
  newUnpackBudget,
  refuse,
  totalUnpackedReason,
  type UnpackBudget,
} from './common';

export interface ZipEntry {
  name: string;
  /** Unpacked size as the archive declares it. */
  size: number;
  compressedSize: number;
  method: number;
  /** Where the entry's local header starts. */
  offset: number;
}

export interface ZipArchive {
  entries: ZipEntry[];
  /** Unpacks one entry by name (each call charges the import's budget). */
  read(name: string): Uint8Array;
  /** The import's budget, for files unpacked from the entries (gzip inside the archive). */
  budget: UnpackBudget;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
const UTF8_NAMES = 0x800;

export function isZip(bytes: Uint8Array): boolean {
  // Local file header, or the end record of an empty archive.
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

const damaged = (): never => refuse('it is not a valid zip archive (it may be damaged or incomplete).');

/** The end-of-central-directory record: in the last 22 bytes, or before a comment of up to 64 KB. */
function endRecord(view: DataView): number {
  for (let at = view.byteLength - 22; at >= Math.max(0, view.byteLength - 22 - 0xffff); at -= 1) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) return at;
  }
  return damaged();
}

/** The archive's files (folders left out), from its central directory, without unpacking anything. */
export function listZip(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = endRecord(view);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count === 0xffff || at === 0xffffffff) {
    refuse('it is a ZIP64 archive (over 4 GB or 65,535 files), which Backstride does not read.');
  }
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== DIRECTORY_ENTRY) damaged();
    const flags = view.getUint16(at + 8, true);
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (at + 46 + nameLength > bytes.length) damaged();
    const rawName = bytes.subarray(at + 46, at + 46 + nameLength);
    const name = Buffer.from(rawName.buffer, rawName.byteOffset, rawName.length).toString(
      flags & UTF8_NAMES ? 'utf8' : 'latin1',
    );
    const entry: ZipEntry = {
      name,
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      offset: view.getUint32(at + 42, true),
    };
    if (!name.endsWith('/')) entries.push(entry);
    at += 46 + skip;
  }
  return entries;
}

/**
 * Unpacks one entry, never past the smallest of its declared size, the per-file limit and the
 * import's remaining budget.
 */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, budget: UnpackBudget = newUnpackBudget()): Uint8Array {
  const { name } = entry;
  if (entry.size > MAX_IMPORT_BYTES) {
    refuse(`${name} in the archive unpacks to more than ${MAX_IMPORT_LABEL}, the largest file Backstride imports.`);
  }
  if (entry.size > budget.remaining) refuse(totalUnpackedReason());
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const unreadable = (): never => refuse(`${name} in the archive could not be unpacked (the archive may be damaged).`);
  if (entry.offset + 30 > bytes.length || view.getUint32(entry.offset, true) !== LOCAL_HEADER) unreadable();
  const start = entry.offset + 30 + view.getUint16(entry.offset + 26, true) + view.getUint16(entry.offset + 28, true);
  if (start + entry.compressedSize > bytes.length) unreadable();
  const packed = bytes.subarray(start, start + entry.compressedSize);

  let data: Uint8Array;
  if (entry.method === STORED) {
    if (packed.length !== entry.size) unreadable();
    data = packed;
  } else if (entry.method === DEFLATED) {
    try {
      // Past the declared size zlib stops at once: the archive lies about this entry.
      data = inflateRawSync(packed, { maxOutputLength: Math.max(1, entry.size) });
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') {
        refuse(
          `${name} in the archive unpacks to more than the ${entry.size.toLocaleString('en')} bytes it declares, so the archive is damaged or was made to fill the memory; nothing in it was unpacked further.`,
        );
      }
      return unreadable();
    }
    if (data.length !== entry.size) unreadable();
  } else {
    return refuse(`${name} in the archive is packed with a method Backstride cannot unpack (only deflate).`);
  }
  chargeUnpacked(budget, data.length);
  return data;
}

/** Reads the directory once; entries are then unpacked by name. */
export function openZip(bytes: Uint8Array, budget: UnpackBudget = newUnpackBudget()): ZipArchive {
  const entries = listZip(bytes);
  const byName = new Map(entries.map((e) => [e.name, e]));
  return {
    entries,
    budget,
    read(name) {
      const entry = byName.get(name);
      if (entry === undefined) refuse(`${name} is not in the archive.`);
      return readZipEntry(bytes, entry, budget);
    },
  };
}
