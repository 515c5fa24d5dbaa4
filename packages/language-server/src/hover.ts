// Hover on a flagged range: what was found, why it matters (the review's lesson), how to fix it, and the
// rule's documentation, in Markdown.
import { MarkupKind, type Hover, type Position, type Range } from 'vscode-languageserver/node.js';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckedDocument } from './document-checker.js';
import type { PublishedFinding } from './published-findings.js';

function contains(range: Range, position: Position): boolean {
  const afterStart = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}

export function hoverMarkdown(finding: PublishedFinding): string {
  const parts = [`**caselint** \`${finding.ruleId}\`: ${finding.message}`];
  if (finding.note) parts.push(`**Why:** ${finding.note}`);
  if (finding.fix) parts.push(`**How to fix:** ${finding.fix}`);
  const suggestions = [...new Set(finding.expected ?? [])];
  if (suggestions.length > 0) parts.push(`**Instead, for example:** ${suggestions.map((text) => `"${text}"`).join(', ')}`);
  if (finding.related && finding.related.length > 0) {
    const where = (r: NonNullable<PublishedFinding['related']>[number]) => (r.filePath ? `${r.filePath.split(/[\\/]/).pop()}, line ${r.line}` : `line ${r.line}`);
    parts.push(`**Recorded in ${finding.related.some((r) => r.filePath) ? 'its case' : 'this document'}:** ${finding.related.map((related) => `${related.message} (${where(related)})`).join('; ')}`);
  }
  if (finding.url) parts.push(`[Rule documentation](${finding.url})`);
  return parts.join('\n\n');
}

export function hover(document: TextDocument, checked: CheckedDocument | undefined, position: Position): Hover | null {
  if (!checked || checked.version !== document.version) return null;
  const hits = checked.findings.filter((finding) => contains(finding.diagnostic.range, position));
  if (hits.length === 0) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: hits.map(hoverMarkdown).join('\n\n---\n\n') },
    range: hits[0]!.diagnostic.range,
  };
}
