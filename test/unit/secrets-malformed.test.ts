/**
 * A password in a malformed URL setting is never shown: not in the settings error, not in a log line, not in what
 * the CLI prints. Each URL setting is tried with the ways people mistype one (an unencoded @ in the user, @ or / in
 * the password, no host, a password where the port goes, a bad port, spaces around it).
 */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.ts';
import { loadConfig, redactUrl } from '../../src/config.ts';
import { createLogger, redactText } from '../../src/log.ts';

const PW = 'Pw-s3cret-77';
const SETTINGS: Record<string, string[]> = {
  SGBOT_IMAP: ['imap', 'imaps'],
  SMTP_URL: ['smtp', 'smtps'],
  REDIS_URL: ['redis', 'rediss'],
  SGBOT_PUBLIC_URL: ['https'],
  SLACK_API_URL: ['https'],
};
const SHAPES = (scheme: string): string[] => [
  `${scheme}://user@example.org:${PW}@mail.example.org:143/?mailboxes=INBOX`,
  `${scheme}://user:${PW}@`,
  `${scheme}://user:${PW}`,
  `${scheme}://user:${PW}@mail.example.org:notaport/`,
  `${scheme}://user:${PW}/x@mail.example.org`,
  `${scheme}://user:${PW}@host@mail.example.org`,
  `${scheme}://:${PW}@mail.example.org:99999`,
  `${scheme}:/user:${PW}@mail.example.org`.replace(':/', '://'),
  ` ${scheme}://user:${PW}@mail.example.org:14 3 `,
];

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { log: createLogger('debug', stream), text: () => lines.join('') };
}

describe('secrets in malformed URL settings', () => {
  for (const [setting, schemes] of Object.entries(SETTINGS)) {
    for (const scheme of schemes) {
      for (const value of SHAPES(scheme)) {
        it(`${setting}=${JSON.stringify(value.replace(PW, 'PW'))}: never shows the password`, async () => {
          let message = '';
          try {
            loadConfig({ [setting]: value }, '/nonexistent');
          } catch (err) {
            message = (err as Error).message;
          }
          expect(message).not.toContain(PW);
          expect(redactUrl(value)).not.toContain(PW);
          expect(redactText(`connecting to ${value} failed`)).not.toContain(PW);
          const { log, text } = capture();
          log.child({ url: value }).error({ err: new Error(`bad URL "${value}"`), setting: value }, `cannot use ${value}`);
          expect(text()).not.toContain(PW);
          const out: string[] = [];
          await runCli(['node', 'sgbot', 'status'], { out: (t) => out.push(t), err: (t) => out.push(t), env: { [setting]: value, REDIS_URL: setting === 'REDIS_URL' ? value : 'redis://127.0.0.1:1', LOG_LEVEL: 'silent' }, isTTY: false });
          expect(out.join('\n')).not.toContain(PW);
        });
      }
    }
  }

  it('keeps what is not a password', () => {
    expect(redactText('imap://user@example.org:pw@mail.example.org:143/')).toBe('imap://user@example.org:***@mail.example.org:143/');
    expect(redactText('see https://host:8080/people/a@b.org and http://localhost:8080/doc/x')).toBe('see https://host:8080/people/a@b.org and http://localhost:8080/doc/x');
    expect(redactText('redis://127.0.0.1:6379/0')).toBe('redis://127.0.0.1:6379/0');
  });
});
