// @caselint/core/browser: the checking path alone (text or Markdown -> document -> language -> facts -> engine ->
// messages), for bundling into a web page or a browser extension. Nothing here reads files; the Node-only parts
// (read/, config loading from disk, the batch reports) stay behind the main entry point.
export type { Block, BlockKind, DocxLocation, Finding, RelatedLocation, SourceDocument, Span, Severity } from './types.js';
export { parseDocument, parseMarkdown, parsePlainText } from './document/index.js';
export { Linter, LintCache } from './engine/linter.js';
export type { Rule, RuleMeta, RuleOptions } from './engine/rule.js';
export { resolveConfig, defaultConfig, checkRuleSetting, setDefaultCatalogue, validate as validateConfig, ConfigError, type Catalogue } from './config/load.js';
export type { RawConfig, ResolvedConfig, ResolvedRule, RuleSetting } from './config/types.js';
// What the rules import from '@caselint/core' (a browser bundle maps that name to this entry point).
export { frameVerdicts, frameSet, frameGate, genericBefore, reportedClaim, reportedAfterPhrase, reportedPassivelyAfter } from './language/frames.js';
export { phraseSource } from './language/normalise.js';
export * as lexicon from './language/lexicon.js';
export type { Claim, DocumentRuleContext, SentenceRuleContext } from './engine/rule.js';
export { areaKey, type DocumentFacts, type CaseFactOf } from './facts/document.js';
export { daysBetween, formatDate } from './facts/dates.js';
export type { CaseFact, Fact, FactOf } from './facts/types.js';
export type { ReportDescriptor, RelatedElsewhere } from './engine/rule.js';
export { commentParagraphs, type CommentedFinding } from './report/comment-text.js';
export { boundSpaceRuns } from './document/segments.js';
export { lineColumn } from './document/lines.js';
// Lists and tables typed as text in a word-processor document (the Word add-in builds its text as the .docx reader does).
export { wordProcessorBlocks } from './read/typed-structure.js';
