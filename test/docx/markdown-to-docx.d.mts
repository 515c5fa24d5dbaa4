/** Markdown (headings, tables, lists, bold/italic, links) to a Word document. */
export function markdownToDocx(markdown: string): Promise<Uint8Array>;
/** Plain text to a Word document, one paragraph per line. */
export function plainTextToDocx(text: string): Promise<Uint8Array>;
