/** A file that cannot be read or checked. `message` is one readable line, free of document text. */
export class ReadError extends Error {
  readonly code: string;
  constructor(message: string, code: string) {
    super(message);
    this.name = 'ReadError';
    this.code = code;
  }
}

/** Why a file is refused on its stat alone (before it is opened), if it is. */
export function refusalByStat(info: { isDirectory(): boolean; isFile(): boolean; size: number }, maxFileSize: number): ReadError | undefined {
  if (info.isDirectory()) return new ReadError('is a folder, not a file', 'is-directory');
  if (!info.isFile()) return new ReadError('is not a regular file (a device, pipe or socket)', 'not-a-file');
  if (info.size > maxFileSize) {
    return new ReadError(`is ${mb(info.size)}, over the ${mb(maxFileSize)} limit (raise it with --max-file-size or "maxFileSize")`, 'too-large');
  }
  return undefined;
}

/** A failed file-system call as a ReadError. */
export function errnoError(e: unknown): ReadError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new ReadError('does not exist', 'not-found');
  if (code === 'EACCES' || code === 'EPERM') return new ReadError('cannot be read: permission denied', 'permission');
  if (code === 'ELOOP') return new ReadError('is a symbolic link loop', 'symlink-loop');
  if (code === 'EISDIR') return new ReadError('is a folder, not a file', 'is-directory');
  return new ReadError(`cannot be read (${code ?? 'error'})`, 'io');
}

export function mb(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
