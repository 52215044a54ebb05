/**
 * `meeting [group]`: the next meeting of a group (or all upcoming meetings) with its side events. Asked "what time
 * does … open", the answer leads with the opening time in the reader's zone; asked "where is …", with the place.
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import { groupOfQuestion } from '../src/core/groups.ts';
import { defineCommand, type CommandContext, type Reply, type ReplyItem, type SourceRef } from '../src/core/command.ts';
import { CATEGORY_LABELS, eventLabel } from '../src/core/labels.ts';
import { formatDeadline, formatEventTime, formatOpening, formatRange, meetingDay, whenWords } from '../src/core/time.ts';
import type { DeadlineCategory, MeetingInfo } from '../src/core/types.ts';
import { findDates, utcOffsetZone } from '../src/parse/dates.ts';
import { bodyKey } from '../src/parse/meeting.ts';
import { MONTH_PATTERN } from '../src/parse/normalize.ts';
import { citeOf, type MeetingFact } from '../src/store/facts.ts';
import { monthNumber, rangeDays, rangeOf, splitWhen } from './when.ts';
import { meetingsNamed, topicReply } from './topic.ts';
import { cancellationSource, cancelledMeetingName, findScope, parseScope, sourceLabel, sourceOf, uniqueSources, unknownGroupReply, whoMeets, type Scope } from './scope.ts';

const DAY = 86_400_000;

/** A meeting known only from a report or TD that mentions it, no letter announcing it being stored. */
function plannedOnly(m: MeetingFact): boolean {
  return m.authority === 'mention' && !(m.sources ?? [m.source]).some((s) => s.kind === 'collective-letter' || s.kind === 'circular');
}

/** " in Geneva, Switzerland", or " online" for a meeting held virtually; "" with no place. */
function inPlace(place: string | null): string {
  if (!place) return '';
  return place === 'virtual' ? ' online' : ` in ${place}`;
}

function meetingItems(m: MeetingFact, tz: string): ReplyItem[] {
  const source = sourceOf(m.source);
  const opens = m.startTime ? ` — opens ${formatOpening(m, tz)}` : '';
  const registration = m.registrationTime ? `; registration from ${formatOpening({ ...m, startTime: m.registrationTime }, tz)}` : '';
  const format = m.format === 'hybrid' ? ' (hybrid: remote participation offered)' : m.format === 'virtual' ? ' (virtual)' : '';
  const others = (m.sources ?? []).filter((s) => s.docId !== m.source.docId).map((s) => sourceLabel(sourceOf(s)));
  const items: ReplyItem[] = [
    {
      text: `${whoMeets(m)}: ${formatRange(m.start, m.end)}${m.place && m.place !== 'virtual' ? `, ${m.place}` : ''}${format || (m.place === 'virtual' ? ' (virtual)' : '')}`,
      detail: `${m.title}${opens}${registration} [${sourceLabel(source)}${others.length ? `; also in ${others.join(', ')}` : ''}]`,
      source,
    },
  ];
  // Known only from a report or TD that plans it: the letter convening it will say more, and may change it.
  // A Question's own meeting is announced by no letter: only the document naming it is said.
  const known = `known from ${sourceLabel(source)}${others.length ? ` and ${others.join(', ')}` : ''}`;
  if (m.questions && m.questions.length > 1) items.push({ text: `  A joint meeting of ${new Intl.ListFormat('en-GB').format(m.questions)}, ${known}.`, source });
  else if (m.question) items.push({ text: `  ${m.question}'s own meeting, ${known}.`, source });
  else if (plannedOnly(m)) {
    items.push({ text: `  Known from ${sourceLabel(source)} only: no collective letter announcing it is stored.`, source });
  }
  for (const e of m.events) items.push({ text: `  ${eventLabel(e.title)}: ${e.title}`, detail: `${formatEventTime(e, tz)}${e.place ? `, ${e.place}` : ''}`, source });
  return items;
}

/** A meeting's lines with how it is held after the first, for a list asked of that ("are they online?"). */
function withFormat(items: ReplyItem[], m: MeetingFact): ReplyItem[] {
  const [first, ...rest] = items;
  if (!first) return items;
  const said = sourceLabel(sourceOf(m.source));
  const how =
    m.format === 'hybrid' ? 'hybrid: remote participation offered'
    : m.format === 'virtual' || m.place === 'virtual' ? 'online only (virtual)'
    : m.format === 'in-person' ? `in person; ${said} does not say remote participation is offered`
    : `${said} does not say whether remote participation is offered`;
  return [first, { text: `  How it is held: ${how}.`, source: first.source }, ...rest];
}

/** What the asker wants to know first: when it opens, where it is, or everything. */
export type MeetingFocus = 'time' | 'place' | null;

/** Arguments of `meeting`. */
export interface MeetingArgs {
  scope: Scope;
  all: boolean;
  focus: MeetingFocus;
  /** A question about a group's meeting that sgbot cannot answer ("how many registered for the SG13 meeting"). */
  unread: string | null;
  /** The month asked about ("the SG20 May meeting", "in September 2027"): month 1-12, and its year when written. */
  month?: { month: number; year: number | null } | null;
  /** A year asked about without a month ("where was the SG12 meeting in 2019"). */
  year?: number | null;
  /** Asked whether one can take part remotely, or whether it is held in person or online. */
  format?: boolean;
  /** Asked of a meeting that is over ("when did SG17 last meet", "what time did TSAG open in January"). */
  past?: boolean;
  /** "this month" (0) or "next month" (1): the month asked about, counted from the asking day. */
  monthAhead?: number;
  /** Another span asked about ("next week", "in the next two weeks", "between march and may"), read when it runs. */
  when?: string;
  /** Asked for the study group's plenary ("when is the SG17 plenary in 2027"), not a working party's meeting. */
  plenary?: boolean;
  /** Asked whether the meeting was moved ("was the sg13 march meeting postponed"), whether it is still on, or was cancelled. */
  moved?: boolean | 'still-on' | 'cancelled' | 'told';
  /** The kind of side event asked about ("newcomers briefing", "workshop", "side event"), as written. */
  event?: string;
  /** Asked how long the meeting lasts. */
  howLong?: boolean;
  /** Asked how long until it starts ("how many days until the SG11 meeting"). */
  until?: boolean;
  /** Asked whether an event is on a day ("on 2 March"), as written. */
  onDay?: string;
  /** Asked when registration opens, not the meeting. */
  registration?: boolean;
  /** Asked when a side event opens ("what time does the AI-native networks workshop start"). */
  eventTime?: boolean;
  /** Asked whether the meeting is over ("is the WP3/17 meeting over") or under way ("is SG13 in session"). */
  status?: 'over' | 'ongoing';
  /** Asked of a plenary session of the meeting ("when is the sg13 opening plenary"): that session, when announced. */
  session?: 'opening' | 'closing';
}

const meetingArgs = z.object({
  scope: z.custom<Scope>(),
  all: z.boolean(),
  focus: z.enum(['time', 'place']).nullable(),
  unread: z.string().nullable(),
  month: z.object({ month: z.number(), year: z.number().nullable() }).nullable().optional(),
  year: z.number().nullable().optional(),
  format: z.boolean().optional(),
  past: z.boolean().optional(),
  monthAhead: z.number().int().min(0).max(1).optional(),
  plenary: z.boolean().optional(),
  moved: z.union([z.boolean(), z.literal('still-on'), z.literal('cancelled'), z.literal('told')]).optional(),
  when: z.string().optional(),
  event: z.string().optional(),
  howLong: z.boolean().optional(),
  until: z.boolean().optional(),
  onDay: z.string().optional(),
  registration: z.boolean().optional(),
  eventTime: z.boolean().optional(),
  status: z.enum(['over', 'ongoing']).optional(),
  placeAsked: z.boolean().optional(),
  /** Asked why it was moved ("why was it postponed?"): the reason its letter gives. */
  whyMoved: z.boolean().optional(),
  session: z.enum(['opening', 'closing']).optional(),
});

// A month named in a meeting question: "May" only written so, or before a year or "meeting" ("may I …" is no month).
const ASKED_MONTH = new RegExp(
  String.raw`\b(?:(January|February|March|April|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)|(may)(?=\s+(?:(?:19|20)\d{2}|meetings?|mtg)\b)|(May))\b\.?(?:\s+((?:19|20)\d{2}))?`,
  'i',
);

/** The month a meeting question names, or `null`. */
function askedMonth(text: string): { month: number; year: number | null } | null {
  const m = ASKED_MONTH.exec(text);
  if (!m) return null;
  // "May" alone counts only as written with its capital; "may" before a year or "meeting" in any case.
  if (m[3] && m[3] !== 'May') return null;
  const month = monthNumber(m[1] ?? m[2] ?? m[3] ?? '');
  return month > 0 ? { month, year: m[4] ? Number(m[4]) : null } : null;
}

/** A word that makes a span of days or weeks of a meeting question ("next week", "in the next ten days", "today"). */
const SPAN = /\b(?:weeks?|days?|today|tomorrow|fortnight|weekend)\b|\b(?:\d{1,2}|two|three|four|five|six|several|few)\s+months\b|\bend\s+of\s+(?:the\s+|this\s+)?(?:year|(?:19|20)\d{2})\b|\bend\s+of\s+Dec(?:ember)?\b/i;
// Days of one month: "between 1 and 20 July", "from 1 to 20 July", "1-20 July" (a span, not the whole month).
const DAYS_OF_MONTH = new RegExp(String.raw`\b(?:(?:between|from)\s+)?\d{1,2}(?:st|nd|rd|th)?\s*(?:and|to|-|–)\s*\d{1,2}(?:st|nd|rd|th)?\s+(?:${MONTH_PATTERN})\b(?:\s+\d{4})?`, 'i');

/** Words of a meeting question that are not the group: "what time does the … meeting open", "where will … be held". */
const QUESTION_WORDS =
  /(?:^|\s)(?:what|time|when|where|which|is|are|does|do|will|be|being|get|gets|held|take|takes|place|venue|location|open|opens|opening|start|starts|starting|begin|begins|beginning|session|plenary|first|day|meet|it|at|on|and|there|a|an|any|newcomers?'?|briefings?|workshops?|trainings?|hackathons?|forums?|side|events?|dates?|days?|around|still|happening|happen|going|ahead|scheduled|planned|confirmed|cancell?ed|postponed|called|off|moved|rescheduled|why|was|were|-|–|&|or|in|person|in-person|hybrid|virtual|virtually|online|remote|remotely|format|can|i|we|join|attend|participate|registration|geneva|headquarters|hq|coming|up|upcoming|soon|participation|did|last|previous|most|recent|latest|met|opened|started|began|took|this|month|before|after|preceding|preceded|following|followed|alongside|prior|during|mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|morning|afternoon|first|all|every|that|then|one|again)(?=\s|$)/gi;
// "in April 2018", "in 2018": when the meeting asked about is; the answer gives the next one and its dates.
const MONTH_YEAR = new RegExp(String.raw`\b(?:(?:in|of|for|during)\s+)?(?:${MONTH_PATTERN}\.?\s+)?(?:19|20)\d{2}\b|\b(?:(?:in|during)\s+)?${MONTH_PATTERN}\b\.?`, 'gi');

/**
 * Read "what time does the SG13 meeting open" (the whole question, as the intents pass it) or "SG13" (after
 * /meeting) into a scope and what to answer first.
 */
export function parseMeetingText(input: string, clock?: { now: number; tz: string }): MeetingArgs {
  // "is the AI-native networks workshop on 2 March?": whether an event is on the day asked (the day is no month asked).
  const onDay = /^\s*(?:is|will|does)\b/i.test(input) && SIDE_EVENT.test(input) ? ON_DAY.exec(input) : null;
  const rest = onDay ? input.slice(0, onDay.index) : input;
  const all = /(?:^|\s)--?all\b/i.test(rest);
  const days = DAYS_OF_MONTH.exec(rest.slice(0, 300))?.[0];
  const month = days ? null : askedMonth(rest.length > 300 ? rest.slice(0, 300) : rest);
  // "in 2019", "sg20 2027 meeting" with no month: that year's meetings (not a year in a reference: "TD 2027/WP1").
  const yearOnly = month === null && !days ? /(?<![\w/.-])((?:19|20)\d{2})(?![\w/.-])/.exec(rest.slice(0, 300).replace(/\b(?:TD|C|LS|R|No\.?|Doc(?:ument)?)\s*\d{4}\b/gi, ' ')) : null;
  // "last year", "this year", "next year": the asker's year, counted from the asking day.
  const relativeYear = month === null && !yearOnly && !days ? /\b(last|this|next)\s+year\b/i.exec(rest.slice(0, 300))?.[1]?.toLowerCase() : undefined;
  const thisYear = DateTime.fromMillis(clock?.now ?? Date.now(), { zone: clock?.tz ?? 'UTC' }).year;
  const year = yearOnly ? Number(yearOnly[1]) : relativeYear ? thisYear + (relativeYear === 'last' ? -1 : relativeYear === 'next' ? 1 : 0) : null;
  // "and how long does it last": answered from its dates.
  const until = UNTIL.test(rest);
  const howLong = !until && HOW_LONG.test(rest);
  const text = (days ? rest.replace(DAYS_OF_MONTH, ' ') : rest)
    .replace(UNTIL, ' ')
    .replace(HOW_LONG, ' ')
    .replace(/(?:^|\s)--?all\b/gi, ' ')
    .replace(/[?!.]+\s*$/, '')
    .replace(/[?!]+/g, ' ')
    .replace(MONTH_YEAR, ' ')
    // "find the next SG13 meeting", "please show me SG20's meetings": the request words around the question.
    .replace(/^\s*(?:please\s+)?(?:find|show|give|tell|list|get)(?:\s+(?:me|us))?\s+/i, ' ')
    // "what time does SG5 start for me", "… in my time zone": the reader's zone, which every answer uses.
    .replace(/\s+(?:for\s+(?:me|us)|in\s+my\s+(?:local\s+)?time(?:\s*zone)?|(?:in\s+)?(?:my\s+)?local\s+time)\b/gi, ' ')
    // "what will SG5 do at the september meeting": what it will work on.
    .replace(/^(\s*what\s+(?:will|is|are|does)\s+.{1,40}?\s)(?:do|doing|going to do)(?=\s+(?:at|during|in)\b|\s*$)/i, '$1work on')
    // "what's SG15 working on at its next meeting": what it will work on.
    .replace(/^(\s*what)(?:'s|’s|\s+is|\s+are)\s+(.{1,40}?)\s+working\s+on\b/i, '$1 will $2 work on');
  // A question about a side event ("newcomers briefing sg20 what time") is answered with the meeting and its side
  // events, the meeting's own opening not put first.
  // "workshops or side events": side events of every kind.
  const sideEvent = /\bside events?\b/i.exec(text)?.[0] ?? SIDE_EVENT.exec(text)?.[0];
  const focus: MeetingFocus = sideEvent
    ? null
    : /\bwhat time\b|\b(?:open|opens|opening|start|starts|starting|begin|begins)\b/i.test(text)
    ? 'time'
    : /\bwhere\b|\b(?:venue|location|place)\b/i.test(text)
      ? 'place'
      : null;
  const relative = month === null ? /\b(this|next)\s+month\b/i.exec(rest.slice(0, 300))?.[1]?.toLowerCase() : undefined;
  // A span of days or weeks ("any meetings next week", "in the next two weeks", "today"): read as the deadlines read it.
  // (chrono is run only when such a word is there: most meeting questions have none.)
  const spanned = days ? { when: days, rest: text } : month === null && year === null && relative === undefined && text.length <= 300 && SPAN.test(text) ? splitWhen(text) : null;
  const when = spanned?.when && (days || SPAN.test(spanned.when)) ? spanned.when : undefined;
  const words = (when ? (spanned?.rest ?? text) : text).replace(/^\s*what(?:'s|’s)/i, ' ').replace(QUESTION_WORDS, ' ').replace(QUESTION_WORDS, ' ');
  const scope = parseScope(withoutParentOfParty(words));
  // A known group among words that are not about when or where: a question about the meeting sgbot cannot answer.
  const named = scope.kind === 'unknown' ? findScope(words).scope : null;
  const asksFormat = /\b(?:remote(?:ly)?|hybrid|virtual(?:ly)?|online|in[- ]person|e-?meeting|physical(?:ly)?|face[- ]to[- ]face)\b/i.test(rest.slice(0, 300));
  // "when did SG17 last meet", "the previous TSAG meeting", "what time did TSAG open in January": a meeting over.
  // "was the sg13 march meeting postponed" asks of a meeting to come, whatever its tense.
  const past = !/\bnext\b/i.test(rest) && !/\b(?:does|will|would) (?:it|the meeting) last\b|\blasts?\s*(?:for\b|[?!.]*$)/i.test(rest) && !/\b(?:postponed|moved|rescheduled|delayed|deferred)\b/i.test(rest) && /\b(?:last|previous|most recent|latest)\b|^\s*(?:what time|when|where|how)\s+(?:did|was|were)\b|\b(?:did|was|were)\b[^?]*\b(?:open|opened|start|started|begin|began|meet|met|meeting|held|take place|took place|happen|happened)\b|\b(?:attended|took part|participated)\b/i.test(rest.slice(0, 300));
  // "the SG17 plenary", "is there a plenary of study group 17": the study group's own meeting ("the opening plenary" is
  // a session of any meeting).
  const plenary = /\bplenar(?:y|ies)\b/i.test(text) && !/\b(?:opening|closing)\s+plenar/i.test(text);
  const session = /\b(opening|closing)\s+plenar(?:y|ies)\b/i.exec(text)?.[1]?.toLowerCase() as 'opening' | 'closing' | undefined;
  // "is the SG13 meeting in March still going ahead?" asks the same, the other way round.
  const stillOn = /\bstill\b.{0,40}\b(?:on|going ahead|happening|taking place|planned|scheduled|held)\b|\bgoing ahead\b/i.test(text) && /^\s*(?:is|are|will|does|do)\b/i.test(text);
  // "was WP1/2 cancelled", "which meetings were cancelled", "has the SG2 meeting been called off".
  const cancelAsked = !stillOn && ((/\b(?:cancell?ed|called off)\b/i.test(text) && /^\s*(?:was|were|is|are|has|have|did)\b/i.test(text)) || /^\s*(?:which|what|any)\s+(?:\w+\s+)?meetings?\s+(?:were|was|have been|has been|are|is|got)\s+(?:cancell?ed|called off)\b/i.test(text));
  // "is the WP3/17 meeting over", "has the TSAG meeting finished", "is the SG13 meeting under way".
  // (The word ends the question: "is the TSAG meeting done in English?" asks something else.)
  const status = !stillOn && /^\s*(?:is|are|has|have|did)\b/i.test(text)
    ? /\b(?:meetings?|sessions?|plenary|workshop|forum|it|SG\s?\d{1,2}|TSAG|WP\s?\d\/\d{1,2})(?:\s+(?:in|at|of)\s+[\p{L}'’-]+(?:\s+[\p{L}'’-]+)?)?\s+(?:already\s+)?(?:over|finished|ended|done|closed)(?:\s+(?:yet|already|now))?\s*$/iu.test(text)
      ? ('over' as const)
      : /\b(?:under\s?way|ongoing|in session|in progress|going on|happening (?:now|today))(?:\s+(?:yet|already|now))?\s*$/i.test(text)
        ? ('ongoing' as const)
        : null
    : null;
  // "is SG12 meeting in Tunis again?", "will the SG13 meeting be held in Geneva": yes or no, of its place.
  const placeAsked = /^\s*(?:[Ii]s|[Aa]re|[Ww]ill|[Dd]oes|[Dd]o)\b.{0,60}?\b(?:meet(?:ing|s)?|(?:be\s+)?held|take place|taking place)\s+(?:again\s+)?(?:in|at)\s+\p{Lu}/u.test(text);
  // "what happened to the SG13 meeting planned for March": told what became of it, no yes or no.
  const toldWhat = /^\s*what\s+(?:happened|has happened|is happening)\s+(?:to|with)\b.*\bmeeting\b/i.test(text);
  // "why was it moved?", "why has the SG13 meeting been postponed": the reason the letter gives.
  // (Not when more is asked beside it: "why was SG13 postponed and do I need to re-register?" is read for both.)
  const whyMoved = /^\s*why\b.*\b(?:postponed|moved|rescheduled|delayed|deferred|pushed back|changed)\b(?!.*\band\b)/i.test(text);
  // ("what dates was the workshop moved to?", "when was it rescheduled to": the new dates, as a yes.)
  const movedTo = /^\s*(?:when|what\s+(?:dates?|days?)|which\s+(?:dates?|days?)|to\s+(?:what|which)\s+(?:dates?|days?))\b.*\b(?:moved|postponed|rescheduled|changed|pushed back)\s+(?:to|until)\s*[?!.]*$/i.test(text);
  const moved = whyMoved || stillOn || cancelAsked || toldWhat || movedTo || (/\b(?:postponed|moved|rescheduled|delayed|deferred|pushed back)\b|^\s*did\b.*\b(?:move|change)\b/i.test(text) && /^\s*(?:was|were|is|has|have|did)\b/i.test(text));
  const asked = { month, ...(year === null ? {} : { year }), ...(plenary ? { plenary: true } : {}), ...(session ? { session } : {}), ...(moved ? { moved: stillOn ? ('still-on' as const) : cancelAsked ? ('cancelled' as const) : toldWhat || movedTo ? ('told' as const) : true } : {}), ...(asksFormat ? { format: true } : {}), ...(past ? { past: true } : {}), ...(relative ? { monthAhead: relative === 'next' ? 1 : 0 } : {}), ...(when ? { when } : {}), ...(sideEvent ? { event: sideEvent } : {}), ...(howLong ? { howLong: true } : {}), ...(until ? { until: true } : {}), ...(onDay?.[1] ? { onDay: onDay[1] } : {}), ...((focus === 'time' || sideEvent) && /\b(?:registration|badges?|register)\b/i.test(text) ? { registration: true } : {}), ...(status ? { status } : {}), ...(sideEvent && /\bwhat time\b|\b(?:open|opens|opening|start|starts|starting|begin|begins)\b/i.test(text) ? { eventTime: true } : {}), ...(placeAsked ? { placeAsked: true } : {}), ...(whyMoved ? { whyMoved: true } : {}) };
  // Asked only whether it is still on, moved or cancelled: nothing is left unread ("is the SG2 working party meeting in
  // March still happening").
  if (named && named.kind !== 'unknown') return { scope: named, all, focus, unread: moved ? null : text.trim(), ...asked };
  return { scope, all, focus, unread: null, ...asked };
}

/** "how long does it last", "how many days is the meeting": its length, read from its dates. */
/** "how many days until the SG11 meeting starts", "how long until TSAG", "how much time is left before SG20". */
const UNTIL = /,?\s*(?:and\s+)?(?:how (?:many|much) (?:more )?(?:days|weeks|time)|how long)\s+(?:(?:is it|are there|do (?:we|I) have|is left|are left|left)\s+)?(?:until|till|til|before)\b/i;
const HOW_LONG = /,?\s*(?:and\s+)?(?:how long|how many days|for how (?:long|many days))(?:\s+(?:does|will|is|are))?(?:\s+it)?(?:\s+(?:last|take|run))?\b/i;

/** The day or days a question asks an event is on: "… on 2 March?", "… still on 2-3 March 2026". */
const ON_DAY = new RegExp(String.raw`\s+(?:still\s+)?(?:be\s+)?(?:on|held on|taking place on|happening on|take place on)\s+((?:\d{1,2}(?:st|nd|rd|th)?\s*(?:[-–]|and|to)\s*)?\d{1,2}(?:st|nd|rd|th)?\s+(?:${MONTH_PATTERN})\.?(?:\s+(?:19|20)\d{2})?)\s*[?!.]*$`, 'i');

/** What a question asks about that a letter sets a deadline for: interpretation, captioning, visas, fellowships. */
const ASKED_DEADLINE: ReadonlyArray<readonly [RegExp, DeadlineCategory]> = [
  [/\binterpret/i, 'interpretation'],
  [/\bcaption/i, 'captioning'],
  [/\bvisas?\b/i, 'visa'],
  [/\bfellowships?\b/i, 'fellowship'],
  [/\bregist(?:er|ration)\b/i, 'registration'],
];

/** The kinds of side event a question names, one list for every pattern that reads them. */
const EVENT_KINDS = String.raw`briefings?|workshops?|hackathons?|trainings?|forums?|seminars?|symposi(?:um|a)|clinics?|webinars?|tutorials?|receptions?`;

/** A title that names a kind of side event: a workshop or forum announced on its own. */
const EVENT_TITLE = new RegExp(String.raw`\b(?:${EVENT_KINDS})\b`, 'i');

/** A kind of side event named in a question: "newcomers' briefing", "workshop", "side events". */
const SIDE_EVENT = new RegExp(String.raw`\b(?:newcomers?['’]?\s+(?:briefings?|sessions?|orientations?)|side events?|${EVENT_KINDS})\b`, 'i');

/** "is the AI-native networks workshop on 2 March?", "will the circular economy workshop still be held on 11 September" */
const EVENT_ON_DAY_ASKED = new RegExp(String.raw`^(?<arg>(?:is|will) (?:the )?.{2,100}?\b(?:${EVENT_KINDS})\b.*?\s(?:still\s+)?(?:be\s+)?(?:on|held on|taking place on|happening on|take place on)\s+\d{1,2}\b.*)$`, 'i');

/** "is the AI-native networks workshop still on?", "is the circular economy forum still going ahead" */
const EVENT_STILL_ON_ASKED = new RegExp(String.raw`^(?<arg>(?:is|are|will) (?:the )?.{2,100}?\b(?:${EVENT_KINDS})\b.*?\bstill\b.{0,40}\b(?:on|going ahead|happening|taking place|planned|scheduled|held)\b.*)$`, 'i');

/** Whether a side event's title is of the kind asked ("newcomers briefing" is any newcomers' session; "side event" any). */
function eventOfKind(title: string, kind: string): boolean {
  if (/^side events?$/i.test(kind)) return true;
  if (/^newcomer/i.test(kind)) return /\bnewcomers?\b/i.test(title);
  return new RegExp(`\\b${kind.replace(/s$/i, '')}`, 'i').test(title);
}

/** Words of a question about another body's meetings that do not name it. */
const NOT_A_BODY = /^(?:when|where|what|which|is|are|was|were|the|a|next|upcoming|coming|future|meetings?|meet|meets|does|do|did|will|of|in|on|at|and|its|their|dates?|schedule|calendar|held|plenary|\d{4}|[?!.,]+)$/i;

/**
 * The meetings of a body outside ITU-T that `text` names ("when does 3GPP SA2 meet next", "MEF meetings"), as the
 * stored documents list them (a liaison's "Date of Next … Meetings"): those to come, else the last listed; `null`
 * when no document lists any for a name in it.
 */
async function bodyMeetingsReply(ctx: CommandContext, text: string): Promise<Reply | null> {
  const words = text.split(/\s+/).filter((w) => w !== '' && !NOT_A_BODY.test(w)).slice(0, 6);
  // The longest run of words that names a body: "3GPP TSG SA WG2" before "SA".
  for (let n = Math.min(4, words.length); n >= 1; n--) {
    for (let i = 0; i + n <= words.length; i++) {
      const name = words.slice(i, i + n).join(' ');
      const key = bodyKey(name);
      if (!key) continue;
      const ahead = await ctx.store.bodyMeetings(key, ctx.now - DAY, 6);
      const shown = ahead.length > 0 ? ahead : (await ctx.store.bodyMeetings(key, 0, 50)).slice(-3);
      if (shown.length === 0) continue;
      const body = shown[0]?.body ?? name;
      return {
        ok: true,
        title: `${ahead.length > 0 ? 'Next meeting' : 'Last meeting listed'} of ${body}: ${((m) => `${formatRange(m?.start ?? '', m?.end ?? '')}${m?.place ? `, ${m.place}` : ''}`)(ahead.length > 0 ? shown[0] : shown.at(-1))}`,
        sections: [{ items: shown.map((m) => ({ text: `${m.title}: ${formatRange(m.start, m.end)}${m.place ? `, ${m.place}` : ''}`, detail: `listed in ${sourceLabel(sourceOf(m.source))}`, source: sourceOf(m.source) })) }],
        notes: [
          ...(ahead.length > 0 ? [] : [`No meeting of ${body} to come is listed in a stored document; these are the last ones listed.`]),
          `${body} is not an ITU-T group: these are the meetings its documents list (a liaison's "next meetings"); its own calendar is the reference.`,
        ],
        sources: uniqueSources(shown.map((m) => sourceOf(m.source))),
        data: { body, key, meetings: shown },
      };
    }
  }
  return null;
}

/**
 * What the letter announcing `m` says of registering for its side event of `kind` ("No registration is needed"), in
 * its words, as a note; none when no sentence names both.
 */
async function registrationSaid(ctx: CommandContext, m: MeetingFact, kind: string): Promise<string[]> {
  const text = m.source.docId ? ((await ctx.store.getText(m.source.docId)) ?? '') : '';
  const stem = kind.toLowerCase().replace(/s$/, '');
  const sentences = text.slice(0, 60_000).replace(/\s+/g, ' ').split(/(?<=[.!?])\s+(?=[A-Za-z0-9])/);
  const at = sentences.findIndex((x) => x.length <= 400 && x.toLowerCase().includes(stem));
  // The sentence naming the event, or the one after it ("… a contribution clinic … . No registration is needed").
  const said = [sentences[at], sentences[at + 1]].find((x) => x !== undefined && x.length <= 400 && /\bregist(?:er|ration)\b/i.test(x));
  return at >= 0 && said ? [`${sourceLabel(sourceOf(m.source))}: "${said.trim()}"`] : [];
}

/** Words of a question about a meeting that say nothing of what is asked. */
const PLAIN_WORDS = new Set(
  'what when where which who whom how why is are was were be been do does did can could would should will shall may might must have has had there here this that these those the a an of on in at to for from by with about and or not any some my our your their me us you we they i it its meeting meetings next upcoming study group sg tsag question session sessions plenary please tell know need want get geneva time day days date dates many much number people since because still already also just now then letter letters say says said about mention mentions'.split(' '),
);

const HOW = /\b(?:online|via|through|form|homepage|web ?site|web page|page|https?:\/\/|e-?mail|contact)\b/i;

/**
 * Whether a question asks more of a meeting than when, where and who ("is there a fee", "do I need a visa"), beside
 * the words that name it. Words of three letters a letter may say ("fee", "pay") count, as letterSays reads them.
 */
function asksMore(unread: string): boolean {
  const words = unread.toLowerCase().replace(/\btak(?:e|es|ing)\s+place\b/g, ' ').split(/[^\p{L}\p{N}-]+/u);
  return words.some((w) => isAskedWord(w) && !ONLY_WHEN_WORDS.has(w));
}

/**
 * Whether a word of a question asks something of a meeting, not only says which: four letters or more, or three a
 * letter may say ("fee", "pay"); not a plain word, a naming word or a group's number.
 */
function isAskedWord(w: string): boolean {
  return (w.length >= 4 || SAID_AS.some(([re]) => re.test(w))) && !PLAIN_WORDS.has(w) && !NAMING_WORDS.test(w) && !/^(?:sg|q|wp)?\d/.test(w) && !GROUP_NUMBER_WORD.test(w);
}

/** A group's number spelled out ("study group twenty", "SG seventeen"): part of its name. */
const GROUP_NUMBER_WORD = /^(?:two|three|five|nine|eleven|twelve|thirteen|fifteen|sixteen|seventeen|twenty|twenty-one)$/;

/** Words that only say when or who of a meeting asked about: "later this year", "right now", "for SG2 delegates". */
const ONLY_WHEN_WORDS = new Set([
  ...['later', 'year', 'right', 'today', 'tomorrow', 'currently', 'moment', 'soon', 'again', 'even', 'actually', 'exactly', 'local'],
  ...['delegates', 'participants', 'experts', 'members', 'someone', 'anyone', 'everyone'],
  ...['held', 'meet', 'meets', 'meeting', 'taking', 'happen', 'happens', 'happening', 'start', 'starts', 'starting', 'begin', 'begins', 'opening', 'open', 'opens', 'kick', 'kicks'],
]);

/** Words of a question that say which meeting it is about, not what is asked of it. */
const NAMING_WORDS = /^(?:rapporteurs?|interim|joint|rgm|cancell?ed|postponed|moved|rescheduled|happens?|happening|working|party|regional|april|march|june|july|august|september|sept|october|november|december|january|february|planning|planned|going)$/;

/** How a letter words what a question asks with another word: the question's stem, and what else says it. */
const SAID_AS: ReadonlyArray<readonly [RegExp, RegExp]> = [
  // (Not a deadline for translating contributions: "Submit … contributions for which translation is requested".)
  [/^interp/, /\b(?:English only|languages?|translat\w*\s+(?:into|between|in|from)\b|translation and interpretation)/],
  [/^langua/, /\b(?:English only|interpret|translat)/],
  [/^(?:recs?|recomm)/, /\bRecommendations?\b|\bITU-T [A-Z]\.\d/],
  [/^(?:free|cost|fee|pay|paid|price|charg)/, /\b(?:free of charge|fees?|no charge|charges?|costs?)\b/],
  [/^(?:remote|online|virtual|hybrid|zoom|webex)/, /\b(?:remote(?:ly)?|online|virtual(?:ly)?|hybrid|e-?meeting|MyMeetings)\b/],
  [/^(?:lunch|food|meal|coffee|catering)/, /\b(?:lunch|catering|coffee|meals?|refreshments?)\b/],
  [/^(?:badge|pass)/, /\b(?:badges?|passes|registration desk)\b/],
  [/^(?:room|hall|salle)/, /\b(?:rooms?|halls?|salles?)\b/],
  // "what's the weather like in Tunis": a letter for a meeting away from Geneva gives the climate.
  [/^(?:weather|temperat|climat|cold|warm|hot|rain)/, /\b(?:temperatures?|climate|weather|°C)\b/],
  // "do I need a vaccine": a letter gives the health rules of the host country.
  [/^(?:vaccin|yellow|health|medical)/, /\b(?:vaccinat\w*|vaccines?|yellow fever|health|medical)\b/],
  // "do I need to register again": a letter says registrations "remain valid and need not be repeated".
  [/^(?:again|repeat|re-?regist)/, /\b(?:again|repeat\w*|remain valid|re-?regist\w*)/],
  // "what will they approve": a letter says which texts it will consent, determine or agree.
  [/^(?:approv|adopt|consent|determin|agree|decid)/, /\b(?:approv|adopt|consent|determin|agree)\w*/],
  // "what is SG3 going to discuss", "what will WP3/17 work on": what the letter says the meeting will do.
  [/^(?:discus|work|topic|agenda|cover|consider|focus|plan)/, /\bwill (?:consider|discuss|examine|focus|address|progress|study|work|review|continue|consent|determine|approve|finali[sz]e)\b|\b(?:expects?|plans?|intends?|aims?) to\b|\b(?:is|are) (?:planned|expected|invited) to\b|\bagenda\b/],
];

/** Whether `question` names the event titled `title`: two of its words of five letters or more, or its kind word. */
function eventNamedIn(title: string, question: string): boolean {
  const asked = new Set(question.toLowerCase().split(/[^\p{L}\p{N}-]+/u));
  const words = title.toLowerCase().split(/[^\p{L}\p{N}-]+/u).filter((w) => w.length >= 5);
  return words.filter((w) => asked.has(w)).length >= 2 || /\b(?:workshops?|forums?|seminars?|symposium|briefings?|clinics?|webinars?|hackathons?|trainings?|tutorials?|sessions?|receptions?)\b/i.test(question);
}

/** A word's stem for finding it in a letter: "registration" and "register" are one ("regist"), "badges" and "badge". */
function stemOf(word: string): string {
  const w = word.toLowerCase();
  return w.length >= 8 ? w.slice(0, 6) : w.replace(/(?:es|s|ing|ed)$/, '');
}

/**
 * The sentences of a letter that name the words a question asks about (at most three, those naming the most first),
 * each as the letter writes it.
 */
function letterSays(text: string, question: string, counts = false, naming = ''): string[] {
  // A count ("how many delegates registered") is not in a letter announcing a meeting; a report gives some.
  if (!counts && /^\s*how (?:many|much)\b/i.test(question)) return [];
  // Words that only say which meeting ("the cancelled WP1/2 meeting", "the postponed one") ask nothing of it.
  // Three letters are enough for what a letter may name in its own words ("fee", "pay").
  const asked = [...new Set(question.toLowerCase().split(/[^\p{L}\p{N}-]+/u).filter(isAskedWord).map(stemOf))];
  // … nor do the words of the meeting's or its side events' titles ("the SG5 workshop on circular economy": do I
  // register separately), unless they are all that is asked.
  const named = naming.toLowerCase();
  const stems = asked.some((st) => !named.includes(st)) ? asked.filter((st) => !named.includes(st)) : asked;
  if (stems.length === 0) return [];
  // Wrapped lines are joined into their sentence; a table's row (cells split by tabs) stays a line of its own.
  const sentences = text
    .slice(0, 60_000)
    // (A list's next item starts a line of its own: "-  Host focal point: …" after "-  Venue: …".)
    .replace(/([^\t\n])[ ]*\n(?![ \t]*\n)(?![^\n]*\t)(?![ \t]*(?:[-–•*]|\d{1,2}[.)]|[a-z]\))[ \t])[ \t]*/g, '$1 ')
    .split(/\n|(?<=[.!?])\s+(?=[A-Z0-9])/)
    .map((s) => s.replace(/\s+/g, ' ').trim().replace(new RegExp(String.raw`^\d{1,2}(?:\.\d{1,2})*\.?\s+(?!${MONTH_PATTERN}\b)(?=\p{Lu})`, 'u'), ''))
    // Not a contents list ("Contents 1 Opening of the meeting 2 Attendance …"), whose headings name everything.
    .filter((s) => s.length >= 30 && s.length <= 300 && !/^(?:table of )?contents\b/i.test(s));
  // A word asked is found as the letter words it too: "interpreted" in "held in English only", "free" in "free of charge".
  // ("work on" is not found in "Working Party".)
  // A short stem is a whole word ("work" is not "workshop").
  // (A stem cut from "-es", "badg" of "badges", is found as "badge" too.)
  const patterns = stems.map((st) => new RegExp([st.length <= 4 ? String.raw`\b${RegExp.escape(st)}(?:e|s|es|ed|ing)?\b(?!\s+(?:part|group))` : String.raw`\b${RegExp.escape(st)}(?!ing\s+(?:part|group))`, ...SAID_AS.filter(([re]) => re.test(st)).map(([, alt]) => alt.source)].join('|'), 'i'));
  // A thing asked that the letter says in no sentence (a fee, lunch, a badge): it does not say it, whatever else the
  // question's words find ("registration fee" finds registration).
  if (stems.some((st, i) => SAID_AS.some(([re]) => re.test(st) && !/^(?:interp|langua|recs?|recomm|remote|online|virtual|hybrid)/.test(st)) && !sentences.some((x) => patterns[i]?.test(x)))) return [];
  const scored = sentences
    .map((s, i) => ({ s, i, hits: patterns.filter((re) => re.test(s)).length }))
    .filter((x) => x.hits > 0);
  // A sentence about the thing asked names it early ("Pre-registration (online, SG5 homepage)"); for "how do I …",
  // one that says where or through what comes first.
  const how = /^\s*how\b/i.test(question);
  const early = (x: { s: string }) => stems.some((st) => x.s.slice(0, 40).toLowerCase().replace(/\bworking\s+part(?:y|ies)\b/g, '').includes(st));
  const score = (x: { s: string; hits: number }) => x.hits * 4 + (early(x) ? 2 : 0) + (how && HOW.test(x.s) ? 1 : 0);
  scored.sort((a, b) => score(b) - score(a) || a.i - b.i);
  // One of one or two words asked, two thirds of more; the sentences naming the most come first.
  const need = stems.length <= 2 ? 1 : Math.ceil((stems.length * 2) / 3);
  return scored
    .filter((x) => x.hits >= need)
    .slice(0, 3)
    .map((x) => x.s);
}

/** A question about what a past meeting did: "what happened at the SG2 July meeting", "outcome of the last SG13 meeting". */
const OUTCOME = /\b(?:what happened|happened at|outcomes?|results?|what (?:was|were|did (?:it|they|the \w+|[\w/-]+)) (?:decided?|agreed?|approved?|consented?|adopted?|achieved?)|decisions?|came out of|how did .{1,60}? go|report (?:of|from|on) (?:the |that )?(?:last |previous |latest )?(?:\w+ )?meeting|minutes)\b/i;

/** A question about a meeting that is over. */
const PAST_TENSE = /\b(?:was|were|did|attended|happened|took part|participated)\b/i;

/** A report's heading that starts what the meeting did. */
const RESULTS_HEADING = /^\s*(?:\d{1,2}\.?\s+)?(?:(?:main |summary of )?results?(?: of the meeting)?|outcomes?(?: of the meeting)?|conclusions?|decisions?|summary)\s*$/im;

/**
 * What a meeting report says the meeting did, in its own sentences (at most four): the paragraphs under its "Results"
 * (or "Conclusions", "Summary") heading, else its sentences that say what was consented, approved or agreed.
 */
export function reportResults(text: string): string[] {
  const body = text.slice(0, 200_000);
  const sentencesOf = (part: string) =>
    part
      .replace(/([^\n])[ ]*\n(?![ \t]*\n)[ \t]*/g, '$1 ')
      .split(/\n+/)
      .map((s) => s.replace(/\s+/g, ' ').replace(/^\d+(?:\.\d+)+\s+/, '').trim())
      .filter((s) => s.length >= 30)
      .map((s) => (s.length > 320 ? `${s.slice(0, 317).replace(/\s+\S*$/, '')}…` : s));
  // The heading as a line of its own after the contents list: the last such line that has text after it.
  const headings = [...body.matchAll(new RegExp(RESULTS_HEADING.source, 'gim'))];
  for (const h of headings.reverse()) {
    const after = body.slice((h.index ?? 0) + h[0].length);
    const next = /\n\s*\d{1,2}\.?\s+[A-Z][^\n]{2,80}\n|\n\s*Annex\b/.exec(after);
    const found = sentencesOf(next ? after.slice(0, next.index) : after.slice(0, 4000));
    if (found.length > 0) return found.slice(0, 4);
  }
  return sentencesOf(body)
    .filter((s) => /\b(?:consented|approved|agreed|adopted|determined|decided)\b/i.test(s))
    .slice(0, 4);
}

/**
 * The answer to what a past meeting of `group` did (the latest, or the latest in the month asked): its report's
 * results when a report of it is stored, else the meeting and that no report is stored. `null` when no past meeting
 * of the group is known.
 */
async function outcomeReply(ctx: CommandContext, group: string, month: MeetingArgs['month'], question: string | null = null): Promise<Reply | null> {
  // A meeting over: one still under way has no outcome yet.
  const today = meetingDay(ctx.now);
  const past = (await ctx.store.meetings(group, ctx.now, 12, true)).filter((m) => !m.cancelledBy && m.end < today);
  const meeting = month ? past.find((m) => Number(m.start.slice(5, 7)) === month.month && (month.year === null || Number(m.start.slice(0, 4)) === month.year)) : past[0];
  if (!meeting) return null;
  const when = `${formatRange(meeting.start, meeting.end)}${meeting.place ? `, ${meeting.place}` : ''}`;
  const cites = meeting.sources ?? [meeting.source];
  // Its report is the one about this meeting, not another meeting's report that plans it ("the next meeting … is planned").
  const reports = cites.filter((c) => c.kind === 'report');
  const about = await Promise.all(reports.map((c) => ctx.store.getDocument(c.docId)));
  const report = reports.find((_c, i) => about[i]?.parsed.meeting?.start === meeting.start);
  const reportText = report ? ((await ctx.store.getText(report.docId)) ?? '') : '';
  // Something else asked of a past meeting ("how many attended"): the report's sentences that name it, if any.
  if (question !== null) {
    const said = report ? letterSays(reportText, question, true) : [];
    if (!report || said.length === 0) return null;
    const source = sourceOf(report);
    return {
      ok: true,
      title: `What ${sourceLabel(source)} says`,
      sections: [{ heading: `On "${question.length > 200 ? `${question.slice(0, 200)}…` : question.replace(/\s+/g, ' ')}"`, items: said.map((text) => ({ text, source })) }],
      notes: [`In the report's own words, of the ${group} meeting of ${when}. The whole report: /doc ${report.reference ?? report.docId}`],
      sources: uniqueSources([source, ...cites.map(sourceOf)]),
      data: { group, meeting, report, said },
    };
  }
  const said = report ? reportResults(reportText) : [];
  if (!report || said.length === 0) {
    return {
      ok: true,
      title: `The ${group} meeting of ${when}`,
      sections: [{ items: meetingItems(meeting, ctx.tz) }],
      notes: [report ? `Its report is stored but says no results I can quote: /doc ${report.reference ?? report.docId}` : `No report of this meeting is stored, so I can't say what it decided; the meeting is below.`],
      sources: uniqueSources(cites.map(sourceOf)),
      data: { group, meeting, report: report ?? null, results: [] },
    };
  }
  const source = sourceOf(report);
  return {
    ok: true,
    title: `What the ${group} meeting of ${when} did, as its report says`,
    sections: [{ heading: sourceLabel(source), items: said.map((text) => ({ text, source })) }],
    notes: [`In the report's own words. The whole report and its facts: /doc ${report.reference ?? report.docId}`],
    sources: uniqueSources([source, ...cites.map(sourceOf)]),
    data: { group, meeting, report, results: said },
  };
}

/** Words of a side-event question that name no event: "what time is the sg21 contribution clinic". */
const NOT_EVENT_WORDS = /^(?:what|when|where|time|is|are|was|were|the|a|an|of|for|at|does|did|do|will|start|starts|started|open|opens|opened|begin|begins|began|held|how|long|sg\d{1,2}|tsag|study|group|\d{1,2}|next|last|meeting|today|tomorrow)$/i;

/** The side event of `m` whose title holds every word `question` names it by (two at least), if one does. */
function namedEvent(m: MeetingFact | undefined, question: string): MeetingFact['events'][number] | null {
  if (!m) return null;
  const words = question.toLowerCase().split(/[^\p{L}\p{N}-]+/u).filter((w) => w.length >= 3 && !NOT_EVENT_WORDS.test(w));
  if (words.length < 2) return null;
  const stem = (w: string) => w.replace(/s$/, '');
  // Each word is one of the title's, or begins one when it is long enough to name it ("counterfeit"): "work" is not
  // "workshop".
  const names = (title: string, w: string) => title.toLowerCase().split(/[^\p{L}\p{N}-]+/u).some((t) => stem(t) === stem(w) || (stem(w).length >= 5 && t.startsWith(stem(w))));
  return m.events.find((e) => words.every((w) => names(e.title, w))) ?? null;
}

/**
 * The side event of `group` that `question` names ("the SG2 BSG session", "the SG21 contribution clinic"): at the
 * group's meetings to come first, soonest first; else at those over, latest first (an event is often announced for
 * one meeting only). With the meeting it belongs to.
 */
async function groupEvent(ctx: CommandContext, group: string, question: string): Promise<{ meeting: MeetingFact; event: MeetingFact['events'][number] } | null> {
  const today = meetingDay(ctx.now);
  const ahead = (await ctx.store.meetings(group, ctx.now - 31 * DAY, 20)).filter((m) => m.end >= today && !m.cancelledBy);
  const over = (await ctx.store.meetings(group, ctx.now, 10, true)).filter((m) => m.end < today && !m.cancelledBy);
  for (const meeting of [...ahead, ...over]) {
    const event = namedEvent(meeting, question);
    if (event) return { meeting, event };
  }
  return null;
}

/** The days of a month asked about: the year written, else the next such month not wholly past. */
function monthWindow(asked: { month: number; year: number | null }, now: number, past: boolean | 'nearest' = false): { from: string; to: string; words: string } {
  const today = DateTime.fromMillis(now, { zone: 'UTC' });
  let start = DateTime.fromObject({ year: asked.year ?? today.year, month: asked.month, day: 1 }, { zone: 'UTC' });
  // Asked whether it is still on or was called off ("the March meeting", asked in April): the month to come, unless
  // that month ended within the last two months (then it is the one meant).
  if (asked.year === null && past === 'nearest') {
    if (start > today) start = start.minus({ years: 1 });
    if (start.endOf('month') < today.minus({ days: 62 })) start = start.plus({ years: 1 });
    return { from: start.toISODate() ?? '', to: start.endOf('month').toISODate() ?? '', words: start.toFormat('LLLL yyyy') };
  }
  // Asked of a meeting over ("what time did TSAG open in January"), a month without its year is the latest one begun.
  if (asked.year === null && past && start > today) start = start.minus({ years: 1 });
  else if (asked.year === null && !past && start.endOf('month') < today) start = start.plus({ years: 1 });
  return { from: start.toISODate() ?? '', to: start.endOf('month').toISODate() ?? '', words: start.toFormat('LLLL yyyy') };
}

// A time of day in a letter's sentence: "0800 hours", "1300 to 1600 hours", "09:30", "9.30 a.m.", "14h30".
const SAID_TIME = /\b(?:([01]\d|2[0-3])([0-5]\d)(?:\s*hours|(?=\s*(?:to|-|–|and)\s*(?:[01]\d|2[0-3])[0-5]\d\s*hours))|([01]?\d|2[0-3])[:.h]([0-5]\d)(?:\s*(a\.?m\.?|p\.?m\.?|hours|h)\b)?)/gi;

/**
 * A letter's sentence with each time of day it gives followed by that time in the reader's zone ("from 0800 hours
 * [16:00 Asia/Tokyo]"): in the zone written after the time ("2359 hours UTC"), else the meeting's; on the date
 * written just after it ("… UTC on 24 November 2025"), else the last date written before it, else the meeting's first
 * day. As it is when the zones agree or the meeting's zone is not known.
 */
function withReaderTimes(text: string, m: MeetingFact, tz: string): string {
  const meetingZone = m.timezone ?? (m.place === 'Geneva, Switzerland' ? 'Europe/Zurich' : null);
  const dates = findDates(text);
  return text.replace(SAID_TIME, (whole: string, h1: string | undefined, m1: string | undefined, h2: string | undefined, m2: string | undefined, ampm: string | undefined, at: number) => {
    let hour = Number(h1 ?? h2);
    const minute = Number(m1 ?? m2);
    if (ampm && /^p/i.test(ampm) && hour < 12) hour += 12;
    if (ampm && /^a/i.test(ampm) && hour === 12) hour = 0;
    // "3.5" or "1.10" in a paragraph number is no time: a time has two digits of minutes and a word or a colon.
    if (!h1 && !ampm && !/:/.test(whole)) return whole;
    const after = text.slice(at + whole.length, at + whole.length + 40);
    const written = /^\s*(?:hours\s+)?(?:\(?\s*)((?:UTC|GMT)(?:\s?[+\-\u2212\u2013]\s?\d{1,2}(?::?\d{2})?)?|CES?T|Geneva time)\b/i.exec(after)?.[1];
    const zone = written ? (/^(?:CES?T|Geneva time)$/i.test(written) ? 'Europe/Zurich' : (utcOffsetZone(written) ?? 'UTC')) : meetingZone;
    if (!zone) return whole;
    const end = at + whole.length;
    const next = dates.find((d) => d.index >= end && /^[\s,]*(?:(?:hours|UTC|GMT|CES?T|Geneva time)\s*)*(?:on\s+|,\s*)?(?:[A-Z][a-z]+day,?\s+)?$/i.test(text.slice(end, d.index)));
    const day = next?.start ?? dates.filter((d) => d.index < at).at(-1)?.start ?? m.start;
    const there = DateTime.fromISO(day, { zone }).set({ hour, minute });
    const here = there.setZone(tz);
    if (here.offset === there.offset) return whole;
    const shown = here.toISODate() === there.toISODate() ? '' : ` ${here.toFormat('ccc d LLL')}`;
    return `${whole} [${here.toFormat('HH:mm')}${shown} ${tz}]`;
  });
}

/**
 * "No: … is on 9–10 March 2026" when the one event a topic answer names is not on the day or days asked ("on 2
 * March", read in the event's year when no year is written); "Yes: …" when it is; `null` when the answer names no
 * single event or the day cannot be read.
 */
function dayAnswer(topic: Reply | null, asked: string): string | null {
  const events = topicEvents(topic);
  return events.length === 1 && events[0] ? eventDayAnswer(events[0], asked) : null;
}

/** The meetings and side events a topic answer names (topic.ts puts them in its data). */
function topicEvents(topic: Reply | null): Array<{ group: string | null; meeting: string; title: string; start: string; end: string }> {
  return (topic?.data as { events?: Array<{ group: string | null; meeting: string; title: string; start: string; end: string }> } | undefined)?.events ?? [];
}

/**
 * Whether the one event a topic answer names is still on: "Yes: … is on 9–10 March 2026 (its dates were changed)", or
 * that it was held, when it is over; `null` when the answer names no single event.
 */
function stillOnAnswer(topic: Reply | null, today: string): string | null {
  const events = topicEvents(topic);
  const event = events.length === 1 ? events[0] : undefined;
  if (!event) return null;
  const name = eventName(event.title);
  const changed = name !== event.title ? ' (its dates were changed)' : '';
  return event.end < today ? `It is over: ${name} was scheduled for ${formatRange(event.start, event.end)}${changed}` : `Yes: ${name} is on ${formatRange(event.start, event.end)}${changed}`;
}

/**
 * The side events of a kind ("workshops") of every group's meetings: those to come, soonest first; else the last
 * three held, said to be so.
 */
async function eventsOfAll(ctx: CommandContext, kind: string): Promise<Reply> {
  const today = meetingDay(ctx.now);
  // A side event of a meeting, or an event announced on its own (a workshop's circular: a meeting of no group).
  const ofKind = (ms: MeetingFact[]) =>
    ms.filter((m) => !m.cancelledBy).flatMap((m) => [...m.events.filter((e) => eventOfKind(e.title, kind)).map((e) => ({ m, e })), ...(m.group === null && !m.question && EVENT_TITLE.test(m.title) && eventOfKind(m.title, kind) ? [{ m, e: m as MeetingInfo }] : [])]);
  const ahead = ofKind(await ctx.store.meetings(null, ctx.now - 31 * DAY, 60)).filter(({ e }) => e.end >= today).sort((a, b) => a.e.start.localeCompare(b.e.start));
  const shown = ahead.length > 0 ? ahead.slice(0, 10) : ofKind(await ctx.store.meetings(null, ctx.now, 60, true)).filter(({ e }) => e.end < today).sort((a, b) => b.e.start.localeCompare(a.e.start)).slice(0, 3);
  const label = kind.toLowerCase().replace(/s$/, '');
  const items: ReplyItem[] = shown.map(({ m, e }) => ({ text: `${eventName(e.title)}: ${formatEventTime(e, ctx.tz)}${e.place ? `, ${e.place}` : ''}`, detail: e === m ? `[${sourceLabel(sourceOf(m.source))}]` : `with the ${whoMeets(m)} meeting of ${formatRange(m.start, m.end)} [${sourceLabel(sourceOf(m.source))}]`, source: sourceOf(m.source) }));
  return {
    ok: true,
    title: ahead.length > 0 ? `Upcoming ${label}s: ${ahead.length}` : shown.length > 0 ? `No ${label} to come is announced; the last ${shown.length > 1 ? `${shown.length} were` : 'was'}:` : `No ${label} is announced in the stored letters`,
    sections: items.length > 0 ? [{ items }] : [],
    notes: ['Side events as the letters announcing the meetings give them.'],
    sources: uniqueSources(shown.map(({ m }) => sourceOf(m.source))),
    data: { events: shown.map(({ m, e }) => ({ group: m.group, title: e.title, start: e.start, end: e.end })) },
  };
}

// A sentence giving the hours of a meeting or event: "The workshop will run from 0930 to 1730 hours on the first day
// and from 0900 to 1230 hours on the second day".
const HOURS_SENTENCE = /\b(?:[01]\d|2[0-3])[0-5]\d\s*(?:hours\s*)?(?:to|until|till|-|–)\s*(?:[01]\d|2[0-3])[0-5]\d\s*hours\b|\b(?:[01]?\d|2[0-3])[:.]\d{2}\s*(?:to|until|till|-|–)\s*(?:[01]?\d|2[0-3])[:.]\d{2}\b/;
// A corrigendum that keeps the hours of the letter it corrects ("The venue … and the daily hours are unchanged"), and
// that letter ("Further to TSB Circular 92 of 8 December 2025").
const HOURS_UNCHANGED = /\bhours\s+(?:are|remain)\s+(?:unchanged|the same|as (?:first )?announced)\b/i;
const FURTHER_TO = /\b(?:Further to|Following|With reference to)\s+((?:TSB\s+)?(?:Circular|Collective letter)\s+\d{1,4}(?:\/\d{1,2})?)/i;

/**
 * The hours of the one meeting or side event a topic answer names, as a note quoting its letter's sentence with each
 * time in the reader's zone beside it; a corrigendum that keeps the hours sends to the letter it corrects. `null` when
 * the answer names no single one or no letter gives its hours.
 */
async function dailyHoursNote(ctx: CommandContext, topic: Reply): Promise<string | null> {
  const events = topicEvents(topic);
  if (events.length !== 1 || !events[0]) return null;
  const event = events[0];
  const meeting = (await ctx.store.meetings(event.group, Date.parse(`${event.meeting}T00:00:00Z`) - DAY, 20)).find((m) => m.start === event.meeting);
  if (!meeting?.source.docId) return null;
  const said = async (docId: string): Promise<{ sentence: string; text: string }> => {
    const text = (await ctx.store.getText(docId)) ?? '';
    const sentence = text.slice(0, 60_000).replace(/\s+/g, ' ').split(/(?<=[.!?])\s+(?=[A-Z0-9])/).find((x) => x.length <= 400 && HOURS_SENTENCE.test(x));
    return { sentence: sentence?.trim() ?? '', text };
  };
  const own = await said(meeting.source.docId);
  let sentence = own.sentence;
  let label = sourceLabel(sourceOf(meeting.source));
  if (!sentence && HOURS_UNCHANGED.test(own.text)) {
    const ref = FURTHER_TO.exec(own.text)?.[1];
    // (A corrigendum is filed under the reference of the letter it corrects too.)
    const earlier = ref ? (await ctx.store.findByReference(ref)).find((d) => d.id !== meeting.source.docId) : undefined;
    const theirs = earlier ? await said(earlier.id) : null;
    if (earlier && theirs?.sentence) {
      sentence = theirs.sentence;
      label = `${sourceLabel(citeOf(earlier))} (${label} keeps its hours)`;
    }
  }
  // The times are of the event's days: read on its first day, in its zone.
  return sentence ? `Hours, as ${label} gives them: "${withReaderTimes(sentence, { ...meeting, start: event.start }, ctx.tz)}"` : null;
}

/**
 * Why a letter says a meeting was moved or cancelled, in its words ("owing to works in the ITU conference rooms"); `null`
 * when no sentence of it that moves or cancels a meeting gives a reason.
 *
 * @example reasonGiven('… owing to works in the ITU conference rooms, the meeting of Study Group 13 has been postponed …') === 'owing to works in the ITU conference rooms'
 */
export function reasonGiven(text: string | null): string | null {
  for (const sentence of (text ?? '').slice(0, 20_000).split(/(?<=[.;])\s+|\n\s*\n/)) {
    if (!/\b(?:postpone\w*|moved|reschedul\w*|cancell?\w*|new dates|change of dates|relocat\w*)\b/i.test(sentence)) continue;
    const because = /\b(?:owing to|due to|because of|because|as a result of|in view of|in light of|on account of)\s+([^,;.]{4,160})/i.exec(sentence);
    if (because) return because[0].replace(/\s+/g, ' ').replace(/^\p{Lu}/u, (c) => c.toLowerCase()).trim();
  }
  return null;
}

/** The dates a postponement letter's title says the meeting was first planned for ("(originally planned for 8-19 March 2027)"). */
function originallyPlanned(title: string): string | undefined {
  return /\b(?:originally|initially|first)\s+(?:planned|scheduled|announced)\s+(?:for\s+)?([^()]{5,40}?)\)?$/i.exec(title)?.[1];
}

/**
 * Whether the one event named was moved, as its letter's title says ("… - change of dates: now Geneva, 9-10 March"); with
 * `told`, only where to.
 */
function movedAnswer(topic: Reply | null, told = false): string | null {
  const events = topicEvents(topic);
  const event = events.length === 1 ? events[0] : undefined;
  if (!event) return null;
  const name = eventName(event.title);
  // ("what dates was it moved to?" is answered with the dates, not a yes.)
  return name !== event.title || /\b(?:postpone\w*|reschedul\w*|new dates)\b/i.test(event.title)
    ? `${told ? '' : 'Yes: '}${name} was moved to ${formatRange(event.start, event.end)}`
    : `No stored letter says ${name} was moved: it is on ${formatRange(event.start, event.end)}`;
}

/**
 * The meeting of `group` or of one of its regional groups held in a town `text` names ("the SG12 regional group
 * meeting in Abidjan", "the SG13 Muscat meeting"): the soonest to come there, else the latest held there; `null`
 * when the text names none of their towns.
 */
async function meetingInTown(ctx: CommandContext, group: string, text: string): Promise<MeetingFact | null> {
  const today = meetingDay(ctx.now);
  // Those from a month back onwards, and the latest 200 over (read from now backwards: a store of many years holds more
  // than one read returns).
  const [ahead, over] = await Promise.all([ctx.store.meetings(null, ctx.now - 31 * DAY, 100), ctx.store.meetings(null, ctx.now, 200, true)]);
  const held = [...[...over].reverse(), ...ahead.filter((m) => !over.some((o) => o.source.docId === m.source.docId && o.start === m.start))].filter((m) => !m.cancelledBy && m.place && m.place !== 'virtual' && m.group && (m.group === group || m.group.startsWith(`${group}RG`)));
  const named = held.filter((m) => {
    const town = (m.place?.split(',')[0] ?? '').trim();
    return town.length >= 3 && new RegExp(`\\b${RegExp.escape(town)}\\b`, 'i').test(text);
  });
  return named.find((m) => m.end >= today) ?? named.at(-1) ?? null;
}

/**
 * Whether a group's meeting is over or under way, by Geneva's day: "Yes: the WP3/17 meeting of 19–23 April 2027 in
 * Geneva ended on Fri 23 April 2027", "No: … is under way (day 3 of 5, Geneva's calendar); it ends on …", "No: … has
 * not started yet (in 9 days)", with that meeting's answer below. `null` when no meeting of the group is known.
 */
async function statusReply(ctx: CommandContext, args: MeetingArgs, scope: Exclude<Scope, { kind: 'all' | 'unknown' }>): Promise<Reply | null> {
  const name = scope.kind === 'group' ? (scope.workingParty ?? scope.group) : scope.question;
  const group = scope.kind === 'group' ? scope.group : scope.question;
  const today = meetingDay(ctx.now);
  const wanted = (m: MeetingFact) => !m.cancelledBy && (scope.kind !== 'group' || !scope.workingParty || whoMeets(m) === scope.workingParty) && (!args.month || (Number(m.start.slice(5, 7)) === args.month.month && (args.month.year === null || Number(m.start.slice(0, 4)) === args.month.year)));
  // Those from a month back (one under way, those to come), and the latest over, however long ago.
  const [ahead, before] = await Promise.all([ctx.store.meetings(group, ctx.now - 31 * DAY, 30), ctx.store.meetings(group, ctx.now, 10, true)]);
  const around = ahead.filter(wanted);
  const under = around.find((m) => m.start <= today && m.end >= today);
  const ended = [...around, ...before.filter(wanted)].filter((m) => m.end < today).sort((a, b) => a.end.localeCompare(b.end)).at(-1);
  const coming = around.find((m) => m.start > today);
  const what = (m: MeetingFact) => `the ${whoMeets(m)} meeting of ${formatRange(m.start, m.end)}${inPlace(m.place)}`;
  let title: string;
  let past = false;
  if (under) {
    const day = Math.round((Date.parse(today) - Date.parse(under.start)) / DAY) + 1;
    const days = Math.round((Date.parse(under.end) - Date.parse(under.start)) / DAY) + 1;
    title = `${args.status === 'ongoing' ? 'Yes' : 'No'}: ${what(under)} is under way (day ${day} of ${days}, Geneva's calendar); it ends ${under.end === today ? 'today, ' : 'on '}${formatRange(under.end, under.end)}`;
  } else if (ended && (!coming || args.status === 'over')) {
    title = `${args.status === 'over' ? 'Yes' : 'No'}: ${what(ended)} ended on ${formatRange(ended.end, ended.end)}`;
    past = true;
  } else if (coming) {
    title = `No: ${what(coming)} has not started yet (${whenWords(DateTime.fromISO(coming.start, { zone: 'Europe/Zurich' }).toMillis(), ctx.now, 'Europe/Zurich')})`;
  } else return null;
  const known = await meetingCommand.run(ctx, { ...args, scope, status: undefined, unread: null, ...(past ? { past: true } : {}) });
  return { ...known, title: `${title[0]?.toUpperCase()}${title.slice(1)}`, ...(past && coming ? { notes: [...(known.notes ?? []), `The next ${name} meeting: ${formatRange(coming.start, coming.end)}${inPlace(coming.place)}.`] } : {}) };
}

/** An event's name without the change a corrigendum titles it with ("… - change of dates: now Geneva, 9-10 March 2026"). */
function eventName(title: string): string {
  return title.replace(/\s+-\s+change of dates\b.*$/i, '');
}

/** "Yes: … is on …" or "No: … is on …" of one event and the day or days asked; `null` when the day cannot be read. */
function eventDayAnswer(event: { title: string; start: string; end: string }, asked: string): string | null {
  const day = findDates(/\b(?:19|20)\d{2}\b/.test(asked) ? asked : `${asked} ${event.start.slice(0, 4)}`)[0];
  if (!day) return null;
  // Every day asked must be one of the event's: "on 8-9 March" of an event of 9-10 March is a no.
  const on = day.start >= event.start && day.end <= event.end;
  const name = eventName(event.title);
  return `${on ? 'Yes' : 'No'}: ${name} is on ${formatRange(event.start, event.end)}`;
}

/** "The SG11 meeting starts in 35 days, on Mon 22 Mar 2027, 09:30 (Geneva)", counted in the reader's calendar days. */
function untilTitle(m: MeetingFact, now: number, tz: string): string {
  const opens = DateTime.fromISO(`${m.start}T${m.startTime ?? '00:00'}`, { zone: m.timezone ?? 'Europe/Zurich' }).toMillis();
  const on = formatOpening(m, tz) ?? formatRange(m.start, m.start);
  const words = whenWords(opens, now, tz);
  return words === 'past' ? `The ${whoMeets(m)} meeting started on ${on}` : `The ${whoMeets(m)} meeting starts ${words}, on ${on}`;
}

/** "It lasts 5 days (Mon 25 – Fri 29 January 2027), 5 of them working days." */
function lengthNote(m: MeetingFact): string {
  const start = DateTime.fromISO(m.start, { zone: 'UTC' });
  const end = DateTime.fromISO(m.end, { zone: 'UTC' });
  const days = Math.round(end.diff(start, 'days').days) + 1;
  let working = 0;
  for (let d = start; d <= end; d = d.plus({ days: 1 })) if (d.weekday <= 5) working++;
  const span = days === 1 ? start.toFormat('ccc d LLLL yyyy') : `${start.toFormat('ccc d')}${start.month === end.month ? '' : start.toFormat(' LLLL')} – ${end.toFormat('ccc d LLLL yyyy')}`;
  return `The ${whoMeets(m)} meeting lasts ${days} day${days === 1 ? '' : 's'} (${span})${working !== days ? `, ${working} of them working days` : ''}.`;
}

/**
 * `words` without the study group of a working party they name ("is there an SG17 plenary during the WP3/17
 * meeting": the working party's meeting is asked of, and whether its study group holds a plenary then).
 */
function withoutParentOfParty(words: string): string {
  const party = /\b(?:WP|Working Party)\s?\d{1,2}\s?\/\s?(\d{1,2})\b/i.exec(words);
  if (!party?.[1]) return words;
  return words.replace(new RegExp(`(?<![\\w/])(?:ITU-T\\s+)?(?:SG\\s?|study group\\s+)0?${Number(party[1])}(?![\\w/])`, 'gi'), ' ');
}

/** The sentence of `m`'s letter that says no plenary is held ("there will be no plenary of Study Group 17 during this period"). */
async function noPlenarySaid(ctx: CommandContext, m: MeetingFact): Promise<string[]> {
  const said = m.source.docId ? /[^.;\n]*\bno plenary\b[^.;\n]*/i.exec((await ctx.store.getText(m.source.docId)) ?? '')?.[0].trim() : undefined;
  return said ? [said] : [];
}

/** A letter's sentence on how a meeting is held. */
const REMOTE_SAID = /\bremote(?:ly)?\b|\bhybrid\b|\bvirtual(?:ly)?\b|\bin person\b|\bphysical(?:ly)?\b/i;

/** Words that ask how a meeting is held, which the answer's format line answers ("is the Tunis meeting hybrid"). */
const FORMAT_WORDS = /\b(?:hybrid|virtual(?:ly)?|online|remote(?:ly)?|in[- ]person|physical(?:ly)?|join|attend|participat\w*|from home|from afar)\b/gi;

/**
 * Whether one can take part from afar, as the letter says it: the answer's first line when that is asked. `remote`:
 * the letter has sentences on remote participation (for a meeting in person, a limited offer: "on a best-effort basis
 * for the opening and closing plenaries").
 */
function formatHeadline(m: MeetingFact, group: string, remote: boolean): string {
  const letter = sourceLabel(sourceOf(m.source));
  if (m.format === 'hybrid') return `${group}: remote participation is offered (a hybrid meeting)`;
  if (m.format === 'virtual') return `${group} meets online only (a virtual meeting)`;
  if (m.format === 'in-person' && remote) return `${group} meets in person${m.place ? ` in ${m.place}` : ''}; remote participation is limited to what ${letter} offers (below)`;
  if (m.format === 'in-person') return `${group} meets in person${m.place ? ` in ${m.place}` : ''}; ${letter} does not say remote participation is offered`;
  return `${group}: ${letter} does not say whether remote participation is offered`;
}

/** What the answer names as the meeting's authority: "the letter", or the TD or contribution it is known from. */
function letterOf(source: SourceRef): string {
  return source.kind === 'collective-letter' || source.kind === 'circular' || source.kind === 'meeting-notice' || source.kind === undefined ? 'the letter' : sourceLabel(source);
}

/** The answer's first line for a focused question: when the meeting opens, or where it is. */
function focusItem(m: MeetingFact, focus: Exclude<MeetingFocus, null>, tz: string, registration = false, today = ''): ReplyItem {
  // A meeting over is told in the past: "SG12RG-AFR met in Abidjan", "TSAG opened …".
  const over = today !== '' && m.end < today;
  const source = sourceOf(m.source);
  const name = m.group || m.question ? whoMeets(m) : m.title;
  // "what time does registration open": the registration desk's hour, or that the letter gives none.
  if (focus === 'time' && registration) {
    const desk = m.registrationTime ? formatOpening({ ...m, startTime: m.registrationTime }, tz) : null;
    const opening = formatOpening(m, tz);
    return desk
      ? { text: `Registration for ${name} opens ${desk}`, detail: `${formatRange(m.start, m.end)}${m.place ? `, ${m.place}` : ''} [${sourceLabel(source)}]`, source }
      : { text: `${sourceLabel(source)} gives no time for registration${opening ? `; ${name} opens ${opening}` : ''}`, detail: `${formatRange(m.start, m.end)}${m.place ? `, ${m.place}` : ''} [${sourceLabel(source)}]`, source };
  }
  if (focus === 'place') {
    return m.place
      ? { text: `${name} ${over ? 'met' : 'meets'}${inPlace(m.place)}${m.venue ? ` (venue: ${m.venue})` : ''}`, detail: `${formatRange(m.start, m.end)} [${sourceLabel(source)}]`, source }
      : { text: `${name}: ${letterOf(source)} does not say where`, detail: `${formatRange(m.start, m.end)} [${sourceLabel(source)}]`, source };
  }
  const opening = formatOpening(m, tz);
  return opening
    ? { text: `${name} ${over ? 'opened' : 'opens'} ${opening}`, detail: `${formatRange(m.start, m.end)}${m.place ? `, ${m.place}` : ''} [${sourceLabel(source)}]`, source }
    : { text: `${name}: ${letterOf(source)} gives no opening time`, detail: `${formatRange(m.start, m.end)}${m.place ? `, ${m.place}` : ''}; the meeting opens on ${formatRange(m.start, m.start)} [${sourceLabel(source)}]`, source };
}

const meetingCommand = defineCommand({
  name: 'meeting',
  aliases: ['meetings', 'next-meeting'],
  summary: 'The next meeting of a group, with its dates, place and side events.',
  usage: 'meeting [SG13|TSAG|SG12RG-AFR]',
  examples: ['meeting SG13', 'meeting TSAG', 'meeting', 'what time does the SG13 meeting open', 'where is the next SG13 meeting'],
  args: meetingArgs,
  parseText: parseMeetingText,
  // A short question that names a group and a part of its meeting: "newcomers briefing sg20 what time", "sg20
  // workshop venue", "is sg9 virtual".
  fallbacks: [
    // Not "open liaisons for sg17" (the liaisons awaiting a reply), nor a deadline question however spelt.
    /^(?!.*\b(?:liaisons?|LSs?|consultations?|deadl\w*)\b)(?=.*(?:\bSG[\s-]?\d|\bstudy group \d|\bTSAG\b|\bQ\d{1,2}\/\d|\bWP\d))(?=.*\b(?:briefings?|workshops?|hackathons?|side events?|trainings?|forums?|clinics?|sessions?|webinars?|receptions?|venue|hybrid|virtual|remote(?:ly)?|in person|opening|opens?|start(?:s|ing)?(?: time)?|begins?|plenary|newcomers?|postponed|still|called off|cancell?ed|moved|rescheduled|interpret\w*|languages?|badges?|wi-?fi|dress code|lunch)\b)(?<arg>.+)$/i,
    // An event named by its topic, with no group: "AI-native workshop start time", "when does the ai-native workshop start".
    /^(?!.*\b(?:due|deadlines?|submit|register|registration|fellowships?|visas?)\b)(?<arg>.{2,80}?\b(?:workshops?|forums?|seminars?|symposium|webinars?|hackathons?|clinics?)\b.*\b(?:start(?:s|ing)?|open(?:s|ing)?|begins?|time|when|where|dates?|venue)\b.*)$/i,
  ],
  intents: [
    // "who prepared the agenda for the sg3 meeting in april 2018", "who hosts the SG12 meeting in Tunis": what the
    // meeting's letter says of it.
    /^(?<arg>who\s+(?:prepared|drew up|drafted|wrote|organi[sz]es|organi[sz]ed|hosts|hosted|is hosting|will host|sponsors?|is sponsoring)\s+(?:the\s+)?[^?]{0,60}?\bmeeting\b[^?]{0,40}\??)$/i,
    // "how long is TSAG", "how many days is the SG12 meeting": its length, from its dates.
    /^(?<arg>how (?:long|many days) (?:is|does|will) (?:the )?(?:next )?(?:ITU-T[\s-]+)?(?:SG[\s-]?\d{1,2}(?:RG-[A-Z]{2,5})?|study group \d{1,2}|TSAG|WP\s?\d\/\d{1,2})\b.*)$/i,
    EVENT_ON_DAY_ASKED,
    // "how long until TSAG", "how many days until sg13": the next meeting's opening, counted in days.
    /^(?<arg>(?:how (?:many|much) (?:more )?(?:days|weeks|time)|how long)\s+(?:(?:is it|are there|do (?:we|I) have|is left|are left|left)\s+)?(?:until|till|til|before)\s+(?:the\s+)?(?:next\s+)?(?:ITU-T[\s-]+)?(?:SG[\s-]?\d{1,2}(?:RG-[A-Z]{2,5})?|study group \d{1,2}|TSAG|WP\s?\d\/\d{1,2}|Q\d{1,2}\/\d{1,2})\b.*)$/i,
    EVENT_STILL_ON_ASKED,
    // "do I need to register if I join the Muscat meeting remotely?", "how do I register for the SG20 meeting online":
    // what the meeting's letter says of registering.
    /^(?<arg>(?:(?:do|does|must|should|will)\s+(?:I|we|they|one|remote\s+participants|delegates|participants)\s+(?:(?:still|also)\s+)?(?:need\s+to|have\s+to)?\s*(?:(?:still|also)\s+)?|how\s+(?:do|can|should)\s+(?:I|we)\s+)register\b.*\bmeetings?\b.*)$/i,
    // "will SG15 meet in June", "does TSAG meet in Geneva": whether and when the group meets then or there.
    /^(?<arg>(?:will|does|do|is|are)\s+(?:the\s+)?(?:ITU-T[\s-]+)?(?:SG[\s-]?\d{1,2}(?:RG-[A-Z]{2,5})?|study group \d{1,2}|TSAG|WP\s?\d\/\d{1,2}|Q\d{1,2}\/\d{1,2})\s+(?:meet|meeting|convene|convening|gather)\b.*)$/i,
    // "what time does the SG13 meeting open", "when does TSAG start?", "what time is the opening plenary of SG20"
    /^(?<arg>(?:what time|when) (?:does|do|will|is|are) .*?\b(?:open|opens|opening|start|starts|starting|begin|begins)\b.*)$/i,
    // Of a meeting over: "what time did TSAG open in january", "when did sg17 last meet", "where was the sg12 meeting".
    /^(?<arg>(?:what time|when|where) (?:did|was|were) .*?\b(?:open|opened|opening|start|started|begin|began|meet|met|meeting|meetings|held|plenary|take place|took place)\b.*)$/i,
    // "how many people attended the SG2 July meeting", "how many delegates took part in TSAG in january"
    /^(?<arg>how many (?:people|participants|delegates|experts|members)\b.*\b(?:attend(?:ed)?|participat\w*|took part|were there)\b.*)$/i,
    // "which recs will sg21 consent in april", "what is sg5 planning to consent in sept": what the letter says it will do.
    /^(?=.*(?:\bSG[\s-]?\d|\bstudy group \d|\bTSAG\b|\bWP\s?\d))(?!.*\b(?:deadlines?|due|submit|register|registration)\b)(?<arg>.*\b(?:consent|determine|approve|adopt)(?:ed|s|d)?\b.*)$/i,
    // "when was the ai-native networks workshop", "where is the circular economy forum"
    /^(?<arg>(?:when|where) (?:is|was|will|does|did) (?:the )?.{2,80}?\b(?:workshops?|forums?|seminars?|symposium|webinars?|hackathons?|clinics?)\b.*)$/i,
    // "when's sg3", "where is TSAG", "when does WP1/20 meet": a group alone, asked when or where.
    /^(?<arg>(?:when|where) (?:is|are|does|do|will) (?:ITU-T[\s-]+)?(?:SG[\s-]?\d{1,2}(?:RG-[A-Z]{2,5})?|study group \d{1,2}|TSAG|WP\s?\d\/\d{1,2}|Q\d{1,2}\/\d{1,2})(?: (?:meet|meeting|held|happening|on))?)\s*[?!.]*$/i,
    // "where is the next SG13 meeting", "where will study group 20 meet", "where is TSAG being held"
    /^(?<arg>where (?:is|are|does|do|will) .*?\b(?:meeting|meetings|meet|held|plenary|place|hosted|next)\b.*)$/i,
    /^(?<arg>(?:when) (?:is|does|will) (?:the )?(?:next )?.*?\s*(?:meeting|meet|plenary)\b.*)$/i,
    /^(?<arg>(?:when|where) (?:is|will) (?:the )?next meeting (?:of )?.*)$/i,
    /^(?:next|upcoming) (?:meeting|meetings)\b(?<arg>.*)$/i,
    // Side events the meeting answer lists: "when is the newcomers briefing for SG20", "is there a workshop at the next SG17 meeting".
    /^(?<arg>(?:(?:what time|when|where) (?:is|are|will|does|do)|(?:is|are) there) (?:the |a |an |any )?.*?\b(?:briefings?|workshops?|trainings?|hackathons?|side events?|clinics?|webinars?|tutorials?|receptions?)\b(?!.*\b(?:due|deadlines?|register|registration|close[sd]?)\b).*)$/i,
    // "is there a plenary of sg17 in april 2027?", "will there be a TSAG meeting in May"
    /^(?<arg>(?:is|are|will) there (?:be )?(?:a |an |any )?(?:\w+ )?(?:plenar(?:y|ies)|meetings?)\b.*)$/i,
    // "what's the next meeting of TSAG (and where)", "what is the next SG13 meeting"
    /^(?<arg>what(?:'s|’s| is) (?:the )?next\b.*?\bmeeting\b.*)$/i,
    // "any workshops coming up?", "are there any ITU workshops coming up", "upcoming side events", "any newcomers session
    // coming up?": of every group.
    /^(?:are there |is there )?(?:any )?(?:upcoming |future |coming |next )?(?:ITU(?:-T)? )?(?<arg>(?:workshops?|forums?|seminars?|webinars?|symposi(?:um|a)|hackathons?|clinics?|side events?|tutorials?|newcomers?['’]? (?:sessions?|briefings?|orientations?))(?:\s+(?:coming up|planned|ahead|soon|scheduled|to come))?)\s*[?!.]*$/i,
    // "is the AI-native networks workshop online?", "can I join the workshop on AI-native networks remotely?": how an
    // event named by its topic is held.
    /^(?<arg>(?:is|are|will|was)\s+(?=[^?!]*\b(?:workshops?|forums?|symposium|seminars?|webinars?|clinics?|briefings?|hackathons?|summits?|tutorials?)\b)[^?!]{3,120}?\s+(?:be\s+)?(?:held\s+)?(?:online|hybrid|virtual(?:ly)?|remote(?:ly)?|in[- ]person)\b[^?!]{0,40})[?!.]*$/i,
    /^(?<arg>(?:can|could|may)\s+(?:I|we|one|delegates|people)\s+(?:join|attend|participate in|take part in|follow|watch)\s+(?=[^?!]*\b(?:workshops?|forums?|symposium|seminars?|webinars?|clinics?|briefings?|hackathons?|summits?|tutorials?)\b)[^?!]{3,120}?\s+(?:remotely|online|virtually|from home|from afar)\b[^?!]{0,40})[?!.]*$/i,
    // "was the AI-native networks workshop postponed", "did the SG5 forum move": whether a side event was moved.
    /^(?<arg>(?:was|were|has|have|did|is)\b(?=.*\b(?:workshops?|forums?|symposium|seminars?|webinars?|clinics?|briefings?|hackathons?|summits?|tutorials?)\b)(?=.*\b(?:postponed|moved|move|rescheduled|delayed|new dates|still on|going ahead)\b).{5,200})$/i,
    // "what dates was the workshop on AI-native networks moved to?"
    /^(?<arg>(?:when|what\s+(?:dates?|days?)|which\s+(?:dates?|days?)|to\s+(?:what|which)\s+(?:dates?|days?))\b(?=.*\b(?:workshops?|forums?|symposium|seminars?|webinars?|clinics?|briefings?|hackathons?|summits?|tutorials?)\b)(?=.*\b(?:moved|postponed|rescheduled|changed|pushed back)\s+(?:to|until)\s*[?!.]*$).{5,200})$/i,
    // Not "who is the chair of the SG13 meeting" (officers).
    /^(?!who\b)(?!.*\bdeadl\w*)(?!.*\b(?:contacts?|counsellors?|secretar\w*)\b)(?<arg>.*?\s+(?:next )?meetings?)\??$/i,
    // Any other question about a group's meeting: "sg11 meeting dates and opening time", "ITU-T SG17 meeting -
    // where?", "is SG21 meeting in september?", "any side events around the SG20 meeting?" (what it cannot read, it
    // says so, with the group named).
    /^(?!.*\b(?:who|whom|liaisons?|LSs?|deadl\w*|due|leads?|lsg|rapporteurs?|chairs?|contacts?|counsellors?|secretar\w*|search|reminders?|remind|subscribe|broadcast|close[sd]?|closing|contributions?|submit|submission|register|registration|fellowships?|visas?|captioning)\b)(?=.*\bmeetings?\b)(?<arg>.+)$/i,
  ],
  async run(ctx, args): Promise<Reply> {
    const { scope, unread } = args;
    // "any workshops coming up", "upcoming side events": of every group.
    if (args.event && (scope.kind === 'all' || (scope.kind === 'unknown' && /^(?:ITU(?:-T)?\s*)?$/i.test(scope.text.replace(SIDE_EVENT, '').replace(/\b(?:any|upcoming|coming|up|future|planned|ahead|soon|scheduled|next|are|there|is)\b/gi, '').trim())))) return eventsOfAll(ctx, args.event);
    if (scope.kind === 'unknown') {
      const body = await bodyMeetingsReply(ctx, scope.text);
      if (body) return body;
      const topic = await topicReply(ctx, scope.text, { events: true, asked: 'when or where it is' });
      const onDay = args.onDay ? dayAnswer(topic, args.onDay) : null;
      if (topic && onDay) return { ...topic, title: onDay };
      // Over when its last day has ended in Geneva, where the events sgbot reads are mostly held.
      const stillOn = args.moved === 'still-on' ? stillOnAnswer(topic, meetingDay(ctx.now)) : null;
      if (topic && stillOn) return { ...topic, title: stillOn };
      // "what time does the AI-native networks workshop start each day": its hours, as its letter gives them.
      const daily = topic && /\b(?:each|every|daily|hours)\b/i.test(scope.text) ? await dailyHoursNote(ctx, topic) : null;
      if (topic && daily) return { ...topic, notes: [daily, ...topic.notes] };
      // "did the AI-native networks workshop move to new dates": yes when the letter for it changed them.
      const moved = args.moved === true || args.moved === 'told' ? movedAnswer(topic, args.moved === 'told') : null;
      if (topic && moved) return { ...topic, title: moved };
      // "is the AI-native networks workshop online?", "can I join it remotely?": how the one event so named is held,
      // in the words of the letters that announce it (a corrigendum that changed its dates leaves the rest as it was).
      // "what time does the AI-native networks workshop start?": when the one meeting so named opens.
      const groupless = topic !== null && topicEvents(topic).every((e) => e.group === null);
      const single = groupless && (args.format || args.focus === 'time' || args.eventTime) ? await meetingsNamed(ctx, scope.text) : [];
      const opening = !args.format && single.length === 1 && single[0]?.startTime ? formatOpening(single[0], ctx.tz) : null;
      // ("what time does registration start for the workshop on satellites": when its desk opens, when the letter says.)
      const desk = args.registration && single[0]?.registrationTime ? formatOpening({ ...single[0], startTime: single[0].registrationTime }, ctx.tz) : null;
      if (topic && desk && single[0]) return { ...topic, title: `Registration for ${eventName(single[0].title)} opens ${desk}${opening ? `; it opens ${opening}` : ''}` };
      if (topic && opening && single[0]) return { ...topic, title: `${eventName(single[0].title)} opens ${opening}` };
      if (topic && args.format && groupless) {
        const only = single.length === 1 ? single[0] : undefined;
        if (only) {
          // (A corrigendum changes what it says and leaves the rest of the letter it amends as it was: the earlier
          // revisions of the same reference are read too.)
          const reference = only.source.reference?.replace(/^(?:Corrigendum|Addendum)\s+\d+\s+to\s+/i, '');
          const revisions = reference ? await ctx.store.findByReference(reference) : [];
          const letters = [...(only.sources ?? [only.source]), ...revisions.map((d) => citeOf(d))].filter((c, i, all) => c.docId && all.findIndex((x) => x.docId === c.docId) === i);
          const texts = await Promise.all(letters.map((c) => ctx.store.getText(c.docId)));
          const said = letters.flatMap((c, i) => letterSays(texts[i] ?? '', 'remote participation').filter((t) => REMOTE_SAID.test(t)).map((text) => ({ text: withReaderTimes(text, only, ctx.tz), source: sourceOf(c) })));
          const offered = said.some((x) => /\bremote\s+participation\s+(?:will\s+be|is)\s+(?:possible|offered|available|provided)\s+for\s+all\b/i.test(x.text));
          const name = eventName(only.title);
          const title = offered || only.format === 'hybrid' ? `${name}: remote participation is offered for all sessions` : formatHeadline(only, name, said.some((x) => /\bremote\b/i.test(x.text)));
          return { ...topic, title, sections: [...(said.length > 0 ? [{ heading: 'What the letters say', items: said }] : []), ...topic.sections] };
        }
      }
      // A group's meeting named by its place, asked something of it ("is the muscat meeting hybrid", "what time does
      // the muscat meeting open"): that group's answer, when it is that group's next meeting.
      const events = topicEvents(topic);
      const groups = [...new Set(events.map((e) => e.group))];
      const group = groups.length === 1 ? groups[0] : null;
      if (group && (args.format || args.focus)) {
        const answer = await meetingCommand.run(ctx, { ...args, scope: { kind: 'group', group } });
        const next = (answer.data as { meetings?: MeetingFact[] } | undefined)?.meetings?.[0];
        if (next && events.some((e) => e.meeting === next.start)) return answer;
      }
      // Anything else asked of it ("how do I get a visa support letter for the Muscat meeting", "what languages will
      // the Muscat meeting use"): asked of that group's meeting, the town's name left out.
      if (group && !args.format && !args.focus) {
        const today = meetingDay(ctx.now);
        const next = (await ctx.store.meetings(group, ctx.now - 31 * DAY, 10)).find((m) => m.end >= today && !m.cancelledBy);
        const town = (next?.place?.split(',')[0] ?? '').trim();
        const asked = town ? scope.text.replace(new RegExp(`\\b${RegExp.escape(town)}\\b`, 'gi'), ' ').replace(/\s+/g, ' ').trim() : '';
        // Nothing asked but the meeting itself ("tell me about the Muscat meeting"): that group's answer (its format,
        // its opening, its side events).
        const only = asked.replace(/\b(?:tell|me|us|about|the|a|an|meeting|meetings|more|info|information|details?|on|of|what|is|are|there|anything|know)\b/gi, ' ').trim();
        if (next && events.some((e) => e.meeting === next.start) && only === '') return meetingCommand.run(ctx, { ...args, scope: { kind: 'group', group }, unread: null });
        if (next && events.some((e) => e.meeting === next.start) && asked.split(' ').some((w) => w.length >= 4)) return meetingCommand.run(ctx, { ...args, scope: { kind: 'group', group }, unread: asked });
      }
      return topic ?? unknownGroupReply(ctx, scope.text);
    }
    if (args.status && scope.kind !== 'all') {
      // A meeting named by its town ("is the SG12 regional group meeting in Abidjan over"): that meeting's group.
      const group = scope.kind === 'group' ? scope.group : groupOfQuestion(scope.question);
      const there = unread && group ? await meetingInTown(ctx, group, unread) : null;
      const status = await statusReply(ctx, { ...args, unread: null }, there?.group && there.group !== group ? { kind: 'group', group: there.group } : scope);
      if (status) return status;
    }
    if (unread) {
      // A question about the meeting sgbot does not read ("is interpretation provided", "when can I get my badge"):
      // the meeting it knows, saying so, and the letter that has the rest.
      const name = scope.kind === 'group' ? scope.group : scope.kind === 'question' ? groupOfQuestion(scope.question) : null;
      // What a past meeting did: its report.
      if (name && OUTCOME.test(unread)) {
        const outcome = await outcomeReply(ctx, name, args.month);
        if (outcome) return outcome;
      }
      // Anything else asked of a past meeting ("how many people attended the SG2 July 2025 meeting"): its report.
      // (… or a count asked of a month gone by, in no tense: "how many remotely?" of the SG2 meeting in July 2025.)
      const monthOver = args.month?.year !== undefined && `${args.month.year}-${String(args.month.month).padStart(2, '0')}` < meetingDay(ctx.now).slice(0, 7);
      if (name && (PAST_TENSE.test(unread) || (monthOver && /\bhow many\b/i.test(unread)))) {
        const fromReport = await outcomeReply(ctx, name, args.month, unread);
        if (fromReport) return fromReport;
      }
      // A meeting named by its town beside the study group ("is the SG13 Muscat meeting hybrid"): the meeting held
      // there, which may be the study group's regional group's (SG13RG-ARB in Muscat).
      const today = meetingDay(ctx.now);
      // Or one of the group's own meetings held elsewhere than its next ("the weather in Tunis for the SG12 meeting"):
      // that meeting, by its month.
      const there = name ? await meetingInTown(ctx, name, unread) : null;
      const next = there?.group === name ? (await ctx.store.meetings(name, ctx.now - 31 * DAY, 10)).find((m) => m.end >= today && !m.cancelledBy) : undefined;
      const town = (there?.place?.split(',')[0] ?? '').trim();
      // "is SG12 meeting in Tunis again?": no when its next meeting is elsewhere, saying where and when it met there.
      if (args.placeAsked && !args.format && there?.group === name && next && there.start !== next.start && there.end < today) {
        const upcoming = await meetingCommand.run(ctx, { ...args, placeAsked: false, unread: null });
        return { ...upcoming, title: `No: the next ${name} meeting is ${formatRange(next.start, next.end)}${inPlace(next.place)}; ${name} met in ${town} ${formatRange(there.start, there.end)}` };
      }
      if (args.placeAsked && !args.format && there?.group === name && next && there.start === next.start) {
        const upcoming = await meetingCommand.run(ctx, { ...args, placeAsked: false, unread: null });
        return { ...upcoming, title: `Yes: the next ${name} meeting is ${formatRange(next.start, next.end)}${inPlace(next.place)}` };
      }
      if (there?.group && there.start !== next?.start) {
        const left = unread.replace(new RegExp(`\\b${RegExp.escape(town)}\\b`, 'i'), ' ').replace(/\s+/g, ' ').trim();
        const pinned = there.group === name ? { month: { month: Number(there.start.slice(5, 7)), year: Number(there.start.slice(0, 4)) }, ...(there.end < today ? { past: true } : {}) } : {};
        // A Question's own meeting there ("the Question 13/15 meeting in Ottawa"): asked of that Question.
        return meetingCommand.run(ctx, { ...args, ...pinned, scope: there.question ? { kind: 'question', question: there.question } : { kind: 'group', group: there.group }, unread: asksMore(left.replace(FORMAT_WORDS, ' ')) ? left : null });
      }
      const known = await meetingCommand.run(ctx, { ...args, unread: null });
      // The next meeting named by its town and asked how it is held ("is the SG12 meeting in Tunis hybrid"): that
      // answer, which says it.
      if (args.format && there && there.start === next?.start && !asksMore(unread.replace(new RegExp(`\\b${RegExp.escape((there.place?.split(',')[0] ?? '').trim())}\\b`, 'i'), ' ').replace(FORMAT_WORDS, ' '))) return known;
      // A side event of that meeting named by its words ("the sg21 contribution clinic"): the answer, not a question
      // half read.
      const event = namedEvent((known.data as { meetings?: MeetingFact[] } | undefined)?.meetings?.[0], unread);
      if (event) return { ...known, title: `${event.title}: ${formatEventTime(event, ctx.tz)}${event.place ? `, ${event.place}` : ''}` };
      // One announced for another of the group's meetings, the latest over when none to come names it.
      const elsewhere = name ? await groupEvent(ctx, name, unread) : null;
      if (elsewhere) {
        const { meeting, event: found } = elsewhere;
        const letterOf = sourceOf(meeting.source);
        const over = found.end < today;
        return {
          ok: true,
          title: `${found.title}: ${formatEventTime(found, ctx.tz)}${found.place ? `, ${found.place}` : ''}`,
          sections: [{ items: meetingItems(meeting, ctx.tz) }],
          notes: [
            `${over ? 'It was' : 'It is'} a side event of the ${whoMeets(meeting)} meeting of ${formatRange(meeting.start, meeting.end)}${inPlace(meeting.place)} [${sourceLabel(letterOf)}].`,
            ...(over ? [`No letter stored for a later ${name} meeting announces one.`] : []),
          ],
          sources: uniqueSources((meeting.sources ?? [meeting.source]).map(sourceOf)),
          data: { group: name, meetings: [meeting], event: found },
        };
      }
      // (A town read as naming the meeting leaves its preposition: "… meeting in" is "… meeting".)
      const asked = (unread.length > 200 ? `${unread.slice(0, 200)}…` : unread).replace(/\s+/g, ' ').replace(/(?<=\bmeeting)\s+(?:in|at)\s*$/i, '');
      // What the letter itself says of it ("how do I register", "where do I pick up my badge"): its sentences that
      // name the question's words, as it writes them.
      const first = known.sources[0];
      const letterText = first?.docId ? ((await ctx.store.getText(first.docId)) ?? '') : '';
      const shown = (known.data as { meetings?: MeetingFact[]; last?: MeetingFact | null } | undefined)?.meetings?.[0] ?? (known.data as { last?: MeetingFact | null } | undefined)?.last ?? undefined;
      // (Only the side events the question names by their words name anything: "host" is asked, though a workshop was
      // "hosted by ARTCI".)
      const namedEvents = shown ? shown.events.filter((e) => eventNamedIn(e.title, unread)).map((e) => e.title) : [];
      const said = first?.docId ? letterSays(letterText, unread, false, shown ? [shown.title, ...namedEvents].join(' ') : '') : [];
      // Hotels: the travel page the letter gives, if it gives one.
      const travelUrl = /\b(?:hotels?|accommodation|lodging|stay)\b/i.test(unread) ? /https?:\/\/[^\s)>\]]*\btravel\b[^\s)>\]]*/i.exec(letterText)?.[0] : undefined;
      const travel = travelUrl ? ` For hotels the letter points to ${travelUrl.replace(/[.,;]+$/, '')}.` : '';
      if (first && said.length > 0) {
        const knownData = known.data as { meetings?: MeetingFact[]; last?: MeetingFact | null } | undefined;
        const meeting = knownData?.meetings?.[0] ?? knownData?.last ?? undefined;
        // A thing asked that has a deadline in the letter ("is there interpretation at TSAG"): the deadline with it.
        // Each thing asked ("interpretation … and captioning"): each one's deadline.
        const kinds = new Set(ASKED_DEADLINE.filter(([re]) => re.test(unread)).map(([, k]) => k));
        const letterDues = kinds.size > 0 && first.docId ? (await ctx.store.deadlines(name ? { group: name } : {}, '-inf', 200)).filter((d) => d.source.docId === first.docId && kinds.has(d.category)) : [];
        // Asked of a side event ("did I need to register for the forum"): its own deadline, when the letter sets one.
        const eventStem = args.event?.toLowerCase().replace(/s$/, '');
        const ofEvent = eventStem ? letterDues.filter((d) => d.action.toLowerCase().includes(eventStem)) : [];
        const dues = ofEvent.length > 0 ? ofEvent : letterDues;
        const dueItems = dues.map((d) => ({ text: `${CATEGORY_LABELS[d.category]}: ${formatDeadline(d, ctx.tz)}${d.due < ctx.now ? ' (past)' : ''}`, detail: d.action, source: first }));
        return {
          ...known,
          title: `What ${sourceLabel(first)} says`,
          sections: [{ heading: `On "${asked}"`, items: said.map((text) => ({ text: meeting ? withReaderTimes(text, meeting, ctx.tz) : text, source: first })) }, ...(dueItems.length > 0 ? [{ heading: dueItems.length > 1 ? 'Their deadlines' : 'Its deadline', items: dueItems }] : []), ...known.sections],
          notes: [`In the letter's own words; the meeting it announces is below.`, ...known.notes],
          data: { ...(known.data ?? {}), unread, said },
        };
      }
      // Asked whether there is a side event of a kind, and the answer says the letter announces none: answered.
      if (args.event && known.notes.some((n) => / announces no |^No .{3,60} is announced for /.test(n))) return known;
      // Nothing asked beyond the meeting, its time and its people ("when will SG21 meet later this year", "is sg 20
      // meeting right now"): the meeting answers it all.
      // (The town the meeting was named by, "sg12rg-afr meeting abidjan", asks nothing more.)
      if (!asksMore(town ? unread.replace(new RegExp(`\\b${RegExp.escape(town)}\\b`, 'gi'), ' ') : unread)) return known;
      return {
        ...known,
        notes: [
          (first ? `I can't answer all of "${asked}": ${sourceLabel(first)}, ${letterOf(first) === 'the letter' ? 'the letter for this meeting' : 'the only document I have on this meeting'}, says nothing I can find on it. This is what I know of the ${name ?? ''} meeting.${travel}` : `I can't answer all of "${asked}": this is what I know of the next ${name ?? ''} meeting.`).replace(/ {2,}/g, ' '), `Deadlines for it (registration, contributions): /deadlines ${name ?? ''}`.trim(), ...known.notes],
        data: { ...(known.data ?? {}), unread },
      };
    }
    const { focus } = args;
    const group = scope.kind === 'group' ? scope.group : scope.kind === 'question' ? groupOfQuestion(scope.question) : null;
    // A meeting under way is still "next": look back 31 days and keep those not yet over.
    const today = meetingDay(ctx.now);
    const ahead = (await ctx.store.meetings(group, ctx.now - 31 * DAY, 50)).filter((m) => m.end >= today);
    // A cancelled meeting is no next meeting; the answer says it was cancelled, and by which letter.
    // A cancellation from an unverified sender is shown as a claim, and the meeting stays.
    const called = ahead.filter((m) => m.cancelledBy);
    // The meeting of the month asked about ("the SG20 May meeting"), when one is known; otherwise the next, saying so.
    // The latest meeting over, when that is what is asked and no month or year says which.
    if (args.past && group && !args.month && !args.year && args.monthAhead === undefined) {
      const last = (await ctx.store.meetings(group, ctx.now, 4, true)).filter((m) => !m.cancelledBy && m.start <= today)[0];
      if (last) {
        const planned = plannedOnly(last);
        return {
          ok: true,
          title: `Last meeting of ${group}: ${formatRange(last.start, last.end)}${last.place ? `, ${last.place}` : ''}${planned ? ` (as ${sourceLabel(sourceOf(last.source))} planned it)` : ''}`,
          sections: [{ items: focus ? [focusItem(last, focus, ctx.tz, false, meetingDay(ctx.now)), ...meetingItems(last, ctx.tz).slice(1)] : meetingItems(last, ctx.tz) }],
          notes: [],
          sources: uniqueSources((last.sources ?? [last.source]).map(sourceOf)),
          data: { group, meetings: [last], last },
        };
      }
    }
    const relativeMonth = args.monthAhead === undefined ? null : DateTime.fromMillis(ctx.now, { zone: ctx.tz }).plus({ months: args.monthAhead });
    const asked = args.month ?? (relativeMonth ? { month: relativeMonth.month, year: relativeMonth.year } : null);
    const span = args.when ? rangeOf(args.when, { now: ctx.now, tz: ctx.tz }) : null;
    const days = span ? rangeDays(span, ctx.tz) : null;
    const window = asked
      ? monthWindow(asked, ctx.now, args.moved ? 'nearest' : args.past === true)
      : args.year
        ? { from: `${args.year}-01-01`, to: `${args.year}-12-31`, words: String(args.year) }
        : span && days
          ? { from: days.from ?? today, to: days.to ? (DateTime.fromISO(days.to).minus({ days: 1 }).toISODate() ?? days.to) : '9999-12-31', words: span.words }
          : null;
    // A Question asked of in a span: its own meetings then ("the Q13/15 meeting in April", in Ottawa), else its group's.
    const inSpan = (m: MeetingFact) => window !== null && !m.cancelledBy && m.start <= window.to && m.end >= window.from;
    const questionInMonth = window && scope.kind === 'question' ? (await ctx.store.meetings(scope.question, Date.parse(`${window.from}T00:00:00Z`) - 31 * DAY, 20)).filter(inSpan) : [];
    const inMonth = questionInMonth.length > 0 ? questionInMonth : window && group ? (await ctx.store.meetings(group, Date.parse(`${window.from}T00:00:00Z`) - 31 * DAY, 20)).filter(inSpan) : [];
    // Asked whether a meeting is still on or was called off: a cancellation of the span asked (of the last half year
    // and what is to come when none is named) answers it.
    // Which meetings the question is of: a working party's, a Question's, or the study group's own plenary.
    const wpAsked = scope.kind === 'group' ? scope.workingParty : undefined;
    const asksOf = (m: MeetingFact) =>
      (!wpAsked || whoMeets(m) === wpAsked) && (scope.kind !== 'question' || m.question === scope.question) && (!args.plenary || !group || whoMeets(m) === group);
    if (args.moved && !inMonth.some(asksOf)) {
      const from = window ? Date.parse(`${window.from}T00:00:00Z`) - 31 * DAY : ctx.now - 183 * DAY;
      const called = (await ctx.store.meetings(group, from, 50)).filter(
        (m) => m.cancelledBy && !m.cancelledBy.unverified && (window ? m.start <= window.to && m.end >= window.from : m.end >= (DateTime.fromMillis(ctx.now - 183 * DAY).toISODate() ?? '')) && asksOf(m),
      );
      if (called.length > 0) {
        const line = (m: MeetingFact) => `the ${whoMeets(m)} meeting of ${formatRange(m.start, m.end)}${inPlace(m.place)} was cancelled [${sourceLabel(cancellationSource(m))}]`;
        const lead = args.moved === 'still-on' ? 'No' : args.moved === 'cancelled' ? 'Yes' : 'It was cancelled, not moved';
        const postponed = group ? [] : ahead.filter((m) => !m.cancelledBy && /\bpostpone\w*|\breschedul\w*|\bnew dates\b/i.test(m.title));
        return {
          ok: true,
          title: group ? `${lead}: ${line(called[0] as MeetingFact)}` : 'Meetings cancelled or postponed',
          sections: group
            ? called.slice(1).map((m) => ({ items: [{ text: `Also: ${line(m)}`, source: cancellationSource(m) }] }))
            : [
                { heading: 'Cancelled', items: called.map((m) => ({ text: line(m).replace(/^the /, 'The '), source: cancellationSource(m) })) },
                ...(postponed.length > 0 ? [{ heading: 'Postponed', items: postponed.map((m) => ({ text: `${m.title}: now ${formatRange(m.start, m.end)}${inPlace(m.place)} [${sourceLabel(sourceOf(m.source))}]`, source: sourceOf(m.source) })) }] : []),
              ],
          notes: [group ? `Its deadlines no longer apply: /deadlines ${group}` : 'The deadlines of a cancelled meeting no longer apply.'],
          sources: uniqueSources([...called.map((m) => cancellationSource(m)), ...postponed.map((m) => sourceOf(m.source))]),
          data: { group, cancelled: called, meetings: [] },
        };
      }
    }

    // Every group's meetings in the month asked ("what meetings are coming up in april 2027").
    const monthOfAll = window && !group ? (await ctx.store.meetings(null, Date.parse(`${window.from}T00:00:00Z`) - 31 * DAY, 50)).filter((m) => !m.cancelledBy && m.start <= window.to && m.end >= window.from) : [];
    const candidates = inMonth.length > 0 ? inMonth : monthOfAll.length > 0 ? monthOfAll : ahead.filter((m) => !m.cancelledBy);
    // None known in the month or year asked: the next, saying so.
    // "in May 2027", "on 3 March", "until 31 Dec 2026", "between now and …": the span as a phrase after the title.
    const during = window ? (/^now\b/i.test(window.words) ? window.words.replace(/^now to /i, 'between now and ') : /^(?:until|before|after|from|since|between)\b/i.test(window.words) ? window.words : window.from === window.to ? `on ${window.words}` : `in ${window.words}`) : '';
    const monthNote = window && (group ? inMonth : monthOfAll).length === 0 ? [group ? `No ${group} meeting is known ${during}; this is the next one.` : `No meeting is known ${during}; these are the next ones.`] : [];
    // A year asked: each of the group's meetings that year.
    const groupChosen = group ? candidates.slice(0, args.year && !args.month && inMonth.length > 0 ? 6 : 1) : candidates;
    // A Question or a working party meets at its study group's meetings and at meetings of its own ("the next meeting
    // of Question 13/15 (Ottawa, 12-16 April 2027)", a letter convening WP3/17 alone): its own next meeting first,
    // then the study group's.
    const wp = scope.kind === 'group' && scope.workingParty && !window ? scope.workingParty : null;
    const question = scope.kind === 'question' && !window ? scope.question : wp;
    let viaParty = false;
    let own = scope.kind === 'question' && !window
      ? (await ctx.store.meetings(scope.question, ctx.now - 31 * DAY, 5)).filter((m) => m.end >= today && !m.cancelledBy).slice(0, 1)
      : wp
        ? ahead.filter((m) => whoMeets(m) === wp && !m.cancelledBy).slice(0, 1)
        : [];
    // A Question meets at its working party's meeting when the letter convening it names the Question ("Only the
    // Questions of this Working Party (Questions 6/17, 7/17 …) will meet").
    if (scope.kind === 'question' && !window && own.length === 0) {
      const parties = ahead.filter((m) => !m.cancelledBy && whoMeets(m).startsWith('WP')).slice(0, 4);
      const docs = await Promise.all(parties.map((m) => ctx.store.getDocument(m.source.docId)));
      own = parties.filter((_, i) => docs[i]?.parsed.questions.some((x) => x.id === scope.question)).slice(0, 1);
      viaParty = own.length > 0;
    }
    // Its working party's meeting is one of its study group's: soonest first.
    const chosen = [...own, ...groupChosen.filter((m) => !own.includes(m))].sort((a, b) => (viaParty ? a.start.localeCompare(b.start) : 0));
    const named = (m: MeetingFact) => cancelledMeetingName(m.title);
    // "WP2/17 meetings?" when only WP3/17's meeting is to come: said so, not passed off as WP2/17's.
    const otherParty = wp && own.length === 0 && chosen[0] && whoMeets(chosen[0]).startsWith('WP') && whoMeets(chosen[0]) !== wp ? `No ${wp} meeting is known; the next ${group ?? ''} meeting is ${whoMeets(chosen[0])}'s` : null;
    // Asked of a span, the cancellations in it only.
    const calledThen = called.filter((m) => !window || (m.start <= window.to && m.end >= window.from));
    const cancelledNotes = calledThen.map((m) =>
      m.cancelledBy?.unverified
        ? `A mail from an unverified sender says this is cancelled: ${named(m)} [${sourceLabel(sourceOf(m.cancelledBy))}]. Nothing is acted on from it.`
        : `Cancelled: ${named(m)} [${sourceLabel(cancellationSource(m))}].`,
    );
    if (chosen.length === 0) {
      const last = (await ctx.store.meetings(group, ctx.now, 4, true)).filter((m) => !m.cancelledBy).slice(0, 1);
      // One called off in the last half year is news too ("/meeting SG2" after its working party's meeting was cancelled).
      const recentlyCalled = group && !window ? (await ctx.store.meetings(group, ctx.now - 183 * DAY, 20)).filter((m) => m.cancelledBy && !m.cancelledBy.unverified && m.end < today) : [];
      // A kind of side event asked about ("is there a newcomers session for SG2"): none to come; the last one announced.
      const eventKind = args.event;
      const lastOfKind = group && eventKind
        ? (await ctx.store.meetings(group, ctx.now, 10, true)).flatMap((m) => m.events.filter((e) => eventOfKind(e.title, eventKind)).map((e) => ({ m, e })))[0]
        : undefined;
      const notes = [
        ...(eventKind && group ? [lastOfKind ? `No ${eventKind.toLowerCase().replace(/s$/, '')} is announced for any ${group} meeting to come; the last was ${lastOfKind.e.title}: ${formatEventTime(lastOfKind.e, ctx.tz)}, for the meeting of ${formatRange(lastOfKind.m.start, lastOfKind.m.end)} [${sourceLabel(sourceOf(lastOfKind.m.source))}].` : `No ${eventKind.toLowerCase().replace(/s$/, '')} of ${group} is announced in the stored documents.`] : []),
        ...cancelledNotes,
        ...recentlyCalled.map((m) => `Cancelled: ${named(m)} [${sourceLabel(cancellationSource(m))}].`),
        // What the cancelling letter says of the next meeting ("will be announced in a separate collective letter").
        ...(await Promise.all(recentlyCalled.slice(0, 1).map(async (m) => {
          const sentences = ((await ctx.store.getText(m.cancelledBy?.docId ?? '')) ?? '').slice(0, 30_000).split(/(?<=[.!?])\s+|\n/);
          const said = sentences.find((x) => x.length <= 400 && /\bnext\b.*\bwill be announced\b/i.test(x))?.trim();
          return said ? [`${sourceLabel(cancellationSource(m))}: "${said.replace(/^\d+(?:\.\d+)*\s+/, '')}"`] : [];
        }))).flat(),
        last[0]
          ? `The last meeting I know of was ${formatRange(last[0].start, last[0].end)}${inPlace(last[0].place)}${plannedOnly(last[0]) ? `, as ${sourceLabel(sourceOf(last[0].source))} planned it` : ''} [${sourceLabel(sourceOf(last[0].source))}].`
          : 'No collective letter announcing a meeting is stored for this group.',
      ];
      // Asked whether a meeting is still on or was moved, and the last one was a postponed one, now over: it was moved,
      // and has been held.
      const movedLast = args.moved && group && last[0] && /\b(?:postpone\w*|moved|reschedul\w*|new dates)\b/i.test(last[0].title) ? last[0] : null;
      const movedFrom = movedLast ? originallyPlanned(movedLast.title) : undefined;
      return {
        ok: true,
        title: movedLast
          ? `The ${group ?? ''} meeting${movedFrom ? ` planned for ${movedFrom}` : ''} was moved to ${formatRange(movedLast.start, movedLast.end)}, and that meeting is over [${sourceLabel(sourceOf(movedLast.source))}]`
          : `No upcoming meeting known for ${group ?? 'any group'}`,
        // The last meeting's side events, when it had some ("… and what events are around it").
        sections: last[0] && last[0].events.length > 0 ? [{ heading: 'The last meeting', items: meetingItems(last[0], ctx.tz) }] : [],
        notes,
        sources: uniqueSources([...called.map((m) => cancellationSource(m)), ...last.map((m) => sourceOf(m.source))]),
        data: { group, meetings: [], cancelled: called, last: last[0] ?? null },
      };
    }
    const first = chosen[0] as MeetingFact;
    // A working party asked of whose study group's meeting is shown: whether its letter says the working party meets
    // during it ("Working Parties 1/17, 2/17 and 3/17 will meet during the study group meeting").
    const partyNumber = wpAsked ? /^WP(\d)\/(\d{1,2})$/.exec(wpAsked) : null;
    const partySaid = partyNumber && group && whoMeets(first) === group && first.source.docId
      ? new RegExp(String.raw`[^.\n]*\b(?:WP\s?${partyNumber[1]}\/${partyNumber[2]}|Working\s+Part(?:y|ies)\s+(?:\d\/\d{1,2}\s*(?:,|and)\s*)*${partyNumber[1]}\/${partyNumber[2]})\b[^.\n]*\bmeet\w*\b[^.\n]*\.?`, 'i').exec((await ctx.store.getText(first.source.docId)) ?? '')?.[0].trim()
      : undefined;
    const partyDuringTitle = partySaid && /\bduring\b/i.test(partySaid) ? `Yes: ${wpAsked} meets during the ${group} meeting of ${formatRange(first.start, first.end)}${inPlace(first.place)} [${sourceLabel(sourceOf(first.source))}]` : null;
    // The meeting under way when asked for the next one: said so, with the one after it.
    const underWay = group && !window && !args.past && !focus && !args.moved && !args.event && scope.kind === 'group' && !scope.workingParty && first.start <= today && first.end >= today;
    const following = underWay ? ahead.find((m) => !m.cancelledBy && m.start > first.end && whoMeets(m) === whoMeets(first)) : undefined;
    if (following) chosen.push(following);
    // "is there an SG17 plenary during the WP3/17 meeting": whether a meeting of the study group itself overlaps it, in
    // the working party's letter's words when it says ("there will be no plenary of Study Group 17 during this period").
    const partyAsked = args.plenary && group && scope.kind === 'group' && scope.workingParty && whoMeets(first) === scope.workingParty ? scope.workingParty : null;
    const plenaryThen = partyAsked ? ahead.find((m) => !m.cancelledBy && whoMeets(m) === group && m.start <= first.end && m.end >= first.start) : undefined;
    const partyPlenarySaid = partyAsked && !plenaryThen ? await noPlenarySaid(ctx, first) : [];
    const partyPlenaryTitle = partyAsked ? (plenaryThen ? `Yes: ${group} meets ${formatRange(plenaryThen.start, plenaryThen.end)}, during the ${partyAsked} meeting of ${formatRange(first.start, first.end)}` : `No ${group} plenary is known during the ${partyAsked} meeting of ${formatRange(first.start, first.end)}`) : null;
    const underWayTitle = underWay ? `${whoMeets(first)} is meeting now, until ${formatRange(first.end, first.end)}${following ? `; its next meeting is ${formatRange(following.start, following.end)}${inPlace(following.place)}` : ''}` : null;
    // (Read before the headline, which says whether the letter offers remote participation.)
    const remoteSaid = args.format && group && first.source.docId ? letterSays((await ctx.store.getText(first.source.docId)) ?? '', 'remote participation').filter((t) => REMOTE_SAID.test(t)) : [];
    const headline = focus && group ? focusItem(first, focus, ctx.tz, args.registration === true, meetingDay(ctx.now)).text : args.format && group ? formatHeadline(first, whoMeets(first), remoteSaid.some((t) => /\bremote\b/i.test(t))) : null;
    // Asked about taking part from afar: the letter's own sentences on it ("Remote participation is provided for the
    // opening and closing plenaries; for other sessions it can be requested 24 hours in advance").
    const letterSource = sourceOf(first.source);
    const remoteSection = remoteSaid.length > 0 ? [{ heading: `What ${sourceLabel(letterSource)} says`, items: remoteSaid.map((text) => ({ text: withReaderTimes(text, first, ctx.tz), source: letterSource })) }] : [];
    // Asked for the study group's plenary when only its working parties meet: say there is none known, in the letter's
    // words when it says so ("there will be no plenary of Study Group 17 during this period").
    // Asked for the study group's next meeting when only its working parties meet: said so too, without being asked.
    const onlyParties = Boolean(group && scope.kind === 'group' && !scope.workingParty && chosen.length > 0 && chosen.every((m) => whoMeets(m) !== group));
    const noPlenary = args.plenary && onlyParties;
    const plenarySaid = onlyParties ? await noPlenarySaid(ctx, first) : [];
    const parties = [...new Set(chosen.map(whoMeets))].join(', ');
    const plenaryNotes = onlyParties
      ? [noPlenary ? `No plenary meeting of ${group} is known${during ? ` ${during}` : ''}: ${chosen.length > 1 ? 'these are meetings' : 'this is a meeting'} of ${parties}.` : `${chosen.length > 1 ? 'These are meetings' : 'This is a meeting'} of ${parties}, not a plenary of ${group}.`, ...plenarySaid.map((t) => `${sourceLabel(letterSource)}: "${t}"`)]
      : [];
    // Asked whether it was moved: yes, when the letter for it is a postponement ("Postponement of the meeting of Study
    // Group 13 (originally planned for 8-19 March 2027)").
    const postponedBy = args.moved && group && /\b(?:postpone\w*|moved|reschedul\w*|new dates)\b/i.test(first.title) ? first : null;
    const originally = postponedBy ? originallyPlanned(first.title) : undefined;
    // "Is it still on" of the new dates themselves ("the SG13 April meeting"): yes, it was moved there.
    const askedNewDates = args.moved === 'still-on' && window !== null && first.start <= window.to && first.end >= window.from;
    const reason = postponedBy && args.whyMoved ? reasonGiven(await ctx.store.getText(postponedBy.source.docId)) : null;
    const movedTitle = !postponedBy
      ? null
      : args.whyMoved
        ? `The ${whoMeets(first)} meeting${originally ? ` planned for ${originally}` : ''} was moved to ${formatRange(first.start, first.end)}${reason ? ` ${reason}` : '; the letter gives no reason'} [${sourceLabel(letterSource)}]`
        : askedNewDates
        ? `Yes: the ${whoMeets(first)} meeting of ${formatRange(first.start, first.end)} is on; it was moved to these dates${originally ? ` from ${originally}` : ''} [${sourceLabel(letterSource)}]`
        : args.moved === 'cancelled'
          ? `No, not cancelled: the ${whoMeets(first)} meeting${originally ? ` planned for ${originally}` : ''} was moved to ${formatRange(first.start, first.end)} [${sourceLabel(letterSource)}]`
          : `${args.moved === 'told' ? 'The' : `${args.moved === 'still-on' ? 'No' : 'Yes'}: the`} ${whoMeets(first)} meeting${originally ? ` planned for ${originally}` : ''} was moved to ${formatRange(first.start, first.end)} [${sourceLabel(letterSource)}]`;
    const movedNotes = args.moved && group && !postponedBy ? [`No stored letter says this ${group} meeting was moved or postponed.`] : [];
    // A kind of side event asked about that the letter does not announce ("when is the newcomers briefing for SG20"): say so.
    const eventKind = args.event;
    const ofKind = eventKind ? first.events.filter((e) => eventOfKind(e.title, eventKind)) : [];
    // "is the SG5 workshop on 12 September": yes or no, when the meeting has one event of that kind.
    const onDayTitle = args.onDay && group && ofKind.length === 1 && ofKind[0] ? eventDayAnswer(ofKind[0], args.onDay) : null;
    // … and the last one of that kind held, which may be the one asked of ("what time was the SG21 clinic").
    const lastOfKind = eventKind && group && ofKind.length === 0
      ? (await ctx.store.meetings(group, ctx.now, 10, true)).filter((m) => !m.cancelledBy).flatMap((m) => m.events.filter((e) => eventOfKind(e.title, eventKind)).map((e) => ({ m, e })))[0]
      : undefined;
    // "is there a workshop?" of a group's meeting that has one: that event first.
    const eventTitle = eventKind && group && ofKind.length > 0 && !focus && !args.moved ? ofKind.map((e) => `${e.title}: ${formatEventTime(e, ctx.tz)}`).join('; ') : null;
    // "when is the sg13 opening plenary": the session so announced, not the day the Questions start.
    const sessionAsked = args.session ? first.events.find((e) => new RegExp(String.raw`\b${args.session}\s+plenary\b`, 'i').test(e.title)) : undefined;
    const sessionTitle = sessionAsked ? `The ${whoMeets(first)} ${args.session} plenary: ${formatEventTime(sessionAsked, ctx.tz)}` : null;
    const noEventNotes = eventKind && group && ofKind.length === 0
      ? [
          `${sourceLabel(letterSource)} announces no ${eventKind.toLowerCase().replace(/s$/, '')} for this ${whoMeets(first)} meeting.`,
          ...(lastOfKind ? [`The last was ${lastOfKind.e.title}: ${formatEventTime(lastOfKind.e, ctx.tz)}, for the meeting of ${formatRange(lastOfKind.m.start, lastOfKind.m.end)} [${sourceLabel(sourceOf(lastOfKind.m.source))}].`] : []),
          ...(lastOfKind && args.registration && eventKind ? await registrationSaid(ctx, lastOfKind.m, eventKind) : []),
        ]
      : [];
    return {
      ok: true,
      title: otherParty ?? movedTitle ?? onDayTitle ?? partyDuringTitle ?? sessionTitle ?? eventTitle ?? (args.until ? untilTitle(first, ctx.now, ctx.tz) : null) ?? underWayTitle ?? partyPlenaryTitle ?? (noPlenary ? `No plenary of ${group} known${during ? ` ${during}` : ''}` : headline ?? (question && own.length > 0 ? `Next meetings of ${question}` : group ? (inMonth.length > 0 && window ? `${chosen.length > 1 ? 'Meetings' : 'Meeting'} of ${group} ${during}` : `Next meeting of ${group}`) : monthOfAll.length > 0 && window ? `Meetings ${during}` : focus === 'time' ? 'Upcoming meetings and when they open' : focus === 'place' ? 'Upcoming meetings and where' : 'Upcoming meetings')),
      // One group: the title answers and the lines give the details. All groups: each meeting's answer, then its side events.
      sections: [...remoteSection, ...chosen.map((m) => ({ items: focus && !group ? [focusItem(m, focus, ctx.tz, false, meetingDay(ctx.now)), ...meetingItems(m, ctx.tz).slice(1)] : args.format && !group ? withFormat(meetingItems(m, ctx.tz), m) : meetingItems(m, ctx.tz) }))],
      notes: [...(partySaid ? [`${sourceLabel(sourceOf(first.source))}: "${partySaid.replace(/^\d{1,2}\.\s+/, '')}"`] : []), ...partyPlenarySaid.map((t) => `${sourceLabel(sourceOf(first.source))}: "${t}"`), ...(args.howLong ? [lengthNote(first)] : []), ...noEventNotes, ...movedNotes, ...(noPlenary ? plenaryNotes : []), ...(movedTitle ? [] : monthNote), ...cancelledNotes, ...(noPlenary ? [] : plenaryNotes), ...(question && own.length > 0 && chosen.length > 1 ? [viaParty ? `${question} meets at ${whoMeets(own[0] as MeetingFact)}'s meeting (its letter names ${question}) and at ${group ?? 'its study group'}'s.` : `${question} meets at meetings of its own and at ${group ?? 'its study group'}'s; its own next one is first.`] : [])],
      sources: uniqueSources([...chosen.flatMap((m) => (m.sources ?? [m.source]).map(sourceOf)), ...calledThen.map((m) => cancellationSource(m))]),
      // `noneInSpan`: no meeting falls in the span asked; the note saying so (the next ones are shown instead).
      data: { group, focus, meetings: chosen, cancelled: called, ...(monthNote[0] ? { noneInSpan: monthNote[0] } : {}), ...(focus ? { answers: chosen.map((m) => ({ group: m.group, start: m.start, place: m.place, opens: formatOpening(m, ctx.tz) })) } : {}) },
    };
  },
});
export default meetingCommand;
