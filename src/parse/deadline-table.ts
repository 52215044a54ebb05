/**
 * The "Key deadlines" table of a collective letter, in whatever shape a converter left it: cells on separate lines,
 * joined by tabs, " / " or " - ", glued together ("6 September 2017Submit ITU-T Member contributions"), two rows on
 * one line, date-first or date-last rows, "date: action; action" rows, relative labels ("D-60") beside the dates.
 * A list headed "Key dates" mixes deadlines with the event's own dates: only its rows that ask for something count.
 */
import type { Deadline } from '../core/types.ts';
import { categorize } from './categories.ts';
import { GENEVA_ZONE, findDates, findTime, findZone, hasDate, type DateHit } from './dates.ts';
import { BULLETS, squash, stripBullet } from './normalize.ts';

/** Characters of a row read on either side of its date; a table row is never longer. */
const ROW_REACH = 1000;
/** Dates of one deadlines table read as its rows. */
const MAX_ROW_DATES = 500;

/** Where a deadlines table sits: `[start, end)` offsets of its body; `loose` for a "Key dates" list. */
export interface DeadlineSection {
  start: number;
  end: number;
  loose: boolean;
  /** What is due, as the heading says it ("submitting tdocs" of "Deadline for submitting tdocs:"), when it does. */
  label?: string;
}

const HEADING = new RegExp(
  [
    // "Key deadlines:", "5 Key deadlines", "IMPORTANT DEADLINES"
    String.raw`(?:^|\n)[ \t]*(?:[A-Z0-9.)]{1,4}[ \t]+)?(?:key|important|main|relevant)[ \t]+(deadlines?|dates)\b(?:[^\n]{0,100}:[ \t]*(?=\n)|[^\n]{0,40}?:?)`,
    // "Deadlines:" alone on its line or before the first row
    String.raw`(?:^|\n)[ \t]*deadlines?[ \t]*:?[ \t]*(?=\n|\t|\d)`,
    // "The deadlines of the workshop are amended as follows:", "Please note the following deadlines:"
    String.raw`(?:^|\n)[^\n]{0,120}\bdeadlines\b[^\n]{0,80}:[ \t]*(?=\n)`,
    // A heading of its own line that says what is due: "Deadline for submitting tdocs:" (a 3GPP agenda's), its rows
    // saying for what ("For all other agenda items: Tuesday, 18 June 2019 15:00 UTC.").
    String.raw`(?:^|\n)[ \t]*deadlines?[ \t]+for[ \t]+(?<label>[^\n:]{3,60}?)[ \t]*:[ \t]*(?=\n)`,
  ].join('|'),
  'gi',
);
const END =
  /^\s*(?:I (?:wish|look forward|hope)|Yours (?:faithfully|sincerely)|\(signed\)|Annex(?:es)?\s*[:A-Z1-9]?\s*$|ANNEX\b|Attachments?\s*:|Enclosures?\s*:|Please note\b|\d{1,2}\s*[.)]?\s+(?!(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)[A-Z][a-z]+\s+\S+\s+\S+\s+\S+)/;

// A sentence of the letter after the table: long, ends with a full stop (or a full stop ends a sentence inside it:
// a hard-wrapped paragraph), and is not itself an action.
function isProseLine(line: string, minWords = 10): boolean {
  const t = line.trim();
  return /^[A-Z][^\t]*(?:\.$|\.\s+[A-Z])/.test(t) && t.split(/\s+/).length >= minWords && !/^(?:Submit|Send|Register|Request|Pre-?registration|Deadline|Return|Reply|Apply)\b/i.test(t);
}

function sectionEnd(text: string, start: number): number {
  let offset = start;
  let seenDate = false;
  let afterBlank = false;
  // A table has at most 60 lines; reading line by line keeps a long document from being split again per table.
  for (let i = 0; i <= 60 && offset <= text.length; i++) {
    const nl = text.indexOf('\n', offset);
    const line = text.slice(offset, nl < 0 ? text.length : nl);
    // Once a date is seen, a line's own dates matter only for a line that reads like prose: most rows need no parse.
    // After a blank line, a shorter sentence ends the table too ("Practical meeting information is set out in Annex A.").
    if (!seenDate) seenDate = hasDate(line);
    else if (END.test(line) || (isProseLine(line, afterBlank ? 5 : 10) && !hasDate(line))) return offset;
    afterBlank = line.trim() === '';
    if (nl < 0) return text.length;
    offset = nl + 1;
  }
  return offset;
}

/** Every deadlines table of the text, in order, not overlapping. */
export function findDeadlineSections(text: string): DeadlineSection[] {
  // Every heading names deadlines or dates.
  if (!/deadline|dates/i.test(text)) return [];
  const out: DeadlineSection[] = [];
  let last = 0;
  for (const h of text.matchAll(HEADING)) {
    if (h.index < last) continue;
    const start = h.index + h[0].length;
    const end = sectionEnd(text, start);
    if (!hasDate(text.slice(start, end))) continue;
    const label = h.groups?.['label']?.trim();
    out.push({ start, end, loose: /^dates$/i.test(h[1] ?? ''), ...(label ? { label } : {}) });
    last = end;
  }
  return out;
}

/** The first deadlines table of the text, or `null`. */
export function findDeadlineSection(text: string): DeadlineSection | null {
  return findDeadlineSections(text)[0] ?? null;
}

// A date inside an action ("TSB Circular 106 (12 February 2026)") is not a row date.
function isRowDate(section: string, hit: DateHit): boolean {
  const before = section.slice(Math.max(0, hit.index - 12), hit.index);
  if (/\(\s*$/.test(before)) return false;
  if (/\b(?:of|on|dated|from|by|to|until|before|after|the|since)\s+$/i.test(before)) return false;
  return hit.start === hit.end;
}

// An event's own dates in a "Key dates" list ("2-3 March 2026   Workshop") end the row above.
function isRowBoundary(section: string, hit: DateHit): boolean {
  return isRowDate(section, hit) || (hit.start !== hit.end && /(?:^|\n)[ \t\-\u2022\u00B7]*$/.test(section.slice(Math.max(0, hit.index - 8), hit.index)));
}

const ACTION_SPLIT = new RegExp(`\\n|\\t|;\\s*(?=[A-Z\\u2022\\u00B7-])|\\s/\\s|\\s[-\\u2022\\u00B7\\u25AA]\\s|(?:^|\\s)[${BULLETS}](?=\\s)`, 'g');
// Relative labels beside dates ("D-60", "J-30", "(D-12)") say nothing the date does not.
const RELATIVE_LABEL = /\(?\b[DJ]\s?-\s?\d{1,3}\b\)?/g;
// A "Key dates" row that asks for something, as opposed to the event's own dates ("Workshop", "Opening").
const ASKS = /\b(?:deadlines?|due|submi\w*|clos\w*|send|sent|requests?|appl\w*|regist\w*|return|repl\w*|nominat\w*|abstracts?|papers?|last day)\b/i;

// A table's header row ("Date | Action", "Action / Date") is not an action.
const HEADER_ONLY = /^(?:(?:dates?|actions?|deadlines?|description|items?|what|when|to do)\W*)+$/i;

// A cell that only qualifies the date: "(Wednesday)", ", 23:59 CET", "(Geneva time)". It is no action of its own.
const STAMP_ONLY =
  /^(?:[\s,;:()-]|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\d{1,2}[:.h]?\d{2}|\b(?:hours|hrs|UTC|GMT|CET|CEST|Geneva|local|time|at|the|latest|inclusive|midnight|noon)\b)*$/i;

/** Split the text owned by one date into separate actions, re-joining wrapped lines. */
export function splitActions(owned: string): string[] {
  return splitRow(owned).actions;
}

/** The actions of the text owned by one date, and the cells that only qualify the date (`stamp`: time, zone). */
function splitRow(owned: string): { actions: string[]; stamp: string } {
  const stamp: string[] = [];
  const raw = owned
    .replace(RELATIVE_LABEL, ' ')
    // Glued actions: "…translation is requestedSubmit requests…" (normalizeText adds the space; split on it).
    .replace(/([a-z)\]])\s+(?=(?:Submit|Pre-registration|Registration for|Request(?:s)? for|Deadline for|Send)\b)/g, '$1\n')
    // "pre-registration for the meeting; visa support requests": a lower-case action after ";" of another kind.
    .replace(/;\s*(?=([a-z][^;\n]*))/g, (m: string, next: string) => (categorize(next) === 'other' ? m : '\n\uE000'))
    .split(ACTION_SPLIT)
    .map((s) => stripBullet(s ?? ''))
    .filter((s) => (STAMP_ONLY.test(s) ? (stamp.push(s), false) : /[A-Za-z]{3}/.test(s)));
  const actions: string[] = [];
  for (const part of raw) {
    const prev = actions.length - 1;
    // A wrapped line continues the previous action: it starts in lower case or with "(".
    if (prev >= 0 && /^[a-z(]/.test(part) && !/^(?:submit|pre-?registration|request|register)/i.test(part)) {
      actions[prev] = `${actions[prev]} ${part}`;
    } else {
      actions.push(part.replace(/^\uE000/, ''));
    }
  }
  return {
    actions: actions.map((a) => squash(a).replace(/^[-:.,|\s]+|[-:,|\s]+$/g, '')).filter((a) => a.length > 2 && !HEADER_ONLY.test(a)),
    stamp: stamp.join(' '),
  };
}

const HEADER_WORDS = /\b(?:dates?|actions?|deadlines?|what|when|description|items?|activity|activities|to do)\b/gi;
const blank = (t: string) => !/[A-Za-z]{3}/.test(t.replace(RELATIVE_LABEL, ' ')) || STAMP_ONLY.test(t);

/**
 * Whether rows are "action / date" rather than "date / action". The lines of the dates tell first: a date that
 * ends its line after some text ("Registration deadline: 20 February 2027") is date-last, one that starts its line
 * before some text is date-first. A date alone on its line (cells on their own lines) says nothing; then text
 * before the first date (more than a header row "Date | Action") with no action after the last one means date-last.
 */
function isDateLast(body: string, bounds: readonly DateHit[], dates: readonly DateHit[]): boolean {
  let last = 0;
  let first = 0;
  for (const hit of dates) {
    // The line around the date, at most ROW_REACH characters each side: a row is never longer, and a line of
    // thousands of dates would otherwise be read again for each of them.
    const from = Math.max(0, hit.index - ROW_REACH);
    const lineStart = from + body.slice(from, hit.index).lastIndexOf('\n') + 1;
    const to = Math.min(body.length, hit.index + hit.text.length + ROW_REACH);
    const tail = body.slice(hit.index + hit.text.length, to);
    const nl = tail.indexOf('\n');
    const before = stripBullet(body.slice(lineStart, hit.index)).replace(HEADER_WORDS, ' ');
    const after = nl < 0 ? tail : tail.slice(0, nl);
    if (!blank(before) && blank(after)) last++;
    if (blank(before) && !blank(after)) first++;
  }
  if (last !== first) return last > first;
  const lead = squash(stripBullet(body.slice(0, bounds[0]?.index ?? 0)));
  const end = bounds.at(-1);
  const trailing = end ? (body.slice(end.index + end.text.length).split(/\n[ \t]*\n/)[0] ?? '') : '';
  return /[A-Za-z]{4}/.test(lead.replace(RELATIVE_LABEL, ' ').replace(HEADER_WORDS, '')) && !/[A-Za-z]{4}/.test(trailing.replace(/\b(?:hours?|hrs|UTC|GMT|CET|CEST|Geneva|time|local|inclusive|latest)\b/gi, ''));
}

function parseSection(text: string, section: DeadlineSection): Deadline[] {
  const body = text.slice(section.start, section.end);
  // A table has a few dozen rows: dates past MAX_ROW_DATES (a line of thousands of dates) are no rows of it.
  const all = findDates(body, MAX_ROW_DATES);
  const bounds = all.filter((h) => isRowBoundary(body, h));
  const dates = bounds.filter((h) => isRowDate(body, h));
  if (dates.length === 0) return [];
  const dateLast = isDateLast(body, bounds, dates);
  const position = new Map(bounds.map((h, i) => [h, i]));
  const out: Deadline[] = [];
  for (const hit of dates) {
    const i = position.get(hit) ?? -1;
    const next = bounds[i + 1];
    const prev = bounds[i - 1];
    const owned = dateLast
      ? body.slice(prev ? prev.index + prev.text.length : 0, hit.index)
      : body.slice(hit.index + hit.text.length, next ? next.index : body.length);
    const row = splitRow(owned);
    // What qualifies the date applies to every action of its row: "24 November 2025, 2359 hours UTC".
    const end = hit.index + hit.text.length;
    const after = dateLast ? (/^[^\n/]*/.exec(body.slice(end, end + ROW_REACH))?.[0] ?? '') : '';
    const stamp = `${hit.text} ${row.stamp} ${STAMP_ONLY.test(after) ? after : ''}`;
    const byCategory = new Map<string, Deadline>();
    // A heading that says what is due names the row's action: "Submitting tdocs: for all other agenda items".
    const label = section.label ? `${section.label.charAt(0).toUpperCase()}${section.label.slice(1)}: ` : '';
    for (const rowAction of row.actions) {
      const action = label ? rowAction.replace(/^For\b/, 'for') : rowAction;
      // Only the start of a runaway action (a line of thousands of dates) names its category: see ROW_REACH.
      const named = `${label}${action}`;
      const category = categorize(named.length > ROW_REACH ? named.slice(0, ROW_REACH) : named);
      if (section.loose && category === 'other' && !ASKS.test(action)) continue;
      const time = findTime(action) ?? findTime(stamp);
      const existing = byCategory.get(category);
      if (existing) {
        existing.action = `${existing.action}; ${action}`;
        continue;
      }
      byCategory.set(category, {
        date: hit.start,
        time: time?.start ?? null,
        timezone: findZone(action) ?? findZone(stamp) ?? GENEVA_ZONE,
        action: named,
        category,
        derived: false,
      });
    }
    out.push(...byCategory.values());
  }
  return out;
}

/**
 * Deadlines of the key-deadlines tables of a normalised text ({@link normalizeText}), one per (date, category); several
 * actions of one category on one date are joined with "; ".
 *
 * @example parseDeadlineTable('Key deadlines:\n13 March 2026\t- Submit requests for real-time captioning')
 *   // [{ date: '2026-03-13', time: null, timezone: 'Europe/Zurich', category: 'captioning', derived: false, … }]
 */
export function parseDeadlineTable(text: string, sections: readonly DeadlineSection[] = findDeadlineSections(text)): Deadline[] {
  return sections.flatMap((s) => parseSection(text, s));
}

/** `true` when `index` lies inside one of `sections` (in order, not overlapping: a binary search). */
export function inSections(sections: readonly DeadlineSection[], index: number): boolean {
  let lo = 0;
  let hi = sections.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sections[mid];
    if (!s) return false;
    if (index < s.start) hi = mid - 1;
    else if (index >= s.end) lo = mid + 1;
    else return true;
  }
  return false;
}
