/** `reminders`: the asker's upcoming deadline reminders — when each comes, about which deadline, in their zone. */
import { DateTime } from 'luxon';
import { z } from 'zod';
import { defineCommand, noAnswer, type Reply, type ReplyItem, type SourceRef } from '../src/core/command.ts';
import { CATEGORY_LABELS } from '../src/core/labels.ts';
import { formatDeadline } from '../src/core/time.ts';
import { readRecord, remKeys } from '../src/reminders/keys.ts';
import { parseReminderJobId } from '../src/reminders/plan.ts';
import { requirePeople, isReply } from './people.ts';

/** Words for an offset: `7d` → "7 days before". */
export function offsetLabel(offset: string): string {
  if (offset === 'snz') return 'after your snooze';
  const esc = /^esc(\d+)d$/.exec(offset);
  if (esc) return `escalation, ${esc[1]} days before`;
  const n = Number(/^(\d+)d$/.exec(offset)?.[1] ?? NaN);
  if (n === 0) return 'on the day';
  return n === 1 ? '1 day before' : `${n} days before`;
}

export default defineCommand({
  name: 'reminders',
  aliases: ['my-reminders'],
  summary: 'Your upcoming deadline reminders: when each comes and for which deadline.',
  usage: 'reminders',
  examples: ['reminders'],
  args: z.object({}),
  parseText: () => ({}),
  intents: [/^(?:what are |show )?my (?:upcoming |next )?reminders\??$/i],
  async run(ctx): Promise<Reply> {
    const req = requirePeople(ctx);
    if (isReply(req)) return req;
    const person = await req.people.roster.byIdentity(req.who);
    if (!person) return noAnswer('E_NOT_FOUND', `You (${req.who.channel} ${req.who.id}) are not in the roster, so no reminders are planned for you. Subscribe first: subscribe SG20`);
    const recipient = `person:${person.id}`;
    const keys = remKeys(ctx.store.prefix);
    const redis = ctx.store.redis;
    const ids = await redis.zrangebyscore(keys.byRecipient(recipient), ctx.now, '+inf', 'LIMIT', 0, 100);
    const items: ReplyItem[] = [];
    const sources = new Map<string, SourceRef>();
    const reminders: Array<{ jobId: string; at: string; offset: string; deadlineKey: string; due: string; acknowledged: boolean }> = [];
    for (const id of ids) {
      const parsed = parseReminderJobId(id);
      const record = parsed ? await readRecord(redis, keys, parsed.deadlineKey) : null;
      if (!parsed || !record || record.withdrawn !== undefined || record.due <= ctx.now) continue;
      const acknowledged = (await redis.hexists(keys.acks(record.key), recipient)) === 1;
      const source: SourceRef = { docId: record.source.docId, reference: record.source.reference, title: record.source.title, kind: record.source.kind };
      sources.set(record.source.docId, source);
      const when = DateTime.fromMillis(parsed.at, { zone: person.tz }).toFormat('ccc d LLL yyyy, HH:mm');
      items.push({
        text: `${when} — ${offsetLabel(parsed.offset)}${acknowledged ? ' (you marked it done: it will not be sent)' : ''}`,
        detail: `${CATEGORY_LABELS[record.category]}${record.group ? ` ${record.group}` : ''}: ${record.action} — due ${formatDeadline(record, person.tz)}`,
        source,
      });
      reminders.push({ jobId: id, at: new Date(parsed.at).toISOString(), offset: parsed.offset, deadlineKey: record.key, due: new Date(record.due).toISOString(), acknowledged });
    }
    return {
      ok: true,
      title: items.length ? `Your next ${items.length === 1 ? 'reminder' : `${items.length} reminders`}` : 'No reminders are planned for you',
      sections: items.length ? [{ items }] : [],
      notes: [`Times in ${person.tz}.`, ...(items.length ? [] : ['Reminders come for the deadlines of the Questions you lead and of what you subscribe to (subscribe SG20, subscribe registration SG13).'])],
      sources: [...sources.values()],
      data: { recipient, tz: person.tz, reminders },
    };
  },
});
