/**
 * The words of the search index, held in the process for the two look-ups that need the whole vocabulary: the words
 * a prefix starts ("quant" → quantum, quantitative) and the words within one or two edits of a misspelt word. One
 * sorted array of strings (about 40 bytes a word), and, for words without digits, arrays by length with a letter
 * mask each (a number) to skip most words before an edit distance is computed. Words holding a digit (references,
 * numbers, identifiers) are found exactly and by prefix, never as a typo of another.
 */

/** Bit `c - 'a'` for each letter of `w` (other characters share bit 26), so a cheap XOR bounds the edit distance. */
function letterMask(w: string): number {
  let m = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i) - 97;
    m |= c >= 0 && c < 26 ? 1 << c : 1 << 26;
  }
  return m;
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Levenshtein distance of `a` and `b` when at most `max`, else `max + 1` (a band of width 2·max+1). */
export function boundedDistance(a: string, b: string, max: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  let prev = new Array<number>(m + 1);
  let cur = new Array<number>(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(m, i + max);
    cur[0] = i;
    if (lo > 1) cur[lo - 1] = max + 1;
    let best = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const sub = (prev[j - 1] as number) + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const del = j <= i - 1 + max ? (prev[j] as number) + 1 : max + 1;
      const ins = j - 1 >= lo ? (cur[j - 1] as number) + 1 : max + 1;
      const d = Math.min(sub, del, ins);
      cur[j] = d;
      if (d < best) best = d;
    }
    if (hi < m) cur[hi + 1] = max + 1;
    if (best > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return Math.min(prev[m] as number, max + 1);
}

interface Bucket {
  words: string[];
  masks: number[];
}

/** The indexed words, for prefix and typo look-ups. */
export class Vocabulary {
  private sorted: string[] = [];
  private readonly known = new Set<string>();
  private readonly byLength = new Map<number, Bucket>();

  get size(): number {
    return this.sorted.length;
  }

  has(word: string): boolean {
    return this.known.has(word);
  }

  /** Add words (new ones only are kept). */
  add(words: readonly string[]): void {
    const fresh = words.filter((w) => !this.known.has(w));
    if (fresh.length === 0) return;
    for (const w of fresh) {
      this.known.add(w);
      if (/\d/.test(w)) continue;
      let b = this.byLength.get(w.length);
      if (!b) this.byLength.set(w.length, (b = { words: [], masks: [] }));
      b.words.push(w);
      b.masks.push(letterMask(w));
    }
    if (fresh.length > 64) {
      this.sorted.push(...fresh);
      this.sorted.sort();
    } else {
      for (const w of fresh) this.sorted.splice(this.lowerBound(w), 0, w);
    }
  }

  private lowerBound(w: string): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.sorted[mid] as string) < w) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Words starting with `prefix` (itself included), shortest first, at most `max`. */
  withPrefix(prefix: string, max: number): string[] {
    const out: string[] = [];
    // Scan at most a bounded run of the sorted array: a short prefix of a large vocabulary matches many words.
    const scanLimit = max * 64;
    for (let i = this.lowerBound(prefix), n = 0; i < this.sorted.length && n < scanLimit; i++, n++) {
      const w = this.sorted[i] as string;
      if (!w.startsWith(prefix)) break;
      out.push(w);
    }
    return out.sort((a, b) => a.length - b.length || (a < b ? -1 : 1)).slice(0, max);
  }

  /** Words within `maxEdits` edits of `word` (itself excluded), nearest first, at most `max`. */
  near(word: string, maxEdits: number, max: number): Array<{ word: string; distance: number }> {
    if (/\d/.test(word)) return [];
    const mask = letterMask(word);
    const out: Array<{ word: string; distance: number }> = [];
    for (let len = word.length - maxEdits; len <= word.length + maxEdits; len++) {
      const b = this.byLength.get(len);
      if (!b) continue;
      for (let i = 0; i < b.words.length; i++) {
        // Each edit adds or removes at most two letters from the set of letters used.
        if (popcount(mask ^ (b.masks[i] as number)) > 2 * maxEdits) continue;
        const w = b.words[i] as string;
        if (w === word) continue;
        const d = boundedDistance(word, w, maxEdits);
        if (d <= maxEdits) out.push({ word: w, distance: d });
      }
    }
    return out.sort((a, b) => a.distance - b.distance || (a.word < b.word ? -1 : 1)).slice(0, max);
  }
}
