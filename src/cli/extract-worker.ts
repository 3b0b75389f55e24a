/**
 * Worker thread of `onrecord extract`: compiles the finder once from the
 * entities it is given, then extracts each file the main thread sends and
 * posts the result back. Built to dist/cli/extract-worker.mjs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Entity } from '../core/corpus/schema.ts';
import { createFileExtractor } from './extract-file.ts';
import { cachedStatementFinder } from './matcher-cache.ts';

interface Job {
  id: number;
  file: string;
  full: string;
}

const { entities, keepText } = workerData as { entities: Entity[]; keepText: boolean };
// The matcher from the build's cache (compiled once per record, not once per worker and run).
const extract = createFileExtractor(entities, undefined, cachedStatementFinder(entities));
parentPort!.on('message', (job: Job | null) => {
  if (job === null) {
    parentPort!.close();
    return;
  }
  extract(job.file, job.full, keepText).then(
    (result) => parentPort!.postMessage({ id: job.id, result }),
    (e: unknown) => parentPort!.postMessage({ id: job.id, result: { file: job.file, error: e instanceof Error ? e.message : String(e) } }),
  );
});
