import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, redactUrl } from '../../src/config.ts';
import { isSgbotError } from '../../src/core/errors.ts';

const load = (env: Record<string, string>) => loadConfig(env, '/nonexistent');

function configError(env: Record<string, string>): string {
  try {
    load(env);
  } catch (err) {
    if (isSgbotError(err, 'E_CONFIG')) return err.message;
    throw err;
  }
  throw new Error('expected an E_CONFIG error');
}

describe('settings', () => {
  it('reads IMAP accounts from URLs, with mailboxes and encoded users', () => {
    const c = load({ SGBOT_IMAP: 'imap://bot%40example.org:s%3Acret@mail.example.org/?mailboxes=INBOX,Lists/SG20 imaps://u:p@h.example.org:1993' });
    expect(c.SGBOT_IMAP).toEqual([
      { id: 'bot@example.org@mail.example.org', host: 'mail.example.org', port: 143, secure: false, user: 'bot@example.org', pass: 's:cret', mailboxes: ['INBOX', 'Lists/SG20'] },
      { id: 'u@h.example.org', host: 'h.example.org', port: 1993, secure: true, user: 'u', pass: 'p', mailboxes: ['INBOX'] },
    ]);
  });

  it('lists every bad setting at once and never echoes a password', () => {
    const message = configError({ SGBOT_IMAP: 'pop3://u:hunter2@h', REDIS_URL: 'localhost:6379', SGBOT_LIST_RULES: '{oops' });
    expect(message).toContain('SGBOT_IMAP');
    expect(message).toContain('REDIS_URL');
    expect(message).toContain('SGBOT_LIST_RULES');
    expect(message).not.toContain('hunter2');
    expect(configError({ SGBOT_IMAP: 'imap://bot@mail.example.org' })).toContain('needs a user and a password');
  });

  it('takes list rules as JSON and refuses a bad regular expression', () => {
    expect(load({ SGBOT_LIST_RULES: '[{"pattern":"^sg(?<sg>\\\\d+)@lists\\\\.example\\\\.org$","period":"2025-2028"}]' }).SGBOT_LIST_RULES).toEqual([
      { pattern: '^sg(?<sg>\\d+)@lists\\.example\\.org$', period: '2025-2028' },
    ]);
    expect(configError({ SGBOT_LIST_RULES: '[{"pattern":"(unclosed"}]' })).toContain('not a valid regular expression');
  });

  it('redacts the password of a URL', () => {
    expect(redactUrl('imap://bot:hunter2@mail.example.org:143/')).toBe('imap://bot:***@mail.example.org:143/');
    expect(redactUrl('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
  });

  it('reads the PDF page and time budgets, and refuses nonsense', () => {
    expect(load({})).toMatchObject({ SGBOT_MAX_PDF_PAGES: 2000, SGBOT_MAX_PDF_SECONDS: 30 });
    expect(load({ SGBOT_MAX_PDF_PAGES: '50', SGBOT_MAX_PDF_SECONDS: '2.5' })).toMatchObject({ SGBOT_MAX_PDF_PAGES: 50, SGBOT_MAX_PDF_SECONDS: 2.5 });
    expect(configError({ SGBOT_MAX_PDF_PAGES: '0' })).toContain('SGBOT_MAX_PDF_PAGES');
    expect(configError({ SGBOT_MAX_PDF_SECONDS: 'soon' })).toContain('SGBOT_MAX_PDF_SECONDS');
  });

  it('checks the Slack and Teams variables in the same schema, saying where to find the right value', () => {
    const message = configError({ SLACK_BOT_TOKEN: 'xapp-1-A1-2-abc', SLACK_PORT: 'eighty', TEAMS_ANONYMOUS: 'yes', SGBOT_TZ: 'Mars/Olympus', SGBOT_DOC_URL: 'https://x.example/doc' });
    expect(message).toContain('SLACK_BOT_TOKEN holds an app-level token (xapp-…); put that in SLACK_APP_TOKEN and copy the bot token from api.slack.com/apps');
    expect(message).toContain('SLACK_PORT must be a whole number from 0 to 65535, not "eighty".');
    expect(message).toContain('TEAMS_ANONYMOUS must be "true" (local tests only) or "false"');
    expect(message).toContain('SGBOT_TZ must be an IANA time zone');
    expect(message).toContain('SGBOT_DOC_URL must be an http(s) URL containing {id}');
    expect(message).not.toContain('xapp-1-A1-2-abc');
    expect(load({ SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_PORT: '3000' })).toMatchObject({ SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_PORT: '3000' });
  });

  it('takes the mail sender as an address with or without a name, and refuses anything else', () => {
    expect(load({ SGBOT_MAIL_FROM: 'bot@sg.example.org' }).SGBOT_MAIL_FROM).toBe('bot@sg.example.org');
    expect(load({ SGBOT_MAIL_FROM: ' ITU-T SG20 bot <bot@sg.example.org> ' }).SGBOT_MAIL_FROM).toBe('ITU-T SG20 bot <bot@sg.example.org>');
    expect(configError({ SGBOT_MAIL_FROM: 'sgbot' })).toMatch(/SGBOT_MAIL_FROM.*sgbot@sg\.example\.org/);
    expect(configError({ SGBOT_MAIL_FROM: 'a <b@c> d' })).toContain('SGBOT_MAIL_FROM');
  });

  it('reads console accounts in the schema, and names every bad entry', () => {
    const hash = `scrypt$16384$8$1$${'a'.repeat(22)}$${'b'.repeat(43)}`;
    expect(load({ SGBOT_WEB_ACCOUNTS: `Ana@Example.org:${hash}` }).SGBOT_WEB_ACCOUNTS).toEqual([{ user: 'ana@example.org', person: 'ana@example.org', hash }]);
    expect(load({}).SGBOT_WEB_ACCOUNTS).toEqual([]);
    expect(configError({ SGBOT_WEB_ACCOUNTS: `ana@example.org:${hash} bo@example.org:scrypt$x` })).toMatch(/SGBOT_WEB_ACCOUNTS: has 1 bad entry[\s\S]*bo@example\.org:scrypt\$x[\s\S]*sgbot web passwd/);
  });

  it('reads reminder offsets and console operators as lists', () => {
    expect(load({ SGBOT_REMINDER_OFFSETS: ' 10d, 2d ,0d' }).SGBOT_REMINDER_OFFSETS).toEqual(['10d', '2d', '0d']);
    expect(load({}).SGBOT_REMINDER_OFFSETS).toEqual(['14d', '7d', '1d', '0d']);
    expect(load({ SGBOT_WEB_OPERATORS: 'Ops@Example.org, tsb  ' }).SGBOT_WEB_OPERATORS).toEqual(['ops@example.org', 'tsb']);
  });

  it('takes the public address from the web port when it is not set', () => {
    expect(load({}).SGBOT_PUBLIC_URL).toBe('http://localhost:8080');
    expect(load({ SGBOT_WEB_PORT: '8097' }).SGBOT_PUBLIC_URL).toBe('http://localhost:8097');
    expect(load({ SGBOT_WEB_PORT: '8097', SGBOT_PUBLIC_URL: 'https://sgbot.example.org' }).SGBOT_PUBLIC_URL).toBe('https://sgbot.example.org');
  });

  it('asks for all three DKIM settings or none', () => {
    expect(configError({ SGBOT_DKIM_DOMAIN: 'example.org' })).toContain('DKIM signing needs all three of SGBOT_DKIM_DOMAIN, SGBOT_DKIM_SELECTOR and SGBOT_DKIM_KEY_FILE');
    expect(load({ SGBOT_DKIM_DOMAIN: 'example.org', SGBOT_DKIM_SELECTOR: 's1', SGBOT_DKIM_KEY_FILE: '/etc/dkim.pem' }).SGBOT_DKIM_SELECTOR).toBe('s1');
  });

  it('reads .env as dotenv does (quotes, comments, export), the environment winning', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sgbot-env-'));
    const path = join(dir, '.env');
    writeFileSync(path, '# settings\nexport SGBOT_PREFIX=from-file\nSGBOT_MAIL_FROM="sgbot <bot@example.org>" # the sender\nSGBOT_TZ=\'Asia/Tokyo\'\n');
    const c = loadConfig({ SGBOT_TZ: 'Europe/Paris' }, path);
    expect(c).toMatchObject({ SGBOT_PREFIX: 'from-file', SGBOT_MAIL_FROM: 'sgbot <bot@example.org>', SGBOT_TZ: 'Europe/Paris' });
  });
});
