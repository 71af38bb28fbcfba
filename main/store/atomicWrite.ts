// The one way Backstride writes a whole file: partitions, settings, backups, exports and files
// kept aside in damaged/. A crash, a power cut or a full disk leaves either the old file or the
// new one, never a mix and never a cut-off file in place of a good one.
//
// On a nearly full disk `write(2)` writes what fits and returns a short count without an error;
// a writer that ignores the count (as the atomic-write library under conf/electron-store does)
// renames a cut-off file over the good one. Here every write loops until all bytes are down or
// throws, and the temp file's size (and, where asked, its bytes) is checked before the rename.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Temp files of an atomic write: `<target>.tmp-<random UUID>` (older versions: random hex). */
export const TEMP_FILE_RE = /\.tmp-[\w-]+$/;

/** An I/O error that names what went wrong; `code` lets the doors tell a full disk from other failures. */
function ioError(message: string, code = 'EIO'): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}

/** Writes every byte of `bytes` at the file's current position, or throws. */
export function writeAll(fd: number, bytes: Uint8Array): void {
  let offset = 0;
  while (offset < bytes.length) {
    const written = fs.writeSync(fd, bytes, offset, bytes.length - offset);
    // A write that makes no progress would loop for ever; the disk has stopped taking bytes.
    if (written <= 0) throw ioError(`The disk took none of the last ${bytes.length - offset} bytes.`, 'ENOSPC');
    offset += written;
  }
}

/** Syncs a folder so a rename in it survives power loss. */
export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Some platforms (Windows) cannot open a folder for syncing; the rename is still atomic there.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

export interface AtomicWriteOptions {
  /**
   * Read the temp file back and compare it with what was meant before the rename (backups: the
   * copy a restore depends on must be proven whole, not only the right length).
   */
  readBack?: boolean;
}

/**
 * Writes a whole file: a temp file with a random name beside the target, created exclusively
 * (`wx`, so a planted file or symlink at that name is never written through), every byte
 * written, fsynced, its size (and with `readBack` its content) checked, renamed over the
 * target, and the folder fsynced. On any failure the target is untouched and the temp removed.
 */
export function writeFileAtomic(target: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): void {
  const temp = writeTemp(target, data, options);
  try {
    fs.renameSync(temp, target);
  } catch (error) {
    removeQuietly(temp);
    throw error;
  }
  fsyncDir(path.dirname(target));
}

/**
 * Replaces several files all or nothing (a restore): every new file is first written whole
 * beside its target; only then are they swapped in, each old file kept under a temp name (a
 * hard link: no copy, no space) until all are in. If any step fails, the files swapped so far
 * get their old content back, the temps go, and the error is thrown: the folder is as before.
 * (A crash in the middle of the swap itself can leave some files new and some old; the caller
 * keeps a backup of the old state for that.)
 */
export function replaceFilesAtomically(files: ReadonlyArray<{ target: string; data: string | Uint8Array }>): void {
  const staged: Array<{ target: string; temp: string; old?: string; swapped?: boolean }> = [];
  try {
    for (const { target, data } of files) staged.push({ target, temp: writeTemp(target, data) });
    for (const file of staged) {
      if (fs.lstatSync(file.target, { throwIfNoEntry: false })) {
        const old = tempName(file.target);
        try {
          fs.linkSync(file.target, old);
        } catch (error) {
          // A file system without hard links: a real copy then.
          if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw error;
          fs.copyFileSync(file.target, old, fs.constants.COPYFILE_EXCL);
        }
        file.old = old;
      }
      fs.renameSync(file.temp, file.target);
      file.swapped = true;
    }
  } catch (error) {
    for (const file of staged.reverse()) {
      try {
        if (file.swapped) {
          if (file.old) fs.renameSync(file.old, file.target);
          else fs.rmSync(file.target, { force: true });
        }
      } catch {
        // Nothing more can be done for this file; the caller's backup holds its old content.
      }
      removeQuietly(file.temp);
      if (file.old) removeQuietly(file.old);
    }
    for (const dir of new Set(files.map((file) => path.dirname(file.target)))) fsyncDir(dir);
    throw error;
  }
  for (const file of staged) if (file.old) removeQuietly(file.old);
  for (const dir of new Set(files.map((file) => path.dirname(file.target)))) fsyncDir(dir);
}

function tempName(target: string): string {
  // randomUUID draws from an entropy cache: a few µs, where randomBytes cost 15-25 on every save.
  return `${target}.tmp-${crypto.randomUUID()}`;
}

/** Writes `data` whole into a new temp file beside `target` and returns its path; removes it and throws on failure. */
function writeTemp(target: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): string {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const temp = tempName(target);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, 'wx');
    writeAll(fd, bytes);
    fs.fsyncSync(fd);
    const size = fs.fstatSync(fd).size;
    if (size !== bytes.length) {
      throw ioError(`${path.basename(target)} was cut short while writing (${size} of ${bytes.length} bytes).`);
    }
    fs.closeSync(fd);
    fd = undefined;
    if (options.readBack && !digest(fs.readFileSync(temp)).equals(digest(bytes))) {
      throw ioError(`${path.basename(target)} did not read back as written.`);
    }
    return temp;
  } catch (error) {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // The write's own error is the one to report.
      }
    }
    removeQuietly(temp);
    throw error;
  }
}

function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // A temp we cannot remove is ignored by every reader and removed by the next writer.
  }
}

function digest(bytes: Uint8Array): Buffer {
  return crypto.createHash('sha256').update(bytes).digest();
}
