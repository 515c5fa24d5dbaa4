import type { Finding, LintResult, SourceDocument } from '../types.js';

export function toLintResult(filePath: string, findings: Finding[], document?: SourceDocument): LintResult {
  let errorCount = 0;
  let warningCount = 0;
  for (const f of findings) {
    if (f.severity === 2) errorCount++;
    else warningCount++;
  }
  return { filePath, findings, errorCount, warningCount, ...(document ? { document } : {}) };
}

/** A file that could not be read or checked: one error, with a readable reason. */
export function fatalResult(filePath: string, message: string, code: string): LintResult {
  return { filePath, findings: [], fatal: { message, code }, errorCount: 1, warningCount: 0 };
}
