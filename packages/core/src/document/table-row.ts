/** Cells of a pipe-separated row (`| a | b |` or `a | b`) or a tab-separated row, with their offsets in the line. */
export function splitRow(line: string): { text: string; start: number }[] | undefined {
  const sep = line.includes('|') ? '|' : line.includes('\t') ? '\t' : undefined;
  if (!sep) return undefined;
  const cells: { text: string; start: number }[] = [];
  let from = 0;
  const parts = line.split(sep);
  for (let i = 0; i < parts.length; i++) {
    const raw = parts[i]!;
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    const outerEmpty = (i === 0 || i === parts.length - 1) && text === '' && sep === '|';
    if (!outerEmpty) cells.push({ text, start: from + lead });
    from += raw.length + 1;
  }
  return cells.length >= 2 ? cells : undefined;
}

/**
 * A Markdown delimiter row: `| --- | :---: |`, at least two cells. What
 * `/^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)+\|?\s*$/` matched, read by hand: that expression's neighbouring `\s*`
 * made it quadratic in a long run of white space (this runs on the line after every line with a pipe).
 */
export function isDelimiterRow(line: string): boolean {
  let row = line.trim();
  if (row.startsWith('|')) row = row.slice(1);
  if (row.endsWith('|')) row = row.slice(0, -1);
  const cells = row.split('|');
  return cells.length >= 2 && cells.every((cell) => DELIMITER_CELL.test(cell.trim()));
}
const DELIMITER_CELL = /^:?-{2,}:?$/;
