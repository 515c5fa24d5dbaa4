// Worker thread entry: builds one Linter, then checks the files the pool sends, one message per file.
import { parentPort } from 'node:worker_threads';
import { Linter } from '@caselint/core';
import { rules } from '@caselint/rules';
import { checkFile, type CheckTask } from './check-file.js';

if (!parentPort) throw new Error('worker.js runs inside a worker thread');
const port = parentPort;
const linter = new Linter(rules);

port.on('message', (task: CheckTask) => {
  void checkFile(task, linter).then((checked) => port.postMessage(checked));
});
