/**
 * composeMail: the headers every message carries, threading, unsubscribe headers, and the messages refused before
 * any sending (permanent MailDeliveryError, reason EINVALID).
 */
import { describe, expect, it } from 'vitest';
import { composeMail, type OutgoingMail } from '../../src/mail/compose.ts';
import { isMailDeliveryError, type MailDeliveryError } from '../../src/mail/errors.ts';
import { messageIdFor } from '../../src/mail/message-id.ts';

const SETTINGS = { from: 'sgbot <sgbot@example.org>', domain: 'example.org' };
const NOW = new Date('2027-02-20T08:00:00Z');

function reminder(overrides: Partial<OutgoingMail> = {}): OutgoingMail {
  return {
    kind: 'notification',
    to: 'Ana Rapporteur <ana@example.net>',
    subject: 'Q1/20: contributions due 1 March 2027',
    text: 'Dear Ana,\n\nContributions for Q1/20 are due on 1 March 2027.',
    idKey: 'reminder:SG20:Q1/20:2027-03-01:7d',
    ...overrides,
  };
}

function refusal(fn: () => unknown): MailDeliveryError {
  try {
    fn();
  } catch (err) {
    if (isMailDeliveryError(err)) return err;
    throw err;
  }
  throw new Error('expected a MailDeliveryError');
}

describe('composeMail', () => {
  it('marks the message as automatic and derives its Message-ID from the idKey', () => {
    const m = composeMail(reminder(), SETTINGS, NOW);
    expect(m.messageId).toBe(messageIdFor('reminder:SG20:Q1/20:2027-03-01:7d', 'example.org'));
    expect(m.headers).toMatchObject({ 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All', 'X-Sgbot-Kind': 'notification' });
    expect(m.date).toBe(NOW);
    expect(m.from).toBe(SETTINGS.from);
    expect(m.text).toContain('Contributions for Q1/20');
    expect(m.html).toContain('<p>Contributions for Q1/20 are due on 1 March 2027.</p>');
    expect(m.inReplyTo).toBeUndefined();
    expect(m.list).toBeUndefined();
  });

  it('threads under the source document when inReplyTo is given', () => {
    const m = composeMail(reminder({ inReplyTo: 'CL-4-13.abc@mail.itu.int' }), SETTINGS, NOW);
    expect(m.inReplyTo).toBe('<CL-4-13.abc@mail.itu.int>');
    expect(m.references).toEqual(['<CL-4-13.abc@mail.itu.int>']);
  });

  it('leaves out an inReplyTo that cannot go into a header, and still sends', () => {
    const m = composeMail(reminder({ inReplyTo: 'x@y.org>\r\nBcc: victim@example.com' }), SETTINGS, NOW);
    expect(m.inReplyTo).toBeUndefined();
    expect(m.references).toBeUndefined();
  });

  it('collapses line breaks in the subject', () => {
    expect(composeMail(reminder({ subject: ' Meeting of SG13\r\nBcc: victim@example.com ' }), SETTINGS, NOW).subject).toBe('Meeting of SG13 Bcc: victim@example.com');
  });

  it('puts URL and mailto in one List-Unsubscribe header, one-click whenever there is a URL (https or http)', () => {
    const both = composeMail(reminder({ unsubscribeUrl: 'https://sgbot.example.org/u/tok', unsubscribeMailto: 'unsubscribe@example.org' }), SETTINGS, NOW);
    expect(both.list).toEqual({ unsubscribe: [['https://sgbot.example.org/u/tok', 'mailto:unsubscribe@example.org']] });
    expect(both.headers).toMatchObject({ 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
    const http = composeMail(reminder({ unsubscribeUrl: 'http://localhost:8080/u/tok' }), SETTINGS, NOW);
    expect(http.list).toEqual({ unsubscribe: [['http://localhost:8080/u/tok']] });
    // The unsubscribe URL is a one-click POST target whatever its scheme (an intranet install serves http).
    expect(http.headers).toMatchObject({ 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
    const mailto = composeMail(reminder({ unsubscribeMailto: 'mailto:leave-sg20@example.org?subject=unsubscribe' }), SETTINGS, NOW);
    expect(mailto.list).toEqual({ unsubscribe: [['mailto:leave-sg20@example.org?subject=unsubscribe']] });
    expect(mailto.headers).not.toHaveProperty('List-Unsubscribe-Post');
  });

  it('uses a caller-made HTML part as is', () => {
    expect(composeMail(reminder({ html: '<p><b>Due</b></p>' }), SETTINGS, NOW).html).toBe('<p><b>Due</b></p>');
  });

  it('refuses, permanently, a message that cannot be sent as given', () => {
    const cases: Array<[Partial<OutgoingMail>, RegExp]> = [
      [{ to: [], cc: undefined, bcc: undefined }, /no recipient/],
      [{ to: 'ana' }, /"to" recipient "ana" is not an address/],
      [{ to: 'ana@example.net', cc: ['ok@example.net', 'Bob <bob@>'] }, /"cc" recipient/],
      [{ idKey: '' }, /idKey/],
      [{ unsubscribeUrl: 'not a url' }, /unsubscribeUrl/],
      [{ unsubscribeUrl: 'javascript:alert(1)' }, /http\(s\)/],
      [{ unsubscribeMailto: 'nobody' }, /unsubscribeMailto/],
      [{ kind: 'spam' as OutgoingMail['kind'] }, /Unknown mail kind/],
    ];
    for (const [overrides, message] of cases) {
      const err = refusal(() => composeMail(reminder(overrides), SETTINGS, NOW));
      expect(err.message).toMatch(message);
      expect(err).toMatchObject({ code: 'E_MAIL_DELIVERY', permanent: true, reason: 'EINVALID', responseCode: null });
    }
  });

  it('accepts bcc-only messages', () => {
    const m = composeMail(reminder({ to: undefined, bcc: ['a@example.net', 'b@example.net'] }), SETTINGS, NOW);
    expect(m.bcc).toEqual(['a@example.net', 'b@example.net']);
  });
});
