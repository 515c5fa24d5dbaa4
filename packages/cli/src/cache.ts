import { createHash } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { FindingInContext, ResolvedConfig } from '@caselint/core';
import { fileSink } from './sink.js';

const TOOL = 'caselint-cache';
const SCHEMA = 1;

/** One file's cached result, valid while its bytes, its configuration and the engine are the same. */
export interface CacheEntry {
  size: number;
  mtimeMs: number;
  /** SHA-256 of the bytes that were checked. */
  hash: string;
  /** Hash of the effective configuration. */
  config: string;
  /** Whether the findings carry sentence snippets (an HTML report needs them). */
  snippets: boolean;
  findings: FindingInContext[];
  errorCount: number;
  warningCount: number;
}

interface CacheFile {
  tool: typeof TOOL;
  schema: typeof SCHEMA;
  engine: string;
  entries: Record<string, CacheEntry>;
}

/**
 * Results of earlier runs, by absolute path, in one JSON file. A cache from another engine (another
 * version, changed rules), another tool, or a corrupt file is ignored and replaced: never fatal.
 */
export class ResultCache {
  /** Why an existing cache file was not used (for --verbose), if it was not. */
  discarded?: string;
  hits = 0;
  misses = 0;
  private changed = false;

  private constructor(
    readonly file: string,
    private readonly engine: string,
    private readonly entries: Map<string, CacheEntry>,
  ) {}

  /** `location` is a file, or a folder (an existing one, or a path ending in a slash) to hold .caselintcache. */
  static async load(location: string, engine: string): Promise<ResultCache> {
    let file = location;
    if (/[\\/]$/.test(location) || (await stat(location).catch(() => undefined))?.isDirectory()) file = join(location, '.caselintcache');
    let raw: string | undefined;
    try {
      raw = await readFile(file, 'utf8');
    } catch {
      return new ResultCache(file, engine, new Map());
    }
    const cache = new ResultCache(file, engine, new Map());
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      cache.discarded = 'not valid JSON';
      cache.changed = true;
      return cache;
    }
    const c = parsed as Partial<CacheFile> | null;
    if (!c || typeof c !== 'object' || c.tool !== TOOL || c.schema !== SCHEMA || typeof c.entries !== 'object' || c.entries === null) {
      cache.discarded = 'not a caselint cache';
    } else if (c.engine !== engine) {
      cache.discarded = 'made by another caselint version or rule set';
    } else {
      for (const [path, entry] of Object.entries(c.entries)) if (isEntry(entry)) cache.entries.set(path, entry);
      return cache;
    }
    cache.changed = true;
    return cache;
  }

  get(path: string): CacheEntry | undefined {
    return this.entries.get(path);
  }

  set(path: string, entry: CacheEntry): void {
    this.entries.set(path, entry);
    this.changed = true;
  }

  /** The file was touched but its bytes are the same: remember the new size/mtime so the fast path hits next time. */
  touch(path: string, size: number, mtimeMs: number): void {
    const entry = this.entries.get(path);
    if (entry && (entry.size !== size || entry.mtimeMs !== mtimeMs)) {
      this.entries.set(path, { ...entry, size, mtimeMs });
      this.changed = true;
    }
  }

  delete(path: string): void {
    if (this.entries.delete(path)) this.changed = true;
  }

  /**
   * Write the cache atomically (a reader never sees half of it). `shared` gives what each rule's findings
   * share (why, how to fix, link): left out of the file, and put back from the catalogue when read.
   */
  async save(shared?: (ruleId: string) => { note?: string; fix?: string; url?: string } | undefined): Promise<void> {
    if (!this.changed) return;
    const slim = function (this: unknown, key: string, value: unknown) {
      if ((key === 'note' || key === 'fix' || key === 'url') && shared) {
        const holder = this as { ruleId?: unknown };
        if (typeof holder.ruleId === 'string' && shared(holder.ruleId)?.[key] === value) return undefined;
      }
      return value;
    };
    await mkdir(dirname(this.file), { recursive: true });
    // Written entry by entry into a temporary file that is then renamed: never one string of the whole cache
    // in memory, and never half a cache on disk.
    const sink = fileSink(this.file);
    try {
      sink.write(`{"tool":${JSON.stringify(TOOL)},"schema":${SCHEMA},"engine":${JSON.stringify(this.engine)},"entries":{`);
      let first = true;
      for (const [path, entry] of this.entries) {
        sink.write(`${first ? '' : ','}${JSON.stringify(path)}:${JSON.stringify(entry, slim)}`);
        first = false;
      }
      sink.write('}}');
      sink.close();
    } catch (e) {
      sink.abort();
      throw e;
    }
    this.changed = false;
  }
}

/** The part of a configuration that decides a file's findings, hashed. */
export function configHash(config: ResolvedConfig, maxFileSize: number): string {
  return createHash('sha256').update(JSON.stringify({ rules: config.rules, maxFileSize })).digest('hex').slice(0, 32);
}

function isEntry(e: unknown): e is CacheEntry {
  const x = e as CacheEntry;
  return (
    !!x && typeof x === 'object' && typeof x.size === 'number' && typeof x.mtimeMs === 'number' && typeof x.hash === 'string' &&
    typeof x.config === 'string' && typeof x.snippets === 'boolean' && Array.isArray(x.findings) &&
    typeof x.errorCount === 'number' && typeof x.warningCount === 'number'
  );
}
