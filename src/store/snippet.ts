/**
 * The words around a search hit: a short passage of a document's text where the matched words stand, so a person
 * sees why it matched. Pure; linear in the text read (at most the first 200 KB).
 */

/** Longest text read for a snippet. */
const MAX_READ = 200_000;

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
  const lower = body.toLowerCase();
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})`, 'gu');
  let best: { at: number; score: number } | null = null;
  const seen: Array<{ at: number; word: string }> = [];
  for (const m of lower.matchAll(re)) {
    seen.push({ at: m.index, word: m[0] });
    // The distinct terms within one window ending here.
    while (seen.length > 0 && (seen[0]?.at ?? 0) < m.index - width) seen.shift();
    const score = new Set(seen.map((s) => s.word)).size;
    if (!best || score > best.score) best = { at: seen[0]?.at ?? m.index, score };
    if (score === words.length) break;
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
