import type { Directive } from '../types.js';

const DIRECTIVE = /^\s*caselint-(disable-next-line|disable|enable)\b([^\n]*)$/;

/** Parse the inside of a directive comment or line; undefined when it is not one. */
export function parseDirective(body: string, line: number): Directive | undefined {
  if (!body.includes('caselint-')) return undefined;
  const m = DIRECTIVE.exec(body.replace(/\s*-->\s*$/, ''));
  if (!m) return undefined;
  const rules = m[2]!
    .split(/[\s,]+/)
    .map((r) => r.trim())
    .filter((r) => r && r !== '--');
  return { kind: m[1] as Directive['kind'], rules, line };
}
