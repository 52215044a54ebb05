/**
 * Deadlines stated in sentences ("the deadline for replies to this consultation is 2359 hours UTC on 30 April 2026",
 * "Fellowship requests must be received by 31 March 2026 at the latest") and deadlines derived from rules stated in
 * prose, as older letters do ("contributions … at least 12 calendar days before the meeting").
 */
import type { Deadline, DeadlineCategory, DocumentKind } from '../core/types.ts';
import { categorize } from './categories.ts';
import { GENEVA_ZONE, findDates, findTime, findZone, minusPeriod } from './dates.ts';
import { MONTH_PATTERN, squash } from './normalize.ts';

const DATE_AHEAD = String.raw`(?:\d{3,4}\s*(?:hours|hrs)?\s*(?:\(?(?:UTC|CET|CEST|Geneva time)\)?)?\s*(?:on\s+)?)?(?:[A-Z][a-z]+day,?\s+)?\d{1,2}\s+${MONTH_PATTERN}`;
const TRIGGER = new RegExp(
  String.raw`\bdeadlines?\b|\bno later than\b|\bnot later than\b|\bat the latest\b|\bdue (?:by|on|date)\b|\bclosing date\b|` +
    String.raw`\b(?:by|before|until)\s+${DATE_AHEAD}|\bmust (?:be )?(?:received|submitted|sent|reach)|\bshould (?:be )?(?:received|reach|submitted|sent)`,
  'i',
);
const NOT_A_DEADLINE = /\b(?:will be held|will take place|took place|was held|meeting of|last meeting|previous meeting|held (?:from|on|in))\b/i;

/** Split a text into sentences, keeping line breaks as sentence ends (list items are sentences too). */
export function sentences(text: string): Array<{ text: string; index: number }> {
  const out: Array<{ text: string; index: number }> = [];
  // A sentence ends at ". " before a capital, digit, quote or bullet, or at a line break; "itu.int" or "Y.4241" do not
  // end one, and neither do abbreviations ("Res. 99", "No. 196", "e.g. SG17").
  const ends = /(?<=[.!?;])[ \t]+(?=[A-Z0-9("'\u2022\u00B7-])|\n/g;
  let start = 0;
  for (const m of text.matchAll(ends)) {
    const chunk = text.slice(start, m.index);
    if (m[0] !== '\n' && /\b(?:No|Res|Rev|Rec|Doc|e\.g|i\.e|Mr|Ms|Dr|Vol|Art|para|cf|Ref|Tel|approx)\.$/i.test(chunk)) continue;
    if (chunk.trim()) out.push({ text: chunk, index: start });
    start = m.index + m[0].length;
  }
  if (text.slice(start).trim()) out.push({ text: text.slice(start), index: start });
  return out;
}

// Uppercase labels that head practical-information paragraphs ("VISA SUPPORT:", "FELLOWSHIPS:").
function paragraphLabel(text: string, index: number): string {
  const before = text.slice(Math.max(0, index - 1500), index);
  const labels = [...before.matchAll(/(?:^|\n)\s*([A-Z][A-Z ,&/-]{3,60}):/g)];
  return labels.at(-1)?.[1] ?? '';
}

function categoryIn(kind: DocumentKind, sentence: string, label: string): DeadlineCategory {
  let category = categorize(sentence);
  if (category === 'other' || category === 'registration') {
    const fromLabel = categorize(label);
    if (fromLabel !== 'other' && fromLabel !== 'registration') category = fromLabel;
  }
  if (category === 'other' && kind === 'liaison-statement') return 'liaison-reply';
  // A circular's deadline is for replies to it (consultation, objection to a deletion, questionnaire).
  if (category === 'other' && kind === 'circular' && !/\b(?:workshop|forum|event|symposium|seminar)\b/i.test(sentence)) return 'consultation-reply';
  if (category === 'other' && /\b(?:repl|respon|answer|feedback|comments?\b|views)/i.test(sentence)) {
    category = kind === 'liaison-statement' ? 'liaison-reply' : kind === 'circular' ? 'consultation-reply' : 'other';
  }
  return category;
}

/**
 * Deadlines stated in sentences anywhere in `text` except inside `skip` (the key-deadlines table).
 */
export function parseProseDeadlines(text: string, kind: DocumentKind, skip: { start: number; end: number } | null): Deadline[] {
  const out: Deadline[] = [];
  for (const s of sentences(text)) {
    if (skip && s.index >= skip.start && s.index < skip.end) continue;
    if (!TRIGGER.test(s.text) || NOT_A_DEADLINE.test(s.text)) continue;
    const clean = squash(s.text);
    for (const hit of findDates(clean)) {
      if (hit.start !== hit.end) continue;
      // The trigger must stand near this date (within the 80 characters before it, or "at the latest" after it).
      const near = clean.slice(Math.max(0, hit.index - 80), hit.index + hit.text.length + 20);
      if (!TRIGGER.test(near)) continue;
      const time = findTime(clean.slice(Math.max(0, hit.index - 40), hit.index + hit.text.length + 30));
      out.push({
        date: hit.start,
        time: time?.start ?? null,
        timezone: findZone(clean) ?? GENEVA_ZONE,
        action: clean.length > 240 ? `${clean.slice(0, 237)}...` : clean,
        category: categoryIn(kind, clean, paragraphLabel(text, s.index)),
        derived: false,
      });
    }
  }
  return out;
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, fourteen: 14, fifteen: 15, twenty: 20, thirty: 30, 'forty-five': 45, sixty: 60,
};

const RULE = new RegExp(
  String.raw`\b(\d{1,3}|${Object.keys(NUMBER_WORDS).join('|')})\s*(?:\(\d{1,3}\)\s*)?(calendar\s+)?(days?|weeks?|months?)\s+` +
    String.raw`(?:before|prior to|ahead of)\s+(?:the\s+)?(?:(?:start|beginning|opening|first day)(?:\s+date)?\s+of\s+(?:the\s+)?)?(?:meeting|event|session)`,
  'i',
);

/**
 * Deadlines derived from rules stated in prose, relative to the meeting start (ISO date). Only recognised
 * categories are derived, and only where the document states no explicit deadline of that category.
 *
 * @example deriveRuleDeadlines('Contributions should reach TSB at least 12 calendar days before the meeting.', '2011-10-10', [])
 *   // [{ date: '2011-09-28', category: 'contributions', derived: true, … }]
 */
export function deriveRuleDeadlines(text: string, meetingStart: string, explicit: readonly Deadline[]): Deadline[] {
  const have = new Set(explicit.map((d) => d.category));
  const out: Deadline[] = [];
  for (const s of sentences(text)) {
    const m = RULE.exec(s.text);
    if (!m?.[1] || !m[3]) continue;
    const clean = squash(s.text);
    const category = categoryIn('collective-letter', clean, paragraphLabel(text, s.index));
    if (category === 'other' || category === 'consultation-reply' || category === 'liaison-reply' || have.has(category)) continue;
    const amount = NUMBER_WORDS[m[1].toLowerCase()] ?? Number(m[1]);
    const unit = m[3].toLowerCase().startsWith('day') ? 'days' : m[3].toLowerCase().startsWith('week') ? 'weeks' : 'months';
    have.add(category);
    out.push({
      date: minusPeriod(meetingStart, amount, unit),
      time: null,
      timezone: GENEVA_ZONE,
      action: clean.length > 240 ? `${clean.slice(0, 237)}...` : clean,
      category,
      derived: true,
    });
  }
  return out;
}
