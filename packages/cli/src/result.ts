import {
  findingFromJson, type FindingInContext, type FindingOffsets, type JsonMessage, type LintResult, type Snippet,
} from '@caselint/core/report';

/**
 * A checked file's findings as text: what travels from a worker thread, into the cache and into the JSON
 * report. Serialised once where they are found; parsed again only by a report that needs them as objects.
 */
export interface FindingsText {
  /** `JSON.stringify` of the findings' `toJsonMessage`s: exactly the "messages" of the JSON report. */
  messages: string | Uint8Array;
  /** JSON array, parallel to `messages`, of what the JSON report leaves out: offsets, and the sentence (HTML). */
  extras: string | Uint8Array;
}

/** What `extras` holds for each finding. */
export type FindingExtras = FindingOffsets & { snippet?: Snippet };

/** A checked file as reports see it. `text`, when set, is its findings already serialised. */
export type FileResult = LintResult & { findings: FindingInContext[]; text?: FindingsText };

const decoder = new TextDecoder();
const asString = (x: string | Uint8Array) => (typeof x === 'string' ? x : decoder.decode(x));

/** A result whose findings are parsed from their text only when first read (a JSON report never reads them). */
export function resultFromText(filePath: string, errorCount: number, warningCount: number, text: FindingsText): FileResult {
  const result = { filePath, errorCount, warningCount, text } as FileResult;
  Object.defineProperty(result, 'findings', {
    enumerable: true,
    configurable: true,
    get() {
      const findings = parseFindings(text);
      Object.defineProperty(result, 'findings', { value: findings, enumerable: true, configurable: true, writable: true });
      return findings;
    },
  });
  return result;
}

/**
 * A result's findings, parsed afresh from its text when it has one and not kept on the result: a report that
 * goes through a whole batch twice (HTML) holds one file's findings at a time.
 */
export function readFindings(result: FileResult): FindingInContext[] {
  const own = Object.getOwnPropertyDescriptor(result, 'findings');
  return result.text && own?.get ? parseFindings(result.text) : result.findings;
}

function parseFindings(text: FindingsText): FindingInContext[] {
  const messages = JSON.parse(asString(text.messages)) as JsonMessage[];
  const extras = JSON.parse(asString(text.extras)) as FindingExtras[];
  return messages.map((m, i) => {
    const finding: FindingInContext = findingFromJson(m, extras[i] ?? { span: [0, 0] });
    if (extras[i]?.snippet) finding.snippet = extras[i]!.snippet;
    return finding;
  });
}
