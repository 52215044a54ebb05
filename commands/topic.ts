/**
 * Questions that name something by its topic rather than by a group: "when is the AI-native networks workshop", "who
 * convenes the correspondence group on digital twins". No group is called that, but a side event of a known meeting
 * may be, and the documents that set such a thing up name its dates and its convenor: those are the answer, with a
 * note saying how it was found, instead of a refusal listing the groups.
 */
import type { CommandContext, Reply, ReplyItem } from '../src/core/command.ts';
import type { MeetingFact } from '../src/core/facts.ts';
import type { MeetingInfo } from '../src/core/types.ts';
import { eventLabel } from '../src/core/labels.ts';
import { formatEventTime, formatOpening, formatRange, meetingDay } from '../src/core/time.ts';
import searchCommand from './search.ts';
import { sourceLabel, sourceOf, uniqueSources } from './scope.ts';

const DAY = 86_400_000;

/** Words that say what kind of thing is asked about, not which one. */
const KIND_WORDS = new Set(
  'the a an of on for about in at to and or with this that next upcoming coming meeting meetings event events side workshop workshops forum forums seminar seminars webinar webinars symposium hackathon hackathons training trainings briefing briefings session sessions tutorial group groups correspondence cg cgs focus fg fgs ad hoc itu itu-t convenor convenors convener chair chairs rapporteur who is are when where what does do will me my i we us our it its they them those these there time start starts open opens did was were move moved new date dates change changed postponed rescheduled each every daily day days hours'.split(
    ' ',
  ),
);

/** A name that reads as a group (SG 99, Q9/99, WP 4): alone, it gets the refusal that lists the groups. */
const GROUP_LIKE = /\b(?:(?:ITU-T\s+)?(?:SG|study group|WP|working party)\s*\d{1,2}(?:\/\d{1,2})?(?![A-Z])|Q(?:uestion)?\s*\d{1,2}\/\d{1,2}|TSAG)\b/gi;

/**
 * Another Sector's working party as its meetings are titled: "ITU-R WP5D", "WP 5D" → "Working Party 5D" (ITU-T's are
 * written with their study group, "WP1/13").
 */
function otherSectorParty(text: string): string {
  return text.replace(/\b(?:ITU-[RD]\s+)?(?:WP|Working\s+Party)\s?(\d[A-Z])\b/gi, (_, n: string) => `Working Party ${n.toUpperCase()}`).replace(/\bITU-[RD]\b|#\s?\d+e?\b/gi, ' ');
}

/** The words of `text` that name the topic: lower case, letters or digits, at least 2 characters, no kind words. */
function namingWords(text: string): string[] {
  return [
    ...new Set(
      text
        .toLowerCase()
        .split(/[^\p{L}\p{N}.-]+/u)
        .map((w) => w.replace(/^[.-]+|[.-]+$/g, ''))
        .filter((w) => w.length >= 2 && !KIND_WORDS.has(w)),
    ),
  ];
}

/** Whether every topic word stands in `title` (as a word or the start of one: "network" finds "networks"). */
function mentionsAll(title: string, words: string[]): boolean {
  const t = ` ${title.toLowerCase().replace(/[^\p{L}\p{N}.]+/gu, ' ')} `;
  return words.every((w) => t.includes(` ${w.replace(/-/g, ' ')}`));
}

/**
 * The upcoming meetings whose titles (or side events' titles) name every word of `text` that names a topic ("the
 * ai-native networks workshop"); none for a group-like name or words that name nothing.
 */
export async function meetingsNamed(ctx: CommandContext, text: string): Promise<MeetingFact[]> {
  const words = namingWords(otherSectorParty(text).replace(GROUP_LIKE, ' '));
  if (words.length === 0) return [];
  const { found, partly } = await namedEvents(ctx, words);
  return partly ? [] : [...new Set(found.map((f) => f.meeting))];
}

/**
 * Upcoming meetings and side events whose title (or a meeting's place) names every topic word; else, when none does,
 * the meetings whose place is one of the words ("the muscat meeting"), with `partly` set; when no upcoming one is so
 * named, the latest past ones that are.
 */
async function namedEvents(ctx: CommandContext, words: string[]): Promise<{ found: { meeting: MeetingFact; event: MeetingInfo | null }[]; partly: boolean }> {
  const today = meetingDay(ctx.now);
  const ahead = namedAmong((await ctx.store.meetings(null, ctx.now - 31 * DAY, 200)).filter((m) => m.end >= today && !m.cancelledBy), words);
  if (ahead.found.length > 0) return ahead;
  // None ahead is so named: the latest that were ("what time did the muscat meeting open").
  const over = namedAmong((await ctx.store.meetings(null, ctx.now, 200, true)).filter((m) => m.end < today && !m.cancelledBy), words);
  return over.found.length > 0 ? over : ahead;
}

/** Of `meetings`, those whose title, place or side events name every word; else those whose place is one of them. */
function namedAmong(meetings: MeetingFact[], words: string[]): { found: { meeting: MeetingFact; event: MeetingInfo | null }[]; partly: boolean } {
  const found: { meeting: MeetingFact; event: MeetingInfo | null }[] = [];
  for (const m of meetings) {
    if (mentionsAll(`${m.title} ${m.place ?? ''}`, words)) found.push({ meeting: m, event: null });
    for (const e of m.events) if (mentionsAll(e.title, words)) found.push({ meeting: m, event: e });
  }
  if (found.length > 0) return { found: found.slice(0, 10), partly: false };
  const placed = meetings.filter((m) => m.place && words.some((w) => w.length >= 4 && mentionsAll(m.place ?? '', [w])));
  return { found: placed.slice(0, 10).map((meeting) => ({ meeting, event: null })), partly: true };
}

function eventItem({ meeting, event }: { meeting: MeetingFact; event: MeetingInfo | null }, tz: string): ReplyItem {
  const source = sourceOf(meeting.source);
  // (The building too, when its letter names one: "Montreal, Canada (Delta Centre-Ville hotel)".)
  const where = (i: MeetingInfo) => (i.place ? `, ${i.place}${i.venue ? ` (${i.venue})` : ''}` : '');
  if (!event) {
    const opens = meeting.startTime ? `opens ${formatOpening(meeting, tz)} ` : '';
    return { text: `${meeting.title}: ${formatRange(meeting.start, meeting.end)}${where(meeting)}`, detail: `${opens}[${sourceLabel(source)}]`, source };
  }
  return {
    text: `${eventLabel(event.title)}: ${event.title}`,
    detail: `${formatEventTime(event, tz)}${where(event)}; at the ${meeting.group ?? ''} meeting of ${formatRange(meeting.start, meeting.end)}${where(meeting)} [${sourceLabel(source)}]`.replace(/ {2,}/g, ' '),
    source,
  };
}

/**
 * The answer to a question naming `text`, which is no group: the upcoming meetings or side events so named (when
 * `events`), else the stored documents that mention it; `null` when `text` reads as a group name or nothing matches.
 * `asked` names what the question wanted ("who convenes it", "when it is") for the note. With `people`, the sentence of
 * the document named after the topic that says who convenes, chairs or leads it is the answer.
 */
export async function topicReply(ctx: CommandContext, text: string, opts: { events: boolean; people?: boolean; contact?: boolean; asked: string }): Promise<Reply | null> {
  // A group named beside a topic ("the sg17 correspondence group on quantum-safe migration") narrows nothing the
  // documents' words do not: the topic is looked for. A group-like name alone ("SG 99") is refused.
  const words = namingWords(otherSectorParty(text).replace(GROUP_LIKE, ' '));
  if (words.length === 0) return null;
  const named = words.join(' ');
  if (opts.contact) {
    const contacts = await eventContacts(ctx, words);
    if (contacts) return contacts;
  }
  if (opts.events) {
    const { found: events, partly } = await namedEvents(ctx, words);
    if (events.length > 0) {
      const today = meetingDay(ctx.now);
      const which = events.every((e) => e.meeting.end < today) ? 'latest past' : 'upcoming';
      return {
        ok: true,
        title: partly ? `Meetings in ${[...new Set(events.map((e) => e.meeting.place))].join(', ')}` : `Meetings and side events named "${named}"`,
        sections: [{ items: events.map((e) => eventItem(e, ctx.tz)) }],
        notes: [
          partly
            ? `"${named}" is no group, and I can't answer all of it: these are the ${which} meetings held where it says.`
            : `"${named}" is no group; these are the ${which} meetings and side events whose titles name it.`,
        ],
        sources: uniqueSources(events.map((e) => sourceOf(e.meeting.source))),
        data: { topic: named, events: events.map((e) => ({ group: e.meeting.group, meeting: e.meeting.start, title: (e.event ?? e.meeting).title, start: (e.event ?? e.meeting).start, end: (e.event ?? e.meeting).end })) },
      };
    }
  }
  const found = await searchCommand.run(ctx, { words: named });
  // Documents with only some of its words ("ITU-R" of "ITU-R WP 5D") are not about it.
  const hits = (found.data as { hits?: Array<{ partial?: boolean }> } | undefined)?.hits ?? [];
  if (!found.ok || hits.every((h) => h.partial)) return null;
  if (opts.people) {
    const stated = await whoRunsIt(ctx, found, words);
    if (stated) return stated;
  }
  return {
    ...found,
    title: `Documents about "${named}"`,
    notes: [`"${text}" is no group I know, so I can't say ${opts.asked} directly: these stored documents mention it (the document that set it up usually says).`, ...found.notes],
    data: { ...(found.data ?? {}), topic: named },
  };
}

// "The Correspondence Group is convened by Ms Ana Ribeiro (Brazil) and Mr Lukas Meyer (Switzerland)."
const RUN_BY = /\b(?:convened|chaired|co-?chaired|led|coordinated|co-?ordinated)\s+by\s+(?:Mr|Ms|Mrs|Dr|Prof)\.?\s|\b(?:convenors?|conveners?|co-?convenors?|chair(?:man|person|woman)?s?|co-?chairs?)\s+(?:is|are|will be)\s+(?:Mr|Ms|Mrs|Dr|Prof)\.?\s/i;

/**
 * Who runs a group named by its topic: the sentence saying who convenes, chairs or leads it, in the first stored
 * document whose title names the topic (the letter or report that set it up).
 */
async function whoRunsIt(ctx: CommandContext, found: Reply, words: string[]): Promise<Reply | null> {
  for (const source of found.sources.slice(0, 5)) {
    if (!source.docId || !mentionsAll(source.title ?? '', words)) continue;
    const text = (await ctx.store.getText(source.docId)) ?? '';
    const sentence = text
      .slice(0, 40_000)
      .replace(/\s*\n\s*/g, ' ')
      .split(/(?<=[.!?])\s+(?=[A-Z0-9])/)
      .find((s) => RUN_BY.test(s));
    if (!sentence) continue;
    const said = sentence.replace(/^\d{1,2}(?:\.\d{1,2})?\s+/, '').trim();
    return {
      ok: true,
      title: `Who runs it: ${source.title ?? source.reference ?? 'the document'}`,
      sections: [{ items: [{ text: said.length > 300 ? `${said.slice(0, 297)}…` : said, detail: `[${sourceLabel(source)}]`, source }] }],
      notes: ['As the document states it; the roster (officers) lists only study groups, working parties and Questions.'],
      sources: [source],
      data: { topic: words.join(' '), sentence: said },
    };
  }
  return null;
}

/**
 * Whom a letter names to contact: its header's "Contact:", "E-mail:" and "Tel:" lines (before the salutation), and
 * its sentences that give an e-mail address to send questions or material to (at most three in all).
 */
export function letterContacts(text: string): string[] {
  const head = text.slice(0, 6000).split(/\n[ \t]*(?:Dear|Sir\/Madam|Madam\/Sir)\b/)[0] ?? '';
  const lines = head
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => /^(?:Contact(?: person)?|E-?mail|Tel(?:ephone)?\.?)\s*:\s*\S/i.test(l) && l.length <= 160);
  const sentences = text
    .slice(0, 40_000)
    .replace(/\s*\n\s*/g, ' ')
    .split(/(?<=[.!?])\s+(?=[A-Z0-9])/)
    .map((x) => x.replace(/^\d{1,2}(?:\.\d{1,2})?\s+/, '').trim())
    .filter((x) => /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/.test(x) && /\b(?:contact|questions?|enquir(?:y|ies)|inquir(?:y|ies)|information|send|sent|write|submit|address(?:ed)?)\b/i.test(x) && x.length <= 320);
  return [...lines, ...sentences].slice(0, 3);
}

/**
 * Whom to contact about the meeting or side event named by `words`: the contact lines of the letter that announced it.
 * `null` when no meeting or event is so named, or its letter names no contact.
 */
async function eventContacts(ctx: CommandContext, words: string[]): Promise<Reply | null> {
  const { found, partly } = await namedEvents(ctx, words);
  if (partly) return null;
  for (const hit of found.slice(0, 3)) {
    const source = sourceOf(hit.meeting.source);
    const said = letterContacts((await ctx.store.getText(hit.meeting.source.docId)) ?? '');
    if (said.length === 0) continue;
    const title = (hit.event ?? hit.meeting).title;
    return {
      ok: true,
      title: `Contact for ${title}`,
      sections: [{ heading: `As ${sourceLabel(source)} gives it`, items: said.map((line) => ({ text: line, source })) }, { items: [eventItem(hit, ctx.tz)] }],
      notes: ['From the letter that announced it; the roster (officers) lists only study groups, working parties and Questions.'],
      sources: [source],
      data: { topic: words.join(' '), contacts: said },
    };
  }
  return null;
}
