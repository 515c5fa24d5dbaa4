import type { DocumentFacts } from '../facts/document.js';
import type { SentenceContext } from '../language/context.js';
import type { Sentence } from '../language/sentences.js';
import type { Block, DocxLocation, LineColumnRange, PdfLocation, Span } from '../types.js';

export interface RuleMeta {
  /** Public, stable id: used in config, inline directives and output. */
  id: string;
  severity: 'warn' | 'error';
  /** One line: what the rule flags. */
  summary: string;
  /** Why it matters: the review's lesson, in a sentence or two. */
  lesson: string;
  /** How to fix it, in a sentence or two. */
  fix: string;
  /** The rule's documentation. */
  url: string;
  /** Message templates by id, with {{placeholders}}: kept apart from the logic so practitioners can review the wording. */
  messages: Record<string, string>;
  /** Findings of these rules at the same place are dropped when this rule reports there (one message, the stronger). */
  supersedes?: string[];
  /**
   * Findings of these rules on the same words, or on words inside this finding's, are dropped when this rule reports
   * them ("thriving" once, not twice; "went well" once, not again as "well").
   */
  supersedesWithin?: string[];
  /**
   * The options the rule accepts, by key, each a list of phrases (a local authority's own wording), with one line
   * saying what the phrases add: `{ plans: 'extra names for a safer sleep plan' }`. A rule without it takes no
   * options, and configuration naming an option the rule does not declare is an error.
   */
  options?: Record<string, string>;
  /**
   * Numbers the rule accepts in its options, by key, each with what it limits and its default:
   * `{ maxDays: { summary: 'days a case may be without a worker', default: 20 } }`.
   */
  limits?: Record<string, { summary: string; default: number }>;
}

/** A rule's configured options: lists of phrases, by the keys its `meta.options` declares. */
export interface RuleOptions {
  /** Extra phrases for the rule (a local authority's own wording). */
  terms?: string[];
  [key: string]: string[] | undefined;
}

/** A claim the document makes in one word or phrase: a verdict or a reassurance. Other rules test claims against facts. */
export interface Claim extends Span {
  kind: 'verdict' | 'reassurance';
  polarity: 'positive' | 'negative';
  /**
   * What answers a verdict. A verdict on an assessment, placement or outcome ("passed", "a success") answers to that
   * assessment's own areas and deterioration (the default); an evaluation of people, care or a home ("well run", "a
   * warm and nurturing home") is, like a reassurance, answered by any concern the document records (`concerns`).
   */
  answers?: 'concerns';
  phrase: string;
  ruleId: string;
  block: number;
  entry: number;
}

/** A related place in another document of the case, placed there already (offsets, line and column are its). */
export interface RelatedElsewhere extends Span, LineColumnRange {
  message: string;
  filePath: string;
  docx?: DocxLocation;
  pdf?: PdfLocation;
}

export interface ReportDescriptor extends Span {
  messageId: string;
  data?: Record<string, string | number>;
  expected?: string[];
  related?: ((Span & { message: string }) | RelatedElsewhere)[];
  /**
   * Evidence in the sentence right after answers this finding (DOMAIN.md). The rule has looked in its own sentence;
   * the engine looks at the sentence right after and drops the finding if that gives evidence. In the same paragraph,
   * a claim made `answerable` goes with it. On the next line (a case note written a line at a time) only the warning
   * goes: a line of its own is what gets copied into the next document without the lines below it, so the claim
   * is still weighed against the concerns the document records.
   */
  answerable?: boolean;
}

export interface SentenceView {
  block: Block;
  sentence: Sentence;
  ctx: SentenceContext;
}

export interface SentenceRuleContext extends SentenceView {
  options: RuleOptions;
  /** Words a configuration adds to the shared word classes (`words` in .caselintrc), if any. */
  words?: Readonly<Record<string, readonly string[]>>;
  /** Offsets are into the sentence text. */
  report(d: ReportDescriptor): void;
  /** `answerable`: evidence in the next sentence of the paragraph answers the claim (see ReportDescriptor.answerable). */
  claim(c: Span & { kind: Claim['kind']; polarity: Claim['polarity']; answers?: Claim['answers']; answerable?: boolean }): void;
}

export interface DocumentRuleContext {
  facts: DocumentFacts;
  options: RuleOptions;
  /** The rule's `meta.limits`, each the configured number or its default. */
  limits: Readonly<Record<string, number>>;
  /** Offsets are into the document text. */
  report(d: ReportDescriptor): void;
}

export interface Rule {
  meta: RuleMeta;
  /**
   * Words without which the rule never reports, tested once per block on the normalised text (lower case,
   * straight quotes). Blocks without them skip the rule. Leave it out to see every sentence.
   */
  trigger?: { test(text: string): boolean };
  /** Called for every sentence; results are cached per block, so it must depend only on the block and options. */
  sentence?(ctx: SentenceRuleContext): void;
  /** Called once per document with everything the document records and claims. */
  document?(ctx: DocumentRuleContext): void;
}

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/** Templates split once at their placeholders: literal text at even indexes, placeholder names at odd ones. */
const templateParts = new Map<string, string[]>();

/** Fill {{placeholders}} in a message template. */
export function renderMessage(template: string, data: Record<string, string | number> = {}): string {
  let parts = templateParts.get(template);
  if (!parts) {
    // Templates come from rules' metadata, so there are few; the cap only guards against a caller making them up.
    if (templateParts.size > 1000) templateParts.clear();
    templateParts.set(template, (parts = template.split(PLACEHOLDER)));
  }
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const k = parts[i]!;
    out += (k in data ? String(data[k]) : `{{${k}}}`) + parts[i + 1]!;
  }
  return out;
}
