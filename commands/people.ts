/**
 * Shared by the commands about people: who the asker is in the roster (a chat user met for the first time is added as
 * a delegate, with the zone their client gave), and who a subscription is for (the asker, or the channel when they
 * say "here" in a shared channel).
 */
import { noAnswer, type CommandContext, type PeopleServices, type Reply } from '../src/core/command.ts';
import type { Identity } from '../src/core/identity.ts';
import { isSgbotError } from '../src/core/errors.ts';
import { makePerson, type Person } from '../src/people/roster.ts';
import { parseTopic, type Topic } from '../src/people/subscriptions.ts';

/** The people services and the asker, or a reply saying why the command cannot be used here. */
export function requirePeople(ctx: CommandContext): { people: PeopleServices; who: Identity } | Reply {
  if (!ctx.people) return noAnswer('E_NO_ANSWER', 'This sgbot has no roster: subscriptions are not available here.');
  if (!ctx.who) return noAnswer('E_USAGE', 'I do not know who you are here. From the terminal, say who with --as EMAIL (for example: sgbot ask "subscribe SG20" --as alice@example.org).');
  return { people: ctx.people, who: ctx.who };
}

/** The asker's roster entry; a chat user not in the roster yet is added as a delegate. */
export async function personFor(people: PeopleServices, who: Identity, tz: string): Promise<Person | null> {
  const known = await people.roster.byIdentity(who);
  // Only a chat platform's users join by asking: the terminal, the web console and mail are not chat identities.
  if (known || who.channel === 'cli' || who.channel === 'web' || who.channel === 'mail') return known;
  const person = makePerson({ name: `${who.channel} user ${who.id}`, tz, chat: { [who.channel]: who.id }, roles: [{ kind: 'delegate' }] });
  await people.roster.put(person);
  await people.audit.record({ who: `${who.channel}:${who.id}`, action: 'roster.joined', target: person.id, result: 'ok', details: { roles: person.roles } });
  return person;
}

/** The subscriber key for the asker, or their channel when `here`. */
export async function subscriberFor(ctx: CommandContext, people: PeopleServices, who: Identity, here: boolean): Promise<{ key: string; label: string } | Reply> {
  if (here) {
    if (!who.conversation || !who.shared) return noAnswer('E_USAGE', 'Say "here" in a channel to subscribe the channel; in a direct message, leave it out to subscribe yourself.');
    return { key: who.conversation, label: 'this channel' };
  }
  const person = await personFor(people, who, ctx.tz);
  if (!person) return noAnswer('E_NOT_FOUND', `You (${who.channel} ${who.id}) are not in the roster. Ask the secretariat to add you, or use your email with --as.`);
  return { key: `person:${person.id}`, label: 'you' };
}

/** The topic the text names and who the (un)subscription is for, or a reply saying what is wrong. */
export async function topicAndSubscriber(
  ctx: CommandContext,
  text: string,
  here: boolean,
): Promise<{ people: PeopleServices; who: Identity; topic: Topic; sub: { key: string; label: string } } | Reply> {
  const req = requirePeople(ctx);
  if (isReply(req)) return req;
  let topic: Topic;
  try {
    topic = parseTopic(text);
  } catch (err) {
    if (isSgbotError(err)) return noAnswer('E_USAGE', err.message, ['Examples: subscribe SG20, subscribe Q4/20, subscribe registration SG13.']);
    throw err;
  }
  const sub = await subscriberFor(ctx, req.people, req.who, here);
  if (isReply(sub)) return sub;
  return { ...req, topic, sub };
}

/** Split a trailing "here" (or "channel") off the argument text. */
export function splitHere(rest: string): { text: string; here: boolean } {
  const m = /^(.*?)\s+(?:here|this channel|channel)\s*$/i.exec(rest.trim());
  return m ? { text: m[1] ?? '', here: true } : { text: rest.trim(), here: false };
}

/** Whether a value is a reply (a refusal) rather than a result. */
export function isReply(x: unknown): x is Reply {
  return typeof x === 'object' && x !== null && 'ok' in x && 'sections' in x;
}
