// In the pane's page, standing for office.js: Word and Office from the document the test put in
// `window.caselintFakeDocument`; what the pane did is left in `window.caselintWordRecord`.
import { fakeWord, type FakeParagraph } from './fake-word.js';

const page = window as unknown as { caselintFakeDocument: { paragraphs: FakeParagraph[]; comments: string[] }; Word: unknown; Office: unknown; caselintWordRecord: unknown };
const { Word, Office, record } = fakeWord(page.caselintFakeDocument.paragraphs, page.caselintFakeDocument.comments);
Object.assign(page, { Word, Office, caselintWordRecord: record });
