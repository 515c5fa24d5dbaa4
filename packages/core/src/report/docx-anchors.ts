import type { TextNodeSpan } from '../read/docx-body.js';
import { rawOffsetOf, type XmlToken } from './xml-tokens.js';

/**
 * Places comment anchors in the token stream of word/document.xml. A comment range starts and ends at
 * run level, so a cut inside a run splits it in two: both halves keep the run's start tag and `w:rPr`,
 * which is what keeps the formatting of a half-bold word intact.
 */

interface RunInfo {
  open: number;
  close: number;
  /** Raw `w:rPr` (start tag to end tag), repeated on the second half of a split run. */
  properties: string;
  firstContent: number;
  lastContent: number;
}

interface TextElement {
  open: number;
  close: number;
  /** The single text token inside, or -1 when empty or not a plain text token. */
  text: number;
  run?: RunInfo;
}

interface Insertion {
  /** Close the enclosing run before the markup and reopen it after. */
  wrap?: RunInfo;
  parts: Array<{ order: number; markup: string }>;
}

export class AnchorPlanner {
  private readonly elements: TextElement[] = [];
  private readonly before = new Map<number, Insertion>();
  private readonly after = new Map<number, Insertion>();
  private readonly splits = new Map<number, Map<number, Insertion>>();

  constructor(
    private readonly tokens: XmlToken[],
    private readonly removed: Set<number>,
    private readonly p: string,
  ) {
    this.index();
  }

  /** Record where each `w:t` and its run are; ordinals count every `w:t` start tag, as the reader does. */
  private index() {
    const { tokens, p } = this;
    const runs: Array<RunInfo & { depth: number; propsStart: number }> = [];
    let depth = 0;
    let current: TextElement | undefined;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (this.removed.has(i)) continue;
      const run = runs.at(-1);
      if (t.kind === 'open' || t.kind === 'selfclose') {
        if (t.kind === 'open') depth++;
        const childDepth = t.kind === 'open' ? depth - 1 : depth;
        if (run && childDepth === run.depth) {
          if (t.name === `${p}rPr`) {
            if (t.kind === 'selfclose') run.properties = t.raw;
            else run.propsStart = i;
          } else {
            if (run.firstContent < 0) run.firstContent = i;
            run.lastContent = i;
          }
        }
        if (t.name === `${p}r` && t.kind === 'open') {
          runs.push({ open: i, close: -1, properties: '', firstContent: -1, lastContent: -1, depth, propsStart: -1 });
        } else if (t.name === `${p}t`) {
          const element: TextElement = { open: i, close: i, text: -1, ...(run ? { run } : {}) };
          this.elements.push(element);
          current = t.kind === 'open' ? element : undefined;
        }
      } else if (t.kind === 'close') {
        if (run && depth === run.depth && t.name === `${p}r`) {
          run.close = i;
          runs.pop();
        } else if (run && depth === run.depth + 1) {
          if (t.name === `${p}rPr` && run.propsStart >= 0) {
            run.properties = tokens.slice(run.propsStart, i + 1).map((x) => x.raw).join('');
          } else {
            run.lastContent = i;
          }
        }
        if (current && t.name === `${p}t`) {
          current.close = i;
          current.text = current.text === -2 ? -1 : current.text;
          current = undefined;
        }
        depth--;
      } else if (current) {
        // Exactly one plain text token inside the element can be split; anything else (CDATA, comments) cannot.
        current.text = current.text === -1 && t.kind === 'text' && i - 1 === current.open ? i : -2;
      }
    }
  }

  /** Put `markup` at the start of the character `local` of the text node. */
  atStart(node: TextNodeSpan, local: number, markup: string) {
    const element = this.elements[node.ordinal];
    if (!element) return;
    if (local > 0 && element.text >= 0 && element.run) return this.split(element, local, markup, 1);
    const run = element.run;
    if (!run) return this.add(this.before, element.open, markup, 1);
    if (element.open === run.firstContent) return this.add(this.before, run.open, markup, 1);
    return this.add(this.before, element.open, markup, 1, run);
  }

  /** Put `markup` just after the character `local - 1` of the text node. */
  atEnd(node: TextNodeSpan, local: number, markup: string) {
    const element = this.elements[node.ordinal];
    if (!element) return;
    if (local < node.length && element.text >= 0 && element.run) return this.split(element, local, markup, 0);
    const run = element.run;
    if (!run || run.close < 0) return this.add(this.after, element.close, markup, 0);
    if (element.close === run.lastContent) return this.add(this.after, run.close, markup, 0);
    return this.add(this.after, element.close, markup, 0, run);
  }

  private split(element: TextElement, local: number, markup: string, order: number) {
    const raw = rawOffsetOf(this.tokens[element.text]!.raw, local);
    let at = this.splits.get(element.text);
    if (!at) this.splits.set(element.text, (at = new Map()));
    const insertion = at.get(raw) ?? { parts: [], ...(element.run ? { wrap: element.run } : {}) };
    insertion.parts.push({ order, markup });
    at.set(raw, insertion);
  }

  private add(where: Map<number, Insertion>, token: number, markup: string, order: number, wrap?: RunInfo) {
    const insertion = where.get(token) ?? { parts: [], ...(wrap ? { wrap } : {}) };
    insertion.parts.push({ order, markup });
    where.set(token, insertion);
  }

  /** The rewritten XML: untouched tokens verbatim, removed ones dropped, insertions and splits applied. */
  serialize(): string {
    const { tokens, p } = this;
    const out: string[] = [];
    const splitTextOpen = new Set<number>();
    for (const e of this.elements) if (this.splits.has(e.text)) splitTextOpen.add(e.open);
    for (let i = 0; i < tokens.length; i++) {
      if (this.removed.has(i)) continue;
      const before = this.before.get(i);
      if (before) out.push(this.render(before, ''));
      const raw = tokens[i]!.raw;
      const splits = this.splits.get(i);
      if (splits) {
        let last = 0;
        for (const offset of [...splits.keys()].sort((a, b) => a - b)) {
          out.push(raw.slice(last, offset), this.render(splits.get(offset)!, `</${p}t>`, `<${p}t xml:space="preserve">`));
          last = offset;
        }
        out.push(raw.slice(last));
      } else if (splitTextOpen.has(i) && !/xml:space=/.test(raw)) {
        out.push(raw.replace(/\s*>$/, ' xml:space="preserve">'));
      } else {
        out.push(raw);
      }
      const after = this.after.get(i);
      if (after) out.push(this.render(after, ''));
    }
    return out.join('');
  }

  private render(insertion: Insertion, closeInner: string, reopenInner = '') {
    // Ends before starts, so that back-to-back ranges do not overlap.
    const markup = [...insertion.parts].sort((a, b) => a.order - b.order).map((x) => x.markup).join('');
    const run = insertion.wrap;
    if (!run) return markup;
    return `${closeInner}</${this.p}r>${markup}${this.tokens[run.open]!.raw}${run.properties}${reopenInner}`;
  }
}
