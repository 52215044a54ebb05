/**
 * A broadcast post whose outcome the worker never learned (the fault suite's "kill -9 during a broadcast", made
 * deterministic): the Slack fake carries out chat.postMessage and then drops the connection, so the sender sees a
 * failure although the channel has the message. The next try must find that message by its delivery key in the
 * channel's history and record it, not post again; when the history has no such message it must post (nothing lost);
 * when it cannot read the history it posts too.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Reply } from '../../src/core/command.ts';
import { DELIVERY_EVENT } from '../../src/chat/slack/sender.ts';
import { startBroadcastHarness, WHO, type BroadcastHarness } from '../support/broadcast-harness.ts';

const redisUrl = inject('redisUrl');
let h: BroadcastHarness;

beforeAll(async () => {
  h = await startBroadcastHarness({
    redisUrl,
    name: 'inflight',
    spacingMs: 50,
    targets: {
      SG20: { lists: [], slack: ['C0DROP001'], teams: [] },
      SG13: { lists: [], slack: ['C0FAIL001'], teams: [] },
      SG12: { lists: [], slack: ['C0NOSCOPE'], teams: [] },
    },
  });
});
afterAll(async () => {
  await h?.close();
});

const idOf = (r: Reply) => (r.data as { broadcast: { id: string } }).broadcast.id;

/** Draft and confirm a broadcast to `group`, wait until every delivery is done; its id. */
async function broadcast(group: string, text: string): Promise<string> {
  const id = idOf(await h.ask(WHO.tomTeams, `broadcast ${group} ${text}`));
  expect(await h.ask(WHO.tomTeams, `broadcast confirm ${id}`)).toMatchObject({ ok: true });
  await h.drained();
  return id;
}

async function deliveredAudit(id: string) {
  return (await h.services.audit.latest(100, 'broadcast.delivered')).filter((e) => e.details?.['broadcastId'] === id);
}

describe('a broadcast post interrupted in flight', () => {
  it('is found in the channel history by its key and recorded, not posted again, even behind a page of other traffic', async () => {
    const channel = 'C0DROP001';
    // An older post of another broadcast, with another key: must not be taken for this one.
    h.slack.addMessage(channel, 'an older broadcast', { event_type: DELIVERY_EVENT, event_payload: { key: 'zzzzzzzz/slack:C0DROP001' } });
    h.slack.drop('chat.postMessage', 1);
    const posted = h.slack.waitFor(() => h.slack.api('chat.postMessage').find((c) => c.body['channel'] === channel && c.dropped), 10_000, 'the dropped post');
    // 150 messages after the dropped post put it on the second page of history (100 a page).
    void posted.then(() => {
      for (let i = 0; i < 150; i++) h.slack.addMessage(channel, `chatter ${i}`);
    });
    const id = await broadcast('SG20', 'The SG20 plenary moves to room K at 14:30.');
    await posted;

    const ours = h.slack.messages(channel).filter((m) => m.metadata?.event_payload['key'] === `${id}/slack:${channel}`);
    expect(ours).toHaveLength(1);
    expect(h.slack.api('chat.postMessage').filter((c) => c.body['channel'] === channel)).toHaveLength(1);
    const lookups = h.slack.api('conversations.history', true).filter((c) => c.body['channel'] === channel);
    expect(lookups.length).toBe(2);
    expect(lookups[0]?.body).toMatchObject({ include_all_metadata: 'true', limit: '100' });
    expect(lookups[1]?.body['cursor']).toBeTruthy();
    expect(Number(lookups[0]?.body['oldest'])).toBeLessThan(Number(ours[0]?.ts));

    const status = (await h.broadcasts.store.statuses(id)).get(`slack:${channel}`);
    expect(status).toMatchObject({ state: 'delivered', messageId: ours[0]?.ts });
    const audit = await deliveredAudit(id);
    expect(audit.map((e) => [e.target, e.details?.['earlier'], e.details?.['messageId']])).toEqual([[`slack:${channel}`, 'found', ours[0]?.ts]]);
  });

  it('is posted by the next try when the history has no message with its key: nothing is lost', async () => {
    const channel = 'C0FAIL001';
    // Slack answers 500 without posting; the worker cannot tell that from a post it did not hear back from.
    h.slack.fail({ match: 'chat.postMessage', status: 500, times: 1 });
    const id = await broadcast('SG13', 'The SG13 meeting starts at 9:30.');
    expect(h.slack.messages(channel).map((m) => m.metadata?.event_payload['key'])).toEqual([`${id}/slack:${channel}`]);
    expect(h.slack.api('chat.postMessage').filter((c) => c.body['channel'] === channel).map((c) => c.status)).toEqual([500, 200]);
    expect(h.slack.api('conversations.history', true).filter((c) => c.body['channel'] === channel)).toHaveLength(1);
    expect((await deliveredAudit(id)).map((e) => e.details?.['earlier'])).toEqual(['absent']);
  });

  it('is posted again when the history cannot be read (missing_scope), rather than lost', async () => {
    const channel = 'C0NOSCOPE';
    h.slack.drop('chat.postMessage', 1);
    h.slack.fail({ match: 'conversations.history', status: 200, times: 1, error: 'missing_scope' });
    const id = await broadcast('SG12', 'The SG12 dinner is at 19:00.');
    // The repeat is the known cost of an app without the history scopes; the manifest asks for them.
    expect(h.slack.messages(channel)).toHaveLength(2);
    expect(h.slack.api('conversations.history').filter((c) => c.body['channel'] === channel).map((c) => c.status)).toEqual([200]);
    expect((await h.broadcasts.store.statuses(id)).get(`slack:${channel}`)).toMatchObject({ state: 'delivered' });
    expect((await deliveredAudit(id)).map((e) => e.details?.['earlier'])).toEqual(['unchecked']);
  });
});
