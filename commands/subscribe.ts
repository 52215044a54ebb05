/** `subscribe <SG20|Q4/20|registration SG20> [here]`: follow a group, a Question or a kind of deadline. */
import { z } from 'zod';
import { defineCommand, type Reply } from '../src/core/command.ts';
import { topicKey } from '../src/people/subscriptions.ts';
import { markReplan } from '../src/reminders/replan.ts';
import { isReply, splitHere, topicAndSubscriber } from './people.ts';

export default defineCommand({
  name: 'subscribe',
  aliases: ['follow'],
  summary: 'Get reminders and news for a group, a Question or a kind of deadline ("here" subscribes the channel).',
  usage: 'subscribe SG20 | Q4/20 | registration SG20 [here]',
  examples: ['subscribe SG20', 'subscribe Q4/20', 'subscribe registration SG13', 'subscribe SG17 here'],
  args: z.object({ text: z.string(), here: z.boolean() }),
  parseText: (rest) => splitHere(rest),
  intents: [/^(?:please )?(?:subscribe|follow)(?: me)?(?: to)?\s+(?<arg>.+)$/i],
  async run(ctx, { text, here }): Promise<Reply> {
    const req = await topicAndSubscriber(ctx, text, here);
    if (isReply(req)) return req;
    const { topic, sub } = req;
    const added = await req.people.subscriptions.add(sub.key, topic);
    if (added) await markReplan(ctx.store.redis, ctx.store.prefix);
    await req.people.audit.record({ who: `${req.who.channel}:${req.who.id}`, action: 'subscription.added', target: sub.key, result: added ? 'ok' : 'unchanged', details: { topic: topicKey(topic) } });
    const topics = await req.people.subscriptions.of(sub.key);
    return {
      ok: true,
      title: added ? `Subscribed ${sub.label} to ${topicKey(topic)}` : `${sub.label === 'you' ? 'You were' : 'This channel was'} already subscribed to ${topicKey(topic)}`,
      sections: [{ heading: 'Subscriptions', items: topics.map((t) => ({ text: t })) }],
      notes: ['Reminders come before each deadline (14, 7 and 1 days before, and that morning at 09:00 your time). Stop with: unsubscribe ' + topicKey(topic) + (here ? ' here' : '')],
      sources: [],
      data: { subscriber: sub.key, topic: topicKey(topic), added, topics },
    };
  },
});
