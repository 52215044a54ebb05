/**
 * Answers shared by askers of the same question, through sgbot's own services (src/main.ts) and a real Redis: a
 * second asker gets the kept answer, and a document stored, a correction, or a roster change in between is in the
 * very next answer, whatever process made it; answers of commands that change things or read the asker are never
 * shared.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { AnswerCache } from '../../src/chat/answer-cache.ts';
import { answer } from '../../src/chat/router.ts';
import { loadConfig } from '../../src/config.ts';
import { createServices, type Services } from '../../src/main.ts';
import { parseDocument } from '../../src/parse/index.ts';
import { DocumentStore } from '../../src/store/store.ts';
import { Roster } from '../../src/people/roster.ts';
import { letter, makePerson } from '../support/reminder-builders.ts';

const prefix = `it-answer-cache-${process.pid}`;
const NOW = Date.UTC(2036, 1, 1);
let services: Services;
let other: Redis;

const source = (name: string) => ({ name, path: null, messageId: null, format: 'txt' as const, subject: null, from: null, sentAt: null });

beforeAll(async () => {
  services = await createServices(loadConfig({ REDIS_URL: inject('redisUrl'), SGBOT_PREFIX: prefix }, '/nonexistent'));
  other = new Redis(inject('redisUrl'));
  const text = letter({ n: 301, sg: 20, rows: [['14 April 2036', 'Submit ITU-T Member contributions']] });
  await services.store.addDocument(text, parseDocument(text), source('cl301.txt'));
});

afterAll(async () => {
  const keys = await other.keys(`${prefix}:*`);
  if (keys.length) await other.del(...keys);
  other.disconnect();
  await services.close();
});

const ask = (q: string, who = 'alice@example.org', now = NOW) => answer(services.registry, services.context(now, 'Asia/Tokyo', { channel: 'mail', id: who, verified: true }), q);
const kept = () => services.context(NOW, 'UTC').answers as AnswerCache;
const lines = (r: Awaited<ReturnType<typeof ask>>) => r.reply.sections.flatMap((s) => s.items.map((i) => i.text)).join('\n');

describe('answers shared by askers of the same question', () => {
  it('gives a second asker the kept answer, and a document stored by another process in between is in the next one', async () => {
    const first = await ask('/deadlines SG20');
    expect(lines(first)).toMatch(/original: 14 April 2036/);
    const hits = kept().hits;
    const second = await ask('/deadlines SG20', 'bob@example.org', NOW + 1000);
    expect(kept().hits).toBe(hits + 1);
    expect(second.reply).toBe(first.reply);

    // Another process (its own store over its own connection) stores a letter with a new SG20 deadline.
    const text = letter({ n: 302, sg: 20, rows: [['20 May 2036', 'Request a fellowship']] });
    await new DocumentStore(other, prefix).addDocument(text, parseDocument(text), source('cl302.txt'));
    const third = await ask('/deadlines SG20', 'carol@example.org', NOW + 2000);
    expect(lines(third)).toMatch(/original: 20 May 2036/);
    expect(lines(third)).toMatch(/original: 14 April 2036/);
  });

  it('answers again after the time to live, and in each zone apart', async () => {
    const misses = kept().misses;
    await ask('/deadlines SG20', 'dan@example.org', NOW + 10_000);
    expect(kept().misses).toBe(misses + 1);
    const utc = await answer(services.registry, services.context(NOW + 10_000, 'UTC'), '/deadlines SG20');
    expect(kept().misses).toBe(misses + 2);
    expect(lines(utc)).not.toBe('');
  });

  it('sees a roster change made by another process at once', async () => {
    const before = await ask('who is the rapporteur of Q4/20?');
    expect(lines(before)).not.toMatch(/Ravi Rapporteur/);
    await new Roster(other, prefix).put(makePerson('ravi@example.org', [{ kind: 'rapporteur', scope: 'Q4/20' }], { name: 'Ravi Rapporteur' }));
    const after = await ask('who is the rapporteur of Q4/20?', 'bob@example.org');
    expect(`${after.reply.title}\n${lines(after)}`).toMatch(/Ravi Rapporteur/);
  });

  it('never shares what a command that changes things, or reads the asker, answered', async () => {
    for (const id of ['alice@example.org', 'bob@example.org']) await services.roster.put(makePerson(id));
    const alice = await ask('subscribe SG20', 'alice@example.org');
    const bob = await ask('subscribe SG20', 'bob@example.org');
    expect(alice.reply.ok).toBe(true);
    expect(bob.reply).not.toBe(alice.reply);
    expect(bob.reply.ok).toBe(true);
    expect(await services.subscriptions.subscribers(['SG20'])).toEqual(['person:alice@example.org', 'person:bob@example.org']);
  });
});
