/**
 * Matching a delegate's topic ("IoT identification", "who leads QoE?") against lead-study-group roles. Abbreviations
 * are expanded (IoT → Internet of things) and every content word of the question must be found in the role's topic
 * or aliases: a topic nobody leads gets no match rather than a guess.
 */

import { editDistance } from './edit-distance.ts';

const STOP = new Set(
  'who which what is are does do the a an of on for in and to its it their lead leads leading leader study group groups sg itu itu-t responsible topic topics work related about me tell please currently now role roles lsg'.split(
    ' ',
  ),
);

/** Abbreviations that are also words when written in lower case. */
const PLAIN_WORDS = new Set(['its', 'ant', 'tap', 'fn']);

/** Lower-case content words of `text`, with abbreviations expanded and plurals folded. */
export function topicWords(text: string, abbreviations: Record<string, string>): string[] {
  let t = ` ${text} `;
  for (const [abbr, full] of Object.entries(abbreviations)) {
    const esc = RegExp.escape(abbr);
    // People type "iot", "qos", "ict": an abbreviation is read in any case unless, lower-cased, it is a word of its
    // own ("its", "ant") or has two letters ("it").
    const anyCase = /[a-z]/.test(abbr) || (abbr.length >= 3 && !PLAIN_WORDS.has(abbr.toLowerCase()));
    t = t.replace(new RegExp(`(?<![\\w&/-])${esc}(?![\\w&/-])`, anyCase ? 'gi' : 'g'), ` ${full} `);
  }
  return t
    .toLowerCase()
    .replace(/[^a-z0-9\s-]/g, ' ')
    .split(/[\s-]+/)
    .filter((w) => w.length > 1 && !STOP.has(w))
    .map((w) => (w.length > 4 && w.endsWith('ies') ? `${w.slice(0, -3)}y` : w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
}

/** A role to match: topic, aliases, and anything the caller wants back. */
export interface RoleCandidate<T> {
  topic: string;
  aliases: readonly string[];
  value: T;
}

/** A matching role and how specific the match is (share of the role's words the question used; 1 = exact). */
export interface RoleMatch<T> {
  value: T;
  specificity: number;
}

/**
 * Roles whose topic or one alias contains every content word of `query`, most specific first. Empty when the
 * question has no content word.
 *
 * @example matchRoles('IoT identification', [{ topic: 'Internet of things identification', aliases: [], value: 'SG20' }], { IoT: 'Internet of things' })
 *   // [{ value: 'SG20', specificity: 1 }]
 */
export function matchRoles<T>(query: string, candidates: ReadonlyArray<RoleCandidate<T>>, abbreviations: Record<string, string>): Array<RoleMatch<T>> {
  const q = topicWords(query, abbreviations);
  if (q.length === 0) return [];
  const out: Array<RoleMatch<T>> = [];
  for (const c of candidates) {
    let best = 0;
    for (const phrase of [c.topic, ...c.aliases]) {
      const words = new Set(topicWords(phrase, abbreviations));
      if (words.size === 0 || !q.every((w) => words.has(w))) continue;
      best = Math.max(best, q.length / words.size);
    }
    if (best > 0) out.push({ value: c.value, specificity: Math.min(1, best) });
  }
  return out.sort((a, b) => b.specificity - a.specificity);
}

/**
 * Whether `typed` is `word` misspelt: both of six letters or more, the same first letter, and one letter added, left
 * out or changed (two in words of ten letters or more): "managment" for "management".
 */
export function misspelt(typed: string, word: string): boolean {
  if (typed.length < 6 || word.length < 6 || typed[0] !== word[0] || Math.abs(typed.length - word.length) > 2) return false;
  return editDistance(typed, word) <= (word.length >= 10 ? 2 : 1);
}

/** Roles sharing at least one content word with `query` (for "closest known" suggestions, never as an answer). */
export function nearRoles<T>(query: string, candidates: ReadonlyArray<RoleCandidate<T>>, abbreviations: Record<string, string>, limit = 3): T[] {
  const q = new Set(topicWords(query, abbreviations));
  return candidates
    .map((c) => ({ c, n: topicWords([c.topic, ...c.aliases].join(' '), abbreviations).filter((w) => q.has(w)).length }))
    .filter((x) => x.n > 0)
    .sort((a, b) => b.n - a.n)
    .slice(0, limit)
    .map((x) => x.c.value);
}
