// Types for the parts of word-extractor (which ships none) that the .doc reader uses.
declare module 'word-extractor/lib/word-ole-extractor.js' {
  /** Reads a Word binary document from an OLE compound file. */
  class WordOleExtractor {
    /** The document's text in pieces, as read from the piece table (the paragraph properties edit them in place). */
    protected _pieces: { text: string; startFilePos: number; size: number; bpc: number }[];
    extract(reader: unknown): Promise<WordOleExtractor.WordDocument>;
    /** Applies paragraph properties to the pieces: `fib` is the WordDocument stream, `table` the table stream. */
    writeParagraphProperties(fib: Buffer, table: Buffer): void;
    /** Reads the text once the WordDocument stream (which starts with the FIB) is in `fib`. */
    extractWordDocument(document: unknown, fib: Buffer): Promise<WordOleExtractor.WordDocument>;
  }
  namespace WordOleExtractor {
    /** A Word 97-2003 document's text, as word-extractor recovers it. */
    interface WordDocument {
      getBody(options?: { filterUnicode?: boolean }): string;
    }
  }
  export = WordOleExtractor;
}

declare module 'word-extractor/lib/ole-allocation-table.js' {
  /** An OLE sector allocation table: which sector follows which. */
  class AllocationTable {
    protected _table: number[];
    /** The sectors of the chain that starts at `start`. */
    getSecIdChain(start: number): number[];
  }
  export = AllocationTable;
}

declare module 'word-extractor/lib/buffer-reader.js' {
  /** word-extractor's reader over bytes in memory. */
  class BufferReader {
    constructor(buffer: Buffer);
  }
  export = BufferReader;
}
