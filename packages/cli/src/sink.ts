import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync, writevSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Where a report is written: standard output, or a file that appears only when complete. */
export interface ReportSink {
  write(chunk: string | Uint8Array): void;
  /** Finish: for a file, the temporary file is renamed into place (atomic). */
  close(): void;
  /** Give up: for a file, the temporary file is removed and the target is left as it was. */
  abort(): void;
}

/** How much a file sink gathers before writing. */
const FLUSH_BYTES = 1 << 20;

/** Standard output, or a caller's writer: bytes go to `writeBytes` when given, else as text to `write`. */
export function stdoutSink(write: (s: string) => void, writeBytes?: (b: Uint8Array) => void): ReportSink {
  const decoder = new TextDecoder();
  return {
    write: (chunk) => (typeof chunk === 'string' ? write(chunk) : writeBytes ? writeBytes(chunk) : write(decoder.decode(chunk))),
    close() {},
    abort() {},
  };
}

/**
 * A report file written as it goes into a temporary file beside the target, then renamed: readers never see a
 * half-written report, and a long batch never holds its whole report in memory.
 */
export function fileSink(path: string): ReportSink {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(tmp, 'wx');
  let open = true;
  // Many small chunks (three per file in a JSON report) go out as few large writes.
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const flush = () => {
    if (!pendingBytes) return;
    const chunks = pending;
    const total = pendingBytes;
    pending = [];
    pendingBytes = 0;
    const written = writevSync(fd, chunks);
    if (written < total) {
      // A short write (rare, for regular files): write the rest in order.
      const rest = Buffer.concat(chunks, total).subarray(written);
      for (let done = 0; done < rest.length; ) done += writeSync(fd, rest, done, rest.length - done);
    }
  };
  const shut = () => {
    if (open) closeSync(fd);
    open = false;
  };
  return {
    write(chunk) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      pending.push(bytes);
      pendingBytes += bytes.length;
      if (pendingBytes >= FLUSH_BYTES) flush();
    },
    close() {
      flush();
      shut();
      renameSync(tmp, path);
    },
    abort() {
      shut();
      rmSync(tmp, { force: true });
    },
  };
}
