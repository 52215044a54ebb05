/**
 * The capture outbox (the no-SMTP default): messages are rendered in full and kept, without any network; and the
 * settings createMailer refuses.
 */
import { generateKeyPairSync } from 'node:crypto';
import net from 'node:net';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isSgbotError } from '../../src/core/errors.ts';
import { createMailer, type CapturedMail, type Mailer, type MailerOptions } from '../../src/mail/mailer.ts';
import { messageIdFor } from '../../src/mail/message-id.ts';

const BASE = { from: 'sgbot <sgbot@example.org>', domain: 'example.org' };
const open: Mailer[] = [];

function mailer(options: Partial<MailerOptions> = {}): Mailer {
  const m = createMailer({ ...BASE, transport: { capture: true }, ...options });
  open.push(m);
  return m;
}

afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(open.splice(0).map((m) => m.close()));
});

describe('capture mode', () => {
  it('keeps the full message, headers and both parts, and opens no socket', async () => {
    const connect = vi.spyOn(net.Socket.prototype, 'connect');
    const seen: CapturedMail[] = [];
    const m = mailer({ transport: { capture: true, onCapture: (c) => void seen.push(c) }, now: () => new Date('2027-02-20T08:00:00Z') });
    const result = await m.send({
      kind: 'broadcast',
      to: 't22sg20q1@lists.example.org',
      bcc: 'audit@example.org',
      subject: 'SG20 meeting <!channel>',
      text: 'The SG20 meeting opens on 3 May 2027 <script>x</script>.',
      idKey: 'broadcast:CL-4-13',
      inReplyTo: '<cl-4-13@mail.itu.int>',
      unsubscribeMailto: 'leave@example.org',
    });
    expect(m.mode).toBe('capture');
    expect(connect).not.toHaveBeenCalled();
    expect(result).toEqual({
      messageId: messageIdFor('broadcast:CL-4-13', 'example.org'),
      accepted: ['t22sg20q1@lists.example.org', 'audit@example.org'],
      rejected: [],
      response: null,
      inReplyTo: '<cl-4-13@mail.itu.int>',
    });
    expect(m.outbox).toHaveLength(1);
    expect(seen).toEqual([...m.outbox]);
    const captured = m.outbox[0]!;
    expect(captured).toMatchObject({ kind: 'broadcast', idKey: 'broadcast:CL-4-13', envelope: { from: 'sgbot@example.org', to: ['t22sg20q1@lists.example.org', 'audit@example.org'] } });
    expect(captured.raw.toString()).toMatch(/\r\n\r\n/);
    expect(captured.raw.toString()).not.toMatch(/[^\r]\n/);

    const parsed = await simpleParser(captured.raw);
    expect(parsed.messageId).toBe(result.messageId);
    expect(parsed.inReplyTo).toBe('<cl-4-13@mail.itu.int>');
    expect(parsed.date?.toISOString()).toBe('2027-02-20T08:00:00.000Z');
    expect(parsed.headers.get('auto-submitted')).toBe('auto-generated');
    expect(parsed.headers.get('bcc')).toBeUndefined();
    expect(parsed.text).toContain('<script>x</script>');
    expect(parsed.html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(parsed.html).not.toContain('<script>');
  });

  it('keeps only the latest `keep` messages', async () => {
    const m = mailer({ transport: { capture: true, keep: 2 } });
    for (const n of [1, 2, 3]) await m.send({ kind: 'digest', to: 'a@example.net', subject: `Digest ${n}`, text: 'x', idKey: `digest:${n}` });
    expect(m.outbox.map((c) => c.subject)).toEqual(['Digest 2', 'Digest 3']);
  });

  it('refuses to send after close, as a temporary failure', async () => {
    const m = mailer();
    await m.close();
    await expect(m.send({ kind: 'reply', to: 'a@example.net', subject: 's', text: 't', idKey: 'k' })).rejects.toMatchObject({ permanent: false, reason: 'ECLOSED' });
    await expect(m.verify()).resolves.toBeUndefined();
  });
});

describe('createMailer settings', () => {
  const key = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

  it('refuses wrong settings with E_CONFIG, naming the setting and never the secret', () => {
    const cases: Array<[MailerOptions, RegExp]> = [
      [{ ...BASE, from: 'sgbot', transport: { capture: true } }, /sender "sgbot"/],
      [{ ...BASE, domain: 'example org', transport: { capture: true } }, /mail domain/],
      [{ ...BASE, transport: { host: 'smtp.example.org', port: 0 } }, /SMTP port "0"/],
      [{ ...BASE, transport: { host: '', port: 25 } }, /SMTP host/],
      [{ ...BASE, transport: { host: 'smtp.example.org', port: 25, pass: 'hunter2' } }, /both the SMTP user and the SMTP password/],
      [{ ...BASE, transport: { host: 'smtp.example.org', port: 25, maxConnections: 0 } }, /maxConnections/],
      [{ ...BASE, transport: { capture: true }, dkim: { domainName: 'example.org', keySelector: 'sg bot', privateKey: key } }, /DKIM selector/],
      [{ ...BASE, transport: { capture: true }, dkim: { domainName: 'example.org', keySelector: 's1', privateKey: 'hunter2-not-a-key' } }, /DKIM private key cannot be read/],
    ];
    for (const [options, message] of cases) {
      let caught: unknown;
      try {
        createMailer(options);
      } catch (err) {
        caught = err;
      }
      expect(isSgbotError(caught, 'E_CONFIG'), String(message)).toBe(true);
      expect((caught as Error).message).toMatch(message);
      expect((caught as Error).message).not.toContain('hunter2');
    }
  });

  it('signs captured mail with DKIM when configured', async () => {
    const m = mailer({ dkim: { domainName: 'example.org', keySelector: 's1', privateKey: key } });
    await m.send({ kind: 'notification', to: 'a@example.net', subject: 's', text: 't', idKey: 'k' });
    expect(m.outbox[0]!.raw.toString()).toMatch(/^DKIM-Signature: v=1; a=rsa-sha256; c=relaxed\/relaxed; d=example\.org;/m);
  });
});
