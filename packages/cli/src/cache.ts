import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ResolvedConfig } from '@caselint/core/config';
import type { FindingsText } from './result.js';
import { crc32 } from '@caselint/core/crc32';
import { isFolder } from './files.js';
import { fileSink } from './sink.js';

const TOOL = 'caselint-cache';
const SCHEMA = 2;
const NEWLINE = 0x0a;
const TAB = 0x09;

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
  errorCount: number;
  warningCount: number;
  /** The findings as text, kept as read from the cache file (never parsed to be written again). */
  text: FindingsText;
  /** Set when the file was refused for its bytes (binary, a damaged .docx). */
  fatal?: { message: string; code: string };
}

/** The fields of an entry's first column, in order. */
type EntryHead = [path: string, size: number, mtimeMs: number, hash: string, config: string, snippets: boolean, errorCount: number, warningCount: number, fatal: { message: string; code: string } | null];

/**
 * Results of earlier runs, by absolute path, in one file. A cache from another engine (another version,
 * changed rules), another tool, or a damaged file is ignored and replaced: never fatal.
 *
 * The file is made for a warm run to be little more than reading and writing bytes:
 *   line 1:   {"tool":"caselint-cache","schema":2,"engine":"…"}
 *   entries:  [path,size,mtimeMs,hash,config,snippets,errors,warnings,fatal] TAB messages TAB extras
 *   last:     {"entries":N,"crc32":…}   (a checksum of the entry lines: a damaged file is never half-used)
 * Messages are the JSON report's own text for the file, so a JSON report copies them without parsing; tabs
 * and newlines never occur unescaped inside JSON, so they can separate columns and lines.
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
    if (/[\\/]$/.test(location) || isFolder(location)) file = join(location, '.caselintcache');
    const cache = new ResultCache(file, engine, new Map());
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      return cache;
    }
    const problem = cache.read(bytes);
    if (problem) {
      cache.entries.clear();
      cache.discarded = problem;
      cache.changed = true;
    }
    return cache;
  }

  /** Fill the entries from a cache file's bytes; returns why the file cannot be used, if it cannot. */
  private read(bytes: Buffer): string | undefined {
    const headEnd = bytes.indexOf(NEWLINE);
    const header = headEnd < 0 ? undefined : parseJson(bytes.toString('utf8', 0, headEnd));
    if (!isObject(header) || header.tool !== TOOL) return 'not a caselint cache';
    if (header.schema !== SCHEMA || header.engine !== this.engine) return 'made by another caselint version or rule set';
    // The trailer is the last line; everything between header and trailer is entries.
    const end = bytes.length > 0 && bytes[bytes.length - 1] === NEWLINE ? bytes.length - 1 : bytes.length;
    const trailerStart = bytes.lastIndexOf(NEWLINE, end - 1) + 1;
    const trailer = trailerStart > headEnd ? parseJson(bytes.toString('utf8', trailerStart, end)) : undefined;
    const body = bytes.subarray(headEnd + 1, trailerStart);
    if (!isObject(trailer) || trailer.crc32 !== crc32(body)) {
      return 'damaged (incomplete, or changed by hand)';
    }
    for (let at = 0; at < body.length; ) {
      const lineEnd = body.indexOf(NEWLINE, at);
      const tab1 = body.indexOf(TAB, at);
      const tab2 = tab1 < 0 ? -1 : body.indexOf(TAB, tab1 + 1);
      if (lineEnd < 0 || tab1 < 0 || tab2 < 0 || tab2 > lineEnd) return 'damaged (an entry is malformed)';
      const head = parseJson(body.toString('utf8', at, tab1));
      if (!isHead(head)) return 'damaged (an entry is malformed)';
      const [path, size, mtimeMs, hash, config, snippets, errorCount, warningCount, fatal] = head;
      const text = { messages: body.subarray(tab1 + 1, tab2), extras: body.subarray(tab2 + 1, lineEnd) };
      this.entries.set(path, { size, mtimeMs, hash, config, snippets, errorCount, warningCount, text, ...(fatal ? { fatal } : {}) });
      at = lineEnd + 1;
    }
    if (trailer.entries !== this.entries.size) return 'damaged (entries missing)';
    return undefined;
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

  /** Write the cache atomically (a reader never sees half of it), entry by entry: never one string of it all. */
  async save(): Promise<void> {
    if (!this.changed) return;
    await mkdir(dirname(this.file), { recursive: true });
    const sink = fileSink(this.file);
    try {
      sink.write(`${JSON.stringify({ tool: TOOL, schema: SCHEMA, engine: this.engine })}\n`);
      let checksum = 0;
      const put = (chunk: string | Uint8Array) => {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        checksum = crc32(bytes, checksum);
        sink.write(bytes);
      };
      for (const [path, e] of this.entries) {
        const head: EntryHead = [path, e.size, e.mtimeMs, e.hash, e.config, e.snippets, e.errorCount, e.warningCount, e.fatal ?? null];
        put(`${JSON.stringify(head)}\t`);
        put(e.text.messages);
        put('\t');
        put(e.text.extras);
        put('\n');
      }
      sink.write(`${JSON.stringify({ entries: this.entries.size, crc32: checksum })}\n`);
      sink.close();
    } catch (e) {
      sink.abort();
      throw e;
    }
    this.changed = false;
  }
}

const configHashes = new WeakMap<ResolvedConfig, Map<number, string>>();

/** The part of a configuration that decides a file's findings, hashed (once per configuration: files share them). */
export function configHash(config: ResolvedConfig, maxFileSize: number): string {
  let bySize = configHashes.get(config);
  if (!bySize) configHashes.set(config, (bySize = new Map()));
  let hash = bySize.get(maxFileSize);
  if (hash === undefined) {
    hash = createHash('sha256').update(JSON.stringify({ rules: config.rules, maxFileSize })).digest('hex').slice(0, 32);
    bySize.set(maxFileSize, hash);
  }
  return hash;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isObject(x: unknown): x is Record<string, unknown> {
  return !!x && typeof x === 'object' && !Array.isArray(x);
}

function isHead(x: unknown): x is EntryHead {
  if (!Array.isArray(x) || x.length !== 9) return false;
  const [path, size, mtimeMs, hash, config, snippets, errorCount, warningCount, fatal] = x as unknown[];
  const f = fatal as { message?: unknown; code?: unknown } | null;
  return (
    (f === null || (typeof f === 'object' && typeof f.message === 'string' && typeof f.code === 'string')) &&
    typeof path === 'string' && typeof size === 'number' && typeof mtimeMs === 'number' && typeof hash === 'string' &&
    typeof config === 'string' && typeof snippets === 'boolean' && typeof errorCount === 'number' && typeof warningCount === 'number'
  );
}
