// A Word document for the pane's tests: paragraphs, ranges and comments are Microsoft's office-addin-mock objects
// (a property read before load() and context.sync() gives the mock's error text, as Office.js would throw), and
// the collections and `Word.run` around them are thin glue, since the mock has no collections. Bundled with
// esbuild (see pane.ts) so the same fake runs under vitest in Node and in the pane in Chromium.
import { OfficeMockObject } from 'office-addin-mock';

export interface FakeParagraph {
  text: string;
  styleBuiltIn?: string;
  /** For a paragraph in a table: its cell (0-based), and how deep the table is nested (default 1). */
  cell?: { rowIndex: number; cellIndex: number };
  tableNestingLevel?: number;
}

/** What the pane did to the document, for the tests to read. */
export interface WordRecord {
  /** Each select(): the paragraph (0-based), the selected text and where it starts in the paragraph. */
  selected: Array<{ paragraph: number; text: string; offset: number }>;
  /** Each insertComment(): where, on what text, saying what. */
  inserted: Array<{ paragraph: number; text: string; offset: number; comment: string }>;
  /** The contents of the comments deleted. */
  deleted: string[];
  /** The comments the document holds now. */
  comments: string[];
  /** How many times Word.run was called. */
  runs: number;
}

class FakeCollection<T> {
  constructor(public items: T[], private readonly loadItem: (item: T, properties: string) => void) {}
  load(properties: string): this {
    for (const item of this.items) this.loadItem(item, properties);
    return this;
  }
}

/** Globals `Word` and `Office` standing for Word with `paragraphs` open and `comments` already in it. */
export function fakeWord(paragraphs: FakeParagraph[], comments: string[] = []) {
  const record: WordRecord = { selected: [], inserted: [], deleted: [], comments: [...comments], runs: 0 };
  const selectionHandlers: Array<() => void> = [];
  const mocks: OfficeMockObject[] = [];
  const track = (mock: OfficeMockObject) => (mocks.push(mock), mock);

  const range = (paragraph: number, text: string, offset: number) =>
    track(
      new OfficeMockObject({
        text,
        select: () => void record.selected.push({ paragraph, text, offset }),
        insertComment: (comment: string) => {
          record.inserted.push({ paragraph, text, offset, comment });
          record.comments.push(comment);
        },
      }),
    );

  const paragraphMocks = paragraphs.map((p, index) =>
    track(
      new OfficeMockObject({
        text: p.text,
        styleBuiltIn: p.styleBuiltIn ?? 'Normal',
        outlineLevel: 10,
        isListItem: false,
        tableNestingLevel: p.cell ? (p.tableNestingLevel ?? 1) : 0,
        parentTableCell: p.cell ?? { rowIndex: -1, cellIndex: -1 },
        getRange: () => range(index, p.text, 0),
        search: (phrase: string, options?: { matchCase?: boolean }) => {
          const haystack = options?.matchCase ? p.text : p.text.toLowerCase();
          const needle = options?.matchCase ? phrase : phrase.toLowerCase();
          const found: OfficeMockObject[] = [];
          for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) found.push(range(index, p.text.slice(at, at + phrase.length), at));
          return new FakeCollection(found, (item, properties) => item.load(properties));
        },
      }),
    ),
  );
  for (const mock of paragraphMocks) track(mock.parentTableCell as OfficeMockObject);

  const context = {
    document: {
      body: {
        paragraphs: new FakeCollection(paragraphMocks, (item, properties) => item.load(properties)),
        getComments: () =>
          new FakeCollection(
            record.comments.map((content) =>
              track(
                new OfficeMockObject({
                  content,
                  delete: () => {
                    record.deleted.push(content);
                    record.comments.splice(record.comments.indexOf(content), 1);
                  },
                }),
              ),
            ),
            (item, properties) => item.load(properties),
          ),
      },
    },
    async sync() {
      for (const mock of mocks) await mock.sync();
    },
  };

  const Word = {
    async run<T>(batch: (ctx: typeof context) => Promise<T>): Promise<T> {
      record.runs++;
      return batch(context);
    },
  };
  const Office = {
    HostType: { Word: 'Word' },
    EventType: { DocumentSelectionChanged: 'documentSelectionChanged' },
    onReady(callback: (info: { host: string }) => void) {
      queueMicrotask(() => callback({ host: 'Word' }));
    },
    context: {
      requirements: { isSetSupported: () => false },
      document: { addHandlerAsync: (_event: string, handler: () => void) => void selectionHandlers.push(handler) },
    },
  };
  /** Word telling the pane the selection moved (as typing does). */
  const selectionChanged = () => selectionHandlers.forEach((handler) => handler());
  return { Word, Office, record, selectionChanged };
}
