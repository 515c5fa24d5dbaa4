// The fields caselint checks, each able to read its text and to say where a stretch of it is on screen.
// A textarea's text has no DOM ranges, so a mirror (an invisible copy laid out exactly like it, in the overlay's
// shadow root) gives the rectangles; a contenteditable element's text is mapped to its own text nodes.
import { TextMap, clamp } from './text-map.js';

export interface Field {
  readonly element: HTMLElement;
  /** Reads the text now (and remembers it for rects). */
  read(): string;
  /** Where each stretch [start, end) of the last read text is, in viewport coordinates (one call per drawing: layout is read once). */
  rects(spans: readonly { start: number; end: number }[]): DOMRect[][];
  /** The part of the viewport in which the field shows its text (marks are clipped to it). */
  visibleBox(): DOMRect;
  dispose(): void;
}

/** The element whose text a user is editing, for an event target or a node inside a field. */
export function fieldElementOf(node: Node | null): HTMLElement | undefined {
  const element = node?.nodeType === Node.ELEMENT_NODE ? (node as HTMLElement) : node?.parentElement;
  if (!element) return undefined;
  if (element.tagName === 'TEXTAREA') return (element as HTMLTextAreaElement).disabled ? undefined : element;
  if (!element.isContentEditable) return undefined;
  let root: HTMLElement = element;
  while (root.parentElement?.isContentEditable) root = root.parentElement;
  return root;
}

/** Every field in the document, for the first check of text already there. */
export function fieldElementsIn(doc: Document): HTMLElement[] {
  const found = new Set<HTMLElement>();
  for (const element of doc.querySelectorAll<HTMLElement>('textarea, [contenteditable]')) {
    const field = fieldElementOf(element);
    if (field) found.add(field);
  }
  if (doc.body?.isContentEditable) found.add(doc.body); // an iframe editor (CKEditor 4, TinyMCE), or designMode
  return [...found];
}

export function fieldFor(element: HTMLElement, mirrorParent: ShadowRoot): Field {
  return element.tagName === 'TEXTAREA' ? new TextareaField(element as HTMLTextAreaElement, mirrorParent) : new EditableField(element);
}

function contentBox(element: HTMLElement): DOMRect {
  if (element === element.ownerDocument.body) {
    const view = element.ownerDocument.defaultView!;
    return new DOMRect(0, 0, view.innerWidth, view.innerHeight);
  }
  const box = element.getBoundingClientRect();
  return new DOMRect(box.left + element.clientLeft, box.top + element.clientTop, element.clientWidth, element.clientHeight);
}

function rangeRects(range: Range | undefined): DOMRect[] {
  return range ? [...range.getClientRects()].filter((r) => r.width > 0 || r.height > 0) : [];
}

class EditableField implements Field {
  private map: TextMap | undefined;
  constructor(readonly element: HTMLElement) {}
  read(): string {
    this.map = TextMap.of(this.element);
    return this.map.text;
  }
  rects(spans: readonly { start: number; end: number }[]): DOMRect[][] {
    return spans.map(({ start, end }) => rangeRects(this.map?.range(start, end)));
  }
  visibleBox(): DOMRect {
    return contentBox(this.element);
  }
  dispose(): void {
    this.map = undefined;
  }
}

/** The textarea styles that decide where its text wraps. */
const MIRRORED = [
  'boxSizing', 'width', 'height', 'fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'fontVariant', 'fontStretch', 'letterSpacing', 'wordSpacing',
  'lineHeight', 'textTransform', 'textIndent', 'textAlign', 'tabSize', 'direction', 'whiteSpace', 'wordBreak', 'overflowWrap',
  'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft', 'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth', 'borderStyle',
] as const;

class TextareaField implements Field {
  private readonly mirror: HTMLDivElement;
  /** The text's lines, one block each in the mirror: an edit re-lays out only the lines it changed, not 20 KB. */
  private lines: { text: string; node: Text }[] = [];
  /** Offset of each line's first character in the text. */
  private starts: number[] = [];
  constructor(readonly element: HTMLTextAreaElement, parent: ShadowRoot) {
    this.mirror = parent.ownerDocument.createElement('div');
    this.mirror.className = 'mirror';
    parent.append(this.mirror);
  }
  read(): string {
    const text = this.element.value;
    const next = text.split('\n');
    const old = this.lines;
    // Keep the lines before and after the edit; replace the ones between.
    let head = 0;
    while (head < old.length && head < next.length && old[head]!.text === next[head]) head++;
    let tail = 0;
    while (tail < old.length - head && tail < next.length - head && old[old.length - 1 - tail]!.text === next[next.length - 1 - tail]) tail++;
    for (const line of old.slice(head, old.length - tail)) line.node.parentElement!.remove();
    const doc = this.mirror.ownerDocument;
    const fresh = next.slice(head, next.length - tail).map((line) => ({ text: line, node: doc.createTextNode(line) }));
    const after = tail > 0 ? old[old.length - tail]!.node.parentElement : null;
    for (const line of fresh) {
      const block = doc.createElement('div');
      block.className = 'line';
      block.append(line.node);
      this.mirror.insertBefore(block, after);
    }
    this.lines = [...old.slice(0, head), ...fresh, ...old.slice(old.length - tail)];
    this.starts = [];
    let at = 0;
    for (const line of this.lines) {
      this.starts.push(at);
      at += line.text.length + 1;
    }
    return text;
  }
  /** The line holding `offset`. */
  private lineAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
  rects(spans: readonly { start: number; end: number }[]): DOMRect[][] {
    if (spans.length === 0 || this.lines.length === 0) return spans.map(() => []);
    this.layOut();
    const range = this.element.ownerDocument.createRange();
    return spans.map(({ start, end }) => {
      // Line by line: a range across the line blocks would also return the blocks' own boxes.
      const out: DOMRect[] = [];
      for (let i = this.lineAt(start), last = this.lineAt(Math.max(start, end - 1)); i <= last; i++) {
        const node = this.lines[i]!.node;
        range.setStart(node, clamp(start - this.starts[i]!, node.length));
        range.setEnd(node, clamp(end - this.starts[i]!, node.length));
        out.push(...rangeRects(range));
      }
      return out;
    });
  }
  visibleBox(): DOMRect {
    return contentBox(this.element);
  }
  dispose(): void {
    this.mirror.remove();
  }
  /** Lays the mirror over the textarea with its styles, scrolled as it is. */
  private layOut(): void {
    const style = getComputedStyle(this.element);
    const mirror = this.mirror.style;
    for (const key of MIRRORED) mirror[key] = style[key];
    mirror.whiteSpace = 'pre-wrap';
    mirror.overflowWrap = style.overflowWrap === 'normal' ? 'break-word' : style.overflowWrap;
    // The textarea's scroll bar narrows its text; the mirror has none, so it takes the same width as padding.
    const scrollbar = this.element.offsetWidth - this.element.clientWidth - parseFloat(style.borderLeftWidth) - parseFloat(style.borderRightWidth);
    mirror.paddingRight = `${parseFloat(style.paddingRight) + Math.max(0, scrollbar)}px`;
    const box = this.element.getBoundingClientRect();
    mirror.left = `${box.left}px`;
    mirror.top = `${box.top}px`;
    mirror.width = `${box.width}px`;
    mirror.height = `${box.height}px`;
    mirror.boxSizing = 'border-box';
    this.mirror.scrollTop = this.element.scrollTop;
    this.mirror.scrollLeft = this.element.scrollLeft;
  }
}
