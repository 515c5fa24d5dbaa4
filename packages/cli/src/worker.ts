// Worker thread entry: builds one Linter, then checks the files the pool sends, one message per file.
import { parentPort } from 'node:worker_threads';
import { Linter } from '@caselint/core';
import { rules } from '@caselint/rules';
import { checkFile, type CheckedFile, type CheckTask } from './check-file.js';
import type { PoolReply, PoolRequest } from './pool.js';

if (!parentPort) throw new Error('worker.js runs inside a worker thread');
const port = parentPort;
const linter = new Linter(rules);

// One file at a time, in the order they came: the pool times each file from its "started" message, so a file
// must not start while another is still being checked.
let queue: Promise<void> = Promise.resolve();

port.on('message', ({ id, task }: PoolRequest<CheckTask>) => {
  queue = queue.then(async () => {
    port.postMessage({ id, started: true } satisfies PoolReply<CheckedFile>);
    const out = await checkFile(task, linter);
    // The findings' text (UTF-8 bytes) is handed over, not copied: the main thread writes it into the report
    // and the cache as it is.
    const transfer = out.text ? [out.text.messages, out.text.extras].map((b) => (b as Uint8Array).buffer as ArrayBuffer) : [];
    port.postMessage({ id, out } satisfies PoolReply<CheckedFile>, transfer);
  });
});
