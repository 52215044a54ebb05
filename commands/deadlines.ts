/**
 * `deadlines [group|Question] [dates] [--all]`: upcoming deadlines, soonest first, each with its source; with dates
 * ("next week", "in May 2026", "between 1 and 15 March", "before April"), those due in that range.
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import { canonicalGroup, groupOfQuestion } from '../src/core/groups.ts';
import { STILL_APPLIES_ASKED, splitCategories } from '../src/core/deadline-words.ts';
import { CATEGORY_LABELS } from '../src/core/labels.ts';
import { DEADLINE_CATEGORIES, type DeadlineCategory } from '../src/core/types.ts';
import { defineCommand, noAnswer, type CommandContext, type Reply } from '../src/core/command.ts';
import { dueAt, formatDeadline, formatRange, whenWords } from '../src/core/time.ts';
import { citeOf, type DeadlineFact, type MeetingFact, type StoredDocument } from '../src/store/facts.ts';
import { findDates, GENEVA_ZONE as GENEVA } from '../src/parse/dates.ts';
import { findReferences } from '../src/parse/reference.ts';
import { findRecommendations } from '../src/parse/refs.ts';
import { cancellationSource, cancelledMeetingName, farAfterNote, findScope, leftover, sourceLabel, sourceOf, uniqueSources, unknownGroupReply, whoMeets, type Scope } from './scope.ts';
import { meetingsNamed } from './topic.ts';
import { dueIn, rangeDays, rangeOf, splitWhen, type Clock, type DateRange } from './when.ts';

/** Upcoming deadlines an answer lists at most. */
const SHOWN = 50;

/**
 * {@link formatDeadline} remembered per deadline and reader's zone: it depends on nothing else, and luxon's zone
 * arithmetic behind it is most of an answer's time. Bounded: cleared when full.
 */
const formatted = new Map<string, string>();
const FORMATTED_MAX = 20_000;

function formatCached(d: Pick<DeadlineFact, 'date' | 'time' | 'timezone'>, tz: string): string {
  const key = `${d.date}\u0000${d.time ?? ''}\u0000${d.timezone}\u0000${tz}`;
  let text = formatted.get(key);
  if (text === undefined) {
    if (formatted.size >= FORMATTED_MAX) formatted.clear();
    text = formatDeadline(d, tz);
    formatted.set(key, text);
  }
  return text;
}

/** Whose deadline it is, for a list of every group's: "SG17 (Q11/17)", "SG13, SG20". */
function whose(d: DeadlineFact): string {
  const groups = (d.groups ?? (d.group ? [d.group] : [])).join(', ');
  return d.questions.length > 0 ? `${groups ? `${groups} ` : ''}(${d.questions.join(', ')})` : groups;
}

/** The Recommendations a consultation's letter names in its subject ("… on draft new Recommendation ITU-T G.9806.1 and …"). */
function consultedTexts(d: DeadlineFact): string {
  if (d.category !== 'consultation-reply' || !d.source.title || !/\b(?:TAP|AAP|consultation|Last Call|approval|deletion)\b/i.test(d.source.title)) return '';
  const numbers = findRecommendations(d.source.title).map((r) => r.id);
  return numbers.length > 0 ? ` on ${numbers.join(', ')}` : '';
}

/** A deadline's name: its kind's, or for one of no known kind what its sentence says it is for ("Abstracts"). */
function labelOf(d: DeadlineFact): string {
  if (d.category !== 'other') return CATEGORY_LABELS[d.category];
  const named = /\b(?:deadline|closing date|due date|last day)\s+for\s+(?:the\s+)?(?:submission\s+of\s+|submitting\s+)?([\p{L}][\p{L} -]{2,30}?)(?=[,.;:(]|\s+(?:is|are|was|will|by|on|to|must|should)\b|\s*$)/iu.exec(d.action)?.[1];
  return named ? `${named.charAt(0).toUpperCase()}${named.slice(1)}` : CATEGORY_LABELS.other;
}

/**
 * One deadline as a line. `scope`: `true` names each deadline's group (every group's list); a group names the
 * deadlines of another group listed with its own (a regional group's under its study group: "— SG13RG-ARB").
 */
function item(d: DeadlineFact, tz: string, now: number, scope: boolean | Scope = false) {
  const when = whenWords(d.due, now, tz);
  const source = sourceOf(d.source);
  const own = typeof scope === 'object' && scope.kind === 'group' ? scope.group : null;
  const who = scope === true || (own !== null && d.group !== null && d.group !== own) ? whose(d) : '';
  return {
    text: `${formatCached(d, tz)} (${when}): ${labelOf(d)}${consultedTexts(d)}${who ? ` — ${who}` : ''}${d.derived ? ' (derived from a rule in the letter)' : ''}${farAfterNote(d.date, d.source.date)}`,
    detail: `${d.action} [${sourceLabel(source)}]`,
    source,
  };
}

/** The note under every list of deadlines: in which zone its times are shown. */
function timesNote(tz: string): string {
  return `Times are shown in ${tz}, with the document's original time beside them.`;
}

/** The deadlines one stored document gives (of `kinds` when some are asked and it has them), soonest first. */
function documentDeadlines(ctx: CommandContext, doc: StoredDocument, kinds: ReadonlySet<DeadlineCategory> | null): Reply {
  const source = citeOf(doc);
  const all = doc.parsed.deadlines.map((d): DeadlineFact => ({ ...d, source, group: doc.parsed.group, questions: [], due: dueAt(d) })).sort((a, b) => a.due - b.due);
  // A reply is a reply: "replies to TSB Circular 241" asks for its consultation's reply date.
  const replies = new Set<DeadlineCategory>(['liaison-reply', 'consultation-reply']);
  const ofKind = kinds ? all.filter((d) => kinds.has(d.category) || (replies.has(d.category) && [...kinds].some((k) => replies.has(k)))) : all;
  const facts = ofKind.length > 0 ? ofKind : all;
  const label = sourceLabel(sourceOf(source));
  const upcoming = facts.filter((d) => d.due >= ctx.now);
  const past = facts.filter((d) => d.due < ctx.now);
  return {
    ok: true,
    title: facts.length > 0 ? `Deadlines in ${label}` : `${label} gives no deadline`,
    sections: [
      ...(upcoming.length > 0 ? [{ heading: 'Upcoming', items: upcoming.map((d) => item(d, ctx.tz, ctx.now)) }] : []),
      ...(past.length > 0 ? [{ heading: 'Past', items: past.map((d) => item(d, ctx.tz, ctx.now)) }] : []),
    ],
    notes: [...(kinds && ofKind.length === 0 && all.length > 0 ? [`It gives no ${kindWords(kinds)} deadline; these are the ones it gives.`] : []), ...(facts.length > 0 ? [timesNote(ctx.tz)] : [])],
    sources: [sourceOf(source)],
    data: { scope: label, upcoming, past },
  };
}

/** Arguments of `deadlines`. */
export interface DeadlineArgs {
  scope: Scope;
  all: boolean;
  /** The date phrase asked about ("next week"), or `null`. */
  when: string | null;
  /** The range `when` means, read when the asking instant was known; else the command reads it. */
  range: DateRange | null;
  /** Kinds of deadline asked about ("the registration deadline"), or `null` for every kind. */
  categories: DeadlineCategory[] | null;
  /** Words neither a group nor a date: the answer says they were not understood. */
  unread: string | null;
  /** Further groups or Questions asked about at once ("SG 13 or SG 11"): each answered as `scope` is. */
  more?: Scope[];
  /** Asked in the past tense ("which deadlines did we miss in April"): a month without its year is the latest begun. */
  pastTense?: boolean;
  /** Asked whether a kind of deadline is still open or has passed ("is the SG13 fellowship deadline still open?"). */
  openAsked?: 'open' | 'passed';
  /** The month that names the meeting asked about ("for the april 2027 meeting"): that meeting's letter's deadlines. */
  meetingMonth?: string;
  /** Asked of the group's next meeting ("registration deadline for the SG17 meeting"): that meeting's, said so. */
  nextMeeting?: boolean;
  /** Asked whether a deadline still applies ("so the 3 march contribution deadline doesn't apply anymore?"). */
  applyAsked?: boolean;
  /** Due before the next meeting of this group, not the one asked about, opens ("SG17's, before the SG20 meeting"). */
  beforeMeeting?: string;
}

const deadlineArgs = z.object({
  scope: z.custom<Scope>(),
  all: z.boolean(),
  when: z.string().nullable(),
  range: z.object({ from: z.number().nullable(), to: z.number().nullable(), words: z.string() }).nullable(),
  categories: z.array(z.enum(DEADLINE_CATEGORIES)).nullable(),
  unread: z.string().nullable(),
  more: z.array(z.custom<Scope>()).optional(),
  pastTense: z.boolean().optional(),
  openAsked: z.enum(['open', 'passed']).optional(),
  meetingMonth: z.string().optional(),
  nextMeeting: z.boolean().optional(),
  beforeMeeting: z.string().optional(),
  applyAsked: z.boolean().optional(),
});

/** Words of a deadline question that are neither a group nor a date: "what's due", "show me", "including past". */
const QUESTION_WORDS = /(?:^|\s)(?:what(?:'s|’s|s)?|which|when|exactly|precisely|actually|so|first|earliest|soonest|apply|applies|anymore|valid|doesn['’]?t|don['’]?t|longer|who|whom|left|remaining|outstanding|still|is|are|there|any(?:thing)?|all|including|past|show|list|tell|give|me|us|key|important|due|fall(?:s|ing)?|do|does|did|i|we|you|they|have|has|must|should|to|submit|send|sent|time|dates?|miss(?:ed)?|member states?|administrations?|delegates?|members?|sector members?)(?=\s|$)/gi;

// "the SG 12 meeting in may": a month naming the meeting.
const MEETING_MONTH = /\b(meeting|session|plenary)\s+(?:in|of)\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+\d{4})?|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+\d{4})?\s+(meeting|session|plenary)\b/gi;
// The first such phrase (MEETING_MONTH is global, for replacing every one), and its month and year.
const MEETING_MONTH_ONE = new RegExp(MEETING_MONTH.source, 'i');
const MONTH_WORDS = /(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+\d{4})?/i;

/**
 * Read "SG 20 next week --all" into a scope, a date range and the `--all` flag. With `clock` the range is read
 * at once (relative to the asking instant, in the reader's zone); without, the command reads it when it runs.
 */
/** "before the SG20 meeting", "ahead of the next SG20 plenary": a span that ends when that group's next meeting opens. */
const BEFORE_MEETING = /\b(?:before|until|till|by|ahead of|prior to|in time for)\s+(?:the\s+)?(?:next\s+|upcoming\s+|coming\s+)?(?:(?<group>(?:ITU-T[\s-]+)?(?:SG\s?\d{1,2}|study group \d{1,2}|TSAG))(?:['’]s)?\s+)?(?:meeting|plenary|session)\b/i;

export function parseDeadlineText(rest: string, clock?: Clock): DeadlineArgs {
  const before = BEFORE_MEETING.exec(rest);
  const group = before?.groups?.['group'] ? canonicalGroup(before.groups['group']) : null;
  if (!before || !group) return parseDeadlineWords(rest, clock);
  // (Before a meeting of the group asked about, "what do I have to do before the SG13 meeting" asks for the deadlines
  // its letter sets, as read without this.)
  const parsed = parseDeadlineWords(`${rest.slice(0, before.index)} ${rest.slice(before.index + before[0].length)}`, clock);
  const asked = parsed.scope.kind === 'group' ? parsed.scope.group : parsed.scope.kind === 'question' ? groupOfQuestion(parsed.scope.question) : null;
  return asked && asked !== group && !parsed.more ? { ...parsed, beforeMeeting: group } : parseDeadlineWords(rest, clock);
}

function parseDeadlineWords(rest: string, clock?: Clock): DeadlineArgs {
  // Past ones too when asked so, or asked in the past tense: "when were replies due", "when did registration close".
  const all = /(?:^|\s)--?all\b|\ball\b.*\bpast\b|\bincluding past\b|^\s*past\b|\b(?:did|have)\s+(?:I|we)\s+miss(?:ed)?\b|^\s*when\s+(?:were|was|did)\b|\b(?:were|was)\s+(?:\w+\s+)?due\b|\b(?:closed|expired|ended|passed|lapsed|went by|gone by)\b/i.test(rest);
  // "the last day to submit", "the final date for registration": the deadline itself, not yesterday.
  // "the postponed SG13 meeting" names the meeting; it does not ask whether a deadline moved.
  const text = rest.replace(/(?:^|\s)--?all\b/gi, ' ').replace(/\b(?:postponed|rescheduled|moved)\s+(?=(?:(?:SG\s?\d{1,2}|TSAG|WP\s?\d\/\d{1,2}|study group \d{1,2})\s+)?meetings?\b)/gi, '').replace(/\b(?:the\s+)?(?:last|final|closing)\s+(?:day|date)\s+(?=to\b|for\b|of\b)/gi, 'deadline ');
  const found = findScope(text);
  // "SG 13 or SG 11", "SG13 and Q4/20": several known groups, each answered in turn.
  // ("SG2 WP1/2" names one study group twice: it is one.)
  // (Of a group named twice, the naming with its working party is kept.)
  const keyOf = (x: Scope) => (x.kind === 'group' ? x.group : x.kind === 'question' ? x.question : x.kind);
  const byKey = new Map<string, Scope>();
  for (const x of found.several ?? []) if (!byKey.has(keyOf(x)) || (x.kind === 'group' && x.workingParty)) byKey.set(keyOf(x), x);
  const distinct = found.several ? [...byKey.values()] : undefined;
  const several = distinct && distinct.length > 1 && distinct.every((x) => x.kind === 'group' || x.kind === 'question') ? distinct : null;
  const named = several ? { scope: several[0] ?? null, rest: found.rest } : distinct?.length === 1 ? { scope: distinct[0] ?? null, rest: found.rest } : found;
  // "for the SG 12 meeting in may": the month says which meeting, not when its deadlines fall.
  const meetingMonth = MONTH_WORDS.exec(MEETING_MONTH_ONE.exec(named.rest)?.[0] ?? '')?.[0];
  const { when, rest: dateless } = splitWhen(named.rest.replace(MEETING_MONTH, (_, a?: string, b?: string) => a ?? b ?? ''));
  const { categories, rest: words } = splitCategories(dateless);
  const left = leftover(words, QUESTION_WORDS).replace(QUESTION_WORDS, ' ').replace(/\s+/g, ' ').trim();
  const pastTense = all && !/(?:^|\s)--?all\b/i.test(rest);
  const range = when && clock ? rangeOf(when, clock, { past: pastTense }) : null;
  const openAsked = categories !== null && OPEN_ASKED.test(rest.slice(0, 300)) ? (PASSED_ASKED.test(rest.slice(0, 300)) ? 'passed' : 'open') : undefined;
  // Words left that read as a group ("SG99", "IETF") are a group sgbot does not know; others, with a deadline asked
  // ("abstract deadline?", "when are papers due"), are what the deadline is for.
  // (An event named, "the workshop on AI-native networks", is looked up as such.)
  const groupLike = /^[A-Z][A-Z\d/&-]+$/.test(left) || /\b(?:SG|WP|Q|RG)[\s-]?\d|\bstudy\s+group\b|\b(?:workshops?|forums?|symposi(?:um|a)|summits?|seminars?|hackathons?|webinars?|meetings?|clinics?|trainings?|events?|sessions?)\b/i.test(left) || !/\b(?:deadlines?|due|by when|last day|cut-?off)\b/i.test(rest);
  if (named.scope === null && when === null && categories === null && left !== '' && groupLike) return { scope: { kind: 'unknown', text: left }, all, when, range, categories, unread: null, pastTense };
  const joined = left.replace(/(?:^|\s)(?:or|and|&|,)(?=\s|$)/gi, ' ').trim();
  if (several) return { scope: named.scope ?? { kind: 'all' }, all, when, range, categories, unread: joined === '' ? null : joined, more: several.slice(1), pastTense };
  // Asked whether "the contributions deadline" has passed: the contributions one, not the translation one (which
  // "contributions" also names in a list), unless translation is named.
  const asked = openAsked && categories?.includes('contributions') && !/\btranslat/i.test(rest) ? categories.filter((c) => c !== 'translated-contributions') : categories;
  // "registration deadline for the SG17 meeting", "… for its next meeting": the group's next meeting's.
  const nextMeeting = !meetingMonth && !when && asked !== null && /\bfor\s+(?:the\s+)?(?:next\s+|upcoming\s+|coming\s+)?(?:ITU-T\s+)?(?:SG\s?\d{1,2}|TSAG|study group \d{1,2}|WP\s?\d\/\d{1,2})(?:['’]s)?\s+meeting\b(?!\s+(?:in|of|on)\s)/i.test(rest.slice(0, 300));
  return { scope: named.scope ?? { kind: 'all' }, all, when, range, categories: asked, unread: left === '' ? null : left, pastTense, ...(nextMeeting ? { nextMeeting } : {}), ...(meetingMonth ? { meetingMonth } : {}), ...(openAsked ? { openAsked } : {}), ...(STILL_APPLIES_ASKED.test(rest.slice(0, 300)) ? { applyAsked: true } : {}) };
}

/**
 * Deadlines due from now until `group`'s next meeting opens. No such meeting stored: the deadlines as asked without
 * the span, saying so.
 */
async function untilMeeting(ctx: CommandContext, args: DeadlineArgs, group: string): Promise<Reply> {
  const { beforeMeeting: _before, ...rest } = args;
  const today = DateTime.fromMillis(ctx.now, { zone: GENEVA }).toISODate() ?? '';
  const meeting = (await ctx.store.meetings(group, ctx.now - 31 * DAY_MS, 10)).find((m) => !m.cancelledBy && m.start >= today);
  if (!meeting) {
    const reply = await deadlinesCommand.run(ctx, rest);
    return { ...reply, notes: [`No ${group} meeting to come is stored, so the deadlines are not cut at one.`, ...reply.notes] };
  }
  const opens = DateTime.fromISO(meeting.start, { zone: meeting.timezone ?? GENEVA }).toMillis();
  const reply = await deadlinesCommand.run(ctx, { ...rest, when: null, range: { from: ctx.now, to: opens, words: `before the ${whoMeets(meeting)} meeting of ${formatRange(meeting.start, meeting.end)}` } });
  return { ...reply, sources: uniqueSources([...reply.sources, sourceOf(meeting.source)]) };
}

/**
 * Whether the deadlines of a span still apply: not when the meeting they were set for was cancelled, else they stand
 * as listed.
 */
function stillApplies(reply: Reply, tz: string): Reply {
  const { upcoming = [], past = [], cancelled = [] } = (reply.data ?? {}) as { upcoming?: DeadlineFact[]; past?: DeadlineFact[]; cancelled?: MeetingFact[] };
  const called = cancelled[0];
  if (called) return { ...reply, title: `No longer: ${cancelledNote(called)}` };
  const d = upcoming[0] ?? past[0];
  return d ? { ...reply, title: `It stands: ${CATEGORY_LABELS[d.category].toLowerCase()} due ${formatCached(d, tz)} [${sourceLabel(sourceOf(d.source))}]; no stored letter withdrew it` } : reply;
}

/** The same asked the other way round: whether it has passed (a "yes" means it is closed). */
const PASSED_ASKED = /\b(?:passed|closed|over|expired|gone|too\s+late)\b/i;
/** "is the SG13 fellowship deadline still open?", "has the SG11 registration deadline passed?", "can I still register". */
const OPEN_ASKED = /^\s*(?:is|are|has|have|was|were)\b.*\b(?:still\s+open|open\s+still|(?:already\s+)?(?:passed|closed|over|expired|gone))\b|\b(?:can|could)\s+(?:I|we)\s+still\b|\bstill\s+time\b|\btoo\s+late\b/i;

const deadlinesCommand = defineCommand({
  name: 'deadlines',
  aliases: ['deadline', 'dl'],
  summary: 'Deadlines of a study group or Question, soonest first; in a date range, or --all for past ones too.',
  usage: 'deadlines [SG20|Q4/20|TSAG] [next week|in May 2026|between 1 and 15 March|before April] [--all]',
  examples: ['deadlines SG20', 'deadlines Q11/20', 'deadlines SG20 next week', 'deadlines Q4/20 between 1 and 15 March', 'deadlines before April', 'deadlines SG13 --all', 'deadlines'],
  args: deadlineArgs,
  parseText: parseDeadlineText,
  // A short question that names a group and something due or a time: "TSAG due this week", "sg17 anything this
  // month?", "what do i need to submit for SG11 over the next 3 weeks", "when does tsag registration close".
  fallbacks: [
    /^(?!.*\b(?:LSs?|liaisons?|liaison statements?|rapporteurs?|chairs?|leads?)\b)(?!(?=.*\b(?:remote(?:ly)?|hybrid|virtual|in person|venue|plenary|interpretation|badges?|still|postponed|moved|cancell?ed|held)\b)(?!.*\b(?:due|deadlines?|submit|submission|register|registration|fellowships?|visas?|contributions?|close[sd]?|closing)\b))(?!(?=.*\b(?:clinics?|briefings?|workshops?|sessions?|webinars?|tutorials?|receptions?|hackathons?)\b)(?!.*\b(?:due|deadlines?|submit|submission|close[sd]?|closing|register|registration|cut-?off)\b))(?=.*(?:\bSG[\s-]?\d|\bstudy group \d|\bTSAG\b|\bQ\d{1,2}\/\d|\bWP\d))(?=.*\b(?:due|deadlines?|submit|submission|close[sd]?|closing|register|registration|contributions?|fellowships?|visas?|captioning|today|tomorrow|tonight|this (?:week|month|quarter|year)|next (?:week|month|quarter|\d+ (?:days|weeks))|(?:before|by|until|in|during) (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|in Q[1-4])\b).+$/i,
  ],
  intents: [
    /^(?:what (?:are|were|was|is) |show(?: me)? |list )?(?:the |its |their )?(?:upcoming |next |key )?deadlines?\b(?<arg>.*)$/i,
    // "what do I need to submit before May?", "what must we send in by 15 April": what is due then, of every group.
    /^what (?:do|does|must|should) (?:I|we|one) (?:need to |have to )?(?:submit|send(?: in)?|register for|get in)\b(?<arg>.*)$/i,
    // "what are the key dates for WP3/17", "important dates sg20"
    /^(?:what are |show(?: me)? |list )?(?:the )?(?:key|important|main)\s+dates\b(?<arg>.*)$/i,
    /^when (?:is|are) (?:the )?(?:next )?deadlines?\b(?<arg>.*)$/i,
    // ("when are contributions due for TSAG": the contributions deadline, its kind read with the group.)
    /^(?<arg>when (?:is|are) (?:the )?(?:next )?contributions? due\b.*)$/i,
    // "when is the TAP reply due for SG20", "when do we have to reply to the consultation", "when must I register"
    /^(?<arg>when (?:is|are|do|does|must|should) (?!.*\bmeeting\b).*\b(?:due|reply|replies|register|submit)\b.*)$/i,
    // "is there an open TAP consultation I should reply to?", "any consultations open?": the consultations' reply dates to come.
    // (Only these words after it: a group, a Recommendation or anything else named is another question.)
    /^(?:is there|are there|any|which|what)(?: an?| any)? (?:open |current |ongoing |pending |active |running )?(?:TAP |AAP |Member States?['’]? )?(?<arg>consultations?)(?:\s+(?:(?:that\s+)?(?:I|we)\s+(?:should|must|need to|have to|can)\s+(?:reply|respond|answer)(?:\s+to)?|(?:are\s+|is\s+)?(?:still\s+)?(?:open|running|ongoing|going on)|right now|now|at the moment|currently|at present|to (?:reply|respond) to|to answer))*\s*[?!.]*$/i,
    // "when did the consultation on Y.3188 and Y.3207 close", "when does the TAP consultation on G.9806.1 end"
    /^(?<arg>when (?:does|did|will|is|was) (?:the )?(?:[\w-]+ ){0,3}consultation\b.*\b(?:close|closed|closes|closing|end|ended|ends|finish|finished|over|due)\b.*)$/i,
    // "by when must member states reply to the TAP on G.9806.1", "until when can we comment on Y.4250"
    /^(?:by|until|till) when (?:must|should|do|does|can|is|are|will) (?<arg>.*\b(?:due|reply|replies|respond|comment|register|submit|object)\b.*)$/i,
    // "what's coming up for Question 2/13", "anything coming up for SG20 next week?", "what's on in Q1"
    // ("any upcoming workshops?" asks of side events, which the meeting answer gives.)
    /^(?:what(?:'s|’s| is)?|(?:is )?any(?:thing)?)\s+(?:coming up|upcoming)\b(?!.*\b(?:workshops?|forums?|seminars?|webinars?|symposi(?:um|a)|hackathons?|clinics?|side events?|tutorials?|briefings?|newcomers?|trainings?)\b)(?<arg>.*)$/i,
    /^what(?:'s|’s| is) on\b(?!.*\bmeetings?\b)(?<arg>.*)$/i,
    // "what was due this month", "what were we due to send in may": the past ones too, read from the whole question.
    /^(?<arg>(?:so |and )?(?:what|anything|which deadlines?) (?:was|were) (?:\w+ )?due\b.*)$/i,
    // "what's due next week for SG20", "what is due for SG 20 in May 2026", "is anything due before April?"
    /^(?:so |and )?(?:what(?:'s|’s|s| is| are)?|whats|(?:is |are )?(?:there )?any(?:thing)?) (?:else |that's |that is |coming )?due\b(?<arg>.*)$/i,
    /^(?<arg>.*?)\s+deadlines\??$/i,
    // "last day to ask for a fellowship for the sg11 march meeting", "final date for visa requests SG13"
    /^(?:the )?(?:last|final|closing) (?:day|date) (?:to|for)\b(?<arg>.*)$/i,
    // "any open consultations right now", "current TAP consultations", "is any member state consultation open right
    // now?": consultation replies still due.
    /^(?:are there |is there |(?:is|are) |any |which |what |list |show(?: me)? )*(?:(?:the|an?|open|current|ongoing|pending|running|active|Member[- ]States?'?)\s+)*(?<arg>(?:(?:ITU-T\s+)?(?:SG\s?\d{1,2}|study group \d{1,2}|TSAG)\s+)?(?:TAP |AAP )?consultations?\b[^?!.]*?)(?:\s+(?:still\s+)?(?:open|running|going on|right now|now|at the moment|currently|at present))*[?!.]*$/i,
    // "which recommendations did SG11 propose to delete": its consultations, past ones too, each with its texts.
    /^(?:which|what) (?:Recommendations?|recs?|texts?) (?:did|does|has|have|is|are|will) (?<arg>(?:ITU-T[\s-]+)?(?:SG[\s-]?\d{1,2}|study group \d{1,2}|TSAG) (?:propos(?:e|ed|ing)) (?:to )?(?:delete|deletion|suppress))\b[^?!.]*[?!.]*$/i,
    // "which Recommendations are in the SG15 TAP consultation": the consultations, each with the texts it is on.
    /^(?:which|what) (?:draft )?(?:Recommendations?|recs?|texts?|drafts?) (?:are |is )?(?:in|under|covered by|part of|included in|out for) (?:the )?(?<arg>(?:(?:ITU-T[\s-]+)?(?:SG[\s-]?\d{1,2}|study group \d{1,2}|TSAG)\s+)?(?:TAP |AAP )?(?:consultations?|last call)\b[^?!.]*)[?!.]*$/i,
    // "when may I register for the SG20 meeting", "when can we submit contributions to SG13"
    /^(?<arg>when (?:\w+ ){0,3}(?:register|pre-?register|submit|send in|apply)\b.*)$/i,
    // "how long do we have to object?", "how long have member states got to reply to the TAP?": the deadline for it.
    /^how (?:long|much time) (?:do|does|have|has|did) (?:I|we|they|one|member states|members|sector members|administrations) (?:got |have |get )?(?:to|until|before)\s+(?<arg>.*)$/i,
    // "can I still register for the AI-native networks workshop?", "is registration for the SG13 meeting still open?"
    /^(?<arg>(?:can|could|may) (?:I|we|one) still (?:register|pre-?register|sign up|apply for (?:an? )?(?:fellowships?|visa)|ask for (?:an? )?(?:fellowships?|visa support)|submit (?:a |my |our )?contributions?)\b.*)$/i,
    /^(?<arg>(?:is|are) (?:the )?(?:pre-?registration|registration|fellowship (?:requests?|applications?)|visa (?:support )?requests?)\b.*\bstill open\b.*)$/i,
    // "when do member states have to ask for interpretation for sg5", "when must I apply for a bursary"
    /^(?<arg>when (?:\w+ ){0,5}(?:ask|apply|request)s? for (?:an? )?(?:interpretation|captioning|fellowships?|visas?|bursar(?:y|ies)|registration)\b.*)$/i,
    // "when do contributions close for SG21 sept meeting", "sg12 registration cut-off?"
    /^(?=[^\n]{0,300}$)(?<arg>.*\b(?:contributions?|(?:pre-?)?registration|visas?|fellowships?|captioning|interpretation requests?)\b.*\b(?:close[sd]?|closing|due|cut-?off|deadline)\b.*)$/i,
    // "any SG20 deadlines next week?", "which deadlines fall in May 2026 for study group 20" (not about liaisons: ls)
    /^(?!.*\b(?:liaisons?|LSs?)\b)(?<arg>.*\bdeadlines?\b.*)$/i,
  ],
  async run(ctx, args): Promise<Reply> {
    if (args.more?.length) return several(ctx, args, [args.scope, ...args.more]);
    const { scope, all } = args;
    if (scope.kind === 'unknown') return (await namedMeetingDeadlines(ctx, scope.text)) ?? unknownGroupReply(ctx, scope.text);
    if (args.beforeMeeting !== undefined) return untilMeeting(ctx, args, args.beforeMeeting);
    const range = args.range ?? (args.when ? rangeOf(args.when, { now: ctx.now, tz: ctx.tz }, { past: args.pastTense ?? false }) : null);
    const kinds = args.categories ? new Set(args.categories) : null;
    // Words left over ("on Y.4250" of "when do I have to reply to the TAP consultation on Y.4250") are what the
    // deadline is about; a clause joined on ("… and what's the contribution deadline") leaves only joining words.
    const topic = args.unread ? topicWords(args.unread) : [];
    // A document named by its reference ("deadline for replies to TSB Circular 241", "what did SG13-LS87 ask by
    // when"): that document's deadlines, when it is stored.
    const named = args.unread ? findReferences(args.unread)[0] : undefined;
    const doc = named ? (await ctx.store.findByReference(named.reference))[0] : undefined;
    if (doc) return documentDeadlines(ctx, doc, kinds);
    // "has the SG21 contribution deadline been extended?": yes, when a deadline to come was moved by a letter that says
    // so in the deadline's own sentence ("… has been extended from 25 August 2027 to 1 September 2027").
    // (Not "why was SG13 postponed", "do I need to register again": the meeting was moved, not asked of a deadline.)
    if (args.unread && MOVED_ASKED.test(args.unread) && !/\b(?:why|need|again)\b/i.test(args.unread)) {
      const understood = await deadlinesCommand.run(ctx, { ...args, unread: null });
      const upcoming = ((understood.data as { upcoming?: DeadlineFact[] } | undefined)?.upcoming ?? []).slice(0, 5);
      const texts = await Promise.all(upcoming.map((d) => ctx.store.getText(d.source.docId)));
      // The sentence of the deadline's letter that gives its date and says it was moved.
      // Or a sentence before the deadline's table says that its deadlines replace those given before ("The deadlines
      // given in TSB Collective letter 5/13 are replaced by the following:").
      const said = upcoming.map((d, i) => {
        const parts = (texts[i] ?? '').slice(0, 30_000).split(/\n+|(?<=[.!?])\s+(?=[A-Z0-9])/);
        return parts.find((x) => MOVED_SAID.test(x) && findDates(x).some((h) => h.start === d.date || h.end === d.date)) ?? parts.find((x) => DEADLINES_REPLACED.test(x)) ?? null;
      });
      const at = said.findIndex((x) => x !== null);
      const moved = at >= 0 ? upcoming[at] : undefined;
      return {
        ...understood,
        title: moved ? `Yes: ${CATEGORY_LABELS[moved.category].toLowerCase()} now due ${formatCached(moved, ctx.tz)} [${sourceLabel(sourceOf(moved.source))}]` : understood.title,
        notes: [moved ? `In the letter's words: "${(said[at] as string).trim().replace(/^\d{1,2}\s+/, '')}"` : `No stored letter says a deadline of ${describeAsk(args)} was moved; these are the deadlines as they stand.`, ...understood.notes],
      };
    }
    // "SG13 contribution deadline for the april 2027 meeting": the letter announcing the group's meeting that month.
    const ofMeeting = args.meetingMonth && !range && !all ? await monthMeetingDeadlines(ctx, scope, args.meetingMonth, kinds) : null;
    if (ofMeeting) return ofMeeting;
    if (args.nextMeeting && !range && !all && kinds) {
      const next = await nextMeetingDeadlines(ctx, scope, kinds, args);
      if (next) return next;
    }
    if (topic.length > 0) {
      // "can I still register for the AI-native networks workshop?": yes or no, by the nearest deadline of the kind.
      const openOrNot = (r: Reply): Reply => {
        if (args.openAsked === undefined || !kinds) return r;
        const { upcoming = [], past = [] } = (r.data ?? {}) as { upcoming?: DeadlineFact[]; past?: DeadlineFact[] };
        const open = upcoming.find((d) => d.due >= ctx.now);
        const last = [...past].filter((d) => d.due < ctx.now).sort((a, b) => b.due - a.due)[0];
        const d = open ?? last;
        if (!d) return r;
        const yes = (args.openAsked === 'open') === (open !== undefined);
        return { ...r, title: `${yes ? 'Yes' : 'No'}: ${CATEGORY_LABELS[d.category].toLowerCase()} ${open ? `is open until ${formatCached(d, ctx.tz)}` : `closed ${formatCached(d, ctx.tz)}`} [${sourceLabel(sourceOf(d.source))}]` };
      };
      const reply = await inRange(ctx, scope, all, range ?? { from: all ? null : ctx.now, to: null, words: all ? 'at any date' : 'from now on' }, kinds, topic);
      if (reply.ok && reply.sections.length > 0) return openOrNot(reply);
      // None to come is about it ("deadline for objections to deleting Q.3945"): those past that are.
      if (!all && !range) {
        const past = await inRange(ctx, scope, true, { from: null, to: null, words: 'at any date' }, kinds, topic);
        if (past.ok && past.sections.length > 0) return openOrNot(past);
      }
      // A meeting or event of no group named that no deadline is about ("early registration deadline for the 802.3
      // meeting"): none is known for it; every group's of that kind would answer another question.
      const event = /\b(?:meeting|workshop|forum|conference|plenary|session|summit|symposium|seminar|webinar|council|assembly|event)s?\b|\b\d{2,4}(?:\.\d{1,3})+\b/i.exec(args.unread ?? '');
      if (event && scope.kind === 'all') {
        const named = (args.unread ?? '').replace(/^\s*(?:for|of|to|at)\s+/i, '').trim();
        return noAnswer(
          'E_NO_ANSWER',
          `No ${kinds ? kindWords(kinds) : ''} deadline is known for ${/^the\s/i.test(named) ? named : `"${named}"`}`.replace(/ {2,}/g, ' '),
          [`None of the deadlines read from the stored documents is for it. To read the documents about it: search ${topic.join(' ')}`, 'Deadlines of a study group: e.g. "deadlines SG13", "registration deadline for the SG17 meeting".'],
          { scope: 'all groups', upcoming: [], past: [], unread: args.unread },
        );
      }
      // No deadline is about those words ("sg3 fellowship deadln", "deadlines SG20 whenever convenient"): what was
      // understood is answered, saying which words were not.
      const understood = await deadlinesCommand.run(ctx, { ...args, unread: null });
      return {
        ...understood,
        notes: [`I read ${describeAsk(args)} and not "${args.unread}": no deadline mentions it, so all of them are listed. To find documents about it: search ${topic.join(' ')}`, ...understood.notes],
      };
    }
    if (range) {
      const reply = await inRange(ctx, scope, all, range, kinds);
      return args.applyAsked ? stillApplies(reply, ctx.tz) : reply;
    }
    const { target, label: scopeLabel } = targetOf(scope);
    // Whether it is still open: the asked kind's nearest deadline, the soonest to come or else the latest past (of
    // "contributions needing translation" and contributions, the translation one: it is the one named).
    if (args.openAsked !== undefined && kinds && scope.kind !== 'all') {
      const kind = kinds.has('translated-contributions') ? 'translated-contributions' : [...kinds][0];
      const ofKind = (await ctx.store.deadlines(target, '-inf', 500)).filter((d) => d.category === kind);
      const open = ofKind.find((d) => d.due >= ctx.now);
      const last = [...ofKind].reverse().find((d) => d.due < ctx.now);
      const d = open ?? last;
      if (kind && d) {
        const { openAsked: _asked, ...rest } = args;
        const reply = await deadlinesCommand.run(ctx, { ...rest, all: !open });
        const yes = (args.openAsked === 'open') === (open !== undefined);
        const name = `the ${scopeLabel} ${CATEGORY_LABELS[kind].toLowerCase()} deadline`;
        const title = `${yes ? 'Yes' : 'No'}: ${name} ${open ? `is ${formatCached(d, ctx.tz)}, still to come` : `was ${formatCached(d, ctx.tz)}`} [${sourceLabel(sourceOf(d.source))}]`;
        return { ...reply, title };
      }
    }
    const label = kinds ? `${scopeLabel} (${kindWords(kinds)})` : scopeLabel;
    // The soonest SHOWN: a list longer than that helps nobody in a chat (the calendar feed has them all). Of one kind,
    // the soonest SHOWN of that kind among the first RANGE_FETCH.
    // The soonest and how many are upcoming in all, in one read (counted from now even with --all).
    const { facts: fetched, count } = all
      ? { facts: await ctx.store.deadlines(target, '-inf', 200), count: kinds ? 0 : await ctx.store.countDeadlines(target, ctx.now) }
      : await ctx.store.deadlinesCounted(target, ctx.now, kinds ? RANGE_FETCH : SHOWN, !kinds);
    const facts = kinds ? fetched.filter((d) => kinds.has(d.category)).slice(0, all ? 200 : SHOWN) : fetched;
    // A reply date years after its document's own ("28 February 2033" on a page of 2012) is most likely a slip of
    // the document: left out of the list to come, said so, and shown with --all and on the document's card.
    const implausible = all ? [] : facts.filter((d) => d.due >= ctx.now && farAfterNote(d.date, d.source.date) !== '');
    const total = (kinds ? facts.filter((d) => d.due >= ctx.now).length : count) - implausible.length;
    const upcoming = facts.filter((d) => d.due >= ctx.now && !implausible.includes(d));
    const past = all ? facts.filter((d) => d.due < ctx.now).reverse() : [];
    const sections = [{ heading: 'Upcoming', items: upcoming.map((d) => item(d, ctx.tz, ctx.now, scope.kind === 'all' || scope)) }];
    if (all) sections.push({ heading: 'Past', items: past.map((d) => item(d, ctx.tz, ctx.now, scope.kind === 'all' || scope)) });
    const notes = [timesNote(ctx.tz)];
    if (scope.kind === 'group' && scope.workingParty) notes.unshift(`Deadlines are kept per study group: these are ${scope.group}'s, ${scope.workingParty} among them.`);
    const own = questionNote(scope, upcoming);
    if (own) notes.unshift(own);
    const calendar = ctx.calendarUrl && scope.kind !== 'all' ? ctx.calendarUrl(scopeLabel) : null;
    if (total > upcoming.length && upcoming.length > 0) {
      const last = upcoming[upcoming.length - 1] as DeadlineFact;
      notes.unshift(`${total - upcoming.length} more upcoming after ${formatCached(last, ctx.tz)}${scope.kind === 'question' ? '' : ': ask about one Question (deadlines Q4/20) to see fewer at a time'}.`);
    }
    for (const d of implausible.slice(0, 2)) notes.push(`Left out: ${labelOf(d).toLowerCase()} due ${formatCached(d, ctx.tz)}, which ${sourceLabel(sourceOf(d.source))} gives${farAfterNote(d.date, d.source.date).replace(/^ \(as the document gives it: /, ' ').replace(/\)$/, '')}, most likely a slip of the document (--all shows it).`);
    if (calendar) notes.push(`Subscribe in Outlook or Google Calendar: ${calendar}`);
    let lastPast: DeadlineFact | undefined;
    if (upcoming.length === 0) {
      const later = all ? [] : (await ctx.store.deadlines(target, '-inf', 500)).filter((d) => !kinds || kinds.has(d.category));
      // The latest that passed answer "when was it" at once: a chat has no --all to add.
      const latest = later.slice(-3).reverse();
      lastPast = latest[0];
      if (latest.length > 0) sections.push({ heading: 'Latest past', items: latest.map((d) => item(d, ctx.tz, ctx.now, scope.kind === 'all' || scope)) });
      const askAll = scope.kind === 'all' ? 'past deadlines' : `past deadlines ${scopeLabel}`;
      notes.unshift(
        all && past.length > 0
          ? `No upcoming deadlines for ${label}; the past ones are shown.`
          : later.length === 0
          ? `No deadlines for ${label} in the stored documents.`
          : later.length > latest.length
            ? `No upcoming deadlines for ${label}; the latest ${latest.length} of ${later.length} past ones are shown (ask "${askAll}" for all).`
            : `No upcoming deadlines for ${label}; ${latest.length === 1 ? 'the past one is' : 'the past ones are'} shown.`,
      );
      // A meeting called off takes its deadlines with it: say so, with the letter.
      const group = scope.kind === 'group' ? scope.group : scope.kind === 'question' ? groupOfQuestion(scope.question) : null;
      const called = group ? (await ctx.store.meetings(group, ctx.now - 31 * DAY_MS, 10)).filter((m) => m.cancelledBy && !m.cancelledBy.unverified) : [];
      for (const m of called.slice(0, 2)) notes.splice(1, 0, `The ${whoMeets(m)} meeting of ${formatRange(m.start, m.end)} was cancelled [${sourceLabel(cancellationSource(m))}]: its deadlines no longer apply.`);
    }
    // Asked only of consultations ("is any consultation open right now"): whether one is, said first.
    const consultations = kinds?.size === 1 && kinds.has('consultation-reply') && !all && !range;
    const whose = scope.kind === 'all' ? '' : ` for ${scopeLabel}`;
    const firstOpen = upcoming[0];
    return {
      ok: true,
      title: consultations && firstOpen
        ? `${upcoming.length === 1 ? 'One consultation is open' : `${upcoming.length} consultations are open`}${whose}: ${upcoming.length === 1 ? 'it closes' : 'the first closes'} ${formatCached(firstOpen, ctx.tz)} [${sourceLabel(sourceOf(firstOpen.source))}]`
        : consultations && lastPast
          ? `No consultation is open${whose}; the last closed ${formatCached(lastPast, ctx.tz)} [${sourceLabel(sourceOf(lastPast.source))}]`
          : `Deadlines for ${label}${all ? ' (including past)' : ''}`,
      sections,
      notes,
      sources: uniqueSources([...upcoming, ...past].map((d) => sourceOf(d.source))),
      data: { scope: scopeLabel, upcoming, past, ...(calendar ? { calendarUrl: calendar } : {}) },
    };
  },
});
export default deadlinesCommand;

/** One answer for several groups asked at once: each group's answer in turn, its sections headed by the group. */
async function several(ctx: CommandContext, args: DeadlineArgs, scopes: Scope[]): Promise<Reply> {
  const replies = await Promise.all(scopes.map((scope) => deadlinesCommand.run(ctx, { ...args, scope, more: [] })));
  const failed = replies.find((r) => !r.ok);
  if (failed) return failed;
  const labels = scopes.map((s) => targetOf(s).label);
  return {
    ok: true,
    title: `Deadlines for ${labels.join(' and ')}${args.range ?? args.when ? `, ${args.range?.words ?? args.when}` : ''}`,
    sections: replies.flatMap((r, i) => {
      const own = r.sections.filter((x) => x.items.length > 0).map((x) => ({ ...x, heading: `${labels[i]}: ${x.heading ?? 'Deadlines'}` }));
      // A group with nothing in the range says so in its own section, from its answer's first note.
      return own.length > 0 ? own : [{ heading: `${labels[i]}`, items: [{ text: r.notes[0] ?? `No deadlines for ${labels[i]}.` }] }];
    }),
    notes: [...new Set(replies.flatMap((r) => r.notes.filter((n) => !/^No (?:upcoming )?deadlines for/.test(n))))],
    sources: uniqueSources(replies.flatMap((r) => r.sources)),
    data: { parts: replies.map((r, i) => ({ scope: labels[i], ...(r.data ?? {}) })) },
  };
}

/** Asked whether a deadline was moved ("been extended", "was it postponed"). */
const MOVED_ASKED = /\b(?:extended|postponed|moved|changed|pushed back|brought forward|delayed)\b/i;
/**
 * A letter saying the deadlines it lists replace earlier ones, in a sentence that ends on the list: "The deadlines given
 * in TSB Collective letter 5/13 are replaced by the following:".
 */
const DEADLINES_REPLACED = /\b(?:deadlines?|dates?)\b[^.\n]{0,80}\b(?:are|is|have been|has been|were)\s+(?:replaced|changed|amended|revised|superseded)\b[^.\n]{0,60}:\s*$/i;

/** A deadline's sentence that says it was moved. */
const MOVED_SAID = /\b(?:(?:has|have) been|is|are|was|were)\s+(?:extended|postponed|moved|changed|brought forward)\b|\bextension\b|\bnew deadline\b/i;

/** What the store is asked for, and how the answer names it. */
/**
 * The deadlines of `target` that the letters announcing `meetings` set and `keep` accepts, past and to come, the
 * earliest first.
 */
async function meetingDeadlines(ctx: CommandContext, target: { group?: string; question?: string }, meetings: readonly MeetingFact[], keep: (d: DeadlineFact) => boolean): Promise<DeadlineFact[]> {
  const letters = new Set(meetings.flatMap((m) => (m.sources ?? [m.source]).map((x) => x.docId)));
  // A meeting's deadlines fall in the months before it: of a meeting held, those are past, and shown as such.
  const firstDay = meetings.reduce((a, m) => (m.start < a ? m.start : a), '9999-12-31');
  const from = Math.min(ctx.now, (DateTime.fromISO(firstDay, { zone: 'UTC' }).toMillis() || ctx.now) - MEETING_LEAD_MS);
  return (await ctx.store.deadlines(target, from, RANGE_FETCH)).filter((d) => letters.has(d.source.docId) && keep(d)).slice(0, SHOWN);
}

/**
 * How far before its meeting a letter's deadlines are looked for: contributions needing translation fall about three
 * months before, fellowships and visas a few weeks; 200 days leaves room for a letter sent early.
 */
const MEETING_LEAD_MS = 200 * 86_400_000;

/** A meeting's deadlines split into those to come and those passed, and as the sections that show them so. */
function meetingDue(its: readonly DeadlineFact[], ctx: CommandContext, scope: Scope | false): { sections: Reply['sections']; upcoming: DeadlineFact[]; past: DeadlineFact[] } {
  const upcoming = its.filter((d) => d.due >= ctx.now);
  const past = its.filter((d) => d.due < ctx.now);
  const sections = [
    { heading: 'Upcoming', items: upcoming.map((d) => item(d, ctx.tz, ctx.now, scope)) },
    { heading: 'Past', items: past.map((d) => item(d, ctx.tz, ctx.now, scope)) },
  ].filter((x) => x.items.length > 0);
  return { sections, upcoming, past };
}

/**
 * The deadlines (to come and past) the letter announcing the group's own meeting in `month` ("april 2027") sets, of `kinds`;
 * `null` when no such meeting is known (a regional group's meeting is not the study group's).
 */
async function monthMeetingDeadlines(ctx: CommandContext, scope: Scope, month: string, kinds: ReadonlySet<DeadlineCategory> | null): Promise<Reply | null> {
  const group = scope.kind === 'group' ? scope.group : scope.kind === 'question' ? groupOfQuestion(scope.question) : null;
  const span = group ? rangeOf(month, { now: ctx.now, tz: ctx.tz }) : null;
  if (!group || !span?.from || !span.to) return null;
  // The month's days in the reader's zone; the range ends at the start of the day after its last.
  const days = rangeDays(span, ctx.tz);
  const [from, to] = [days.from ?? '', DateTime.fromISO(days.to ?? '').minus({ days: 1 }).toISODate() ?? ''];
  const inMonth = (await ctx.store.meetings(group, span.from - 31 * DAY_MS, 20)).filter((m) => m.group === group && m.start <= to && m.end >= from);
  const meeting = inMonth.find((m) => !m.cancelledBy);
  // The meeting of that month was called off: so are its deadlines.
  const called = inMonth.find((m) => m.cancelledBy && !m.cancelledBy.unverified);
  if (!meeting && called) {
    const letter = sourceOf(called.cancelledBy as MeetingFact['source']);
    return {
      ok: true,
      title: `The ${whoMeets(called)} meeting of ${formatRange(called.start, called.end)} was cancelled [${sourceLabel(letter)}]: its deadlines no longer apply`,
      sections: [],
      notes: [`Other deadlines: /deadlines ${targetOf(scope).label}`],
      sources: uniqueSources([letter, sourceOf(called.source)]),
      data: { scope: targetOf(scope).label, cancelled: { group: called.group, start: called.start, end: called.end }, upcoming: [], past: [] },
    };
  }
  if (!meeting) return null;
  const its = await meetingDeadlines(ctx, targetOf(scope).target, [meeting], (d) => !kinds || kinds.has(d.category));
  return ofMeetingReply(ctx, scope, group, meeting, its, kinds);
}

/** The deadlines `its` that the letter announcing `meeting` of `group` sets, as the answer about that meeting. */
function ofMeetingReply(ctx: CommandContext, scope: Scope, group: string, meeting: MeetingFact, its: DeadlineFact[], kinds: ReadonlySet<DeadlineCategory> | null): Reply {
  const { label } = targetOf(scope);
  const { sections, upcoming, past } = meetingDue(its, ctx, scope);
  return {
    ok: true,
    title: `Deadlines for the ${group} meeting of ${formatRange(meeting.start, meeting.end)}${kinds ? ` (${kindWords(kinds)})` : ''}`,
    sections,
    notes: [its.length > 0 ? `As the letter announcing it sets them, for ${label}.` : `The letter announcing it sets no ${kinds ? kindWords(kinds) : ''} deadline.`.replace(/ {2,}/g, ' '), timesNote(ctx.tz)],
    sources: uniqueSources([...its.map((d) => sourceOf(d.source)), sourceOf(meeting.source)]),
    data: { scope: label, meeting: { group: meeting.group, start: meeting.start, end: meeting.end }, upcoming, past },
  };
}

/**
 * Deadlines of a kind asked of a group's next meeting ("registration deadline for the SG17 meeting"): those its letter
 * sets; when it sets none of that kind, the group's others, said to be of other meetings. `null` when no meeting of the
 * group is to come.
 */
async function nextMeetingDeadlines(ctx: CommandContext, scope: Scope, kinds: ReadonlySet<DeadlineCategory>, args: DeadlineArgs): Promise<Reply | null> {
  const group = scope.kind === 'group' ? scope.group : scope.kind === 'question' ? groupOfQuestion(scope.question) : null;
  if (!group) return null;
  const today = DateTime.fromMillis(ctx.now, { zone: ctx.tz }).toISODate() ?? '';
  const meeting = (await ctx.store.meetings(group, ctx.now - 31 * DAY_MS, 20)).filter((m) => m.group === group && !m.cancelledBy && m.end >= today).sort((a, b) => a.start.localeCompare(b.start))[0];
  if (!meeting) return null;
  const its = await meetingDeadlines(ctx, targetOf(scope).target, [meeting], (d) => kinds.has(d.category));
  if (its.length > 0) return ofMeetingReply(ctx, scope, group, meeting, its, kinds);
  // None of that kind for it: the group's, said to be of other meetings.
  const others = await deadlinesCommand.run(ctx, { ...args, nextMeeting: undefined });
  const none = `No ${kindWords(kinds)} deadline is known for the ${group} meeting of ${formatRange(meeting.start, meeting.end)} [${sourceLabel(sourceOf(meeting.source))}]`;
  const listed = others.ok && others.sections.some((x) => x.items.length > 0);
  return { ...others, title: listed ? `${none}; those below are of other ${group} meetings` : none, notes: [...others.notes] };
}

/**
 * The deadlines of a meeting or workshop named by its topic ("deadlines for the ai-native networks workshop"): those
 * the letters announcing it set, to come and past; `null` when no upcoming meeting is so named.
 */
async function namedMeetingDeadlines(ctx: CommandContext, text: string): Promise<Reply | null> {
  const meetings = await meetingsNamed(ctx, text);
  if (meetings.length === 0) return null;
  const its = await meetingDeadlines(ctx, {}, meetings, () => true);
  const named = meetings.map((m) => `${m.title} (${formatRange(m.start, m.end)})`).join('; ');
  const { sections, upcoming, past } = meetingDue(its, ctx, false);
  return {
    ok: true,
    title: `Deadlines for ${meetings.length === 1 ? (meetings[0] as MeetingFact).title : 'the meetings named'}`,
    sections,
    notes: [its.length > 0 ? `"${text}" is no group: these are the deadlines the letters announcing ${named} set.` : `"${text}" is no group; the letters announcing ${named} set no deadline.`, timesNote(ctx.tz)],
    sources: uniqueSources([...its.map((d) => sourceOf(d.source)), ...meetings.map((m) => sourceOf(m.source))]),
    data: { meetings: meetings.map((m) => ({ group: m.group, title: m.title, start: m.start })), upcoming, past },
  };
}

function targetOf(scope: Scope): { target: { group?: string; question?: string }; label: string } {
  if (scope.kind === 'group') return { target: { group: scope.group }, label: scope.group };
  if (scope.kind === 'question') return { target: { question: scope.question }, label: scope.question };
  return { target: {}, label: 'all groups' };
}

/** The group and dates understood, for a reply about the rest: "SG20 and next week". */
function describeAsk(args: DeadlineArgs): string {
  const parts = [args.scope.kind === 'all' ? null : targetOf(args.scope).label, args.categories ? kindWords(new Set(args.categories)) : null, args.when].filter(Boolean);
  return parts.length > 0 ? parts.map((p) => `"${p}"`).join(' and ') : 'deadlines';
}

/** Deadlines fetched at most for a range: the store lists from the start, and the command stops at the end. */
const RANGE_FETCH = 500;

/** A day and more: the most a deadline's date, where it was written, is from its date where the reader is. */
const DAY_MS = 26 * 3_600_000;

/** "registration", "contributions or contributions needing translation": the kinds asked about, in words. */
function kindWords(kinds: ReadonlySet<DeadlineCategory>): string {
  return [...kinds].map((k) => CATEGORY_LABELS[k].toLowerCase()).join(' or ');
}

/**
 * Words that join or lead a topic and say nothing of it: "and", "on", "about", "the". Read after QUESTION_WORDS are
 * gone ("what", "is", "any", "do", "me" … are none of these).
 */
const JOINING_WORDS = new Set(['want', 'wants', 'like', 'present', 'presenting', 'one', 'ones', 'if', 'day', 'know', 'let', 'tell', 'me', 'be', 'must', 'should', 'stuff', 'things', 'something', 'need', 'needs', 'over', 'close', 'closes', 'closing', 'open', 'opens', 'owe', 'coming', 'up', 'left', 'still', 'pending', 'can', 'and', 'or', 'also', 'then', 'on', 'about', 'for', 'the', 'of', 'a', 'an', 'in', 'at', 'by', 'with', 'regarding', 'concerning', 're', 'reply', 'respond', 'answer', 'deadline', 'deadlines', 'it', 'its', 'this', 'that', 'these', 'those', 'please', 'thanks', 'meeting', 'next', 'so', 'our', 'my', 'where', 'how', 'time', 'well', 'ask', 'apply', 'request', 'get', 'obtain', 'closed', 'expire', 'expired', 'were', 'was', 'end', 'ended']);

/** The words of a leftover that name a topic: "on Y.4250" → ["Y.4250"], "and" → []. */
export function topicWords(text: string): string[] {
  return text
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => w.length > 1 && !JOINING_WORDS.has(w.toLowerCase()))
    .slice(0, 8);
}

/** A topic word as looked for: "deleting" is found in "deletion", "workshops" in "workshop". */
function topicStem(word: string): string {
  const w = word.toLowerCase();
  return w.length >= 8 ? w.slice(0, 6) : w.length >= 5 ? w.replace(/(?:es|s|ing|ed)$/, '') : w;
}

/** Whether every topic word (or its stem) is in the deadline's action, its document's title or its reference. */
function about(d: DeadlineFact, topic: readonly string[]): boolean {
  const text = `${d.action} ${d.source.title ?? ''} ${d.source.reference ?? ''}`.toLowerCase();
  return topic.every((w) => text.includes(topicStem(w)));
}

/** Documents read for a topic their deadlines do not name, and how much of each. */
const TOPIC_DOCS = 40;
const TOPIC_TEXT = 20_000;

/**
 * The liaison replies of `deadlines` whose statement's text (its first {@link TOPIC_TEXT} characters) has every topic
 * word, and the consultation replies whose letter says so of the circular they point to.
 */
async function aboutInText(ctx: CommandContext, deadlines: readonly DeadlineFact[], topic: readonly string[]): Promise<DeadlineFact[]> {
  // A liaison statement is about one matter, which its text discusses; a letter names many things its deadlines are not
  // about (a side event, a workshop), so only a liaison's reply date is found by its text.
  const docIds = [...new Set(deadlines.filter((d) => d.category === 'liaison-reply').map((d) => d.source.docId))].slice(0, TOPIC_DOCS);
  const texts = await Promise.all(docIds.map((id) => ctx.store.getText(id)));
  // Each word at the start of a word of the text ("IP" is not in "principles"); words of fewer than three letters are
  // not looked for there.
  const stems = topic.map(topicStem).filter((w) => w.length >= 3);
  if (stems.length === 0) return [];
  const patterns = stems.map((w) => new RegExp(String.raw`(?<![\p{L}\p{N}])${RegExp.escape(w)}`, 'iu'));
  const matching = new Set(docIds.filter((_, i) => {
    const text = (texts[i] ?? '').slice(0, TOPIC_TEXT);
    return text !== '' && patterns.every((re) => re.test(text));
  }));
  const byStatement = deadlines.filter((d) => matching.has(d.source.docId));
  // A reply to a consultation a letter points to ("Reply to the TAP consultation of TSB Circular 78"): about what the
  // letter's sentence on that circular names ("TSB Circular 78 …, which launches the consultation on … X.1471").
  const pointed = deadlines.filter((d) => d.category === 'consultation-reply' && !byStatement.includes(d) && /\bCircular\s+\d{1,4}\b/i.test(d.action)).slice(0, TOPIC_DOCS);
  const letters = await Promise.all(pointed.map((d) => ctx.store.getText(d.source.docId)));
  const byCircular = pointed.filter((d, i) => {
    const circular = /\bCircular\s+(\d{1,4})\b/i.exec(d.action)?.[1] ?? '';
    const said = (letters[i] ?? '').slice(0, TOPIC_TEXT).split(/\n\s*\n|(?<=[.;])\s+(?=[A-Z0-9])/).filter((x) => new RegExp(String.raw`\bCircular\s+${circular}\b`, 'i').test(x)).join(' ');
    return said !== '' && patterns.every((re) => re.test(said));
  });
  return [...byStatement, ...byCircular].sort((a, b) => a.due - b.due);
}

/** Deadlines due in `range` (open bounds: from now, or from the first with --all; to the last), soonest first. */
async function inRange(ctx: CommandContext, scope: Scope, all: boolean, range: DateRange, kinds: ReadonlySet<DeadlineCategory> | null, topic: readonly string[] = []): Promise<Reply> {
  const { target, label: scopeLabel } = targetOf(scope);
  const label = `${kinds ? `${scopeLabel} (${kindWords(kinds)})` : scopeLabel}${topic.length > 0 ? ` about "${topic.join(' ')}"` : ''}`;
  // Meetings of the group in the span that were cancelled, whose deadlines went with them (said when none is due).
  let cancelled: MeetingFact[] = [];
  // A deadline is in the range when its instant is, in the reader's zone, or when the date the document wrote is
  // one of the range's days: "30 April, 23:59 UTC" is asked for as April's even where it is already 1 May.
  const days = rangeDays(range, ctx.tz);
  const inRangeOf = (d: DeadlineFact) => dueIn(range, ctx.tz, d);
  const from = range.from === null ? (all ? '-inf' : ctx.now) : range.from - DAY_MS;
  const fetched = await ctx.store.deadlines(target, from, range.to === null && !kinds && topic.length === 0 ? SHOWN + 1 : RANGE_FETCH);
  const inScope = fetched.filter((d) => inRangeOf(d) && (!kinds || kinds.has(d.category)));
  const due = topic.length === 0 ? inScope : inScope.filter((d) => about(d, topic));
  // None names the topic in its own words ("the deadline to comment on the demarcation table"): those whose document
  // says it, read from the first part of the documents of the first deadlines.
  if (topic.length > 0 && due.length === 0) due.push(...(await aboutInText(ctx, inScope, topic)));
  const shown = due.slice(0, SHOWN);
  const upcoming = shown.filter((d) => d.due >= ctx.now);
  const past = shown.filter((d) => d.due < ctx.now);
  const sections = [
    { heading: 'Upcoming', items: upcoming.map((d) => item(d, ctx.tz, ctx.now, scope.kind === 'all' || scope)) },
    { heading: 'Past', items: past.map((d) => item(d, ctx.tz, ctx.now, scope.kind === 'all' || scope)) },
  ].filter((s) => s.items.length > 0);
  const notes = [timesNote(ctx.tz)];
  if (scope.kind === 'group' && scope.workingParty) notes.unshift(`Deadlines are kept per study group: these are ${scope.group}'s, ${scope.workingParty} among them.`);
  const own = questionNote(scope, shown);
  if (own) notes.unshift(own);
  const full = due.length > SHOWN || ((range.to !== null || kinds !== null) && fetched.length === RANGE_FETCH);
  if (full) notes.unshift(`Only the first ${shown.length} are shown: ask about one Question (deadlines Q4/20) or fewer dates to see the rest.`);
  // Nothing due then, but the group meets then ("pre-register for SG3 in april"): that meeting's deadlines.
  if (shown.length === 0 && scope.kind === 'group' && days.from !== null && days.to !== null) {
    const [fromDay, toDay] = [days.from, days.to];
    const meeting = (await ctx.store.meetings(scope.group, (range.from ?? ctx.now) - 31 * DAY_MS, 10)).find((m) => !m.cancelledBy && m.start < toDay && m.end >= fromDay);
    if (meeting) {
      const its = await meetingDeadlines(ctx, target, [meeting], (d) => (!kinds || kinds.has(d.category)) && (topic.length === 0 || about(d, topic)));
      if (its.length > 0) {
        const { sections: itsSections, upcoming: itsUpcoming, past: itsPast } = meetingDue(its, ctx, false);
        return {
          ok: true,
          title: `Deadlines for ${label}, for its meeting of ${formatRange(meeting.start, meeting.end)}`,
          sections: itsSections,
          notes: [`None falls in ${range.words}, when ${scope.group} meets: these are that meeting's.`, ...notes],
          sources: uniqueSources([...its.map((d) => sourceOf(d.source)), sourceOf(meeting.source)]),
          data: { scope: scopeLabel, range, upcoming: itsUpcoming, past: itsPast, meeting: { start: meeting.start, end: meeting.end } },
        };
      }
    }
  }
  if (shown.length === 0) {
    const after = Math.max(range.to ?? ctx.now, ctx.now);
    const next = (await ctx.store.deadlines(target, after, kinds ? RANGE_FETCH : 1)).find((d) => !kinds || kinds.has(d.category));
    notes.unshift(
      `No deadlines for ${label} ${range.from === null || range.to === null || /^before\b/.test(range.words) ? range.words : `in ${range.words}`} in the stored documents.` +
        (next ? ` The next one after that is ${formatCached(next, ctx.tz)}: ${CATEGORY_LABELS[next.category]} [${sourceLabel(sourceOf(next.source))}].` : ''),
    );
    // A meeting of the group then (or just after: its deadlines come before it) was cancelled: its deadlines went with it.
    if (scope.kind === 'group' && days.from !== null && days.to !== null) {
      const until = DateTime.fromISO(days.to).plus({ days: 45 }).toISODate() ?? days.to;
      const fromDay = days.from;
      cancelled = (await ctx.store.meetings(scope.group, (range.from ?? ctx.now) - 31 * DAY_MS, 20)).filter((m) => m.cancelledBy && !m.cancelledBy.unverified && m.start <= until && m.end >= fromDay);
      for (const m of [...cancelled].reverse()) notes.splice(1, 0, `${cancelledNote(m)}.`);
    }
  }
  const calendar = ctx.calendarUrl && scope.kind !== 'all' ? ctx.calendarUrl(scopeLabel) : null;
  if (calendar) notes.push(`Subscribe in Outlook or Google Calendar: ${calendar}`);
  return {
    ok: true,
    title: `Deadlines for ${label}, ${range.words}${all && range.from === null ? ' (including past)' : ''}`,
    sections,
    notes,
    sources: uniqueSources(shown.map((d) => sourceOf(d.source))),
    data: { scope: scopeLabel, range, upcoming, past, ...(cancelled.length > 0 ? { cancelled } : {}), ...(calendar ? { calendarUrl: calendar } : {}) },
  };
}

/** "The meeting of Working Party 1/2, … was cancelled [TSB Collective letter 5/2]: the deadlines set for it no longer hold". */
function cancelledNote(m: MeetingFact): string {
  return `${cancelledMeetingName(m.title).replace(/^Meeting\b/, 'The meeting')} was cancelled [${sourceLabel(cancellationSource(m))}]: the deadlines set for it no longer hold`;
}

/**
 * What a Question's deadlines are when none or only some are its own: "Nothing is set for Q4/20 alone: these are
 * SG20's deadlines, which its Questions meet too." `null` for a group, or when every deadline names the Question.
 */
function questionNote(scope: Scope, shown: DeadlineFact[]): string | null {
  if (scope.kind !== 'question' || shown.length === 0) return null;
  const group = groupOfQuestion(scope.question);
  const own = shown.filter((d) => d.questions.includes(scope.question)).length;
  if (own === shown.length) return null;
  return own === 0
    ? `Nothing is set for ${scope.question} alone: these are ${group}'s deadlines, which its Questions meet too.`
    : `${own} of these ${own === 1 ? 'is' : 'are'} set for ${scope.question} itself; the others are ${group}'s, which its Questions meet too.`;
}
