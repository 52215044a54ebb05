/** What a broadcast says on each target, the preview and the status the secretariat sees. Pure functions. */
import { describe, expect, it } from 'vitest';
import { announcementFromDocument, announcementFromText, broadcastChatReply, broadcastMail, type Broadcast } from '../../src/broadcast/compose.ts';
import { previewReply, statusReply } from '../../src/broadcast/replies.ts';
import { actionBlocks } from '../../src/chat/slack/actions.ts';
import type { TargetStatus } from '../../src/broadcast/store.ts';
import { resolveTargets } from '../../src/broadcast/targets.ts';
import { CHANNEL_RULES } from '../../src/chat/platforms.ts';
import type { Deadline, ParsedDocument } from '../../src/core/types.ts';
import type { StoredDocument } from '../../src/store/facts.ts';

function deadline(o: Partial<Deadline>): Deadline {
  return { date: '2027-04-16', time: null, timezone: 'Europe/Zurich', action: 'Pre-registration', category: 'registration', derived: false, ...o };
}

function makeDocument(parsed: Partial<ParsedDocument> = {}, messageId: string | null = '<cl-5-20@tsb.example.org>'): StoredDocument {
  return {
    id: '0123456789abcdef01234567',
    hash: 'h',
    seq: 1,
    ingestedAt: '2027-01-16T08:00:00.000Z',
    source: { name: 'cl.eml', path: null, messageId, format: 'eml', subject: null, from: null, sentAt: null },
    parsed: {
      kind: 'collective-letter',
      group: 'SG20',
      reference: 'TSB Collective letter 5/20',
      date: '2027-01-15',
      title: 'Meeting of Study Group 20; Geneva, 10-19 May 2027',
      meeting: { group: 'SG20', title: 'SG20', start: '2027-05-10', end: '2027-05-19', place: 'Geneva' },
      events: [],
      deadlines: [],
      liaison: null,
      roles: [],
      recommendations: [],
      questions: [],
      addresses: [],
      revision: null,
      ...parsed,
    },
    baseKey: null,
    supersededBy: null,
  };
}

const NOW = Date.parse('2027-03-20T00:00:00Z');
const targets = resolveTargets('SG20', { SG20: { lists: ['t25sg20@lists.itu.int'], slack: ['C0AAA'], teams: ['19:t1@thread.tacv2'] } }, ['slack:C0SUB'], CHANNEL_RULES);

function broadcast(over: Partial<Broadcast> = {}): Broadcast {
  return { id: 'k3x9m2pq', group: 'SG20', announcement: announcementFromText('SG20', 'Room K is closed on Tuesday. The Q4/20 session moves to room L.'), targets, createdBy: { who: 'cli:sara@tsb.example.org', person: 'sara@tsb.example.org', name: 'Sara' }, createdAt: '2027-03-20T08:00:00.000Z', ...over };
}

describe('announcements', () => {
  it('takes the subject from the first sentence of the text', () => {
    const a = announcementFromText('SG20', 'Room K is closed on Tuesday. The Q4/20 session moves to room L.');
    expect(a.subject).toBe('SG20: Room K is closed on Tuesday.');
    expect(a.text).toBe('Room K is closed on Tuesday. The Q4/20 session moves to room L.');
    expect(announcementFromText('SG20', 'x'.repeat(300)).subject).toHaveLength('SG20: '.length + 100);
  });

  it('announces a document with its reference, the deadlines still ahead in date order and their own zone, a link, threaded under it', () => {
    const doc = makeDocument({
      deadlines: [
        deadline({ date: '2027-04-28', category: 'contributions', action: 'Submit contributions' }),
        deadline({ date: '2027-03-12', category: 'captioning', action: 'Request captioning' }),
        deadline({ date: '2027-04-16', time: '12:00', timezone: 'UTC', category: 'registration', action: 'Register' }),
      ],
    });
    const a = announcementFromDocument('SG20', doc, { now: NOW, docUrl: 'https://sgbot.example.org/docs/{id}' });
    expect(a.subject).toBe('SG20: TSB Collective letter 5/20 — Meeting of Study Group 20; Geneva, 10-19 May 2027');
    expect(a.inReplyTo).toBe('<cl-5-20@tsb.example.org>');
    expect(a.text).toBe(
      [
        'Meeting of Study Group 20; Geneva, 10-19 May 2027',
        'TSB Collective letter 5/20, dated 2027-01-15',
        'Meeting: 10–19 May 2027, Geneva',
        '',
        'Key deadlines:',
        'Registration: Fri 16 Apr 2027, 12:00 UTC',
        '  Register',
        'Contributions: Wed 28 Apr 2027 (end of day, Geneva)',
        '  Submit contributions',
        '',
        'Read it: https://sgbot.example.org/docs/0123456789abcdef01234567',
      ].join('\n'),
    );
    expect(a.items.find((i) => i.source)?.source).toMatchObject({ docId: doc.id, reference: 'TSB Collective letter 5/20' });
  });

  it('says so when every deadline has passed, and points to the doc command without a link template', () => {
    const a = announcementFromDocument('SG20', makeDocument({ deadlines: [deadline({ date: '2027-01-01' })] }, null), { now: NOW });
    expect(a.text).toContain('All deadlines of this document have passed.');
    expect(a.text).toContain('Ask sgbot for it: doc TSB Collective letter 5/20');
    expect(a.text).not.toContain('Key deadlines');
    expect(a.inReplyTo).toBeNull();
  });

  it('makes the same mail for a list every time (same Message-ID key), signed with the broadcast id', () => {
    const b = broadcast();
    const list = targets[0];
    if (!list) throw new Error('no list target');
    const mail = broadcastMail(b, list);
    expect(mail).toMatchObject({ kind: 'broadcast', to: 't25sg20@lists.itu.int', subject: 'SG20: Room K is closed on Tuesday.', idKey: 'broadcast:k3x9m2pq:mail:t25sg20@lists.itu.int' });
    expect(mail.text.endsWith('Sent by sgbot for the SG20 secretariat (broadcast k3x9m2pq).')).toBe(true);
    expect(broadcastMail(b, list)).toEqual(mail);
    expect(broadcastChatReply(b)).toMatchObject({ ok: true, title: 'SG20: Room K is closed on Tuesday.', notes: ['Sent by sgbot for the SG20 secretariat (broadcast k3x9m2pq).'] });
  });
});

describe('preview and status', () => {
  it('previews every target by kind, the text, and how to confirm or cancel, with Slack buttons', () => {
    const r = previewReply(broadcast());
    expect(r.title).toBe('Broadcast k3x9m2pq for SG20 — preview, not sent yet');
    expect(r.sections.map((s) => [s.heading, s.items.map((i) => i.text)])).toEqual([
      ['Message: SG20: Room K is closed on Tuesday.', ['Room K is closed on Tuesday. The Q4/20 session moves to room L.', 'Sent by sgbot for the SG20 secretariat (broadcast k3x9m2pq).']],
      ['Mailing lists (1)', ['t25sg20@lists.itu.int']],
      ['Slack channels (2)', ['Slack channel C0AAA', 'Slack channel C0SUB']],
      ['Teams channels (1)', ['Teams conversation 19:t1@thread.tacv2']],
    ]);
    expect(r.notes.join('\n')).toContain('broadcast confirm k3x9m2pq');
    expect(r.notes.join('\n')).toContain('broadcast cancel k3x9m2pq');
    const [block] = actionBlocks(r.actions);
    expect(JSON.stringify(block)).toContain('"value":"k3x9m2pq"');
    expect(r.actions?.map((a) => a.id)).toEqual(['sgbot_broadcast_confirm', 'sgbot_broadcast_cancel']);
  });

  it('counts delivered, pending and failed targets and offers a retry only when something failed', () => {
    const b = broadcast();
    const confirmed = { state: 'confirmed' as const, by: 'slack:U0SARA001', at: '2027-03-20T08:01:00.000Z' };
    const statuses = new Map<string, TargetStatus>([
      ['mail:t25sg20@lists.itu.int', { state: 'failed', attempt: 1, at: 'x', tries: 8, error: '451 busy' }],
      ['slack:C0AAA', { state: 'delivered', attempt: 0, at: '2027-03-20T08:01:02.000Z', messageId: '1.2' }],
      ['slack:C0SUB', { state: 'pending', attempt: 0, at: 'x', tries: 2, error: 'Slack 500' }],
    ]);
    const r = statusReply(b, confirmed, statuses, { tz: 'Asia/Tokyo', by: 'Sara Secretariat' });
    expect(r.title).toBe('Broadcast k3x9m2pq to SG20: 1 delivered, 2 pending, 1 failed');
    expect(r.sections.map((s) => [s.heading, s.items.map((i) => `${i.text} | ${i.detail ?? ''}`)])).toEqual([
      ['Failed (1)', ['t25sg20@lists.itu.int | retry 1, after 8 tries: 451 busy']],
      ['Pending (2)', ['Slack channel C0SUB | last try: Slack 500', 'Teams conversation 19:t1@thread.tacv2 | ']],
      ['Delivered (1)', ['Slack channel C0AAA | at Sat 20 Mar 2027, 17:01 (Asia/Tokyo)']],
    ]);
    expect(r.notes[0]).toContain('confirmed by Sara Secretariat on Sat 20 Mar 2027, 17:01 (Asia/Tokyo)');
    expect(r.notes.join('\n')).toContain('broadcast retry k3x9m2pq');
    const done = statusReply(b, confirmed, new Map(targets.map((t) => [t.key, { state: 'delivered', attempt: 0, at: 'x' }])));
    expect(done.data).toMatchObject({ counts: { delivered: 4, pending: 0, failed: 0 } });
    expect(done.notes.join('\n')).not.toContain('retry');
    const draft = statusReply(b, { state: 'draft', by: null, at: null }, new Map());
    expect(draft.title).toBe('Broadcast k3x9m2pq to SG20 is a draft, not confirmed yet');
    expect(draft.data).toMatchObject({ counts: { delivered: 0, pending: 0, failed: 0 } });
  });
});
