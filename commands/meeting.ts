/** `meeting [group]`: the next meeting of a group (or all upcoming meetings) with its side events. */
import { groupOfQuestion } from '../src/core/groups.ts';
import { defineCommand, type Reply, type ReplyItem } from '../src/core/command.ts';
import { formatRange } from '../src/core/time.ts';
import type { MeetingInfo } from '../src/core/types.ts';
import type { MeetingFact } from '../src/store/facts.ts';
import { scopeArgs, scopeFromText, sourceLabel, sourceOf, uniqueSources, unknownGroupReply } from './scope.ts';

const DAY = 86_400_000;

function when(m: MeetingInfo): string {
  const times = m.startTime ? `, ${m.startTime}${m.endTime ? `–${m.endTime}` : ''}${m.timezone ? ` ${m.timezone === 'UTC' ? 'UTC' : 'Geneva time'}` : ''}` : '';
  return `${formatRange(m.start, m.end)}${times}`;
}

function meetingItems(m: MeetingFact): ReplyItem[] {
  const source = sourceOf(m.source);
  const items: ReplyItem[] = [
    {
      text: `${m.group ?? 'Meeting'}: ${formatRange(m.start, m.end)}${m.place ? `, ${m.place}` : ''}`,
      detail: `${m.title}${m.startTime ? ` — opens at ${m.startTime}${m.timezone ? ' Geneva time' : ' local time'}` : ''} [${sourceLabel(source)}]`,
      source,
    },
  ];
  for (const e of m.events) items.push({ text: `  Side event: ${e.title}`, detail: `${when(e)}${e.place ? `, ${e.place}` : ''}`, source });
  return items;
}

export default defineCommand({
  name: 'meeting',
  aliases: ['meetings', 'next-meeting'],
  summary: 'The next meeting of a group, with its dates, place and side events.',
  usage: 'meeting [SG13|TSAG|SG12RG-AFR]',
  examples: ['meeting SG13', 'meeting TSAG', 'meeting'],
  args: scopeArgs,
  parseText: scopeFromText,
  intents: [
    /^(?:when|where) (?:is|does|will) (?:the )?(?:next )?(?<arg>.*?)\s*(?:meeting|meet|plenary)\b.*$/i,
    /^(?:when|where) (?:is|will) (?:the )?next meeting (?:of )?(?<arg>.*)$/i,
    /^(?:next|upcoming) (?:meeting|meetings)\b(?<arg>.*)$/i,
    /^(?<arg>.*?)\s+(?:next )?meeting\??$/i,
  ],
  async run(ctx, { scope }): Promise<Reply> {
    if (scope.kind === 'unknown') return unknownGroupReply(ctx, scope.text);
    const group = scope.kind === 'group' ? scope.group : scope.kind === 'question' ? groupOfQuestion(scope.question) : null;
    // A meeting under way is still "next": look back 31 days and keep those not yet over.
    const today = new Date(ctx.now).toISOString().slice(0, 10);
    const candidates = (await ctx.store.meetings(group, ctx.now - 31 * DAY, 50)).filter((m) => m.end >= today);
    const chosen = group ? candidates.slice(0, 1) : candidates;
    if (chosen.length === 0) {
      const last = await ctx.store.meetings(group, ctx.now, 1, true);
      const notes = last[0]
        ? [`The last meeting I know of was ${formatRange(last[0].start, last[0].end)}${last[0].place ? ` in ${last[0].place}` : ''} [${sourceLabel(sourceOf(last[0].source))}].`]
        : ['No collective letter announcing a meeting is stored for this group.'];
      return { ok: true, title: `No upcoming meeting known for ${group ?? 'any group'}`, sections: [], notes, sources: last.map((m) => sourceOf(m.source)), data: { group, meetings: [], last: last[0] ?? null } };
    }
    return {
      ok: true,
      title: group ? `Next meeting of ${group}` : 'Upcoming meetings',
      sections: chosen.map((m) => ({ items: meetingItems(m) })),
      notes: [],
      sources: uniqueSources(chosen.map((m) => sourceOf(m.source))),
      data: { group, meetings: chosen },
    };
  },
});
