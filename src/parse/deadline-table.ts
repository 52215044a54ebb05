/**
 * The "Key deadlines" table of a collective letter, in whatever shape a converter left it: cells on separate lines,
 * joined by tabs, " / " or " - ", glued together ("6 September 2017Submit ITU-T Member contributions"), two rows on
 * one line, date-first or date-last rows.
 */
import type { Deadline } from '../core/types.ts';
import { categorize } from './categories.ts';
import { GENEVA_ZONE, findDates, findTime, findZone, type DateHit } from './dates.ts';
import { BULLETS, squash, stripBullet } from './normalize.ts';

const HEADING = /(?:^|\n)[ \t]*(?:[A-Z0-9.)]{1,4}[ \t]+)?(?:key|important|main|relevant)[ \t]+deadlines?\b[^\n]{0,40}?:?|(?:^|\n)[ \t]*deadlines?[ \t]*:?[ \t]*(?=\n|\t|\d)/i;
const END =
  /^\s*(?:I (?:wish|look forward|hope)|Yours (?:faithfully|sincerely)|\(signed\)|Annex(?:es)?\s*[:A-Z1-9]?\s*$|ANNEX\b|Attachments?\s*:|Enclosures?\s*:|Please note\b|\d{1,2}\s*[.)]?\s+(?!(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)[A-Z][a-z]+\s+\S+\s+\S+\s+\S+)/;

/** Where the key-deadlines table sits in the text: `[start, end)` offsets of its body, or `null`. */
export function findDeadlineSection(text: string): { start: number; end: number } | null {
  const h = HEADING.exec(text);
  if (!h) return null;
  const start = h.index + h[0].length;
  const lines = text.slice(start).split('\n');
  let offset = start;
  let seenDate = false;
  for (const [i, line] of lines.entries()) {
    if (i > 0 && seenDate && END.test(line)) return { start, end: offset };
    if (i > 60) return { start, end: offset };
    if (findDates(line).length > 0) seenDate = true;
    offset += line.length + 1;
  }
  return { start, end: text.length };
}

// A date inside an action ("TSB Circular 106 (12 February 2026)") is not a row date.
function isRowDate(section: string, hit: DateHit): boolean {
  const before = section.slice(Math.max(0, hit.index - 12), hit.index);
  if (/\(\s*$/.test(before)) return false;
  if (/\b(?:of|on|dated|from|by|to|until|before|after|the|since)\s+$/i.test(before)) return false;
  return hit.start === hit.end;
}

const ACTION_SPLIT = new RegExp(`\\n|\\t|;\\s*(?=[A-Z\\u2022\\u00B7-])|\\s/\\s|\\s[-\\u2022\\u00B7\\u25AA]\\s|(?:^|\\s)[${BULLETS}](?=\\s)`, 'g');

// A table's header row ("Date | Action", "Action / Date") is not an action.
const HEADER_ONLY = /^(?:(?:dates?|actions?|deadlines?|description|items?|what|when|to do)\W*)+$/i;

/** Split the text owned by one date into separate actions, re-joining wrapped lines. */
export function splitActions(owned: string): string[] {
  const raw = owned
    // Glued actions: "…translation is requestedSubmit requests…" (normalizeText adds the space; split on it).
    .replace(/([a-z)\]])\s+(?=(?:Submit|Pre-registration|Registration for|Request(?:s)? for|Deadline for|Send)\b)/g, '$1\n')
    .split(ACTION_SPLIT)
    .map((s) => stripBullet(s ?? ''))
    .filter((s) => /[A-Za-z]{3}/.test(s));
  const actions: string[] = [];
  for (const part of raw) {
    const prev = actions.length - 1;
    // A wrapped line continues the previous action: it starts in lower case or with "(".
    if (prev >= 0 && /^[a-z(]/.test(part) && !/^(?:submit|pre-?registration|request|register)/i.test(part)) {
      actions[prev] = `${actions[prev]} ${part}`;
    } else {
      actions.push(part);
    }
  }
  return actions
    .map((a) => squash(a).replace(/^[-:.,|\s]+|[-:,|\s]+$/g, ''))
    .filter((a) => a.length > 2 && !HEADER_ONLY.test(a));
}

/**
 * Deadlines of the key-deadlines table of a normalised text ({@link normalizeText}), one per (date, category); several actions of one category on one date are
 * joined with "; ".
 *
 * @example parseDeadlineTable('Key deadlines:\n13 March 2026\t- Submit requests for real-time captioning')
 *   // [{ date: '2026-03-13', time: null, timezone: 'Europe/Zurich', category: 'captioning', derived: false, … }]
 */
export function parseDeadlineTable(text: string): Deadline[] {
  const section = findDeadlineSection(text);
  if (!section) return [];
  const body = text.slice(section.start, section.end);
  const dates = findDates(body).filter((h) => isRowDate(body, h));
  if (dates.length === 0) return [];
  const lead = squash(stripBullet(body.slice(0, dates[0]?.index ?? 0)));
  // Text before the first date means rows are "action / date", unless it is only a header row ("Date | Action").
  const dateLast = /[A-Za-z]{4}/.test(lead.replace(/\b(?:dates?|actions?|deadlines?|what|when|description|items?|activity|activities|to do)\b/gi, ''));
  const out: Deadline[] = [];
  dates.forEach((hit, i) => {
    const next = dates[i + 1];
    const prev = dates[i - 1];
    const owned = dateLast
      ? body.slice(prev ? prev.index + prev.text.length : 0, hit.index)
      : body.slice(hit.index + hit.text.length, next ? next.index : body.length);
    const byCategory = new Map<string, Deadline>();
    for (const action of splitActions(owned)) {
      const category = categorize(action);
      const time = findTime(action);
      const existing = byCategory.get(category);
      if (existing) {
        existing.action = `${existing.action}; ${action}`;
        continue;
      }
      byCategory.set(category, {
        date: hit.start,
        time: time?.start ?? null,
        timezone: findZone(action) ?? GENEVA_ZONE,
        action,
        category,
        derived: false,
      });
    }
    out.push(...byCategory.values());
  });
  return out;
}
