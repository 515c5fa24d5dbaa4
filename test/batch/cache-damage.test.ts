import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ResultCache } from '../../packages/cli/src/cache.js';
import { tempDir } from './helpers.js';

const ENGINE = 'engine-fingerprint';
const text = (messages: unknown[], extras: unknown[]) => ({ messages: JSON.stringify(messages), extras: JSON.stringify(extras) });

/** A cache of a few entries, as a run would save it. */
async function savedCache(file: string): Promise<Buffer> {
  const cache = await ResultCache.load(file, ENGINE);
  for (let i = 0; i < 4; i++) {
    cache.set(`/cases/report\t${i}.md`, {
      size: 100 + i, mtimeMs: 1_700_000_000_000 + i, hash: 'ab'.repeat(32), config: 'c'.repeat(32), snippets: i % 2 === 0,
      errorCount: i, warningCount: 1,
      text: text([{ ruleId: 'simplistic-outcome', message: `“passed” ${i}\n`, line: i + 1 }], [{ span: [i, i + 6] }]),
    });
  }
  cache.set('/cases/scan.txt', { size: 9, mtimeMs: 1, hash: 'cd'.repeat(32), config: 'c'.repeat(32), snippets: false, errorCount: 1, warningCount: 0, text: text([], []), fatal: { message: 'is a binary file', code: 'binary' } });
  await cache.save();
  return readFileSync(file);
}

const entriesOf = (cache: ResultCache) =>
  ['/cases/report\t0.md', '/cases/report\t1.md', '/cases/report\t2.md', '/cases/report\t3.md', '/cases/scan.txt'].map((p) => {
    const e = cache.get(p);
    return e && { ...e, text: { messages: Buffer.from(e.text.messages).toString(), extras: Buffer.from(e.text.extras).toString() } };
  });

describe('the cache file', () => {
  it('reads back exactly what was saved, paths with tabs and texts with newlines included', async () => {
    const file = join(tempDir('cache-damage'), 'cache');
    await savedCache(file);
    const again = await ResultCache.load(file, ENGINE);
    expect(again.discarded).toBeUndefined();
    const entries = entriesOf(again);
    expect(entries.every(Boolean)).toBe(true);
    expect(JSON.parse(entries[2]!.text.messages as string)[0].message).toBe('“passed” 2\n');
    expect(entries[4]!.fatal).toEqual({ message: 'is a binary file', code: 'binary' });
    expect(await ResultCache.load(file, 'another engine')).toMatchObject({ discarded: 'made by another caselint version or rule set' });
  });

  it('is used whole or not at all, whatever byte is damaged or wherever it is cut', async () => {
    const file = join(tempDir('cache-damage'), 'cache');
    const good = await savedCache(file);
    const original = entriesOf(await ResultCache.load(file, ENGINE));
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: good.length - 1 }), fc.integer({ min: 1, max: 255 }), fc.boolean(), async (at, flip, cut) => {
        const bad = cut ? good.subarray(0, at) : Buffer.from(good);
        if (!cut) bad[at] = bad[at]! ^ flip;
        writeFileSync(file, bad);
        const cache = await ResultCache.load(file, ENGINE);
        if (cache.discarded) expect(entriesOf(cache).every((e) => e === undefined)).toBe(true);
        else expect(entriesOf(cache)).toEqual(original); // a change CRC-32 cannot see would have to leave the entries as they were
      }),
      { numRuns: 400, seed: 20261125 },
    );
  });
});
