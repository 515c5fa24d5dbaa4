import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';

export interface WalkEntry {
  path: string;
  /** Set when the entry cannot be walked or read: reported as a per-file failure, and the walk goes on. */
  problem?: { message: string; code: string };
}

export interface WalkOptions {
  /** File names to collect (by extension). */
  wanted: (name: string) => boolean;
  /** Paths to leave out (folders are tested with a trailing slash). */
  skip: (path: string, isDirectory: boolean) => boolean;
}

/** Folders deeper than this below a folder named on the command line are not searched (one error says so). */
export const MAX_FOLDER_DEPTH = 40;

/**
 * Walk a folder for documents, accounting for everything a real shared drive holds. Hidden entries are
 * skipped. Symbolically linked files are checked (the reader reports a link loop); linked folders are not
 * followed, so a loop cannot trap the walk. Pipes and devices with a document's name are collected so the
 * reader can say what they are. A folder that cannot be listed becomes one failure, not a silent gap.
 */
export function walkFolder(root: string, options: WalkOptions): WalkEntry[] {
  const out: WalkEntry[] = [];
  const visit = (dir: string, depth: number) => {
    if (depth > MAX_FOLDER_DEPTH) {
      out.push({ path: dir, problem: { message: `is nested more than ${MAX_FOLDER_DEPTH} folders deep: not searched further`, code: 'too-deep' } });
      return;
    }
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      out.push({ path: dir, problem: folderProblem(e as NodeJS.ErrnoException) });
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!options.skip(path, true)) visit(path, depth + 1);
        continue;
      }
      if (!options.wanted(entry.name) || options.skip(path, false)) continue;
      if (entry.isSymbolicLink() && isFolder(path)) continue; // a linked folder with a document's name
      out.push({ path });
    }
  };
  visit(root, 0);
  return out;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false; // a dangling link or a loop: the reader reports it
  }
}

function folderProblem(e: NodeJS.ErrnoException): { message: string; code: string } {
  if (e.code === 'EACCES' || e.code === 'EPERM') return { message: 'is a folder that cannot be opened: permission denied', code: 'permission' };
  return { message: `is a folder that cannot be listed (${e.code ?? 'error'})`, code: 'io' };
}
