// Command-line entry: `caselint-language-server --stdio` (or --node-ipc / --socket=N / --pipe=NAME, as the
// vscode-languageserver transports accept).
import { SERVER_VERSION, startServer } from './server.js';
import { describeError } from './safe-lint.js';

const args = process.argv.slice(2);
const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe', '--clientProcessId'];

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
  startServer();
}
