// Reading a file of the data folder: never through a symbolic link, and only a regular file.
import fs from 'node:fs';

/** The bytes of `file`; throws when it is a symbolic link (ELOOP) or not a regular file. */
export function readPlainFile(file: string): Buffer;
/** The text of `file` (UTF-8), read in one step without a Buffer in between: what loading reads. */
export function readPlainFile(file: string, encoding: 'utf8'): string;
export function readPlainFile(file: string, encoding?: 'utf8'): Buffer | string {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
  try {
    if (!fs.fstatSync(fd).isFile()) throw new Error('it is not a regular file');
    return encoding ? fs.readFileSync(fd, encoding) : fs.readFileSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
