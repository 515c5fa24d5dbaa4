import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { WorkerPool } from '../../packages/cli/src/pool.js';
import { tempDir } from './helpers.js';

// A worker that doubles numbers, and dies on 13 (as a worker that runs out of memory or hits a native crash would).
const SCRIPT = `
import { parentPort } from 'node:worker_threads';
parentPort.on('message', ({ id, task }) => {
  if (task === 13) process.exit(7);
  if (task === -1) throw new Error('a bug');
  parentPort.postMessage({ id, out: task * 2 });
});
`;

function pool(size: number, script = SCRIPT) {
  const file = join(tempDir('pool-crash'), 'worker.mjs');
  writeFileSync(file, script);
  return new WorkerPool<number, number | string>(pathToFileURL(file), size, (task, reason) => `lost ${task}: ${reason}`);
}

describe('worker pool', () => {
  it('loses only the tasks a crashed worker held, replaces it, and finishes the rest', async () => {
    const p = pool(2);
    try {
      const tasks = [1, 2, 13, 4, 5, -1, 7, 8, 9, 10];
      const out = await Promise.all(tasks.map((t) => p.run(t)));
      expect(out[2]).toMatch(/^lost 13: worker stopped \(exit code 7\)/);
      expect(out[5]).toMatch(/^lost -1: (Error: a bug|worker stopped)/); // lost with its worker, whichever way it died
      // Each result is one task's: nothing is lost beyond what a dead worker held.
      const lost = out.filter((o) => typeof o === 'string');
      expect(lost.length).toBeLessThanOrEqual(2 * 2); // at most the two tasks each dead worker held
      // Both first workers die (13 kills one, -1 the other, or both the same): the rest needs their replacements.
      expect(out.filter((o) => typeof o === 'number').length).toBeGreaterThanOrEqual(tasks.length - 4);
      for (const [i, o] of out.entries()) if (typeof o === 'number') expect(o).toBe(tasks[i]! * 2);
    } finally {
      await p.close();
    }
  });

  it('fails the queue instead of respawning forever when workers cannot start', async () => {
    const p = pool(2, 'throw new Error("cannot load the engine");');
    try {
      const out = await Promise.all([1, 2, 3, 4, 5].map((t) => p.run(t)));
      for (const o of out) expect(o).toMatch(/^lost \d: Error: cannot load the engine/);
    } finally {
      await p.close();
    }
  });
});
