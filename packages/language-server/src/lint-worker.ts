// The language server's checking thread (see lint-backend.ts): one SafeLinter and each open document's block cache.
import { parentPort } from 'node:worker_threads';
import type { CaseFact } from '@caselint/core';
import { rules } from '@caselint/rules';
import { DocumentCaches, runLintRequest, type WorkerReply, type WorkerRequest } from './lint-backend.js';
import { SafeLinter } from './safe-lint.js';

if (!parentPort) throw new Error('lint-worker.js runs inside a worker thread');
const port = parentPort;
const linter = new SafeLinter(rules);
const caches = new DocumentCaches();
/** Each open document's case facts as last sent (they are sent again only when they change). */
const caseFacts = new Map<string, readonly CaseFact[]>();

// One request at a time: WorkerBackend sends the next only after this one's answer.
port.on('message', async (message: WorkerRequest) => {
  if (message.kind === 'forget') {
    caches.forget(message.uri);
    caseFacts.delete(message.uri);
    return;
  }
  const { id, request } = message;
  if (request.kind === 'check') {
    if (message.sameCaseFacts) request.caseFacts = caseFacts.get(request.uri);
    else if (request.caseFacts) caseFacts.set(request.uri, request.caseFacts);
    else caseFacts.delete(request.uri);
  }
  port.postMessage({ id, started: true } satisfies WorkerReply);
  // The configuration comes as a copy each time: its content says whether cached block results still hold.
  const outcome = await runLintRequest(linter, caches, request, JSON.stringify(request.config));
  port.postMessage({ id, outcome } satisfies WorkerReply);
});
