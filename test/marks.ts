// Marked examples, as ESLint's RuleTester and LanguageTool's <example> markers have them: `The PAMS outcome was
// [positive].` marks the phrase a rule must report. Shared by the rule harness and the knowledge tests.

export type Span = [start: number, end: number];

/** A marked example split into the text to lint and the marked spans (offsets into that text). Throws on bad marks. */
export function unmark(marked: string): { text: string; spans: Span[] } {
  let text = '';
  const spans: Span[] = [];
  let open = -1;
  for (let i = 0; i < marked.length; i++) {
    const ch = marked[i]!;
    if (ch === '\\' && (marked[i + 1] === '[' || marked[i + 1] === ']' || marked[i + 1] === '\\')) {
      text += marked[++i];
    } else if (ch === '[') {
      if (open >= 0) throw new Error(`nested "[" at ${i} in: ${marked}`);
      open = text.length;
    } else if (ch === ']') {
      if (open < 0) throw new Error(`"]" with no "[" at ${i} in: ${marked}`);
      spans.push([open, text.length]);
      open = -1;
    } else text += ch;
  }
  if (open >= 0) throw new Error(`unclosed "[" in: ${marked}`);
  return { text, spans };
}

/** The text with the given spans marked, escaping literal brackets: the inverse of `unmark` for spans that do not overlap. */
export function mark(text: string, spans: readonly Span[]): string {
  const esc = (s: string) => s.replace(/[\\[\]]/g, (c) => `\\${c}`);
  const count = (m: Map<number, number>, k: number) => m.set(k, (m.get(k) ?? 0) + 1);
  const opens = new Map<number, number>();
  const closes = new Map<number, number>();
  const empties = new Map<number, number>();
  for (const [s, e] of spans) {
    if (s === e) count(empties, s);
    else count(opens, s), count(closes, e);
  }
  let out = '';
  for (let i = 0; i <= text.length; i++) {
    out += ']'.repeat(closes.get(i) ?? 0) + '[]'.repeat(empties.get(i) ?? 0) + '['.repeat(opens.get(i) ?? 0);
    if (i < text.length) out += esc(text[i]!);
  }
  return out;
}
