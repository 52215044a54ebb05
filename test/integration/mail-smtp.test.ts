/**
 * The mailer against a real SMTP server (smtp-server on loopback, test/support/smtp.ts): what arrives, connection
 * reuse, how refusals and outages are classified, logins, and DKIM signatures checked with mailauth.
 */
import { generateKeyPairSync } from 'node:crypto';
import { inspect } from 'node:util';
import { dkimVerify } from 'mailauth';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { isMailDeliveryError, type MailDeliveryError } from '../../src/mail/errors.ts';
import { createMailer, type Mailer, type MailerOptions, type SmtpTransportOptions } from '../../src/mail/mailer.ts';
import type { OutgoingMail } from '../../src/mail/compose.ts';
import { messageIdFor } from '../../src/mail/message-id.ts';
import { startSmtp, type SmtpSink, type SmtpSinkOptions } from '../support/smtp.ts';

const FROM = 'sgbot <sgbot@example.org>';
const NOW = new Date('2027-02-20T08:00:00Z');
const SOURCE_ID = '<tsb-cl-4-13.20270202@mail.itu.int>';

const sinks: SmtpSink[] = [];
const mailers: Mailer[] = [];

async function sink(opts?: SmtpSinkOptions): Promise<SmtpSink> {
  const s = await startSmtp(opts);
  sinks.push(s);
  return s;
}

function mailerFor(s: Pick<SmtpSink, 'host' | 'port'>, transport: Partial<SmtpTransportOptions> = {}, extra: Partial<MailerOptions> = {}): Mailer {
  const m = createMailer({ transport: { host: s.host, port: s.port, ...transport }, from: FROM, domain: 'example.org', now: () => NOW, ...extra });
  mailers.push(m);
  return m;
}

afterEach(async () => {
  await Promise.all(mailers.splice(0).map((m) => m.close()));
  await Promise.all(sinks.splice(0).map((s) => s.stop()));
});

function reminder(overrides: Partial<OutgoingMail> = {}): OutgoingMail {
  return {
    kind: 'notification',
    to: 'Ana Rapporteur <ana@example.net>',
    subject: 'Q1/20: contributions due 1 March 2027',
    text: [
      'Dear Ana,',
      '',
      'Contributions for Q1/20 are due on 1 March 2027 (TSB Collective letter 4/13).',
      'The letter quotes <!channel> and <script>alert("x")</script> & more.',
      '',
      'https://www.itu.int/md/T25-SG20-COL-0013/en',
    ].join('\n'),
    idKey: 'reminder:SG20:Q1/20:2027-03-01:7d',
    inReplyTo: SOURCE_ID,
    unsubscribeUrl: 'https://sgbot.example.org/unsubscribe/tok123',
    unsubscribeMailto: 'unsubscribe@example.org',
    ...overrides,
  };
}

async function failure(p: Promise<unknown>): Promise<MailDeliveryError> {
  try {
    await p;
  } catch (err) {
    if (isMailDeliveryError(err)) return err;
    throw err;
  }
  throw new Error('expected the send to fail');
}

describe('a reminder through SMTP', () => {
  it('arrives with threading, unsubscribe and robot headers, both parts, and escaped HTML', async () => {
    const s = await sink();
    const m = mailerFor(s);
    const result = await m.send(reminder({ cc: 'chair@example.net', bcc: 'audit@example.org' }));
    expect(result).toMatchObject({ accepted: ['ana@example.net', 'chair@example.net', 'audit@example.org'], rejected: [], inReplyTo: SOURCE_ID });
    expect(result.response).toMatch(/^250 /);

    const [received] = await s.waitFor(1);
    expect(received!.from).toBe('sgbot@example.org');
    expect(received!.to).toEqual(['ana@example.net', 'chair@example.net', 'audit@example.org']);
    const mail = await received!.parse();
    expect(mail.messageId).toBe(result.messageId);
    expect(mail.messageId).toBe(messageIdFor('reminder:SG20:Q1/20:2027-03-01:7d', 'example.org'));
    expect(mail.inReplyTo).toBe(SOURCE_ID);
    expect(mail.references).toBe(SOURCE_ID);
    expect(mail.date?.toISOString()).toBe(NOW.toISOString());
    expect(mail.subject).toBe('Q1/20: contributions due 1 March 2027');
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    expect(mail.headers.get('x-auto-response-suppress')).toBe('All');
    const line = (key: string): string | undefined => mail.headerLines.find((h) => h.key === key)?.line;
    expect(line('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(mail.headers.get('list')).toMatchObject({ unsubscribe: { url: 'https://sgbot.example.org/unsubscribe/tok123', mail: 'unsubscribe@example.org' } });
    expect(received!.raw.toString()).toMatch(/^List-Unsubscribe: <https:\/\/sgbot\.example\.org\/unsubscribe\/tok123>,\s+<mailto:unsubscribe@example\.org>\r$/m);
    const head = received!.raw.toString().split('\r\n\r\n')[0]!;
    expect(head).not.toMatch(/^Bcc:/im);
    expect(head).not.toContain('audit@example.org');

    expect(mail.text).toContain('The letter quotes <!channel> and <script>alert("x")</script> & more.');
    expect(mail.html).toContain('The letter quotes &lt;!channel&gt; and &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more.');
    expect(mail.html).toContain('<a href="https://www.itu.int/md/T25-SG20-COL-0013/en">');
    expect(mail.html).not.toMatch(/<script|<!channel/);
  });

  it('keeps the Message-ID when the same reminder is sent again, and changes it for another idKey', async () => {
    const s = await sink();
    const m = mailerFor(s);
    await m.send(reminder());
    await m.send(reminder());
    await m.send(reminder({ idKey: 'reminder:SG20:Q1/20:2027-03-01:1d' }));
    const ids = await Promise.all((await s.waitFor(3)).map(async (r) => (await r.parse()).messageId));
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).not.toBe(ids[0]);
    expect(ids[2]).toBe(messageIdFor('reminder:SG20:Q1/20:2027-03-01:1d', 'example.org'));
  });

  it('passes a health check against a running server', async () => {
    const s = await sink();
    await expect(mailerFor(s).verify()).resolves.toBeUndefined();
    expect(s.connectionCount).toBe(1);
  });
});

describe('connection reuse', () => {
  it('sends 200 messages over at most maxConnections connections', async () => {
    const s = await sink();
    const m = mailerFor(s, { maxConnections: 3 });
    const results = await Promise.all(Array.from({ length: 200 }, (_, n) => m.send(reminder({ to: `member${n}@example.net`, idKey: `broadcast:test:${n}`, inReplyTo: null }))));
    const received = await s.waitFor(200);
    expect(received).toHaveLength(200);
    expect(new Set(results.map((r) => r.messageId)).size).toBe(200);
    expect(new Set(received.map((r) => r.to[0])).size).toBe(200);
    expect(s.connectionCount).toBeGreaterThanOrEqual(1);
    expect(s.connectionCount).toBeLessThanOrEqual(3);
  });

  it('opens one connection per message without the pool (the counter sees every connection)', async () => {
    const s = await sink();
    const m = mailerFor(s, { pool: false });
    for (let n = 0; n < 5; n++) await m.send(reminder({ idKey: `np:${n}` }));
    await s.waitFor(5);
    expect(s.connectionCount).toBe(5);
  });

  it('delivers everything when the server drops each connection after a few messages', async () => {
    const s = await sink({ closeAfter: 4 });
    const m = mailerFor(s, { maxConnections: 1 });
    await Promise.all(Array.from({ length: 12 }, (_, n) => m.send(reminder({ idKey: `drop:${n}` }))));
    const received = await s.waitFor(12);
    expect(received).toHaveLength(12);
    const perSession = new Map<string, number>();
    for (const r of received) perSession.set(r.sessionId, (perSession.get(r.sessionId) ?? 0) + 1);
    expect(Math.max(...perSession.values())).toBeLessThanOrEqual(4);
    expect(s.connectionCount).toBeGreaterThanOrEqual(3);
  });
});

describe('refusals and outages', () => {
  it('a 450 for the only recipient is a temporary, retryable failure', async () => {
    const s = await sink({ reject: { 'ana@example.net': 450 } });
    const err = await failure(mailerFor(s).send(reminder()));
    expect(err).toMatchObject({ code: 'E_MAIL_DELIVERY', permanent: false, responseCode: 450, reason: 'EENVELOPE' });
    expect(err.rejected).toEqual([{ address: 'ana@example.net', responseCode: 450, permanent: false, response: expect.stringMatching(/^450 4\.3\.0 /) as unknown }]);
    expect(err.message).toMatch(/deferred every recipient: ana@example\.net \(450\).*will be retried/);
    expect(s.messages).toHaveLength(0);
  });

  it('a 550 for the only recipient is permanent', async () => {
    const s = await sink({ reject: { 'ana@example.net': 550 } });
    const err = await failure(mailerFor(s).send(reminder()));
    expect(err).toMatchObject({ permanent: true, responseCode: 550 });
    expect(err.rejected.map((r) => [r.address, r.responseCode, r.permanent])).toEqual([['ana@example.net', 550, true]]);
    expect(err.message).toMatch(/refused every recipient: ana@example\.net \(550\).*retrying will not help/);
  });

  it('a message refused for some recipients is delivered to the others and reports the refused ones', async () => {
    const s = await sink();
    s.refuse('gone@example.net', 550);
    s.refuse('busy@example.net', 452);
    const result = await mailerFor(s).send(reminder({ to: ['ana@example.net', 'gone@example.net', 'busy@example.net'] }));
    expect(result.accepted).toEqual(['ana@example.net']);
    expect(result.rejected.map((r) => [r.address, r.responseCode, r.permanent])).toEqual([
      ['gone@example.net', 550, true],
      ['busy@example.net', 452, false],
    ]);
    const [received] = await s.waitFor(1);
    expect(received!.to).toEqual(['ana@example.net']);
    expect(s.refusals).toEqual([
      { address: 'gone@example.net', code: 550 },
      { address: 'busy@example.net', code: 452 },
    ]);
  });

  it('a server that is down is a temporary failure with a clear message, for send and verify', async () => {
    const s = await startSmtp();
    const where = { host: s.host, port: s.port };
    await s.stop();
    const m = mailerFor(where, { timeouts: { connectMs: 2000 } });
    const err = await failure(m.send(reminder()));
    expect(err).toMatchObject({ permanent: false, responseCode: null });
    expect(err.message).toBe(
      `Cannot reach the SMTP server 127.0.0.1:${where.port} (connection refused). Check that it is running and that the SMTP host and port settings are right; the message will be retried.`,
    );
    const health = await failure(m.verify());
    expect(health).toMatchObject({ permanent: false });
    expect(health.message).toContain('connection refused');
  });
});

describe('login', () => {
  const auth = { user: 'sgbot', pass: 'Tr0ub4dor&3-secret' };

  it('logs in and sends', async () => {
    const s = await sink({ auth });
    await mailerFor(s, auth).send(reminder());
    await s.waitFor(1);
    expect(s.authFailures).toBe(0);
  });

  it('a wrong password is permanent, says what to fix, and the password appears nowhere in the error', async () => {
    const s = await sink({ auth });
    const wrong = 'wrong-Pa55word!';
    const err = await failure(mailerFor(s, { user: 'sgbot', pass: wrong }).send(reminder()));
    expect(s.authFailures).toBe(1);
    expect(err).toMatchObject({ permanent: true, responseCode: 535, reason: 'EAUTH' });
    expect(err.message).toMatch(/refused the login of user "sgbot".*Check the SMTP user and password settings\.$/);
    const everything = inspect(err, { depth: 10, showHidden: true }) + JSON.stringify(err);
    for (const form of [wrong, Buffer.from(`\0sgbot\0${wrong}`).toString('base64'), Buffer.from(wrong).toString('base64')]) {
      expect(everything).not.toContain(form);
    }
    expect(s.messages).toHaveLength(0);
  });
});

describe('DKIM', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const record = `v=DKIM1; k=rsa; p=${publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`;
  /** DNS with one TXT record: the selector's public key. */
  const resolver = (name: string, rrtype: string): Promise<string[][]> => {
    if (name === 'sg2027._domainkey.example.org' && rrtype === 'TXT') return Promise.resolve([[record]]);
    return Promise.reject(Object.assign(new Error(`no ${rrtype} record for ${name}`), { code: 'ENOTFOUND' }));
  };

  it('signs, and the signature verifies against the published key after the trip through SMTP', async () => {
    const s = await sink();
    const m = mailerFor(s, {}, { dkim: { domainName: 'example.org', keySelector: 'sg2027', privateKey: pem } });
    await m.send(reminder());
    const [received] = await s.waitFor(1);
    expect(received!.raw.toString()).toMatch(/^DKIM-Signature: /m);
    const verdict = await dkimVerify(received!.bytes, { resolver, curTime: NOW });
    expect(verdict.results.map((r) => [r.signingDomain, r.selector, r.status.result])).toEqual([['example.org', 'sg2027', 'pass']]);
    expect(verdict.results[0]!.status.aligned).toBe('example.org');

    const raw = received!.raw.toString();
    const body = await dkimVerify(Buffer.from(raw.replace('due on 1 March 2027', 'due on 9 March 2027')), { resolver, curTime: NOW });
    expect(body.results[0]!.status).toMatchObject({ result: 'neutral', comment: 'body hash did not verify' });
    const header = await dkimVerify(Buffer.from(raw.replace('Subject: Q1/20: contributions due 1 March', 'Subject: Q1/20: contributions due 9 March')), { resolver, curTime: NOW });
    expect(header.results[0]!.status.result).toBe('fail');
  });

  it('does not sign when DKIM is not configured', async () => {
    const s = await sink();
    await mailerFor(s).send(reminder());
    const [received] = await s.waitFor(1);
    expect(received!.raw.toString()).not.toMatch(/^DKIM-Signature:/im);
    expect((await simpleParser(received!.bytes)).headers.has('dkim-signature')).toBe(false);
  });
});
