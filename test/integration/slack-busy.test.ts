/**
 * The Slack adapter with every answer slot taken: a slash command is acked with the "ask again" message in the ack's
 * own body (Bolt's real HTTPReceiver, signed requests, a local fake of Slack's response_urls), so a flood costs no
 * request to Slack per refusal; the command that holds the slot is still answered at its response_url.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createSlackApp, type SlackBot } from '../../src/chat/slack/app.ts';
import { slackSettingsFrom } from '../../src/chat/slack/settings.ts';
import type { DocumentReader } from '../../src/core/command.ts';
import type { Services } from '../../src/main.ts';
import { BOT_TOKEN, captureLog, postSigned, seededServices, SIGNING_SECRET, slashCommand, startSlackFake, uniquePrefix, type SlackFake } from '../support/slack-fake.ts';

const redisUrl = inject('redisUrl');
const prefix = uniquePrefix('slack-busy');

let fake: SlackFake;
let services: Services;
let bot: SlackBot;
let endpoint: string;
// The first /deadlines waits here until the test lets it go, holding the one answer slot.
let release: () => void = () => undefined;
const held = new Promise<void>((resolve) => (release = resolve));

const slash = (text: string, userId: string, responseId: string) =>
  postSigned(endpoint, SIGNING_SECRET, new URLSearchParams(slashCommand({ command: '/deadlines', text, userId, responseUrl: fake.responseUrl(responseId) })).toString());

beforeAll(async () => {
  const logs = captureLog();
  [fake, services] = await Promise.all([startSlackFake({ botToken: BOT_TOKEN }), seededServices(redisUrl, prefix, logs.log)]);
  const settings = slackSettingsFrom({ SLACK_MODE: 'http', SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_PORT: '0', SLACK_HOST: '127.0.0.1', SLACK_API_URL: fake.apiUrl });
  const slowStore = (store: DocumentReader): DocumentReader =>
    new Proxy(store, {
      get: (target, key, receiver) => {
        const value = Reflect.get(target, key, receiver) as unknown;
        if (typeof value !== 'function') return value;
        return async (...args: unknown[]) => {
          if (key === 'deadlinesCounted' || key === 'deadlines') await held;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  bot = createSlackApp({
    settings,
    deps: { registry: services.registry, context: (now, tz) => { const ctx = services.context(now, tz); return { ...ctx, store: slowStore(ctx.store) }; }, log: logs.log, redis: services.redis, prefix },
    answerLimits: { inFlight: 1, waiting: 0 },
  });
  const { port } = await bot.start();
  endpoint = `http://127.0.0.1:${port}/slack/events`;
});

afterAll(async () => {
  release();
  await bot?.stop();
  await fake?.close();
  await services?.close();
});

describe('a slash command when every answer slot is taken', () => {
  it('is acked with the "ask again" message in the ack itself, and the held answer still arrives', async () => {
    const first = await slash('SG5', 'U0FIRST', 'busy-first');
    expect(first).toMatchObject({ status: 200, text: '' });
    // The first answer now holds the only slot (it waits in the store): the next is refused in its ack.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const second = await slash('SG13', 'U0SECOND', 'busy-second');
    expect(second.status).toBe(200);
    expect(JSON.parse(second.text)).toMatchObject({ text: 'Sorry, sgbot is answering many questions right now.' });
    expect(second.text).toContain('Please ask again in a minute.');
    release();
    const answered = await fake.waitFor(() => fake.responses('busy-first', true)[0], 10_000, 'the held answer');
    expect(JSON.stringify(answered.body)).toContain('SG5');
    expect(fake.responses('busy-second', true)).toHaveLength(0);
  });
});
