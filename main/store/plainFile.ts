// Reading a file of the data folder: never through a symbolic link, and only a regular file.
import fs from 'node:fs';

/** The bytes of `file`; throws when it is a symbolic link (ELOOP) or not a regular file. */
export function readPlainFile(file: string): Buffer {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
  try {
    if (!fs.fstatSync(fd).isFile()) throw new Error('it is not a regular file');
    return fs.readFileSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
