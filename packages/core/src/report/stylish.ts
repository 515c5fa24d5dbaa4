import type { LintResult, RelatedLocation } from '../types.js';
import { docxPlace, pdfPlace } from './place.js';

export interface StylishOptions {
  color?: boolean;
  /** Show the "why" and "how to fix" lines under each finding. */
  verbose?: boolean;
  /** How a file's path is shown (say, relative to the working folder); as it is by default. */
  displayPath?: (path: string) => string;
}

/** A readable terminal report, grouped by file, in the manner of ESLint's "stylish". */
export function formatStylish(results: LintResult[], options: StylishOptions = {}): string {
  let out = '';
  let errors = 0;
  let warnings = 0;
  for (const r of results) {
    errors += r.errorCount;
    warnings += r.warningCount;
    out += stylishFile(r, options);
  }
  return out + stylishSummary(errors, warnings, options);
}

/** One file's part of the stylish report (empty for a clean file), so a long batch can be written as it goes. */
export function stylishFile(r: LintResult, options: StylishOptions = {}): string {
  if (!r.fatal && r.findings.length === 0) return '';
  const c = palette(options.color ?? false);
  const lines: string[] = ['', c.underline(options.displayPath?.(r.filePath) ?? r.filePath)];
  if (r.fatal) {
    lines.push(`  ${c.red('error')}  ${r.fatal.message}  ${c.dim(r.fatal.code)}`);
    return `${lines.join('\n')}\n`;
  }
  for (const f of r.findings) {
    const where = place(f);
    const sev = f.severity === 2 ? c.red('error  ') : c.yellow('warning');
    lines.push(`  ${c.dim(where.padEnd(8))} ${sev}  ${f.message}  ${c.dim(f.ruleId)}`);
    if (f.related?.length) for (const x of f.related) lines.push(`  ${' '.repeat(8)}          ${c.dim(`↳ ${relatedPlace(x, r.filePath)} ${x.message}`)}`);
    if (options.verbose) {
      if (f.note) lines.push(`  ${' '.repeat(18)}${c.dim(`Why: ${f.note}`)}`);
      if (f.fix) lines.push(`  ${' '.repeat(18)}${c.dim(`Fix: ${f.fix}`)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The closing line: how many problems in all. */
export function stylishSummary(errors: number, warnings: number, options: StylishOptions = {}): string {
  const total = errors + warnings;
  if (total === 0) return '';
  const c = palette(options.color ?? false);
  return `\n${(errors ? c.red : c.yellow)(`✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`)}\n`;
}

/** Where a related place is: "12:3" in this document, "pams-report.md:12:3" in another of its case (by its path from this one's folder). */
function relatedPlace(x: RelatedLocation, filePath: string): string {
  const at = place(x);
  if (!x.filePath || x.filePath === filePath) return at;
  return `${pathFrom(filePath, x.filePath)}${x.docx || x.pdf ? ' ' : ':'}${at}`;
}

/** `to` as a path from the folder of `from`, when it is below it; else as given. */
function pathFrom(from: string, to: string): string {
  const dir = from.slice(0, Math.max(from.lastIndexOf('/'), from.lastIndexOf('\\')) + 1);
  return dir && to.startsWith(dir) ? to.slice(dir.length) : to;
}

/** Where a finding or related place is: its Word paragraph or cell, its PDF page and line, or line:column. */
function place(x: Pick<RelatedLocation, 'line' | 'column' | 'docx' | 'pdf'>): string {
  return x.docx ? docxPlace(x.docx) : x.pdf ? pdfPlace(x.pdf) : `${x.line}:${x.column}`;
}

function palette(on: boolean) {
  const wrap = (a: number, b: number) => (s: string) => (on ? `\u001b[${a}m${s}\u001b[${b}m` : s);
  return { red: wrap(31, 39), yellow: wrap(33, 39), dim: wrap(2, 22), underline: wrap(4, 24) };
}
