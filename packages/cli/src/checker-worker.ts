// The checking worker thread: its script and limits, and a way to start one before the command line has
// loaded its own modules, so that the engine loads in that thread while this one gets ready.
import { Worker } from 'node:worker_threads';
import { parseCliArgs } from './args.js';

/** The worker's script: beside this module once built; the built one when this module runs from source (tests). */
export const WORKER_SCRIPT = new URL(import.meta.url.endsWith('.ts') ? '../dist/worker.js' : './worker.js', import.meta.url);
/** A worker whose heap grows past this is stopped; only the file it was checking is lost. */
const WORKER_HEAP_MB = 1024;
export const WORKER_LIMITS = { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 48 } as const;

let early: Worker | undefined;

/**
 * Start one checking worker now, for a command line that will check files in workers: one with a time limit
 * per file (the default), without the cache (which may answer for every file, and then no engine is needed).
 * Loading the engine takes about as long as loading the command line's own modules; on two cores the two
 * overlap. A worker no batch takes does not keep the process alive.
 */
export function startWorkerEarly(argv: string[]): void {
  let options;
  try {
    options = parseCliArgs(argv);
  } catch {
    return; // the command line reports the usage error
  }
  if (options.help || options.version || options.cache || options.patterns.length === 0 || options.maxFileTime === 0) return;
  early = new Worker(WORKER_SCRIPT, { resourceLimits: WORKER_LIMITS });
  early.unref();
}

/** The worker started early, if there is one and no pool has taken it yet. */
export function takeEarlyWorker(): Worker | undefined {
  const w = early;
  early = undefined;
  w?.ref();
  return w;
}
