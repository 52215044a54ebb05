/** The in-process vocabulary of the search index: prefixes, words within one or two edits, the edit distance. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wordsOf } from '../../src/store/search.ts';
import { boundedDistance, Vocabulary } from '../../src/store/search-vocab.ts';

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) (d[i] as number[])[j] = Math.min((d[i - 1] as number[])[j]! + 1, (d[i] as number[])[j - 1]! + 1, (d[i - 1] as number[])[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  return (d[a.length] as number[])[b.length] as number;
}

describe('boundedDistance', () => {
  it('is the edit distance when at most the bound, else bound + 1', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 9 }), fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 9 }), fc.integer({ min: 0, max: 3 }), (a, b, max) => {
        expect(boundedDistance(a, b, max)).toBe(Math.min(levenshtein(a, b), max + 1));
      }),
    );
  });
});

describe('Vocabulary', () => {
  const v = new Vocabulary();
  v.add(['quantum', 'quantitative', 'quanta', 'digital', 'digits', 'network', 'networks', 'sg20', 'q4']);
  v.add(['quantum', 'zephyr']);

  it('keeps each word once', () => {
    expect(v.size).toBe(10);
    expect(v.has('zephyr')).toBe(true);
  });

  it('lists the words a prefix starts, shortest first', () => {
    expect(v.withPrefix('quan', 10)).toEqual(['quanta', 'quantum', 'quantitative']);
    expect(v.withPrefix('quan', 2)).toEqual(['quanta', 'quantum']);
    expect(v.withPrefix('sg', 10)).toEqual(['sg20']);
    expect(v.withPrefix('zz', 10)).toEqual([]);
  });

  it('finds words within the edits allowed, nearest first, never words with digits', () => {
    expect(v.near('quantm', 1, 10).map((x) => x.word)).toEqual(['quanta', 'quantum']);
    expect(v.near('netwrks', 1, 10)).toEqual([{ word: 'networks', distance: 1 }]);
    expect(v.near('digtal', 1, 10).map((x) => x.word)).toEqual(['digital']);
    expect(v.near('sg21', 1, 10)).toEqual([]);
  });

  it('takes many words at once as well as a few', () => {
    const big = new Vocabulary();
    big.add(Array.from({ length: 500 }, (_, i) => `w${String(i).padStart(3, '0')}`));
    big.add(['w0005', 'a']);
    expect(big.withPrefix('w000', 10)).toEqual(['w000', 'w0005']);
    expect(big.withPrefix('w01', 3)).toEqual(['w010', 'w011', 'w012']);
  });
});

describe('wordsOf', () => {
  it('splits at spaces and punctuation and lower-cases, as queries are read', () => {
    expect(wordsOf('AI-native Networks, Q4/20 (SG20)')).toEqual(['ai', 'native', 'networks', 'q4', '20', 'sg20']);
  });
});
