// One import's parsing, as the import worker runs it: every file in turn, one unpack budget for
// them all, progress after each file. Pure parsing: nothing here touches the log.
import type { ImportProgress } from '../../shared/api';
import type { ParsedImport } from '../../shared/csv/types';
import type { CustomExercise } from '../../shared/model';
import { newUnpackBudget } from './common';
import { parseImportBuffer, parseImportPath } from './detect';

/** A file to parse: its bytes (an upload or a drop) or a path on disk (the CLI). */
export interface ImportJobFile {
  name: string;
  bytes?: Uint8Array;
  path?: string;
}

export interface ImportJob {
  files: ImportJobFile[];
  customExercises: readonly CustomExercise[];
}

export async function runImportJob(
  job: ImportJob,
  onProgress: (progress: ImportProgress) => void = () => undefined,
): Promise<ParsedImport[]> {
  const budget = newUnpackBudget();
  const options = { customExercises: job.customExercises, budget };
  const parsed: ParsedImport[] = [];
  const filesTotal = job.files.length;
  for (const [index, file] of job.files.entries()) {
    onProgress({ filesDone: index, filesTotal, file: file.name });
    if (file.bytes !== undefined) parsed.push(...(await parseImportBuffer(file.name, file.bytes, options)));
    else parsed.push(...(await parseImportPath(file.path ?? file.name, options)));
  }
  onProgress({ filesDone: filesTotal, filesTotal });
  return parsed;
}
