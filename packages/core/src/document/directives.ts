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
