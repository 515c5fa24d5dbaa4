// A frame the server cannot read (issue 13): it logs the fault and exits, so the editor restarts it; it never hangs.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { SERVER_BIN } from './lsp-session.js';

function send(bytes: string): Promise<{ code: number | null; stderr: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SERVER_BIN, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const started = performance.now();
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`the server still runs 10 s after a malformed frame (stderr: ${stderr})`));
    }, 10000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, ms: performance.now() - started });
    });
    child.stdin.write(bytes);
  });
}

const SHUTDOWN = '{"jsonrpc":"2.0","id":1,"method":"shutdown"}';

describe('a malformed frame', () => {
  it('Content-Length that is not a number: logs and exits', { timeout: 20000 }, async () => {
    const r = await send(`Content-Length: abc\r\n\r\n${SHUTDOWN}`);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/without a valid Content-Length; exiting/);
  });

  it('a header with no Content-Length, or a header line without a colon: logs and exits', { timeout: 20000 }, async () => {
    const none = await send(`Content-Type: text/plain\r\n\r\n${SHUTDOWN}`);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/without a valid Content-Length; exiting/);
    const noColon = await send(`Ms Carter passed\r\n\r\n${SHUTDOWN}`);
    expect(noColon.code).toBe(1);
    expect(noColon.stderr).toMatch(/could not read .*; exiting/);
    expect(noColon.stderr).not.toContain('Carter'); // document-like bytes never reach the log
  });
});
