// The shapes that flow through the pipeline: read -> document -> language -> facts -> rules -> report.
// Offsets are UTF-16 code-unit offsets into SourceDocument.text; lines and columns are 1-based.

export type Format = 'text' | 'markdown' | 'docx' | 'doc' | 'odt' | 'rtf' | 'pdf';
export type BlockKind = 'heading' | 'paragraph' | 'list-item' | 'table-cell';

/**
 * Where a block sits in a word-processor document (.docx, .doc, .odt, .rtf), in terms a Word user
 * understands (1-based): the paragraph, and the table, row and cell when it is in a table.
 */
export interface DocxLocation {
  paragraph: number;
  table?: number;
  row?: number;
  cell?: number;
}

/** Where text sits in a PDF (1-based): the page, and the line counted from the top of that page. */
export interface PdfLocation {
  page: number;
  line: number;
}

/** A place in a document in its author's terms: a Word paragraph or cell, or a PDF page and line. */
export type DocumentLocation = DocxLocation | PdfLocation;

/** A run of block text that maps one-to-one onto document text: block[at + i] === text[source + i]. */
export interface Segment {
  at: number;
  source: number;
  length: number;
}

/** One unit of prose: a heading, a paragraph, a list item or a table cell. Blocks are parsed on their own. */
export interface Block {
  kind: BlockKind;
  /** The block's text with markup removed. */
  text: string;
  /** Maps block offsets back to SourceDocument.text. Sorted by `at`. */
  segments: Segment[];
  /** Heading level, for headings. */
  depth?: number;
  /** For table cells: which table (0-based, in document order), row and column (0-based); header row flagged. */
  table?: { table: number; row: number; column: number; header: boolean };
  /** For word-processor documents: the Word location. */
  docx?: DocxLocation;
  /** For PDFs: the page and line where the block starts. */
  pdf?: PdfLocation;
}

/** An inline directive (`caselint-disable-next-line rule`), found by the reader. */
export interface Directive {
  kind: 'disable' | 'enable' | 'disable-next-line';
  /** Rule ids; empty means every rule. */
  rules: string[];
  /** 1-based line of the directive itself. */
  line: number;
}

export interface SourceDocument {
  path?: string;
  format: Format;
  /**
   * For text and Markdown: the decoded source. For word-processor documents: a plain-text rendering (one line
   * per paragraph). For PDFs: one line per line of the text layer, in reading order.
   */
  text: string;
  blocks: Block[];
  directives: Directive[];
  /** The encoding the bytes were decoded from, when read from bytes. */
  encoding?: string;
  /** For word-processor documents and PDFs: the author's location of a text offset (see DocumentLocation). */
  locationAt?: (offset: number) => DocumentLocation | undefined;
}

export interface Span {
  start: number;
  end: number;
}

export interface LineColumnRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type Severity = 1 | 2;
export type SeveritySetting = 'off' | 'warn' | 'error' | 0 | 1 | 2;

/** A place a finding refers to, such as an unachieved area that a verdict contradicts. */
export interface RelatedLocation extends Span, LineColumnRange {
  message: string;
  docx?: DocxLocation;
  /** Set when the place is in another document of the case; its offsets, line and column are that document's. */
  filePath?: string;
  pdf?: PdfLocation;
}

export interface Finding extends Span, LineColumnRange {
  ruleId: string;
  severity: Severity;
  messageId: string;
  /** The rendered message: what was found and what to write instead. */
  message: string;
  /** The flagged text. */
  phrase: string;
  /** Why it matters: the review's lesson. */
  note?: string;
  /** How to fix it, in a sentence or two. */
  fix?: string;
  /** Suggested replacements for the flagged phrase (templates with [brackets] to fill in). */
  expected?: string[];
  /** Link to the rule's documentation. */
  url?: string;
  related?: RelatedLocation[];
  docx?: DocxLocation;
  pdf?: PdfLocation;
}

export interface LintResult {
  filePath: string;
  findings: Finding[];
  /** Set when the file could not be read or checked at all. */
  fatal?: { message: string; code: string };
  errorCount: number;
  warningCount: number;
  /** The document that was checked (absent for a fatal result). */
  document?: SourceDocument;
}
