// The import worker's entry (a worker thread): parses one import's files off the main thread,
// so the window and the browser-mode server stay responsive, and reports progress, the result
// and what it cost (time and heap), which the tests of crafted files assert.
import { parentPort, workerData } from 'node:worker_threads';
import v8 from 'node:v8';
import { runImportJob, type ImportJob } from './files/importJob';
import type { ImportWorkerMessage } from './importRunner';

const post = (message: ImportWorkerMessage): void => parentPort?.postMessage(message);

const started = performance.now();
runImportJob(workerData as ImportJob, (progress) => post({ type: 'progress', progress }))
  .then((parsed) => {
    const heap = v8.getHeapStatistics();
    post({
      type: 'done',
      parsed,
      // The committed heap only shrinks lazily after a collection: close to the job's peak.
      stats: { elapsedMs: performance.now() - started, heapBytes: heap.total_heap_size + heap.external_memory },
    });
  })
  .catch((error: unknown) => post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }));
