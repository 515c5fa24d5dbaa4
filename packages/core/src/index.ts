// @caselint/core: read -> document -> language -> facts -> rules -> report.
export * from './types.js';
export { ReadError } from './read/errors.js';
export { decodeText, type Decoded } from './read/decode.js';
export { readDocument, readFileBytes, documentFromBytes, type ReadOptions, type FileBytes } from './read/read-file.js';
export { parseDocument, parseMarkdown, parsePlainText, formatFromPath, DOCUMENT_EXTENSIONS, directiveText, directiveOnLine, lineStarts, lineColumn, rangeOf, toSource, spanToSource } from './document/index.js';
export { sentencesOf, retextSentences, splitMissedEnds, tokensOf, type Sentence, type Token } from './language/sentences.js';
export { SentenceContext, contextSet, hasEvidence, type ContextSet } from './language/context.js';
export { frameVerdicts, frameSet, frameGate, genericBefore, reportedClaim, reportedAfterPhrase, reportedPassivelyAfter, type FrameVerdict, type FrameSet } from './language/frames.js';
export { normalise, phraseRegExp, phraseSource, termsRegExp } from './language/normalise.js';
export { matchesIn } from './language/matches.js';
export * as lexicon from './language/lexicon.js';
export { classifyStatus, type Status } from './facts/status.js';
export { DocumentFacts, areaKey } from './facts/document.js';
export type { Fact, FactOf, CaseFact, PlanKind, AllocationKind, EventKind } from './facts/types.js';
export type { CaseFactOf } from './facts/document.js';
export { daysBetween, formatDate } from './facts/dates.js';
export { Linter, LintCache, type CheckOptions, type CaseRecord } from './engine/linter.js';
export { renderMessage, type Rule, type RuleMeta, type RuleOptions, type Claim, type SentenceRuleContext, type DocumentRuleContext, type ReportDescriptor, type RelatedElsewhere } from './engine/rule.js';
export { loadConfig, resolveConfig, readConfigFile, defaultConfig, clearConfigCache, setDefaultCatalogue, checkRuleSetting, acceptedOptions, ConfigError, CONFIG_FILES, type Catalogue } from './config/load.js';
export type { RawConfig, ResolvedConfig, ResolvedRule, RuleSetting } from './config/types.js';
export { toLintResult, fatalResult } from './report/result.js';
export { formatStylish, stylishFile, stylishSummary, type StylishOptions } from './report/stylish.js';
export { formatJson, toJsonObjects, toJsonMessage, jsonResultText, findingOffsets, findingFromJson, type JsonMessage, type FindingOffsets } from './report/json.js';
// Word .docx: reading (readDocx, docxLocationAt) and annotated copies (annotateDocx); see "Word documents" in the README.
export * from './read/docx.js';
export * from './report/docx-annotate.js';
// The other formats (see "Other formats" in the README); their heavy libraries load when a file of theirs is read.
export { readOdt, type ReadOdtOptions } from './read/odt.js';
export { readDoc } from './read/doc.js';
export { readRtf } from './read/rtf.js';
export { readPdf } from './read/pdf.js';
export type { PdfLocation, DocumentLocation } from './types.js';
export { writeFileAtomic } from './report/atomic.js';
// Batch reports (SARIF for code scanning, one-page HTML for supervisors) and the finding-in-its-sentence snippets the HTML shows.
export { formatSarif, toSarif, sarifWriter, type SarifOptions, type SarifWriter } from './report/sarif.js';
export { formatHtml, writeHtml, htmlFileOf, CONTRADICTION_RULE, type HtmlOptions, type HtmlResult, type HtmlFile, type FindingInContext } from './report/html.js';
export { snippetMaker, snippetFor, MAX_SNIPPET, type Snippet } from './report/snippet.js';
export { toVFileMessage, unifiedCaselint, type UnifiedCaselintOptions } from './report/vfile.js';
