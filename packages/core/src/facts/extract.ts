import type { SentenceContext } from '../language/context.js';
import { spanToSource } from '../document/segments.js';
import type { Block } from '../types.js';
import { factSet, sentenceFacts, type FactSet, type SentenceFact } from './prose.js';
import { labelArea, listAreas, openingLabel, tableAreas } from './tables.js';
import type { Fact } from './types.js';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A fact as one block yields it: offsets into the block's text, not yet placed in the document. */
export type BlockFact = DistributiveOmit<Fact, 'block' | 'entry'>;

/** The facts one block records: a label line ("Safety: Unachieved") or what its sentences say (with `set`'s patterns). */
export function blockFacts(block: Block, sentences: SentenceContext[], set: FactSet = factSet()): BlockFact[] {
  const out: BlockFact[] = [];
  const canLabel = block.kind !== 'table-cell' && block.kind !== 'heading';
  let label = canLabel ? labelArea(block.text) : undefined;
  let labelEnd = block.text.trimEnd().length;
  // "Hygiene: Grade 4. Bedding was soiled on 18 February ...": a label that opens a paragraph of evidence.
  if (!label && canLabel) {
    const opening = openingLabel(block.text);
    if (opening) {
      label = opening;
      labelEnd = opening.end;
    }
  }
  if (label) {
    out.push({
      kind: 'area', from: 'list', area: label.area, status: label.status, statusText: label.statusText,
      start: label.areaStart, end: labelEnd, label: `${label.area}: ${label.statusText}`,
    });
  }
  for (const ctx of sentences) {
    const base = ctx.sentence.start;
    for (const f of sentenceFacts(ctx, set)) {
      if (f.kind === 'area' && label) continue; // the label line already said it
      // sentenceFacts made this object for us: moved to block offsets in place (spreading it is slow in V8).
      const fact = f as SentenceFact & { label: string };
      fact.start = base + f.start;
      fact.end = base + f.end;
      fact.label = ctx.sentence.text.trim();
      out.push(fact as BlockFact);
    }
  }
  return out;
}

/**
 * Assessment areas from the document's tables and from lists led by a status line, placed in the document (both
 * span blocks, so this runs per document).
 */
export function tableFacts(blocks: Block[], entries: number[]): Fact[] {
  const listed = listAreas(blocks).map((l): Fact => {
    const at = spanToSource(blocks[l.block]!, 0, blocks[l.block]!.text.length);
    return {
      kind: 'area', from: 'list', area: l.area, status: l.status, statusText: l.statusText,
      start: at.start, end: at.end, block: l.block, entry: entries[l.block]!, label: `${l.area}: ${l.statusText}`,
    };
  });
  return listed.concat(tableAreas(blocks).map((t) => {
    const areaBlock = blocks[t.areaBlock]!;
    const statusBlock = blocks[t.statusBlock]!;
    const a = spanToSource(areaBlock, 0, areaBlock.text.length);
    const s = spanToSource(statusBlock, 0, statusBlock.text.length);
    return {
      kind: 'area', from: 'table', area: t.area, status: t.status, statusText: t.statusText,
      start: a.start, end: Math.max(a.end, s.end), block: t.areaBlock, entry: entries[t.areaBlock]!, label: `${t.area}: ${t.statusText}`,
    };
  }));
}
