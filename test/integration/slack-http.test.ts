/**
 * The Slack adapter in HTTP mode: Bolt's real HTTPReceiver on loopback, driven by correctly (and incorrectly)
 * signed requests, answering through a local fake of Slack's Web API and response_urls; the store seeded with the
 * fixture corpus on the test Redis.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { escapeSlack } from '../../src/chat/escape.ts';
import { createSlackApp, type SlackBot } from '../../src/chat/slack/app.ts';
import { SHARE_ACTION } from '../../src/chat/slack/blocks.ts';
import { slackSettingsFrom } from '../../src/chat/slack/settings.ts';
import { resolveNow } from '../../src/core/time.ts';
import type { Services } from '../../src/main.ts';
import {
  BOT_TOKEN,
  blockTexts,
  buttonClick,
  captureLog,
  cli,
  eventCallback,
  postSigned,
  seededServices,
  SIGNING_SECRET,
  slashCommand,
  startSlackFake,
  uniquePrefix,
  type CapturedLog,
  type RecordedCall,
  type SlackFake,
} from '../support/slack-fake.ts';

const redisUrl = inject('redisUrl');
const prefix = uniquePrefix('slack-http');
const NOW = resolveNow('2026-07-01', 'Asia/Tokyo');
const RETRIES = 2;

let fake: SlackFake;
let services: Services;
let bot: SlackBot;
let logs: CapturedLog;
let endpoint: string;

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const json = (o: unknown) => JSON.stringify(o);
const slash = (command: string, text: string, userId: string, responseId: string, opts: Parameters<typeof postSigned>[3] = {}) =>
  postSigned(endpoint, SIGNING_SECRET, form(slashCommand({ command, text, userId, responseUrl: fake.responseUrl(responseId) })), opts);
const event = (body: Record<string, unknown>, opts: Parameters<typeof postSigned>[3] = {}) =>
  postSigned(endpoint, SIGNING_SECRET, json(body), { contentType: 'application/json', ...opts });
const mention = (text: string, userId: string, ts: string) => eventCallback({ type: 'app_mention', user: userId, text: `<@U0BOT> ${text}`, channel: 'C0GENERAL', ts });
const blocksOf = (c: RecordedCall) => c.body['blocks'] as unknown[];
const postsIn = (threadTs: string) => fake.api('chat.postMessage', true).filter((c) => c.body['thread_ts'] === threadTs);

beforeAll(async () => {
  logs = captureLog();
  [fake, services] = await Promise.all([startSlackFake({ botToken: BOT_TOKEN }), seededServices(redisUrl, prefix, logs.log)]);
  const settings = slackSettingsFrom({
    SLACK_MODE: 'http',
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_PORT: '0',
    SLACK_HOST: '127.0.0.1',
    SLACK_API_URL: fake.apiUrl,
    SLACK_LOOKUP_TIMEOUT_MS: '600',
  });
  bot = createSlackApp({
    settings: { ...settings, retry: { retries: RETRIES, minTimeoutMs: 20, maxTimeoutMs: 100 } },
    deps: { registry: services.registry, context: (now, tz) => services.context(now, tz), log: logs.log, redis: services.redis, prefix },
    now: () => NOW,
  });
  const { port } = await bot.start();
  endpoint = `http://127.0.0.1:${port}/slack/events`;
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
  await services?.close();
});

describe('slash commands', () => {
  it('acks /deadlines SG5 at once, then answers ephemerally with the dates the terminal gives, in the user zone', async () => {
    const terminal = JSON.parse((await cli(redisUrl, prefix, 'ask', '/deadlines SG5', '--json', '--now', '2026-07-01', '--tz', 'Asia/Tokyo')).out) as {
      sections: Array<{ items: Array<{ text: string; detail: string }> }>;
    };
    const items = terminal.sections[0]?.items ?? [];
    expect(items.length).toBeGreaterThanOrEqual(3);

    fake.setUserTz('U0DEADL', 'Asia/Tokyo');
    const ack = await slash('/deadlines', 'SG5', 'U0DEADL', 'deadlines');
    expect(ack.status).toBe(200);
    expect(ack.text).toBe('');
    expect(ack.ms).toBeLessThan(3000);

    const res = await fake.waitFor(() => fake.responses('deadlines', true)[0], 10_000, 'the /deadlines answer');
    expect(res.body['response_type']).toBe('ephemeral');
    const texts = blockTexts(blocksOf(res));
    for (const item of items) {
      expect(texts).toContain(escapeSlack(item.text));
      expect(texts).toContain(escapeSlack(item.detail));
    }
    expect(texts).toContain('Times are shown in Asia/Tokyo');
    expect(texts).toMatch(/TSB Collective letter 4\/5/);
    expect(fake.api('users.info').map((c) => c.body['user'])).toContain('U0DEADL');
    expect(JSON.stringify(blocksOf(res))).toContain(SHARE_ACTION);
  });

  it('"Share in channel" re-posts the same answer in channel and removes the ephemeral one', async () => {
    await slash('/deadlines', 'SG5', 'U0SHARE', 'share-q');
    const asked = await fake.waitFor(() => fake.responses('share-q', true)[0], 10_000, 'the answer to share');
    const actions = blocksOf(asked).find((b) => (b as { type: string }).type === 'actions') as { elements: Array<{ value: string }> };
    const value = actions.elements[0]?.value ?? '';
    expect(value).not.toBe('');
    // What is kept for the button is the question as read, its time and zone, not the answer: a few hundred bytes.
    const kept = (await services.redis.get(`${prefix}:slack:share:${value}`)) ?? '';
    expect(JSON.parse(kept)).toMatchObject({ question: '/deadlines SG5', tz: 'Asia/Tokyo', askedBy: 'U0SHARE' });
    expect(kept.length).toBeLessThan(300);

    const click = await postSigned(endpoint, SIGNING_SECRET, form({ payload: json(buttonClick({ actionId: SHARE_ACTION, value, userId: 'U0SHARE', responseUrl: fake.responseUrl('share-a') })) }));
    expect(click.status).toBe(200);
    const [shared, removed] = await fake.waitFor(() => {
      const r = fake.responses('share-a', true);
      return r.length >= 2 && r;
    });
    expect(shared?.body).toMatchObject({ response_type: 'in_channel', replace_original: false });
    const before = blockTexts(blocksOf(asked));
    const after = blockTexts(blocksOf(shared as RecordedCall));
    expect(after).toContain(before.split('\nShare in channel')[0]);
    expect(after).toContain('Shared by <@U0SHARE>');
    expect(JSON.stringify(blocksOf(shared as RecordedCall))).not.toContain(SHARE_ACTION);
    expect(removed?.body).toEqual({ delete_original: true });
  });

  it('the same answer asked by two people at once is posted to each with a share button of their own', async () => {
    // The second asker gets the first's answer (shared for a few seconds) rendered once; each post carries its own id.
    await slash('/deadlines', 'SG5', 'U0TWIN1', 'twin-1');
    await slash('/deadlines', 'SG5', 'U0TWIN2', 'twin-2');
    const posts = await fake.waitFor(() => {
      const a = fake.responses('twin-1', true)[0];
      const b = fake.responses('twin-2', true)[0];
      return a && b && [a, b];
    }, 10_000, 'both answers');
    const shareOf = (call: RecordedCall) => ((blocksOf(call).find((b) => (b as { type: string }).type === 'actions') as { elements: Array<{ value: string }> }).elements[0]?.value ?? '');
    const [one, two] = posts.map(shareOf);
    expect(one).toMatch(/^[\w-]{16}$/);
    expect(two).toMatch(/^[\w-]{16}$/);
    expect(one).not.toBe(two);
    expect(JSON.parse((await services.redis.get(`${prefix}:slack:share:${one}`)) ?? '{}')).toMatchObject({ askedBy: 'U0TWIN1' });
    expect(JSON.parse((await services.redis.get(`${prefix}:slack:share:${two}`)) ?? '{}')).toMatchObject({ askedBy: 'U0TWIN2' });
    expect(blockTexts(blocksOf(posts[0] as RecordedCall))).toBe(blockTexts(blocksOf(posts[1] as RecordedCall)));
    expect((posts[1] as RecordedCall).body).toMatchObject({ response_type: 'ephemeral' });
  });

  it('renders document text inert: a liaison titled "<!channel> … <@U123ABC>" pings and mentions nobody', async () => {
    await slash('/ls', 'SG11', 'U0HOSTILE', 'hostile-ls');
    await slash('/sgbot', 'doc SG11-LS58', 'U0HOSTILE', 'hostile-doc');
    for (const id of ['hostile-ls', 'hostile-doc']) {
      const res = await fake.waitFor(() => fake.responses(id, true)[0], 10_000, `the ${id} answer`);
      const raw = JSON.stringify(res.body);
      expect(raw).toContain('&lt;!channel&gt; please read &lt;@U123ABC&gt;');
      expect(raw).not.toMatch(/<!channel>|<@U123ABC>|<!here>|<https?:/);
    }
  });
});

describe('mentions and events', () => {
  it('answers "@sgbot who leads IoT identification" in the thread it was asked in', async () => {
    const ack = await event(mention('who leads IoT identification', 'U0MENTION', '1751000000.000100'));
    expect(ack.status).toBe(200);
    const post = await fake.waitFor(() => postsIn('1751000000.000100')[0], 10_000, 'the answer in thread');
    expect(post.body['channel']).toBe('C0GENERAL');
    expect(post.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(String(post.body['text'])).toMatch(/SG20 leads this topic/);
    expect(blockTexts(post.body['blocks'])).toMatch(/SG20: lead study group on .*identification/i);
  });

  it('answers an event Slack delivers twice (retry, or both at once) only once', async () => {
    const first = mention('deadlines SG5', 'U0RETRY', '1751000000.000200');
    const nowS = Math.floor(Date.now() / 1000);
    await event(first, { timestampS: nowS });
    await fake.waitFor(() => postsIn('1751000000.000200')[0], 10_000, 'the first answer');
    const retry = await event(first, { timestampS: nowS + 1, headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    expect(retry.status).toBe(200);
    await fake.waitFor(() => logs.find(30, /duplicate Slack event ignored/).some((l) => l['eventId'] === first['event_id']), 10_000, 'the duplicate to be seen');

    const twin = mention('deadlines SG13', 'U0RETRY', '1751000000.000300');
    await Promise.all([event(twin, { timestampS: nowS + 2 }), event(twin, { timestampS: nowS + 3, headers: { 'x-slack-retry-num': '1' } })]);
    await fake.waitFor(() => logs.find(30, /duplicate Slack event ignored/).some((l) => l['eventId'] === twin['event_id']), 10_000, 'one twin to be seen as duplicate');
    await fake.waitFor(() => postsIn('1751000000.000300')[0], 10_000, 'the twin answer');
    expect(postsIn('1751000000.000200')).toHaveLength(1);
    expect(postsIn('1751000000.000300')).toHaveLength(1);
  });
});

describe('forged and replayed requests', () => {
  const body = (responseId = 'forged') => form(slashCommand({ command: '/deadlines', text: 'SG5', userId: 'U0FORGED', responseUrl: fake.responseUrl(responseId) }));

  it('rejects a wrong signing secret with 401 and logs it at warn', async () => {
    const r = await postSigned(endpoint, '0123456789abcdef0123456789abcdef', body());
    expect(r.status).toBe(401);
    expect(logs.find(40, /verify.*signature mismatch/i).length).toBeGreaterThan(0);
  });

  it('rejects a correctly signed request whose timestamp is 6 minutes old with 401 and logs it', async () => {
    const r = await postSigned(endpoint, SIGNING_SECRET, body(), { timestampS: Math.floor(Date.now() / 1000) - 360 });
    expect(r.status).toBe(401);
    expect(logs.find(40, /stale/i).length).toBeGreaterThan(0);
  });

  it('rejects the same signed request sent again (a replay) with 401 and logs it', async () => {
    const ts = Math.floor(Date.now() / 1000);
    const b = body('replayed');
    expect((await postSigned(endpoint, SIGNING_SECRET, b, { timestampS: ts })).status).toBe(200);
    expect((await postSigned(endpoint, SIGNING_SECRET, b, { timestampS: ts })).status).toBe(401);
    expect(logs.find(40, /replayed Slack request/).length).toBe(1);
    await fake.waitFor(() => fake.responses('replayed', true)[0], 10_000, 'the one genuine answer');
    expect(fake.responses('forged')).toHaveLength(0);
    expect(fake.responses('replayed')).toHaveLength(1);
  });
});

describe('Slack outages and limits', () => {
  it('waits for Retry-After when Slack answers 429, then delivers (response_url and chat.postMessage)', async () => {
    fake.fail({ match: 'response:ratelimited', status: 429, retryAfterS: 1, times: 1 });
    await slash('/meeting', 'SG13', 'U0429', 'ratelimited');
    const ok = await fake.waitFor(() => fake.responses('ratelimited', true)[0], 10_000, 'the answer after 429');
    const refused = fake.responses('ratelimited').find((c) => c.status === 429) as RecordedCall;
    expect(ok.at - refused.at).toBeGreaterThanOrEqual(950);

    fake.fail({ match: 'chat.postMessage', status: 429, retryAfterS: 1, times: 1 });
    await event(mention('meeting SG13', 'U0429', '1751000000.000500'));
    const posted = await fake.waitFor(() => postsIn('1751000000.000500')[0], 10_000, 'the mention answer after 429');
    const limited = fake.api('chat.postMessage').find((c) => c.status === 429 && c.body['thread_ts'] === '1751000000.000500') as RecordedCall;
    expect(posted.at - limited.at).toBeGreaterThanOrEqual(950);
  });

  it('survives Slack failing with 500 for a while: gives up after its retries, logs, and answers later requests', async () => {
    fake.fail({ match: 'chat.postMessage', status: 500, times: 1000 });
    fake.fail({ match: 'response:down', status: 500, times: 1000 });
    await event(mention('deadlines SG5', 'U0DOWN', '1751000000.000600'));
    await slash('/deadlines', 'SG5', 'U0DOWN', 'down');
    await fake.waitFor(() => logs.find(50, /Slack request failed/).filter((l) => l['user'] === 'U0DOWN').length >= 2, 10_000, 'both failures to be logged');
    expect(fake.api('chat.postMessage').filter((c) => c.body['thread_ts'] === '1751000000.000600' && c.status === 500)).toHaveLength(RETRIES + 1);
    expect(fake.responses('down').filter((c) => c.status === 500)).toHaveLength(RETRIES + 1);

    fake.clearFailures();
    await event(mention('deadlines SG5', 'U0DOWN', '1751000000.000700'));
    await slash('/deadlines', 'SG5', 'U0DOWN', 'up');
    await fake.waitFor(() => postsIn('1751000000.000700')[0], 10_000, 'an answer after the outage');
    await fake.waitFor(() => fake.responses('up', true)[0], 10_000, 'a command answer after the outage');
  });

  it('answers at once in the default zone when the profile lookup is slow', async () => {
    fake.delay('users.info', 1500);
    try {
      const ack = await slash('/deadlines', 'SG5', 'U0SLOWTZ', 'slow-tz');
      expect(ack.ms).toBeLessThan(300);
      const res = await fake.waitFor(() => fake.responses('slow-tz', true)[0], 10_000, 'the answer without the zone');
      expect(blockTexts(blocksOf(res))).toContain('Times are shown in Europe/Zurich');
      expect(logs.find(40, /users\.info failed/).some((l) => l['user'] === 'U0SLOWTZ')).toBe(true);
    } finally {
      fake.delay('users.info', 0);
    }
  });

  it('limits a user to 20 commands a minute, with a polite answer, and leaves other users alone', async () => {
    const acks = await Promise.all(Array.from({ length: 21 }, () => slash('/sgbot', 'help', 'U0CHATTY', 'chatty')));
    expect(acks.every((a) => a.status === 200)).toBe(true);
    const answers = await fake.waitFor(() => {
      const r = fake.responses('chatty', true);
      return r.length >= 21 && r;
    });
    const polite = answers.filter((a) => /at most 20 questions a minute/.test(String(a.body['text'])));
    expect(polite).toHaveLength(1);
    expect(answers.filter((a) => /sgbot answers questions/.test(String(a.body['text'])))).toHaveLength(20);
    await slash('/sgbot', 'help', 'U0CALM', 'calm');
    const calm = await fake.waitFor(() => fake.responses('calm', true)[0]);
    expect(String(calm.body['text'])).toMatch(/sgbot answers questions/);
  });
});
