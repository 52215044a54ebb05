/**
 * Authentication of the Teams endpoint: with a client id configured, the Agents SDK's real handler rejects every
 * request without a valid bearer token (401) before anything runs; anonymous mode cannot be started in production.
 */
import { createHmac } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { defaultRegistry } from '../../commands/index.ts';
import { createTeamsApp, type TeamsBot } from '../../src/chat/teams/app.ts';
import { teamsSettingsFrom } from '../../src/chat/teams/settings.ts';
import { runCli } from '../../src/cli.ts';
import type { CommandContext } from '../../src/core/command.ts';
import { BOT_APP_ID, captureLog, personalMessage, postActivity, startTeamsFake, TENANT_ID, uniquePrefix, type CapturedLog, type TeamsFake } from '../support/teams-fake.ts';

const redisUrl = inject('redisUrl');
const prefix = uniquePrefix('teams-auth');

let fake: TeamsFake;
let redis: Redis;
let bot: TeamsBot;
let logs: CapturedLog;
let endpoint: string;

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
/** A JWT signed with a key of our own (HS256), as a forger would make one. */
function forged(claims: Record<string, unknown>): string {
  const head = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ iss: 'https://api.botframework.com', exp: Math.floor(Date.now() / 1000) + 600, ...claims })}`;
  return `${head}.${createHmac('sha256', 'forger-key').update(head).digest('base64url')}`;
}

beforeAll(async () => {
  logs = captureLog();
  fake = await startTeamsFake();
  redis = new Redis(redisUrl, { lazyConnect: true });
  await redis.connect();
  const settings = teamsSettingsFrom({ TEAMS_CLIENT_ID: BOT_APP_ID, TEAMS_CLIENT_SECRET: 'Abc8Q~test-only-secret', TEAMS_TENANT_ID: TENANT_ID, TEAMS_PORT: '0', TEAMS_HOST: '127.0.0.1' });
  bot = createTeamsApp({
    settings,
    deps: { registry: defaultRegistry(), context: () => ({}) as unknown as CommandContext, log: logs.log, redis, prefix },
  });
  endpoint = `http://127.0.0.1:${(await bot.start()).port}/api/messages`;
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
  await redis?.quit();
});

describe('with a client id configured', () => {
  it('rejects a request without a bearer token with 401, and runs nothing', async () => {
    const msg = personalMessage({ serviceUrl: fake.serviceUrl, text: 'help' });
    const res = await postActivity(endpoint, msg);
    expect(res.status).toBe(401);
    expect(JSON.parse(res.text)).toEqual({ 'jwt-auth-error': 'authorization header not found' });
    expect(logs.find(40, /Rejected a Teams request without a valid token/).some((l) => l['auth'] === 'no bearer token')).toBe(true);
    expect(await redis.keys(`${prefix}:*`)).toEqual([]);
    expect(fake.calls).toHaveLength(0);
  });

  // (A token for our own client id would make the SDK fetch Microsoft's signing keys: not something to do offline.)
  it('rejects malformed tokens and tokens forged for another audience with 401', async () => {
    const msg = personalMessage({ serviceUrl: fake.serviceUrl, text: 'help' });
    for (const authorization of ['Basic c2dib3Q6c2dib3Q=', 'Bearer not-a-jwt', `Bearer ${forged({ aud: 'some-other-bot' })}`]) {
      const res = await postActivity(endpoint, msg, { authorization });
      expect(res.status, authorization.slice(0, 30)).toBe(401);
    }
    expect(fake.calls).toHaveLength(0);
    expect(await redis.keys(`${prefix}:*`)).toEqual([]);
  });
});

describe('sgbot teams', () => {
  const run = async (env: Record<string, string>) => {
    let err = '';
    const code = await runCli(['node', 'sgbot', 'teams'], { out: () => undefined, err: (t) => (err += t), env: { REDIS_URL: redisUrl, SGBOT_PREFIX: prefix, ...env }, isTTY: false });
    return { code, err };
  };

  it('refuses anonymous mode in production, saying what to set and where to find it in Azure', async () => {
    const { code, err } = await run({ TEAMS_ANONYMOUS: 'true', NODE_ENV: 'production' });
    expect(code).toBe(1);
    expect(err).toMatch(/TEAMS_ANONYMOUS=true is refused when NODE_ENV=production/);
    expect(err).toMatch(/Azure portal → Microsoft Entra ID → App registrations → your bot → Overview → Application \(client\) ID/);
  });

  it('refuses to start without credentials rather than running unauthenticated', async () => {
    const { code, err } = await run({});
    expect(code).toBe(1);
    expect(err).toMatch(/TEAMS_CLIENT_ID is missing[\s\S]*TEAMS_CLIENT_SECRET is missing[\s\S]*TEAMS_TENANT_ID is missing/);
  });
});
