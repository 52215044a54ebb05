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
});
