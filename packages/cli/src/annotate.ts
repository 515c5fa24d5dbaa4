import { mkdir, readFile } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { annotateDocx, readDocx, ReadError, writeFileAtomic, type LintResult } from '@caselint/core';

/** The suffix of annotated copies; folder walks skip such files so a second run does not lint its own output. */
export const ANNOTATED_SUFFIX = '.caselint.docx';

/**
 * Where the annotated copy of `input` goes: beside it as NAME.caselint.docx, or with --out-dir in DIR
 * under its path relative to `base`, the folder the inputs share (so `reports/*.docx` lands directly in
 * DIR, while reports/a/x.docx and reports/b/x.docx stay apart). Never the input itself.
 */
export function annotatedPath(input: string, base: string, cwd: string, outDir?: string): string {
  const besideOriginal = join(dirname(input), `${basename(input, extname(input))}${ANNOTATED_SUFFIX}`);
  if (outDir === undefined) return besideOriginal;
  const rel = relative(base, input);
  const inside = rel && !rel.startsWith('..') && !isAbsolute(rel);
  const target = resolve(cwd, outDir, inside ? rel : basename(input));
  return target === resolve(input) ? besideOriginal : target;
}

/** The deepest folder containing every path. */
export function commonFolder(paths: string[]): string {
  if (paths.length === 0) return '';
  let base = dirname(paths[0]!);
  for (const p of paths) {
    while (relative(base, p).startsWith('..') || isAbsolute(relative(base, p))) {
      const up = dirname(base);
      if (up === base) return base;
      base = up;
    }
  }
  return base;
}

export interface AnnotateIO {
  cwd: string;
  stderr: (s: string) => void;
}

/**
 * Write an annotated copy of every .docx that was checked: one Word comment per finding. The original is
 * read again but never written; the copy is written atomically. Returns how many copies failed.
 */
export async function annotateResults(results: LintResult[], outDir: string | undefined, io: AnnotateIO): Promise<number> {
  let failures = 0;
  const docxResults = results.filter((r) => !r.fatal && r.document?.format === 'docx');
  const base = commonFolder(docxResults.map((r) => r.filePath));
  for (const result of docxResults) {
    const doc = result.document!;
    const out = annotatedPath(result.filePath, base, io.cwd, outDir);
    const shown = relative(io.cwd, out) || out;
    try {
      const bytes = new Uint8Array(await readFile(result.filePath));
      // The findings' offsets refer to the text that was checked: refuse if the file changed since.
      if (readDocx(bytes).text !== doc.text) {
        io.stderr(`caselint: ${relative(io.cwd, result.filePath)} changed while it was being checked; not annotated (run caselint again)\n`);
        failures++;
        continue;
      }
      const annotated = annotateDocx(bytes, result.findings);
      await mkdir(dirname(out), { recursive: true });
      await writeFileAtomic(out, annotated);
      const n = result.findings.length;
      io.stderr(`caselint: wrote ${shown} (${n} comment${n === 1 ? '' : 's'})\n`);
    } catch (e) {
      const reason = e instanceof ReadError ? e.message : (e as Error).message.split('\n')[0];
      io.stderr(`caselint: cannot write the annotated copy ${shown}: ${reason}\n`);
      failures++;
    }
  }
  return failures;
}
