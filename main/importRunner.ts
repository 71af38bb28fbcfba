// Runs an import's parsing in a worker thread (main/importWorker.ts) with a memory ceiling, and
// lets the caller follow its progress and cancel it. Works in the built app (electron-vite builds
// the worker as out/main/importWorker.js) and from source under tsx or vitest (the worker then
// registers tsx itself to load the TypeScript entry).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { ParsedImport } from '../shared/csv/types';
import { ServiceError } from './errors';
import type { ImportProgress } from '../shared/api';
import { runImportJob, type ImportJob } from './files/importJob';

/** Heap a worker may use: far above a real export, well below what would take the machine down. */
export const IMPORT_WORKER_HEAP_MB = 2048;

export interface ImportJobStats {
  elapsedMs: number;
  /** The worker's heap (committed, plus external memory) when it finished. */
  heapBytes: number;
}

export type ImportWorkerMessage =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; parsed: ParsedImport[]; stats: ImportJobStats }
  | { type: 'failed'; message: string };

function startWorker(options: WorkerOptions): Worker {
  const here = import.meta.dirname;
  // Built: out/main/importWorker.js, next to this bundle or one folder up (from out/main/chunks).
  for (const built of [path.join(here, 'importWorker.js'), path.join(here, '..', 'importWorker.js')]) {
    if (fs.existsSync(built)) return new Worker(built, options);
  }
  const source = path.join(here, 'importWorker.ts');
  const tsxPackage = createRequire(import.meta.url).resolve('tsx/package.json');
  const tsx = path.join(path.dirname(tsxPackage), 'dist', 'esm', 'api', 'index.mjs');
  const bootstrap = `import(${JSON.stringify(pathToFileURL(tsx).href)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(source).href)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}

export function parseInWorker(
  job: ImportJob,
  options: { onProgress?: (progress: ImportProgress) => void; signal?: AbortSignal } = {},
): Promise<{ parsed: ParsedImport[]; stats: ImportJobStats }> {
  if (options.signal?.aborted) return Promise.reject(cancelled());
  const transferList = job.files.flatMap((f) => (f.bytes ? [f.bytes.buffer as ArrayBuffer] : []));
  const worker = startWorker({
    workerData: job,
    transferList,
    resourceLimits: { maxOldGenerationSizeMb: IMPORT_WORKER_HEAP_MB },
    stdout: false,
    stderr: false,
  });
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      outcome();
      void worker.terminate();
    };
    const onAbort = (): void => settle(() => reject(cancelled()));
    options.signal?.addEventListener('abort', onAbort);
    worker.on('message', (message: ImportWorkerMessage) => {
      if (message.type === 'progress') options.onProgress?.(message.progress);
      else if (message.type === 'done') settle(() => resolve({ parsed: message.parsed, stats: message.stats }));
      else settle(() => reject(new ServiceError('internal', `Reading the files failed: ${message.message}`)));
    });
    worker.on('error', (error: Error & { code?: string }) => {
      settle(() =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new ServiceError(
                'invalid_input',
                `Reading the files needed more than ${IMPORT_WORKER_HEAP_MB / 1024} GB of memory, the most an import may use, so nothing was imported. Import fewer or smaller files.`,
              )
            : new ServiceError('internal', `Reading the files failed: ${error.message}`),
        ),
      );
    });
    worker.on('exit', (code) => {
      settle(() => reject(new ServiceError('internal', `Reading the files stopped unexpectedly (exit code ${code}).`)));
    });
  });
}

/** The same parsing in this thread, for tests of the import rules that run it many times. */
export const parseInProcess: typeof parseInWorker = async (job, options = {}) => {
  const started = performance.now();
  const parsed = await runImportJob(job, options.onProgress);
  return { parsed, stats: { elapsedMs: performance.now() - started, heapBytes: process.memoryUsage().heapTotal } };
};

function cancelled(): ServiceError {
  return new ServiceError('cancelled', 'The import was cancelled; nothing was imported.');
}
