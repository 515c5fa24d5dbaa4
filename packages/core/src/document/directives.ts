import type { Directive } from '../types.js';

const DIRECTIVE = /^\s*caselint-(disable-next-line|disable|enable)\b([^\n]*)$/;

/** Parse the inside of a directive comment or line; undefined when it is not one. */
export function parseDirective(body: string, line: number): Directive | undefined {
  if (!body.includes('caselint-')) return undefined;
  // Trimmed by hand: `/\s*-->\s*$/` is tried from every character of a long run of white space.
  let inside = body.trimEnd();
  if (inside.endsWith('-->')) inside = inside.slice(0, -3);
  const m = DIRECTIVE.exec(inside.trimEnd());
  if (!m) return undefined;
  const rules = m[2]!
    .split(/[\s,]+/)
    .map((r) => r.trim())
    .filter((r) => r && r !== '--');
  return { kind: m[1] as Directive['kind'], rules, line };
}

/**
 * A directive written in the form its file type understands, the inverse of the readers' parsing: an HTML comment
 * in Markdown, a line of its own in plain text. Editors use it to insert "disable for this line".
 */
export function directiveText(format: 'text' | 'markdown', kind: Directive['kind'], rules: readonly string[]): string {
  const body = `caselint-${kind}${rules.length ? ` ${rules.join(' ')}` : ''}`;
  return format === 'markdown' ? `<!-- ${body} -->` : body;
}

/** The directive a whole line holds, as the readers would find it, or undefined. */
export function directiveOnLine(line: string, format: 'text' | 'markdown', lineNumber = 1): Directive | undefined {
  const text = line.trim();
  if (format === 'markdown') {
    if (!text.startsWith('<!--') || !text.endsWith('-->')) return undefined;
    return parseDirective(text.slice(4).trim(), lineNumber);
  }
  return parseDirective(text, lineNumber);
}
