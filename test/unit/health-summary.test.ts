/**
 * summarizeHealth: what /healthz and /metrics make of the heartbeats — fresh or stale, reading or failing, grace
 * periods for reconnecting mailboxes, several workers reporting one mailbox.
 */
import { describe, expect, it } from 'vitest';
import type { Heartbeat } from '../../src/health.ts';
import { summarizeHealth } from '../../src/health-report.ts';

const NOW = Date.parse('2026-03-02T10:00:00Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();

function imapBeat(worker: string, at: number, status: string, extra: { failingSince?: number; lastError?: string } = {}): Heartbeat {
  const mailbox = { name: 'INBOX', status, lastUid: 3, uidValidity: '1', lastError: extra.lastError ?? null, lastSyncAt: null, nextRetryAt: null, failingSince: extra.failingSince === undefined ? null : ago(extra.failingSince) };
  return { component: 'imap', id: `bot@mail.example.org@${worker}`, at: ago(at), state: { account: 'bot@mail.example.org', status, mailboxes: [mailbox] } };
}

const inbox = (beats: Heartbeat[], imapGraceMs?: number) => summarizeHealth(beats, { now: NOW, ...(imapGraceMs === undefined ? {} : { imapGraceMs }) }).imap;

describe('summarizeHealth', () => {
  it('has a reading mailbox up and a refused login down at once', () => {
    expect(inbox([imapBeat('w1', 1000, 'idle')])).toEqual([expect.objectContaining({ account: 'bot@mail.example.org', mailbox: 'INBOX', up: true, status: 'idle' })]);
    expect(inbox([imapBeat('w1', 1000, 'auth-failed', { failingSince: 100, lastError: 'login refused' })])).toEqual([
      expect.objectContaining({ up: false, status: 'auth-failed', lastError: 'login refused' }),
    ]);
  });

  it('gives a reconnecting mailbox a grace period, then reports it down', () => {
    expect(inbox([imapBeat('w1', 500, 'backoff', { failingSince: 2_000 })])[0]?.up).toBe(true);
    expect(inbox([imapBeat('w1', 500, 'connecting', { failingSince: 6_000 })])[0]).toMatchObject({ up: false, status: 'connecting' });
    expect(inbox([imapBeat('w1', 500, 'backoff', { failingSince: 2_000 })], 1_000)[0]?.up).toBe(false);
    // Connecting for the first time is not a failure.
    expect(inbox([imapBeat('w1', 500, 'connecting')])[0]?.up).toBe(true);
  });

  it('counts a stale report as down, unless another worker reads the mailbox', () => {
    const stale = inbox([imapBeat('w1', 20_000, 'idle')])[0];
    expect(stale).toMatchObject({ up: false, status: 'stale' });
    expect(stale?.lastError).toMatch(/No report for 20 s/);
    expect(inbox([imapBeat('w1', 20_000, 'idle'), imapBeat('w2', 1_000, 'idle')])[0]).toMatchObject({ up: true, status: 'idle' });
    // One worker reads, the other waits in standby or has just failed: the mailbox is read.
    expect(inbox([imapBeat('w1', 1_000, 'standby'), imapBeat('w2', 1_000, 'idle')])[0]?.up).toBe(true);
    expect(inbox([imapBeat('w1', 1_000, 'backoff', { failingSince: 60_000 }), imapBeat('w2', 1_000, 'syncing')])[0]?.up).toBe(true);
    expect(inbox([imapBeat('w1', 1_000, 'standby')])[0]?.up).toBe(true);
  });

  it('reports processes as up, down (stale) or absent', () => {
    const beats: Heartbeat[] = [
      { component: 'worker', id: 'h-1', at: ago(1_000), state: {} },
      { component: 'worker', id: 'h-2', at: ago(30_000), state: {} },
      { component: 'slack', id: 'h-3', at: ago(16_000), state: {} },
    ];
    const s = summarizeHealth(beats, { now: NOW });
    expect(s.worker).toEqual({ state: 'up', instances: 1, lastSeen: ago(1_000) });
    expect(s.slack).toEqual({ state: 'down', instances: 0, lastSeen: ago(16_000) });
    expect(s.teams).toEqual({ state: 'absent', instances: 0, lastSeen: null });
  });
});

describe('summarizeHealth with the configured mailboxes', () => {
  it('reports a configured mailbox that no worker reports as down', () => {
    const expectImap = [{ account: 'bot@mail.example.org', mailboxes: ['INBOX', 'Lists/SG20'] }];
    const imap = summarizeHealth([imapBeat('w1', 1_000, 'idle')], { now: NOW, expectImap }).imap;
    expect(imap.map((m) => [m.mailbox, m.up, m.status])).toEqual([
      ['INBOX', true, 'idle'],
      ['Lists/SG20', false, 'absent'],
    ]);
    expect(imap[1]?.lastError).toMatch(/sgbot worker/);
  });
});
