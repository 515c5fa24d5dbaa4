import { createHash } from 'node:crypto';
import { statSync, type Stats } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import { MAX_CASE_DOCUMENTS, type RawConfig, type ResolvedConfig } from '@caselint/core/config';
import { calculateConfigForFile, caseRootFor, isPathIgnored, withLayer } from '@caselint/core/policy';
import { errnoError, refusalByStat } from '@caselint/core/errors';
import { fatalResult } from '@caselint/core/report';
import type { CaseFact, CaseRecord } from '@caselint/core';
import { configHash, type CacheEntry, type ResultCache } from './cache.js';
import type { CheckedFile, CheckTask } from './check-file.js';
import type { Target } from './files.js';
import { takeEarlyWorker, WORKER_LIMITS, WORKER_SCRIPT } from './checker-worker.js';
import { WorkerPool } from './pool.js';
import { resultFromText, type FileResult, type FindingsText } from './result.js';

export type { FileResult } from './result.js';

export interface BatchSettings {
  /** Threads that check files (this one and jobs - 1 workers); undefined: one per core for a large batch, else 1. */
  jobs?: number;
  /** --config: use this file only. */
  configFile?: string;
  /** --rule overrides, applied on top of each file's configuration. */
  overrides?: RawConfig;
  /** --max-file-size, over the configuration's. */
  maxFileSize?: number;
  /** --max-file-time in seconds, over the configuration's (0: no limit). */
  maxFileTime?: number;
  /** Honour "ignores" in configuration for files found by walking folders. */
  ignore: boolean;
  /** Attach each finding's sentence (the HTML report shows it). */
  snippets: boolean;
  /** Keep the checked text of .docx files (--annotate). */
  keepDocxText: boolean;
  cache?: ResultCache;
  /** Called as each file finishes, in finishing order (progress). */
  onFile?: (result: FileResult) => void;
  /** Called once the work is known: how many files will be reported. */
  onStart?: (total: number) => void;
  /** Called for each result in path order, as soon as every earlier file has finished (streamed reports). */
  onResult?: (result: FileResult) => void;
  /** Keep each result's findings in the returned list (default true); false keeps only counts, bounding memory. */
  keepFindings?: boolean;
  /** --cases: folders each of which is one case (absolute paths). */
  caseRoots?: ReadonlySet<string>;
  /**
   * Which files' dated facts and claims to gather, for `onRecord`: every file's (--chronology), or only those of
   * declared cases (the HTML report's case timelines). Such a file's result is not taken from the cache.
   */
  records?: 'all' | 'cases';
  /** Called with what a checked file records and claims, dated, and its case folder. */
  onRecord?: (path: string, caseRoot: string | undefined, record: CaseRecord) => void;
  /** Called with a notice about the batch as a whole (a case too large to pool), for standard error. */
  onNotice?: (message: string) => void;
  /** The most documents a case is pooled for (default MAX_CASE_DOCUMENTS). */
  maxCaseDocuments?: number;
}

/**
 * Below this much text to check, worker threads cost more than they save: each one loads the engine and warms up
 * its JIT compiler (about 0.6 s of CPU), which on 2 cores competes with the checking itself. Measured on 2 cores
 * (npm run bench): 10.5 MB, two threads 0.95 x one; 21 MB, 1.0 x; 63 MB, 1.2 x.
 */
const WORKERS_WORTH_IT_BYTES = 32 * 1024 * 1024;
/** Files a worker holds at once: one being checked while the next one is read. */
const PER_WORKER = 2;
/** Tasks handed to the pool per worker: enough to keep them busy, few enough to bound memory. */
const AHEAD_PER_WORKER = 4;

/**
 * Check every target and return their results in target order (the targets come sorted by path), whatever
 * order the files finish in. Configuration is resolved and the cache consulted here, in the main thread; the
 * checking itself runs in worker threads (or in this thread with one job). Workers send back findings as text (see result.ts).
 * Files left out by "ignores" are dropped from the results.
 */
export async function runBatch(targets: readonly Target[], settings: BatchSettings): Promise<FileResult[]> {
  const results: (FileResult | null | undefined)[] = new Array(targets.length);
  const tasks: CheckTask[] = [];
  const cache = settings.cache;
  const snippets = settings.snippets; // sentences only for the HTML report: a cached result without them is re-checked for one
  const effective = effectiveConfigs(settings);
  const hashes = new Map<string, string>();
  const stats = new Map<number, Stats>();
  const caseOf = new Map<number, string>();
  let pendingBytes = 0;
  let ignored = 0;
  const ready: FileResult[] = [];

  targets.forEach((target, index) => {
    if (target.missing) {
      results[index] = fatalResult(target.path, 'does not exist (no file, folder or glob match)', 'not-found');
      ready.push(results[index]!);
      return;
    }
    if (target.problem) {
      results[index] = fatalResult(target.path, target.problem.message, target.problem.code);
      ready.push(results[index]!);
      return;
    }
    const config = effective(target.path);
    if (settings.ignore && !target.explicit && isPathIgnored(config, target.path)) {
      results[index] = null;
      ignored++;
      return;
    }
    const maxFileSize = settings.maxFileSize ?? config.maxFileSize;
    // What the file system alone says (missing, a loop, a folder or pipe, too large) needs no check, nor the engine.
    let info: Stats;
    try {
      info = statSync(target.path);
    } catch (e) {
      const error = errnoError(e);
      results[index] = fatalResult(target.path, error.message, error.code);
      ready.push(results[index]!);
      return;
    }
    const refusal = refusalByStat(info, maxFileSize);
    if (refusal) {
      results[index] = fatalResult(target.path, refusal.message, refusal.code);
      ready.push(results[index]!);
      return;
    }
    pendingBytes += info.size;
    stats.set(index, info);
    const caseRoot = caseRootFor(target.path, config, settings.caseRoots);
    if (caseRoot) caseOf.set(index, caseRoot);
    const maxFileTime = settings.maxFileTime ?? config.maxFileTime;
    const record = settings.records === 'all' || (settings.records === 'cases' && !!caseRoot);
    tasks.push({ index, path: target.path, config, maxFileSize, maxFileTime, snippets, hash: !!cache, keepDocxText: settings.keepDocxText, ...(record ? { record } : {}) });
  });

  settings.onStart?.(targets.length - ignored);
  for (const r of ready) settings.onFile?.(r);

  // By default one checking thread per core for a batch large enough to pay for the workers; else this thread alone.
  const defaultJobs = pendingBytes >= WORKERS_WORTH_IT_BYTES ? availableParallelism() : 1;
  const run = async (list: CheckTask[], accept: (c: CheckedFile) => void) => {
    const jobs = Math.min(settings.jobs ?? defaultJobs, Math.max(1, list.length));
    // A check that runs past its time limit can only be stopped by ending the thread it runs in, so with a limit
    // (the default) every check runs in a worker, --jobs 1 included: this thread only hands out files and collects results.
    if (list.some((t) => t.maxFileTime > 0)) await checkInWorkers(list, jobs, accept, false);
    else if (jobs <= 1) {
      void takeEarlyWorker()?.terminate(); // the configuration turned the time limit off: no worker is needed
      await checkInProcess(list, accept);
    }
    else await checkInWorkers(list, jobs, accept, true);
  };

  // A case is checked in two passes: first what each of its documents records, then each document against the rest.
  const cases = await gatherCases(tasks, caseOf, settings, run);

  const toCheck: CheckTask[] = [];
  for (const task of tasks) {
    const inCase = cases.get(task.index);
    if (inCase?.facts.length) task.caseFacts = inCase.facts;
    if (cache) {
      const info = stats.get(task.index)!;
      // Findings that answer to a case are valid only with the same case facts.
      const key = configHash(task.config, task.maxFileSize) + (inCase?.facts.length ? `+${inCase.hash}` : '');
      hashes.set(task.path, key);
      const entry = cache.get(task.path);
      const usable = entry && entry.config === key && (entry.snippets || !snippets) && !task.record && !(settings.keepDocxText && /\.docx$/i.test(task.path));
      if (usable && info.size === entry.size && info.mtimeMs === entry.mtimeMs) {
        // Fast path: same size and modification time; the file is not opened.
        results[task.index] = cachedResult(task.path, entry);
        cache.hits++;
        settings.onFile?.(results[task.index]!);
        continue;
      }
      if (usable && info.size === entry.size) task.knownHash = entry.hash;
    }
    toCheck.push(task);
  }

  // Results go out in path order: each one as soon as all before it have finished (or were left out).
  let next = 0;
  const emitReady = () => {
    while (next < targets.length && results[next] !== undefined) {
      const r = results[next];
      if (r) {
        settings.onResult?.(r);
        if (settings.keepFindings === false) results[next] = { filePath: r.filePath, findings: [], errorCount: r.errorCount, warningCount: r.warningCount, ...(r.fatal ? { fatal: r.fatal } : {}) };
      }
      next++;
    }
  };
  emitReady();

  const taskAt = new Map(toCheck.map((t) => [t.index, t]));
  const accept = (checked: CheckedFile) => {
    const task = taskAt.get(checked.index);
    const path = targets[checked.index]!.path;
    const { errorCount, warningCount } = checked.result;
    let result: FileResult = checked.result;
    if (checked.text) {
      result = resultFromText(path, errorCount, warningCount, checked.text);
      if (checked.result.document) result.document = checked.result.document;
    }
    if (checked.record) settings.onRecord?.(path, caseOf.get(checked.index), checked.record);
    if (cache) {
      const entry = cache.get(path);
      if (checked.unchanged && entry) {
        // Touched, not changed: the bytes hash the same.
        cache.touch(path, checked.size!, checked.mtimeMs!);
        cache.hits++;
        result = cachedResult(path, entry);
      } else {
        cache.misses++;
        // Cached: findings, and refusals decided by the bytes alone (binary, a damaged .docx); never a file that
        // could not be read or a failed check (checkFile leaves no hash for those).
        if (checked.contentHash && checked.size !== undefined && checked.mtimeMs !== undefined) {
          cache.set(path, {
            size: checked.size, mtimeMs: checked.mtimeMs, hash: checked.contentHash, config: hashes.get(path)!, snippets: task?.snippets ?? snippets,
            errorCount, warningCount, text: checked.text ?? NO_FINDINGS, ...(result.fatal ? { fatal: result.fatal } : {}),
          });
        } else cache.delete(path);
      }
    }
    results[checked.index] = result;
    settings.onFile?.(result);
    emitReady();
  };

  await run(toCheck, accept);
  emitReady();
  void takeEarlyWorker()?.terminate(); // started for files the cache or a refusal answered

  return results.filter((r): r is FileResult => r !== null && r !== undefined);
}

export { MAX_CASE_DOCUMENTS };

/**
 * The first pass over each case of two or more documents: what each document records, gathered without running the
 * sentence rules. Returns, by task index, what its case records (one array and one hash per case, shared by its
 * documents: each sets its own facts aside by its path), so the work stays linear in the case's size.
 */
async function gatherCases(
  tasks: CheckTask[],
  caseOf: ReadonlyMap<number, string>,
  settings: BatchSettings,
  run: (list: CheckTask[], accept: (c: CheckedFile) => void) => Promise<void>,
): Promise<Map<number, { facts: CaseFact[]; hash: string }>> {
  const members = new Map<string, CheckTask[]>();
  for (const task of tasks) {
    const root = caseOf.get(task.index);
    if (!root) continue;
    const list = members.get(root);
    if (list) list.push(task);
    else members.set(root, [task]);
  }
  const firstPass: CheckTask[] = [];
  const max = settings.maxCaseDocuments ?? MAX_CASE_DOCUMENTS;
  const pooled = (list: CheckTask[]) => list.length >= 2 && list.length <= max;
  for (const [root, list] of members) {
    if (list.length > max) {
      settings.onNotice?.(`the case ${root} holds ${list.length} documents, more than ${max}: each is checked on its own, not against the case`);
      continue;
    }
    if (!pooled(list)) continue;
    for (const t of list) firstPass.push({ ...t, factsOnly: true, hash: false, record: false, snippets: false, keepDocxText: false });
  }
  const out = new Map<number, { facts: CaseFact[]; hash: string }>();
  if (!firstPass.length) return out;
  const factsOf = new Map<number, CaseFact[]>();
  // A document that cannot be read adds nothing here; its own check reports why.
  await run(firstPass, (checked) => factsOf.set(checked.index, checked.facts ?? []));
  for (const list of members.values()) {
    if (!pooled(list)) continue;
    const facts = list.flatMap((t) => factsOf.get(t.index) ?? []);
    const shared = { facts, hash: factsHash(facts) };
    for (const t of list) out.set(t.index, shared);
  }
  return out;
}

/** A case's facts as a short hash, for the cache key of the documents that answer to them. */
function factsHash(facts: CaseFact[]): string {
  return createHash('sha256').update(JSON.stringify(facts)).digest('hex').slice(0, 32);
}

/** --jobs 1: no workers, one Linter here. Each file awaits its reads, so a progress bar still redraws. */
async function checkInProcess(tasks: CheckTask[], accept: (c: CheckedFile) => void): Promise<void> {
  if (!tasks.length) return;
  const check = await loadChecker();
  for (const task of tasks) accept(await check(task));
}

/** The engine, loaded only when a file needs checking: a run that the cache answers never loads it. */
async function loadChecker(): Promise<(task: CheckTask) => Promise<CheckedFile>> {
  const [{ checkFile }, { Linter }, { rules }] = await Promise.all([import('./check-file.js'), import('@caselint/core'), import('@caselint/rules')]);
  const linter = new Linter(rules);
  return (task) => checkFile(task, linter);
}

/** The one error of a file abandoned for its time: "took longer than 30 s to check; skipped". */
export function timeoutResult(task: CheckTask): CheckedFile {
  return { index: task.index, result: fatalResult(task.path, `took longer than ${task.maxFileTime} s to check; skipped`, 'timeout') };
}

/**
 * --jobs N without a time limit: N - 1 worker threads, and this thread checks too (a third busy thread would only
 * compete for the cores). With a time limit (`mainChecks` false), N workers and this thread checks nothing, since
 * only a worker can be ended mid-check. Tasks are taken in order from one queue: workers are kept a few tasks ahead,
 * and this thread takes the next one whenever it is free, yielding between files so that workers' results are taken in.
 */
async function checkInWorkers(tasks: CheckTask[], jobs: number, accept: (c: CheckedFile) => void, mainChecks: boolean): Promise<void> {
  const workers = mainChecks ? jobs - 1 : jobs;
  const pool = new WorkerPool<CheckTask, CheckedFile>(
    WORKER_SCRIPT,
    workers,
    (task, reason) => ({ index: task.index, result: fatalResult(task.path, `could not be checked: ${reason}`, 'internal') }),
    WORKER_LIMITS,
    PER_WORKER,
    { ms: (task) => task.maxFileTime * 1000, onTimeout: timeoutResult },
    takeEarlyWorker(),
  );
  try {
    let next = 0;
    let inFlight = 0;
    let finished = 0;
    let allDone!: () => void;
    const done = new Promise<void>((resolve) => (allDone = resolve));
    const finish = (checked: CheckedFile) => {
      finished++;
      accept(checked);
      if (finished === tasks.length) allDone();
    };
    const feedWorkers = () => {
      while (inFlight < workers * AHEAD_PER_WORKER && next < tasks.length) {
        const task = tasks[next++]!;
        inFlight++;
        void pool.run(task).then((checked) => {
          inFlight--;
          finish(checked);
          feedWorkers();
        });
      }
    };
    feedWorkers();
    if (!mainChecks) {
      await done;
      return;
    }
    const check = await loadChecker();
    while (next < tasks.length) {
      finish(await check(tasks[next++]!));
      await new Promise<void>((resolve) => setImmediate(resolve));
      feedWorkers();
    }
    await done;
  } finally {
    await pool.close();
  }
}

/**
 * Each file's effective configuration, by core's per-file policy: found upward from it, with --rule overrides on top.
 * --config names one file for every target, read once; otherwise files of one folder share its lookup.
 */
function effectiveConfigs(settings: BatchSettings): (path: string) => ResolvedConfig {
  const only = settings.configFile ? calculateConfigForFile(settings.configFile, { configFile: settings.configFile }) : undefined;
  const byFolder = new Map<string, ResolvedConfig>();
  return (path) => {
    const dir = dirname(path);
    let config = only ? withLayer(only, settings.overrides) : byFolder.get(dir);
    if (!config) byFolder.set(dir, (config = calculateConfigForFile(dir, settings.overrides ? { layer: settings.overrides } : {})));
    return config;
  };
}

const NO_FINDINGS: FindingsText = { messages: '[]', extras: '[]' };

function cachedResult(path: string, entry: CacheEntry): FileResult {
  return entry.fatal ? fatalResult(path, entry.fatal.message, entry.fatal.code) : resultFromText(path, entry.errorCount, entry.warningCount, entry.text);
}
