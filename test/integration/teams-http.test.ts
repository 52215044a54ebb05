/**
 * The Teams adapter end to end: the Agents SDK's real `/api/messages` handler (anonymous test mode) on loopback,
 * driven by the Activities Teams sends, answering through a local fake Bot Framework connector at `serviceUrl`;
 * the store seeded with the fixture corpus on the test Redis.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTeamsApp, type TeamsBot } from '../../src/chat/teams/app.ts';
import { escapeTeams } from '../../src/chat/teams/escape.ts';
import { teamsSender } from '../../src/chat/teams/sender.ts';
import { teamsSettingsFrom } from '../../src/chat/teams/settings.ts';
import { noAnswer } from '../../src/core/command.ts';
import { isSgbotError } from '../../src/core/errors.ts';
import { resolveNow } from '../../src/core/time.ts';
import type { Services } from '../../src/main.ts';
import {
  captureLog,
  cardOf,
  cardTexts,
  channelMessage,
  cli,
  FIXTURES,
  groupChatMessage,
  personalMessage,
  postActivity,
  seededServices,
  startTeamsFake,
  unescapeMarkdown,
  uniquePrefix,
  type CapturedLog,
  type ConnectorCall,
  type TeamsFake,
} from '../support/teams-fake.ts';

const redisUrl = inject('redisUrl');
const prefix = uniquePrefix('teams-http');
const NOW = resolveNow('2026-07-01', 'Asia/Tokyo');
const RETRIES = 2;

let fake: TeamsFake;
let services: Services;
let bot: TeamsBot;
let logs: CapturedLog;
let endpoint: string;
let tmp: string;

type Activity = Record<string, unknown>;
const idOf = (a: Activity) => a['id'] as string;
const convOf = (a: Activity) => (a['conversation'] as { id: string }).id;
/** Post `a` and wait for the bot's reply to it. */
async function ask(a: Activity, what = 'the answer'): Promise<ConnectorCall> {
  const r = await postActivity(endpoint, a);
  expect(r.status).toBe(200);
  return fake.waitFor(() => fake.delivered(convOf(a), idOf(a))[0], 10_000, what);
}
/** Texts of a card whose markdown escapes are not honoured by a CommonMark reader: specials not preceded by `\`. */
function unescapedSpecials(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\\[\s\S]|[`*_~[\]<>]/g)) if (m[0].length === 1) out.push(m[0]);
  return out;
}
/** The item lines of a card (first TextBlock of each container), as a reader sees them. */
const itemLines = (card: unknown) =>
  ((card as { body: Array<{ type: string; items?: Array<{ text: string }> }> }).body.filter((b) => b.type === 'Container').map((c) => unescapeMarkdown(c.items?.[0]?.text ?? '')));

beforeAll(async () => {
  logs = captureLog();
  tmp = mkdtempSync(join(tmpdir(), 'sgbot-teams-'));
  [fake, services] = await Promise.all([startTeamsFake(), seededServices(redisUrl, prefix, logs.log)]);
  // A liaison whose title carries Teams mentions, a disguised link and markdown, as a submitter might type them.
  const hostile = readFileSync(join(FIXTURES, 'ls-sg11-hostile-title.txt'), 'utf8')
    .replace('SG11-LS58', 'SG11-LS61')
    .replace(/^Title:.*$/m, 'Title:              LS on numbering plans <at>sgbot</at> [click here](http://evil.example/x) **urgent** _now_');
  writeFileSync(join(tmp, 'ls-sg11-teams-hostile.txt'), hostile);
  const ingest = await cli(redisUrl, prefix, 'ingest', join(tmp, 'ls-sg11-teams-hostile.txt'), '--no-progress');
  expect(ingest.code, ingest.err).toBe(0);
  const settings = teamsSettingsFrom({ TEAMS_ANONYMOUS: 'true', NODE_ENV: 'test', TEAMS_PORT: '0', TEAMS_HOST: '127.0.0.1' });
  bot = createTeamsApp({
    settings: { ...settings, retry: { retries: RETRIES, minTimeoutMs: 20, maxTimeoutMs: 100 } },
    deps: { registry: services.registry, context: (now, tz) => services.context(now, tz), log: logs.log, redis: services.redis, prefix },
    now: () => NOW,
  });
  const { port } = await bot.start();
  endpoint = `http://127.0.0.1:${port}/api/messages`;
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
  await services?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('personal chat', () => {
  it('answers "/deadlines SG5" with an Adaptive Card giving the dates the terminal gives, in the client time zone', async () => {
    const terminal = JSON.parse((await cli(redisUrl, prefix, 'ask', '/deadlines SG5', '--json', '--now', '2026-07-01', '--tz', 'Asia/Tokyo')).out) as {
      sections: Array<{ items: Array<{ text: string; detail: string }> }>;
    };
    const items = terminal.sections.flatMap((s) => s.items);
    expect(items.length).toBeGreaterThanOrEqual(3);

    const msg = personalMessage({ serviceUrl: fake.serviceUrl, text: '/deadlines SG5', timezone: 'Asia/Tokyo' });
    const started = Date.now();
    const ack = await postActivity(endpoint, msg);
    expect(ack.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3000);
    const reply = await fake.waitFor(() => fake.delivered(convOf(msg), idOf(msg))[0], 10_000, 'the /deadlines answer');

    expect(reply.authorization).toBeNull();
    expect(reply.activity['type']).toBe('message');
    expect(reply.activity['summary']).toBe('Deadlines for SG5');
    const card = cardOf(reply);
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(itemLines(card)).toEqual(items.map((i) => i.text));
    const texts = cardTexts(card);
    for (const item of items) expect(texts).toContain(escapeTeams(item.detail));
    expect(texts.join('\n')).toContain('Times are shown in Asia/Tokyo');
    expect(texts.join('\n')).toMatch(/📄 TSB Collective letter 4\/5 — Meeting of Study Group 5/);
  });

  it('keeps the conversation reference in Redis, without the message id, refreshed on each message', async () => {
    const msg = personalMessage({ serviceUrl: fake.serviceUrl, text: 'help' });
    await ask(msg);
    const raw = await services.redis.get(`${prefix}:teams:conv:${convOf(msg)}`);
    const stored = JSON.parse(raw ?? 'null') as { reference: Record<string, unknown>; tenantId: string; kind: string };
    expect(stored).toMatchObject({ kind: 'personal', tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47', reference: { serviceUrl: fake.serviceUrl, channelId: 'msteams', conversation: { id: convOf(msg) } } });
    expect(stored.reference['activityId']).toBeUndefined();
  });

  it('answers an activity Teams delivers twice only once', async () => {
    const msg = personalMessage({ serviceUrl: fake.serviceUrl, text: '/meeting SG13' });
    await ask(msg);
    expect((await postActivity(endpoint, msg)).status).toBe(200);
    await fake.waitFor(() => logs.find(30, /duplicate Teams activity ignored/).some((l) => l['activityId'] === idOf(msg)), 10_000, 'the duplicate to be seen');
    expect(fake.delivered(convOf(msg), idOf(msg))).toHaveLength(1);
  });
});

describe('channels and group chats', () => {
  it('answers "<at>sgbot</at> who leads IoT identification" in the same conversation, as a reply to the message', async () => {
    const msg = channelMessage({ serviceUrl: fake.serviceUrl, text: '<at>sgbot</at> who leads IoT identification', mentionBot: true, aadObjectId: '5b8d1f2a-3c4e-4f60-8a9b-0c1d2e3f4a5b' });
    const reply = await ask(msg, 'the answer in channel');
    expect(reply.conversationId).toBe(convOf(msg));
    expect(reply.replyToId).toBe(idOf(msg));
    expect(reply.activity['replyToId']).toBe(idOf(msg));
    const texts = cardTexts(cardOf(reply)).map(unescapeMarkdown);
    expect(texts[0]).toBe('SG20 leads this topic');
    expect(texts.join('\n')).toMatch(/SG20: lead study group on Internet of things \(IoT\) identification/);
    // Asked as the user's Entra object id, in their tenant, by the lead-study-group command.
    const answered = await fake.waitFor(() => logs.find(30, /^answered$/).find((l) => l['activityId'] === idOf(msg)), 5000, 'the answer log');
    expect(answered).toMatchObject({ user: '5b8d1f2a-3c4e-4f60-8a9b-0c1d2e3f4a5b', tenant: '72f988bf-86f1-41af-91ab-2d7cd011db47', kind: 'channel', cmd: 'lsg', ok: true });
  });

  it('ignores a channel message that does not mention the bot', async () => {
    const conversationId = `19:5c2b7f0e8a4d4b1f9e3a2c6d7b8e9f0a@thread.tacv2;messageid=${Date.now()}`;
    const unmentioned = channelMessage({ serviceUrl: fake.serviceUrl, text: 'who leads IoT identification', conversationId });
    expect((await postActivity(endpoint, unmentioned)).status).toBe(200);
    expect(logs.find(30, /not addressed to sgbot/).some((l) => l['activityId'] === idOf(unmentioned))).toBe(true);
    // The mentioned message after it is answered; the first never is.
    await ask(channelMessage({ serviceUrl: fake.serviceUrl, text: '<at>sgbot</at> help', conversationId, mentionBot: true }));
    expect(fake.calls.filter((c) => c.replyToId === idOf(unmentioned))).toHaveLength(0);
  });

  it('answers a group chat mention, and not a group chat message without one', async () => {
    const conversationId = `19:groupchat${Date.now()}@thread.v2`;
    const plain = groupChatMessage({ serviceUrl: fake.serviceUrl, text: 'deadlines SG5', conversationId });
    expect((await postActivity(endpoint, plain)).status).toBe(200);
    const reply = await ask(groupChatMessage({ serviceUrl: fake.serviceUrl, text: '<at>sgbot</at> deadlines SG5', conversationId, mentionBot: true }));
    expect(cardTexts(cardOf(reply))[0]).toBe('Deadlines for SG5');
    expect(fake.calls.filter((c) => c.replyToId === idOf(plain))).toHaveLength(0);
  });
});

describe('who asks', () => {
  it('subscribes the asker from a personal chat, and a channel with "here", which can then be posted to as a new thread', async () => {
    const aad = '0a1b2c3d-0000-4000-8000-0000000000a5';
    const mine = await ask(personalMessage({ serviceUrl: fake.serviceUrl, text: 'subscribe SG20', aadObjectId: aad }));
    expect(unescapeMarkdown(cardTexts(cardOf(mine))[0] ?? '')).toBe('Subscribed you to SG20');
    expect(await services.roster.byIdentity({ channel: 'teams', id: aad })).toMatchObject({ chat: { teams: aad } });

    const channel = `19:0c0ffee0c0ffee0c0ffee0c0ffee0c0f@thread.tacv2`;
    const msg = channelMessage({ serviceUrl: fake.serviceUrl, text: '<at>sgbot</at> subscribe SG17 here', mentionBot: true, aadObjectId: aad, conversationId: `${channel};messageid=1751000000001` });
    const reply = await ask(msg);
    expect(unescapeMarkdown(cardTexts(cardOf(reply))[0] ?? '')).toBe('Subscribed this channel to SG17');
    expect(await services.subscriptions.of(`teams:${channel}`)).toEqual(['SG17']);

    await bot.sendProactive(channel, noAnswer('E_NO_ANSWER', 'SG17: new liaison statement'));
    const posted = fake.delivered(channel)[0] as ConnectorCall;
    expect(posted).toMatchObject({ path: `/v3/conversations/${channel}/activities`, replyToId: null });
    expect((posted.activity['conversation'] as { id: string }).id).toBe(channel);
  });
});

describe('rate limit', () => {
  it('answers a user 20 questions a minute, tells them once when they ask more, and leaves other users alone', async () => {
    const chatty = { serviceUrl: fake.serviceUrl, text: 'help', aadObjectId: '0c4a77e1-0000-4000-8000-00000000c4a7', conversationId: `a:1chatty${Date.now()}` };
    const sent = Array.from({ length: 22 }, () => personalMessage(chatty));
    for (const r of await Promise.all(sent.map((a) => postActivity(endpoint, a)))) expect(r.status).toBe(200);
    await fake.waitFor(() => logs.find(30, /rate limited \(already told\)/).some((l) => l['user'] === chatty.aadObjectId), 10_000, 'the silent refusal');
    const answers = await fake.waitFor(() => {
      const d = fake.delivered(chatty.conversationId);
      return d.length >= 21 && d;
    }, 10_000, '21 answers');
    const titles = answers.map((c) => cardTexts(cardOf(c))[0] ?? '');
    expect(titles.filter((t) => /at most 20 questions a minute/.test(t))).toHaveLength(1);
    expect(titles.filter((t) => /sgbot answers questions/.test(t))).toHaveLength(20);
    await ask(personalMessage({ ...chatty, aadObjectId: '0c4a77e1-0000-4000-8000-0000000ca1e0', conversationId: `a:1calm${Date.now()}` }), 'a calm user answered');
  });
});

describe('document text renders inert', () => {
  it('a liaison titled "<!channel> … <@U123ABC>" and one with "<at>sgbot</at> [click here](http://evil…) **urgent**" show as typed', async () => {
    for (const text of ['/ls SG11', 'doc SG11-LS58', 'doc SG11-LS61']) {
      const reply = await ask(personalMessage({ serviceUrl: fake.serviceUrl, text }), `the answer to ${text}`);
      const texts = cardTexts(cardOf(reply));
      for (const t of texts) expect(unescapedSpecials(t), t).toEqual([]);
      expect(JSON.stringify(reply.activity)).not.toMatch(/"mentioned"|"msteams":\{"entities"/);
      const seen = texts.map(unescapeMarkdown).join('\n');
      if (text !== 'doc SG11-LS61') expect(seen).toContain('<!channel> please read <@U123ABC>');
      if (text !== 'doc SG11-LS58') expect(seen).toContain('<at>sgbot</at> [click here](http://evil.example/x) **urgent** _now_');
    }
  });
});

describe('Teams outages', () => {
  it('waits for Retry-After when the connector answers 429, then delivers', async () => {
    const msg = personalMessage({ serviceUrl: fake.serviceUrl, text: '/meeting SG13' });
    fake.fail({ status: 429, times: 1, retryAfterS: 1, conversationId: convOf(msg) });
    const started = Date.now();
    const ack = await postActivity(endpoint, msg);
    // The request is acknowledged at once; the answer follows on its own, after the wait Teams asked for.
    expect(ack.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(900);
    const ok = await fake.waitFor(() => fake.delivered(convOf(msg), idOf(msg))[0], 10_000, 'the answer after 429');
    const refused = fake.calls.find((c) => c.conversationId === convOf(msg) && c.status === 429) as ConnectorCall;
    expect(refused).toBeDefined();
    expect(ok.at - refused.at).toBeGreaterThanOrEqual(950);
    expect(logs.find(40, /Teams did not take the reply \(HTTP 429\); retrying/).some((l) => l['activityId'] === idOf(msg))).toBe(true);
  });

  it('retries a 500 with backoff and delivers when the connector recovers', async () => {
    const msg = personalMessage({ serviceUrl: fake.serviceUrl, text: 'deadlines SG5' });
    fake.fail({ status: 500, times: 2, conversationId: convOf(msg) });
    await ask(msg, 'the answer after two 500s');
    expect(fake.calls.filter((c) => c.conversationId === convOf(msg)).map((c) => c.status)).toEqual([500, 500, 201]);
  });

  it('survives the connector failing for a while: gives up after its retries, logs, and answers later messages', async () => {
    const conversationId = `a:1outage${Date.now()}`;
    fake.fail({ status: 500, times: 1000, conversationId });
    const lost = personalMessage({ serviceUrl: fake.serviceUrl, text: 'deadlines SG5', conversationId });
    expect((await postActivity(endpoint, lost)).status).toBe(200);
    await fake.waitFor(() => logs.find(50, /Teams reply could not be delivered/).some((l) => l['activityId'] === idOf(lost)), 10_000, 'the failure to be logged');
    expect(fake.calls.filter((c) => c.conversationId === conversationId).map((c) => c.status)).toEqual(Array<number>(RETRIES + 1).fill(500));

    fake.clearFailures();
    await ask(personalMessage({ serviceUrl: fake.serviceUrl, text: 'deadlines SG5', conversationId }), 'an answer after the outage');
  });
});

describe('proactive posts', () => {
  it('posts a new message (not a reply) in a conversation it was reached in, with the stored reference', async () => {
    const msg = personalMessage({ serviceUrl: fake.serviceUrl, text: 'help' });
    await ask(msg);
    const reminder = noAnswer('E_NO_ANSWER', 'Reminder: contributions for SG5 are due in 3 days', ['Sent by sgbot.']);
    await bot.sendProactive(convOf(msg), { ...reminder, ok: true, code: undefined });
    const posted = fake.delivered(convOf(msg)).find((c) => c.replyToId === null) as ConnectorCall;
    expect(posted).toBeDefined();
    expect(posted.path).toBe(`/v3/conversations/${convOf(msg)}/activities`);
    expect(cardTexts(cardOf(posted))[0]).toBe('Reminder: contributions for SG5 are due in 3 days');
  });

  it('retries a proactive post through a 429 and reports an unknown or removed conversation', async () => {
    const msg = personalMessage({ serviceUrl: fake.serviceUrl, text: 'help' });
    await ask(msg);
    fake.fail({ status: 429, times: 1, retryAfterS: 0, conversationId: convOf(msg) });
    await bot.sendProactive(convOf(msg), noAnswer('E_NO_ANSWER', 'Broadcast'));
    expect(fake.calls.filter((c) => c.conversationId === convOf(msg) && c.replyToId === null).map((c) => c.status)).toEqual([429, 201]);

    const removal = { ...msg, id: `${idOf(msg)}-rm`, type: 'installationUpdate', action: 'remove', text: undefined };
    expect((await postActivity(endpoint, removal)).status).toBe(200);
    expect(await services.redis.get(`${prefix}:teams:conv:${convOf(msg)}`)).toBeNull();
    const err = await bot.sendProactive(convOf(msg), noAnswer('E_NO_ANSWER', 'Broadcast')).catch((e: unknown) => e);
    expect(isSgbotError(err, 'E_NOT_FOUND')).toBe(true);
  });

  it('gives up a proactive post Teams keeps refusing with a delivery error', async () => {
    const msg = personalMessage({ serviceUrl: fake.serviceUrl, text: 'help' });
    await ask(msg);
    fake.fail({ status: 403, times: 1, conversationId: convOf(msg) });
    const err = (await bot.sendProactive(convOf(msg), noAnswer('E_NO_ANSWER', 'Broadcast')).catch((e: unknown) => e)) as { code?: string; status?: number };
    expect(err).toMatchObject({ code: 'E_TEAMS_DELIVERY', status: 403 });
  });

  it('posts for jobs through the ChatSender interface: delivered, refused for good, or unknown', async () => {
    const sender = teamsSender(bot);
    const msg = personalMessage({ serviceUrl: fake.serviceUrl, text: 'help' });
    await ask(msg);
    await sender.post({ channel: 'teams', id: convOf(msg) }, { ...noAnswer('E_NO_ANSWER', 'Announcement for SG5'), ok: true, code: undefined });
    expect(fake.delivered(convOf(msg)).filter((c) => c.replyToId === null).map((c) => cardTexts(cardOf(c))[0])).toContain('Announcement for SG5');

    fake.fail({ status: 403, times: 1, conversationId: convOf(msg) });
    await expect(sender.post({ channel: 'teams', id: convOf(msg) }, noAnswer('E_NO_ANSWER', 'Refused'))).rejects.toMatchObject({ name: 'ChatDeliveryError', permanent: true });
    await expect(sender.post({ channel: 'teams', id: 'a:never-seen' }, noAnswer('E_NO_ANSWER', 'Nowhere'))).rejects.toMatchObject({ name: 'ChatDeliveryError', permanent: true });
  });
});

describe('the messaging endpoint', () => {
  it('answers 400 to a body that is not an Activity, and keeps working', async () => {
    const res = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":' });
    expect(res.status).toBe(400);
    const notJson = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    expect(notJson.status).toBe(400);
    await ask(personalMessage({ serviceUrl: fake.serviceUrl, text: 'help' }));
  });
});

describe('when Redis is down', () => {
  it('apologises with a reference instead of crashing, and answers the request with 200', async () => {
    const down = new Redis('redis://127.0.0.1:1', { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
    down.on('error', () => undefined);
    const broken = createTeamsApp({
      settings: teamsSettingsFrom({ TEAMS_ANONYMOUS: 'true', TEAMS_PORT: '0', TEAMS_HOST: '127.0.0.1' }),
      deps: { registry: services.registry, context: (now, tz) => services.context(now, tz), log: logs.log, redis: down, prefix },
    });
    try {
      const { port } = await broken.start();
      const msg = personalMessage({ serviceUrl: fake.serviceUrl, text: 'deadlines SG5' });
      expect((await postActivity(`http://127.0.0.1:${port}/api/messages`, msg)).status).toBe(200);
      const apology = await fake.waitFor(() => fake.delivered(convOf(msg), idOf(msg))[0], 10_000, 'the apology');
      const texts = cardTexts(cardOf(apology)).map(unescapeMarkdown);
      expect(texts[0]).toBe('⚠️ Sorry, something went wrong while answering.');
      const logged = logs.find(50, /Teams request failed/).find((l) => l['activityId'] === idOf(msg));
      expect(texts.join('\n')).toContain(`reference ${String(logged?.['ref'])}`);
      expect(JSON.stringify(apology.activity)).not.toMatch(/ECONNREFUSED|stack|at .*\.ts:/);
    } finally {
      await broken.stop();
      down.disconnect();
    }
  });
});
