/**
 * Slash-command answers computed in worker threads (src/chat/slack/answer-threads.ts): the app acks on its own loop
 * while an answer thread is held by a slow command, every answer reaches its response_url exactly once with what the
 * app answers on its own loop, what the thread logs is logged under the request, and an app whose threads cannot
 * start answers on its own loop. Bolt's real HTTPReceiver, signed requests, the local Slack fake, the test Redis.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createSlackApp, type SlackBot } from '../../src/chat/slack/app.ts';
import { slackSettingsFrom, type SlackSettings } from '../../src/chat/slack/settings.ts';
import type { Services } from '../../src/main.ts';
import { BOT_TOKEN, blockTexts, captureLog, eventCallback, postSigned, seededServices, SIGNING_SECRET, slashCommand, startSlackFake, uniquePrefix, type CapturedLog, type SlackFake } from '../support/slack-fake.ts';
import type { TestAnswerData } from '../support/slack-answer-entry.ts';

const redisUrl = inject('redisUrl');
const prefix = uniquePrefix('slack-threads');
const ENTRY = new URL('../support/slack-answer-entry.ts', import.meta.url);

let fake: SlackFake;
let services: Services;
let logs: CapturedLog;
let settings: SlackSettings;
const gate = new Int32Array(new SharedArrayBuffer(8));

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const slash = (endpoint: string, command: string, text: string, userId: string, responseId: string) =>
  postSigned(endpoint, SIGNING_SECRET, form(slashCommand({ command, text, userId, responseUrl: fake.responseUrl(responseId) })));
const until = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 1000 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
};

async function startBot(data: TestAnswerData, log = logs.log): Promise<{ bot: SlackBot; endpoint: string }> {
  const bot = createSlackApp({
    settings,
    deps: { registry: services.registry, context: (now, tz) => services.context(now, tz), log, redis: services.redis, prefix, answerThreads: { entry: ENTRY, threads: 1, data } },
  });
  const { port } = await bot.start();
  return { bot, endpoint: `http://127.0.0.1:${port}/slack/events` };
}

beforeAll(async () => {
  logs = captureLog();
  [fake, services] = await Promise.all([startSlackFake({ botToken: BOT_TOKEN }), seededServices(redisUrl, prefix, logs.log)]);
  settings = slackSettingsFrom({ SLACK_MODE: 'http', SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_PORT: '0', SLACK_HOST: '127.0.0.1', SLACK_API_URL: fake.apiUrl });
});

afterAll(async () => {
  Atomics.store(gate, 0, 1);
  Atomics.notify(gate, 0);
  await fake?.close();
  await services?.close();
});

describe('answers in worker threads', () => {
  it('acks a command while the answer thread is held by another, and posts each answer once, as the app answers on its own loop', async () => {
    const { bot, endpoint } = await startBot({ redisUrl, prefix, gate });
    try {
      expect(logs.find(30, /computed in worker threads/)).toHaveLength(1);
      const slowAck = await slash(endpoint, '/sgbot', 'slow', 'U0SLOW', 'slow');
      expect(slowAck.status).toBe(200);
      // The thread is now inside /slow, its event loop blocked until the gate opens.
      await until(() => Atomics.load(gate, 1) === 1, 'the slow command to start');

      const ack = await slash(endpoint, '/deadlines', 'SG5', 'U0QUICK', 'quick');
      expect(ack.status).toBe(200);
      expect(ack.text).toBe('');
      // Acked while the thread was still held: nothing answered yet.
      expect(Atomics.load(gate, 0)).toBe(0);
      expect(fake.responses('slow')).toHaveLength(0);
      expect(fake.responses('quick')).toHaveLength(0);

      Atomics.store(gate, 0, 1);
      Atomics.notify(gate, 0);
      const slowAnswer = await fake.waitFor(() => fake.responses('slow', true)[0], 10_000, 'the slow answer');
      expect(blockTexts(slowAnswer.body['blocks'])).toContain('done at last');
      const quick = await fake.waitFor(() => fake.responses('quick', true)[0], 10_000, 'the /deadlines answer');
      expect(quick.body['response_type']).toBe('ephemeral');

      // The same answer the app gives on its own loop.
      const { bot: local, endpoint: localEndpoint } = await startBot({ redisUrl, prefix: `${prefix}-elsewhere`, gate });
      try {
        await slash(localEndpoint, '/deadlines', 'SG5', 'U0QUICK', 'local');
        const same = await fake.waitFor(() => fake.responses('local', true)[0], 10_000, 'the answer on the main loop');
        expect(blockTexts(quick.body['blocks'])).toBe(blockTexts(same.body['blocks']));
      } finally {
        await local.stop();
      }
      // A mention is answered by the thread too, in its thread, once.
      const mentioned = await postSigned(endpoint, SIGNING_SECRET, JSON.stringify(eventCallback({ type: 'app_mention', user: 'U0MENT', text: '<@U0BOT> deadlines SG5', channel: 'C0GENERAL', ts: '1700000000.000100' })), { contentType: 'application/json' });
      expect(mentioned.status).toBe(200);
      const inThread = await fake.waitFor(() => fake.api('chat.postMessage', true).find((c) => c.body['thread_ts'] === '1700000000.000100'), 10_000, 'the answer to the mention');
      expect(blockTexts(inThread.body['blocks'])).toBe(blockTexts(quick.body['blocks']).replace(/\nShare in channel$/, ''));
      // What the thread logged is logged under the request.
      expect(logs.find(30, /^answered$/).some((l) => (l as { user?: string; cmd?: string }).user === 'U0QUICK' && (l as { cmd?: string }).cmd === 'deadlines')).toBe(true);
    } finally {
      await bot.stop();
    }
    // Everything settled: each answer was posted exactly once.
    expect(fake.responses('slow')).toHaveLength(1);
    expect(fake.responses('quick')).toHaveLength(1);
    expect(fake.api('chat.postMessage').filter((c) => c.body['thread_ts'] === '1700000000.000100')).toHaveLength(1);
  });

  it('answers on its own loop when the threads cannot start (services on another key prefix)', async () => {
    const own = captureLog();
    const { bot, endpoint } = await startBot({ redisUrl, prefix: `${prefix}-other`, gate }, own.log);
    try {
      expect(own.find(40, /could not start; answering on the main thread/)).toHaveLength(1);
      await slash(endpoint, '/deadlines', 'SG5', 'U0FALL', 'fallback');
      const res = await fake.waitFor(() => fake.responses('fallback', true)[0], 10_000, 'the answer');
      expect(blockTexts(res.body['blocks'])).toMatch(/^Deadlines for SG5/);
    } finally {
      await bot.stop();
    }
  });
});
