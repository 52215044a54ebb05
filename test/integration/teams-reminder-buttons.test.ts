/**
 * Card buttons in Teams: a reminder's Done and Snooze, a broadcast preview's Confirm. The cards carry them as
 * Action.Submit buttons, and a press (a message activity whose value is the button's data, as Teams sends it) acts
 * for the user who pressed it — through the Agents SDK's real handler, against the fake connector.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTeamsApp, type TeamsBot } from '../../src/chat/teams/app.ts';
import { teamsSender } from '../../src/chat/teams/sender.ts';
import { teamsSettingsFrom } from '../../src/chat/teams/settings.ts';
import { runBroadcast } from '../../src/broadcast/actions.ts';
import { BROADCAST_CANCEL_ACTION, BROADCAST_CONFIRM_ACTION, previewActions } from '../../src/broadcast/replies.ts';
import { DONE_ACTION, SNOOZE_ACTION } from '../../src/reminders/index.ts';
import { remKeys } from '../../src/reminders/keys.ts';
import { scheduleDocument } from '../../src/reminders/schedule.ts';
import { signToken } from '../../src/reminders/tokens.ts';
import { letter, makePerson } from '../support/reminder-builders.ts';
import { SECRET, startReminderEnv, type ReminderEnv } from '../support/reminder-env.ts';
import { captureLog, cardOf, cardTexts, personalMessage, postActivity, seededServices, startTeamsFake, uniquePrefix, type TeamsFake } from '../support/teams-fake.ts';
import { defaultActions, type Services } from '../../src/main.ts';

const redisUrl = inject('redisUrl');
const prefix = uniquePrefix('teams-buttons');

let fake: TeamsFake;
let e: ReminderEnv;
let services: Services;
let bot: TeamsBot;
let endpoint: string;
let deadlineKey: string;
let logs: ReturnType<typeof captureLog>;

beforeAll(async () => {
  logs = captureLog();
  e = startReminderEnv({ redisUrl, prefix, startAt: '2036-03-20T10:00:00Z' });
  [fake, services] = await Promise.all([startTeamsFake(), seededServices(redisUrl, `${prefix}-cmd`, logs.log)]);
  await e.deps.roster.put(makePerson('ana@example.org'));
  await e.deps.subscriptions.add('person:ana@example.org', { kind: 'group', group: 'SG20' });
  const { doc } = await e.store(letter({ n: 12, sg: 20, rows: [['14 April 2036', 'Submit ITU-T Member contributions']] }));
  await scheduleDocument(e.deps, doc.id);
  deadlineKey = (await e.delayed())[0]?.data['deadlineKey'] as string;
  expect(deadlineKey).toMatch(/\S/);
  const settings = teamsSettingsFrom({ TEAMS_ANONYMOUS: 'true', NODE_ENV: 'test', TEAMS_PORT: '0', TEAMS_HOST: '127.0.0.1' });
  bot = createTeamsApp({
    settings: { ...settings, retry: { retries: 1, minTimeoutMs: 20, maxTimeoutMs: 50 } },
    deps: { registry: services.registry, context: (now, tz, who) => services.context(now, tz, who), log: logs.log, redis: e.redis, prefix, actions: defaultActions({ reminders: () => e.deps }) },
  });
  endpoint = `http://127.0.0.1:${(await bot.start()).port}/api/messages`;
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
  await services?.close();
  await e?.close();
});

const token = (action: 'done' | 'snooze', recipient: string) => signToken({ action, deadlineKey, recipient, expires: Math.floor(Date.parse('2036-05-01T00:00:00Z') / 1000) }, SECRET);

/** Press a card button in the personal chat `conversationId`: Teams posts a message with the button's data as its value. */
async function press(conversationId: string, value: unknown, aadObjectId: string) {
  const msg: Record<string, unknown> = { ...personalMessage({ serviceUrl: fake.serviceUrl, text: '', conversationId, aadObjectId }), value };
  delete msg['text'];
  expect((await postActivity(endpoint, msg)).status).toBe(200);
  return fake.waitFor(() => fake.delivered(conversationId, msg['id'] as string)[0], 10_000, 'the answer to the button').catch((err: unknown) => {
    throw new Error(`${(err as Error).message}; the bot logged: ${logs.lines.map((l) => String(l.msg)).join(' | ')}`);
  });
}

describe('reminder buttons in Teams', () => {
  it('posts the reminder card with Done and Snooze buttons carrying the signed tokens', async () => {
    const hello = personalMessage({ serviceUrl: fake.serviceUrl, text: 'help', aadObjectId: '0a0a0a0a-0000-4000-8000-000000000001' });
    const conv = (hello['conversation'] as { id: string }).id;
    expect((await postActivity(endpoint, hello)).status).toBe(200);
    await fake.waitFor(() => fake.delivered(conv, hello['id'] as string)[0], 10_000, 'the help answer');

    const actions = [
      { id: DONE_ACTION, label: 'Done', value: token('done', `teams:${conv}`) },
      { id: SNOOZE_ACTION, label: 'Snooze 1 day', value: token('snooze', `teams:${conv}`) },
    ];
    const before = fake.delivered(conv).length;
    await teamsSender(bot).post({ channel: 'teams', id: conv }, { ok: true, title: 'Reminder: contributions for SG20', sections: [], notes: [], sources: [], data: null }, { actions });
    const posted = fake.delivered(conv).slice(before);
    expect(posted).toHaveLength(1);
    const card = cardOf(posted[0]!);
    expect(card['actions']).toEqual([
      { type: 'Action.Submit', title: 'Done', data: { sgbotAction: DONE_ACTION, token: actions[0]!.value } },
      { type: 'Action.Submit', title: 'Snooze 1 day', data: { sgbotAction: SNOOZE_ACTION, token: actions[1]!.value } },
    ]);
  });

  it('marks the deadline done for the token’s recipient when Done is pressed, once', async () => {
    const conv = 'a:1teamsbuttonsdone';
    const recipient = `teams:${conv}`;
    const answer = await press(conv, { sgbotAction: DONE_ACTION, token: token('done', recipient) }, '0a0a0a0a-0000-4000-8000-000000000002');
    expect(cardTexts(cardOf(answer)).join(' ')).toContain('Marked as done');
    expect(await e.redis.hget(remKeys(prefix).acks(deadlineKey), recipient)).not.toBeNull();
    const audit = (await e.deps.audit.latest(20, 'reminder.acknowledged')).filter((a) => a.target === recipient);
    expect(audit.map((a) => [a.who, a.result])).toEqual([['teams:0a0a0a0a-0000-4000-8000-000000000002', 'ok']]);
  });

  it('snoozes the reminder when Snooze is pressed', async () => {
    const conv = 'a:1teamsbuttonssnooze';
    const recipient = `teams:${conv}`;
    const answer = await press(conv, { sgbotAction: SNOOZE_ACTION, token: token('snooze', recipient) }, '0a0a0a0a-0000-4000-8000-000000000003');
    expect(cardTexts(cardOf(answer)).join(' ').toLowerCase()).toContain('snooze');
    expect(Number(await e.redis.hget(remKeys(prefix).snoozes(deadlineKey), recipient))).toBeGreaterThan(Date.parse('2036-03-20T10:00:00Z'));
  });

  it('refuses a forged token with a clear card and changes nothing', async () => {
    const conv = 'a:1teamsbuttonsforged';
    const recipient = `teams:${conv}`;
    const forged = signToken({ action: 'done', deadlineKey, recipient, expires: Math.floor(Date.parse('2036-05-01T00:00:00Z') / 1000) }, 'another-secret-000000000000000');
    const answer = await press(conv, { sgbotAction: DONE_ACTION, token: forged }, '0a0a0a0a-0000-4000-8000-000000000004');
    expect(cardTexts(cardOf(answer))[0]).toMatch(/^⚠️/);
    expect(await e.redis.hget(remKeys(prefix).acks(deadlineKey), recipient)).toBeNull();
  });
});

describe('broadcast preview buttons in Teams', () => {
  const SECRETARIAT = '0b0b0b0b-0000-4000-8000-0000000000aa';

  // With TEAMS_ANONYMOUS (as here) nothing vouches for who pressed a button, so even the roster's secretariat is
  // refused: confirming a broadcast needs a JWT-validated request. (The JWT path cannot be driven locally: the SDK
  // fetches Microsoft's signing keys and only posts to Microsoft hosts.)
  it('refuses Confirm from an unverified Teams user, audits it, and leaves the broadcast a draft', async () => {
    await services.roster.put(makePerson('tsb.sg20@example.org', [{ kind: 'secretariat', scope: 'SG20' }], { name: 'SG20 secretariat', teamsId: SECRETARIAT }));
    await services.subscriptions.add('teams:19:sg20channel@thread.tacv2', { kind: 'group', group: 'SG20' });
    const ctx = services.context(Date.now(), 'Europe/Zurich', { channel: 'cli', id: 'tsb.sg20@example.org', verified: true });
    const preview = await runBroadcast(ctx, { action: 'draft', group: 'SG20', text: 'The Q4/20 session moves to room K on Tuesday' });
    const id = (preview.data as { broadcast: { id: string } }).broadcast.id;
    expect(previewActions({ id }).map((a) => a.id)).toEqual([BROADCAST_CONFIRM_ACTION, BROADCAST_CANCEL_ACTION]);

    const conv = 'a:1teamsbroadcastconfirm';
    const refused = await press(conv, { sgbotAction: BROADCAST_CONFIRM_ACTION, token: id }, SECRETARIAT);
    expect(cardTexts(cardOf(refused))[0]).toMatch(/^⚠️ Sorry, I could not verify/);
    const audit = await services.audit.latest(20, 'broadcast.refused');
    expect(audit.some((a) => a.who === `teams:${SECRETARIAT}` && a.target === id && a.details?.['reason'] === 'unverified')).toBe(true);
    const status = await runBroadcast(ctx, { action: 'status', id });
    expect(status.title).toMatch(/draft|not sent/i);
  });
});
