/**
 * The meeting a letter announces (dates, place, opening time) and the side events it lists (sessions, workshops,
 * forums with their times). Meetings outside Geneva and virtual meetings are common; so are letters that announce
 * several events at once.
 */
import type { MeetingInfo } from '../core/types.ts';
import { GENEVA_ZONE, findDates, findTime, findZone, type DateHit } from './dates.ts';
import { findGroups } from './groups.ts';
import { squash, stripBullet } from './normalize.ts';
import { sentences } from './deadline-prose.ts';

const VIRTUAL = /\b(?:fully[- ]virtual|virtually|virtual (?:meeting|session|format|event|e-meeting)s?|e-meetings?|online only|via MyMeetings|remote(?:ly)? only|by remote participation only)\b/i;
// "in Geneva, Switzerland", "in Abidjan, Côte d'Ivoire", "in New Delhi, India", "in Rio de Janeiro, Brazil".
const NAME = String.raw`[A-Z\u00C0-\u00DE][\w'\u00C0-\u024F.-]+(?:\s(?:(?:de|da|du|del|d'|al|el|es|of|and)\s)?[A-Z\u00C0-\u00DE][\w'\u00C0-\u024F.-]+){0,3}`;
const IN_PLACE = new RegExp(String.raw`\b(?:in|at)\s+(?:the\s+)?(${NAME}(?:,\s*${NAME})?)`, 'g');
const NOT_PLACE = /^(?:ITU|ITU-T|TSB|Annex|Geneva time|the|This|Room|Study|Working|Question|Rec|Recommendation|January|February|March|April|May|June|July|August|September|October|November|December|English|Resolution|WTSA|TSAG|SG\d+)\b/;
const HEADQUARTERS = /\b(?:ITU headquarters|headquarters of the International Telecommunication Union|ITU HQ|CICG)\b/i;

/** A place named in `text` ("Geneva, Switzerland"), `virtual`, or `null`. */
export function findPlace(text: string): string | null {
  for (const m of text.matchAll(IN_PLACE)) {
    const place = (m[1] ?? '').replace(/[,.\s]+$/, '');
    if (!place || NOT_PLACE.test(place)) continue;
    return /^Geneva$/i.test(place) ? 'Geneva, Switzerland' : place;
  }
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
  const segment = head.split(/;|\bmeeting\b|\bworkshop\b|\bforum\b/i).at(-1) ?? '';
  const place = segment.replace(/\b(?:from|on|in|held|at|to be)\b/gi, ' ').replace(/^[\s,:–-]+|[\s,:–-]+$/g, '').replace(/\s+/g, ' ');
  if (!/[A-Za-z]{3}/.test(place) || NOT_PLACE.test(place)) return null;
  if (VIRTUAL.test(place)) return 'virtual';
  return /^Geneva$/i.test(place) ? 'Geneva, Switzerland' : place;
}

/** Opening time "will open at 0930 hours on the first day" as `HH:mm`, or `null`. */
export function findOpeningTime(text: string): string | null {
  const m = /\b(?:will|shall)\s+(?:open|start|begin|commence)\s+at\s+([^\n.;]{0,30}?(?:hours|hrs|h\b|\d[:.]\d\d))/i.exec(text);
  return m?.[1] ? (findTime(m[1])?.start ?? null) : null;
}

const MEETING_SENTENCE = /\b(?:meeting|session|assembly|plenary|e-meeting|workshop|forum|symposium|seminar|summit)\b[^.]*\b(?:held|take place|convene|hosted|place|scheduled)\b|\b(?:invite you to|to attend)\b/i;

/**
 * The meeting a letter (or circular) announces: from its subject line when it has one, else from the first body
 * sentence that announces a meeting with dates. `group` is the document's group when the text names none.
 */
export function findMeeting(text: string, subject: string | null, docGroup: string | null): MeetingInfo | null {
  const openingTime = findOpeningTime(text);
  const build = (hit: DateHit, title: string, place: string | null, group: string | null): MeetingInfo => ({
    group,
    title: squash(title),
    start: hit.start,
    end: hit.end,
    place,
    startTime: openingTime,
    endTime: null,
    timezone: openingTime && place === 'Geneva, Switzerland' ? GENEVA_ZONE : null,
  });
  const body = sentences(text).find((s) => MEETING_SENTENCE.test(s.text) && findDates(s.text).length > 0 && !/\b(?:last|previous)\b/i.test(s.text));
  const bodyPlace = body ? findPlace(squash(body.text)) : null;
  if (subject) {
    const hit = findDates(subject)[0];
    if (hit) {
      const first = findGroups(subject)[0]?.group ?? null;
      // A regional group's letter: its subject may name the parent study group before the region.
      const group = docGroup && first && docGroup !== first && docGroup.startsWith(`${first}RG-`) ? docGroup : (first ?? docGroup);
      const place = placeBeforeDate(subject, hit) ?? findPlace(subject.slice(hit.index)) ?? bodyPlace;
      const better = place === 'Geneva, Switzerland' || !bodyPlace || place?.includes(',') ? place : bodyPlace;
      return build(hit, subject, better, group);
    }
  }
  if (body) {
    const clean = squash(body.text);
    const hit = findDates(clean)[0];
    if (hit) return build(hit, clean.length > 160 ? `${clean.slice(0, 157)}...` : clean, bodyPlace, findGroups(clean)[0]?.group ?? docGroup);
  }
  return null;
}

const EVENT_NOUN =
  /\b(?:workshop|forum|session|seminar|symposium|training|day|assembly|meeting|hackathon|summit|webinar|clinic|tutorial|exhibition|conference|briefing|challenge|ceremony|celebration|course)s?\b/i;
const EVENT_EXCLUDE =
  /\b(?:deadline|no later than|not later than|at the latest|must be (?:received|submitted)|should reach|last|previous|report of|approval of|was held|took place|highlights)\b/i;

// "A Bridging … Clinic session, will be held virtually …" -> "Bridging … Clinic session".
function eventTitle(sentence: string, hit: DateHit): string {
  const s = stripBullet(sentence);
  const afterDate = s.slice(hit.index + hit.text.length);
  // Date-first form: "2 March 2026, 1200 to 1400 hours (Geneva time): BSG session and Contribution Clinic - …".
  if (hit.index < 4) {
    const m = /:\s*([^:]+?)(?:\s-\s|\.\s|\.$|$)/.exec(afterDate);
    if (m?.[1]) return squash(m[1]);
  }
  const head = s.split(/\s(?:will|is|are|shall|takes?|has been|to be)\s|,\s*(?:on|from|held|will)\b|\s(?:on|from)\s+(?:\w+day,?\s+)?\d/)[0] ?? s;
  return squash(head.replace(/^(?:\d+\.?\s+)?(?:A|An|The)\s+/, '').replace(/[,:;\s]+$/, ''));
}

/**
 * Side events announced in `text`: sentences or list items with a date and an event noun that are not the main
 * meeting, not deadlines and not in the past (before `docDate`). Repeated mentions (body and annex) are merged.
 */
export function findEvents(text: string, main: MeetingInfo | null, docDate: string | null, skip: { start: number; end: number } | null): MeetingInfo[] {
  const globalZone = /\ball times(?: are)?(?: in)? Geneva\b|\(all times Geneva\)/i.test(text) ? GENEVA_ZONE : null;
  const out: MeetingInfo[] = [];
  for (const s of sentences(text)) {
    if (skip && s.index >= skip.start && s.index < skip.end) continue;
    const clean = squash(stripBullet(s.text));
    if (clean.length > 600 || !EVENT_NOUN.test(clean) || EVENT_EXCLUDE.test(clean)) continue;
    const hit = findDates(clean)[0];
    if (!hit || (docDate && hit.start < docDate)) continue;
    if (main && hit.start === main.start && hit.end === main.end) continue;
    const title = eventTitle(clean, hit);
    if (title.length < 4 || title.length > 200 || !EVENT_NOUN.test(title)) continue;
    const time = findTime(clean.slice(hit.index));
    const place = VIRTUAL.test(clean) ? 'virtual' : findPlace(clean.slice(hit.index)) ?? findPlace(clean);
    const zone = time ? (findZone(clean) ?? globalZone ?? (place === 'Geneva, Switzerland' ? GENEVA_ZONE : null)) : null;
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
