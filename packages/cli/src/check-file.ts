import { createHash } from 'node:crypto';
import {
  documentFromBytes, fatalResult, findingOffsets, Linter, ReadError, readFileBytes, snippetMaker, toJsonMessage, toLintResult,
  type CaseFact, type CaseRecord, type LintResult, type ResolvedConfig, type SourceDocument,
} from '@caselint/core';
import type { FindingExtras, FindingsText } from './result.js';

/** One file to check, as sent to a worker: plain data only (it is structured-cloned). */
export interface CheckTask {
  /** Position in the sorted file list: results are put back in this order. */
  index: number;
  path: string;
  /** The effective configuration for this file (found upward from it, with --rule overrides). */
  config: ResolvedConfig;
  maxFileSize: number;
  /** Seconds the check may take before it is abandoned (0: no limit); enforced by the pool, which ends the worker. */
  maxFileTime: number;
  /** Attach the sentence around each finding (for the HTML report, and the cache that may serve it). */
  snippets: boolean;
  /** Hash the file's bytes (for the cache). */
  hash: boolean;
  /** The cache has a result for these bytes: when the hash matches, skip the check. */
  knownHash?: string;
  /** Keep the text of .docx files (--annotate places its comments against it). */
  keepDocxText: boolean;
  /** Only gather what the file records, for the other documents of its case (the first of a case's two passes). */
  factsOnly?: boolean;
  /** What the documents of the file's case record (its own facts among them are set aside by its path). */
  caseFacts?: CaseFact[];
  /** Also give what the file records and claims, dated (--chronology, the HTML report's case view). */
  record?: boolean;
}

/**
 * What comes back: counts, and the findings as text (cheap to pass between threads, stored as is in the
 * cache, written as is into a JSON report); never the parsed document, so memory stays bounded by findings.
 */
export interface CheckedFile {
  index: number;
  /** Counts, or the fatal error; its `findings` are left empty: they are in `text`. */
  result: LintResult;
  text?: FindingsText;
  /** Set when the bytes matched `knownHash`: `result` is empty and the cached one stands. */
  unchanged?: boolean;
  contentHash?: string;
  size?: number;
  mtimeMs?: number;
  /** For a facts-only task: what the file records, for its case. */
  facts?: CaseFact[];
  /** For a task with `record`: what the file records and claims, dated. */
  record?: CaseRecord;
}

const utf8 = new TextEncoder();

/** Check one file. Never throws: every failure becomes a per-file fatal result without document text. */
export async function checkFile(task: CheckTask, linter: Linter): Promise<CheckedFile> {
  const { path } = task;
  const out: CheckedFile = { index: task.index, result: fatalResult(path, 'could not be checked', 'internal') };
  try {
    // One read serves the cache check and the check itself; the size limit refuses a file before reading it.
    const file = readFileBytes(path, { maxFileSize: task.maxFileSize });
    out.size = file.size;
    out.mtimeMs = file.mtimeMs;
    if (task.hash) {
      out.contentHash = createHash('sha256').update(file.bytes).digest('hex');
      if (out.contentHash === task.knownHash) {
        out.unchanged = true;
        out.result = { filePath: path, findings: [], errorCount: 0, warningCount: 0 };
        return out;
      }
    }
    const doc = await documentFromBytes(file.bytes, path);
    if (task.factsOnly) {
      out.facts = linter.record(doc, task.config);
      out.result = { filePath: path, findings: [], errorCount: 0, warningCount: 0 };
      return out;
    }
    const checked = linter.check(doc, task.config, { ...(task.caseFacts ? { caseFacts: task.caseFacts } : {}), record: !!task.record });
    const findings = checked.findings;
    if (checked.record) out.record = checked.record;
    const snippet = task.snippets && findings.length ? snippetMaker(doc) : undefined;
    // As UTF-8 bytes: half the memory of a string of any non-ASCII text, written to reports and the cache as
    // they are, and handed between threads without copying.
    out.text = {
      messages: utf8.encode(JSON.stringify(findings.map(toJsonMessage))),
      extras: utf8.encode(JSON.stringify(findings.map((f): FindingExtras => (snippet ? { ...findingOffsets(f), snippet: snippet(f) } : findingOffsets(f))))),
    };
    // Counts from the findings; the findings themselves travel as text.
    out.result = toLintResult(path, findings, task.keepDocxText && doc.format === 'docx' ? textOnly(doc) : undefined);
    out.result.findings = [];
  } catch (e) {
    if (e instanceof ReadError) {
      out.result = fatalResult(path, e.message, e.code);
      // Refused for its bytes (binary, a damaged .docx): as cacheable as findings. Any other failure is not.
      if (out.contentHash) return out;
    } else {
      // A bug must not cost the rest of the batch: report it against this file, without document text.
      out.result = fatalResult(path, `could not be checked: internal error (${(e as Error).name}: ${String((e as Error).message).slice(0, 200)})`, 'internal');
    }
    delete out.contentHash; // a failed check is not cached
    delete out.text;
  }
  return out;
}

/** What --annotate needs of a .docx (its format and checked text), without the blocks. */
function textOnly(doc: SourceDocument): SourceDocument {
  return { ...(doc.path ? { path: doc.path } : {}), format: doc.format, text: doc.text, blocks: [], directives: [] };
}

