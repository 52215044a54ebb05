/**
 * The Slack sender's look-up of an earlier try (`post` with `delivery.earlierTryAt`) against the fake, where the
 * broadcast and reminder tests do not reach: the key rides as message metadata; a rate-limited history read waits
 * (nothing posted); a history it may not read (no scope, not in the channel) is posted to anyway, with one warning
 * per reason; messages from before the earlier try are not looked at.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatDeliveryError } from '../../src/chat/sender.ts';
import { DELIVERY_EVENT, slackSender } from '../../src/chat/slack/sender.ts';
import type { Reply } from '../../src/core/command.ts';
import { BOT_TOKEN, startSlackFake, type SlackFake } from '../support/slack-fake.ts';

const reply: Reply = { ok: true, title: 'The SG20 plenary moves to room K', sections: [], notes: [], sources: [], data: null };

describe('slack sender: finding an interrupted post', () => {
  let fake: SlackFake;
  const warnings: Array<{ obj: object; msg: string | undefined }> = [];
  const log = { warn: (obj: object, msg?: string) => warnings.push({ obj, msg }) };
  beforeAll(async () => {
    fake = await startSlackFake({ botToken: BOT_TOKEN });
  });
  afterAll(async () => {
    await fake.close();
  });

  it('carries the key as message metadata, and a first try reads no history', async () => {
    const sender = slackSender({ botToken: BOT_TOKEN, slackApiUrl: fake.apiUrl });
    const res = await sender.post({ channel: 'slack', id: 'C0META001' }, reply, { delivery: { key: 'abcdefgh/slack:C0META001', earlierTryAt: null } });
    expect(res).toEqual({ messageId: fake.messages('C0META001')[0]?.ts });
    expect(fake.messages('C0META001')[0]?.metadata).toEqual({ event_type: DELIVERY_EVENT, event_payload: { key: 'abcdefgh/slack:C0META001' } });
    expect(fake.api('conversations.history')).toHaveLength(0);
  });

  it('does not take a message from long before the earlier try for it', async () => {
    const sender = slackSender({ botToken: BOT_TOKEN, slackApiUrl: fake.apiUrl });
    const old = fake.addMessage('C0OLD0001', 'same key, long ago', { event_type: DELIVERY_EVENT, event_payload: { key: 'k/slack:C0OLD0001' } });
    const res = await sender.post({ channel: 'slack', id: 'C0OLD0001' }, reply, { delivery: { key: 'k/slack:C0OLD0001', earlierTryAt: Number(old.ts) * 1000 + 120_000 } });
    expect(res.earlier).toBe('absent');
    expect(fake.messages('C0OLD0001')).toHaveLength(2);
  });

  it('waits when the history read is rate limited, posting nothing', async () => {
    const sender = slackSender({ botToken: BOT_TOKEN, slackApiUrl: fake.apiUrl });
    fake.fail({ match: 'conversations.history', status: 429, times: 1, retryAfterS: 30 });
    const err = await sender.post({ channel: 'slack', id: 'C0LIMIT01' }, reply, { delivery: { key: 'k/slack:C0LIMIT01', earlierTryAt: Date.now() } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChatDeliveryError);
    expect(err).toMatchObject({ permanent: false, retryAfterMs: 30_000 });
    expect(fake.messages('C0LIMIT01')).toHaveLength(0);
  });

  it('posts when it may not read the history, warning once per reason', async () => {
    const sender = slackSender({ botToken: BOT_TOKEN, slackApiUrl: fake.apiUrl, log });
    fake.fail({ match: 'conversations.history', status: 200, times: 3, error: 'missing_scope' });
    fake.fail({ match: 'conversations.history', status: 200, times: 1, error: 'not_in_channel' });
    const ids = ['C0SCOPE01', 'C0SCOPE02', 'C0SCOPE03'];
    for (const id of ids) expect(await sender.post({ channel: 'slack', id }, reply, { delivery: { key: `k/slack:${id}`, earlierTryAt: Date.now() } })).toMatchObject({ earlier: 'unchecked' });
    expect(await sender.post({ channel: 'slack', id: 'C0PUBLIC1' }, reply, { delivery: { key: 'k/slack:C0PUBLIC1', earlierTryAt: Date.now() } })).toMatchObject({ earlier: 'unchecked' });
    for (const id of [...ids, 'C0PUBLIC1']) expect(fake.messages(id)).toHaveLength(1);
    expect(warnings.map((w) => (w.obj as { reason: string }).reason)).toEqual(['missing_scope', 'not_in_channel']);
    expect(warnings[0]?.msg).toContain('channels:history');
  });
});
