import { unified } from 'unified';
import retextEnglish from 'retext-english';
import type { Root, Sentence as NlcstSentence } from 'nlcst';

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
  tokens: Token[];
}

const parser = unified().use(retextEnglish);

/** Split one block into sentences and word tokens. Blocks are parsed on their own: whole-document parses degrade. */
export function sentencesOf(blockText: string): Sentence[] {
  const tree = parser.parse(blockText) as Root;
  const out: Sentence[] = [];
  for (const para of tree.children) {
    if (para.type !== 'ParagraphNode') continue;
    for (const s of para.children) {
      if (s.type !== 'SentenceNode') continue;
      const sentence = toSentence(s, blockText);
      if (sentence.tokens.length) out.push(sentence);
    }
  }
  return out;
}

function toSentence(node: NlcstSentence, blockText: string): Sentence {
  const start = node.position!.start.offset!;
  const end = node.position!.end.offset!;
  const tokens: Token[] = [];
  for (const child of node.children) {
    if (child.type === 'WhiteSpaceNode') continue;
    const a = child.position!.start.offset!;
    const z = child.position!.end.offset!;
    const text = blockText.slice(a, z);
    tokens.push({ text, lower: text.toLowerCase().replace(/[‘’]/g, "'"), start: a, end: z, kind: child.type === 'WordNode' ? 'word' : 'punct' });
  }
  return { text: blockText.slice(start, end), start, end, tokens };
}
