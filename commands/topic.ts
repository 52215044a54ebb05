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
import { formatEventTime, formatRange } from '../src/core/time.ts';
import searchCommand from './search.ts';
import { sourceLabel, sourceOf, uniqueSources } from './scope.ts';

const DAY = 86_400_000;

/** Words that say what kind of thing is asked about, not which one. */
const KIND_WORDS = new Set(
  'the a an of on for about in at to and or with this that next upcoming coming meeting meetings event events side workshop workshops forum forums seminar seminars webinar webinars symposium hackathon hackathons training trainings briefing briefings session sessions tutorial group groups correspondence cg cgs focus fg fgs ad hoc itu itu-t convenor convenors convener chair chairs rapporteur who is are when where what does do will'.split(
    ' ',
  ),
);

/** A name that reads as a group (SG 99, Q9/99, WP 4): those get the refusal that lists the groups. */
const GROUP_LIKE = /\b(?:SG|study group|WP|working party|Q|question)\s*\d|\bTSAG\b/i;

/** The words of `text` that name the topic: letters or digits, at least 2 characters, no kind words. */
export function topicWords(text: string): string[] {
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

/** Upcoming meetings and side events whose title names every topic word. */
async function namedEvents(ctx: CommandContext, words: string[]): Promise<{ meeting: MeetingFact; event: MeetingInfo | null }[]> {
  const today = new Date(ctx.now).toISOString().slice(0, 10);
  const meetings = (await ctx.store.meetings(null, ctx.now - 31 * DAY, 200)).filter((m) => m.end >= today && !m.cancelledBy);
  const found: { meeting: MeetingFact; event: MeetingInfo | null }[] = [];
  for (const m of meetings) {
    if (mentionsAll(m.title, words)) found.push({ meeting: m, event: null });
    for (const e of m.events) if (mentionsAll(e.title, words)) found.push({ meeting: m, event: e });
  }
  return found.slice(0, 10);
}

function eventItem({ meeting, event }: { meeting: MeetingFact; event: MeetingInfo | null }, tz: string): ReplyItem {
  const source = sourceOf(meeting.source);
  const where = (i: MeetingInfo) => (i.place ? `, ${i.place}` : '');
  if (!event) return { text: `${meeting.title}: ${formatRange(meeting.start, meeting.end)}${where(meeting)}`, detail: `[${sourceLabel(source)}]`, source };
  return {
    text: `${eventLabel(event.title)}: ${event.title}`,
    detail: `${formatEventTime(event, tz)}${where(event)}; at the ${meeting.group ?? ''} meeting of ${formatRange(meeting.start, meeting.end)}${where(meeting)} [${sourceLabel(source)}]`.replace(/ {2,}/g, ' '),
    source,
  };
}

/**
 * The answer to a question naming `text`, which is no group: the upcoming meetings or side events so named (when
 * `events`), else the stored documents that mention it; `null` when `text` reads as a group name or nothing matches.
 * `asked` names what the question wanted ("who convenes it", "when it is") for the note.
 */
export async function topicReply(ctx: CommandContext, text: string, opts: { events: boolean; asked: string }): Promise<Reply | null> {
  if (GROUP_LIKE.test(text)) return null;
  const words = topicWords(text);
  if (words.length === 0) return null;
  const named = words.join(' ');
  if (opts.events) {
    const events = await namedEvents(ctx, words);
    if (events.length > 0) {
      return {
        ok: true,
        title: `Meetings and side events named "${named}"`,
        sections: [{ items: events.map((e) => eventItem(e, ctx.tz)) }],
        notes: [`"${text}" is no group; these are the upcoming meetings and side events whose titles name it.`],
        sources: uniqueSources(events.map((e) => sourceOf(e.meeting.source))),
        data: { topic: named, events: events.map((e) => ({ group: e.meeting.group, meeting: e.meeting.start, title: (e.event ?? e.meeting).title })) },
      };
    }
  }
  const found = await searchCommand.run(ctx, { words: named });
  if (!found.ok) return null;
  return {
    ...found,
    title: `Documents about "${named}"`,
    notes: [`"${text}" is no group I know, so I can't say ${opts.asked} directly: these stored documents mention it (the document that set it up usually says).`, ...found.notes],
    data: { ...(found.data ?? {}), topic: named },
  };
}
