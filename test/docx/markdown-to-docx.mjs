// Converts the shared example reports into Word documents the way an author would have typed them:
// Markdown headings become Heading styles, tables become Word tables, lists become bulleted/numbered
// paragraphs, bold/italic become formatted runs; in plain text each line is its own paragraph.
import {
  Document,
  ExternalHyperlink,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';

const numbering = { config: [{ reference: 'numbered', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.' }] }] };
const toBytes = async (doc) => new Uint8Array(await Packer.toBuffer(doc));

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];

/** mdast phrasing content to runs; `marks` carries bold/italics down. */
function runs(nodes, marks = {}) {
  const out = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        node.value.split('\n').forEach((line, i) => out.push(new TextRun({ text: line, ...marks, ...(i > 0 ? { break: 1 } : {}) })));
        break;
      case 'strong':
        out.push(...runs(node.children, { ...marks, bold: true }));
        break;
      case 'emphasis':
        out.push(...runs(node.children, { ...marks, italics: true }));
        break;
      case 'link':
        out.push(new ExternalHyperlink({ link: node.url, children: runs(node.children, marks) }));
        break;
      case 'break':
        out.push(new TextRun({ text: '', break: 1 }));
        break;
      default:
        if ('children' in node) out.push(...runs(node.children, marks));
    }
  }
  return out;
}

function blocks(nodes, list) {
  const out = [];
  for (const node of nodes) {
    if (node.type === 'heading') out.push(new Paragraph({ heading: HEADINGS[node.depth - 1], children: runs(node.children) }));
    else if (node.type === 'paragraph') {
      const listing = list ? (list.ordered ? { numbering: { reference: 'numbered', level: 0 } } : { bullet: { level: 0 } }) : {};
      out.push(new Paragraph({ children: runs(node.children), ...listing }));
    } else if (node.type === 'list') {
      for (const item of node.children) out.push(...blocks(item.children, { ordered: node.ordered ?? false }));
    } else if (node.type === 'blockquote') out.push(...blocks(node.children));
    else if (node.type === 'table') {
      out.push(
        new Table({
          rows: node.children.map(
            (row) => new TableRow({ children: row.children.map((cell) => new TableCell({ children: [new Paragraph({ children: runs(cell.children) })] })) }),
          ),
        }),
      );
    }
  }
  return out;
}

/** @param {string} markdown @returns {Promise<Uint8Array>} */
export async function markdownToDocx(markdown) {
  const tree = fromMarkdown(markdown, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
  return toBytes(new Document({ numbering, sections: [{ children: blocks(tree.children) }] }));
}

/** @param {string} text @returns {Promise<Uint8Array>} */
export async function plainTextToDocx(text) {
  const children = text.split(/\r?\n/).map((line) => new Paragraph(line));
  return toBytes(new Document({ sections: [{ children }] }));
}
