// @caselint/core/report: the report formats and results, without the engine: a run served from the cache
// renders its report without loading the parsers and rules.
export { toLintResult, fatalResult } from './result.js';
export { formatStylish, stylishFile, stylishSummary, type StylishOptions } from './stylish.js';
export { formatJson, toJsonObjects, toJsonMessage, jsonResultText, findingOffsets, findingFromJson, type JsonMessage, type FindingOffsets } from './json.js';
export { formatSarif, toSarif, sarifWriter, type SarifOptions, type SarifWriter } from './sarif.js';
export { formatHtml, writeHtml, htmlFileOf, CONTRADICTION_RULE, type HtmlOptions, type HtmlResult, type HtmlFile, type FindingInContext } from './html.js';
export type { Snippet } from './snippet.js';
export { writeFileAtomic } from './atomic.js';
export { chronologyRows, casesOf, formatChronologyCsv, sortChronology, type ChronologyRow } from './chronology.js';
export type { Finding, LintResult, SourceDocument, DocxLocation, PdfLocation, DocumentLocation } from '../types.js';
export { docxPlace, pdfPlace } from './place.js';
