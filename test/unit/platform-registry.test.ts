/**
 * The platform and action contracts: the registries refuse what would make dispatch ambiguous, older roster fields
 * are read into chat identities, a platform's settings say what is wrong, and the webhook signature is checked.
 */
import { describe, expect, it } from 'vitest';
import { CHANNEL_RULES, PLATFORM_FIELDS, PLATFORMS } from '../../src/chat/platforms.ts';
import { webhookSettingsFrom } from '../../src/chat/webhook/settings.ts';
import { checkSignature, signBody } from '../../src/chat/webhook/signature.ts';
import { createActionRegistry, defineAction } from '../../src/core/actions.ts';
import { noAnswer } from '../../src/core/command.ts';
import { createPlatformRegistry, parseChatTarget } from '../../src/core/platform.ts';
import { makePerson } from '../../src/people/roster.ts';
import { loadConfig, platformEnv } from '../../src/config.ts';
import { runCli } from '../../src/cli.ts';

const nothing = defineAction({ id: 'nothing_here', summary: 'does nothing', run: () => Promise.resolve(noAnswer('E_NO_ANSWER', 'nothing')) });

describe('platform registry', () => {
  it('gives every platform of the list its own sgbot command, with its settings in the help', async () => {
    let help = '';
    const io = { out: (t: string) => (help += t), err: (t: string) => (help += t), env: {}, isTTY: false };
    await runCli(['node', 'sgbot', '--help'], io);
    for (const p of PLATFORMS.list) expect(help).toMatch(new RegExp(`^  ${p.id} `, 'm'));
    let webhook = '';
    await runCli(['node', 'sgbot', 'webhook', '--help'], { ...io, out: (t: string) => (webhook += t) });
    expect(webhook).toContain('Settings: SGBOT_WEBHOOK_SECRET');
  });

  it('lists Slack, Teams and the webhook, with their settings and channel rules', () => {
    expect(PLATFORMS.ids).toEqual(['slack', 'teams', 'webhook']);
    expect(Object.keys(PLATFORM_FIELDS)).toEqual(expect.arrayContaining(['SLACK_BOT_TOKEN', 'TEAMS_CLIENT_ID', 'SGBOT_WEBHOOK_SECRET', 'SGBOT_WEBHOOK_URL']));
    expect(CHANNEL_RULES['webhook']?.pattern.test('#sg20')).toBe(true);
    expect(CHANNEL_RULES['slack']?.pattern.test('D0DIRECT')).toBe(false);
  });

  it('refuses an id given twice or one that is not a platform', () => {
    const [slack] = PLATFORMS.list;
    if (!slack) throw new Error('no platform');
    expect(() => createPlatformRegistry([slack, slack])).toThrow(/registered twice/);
    expect(() => createPlatformRegistry([{ ...slack, id: 'person' }])).toThrow(/not one of/);
  });

  it('reads a target key of a registered platform only', () => {
    expect(parseChatTarget('webhook:#sg20', PLATFORMS.ids)).toEqual({ channel: 'webhook', id: '#sg20' });
    expect(parseChatTarget('person:ana@example.org', PLATFORMS.ids)).toBeNull();
  });

  it('checks each platform variable in the one settings schema, and gives the platform its own', () => {
    expect(() => loadConfig({ SGBOT_WEBHOOK_SECRET: 'short' }, '/nonexistent/.env')).toThrow(/SGBOT_WEBHOOK_SECRET must be at least 32 characters/);
    const config = loadConfig({ SGBOT_WEBHOOK_SECRET: 'x'.repeat(40), SGBOT_WEBHOOK_URL: 'https://chat.example.org/hooks/sgbot' }, '/nonexistent/.env');
    const env = platformEnv(config);
    expect(PLATFORMS.list.filter((p) => p.settings.configured(env)).map((p) => p.id)).toEqual(['webhook']);
    expect(webhookSettingsFrom(env as Record<string, string | undefined>)).toMatchObject({ url: 'https://chat.example.org/hooks/sgbot', path: '/webhook', port: 3090 });
    expect(() => webhookSettingsFrom({ SGBOT_WEBHOOK_URL: 'ftp://x' })).toThrow(/SGBOT_WEBHOOK_SECRET is missing/);
    expect(() => webhookSettingsFrom({ SGBOT_WEBHOOK_URL: 'ftp://x' })).toThrow(/SGBOT_WEBHOOK_URL must be the http\(s\) URL/);
  });
});

describe('action registry', () => {
  it('refuses an action defined twice or a malformed id', () => {
    expect(createActionRegistry([nothing]).get('nothing_here')).toBe(nothing);
    expect(() => createActionRegistry([nothing, nothing])).toThrow(/defined twice/);
    expect(() => createActionRegistry([{ ...nothing, id: 'Bad id' }])).toThrow(/lower-case/);
  });
});

describe('roster chat identities', () => {
  it('reads the older slackId and teamsId fields as chat identities', () => {
    const p = makePerson({ name: 'Ana', email: 'ana@example.org', slackId: 'U0ANA0001', teamsId: 'aad-ana', chat: { webhook: 'ana' } });
    expect(p.chat).toEqual({ slack: 'U0ANA0001', teams: 'aad-ana', webhook: 'ana' });
    expect(makePerson({ name: 'Web', chat: { webhook: 'web-only' } }).id).toBe('webhook:web-only');
    expect(() => makePerson({ name: 'Nobody' })).toThrow(/needs an email or a chat id/);
  });
});

describe('webhook signatures', () => {
  const secret = 's'.repeat(40);
  const body = '{"user":"ana","text":"help"}';
  const now = 1_800_000_000_000;
  it('accepts a fresh signature and refuses a changed body, another secret or an old timestamp', () => {
    const ts = now / 1000;
    expect(checkSignature({ secret, body, timestamp: String(ts), signature: signBody(secret, ts, body), nowMs: now, windowS: 300 })).toBeNull();
    expect(checkSignature({ secret, body: `${body} `, timestamp: String(ts), signature: signBody(secret, ts, body), nowMs: now, windowS: 300 })).toBe('bad signature');
    expect(checkSignature({ secret, body, timestamp: String(ts), signature: signBody('t'.repeat(40), ts, body), nowMs: now, windowS: 300 })).toBe('bad signature');
    expect(checkSignature({ secret, body, timestamp: String(ts - 301), signature: signBody(secret, ts - 301, body), nowMs: now, windowS: 300 })).toBe('timestamp outside the window');
  });
});
