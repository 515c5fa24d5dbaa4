import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import type { Nodes, Parents, PhrasingContent, RootContent } from 'mdast';
import type { Block, Directive, SourceDocument } from '../types.js';
import { parseDirective } from './directives.js';
import { BlockTextBuilder } from './segments.js';
import { splitAtLineBreaks } from './split-lines.js';

/**
 * Markdown to blocks: headings, paragraphs, list items and table cells, with inline markup removed
 * and every character mapped back to the source. HTML comments carry inline directives; code is not prose.
 */
export function parseMarkdown(text: string, path?: string): SourceDocument {
  const tree = fromMarkdown(text, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
  const blocks: Block[] = [];
  const directives: Directive[] = [];
  let tableIndex = -1;

  const visit = (node: RootContent, inList: boolean): void => {
    switch (node.type) {
      case 'heading':
        push(phrasing(node.children, text), 'heading', { depth: node.depth });
        return;
      case 'paragraph':
        for (const part of splitAtLineBreaks(phrasing(node.children, text))) push(part, inList ? 'list-item' : 'paragraph');
        return;
      case 'table': {
        tableIndex++;
        node.children.forEach((row, r) => {
          row.children.forEach((cell, c) => {
            push(phrasing(cell.children, text), 'table-cell', { table: { table: tableIndex, row: r, column: c, header: r === 0 } });
          });
        });
        return;
      }
      case 'html': {
        for (const m of node.value.matchAll(/<!--([\s\S]*?)-->/g)) {
          const endLine = (node.position?.start.line ?? 1) + node.value.slice(0, m.index! + m[0].length).split('\n').length - 1;
          const d = parseDirective(m[1]!.trim(), endLine);
          if (d) directives.push(d);
        }
        return;
      }
      case 'list':
        for (const item of node.children) for (const child of item.children) visit(child, true);
        return;
      case 'blockquote':
        for (const child of node.children) visit(child, inList);
        return;
      default:
        return; // code, thematic breaks, definitions: not report prose
    }
  };

  const push = (b: BlockTextBuilder, kind: Block['kind'], extra: Partial<Block> = {}): void => {
    if (!b.text.trim()) return;
    blocks.push({ kind, text: b.text, segments: b.segments, ...extra });
  };

  for (const node of tree.children) visit(node, false);
  return { path, format: 'markdown', text, blocks, directives };
}

/** Concatenate the text of inline content, mapping each piece to its source offset. */
function phrasing(children: PhrasingContent[], source: string): BlockTextBuilder {
  const b = new BlockTextBuilder();
  const walk = (nodes: Nodes[]): void => {
    for (const node of nodes) {
      if (node.type === 'text' || node.type === 'inlineCode') {
        const start = node.position?.start.offset;
        const end = node.position?.end.offset;
        if (start === undefined || end === undefined) b.unmapped(node.value);
        else if (node.type === 'text' && source.slice(start, end) === node.value) b.mapped(node.value, start);
        else if (node.type === 'inlineCode') b.mapped(node.value, start + source.slice(start, end).indexOf(node.value));
        else b.mapped(node.value, start); // escapes and entities: near enough
      } else if (node.type === 'break') {
        b.unmapped('\n');
      } else if ('children' in node) {
        walk((node as Parents).children as Nodes[]);
      }
    }
  };
  walk(children);
  return b;
}
