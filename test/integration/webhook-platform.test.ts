/**
 * The generic webhook platform, end to end over real HTTP on 127.0.0.1: registered by one line in
 * src/chat/platforms.ts and started from that list like Slack and Teams. A signed command gets its answer; a reminder
 * to a person whose roster entry has a webhook id arrives (signed) with its Done and Snooze buttons, and pressing Done
 * marks it done; a broadcast to a webhook channel, confirmed with its button, arrives exactly once; a request with a
 * bad, old or replayed signature gets 401 and runs nothing.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { JOB_KINDS } from '../../jobs/index.ts';
import { PLATFORMS } from '../../src/chat/platforms.ts';
import { signedHeaders } from '../../src/chat/webhook/signature.ts';
import { loadConfig, platformEnv } from '../../src/config.ts';
import type { RunningPlatform } from '../../src/core/platform.ts';
import { createServices, platformContext, type Services } from '../../src/main.ts';
import { parseDocument } from '../../src/parse/index.ts';
import { makePerson } from '../../src/people/roster.ts';
import { deliverReminder } from '../../src/reminders/deliver.ts';
import { remKeys } from '../../src/reminders/keys.ts';
import { REMINDER_QUEUE, type ReminderPayload } from '../../src/reminders/payload.ts';
import { scheduleDocument } from '../../src/reminders/schedule.ts';
import { letter } from '../support/reminder-builders.ts';
import { captureLog, uniquePrefix } from '../support/slack-fake.ts';
import { postToSgbot, startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.ts';

const redisUrl = inject('redisUrl');
const SECRET = 'webhook-test-secret-0123456789abcdef0123456789';
const prefix = uniquePrefix('webhook');

let receiver: WebhookReceiver;
let services: Services;
let platform: RunningPlatform;
let endpoint: string;

beforeAll(async () => {
  receiver = await startWebhookReceiver(SECRET);
  const config = loadConfig(
    {
      REDIS_URL: redisUrl,
      SGBOT_PREFIX: prefix,
      SGBOT_WEBHOOK_SECRET: SECRET,
      SGBOT_WEBHOOK_URL: receiver.url,
      SGBOT_WEBHOOK_PORT: '0',
      SGBOT_WEBHOOK_HOST: '127.0.0.1',
      SGBOT_BROADCAST_TARGETS: JSON.stringify({ SG20: { webhook: ['#sg20'] } }),
    },
    '/nonexistent/.env',
  );
  services = await createServices(config, { log: captureLog().log });
  await services.roster.put(makePerson({ name: 'Ana Rapporteur', email: 'ana@example.org', chat: { webhook: 'ana' } }));
  await services.roster.put(makePerson({ name: 'Sara Secretariat', email: 'sara@tsb.example.org', chat: { webhook: 'sara' }, roles: [{ kind: 'secretariat', scope: 'SG20' }] }));
  await services.subscriptions.add('person:ana@example.org', { kind: 'group', group: 'SG20' });
  // Started from the platform list, as `sgbot start` does.
  const webhook = PLATFORMS.get('webhook');
  if (!webhook) throw new Error('the webhook platform is not registered');
  const env = platformEnv(config);
  expect(webhook.settings.configured(env)).toBe(true);
  platform = await webhook.start(webhook.settings.parse(env), platformContext(services));
  endpoint = `http://127.0.0.1:${platform.port}/webhook`;
  services.jobs().startWorker(JOB_KINDS.broadcast, { concurrency: 2 });
});

afterAll(async () => {
  await platform?.stop();
  await services?.close();
  await receiver?.close();
});

describe('webhook platform', () => {
  it('answers a signed command in the response', async () => {
    const res = await postToSgbot(endpoint, SECRET, { user: 'ana', text: '/help' });
    expect(res.status).toBe(200);
    expect(res.json['ok']).toBe(true);
    expect(res.json['command']).toBe('help');
    expect(String(res.json['text'])).toContain('/deadlines');
  });

  it('refuses a bad, an old or a replayed signature with 401 and runs nothing', async () => {
    const body = { user: 'mallory', text: 'subscribe SG20' };
    const text = JSON.stringify(body);
    const good = signedHeaders(SECRET, text);
    const forged = { ...good, 'x-sgbot-signature': signedHeaders('another-secret-0123456789abcdef0123', text)['x-sgbot-signature'] ?? '' };
    expect((await postToSgbot(endpoint, SECRET, body, forged)).status).toBe(401);
    const old = signedHeaders(SECRET, text, Date.now() - 3_600_000);
    expect((await postToSgbot(endpoint, SECRET, body, old)).status).toBe(401);
    expect((await postToSgbot(endpoint, SECRET, body, {})).status).toBe(401);
    expect(await services.roster.byIdentity({ channel: 'webhook', id: 'mallory' })).toBeNull();
    expect(await services.subscriptions.of('person:webhook:mallory')).toEqual([]);

    // The same signed request twice: the second is a replay.
    const once = { user: 'ana', text: '/help', id: 'replayed-1' };
    const headers = signedHeaders(SECRET, JSON.stringify(once));
    expect((await postToSgbot(endpoint, SECRET, once, headers)).status).toBe(200);
    expect((await postToSgbot(endpoint, SECRET, once, headers)).status).toBe(401);
  });

  it('delivers a reminder to a person with a webhook id, with buttons; pressing Done marks it done', async () => {
    const text = letter({ n: 31, sg: 20, rows: [['14 April 2036', 'Submit ITU-T Member contributions']] });
    const added = await services.store.addDocument(text, parseDocument(text), {
      name: 'cl-31-20.eml',
      path: null,
      messageId: '<cl-31-20@tsb.example.org>',
      format: 'eml',
      subject: null,
      from: 'tsb@itu.int',
      sentAt: null,
      auth: { verdict: 'pass', summary: 'dkim=pass; dmarc=pass' },
    });
    await scheduleDocument(services.reminders, added.id);
    const job = (await services.jobs().queue({ name: REMINDER_QUEUE }).getDelayed(0, -1)).find((j) => (j.data as ReminderPayload).recipient === 'person:ana@example.org');
    if (!job?.id) throw new Error('no reminder was planned for Ana');
    const payload = job.data as ReminderPayload;

    const outcome = await deliverReminder(services.reminders, payload, job.id);
    expect(outcome.channels['webhook']).toBe('ok');
    const posts = receiver.received.filter((r) => r.user === 'ana');
    expect(posts).toHaveLength(1);
    const [post] = posts;
    expect(post?.signed).toBe(true);
    expect(post?.text).toContain('SG20');
    expect(post?.actions.map((a) => a.id)).toEqual(['reminder_done', 'reminder_snooze']);

    const done = post?.actions[0];
    const pressed = await postToSgbot(endpoint, SECRET, { user: 'ana', action: done?.id ?? '', value: done?.value ?? '' });
    expect(pressed.status).toBe(200);
    expect(String(pressed.json['title'])).toContain('Marked as done');
    expect(await services.redis.hget(remKeys(prefix).acks(payload.deadlineKey), 'person:ana@example.org')).not.toBeNull();
    const audit = (await services.audit.latest(20, 'reminder.acknowledged')).filter((a) => a.target === 'person:ana@example.org');
    expect(audit.map((a) => a.who)).toEqual(['webhook:ana']);
    // Done means no more reminders of it.
    expect((await deliverReminder(services.reminders, payload, `${job.id}-again`)).status).toBe('acknowledged');
  });

  it('sends a broadcast confirmed with its button to a webhook channel exactly once', async () => {
    const drafted = await postToSgbot(endpoint, SECRET, { user: 'sara', text: 'broadcast SG20 Room K is closed on Tuesday.' });
    expect(drafted.status).toBe(200);
    expect(String(drafted.json['text'])).toContain('Webhook channel #sg20');
    const actions = drafted.json['actions'] as Array<{ id: string; value: string }>;
    expect(actions.map((a) => a.id)).toEqual(['sgbot_broadcast_confirm', 'sgbot_broadcast_cancel']);
    const confirm = actions[0] as { id: string; value: string };

    // Only the secretariat may confirm: Ana's press is refused.
    const refused = await postToSgbot(endpoint, SECRET, { user: 'ana', action: confirm.id, value: confirm.value });
    expect(refused.json['ok']).toBe(false);

    const confirmed = await postToSgbot(endpoint, SECRET, { user: 'sara', action: confirm.id, value: confirm.value });
    expect(confirmed.json['ok']).toBe(true);
    const again = await postToSgbot(endpoint, SECRET, { user: 'sara', action: confirm.id, value: confirm.value, id: 'second-press' });
    expect(String(again.json['title'])).toContain('already confirmed');
    await services.jobs().drained(JOB_KINDS.broadcast, 20_000);
    await new Promise((r) => setTimeout(r, 300));
    const posts = receiver.received.filter((r) => r.channel === '#sg20');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.text).toContain('Room K is closed on Tuesday.');
    expect(posts[0]?.signed).toBe(true);
    expect(posts[0]?.delivery).toBe(`${confirm.value}/webhook:#sg20`);
  });
});
