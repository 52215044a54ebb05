/**
 * `parseDocument`: the text of one ITU-T document in, its facts out. Pure: no I/O, no clock.
 */
import { eventTable } from './event-table.ts';
import { canonicalGroup, groupOfQuestion, parentGroup } from '../core/groups.ts';
import type { Deadline, DocumentKind, MeetingInfo, ParsedDocument } from '../core/types.ts';
import { announcesMeeting, classify } from './classify.ts';
import { deriveRuleDeadlines, parseProseDeadlines } from './deadline-prose.ts';
import { findDeadlineSections, parseDeadlineTable } from './deadline-table.ts';
import { GENEVA_ZONE, findDates, resetDateCache } from './dates.ts';
import { fieldValue, headerOf } from './fields.ts';
import { plainHeader, unrunHeader } from './layout.ts';
import { dominantGroup, findGroups } from './groups.ts';
import { CAPITAL_HEADING, parseLiaison, unlabelledTemplate, withUnstatedAction } from './liaison.ts';
import { agendaHeading, announcedMeeting, bracketedMeetings, findCancelledMeeting, findVenue, findEvents, findMeeting, groupOpenings, heldMeeting, findOpeningTime, findPlace, meetingOf, placeInBrackets, placeName, listedNextMeetings, bodyMeetings, bodyKey, proseBodyMeetings, previousMeeting, questionMeetings, rapporteurMeeting, reportedMeeting, reportedRapporteurMeeting, reportsHybrid, splitMeetings, subjectMeetings, workingPartyMeetings, groupMeetingsAhead } from './meeting.ts';
import { meetingRows } from './meeting-table.ts';
import { MONTH_PATTERN, normalizeText, squash } from './normalize.ts';
import { asWritten, findReferences, findRevision, type ReferenceHit } from './reference.ts';
import { addressedQuestions, findAddresses, findQuestions, findRecommendations } from './refs.ts';
import { findLeadRoles } from './roles.ts';
import { MAX_TITLE, beforeNextPage, clip, groupHeading, sentFromTo, titleFromText } from './titles.ts';

export { normalizeText } from './normalize.ts';

const LETTER_KINDS: ReadonlySet<DocumentKind> = new Set(['collective-letter', 'circular']);
const SINGLE_DATE_LINE = new RegExp(
  String.raw`^[ \t]*(?:[A-Z][\w'\u00C0-\u024F .-]{1,30},[ \t]*)?(?:[A-Z][a-z]+day,?\s+)?(\d{1,2}\s+${MONTH_PATTERN},?\s+\d{4}|${MONTH_PATTERN}\s+\d{1,2},?\s+\d{4})\.?[ \t]*$`,
  'im',
);

// A press release's dateline: "Geneva, 25 May 2026 - Experts meeting at ITU this week …".
const DATELINE = new RegExp(String.raw`^[ \t]*[A-Z][\w'\u00C0-\u024F .-]{1,30},[ \t]*(?:[A-Z][a-z]+day,?\s+)?(\d{1,2}\s+${MONTH_PATTERN},?\s+\d{4})[ \t]+-[ \t]+\S`, 'm');

// A Bureau circular's reference on a line of its own with its date: "CACE/856 / 29 January 2018", "Administrative
// Circular CACE/891 12 February 2019", "Circular Letter 5/LCCE/67, 6 March 2017".
const BUREAU_REF_DATE = new RegExp(String.raw`^[ \t]*(?:Administrative[ \t]+Circular[ \t]+|Circular[ \t]+Letter[ \t]+)?(?:\d{1,2}\/)?(?:CACE|CA|LCCE|CCRR|CR|DM|STG|BDT)\/[\w/]{1,20}[ \t]*[/,]?[ \t]*(\d{1,2}\s+${MONTH_PATTERN},?\s+\d{4})[ \t]*$`, 'im');

const REF_LINE_DATE = new RegExp(String.raw`^[ \t]*Ref\.?[ \t]*[:/][^\n]{2,80}?[ \t/,]+(\d{1,2}\s+${MONTH_PATTERN},?\s+\d{4})[ \t/]*$`, 'im');

/**
 * A mail archive page's top (the IETF's): the subject on a line of its own, then the byline "Greg Mirsky
 * <g@example.com> Sat, 17 February 2024 05:07 UTC", then the raw headers. The subject and the UTC day; `null` when the
 * text does not start so.
 */
function archiveByline(header: string): { subject: string; date: string } | null {
  const lines = header.split('\n', 12).map((l) => l.trim()).filter((l) => l !== '');
  const at = lines.slice(0, 4).findIndex((l) => BYLINE.test(l));
  if (at < 1) return null;
  const day = BYLINE.exec(lines[at] ?? '')?.[1];
  const date = day ? (findDates(day)[0]?.start ?? null) : null;
  const subject = lines[at - 1] ?? '';
  return date && subject.length >= 4 && !/^(?:Return-Path|Received|From|To|Cc|Date|Subject|Message-ID|X-[\w-]+):/i.test(subject) ? { subject, date } : null;
}
const BYLINE = /^[^<>\n]{2,80}<[^<>\s@]+@[^<>\s]+>\s+(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),\s+)?(\d{1,2} [A-Z][a-z]+ (?:19|20)\d\d) \d\d:\d\d(?::\d\d)? UTC$/;

function documentDate(header: string, kind: DocumentKind): string | null {
  // A Datatracker page's own date comes first: its body may quote a mail with a "Date:" line of its own.
  const tracked = kind === 'liaison-statement' ? /^[ \t|]*(?:Submission date|Submitted Date|Posted Date)[ \t]*[:|]?[ \t]*(\d{4}-\d{2}-\d{2})/im.exec(header)?.[1] : undefined;
  if (tracked) return tracked;
  const labelled = fieldValue(header, 'Date(?: of (?:document|issue))?');
  if (labelled) {
    const d = findDates(labelled)[0];
    if (d && d.start === d.end) return d.start;
  }
  // An ISO/IEC JTC 1 document's cover: "DATE ASSIGNED: 2001-10-05" (in a flattened cover, anywhere in its run).
  const assigned = /\bDATE ASSIGNED[ \t]*:\s*((?:19|20)\d{2}-\d{2}-\d{2})\b/i.exec(header.slice(0, 3000))?.[1];
  if (assigned) return assigned;
  // A mail archive's date line: "Thu Mar 27 02:50:28 EDT 2008".
  const archived = /^\s*(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ([A-Z][a-z]{2}) +(\d{1,2}) \d\d:\d\d:\d\d [A-Z]{2,5} ((?:19|20)\d\d)\s*$/m.exec(header.split('\n').slice(0, 8).join('\n'));
  if (archived) return findDates(`${archived[2] ?? ''} ${archived[1] ?? ''} ${archived[3] ?? ''}`)[0]?.start ?? null;
  const byline = archiveByline(header);
  if (byline) return byline.date;
  // A mail printed from Outlook: "Sent: Wednesday, May 13, 2020 10:15 AM", "Sent: 13-May-20 10:15 AM"; a mail's own
  // day (the line the ingest puts above its body). A letter in the body dates itself first.
  const sent = fieldValue(header, 'Sent');
  const sentDay = () => {
    if (!sent) return null;
    const d = findDates(sent)[0] ?? findDates(sent.replace(/^(\d{1,2})-([A-Za-z]{3})-(\d{2})\b/, '$1 $2 20$3'))[0];
    return d && d.start === d.end ? d.start : null;
  };
  if (!LETTER_KINDS.has(kind)) {
    const day = sentDay();
    if (day) return day;
  }
  // A report dates itself on a line of its own under its number or heading ("Document 5A/650-E / 12 December 2017").
  if (kind === 'report') {
    // Below a 3GPP report's heading and its secretary's contact block ("15 September 2000.").
    const line = SINGLE_DATE_LINE.exec(header.split('\n').filter((l) => l.trim() !== '').slice(0, 30).join('\n'))?.[1];
    if (line) return findDates(line)[0]?.start ?? null;
  }
  // An input document of ITU-D or ITU-R dates itself on a line of its own under its number.
  if (kind === 'contribution' || kind === 'report' || kind === 'liaison-statement') {
    const line = kind === 'liaison-statement' ? undefined : SINGLE_DATE_LINE.exec(header.split('\n').slice(0, 10).join('\n'))?.[1];
    if (line) return findDates(line)[0]?.start ?? null;
    // A header flattened into one line: "Addendum 30 to Document 46-E 23 September 2016 Original: English",
    // "Document TDAG-10/019-E 23 May 2005 Original: English", a statement to RAG "Document RAG2000-1/20-E 7 January 2000".
    const numbered = /\bDocument\s+[\w/().-]{1,30}-[EFSCAR]\s+(\d{1,2}\s+[A-Z][a-z]+\s+(?:19|20)\d{2})\b/.exec(header.slice(0, 1500))?.[1];
    if (numbered) return findDates(numbered)[0]?.start ?? null;
  }
  if (LETTER_KINDS.has(kind) || kind === 'other') {
    // A Bureau letter's reference line ending in its date: "Ref. / Administrative Circular CA/STG/36 / 28 November 2008".
    const refLine = LETTER_KINDS.has(kind) ? (REF_LINE_DATE.exec(header) ?? BUREAU_REF_DATE.exec(header))?.[1] : undefined;
    if (refLine) return findDates(refLine)[0]?.start ?? null;
    // (Not a cell of a table copied one cell a line, under the row's other dates: "20-23 May 2024" / "29 April 2024".)
    const single = SINGLE_DATE_LINE.exec(header);
    const cell = single && kind === 'other' && findDates(header.slice(0, single.index).trimEnd().split('\n').at(-1) ?? '').length > 0;
    const m = (cell ? null : single) ?? DATELINE.exec(header);
    if (m?.[1]) return findDates(m[1])[0]?.start ?? null;
    if (LETTER_KINDS.has(kind)) return runTogetherDate(header) ?? sentDay();
  }
  if (kind === 'liaison-statement') {
    // Datatracker: "Submitted Date 2026-01-30", "Posted Date 2012-12-14", "Submission Date: 2011-10-06", "Submitted Date | 2016-02-02 |".
    const posted = /^[ \t|]*(?:Submission date|Submitted Date|Posted Date)[ \t]*[:|]?[ \t]*(\d{4}-\d{2}-\d{2})/im.exec(header)?.[1];
    if (posted) return posted;
    const approval = fieldValue(header, 'Approval');
    const d = approval ? findDates(approval).at(-1) : undefined;
    if (d) return d.end;
    // An ITU-R statement dates itself on a line of its own under its source: "12 November 2010".
    const line = SINGLE_DATE_LINE.exec(header.split('\n').slice(0, 12).join('\n'))?.[1];
    if (line) return findDates(line)[0]?.start ?? null;
  }
  return null;
}

// Words before a date that make it another date than the letter's own: "circular 203 of 3 August 1999", "meeting on …".
const NOT_LETTER_DATE = /\b(?:of|on|from|to|until|by|before|after|since|meeting|held|dated|deadline|due)\W*$/i;

/**
 * A flattened letter's own date, run into the cells around it: "Ref: Geneva, 25 October 2001 TSB Circular 68 …",
 * "Circular Letter 4/LCCE/71* 6/LCCE/15* 23 November 2001 To Member States …". It is the first single date of the
 * letterhead, before the subject or the salutation.
 */
function runTogetherDate(header: string): string | null {
  const end = header.search(/\b(?:Subject|Objet)\s*:|\bDear\b/i);
  const head = header.slice(0, Math.min(end < 0 ? 1200 : end, 1200));
  for (const hit of findDates(head)) {
    if (hit.start !== hit.end) continue;
    if (NOT_LETTER_DATE.test(head.slice(Math.max(0, hit.index - 30), hit.index))) continue;
    return hit.start;
  }
  return null;
}

/** A mail's subject as a title: list tags, "Re:"/"Fwd:" and a leading "Liaison Statement:" go. */
function mailSubject(header: string): string | null {
  const v = fieldValue(header, 'Subject|Subj');
  return v ? statementSubject(v) : null;
}

/**
 * A mail's subject as the statement's title: without list tags, reply marks, a Question's tag and the Datatracker's
 * "New Liaison Statement," ("[Diem] Re: Q1/17: New Liaison Statement, "Reply to LS on …"" → "Reply to LS on …").
 */
function statementSubject(subject: string): string | null {
  const t = subject
    .replace(/^(?:\s*(?:\[[^\]\n]{1,40}\]|(?:Re|Fwd?|AW|TR|WG)\s*:|Q\d{1,2}\/\d{1,2}\s*:(?=[^\n]*Liaison\s+Statement)|(?:New\s+)?Liaison\s+Statement\s*[:,](?=\s*\S)))+\s*/i, '')
    .replace(/^["“](.+)["”]$/, '$1')
    .trim();
  return t.length >= 4 ? t : null;
}

function documentGroup(text: string, header: string, kind: DocumentKind, refGroup: string | null, subject: string | null): string | null {
  const subjectGroup = subject ? (findGroups(subject)[0]?.group ?? null) : null;
  // The secretariat's initials line ("TSB/SG17/AB"), read only when nothing better names the group.
  const initialsGroup = (): string | null => {
    const initials = /^\s*(?:TSB\s*\/\s*)?(SG\s?\d{1,2}|TSAG)\s*\/\s*[A-Z]{2,4}\s*$/im.exec(header)?.[1];
    return initials ? canonicalGroup(initials) : null;
  };
  switch (kind) {
    case 'collective-letter':
      // A regional group's letter carries its parent's number ("1/3"): the subject's regional group is more precise.
      if (subjectGroup && refGroup && parentGroup(subjectGroup) === refGroup) return subjectGroup;
      return refGroup ?? subjectGroup ?? initialsGroup() ?? dominantGroup(text, 3);
    case 'circular':
      return subjectGroup ?? initialsGroup() ?? dominantGroup(text, 3);
    case 'liaison-statement': {
      if (refGroup !== null) return refGroup;
      const source = fieldValue(header, 'Source|From');
      return (source ? (findGroups(source)[0]?.group ?? null) : null) ?? initialsGroup();
    }
    case 'td':
    case 'contribution':
    case 'report': {
      if (refGroup !== null) return refGroup;
      const studyGroupLine = /^\s*(?:ITU-T\s+)?(STUDY GROUP \d{1,2}|TSAG|TELECOMMUNICATION STANDARDIZATION ADVISORY GROUP)\s*$/im.exec(header)?.[1];
      // The template's own field: "Study Group: 12".
      const studyGroupField = /^[ \t]*\|?[ \t]*Study Group[ \t]*:[ \t]*\|?[ \t]*(\d{1,2})\b/im.exec(header)?.[1];
      const source = fieldValue(header, 'Source');
      return (
        (studyGroupLine ? canonicalGroup(studyGroupLine) : null) ??
        (studyGroupField ? canonicalGroup(`SG${studyGroupField}`) : null) ??
        (source && /\b(?:chair|rapporteur|editor|secretariat|TSB)\b/i.test(source) ? (findGroups(source)[0]?.group ?? null) : null) ??
        dominantGroup(text, 3)
      );
    }
    default:
      return dominantGroup(text, 3);
  }
}

// TDs, contributions and reports name their meeting in the header: "Geneva, 26-30 January 2026". The header ends
// where the text starts (an "Abstract" or "Summary" heading, or a long line): a meeting the text mentions is not
// the document's.
function headerMeeting(header: string, group: string | null): MeetingInfo | null {
  const lines = header.split('\n').slice(0, 25);
  for (const [i, line] of lines.entries()) {
    // A long line of prose starts the text; a long heading ("Executive Summary of the … Meeting, Forum on … and …") does not.
    if (/^\s*(?:Abstract|Summary|Introduction|1\s+\w)/i.test(line) || (line.trim().length > 140 && (line.trim().length > 320 || /[.;]\s/.test(line)))) break;
    if (/\b(?:Approval|Deadline|Date)\b/i.test(line)) continue;
    const hit = findDates(line)[0];
    if (!hit || hit.start === hit.end) continue;
    const before = squash(line.slice(0, hit.index)).replace(/[,:\s]+$/, '');
    if (before.length > 60) continue;
    // The place is the cell just before the dates: "Question(s):\t6/17\tGeneva, 3-12 March 2036" (tabs, wide spaces,
    // or the " / " a converter leaves between cells: "Question(s): / All/17 / Geneva, 29 August - 6 September 2017").
    const place = line.slice(0, hit.index).split(/\t|\s{2,}|\s\/\s/).map((c) => c.trim().replace(/[,:\s]+$/, '')).filter(Boolean).at(-1) ?? '';
    // "Executive summary of the SG11 meeting (Geneva, 16-25 October 2019)": the place in brackets before the dates;
    // "13 – 24 March 2023, Geneva, Switzerland": after them; "Question(s): N/A Geneva, 12-16 December 2022": the
    // name just before them, the cells run together.
    // A narrow column puts the place on the next line: "3-14 March 2025," / "Geneva, Switzerland".
    const wrapped = /,\s*$/.test(line) ? ` ${(lines[i + 1] ?? '').trim()}` : '';
    const after = /^\s*,\s*([A-Z][\w'\u00C0-\u024F.-]+(?:[ -][A-Z][\w'\u00C0-\u024F.-]+){0,2}(?:,\s*[A-Z][\w'\u00C0-\u024F.-]+(?:[ -][A-Z][\w'\u00C0-\u024F.-]+){0,2})?)\s*[.)]?\s*$/.exec(`${line.slice(hit.index + hit.text.length)}${wrapped}`)?.[1];
    const last = /(?:^|\s)([A-Z][a-z\u00C0-\u024F'.-]+(?:[ -][A-Z][a-z\u00C0-\u024F'.-]+){0,2})\s*,?\s*$/.exec(line.slice(0, hit.index))?.[1];
    const cleanPlace =
      // A cell that is a phrase ("Report of the second TSAG meeting held in Geneva") is no place; the place is in it.
      /^[A-Z][\w'\u00C0-\u024F .,-]{2,50}$/.test(place) && !/\d/.test(place) && !/\b(?:of|the|held|meeting|report|in|at)\b/i.test(place)
        ? place
        : (placeInBrackets(line.slice(0, hit.index)) ?? findPlace(line) ?? (after && !NOT_A_PLACE.test(after) ? after : null) ?? (last && !NOT_A_PLACE.test(last) ? last : null));
    const named = cleanPlace === null ? null : /^(?:online|virtual|e-meeting|fully virtual)$/i.test(cleanPlace) ? 'virtual' : placeName(cleanPlace);
    return { group, title: meetingOf(group), start: hit.start, end: hit.end, place: named };
  }
  return null;
}

// Words that end a header cell and name no place.
const NOT_A_PLACE = /^(?:Question|Questions|Source|Title|Meeting|Plenary|Study|Group|Working|Party|Original|English|Geneva time|Online)$|^(?:TD|SG|WP|Q)\b/;

// Another Sector's own documents: BDT's and BR's letters, TDAG's and RAG's, which name no ITU-T body in their header.
// (An ITU-R working party's document heads itself "Radiocommunication Study Groups" over "Document 5D/ADM/3-E".)
const OTHER_SECTOR = /\b(?:ITU-D|ITU-R|BDT|TDAG|RAG)\b|Telecommunication Development (?:Bureau|Advisory Group)|Radiocommunication (?:Bureau|Advisory Group|Study Groups)/;
const ITU_T = /\bITU-T\b|\bTSB\b|\bTSAG\b|Telecommunication Standardi[sz]ation/;

/** `ITU-D` or `ITU-R` for another Sector's document, `null` for ITU-T's (or when the header does not say). */
function otherSector(header: string): 'ITU-D' | 'ITU-R' | null {
  const head = header.slice(0, 3000);
  const other = OTHER_SECTOR.exec(head)?.[0];
  if (!other) return null;
  const sector = /ITU-R|RAG|Radiocommunication/.test(other) ? 'ITU-R' : 'ITU-D';
  // The masthead says whose document it is ("Telecommunication Development Advisory Group (TDAG) 25th Meeting … ITU-D
  // Study Group 2"): an ITU-T group it mentions further on (a liaison with TSAG) does not make it ITU-T's.
  const top = head.slice(0, 600);
  if (OTHER_SECTOR.test(top) && !ITU_T.test(top)) return sector;
  return ITU_T.test(head) ? null : sector;
}

/** Another Sector's meeting: no ITU-T group, and a title that does not pass it off as one. */
function otherSectorMeeting(m: MeetingInfo, sector: string): MeetingInfo {
  const { groups: _groups, ...rest } = m;
  const title = m.group && /^Meeting of (?:Study Group|SG)/.test(m.title) ? m.title.replace(/^Meeting of /, `Meeting of ${sector} `) : m.title;
  return { ...rest, group: null, title };
}

// The meeting a document of no known kind names in its first lines: an agenda's "14th Meeting, Geneva, 28 - 30
// January 2009", a 3GPP document's "3GPP TSG-SA WG1 Meeting #63" over "Zagreb, Croatia, 19th – 23rd August 2013".
const MEETING_LINE = /\b(?:meeting|workshop|forum|seminar|symposium|conference|summit|tutorial)\b/i;

function namedMeeting(header: string): MeetingInfo | null {
  const lines = header.split('\n').map((l) => l.trim()).slice(0, 15);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!MEETING_LINE.test(line) || line.length > 160) continue;
    // The dates on the line itself, or on the next line that has any (a 3GPP header puts them under the name).
    const next = lines.slice(i + 1, i + 4).find((l) => l !== '') ?? '';
    for (const candidate of [line, next]) {
      const hit = findDates(candidate)[0];
      if (!hit || hit.start === hit.end) continue;
      const before = candidate.slice(0, hit.index).split(/\t|\s{3,}/).map((c) => c.trim().replace(/[,:\s]+$/, '')).filter(Boolean);
      // "(Geneva, Switzerland, 4 to 6 September 2019)" under a workshop's name: the place in the bracket.
      const placeCell = (candidate === line ? (before.at(-1) ?? '').replace(/^.*\bmeeting\b[^,]*,\s*/i, '') : (before.at(-1) ?? '')).replace(/^\(\s*/, '');
      // Or after the dates: "Nov 18 - 22, 2019, Reno, USA" under a 3GPP meeting's name.
      const after = /^\s*,\s*([A-Z][\w'\u00C0-\u024F.-]+(?:[ -][A-Z][\w'\u00C0-\u024F.-]+){0,2}(?:,\s*[A-Z][\w'\u00C0-\u024F.-]+(?:[ -][A-Z][\w'\u00C0-\u024F.-]+){0,2})?)\s*[.)]?\s*$/.exec(candidate.slice(hit.index + hit.text.length).split(/\t|\s{3,}/)[0] ?? '')?.[1] ?? null;
      const place = /^[A-Z][\w'’\u00C0-\u024F .,-]{2,50}$/.test(placeCell) && !/\d/.test(placeCell) && !MEETING_LINE.test(placeCell) ? placeCell : after && !NOT_A_PLACE.test(after) ? after : null;
      // The meeting's name: the line up to its place ("14th Meeting, Geneva, 28 - …" → "14th Meeting"), of the body
      // the masthead names when the name alone names none ("14th Meeting of the Telecommunication Development …").
      let name = squash((candidate === line ? line.slice(0, hit.index) : line).split(/\t|\s{3,}/)[0] ?? '').replace(/[,:\s]+$/, '');
      // A 3GPP header puts the document's number at the end of the line: "3GPP TSG-SA WG1 Meeting #63 S1-134002".
      name = name.replace(/\s+[A-Z][A-Z0-9]{0,3}-\d{4,}\w*$/, '');
      if (place && name.endsWith(place)) name = name.slice(0, -place.length).replace(/[,:\s]+$/, '');
      const masthead = lines.slice(0, i).find((l) => /^[A-Z][A-Z ,-]{8,80}$/.test(l) && /\b(?:GROUP|COUNCIL|ASSEMBLY|CONFERENCE|COMMITTEE|SECTOR)\b/.test(l));
      if (/^(?:\d{1,3}(?:st|nd|rd|th)\s+)?meeting$/i.test(name) && masthead) name = `${name} of the ${masthead.toLowerCase().replace(/\b[a-z]/g, (c) => c.toUpperCase())}`;
      const opening = findOpeningTime(header);
      return {
        group: null,
        title: name || 'Meeting',
        start: hit.start,
        end: hit.end,
        place: place === null ? null : placeName(place),
        ...(opening ? { startTime: opening, timezone: null } : {}),
      };
    }
  }
  return null;
}

// What a TD or report announces beside its own meeting: an ad hoc group, a rapporteur or drafting session.
// A report's "7.1 The next meeting of Study Group 2 …", an executive summary's "1st SG17 meeting in 2020: Tuesday 17 –
// Thursday 26 March 2020 in Geneva" is the group's next meeting, not an event held during this one.
const NEXT_MEETING = /^(?:[\d.]+\s+)?(?:the\s+)?(?:next|\d(?:st|nd|rd|th)|first|second|third|fourth)\s+(?:(?:full|regular|ordinary|physical|in-person|face-to-face)\s+)?(?:(?:ITU-T\s+)?(?:SG\s?\d{1,2}|Study Group \d{1,2}|TSAG)\s+)?(?:plenary\s+)?(?:meeting|session)\b/i;
const AD_HOC = /\b(?:ad[- ]hoc|rapporteur|drafting|correspondence group|joint (?:session|meeting)|session|meeting|briefing|workshop)\b/i;

/**
 * The title of an IETF Datatracker page: the line after its "Liaison statement" heading ("Liaison statement\nLS on
 * X"), or after "Liaison Statement:" on the same line; page furniture ("Skip to main content") is passed over.
 */
function trackerTitle(text: string): string | null {
  const lines = text.slice(0, 4000).split('\n').map((l) => l.trim());
  // The page's heading stands alone (or carries the title after a colon): "Liaison Statement to IETF …" is a title itself.
  const at = lines.findIndex((l) => /^Liaison statement\s*(?::|$)/i.test(l));
  if (at < 0) return null;
  const same = /^Liaison statement\s*:\s*(.{4,200})$/i.exec(lines[at] ?? '')?.[1];
  if (same) return same;
  const next = lines.slice(at + 1, at + 4).find((l) => l !== '' && !/^(?:Skip to main content|State\b|Submi|Posted)/i.test(l));
  return next && next.length <= 200 ? next : null;
}

// A notice of a meeting that is no TSB letter: a rapporteur's convocation, an invitation of the General Secretariat.
const TIMETABLE_HEADING = /^[ \t]*((?:Draft\s+)?Time[- ]?table\b[^\n]{0,40}\bmeeting\b[^\n]{0,60}\d{4})[ \t]*$/im;
const REGISTRATION_HEADING = new RegExp(String.raw`^[ \t]*((?:(?:On-?line\s+)?(?:Pre-?)?registration|Fellowships?)\b[^\n]{0,60}?\b(?:to|for)\b[^\n]{3,120}?\b\d{1,2}(?:\s*(?:-|–|to)\s*\d{1,2})?\s+${MONTH_PATTERN}\s+(?:19|20)\d{2})[ \t]*$`, 'im');
const SUBJECT_MEETING = /^[ \t]*Subject[ \t]*:[^\n]*\bmeeting\b/im;
const MEETING_NOTICE = /\b(?:notice|convocation|invitation|announcement)\b[^\n]{0,80}\bmeetings?\b|\bRapporteurs?(?:['’]s?)?\s+meetings?\b|\binterim meetings?\b/i;

/**
 * What a notice headed "MEETING ANNOUNCEMENT" announces, up to the year of its dates ("Joint Rapporteurs' meetings for
 * Q1, 2, 5 … Guangzhou, China, 2-6 September 2019"), when no Subject line says it; `null` otherwise.
 */
function announcedHeading(header: string): string | null {
  const m = /\b(?:MEETING\s+)?ANNOUNCEMENT\b[:\s]+([^\n]{10,400}?\b(?:19|20)\d{2})\b/.exec(header.slice(0, 3000));
  return m?.[1] ? squash(m[1]) : null;
}

/**
 * A letter's subject, read whole: converters leave a "/" cell marker before it ("Subject: / Meeting of Study Group
 * 17") and put its place and dates on the next line, unindented ("Geneva, 6-15 December 2006").
 */
/**
 * A letter whose "Subject:" label a converter lost: the lines just above its addressee list ("- To Administrations of
 * Member States …"), below the sender's name and telephone numbers, when they end in a date ("ITU Workshop on … –
 * Geneva, Switzerland, 28 June 2016"). `null` otherwise.
 */
function unlabelledSubject(header: string): string | null {
  const lines = header.split('\n', 60);
  // A PDF copy's subject lines without their label, as list items before the salutation: "- - 18th meeting of the
  // Telecommunication Development Advisory Group, 11-13 December 2013".
  const dear = lines.findIndex((l) => /^\s*Dear\b/i.test(l));
  const listed = lines.slice(0, dear < 0 ? 20 : dear).map((l) => /^\s*(?:[-–]\s+){1,3}(\S.*\bmeetings?\b.*\b(?:19|20)\d{2})\s*$/i.exec(l)?.[1]).find((x) => x !== undefined);
  if (listed) return listed;
  const to = lines.findIndex((l) => /^\s*[-–•]?\s*To\s+(?:the\s+)?(?:Administrations|Member States|ITU-T Sector|Sector Members|Chairm)/i.test(l));
  if (to < 2) return null;
  const block: string[] = [];
  for (let i = to - 1; i >= 0 && block.length < 4; i--) {
    const l = (lines[i] ?? '').trim();
    if (l === '' || /^\+?[\d ()./-]{6,}$/.test(l) || /@|^(?:Tel|Fax|E-?mail|Ref|Contact)\b/i.test(l) || /\b(?:Circular|Collective letter)\s+\d/i.test(l) || l.split(/\s+/).length <= 3) break;
    block.unshift(l);
  }
  const value = block.join(' ').replace(/\s+/g, ' ').trim();
  return value.split(' ').length >= 5 && /\b(?:19|20)\d{2}\s*$/.test(value) ? value : null;
}

/**
 * The subject a cell-by-cell copy puts after the addressee list: the lines between the list's last item (with the
 * short lines that end it: "the Union", "Study Group 3;", "Bureau") and "Dear …"; at most three, or `null`.
 */
function subjectAfterAddressees(header: string): string | null {
  const dear = /^[ \t]*Dear\b/im.exec(header);
  if (!dear) return null;
  const lines = header.slice(0, dear.index).split('\n').map((l) => l.trim());
  let last = -1;
  lines.forEach((l, i) => {
    if (/^[-–]\s*To\b/i.test(l)) last = i;
  });
  if (last < 0) return null;
  let i = last + 1;
  // The last addressee's own wrapped lines ("the Union", "Study Group 3;", "Bureau", "Groups 2 and 3").
  while (i < lines.length && ((lines[i] ?? '') === '' || /^[a-z]/.test(lines[i] ?? '') || ADDRESSEE_TAIL.test(lines[i] ?? ''))) i++;
  const subject = lines.slice(i, i + 3).filter((l) => l !== '').join(' ').replace(/\s+/g, ' ').trim();
  return subject.length >= 10 && subject.length <= 2 * MAX_TITLE ? subject : null;
}

/** How an addressee's name ends on a line of its own: "the Union", "Bureau", "Study Group 3;", "Groups 2 and 3". */
const ADDRESSEE_TAIL = /^(?:the\s+)?(?:Union|(?:Telecommunication\s+|Radiocommunication\s+)?(?:Development|Standardization|Radiocommunication)?\s*Bureau|Sector(?:\s+Members)?|Members|Associates|Academia|Administrations|(?:Study\s+)?Groups?\s+[\d,\s]+(?:and\s+\d+)?|of\s+Study\s+Group\s+\d+|Study\s+Group\s+\d+)\s*[;,.]?$/i;

function letterSubject(header: string): string | null {
  const first = fieldValue(header, 'Subject|Objet|Subj', 3, true);
  if (first === null) return null;
  // A flattened letter runs its subject into the body: a subject line, not a paragraph, is kept.
  // Converters leave cell markers and list dashes before it: "Subject: / Meeting …", "Subject: - - 18th meeting …".
  // A BR letter's subject lists what it covers after it, run on when flattened: "Meetings of Working Parties 7A and
  // 7B–Working Party 7A: Time signals …".
  // A table copied cell by cell puts the addressees in the subject's place and the subject after them, before "Dear
  // Sir/Madam": "Subject: / - To Administrations of … / Copy: / - To …; / Study Group 3 Questionnaire on …".
  if (/^(?:[-–]\s*)?To\s+(?:the\s+)?(?:Administrations|Member|ITU-T|Sector|Chair|Director)/i.test(first)) return subjectAfterAddressees(header);
  // A flattened letter glues its first numbered heading to the subject: "… on IMT systems1IntroductionWith this …".
  const bare = first.replace(/^(?:[/|]\s*|[-–]\s+)+/, '').replace(/\s*[-–]\s*(?=Working Party \w{1,4}\s*:).*$/, '').replace(/(?<=[a-z)])\d{1,2}(?=[A-Z][a-z]{3,}[A-Z]).*$/, '');
  // A flattened letter's subject runs on into the body: "… in the study period 1994-1995 The Radiocommunication
  // Assembly, in November, 1993, approved …": it ends where a sentence starts.
  // Read in the first few hundred characters only: a subject is never longer, and the look-ahead is not linear.
  const body = bare.length > MAX_TITLE ? /^(.{40,}?[\d)"a-z])\s+(?=(?:The|This|I|We|In|As|At|Following|Further to|With reference to)\s+[A-Za-z]+\b[^.]{10,300}\.)/.exec(bare.slice(0, 2 * MAX_TITLE + 400))?.[1] : undefined;
  // (… and the body's first heading goes with the body: "… (RRC-04) Introduction The meeting of Task Group 6/8 was …".)
  let value = body?.replace(/\s+(?:\d{1,2}\.?\s*)?(?:Introduction|Background|General|Summary|Purpose)$/, '') ?? (bare.length > 2 * MAX_TITLE ? clip(bare) : bare);
  // (A subject cut where the body starts on its line goes on in no line below.)
  if (body || findDates(value).some((h) => h.start !== h.end || /\d{4}\s*$/.test(value))) return value || null;
  const at = /(?:^|\n)[ \t]*(?:Subject|Objet)[ \t]*:[^\n]*\n/i.exec(header);
  if (!at) return value || null;
  let blank = false;
  for (const line of header.slice(at.index + at[0].length).split('\n').slice(0, 5)) {
    const l = line.trim();
    // A PDF copy may leave blank lines before the subject's place and dates ("Subject: Meeting of Study Group
    // 17\n\n\nGeneva, 7-18 April 2008"): past a blank line, only such a short dated line still belongs to it.
    if (!l) {
      blank = true;
      continue;
    }
    // A subject ending in a dash goes on: "… Rapporteur Group Meetings -" / "Study Group 1: 9-18 January 2017 and …".
    if (!blank && /\s[-–]$/.test(value) && l.length <= 160 && !/^(?:Dear|Ref)\b/i.test(l)) {
      value = `${value} ${l}`;
      if (findDates(l).length > 0) break;
      continue;
    }
    // Past the subject come the addressees, fields, a list of what it covers ("–Working Party 7A: Time signals …")
    // or the first numbered heading ("1 Introduction").
    if (/^(?:Dear|To|Ref|Our ref|Attention|Contact)\b/i.test(l) || /^[A-Z][\w ]{1,30}:/.test(l) || /^(?:[-–•·*]|\d{1,2}\.?\s+[A-Z])/.test(l) || l.length > 160) break;
    // "WP 9A / Performance and availability …": the groups the letter is about, listed under its subject.
    if (/^(?:WP|Working Party|SG|Study Group)\s?\d{1,2}[A-Z]?\s*[/:]/.test(l)) break;
    // A table copy puts the place and date in the next row: "| |Montreal, Canada, 13 July 2007 |".
    if (blank && (l.length > 80 || !(findDates(l).some((h) => h.start !== h.end) || (/^[A-Z][\w'\u00C0-\u024F .-]+,/.test(l) && findDates(l).length > 0)))) break;
    value = `${value} ${l.replace(/^[/|]\s*/, '')}`.trim();
    if (findDates(l).length > 0) break;
  }
  return value || null;
}

/**
 * A liaison statement's title on a line of its own under the header, as ITU-R writes it: "liaison statement on
 * IMT-Advanced Development", "Liaison Statement to External Organizations on the work plan … FOR" continued on the
 * next line.
 */
function headingTitle(header: string): string | null {
  const lines = header.split('\n').map((l) => l.trim()).slice(0, 20);
  const at = lines.findIndex((l) => /^(?:liaison statement|reply liaison statement|LS)\b\s+(?:on|to|from|in|about|regarding)\b.{6,}/i.test(l));
  if (at < 0) return null;
  // A footnote's mark glued to the last word: "TO MGWS EXTERNAL ORGANIZATIONS1".
  const unmarked = (l: string) => l.replace(/(?<=[A-Z]{3})\d$/, '');
  const line = unmarked(lines[at] ?? '');
  const next = lines[at + 1] ?? '';
  // A heading in capitals goes on in capitals: "… ORGANIZATIONS1 / ON THE WORK FOR REVISION OF RECOMMENDATION …".
  if (!/[a-z]/.test(line)) {
    const more: string[] = [];
    for (const l of lines.slice(at + 1, at + 4)) {
      if (!l || /[a-z]{2}/.test(l.replace(/\b(?:ITU-[RTD]|[A-Z]\.\d[\w.-]*)\b/g, '')) || l.length > 100) break;
      more.push(unmarked(l));
    }
    return clip([line, ...more].join(' '));
  }
  // "Liaison statement to external organisations" over "Revision of Report ITU-R M.2039": to whom, then on what.
  if (/^(?:reply\s+)?liaison statement to\b/i.test(line) && !/\b(?:on|about|regarding|concerning)\b/i.test(line) && /^[A-Z][^:;]{5,118}$/.test(next) && !/\.$/.test(next) && !/^[\w ]{1,30}:/.test(next)) return clip(`${line} – ${next}`);
  return clip(!/[.:;]$/.test(line) && /^[a-z(]/.test(next) ? `${line} ${next}` : line);
}

/**
 * `title`, or when it is only a form's heading ("LIAISON STATEMENT"), the statement described by who sent it to whom:
 * "Liaison statement from IMTC to SG16".
 */
function describedForm(title: string, liaison: { from: string | null; to: string[] } | null): string {
  if (!liaison?.from || !/^(?:(?:reply |incoming |outgoing )?liaison statement|LS)$/i.test(title)) return title;
  return `Liaison statement ${sentFromTo(liaison.from, liaison.to)}`;
}

/** A report's own heading line: "Report of the 2009 ITU-T Kaleidoscope Academic Conference". */
function reportHeading(text: string): string | null {
  const m = /^[ \t]*((?:Draft\s+)?Report (?:of|on) the\b[^\n]{10,200}?)[ \t]*$/im.exec(text.slice(0, 6000));
  if (!m?.[1]) return null;
  // "report on the nineteenth meeting of working party 5a" over "(Geneva, 6-16 November 2017)".
  const under = /^\n[ \t]*(\([^()\n]{6,80}\))[ \t]*$/m.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 100));
  return clip(under?.index === 0 ? `${m[1]} ${under[1]}` : m[1]);
}

/**
 * A report with no heading of its own, by the meeting its first lines say was held: "The fourth meeting of ITU-T
 * JCA-NID – Joint Coordination Activity on …, took place in Geneva on 18 September 2007" is "Report of the fourth
 * meeting of ITU-T JCA-NID – Joint Coordination Activity on … (Geneva, 18 September 2007)".
 */
function heldMeetingTitle(text: string): string | null {
  const m = /\bThe\s+((?:[\w-]+\s+){0,8}?meeting\s+of\s+[^.]{3,160}?),?\s+(?:was\s+held|took\s+place)\s+(?:in|at)\s+([A-Z][\w'-]+(?:,?\s+[A-Z][\w'-]+){0,2})\s+(?:on|from)\s+([^.,;]{4,40}?(?:19|20)\d{2})\b/.exec(squash(text.slice(0, 3000)));
  return m?.[1] && m[2] && m[3] ? clip(`Report of the ${m[1]} (${m[2]}, ${m[3].replace(/^the\s+/, '')})`, 2 * MAX_TITLE) : null;
}

/** A 3GPP tdoc cover's title, the line under its "Document for:" field: "Revised Minutes for 3GPP TSG-RAN WG1 23rd Meeting". */
function tdocTitle(header: string): string | null {
  const m = /^[ \t]*Document for[ \t]*:[^\n]*\n[ \t]*([A-Z][^\n:]{8,160}?)[ \t]*$/m.exec(header.slice(0, 1500));
  return m?.[1] ? clip(m[1]) : null;
}

/** A draft report's heading in its first lines ("Draft Report of the 15th TSG-RAN WG2 meeting"), before a summary's. */
function draftReportHeading(text: string): string | null {
  const head = text.slice(0, 1200);
  if (/^[ \t]*Draft\s+Report\s+of\s+the\b/im.test(head)) return reportHeading(head);
  // A 3GPP report flattened onto one line: "(3GPP™) DRAFT Meeting Report for TSG CT WG3 meeting: 61 Ljubljana, …".
  return /\b((?:DRAFT\s+)?Meeting\s+Report\s+(?:for|of)\s+(?:the\s+)?TSG\s+[A-Z]{2,4}(?:\s+WG\s?\d{1,2})?\s+meeting\s*:?\s*#?\d{1,3}(?:-?bis|-?e)?)\b/i.exec(head)?.[1] ?? null;
}

/**
 * The heading of a meeting's executive summary or results page, with the bracketed place and dates of the line
 * under it: "Executive Summary of the ITU-T Study Group 16 Meeting (Macao, China, 16-27 October 2017)".
 */
const RUN_ON_SUMMARY = new RegExp(String.raw`^(Executive summary\b.{5,180}?\b\d{1,2}\s+(?:${MONTH_PATTERN})\s+(?:19|20)\d{2})\b`, 'i');

function summaryHeading(text: string): string | null {
  // A cell of a converted table loses its pipes: "|Minutes of the IEEE P802.11 Full Working Group |".
  const lines = text.slice(0, 6000).split('\n').map((l) => l.trim().replace(/^\|+\s*|\s*\|+$/g, '')).filter((l) => l !== '').slice(0, 30);
  // A table of contents' line ("EXECUTIVE SUMMARY……ii") is not the heading.
  // A heading naming a meeting and its collocated events runs long ("Executive Summary of the ITU-T Study Group 20
  // Meeting, Forum on … and Joint Coordination Activity on …"): it is clipped, not passed over; a paragraph is longer still.
  let at = lines.findIndex((l) => /^(?:Executive summary\b|SG\s?\d{1,2} results\b|(?:(?:Draft|Approved|Unapproved)\s+)?Minutes of the\b)/i.test(l) && l.length <= 2 * MAX_TITLE && !/[.;]\s/.test(l) && !/\.{4,}|…{2,}/.test(l));
  // A heading run into the page's first paragraph ("Executive Summary ITU-T SG17 'Security' special e-plenary,
  // 11:00-15:23, 7 January 2022 Objective (ref. Col 13/17): …"): up to its date.
  if (at < 0) {
    const runOn = lines.map((l) => RUN_ON_SUMMARY.exec(l)?.[1]).find((h) => h !== undefined);
    return runOn ? clip(runOn) : null;
  }
  // A page headed "Executive Summary" over its full heading ("Executive Summary of the ITU-T Study Group 20 Meeting and …"): the full one.
  if (/^Executive summary:?$/i.test(lines[at] ?? '') && /^Executive summary of\b/i.test(lines[at + 1] ?? '')) at += 1;
  let heading = (lines[at] ?? '').replace(/:$/, '');
  let rest = at + 1;
  // A narrow column breaks the heading after a word that cannot end it: "Executive summary of" / "the SG13 meeting".
  while (/\b(?:of|the|and|for|on|in|at)$/i.test(heading) && rest < lines.length && (lines[rest] ?? '').length <= 100) heading = `${heading} ${lines[rest++] ?? ''}`;
  const next = lines[rest] ?? '';
  // "Executive summary:" over "Meeting of ITU-T Study Group 2" over "Virtual/Geneva, 4-13 February 2026".
  if (/^\(.*\)$/.test(next) || (/:$/.test(lines[at] ?? '') && next.length <= 100)) return clip(`${heading}${/^\(/.test(next) ? ' ' : ': '}${next}`);
  // A page headed "Executive Summary" alone, over the meeting's name: "ITU-T SG17 'Security' Content Week (Geneva, …)".
  if (/^Executive summary$/i.test(heading) && next.length >= 8 && next.length <= 120 && !/[.;:,]$/.test(next)) return clip(`${heading}: ${next}`);
  return clip(heading);
}

function mergeDeadlines(...lists: Deadline[][]): Deadline[] {
  const out: Deadline[] = [];
  for (const list of lists) {
    for (const d of list) {
      const same = out.find((o) => o.date === d.date && o.category === d.category);
      if (same) {
        if (same.time === null && d.time !== null) {
          same.time = d.time;
          same.timezone = d.timezone;
        }
        continue;
      }
      out.push({ ...d });
    }
  }
  // A bare field ("DUE DATE: 1998-02-06") on the day a sentence gives a deadline of its own kind for is that deadline.
  const bare = (d: Deadline) => d.category === 'other' && /^[\p{L} .]{2,24}:\s*\S[^\n]{0,20}$/u.test(d.action.trim());
  return out
    .filter((d) => !(bare(d) && out.some((o) => o !== d && o.date === d.date && o.category !== 'other')))
    .sort((a, b) => a.date.localeCompare(b.date) || a.category.localeCompare(b.category));
}

/**
 * A study group's statement known by its number in its title ("LS332 - Consent of Recommendation ITU-T G.8113.2 ->
 * PWE3", from ITU-T SG 15): "SG15-LS332".
 */
function lsNumberReference(kind: DocumentKind, title: string | null, from: string | null): string | null {
  const n = kind === 'liaison-statement' && from && /^(?:SG\d{1,2}|TSAG)$/.test(from) ? /^LS\s?(\d{1,4})\b/i.exec(title ?? '')?.[1] : undefined;
  return n ? `${from}-LS${n}` : null;
}

/**
 * The reference `classified` when it is the statement's own number, for a liaison statement from the ITU-T group
 * `sender`: ITU-T numbers a statement by the group that sends it, so another group's number ("SG12-LS73" named in
 * SG11's body, the "SG11-LS 105" of SG12's "LS/r … (SG11-LS 105)") is one it cites, as is a number it answers
 * (`repliesTo`). Then the first number of the sender's own in the header that it does not answer, else `null`.
 * Any other reference, or another kind of document's, is returned as it is.
 */
function ownNumber(classified: ReferenceHit | null, sender: string | null, repliesTo: readonly string[], text: string): ReferenceHit | null {
  if (classified?.kind !== 'liaison-statement' || !sender) return classified;
  const answered = new Set(repliesTo.map((r) => squash(r).toLowerCase().replace(/\s+/g, '')));
  const own = (r: ReferenceHit) => r.kind === 'liaison-statement' && r.group !== null && parentGroup(r.group) === parentGroup(sender) && !answered.has(r.reference.toLowerCase().replace(/\s+/g, ''));
  if (own(classified)) return classified;
  return findReferences(plainHeader(headerOf(text, 45), 45)).find(own) ?? null;
}


/**
 * Parse the text of one document.
 *
 * @example parseDocument(letterText).deadlines[0]  // { date: '2026-03-13', category: 'captioning', … }
 */
export function parseDocument(raw: string): ParsedDocument {
  resetDateCache();
  const text = normalizeText(raw);
  // A flattened header's fields, one a line again ("Subject: … Date: 11-14 September 2007 -----").
  const header = unrunHeader(headerOf(text));
  const { kind, reference: classified } = classify(text);
  const isLetter = LETTER_KINDS.has(kind);
  // A meeting's timetable names it in its heading: "Draft Timetable - ITU-T Study Group 2 Meeting, Geneva, 17-26 September 2013".
  const timetable = kind === 'other' ? (TIMETABLE_HEADING.exec(header)?.[1]?.trim() ?? null) : null;
  // A letter with no Bureau letterhead left ("Subject: Fourteenth Meeting of …" then "Dear Sir,") is a meeting notice.
  // (A meeting's timetable is read as a notice is, but is none: it is filed as a document.)
  // A registration or fellowship page headed by its meeting ("Registration and Fellowship request to 14th TDAG & its
  // Working Groups - Geneva, 28 - 30 January 2009") announces that meeting.
  const registrationPage = kind === 'other' ? (REGISTRATION_HEADING.exec(header.slice(0, 1500))?.[1]?.trim() ?? null) : null;
  const announces = kind === 'other' && (registrationPage !== null || MEETING_NOTICE.test(header) || announcesMeeting(header) || (SUBJECT_MEETING.test(header) && /^\s*Dear\b/im.test(text.slice(0, 8000))));
  const notice = announces || (kind === 'other' && timetable !== null);
  const subject = isLetter || notice ? (letterSubject(header) ?? letterSubject(plainHeader(text, 60)) ?? timetable ?? registrationPage ?? (notice ? announcedHeading(header) : null) ?? unlabelledSubject(header)) : null;
  // Markdown and table copies hide the "Title:" label ("**Title:** Reply LS on …", "| Title: | LS on … |").
  // A converter's cell marker may open the value: "Title: / Template for Question meeting agenda".
  // A letter or two is no title: a masthead spaced out into lines under an empty "Title:" ("J", "OINT", …).
  // (A value's cell markers at its ends are dropped by `fieldValue`.)
  const cell = (v: string | null) => (v && !/^[|/\s-]*$/.test(v) && v.trim().length > 2 ? v : null);
  // A flattened header runs the body's first numbered headings on after the title ("… Services" 1 Results 1.1 Summary …").
  // An ISO/IEC JTC 1 cover writes its labels without a colon: "DOC. TYPE Meeting Report" / "TITLE Meeting Report, the 19th …".
  const coverTitle = /^[ \t]*DOC\. TYPE[ \t]/m.test(header) ? (/^[ \t]*TITLE[ \t]+([^:\s][^\n]{4,300})$/m.exec(header)?.[1]?.trim() ?? null) : null;
  // A form flattened label by label and then value by value: "Title: Date: Location: From: Liaison response to ITU-T
  // Q9/15 from IEEE 802.1 18 March 2010 Orlando, FL …": the first value runs up to the date.
  const labelRun = new RegExp(String.raw`^[ \t]*Title:[ \t]*(?:[A-Z][a-z]+:[ \t]*){2,6}(\S[^\n]{8,200}?)[ \t]+\d{1,2}[ \t]+${MONTH_PATTERN}[ \t]+(?:19|20)\d{2}\b`, 'm').exec(text.slice(0, 2000))?.[1] ?? null;
  // (… nor the first section's number on the line under it: "Report of 1st IoT-GSI TSR Meeting (Friday 13 May 2011)" / "1.".)
  const titleValue = labelRun ?? cell(fieldValue(header, 'Title', 3, true)) ?? cell(fieldValue(plainHeader(text, 60), 'Title', 3, true)) ?? coverTitle;
  // (A flattened copy runs it on into the next page's header: cut before that page's number.)
  const titleField = titleValue === null ? null : beforeNextPage(titleValue).replace(/\s+1\.?\s+[A-Z][\w ]{2,40}?\s+1\.1\.?\s.*$/, '').replace(/(?<=\S)\s+1\.$/, '');
  // An ITU-R heading's "(COPY To WP4B, WP8D and WP8F)" is whom it is copied to, not part of its title.
  const byline = archiveByline(header)?.subject;
  const lsTitle = kind === 'liaison-statement' ? ((trackerTitle(text) ?? mailSubject(header) ?? (byline ? statementSubject(byline) : null) ?? unlabelledTemplate(header)?.title ?? headingTitle(header) ?? CAPITAL_HEADING.exec(header.slice(0, 3000))?.[0])?.replace(/\s*\(COPY\s+To\s+[^()]{2,80}\)\s*$/i, '') ?? null) : null;
  // A memo or mail of any other kind: its "Subject:" ("Subj:") under its "To:"/"From:" lines.
  const memoSubject = kind === 'other' && /^[ \t]*(?:To|From|Date|Sent)[ \t]*:/im.test(header) ? mailSubject(header) : null;
  // An agenda's heading names it and its meeting: read once, for both.
  const agenda = agendaHeading(header);
  const title = subject ?? titleField ?? lsTitle ?? archiveByline(header)?.subject ?? agenda?.heading ?? (kind === 'report' ? (tdocTitle(header) ?? draftReportHeading(text) ?? summaryHeading(text) ?? reportHeading(text) ?? heldMeetingTitle(text)) : kind === 'presentation' ? groupHeading(text) : null) ?? memoSubject ?? titleFromText(text);
  const parsedLiaison = kind === 'liaison-statement' ? parseLiaison(text, null) : null;
  const liaisonGroup = parsedLiaison?.from ? canonicalGroup(parsedLiaison.from) : null;
  // ITU-T numbers only its own statements: its number on another body's statement ("Attachments
  // liaison-response-ITU-T-SG15-LS43" on IEEE 802.1's page) is that of the statement answered.
  const answered = classified?.kind === 'liaison-statement' && parsedLiaison?.from && !liaisonGroup && !/^ITU\b/i.test(parsedLiaison.from) ? classified : null;
  const reference = answered ? null : ownNumber(classified, liaisonGroup, parsedLiaison?.repliesTo ?? [], text);
  const liaisonRaw = parsedLiaison && answered && !(parsedLiaison.repliesTo ?? []).some((r) => squash(r).toLowerCase() === squash(answered.reference).toLowerCase()) ? { ...parsedLiaison, repliesTo: [...(parsedLiaison.repliesTo ?? []), asWritten(raw, answered.reference)] } : parsedLiaison;
  // An incoming liaison from another body (ISO/IEC JTC 1, IETF…) belongs to the one ITU-T group it is addressed to.
  const itu = (parties: readonly string[]) => parties.filter((p) => canonicalGroup(p) !== null);
  const addressee = liaisonRaw && !liaisonGroup && itu(liaisonRaw.to).length === 1 ? (itu(liaisonRaw.to)[0] ?? null) : null;
  // Another Sector's document (a BDT circular, a TDAG report) numbers its groups as ITU-T does: its "Study Group 2" is
  // no ITU-T group.
  const foreign = kind === 'liaison-statement' ? null : otherSector(header);
  // A report too short to name its group often names it in its heading ("SG16 results (Online, …)").
  const headingGroup = kind === 'report' && title ? (findGroups(title)[0]?.group ?? null) : null;
  // A rapporteur's mail to the experts of Questions ("Dear Q12-14/16 experts"): of their study group, its deadlines theirs.
  const addressedTo = kind === 'liaison-statement' || foreign ? [] : addressedQuestions(text);
  const ituGroup = foreign ? null : (documentGroup(text, header, kind, reference?.group ?? null, subject) ?? liaisonGroup ?? addressee ?? headingGroup ?? (addressedTo[0] ? groupOfQuestion(addressedTo[0]) : null));
  const group = ituGroup;
  // A 3GPP change-request form spreads its cells over many lines: its "Date:" cell is far below the first 60.
  const date = documentDate(/^\s*CHANGE REQUEST\s*$/m.test(header) ? unrunHeader(headerOf(text, 150)) : header, kind);

  let meeting: MeetingInfo | null = null;
  let moreMeetings: MeetingInfo[] = [];
  let announced: MeetingInfo | null = null;
  // A flattened letter's fields are read one a line ("Subject: Notice of … in Geneva, Switzerland Date: 11-14 …"),
  // for its meeting, the meetings beside it and their table.
  const flat = isLetter || notice ? unrunHeader(text) : text;
  if (isLetter || notice) meeting = findMeeting(flat, subject, ituGroup);
  // The building it is held in, when the letter names one away from ITU headquarters.
  const venue = meeting && (isLetter || notice) && meeting.place !== 'virtual' ? findVenue(flat.slice(0, 30_000)) : null;
  if (meeting && venue) meeting = { ...meeting, venue };
  if (meeting && subject && (isLetter || notice)) meeting = rapporteurMeeting(meeting, subject, findQuestions(text.slice(0, 6000)).map((q) => q.id));
  const cancels = isLetter || notice ? findCancelledMeeting(flat, subject, ituGroup) : null;
  // A letter announces meetings ahead; one already over when the letter was written is only mentioned.
  // (Kept apart: "Study Group 17, at its meeting in Geneva from 1 to 10 December 2026, agreed …" says when it last met.)
  let over: MeetingInfo | null = null;
  if (meeting && date && meeting.end < date) {
    over = meeting.group ? meeting : null;
    meeting = null;
  } else if (!meeting && isLetter) over = heldMeeting(flat, date);
  else if (kind === 'td' || kind === 'contribution' || kind === 'report') {
    meeting = headerMeeting(header, ituGroup);
    // A report whose header gives no meeting: the one its title or first paragraphs say it reports on (and its town,
    // when the header gave the dates only).
    const reported = kind === 'report' && !meeting?.place ? reportedMeeting(text, title, ituGroup, date) : null;
    if (!meeting) meeting = reported;
    else if (reported && reported.start === meeting.start && reported.end === meeting.end) meeting.place = reported.place;
    // A meeting of no ITU-T group is named as its document names it: "14th Meeting of the Telecommunication …".
    const named = meeting && !meeting.group ? namedMeeting(header) : null;
    if (meeting && named?.start === meeting.start && named.end === meeting.end) {
      meeting.title = named.title;
      meeting.place ??= named.place;
      // A 3GPP agenda's "The meeting will start at 09:00 local time on Monday".
      if (!meeting.startTime && named.startTime) Object.assign(meeting, { startTime: named.startTime, timezone: named.timezone ?? null });
    }
  }
  else if (kind === 'other' && !notice) {
    // A body's notice of its own meeting (a workshop's call for participation, a working group's session) is a notice.
    announced = announcedMeeting(header);
    meeting = announced ?? namedMeeting(header) ?? agenda?.meeting ?? null;
  }
  // A report that counts who took part remotely and who in the room: the meeting was hybrid.
  if (meeting && (kind === 'report' || kind === 'td') && !meeting.format && meeting.place !== 'virtual' && reportsHybrid(text)) meeting = { ...meeting, format: 'hybrid' };
  if (meeting && isLetter) {
    const split = splitMeetings(flat, meeting, foreign ?? 'ITU-T');
    if (split) {
      meeting = split.main;
      moreMeetings = split.more;
    }
  }
  // A table of meetings, one row a group ("Working Party 9A / 23-30 November 2005 / …"): one meeting a row, held where
  // the letter says, and each row's contribution deadline.
  const rows = isLetter || notice ? meetingRows(flat, foreign ?? 'ITU-T') : null;
  if (rows && (meeting || isLetter)) {
    // A letter whose meetings are only in its table ("… convened fully electronically on the dates in the table below").
    const place = findPlace(text.slice(0, 6000));
    const main: MeetingInfo = meeting ?? { group: null, title: '', start: '', end: '', place: place === 'virtual' ? place : null, format: place === 'virtual' ? 'virtual' : null };
    const [first, ...others] = rows.meetings.map((r) => ({ ...r, place: main.place, format: main.format ?? null, registrationTime: main.registrationTime ?? null }));
    if (first) {
      meeting = first;
      moreMeetings = others;
    }
  }
  // A letter convening several groups on one day, each opening at its own hour ("Study Group 4 … will begin its meeting
  // at 0930 hours … Study Group 16 … at 1100 hours"): one meeting a group, each with its own opening.
  if (meeting?.groups && meeting.groups.length > 1 && moreMeetings.length === 0 && !rows) {
    const openings = groupOpenings(flat);
    if (new Set(meeting.groups.map((g) => openings.get(g) ?? null)).size > 1) {
      const { groups, ...one } = meeting;
      const [first, ...others] = groups.map((g): MeetingInfo => ({ ...one, group: g, startTime: openings.get(g) ?? null, timezone: openings.has(g) ? (one.timezone ?? GENEVA_ZONE) : null }));
      if (first) {
        meeting = first;
        moreMeetings = others;
      }
    }
  }
  // A subject naming several meetings, each with its dates: the first is the letter's meeting, the others further ones.
  const named = meeting && subject && moreMeetings.length === 0 && !rows ? subjectMeetings(subject) : [];
  if (meeting && named[0]?.start === meeting.start && named[0].end === meeting.end) {
    const main: MeetingInfo = meeting;
    main.title = named[0].title;
    moreMeetings = named.slice(1).map((m) => {
      const { groups: _groups, ...rest } = main;
      return { ...rest, group: foreign ? null : (findGroups(m.title)[0]?.group ?? null), title: m.title, start: m.start, end: m.end, startTime: null, registrationTime: null, timezone: null };
    });
  }
  // A report's or TD's "The next meeting of Study Group 2 is planned … in Geneva from 24 February to 5 March 2026": the
  // group's next meeting, mentioned (the letter announcing it, once stored, is its authority).
  const sections = kind === 'liaison-statement' ? [] : findDeadlineSections(text);
  const found = kind === 'td' || kind === 'report' ? findEvents(text, meeting, date, sections) : [];
  for (const e of found.filter((x) => NEXT_MEETING.test(x.title) && x.start > (meeting?.end ?? ''))) {
    const of = e.group ?? ituGroup;
    if (of && !moreMeetings.some((m) => m.start === e.start)) moreMeetings.push({ group: of, title: meetingOf(of), start: e.start, end: e.end, place: e.place });
  }
  // A report's list under "Next SG17 meeting:" or "Future meetings": the group's next meetings, mentioned.
  if ((kind === 'report' || kind === 'td') && !foreign && ituGroup) {
    for (const m of listedNextMeetings(text, ituGroup, meeting?.end ?? date)) if (!moreMeetings.some((x) => x.start === m.start && x.end === m.end)) moreMeetings.push(m);
  }
  // A working party's meeting a report or TD says is to be held ("a special WP2/16 Plenary to be held 13 June 2006").
  if ((kind === 'report' || kind === 'td') && !foreign) for (const m of workingPartyMeetings(text, meeting?.end ?? date)) if (!moreMeetings.some((x) => x.start === m.start && x.end === m.end)) moreMeetings.push(m);
  // A Question's own meeting named with its dates (a liaison's "your reply will be considered at the next meeting of
  // Question 13/15 (Ottawa, 12-16 April 2027)"): mentioned, under that Question.
  if (!foreign && kind !== 'presentation') for (const q of questionMeetings(text, date)) if (!moreMeetings.some((m) => m.question === q.question && m.start === q.start)) moreMeetings.push(q);
  // A study group's next meeting a mail, news item or statement names with its dates: mentioned, under that group.
  // (A circular that announces no meeting of its own may name the one that is to approve its texts: "at the next meeting
  // of Study Group 13, to be held in Geneva from 13 to 24 October 2025".)
  if (!foreign && (!isLetter || (kind === 'circular' && !meeting)) && kind !== 'presentation') for (const g of groupMeetingsAhead(text, date)) if (!moreMeetings.some((m) => m.group === g.group && m.start === g.start) && !(meeting?.group === g.group && meeting.start === g.start)) moreMeetings.push(g);
  // A page's table of events with a deadline column (a fellowships page): each event, and what is due for it.
  const eventRows = kind === 'other' || notice ? eventTable(text) : { events: [], deadlines: [] };
  for (const e of eventRows.events) if (!moreMeetings.some((m) => m.start === e.start && m.end === e.end) && !(meeting?.start === e.start && meeting.end === e.end)) moreMeetings.push(e);
  // Further meetings already over when the letter was written are only mentioned, as the main one would be.
  // Groups an agenda or report names with their meeting's dates and town: "TSAG RG-WPR (29 June - 1 July 2016, Geneva)",
  // "FG IMT-2020 (17 – 20 May 2016, Beijing, China)": each a meeting mentioned, under its name.
  if (!foreign && !isLetter && kind !== 'liaison-statement') for (const m of bracketedMeetings(text)) if (!moreMeetings.some((x) => x.start === m.start && x.title === m.title)) moreMeetings.push(m);
  moreMeetings = moreMeetings.filter((m) => !date || m.end >= date);
  // A rapporteur's report of a meeting of Questions, by its title ("Report of the joint Q4/9, Q5/9 and Q13/16
  // Rapporteur meeting in Geneva (28-29 February 2008)"): that meeting, under its Questions, over or not.
  const reported = !meeting && title && !foreign ? reportedRapporteurMeeting(title) : null;
  if (reported && !moreMeetings.some((m) => m.start === reported.start && m.question === reported.question)) moreMeetings.push(reported);
  if (over && !foreign && !moreMeetings.some((m) => m.group === over.group && m.start === over.start)) moreMeetings.push(over);
  // The group's meeting before, as the letter's agenda names it ("Report of the previous meeting (Geneva, 19-28 January
  // 2026)"): mentioned, as one over.
  const before = isLetter && !foreign && meeting?.group ? previousMeeting(flat, meeting.group, date) : null;
  if (before && !moreMeetings.some((m) => m.group === before.group && m.start === before.start)) moreMeetings.push(before);
  if (meeting && foreign) meeting = otherSectorMeeting(meeting, foreign);
  // Another body's meetings it lists ("Date of Next TSG-RAN2 Meetings:"): when a liaison's sender meets next.
  const listed = kind === 'presentation' ? [] : bodyMeetings(text, date, liaisonRaw?.from ?? null);
  // … and those it names in running text ("its next meeting will be held in Geneva from 10 to 19 February 2027").
  const told = kind === 'presentation' || isLetter ? [] : proseBodyMeetings(text, date, liaisonRaw?.from ?? null);
  const others = [...listed, ...told.filter((t) => !listed.some((l) => l.start === t.start && l.body && t.body && bodyKey(l.body) === bodyKey(t.body)))].slice(0, 12);

  const table = parseDeadlineTable(text, sections);
  // "Deadline: -" or "n/a" says there is none: a date the text mentions does not stand for it.
  const noDeadline = kind === 'liaison-statement' && /^(?:-|—|N\/?A|none|nil|not applicable)$/i.test(fieldValue(header, 'Deadline') ?? '');
  // A liaison's header "Deadline:" is its reply date: another date the text gives for a reply (an approval meeting's)
  // does not add a second one.
  const headerDeadline = liaisonRaw?.deadline ?? null;
  const prose = parseProseDeadlines(text, kind, sections).filter((d) => !(d.category === 'liaison-reply' && (noDeadline || (headerDeadline !== null && d.date !== headerDeadline))));
  // A reply date asked for in the text stands for a header "Deadline:" that is missing or says no date.
  const askedReply = prose.filter((d) => d.category === 'liaison-reply' && (!date || d.date >= date)).map((d) => d.date).sort()[0] ?? null;
  const liaison = liaisonRaw ? { ...withUnstatedAction(liaisonRaw, liaisonRaw.deadline ?? askedReply, parsedLiaison ?? liaisonRaw), from: liaisonRaw.from ?? group, deadline: liaisonRaw.deadline ?? askedReply } : null;
  // A header run together on one line leaves the form's heading after the title: "… captioning system LIAISON STATEMENT".
  // A title field run into the body of a flattened text ("Title: Areas for cooperation … WTSA Resolution 2 (Dubai,
  // 2012) in its resolves 2 encourages …") is cut: no title runs on for a page.
  // A cell separator left before a field's value ("TITLE / Revised Draft Agenda …") is no part of it.
  // A body's notice is titled by the meeting it announces, named in its heading ("W3C Workshop on …").
  // A table copy leaves cell pipes around a value ("||| LIAISON STATEMENT | |||"); a form's heading alone names no
  // statement: it is described by its sender and addressees.
  const shownTitle = announced && meeting === announced && announced.title !== 'Meeting' ? clip(announced.title, 2 * MAX_TITLE) : title ? describedForm(clip(title.trim().replace(/^[/|\s]+|[|\s]+$/g, '').replace(/(?<=\S)\s+LIAISON STATEMENT$/, ''), 2 * MAX_TITLE), liaison) || meeting?.title || null : meeting?.title || null;
  const lsDeadline: Deadline[] =
    liaison?.deadline
      ? [{ date: liaison.deadline, time: null, timezone: GENEVA_ZONE, action: `Reply to the liaison statement${shownTitle ? ` "${shownTitle}"` : ''}`, category: 'liaison-reply', derived: false }]
      : [];
  // A document sets no deadline before its own date: such a date is a reminder of the past ("contributions to the
  // previous meeting were due on 3 March 2024").
  const explicit = mergeDeadlines(rows?.deadlines ?? [], table, eventRows.deadlines, lsDeadline, prose).filter((d) => !date || d.date >= date);
  const derived = isLetter && meeting ? deriveRuleDeadlines(text, meeting.start, explicit) : [];

  return {
    // A notice that announces its meeting is filed as what it is.
    kind: (announces && meeting) || (announced && meeting === announced) ? 'meeting-notice' : kind,
    // A circular or notice that names its group only in the meeting it announces belongs to that group.
    group: group ?? (isLetter || notice ? (meeting?.group ?? null) : null),
    reference: reference ? asWritten(raw, reference.reference) : lsNumberReference(kind, title, liaison?.from ?? null),
    date,
    // A letter that lost its subject is named by the meeting it announces.
    title: shownTitle,
    meeting,
    ...(moreMeetings.length > 0 ? { moreMeetings } : {}),
    ...(others.length > 0 ? { bodyMeetings: others } : {}),
    // Letters announce side events; TDs and reports announce ad hoc and rapporteur meetings held during a meeting.
    events: isLetter || notice ? findEvents(text, meeting, date, sections).filter((e) => !moreMeetings.some((m) => m.start === e.start && m.end === e.end)).map((e) => (foreign ? { ...e, group: null } : e)) : kind === 'td' || kind === 'report' ? found.filter((e) => AD_HOC.test(e.title) && !NEXT_MEETING.test(e.title) && !moreMeetings.some((m) => m.start === e.start && m.end === e.end)) : [],
    deadlines: mergeDeadlines(explicit, derived),
    liaison,
    roles: findLeadRoles(text, group),
    recommendations: findRecommendations(text),
    questions: findQuestions(text),
    ...(addressedTo.length > 0 ? { addressedTo } : {}),
    addresses: findAddresses(text),
    revision: findRevision(header),
    ...(cancels ? { cancels } : {}),
  };
}
