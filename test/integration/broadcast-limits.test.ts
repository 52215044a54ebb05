/**
 * A broadcast preview with 60 targets is one message each platform takes: in Slack (the slash command through Bolt's
 * HTTP receiver with a signed request, answered on the fake's response_url) at most 50 blocks, every text within
 * 3,000 characters, "… and N more" with a console link, and the Confirm button; in Teams an Adaptive Card under
 * 40 KB with its Confirm action, posted through the Agents SDK app to a local fake of the Bot Framework connector.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createRegistry } from '../../commands/index.ts';
import broadcastCommand from '../../commands/broadcast.ts';
import { BROADCAST_CONFIRM_ACTION } from '../../src/broadcast/replies.ts';
import { fitSlackMessage, jsonBytes, SLACK_LIMITS, TEAMS_LIMITS } from '../../src/chat/limits.ts';
import { createSlackApp, type SlackBot } from '../../src/chat/slack/app.ts';
import { slackSettingsFrom } from '../../src/chat/slack/settings.ts';
import { replyToCard } from '../../src/chat/teams/cards.ts';
import { createTeamsApp } from '../../src/chat/teams/app.ts';
import { teamsSender } from '../../src/chat/teams/sender.ts';
import { teamsSettingsFrom } from '../../src/chat/teams/settings.ts';
import { cardOf, personalMessage, postActivity, startTeamsFake } from '../support/teams-fake.ts';
import type { CommandSpec } from '../../src/core/command.ts';
import { startBroadcastHarness, WHO, type BroadcastHarness } from '../support/broadcast-harness.ts';
import { postSigned, SIGNING_SECRET, BOT_TOKEN, slashCommand } from '../support/slack-fake.ts';

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

const redisUrl = inject('redisUrl');
const CHANNELS = Array.from({ length: 60 }, (_, i) => `C0TARGET${String(i).padStart(3, '0')}`);

let h: BroadcastHarness;
let bot: SlackBot;
let endpoint: string;

beforeAll(async () => {
  h = await startBroadcastHarness({ redisUrl, name: 'limits', targets: { SG20: { lists: [], slack: CHANNELS, teams: [] } } });
  const registry = createRegistry([broadcastCommand as unknown as CommandSpec<never>]);
  const settings = slackSettingsFrom({ SLACK_MODE: 'http', SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_PORT: '0', SLACK_HOST: '127.0.0.1', SLACK_API_URL: h.slack.apiUrl });
  bot = createSlackApp({ settings, deps: { registry, context: (now) => h.context(undefined, now), log: h.services.log, redis: h.services.redis, prefix: h.prefix, publicUrl: 'https://sgbot.example.org' } });
  const { port } = await bot.start();
  endpoint = `http://127.0.0.1:${port}/slack/events`;
});
afterAll(async () => {
  await bot?.stop();
  await h?.close();
});

describe('a broadcast preview to 60 targets', () => {
  it('posts in Slack within 50 blocks, with "… and N more", a console link and its Confirm button', async () => {
    const res = await postSigned(endpoint, SIGNING_SECRET, form(slashCommand({ command: '/sgbot', text: 'broadcast SG20 The Q4/20 session moves to room L.', userId: 'U0SARA001', responseUrl: h.slack.responseUrl('preview-60') })));
    expect(res.status).toBe(200);
    const posted = await h.slack.waitFor(() => h.slack.responses('preview-60', true)[0], 15_000, 'the preview');
    const blocks = posted.body['blocks'] as Array<{ type: string; text?: { text: string }; elements?: Array<{ action_id?: string; text?: string | { text: string } }> }>;
    expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.messageBlocks);
    for (const b of blocks) expect((b.text?.text ?? '').length).toBeLessThanOrEqual(SLACK_LIMITS.text);
    const last = blocks.at(-1);
    expect(last?.type).toBe('actions');
    expect(last?.elements?.map((e) => e.action_id)).toContain(BROADCAST_CONFIRM_ACTION);
    expect(JSON.stringify(blocks)).toMatch(/and \d+ more/);
    expect(JSON.stringify(blocks)).toContain('https://sgbot.example.org/console');
    // The preview can be confirmed: its draft is waiting.
    const id = /Broadcast ([a-z0-9]+)/.exec(JSON.stringify(blocks))?.[1] ?? (last?.elements?.[0] as { value?: string } | undefined)?.value;
    expect(id).toBeTruthy();
  });

  it('fits a Teams card under 40 KB with its Confirm action', async () => {
    const preview = await h.ask(WHO.saraSlack, 'broadcast SG20 The Q4/20 session moves to room L.');
    const actions = (preview.data as { actions?: Array<{ id: string; label: string; value: string }> }).actions ?? [];
    expect(actions.map((a) => a.id)).toContain(BROADCAST_CONFIRM_ACTION);
    const { card } = replyToCard(preview, { actions });
    expect(jsonBytes(card)).toBeLessThanOrEqual(TEAMS_LIMITS.maxCardBytes);
    expect((card.actions ?? []).map((a) => (a as { data: { sgbotAction: string } }).data.sgbotAction)).toContain(BROADCAST_CONFIRM_ACTION);

    // Posted through the Teams app, as the preview reaches the secretariat member's chat.
    const fake = await startTeamsFake();
    const settings = teamsSettingsFrom({ TEAMS_ANONYMOUS: 'true', NODE_ENV: 'test', TEAMS_PORT: '0', TEAMS_HOST: '127.0.0.1' });
    const teams = createTeamsApp({ settings, deps: { registry: createRegistry([broadcastCommand as unknown as CommandSpec<never>]), context: (now) => h.context(undefined, now), log: h.services.log, redis: h.services.redis, prefix: h.prefix } });
    try {
      const { port } = await teams.start();
      const hello = personalMessage({ serviceUrl: fake.serviceUrl, text: 'help' });
      expect((await postActivity(`http://127.0.0.1:${port}/api/messages`, hello)).status).toBe(200);
      const conversation = (hello['conversation'] as { id: string }).id;
      await fake.waitFor(() => fake.delivered(conversation)[0], 10_000, 'the answer to help');
      await teamsSender(teams).post({ channel: 'teams', id: conversation }, preview, { actions });
      const posted = await fake.waitFor(() => fake.delivered(conversation).find((c) => c.replyToId === null), 10_000, 'the preview card');
      const sent = cardOf(posted) as { actions?: Array<{ data?: { sgbotAction?: string } }> };
      expect(jsonBytes(sent)).toBeLessThanOrEqual(TEAMS_LIMITS.maxCardBytes);
      expect((sent.actions ?? []).map((a) => a.data?.sgbotAction)).toContain(BROADCAST_CONFIRM_ACTION);
    } finally {
      await teams.stop();
      await fake.close();
    }
  });

  it('keeps the buttons of any Slack message over the limits, and counts what it left out', () => {
    const sections = Array.from({ length: 70 }, (_, i) => ({ type: 'section' as const, text: { type: 'mrkdwn' as const, text: `${'x'.repeat(4000)} ${i}` } }));
    const fitted = fitSlackMessage({ text: 'y'.repeat(5000), blocks: [{ type: 'header', text: { type: 'plain_text', text: 'z'.repeat(400) } }, ...sections, { type: 'actions', elements: [] }] }, { consoleUrl: 'https://sgbot.example.org/console' });
    expect(fitted.blocks).toHaveLength(50);
    expect(fitted.blocks.at(-1)?.type).toBe('actions');
    expect(JSON.stringify(fitted.blocks.at(-2))).toContain('… and 23 more. See all of it in the <https://sgbot.example.org/console|web console>.');
    for (const b of fitted.blocks) expect(((b as { text?: { text: string } }).text?.text ?? '').length).toBeLessThanOrEqual(3000);
    expect(((fitted.blocks[0] as { text: { text: string } }).text.text).length).toBeLessThanOrEqual(150);
    expect(fitted.text.length).toBeLessThanOrEqual(3000);
  });
});
