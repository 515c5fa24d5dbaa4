import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { DOCUMENT_EXTENSIONS } from '@caselint/core/file-types';
import ignore, { type Ignore } from 'ignore';
import { walkFolder } from './walk.js';

// *.caselint.docx are caselint's own annotated copies (see annotate.ts), not reports to check again.
const DEFAULT_IGNORES = ['**/node_modules/**', '**/.git/**', '**/*.caselint.docx'];

export interface Target {
  /** Absolute path. */
  path: string;
  /** Named on the command line (checked even when it is not a known type or is ignored). */
  explicit: boolean;
  /** Set when the argument matched nothing. */
  missing?: boolean;
  /** Found unreadable while walking (a folder that cannot be listed): reported, not checked. */
  problem?: { message: string; code: string };
}

/** Whether a path is a folder (following links); false for anything that cannot be read. */
export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The .caselintignore in the working folder, in gitignore syntax. */
export function loadIgnoreFile(cwd: string): Ignore | undefined {
  const file = join(cwd, '.caselintignore');
  if (!existsSync(file)) return undefined;
  return ignore().add(readFileSync(file, 'utf8'));
}

/**
 * Expand the command line into files: files as given, folders recursed for the document types caselint reads (DOCUMENT_EXTENSIONS), globs matched.
 * Linked folders are not followed when recursing, so a link loop cannot trap the walk (see walk.ts).
 */
export async function expandTargets(patterns: string[], cwd: string, ignoreFile?: Ignore): Promise<Target[]> {
  const out = new Map<string, Target>();
  const isIgnored = (abs: string, isDirectory = false) => {
    if (!ignoreFile) return false;
    const rel = relative(cwd, abs);
    return !!rel && !rel.startsWith('..') && !isAbsolute(rel) && ignoreFile.ignores(rel.split('\\').join('/') + (isDirectory ? '/' : ''));
  };
  for (const pattern of patterns) {
    const abs = resolve(cwd, pattern);
    let stat;
    try {
      stat = statSync(abs);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) {
      for (const f of walkFolder(abs, { wanted: isDocumentName, skip: (p, isDir) => isDefaultIgnored(p, isDir) || isIgnored(p, isDir) })) {
        if (!out.has(f.path)) out.set(f.path, { path: f.path, explicit: false, ...(f.problem ? { problem: f.problem } : {}) });
      }
    } else if (stat || existsSyncLoose(abs)) {
      out.set(abs, { path: abs, explicit: true });
    } else if (await isGlob(pattern)) {
      const { glob } = await import('tinyglobby');
      const files = await glob([pattern], { cwd, absolute: true, dot: false, followSymbolicLinks: false, ignore: DEFAULT_IGNORES });
      if (files.length === 0) out.set(abs, { path: abs, explicit: true, missing: true });
      for (const f of files) if (!isIgnored(f) && !out.has(f)) out.set(f, { path: f, explicit: false });
    } else {
      out.set(abs, { path: abs, explicit: true, missing: true });
    }
  }
  return [...out.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

const DOCUMENT_NAME = new RegExp(`\\.(${DOCUMENT_EXTENSIONS.join('|')})$`, 'i');
const isDocumentName = (name: string) => DOCUMENT_NAME.test(name) && !/\.caselint\.docx$/i.test(name);
/** The walk's version of DEFAULT_IGNORES. */
const isDefaultIgnored = (path: string, isDirectory: boolean) => isDirectory && /(^|[\\/])(node_modules|\.git)$/.test(path);

/** A symlink loop or an unreadable entry "exists" for reporting: the reader then says what is wrong with it. */
function existsSyncLoose(p: string): boolean {
  try {
    return statSync(p, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return true;
  }
}

/** Whether an argument that names nothing is a glob. The glob library is loaded only for such an argument. */
async function isGlob(pattern: string): Promise<boolean> {
  const { isDynamicPattern } = await import('tinyglobby');
  return isDynamicPattern(pattern);
}
