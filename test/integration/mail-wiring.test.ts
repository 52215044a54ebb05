/**
 * Outgoing mail as sgbot wires it from its settings: SMTP_URL → a pooled SMTP mailer whose reminder threads under the
 * mail of the document it is about; no SMTP_URL → the message is kept in the Redis outbox instead of sent.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { rawSink } from '../../src/ingest/raw-sink.ts';
import { ingestRaw } from '../../src/ingest/ingest-raw.ts';
import { createServices, type Services } from '../../src/main.ts';
import { listMail } from '../support/letters.ts';
import { startSmtp, type SmtpSink } from '../support/smtp.ts';

const redisUrl = inject('redisUrl');

describe('mail out, wired from settings', () => {
  let smtp: SmtpSink;
  let withSmtp: Services;
  let withoutSmtp: Services;
  const prefix = `it-mailwire-${process.pid}`;

  beforeAll(async () => {
    smtp = await startSmtp();
    withSmtp = await createServices(
      loadConfig({ REDIS_URL: redisUrl, SGBOT_PREFIX: prefix, LOG_LEVEL: 'silent', SMTP_URL: `smtp://${smtp.host}:${smtp.port}`, SGBOT_MAIL_FROM: 'sgbot <sgbot@bot.example.org>' }, '/nonexistent'),
    );
    withoutSmtp = await createServices(loadConfig({ REDIS_URL: redisUrl, SGBOT_PREFIX: `${prefix}-cap`, LOG_LEVEL: 'silent' }, '/nonexistent'));
  });
  afterAll(async () => {
    await withSmtp?.close();
    await withoutSmtp?.close();
    await smtp?.stop();
  });

  it('sends a reminder that threads under the collective letter it is about', async () => {
    const s = withSmtp;
    const { rawId } = await rawSink({ raw: s.raw, queueIngest: s.queueIngest, maxBytes: 1e7 })(listMail({ n: 9, sg: 17, messageId: '<cl9-17@lists.example.org>' }), { type: 'file', path: 'cl.eml' });
    await ingestRaw(s, rawId);
    const doc = (await s.store.findByReference('TSB Collective letter 9/17'))[0];
    expect(doc?.source.messageId).toBe('<cl9-17@lists.example.org>');

    const sent = await s.mailer().send({
      kind: 'notification',
      to: 'rapporteur@example.org',
      subject: 'Reminder: contributions to SG17 are due on 14 April 2027',
      text: 'Contributions for the SG17 meeting are due on 14 April 2027.',
      idKey: `reminder:${doc?.id}:d0:7d:rapporteur@example.org`,
      inReplyTo: doc?.source.messageId ?? undefined,
      unsubscribeUrl: 'https://bot.example.org/unsubscribe/abc',
    });
    await smtp.waitFor(1);
    const mail = await smtp.messages[0]?.parse();
    expect(mail?.messageId).toBe(sent.messageId);
    expect(sent.messageId).toMatch(/@bot\.example\.org>$/);
    expect(mail?.inReplyTo).toBe('<cl9-17@lists.example.org>');
    expect(mail?.references).toBe('<cl9-17@lists.example.org>');
    expect(mail?.headers.get('auto-submitted')).toBe('auto-generated');
    expect(smtp.messages[0]?.raw.toString()).toMatch(/^List-Unsubscribe: <https:\/\/bot\.example\.org\/unsubscribe\/abc>/m);
  });

  it('keeps mail in the Redis outbox when no SMTP server is set', async () => {
    const s = withoutSmtp;
    expect(s.mailer().mode).toBe('capture');
    await s.mailer().send({ kind: 'broadcast', to: 't25sg20@lists.itu.int', subject: 'Announcement', text: 'Hello <!channel>', idKey: 'broadcast:1:list' });
    const entries = (await s.redis.lrange(`${prefix}-cap:outbox`, 0, -1)).map((x) => JSON.parse(x) as { subject: string; to: string[]; raw: string });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ subject: 'Announcement', to: ['t25sg20@lists.itu.int'] });
    expect(entries[0]?.raw).toContain('Auto-Submitted: auto-generated');
  });
});
