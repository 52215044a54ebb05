/** `unsubscribe <SG20|Q4/20|registration SG20> [here]`: stop following. */
import { z } from 'zod';
import { defineCommand, type Reply } from '../src/core/command.ts';
import { topicKey } from '../src/people/subscriptions.ts';
import { markReplan } from '../src/reminders/replan.ts';
import { isReply, splitHere, topicAndSubscriber } from './people.ts';

export default defineCommand({
  name: 'unsubscribe',
  aliases: ['unfollow'],
  summary: 'Stop reminders and news for a group, a Question or a kind of deadline.',
  usage: 'unsubscribe SG20 | Q4/20 | registration SG20 [here]',
  examples: ['unsubscribe SG20', 'unsubscribe Q4/20 here'],
  args: z.object({ text: z.string(), here: z.boolean() }),
  parseText: (rest) => splitHere(rest),
  intents: [/^(?:please )?(?:unsubscribe|unfollow|stop following)(?: me)?(?: from)?\s+(?<arg>.+)$/i],
  async run(ctx, { text, here }): Promise<Reply> {
    const req = await topicAndSubscriber(ctx, text, here);
    if (isReply(req)) return req;
    const { topic, sub } = req;
    const removed = await req.people.subscriptions.remove(sub.key, topic);
    if (removed) await markReplan(ctx.store.redis, ctx.store.prefix);
    await req.people.audit.record({ who: `${req.who.channel}:${req.who.id}`, action: 'subscription.removed', target: sub.key, result: removed ? 'ok' : 'unchanged', details: { topic: topicKey(topic) } });
    const topics = await req.people.subscriptions.of(sub.key);
    return {
      ok: true,
      title: removed ? `Unsubscribed ${sub.label} from ${topicKey(topic)}` : `${sub.label === 'you' ? 'You were' : 'This channel was'} not subscribed to ${topicKey(topic)}`,
      sections: topics.length ? [{ heading: 'Still subscribed to', items: topics.map((t) => ({ text: t })) }] : [],
      notes: topics.length ? [] : ['No subscriptions left.'],
      sources: [],
      data: { subscriber: sub.key, topic: topicKey(topic), removed, topics },
    };
  },
});
