// Builders for .docx test fixtures: real documents from the `docx` package, and hand-written packages
// (via fflate) for markup the `docx` package cannot produce, such as complex fields or hostile content.
import {
  DeletedTextRun,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  InsertedTextRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  type ParagraphChild,
} from 'docx';
import { strToU8, zipSync, type Zippable } from 'fflate';

export async function toBytes(doc: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(doc));
}

export function cellTable(rows: string[][]): Table {
  return new Table({
    rows: rows.map(
      (cells) => new TableRow({ children: cells.map((text) => new TableCell({ children: [new Paragraph(text)] })) }),
    ),
  });
}

export const numbering = {
  config: [
    {
      reference: 'numbered',
      levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.' }],
    },
  ],
};

/** A short PAMS report exercising headings, a table, lists, formatting runs, a hyperlink and tracked changes. */
export async function samplePamsReport(): Promise<Uint8Array> {
  const runs: ParagraphChild[] = [
    new TextRun('Ms Carter has '),
    new TextRun({ text: 'pas', bold: true }),
    new TextRun({ text: 'sed', italics: true }),
    new TextRun(' the assessment.'),
  ];
  const doc = new Document({
    numbering,
    sections: [
      {
        footers: { default: new Footer({ children: [new Paragraph('Footer: the placement was positive')] }) },
        children: [
          new Paragraph({ text: 'Parenting Assessment', heading: HeadingLevel.TITLE }),
          new Paragraph({ text: 'PAMS outcomes', heading: HeadingLevel.HEADING_2 }),
          cellTable([
            ['Area', 'Outcome'],
            ['Feeding and nutrition', 'Achieved'],
            ['Safe sleeping', 'Unachieved'],
          ]),
          new Paragraph({ text: 'Staff found Mia asleep in her bed.', bullet: { level: 0 } }),
          new Paragraph({ text: 'She missed four sessions.', numbering: { reference: 'numbered', level: 0 } }),
          new Paragraph({ children: runs }),
          new Paragraph({
            children: [
              new TextRun('See the '),
              new ExternalHyperlink({ link: 'https://example.org/safer-sleep', children: [new TextRun({ text: 'safer sleep guidance', style: 'Hyperlink' })] }),
              new TextRun(' for detail.'),
            ],
          }),
          new Paragraph({
            children: [
              new TextRun('The placement was '),
              new DeletedTextRun({ text: 'very ', id: 1, author: 'Editor', date: '2024-01-01T00:00:00Z' }),
              new InsertedTextRun({ text: 'broadly ', id: 2, author: 'Editor', date: '2024-01-01T00:00:00Z' }),
              new TextRun('positive.'),
            ],
          }),
        ],
      },
    ],
  });
  return toBytes(doc);
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A minimal package around a hand-written body; `extra` adds or overrides parts. */
export function rawDocx(body: string, extra: Record<string, string | Uint8Array> = {}): Uint8Array {
  const files: Zippable = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>${body}<w:sectPr/></w:body></w:document>`,
    ),
  };
  for (const [name, content] of Object.entries(extra)) files[name] = typeof content === 'string' ? strToU8(content) : content;
  return zipSync(files);
}

export { Document, HeadingLevel, Paragraph, TextRun, ExternalHyperlink };
