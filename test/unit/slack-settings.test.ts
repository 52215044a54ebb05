/** Slack settings: what each mistake says, and where to find the right value. */
import { describe, expect, it } from 'vitest';
import { slackSettingsFrom } from '../../src/chat/slack/settings.ts';
import { isSgbotError } from '../../src/core/errors.ts';

const BOT = 'xoxb-1-2-abc';
const SECRET = '8f742231b10e8888abcd99eee0ee85a5';
const APP = 'xapp-1-A1-2-abc';

function problems(env: Record<string, string | undefined>): string {
  try {
    slackSettingsFrom(env);
  } catch (err) {
    if (isSgbotError(err, 'E_CONFIG')) return err.message;
    throw err;
  }
  throw new Error('expected E_CONFIG');
}

describe('slackSettingsFrom', () => {
  it('reads an HTTP set-up with defaults', () => {
    const s = slackSettingsFrom({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET });
    expect(s).toMatchObject({ mode: 'http', botToken: BOT, signingSecret: SECRET, port: 3000, path: '/slack/events', slackApiUrl: 'https://slack.com/api/', defaultTz: 'Europe/Zurich', rateLimitPerMinute: 20 });
    expect(s.retry.retries).toBeGreaterThan(0);
    expect(Object.isFrozen(s)).toBe(true);
  });

  it('takes the number of answer threads, 0 answering on the acking loop, and leaves it to the cores when unset', () => {
    expect(slackSettingsFrom({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET }).answerThreads).toBeUndefined();
    expect(slackSettingsFrom({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, SLACK_ANSWER_THREADS: '0' }).answerThreads).toBe(0);
    expect(slackSettingsFrom({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, SLACK_ANSWER_THREADS: '3' }).answerThreads).toBe(3);
    expect(problems({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, SLACK_ANSWER_THREADS: 'many' })).toContain('SLACK_ANSWER_THREADS must be a whole number');
  });

  it('chooses Socket Mode when only an app token is given, or when told', () => {
    expect(slackSettingsFrom({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP }).mode).toBe('socket');
    expect(slackSettingsFrom({ SLACK_MODE: 'socket', SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_SIGNING_SECRET: SECRET }).mode).toBe('socket');
  });

  it('says which setting is missing and where to copy it from', () => {
    const msg = problems({});
    expect(msg).toMatch(/SLACK_BOT_TOKEN is missing: copy it from api\.slack\.com\/apps → your app → OAuth & Permissions → Bot User OAuth Token/);
    expect(msg).toMatch(/SLACK_SIGNING_SECRET is missing .*api\.slack\.com\/apps → your app → Basic Information → App Credentials → Signing Secret/);
    expect(problems({ SLACK_MODE: 'socket', SLACK_BOT_TOKEN: BOT })).toMatch(/SLACK_APP_TOKEN is missing .*App-Level Tokens .*connections:write/);
  });

  it('recognises tokens put in the wrong place and malformed values, all at once', () => {
    const msg = problems({ SLACK_MODE: 'sockets', SLACK_BOT_TOKEN: APP, SLACK_SIGNING_SECRET: 'verification-token-xyz', SLACK_PORT: 'eighty', SLACK_API_URL: 'https://slack.com/api', SGBOT_TZ: 'Mars/Olympus', SGBOT_DOC_URL: 'https://x.example/doc' });
    expect(msg).toContain('SLACK_MODE must be "http"');
    expect(msg).toContain('SLACK_BOT_TOKEN holds an app-level token (xapp-…); put that in SLACK_APP_TOKEN');
    expect(msg).toContain('SLACK_SIGNING_SECRET does not look like a signing secret');
    expect(msg).toContain('SLACK_PORT must be a whole number');
    expect(msg).toContain('SLACK_API_URL must be a URL ending in /');
    expect(msg).toContain('SGBOT_TZ must be an IANA time zone');
    expect(msg).toContain('SGBOT_DOC_URL must be an http(s) URL containing {id}');
    expect(msg).toMatch(/To resolve/);
    expect(problems({ SLACK_MODE: 'socket', SLACK_BOT_TOKEN: 'xoxp-user-token', SLACK_APP_TOKEN: BOT })).toMatch(/SLACK_BOT_TOKEN must start with xoxb-[\s\S]*SLACK_APP_TOKEN must start with xapp-/);
  });

  it('never repeats a secret in its messages', () => {
    const msg = problems({ SLACK_BOT_TOKEN: 'xoxp-secret-user-token', SLACK_SIGNING_SECRET: 'not-hex-but-secret' });
    expect(msg).not.toContain('xoxp-secret-user-token');
    expect(msg).not.toContain('not-hex-but-secret');
  });
});
