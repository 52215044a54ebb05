/**
 * Text parts encoded once with slots (EncodedPart): decoded, a filled part is exactly the text with the values in its
 * slots, whatever the text holds (long lines, non-ASCII, `=`, spaces before a slot or a line end, dots at line
 * starts), and its lines stay within quoted-printable's 76 characters. A reminder mail sent with its parts encoded
 * that way has every header the mail encoded by nodemailer has, mailparser reads the same text and HTML from it, and
 * its DKIM signature verifies.
 */
import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { dkimVerify } from 'mailauth';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { EncodedPart } from '../../src/mail/encoded-part.ts';
import { createMailer, type Mailer } from '../../src/mail/mailer.ts';
import { MessageTemplates, type MessageTokens } from '../../src/reminders/compose.ts';
import type { ReminderPayload } from '../../src/reminders/payload.ts';
import { signToken } from '../../src/reminders/tokens.ts';
import { makeRecord } from '../support/reminder-builders.ts';

/** A strict quoted-printable decoder: soft line breaks go, `=XX` becomes its byte, everything else stays. */
function decodeQp(body: string): string {
  const noSoft = body.replace(/=\r\n/g, '');
  expect(noSoft).not.toMatch(/=(?![0-9A-F]{2})/);
  const bytes: number[] = [];
  for (let i = 0; i < noSoft.length; i++) {
    if (noSoft[i] === '=') {
      bytes.push(parseInt(noSoft.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(noSoft.charCodeAt(i));
  }
  return Buffer.from(bytes).toString('utf8');
}

function bodyOf(part: string, contentType: string): string {
  const head = `Content-Type: ${contentType}\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n`;
  expect(part.startsWith(head)).toBe(true);
  return part.slice(head.length);
}

const SLOT = 'SGBOTdslot';
const token = fc.stringMatching(/^[A-Za-z0-9_.-]{0,300}$/);
const text = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '\t', '\n', '=', '.', '—', 'é', '語', '😀', 'x'.repeat(90), ' \n', '<a href="'), maxLength: 60 });

describe('EncodedPart', () => {
  it('decodes to the text with the values in its slots, in lines of at most 76 characters', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 5 }), fc.array(token, { minLength: 4, maxLength: 4 }), (stretches, values) => {
        const parts = stretches.flatMap((s, i) => (i === 0 ? [s] : [SLOT, s]));
        let n = 0;
        const filled = new EncodedPart('text/plain; charset=utf-8', parts).fill(() => values[n++ % values.length] as string);
        n = 0;
        const expected = parts.map((p, i) => (i % 2 === 1 ? (values[n++ % values.length] as string) : p)).join('');
        expect(filled).not.toBeNull();
        const body = bodyOf(filled as string, 'text/plain; charset=utf-8');
        expect(decodeQp(body)).toBe(expected);
        for (const line of body.split(/\r?\n/)) expect(line.length).toBeLessThanOrEqual(76);
        // Trailing whitespace on a line could be dropped on the way: there is none.
        expect(body).not.toMatch(/[ \t]\r?\n/);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a value quoted-printable would change or a line end would split', () => {
    const part = new EncodedPart('text/plain; charset=utf-8', ['Done: ', SLOT, '\n']);
    for (const bad of ['a=b', 'a b', 'a\nb', 'é', 'a\r']) expect(part.fill(() => bad)).toBeNull();
    expect(part.fill(() => 'abc.DEF_-1')).not.toBeNull();
  });
});

describe('a reminder mail sent with its parts encoded once', () => {
  const open: Mailer[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((m) => m.close()));
  });

  it('has the same headers, text and HTML as the one nodemailer encodes', async () => {
    const now = () => new Date('2036-04-08T07:00:00Z');
    const mailer = createMailer({ from: 'sgbot <sgbot@example.org>', domain: 'example.org', transport: { capture: true }, now });
    open.push(mailer);
    const record = makeRecord({ action: 'Submit ITU-T Member contributions — “draft” = final?', source: { ...makeRecord().source, title: 'Réunion 語 '.repeat(30) } });
    const templates = new MessageTemplates();
    const BASE = 'https://sgbot.example.org';
    const url = (action: keyof MessageTokens, t: string) => `${BASE}/reminders/${action}?token=${t}`;
    for (const recipient of ['person:ana@example.org', 'person:ben@example.org']) {
      const tokens: MessageTokens = {};
      for (const action of ['done', 'snooze', 'unsubscribe'] as const) tokens[action] = signToken({ action, deadlineKey: record.key, recipient, expires: 2091000000 }, 'test-secret-0123456789');
      const p: ReminderPayload = { type: 'reminder', deadlineKey: record.key, base: record.base, recipient, offset: '7d', at: now().getTime(), due: record.due };
      const m = templates.compose(record, p, 'Asia/Tokyo', `${BASE}/doc/aaaa`, url, tokens);
      expect(m.mime).toBeTruthy();
      const mail = {
        kind: 'notification' as const,
        to: recipient.slice('person:'.length),
        subject: m.subject,
        text: m.text,
        html: m.html,
        idKey: `reminder:${recipient}`,
        inReplyTo: '<cl77@itu.int>',
        unsubscribeUrl: url('unsubscribe', tokens.unsubscribe as string),
        unsubscribeMailto: 'leave@example.org',
      };
      await mailer.send(mail);
      await mailer.send({ ...mail, encoded: m.mime ?? null });
      const [plain, encoded] = mailer.outbox.slice(-2).map((c) => c.raw);
      const a = await simpleParser(plain as Buffer);
      const b = await simpleParser(encoded as Buffer);
      expect(b.text).toBe(m.text);
      expect(b.html).toBe(m.html);
      expect(b.text).toBe(a.text);
      expect(b.html).toBe(a.html);
      const headers = (x: typeof a) => x.headerLines.map((h) => (h.key === 'content-type' ? h.line.replace(/boundary=.*/s, '') : h.line));
      expect(headers(b)).toEqual(headers(a));
      // Decoded by hand too: exactly the composed text and HTML (the outbox ends every line with CRLF, as SMTP does).
      const raw = (encoded as Buffer).toString('latin1');
      const boundary = /boundary="([^"]+)"/.exec(raw)?.[1] ?? '';
      const [, textPart, htmlPart] = raw.split(new RegExp(`\r\n--${boundary}(?:--)?\r\n`));
      const decoded = (part: string | undefined, type: string) => decodeQp(bodyOf(part ?? '', type).replace(/(?<!=)\r\n/g, '\n'));
      expect(decoded(textPart, 'text/plain; charset=utf-8')).toBe(m.text);
      expect(decoded(htmlPart, 'text/html; charset=utf-8')).toBe(m.html);
    }
  });

  it('is signed with DKIM like any other mail, and the signature verifies', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const record = `v=DKIM1; k=rsa; p=${publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`;
    const resolver = (name: string, rrtype: string): Promise<string[][]> =>
      name === 's1._domainkey.example.org' && rrtype === 'TXT' ? Promise.resolve([[record]]) : Promise.reject(Object.assign(new Error(`no ${rrtype} record for ${name}`), { code: 'ENOTFOUND' }));
    const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const mailer = createMailer({ from: 'sgbot <sgbot@example.org>', domain: 'example.org', transport: { capture: true }, dkim: { domainName: 'example.org', keySelector: 's1', privateKey: privatePem } });
    open.push(mailer);
    const deadline = makeRecord();
    const url = (action: keyof MessageTokens, t: string) => `https://sgbot.example.org/reminders/${action}?token=${t}`;
    const tokens: MessageTokens = { done: 'abc.DEF_-1', unsubscribe: 'xyz.123' };
    const p: ReminderPayload = { type: 'escalation', deadlineKey: deadline.key, base: deadline.base, recipient: 'person:ana@example.org', offset: 'esc2d', at: Date.parse('2036-04-08T07:00:00Z'), due: deadline.due };
    const m = new MessageTemplates().compose(deadline, p, 'Europe/Zurich', 'https://sgbot.example.org/doc/aaaa', url, tokens);
    await mailer.send({ kind: 'notification', to: 'ana@example.org', subject: m.subject, text: m.text, html: m.html, encoded: m.mime ?? null, idKey: 'esc:ana' });
    const verdict = await dkimVerify((mailer.outbox[0] as { raw: Buffer }).raw, { resolver });
    expect(verdict.results.map((r) => r.status.result)).toEqual(['pass']);
  });
});
