/**
 * `digest on [monday] [08:00] [here]` / `digest off [here]` / `digest`: a weekly digest of new documents, deadlines
 * ahead and liaisons awaiting reply, at a local hour the asker (or the channel) chooses.
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import { defineCommand, noAnswer, type CommandSpec, type Reply } from '../src/core/command.ts';
import { isSgbotError } from '../src/core/errors.ts';
import type { ReminderDeps } from '../src/reminders/deps.ts';
import { digestPref, setDigest, stopDigest, type DigestPref } from '../src/reminders/digest.ts';
import { isReply, personFor, requirePeople, splitHere, subscriberFor } from './people.ts';

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

const args = z.object({
  mode: z.enum(['on', 'off', 'status'], { message: 'Say "digest on [monday] [08:00]" or "digest off"' }),
  weekday: z.number().int().min(1, 'Say the day as a weekday (monday … sunday) and the time as HH:MM, such as: digest on friday 16:30').max(7),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Give the time as HH:MM, such as 08:00'),
  here: z.boolean(),
});

/** Raw arguments from "on tuesday 7:30 here". */
export function parseDigestText(rest: string): unknown {
  const { text, here } = splitHere(rest);
  const words = text.toLowerCase().split(/[\s,]+/).filter(Boolean);
  const mode = words.shift() ?? 'status';
  let weekday = 1;
  let time = '08:00';
  for (const w of words) {
    const day = WEEKDAYS.findIndex((d) => d === w || d.slice(0, 3) === w || `${d}s` === w);
    const t = /^(\d{1,2})(?::|h)?(\d{2})?$/.exec(w);
    if (day >= 0) weekday = day + 1;
    else if (t) time = `${(t[1] ?? '').padStart(2, '0')}:${t[2] ?? '00'}`;
    else return { mode, weekday: 0, time, here };
  }
  return { mode, weekday, time, here };
}

function describe(pref: DigestPref): string {
  return `${WEEKDAYS[pref.weekday - 1]?.replace(/^./, (c) => c.toUpperCase())}s at ${pref.time} (${pref.tz})`;
}

/** The `digest` command; `deps` is asked for on use (it needs the digest queue). */
export function makeDigestCommand(deps: () => Pick<ReminderDeps, 'store' | 'queue' | 'settings' | 'audit'>): CommandSpec<z.infer<typeof args>> {
  return defineCommand({
    name: 'digest',
    summary: 'A weekly digest of new documents, deadlines ahead and liaisons awaiting reply, at your local hour.',
    usage: 'digest on [monday] [08:00] [here] | digest off [here] | digest',
    examples: ['digest on', 'digest on friday 16:30', 'digest on monday 08:00 here', 'digest off'],
    args,
    parseText: parseDigestText,
    intents: [/^(?:send me |i want )?(?:a |the )?weekly digest(?<arg>.*)$/i],
    async run(ctx, { mode, weekday, time, here }): Promise<Reply> {
      const req = requirePeople(ctx);
      if (isReply(req)) return req;
      const sub = await subscriberFor(ctx, req.people, req.who, here);
      if (isReply(sub)) return sub;
      const who = `${req.who.channel}:${req.who.id}`;
      const d = deps();
      try {
        if (mode === 'off') {
          const removed = await stopDigest(d, sub.key, who);
          return { ok: true, title: removed ? 'Weekly digest turned off' : 'The weekly digest was not on', sections: [], notes: ['Turn it on again with: digest on monday 08:00'], sources: [], data: { subscriber: sub.key, on: false } };
        }
        if (mode === 'status') {
          const pref = await digestPref(d, sub.key);
          return { ok: true, title: pref ? `Weekly digest: ${describe(pref)}` : 'The weekly digest is off', sections: [], notes: [pref ? 'Stop it with: digest off' : 'Turn it on with: digest on monday 08:00'], sources: [], data: { subscriber: sub.key, on: pref !== null, pref } };
        }
        const tz = here ? ctx.tz : ((await personFor(req.people, req.who, ctx.tz))?.tz ?? ctx.tz);
        const pref: DigestPref = { weekday, time, tz };
        const { next } = await setDigest(d, sub.key, pref, who);
        const topics = await req.people.subscriptions.of(sub.key);
        return {
          ok: true,
          title: `Weekly digest on: ${describe(pref)}`,
          sections: [{ heading: 'It covers', items: topics.length ? topics.map((t) => ({ text: t })) : [{ text: 'nothing yet — subscribe to a group or Question (subscribe SG20)' }] }],
          notes: [...(next ? [`First one: ${DateTime.fromMillis(next, { zone: tz }).toFormat('ccc d LLL yyyy, HH:mm')} (${tz}).`] : []), 'A week with nothing new sends nothing.'],
          sources: [],
          data: { subscriber: sub.key, on: true, pref, next: next ? new Date(next).toISOString() : null },
        };
      } catch (err) {
        if (isSgbotError(err)) return noAnswer(err.code, err.message);
        throw err;
      }
    },
  });
}
