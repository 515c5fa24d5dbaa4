import { lineStarts } from '../document/lines.js';
import type { Finding, SourceDocument } from '../types.js';

/** Drop findings silenced by inline directives: disable-next-line (the next line with text), disable / enable ranges. */
export function applyDirectives(doc: SourceDocument, findings: Finding[]): Finding[] {
  if (doc.directives.length === 0 || findings.length === 0) return findings;
  const starts = lineStarts(doc.text);
  const lineText = (n: number) => doc.text.slice(starts[n - 1] ?? doc.text.length, starts[n] ?? doc.text.length);
  const nextLines = new Map<number, string[][]>();
  for (const d of doc.directives) {
    if (d.kind !== 'disable-next-line') continue;
    let target = d.line + 1;
    while (target <= starts.length && !lineText(target).trim()) target++;
    const list = nextLines.get(target) ?? [];
    list.push(d.rules);
    nextLines.set(target, list);
  }
  const ranges = doc.directives.filter((d) => d.kind !== 'disable-next-line').sort((a, b) => a.line - b.line);
  const disabledAt = (line: number, ruleId: string): boolean => {
    let off = false;
    for (const d of ranges) {
      if (d.line > line) break;
      if (d.rules.length && !d.rules.includes(ruleId)) continue;
      off = d.kind === 'disable';
    }
    return off;
  };
  return findings.filter((f) => {
    const lists = nextLines.get(f.line);
    if (lists?.some((rules) => rules.length === 0 || rules.includes(f.ruleId))) return false;
    return !disabledAt(f.line, f.ruleId);
  });
}
