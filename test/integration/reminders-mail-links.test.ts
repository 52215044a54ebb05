/**
 * A reminder mail delivered for real (plan, delivery job body, capture outbox), read back as a mail client reads it
 * (mailparser), its HTML parsed (htmlparser2) and every link followed on the listening web server: the document
 * link opens the document, "Mark as done", "Snooze 1 day" and "Stop reminder mail" each open a confirmation page
 * and, pressed, do exactly what they say for this deadline and this rapporteur. The plain text has the same links.
 * SGBOT_PUBLIC_URL is plain http here, and the mail still offers one-click unsubscribe (List-Unsubscribe-Post).
 */
import { createServer } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { DomUtils, parseDocument } from 'htmlparser2';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createServices, type Services } from '../../src/main.ts';
import { parseDocument as parseItuDocument } from '../../src/parse/index.ts';
import { deliverReminder } from '../../src/reminders/deliver.ts';
import { remKeys } from '../../src/reminders/keys.ts';
import { REMINDER_QUEUE, reminderPayload } from '../../src/reminders/payload.ts';
import { scheduleDocument } from '../../src/reminders/schedule.ts';
import { createWebServer } from '../../src/web/server.ts';
import { letter, makePerson } from '../support/reminder-builders.ts';

const redisUrl = inject('redisUrl');
const prefix = `it-mail-links-${process.pid}`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

describe('links of a delivered reminder mail', () => {
  let s: Services;
  let app: FastifyInstance;
  let base: string;
  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    s = await createServices(loadConfig({ REDIS_URL: redisUrl, SGBOT_PREFIX: prefix, LOG_LEVEL: 'silent', SGBOT_PUBLIC_URL: base }, '/nonexistent'));
    app = createWebServer(s);
    await app.listen({ port, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app?.close();
    await s?.close();
  });

  it('leads each link to its action, for this deadline and this rapporteur', async () => {
    const deps = s.reminders;
    await s.roster.put(makePerson('ana@example.org', [], { tz: 'Asia/Tokyo' }));
    await s.subscriptions.add('person:ana@example.org', { kind: 'group', group: 'SG20' });
    const text = letter({ n: 5, sg: 20, rows: [['14 April 2036', 'Submit ITU-T Member contributions']] });
    const { id: docId } = await s.store.addDocument(text, parseItuDocument(text), { name: 'cl.eml', path: null, messageId: '<cl-5-20@itu.int>', format: 'eml', subject: null, from: 'tsb@itu.int', sentAt: null, auth: { verdict: 'pass', summary: 'dkim=pass; dmarc=pass' } }, new Date());
    await scheduleDocument(deps, docId);
    const queue = deps.queue({ name: REMINDER_QUEUE });
    const job = (await queue.getDelayed(0, -1)).find((j) => (j.data as { offset?: string }).offset === '7d');
    expect(job).toBeDefined();
    const payload = reminderPayload.parse(job?.data);
    expect(await deliverReminder(deps, payload, job?.id ?? '')).toMatchObject({ status: 'sent', channels: { mail: 'ok' } });

    const sent = deps.mailer().outbox.at(-1);
    const mail = await simpleParser(sent?.raw ?? Buffer.alloc(0));
    expect(mail.subject).toBe('Reminder: Contributions (SG20) due in 7 days');
    const html = typeof mail.html === 'string' ? mail.html : '';
    const anchors = DomUtils.findAll((e) => e.name === 'a', parseDocument(html).children).map((a) => ({ href: a.attribs['href'] ?? '', text: DomUtils.textContent(a).trim() }));
    expect(anchors.map((a) => a.text)).toEqual(['TSB Collective letter 5/20', 'Mark as done', 'Snooze 1 day', 'Stop reminder mail (chat reminders stay)']);
    // The plain-text part carries the very same links.
    expect(mail.text?.match(/https?:\/\/\S+/g)).toEqual(anchors.map((a) => a.href));
    for (const a of anchors) expect(a.href.startsWith(`${base}/`)).toBe(true);
    const [source, done, snooze, unsubscribe] = anchors.map((a) => a.href) as [string, string, string, string];

    // One-click unsubscribe over http: the header pair a mail client needs to offer it.
    expect(sent?.raw.toString()).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);
    expect(mail.headers.get('list')).toMatchObject({ unsubscribe: { url: unsubscribe } });

    expect(source).toBe(`${base}/doc/${docId}`);
    const docPage = await fetch(source);
    expect(docPage.status).toBe(200);
    expect(await docPage.text()).toContain('TSB Collective letter 5/20');

    const keys = remKeys(prefix);
    for (const [link, path] of [[done, '/reminders/done'], [snooze, '/reminders/snooze'], [unsubscribe, '/reminders/unsubscribe']] as const) {
      expect(new URL(link).pathname).toBe(path);
      // Opening the link (as a mail scanner would) only shows the button.
      const opened = await fetch(link);
      expect(opened.status).toBe(200);
      expect(await opened.text()).toContain('<form method="post"');
    }
    expect(await s.redis.hgetall(keys.acks(payload.deadlineKey))).toEqual({});
    expect(await s.redis.smembers(keys.optOut)).toEqual([]);

    const pressedDone = await fetch(done, { method: 'POST' });
    expect(await pressedDone.text()).toContain('Marked as done: Contributions (SG20)');
    expect(Object.keys(await s.redis.hgetall(keys.acks(payload.deadlineKey)))).toEqual(['person:ana@example.org']);

    const pressedSnooze = await fetch(snooze, { method: 'POST' });
    expect(await pressedSnooze.text()).toContain('Snoozed for a day: Contributions (SG20)');
    expect(Object.keys(await s.redis.hgetall(keys.snoozes(payload.deadlineKey)))).toEqual(['person:ana@example.org']);

    const oneClick = await fetch(unsubscribe, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(oneClick.status).toBe(200);
    expect(await s.redis.smembers(keys.optOut)).toEqual(['person:ana@example.org']);
  });
});
