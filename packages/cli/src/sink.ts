import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Where a report is written: standard output, or a file that appears only when complete. */
export interface ReportSink {
  write(chunk: string): void;
  /** Finish: for a file, the temporary file is renamed into place (atomic). */
  close(): void;
  /** Give up: for a file, the temporary file is removed and the target is left as it was. */
  abort(): void;
}

export function stdoutSink(write: (s: string) => void): ReportSink {
  return { write, close() {}, abort() {} };
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
  const shut = () => {
    if (open) closeSync(fd);
    open = false;
  };
  return {
    write(chunk) {
      writeSync(fd, chunk);
    },
    close() {
      shut();
      renameSync(tmp, path);
    },
    abort() {
      shut();
      rmSync(tmp, { force: true });
    },
  };
}
