/**
 * The logger never writes a secret: fields named like secrets at any depth, passwords in connection URLs, secret
 * query parameters, bearer tokens and Slack tokens, in fields, child bindings, messages and errors.
 */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, redactText } from '../../src/log.ts';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { log: createLogger('debug', stream), text: () => lines.join('\n'), json: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

const SECRETS = ['hunter2', 's3cr3t-imap', 'smtp-pw', 'xoxb-1234-5678-abcdef', 'eyJhbGciOiJIUzI1NiJ9.payload.sig', 'sess=abc123def', 'tok-98765', 'teams-client-secret'];

describe('log redaction', () => {
  it('redacts secret fields at any depth, URL passwords, query tokens, bearer and Slack tokens', () => {
    const { log, text, json } = capture();
    const child = log.child({ account: { url: 'imap://bot%40example.org:s3cr3t-imap@mail.example.org:143/?mailboxes=INBOX' } });
    child.info(
      {
        REDIS_URL: 'redis://:hunter2@127.0.0.1:6379/0',
        config: { SMTP_URL: 'smtp://bot:smtp-pw@smtp.example.org:587', SLACK_BOT_TOKEN: 'xoxb-1234-5678-abcdef', TEAMS_CLIENT_SECRET: 'teams-client-secret' },
        req: { headers: { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig', cookie: 'sess=abc123def', host: 'sgbot.example.org' } },
        accounts: [{ user: 'bot', pass: 'hunter2' }],
        link: 'https://sgbot.example.org/reminders/done?token=tok-98765&x=1',
      },
      'connecting with redis://:hunter2@db:6379 and Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig',
    );
    child.error({ err: new Error('login failed for smtp://bot:smtp-pw@smtp.example.org') }, 'send failed');
    const out = text();
    for (const secret of SECRETS) expect(out, secret).not.toContain(secret);
    const [first, second] = json();
    // What is not secret is still there, so the logs stay useful.
    expect(first).toMatchObject({
      REDIS_URL: 'redis://:***@127.0.0.1:6379/0',
      config: { SMTP_URL: 'smtp://bot:***@smtp.example.org:587', SLACK_BOT_TOKEN: '***', TEAMS_CLIENT_SECRET: '***' },
      req: { headers: { authorization: '***', cookie: '***', host: 'sgbot.example.org' } },
      accounts: [{ user: 'bot', pass: '***' }],
      link: 'https://sgbot.example.org/reminders/done?token=***&x=1',
      account: { url: 'imap://bot%40example.org:***@mail.example.org:143/?mailboxes=INBOX' },
      msg: 'connecting with redis://:***@db:6379 and Authorization: Bearer ***',
    });
    expect(second).toMatchObject({ err: { message: 'login failed for smtp://bot:***@smtp.example.org' } });
  });

  it('does not touch the caller\'s object nor ordinary text', () => {
    const { log } = capture();
    const fields = { url: 'redis://:hunter2@db:6379', nested: { password: 'hunter2' } };
    log.info(fields, 'hello');
    expect(fields).toEqual({ url: 'redis://:hunter2@db:6379', nested: { password: 'hunter2' } });
    expect(redactText('http://localhost:8080/doc/abc and 10:30 at user@example.org')).toBe('http://localhost:8080/doc/abc and 10:30 at user@example.org');
  });

  it('logs an error given as its message as that text, redacted, and an Error with its stack', () => {
    const { log, json } = capture();
    log.warn({ err: 'cannot reach redis://:hunter2@db:6379' }, 'job failed');
    log.warn({ err: new Error('login to imap://bot:s3cr3t-imap@mail.example.org refused') }, 'imap failed');
    const [asText, asError] = json();
    expect(asText?.['err']).toBe('cannot reach redis://:***@db:6379');
    expect((asError?.['err'] as { message: string; stack: string }).message).toBe('login to imap://bot:***@mail.example.org refused');
    expect((asError?.['err'] as { stack: string }).stack).not.toContain('s3cr3t-imap');
  });
});
