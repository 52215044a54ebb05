/**
 * The pages behind the links of reminder mails, on a real listening server: opening a link (GET, as mail scanners
 * do) changes nothing; pressing its button (POST) acts; a forged link is refused; RFC 8058 one-click unsubscribe works;
 * document pages escape what the document says.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { parseDocument } from '../../src/parse/index.ts';
import { createServices, type Services } from '../../src/main.ts';
import { makePerson } from '../../src/people/roster.ts';
import { remKeys } from '../../src/reminders/keys.ts';
import { signToken } from '../../src/reminders/tokens.ts';
import { createWebServer } from '../../src/web/server.ts';
import { publishHeartbeat } from '../../src/health.ts';

const redisUrl = inject('redisUrl');
const prefix = `it-web-${process.pid}`;

describe('web links', () => {
  let s: Services;
  let app: FastifyInstance;
  let base: string;
  beforeAll(async () => {
    s = await createServices(loadConfig({ REDIS_URL: redisUrl, SGBOT_PREFIX: prefix, LOG_LEVEL: 'silent' }, '/nonexistent'));
    app = createWebServer(s);
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app.close();
    await s.close();
  });

  const token = (recipient: string) => signToken({ action: 'unsubscribe', deadlineKey: '', recipient, expires: Math.floor(Date.now() / 1000) + 3600 }, s.reminders.settings.secret);
  // Change the last character of the signature to another one: the token no longer verifies (even when the two
  // characters differ only in bits that base64url decoding drops).
  const forge = (t: string) => `${t.slice(0, -1)}${t.endsWith('A') ? 'B' : 'A'}`;
  const optedOut = () => s.redis.smembers(remKeys(prefix).optOut);

  it('shows a button on GET and acts only on POST; refuses a forged token', async () => {
    const link = `${base}/reminders/unsubscribe?token=${encodeURIComponent(token('person:ana@example.org'))}`;
    const opened = await fetch(link);
    expect(opened.status).toBe(200);
    const page = await opened.text();
    expect(page).toContain('<form method="post"');
    // Someone not in the roster is named by address.
    expect(page).toContain('For <strong>ana@example.org</strong>');
    expect(await optedOut()).toEqual([]);

    const pressed = await fetch(link, { method: 'POST' });
    expect(pressed.status).toBe(200);
    expect(await pressed.text()).toContain('No more reminder mail');
    expect(await optedOut()).toEqual(['person:ana@example.org']);

    const forged = await fetch(`${base}/reminders/unsubscribe?token=${encodeURIComponent(forge(token('person:tom@example.org')))}`, { method: 'POST' });
    expect(forged.status).toBe(400);
    expect(await optedOut()).toEqual(['person:ana@example.org']);
  });

  it('names a roster person by name and address', async () => {
    await s.roster.put(makePerson({ name: 'Chen Wei', email: 'chen@example.org', tz: 'Asia/Shanghai', roles: [{ kind: 'delegate' }] }));
    const opened = await fetch(`${base}/reminders/unsubscribe?token=${encodeURIComponent(token('person:chen@example.org'))}`);
    expect(await opened.text()).toContain('For <strong>Chen Wei (chen@example.org)</strong>');
  });

  it('takes an RFC 8058 one-click unsubscribe POST', async () => {
    const res = await fetch(`${base}/reminders/unsubscribe?token=${encodeURIComponent(token('person:bo@example.org'))}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(res.status).toBe(200);
    expect(await optedOut()).toContain('person:bo@example.org');
  });

  it('serves a document page with its text escaped, 404 for an unknown one, and health', async () => {
    const text = 'LIAISON STATEMENT\nSource: ITU-T Study Group 11\nTitle: <script>alert(1)</script> urgent\nFor: Action\nDeadline: 15 January 2027\n';
    const { id } = await s.store.addDocument(text, parseDocument(text), { name: 'ls.txt', path: null, messageId: null, format: 'txt', subject: null, from: null, sentAt: null });
    const page = await (await fetch(`${base}/doc/${id}`)).text();
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).not.toContain('<script>');
    // Its deadline in the zone of the instance with the letter's time beside, never an ISO date alone.
    expect(page).toContain('Deadline Fri 15 Jan 2027 (end of day, Geneva)');
    expect((await fetch(`${base}/doc/0123456789abcdef0123`)).status).toBe(404);
    expect(await (await fetch(`${base}/healthz`)).json()).toMatchObject({ ok: true, redis: 'up', imap: [] });
    expect(await (await fetch(`${base}/readyz`)).json()).toEqual({ ok: true, redis: 'up' });
    // A worker reporting a mailbox whose login is refused makes the instance unhealthy (it stays ready to serve).
    await publishHeartbeat(s.redis, prefix, { component: 'imap', id: 'bot@mail.example.org@host-1', state: { status: 'auth-failed', lastError: 'login refused: check SGBOT_IMAP' } });
    const failing = await fetch(`${base}/healthz`);
    expect(failing.status).toBe(503);
    expect(await failing.json()).toMatchObject({ ok: false, imap: [{ up: false, status: 'auth-failed', lastError: 'login refused: check SGBOT_IMAP' }] });
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
  });
});
