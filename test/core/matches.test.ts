// matchesIn stands in for String.prototype.matchAll in the hot loops: it must give the same matches.
import { matchesIn } from '@caselint/core';
import { describe, expect, it } from 'vitest';

const plain = (ms: RegExpExecArray[]) => ms.map((m) => [m.index, [...m], m.groups, m.indices]);

describe('matchesIn', () => {
  const cases: [RegExp, string][] = [
    [/\b(?<v>well|fine)\b/dg, 'doing well, all fine and well'],
    [/a*/g, 'baaac'],
    [/(?:)/gu, 'a😀b'],
    [/x/g, 'no match here'],
    [/\s+(?:and|or)\s+/g, 'health and safety or budgeting'],
  ];
  it('gives what matchAll gives, empty matches included', () => {
    for (const [re, text] of cases) expect(plain(matchesIn(re, text))).toEqual(plain([...text.matchAll(re)]));
  });
  it('stops at the limit, starts from the beginning and leaves lastIndex at 0', () => {
    const re = /\d/g;
    re.lastIndex = 3;
    expect(matchesIn(re, '1 2 3 4 5', 2).map((m) => m[0])).toEqual(['1', '2']);
    expect(re.lastIndex).toBe(0);
  });
  it('refuses an expression without the global flag', () => {
    expect(() => matchesIn(/x/, 'x')).toThrow(TypeError);
  });
});
