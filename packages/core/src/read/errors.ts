/** A file that cannot be read or checked. `message` is one readable line, free of document text. */
export class ReadError extends Error {
  readonly code: string;
  constructor(message: string, code: string) {
    super(message);
    this.name = 'ReadError';
    this.code = code;
  }
}
