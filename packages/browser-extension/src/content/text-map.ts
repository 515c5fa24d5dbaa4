// A rich-text editor's text as caselint reads it, with a map back to the DOM. Block elements become line breaks
// (a blank line after paragraphs, headings and tables, so each is a block of its own); table cells are separated by
// tabs, so a table reads as the tab-separated rows the plain-text reader knows. Every character of a text node keeps
// its place (white space is turned into spaces, not collapsed; line feeds stay where CSS shows them as line breaks),
// so a finding's offsets map straight back to a Range.

interface Piece {
  /** Offset of the node's first character in the text. */
  at: number;
  node: Text;
}

const SKIPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'svg']);
/** Blocks that end a paragraph: a blank line after them. */
const PARAGRAPHS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TABLE', 'UL', 'OL', 'BLOCKQUOTE', 'PRE', 'FIGURE', 'HR', 'DL']);
/** Blocks that end a line. */
const LINES = new Set(['DIV', 'LI', 'TR', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'DT', 'DD', 'ADDRESS', 'CAPTION']);
const CELLS = new Set(['TD', 'TH']);

export class TextMap {
  readonly text: string;
  private readonly pieces: Piece[];

  private constructor(text: string, pieces: Piece[]) {
    this.text = text;
    this.pieces = pieces;
  }

  static of(root: Element): TextMap {
    const out: string[] = [];
    const pieces: Piece[] = [];
    let length = 0;
    let newlines = 0; // trailing line breaks written so far
    const push = (s: string) => {
      out.push(s);
      length += s.length;
      const trimmed = s.replace(/\n+$/, '');
      newlines = trimmed.length === 0 ? newlines + s.length : s.length - trimmed.length;
    };
    const breakLines = (n: number) => {
      if (length > 0 && newlines < n) push('\n'.repeat(n - newlines));
    };
    const walk = (node: Node, keepsBreaks: boolean) => {
      for (let child = node.firstChild; child; child = child.nextSibling) {
        if (child.nodeType === Node.TEXT_NODE) {
          const data = (child as Text).data;
          if (!data) continue;
          pieces.push({ at: length, node: child as Text });
          push(keepsBreaks ? data.replace(/\r(?!\n)/g, '\n').replace(/[\f\u00a0]/g, ' ') : data.replace(/[\t\n\r\f\u00a0]/g, ' '));
          continue;
        }
        if (child.nodeType !== Node.ELEMENT_NODE) continue;
        const tag = (child as Element).tagName;
        if (SKIPPED.has(tag)) continue;
        if (tag === 'BR') {
          push('\n');
          continue;
        }
        const lines = PARAGRAPHS.has(tag) ? 2 : LINES.has(tag) ? 1 : 0;
        if (lines) breakLines(lines);
        if (CELLS.has(tag) && (child as Element).previousElementSibling) push('\t');
        // Only blocks are asked for their style (inline elements rarely change white space, and asking costs).
        walk(child, lines ? keepsLineBreaks(child as Element) : keepsBreaks);
        if (lines) breakLines(lines);
      }
    };
    walk(root, keepsLineBreaks(root));
    return new TextMap(out.join(''), pieces);
  }

  /** The piece holding `offset`: the last piece starting at or before it. */
  private pieceAt(offset: number): number {
    let lo = 0;
    let hi = this.pieces.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.pieces[mid]!.at <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** A DOM Range over text offsets [start, end); undefined if the nodes have changed since the text was read. */
  range(start: number, end: number): Range | undefined {
    if (this.pieces.length === 0) return undefined;
    const first = this.pieces[this.pieceAt(start)]!;
    const last = this.pieces[this.pieceAt(Math.max(start, end - 1))]!;
    if (!first.node.isConnected || !last.node.isConnected) return undefined;
    const range = first.node.ownerDocument.createRange();
    try {
      range.setStart(first.node, clamp(start - first.at, first.node.length));
      range.setEnd(last.node, clamp(end - last.at, last.node.length));
    } catch {
      return undefined; // a node shrank after the text was read; the next check redraws
    }
    return range;
  }
}

/** white-space: pre, pre-wrap, pre-line or break-spaces: a line feed in the text is a line break on screen (a note field, or text pasted into one). */
function keepsLineBreaks(element: Element): boolean {
  return /^(?:pre|break-spaces)/.test(getComputedStyle(element).whiteSpace);
}

export function clamp(n: number, max: number): number {
  return Math.max(0, Math.min(n, max));
}
