// Reading .zip archives with fflate, with size caps so a crafted archive cannot fill the memory.
import { unzipSync } from 'fflate';
import { MAX_IMPORT_BYTES, MAX_IMPORT_LABEL, refuse } from './common';

export interface ZipEntry {
  name: string;
  /** Unpacked size as the archive declares it. */
  size: number;
}

export function isZip(bytes: Uint8Array): boolean {
  // Local file header, or the end record of an empty archive.
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

/** The archive's files (folders left out), without unpacking anything. */
export function listZip(bytes: Uint8Array): ZipEntry[] {
  const entries: ZipEntry[] = [];
  try {
    unzipSync(bytes, {
      filter: (info) => {
        if (!info.name.endsWith('/')) entries.push({ name: info.name, size: info.originalSize });
        return false;
      },
    });
  } catch {
    refuse('it is not a valid zip archive (it may be damaged or incomplete).');
  }
  return entries;
}

/**
 * Unpacks one entry. fflate sizes its output buffer from the declared size and never grows it,
 * so checking that size bounds the memory even if the archive lies about it.
 */
export function readZipEntry(bytes: Uint8Array, name: string): Uint8Array {
  let found: Uint8Array | undefined;
  try {
    const files = unzipSync(bytes, {
      filter: (info) => {
        if (info.name !== name) return false;
        if (info.originalSize > MAX_IMPORT_BYTES) {
          refuse(
            `${name} in the archive unpacks to more than ${MAX_IMPORT_LABEL}, the largest file Backstride imports.`,
          );
        }
        return true;
      },
    });
    found = files[name];
  } catch (error) {
    if (error instanceof Error && error.name === 'ImportFailure') throw error;
    refuse(`${name} in the archive could not be unpacked (the archive may be damaged).`);
  }
  if (found === undefined) refuse(`${name} is not in the archive.`);
  return found;
}
