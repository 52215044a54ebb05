/**
 * A new button is one `defineAction`: registered in an action registry, the same action is dispatched by Slack (a
 * signed block_actions request through Bolt's HTTP receiver, answered on the response_url), Teams (a card press
 * through the Agents SDK's handler, answered on the fake connector), the webhook platform (a signed POST) and the
 * console's browser chat (a form posted by a signed-in account), as the user who pressed it on each. No adapter names
 * it.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PLATFORMS } from '../../src/chat/platforms.ts';
import { actionBlocks } from '../../src/chat/slack/actions.ts';
import { createSlackApp, type SlackBot } from '../../src/chat/slack/app.ts';
import { slackSettingsFrom } from '../../src/chat/slack/settings.ts';
import { createTeamsApp, type TeamsBot } from '../../src/chat/teams/app.ts';
import { replyToCard } from '../../src/chat/teams/cards.ts';
import { teamsSettingsFrom } from '../../src/chat/teams/settings.ts';
import { loadConfig, platformEnv } from '../../src/config.ts';
import { createActionRegistry, defineAction } from '../../src/core/actions.ts';
import { defineCommand, type Reply } from '../../src/core/command.ts';
import { createRegistry } from '../../commands/index.ts';
import { makePerson } from '../../src/people/roster.ts';
import { hashPassword } from '../../src/web/console/auth.ts';
import { createWebServer } from '../../src/web/server.ts';
import { z } from 'zod';
import type { RunningPlatform } from '../../src/core/platform.ts';
import { createServices, platformContext, type Services } from '../../src/main.ts';
import { BOT_TOKEN, buttonClick, captureLog, postSigned, SIGNING_SECRET, startSlackFake, uniquePrefix, type SlackFake } from '../support/slack-fake.ts';
import { cardOf, cardTexts, personalMessage, postActivity, startTeamsFake, type TeamsFake } from '../support/teams-fake.ts';
import { postToSgbot } from '../support/webhook-receiver.ts';

const redisUrl = inject('redisUrl');
const prefix = uniquePrefix('actions-everywhere');
const SECRET = 'actions-everywhere-secret-0123456789abcdef';

/** The new button: it says what it was given and by whom. */
const echo = defineAction({
  id: 'test_echo',
  summary: 'Says what it was given, and who pressed it.',
  run: (ctx, value): Promise<Reply> => Promise.resolve({ ok: true, title: `Echo ${value} for ${ctx.who.channel}:${ctx.who.id}`, sections: [], notes: [], sources: [], data: null }),
});
const actions = createActionRegistry([echo]);
const button = { id: echo.id, label: 'Echo', value: 'hello' };

let services: Services;
let slackFake: SlackFake;
let teamsFake: TeamsFake;
let slack: SlackBot;
let teams: TeamsBot;
let webhook: RunningPlatform;
let slackEndpoint: string;
let teamsEndpoint: string;
let webhookEndpoint: string;

beforeAll(async () => {
  const config = loadConfig({ REDIS_URL: redisUrl, SGBOT_PREFIX: prefix, SGBOT_WEBHOOK_SECRET: SECRET, SGBOT_WEBHOOK_PORT: '0', SGBOT_WEBHOOK_HOST: '127.0.0.1' }, '/nonexistent/.env');
  const log = captureLog().log;
  [services, slackFake, teamsFake] = await Promise.all([createServices(config, { log }), startSlackFake({ botToken: BOT_TOKEN }), startTeamsFake()]);
  const deps = { registry: services.registry, context: services.context.bind(services), log, redis: services.redis, prefix, actions };
  slack = createSlackApp({
    settings: slackSettingsFrom({ SLACK_MODE: 'http', SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_PORT: '0', SLACK_HOST: '127.0.0.1', SLACK_API_URL: slackFake.apiUrl }),
    deps,
  });
  slackEndpoint = `http://127.0.0.1:${(await slack.start()).port}/slack/events`;
  teams = createTeamsApp({ settings: teamsSettingsFrom({ TEAMS_ANONYMOUS: 'true', NODE_ENV: 'test', TEAMS_PORT: '0', TEAMS_HOST: '127.0.0.1' }), deps });
  teamsEndpoint = `http://127.0.0.1:${(await teams.start()).port}/api/messages`;
  const platform = PLATFORMS.get('webhook');
  if (!platform) throw new Error('no webhook platform');
  webhook = await platform.start(platform.settings.parse(platformEnv(config)), { ...platformContext(services), actions });
  webhookEndpoint = `http://127.0.0.1:${webhook.port}/webhook`;
});

afterAll(async () => {
  await Promise.allSettled([slack?.stop(), teams?.stop(), webhook?.stop()]);
  await slackFake?.close();
  await teamsFake?.close();
  await services?.close();
});

describe('one defineAction, every platform', () => {
  it('is rendered as each platform’s own button', () => {
    expect(actionBlocks([button])).toEqual([{ type: 'actions', elements: [{ type: 'button', action_id: 'test_echo', text: { type: 'plain_text', text: 'Echo' }, value: 'hello' }] }]);
    const reply: Reply = { ok: true, title: 'With a button', sections: [], notes: [], sources: [], data: null };
    expect(replyToCard(reply, { actions: [button] }).card.actions).toEqual([{ type: 'Action.Submit', title: 'Echo', data: { sgbotAction: 'test_echo', token: 'hello' } }]);
  });

  it('runs when pressed in Slack, as the Slack user', async () => {
    const payload = JSON.stringify(buttonClick({ actionId: button.id, value: button.value, userId: 'U0ECHO001', responseUrl: slackFake.responseUrl('echo-slack') }));
    expect((await postSigned(slackEndpoint, SIGNING_SECRET, new URLSearchParams({ payload }).toString())).status).toBe(200);
    const answered = await slackFake.waitFor(() => slackFake.responses('echo-slack', true)[0], 10_000, 'the answer to the Slack press');
    expect(JSON.stringify(answered.body)).toContain('Echo hello for slack:U0ECHO001');
  });

  it('runs when pressed in Teams, as the Teams user', async () => {
    const aad = '0a0a0a0a-0000-4000-8000-0000000ec401';
    const conversationId = `a:1echo${Date.now()}`;
    const msg: Record<string, unknown> = { ...personalMessage({ serviceUrl: teamsFake.serviceUrl, text: '', conversationId, aadObjectId: aad }), value: { sgbotAction: button.id, token: button.value } };
    delete msg['text'];
    expect((await postActivity(teamsEndpoint, msg)).status).toBe(200);
    const answer = await teamsFake.waitFor(() => teamsFake.delivered(conversationId, msg['id'] as string)[0], 10_000, 'the answer to the Teams press');
    expect(cardTexts(cardOf(answer)).join(' ')).toContain(`Echo hello for teams:${aad}`);
  });

  it('runs when pressed through the webhook, as the webhook user', async () => {
    const res = await postToSgbot(webhookEndpoint, SECRET, { user: 'ana', action: button.id, value: button.value });
    expect(res.status).toBe(200);
    expect(res.json['title']).toBe('Echo hello for webhook:ana');
  });

  it('runs when pressed in the browser chat, as the signed-in person', async () => {
    // A command that offers the button, so that an answer in the chat carries it.
    const offer = defineCommand({
      name: 'echo-offer',
      summary: 'Offers the echo button.',
      usage: 'echo-offer',
      examples: ['echo-offer'],
      args: z.object({}),
      parseText: () => ({}),
      run: (): Promise<Reply> => Promise.resolve({ ok: true, title: 'Press it', sections: [], notes: [], sources: [], data: null, actions: [button] }),
    });
    await services.roster.put(makePerson({ name: 'Ana Silva', email: 'ana@example.org', roles: [{ kind: 'delegate' }] }));
    const app = createWebServer({ ...services, registry: createRegistry([...services.registry.list, offer as never]), actions }, { accounts: [{ user: 'ana@example.org', person: 'ana@example.org', hash: await hashPassword('ana-password-1') }] });
    await app.ready();
    try {
      const cookies = new Map<string, string>();
      const cookie = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      const go = async (method: 'GET' | 'POST', url: string, form?: Record<string, string>) => {
        const res = await app.inject({ method, url, headers: { cookie: cookie(), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) }, ...(form ? { payload: new URLSearchParams(form).toString() } : {}) });
        for (const c of res.cookies as Array<{ name: string; value: string }>) cookies.set(c.name, c.value);
        return res;
      };
      const csrf = async (url: string) => /name="_csrf" value="([^"]+)"/.exec((await go('GET', url)).body)?.[1] ?? '';
      expect((await go('POST', '/console/login', { _csrf: await csrf('/console/login'), user: 'ana@example.org', password: 'ana-password-1', next: '/console' })).statusCode).toBe(303);
      const offered = await go('POST', '/console/chat', { _csrf: await csrf('/console/chat'), q: 'echo-offer' });
      const form = /name="x" value="(\d+)".*?name="id" value="test_echo".*?name="value" value="hello"/.exec(offered.body);
      expect(form?.[1]).toBeDefined();
      const pressed = await go('POST', '/console/chat/action', { _csrf: await csrf('/console/chat'), x: form?.[1] ?? '', id: 'test_echo', value: 'hello' });
      expect(pressed.statusCode).toBe(200);
      expect(pressed.body).toContain('Echo hello for web:ana@example.org');
    } finally {
      await app.close();
    }
  });

  it('answers a button no action is registered for without running anything', async () => {
    const res = await postToSgbot(webhookEndpoint, SECRET, { user: 'ana', action: 'reminder_done', value: 'x' });
    expect(res.json['ok']).toBe(false);
    expect(String(res.json['title'])).toContain('not one sgbot knows');
  });
});
