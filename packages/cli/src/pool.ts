import { Worker } from 'node:worker_threads';

interface Job<In, Out> {
  task: In;
  resolve: (out: Out) => void;
}

interface Slot<In, Out> {
  worker: Worker;
  current?: Job<In, Out>;
  /** Finished at least one task: a worker that dies before that is broken, not unlucky. */
  proven: boolean;
  dead: boolean;
}

/**
 * A fixed-size pool of worker threads, one task per worker at a time, results in finishing order.
 * A worker that crashes (an uncaught error, running out of memory) costs only its current task, which
 * resolves through `onCrash`; the worker is replaced. If workers keep dying before finishing anything
 * (a broken install), the remaining tasks resolve through `onCrash` too, so callers never hang.
 */
export class WorkerPool<In, Out> {
  private readonly slots: Slot<In, Out>[] = [];
  private readonly queue: Job<In, Out>[] = [];
  private closing = false;
  private earlyDeaths = 0;

  constructor(
    private readonly script: URL,
    private readonly size: number,
    private readonly onCrash: (task: In, reason: string) => Out,
    private readonly resourceLimits?: { maxOldGenerationSizeMb?: number },
  ) {
    for (let i = 0; i < size; i++) this.spawn();
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

  private spawn(): void {
    const worker = new Worker(this.script, this.resourceLimits ? { resourceLimits: this.resourceLimits } : {});
    const slot: Slot<In, Out> = { worker, proven: false, dead: false };
    worker.on('message', (out: Out) => {
      const job = slot.current;
      slot.current = undefined;
      slot.proven = true;
      job?.resolve(out);
      this.pump();
    });
    const fail = (reason: string) => {
      if (slot.dead) return;
      slot.dead = true;
      const job = slot.current;
      slot.current = undefined;
      this.slots.splice(this.slots.indexOf(slot), 1);
      if (this.closing) return;
      job?.resolve(this.onCrash(job.task, reason));
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

  private pump(): void {
    if (this.earlyDeaths >= 3) {
      for (const j of this.queue.splice(0)) j.resolve(this.onCrash(j.task, 'workers could not start'));
      return;
    }
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.current || slot.dead) continue;
      const job = this.queue.shift()!;
      slot.current = job;
      slot.worker.postMessage(job.task);
    }
  }
}
