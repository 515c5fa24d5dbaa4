// Worker thread entry: builds one Linter, then checks the files the pool sends, one message per file.
import { parentPort } from 'node:worker_threads';
import { Linter } from '@caselint/core';
import { rules } from '@caselint/rules';
import { checkFile, type CheckedFile, type CheckTask } from './check-file.js';
import type { PoolReply, PoolRequest } from './pool.js';

if (!parentPort) throw new Error('worker.js runs inside a worker thread');
const port = parentPort;
const linter = new Linter(rules);

port.on('message', ({ id, task }: PoolRequest<CheckTask>) => {
  void checkFile(task, linter).then((out) => port.postMessage({ id, out } satisfies PoolReply<CheckedFile>));
});
