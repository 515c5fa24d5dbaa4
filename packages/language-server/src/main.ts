// Command-line entry: `caselint-language-server --stdio` (or --node-ipc / --socket=N / --pipe=NAME, as the
// vscode-languageserver transports accept).
import { ProposedFeatures, StreamMessageReader, StreamMessageWriter, createConnection } from 'vscode-languageserver/node.js';
import { SERVER_VERSION, startServer } from './server.js';
import { describeError } from './safe-lint.js';
import { setFlagsFromString } from 'node:v8';
import { encodedJsonEncoder } from './encoded-json.js';

// The rules' many large expressions are compiled to machine code at once, not to bytecode first (V8's default, made
// for pages that run an expression a few times): the first checks of a document are faster. Set before the checking
// worker starts; the flag is the process's.
setFlagsFromString('--no-regexp-tier-up');

const args = process.argv.slice(2);
const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe', '--clientProcessId'];
/** How long the server waits for the rest of a frame whose header it has read. */
const PARTIAL_FRAME_LIMIT_MS = Number(process.env.CASELINT_LS_PARTIAL_FRAME_MS ?? 60_000);

if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`${SERVER_VERSION}\n`);
} else if (args.includes('--help') || args.includes('-h') || !args.some((arg) => TRANSPORTS.some((t) => arg.startsWith(t)))) {
  process.stderr.write(
    'Usage: caselint-language-server --stdio\n\n' +
      'The caselint language server, for editors: live diagnostics, quick fixes and hover for\n' +
      'social-care assessment reports (plain text and Markdown). Your editor starts it; see "In your editor" in the README.\n',
  );
  process.exitCode = args.includes('--help') || args.includes('-h') ? 0 : 2;
} else {
  // Keep the server alive through an unexpected error; log its kind only, never document text.
  process.on('uncaughtException', (error) => process.stderr.write(`caselint-language-server: uncaught ${describeError(error)}\n`));
  startServer(args.includes('--stdio') ? { connection: stdioConnection(), writesEncodedJson: true } : {});
}

/**
 * The --stdio connection, with its reader watched. A frame header the server cannot read (`Content-Length: abc`, no
 * Content-Length, a line with no colon) leaves the protocol reader stuck, answering nothing, not even shutdown; so
 * does a Content-Length far beyond what follows. The server logs it and exits instead, so that the editor restarts
 * it. A well-framed body that is not JSON costs only that message, as before. The log names the kind of fault only:
 * the bytes could be document text.
 */
function stdioConnection() {
  const reader = new StreamMessageReader(process.stdin);
  // Diagnostics go out as the checking thread wrote them (see encoded-json.ts).
  const writer = new StreamMessageWriter(process.stdout, { charset: 'utf-8', contentTypeEncoder: encodedJsonEncoder });
  const exit = (what: string) => {
    process.stderr.write(`caselint-language-server: the editor sent ${what}; exiting so that the editor can restart the server\n`);
    process.exit(1);
  };
  reader.onError((error) => {
    if (error.name === 'SyntaxError') {
      process.stderr.write('caselint-language-server: ignored a message whose body is not JSON\n');
      return;
    }
    exit(/Content-Length/i.test(error.message) ? 'a message header without a valid Content-Length' : `a message header it could not read (${describeError(error)})`);
  });
  // The reader reports every 10 s that a frame's body is still incomplete: a minute on a local pipe is a wedge.
  let waiting = { token: -1, ms: 0 };
  reader.onPartialMessage(({ messageToken, waitingTime }) => {
    waiting = messageToken === waiting.token ? { token: messageToken, ms: waiting.ms + waitingTime } : { token: messageToken, ms: waitingTime };
    if (waiting.ms >= PARTIAL_FRAME_LIMIT_MS) exit(`a message shorter than its Content-Length (nothing more for ${waiting.ms / 1000} s)`);
  });
  // As vscode-languageserver does for --stdio: the editor closing the pipe ends the server.
  for (const event of ['end', 'close'] as const) process.stdin.on(event, () => process.exit(0));
  return createConnection(ProposedFeatures.all, reader, writer);
}
