import type { LintResult } from '../types.js';

export interface StylishOptions {
  color?: boolean;
  /** Show the "why" and "how to fix" lines under each finding. */
  verbose?: boolean;
}

/** A readable terminal report, grouped by file, in the manner of ESLint's "stylish". */
export function formatStylish(results: LintResult[], options: StylishOptions = {}): string {
  const c = palette(options.color ?? false);
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const r of results) {
    errors += r.errorCount;
    warnings += r.warningCount;
    if (!r.fatal && r.findings.length === 0) continue;
    lines.push('', c.underline(r.filePath));
    if (r.fatal) {
      lines.push(`  ${c.red('error')}  ${r.fatal.message}  ${c.dim(r.fatal.code)}`);
      continue;
    }
    for (const f of r.findings) {
      const where = `${f.line}:${f.column}`.padEnd(8);
      const sev = f.severity === 2 ? c.red('error  ') : c.yellow('warning');
      lines.push(`  ${c.dim(where)} ${sev}  ${f.message}  ${c.dim(f.ruleId)}`);
      if (f.related?.length) for (const x of f.related) lines.push(`  ${' '.repeat(8)}          ${c.dim(`↳ ${x.line}:${x.column} ${x.message}`)}`);
      if (options.verbose) {
        if (f.note) lines.push(`  ${' '.repeat(18)}${c.dim(`Why: ${f.note}`)}`);
        if (f.fix) lines.push(`  ${' '.repeat(18)}${c.dim(`Fix: ${f.fix}`)}`);
      }
    }
  }
  const total = errors + warnings;
  if (total > 0) {
    lines.push('', (errors ? c.red : c.yellow)(`✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`));
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

function palette(on: boolean) {
  const wrap = (a: number, b: number) => (s: string) => (on ? `\u001b[${a}m${s}\u001b[${b}m` : s);
  return { red: wrap(31, 39), yellow: wrap(33, 39), dim: wrap(2, 22), underline: wrap(4, 24) };
}
