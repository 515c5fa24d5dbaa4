/** Where a rule's README lives: a file URL into the installed package (dist/docs.js -> <id>/README.md), so the link works offline. */
export function docsUrl(id: string): string {
  try {
    return new URL(`../${id}/README.md`, import.meta.url).href;
  } catch {
    return `rules/${id}/README.md`; // bundled without import.meta.url
  }
}
