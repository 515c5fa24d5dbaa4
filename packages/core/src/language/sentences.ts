import { unified } from 'unified';
import retextEnglish from 'retext-english';
import type { Root } from 'nlcst';
import { ENGLISH, ENGLISH_SENSITIVE, LATIN_PREFIX } from './retext-abbreviations.js';

export interface Token {
  /** Text as written. */
  text: string;
  /** Lower-cased, with curly apostrophes straightened. */
  lower: string;
  /** Offsets in the block's text. */
  start: number;
  end: number;
  kind: 'word' | 'punct';
}

export interface Sentence {
  text: string;
  /** Offsets in the block's text. */
  start: number;
  end: number;
  /** Number of word tokens. */
  words: number;
}

const parser = unified().use(retextEnglish);

/**
 * Split one block into sentences. Blocks are parsed on their own: whole-document parses degrade.
 * Most report prose is unambiguous to split (every full stop ends a sentence and is followed by a space and a
 * capital, or is a decimal point between digits); for those blocks a direct split gives exactly retext-english's
 * sentences at a tenth of the cost (checked against retext on generated and example reports in the tests). Anything
 * else, such as abbreviations, initials, ellipses, brackets or quotations, goes to retext-english.
 */
export function sentencesOf(blockText: string): Sentence[] {
  const plain = plainProseSentences(blockText);
  if (plain) return plain;
  if (blockText.length <= MAX_RETEXT_CHUNK) return splitMissedEnds(retextSentences(blockText));
  // retext-english slows down more than linearly on very long blocks full of abbreviations or initials
  // (480 KB of "A. B. C." took 8.5 s), so a runaway block is parsed in pieces cut after a sentence end.
  const out: Sentence[] = [];
  for (let from = 0; from < blockText.length; ) {
    const to = chunkEnd(blockText, from);
    for (const s of retextSentences(blockText.slice(from, to))) out.push({ ...s, start: s.start + from, end: s.end + from });
    from = to;
  }
  return splitMissedEnds(out);
}

/**
 * A full stop that retext-english takes for an abbreviation's, where case notes end sentences: "He has settled in.
 * Next visit ...", "Mia is 2. She ...", "Mum sat. She ..." ("in" as inches, a number as a list's, "sat" as
 * Saturday), and a unit, a time or a day that ends a sentence: "Baby weighed 7 lbs. Mum ...", "Staff rang at 10 p.m.
 * Mum ...", "Visit on Tues. Mum ...". Split there when a capitalised word follows that is not a month's or a day's
 * name ("10 a.m. Monday"). A word (not a number) comes before "in", "sat" or a number: "6 in." measures.
 */
const MISSED_END = new RegExp(
  String.raw`(?:[a-z] (?:in|sat|\d{1,3})|\d ?(?:lbs?|oz|kg|ml|cm|mm|ft)|\d ?[ap]\.m|\b(?:Mon|Tues?|Wed|Thu|Thur|Thurs|Fri|Sat|Sun))\.(\s{1,4})` +
    String.raw`(?=[A-Z][a-z])(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b)`,
);
const MISSED_ENDS = new RegExp(MISSED_END.source, 'g');

export function splitMissedEnds(sentences: Sentence[]): Sentence[] {
  if (!sentences.some((s) => MISSED_END.test(s.text))) return sentences;
  const out: Sentence[] = [];
  for (const s of sentences) {
    let from = 0;
    for (const m of s.text.matchAll(MISSED_ENDS)) {
      const stop = m.index! + m[0].length - m[1]!.length;
      const text = s.text.slice(from, stop);
      out.push({ text, start: s.start + from, end: s.start + stop, words: countWords(text) });
      from = m.index! + m[0].length;
    }
    const text = from ? s.text.slice(from) : s.text;
    out.push(from ? { text, start: s.start + from, end: s.end, words: countWords(text) } : s);
  }
  return out;
}

const MAX_RETEXT_CHUNK = 4000;

/** Where to end a piece of a long block: after a sentence end near the size limit, else after a space. */
function chunkEnd(text: string, from: number): number {
  const limit = from + MAX_RETEXT_CHUNK;
  if (limit >= text.length) return text.length;
  const window = text.slice(from + MAX_RETEXT_CHUNK / 2, limit);
  const stop = Math.max(window.lastIndexOf('. '), window.lastIndexOf('? '), window.lastIndexOf('! '));
  if (stop >= 0) return from + MAX_RETEXT_CHUNK / 2 + stop + 2;
  const space = window.lastIndexOf(' ');
  return space >= 0 ? from + MAX_RETEXT_CHUNK / 2 + space + 1 : limit;
}

/** Sentences as retext-english parses them. */
export function retextSentences(blockText: string): Sentence[] {
  const tree = parser.parse(safeForParseLatin(blockText)) as Root;
  const out: Sentence[] = [];
  for (const para of tree.children) {
    if (para.type !== 'ParagraphNode') continue;
    for (const s of para.children) {
      if (s.type !== 'SentenceNode') continue;
      const start = s.position!.start.offset!;
      const end = s.position!.end.offset!;
      const text = blockText.slice(start, end);
      const words = countWords(text);
      if (words > 0) out.push({ text, start, end, words });
    }
  }
  return out;
}

/**
 * The block's text as parse-latin may safely read it, with the same length, so that every offset still maps back.
 * parse-latin 7 tests each whitespace token against `/^[ \t]*((\r?\n|\r)[\t ]*)+$/`, which backtracks exponentially
 * when a run of CR LF pairs is followed by other whitespace (a no-break space, a vertical tab): each pair matches
 * either as one line break or as two, so 26 pairs from `&#13;&#10;` entities took 24 s. Replacing CR LF with a space
 * and LF, and a lone CR with LF, character for character, leaves one way to match and keeps parse-latin's reading:
 * it counts CR LF, CR and LF each as one line break, and a space beside a break changes nothing.
 */
export function safeForParseLatin(text: string): string {
  if (!text.includes('\r')) return text;
  return text.replace(/\r\n?/g, (m) => (m.length === 2 ? ' \n' : '\n'));
}

// A block is plain prose when its only sentence punctuation is a full stop, question or exclamation mark that
// ends the block or is followed by one space and a capital letter, after a word or number of at least two characters that
// is not an abbreviation; and it has no quotation marks, brackets, line breaks or other dots than decimal points.
const ABBREVIATION = /^(?:mr|mrs|ms|mx|dr|st|no|nos|vs|etc|approx|dept|est|fig|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|inc|ltd|co|cf|al|ref|tel|mob|ext|para|sec|yrs|hrs|mins|wk|wks|am|pm)$/i;

/** Words, counting "10/12/2020", "self-care" and "Carter's" as one each. A character loop: this runs on every sentence. */
function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isWordChar(c)) {
      if (!inWord) words++;
      inWord = true;
    } else if (inWord && isJoiner(c) && i + 1 < text.length && isWordChar(text.charCodeAt(i + 1))) {
      // "self-care", "Carter's", "10/12/2020": the joiner keeps the word going
    } else inWord = false;
  }
  return words;
}

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c > 127 && LETTER.test(String.fromCharCode(c)));
}
function isJoiner(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 45 || c === 47 || c === 46; // ' ’ - / .
}
const LETTER = /[\p{L}\p{N}]/u;

/** ASCII characters plain prose may contain: letters, digits, space and , ; : ' - % & / . ! ? */
const PLAIN_ASCII = new Uint8Array(128);
for (const ch of "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,;:'-%&/.!?") PLAIN_ASCII[ch.charCodeAt(0)] = 1;
/** Other characters plain prose may contain besides letters and digits: ’ – — £ (none of them a letter). */
const PLAIN_OTHER = new Set([0x2019, 0x2013, 0x2014, 0xa3]);

/** Answers of isAmbiguousBeforeStop: the same few words end most sentences. Bounded, as a batch can be large. */
const ambiguousBeforeStop = new Map<string, boolean>();

/** A stop after this word may not end the sentence: an abbreviation, or one of retext-english's exceptions. */
function isAmbiguousBeforeStop(word: string): boolean {
  let answer = ambiguousBeforeStop.get(word);
  if (answer === undefined) {
    answer = ABBREVIATION.test(word) || isRetextException(word);
    if (ambiguousBeforeStop.size >= 10_000) ambiguousBeforeStop.clear();
    ambiguousBeforeStop.set(word, answer);
  }
  return answer;
}

/** retext-english's own exceptions: the word before a full stop that does not end a sentence there. */
function isRetextException(word: string): boolean {
  const lower = word.toLowerCase();
  return LATIN_PREFIX.test(lower) || ENGLISH.test(lower) || ENGLISH_SENSITIVE.test(word);
}

/**
 * The sentences of a block of plain prose, split directly, or undefined when the block is not plain prose.
 * One pass over the characters that checks the block, finds the sentence ends and counts words as it goes (the
 * same count as countWords on each sentence): this runs on every block, so no regular expressions on the common path.
 */
function plainProseSentences(text: string): Sentence[] | undefined {
  const out: Sentence[] = [];
  const length = text.length;
  let start = 0;
  while (start < length && text.charCodeAt(start) === 32) start++;
  let words = 0;
  let inWord = false;
  for (let at = start; at < length; at++) {
    const c = text.charCodeAt(at);
    let wordChar: boolean;
    if (c < 128) {
      if (PLAIN_ASCII[c] === 0) return undefined;
      wordChar = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
    } else if (PLAIN_OTHER.has(c)) wordChar = false;
    else if (LETTER.test(text[at]!)) wordChar = true;
    else return undefined;
    if (wordChar) {
      if (!inWord) words++;
      inWord = true;
    } else if (inWord && isJoiner(c) && at + 1 < length && isWordChar(text.charCodeAt(at + 1))) {
      // "self-care", "Carter's", "10/12/2020", "9.7": the joiner keeps the word going
    } else inWord = false;

    if (c !== 46 && c !== 33 && c !== 63) continue; // . ! ?
    if (isDecimalPoint(text, at)) continue;
    if (at + 1 < length) {
      // Followed by exactly one space and a capital letter.
      if (text.charCodeAt(at + 1) !== 32) return undefined;
      if (at + 2 >= length) return undefined;
      const after = text.charCodeAt(at + 2);
      if (!((after >= 65 && after <= 90) || (after > 127 && /\p{Lu}/u.test(text[at + 2]!)))) return undefined;
    }
    // A stop after an abbreviation, an initial or a short number is ambiguous; after a word of two letters or more,
    // or a number of four digits or more (a year), it ends the sentence.
    let from = at;
    while (from > 0 && isWordChar(text.charCodeAt(from - 1))) from--;
    const word = text.slice(from, at);
    if (at - from < 2 || isAmbiguousBeforeStop(word)) return undefined;
    // After a decimal ("at 9.25."), retext sees one word "9.25": left to retext rather than reasoned about here.
    if (from > 0 && text.charCodeAt(from - 1) === 46) return undefined;

    if (words > 0) out.push({ text: text.slice(start, at + 1), start, end: at + 1, words });
    start = at + 1;
    while (start < length && text.charCodeAt(start) === 32) start++;
    at = start - 1;
    words = 0;
    inWord = false;
  }
  let end = length;
  while (end > start && text.charCodeAt(end - 1) === 32) end--;
  if (end > start && words > 0) out.push({ text: text.slice(start, end), start, end, words });
  return out;
}

/**
 * A full stop between two digits ("9.7 kg") is a decimal point: retext-english keeps it inside the word (parse-latin's
 * inner-word symbols), so it neither ends a sentence nor makes the block ambiguous.
 */
function isDecimalPoint(text: string, at: number): boolean {
  // No reads past the end: V8 handles every later read at that place more slowly once one has been out of bounds.
  if (text.charCodeAt(at) !== 46 || at === 0 || at + 1 >= text.length) return false;
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at + 1);
  return before >= 48 && before <= 57 && after >= 48 && after <= 57;
}

/** The word and punctuation tokens of a sentence, for rules that need them (computed on demand). */
export function tokensOf(sentence: Sentence): Token[] {
  const tokens: Token[] = [];
  for (const m of sentence.text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*|[^\s\p{L}\p{N}]/gu)) {
    const text = m[0];
    tokens.push({ text, lower: text.toLowerCase().replace(/[‘’]/g, "'"), start: sentence.start + m.index!, end: sentence.start + m.index! + text.length, kind: /^[\p{L}\p{N}]/u.test(text) ? 'word' : 'punct' });
  }
  return tokens;
}
