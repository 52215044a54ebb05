/**
 * Reading stored documents again with the current parser: a liaison stored with the facts an older parser gave it
 * (its reply deadline under its source's group) gets the facts the parser gives now, and the indexes follow; a
 * second run changes nothing; a secretariat correction still wins.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseDocument } from '../../src/parse/index.ts';
import { reparseStored } from '../../src/store/reparse.ts';
import { DocumentStore } from '../../src/store/store.ts';

const redisUrl = inject('redisUrl');
let redis: Redis;
let store: DocumentStore;

const LS = [
  'INTERNATIONAL TELECOMMUNICATION UNION\tSG20-LS91',
  'STUDY GROUP 20',
  'Question(s):\t6/20',
  'Source:\tITU-T Study Group 20',
  'Title:\tLS on device identity lifetimes',
  'LIAISON STATEMENT',
  'For action to:\tITU-T SG17 (Q6/17)',
  'Deadline:\t30 April 2036',
  '',
  'SG20 asks Q6/17 to comment on the attached draft.',
].join('\n');

beforeAll(() => {
  redis = new Redis(redisUrl);
  store = new DocumentStore(redis, `it-reparse-${process.pid}`);
});
afterAll(async () => {
  await redis.quit();
});

describe('reparseStored', () => {
  it('replaces facts an older parser gave, and the indexes follow', async () => {
    const now = parseDocument(LS);
    // What an older parser stored: the reply deadline under the source's Questions, no addressees.
    const old = { ...now, liaison: now.liaison && { ...now.liaison, addressees: undefined, questions: ['Q6/20'], to: ['SG17'] } };
    const { id } = await store.addDocument(LS, { ...old, group: 'SG20', liaison: old.liaison ? { ...old.liaison, addressees: [] } : null }, { name: 'ls.txt', path: null, messageId: null, format: 'txt', subject: null, from: null, sentAt: null });
    const before = await store.deadlines({ question: 'Q6/17' }, '-inf');
    expect(before).toEqual([]);
    const r = await reparseStored(store);
    expect(r).toMatchObject({ read: 1, changed: [id], missingText: 0 });
    const after = await store.deadlines({ question: 'Q6/17' }, '-inf');
    expect(after.map((d) => `${d.date} ${d.category} ${d.group}`)).toEqual(['2036-04-30 liaison-reply SG17']);
    expect(await store.deadlines({ group: 'SG20' }, '-inf')).toEqual([]);
    expect((await reparseStored(store)).changed).toEqual([]);
  });
});

describe('reparseStored, the same parse filed anew', () => {
  it('rewrites the index entries and facts this version derives differently, once', async () => {
    const mine = new DocumentStore(redis, `it-reparse-index-${process.pid}`);
    const { id } = await mine.addDocument(LS, parseDocument(LS), { name: 'ls.txt', path: null, messageId: null, format: 'txt', subject: null, from: null, sentAt: null });
    // What an older version filed: the reply deadline under the wrong Question and a fact written another way.
    const member = `${id}#d0`;
    const facts = await redis.smembers(mine.key(`docfacts:${id}`));
    const entry = facts.find((f) => f.startsWith('dl:q:Q6/17\u0000'));
    expect(entry).toBeDefined();
    await redis.zrem(mine.key('dl:q:Q6/17'), member);
    await redis.zadd(mine.key('dl:q:Q9/17'), Date.UTC(2036, 3, 30), member);
    await redis.srem(mine.key(`docfacts:${id}`), entry as string);
    await redis.sadd(mine.key(`docfacts:${id}`), `dl:q:Q9/17\u0000${member}`);
    expect(await mine.deadlines({ question: 'Q6/17' }, '-inf')).toEqual([]);
    expect(await mine.indexIsCurrent((await mine.getDocument(id))!)).toBe(false);
    expect((await reparseStored(mine)).changed).toEqual([id]);
    expect((await mine.deadlines({ question: 'Q6/17' }, '-inf')).map((d) => d.date)).toEqual(['2036-04-30']);
    expect(await mine.deadlines({ question: 'Q9/17' }, '-inf')).toEqual([]);
    // Nothing left to do: a second run changes nothing.
    expect((await reparseStored(mine)).changed).toEqual([]);
  });
});

describe('sgbot reparse', () => {
  it('reads every stored document, says how many changed and where to go on from', async () => {
    const { runCli } = await import('../../src/cli.ts');
    const prefix = `it-reparse-cli-${process.pid}`;
    let out = '';
    let err = '';
    const io = { out: (t: string) => (out += `${t}\n`), err: (t: string) => (err += `${t}\n`), env: { REDIS_URL: redisUrl, SGBOT_PREFIX: prefix }, isTTY: false };
    const other = new DocumentStore(redis, prefix);
    await other.addDocument(LS, parseDocument(LS), { name: 'ls.txt', path: null, messageId: null, format: 'txt', subject: null, from: null, sentAt: null });
    expect(await runCli(['node', 'sgbot', 'reparse'], io), err).toBe(0);
    expect(out).toContain('Read 1 stored document again: 0 changed');
    expect(out).toMatch(/sgbot reparse --after \d+ goes on from there/);
    out = '';
    expect(await runCli(['node', 'sgbot', 'reparse', '--after', 'x'], io)).toBe(2);
  });
});
