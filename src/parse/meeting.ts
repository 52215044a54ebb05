/**
 * The meeting a letter announces (dates, place, opening time) and the side events it lists (sessions, workshops,
 * forums with their times). Meetings outside Geneva and virtual meetings are common; so are letters that announce
 * several events at once.
 */
import { canonicalGroup, groupOfQuestion, questionsNamed } from '../core/groups.ts';
import type { MeetingInfo } from '../core/types.ts';
import { GENEVA_ZONE, findDates, findTime, findZone, isSuperseded, utcOffsetZone, type DateHit } from './dates.ts';
import { findGroups } from './groups.ts';
import { allMatches } from './matches.ts';
import { MONTH_PATTERN, squash, stripBullet } from './normalize.ts';
import { sentences } from './deadline-prose.ts';
import { inSections, type DeadlineSection } from './deadline-table.ts';
import { clip } from './titles.ts';

// "…, virtual, 24 August - 3 September 2021": the word alone in the place's slot between commas.
const VIRTUAL = /(?<=,[ \t]*)virtual(?=[ \t]*,)|\bvirtual\/online\b|\bonline\/virtual\b|\b(?:fully[- ]virtual|fully electronic(?:ally)?|\(virtual\)\s+meeting|virtually|virtual (?:meeting|session|format|event|e-meeting)s?|e-meetings?|online only|via MyMeetings|remote(?:ly)? only|by remote participation only)\b/i;
// "in Geneva, Switzerland", "in Abidjan, Côte d'Ivoire", "in New Delhi, India", "in Rio de Janeiro, Brazil".
const NAME = String.raw`[A-Z\u00C0-\u00DE][\w'\u00C0-\u024F.-]+(?:\s(?:(?:de|des|da|du|del|di|do|dos|la|le|d'|al|el|es|of|and)\s)?[A-Z\u00C0-\u00DE][\w'\u00C0-\u024F.-]+){0,3}`;
const IN_PLACE = new RegExp(String.raw`\b(?:in|at)\s+(?:the\s+)?(${NAME}(?:,\s*${NAME})?)`, 'g');
// ("The TDAG": a sentence's subject after a line a converter lost, "held at ITU Headquarters in" / "The TDAG, in …".)
const NOT_PLACE = /^(?:ITU|ITU-T|TSB|Annex|Geneva time|the|The(?=\s+[A-Z]{2,}\b)|This|Room|Study|Working|Question|Rec|Recommendation|January|February|March|April|May|June|July|August|September|October|November|December|English|Resolution|WTSA|TSAG|SG\d+(?:RG-[A-Z]{2,5})?|WP\s?\d|Q\d{1,2}\/\d{1,2})\b/;
const HEADQUARTERS = /\b(?:ITU headquarters|headquarters of the International Telecommunication Union|ITU HQ|CICG)\b/i;

/** A place as answers give it: "Geneva" alone is ITU's Geneva, "Geneva, Switzerland"; any other as written. */
export function placeName(place: string): string {
  return /^Geneva$/i.test(place) ? 'Geneva, Switzerland' : place;
}

/** A place named in `text` ("Geneva, Switzerland"), `virtual`, or `null`. */
export function findPlace(text: string): string | null {
  // A quoted title names no place: "Workshop on "Quality of experience in African mobile markets"".
  const unquoted = text.replace(/"[^"\n]{0,200}"/g, (q) => ' '.repeat(q.length));
  let venue: string | null = null;
  for (const m of allMatches(IN_PLACE, unquoted)) {
    // A converter may run the next field's label on: "in Geneva, Switzerland Date: …".
    const place = (m[1] ?? '').replace(/[,.\s]+$/, '').replace(/\s+(?:Date|Time|Ref|Tel|Fax|Subject|Dear)$/, '');
    if (!place || NOT_PLACE.test(place)) continue;
    // "at the Delta Centre-Ville hotel in Montreal, Canada": the building is a venue; the town after it is the place.
    if (/^at\s+the\s/i.test(m[0]) && /^\s*(?:hotel|centre|center|conference|building|premises|campus)?\s*,?\s*in\s+[A-Z]/i.test(unquoted.slice(m.index + m[0].length, m.index + m[0].length + 40))) {
      venue ??= place;
      continue;
    }
    return placeName(place);
  }
  if (venue) return venue;
  if (HEADQUARTERS.test(text)) return 'Geneva, Switzerland';
  if (VIRTUAL.test(text)) return 'virtual';
  return null;
}

// Place written before the dates in a subject line: "Meeting of Study Group 20; Geneva, 12-21 May 2026".
function placeBeforeDate(subject: string, hit: DateHit): string | null {
  const groups = findGroups(subject).filter((g) => g.index < hit.index);
  const last = groups.at(-1);
  let head = subject.slice(last ? last.index + last.text.length : 0, hit.index);
  head = head.replace(/^[\s)\],;:]*\([^)]*\)/, '').replace(/^[\s)\],;:]+/, '');
  // A quoted name is the event's, not a place: 'ITU-T Workshop "Satellites in NGN?" Montreal, Canada, 13 July 2007'.
  head = head.replace(/"[^"]{0,200}"|“[^”]{0,200}”/g, ';');
  // "…: from research to standards (Geneva, Switzerland, 2-3 March 2026)", "- change of dates: now Geneva, 9-10 March".
  const segment = head.split(/;|:|\(|\)|\s-\s|\bmeeting\b|\bworkshop\b|\bforum\b/i).at(-1) ?? '';
  // ("город Гватемала" of a Russian letter: the town, without "city".)
  const place = segment.replace(/\b(?:from|on|in|held|at|to be|now|new dates?|(?:re)?scheduled|postponed|moved)\b/gi, ' ').replace(/^[\s,:–-]+|[\s,:–-]+$/g, '').replace(/\s+/g, ' ').replace(/^город\s+(?=\p{Lu})/u, '');
  // A name in another script ("(город Гватемала, Гватемала, 6-7 June 2011)" of a Russian letter): only capitalised names in
  // the brackets of the subject, a town and its country.
  // (Or after the event's quoted name: 'Семинар-практикум "…" Уагадугу, Буркина-Фасо, 8-9 July 2013'.)
  const bracketed = /[(;]\s*$/.test(head.slice(0, head.length - segment.length)) && !/[A-Za-z]/.test(segment);
  if (!/[A-Za-z]{3}/.test(place) && !(bracketed && /^\p{Lu}[\p{L}-]{2,}(?: \p{Lu}[\p{L}-]+)?(?:, \p{Lu}[\p{L}-]+(?: \p{Lu}[\p{L}-]+)?)?$/u.test(place))) return null;
  if (NOT_PLACE.test(place)) return null;
  if (VIRTUAL.test(place)) return 'virtual';
  // More than a place: "of the Council Working Group on the … Regulations, Geneva": the named places at its end.
  if (/^[a-z]/.test(place) || place.split(' ').length > 4) {
    const tail: string[] = [];
    // (A country's name may join its words: "… speaking countries in Africa, São Tomé and Príncipe, 8-11 October 2012".)
    for (const seg of place.split(/\s*,\s*/).reverse()) {
      if (!/^[A-Z\u00C0-\u00DE][\w'\u00C0-\u024F.-]*(?: (?:(?:and|de|da|do|of) )?[A-Z\u00C0-\u00DE][\w'\u00C0-\u024F.-]*){0,3}$/.test(seg) || NOT_PLACE.test(seg)) break;
      tail.unshift(seg);
    }
    if (tail.length === 0 || tail.length === place.split(/\s*,\s*/).length) return null;
    const named = tail.join(', ');
    return placeName(named);
  }
  return placeName(place);
}

// "will open at 0930 hours", "opens at 1430 hours", "will begin its meeting at 0930 hours", "starts at 1000 hours",
// "the opening session … starting at 9:00", "meeting will open at 09.30 hours", an agenda's "Opening of the meeting
// 9:00 on Monday", an IEEE notice's "The meeting will be held from 6:30 pm to 9:30 pm".
const CLOCK = String.raw`(?:\d{1,2}[:.]?\d\d(?=\s*(?:to|-|–|until)\s*\d{1,2}[:.]?\d\d\s*(?:hours|hrs|h)\b)|\d{1,2}[:.]?\d\d\s*(?:hours|hrs|h)\b|\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)`;
const OPENING = new RegExp(
  String.raw`\b(?:(?:will|shall)\s+(?:open|start|begin|commence)(?:\s+(?:its|the)\s+(?:meeting|work|session))?|(?:will|shall)\s+run\s+from|runs\s+from|opens|starts|begins|commences|(?:proceedings|meetings?|sessions?)\s+(?:open|start|begin|commence)|(?:opening|first)\s+(?:session|plenary)[^.\n]{0,60}?\b(?:starting|at|from)|opening\s+of\s+the\s+(?:meeting|session)(?=[ \t]+(?:at[ \t]+)?\d)|starting|(?:meeting|session)\s+will\s+be\s+held\s+from(?=\s+(?:\d{1,2}[:.]\d\d(?![.\d])|\d{1,2}\s*[ap]\.?m\.?|\d{4}\s*(?:hours|hrs|h)\b))|(?:hold|holds|held)\s+(?:an?\s+)?(?:virtual\s+|online\s+|interim\s+|virtual\s+interim\s+)?meeting\s+on\s+[^\n;.]{4,40}?\s+from)\s+(?:at\s*|from\s+)?(?:[^\n;.]{0,20}?\s)??(${CLOCK})`,
  'gi',
);
// "Participants can register from 0830 hours", "Registration will start at 0800 hours", "registration … from 1330".
const REGISTRATION = new RegExp(String.raw`\b(?:register(?:ed)?|registration)\b[^.\n]{0,80}?\b(?:from|at|as of|starting)\s+(${CLOCK})`, 'i');

function timeOf(m: RegExpExecArray | null): string | null {
  // "from 0930 to 1730 hours": the first time of a range reads with the range's "hours".
  return m?.[1] ? (findTime(m[1]) ?? findTime(`${m[1]} hours`))?.start ?? null : null;
}

/** Opening time "will open at 0930 hours on the first day" as `HH:mm`, or `null`. */
export function findOpeningTime(text: string): string | null {
  return timeOf(openingMatch(text));
}

// "Study Group 16 (Multimedia Services and Systems) will begin its meeting at 1100 hours".
const GROUP_OPENING = new RegExp(String.raw`\b(Study Group \d{1,2}|SG\s?\d{1,2}|TSAG)\b(?![\/\d])[^.\n]{0,80}?\b(?:will|shall)\s+(?:open|start|begin|commence)(?:\s+(?:its|the)\s+(?:meeting|work|session))?\s+at\s+(${CLOCK})`, 'gi');

/**
 * Each group's own opening time, when a letter convening several on one day gives them: "Study Group 4 (TMN and Network
 * Maintenance) will begin its meeting at 0930 hours … Study Group 16 (Multimedia …) will begin its meeting at 1100
 * hours" → SG4 09:30, SG16 11:00.
 */
export function groupOpenings(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of allMatches(GROUP_OPENING, text.slice(0, 30_000))) {
    const group = canonicalGroup(m[1] ?? '');
    const time = m[2] ? (findTime(m[2]) ?? findTime(`${m[2]} hours`))?.start : null;
    if (group && time && !out.has(group)) out.set(group, time);
  }
  return out;
}

/** The zone the opening time is stated in, when its sentence gives an offset: "at 0900 hours local time (UTC+4)". */
export function findOpeningZone(text: string): string | null {
  const m = openingMatch(text);
  if (!m) return null;
  // (The sentence may be wrapped over lines; a blank line ends it.)
  const sentence = /^(?:[^.\n]|\n(?![ \t]*\n)){0,160}/.exec(text.slice(m.index))?.[0] ?? '';
  // "from 14:00 to 16:00 UTC": UTC itself.
  return utcOffsetZone(sentence) ?? (/\b\d{1,2}[:.]?\d{2}\s*(?:hours\s+)?(?:UTC|GMT)\b(?!\s?[+\-\u2212\u2013]\s?\d)/.test(sentence) ? 'UTC' : null);
}

function openingMatch(text: string): RegExpExecArray | null {
  let sideEvent: RegExpExecArray | null = null;
  for (const m of allMatches(OPENING, text)) {
    // "Registration will start at 0800 hours" is when registration opens, not the meeting.
    // Only its own clause counts: "Registration will commence at 08:30 hours … and the meeting will start at 14:00".
    const before = text.slice(Math.max(0, m.index - 80), m.index);
    const clause = before.split(/\band\b|;|,\s+(?=the\b)/i).pop() ?? before;
    if (/\bregist\w*\b[^.]*$/i.test(clause)) continue;
    // "The BDT Seminar will start at 0930 hours on Monday 8 April. The meeting of the SG3RG-AO will start at 1400
    // hours …": a side event's start is the meeting's only when the text gives no other.
    if (SIDE_EVENT_NAME.test(/[^.\n]*$/.exec(before)?.[0] ?? '')) {
      sideEvent ??= m;
      continue;
    }
    return m;
  }
  return sideEvent;
}

/** When registration opens ("Participants can register from 0830 hours") as `HH:mm`, or `null`. */
export function findRegistrationTime(text: string): string | null {
  return timeOf(REGISTRATION.exec(text));
}

const HYBRID = /\bhybrid\b|\bremote participation (?:will be |is )?(?:available|offered|possible|provided)\b|\bremote participation is provided for\b|\b(?:in person|physically) (?:and|or) (?:remotely|online|virtually)\b/i;

// Remote participation offered for some sessions only, or without a promise: "on a best-effort basis for the opening
// and closing plenaries" (not "for the opening and closing plenaries and, on request, for other sessions"). The
// meeting is held in person; the letter's sentence says what remote participants get.
const LIMITED_REMOTE = /\bremote participation\b[^.]{0,100}?\b(?:best[- ]effort|only for|plenar(?:y|ies) only|limited to)\b|\bremote participation\b(?![^.]*\bother sessions\b)[^.]{0,100}?\bfor the (?:opening and closing|opening|closing) (?:plenar(?:y|ies)|sessions?)\b/i;

/**
 * Whether a meeting is virtual, hybrid or in person, as its letter says; `null` when it does not say. Remote
 * participation offered for some sessions only or on a best-effort basis does not make it hybrid.
 */
export function findFormat(text: string, place: string | null): MeetingInfo['format'] {
  if (place === 'virtual') return 'virtual';
  if (/\bhybrid\b/i.test(text) || (HYBRID.test(text) && !LIMITED_REMOTE.test(text))) return 'hybrid';
  return place ? 'in-person' : null;
}

// A letter's venue: a field ("VENUE: Oman Convention and Exhibition Centre, Muscat.", "- Venue: Sofitel Abidjan Hôtel
// Ivoire, Cocody, Abidjan") or a sentence ("The venue is the “Palais des Congrès de Tunis”, avenue Mohamed V, Tunis.").
const VENUE_FIELD = /^[ \t]*(?:[-•*][ \t]*)?(?:VENUE|Venue|Meeting venue|LOCATION OF (?:THE )?MEETING|Location of (?:the )?meeting)[ \t]*:[ \t]*(\S[^\n]{2,140})$/m;
// "… will take place at the Delta Centre-Ville hotel in Montreal, Canada, on 13 July 2007": a building, then the town.
const VENUE_HELD_AT = /\b(?:take place|be held|meet)\s+at\s+the\s+((?:[A-Z][\w'’&.-]*\s+){1,5}(?:hotel|Hotel|Centre|Center|Conference Centre|Conference Center|Convention Centre|Convention Center|Palace|Hall|Building|Campus)(?:\s+[A-Z][\w'’&.-]*){0,3})\s+in\s+[A-Z]/;
const VENUE_SENTENCE = /\bThe (?:meeting )?venue (?:is|will be)\s+(?:the\s+)?[“"]?([A-Z][^.\n]{3,120}?)[”"]?(?:,\s*(?:[a-z][^.\n]{0,60}))?\./;

/** The building a meeting is held in, as its letter names it; `null` when it names none (or only ITU headquarters). */
export function findVenue(text: string): string | null {
  const said = VENUE_FIELD.exec(text)?.[1] ?? VENUE_SENTENCE.exec(text)?.[1] ?? VENUE_HELD_AT.exec(text)?.[1];
  if (!said) return null;
  const venue = squash(said).replace(/[“”"]/g, '').replace(/[.;,\s]+$/, '');
  return HEADQUARTERS.test(venue) || venue.length < 3 ? null : venue.slice(0, 120);
}

const CANCELLED = /\bcancel(?:l)?(?:ed|ation)\b|\bcalled off\b|\bwill not (?:take place|be held)\b/i;

// The letter that had announced a meeting now cancelled: "announced in TSB Collective letter 4/2 of 2 November 2026".
const ANNOUNCED_IN = /\b(?:announced|convened|called)\s+(?:in|by)\s+((?:TSB\s+)?(?:Collective\s+letter|Circular)\s+\d{1,4}(?:\s*\/\s*(?:\d{1,2}|TSAG))?)/i;

/**
 * The meeting a letter cancels, from its subject ("Cancellation of the meeting of Working Party 1/2, Geneva, 15-19
 * March 2027"), and the letter that announced it when the text names one; `null` when the letter cancels nothing.
 */
export function findCancelledMeeting(text: string, subject: string | null, docGroup: string | null): { meeting: MeetingInfo; announcedIn: string | null } | null {
  if (!subject || !CANCELLED.test(subject)) return null;
  const hit = findDates(subject)[0];
  if (!hit) return null;
  const group = findGroups(subject)[0]?.group ?? docGroup;
  const meeting: MeetingInfo = {
    group,
    title: squash(subject),
    start: hit.start,
    end: hit.end,
    place: placeBeforeDate(subject, hit) ?? findPlace(subject),
    startTime: null,
    endTime: null,
    timezone: null,
  };
  return { meeting, announcedIn: ANNOUNCED_IN.exec(text.slice(0, 20_000))?.[1]?.replace(/\s+/g, ' ') ?? null };
}

const MEETING_SENTENCE =
  /\b(?:meeting|session|assembly|plenary|e-meeting|workshop|forum|symposium|seminar|summit)s?\b[^.]*\b(?:held|take place|convene|hosted|place|scheduled)\b|\b(?:invite you to|to attend)\b|\b(?:will|is to|are to|shall)\s+(?:meet|convene)\b|\bmeeting\s+from\b|\b(?:will|is to|shall)\s+hold\s+(?:its|a|the)\b[^.]{0,40}\bmeeting\b/i;
// Workshops and forums beside the meeting are side events: the first sentence about one is not the meeting.
// A virtual meeting's sessions in Geneva time ("from 1300 to 1600 hours Geneva time (CEST)"): its opening is too.
const GENEVA_SESSIONS = /\b\d{1,2}[:.]?\d{2}\s*(?:hours|hrs|h)?\s*(?:\(?\s*)?(?:Geneva time|CES?T)\b/i;
const SIDE_EVENT_NAME = /\b(?:workshop|forum|seminar|symposium|training|tutorial|briefing)\b/i;
const SIDE_EVENT_SENTENCE = /^\W*(?:\d+\s+)?(?:please note\s+)?(?:the\s+|an?\s+)?(?:ITU\s+)?(?:workshop|forum|seminar|symposium|training|tutorial|briefing)\b/i;

/**
 * The meeting a letter (or circular) announces: from its subject line when it has one, else from the first body
 * sentence that announces a meeting with dates. `group` is the document's group when the text names none.
 */
export function findMeeting(text: string, subject: string | null, docGroup: string | null): MeetingInfo | null {
  const openingTime = findOpeningTime(text);
  const registrationTime = findRegistrationTime(text);
  const build = (found: DateHit, title: string, place: string | null, group: string | null): MeetingInfo => {
    const hit = narrowed(widened(found, group), group);
    // "The meeting will be held at ITU Headquarters, Geneva.": the place may be in a sentence of its own.
    place ??= placeFromBody(text);
    // "Conversion for Working Party 5D Meeting #35 to fully virtual meeting": the subject may say it has no room.
    if (place === null && subject && VIRTUAL.test(subject)) place = 'virtual';
    const groups = subject ? [...new Set(findGroupList(subject))] : [];
    const info: MeetingInfo = {
      group,
      title: squash(title),
      start: hit.start,
      end: hit.end,
      place,
      startTime: openingTime,
      endTime: null,
      timezone: openingTime || registrationTime ? (findOpeningZone(text) ?? (place === 'Geneva, Switzerland' || (place === 'virtual' && GENEVA_SESSIONS.test(text.slice(0, 6000))) ? GENEVA_ZONE : null)) : null,
      registrationTime,
      format: findFormat(text.slice(0, 6000), place),
    };
    if (groups.length > 1) info.groups = groups;
    return info;
  };
  // The subject gives the last day only ("… with a view to approving …, Geneva, 6 December 2000") while the text says
  // "meeting from 27 November to 6 December 2000": the range that ends (or starts) on that day.
  const widened = (hit: DateHit, group: string | null): DateHit => {
    if (hit.start !== hit.end) return hit;
    const body = sentences(text).slice(0, 30).find((s) => MEETING_SENTENCE.test(s.text) && (group === null || findGroups(s.text).some((g) => g.group === group) || /\b(?:this|the) (?:study )?group\b/i.test(s.text)));
    const range = body ? findDates(squash(body.text)).find((h) => h.start !== h.end && (h.end === hit.start || h.start === hit.start)) : undefined;
    return range ?? hit;
  };
  // A subject naming several events over one span ("Meeting of … (SG12RG-AFR); ITU Workshop on …; Meeting of QSDG;
  // Johannesburg, 24-28 July 2017") while the body gives the group's own days ("SG12RG-AFR will hold its next meeting
  // … from 27 July (afternoon) to 28 July 2017"): the group's days.
  const narrowed = (hit: DateHit, group: string | null): DateHit => {
    if (hit.start === hit.end || !group || !subject || subject.split(';').length < 3) return hit;
    const body = sentences(text).slice(0, 30).find((s) => MEETING_SENTENCE.test(s.text) && findGroups(s.text).some((g) => g.group === group));
    const range = body ? findDates(squash(body.text)).find((h) => h.start >= hit.start && h.end <= hit.end && (h.start !== hit.start || h.end !== hit.end)) : undefined;
    return range ?? hit;
  };
  // A notice that the meeting will not take place announces none.
  if (subject && CANCELLED.test(subject)) return null;
  // The first body sentence that announces a meeting with dates: read only when the subject leaves something open.
  const announcement = () =>
    sentences(text).find(
      (s) =>
        MEETING_SENTENCE.test(s.text) &&
        // A letter about a workshop announces the workshop: its sentence is no side event then.
        (!SIDE_EVENT_SENTENCE.test(squash(s.text)) || (subject !== null && SIDE_EVENT_NAME.test(subject))) &&
        !/\b(?:last|previous)\b/i.test(s.text) &&
        !CANCELLED.test(s.text) &&
        findDates(s.text).length > 0,
    );
  if (subject) {
    const hit = findDates(subject).find((h) => !isSuperseded(subject, h));
    if (hit) {
      // A rapporteur meeting's subject names its Questions only: "Q12/16 Rapporteur meeting, Geneva, …".
      // (Working parties listed together meet as their study group: "Working Parties 1, 2 and 3/13" is SG13's.)
      const first = findGroups(subject)[0]?.group ?? findGroupList(subject)[0]?.replace(/^WP\d\/(\d{1,2})$/, 'SG$1') ?? questionGroup(subject);
      // A regional group's letter: its subject may name the parent study group before the region.
      const group = docGroup && first && docGroup !== first && docGroup.startsWith(`${first}RG-`) ? docGroup : (first ?? docGroup);
      // "Study Group 17 的会议 20 February - 2 March 2012, Geneva": the place may follow the dates.
      const after = /^\s*,\s*([A-Z][\w'\u00C0-\u024F.-]+(?:[ -][A-Z][\w'\u00C0-\u024F.-]+){0,2})\s*$/.exec(subject.slice(hit.index + hit.text.length))?.[1];
      const own = placeBeforeDate(subject, hit) ?? findPlace(subject.slice(hit.index)) ?? (after && !NOT_PLACE.test(after) ? placeName(after) : null);
      // Geneva, or a place with its country, stands; any other place the body may name better.
      if (own === 'Geneva, Switzerland' || own?.includes(',')) return build(hit, subject, own, group);
      // (Not when the body names the subject's place too: "the workshop … for … countries in Africa, which will take
      // place in São Tomé and Príncipe".)
      const body = announcement();
      if (own && own.length >= 4 && body && squash(body.text).includes(own)) return build(hit, subject, own, group);
      return build(hit, subject, (body ? findPlace(squash(body.text)) : null) ?? own, group);
    }
  }
  // A notice whose subject has no dates gives them under a "Date" heading: "Date: 11-14 September 2007",
  // "1. Date ^^^^^^^ 9 (Thursday) - 10 (Friday) November 2000 starting at 9:00".
  if (subject) {
    for (const heading of allMatches(DATE_HEADING, text.slice(0, 20_000))) {
      const at = heading.index + heading[0].length;
      // The notice's own date ("Date: 6 October 2000") is a single day; the meeting's is a range.
      const range = findDates(text.slice(at, at + 80))[0];
      if (!range || range.start === range.end || range.index >= 20) continue;
      const group = findGroups(subject)[0]?.group ?? docGroup;
      return build(range, subject, findPlace(subject) ?? placeBeforeDate(`${subject} ${range.text}`, { ...range, index: subject.length + 1 }), group);
    }
  }
  const body = announcement();
  if (body) {
    const clean = squash(body.text);
    // The dates that follow "will meet" / "will be held": a sentence run together with the letter's own date line
    // ("Geneva, 26 November 1999 Ref: … is to meet in Kyoto from 28 February to 10 March 2000") gives both.
    const verbAt = MEETING_SENTENCE.exec(clean)?.index ?? 0;
    const dates = findDates(clean).filter((h) => !isSuperseded(clean, h));
    const hit = dates.find((h) => h.index >= verbAt) ?? dates[0];
    // The subject names the meeting even when its dates are only in the body (a postponement notice); else the
    // event's own name ("the Workshop on …"), else the group's meeting, never the sentence itself.
    // "Study Group 1 Rapporteur Groups will meet from 9 to 18 January and Study Group 2 from 18 to 27 January": the
    // group named last before the dates read is theirs.
    const before = hit ? findGroups(clean.slice(0, hit.index)).at(-1)?.group : undefined;
    const group = before ?? findGroups(clean.slice(verbAt))[0]?.group ?? findGroups(clean)[0]?.group ?? docGroup;
    const named = EVENT_PHRASE.exec(clean)?.[1];
    // "the joint Rapporteur meeting of Questions D, F, G, 1, 2 … that will be held in Launceston": a rapporteurs'
    // meeting, not the study group's.
    const rapporteurs = RAPPORTEUR_MEETING.exec(hit ? clean.slice(0, hit.index) : clean)?.[1];
    const title = subject ?? (rapporteurs ? squash(rapporteurs).replace(/^./, (c) => c.toUpperCase()) : named && !MAIN_MEETING_MENTION.test(named) ? squash(named.replace(/^(?:A|An|The)\s+/i, '')) : meetingOf(group));
    if (hit) return build(hit, title, findPlace(clean.slice(Math.max(0, verbAt - 20))) ?? findPlace(clean), group);
  }
  return null;
}

// A rapporteurs' meeting named in a sentence: "the joint Rapporteur meeting of Questions D, F, G, 1, 2, 3, 4 and 5".
const RAPPORTEUR_MEETING = /\b((?:[Jj]oint\s+)?[Rr]apporteurs?['’]?\s+(?:[Gg]roup\s+)?[Mm]eeting\s+(?:of|for)\s+(?:[Qq]uestions?|Qs?\.?)\s+[A-Z0-9]{1,2}(?:\/\d{1,2})?(?:\s*(?:,|and|&)\s*[A-Z0-9]{1,2}(?:\/\d{1,2})?\b){0,12})/;

// The heading of a notice's dates: "Date:", "Dates:", "1. Date" underlined with carets or dashes.
const DATE_HEADING = /(?:^|\n|\s)(?:\d\.?\s*)?Dates?\s*(?::|\^{3,}|-{3,}|\n)\s*/g;

// A sentence that says where the meeting is: "The meeting will be held at ITU Headquarters, Geneva.", "Study Group
// 13 is to meet in Kyoto, Japan".
const WHERE_SENTENCE = /\b(?:meetings?|sessions?|groups?)\b[^.]{0,80}\b(?:held|take place|takes place|convene|host|hosted|located)\b|\b(?:is|are|will) to meet\b|\bwill meet\b/i;

/** The place named by the first sentences of `text` that say where the meeting is held, or `null`. */
function placeFromBody(text: string): string | null {
  for (const s of sentences(text).slice(0, 60)) {
    if (!WHERE_SENTENCE.test(s.text) || SIDE_EVENT_SENTENCE.test(squash(s.text)) || /\b(?:last|previous|was held|took place)\b/i.test(s.text)) continue;
    const place = findPlace(squash(s.text));
    if (place && place !== 'virtual') return place;
  }
  return null;
}

/** The study group of the first Question `text` names ("Q12/16" → SG16), or `null`. */
function questionGroup(text: string): string | null {
  const q = /\bQ(?:uestions?)?\.?\s?(\d{1,2})\s?\/\s?(\d{1,2})\b/i.exec(text);
  return q ? groupOfQuestion(`Q${q[1]}/${q[2]}`) : null;
}

/** A meeting named after its group as letters name it: "Meeting of Study Group 12", "Meeting of TSAG". */
export function meetingOf(group: string | null): string {
  if (!group) return 'Meeting';
  const sg = /^SG(\d{1,2})$/.exec(group);
  return `Meeting of ${sg ? `Study Group ${sg[1]}` : group}`;
}

/**
 * Groups a subject names together: "Meetings of Study Groups 4, 11 and 16" → SG4, SG11, SG16; "Meetings of the
 * Working Parties 1, 2 and 3/13" → WP1/13, WP2/13, WP3/13.
 */
function findGroupList(subject: string): string[] {
  const plural = /(?<!ITU-?[DR]\s*)\bStudy Groups\s+((?:\d{1,2}\s*(?:,|and|&)\s*)+\d{1,2})\b/i.exec(subject);
  if (plural?.[1]) return (plural[1].match(/\d{1,2}/g) ?? []).map((n) => `SG${Number(n)}`);
  // "Meetings of the Working Parties 1, 2 and 3/13" → WP1/13, WP2/13, WP3/13.
  const parties = /\bWorking Parties\s+((?:\d\s*(?:,|and|&)\s*)+\d)\s*\/\s*(\d{1,2})\b/i.exec(subject);
  if (parties?.[1] && parties[2]) return (parties[1].match(/\d/g) ?? []).map((n) => `WP${n}/${Number(parties[2])}`);
  return findGroups(subject).map((g) => g.group);
}

const EVENT_NOUN =
  /\bad[- ]hoc\s+(?:group|meeting|session)s?\b|\b(?:opening|closing)\s+plenary\b|\b(?:workshop|forum|session|seminar|symposium|training|day|assembly|meeting|hackathon|summit|webinar|clinic|tutorial|exhibition|conference|briefing|challenge|ceremony|celebration|course)s?\b/i;
const EVENT_EXCLUDE =
  /\b(?:deadline|no later than|not later than|at the latest|must be (?:received|submitted)|should reach|last|previous|report of|approval of|was held|took place|highlights|cancel(?:l)?(?:ed|ation)|postponed|instead of|originally|called (?:up )?by|convened by)\b/i;

const CAPITAL_EVENT = String.raw`(?:Workshop|Forum|Session|Seminar|Symposium|Training|Day|Assembly|Hackathon|Summit|Webinar|Clinic|Tutorial|Exhibition|Conference|Briefing|Challenge|Ceremony|Celebration|Course)s?`;
// The name of an event inside a sentence that starts elsewhere: "TSB will run an online Contribution Clinic for SG21
// delegates on 3 February 2026", "the host will organize an ITU Workshop on "Quality of service …", which …".
const EVENT_PHRASE = new RegExp(
  String.raw`\b((?:(?:[A-Z0-9][\w'&.-]*|\([A-Z][\w&-]{1,10}\)|online|virtual|hybrid|joint|regional|international|global|technical|one-day|half-day|high-level)\s+(?:(?:the|of|and|for)\s+)?){0,8}` +
    String.raw`${CAPITAL_EVENT}\b(?:\s+(?:on|of|for|about)\s+(?:"[^"]{3,150}"|[^,.;:()"]{3,150}?))?)(?=\s+(?:on|at|in|from|will|is|was|which|to be|held|during|before|after|immediately)\b|\s*[,.;:(]|\s*$)`,
);
// A lead that is not the event's name: "On the day before the meeting, 11 March 2019, the host …", "In preparation …".
const ADVERBIAL_LEAD = /^(?:(?:Just|Shortly|Right|Directly)\s+)?(?:On|In|At|During|After|Before|Following|As|For|From|Prior to|Immediately)\b/i;

// A list marker or paragraph number before the text ("a) the Forum …", "2 In preparation …"), not a date's day.
const LIST_MARKER = new RegExp(String.raw`^(?:\(?[a-z]\)|\(?[ivx]{1,4}\)|\d{1,2}[.)]?)\s+(?!${MONTH_PATTERN}\b)`);

// "A Bridging … Clinic session, will be held virtually …" -> "Bridging … Clinic session".
function eventTitle(sentence: string, hit: DateHit): string {
  const marker = LIST_MARKER.exec(sentence)?.[0].length ?? 0;
  // "Please note that the opening plenary will …": the event is what follows the lead-in.
  const lead = marker + (/^(?:please\s+)?note\s+(?:that\s+)?/i.exec(sentence.slice(marker))?.[0].length ?? 0);
  const at = hit.index - lead;
  const s = at >= 0 ? sentence.slice(lead) : sentence;
  const afterDate = at >= 0 ? s.slice(at + hit.text.length) : '';
  // Date-first form: "2 March 2026, 1200 to 1400 hours (Geneva time): BSG session and Contribution Clinic - …".
  if (at < 4) {
    const m = /:\s*([^:]+?)(?:\s-\s|\.\s|\.$|$)/.exec(afterDate);
    if (m?.[1]) return squash(m[1]);
  }
  // "The meeting will be preceded by a two-day Workshop entitled …": the event is what comes before or after it.
  // "The workshop will be held prior to the second meeting of the ICG-SAT, which will be held … on 14 July": the
  // meeting after "prior to", whose date it is.
  const aroundAt = /\b(?:(?:preceded|followed|accompanied)\s+by|prior to|ahead of)\s+/i.exec(s);
  const around = aroundAt && (at < 0 || aroundAt.index < at) ? s.slice(aroundAt.index + aroundAt[0].length) : undefined;
  if (around) {
    const entitled = /\b(?:entitled|titled|called)\s+(.{5,160}?)(?=,\s*(?:organi[sz]ed|hosted|held|which)\b|\s+(?:on|from)\s+\d|\.\s|$)/i.exec(around)?.[1];
    const meetingOfBody = /^(?:the\s+|a\s+)?((?:\w+\s+)?meeting of (?:the\s+)?[^,;]{3,120}?)(?=\s+(?:which|that|to be|will)\b|\s+(?:on|at|in)\s+(?:\d|the same\b|[A-Z][a-z]+day\b)|[,;.]|$)/i.exec(around)?.[1];
    const phrase = entitled ?? EVENT_PHRASE.exec(around)?.[1] ?? NAMED_EVENT.exec(around)?.[1] ?? meetingOfBody;
    if (phrase) return capitalised(squash(phrase.replace(/^(?:A|An|The)\s+/i, '').replace(/^(?:one|half|two|three)-day\s+/i, '')));
  }
  // "The main objectives of these meetings are … depending on the results of the Rapporteur Group meetings held during
  // the preceding two weeks (3 – 14 July 2017, Geneva)": the event is the meetings named just before the dates, not
  // the sentence's subject.
  if (at > 0 && /^(?:the\s+)?(?:main\s+)?(?:objectives?|purposes?|aims?|goals?)\b/i.test(s)) {
    const near = /((?:[A-Z][\w-]*\s+){1,3}meetings?)\b[^.()]{0,60}\(?\s*$/.exec(s.slice(Math.max(0, at - 140), at))?.[1];
    if (near) return squash(near);
  }
  const head = s.replace(/^(?:given that|since|because|noting that|considering that)\s+/i, '').split(/\s(?:will|is|are|shall|takes?|has been|to be)\s|,\s*(?:on|from|held|will)\b|\s(?:on|from)\s+(?:\w+day,?\s+)?\d/)[0] ?? s;
  if (ADVERBIAL_LEAD.test(head) || findDates(head).length > 0) {
    const phrase = EVENT_PHRASE.exec(s)?.[1] ?? NAMED_EVENT.exec(s)?.[1];
    if (phrase) return capitalised(squash(phrase.replace(/^(?:A|An|The)\s+/i, '').replace(/^(?:one|half|two|three)-day\s+/i, '')));
  }
  // The event named in lower case after the sentence's subject: "Delegates … are welcome at an online newcomers'
  // briefing on 18 February 2027".
  if (!EVENT_NOUN.test(head)) {
    const named = NAMED_EVENT.exec(s)?.[1];
    if (named) return capitalised(squash(named.replace(/^(?:one|half|two|three)-day\s+/i, '')));
  }
  return squash(head.replace(/^(?:A|An|The)\s+/i, '').replace(/[,:;\s]+$/, ''));
}

// A place written in brackets before the dates: "the meeting of IP experts of SG 13 (Geneva, 30 August - …)".
const BRACKETED_PLACE = /\(\s*([A-Z][\w'\u00C0-\u024F.-]+(?:[ -][A-Z][\w'\u00C0-\u024F.-]+){0,2}(?:,\s*[A-Z][\w'\u00C0-\u024F.-]+(?:[ -][A-Z][\w'\u00C0-\u024F.-]+){0,2})?),\s*$/;

/** The place written in brackets just before a date (`before` is the text up to the date), or `null`. */
export function placeInBrackets(before: string): string | null {
  const place = BRACKETED_PLACE.exec(before)?.[1];
  if (!place || NOT_PLACE.test(place)) return null;
  return placeName(place);
}

// An event named in lower case, with its topic when it has one: "a one-day workshop on security aspects of ITS will
// take place", "an online newcomers' briefing on 18 February 2027" (a date is no topic).
const NAMED_EVENT = new RegExp(
  String.raw`\b(?:an?|the)\s+((?:[\w'’-]+\s+){0,4}?(?:workshop|forum|seminar|symposium|training|tutorial|briefing|webinar|clinic|hackathon)s?` +
    String.raw`(?:\s+(?:on|of|for|about)\s+(?!\d|(?:${MONTH_PATTERN}|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b)(?:"[^"]{3,150}"|[^,.;:()"]{3,150}?))?)` +
    String.raw`(?=\s+(?:on|at|in|from|will|is|was|which|to be|held|during|before|after)\b|will take place|\s*[,.;:(]|\s*$)`,
  'i',
);

/** `text` with its first letter in capitals: an event named mid-sentence is a title on its own. */
function capitalised(text: string): string {
  return `${text[0]?.toUpperCase() ?? ''}${text.slice(1)}`;
}

// A mention of the announced meeting itself: "the study group meeting", "opening session starts at 0930 hours".
const MAIN_MEETING_MENTION =
  /^(?:(?:the|this|its)\s+)?(?:(?:ITU-T\s+)?(?:study group(?:\s+\d+)?|SG\s?\d+(?:RG-[A-Z]+)?|TSAG|working part(?:y|ies)(?:\s+\d\/\d+)?|WP\s?\d\/\d+|group|Question)\s+)?(?:(?:opening|closing)\s+)?(?:meetings?|plenary|plenaries|sessions?|opening|closing)\b(?!\s+(?:on|of|for|about)\b)/i;

/**
 * Side events announced in `text`: sentences or list items with a date and an event noun that are not the main
 * meeting, not deadlines and not in the past (before `docDate`). Repeated mentions (body and annex) are merged.
 */
export function findEvents(text: string, main: MeetingInfo | null, docDate: string | null, skip: readonly DeadlineSection[]): MeetingInfo[] {
  const globalZone = /\ball times(?: are)?(?: in)? Geneva\b|\(all times Geneva\)/i.test(text) ? GENEVA_ZONE : null;
  const out: MeetingInfo[] = [];
  for (const s of sentences(text)) {
    // An event has a date, so digits; an event noun is a word, which the bullet and spacing that the clean-up
    // removes cannot make or break.
    if (inSections(skip, s.index) || !/\d/.test(s.text) || !EVENT_NOUN.test(s.text)) continue;
    const clean = squash(stripBullet(s.text));
    // The subject line announces the letter's meetings, not a side event.
    if (clean.length > 600 || EVENT_EXCLUDE.test(clean) || /^(?:Subject|Objet)\s*:/i.test(clean)) continue;
    // "… Administrative Circular CA/3 18 January 1994 TO ADMINISTRATIONS … Subject: …": a flattened letterhead's date
    // is the letter's, whatever event noun the body after it has.
    if (docDate && /\b(?:Subject|Objet)\s*:/.test(clean) && findDates(clean)[0]?.start === docDate) continue;
    const hit = findDates(clean)[0];
    if (!hit || (docDate && hit.start < docDate)) continue;
    if (main && hit.start === main.start && hit.end === main.end) continue;
    const title = eventTitle(clean, hit);
    if (title.length < 4 || title.length > 200 || !EVENT_NOUN.test(title)) continue;
    // The meeting's own sessions are part of it, except an opening or closing plenary on a day of its own ("Question
    // meetings start on 6 February; the opening plenary will take place on the morning of 13 February").
    if (main && hit.start >= main.start && hit.end <= main.end && MAIN_MEETING_MENTION.test(title) && !(hit.start !== main.start && /\b(?:opening|closing) (?:plenary|session)\b/i.test(title))) continue;
    // "The meeting of the SG13RG-AFR will start at 0830 hours on 28 March": the main meeting's own start.
    const of = /^(?:the\s+)?meeting\s+of\s+(?:the\s+)?(.{2,40})$/i.exec(title)?.[1];
    if (main && of && hit.start === main.start && findGroups(of)[0]?.group === main.group) continue;
    // "will start at 0930 hours on Monday 26 March 2018": the hour may come before the date.
    const time = findTime(clean.slice(hit.index)) ?? (/\b(?:start|open|begin)s?\s+at\b/i.test(clean.slice(0, hit.index)) ? findTime(clean.slice(0, hit.index)) : null);
    // "… will be held at the same venue on 14 July": the main meeting's place.
    // (Before a place in the event's title: "a Regional Workshop on … in Africa … will take place at the same venue".)
    // ("… held during the two weeks before (3 – 14 July 2017, Geneva)": the place after the dates, in their brackets.)
    const afterBracketed = /^\s*,\s*([A-Z][\w'\u00C0-\u024F.-]+(?:[ -][A-Z][\w'\u00C0-\u024F.-]+){0,2})\s*\)/.exec(clean.slice(hit.index + hit.text.length))?.[1];
    const bracketed = afterBracketed && !NOT_PLACE.test(afterBracketed) ? placeName(afterBracketed) : null;
    const place = VIRTUAL.test(clean) ? 'virtual' : (findPlace(clean.slice(hit.index)) ?? placeInBrackets(clean.slice(0, hit.index)) ?? bracketed ?? (main && /\bat the same (?:venue|place|location)\b/i.test(clean) ? main.place : null) ?? findPlace(clean));
    // A session during a meeting in Geneva, with no place of its own, keeps Geneva time.
    const inMain = main !== null && hit.start >= main.start && hit.end <= main.end;
    const zone = time ? (findZone(clean) ?? globalZone ?? (place === 'Geneva, Switzerland' || (place === null && inMain && main.place === 'Geneva, Switzerland') ? GENEVA_ZONE : null)) : null;
    const event: MeetingInfo = {
      group: findGroups(title)[0]?.group ?? null,
      title,
      start: hit.start,
      end: hit.end,
      place,
      startTime: time?.start ?? null,
      endTime: time?.end ?? null,
      timezone: zone,
    };
    // "The ITU workshop will start at 0930 hours on Monday 26 March": the first day of the workshop of 26-27 March, its
    // opening hour (said either way round).
    const noun = (t: string) => EVENT_NOUN.exec(t)?.[0].toLowerCase().replace(/s$/, '');
    const within = out.find((e) => e.start === event.start && e.end !== event.end && noun(e.title) === noun(event.title) && (e.startTime === null || event.startTime === null));
    if (within) {
      const [longer, shorter] = within.end > event.end ? [within, event] : [event, within];
      Object.assign(within, { ...longer, startTime: longer.startTime ?? shorter.startTime, endTime: longer.endTime ?? shorter.endTime, timezone: longer.timezone ?? shorter.timezone, place: longer.place ?? shorter.place });
      continue;
    }
    const dup = out.find((e) => e.start === event.start && e.end === event.end && (e.startTime === event.startTime || !e.startTime || !event.startTime));
    if (dup) {
      dup.startTime ??= event.startTime;
      dup.endTime ??= event.endTime;
      dup.timezone ??= event.timezone;
      if (dup.place === null) dup.place = event.place;
      continue;
    }
    out.push(event);
  }
  return out;
}

// A group as a sentence names it before its dates, in any Sector: "ITU-D Study Group 1", "those of Study Group 2",
// "SG 13", "Working Party 3/12", "TSAG".
const GROUP_LABEL = /\b(?:(ITU-?[TDR])\s+)?(Study\s+Group\s+\d{1,2}|SG\s?\d{1,2}|Working\s+Party\s+\d{1,2}\/\d{1,2}|WP\s?\d{1,2}\/\d{1,2}|TSAG|TDAG|RAG)\b/gi;
const RAPPORTEUR_GROUPS = /\brapporteur groups?\b/i;

/**
 * The meetings a letter announces in the sentence that gives its main meeting, each for a group of its own: "the
 * Rapporteur Group meetings of ITU-D Study Group 1 will take place from 2 to 11 June 2014, and those of Study Group 2
 * from 12 to 20 June 2014". Each range is the meeting of the group named last before it. `docSector` (`ITU-T`,
 * `ITU-D`, `ITU-R`) is the Sector of groups the text names without one: only ITU-T's get a canonical group; another
 * Sector's are named in the title only. The main meeting comes back retitled for its own group, with the others;
 * `null` when the letter announces one meeting.
 */
export function splitMeetings(text: string, main: MeetingInfo, docSector: string): { main: MeetingInfo; more: MeetingInfo[] } | null {
  const listed = listedMeetings(text, main, docSector === 'ITU-T');
  if (listed) return listed;
  for (const s of sentences(text).slice(0, 80)) {
    if (!MEETING_SENTENCE.test(s.text) || CANCELLED.test(s.text)) continue;
    const clean = squash(s.text);
    const ranges = findDates(clean).filter((h) => h.start !== h.end && !isSuperseded(clean, h));
    if (ranges.length < 2 || !ranges.some((h) => h.start === main.start && h.end === main.end)) continue;
    const lead = RAPPORTEUR_GROUPS.test(clean) ? 'Rapporteur Group meetings of' : 'Meeting of';
    let sector = docSector;
    let from = 0;
    const found: Array<{ hit: DateHit; label: string; sector: string }> = [];
    for (const hit of ranges) {
      const labels = allMatches(GROUP_LABEL, clean.slice(from, hit.index));
      from = hit.index + hit.text.length;
      for (const l of labels) if (l[1]) sector = l[1].toUpperCase().replace(/^ITU(?=[TDR])/, 'ITU-');
      const label = labels.at(-1)?.[2];
      if (!label) return null;
      found.push({ hit, label: squash(label), sector });
    }
    // One group with two ranges is one meeting told twice, or a meeting and its preparation: not several meetings.
    if (new Set(found.map((f) => f.label.toLowerCase())).size < found.length) return null;
    const place = placeFromBody(text) ?? main.place;
    const each = found.map((f): MeetingInfo => {
      const named = f.sector !== 'ITU-T' ? `${f.sector} ${f.label}` : f.label;
      const group = f.sector === 'ITU-T' ? canonicalGroup(f.label) : null;
      const { groups: _all, ...rest } = main;
      return { ...rest, group, title: `${lead} ${named}`, start: f.hit.start, end: f.hit.end, place: main.place ?? place };
    });
    const own = each.find((m) => m.start === main.start && m.end === main.end);
    if (!own) return null;
    return { main: own, more: each.filter((m) => m !== own) };
  }
  return null;
}

// A list of meetings, each named on a line (often a bullet) with its dates under it: "· ITU-D Study Group 1
// Rapporteur Group meetings for all Questions under study\nDate : 4–15 April 2016".
const LISTED_DATE = /^[ \t]*Dates?[ \t]*:[ \t]*([^\n]{6,60})$/gim;

function listedMeetings(text: string, main: MeetingInfo, itu: boolean): { main: MeetingInfo; more: MeetingInfo[] } | null {
  const head = text.slice(0, 20_000);
  const each: MeetingInfo[] = [];
  for (const m of allMatches(LISTED_DATE, head)) {
    const hit = findDates(m[1] ?? '')[0];
    if (!hit || hit.start === hit.end) continue;
    const name = head.slice(0, m.index).split('\n').map((l) => squash(stripBullet(l))).filter((l) => l !== '').at(-1) ?? '';
    if (name.length < 8 || name.length > 200 || !/\b(?:meetings?|group|session|workshop|forum|plenary)\b/i.test(name)) continue;
    const group = itu ? (findGroups(name)[0]?.group ?? null) : null;
    const { groups: _all, ...rest } = main;
    each.push({ ...rest, group, title: name.replace(/[:,;\s]+$/, ''), start: hit.start, end: hit.end });
  }
  if (each.length < 2) return null;
  const own = each.find((m) => m.start === main.start && m.end === main.end);
  if (!own) return null;
  return { main: own, more: each.filter((m) => m !== own) };
}

/**
 * The meetings a subject line names each with dates of its own: "18th meeting of the Telecommunication Development
 * Advisory Group, 11-13 December 2013 - - Meetings of the TDAG Correspondence Groups …, 10 December 2013". Empty
 * when it gives one date, or a date that names no event of its own ("… (workshop on 30 April 2026)").
 */
export function subjectMeetings(subject: string): Array<{ title: string; start: string; end: string }> {
  const hits = findDates(subject).filter((h) => !isSuperseded(subject, h));
  if (hits.length < 2) return [];
  const out: Array<{ title: string; start: string; end: string }> = [];
  let from = 0;
  for (const hit of hits) {
    const name = squash(subject.slice(from, hit.index)).replace(/^[\s,;:()–-]+|[\s,;:(–-]+$/g, '');
    if (name.length < 8 || !EVENT_NOUN.test(name) || /\b(?:on|from|of|at|to|until|by)$/i.test(name)) return [];
    // What follows the first is a further meeting of a group, not a forum or workshop around it ("…, preceded by the
    // Regional Economic and Regulatory Forum for Africa (15 September 2025)"): those are side events.
    if (out.length > 0 && (!/\bmeetings?\b/i.test(name) || SIDE_EVENT_NAME.test(name) || /\b(?:preceded|followed|back-to-back|alongside|prior to|after)\b/i.test(name))) return [];
    out.push({ title: `${name}, ${hit.text}`.replace(/\s*\(\s*(?=[^)]*$)/, ' ').trim(), start: hit.start, end: hit.end });
    from = hit.index + hit.text.length;
  }
  return out;
}

// A Question's own meeting named with its dates: "the next meeting of Question 13/15 (Ottawa, 12-16 April 2027)", "the
// next interim meeting of Q4/20 is planned for 9-13 November 2026 in Sophia Antipolis", "the next Q13/15 rapporteur
// meeting will be held in Ottawa, 12-16 April 2027", "Question 2/13 will meet next in Seoul, 3-5 March 2027".
const QUESTION_MEETING = new RegExp(
  [
    String.raw`\b(?:next|forthcoming|coming|upcoming|following)\s+(?:(?:interim|e-?|virtual|online|physical|face-to-face)\s*)?(?:(?:rapporteur|rapporteur group|RGM)\s+)?meeting\s+of\s+(?:the\s+)?(?:Question|Q\.?)\s?(\d{1,2})\/(\d{1,2})\b`,
    String.raw`\bnext\s+(?:ITU-T\s+)?(?:SG\s?\d{1,2}\s+)?(?:Question\s|Q\.?\s?)(\d{1,2})\/(\d{1,2})\s+(?:(?:interim|rapporteur(?:\s+group)?)\s+)*meeting\b`,
    String.raw`\b(?:Question\s|Q)(\d{1,2})\/(\d{1,2})(?:\s+(?:rapporteur\s+group|experts))?\s+(?:will|is to|plans to)\s+(?:next\s+)?meet(?:\s+next|\s+again)?\b`,
  ].join('|'),
  'gi',
);

/**
 * Meetings of one Question that `text` names with their dates (a liaison's "your reply will be considered at the
 * next meeting of Question 13/15 (Ottawa, 12-16 April 2027)"): each under its study group, with `question` set. One
 * that meets during its study group's meeting ("Q6/17 will next meet during the SG17 meeting") is that meeting, not
 * one of its own. Dates before `docDate` are left out.
 */
export function questionMeetings(text: string, docDate: string | null): MeetingInfo[] {
  const out: MeetingInfo[] = [];
  for (const m of allMatches(QUESTION_MEETING, text.slice(0, 60_000))) {
    const n = m[1] ?? m[3] ?? m[5];
    const sg = m[2] ?? m[4] ?? m[6];
    const question = `Q${Number(n)}/${Number(sg)}`;
    const group = groupOfQuestion(question);
    const rest = squash(text.slice(m.index + m[0].length, m.index + m[0].length + 240).split(/(?<=[.;])\s|\n\s*\n/)[0] ?? '');
    if (/\bduring\s+(?:the\s+)?(?:next\s+)?(?:ITU-T\s+)?(?:SG\s?\d|Study Group|WP\s?\d|Working Party|plenary)/i.test(rest)) continue;
    const hit = findDates(rest)[0];
    if (!group || !hit || hit.index > 120 || (docDate && hit.start < docDate)) continue;
    if (out.some((o) => o.question === question && o.start === hit.start)) continue;
    const place = placeInBrackets(rest.slice(0, hit.index)) ?? findPlace(rest) ?? null;
    out.push({ group, question, title: `Meeting of Question ${Number(n)}/${Number(sg)}`, start: hit.start, end: hit.end, place, format: place === 'virtual' ? 'virtual' : null });
  }
  return out;
}

// A study group's next meeting named with its dates in running text: "A next meeting of ITU-T SG20 will take place
// January 18-26, 2016, in Singapore", "the next meeting of Study Group 13 is planned for 3-14 July 2017 in Geneva",
// "ITU-T SG15 will meet next in Geneva, 16-27 November 2026".
const GROUP_MEETING_AHEAD = new RegExp(
  [
    // (Not another Sector's group, "ITU-R Study Group 5", nor a group's Question or working party: "the next meeting
    // of SG13 Q6/13 rapporteur group".)
    String.raw`\b(?:next|forthcoming|upcoming)\s+(?:plenary\s+)?meeting\s+of\s+(?:the\s+)?(?:ITU-T\s+)?(?<!ITU-[RD]\s)(SG\s?\d{1,2}|Study Group \d{1,2}|TSAG)\b(?!\s*\/)(?!\s+(?:Q\.?\s?\d|Questions?\b|WP\s?\d|Working Part|rapporteur|RG\b))`,
    // ("will meet" with where or when after it: not "will meet the target date of 30 June").
    String.raw`\b(?:ITU-T\s+)?(?<!ITU-[RD]\s)(SG\s?\d{1,2}|Study Group \d{1,2}|TSAG)\s+(?:will|is to|plans to)\s+(?:next\s+)?meet(?:\s+next|\s+again)?(?=\s+(?:in|at|from|on|during|between)\b)`,
    // "Q15/11 will meet again during the next SG11 meeting in Geneva, Switzerland, 8-17 November 2017".
    String.raw`\bduring\s+the\s+next\s+(?:ITU-T\s+)?(?<!ITU-[RD]\s)(SG\s?\d{1,2}|Study Group \d{1,2}|TSAG)\s+(?:plenary\s+)?meeting\b`,
    // "The first SG13 meeting of the study period will be held in Geneva, 6-17 February 2017".
    String.raw`\b(?:first|next|forthcoming|upcoming)\s+(?:ITU-T\s+)?(?<!ITU-[RD]\s)(SG\s?\d{1,2}|Study Group \d{1,2}|TSAG)\s+(?:plenary\s+)?meeting(?:\s+of\s+the\s+(?:new\s+|next\s+)?study\s+period)?(?=\s+(?:will|is|shall)\s+(?:be\s+)?(?:held|take\s+place|planned|scheduled)\b)`,
    // "this Rapporteur meeting comes just before the SG16 meeting of 13-17 November 2000": the dates right after.
    String.raw`\bthe\s+(?:ITU-T\s+)?(?<!ITU-[RD]\s)(SG\s?\d{1,2}|Study Group \d{1,2}|TSAG)\s+(?:plenary\s+)?meeting\s+(?:of|on|from|\()(?=\s*\d)`,
  ].join('|'),
  'gi',
);

/**
 * The next meetings of study groups that running text names with their dates (a news item's "A next meeting of ITU-T
 * SG20 will take place January 18-26, 2016, in Singapore"): the date within 120 characters of the words, in the same
 * sentence. Dates before `docDate` are left out.
 */
export function groupMeetingsAhead(text: string, docDate: string | null): MeetingInfo[] {
  const out: MeetingInfo[] = [];
  for (const m of allMatches(GROUP_MEETING_AHEAD, text.slice(0, 60_000))) {
    const group = canonicalGroup(m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? '');
    const rest = squash(text.slice(m.index + m[0].length, m.index + m[0].length + 240).split(/(?<=[.;])\s|\n\s*\n/)[0] ?? '');
    const hit = findDates(rest)[0];
    if (!group || !hit || hit.index > 120 || (docDate && hit.start < docDate)) continue;
    if (out.some((o) => o.group === group && o.start === hit.start)) continue;
    const place = placeInBrackets(rest.slice(0, hit.index)) ?? findPlace(rest) ?? null;
    out.push({ group, title: meetingOf(group), start: hit.start, end: hit.end, place, format: place === 'virtual' ? 'virtual' : null });
  }
  return out;
}

// A working party's meeting a report announces: "postponed for a special WP2/16 Plenary to be held 13 June 2006",
// "an additional meeting of Working Party 3/12 will be held from 2 to 4 May".
const WP_MEETING_AHEAD = /\b(?:(?:special|additional|extra|interim|e-?)\s*)?(?:(?:meeting|plenary)\s+of\s+)?(?:WP|Working Party)\s?(\d)\/(\d{1,2})(?:\s+(?:Plenary|meeting|e-?plenary))?\s+(?:is\s+|will\s+be\s+|to\s+be\s+|has\s+been\s+)?(?:held|planned|scheduled|convened)\b/gi;

/**
 * Working-party meetings that `text` says are to be held, with their dates (in the 80 characters after the words):
 * each under its study group, titled as the working party's. Dates before `docDate` are left out.
 */
export function workingPartyMeetings(text: string, docDate: string | null): MeetingInfo[] {
  const out: MeetingInfo[] = [];
  for (const m of allMatches(WP_MEETING_AHEAD, text.slice(0, 60_000))) {
    const group = canonicalGroup(`SG${m[2] ?? ''}`);
    const rest = squash(text.slice(m.index + m[0].length, m.index + m[0].length + 160).split(/(?<=[.;])\s|\n/)[0] ?? '');
    const hit = findDates(rest)[0];
    if (!group || !hit || hit.index > 80 || (docDate && hit.start < docDate)) continue;
    if (out.some((o) => o.group === group && o.start === hit.start)) continue;
    const place = findPlace(rest) ?? null;
    out.push({ group, title: `Meeting of Working Party ${m[1] ?? ''}/${m[2] ?? ''}`, start: hit.start, end: hit.end, place, startTime: null, endTime: null, timezone: null });
  }
  return out;
}

// A group's meeting a letter looks back on: "ITU-T Study Group 17, at its meeting in Geneva from 1 to 10 December 2026,
// agreed …", "at its last meeting (Geneva, 3-14 March 2025), SG13 consented …".
const AT_ITS_MEETING = /\bat\s+its\s+(?:(?:last|latest|most recent|recent|(?:\w+th|first|second|third)|plenary)\s+)*meeting\b/i;

/**
 * The meeting of a group that `text` says the group held before `docDate` ("at its meeting in Geneva from 1 to 10
 * December 2026"), or `null`.
 */
export function heldMeeting(text: string, docDate: string | null): MeetingInfo | null {
  if (!docDate) return null;
  for (const s of sentences(text.slice(0, 8000))) {
    const at = AT_ITS_MEETING.exec(s.text);
    if (!at) continue;
    const clean = squash(s.text);
    const group = findGroups(clean)[0]?.group ?? null;
    const from = clean.search(AT_ITS_MEETING);
    const hit = findDates(clean.slice(from, from + 160))[0];
    if (!group || !hit || hit.start === hit.end || hit.end >= docDate) continue;
    const place = findPlace(clean.slice(from, from + 160)) ?? placeInBrackets(clean.slice(from, from + hit.index));
    return { group, title: meetingOf(group), start: hit.start, end: hit.end, place, startTime: null, endTime: null, timezone: null };
  }
  return null;
}

// The meeting a report reports on, as its title names it ("Report of the Geneva meeting (23-27 January 2006)") or a
// sentence says it was held ("an interim meeting of Working Party 1/15 was held in Geneva on 11 May 2012").
const REPORTED_TITLE = /\bReport of the ([A-Z][a-z\u00C0-\u024F'-]{2,30}(?:[ -][A-Z][a-z\u00C0-\u024F'-]{2,30})?) meeting\s*\(([^()]{6,40})\)/;
const NOT_TOWN = /^(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Last|Next|Previous|Plenary|Joint|Closing|Opening|Interim|Rapporteur|Group|Study|Working|Management|Special|Final|Annual|Regional)\b/;
const WAS_HELD = /\bmeeting of\b[^.]{3,80}?\b(?:was held|took place)\s+in\s+([A-Z][\w'\u00C0-\u024F-]+(?:,?\s[A-Z][\w'\u00C0-\u024F-]+){0,2})\s+(?:on|from)\s+/;

/**
 * The meeting a report is the report of, from its title or the first sentence saying it was held, on or before
 * `docDate`; `null` when neither says.
 */
export function reportedMeeting(text: string, title: string | null, group: string | null, docDate: string | null): MeetingInfo | null {
  const fromTitle = title ? REPORTED_TITLE.exec(title) : null;
  if (fromTitle?.[1] && fromTitle[2] && !NOT_TOWN.test(fromTitle[1])) {
    const hit = findDates(fromTitle[2])[0];
    if (hit && (!docDate || hit.end <= docDate)) return { group, title: meetingOf(group), start: hit.start, end: hit.end, place: placeName(fromTitle[1]), startTime: null, endTime: null, timezone: null };
  }
  // "Executive Summary ITU-T SG17 'Security' special e-plenary, 11:00-15:23, 7 January 2022": an online meeting the
  // summary's title dates.
  if (title && /^Executive summary\b/i.test(title) && /\b(?:e-?plenary|e-?meeting|virtual|online)\b/i.test(title)) {
    const hit = findDates(title)[0];
    const hours = findTime(title);
    if (hit && (!docDate || hit.end <= docDate)) return { group: findGroups(title)[0]?.group ?? group, title: meetingOf(findGroups(title)[0]?.group ?? group), start: hit.start, end: hit.end, place: 'virtual', format: 'virtual', startTime: hours?.start ?? null, endTime: hours?.end ?? null, timezone: hours ? GENEVA_ZONE : null };
  }
  for (const s of sentences(text.slice(0, 4000))) {
    const clean = squash(s.text);
    const held = WAS_HELD.exec(clean);
    if (!held?.[1] || NOT_PLACE.test(held[1])) continue;
    const hit = findDates(clean.slice(held.index + held[0].length, held.index + held[0].length + 60)).find((h) => h.index === 0);
    if (!hit || (docDate && hit.end > docDate)) continue;
    const of = findGroups(held[0])[0]?.group ?? group;
    return { group: of, title: meetingOf(of), start: hit.start, end: hit.end, place: placeName(held[1]), startTime: null, endTime: null, timezone: null };
  }
  return null;
}

// A report's list of the group's next meetings: "Next SG17 meeting:", "Future meetings", "Forthcoming meetings".
// … or a sentence that ends on the list: "…, the following interim meetings are planned:".
const NEXT_MEETINGS_HEADING = /^[ \t]*(?:Next|Future|Forthcoming|Upcoming)\s+(?:(?:ITU-T\s+)?(?:SG\s?\d{1,2}|Study Group \d{1,2}|TSAG)\s+)?(?:plenary\s+)?meetings?\s*:?[ \t]*$|\bthe following (?:interim |further |next )?meetings (?:are|were|have been) (?:planned|scheduled|foreseen|agreed)\s*:[ \t]*$/im;
// An item of it that is no meeting of the group itself: a workshop the day before, another body's meeting.
const NOT_GROUP_MEETING = /\b(?:workshops?|forums?|seminars?|symposi\w*|trainings?|tutorials?|webinars?|QSDG|regional group|rapporteur|management team|texts? (?:are|is) (?:planned|candidate)|events?|briefings?)\b|"[^"\n]{2,40}\bDay"/i;

/**
 * The meetings a report lists under a heading of next meetings, each dated on its own line or under a label line
 * ("-WP2/12 interim meeting" / "25 March 2014 in Solothurn, Switzerland"; "• Wednesday 29 August – Friday 7 September
 * 2018, Geneva, Switzerland."): the group's (or the working party's the label names), later than `after`. A sub-item
 * (a workshop the day before) and another body's meeting are not.
 */
export function listedNextMeetings(text: string, group: string, after: string | null): MeetingInfo[] {
  const heading = NEXT_MEETINGS_HEADING.exec(text.slice(0, 40_000));
  if (!heading) return [];
  const lines = text.slice(heading.index + heading[0].length).split('\n').slice(1, 30);
  const out: MeetingInfo[] = [];
  let label: string | null = null;
  let indent = Number.POSITIVE_INFINITY;
  let blanks = 0;
  for (const line of lines) {
    if (line.trim() === '') {
      if (++blanks >= 2 && out.length > 0) break;
      continue;
    }
    blanks = 0;
    const hit = findDates(line)[0];
    if (!hit) {
      // A label for the dates below ("-Meeting of SG12"), or the end of the list (the next heading).
      // (A sentence is no label: "15 texts are candidate for action in SG17 May 2022 meeting, see in Annex B.")
      if (/^[ \t]*[-•·*]/.test(line)) {
        const text = line.trim().replace(/^[-•·*]+\s*/, '');
        label = /[.;]$|\bsee\b/i.test(text) || text.length > 100 ? null : text;
        continue;
      }
      if (out.length > 0 || lines.indexOf(line) > 3) break;
      continue;
    }
    const depth = /^[ \t]*/.exec(line)?.[0].length ?? 0;
    indent = Math.min(indent, depth);
    const own = line.trim().replace(/^[-•·*]+\s*/, '');
    const named = label;
    label = null;
    // What the item is, before its dates: "A SG2 plenary on 5 September 2025, preceded by … Rapporteur group meetings"
    // is the plenary's.
    const head = line.slice(0, hit.index);
    if (depth > indent || NOT_GROUP_MEETING.test(head) || (named && NOT_GROUP_MEETING.test(named))) continue;
    if (after && hit.start <= after) continue;
    const of = findGroups(named ?? own)[0]?.group ?? group;
    const party = /\b(?:WP|Working Party)\s?(\d)\/(\d{1,2})\b/i.exec(head);
    // "…, Geneva, Switzerland.": the place may follow the dates with no "in".
    const rest = line.slice(hit.index + hit.text.length).replace(/\([^)]*\)/g, ' ').replace(/^[\s,;:–-]+|[\s.,;]+$/g, '');
    // "SG17 e-plenary (virtual, 11:00-16:00)": held online.
    const online = /\b(?:virtual|e-plenary|e-meeting|online|fully remote)\b/i.test(own) ? 'virtual' : null;
    const place = findPlace(own) ?? (/^[A-Z][\p{L}'’ .-]{2,40}(?:,\s*[A-Z][\p{L}'’ .-]{2,40})?$/u.test(rest) && !NOT_PLACE.test(rest) ? placeName(rest) : null) ?? online;
    const title = named && !/^meeting of (?:SG\s?\d{1,2}|Study Group \d{1,2})$/i.test(named) ? squash(named) : party ? `Meeting of Working Party ${party[1]}/${party[2]}` : meetingOf(of);
    // "…, fully virtual meeting, 9 working days at 10:00-16:00 Geneva time": its hours, when given in Geneva time.
    const hours = /\bGeneva time\b|\bC?ES?T\b/.test(rest) ? findTime(rest) : null;
    out.push({ group: of, title, start: hit.start, end: hit.end, place, startTime: hours?.start ?? null, endTime: hours?.end ?? null, timezone: hours ? GENEVA_ZONE : null });
  }
  return out;
}

// An agenda's item on the report of the group's meeting before: "Report of the previous meeting (Geneva, 19-28 January
// 2026)", "Approval of the report of the last meeting (Kigali, 4-13 May 2026)".
const PREVIOUS_MEETING = /\b(?:previous|last)\s+meeting\s*\(([^()\n]{3,80})\)/i;

/** The group's meeting before the one a letter announces, as its agenda names it; `null` when it names none. */
export function previousMeeting(text: string, group: string, docDate: string | null): MeetingInfo | null {
  const m = PREVIOUS_MEETING.exec(text.slice(0, 30_000));
  if (!m?.[1] || !docDate) return null;
  const inside = squash(m[1]);
  const hit = findDates(inside)[0];
  if (!hit || hit.end >= docDate) return null;
  const place = /^virtual\b/i.test(inside) ? 'virtual' : (placeInBrackets(`(${inside.slice(0, hit.index)}`) ?? findPlace(inside));
  return { group, title: meetingOf(group), start: hit.start, end: hit.end, place, startTime: null, endTime: null, timezone: null };
}

// An agenda's heading names its meeting: "Draft Agenda for the plenary meetings of Study Group 13 (Geneva, 27 June - 8
// July 2016)".
const AGENDA_HEADING = /^[ \t]*((?:(?:Draft|Provisional|Revised|Annotated)\s+)*Agenda\s+(?:for|of)\s+the\s+(?:[\w-]+\s+){0,3}?(?:meetings?|sessions?)\s+of\s+(?:the\s+)?([^()\n]{3,80}?)\s*\(([^()\n]{5,80})\))/im;

/** The heading of an agenda that names its meeting, and that meeting; `null` when `header` has none. */
export function agendaHeading(header: string): { heading: string; meeting: MeetingInfo | null } | null {
  const m = AGENDA_HEADING.exec(header.slice(0, 2000));
  if (!m?.[1]) return null;
  const group = findGroups(m[2] ?? '')[0]?.group ?? null;
  const inside = squash(m[3] ?? '');
  const hit = findDates(inside)[0];
  const place = hit ? (placeInBrackets(`(${inside.slice(0, hit.index)}`) ?? findPlace(inside)) : null;
  const meeting: MeetingInfo | null = hit ? { group, title: squash(m[1].replace(/^(?:(?:Draft|Provisional|Revised|Annotated)\s+)*Agenda\s+(?:for|of)\s+the\s+/i, '')).replace(/^./, (c) => c.toUpperCase()), start: hit.start, end: hit.end, place } : null;
  return { heading: squash(m[1]), meeting };
}

// A list of another body's meetings: "3. Date of Next TSG-RAN2 Meetings:", "The forthcoming MEF meetings are:",
// "7.3 Planning future meetings" (a 3GPP report's calendar). The body named in it, when it names one, is group 1.
const BODY_MEETINGS_HEADING = /^[ \t]*(?:\d{1,2}(?:\.\d{1,2})*\.?[ \t]+)?(?:(?:the[ \t]+)?dates?[ \t]+of[ \t]+(?:the[ \t]+)?next|(?:the[ \t]+)?(?:forthcoming|upcoming|future|next)|planning[ \t]+(?:of[ \t]+)?future)[ \t]+(?:([A-Z][\w/&#. -]{0,30}?)[ \t]+)?meetings?(?:[ \t]+(?:calendar|schedule|are|is|will be))?[ \t]*:?[ \t]*$/gim;
// Words a heading of next meetings may have where a body's name would stand: "Upcoming Rapporteur meetings", "Next
// ITU-T meetings", "Next two meetings".
const NOT_A_BODY_NAME = /^(?:ITU(?:-[TRD])?|Rapporteur|Working|Study|Question|Group|Plenary|Interim|Joint|Other|Further|Two|Three|Four|Five|Few|Several|Some|All|Our|Their|SG|WP|TSAG|Regional)\b/i;
// Cells of a calendar that are not a meeting: its column titles, a month on its own.
const CALENDAR_LINE = new RegExp(String.raw`^(?:TITLE|MEETING|TYPE|DATES?|LOCATION|VENUE|PLACE|CTRY|COUNTRY|HOST|See\b.*|(?:${MONTH_PATTERN})\.?\s+(?:19|20)\d{2}|[\s|]*)$`, 'i');
// What stands for a place not yet known.
const NO_PLACE = /^(?:TBD|TBC|to be (?:decided|determined|confirmed|announced)|n\/a|-+)$/i;

/**
 * The body a name stands for, as a key that its spellings share: "TSG-RAN2", "RAN WG2", "3GPP TSG RAN WG2" → `RAN2`;
 * "MEF" → `MEF`; `null` for an ITU-T group (their meetings are filed under the group).
 */
export function bodyKey(name: string): string | null {
  const key = name
    .toUpperCase()
    .replace(/#.*$/, '')
    .replace(/\b(?:MEETINGS?|PLENARY|THE)\b/g, ' ')
    .replace(/^\s*(?:3GPP|ETSI)[\s-]*/, '')
    .replace(/^\s*TSG\b[\s-]*/, '')
    .replace(/\bWG\s*(\d)/, '$1')
    // Another Sector's groups: "ITU-R Working Party 5D", "ITU-R WP 5D", "WP 5D" → `WP5D` (an ITU-T working party is
    // "WP3/13"); "ITU-R Study Group 5" → `ITU-R SG5`.
    .replace(/\bWORKING\s+PARTY\b/, 'WP')
    .replace(/\bSTUDY\s+GROUP\b/, 'SG')
    .replace(/^\s*ITU-R\s+(?=WP\s*\d[A-Z]\b)/, '')
    // "ISO/IEC JTC 1/SC 27", "JTC 1/SC 27", "SC 27" → `SC27`; "ISO/IEC JTC 1" → `JTC1`.
    .replace(/^\s*ISO\/IEC\s+/, '')
    .replace(/^\s*JTC\s*1\s*\/\s*(?=SC\s*\d)/, '')
    .replace(/[\s_-]+/g, '');
  if (!/^[A-Z][A-Z0-9./&]{1,24}$/.test(key) || /^(?:Q\d|WP\d+(?![A-Z])|SG\d|TSAG\b)/.test(key) || findGroups(name).length > 0) return null;
  return key;
}

/**
 * The meetings of a body outside ITU-T that a document lists under a heading of next meetings, each on a line of its
 * own with its dates (a 3GPP liaison's "Date of Next TSG-RAN2 Meetings", an MEF liaison's "forthcoming MEF meetings",
 * a 3GPP report's calendar): later than `after`, with the place written after the dates. The body is the heading's,
 * else the meeting's name before "#" ("CT4#86"), else `sender`. None when the list is of an ITU-T group's meetings.
 *
 * @example bodyMeetings('Date of Next TSG-SA WG2 Meetings:\nSA2#130\t21 - 25 January 2019\t\tKochi, India', null, 'SA2')
 *   // [{ body: 'TSG-SA WG2', title: 'SA2#130', start: '2019-01-21', end: '2019-01-25', place: 'Kochi, India', … }]
 */
export function bodyMeetings(text: string, after: string | null, sender: string | null): MeetingInfo[] {
  const out: MeetingInfo[] = [];
  // A long report plans its next meetings near its end: its first and its last 100,000 characters are read.
  const head = text.length > 200_000 ? `${text.slice(0, 100_000)}\n\n${text.slice(-100_000)}` : text;
  // The text's lines once, with where each starts: each heading reads the 23 lines after its own.
  const all = head.split('\n');
  const starts: number[] = [];
  all.reduce((at, line) => (starts.push(at), at + line.length + 1), 0);
  let lineAt = 0;
  let headings = 0;
  for (const heading of head.matchAll(BODY_MEETINGS_HEADING)) {
    // A page of such headings is not a list of meetings: the first 50 are read.
    if (++headings > 50) break;
    // The body a heading names is a name ("TSG-RAN2", "MEF"), not a word ("two", "Rapporteur", "ITU-T").
    const said = heading[1]?.trim().replace(/^(?:of|the)\s+/i, '') || null;
    const named = said && /^[A-Z0-9]/.test(said) && !NOT_A_BODY_NAME.test(said) ? said : null;
    if (said && (!named || findGroups(said).length > 0)) continue;
    while (lineAt + 1 < starts.length && (starts[lineAt + 1] ?? Infinity) <= heading.index) lineAt++;
    const lines = all.slice(lineAt + 1, lineAt + 24);
    let skipped = 0;
    let found = 0;
    for (const line of lines) {
      const cells = line.split(/\t+|\s{3,}|\s+[-–]\s+/).map((c) => c.trim().replace(/^[•·*▪◦-]+\s*/, '')).filter((c) => c !== '');
      if (cells.length === 0) {
        if (found > 0) break;
        continue;
      }
      const hit = findDates(line)[0];
      if (!hit) {
        // Column titles and month labels of a calendar; a few lines of prose before the list; else the list is over.
        if (cells.every((c) => CALENDAR_LINE.test(c)) || (found === 0 && ++skipped <= 2)) continue;
        break;
      }
      found++;
      if (after && hit.end < after) continue;
      const before = line.slice(0, hit.index).split(/\t+|\s{3,}/).map((c) => c.trim().replace(/^[•·*▪◦-]+\s*/, '').replace(/[\s,:–-]+$/, '')).filter((c) => c !== '');
      const name = before[0] && !/^[\d\s.,/-]+$/.test(before[0]) ? before[0] : null;
      // "CT4#86", "TSG-RAN2 Meeting #104": the body before "#", which a heading of two ("CT and CT4") does not give.
      const body = ((name && /#/.test(name) ? name.replace(/\s*(?:Meeting\s*)?#.*$/i, '').trim() || null : null) ?? named ?? sender)?.replace(/^(3GPP|ETSI)(?=[A-Z])/, '$1 ');
      if (!body || !bodyKey(body)) continue;
      const rest = line
        .slice(hit.index + hit.text.length)
        .split(/\t+|\s{3,}|^\s*[,–-]\s*|\s+[-–]\s+/)
        .map((c) => c.trim().replace(/^[,;–-]\s*|[.,;]$/g, ''))
        .filter((c) => c !== '' && !/^(?:OR|AH|ad hoc|e-?meeting)$/i.test(c));
      const where = rest.join(', ').replace(/\s+/g, ' ');
      const place = where === '' || NO_PLACE.test(where) ? null : /\b(?:virtual|electronic|e-meeting|online)\b/i.test(where) ? 'virtual' : where.slice(0, 80);
      // Two headings over one list ("Planning future meetings" / "Future meeting Calendar:") give it once.
      if (!out.some((m) => m.start === hit.start && m.body === body)) out.push({ group: null, body, title: name ?? `${body} meeting`, start: hit.start, end: hit.end, place, startTime: null, endTime: null, timezone: null });
      if (out.length >= 12) return out;
    }
  }
  return out;
}

// A body outside ITU-T named in running text: "ITU-R WP 5D", "Working Party 5A", "ISO/IEC JTC 1/SC 27", "3GPP TSG SA
// WG2", "IEEE 802.1", "oneM2M" — capitalised words, numbers and their joins, up to six.
const BODY_NAME = String.raw`(?:[A-Z0-9][\w./&-]*|oneM2M)(?:[ \t]+(?:[A-Z0-9][\w./&-]*|[A-Z]{2,}))*?`;
// Words that open a meeting named in running text: "the next meeting of ITU-R WP 5D", "its 40th plenary meeting", "an
// interim meeting", "our forthcoming meeting (#49)". Group 1: the body after "of".
const NEXT_BODY_MEETING = new RegExp(
  String.raw`\b([Tt]he|[Ii]ts|[Oo]ur|[Tt]heir|[Aa]n?)\s+(?:(?:[Nn]ext|[Ff]ollowing|[Ff]orthcoming|[Uu]pcoming|[Cc]oming|[Ii]nterim|[Ff]ace-to-face|[Pp]hysical|\d{1,3}(?:st|nd|rd|th)|[A-Za-z]*(?:[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]ifth|[Ss]ixth|[Ss]eventh|[Ee]ighth|[Nn]inth|[Tt]enth|[Ee]leventh|[Tt]welfth|teenth|tieth))\s+)+(?:[Pp]lenary\s+|[Ii]nterim\s+)?(?:[Mm]eeting|[Pp]lenary|[Ss]ession)(?:\s*\(?#?\d{1,4}\)?)?(?:\s+of\s+(?:the\s+)?(${BODY_NAME.replace(/\*\?$/, '*')})(?=[\s,(]|$))?`,
  'g',
);
// "ITU-R WP 5D will meet next in …", "JTC 1/SC 27 will hold its next plenary …": the body before the words.
const BODY_WILL_MEET = new RegExp(String.raw`(?:^|[\s(])(${BODY_NAME})\s+(?:will|is to|plans to|is going to)\s+(?:(?:next\s+)?meet(?:\s+next|\s+again)?|hold\s+its\s+(?:next\s+)?(?:\d{1,3}(?:st|nd|rd|th)\s+)?(?:plenary|meeting|session))\b`, 'g');
// A body named as a sentence's subject, before "its next meeting": "MEF would like to inform SG13 that its …".
const BODY_BEFORE_VERB = new RegExp(String.raw`(?:^|[\s(])(${BODY_NAME})(?=\s+(?:would|wishes|is|has|thanks|informs|will|plans)\b)`, 'g');
// The words between a meeting's name and its dates that say it is to be held, or its place written before them ("the
// Eleventh Plenary Meeting of SC 2, Singapore, 2001-10-18/19").
const TO_BE_HELD = /^[^.;]{0,80}?\b(?:is|are|will be|will|has been|have been|to be|was)\s+(?:(?:now|tentatively|currently|provisionally)\s+)?(?:held|take place|planned|scheduled|convened|hosted|organi[sz]ed|foreseen)\b|^\s*\(|^\s*(?:in|at|on|from)\s|^\s*,\s*[A-Z][^,.;()]{1,40},\s*(?=\d|[A-Z][a-z]+\s+\d)/i;

// Another Sector's working party or study group: "ITU-R WP 5D", "Working Party 5A", "ITU-D Study Group 2".
const OTHER_SECTOR_GROUP = /^(?:ITU-[RD]\s+(?:WP|Working Party|SG|Study Group|TDAG|RAG)\b|(?:WP|Working Party)\s?\d[A-F]\b)/;

/** Whether a name in running text stands for a body outside ITU-T (not a word such as "Working", not an ITU-T group). */
function isOtherBody(name: string): boolean {
  if (bodyKey(name) === null) return false;
  if (OTHER_SECTOR_GROUP.test(name)) return true;
  return !NOT_A_BODY_NAME.test(name) && findGroups(name).length === 0 && !/^(?:ITU-T|ITU|TSB|The|This|It|We)\b/.test(name);
}

/**
 * Meetings of bodies outside ITU-T that running text names with their dates: a liaison's "WP 5D would like to inform
 * SG13 that its next meeting will be held in Geneva from 10 to 19 February 2027", "The 40th plenary meeting of ISO/IEC
 * JTC 1 will take place in Seoul, from 8 to 12 November 2027", "An interim meeting to progress this work is planned for
 * 16-20 October 2017 in Europe". A meeting named without its body ("its", "our", "an interim meeting") is the body the
 * sentence names before it, else `sender`. ITU-T groups' meetings are read elsewhere; dates before `after` and dates
 * more than 150 characters after the words are left out.
 */
export function proseBodyMeetings(text: string, after: string | null, sender: string | null): MeetingInfo[] {
  const out: MeetingInfo[] = [];
  const senderKey = sender && findGroups(sender).length === 0 ? bodyKey(sender) : null;
  for (const raw of text.slice(0, 60_000).split(/(?<=[.;!?])\s+(?=[A-Z(])|\n[ \t]*\n/)) {
    if (!/\bmeet|\bplenary\b|\bsession\b/i.test(raw) || raw.length > 1200) continue;
    const sentence = squash(raw);
    const found: Array<{ body: string | null; end: number; at: number }> = [];
    for (const m of allMatches(NEXT_BODY_MEETING, sentence)) {
      // "the next meeting" in a text not from a body outside ITU-T, without "of": the text's own group's, read elsewhere.
      if (!m[2] && !senderKey && m[1]?.toLowerCase() === 'the' && !/\b(?:interim|plenary)\b/i.test(m[0])) continue;
      found.push({ body: m[2] ?? null, end: m.index + m[0].length, at: m.index });
    }
    for (const m of allMatches(BODY_WILL_MEET, sentence)) found.push({ body: m[1] ?? null, end: m.index + m[0].length, at: m.index });
    for (const f of found) {
      const rest = sentence.slice(f.end, f.end + 240);
      if (!TO_BE_HELD.test(rest)) continue;
      const hit = findDates(rest)[0];
      if (!hit || hit.index > 150 || (after && hit.start < after)) continue;
      // The words between name and dates are of this meeting: not a deadline ("… by 2 February, before the meeting").
      if (/\b(?:deadline|due|submi\w*|repl\w*|contributions?|comments?)\b/i.test(rest.slice(0, hit.index))) continue;
      const named = f.body?.replace(/[.,;:]+$/, '').trim() || null;
      // A body named before "its"/"our" in the sentence ("MEF would like to inform SG13 that its next meeting …").
      const before = named ? null : allMatches(BODY_BEFORE_VERB, sentence.slice(0, f.at)).map((x) => x[1] ?? '').find(isOtherBody);
      const body = named ?? before ?? (senderKey ? sender : null);
      if (!body || !isOtherBody(body)) continue;
      const key = bodyKey(body);
      if (!key || out.some((o) => o.start === hit.start && o.body && bodyKey(o.body) === key)) continue;
      const placed = /^\s*,\s*([A-Z][^,.;()]{1,40}),\s*$/.exec(rest.slice(0, hit.index))?.[1] ?? null;
      const place = placed ?? placeInBrackets(rest.slice(0, hit.index)) ?? findPlace(rest) ?? null;
      const number = /#\s?(\d{1,4})/.exec(sentence.slice(f.at, f.end))?.[1];
      out.push({ group: null, body, title: `${body} meeting${number ? ` #${number}` : ''}`, start: hit.start, end: hit.end, place, format: place === 'virtual' ? 'virtual' : null, startTime: null, endTime: null, timezone: null });
      if (out.length >= 12) return out;
    }
  }
  return out;
}

// What announces a meeting of any body in its first lines: an invitation, a call for participation, "will take place".
const ANNOUNCING = /\b(?:invites? you to|you are (?:cordially )?invited to|call for (?:participation|papers|position papers|contributions)|will take place|will be held|will run from|is pleased to (?:announce|invite)|are invited to (?:attend|participate))\b/i;
// What it announces: a workshop, a session, a symposium…
const GATHERING = /\b(?:workshops?|meetings?|sessions?|symposi(?:um|a)|conferences?|forums?|seminars?|plenar(?:y|ies)|summits?)\b/i;
// A place after a meeting's dates: "…, Abingdon, near Oxford, UK", "at the Denver Marriott Southeast, Denver, Colorado, USA".
const PLACE_AFTER = /^[\s,]*(?:(?:at|in)\s+(?:the\s+)?)?([A-Z][\w'’\u00C0-\u024F.-]*(?:[ -]+[\w'’\u00C0-\u024F.-]+){0,4}(?:,\s*(?:near\s+)?[A-Z][\w'’\u00C0-\u024F.-]*(?:[ -]+[A-Z][\w'’\u00C0-\u024F.-]*){0,3}){0,3})/;
// A line that is a place: "SAP University, St. Leon-Rot, Germany".
const PLACE_LINE = /^[A-Z][\w'’\u00C0-\u024F. -]{1,50}(?:,\s*[A-Z][\w'’\u00C0-\u024F. -]{1,40}){1,3}$/;

/**
 * The meeting a notice of a body outside ITU announces in its first lines: a workshop's call for participation ("W3C
 * Workshop on … / Call for Participation / 25-26 September 2002 / SAP University, St. Leon-Rot, Germany"), a working
 * group's session ("Session #2 of the IEEE 802.16 Working Group … will take place on August 4-6, 1999 at the Denver
 * Marriott Southeast, Denver, Colorado, USA"), an invitation headed by its dates and place ("20 - 22 November 1995,
 * Abingdon, near Oxford, UK" / "… invites you to participate in an open international workshop"). `null` when the
 * first lines announce none, or give no dates of several days or no place for it.
 *
 * @example announcedMeeting('25-26 September 2002\nSAP University, St. Leon-Rot, Germany\nThe workshop will be held …')?.place // 'SAP University, St. Leon-Rot, Germany'
 */
export function announcedMeeting(header: string): MeetingInfo | null {
  const head = header.slice(0, 2500);
  if (!ANNOUNCING.test(head) || !GATHERING.test(head)) return null;
  const lines = head.split('\n').map((l) => l.trim());
  for (let i = 0; i < Math.min(lines.length, 40); i++) {
    const line = lines[i] ?? '';
    const hit = findDates(line)[0];
    // Dates of a meeting: several days, or a day on a line that names the meeting; not a date in a bracket ("(VTT, Helsinki, Summer `95)").
    if (!hit || (hit.start === hit.end && !GATHERING.test(line)) || /\(\s*[^)]*$/.test(line.slice(0, hit.index))) continue;
    // (The place ends with its sentence: "…, Colorado, USA. The System Requirements Task Group will meet".)
    const rest = line.slice(hit.index + hit.text.length).split(/\.\s/)[0] ?? '';
    const next = lines.slice(i + 1, i + 4).find((l) => l !== '') ?? '';
    const placed = PLACE_AFTER.exec(rest)?.[1]?.replace(/[.,\s]+$/, '') ?? (PLACE_LINE.test(next) && !GATHERING.test(next) && !findDates(next)[0] ? next : null);
    const place = placed && !/^(?:from|to|and|until|through|the)$/i.test(placed) ? placed : null;
    if (!place) continue;
    // Its name: the line before that names the gathering ("W3C Workshop on" + "Device Independent Authoring
    // Techniques"), or the line itself up to the dates ("Session #2 of the IEEE 802.16 Working Group").
    const before = lines.slice(Math.max(0, i - 6), i).filter((l) => l !== '');
    // (An IEEE notice is headed by what it calls: '"Ethernet in the Last Mile" Call for Interest'.)
    const named = before.findIndex((l) => (GATHERING.test(l) || /\bCall for (?:Interest|Participation)\b/i.test(l)) && l.length <= 120);
    const own = squash(line.slice(0, hit.index).replace(/\b(?:will take place|will be held|will run)\b.*$/i, '').replace(/[\s,:]+$/, ''));
    const title =
      named >= 0 ? squash(/\b(?:on|of|for)$/i.test(before[named] ?? '') ? `${before[named]} ${before[named + 1] ?? ''}` : (before[named] ?? '')) : own && GATHERING.test(own) ? own : 'Meeting';
    // Its opening time, when the lines that give its dates state one ("The meeting will be held from 6:30 pm to 9:30 pm").
    const startTime = findOpeningTime(lines.slice(i, i + 3).join('\n'));
    // "at the Hyatt Regency hotel in Tampa, FL": the building is its venue, the town after it its place.
    const building = /^(.{3,60}?\b(?:hotel|Hotel|Centre|Center|Hall|Building|Campus))\s+in\s+([A-Z].{1,60})$/.exec(place);
    return { group: null, title, start: hit.start, end: hit.end, place: placeName(building?.[2] ?? place), ...(building?.[1] ? { venue: building[1] } : {}), ...(startTime ? { startTime } : {}) };
  }
  return null;
}

// "Notice of Q.12-14/16 Rapporteur Meeting", "Convocation of the Rapporteur's meeting on Q16 and 17/16", "Q4/20
// interim meeting", "Notice of Joint Rapporteur Meeting": a meeting of Questions, not of their study group.
const RAPPORTEUR_MEETING_WORDS = /\b(?:rapporteur(?:['’]s)?(?:\s+group)?|interim|experts?)\s+meetings?\b|\bRGM\b/i;
const GROUP_MEETING_WORDS = /\b(?:Study\s+Groups?|SG\s?\d{1,2}\b(?!\s*\/)|TSAG|Working\s+Part(?:y|ies)|WP\s?\d)/i;

const REPORTED_HYBRID = /\b\d+\s+(?:remote(?:ly)?|online)\b[^.\n]{0,40}?\b\d+\s+(?:present\s+)?(?:in person|on[- ]site|physically)\b|\b\d+\s+(?:present\s+)?(?:in person|on[- ]site)\b[^.\n]{0,40}?\b\d+\s+(?:remote(?:ly)?|online)\b|\bplatform for remote participation was used\b|\bremote participation was (?:used|provided|offered|available|supported)\b/i;

/**
 * Whether a report says its meeting was hybrid without the word: it counts who took part remotely and who in the room
 * ("345 delegates (267 remote only and 78 present in person)"), or says remote participation was used.
 */
export function reportsHybrid(text: string): boolean {
  return REPORTED_HYBRID.test(text.slice(0, 10_000));
}

// A rapporteur, focus or coordination group named with its meeting in brackets: "TSAG RG-WPR (29 June - 1 July 2016,
// Geneva)", "FG IMT-2020 (17 – 20 May 2016, Beijing, China)".
const BRACKETED_MEETING = /(?<![\w-])((?:TSAG\s+)?(?:RG|FG|JCA|CG)[- ][A-Z0-9][\w-]{1,20})\s*\(([^()\n]{6,70})\)/g;

/** The meetings of groups named with their dates and town in brackets (see {@link BRACKETED_MEETING}). */
export function bracketedMeetings(text: string): MeetingInfo[] {
  const out: MeetingInfo[] = [];
  for (const m of text.slice(0, 30_000).matchAll(BRACKETED_MEETING)) {
    const name = squash(m[1] ?? '');
    const inside = m[2] ?? '';
    const hit = findDates(inside)[0];
    if (!hit || out.length >= 10) continue;
    const after = inside.slice(hit.index + hit.text.length).replace(/^[\s,;:–-]+|[\s.,;]+$/g, '');
    const place = /\b(?:virtual|e-meeting|online)\b/i.test(inside) ? 'virtual' : (findPlace(after) ?? (/^\p{Lu}[\p{L}'’ .-]{2,30}(?:,\s*\p{Lu}[\p{L}'’ .-]{2,30})?$/u.test(after) ? placeName(after) : null));
    // (A rapporteur group's meeting is not its parent's: it is filed by its name, under no group.)
    out.push({ group: null, title: name, start: hit.start, end: hit.end, place, format: place === 'virtual' ? 'virtual' : null });
  }
  return out;
}

/** The meeting of Questions a report's title names with its town and dates, or `null`. */
export function reportedRapporteurMeeting(title: string): MeetingInfo | null {
  if (!/^\s*(?:\[[^\]]{1,40}\]\s*)?(?:Draft\s+)?Report\b/i.test(title) || !RAPPORTEUR_MEETING_WORDS.test(title)) return null;
  const questions = questionsNamed(title);
  const first = questions[0];
  const hit = findDates(title)[0];
  if (!first || !hit) return null;
  const place = findPlace(title.slice(0, hit.index)) ?? null;
  return { group: groupOfQuestion(first), question: first, ...(questions.length > 1 ? { questions } : {}), title: clip(title), start: hit.start, end: hit.end, place, format: place === 'virtual' ? 'virtual' : null };
}

/**
 * `meeting` as the meeting of the Questions a rapporteur-meeting notice convenes: those its subject names, or (a
 * subject naming none, no study group either) the few Questions of one study group its first page names.
 */
export function rapporteurMeeting(meeting: MeetingInfo, subject: string, named: string[]): MeetingInfo {
  if (!RAPPORTEUR_MEETING_WORDS.test(subject)) return meeting;
  const inSubject = questionsNamed(subject);
  const groups = new Set(named.map(groupOfQuestion));
  const questions = inSubject.length > 0 ? inSubject : !GROUP_MEETING_WORDS.test(subject) && named.length > 0 && named.length <= 6 && groups.size === 1 ? named : [];
  const first = questions[0];
  if (!first) return meeting;
  return { ...meeting, group: groupOfQuestion(first), question: first, ...(questions.length > 1 ? { questions } : {}) };
}
