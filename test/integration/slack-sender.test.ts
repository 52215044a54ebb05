/**
 * Posting outside a conversation (reminders, broadcasts) through Slack's real Web API client against the local fake:
 * a DM reaches the user with the buttons, a 429 comes back as a retryable error with Slack's Retry-After, and a
 * wrong token is permanent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatDeliveryError } from '../../src/chat/sender.ts';
import { slackSender } from '../../src/chat/slack/sender.ts';
import type { Reply } from '../../src/core/command.ts';
import { blockTexts, BOT_TOKEN, startSlackFake, type SlackFake } from '../support/slack-fake.ts';

const reply: Reply = {
  ok: true,
  title: 'Reminder: contributions to SG20 are due in 7 days',
  sections: [{ items: [{ text: 'Wed 29 Apr 2026 (end of day, Geneva): Contributions <!channel>', source: { docId: 'abc', reference: 'TSB Collective letter 3/20', title: null, kind: 'collective-letter' } }] }],
  notes: [],
  sources: [],
  data: null,
};

describe('slack sender', () => {
  let fake: SlackFake;
  beforeAll(async () => {
    fake = await startSlackFake({ botToken: BOT_TOKEN });
  });
  afterAll(async () => {
    await fake.close();
  });

  it('posts a reminder to a user with its buttons, escaped', async () => {
    const sender = slackSender({ botToken: BOT_TOKEN, slackApiUrl: fake.apiUrl });
    const res = await sender.post({ channel: 'slack', id: 'U0ANA0001' }, reply, { actions: [{ id: 'reminder_ack', label: 'Done', value: 'tok123' }] });
    expect(res.messageId).toBeTruthy();
    const call = fake.api('chat.postMessage').at(-1);
    expect(call?.body.channel).toBe('U0ANA0001');
    const text = blockTexts(call?.body.blocks);
    expect(text).toContain('Contributions &lt;!channel&gt;');
    expect(JSON.stringify(call?.body.blocks)).toContain('"action_id":"reminder_ack"');
  });

  it('turns a 429 into a retryable error with the wait Slack asked for, and a bad token into a permanent one', async () => {
    const sender = slackSender({ botToken: BOT_TOKEN, slackApiUrl: fake.apiUrl });
    fake.fail({ match: 'chat.postMessage', status: 429, times: 1, retryAfterS: 2 });
    const limited = await sender.post({ channel: 'slack', id: 'C0CHAN' }, reply).catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(ChatDeliveryError);
    expect(limited).toMatchObject({ permanent: false, retryAfterMs: 2000 });
    const wrong = slackSender({ botToken: 'xoxb-wrong', slackApiUrl: fake.apiUrl });
    await expect(wrong.post({ channel: 'slack', id: 'C0CHAN' }, reply)).rejects.toMatchObject({ permanent: true, message: expect.stringContaining('invalid_auth') as string });
  });
});
