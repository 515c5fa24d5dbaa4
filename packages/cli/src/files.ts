import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { glob, isDynamicPattern } from 'tinyglobby';

export const EXTENSIONS = ['txt', 'text', 'md', 'markdown', 'docx'];
// *.caselint.docx are caselint's own annotated copies (see annotate.ts), not reports to check again.
const DEFAULT_IGNORES = ['**/node_modules/**', '**/.git/**', '**/*.caselint.docx'];

export interface Target {
  /** Absolute path. */
  path: string;
  /** Named on the command line (checked even when it is not a known type or is ignored). */
  explicit: boolean;
  /** Set when the argument matched nothing. */
  missing?: boolean;
}

/** The .caselintignore in the working folder, in gitignore syntax. */
export function loadIgnoreFile(cwd: string): Ignore | undefined {
  const file = join(cwd, '.caselintignore');
  if (!existsSync(file)) return undefined;
  return ignore().add(readFileSync(file, 'utf8'));
}

/**
 * Expand the command line into files: files as given, folders recursed for .txt/.md/.docx, globs matched.
 * Symbolic links are not followed when recursing, so a link loop cannot trap the walk.
 */
export async function expandTargets(patterns: string[], cwd: string, ignoreFile?: Ignore): Promise<Target[]> {
  const out = new Map<string, Target>();
  const isIgnored = (abs: string) => {
    if (!ignoreFile) return false;
    const rel = relative(cwd, abs);
    return !!rel && !rel.startsWith('..') && !isAbsolute(rel) && ignoreFile.ignores(rel.split('\\').join('/'));
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
      const files = await glob([`**/*.{${EXTENSIONS.join(',')}}`], { cwd: abs, absolute: true, dot: false, followSymbolicLinks: false, ignore: DEFAULT_IGNORES, caseSensitiveMatch: false });
      for (const f of files) if (!isIgnored(f) && !out.has(f)) out.set(f, { path: f, explicit: false });
    } else if (stat || existsSyncLoose(abs)) {
      out.set(abs, { path: abs, explicit: true });
    } else if (isDynamicPattern(pattern)) {
      const files = await glob([pattern], { cwd, absolute: true, dot: false, followSymbolicLinks: false, ignore: DEFAULT_IGNORES });
      if (files.length === 0) out.set(abs, { path: abs, explicit: true, missing: true });
      for (const f of files) if (!isIgnored(f) && !out.has(f)) out.set(f, { path: f, explicit: false });
    } else {
      out.set(abs, { path: abs, explicit: true, missing: true });
    }
  }
  return [...out.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** A symlink loop or an unreadable entry "exists" for reporting: the reader then says what is wrong with it. */
function existsSyncLoose(p: string): boolean {
  try {
    return statSync(p, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return true;
  }
}
