// Types for the parts of word-extractor (which ships none) that the .doc reader uses.
declare module 'word-extractor/lib/word-ole-extractor.js' {
  /** Reads a Word binary document from an OLE compound file. */
  class WordOleExtractor {
    extract(reader: unknown): Promise<WordOleExtractor.WordDocument>;
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

declare module 'word-extractor/lib/buffer-reader.js' {
  /** word-extractor's reader over bytes in memory. */
  class BufferReader {
    constructor(buffer: Buffer);
  }
  export = BufferReader;
}
