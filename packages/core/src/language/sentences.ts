import { unified } from 'unified';
import retextEnglish from 'retext-english';
import type { Root } from 'nlcst';

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

/** Split one block into sentences. Blocks are parsed on their own: whole-document parses degrade. */
export function sentencesOf(blockText: string): Sentence[] {
  const tree = parser.parse(blockText) as Root;
  const out: Sentence[] = [];
  for (const para of tree.children) {
    if (para.type !== 'ParagraphNode') continue;
    for (const s of para.children) {
      if (s.type !== 'SentenceNode') continue;
      let words = 0;
      for (const child of s.children) if (child.type === 'WordNode') words++;
      if (words === 0) continue;
      const start = s.position!.start.offset!;
      const end = s.position!.end.offset!;
      out.push({ text: blockText.slice(start, end), start, end, words });
    }
  }
  return out;
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
