/**
 * The words around a search hit: a short passage of a document's text where the matched words stand, so a person
 * sees why it matched. Pure; linear in the text read (at most the first 200 KB).
 */

/** Longest text read for a snippet. */
const MAX_READ = 200_000;

/** The pattern of each set of terms asked for lately (cleared when it holds {@link MAX_PATTERNS}). */
const patterns = new Map<string, RegExp>();
const MAX_PATTERNS = 500;

/** Where one of `words` starts a word: one pattern per set of words, made once. */
function patternOf(words: readonly string[]): RegExp {
  const key = words.map((w) => `${w.length}:${w}`).join('');
  let re = patterns.get(key);
  if (!re) {
    if (patterns.size >= MAX_PATTERNS) patterns.clear();
    const escaped = words.map((w) => RegExp.escape(w));
    // Case-insensitive, so that the text is searched as it is, without a lower-case copy of it.
    re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})`, 'giu');
    patterns.set(key, re);
  }
  return re;
}

/**
 * A passage of about `width` characters of `text` around the first place where most of `terms` stand close
 * together, on word boundaries, with "…" where it was cut; `null` when no term is found.
 *
 * @example snippet('… SG20 agreed that the digital twin terminology …', ['digital', 'twin']) // '… agreed that the digital twin terminology …'
 */
export function snippet(text: string, terms: readonly string[], width = 180): string | null {
  const body = text.length > MAX_READ ? text.slice(0, MAX_READ) : text;
  const words = [...new Set(terms.map((t) => t.toLowerCase()).filter((t) => t.length >= 2))].slice(0, 16);
  if (words.length === 0) return null;
  const re = patternOf(words);
  // The matches within one window ending at the last (from `head` on), and how many distinct terms they hold.
  const place: number[] = [];
  const term: number[] = [];
  const inWindow = new Int32Array(words.length);
  let head = 0;
  let distinct = 0;
  let best: { at: number; score: number } | null = null;
  re.lastIndex = 0;
  for (let m = re.exec(body); m !== null; m = re.exec(body)) {
    // A match is one of the words (the pattern is only their alternation), in any case.
    const t = words.indexOf(m[0].toLowerCase());
    if (t < 0) continue;
    place.push(m.index);
    term.push(t);
    if ((inWindow[t] = (inWindow[t] as number) + 1) === 1) distinct++;
    while (head < place.length && (place[head] as number) < m.index - width) {
      const gone = term[head] as number;
      if ((inWindow[gone] = (inWindow[gone] as number) - 1) === 0) distinct--;
      head++;
    }
    if (!best || distinct > best.score) best = { at: head < place.length ? (place[head] as number) : m.index, score: distinct };
    if (distinct === words.length) break;
  }
  if (!best) return null;
  let start = Math.max(0, best.at - Math.floor(width / 4));
  let end = Math.min(body.length, start + width);
  // Whole words at both ends.
  if (start > 0) start = body.indexOf(' ', start) + 1 || start;
  if (end < body.length) end = body.lastIndexOf(' ', end) > start ? body.lastIndexOf(' ', end) : end;
  const passage = body.slice(start, end).replace(/\s+/g, ' ').trim();
  return `${start > 0 ? '… ' : ''}${passage}${end < body.length ? ' …' : ''}`;
}
