/** `subscriptions [here]`: what the asker (or the channel) follows, and their roles. */
import { z } from 'zod';
import { defineCommand, type Reply } from '../src/core/command.ts';
import { isReply, personFor, requirePeople, subscriberFor } from './people.ts';

export default defineCommand({
  name: 'subscriptions',
  aliases: ['following', 'whoami'],
  summary: 'What you (or this channel) follow, and your roles in the roster.',
  usage: 'subscriptions [here]',
  examples: ['subscriptions', 'subscriptions here', 'whoami'],
  args: z.object({ here: z.boolean() }),
  parseText: (rest) => ({ here: /^\s*(?:here|this channel|channel)\s*$/i.test(rest) }),
  intents: [/^(?:what (?:do i|am i) (?:follow|following|subscribed to)|my subscriptions|who am i)\b(?<arg>.*)$/i],
  async run(ctx, { here }): Promise<Reply> {
    const req = requirePeople(ctx);
    if (isReply(req)) return req;
    const sub = await subscriberFor(ctx, req.people, req.who, here);
    if (isReply(sub)) return sub;
    const topics = await req.people.subscriptions.of(sub.key);
    const person = here ? null : await personFor(req.people, req.who, ctx.tz);
    const roles = person?.roles.map((r) => (r.scope ? `${r.kind} of ${r.scope}` : r.kind)) ?? [];
    return {
      ok: true,
      title: here ? 'Subscriptions of this channel' : `Subscriptions of ${person?.name ?? 'you'}`,
      sections: [
        { heading: 'Following', items: topics.map((t) => ({ text: t })) },
        ...(roles.length ? [{ heading: 'Roles', items: roles.map((r) => ({ text: r })) }] : []),
      ].filter((s) => s.items.length > 0),
      notes: topics.length ? [] : ['Nothing yet. Try: subscribe SG20'],
      sources: [],
      data: { subscriber: sub.key, topics, roles: person?.roles ?? [], tz: person?.tz ?? ctx.tz },
    };
  },
});
