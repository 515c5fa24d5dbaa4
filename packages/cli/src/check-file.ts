import { createHash } from 'node:crypto';
import {
  documentFromBytes, fatalResult, Linter, ReadError, readFileBytes, snippetMaker, toLintResult,
  type Finding, type FindingInContext, type LintResult, type ResolvedConfig, type RuleMeta, type SourceDocument,
} from '@caselint/core';

/** One file to check, as sent to a worker: plain data only (it is structured-cloned). */
export interface CheckTask {
  /** Position in the sorted file list: results are put back in this order. */
  index: number;
  path: string;
  /** The effective configuration for this file (found upward from it, with --rule overrides). */
  config: ResolvedConfig;
  maxFileSize: number;
  /** Attach the sentence around each finding (for the HTML report, and the cache that may serve it). */
  snippets: boolean;
  /** Hash the file's bytes (for the cache). */
  hash: boolean;
  /** The cache has a result for these bytes: when the hash matches, skip the check. */
  knownHash?: string;
  /** Keep the text of .docx files (--annotate places its comments against it). */
  keepDocxText: boolean;
}

/** What comes back: findings and counts, never the parsed document (memory stays bounded by findings). */
export interface CheckedFile {
  index: number;
  result: LintResult & { findings: FindingInContext[] };
  /** Set when the bytes matched `knownHash`: `result` is empty and the cached one stands. */
  unchanged?: boolean;
  contentHash?: string;
  size?: number;
  mtimeMs?: number;
}

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
    const findings: FindingInContext[] = linter.lint(doc, task.config);
    if (task.snippets && findings.length) {
      const snippet = snippetMaker(doc);
      for (const f of findings) f.snippet = snippet(f);
    }
    slimFindings(findings, linter);
    out.result = toLintResult(path, findings, task.keepDocxText && doc.format === 'docx' ? textOnly(doc) : undefined);
  } catch (e) {
    if (e instanceof ReadError) out.result = fatalResult(path, e.message, e.code);
    else {
      // A bug must not cost the rest of the batch: report it against this file, without document text.
      out.result = fatalResult(path, `could not be checked: internal error (${(e as Error).name}: ${String((e as Error).message).slice(0, 200)})`, 'internal');
    }
    delete out.contentHash; // a failed check is not cached
  }
  return out;
}

/**
 * Drop what every finding of a rule shares with the rule's metadata (why, how to fix, the link): it is put
 * back from the catalogue by `restoreFindings`. Thousands of findings then cost neither copies between
 * threads nor space in the cache.
 */
function slimFindings(findings: Finding[], linter: Linter): void {
  const metas = new Map(linter.rules.map((r) => [r.meta.id, r.meta]));
  for (const f of findings) {
    const meta = metas.get(f.ruleId);
    if (!meta) continue;
    if (f.note === meta.lesson) delete f.note;
    if (f.fix === meta.fix) delete f.fix;
    if (f.url === meta.url) delete f.url;
  }
}

/** Put back what `slimFindings` took out, as references to the catalogue's strings (one copy in memory). */
export function restoreFindings(findings: Finding[], metas: ReadonlyMap<string, { meta: RuleMeta }>): void {
  for (const f of findings) {
    const meta = metas.get(f.ruleId)?.meta;
    if (!meta) continue;
    f.note ??= meta.lesson;
    f.fix ??= meta.fix;
    f.url ??= meta.url;
  }
}

/** What --annotate needs of a .docx (its format and checked text), without the blocks. */
function textOnly(doc: SourceDocument): SourceDocument {
  return { ...(doc.path ? { path: doc.path } : {}), format: doc.format, text: doc.text, blocks: [], directives: [] };
}

/** SHA-256 of a file's bytes, streamed in 1 MB chunks. */
