// Worker thread entry: builds one Linter, then checks the files the pool sends, one message per file.
import { parentPort } from 'node:worker_threads';
import { Linter } from '@caselint/core';
import { rules } from '@caselint/rules';
import { checkFile, type CheckedFile, type CheckTask } from './check-file.js';
import type { PoolReply, PoolRequest } from './pool.js';

if (!parentPort) throw new Error('worker.js runs inside a worker thread');
const port = parentPort;
const linter = new Linter(rules);
const encoder = new TextEncoder();

port.on('message', ({ id, task }: PoolRequest<CheckTask>) => {
  void checkFile(task, linter).then((out) => {
    // The findings' text goes back as UTF-8 bytes whose memory is handed over, not copied: the main thread
    // writes them into the report and the cache as they are.
    const transfer: ArrayBuffer[] = [];
    if (out.text) {
      const messages = encoder.encode(out.text.messages as string);
      const extras = encoder.encode(out.text.extras as string);
      out.text = { messages, extras };
      transfer.push(messages.buffer as ArrayBuffer, extras.buffer as ArrayBuffer);
    }
    port.postMessage({ id, out } satisfies PoolReply<CheckedFile>, transfer);
  });
});
