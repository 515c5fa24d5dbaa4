import { expect } from 'vitest';
import { ReadError } from '../../packages/core/src/read/errors.js';

/** The ReadError a read throws (synchronously or not), as code and message; fails the test if it throws anything else. */
export function readErrorOf(read: () => unknown): { code: string; message: string } {
  try {
    read();
  } catch (error) {
    return describeReadError(error);
  }
  throw new Error('expected a ReadError');
}

/** The same for a read that returns a promise. */
export async function readErrorOfAsync(read: () => Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await read();
  } catch (error) {
    return describeReadError(error);
  }
  throw new Error('expected a ReadError');
}

function describeReadError(error: unknown): { code: string; message: string } {
  expect(error).toBeInstanceOf(ReadError);
  const { code, message } = error as ReadError;
  // One readable line, never document text.
  expect(message).not.toContain('\n');
  expect(message).not.toMatch(/Carter|passed/);
  return { code, message };
}
