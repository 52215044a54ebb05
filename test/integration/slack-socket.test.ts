/**
 * The Slack adapter in Socket Mode: Bolt's real SocketModeReceiver connects (apps.connections.open) to a local
 * websocket that speaks Slack's envelope protocol; acks and answers are recorded by the fake. The App Home tab is
 * published here too.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { escapeSlack } from '../../src/chat/escape.ts';
import { createSlackApp, type SlackBot } from '../../src/chat/slack/app.ts';
import { slackSettingsFrom } from '../../src/chat/slack/settings.ts';
import { resolveNow } from '../../src/core/time.ts';
import { answer } from '../../src/chat/router.ts';
import type { Services } from '../../src/main.ts';
import {
  APP_TOKEN,
  BOT_TOKEN,
  blockTexts,
  captureLog,
  cli,
  eventCallback,
  seededServices,
  slashCommand,
  startSlackFake,
  uniquePrefix,
  type CapturedLog,
  type SlackFake,
} from '../support/slack-fake.ts';

const redisUrl = inject('redisUrl');
const prefix = uniquePrefix('slack-socket');
const NOW = resolveNow('2026-07-01', 'Asia/Tokyo');

let fake: SlackFake;
let services: Services;
let bot: SlackBot;
let logs: CapturedLog;

const ackOf = (envelopeId: string) => fake.waitFor(() => fake.acks.find((a) => a.envelope_id === envelopeId), 5000, `the ack of ${envelopeId}`);
const homeFor = (userId: string) => fake.waitFor(() => fake.api('views.publish', true).find((c) => c.body['user_id'] === userId), 10_000, `the Home of ${userId}`);

beforeAll(async () => {
  logs = captureLog();
  [fake, services] = await Promise.all([startSlackFake({ botToken: BOT_TOKEN, appToken: APP_TOKEN }), seededServices(redisUrl, prefix, logs.log)]);
  const settings = slackSettingsFrom({ SLACK_MODE: 'socket', SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: fake.apiUrl });
  bot = createSlackApp({
    settings: { ...settings, retry: { retries: 2, minTimeoutMs: 20, maxTimeoutMs: 100 } },
    deps: { registry: services.registry, context: (now, tz) => services.context(now, tz), log: logs.log, redis: services.redis, prefix },
    now: () => NOW,
  });
  expect(await bot.start()).toEqual({ port: null });
  await fake.connected();
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
  await services?.close();
});

describe('Socket Mode', () => {
  it('connected with the app-level token', () => {
    expect(fake.api('apps.connections.open', true)[0]?.authorization).toBe(`Bearer ${APP_TOKEN}`);
  });

  it('acks a /deadlines envelope and delivers the same dates as the terminal through response_url', async () => {
    const terminal = JSON.parse((await cli(redisUrl, prefix, 'ask', '/deadlines SG5', '--json', '--now', '2026-07-01', '--tz', 'Asia/Tokyo')).out) as {
      sections: Array<{ items: Array<{ text: string }> }>;
    };
    const items = terminal.sections[0]?.items ?? [];
    expect(items.length).toBeGreaterThanOrEqual(3);

    const id = fake.sendEnvelope('slash_commands', slashCommand({ command: '/deadlines', text: 'SG5', userId: 'U0SOCKET', responseUrl: fake.responseUrl('socket-dl') }));
    expect(await ackOf(id)).toEqual({ envelope_id: id, payload: {} });
    const res = await fake.waitFor(() => fake.responses('socket-dl', true)[0], 10_000, 'the answer');
    expect(res.body['response_type']).toBe('ephemeral');
    const texts = blockTexts(res.body['blocks']);
    for (const item of items) expect(texts).toContain(escapeSlack(item.text));
  });

  it('answers a mention envelope in its thread, once even when the event comes again', async () => {
    const body = eventCallback({ type: 'app_mention', user: 'U0SOCKET', text: '<@U0BOT> who leads IoT identification', channel: 'C0SOCKET', ts: '1751000001.000100' });
    const id = fake.sendEnvelope('events_api', body);
    await ackOf(id);
    const post = await fake.waitFor(() => fake.api('chat.postMessage', true).find((c) => c.body['thread_ts'] === '1751000001.000100'), 10_000, 'the answer in thread');
    expect(String(post.body['text'])).toMatch(/SG20/);

    const again = fake.sendEnvelope('events_api', body, { retry_attempt: 1, retry_reason: 'timeout' });
    await ackOf(again);
    await fake.waitFor(() => logs.find(30, /duplicate Slack event ignored/).some((l) => l['eventId'] === body['event_id'] && l['retryNum'] === 1), 5000, 'the retry to be ignored');
    expect(fake.api('chat.postMessage', true).filter((c) => c.body['thread_ts'] === '1751000001.000100')).toHaveLength(1);
  });

  it('answers a direct message in its thread and ignores the bot’s own messages', async () => {
    const own = eventCallback({ type: 'message', channel_type: 'im', channel: 'D0DM', user: 'U0BOT', bot_id: 'B0BOT', text: 'deadlines SG5', ts: '1751000001.000150' });
    await ackOf(fake.sendEnvelope('events_api', own));
    const dm = eventCallback({ type: 'message', channel_type: 'im', channel: 'D0DM', user: 'U0DM', text: 'when is the next SG13 meeting', ts: '1751000001.000200' });
    await ackOf(fake.sendEnvelope('events_api', dm));
    const post = await fake.waitFor(() => fake.api('chat.postMessage', true).find((c) => c.body['channel'] === 'D0DM'), 10_000, 'the DM answer');
    expect(post.body['thread_ts']).toBe('1751000001.000200');
    expect(String(post.body['text'])).toMatch(/SG13/);
    expect(fake.api('chat.postMessage').filter((c) => c.body['thread_ts'] === '1751000001.000150')).toHaveLength(0);
  });

  it('publishes the App Home: deadlines of the followed groups, or of all groups with a hint', async () => {
    // U0FOLLOW subscribed (as a chat user met for the first time) to SG5 and to a Question of SG17.
    const who = { channel: 'slack' as const, id: 'U0FOLLOW', verified: true };
    await answer(services.registry, services.context(Date.now(), 'Europe/Zurich', who), 'subscribe SG5');
    await answer(services.registry, services.context(Date.now(), 'Europe/Zurich', who), 'subscribe Q2/17');
    await ackOf(fake.sendEnvelope('events_api', eventCallback({ type: 'app_home_opened', user: 'U0FOLLOW', channel: 'D0HOME', tab: 'home' })));
    const home = await homeFor('U0FOLLOW');
    const view = home.body['view'] as { type: string; blocks: unknown[] };
    expect(view.type).toBe('home');
    const texts = blockTexts(view.blocks);
    expect(texts).toContain('Your upcoming deadlines');
    expect(texts).toMatch(/\*SG5\*[\s\S]*Contributions/);
    expect(texts).toMatch(/\*SG17\*/);
    expect(texts).not.toMatch(/do not follow any group/);

    await ackOf(fake.sendEnvelope('events_api', eventCallback({ type: 'app_home_opened', user: 'U0NOFOLLOW', channel: 'D0HOME2', tab: 'home' })));
    const other = blockTexts((((await homeFor('U0NOFOLLOW')).body['view']) as { blocks: unknown[] }).blocks);
    expect(other).toMatch(/do not follow any group/);
    expect(other).toMatch(/Next deadlines of all groups/);
    expect(other).toMatch(/SG5/);
  });
});
