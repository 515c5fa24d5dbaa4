import { Worker } from 'node:worker_threads';

interface Job<In, Out> {
  task: In;
  resolve: (out: Out) => void;
  /** Set once the worker has started this task and a time limit applies. */
  timer?: NodeJS.Timeout;
}

interface Slot<In, Out> {
  worker: Worker;
  /** Tasks sent and not yet answered, by message id. */
  running: Map<number, Job<In, Out>>;
  /** Finished at least one task: a worker that dies before that is broken, not unlucky. */
  proven: boolean;
  dead: boolean;
}

/** The message protocol between the pool and a worker script. */
export interface PoolRequest<In> {
  id: number;
  task: In;
}
export type PoolReply<Out> = { id: number; out: Out } | { id: number; started: true };

/** A time limit per task: its milliseconds (0: none), and the result of a task that exceeds it. */
export interface TaskTimeLimit<In, Out> {
  ms: (task: In) => number;
  onTimeout: (task: In) => Out;
}

/**
 * A fixed-size pool of worker threads, results in finishing order. Each worker holds `perWorker` tasks at
 * once, so it can check one file while the next one's reads are in flight.
 * A worker that crashes (an uncaught error, running out of memory) costs only the tasks it holds, which
 * resolve through `onCrash`; the worker is replaced. If workers keep dying before finishing anything
 * (a broken install), the remaining tasks resolve through `onCrash` too, so callers never hang.
 */
export class WorkerPool<In, Out> {
  private readonly slots: Slot<In, Out>[] = [];
  private readonly queue: Job<In, Out>[] = [];
  private closing = false;
  private earlyDeaths = 0;
  private nextId = 0;

  /**
   * `first`, when given, is a worker already started on the same script with the same limits: it is the pool's
   * first worker, and the ones that replace it are spawned as usual.
   */
  constructor(
    private readonly script: URL,
    private readonly size: number,
    private readonly onCrash: (task: In, reason: string) => Out,
    private readonly resourceLimits?: { maxOldGenerationSizeMb?: number; maxYoungGenerationSizeMb?: number },
    private readonly perWorker = 2,
    private readonly timeLimit?: TaskTimeLimit<In, Out>,
    first?: Worker,
  ) {
    for (let i = 0; i < size; i++) this.spawn(i === 0 ? first : undefined);
    if (size === 0) void first?.terminate();
  }

  run(task: In): Promise<Out> {
    return new Promise((resolve) => {
      this.queue.push({ task, resolve });
      this.pump();
    });
  }

  /** Stop every worker. Pending tasks are not run. */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(started?: Worker): void {
    const worker = started ?? new Worker(this.script, this.resourceLimits ? { resourceLimits: this.resourceLimits } : {});
    const slot: Slot<In, Out> = { worker, running: new Map(), proven: false, dead: false };
    worker.on('message', (reply: PoolReply<Out>) => {
      const job = slot.running.get(reply.id);
      if ('started' in reply) {
        // The worker checks one task at a time: the clock starts when it starts this one.
        const ms = job && this.timeLimit ? this.timeLimit.ms(job.task) : 0;
        if (job && ms > 0) job.timer = setTimeout(() => this.abandon(slot, reply.id), ms);
        return;
      }
      if (job?.timer) clearTimeout(job.timer);
      slot.running.delete(reply.id);
      slot.proven = true;
      job?.resolve(reply.out);
      this.pump();
    });
    const fail = (reason: string) => {
      if (slot.dead) return;
      slot.dead = true;
      const jobs = [...slot.running.values()];
      for (const job of jobs) if (job.timer) clearTimeout(job.timer);
      slot.running.clear();
      this.slots.splice(this.slots.indexOf(slot), 1);
      if (this.closing) return;
      for (const job of jobs) job.resolve(this.onCrash(job.task, reason));
      if (!slot.proven && ++this.earlyDeaths >= 3) {
        // Workers cannot start: fail what is left rather than respawning forever.
        for (const j of this.queue.splice(0)) j.resolve(this.onCrash(j.task, reason));
        return;
      }
      this.spawn();
      this.pump();
    };
    worker.on('error', (e: Error & { code?: string }) => fail(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'ran out of memory' : `${e.name}: ${e.message.split('\n')[0]!.slice(0, 200)}`));
    worker.on('exit', (code) => fail(`worker stopped (exit code ${code})`));
    this.slots.push(slot);
  }

  /**
   * A task ran past its time limit: its worker is ended (nothing else can stop a loop in it) and replaced. The task
   * resolves through `onTimeout`; the worker's other tasks had not started, so they go back to the front of the queue.
   */
  private abandon(slot: Slot<In, Out>, id: number): void {
    if (slot.dead) return;
    slot.dead = true;
    this.slots.splice(this.slots.indexOf(slot), 1);
    const late = slot.running.get(id);
    slot.running.delete(id);
    const waiting = [...slot.running.values()];
    slot.running.clear();
    for (const job of waiting) if (job.timer) clearTimeout(job.timer);
    void slot.worker.terminate();
    if (late) late.resolve(this.timeLimit!.onTimeout(late.task));
    if (this.closing) return;
    this.queue.unshift(...waiting);
    this.spawn();
    this.pump();
  }

  private pump(): void {
    if (this.earlyDeaths >= 3) {
      for (const j of this.queue.splice(0)) j.resolve(this.onCrash(j.task, 'workers could not start'));
      return;
    }
    // Fill the least busy worker first, so every worker gets one task before any gets two.
    for (let depth = 0; depth < this.perWorker; depth++) {
      for (const slot of this.slots) {
        if (this.queue.length === 0) return;
        if (slot.dead || slot.running.size > depth) continue;
        const job = this.queue.shift()!;
        const id = this.nextId++;
        slot.running.set(id, job);
        slot.worker.postMessage({ id, task: job.task } satisfies PoolRequest<In>);
      }
    }
  }
}
