// Worker threads on this project's own modules.
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a worker thread running `moduleUrl`. A TypeScript module runs through tsx's loader, registered inside the
 * worker: a worker does not inherit the loader of a test runner, and registering it again under `tsx` is harmless.
 */
export function startWorker(moduleUrl: string, workerData: unknown, options: Omit<WorkerOptions, 'workerData'> = {}): Worker {
  if (!moduleUrl.endsWith('.ts')) return new Worker(new URL(moduleUrl), { ...options, workerData });
  const entry = `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))}; register(); await import(${JSON.stringify(moduleUrl)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(entry)}`), { ...options, workerData });
}
