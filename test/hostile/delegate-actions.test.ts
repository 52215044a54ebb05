/**
 * A delegate attempting the secretariat's broadcast actions through every channel that carries commands — the
 * terminal (`--as`), Slack, Teams, and mail (unverified) — with each subcommand: draft, confirm, cancel, status.
 * Every attempt is refused politely (E_FORBIDDEN, a title that says who may do it), audited with the channel's
 * identity and the subcommand, and changes nothing: the secretariat's draft stays a draft and nothing is sent.
 * (The Slack and Teams buttons and the web console, corrections included, are covered where the README says.)
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Reply } from '../../src/core/command.ts';
import type { Identity } from '../../src/core/identity.ts';
import { makePerson } from '../../src/people/roster.ts';
import { startBroadcastHarness, WHO, type BroadcastHarness } from '../support/broadcast-harness.ts';

const redisUrl = inject('redisUrl');
const DEE = { name: 'Dee Delegate', email: 'dee@member.example.org', slackId: 'U0DEE0001', teamsId: 'aad-dee', roles: [{ kind: 'delegate' as const }] };
const CHANNELS: Array<[string, Identity]> = [
  ['the terminal (--as)', { channel: 'cli', id: DEE.email, verified: true }],
  ['Slack', { channel: 'slack', id: DEE.slackId, verified: true, conversation: 'slack:C0GENERAL', shared: true }],
  ['Teams', { channel: 'teams', id: DEE.teamsId, verified: true }],
  ['mail (unverified)', { channel: 'mail', id: DEE.email, verified: false }],
];

let h: BroadcastHarness;
let draftId = '';

beforeAll(async () => {
  h = await startBroadcastHarness({ redisUrl, name: 'hostile-delegate', targets: { SG20: { lists: ['t25sg20@lists.example.org'], slack: ['C0SG20ANN'], teams: ['19:sg20@thread.tacv2'] } } });
  await h.services.roster.put(makePerson(DEE));
  const draft = await h.ask(WHO.saraSlack, 'broadcast SG20 The secretariat’s own draft.');
  draftId = (draft.data as { broadcast: { id: string } }).broadcast.id;
}, 60_000);
afterAll(async () => {
  if (!h) return;
  const keys = await h.services.redis.keys(`${h.prefix}*`);
  for (let i = 0; i < keys.length; i += 500) await h.services.redis.del(...keys.slice(i, i + 500));
  await h.close();
});

describe('a delegate attempting secretariat actions', () => {
  it.each(CHANNELS)('through %s: each subcommand refused politely, audited, nothing changed', async (_channel, who) => {
    const attempts: Array<[string, string]> = [
      ['draft', 'broadcast SG20 Room K is closed <!channel>.'],
      ['confirm', `broadcast confirm ${draftId}`],
      ['cancel', `broadcast cancel ${draftId}`],
      ['status', `broadcast status ${draftId}`],
    ];
    const replies: Reply[] = [];
    for (const [, text] of attempts) replies.push(await h.ask(who, text));
    for (const reply of replies) {
      expect(reply).toMatchObject({ ok: false, code: 'E_FORBIDDEN' });
      expect(reply.title).toMatch(/^Sorry\b/);
      expect(reply.notes.join(' ')).toContain('recorded in the audit log');
    }
    const key = `${who.channel}:${who.id}`;
    const refused = (await h.services.audit.latest(50, 'broadcast.refused')).filter((e) => e.who === key);
    expect(refused.map((e) => e.details?.['command']).sort()).toEqual(attempts.map(([c]) => c).sort());
    expect(refused.every((e) => e.result === 'refused')).toBe(true);
    expect(await h.broadcasts.store.state(draftId)).toMatchObject({ state: 'draft' });
  });

  it('leaves no trace but refusals: no draft by the delegate, nothing delivered anywhere', async () => {
    const drafted = await h.services.audit.latest(50, 'broadcast.drafted');
    expect(drafted.map((e) => e.who)).toEqual([`slack:${WHO.saraSlack.id}`]);
    await h.drained();
    expect(h.smtp.messages).toHaveLength(0);
    expect(h.slack.api('chat.postMessage')).toHaveLength(0);
    expect(h.teams.posts).toHaveLength(0);
  });
});
