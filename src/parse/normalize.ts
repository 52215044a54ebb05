/**
 * Text clean-up applied before any fact is looked for. Word/PDF converters and mail clients produce non-breaking
 * spaces, curly quotes, soft hyphens, non-breaking hyphens ("ITU‑T"), glued words ("SubmitITU-T") and missing
 * spaces after commas ("Geneva,9-18 April 2018"). Line structure and tabs are kept: table layout lives in them.
 */

import { fromChinese } from './cjk.ts';
import { fromSpanishOrFrench } from './romance.ts';
import { fromRussian } from './russian.ts';

const MONTHS =
  'January|February|March|April|May|June|July|August|September|October|November|December|' +
  'Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';

/** Regex source matching an English month name or its usual abbreviation. */
export const MONTH_PATTERN = `(?:${MONTHS})`;

// The repairs below that look ahead at every letter run only when their telltale characters occur: a scan for
// "[a-z]\d{4}" costs a twentieth of the repair, and most documents need none of them.
const WORD_DATE = new RegExp(`([a-z)]|\\d-[EFSCAR])(?=\\d{1,2}\\s+${MONTH_PATTERN}\\s+\\d{4})`, 'g');
const DATE_WORD = new RegExp(`(\\b\\d{1,2}\\s+${MONTH_PATTERN}\\s+\\d{4})(?=[A-Za-z])`, 'g');
const GLUED_TOKEN = /([a-z])(?=(?:ITU-T|ITU|TSB|Submit|Pre-registration|Registration|Request|Deadline)(?:\b|[A-Z]))/g;
const ACTION_TOKEN = /(Submit|Request|Deadline)(?=(?:ITU|TSB)\b)/g;
const DAY_MONTH = new RegExp(`(\\b\\d{1,2})(?=${MONTH_PATTERN}\\b)`, 'g');
const MONTH_YEAR = new RegExp(`(\\b${MONTH_PATTERN})(?=\\d{4}\\b)`, 'g');
const MONTH_RANGE = new RegExp(`(\\b\\d{1,2}\\s+${MONTH_PATTERN})-(?=\\d{1,2}\\s+${MONTH_PATTERN}\\b)`, 'g');
// A day range whose dash the converter dropped: "Geneva, 67 June 2019" (no day is 67), "1213 June 2019".
const DASHLESS_RANGE = new RegExp(`(?<!\\b(?:Document|Doc\\.?|TD|No\\.?|Circular|[Ll]etter|Resolution|Contribution|Addendum|Annex|Question|Report)\\s+)\\b(\\d{2,4})(?=\\s+${MONTH_PATTERN}\\s+\\d{4}\\b)`, 'g');
const NUMBERED_PARAGRAPH = /^([ \t]*\d{1,2}\.?)(?=[A-Z][a-z])/gm;
const PAGE_FURNITURE =
  /^[ \t]*(?:-[ \t]*\d{1,3}[ \t]*-|Page[ \t]+\d{1,3}(?:[ \t]+of[ \t]+\d{1,3})?)[ \t]*\n(?:[ \t]*(?:(?:TSB[ \t]+)?(?:Collective[ \t]+letter|Circular)[ \t]+[\w/-]{1,15}|(?:SG\d{1,2}|TSAG)-(?:LS|TD|C|R)\d{1,4}[\w/]*|TD[ \t]?\d{1,4}[ \t]*\([\w/ ]{3,12}\)|COM[ \t]?\d{1,2}[ \t]*-[ \t]*[CR][ \t]?\d{1,4}[^\n]{0,6})[ \t]*(?:\n|$))?/gim;

// The last text normalised: the ingest pipeline normalises a part to parse it and again to hash it.
let lastRaw: string | null = null;
let lastNormalized = '';

/**
 * Normalise converter artefacts; keeps newlines and tabs.
 *
 * @example normalizeText('Geneva,9‑18\u00a0April 2018') === 'Geneva, 9-18 April 2018'
 */
export function normalizeText(raw: string): string {
  if (raw !== lastRaw) {
    lastNormalized = normalize(raw);
    lastRaw = raw;
  }
  return lastNormalized;
}

function normalize(raw: string): string {
  let t = fromRussian(fromSpanishOrFrench(fromChinese(raw.replace(/^\uFEFF/, ''))));
  t = t.replace(/\r\n?/g, '\n');
  // Invisible characters: zero-width space/joiners, soft hyphen, word joiner, BOMs inside the text.
  t = t.replace(/[\u200B-\u200D\u2060\u00AD\uFEFF]/g, '');
  // Spaces of every width (NBSP, narrow NBSP, thin space, ideographic…) become plain spaces.
  t = t.replace(/[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g, ' ');
  // Whitespace that carries no layout goes first, so that no later pattern scans a long run again and again:
  // trailing blanks, more than two blank lines in a row, more than ten tabs in a row (a converter's filler).
  // (Each step is skipped when a scan finds nothing for it to do.)
  if (/[^\S\n](?:\n|$)/.test(t)) {
    t = t
      .split('\n')
      .map((line) => line.trimEnd())
      .join('\n');
  }
  if (t.includes('\n\n\n\n')) t = t.replace(/\n{4,}/g, '\n\n\n');
  if (hasBlankRun(t, 11)) t = t.replace(/[ \t]{11,}/g, (run) => (run.includes('\t') ? '\t'.repeat(Math.min(10, run.split('\t').length - 1)) : ' '));
  // Hyphens and dashes: non-breaking hyphen, figure dash, en/em dash, minus sign.
  t = t.replace(/[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2012]/g, '-');
  t = t.replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'").replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"');
  t = t.replace(/\u2026/g, '...');
  // A scan's stray backtick at the start of its lines ("`Athens, Greece, 26th February - 2nd March 2018").
  if (t.includes('`')) t = t.replace(/^([ \t]*)`+/gm, '$1');
  // Missing space after a comma before a digit or capital: "Geneva,9-18 April" / "Geneva,Switzerland".
  t = t.replace(/([A-Za-z\u00C0-\u024F]),(?=[0-9A-Z])/g, '$1, ');
  t = t.replace(/([A-Za-z)\u00C0-\u024F]);(?=[0-9A-Za-z])/g, '$1; ');
  // A numbered paragraph glued to its first word: "1I have the pleasure" -> "1 I have the pleasure".
  if (/\d\.?[A-Z][a-z]/.test(t)) t = t.replace(NUMBERED_PARAGRAPH, '$1 ');
  // A word glued to the next row's date: "translation4 April 2027".
  if (/(?:[a-z)]|-[EFSCAR])\d{1,2}\s+[ADFJMNOS]/.test(t)) t = t.replace(WORD_DATE, '$1 ');
  // "Addendum 30 toDocument 46-E": an assembly document's number line run together.
  if (/[a-z]Document\s+\d/.test(t)) t = t.replace(/\b(to|of)(?=Document\s+\d)/g, '$1 ');
  // A year or date glued to the next word: "6 September 2017Submit" -> "6 September 2017 Submit".
  if (/\d{4}[A-Za-z]/.test(t)) t = t.replace(DATE_WORD, '$1 ');
  // A sentence glued to the word before it: "… Advisory Group meetingThe Radiocommunication Advisory Group met …".
  if (/[a-z]{3}(?:The|This|Dear|Please)\s/.test(t)) t = t.replace(/(?<=[a-z]{3})(?=(?:The|This|Dear|Please)\s)/g, ' ');
  // An acronym in brackets glued to the next word: "(JCA-SDN)meeting will take place" -> "(JCA-SDN) meeting".
  if (/\)[a-z]{3}/.test(t)) t = t.replace(/(\([A-Z][A-Za-z0-9-]{1,15}\))(?=[a-z]{3,}\b)/g, '$1 ');
  // A clock time glued to the next word: "14:30 – 17:30and inaugural meeting" -> "17:30 and".
  if (/\d:\d\d[a-z]{3}/.test(t)) t = t.replace(/(\b\d{1,2}:\d\d)(?=(?:and|to|for|the|in|at|on|with|until|till|hours|hrs|Geneva|CET|CEST|UTC|GMT)\b)/g, '$1 ');
  // Lower-case letter glued to a capitalised word that starts a known action/token: "SubmitITU-T", "requestedSubmit".
  if (/[a-z][DIPRST]/.test(t)) t = t.replace(GLUED_TOKEN, '$1 ');
  if (/[et](?:ITU|TSB)/.test(t)) t = t.replace(ACTION_TOKEN, '$1 ');
  // Digits glued to a month name or a month name glued to a year: "13March 2026", "March2026".
  if (/\d[ADFJMNOS][a-z]/.test(t)) t = t.replace(DAY_MONTH, '$1 ');
  if (/[a-z]\d{4}/.test(t)) t = t.replace(MONTH_YEAR, '$1 ');
  // "67 June 2019": a number no day can be, whose digits are two days in order, is the range "6-7 June 2019".
  if (/\d{2}\s+[ADFJMNOS]/.test(t)) t = t.replace(DASHLESS_RANGE, (n: string) => dashlessRange(n) ?? n);
  // A range across months written without spaces, "30 April-4 May 2018", reads as one date only if spaced.
  if (/[a-z]-\d/.test(t)) t = t.replace(MONTH_RANGE, '$1 - ');
  // Page furniture of converted PDFs: "- 2 -" or "Page 2 of 5" on its own line, with the running reference below it
  // ("TSB Collective letter 9/11"); left in place, it would split a table row or a sentence in two.
  if (/-[ \t]*\d{1,3}[ \t]*-[ \t]*\n|Page[ \t]+\d{1,3}(?:[ \t]+of[ \t]+\d{1,3})?[ \t]*\n/i.test(t)) t = t.replace(PAGE_FURNITURE, '');
  // A form's label whose colon a converter put on the next line ("TITLE" / ": Draft GSC6 summary minutes"): one line.
  if (/\n[ \t]*:[ \t]/.test(t)) t = t.replace(/^([ \t]*[A-Z][A-Z ]{2,30})\n[ \t]*:[ \t]+(?=\S)/gm, '$1: ');
  // Runs of spaces (not tabs or newlines) collapse.
  t = t.replace(/ {2,}/g, ' ');
  return t;
}

/** Whether `t` holds `min` or more spaces and tabs in a row (a linear scan; the pattern retries inside every run). */
/** "67" → "6-7", "1213" → "12-13", "620" → "6-20": a number over 31 read as two days in order; else `null`. */
function dashlessRange(n: string): string | null {
  if (Number(n) <= 31) return null;
  const cut = n.length === 2 ? 1 : n.length === 3 ? 1 : 2;
  const [a, b] = [Number(n.slice(0, cut)), Number(n.slice(cut))];
  return a >= 1 && b <= 31 && a < b && !n.slice(cut).startsWith('0') ? `${a}-${b}` : null;
}

function hasBlankRun(t: string, min: number): boolean {
  let run = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 32 || c === 9) {
      if (++run >= min) return true;
    } else run = 0;
  }
  return false;
}

/** Bullet characters seen in converted documents, as a character class body. */
export const BULLETS = '\\-\\u2022\\u00B7\\u25AA\\u25CF\\u25E6\\u2023\\u2043\\u25A0\\u25A1\\u2219\\u27A2\\u2794\\u00BB*o\\uF0B7\\uF0A7';

const LEADING_BULLET = new RegExp(`^\\s*(?:[${BULLETS}](?=\\s)|[\\u2022\\u00B7\\u25AA\\u25CF\\uF0B7\\uF0A7])\\s*`);

/** Strip a leading bullet ("•", "-", "·", "o ", "▪", "1)", "a)") and surrounding whitespace from a line. */
export function stripBullet(line: string): string {
  return line.replace(LEADING_BULLET, '').trim();
}

// Whitespace that squash would change: anything but a single space between words.
const UNSQUASHED = /[^\S ]| {2}|^ | $/;

/** Collapse all whitespace (tabs, newlines) to single spaces and trim. */
export function squash(text: string): string {
  return UNSQUASHED.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}
