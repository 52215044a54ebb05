/**
 * Finding ITU-T groups in running text: "Study Group 20", "ITU-T SG17", "SG 13", "TSAG", "SG3RG-AFR",
 * "Regional Group for Africa of Study Group 12", "WP2/5", "COM 13".
 */
import { REGIONS, canonicalGroup } from '../core/groups.ts';
import { allMatches } from './matches.ts';

/** A group mention: canonical name and position. */
export interface GroupHit {
  group: string;
  index: number;
  text: string;
}

const MENTION =
  /\b(?:(?:ITU-T\s+)?(?:SG|Study\s+Group)\s?(\d{1,2})\s?RG[- ]?([A-Z]{2,5})\b|(?:ITU-T\s+)?Study\s+Group\s+(\d{1,2})\b|(?:ITU-T\s+)?SG\s?(\d{1,2})\b|\bTSAG\b|Telecommunication Standardi[sz]ation Advisory Group|\b(?:WP\s?|Working\s+Party\s+)\d{1,2}\/(\d{1,2}|TSAG)\b|\bCOM\s(\d{1,2})\b)/g;

// "Regional Group for Africa of Study Group 12" / "Study Group 3 Regional Group for Latin America and the Caribbean".
const REGIONAL_PROSE =
  /(?:Study\s+Group\s+(\d{1,2})\s+Regional\s+Group\s+for\s+(?:the\s+)?([A-Za-z ,-]{3,70}?)(?=[()\n;.]|$|\s(?:will|meeting|is|on|in)\b))|(?:Regional\s+Group\s+(?:of\s+ITU-T\s+)?for\s+(?:the\s+)?([A-Za-z ,-]{3,70}?)\s+(?:of|for)\s+(?:ITU-T\s+)?Study\s+Group\s+(\d{1,2}))/gi;

const OTHER_SECTOR_BEFORE = /\bITU-?[DR]\s*$/i;

function regionCode(words: string): string | null {
  return REGIONS.find((r) => r.words.test(words))?.code ?? null;
}

/**
 * Every group mention in `text`, in order of appearance.
 *
 * @example findGroups('ITU-T SG17 and Study Group 20').map(h => h.group)  // ['SG17', 'SG20']
 */
export function findGroups(text: string): GroupHit[] {
  const hits: GroupHit[] = [];
  for (const m of allMatches(REGIONAL_PROSE, text)) {
    const sg = m[1] ?? m[4];
    const region = regionCode(m[2] ?? m[3] ?? '');
    const g = region && sg ? canonicalGroup(`SG${sg}RG-${region}`) : null;
    if (g) hits.push({ group: g, index: m.index, text: m[0] });
  }
  const regional = hits.length;
  // Regional hits are in order and do not overlap, nor do mentions: one pass over both finds the overlaps.
  let r = 0;
  for (const m of allMatches(MENTION, text)) {
    // "ITU-D Study Group 1", "ITU-R SG 5": another Sector's group shares the number of an ITU-T one, not its work.
    if (OTHER_SECTOR_BEFORE.test(text.slice(Math.max(0, m.index - 8), m.index))) continue;
    let g: string | null = null;
    if (m[1] && m[2]) g = canonicalGroup(`SG${m[1]}RG-${m[2]}`);
    else if (m[3] ?? m[4] ?? m[6]) g = canonicalGroup(`SG${m[3] ?? m[4] ?? m[6]}`);
    else if (m[5]) g = m[5] === 'TSAG' ? 'TSAG' : canonicalGroup(`SG${m[5]}`);
    else g = 'TSAG';
    for (let h = hits[r]; r < regional && h && h.index + h.text.length <= m.index; h = hits[++r]);
    const h = r < regional ? hits[r] : undefined;
    // A regional prose hit already covers this study-group mention.
    if (g && !(h && h.index < m.index + m[0].length)) hits.push({ group: g, index: m.index, text: m[0] });
  }
  return hits.sort((a, b) => a.index - b.index);
}

/** The first group mentioned in `text`, or `null`. */
export function firstGroup(text: string): string | null {
  return findGroups(text)[0]?.group ?? null;
}

/**
 * The group mentioned most often in `text` when it clearly dominates (at least `min` mentions and more than any
 * other group); `null` otherwise, so that a letter about several groups is never pinned on one.
 */
export function dominantGroup(text: string, min = 2): string | null {
  const counts = new Map<string, number>();
  for (const h of findGroups(text)) counts.set(h.group, (counts.get(h.group) ?? 0) + 1);
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || first[1] < min || (second && second[1] * 2 > first[1])) return null;
  return first[0];
}
