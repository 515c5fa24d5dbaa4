// The language server's checking thread (see lint-backend.ts): one SafeLinter and each open document's block cache.
import { parentPort } from 'node:worker_threads';
import { parseDocument } from '@caselint/core';
import { rules } from '@caselint/rules';
import { DocumentCaches, type WorkerReply, type WorkerRequest } from './lint-backend.js';
import { SafeLinter } from './safe-lint.js';

if (!parentPort) throw new Error('lint-worker.js runs inside a worker thread');
const port = parentPort;
const linter = new SafeLinter(rules);
const caches = new DocumentCaches();

port.on('message', (message: WorkerRequest) => {
  if (message.kind === 'forget') {
    caches.forget(message.uri);
    return;
  }
  const { id, request } = message;
  port.postMessage({ id, started: true } satisfies WorkerReply);
  // The configuration comes as a copy each time: its content says whether cached block results still hold.
  const state = caches.for(request.uri, JSON.stringify(request.config));
  const read = (text: string) => parseDocument(text, request.format, request.path);
  const outcome = linter.lint(request.text, read, request.config, state.cache, state.failingRules);
  port.postMessage({ id, outcome } satisfies WorkerReply);
});
