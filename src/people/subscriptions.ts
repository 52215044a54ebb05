/**
 * Subscriptions: who wants to hear about what. A subscriber is a person of the roster (`person:<id>`) or a channel
 * (`slack:C0123`, `teams:<conversation id>`, `mail:list@example.org`); a topic is a group (`SG20`), a Question
 * (`Q4/20`) or a deadline category of a group (`SG20/registration`).
 */
import type { Redis } from 'ioredis';
import { SgbotError } from '../core/errors.ts';
import { canonicalGroup, canonicalQuestion } from '../core/groups.ts';
import type { Topic } from '../core/people.ts';
import { DEADLINE_CATEGORIES, type DeadlineCategory } from '../core/types.ts';

export type { Topic } from '../core/people.ts';

/** The string form of a topic: `SG20`, `Q4/20`, `SG20/registration`. */
export function topicKey(t: Topic): string {
  return t.kind === 'group' ? t.group : t.kind === 'question' ? t.question : `${t.group}/${t.category}`;
}

const CATEGORY_WORDS: Readonly<Record<string, DeadlineCategory>> = {
  registration: 'registration',
  register: 'registration',
  visa: 'visa',
  visas: 'visa',
  fellowship: 'fellowship',
  fellowships: 'fellowship',
  contributions: 'contributions',
  contribution: 'contributions',
  captioning: 'captioning',
  interpretation: 'interpretation',
};

/**
 * A topic from what people type: "SG20", "Q4/20", "registration SG20", "SG20 visa".
 *
 * @throws SgbotError E_USAGE with what can be subscribed to.
 */
export function parseTopic(text: string): Topic {
  const words = text.trim().split(/[\s,]+/).filter(Boolean);
  let category: DeadlineCategory | null = null;
  const rest: string[] = [];
  for (const w of words) {
    const c = CATEGORY_WORDS[w.toLowerCase()] ?? (DEADLINE_CATEGORIES as readonly string[]).find((x) => x === w.toLowerCase());
    if (c && !category) category = c as DeadlineCategory;
    else rest.push(w);
  }
  const subject = rest.join(' ');
  const question = canonicalQuestion(subject);
  if (question && !category) return { kind: 'question', question };
  const group = canonicalGroup(subject);
  if (group && category) return { kind: 'category', group, category };
  if (group) return { kind: 'group', group };
  throw new SgbotError('E_USAGE', `Say what to follow: a group (SG20), a Question (Q4/20), or a kind of deadline of a group (registration SG20, visa SG13).`);
}

/** Subscriptions in Redis: a set per topic and a set per subscriber. */
export class Subscriptions {
  constructor(
    readonly redis: Redis,
    readonly prefix: string,
  ) {}

  private key(name: string): string {
    return `${this.prefix}:${name}`;
  }

  /** Subscribe; `false` when it already was. */
  async add(subscriber: string, topic: Topic): Promise<boolean> {
    const t = topicKey(topic);
    const [[, added]] = (await this.redis.multi().sadd(this.key(`subs:topic:${t}`), subscriber).sadd(this.key(`subs:of:${subscriber}`), t).exec()) as [[null, number], [null, number]];
    return added === 1;
  }

  /** Unsubscribe; `false` when it was not subscribed. */
  async remove(subscriber: string, topic: Topic): Promise<boolean> {
    const t = topicKey(topic);
    const [[, removed]] = (await this.redis.multi().srem(this.key(`subs:topic:${t}`), subscriber).srem(this.key(`subs:of:${subscriber}`), t).exec()) as [[null, number], [null, number]];
    return removed === 1;
  }

  /** Topics a subscriber follows, sorted. */
  async of(subscriber: string): Promise<string[]> {
    return (await this.redis.smembers(this.key(`subs:of:${subscriber}`))).sort();
  }

  /** Subscribers of any of the topic keys given. */
  async subscribers(topicKeys: string[]): Promise<string[]> {
    if (topicKeys.length === 0) return [];
    return (await this.redis.sunion(...topicKeys.map((t) => this.key(`subs:topic:${t}`)))).sort();
  }
}
