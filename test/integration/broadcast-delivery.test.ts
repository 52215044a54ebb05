/**
 * Broadcasts end to end on real Redis, a real SMTP server, the Slack Web API fake and a fake Teams sender, with the
 * delivery job on a real BullMQ worker: only the secretariat may broadcast (refusals audited), each target gets a
 * confirmed broadcast exactly once even through failures and double confirmations, permanent failures are recorded
 * and can be retried, and chat channels are spaced and honour Slack's Retry-After.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { deliveryJobId } from '../../src/broadcast/deliver.ts';
import { ChatDeliveryError } from '../../src/chat/sender.ts';
import type { Reply } from '../../src/core/command.ts';
import { messageIdFor } from '../../src/mail/message-id.ts';
import { MAIL_DOMAIN, startBroadcastHarness, WHO, type BroadcastHarness } from '../support/broadcast-harness.ts';

const redisUrl = inject('redisUrl');

const LISTS = ['t25sg20@lists.example.org', 't25sg20q4@lists.example.org', 't25sg20wp1@lists.example.org'];
const SLACK_SET = ['C0SG20A01', 'C0SG20A02', 'C0SG20A03'];
const SLACK_SUB = ['C0SG20B01', 'C0SG20B02'];
const TEAMS_SET = '19:sg20-main@thread.tacv2';
const TEAMS_SUB = '19:sg20-sub@thread.tacv2';

let h: BroadcastHarness;

beforeAll(async () => {
  h = await startBroadcastHarness({
    redisUrl,
    name: 'delivery',
    targets: {
      SG20: { lists: LISTS, slack: SLACK_SET, teams: [TEAMS_SET] },
      SG13: { lists: ['t25sg13@lists.example.org', 'gone-sg13@lists.example.org'], slack: ['C0SG13A01'], teams: [] },
      SG12: { lists: [], slack: ['C0SAME001'], teams: [] },
      SG11: { lists: [], slack: ['C0LIMIT01'], teams: [] },
      SG5: { lists: ['t25sg5@lists.example.org'], slack: [], teams: [] },
    },
  });
  const subs = h.services.subscriptions;
  for (const key of [...SLACK_SUB.map((c) => `slack:${c}`), `teams:${TEAMS_SUB}`, 'slack:C0SG20A01', 'person:dan@member.example.org']) await subs.add(key, { kind: 'group', group: 'SG20' });
});
afterAll(async () => {
  await h?.close();
});

const idOf = (r: Reply) => (r.data as { broadcast: { id: string } }).broadcast.id;
const slackOk = (channel: string) => h.slack.api('chat.postMessage', true).filter((c) => c.body['channel'] === channel);
const textOf = (r: Reply) => [r.title, ...r.sections.flatMap((s) => [s.heading ?? '', ...s.items.flatMap((i) => [i.text, i.detail ?? ''])]), ...r.notes].join('\n');

async function deliveredAudit(id: string): Promise<string[]> {
  return (await h.services.audit.latest(500, 'broadcast.delivered')).filter((e) => e.details?.['broadcastId'] === id).map((e) => e.target);
}

describe('broadcast', () => {
  it('refuses a delegate, another group\'s secretariat and unverified or unknown senders, politely, and audits each attempt', async () => {
    const delegate = await h.ask(WHO.danSlack, 'broadcast SG20 The SG20 plenary moves to room K.');
    expect(delegate).toMatchObject({ ok: false, code: 'E_FORBIDDEN' });
    expect(delegate.title).toBe('Sorry, Dan Delegate: only the SG20 secretariat may send broadcasts, and the roster lists you as delegate, rapporteur of Q4/20.');
    expect(delegate.notes.join(' ')).toContain('please ask the SG20 secretariat');
    expect(delegate.notes.join(' ')).toContain('recorded in the audit log');

    const other = await h.ask(WHO.kimSlack, 'broadcast SG20 Hello');
    expect(other).toMatchObject({ ok: false, code: 'E_FORBIDDEN', data: { refused: 'not-secretariat' } });
    const unverified = await h.ask(WHO.saraUnverifiedMail, 'broadcast SG20 Hello');
    expect(unverified).toMatchObject({ ok: false, code: 'E_FORBIDDEN', data: { refused: 'unverified' } });
    const anonymous = await h.ask(undefined, 'broadcast SG20 Hello');
    expect(anonymous).toMatchObject({ ok: false, code: 'E_FORBIDDEN', data: { refused: 'no-identity' } });
    expect(anonymous.notes.join(' ')).toContain('--as');

    // A real draft: the delegate can neither confirm it nor read its status.
    const draft = await h.ask(WHO.saraSlack, 'broadcast SG20 Draft nobody else may send.');
    const id = idOf(draft);
    expect(await h.ask(WHO.danSlack, `broadcast confirm ${id}`)).toMatchObject({ ok: false, code: 'E_FORBIDDEN' });
    expect(await h.ask(WHO.kimSlack, `broadcast confirm ${id}`)).toMatchObject({ ok: false, code: 'E_FORBIDDEN' });
    expect(await h.broadcasts.store.state(id)).toMatchObject({ state: 'draft' });
    expect(await h.ask(WHO.saraSlack, `broadcast cancel ${id}`)).toMatchObject({ ok: true, data: { cancelled: true } });

    const audit = await h.services.audit.latest(20, 'broadcast.');
    expect(audit.filter((e) => e.action === 'broadcast.refused').map((e) => [e.who, e.target, e.details?.['reason'], e.details?.['command']])).toEqual([
      ['slack:U0KIM0001', id, 'not-secretariat', 'confirm'],
      ['slack:U0DAN0001', id, 'not-secretariat', 'confirm'],
      ['unknown', 'SG20', 'no-identity', 'draft'],
      ['mail:sara@tsb.example.org', 'SG20', 'unverified', 'draft'],
      ['slack:U0KIM0001', 'SG20', 'not-secretariat', 'draft'],
      ['slack:U0DAN0001', 'SG20', 'not-secretariat', 'draft'],
    ]);
    expect(audit.filter((e) => e.action === 'broadcast.drafted').map((e) => e.who)).toEqual(['slack:U0SARA001']);
    expect(h.smtp.messages).toHaveLength(0);
    expect(h.slack.api('chat.postMessage')).toHaveLength(0);
    expect(h.teams.posts).toHaveLength(0);
  });

  it('reaches 3 lists, 5 Slack and 2 Teams channels exactly once although one of each kind fails twice first and it is confirmed twice', async () => {
    h.smtp.refuse(LISTS[1] as string, 451, 2);
    h.slack.fail({ match: 'chat.postMessage', status: 500, times: 2 });
    h.teams.fail(TEAMS_SET, 2, () => new ChatDeliveryError('The Teams connector answered 503; it is retried.', false));

    const preview = await h.ask(WHO.saraCli, 'broadcast SG20 The SG20 plenary on 12 May starts at 09:30 <!channel> in room K.');
    expect(preview.ok).toBe(true);
    const id = idOf(preview);
    const keys = [...LISTS.map((l) => `mail:${l}`), ...[...SLACK_SET, ...SLACK_SUB].map((c) => `slack:${c}`), `teams:${TEAMS_SET}`, `teams:${TEAMS_SUB}`];
    expect((preview.data as { broadcast: { targets: string[] } }).broadcast.targets).toEqual(keys);
    const shown = textOf(preview);
    for (const t of [...LISTS, ...SLACK_SET, ...SLACK_SUB, TEAMS_SET, TEAMS_SUB]) expect(shown).toContain(t);
    expect(shown).toContain('Mailing lists (3)');
    expect(shown).toContain('Slack channels (5)');
    expect(shown).toContain('Teams channels (2)');
    expect(shown).toContain(`broadcast confirm ${id}`);
    expect(h.smtp.messages).toHaveLength(0);

    // Two secretariat members confirm at the same moment (from Teams and Slack).
    const confirms = await Promise.all([h.ask(WHO.tomTeams, `broadcast confirm ${id}`), h.ask(WHO.saraSlack, `broadcast confirm ${id}`)]);
    expect(confirms.map((c) => (c.data as { confirmed: boolean }).confirmed).sort()).toEqual([false, true]);
    await h.drained();

    for (const list of LISTS) expect(h.smtp.to(list)).toHaveLength(1);
    expect(h.smtp.refusals.filter((r) => r.address === LISTS[1]).map((r) => r.code)).toEqual([451, 451]);
    // The retried mail carries the Message-ID every try of that delivery has.
    expect(h.smtp.to(LISTS[1] as string)[0]?.messageId).toBe(messageIdFor(`broadcast:${id}:mail:${LISTS[1]}`, MAIL_DOMAIN));
    expect(h.smtp.to(LISTS[0] as string)[0]?.subject).toBe('SG20: The SG20 plenary on 12 May starts at 09:30 <!channel> in room K.');
    for (const c of [...SLACK_SET, ...SLACK_SUB]) expect(slackOk(c)).toHaveLength(1);
    expect(h.slack.api('chat.postMessage').filter((c) => c.status === 500)).toHaveLength(2);
    expect(JSON.stringify(slackOk('C0SG20B01')[0]?.body['blocks'])).toContain('&lt;!channel&gt;');
    expect(JSON.stringify(slackOk('C0SG20B01')[0]?.body['blocks'])).toContain(`broadcast ${id}`);
    expect(h.teams.delivered(TEAMS_SET)).toHaveLength(1);
    expect(h.teams.delivered(TEAMS_SUB)).toHaveLength(1);
    expect(h.teams.posts.filter((p) => p.conversation === TEAMS_SET && !p.ok)).toHaveLength(2);

    const status = await h.ask(WHO.tomTeams, `broadcast status ${id}`);
    expect(status.data).toMatchObject({ state: 'confirmed', counts: { delivered: 10, pending: 0, failed: 0 } });
    expect((await deliveredAudit(id)).sort()).toEqual([...keys].sort());
    const confirmed = (await h.services.audit.latest(50, 'broadcast.confirmed')).filter((e) => e.target === id);
    expect(confirmed.map((e) => e.result).sort()).toEqual(['ok', 'unchanged']);
    const queue = h.runtime.queue(h.spec);
    expect(await queue.getJobCounts('completed', 'failed')).toEqual({ completed: 10, failed: 0 });
    expect((await queue.getJob(deliveryJobId({ broadcastId: id, target: `mail:${LISTS[1]}`, attempt: 0 })))?.attemptsMade).toBe(3);

    // A third confirmation queues nothing; a stray job for a delivered target sends nothing (the delivered marker).
    const third = await h.ask(WHO.saraSlack, `broadcast confirm ${id}`);
    expect(third.data).toMatchObject({ alreadyConfirmed: true, jobs: [] });
    const stray = await h.runtime.enqueue(h.spec, { broadcastId: id, target: 'slack:C0SG20A01', attempt: 7 });
    await h.drained();
    expect((await queue.getJob(stray))?.returnvalue).toEqual({ status: 'already-delivered' });
    expect(h.smtp.messages).toHaveLength(3);
    expect(h.slack.api('chat.postMessage', true)).toHaveLength(5);
    expect(h.teams.posts.filter((p) => p.ok)).toHaveLength(2);
    expect(await deliveredAudit(id)).toHaveLength(10);
  });

  it('records a 550 list as failed without retrying it, shows it in status, and delivers it once on retry', async () => {
    const gone = 'gone-sg13@lists.example.org';
    h.smtp.refuse(gone, 550);
    const id = idOf(await h.ask(WHO.tomTeams, 'broadcast SG13 Contributions for the June meeting are due on 2 May.'));
    await h.ask(WHO.tomTeams, `broadcast confirm ${id}`);
    await h.drained();

    const status = await h.ask(WHO.tomTeams, `broadcast status ${id}`);
    expect(status.title).toBe(`Broadcast ${id} to SG13: 2 delivered, 0 pending, 1 failed`);
    const failed = status.sections.find((s) => s.heading === 'Failed (1)');
    expect(failed?.items[0]?.text).toBe(gone);
    expect(failed?.items[0]?.detail).toMatch(/550/);
    expect(status.notes.join(' ')).toContain(`broadcast retry ${id}`);
    expect(h.smtp.refusals.filter((r) => r.address === gone)).toHaveLength(1);
    const failures = (await h.services.audit.latest(20, 'broadcast.failed')).filter((e) => e.details?.['broadcastId'] === id);
    expect(failures.map((e) => [e.target, e.details?.['permanent']])).toEqual([[`mail:${gone}`, true]]);

    h.smtp.refuse(gone, null);
    const retried = await h.ask(WHO.tomTeams, `broadcast retry ${id}`);
    expect(retried.data).toMatchObject({ retried: [{ target: `mail:${gone}`, attempt: 1 }] });
    await h.drained();
    expect(h.smtp.to(gone)).toHaveLength(1);
    expect(h.smtp.to(gone)[0]?.messageId).toBe(messageIdFor(`broadcast:${id}:mail:${gone}`, MAIL_DOMAIN));
    expect(h.smtp.to('t25sg13@lists.example.org')).toHaveLength(1);
    expect(slackOk('C0SG13A01')).toHaveLength(1);
    expect((await h.ask(WHO.tomTeams, `broadcast status ${id}`)).data).toMatchObject({ counts: { delivered: 3, pending: 0, failed: 0 } });
    expect(await h.ask(WHO.tomTeams, `broadcast retry ${id}`)).toMatchObject({ ok: false, title: `Nothing to retry: no target of broadcast ${id} has failed.` });
  });

  it('spaces two broadcasts to one Slack channel by at least a second, without counting the wait as a failed try', async () => {
    const a = idOf(await h.ask(WHO.tomTeams, 'broadcast SG12 First announcement.'));
    const b = idOf(await h.ask(WHO.tomTeams, 'broadcast SG12 Second announcement.'));
    await Promise.all([h.ask(WHO.tomTeams, `broadcast confirm ${a}`), h.ask(WHO.tomTeams, `broadcast confirm ${b}`)]);
    await h.drained();
    const posts = slackOk('C0SAME001');
    expect(posts).toHaveLength(2);
    expect(Math.abs((posts[1]?.at ?? 0) - (posts[0]?.at ?? 0))).toBeGreaterThanOrEqual(1000);
    const queue = h.runtime.queue(h.spec);
    for (const id of [a, b]) expect((await queue.getJob(deliveryJobId({ broadcastId: id, target: 'slack:C0SAME001', attempt: 0 })))?.attemptsMade).toBe(1);
  });

  it('waits out a 429 Retry-After from Slack and then delivers once, without counting it as a failed try', async () => {
    h.slack.fail({ match: 'chat.postMessage', status: 429, times: 1, retryAfterS: 1 });
    const id = idOf(await h.ask(WHO.tomTeams, 'broadcast SG11 Rate limited announcement.'));
    await h.ask(WHO.tomTeams, `broadcast confirm ${id}`);
    await h.drained();
    const calls = h.slack.api('chat.postMessage').filter((c) => c.body['channel'] === 'C0LIMIT01');
    expect(calls.map((c) => c.status)).toEqual([429, 200]);
    expect((calls[1]?.at ?? 0) - (calls[0]?.at ?? 0)).toBeGreaterThanOrEqual(1000);
    const job = await h.runtime.queue(h.spec).getJob(deliveryJobId({ broadcastId: id, target: 'slack:C0LIMIT01', attempt: 0 }));
    expect(job?.attemptsMade).toBe(1);
    expect(job?.returnvalue).toMatchObject({ status: 'delivered' });
    expect(await deliveredAudit(id)).toEqual(['slack:C0LIMIT01']);
  });

  it('sends one mail when two jobs for the same list run at once (a stalled job taken again by another worker)', async () => {
    const list = 't25sg5@lists.example.org';
    h.smtp.slow(300);
    try {
      const id = idOf(await h.ask(WHO.tomTeams, 'broadcast SG5 One copy only.'));
      await h.ask(WHO.tomTeams, `broadcast confirm ${id}`);
      await h.runtime.enqueue(h.spec, { broadcastId: id, target: `mail:${list}`, attempt: 9 });
      await h.drained();
      expect(h.smtp.to(list)).toHaveLength(1);
      expect(await deliveredAudit(id)).toEqual([`mail:${list}`]);
    } finally {
      h.smtp.slow(0);
    }
  });
});
