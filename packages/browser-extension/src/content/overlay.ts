// The layer caselint draws in: one element outside every editor (a child of <html>, after <body>), with an open
// shadow root holding the marks, the finding card and the textarea mirrors. The page's own text and markup are never
// touched; the marks are fixed-position boxes over the text, and let the mouse through to it.
import type { FindingView } from '../messages.js';

const STYLE = `
:host { all: initial; }
.mark { position: fixed; --line: #d93025; --fill: rgba(217, 48, 37, 0.08); }
.mark.warn { --line: #e37400; --fill: rgba(227, 116, 0, 0.08); }
.mark, .part { pointer-events: none; box-sizing: border-box; border-bottom: 2px solid var(--line); background: var(--fill); }
.part { position: absolute; }
.mark[hidden] { display: none; }
.mirror { position: fixed; visibility: hidden; overflow: hidden; pointer-events: none; margin: 0; border-color: transparent; }
.mirror .line:empty::before { content: "\\200b"; } /* an empty line still takes a line, as in the textarea */
.card { position: fixed; z-index: 2147483647; pointer-events: auto; max-width: 420px; box-sizing: border-box; padding: 12px 14px;
  background: #fff; color: #1f1f1f; border: 1px solid #c4c7c5; border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.18);
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; text-align: left; overflow: auto; }
.card[hidden] { display: none; }
.card h2 { margin: 0 0 6px; font-size: 12px; font-weight: 600; color: #5f6368; font-family: ui-monospace, monospace; }
.card p { margin: 0 0 8px; }
.card h3 { margin: 8px 0 2px; font-size: 12px; font-weight: 600; }
.card ul { margin: 0 0 8px; padding-left: 18px; }
.card .buttons { display: flex; gap: 8px; margin-top: 10px; }
.card button { font: inherit; padding: 3px 10px; border: 1px solid #c4c7c5; border-radius: 4px; background: #f8f9fa; color: inherit; cursor: pointer; }
.card button:hover { background: #e8eaed; }
.card button:disabled { cursor: default; opacity: .6; }
`;

export interface CardActions {
  ignore(finding: FindingView): void;
  turnOff(finding: FindingView): void;
  /** Whether the organisation fixes this rule (then the user cannot turn it off). */
  ruleLocked(ruleId: string): boolean;
}

export interface PlacedMark {
  finding: FindingView;
  rects: DOMRect[];
}

function place(box: HTMLElement, rect: DOMRect, left: number, top: number): void {
  box.style.left = `${rect.left - left}px`;
  box.style.top = `${rect.top - top}px`;
  box.style.width = `${rect.width}px`;
  box.style.height = `${rect.height}px`;
}

export class Overlay {
  readonly host: HTMLElement;
  readonly root: ShadowRoot;
  private readonly card: HTMLElement;
  private readonly layers = new Map<object, HTMLElement>();
  private cardFor: FindingView | undefined;

  constructor(private readonly doc: Document, private readonly actions: CardActions) {
    this.host = doc.createElement('caselint-overlay');
    this.root = this.host.attachShadow({ mode: 'open' }); // open: tests and other tools find the marks
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLE); // a constructed sheet: no inline <style> for the page's CSP to refuse
    this.root.adoptedStyleSheets = [sheet];
    this.card = doc.createElement('div');
    this.card.className = 'card';
    this.card.hidden = true;
    this.card.setAttribute('data-caselint-card', '');
    this.card.setAttribute('role', 'dialog');
    this.root.append(this.card);
    this.attach();
  }

  /** Puts the host back if the page replaced <html>'s children (some frameworks do). */
  attach(): void {
    if (!this.host.isConnected) this.doc.documentElement.append(this.host);
  }

  /** Draws one field's marks (replacing the ones it had). */
  draw(field: object, marks: PlacedMark[]): void {
    let layer = this.layers.get(field);
    if (!layer) {
      layer = this.doc.createElement('div');
      this.layers.set(field, layer);
      this.root.append(layer);
    }
    // One element per finding (so the marks and the count agree), over the phrase's first line; its other lines
    // (a phrase that wraps) are parts inside it. A finding scrolled out of sight keeps its element, hidden.
    const boxes = marks.map(({ finding, rects }) => {
      const mark = this.doc.createElement('div');
      mark.className = finding.severity === 2 ? 'mark error' : 'mark warn';
      mark.setAttribute('data-caselint-rule', finding.ruleId);
      const [first, ...rest] = rects;
      if (!first) {
        mark.hidden = true;
        return mark;
      }
      place(mark, first, 0, 0);
      for (const rect of rest) {
        const part = this.doc.createElement('div');
        part.className = 'part';
        place(part, rect, first.left, first.top);
        mark.append(part);
      }
      return mark;
    });
    layer.replaceChildren(...boxes);
    this.attach();
  }

  clear(field: object): void {
    this.layers.get(field)?.remove();
    this.layers.delete(field);
  }

  /** True when the point is over the card (so moving onto it keeps it open). */
  overCard(x: number, y: number): boolean {
    if (this.card.hidden) return false;
    const box = this.card.getBoundingClientRect();
    return x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;
  }

  get openFinding(): FindingView | undefined {
    return this.card.hidden ? undefined : this.cardFor;
  }

  showCard(finding: FindingView, at: DOMRect): void {
    if (this.cardFor === finding && !this.card.hidden) return;
    this.cardFor = finding;
    this.card.replaceChildren(...this.cardContent(finding));
    this.card.hidden = false;
    const view = this.doc.defaultView!;
    const width = Math.min(420, view.innerWidth - 16);
    this.card.style.left = `${Math.max(8, Math.min(at.left, view.innerWidth - width - 8))}px`;
    // Below the mark if it fits, else above; if neither, on the roomier side, scrolling within the space there.
    this.card.style.maxHeight = '';
    const height = this.card.offsetHeight;
    const below = view.innerHeight - at.bottom - 14;
    const above = at.top - 14;
    const downwards = height <= below || (height > above && below >= above);
    if (height > Math.max(below, above)) this.card.style.maxHeight = `${Math.max(below, above)}px`;
    this.card.style.top = `${downwards ? at.bottom + 6 : at.top - 6 - Math.min(height, above)}px`;
  }

  hideCard(): void {
    this.card.hidden = true;
    this.cardFor = undefined;
  }

  private cardContent(finding: FindingView): HTMLElement[] {
    const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, attribute?: string): HTMLElementTagNameMap[K] => {
      const node = this.doc.createElement(tag);
      if (text !== undefined) node.textContent = text;
      if (attribute) node.setAttribute(attribute, '');
      return node;
    };
    const parts: HTMLElement[] = [el('h2', `caselint · ${finding.ruleId}`), el('p', finding.message, 'data-caselint-message')];
    const section = (title: string, body: HTMLElement, attribute: string) => {
      const heading = el('h3', title);
      body.setAttribute(attribute, '');
      parts.push(heading, body);
    };
    if (finding.note) section('Why it matters', el('p', finding.note), 'data-caselint-why');
    if (finding.fix) section('How to fix it', el('p', finding.fix), 'data-caselint-fix');
    const suggestions = [...new Set(finding.expected ?? [])];
    if (suggestions.length > 0) {
      const list = el('ul');
      list.append(...suggestions.map((s) => el('li', s)));
      section('Suggested wording', list, 'data-caselint-expected');
    }
    if (finding.related?.length) {
      const list = el('ul');
      list.append(...finding.related.map((r) => el('li', r.message)));
      section('Recorded in this text', list, 'data-caselint-related');
    }
    const buttons = el('div');
    buttons.className = 'buttons';
    const ignore = el('button', 'Ignore here', 'data-caselint-ignore');
    ignore.addEventListener('click', () => {
      this.hideCard();
      this.actions.ignore(finding);
    });
    const off = el('button', 'Turn this rule off', 'data-caselint-rule-off');
    if (this.actions.ruleLocked(finding.ruleId)) {
      off.disabled = true;
      off.title = 'Your organisation sets this rule';
    }
    off.addEventListener('click', () => {
      this.hideCard();
      this.actions.turnOff(finding);
    });
    buttons.append(ignore, off);
    parts.push(buttons);
    return parts;
  }
}
