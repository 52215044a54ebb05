/**
 * Classification of nodemailer's errors (shaped as nodemailer 10 reports them; the integration tests produce the
 * real ones against smtp-server): permanent vs temporary, and no password in any message.
 */
import { describe, expect, it } from 'vitest';
import { classifySmtpError, isPermanentSmtpCode, redactSecret } from '../../src/mail/errors.ts';

const CTX = { server: 'smtp.example.org:587', user: 'sgbot', pass: 's3cret-Pa55' };

function smtpError(props: Record<string, unknown>, message = 'failed'): Error {
  return Object.assign(new Error(message), props);
}

describe('isPermanentSmtpCode', () => {
  it('is true for 5xx except 503, false for 4xx', () => {
    expect([550, 552, 554, 535, 500].map(isPermanentSmtpCode)).toEqual([true, true, true, true, true]);
    expect([503, 450, 451, 452, 421, 250].map(isPermanentSmtpCode)).toEqual([false, false, false, false, false, false]);
  });
});

describe('classifySmtpError', () => {
  it('a 5xx reply to DATA is permanent and names the step', () => {
    const err = classifySmtpError(smtpError({ code: 'EMESSAGE', responseCode: 554, response: '554 5.7.1 Message rejected as spam', command: 'DATA' }), CTX);
    expect(err).toMatchObject({ permanent: true, responseCode: 554, reason: 'EMESSAGE' });
    expect(err.message).toMatch(/smtp\.example\.org:587 refused the message at DATA \(554\).*Message rejected as spam.*Retrying will not help/);
  });

  it('a 421 and a 503 are temporary', () => {
    expect(classifySmtpError(smtpError({ code: 'EENVELOPE', responseCode: 421, response: '421 closing', command: 'MAIL FROM' }), CTX).permanent).toBe(false);
    expect(classifySmtpError(smtpError({ code: 'EPROTOCOL', responseCode: 503, response: '503 bad sequence', command: 'RCPT TO' }), CTX).permanent).toBe(false);
  });

  it('recipients refused with mixed codes are temporary as a whole, each keeping its own verdict', () => {
    const rejectedErrors = [
      smtpError({ recipient: 'gone@example.net', responseCode: 550, response: '550 no such user' }),
      smtpError({ recipient: 'busy@example.net', responseCode: 452, response: '452 mailbox full' }),
    ];
    const err = classifySmtpError(smtpError({ code: 'EENVELOPE', responseCode: 452, rejected: ['gone@example.net', 'busy@example.net'], rejectedErrors }), CTX);
    expect(err.permanent).toBe(false);
    expect(err.rejected).toEqual([
      { address: 'gone@example.net', responseCode: 550, permanent: true, response: '550 no such user' },
      { address: 'busy@example.net', responseCode: 452, permanent: false, response: '452 mailbox full' },
    ]);
    expect(err.message).toMatch(/deferred every recipient: gone@example\.net \(550\), busy@example\.net \(452\)/);
  });

  it('a refused login is permanent, tells what to fix, and never shows the password', () => {
    const raw = smtpError(
      { code: 'EAUTH', responseCode: 535, response: `535 Authentication failed for ${CTX.pass} (AGFzZ2JvdABzM2NyZXQtUGE1NQ==)`, command: 'AUTH PLAIN' },
      'Invalid login',
    );
    const err = classifySmtpError(raw, CTX);
    expect(err).toMatchObject({ permanent: true, responseCode: 535, reason: 'EAUTH' });
    expect(err.message).toMatch(/refused the login of user "sgbot".*Check the SMTP user and password settings\.$/);
    expect(err.message).not.toContain(CTX.pass);
    expect(err.message).not.toContain(Buffer.from(`\0sgbot\0${CTX.pass}`).toString('base64'));
  });

  it('a temporary login failure (454) is retried', () => {
    expect(classifySmtpError(smtpError({ code: 'EAUTH', responseCode: 454, response: '454 try later' }), CTX).permanent).toBe(false);
  });

  it('timeouts and dropped connections are temporary', () => {
    const timeout = classifySmtpError(smtpError({ code: 'ETIMEDOUT' }, 'Greeting never received'), CTX);
    expect(timeout).toMatchObject({ permanent: false, responseCode: null });
    expect(timeout.message).toMatch(/did not answer in time \(Greeting never received\).*will be retried/);
    const dropped = classifySmtpError(smtpError({ code: 'ECONNECTION' }, 'Connection closed unexpectedly'), CTX);
    expect(dropped).toMatchObject({ permanent: false, responseCode: null });
    expect(dropped.message).toMatch(/Cannot reach the SMTP server smtp\.example\.org:587 \(Connection closed unexpectedly\)/);
  });

  it('TLS and configuration errors are permanent', () => {
    expect(classifySmtpError(smtpError({ code: 'ETLS' }, 'wrong version number'), CTX).permanent).toBe(true);
  });

  it('keeps the original error as the cause', () => {
    const raw = smtpError({ code: 'ESOCKET', originalCode: 'ECONNREFUSED' }, 'connect ECONNREFUSED 10.0.0.1:25');
    const err = classifySmtpError(raw, CTX);
    expect(err.cause).toBe(raw);
    expect(err.message).toContain('(connection refused)');
  });
});

describe('redactSecret', () => {
  it('removes the password in clear and in the AUTH PLAIN/LOGIN base64 forms', () => {
    const plain = Buffer.from('\0sgbot\0pw').toString('base64');
    const login = Buffer.from('pw').toString('base64');
    expect(redactSecret(`x pw ${plain} ${login} y`, 'sgbot', 'pw')).toBe('x *** *** *** y');
    expect(redactSecret('nothing to hide', 'sgbot', undefined)).toBe('nothing to hide');
  });
});
