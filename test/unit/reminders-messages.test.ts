/**
 * Signed action tokens, what reminders and change notices say, and what a digest says (or that it says nothing).
 */
import { describe, expect, it } from 'vitest';
import { isSgbotError } from '../../src/core/errors.ts';
import { composeMessage, DONE_ACTION, SNOOZE_ACTION, whenText } from '../../src/reminders/compose.ts';
import { composeDigest, documentMatches } from '../../src/reminders/digest-compose.ts';
import { signToken, verifyToken } from '../../src/reminders/tokens.ts';
import { parseDigestText } from '../../commands/digest.ts';
import type { DeadlineFact } from '../../src/store/facts.ts';
import { makeRecord, makeStored } from '../support/reminder-builders.ts';

const SECRET = 'test-secret-0123456789';
const NOW = Date.parse('2036-04-04T10:00:00Z');

function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (err) {
    return isSgbotError(err) ? err.code : 'other';
  }
}

describe('tokens', () => {
  const t = { action: 'done' as const, deadlineKey: '0123456789ab-contributions-0', recipient: 'person:ana@example.org', expires: Math.floor(NOW / 1000) + 3600 };

  it('round-trips and is URL-safe', () => {
    const token = signToken(t, SECRET);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(verifyToken(token, SECRET, NOW)).toEqual(t);
  });

  it('refuses an altered token, another secret, an expired token and garbage', () => {
    const token = signToken(t, SECRET);
    const [body = '', mac = ''] = token.split('.');
    const other = signToken({ ...t, recipient: 'person:eve@example.org' }, SECRET).split('.')[0] ?? '';
    expect(codeOf(() => verifyToken(`${other}.${mac}`, SECRET, NOW))).toBe('E_FORBIDDEN');
    expect(codeOf(() => verifyToken(`${body}.${mac.slice(0, -2)}AA`, SECRET, NOW))).toBe('E_FORBIDDEN');
    expect(codeOf(() => verifyToken(token, 'another-secret-0123456789', NOW))).toBe('E_FORBIDDEN');
    expect(codeOf(() => verifyToken(token, SECRET, NOW + 2 * 3600_000))).toBe('E_USAGE');
    expect(codeOf(() => verifyToken('not a token', SECRET, NOW))).toBe('E_USAGE');
  });
});

describe('reminder messages', () => {
  const links = { source: 'https://sgbot.example.org/doc/aaaa', done: 'https://sgbot.example.org/reminders/done?token=D.1', snooze: 'https://sgbot.example.org/reminders/snooze?token=S.2', unsubscribe: 'https://sgbot.example.org/reminders/unsubscribe?token=U.3' };

  it('says when, in the reader zone, with the original, the action and the source, and carries the buttons', () => {
    const record = makeRecord();
    // The 7-day reminder of a Tokyo reader: 09:00 there on 8 April (the deadline falls on 15 April in Tokyo).
    const at = Date.parse('2036-04-08T00:00:00Z');
    const m = composeMessage(record, { type: 'reminder', deadlineKey: record.key, base: record.base, recipient: 'person:ana@example.org', offset: '7d', at, due: record.due }, 'Asia/Tokyo', links);
    expect(m.subject).toBe('Reminder: Contributions (SG20) due in 7 days');
    expect(m.reply.sections[0]?.items[0]).toMatchObject({ text: 'Tue 15 Apr 2036, 06:59 (Asia/Tokyo) — original: 14 April 2036 Geneva time, end of day', detail: 'Submit ITU-T Member contributions' });
    expect(m.actions).toEqual([
      { id: DONE_ACTION, label: 'Done', value: 'D.1' },
      { id: SNOOZE_ACTION, label: 'Snooze 1 day', value: 'S.2' },
    ]);
    expect(m.text).toContain('Mark as done: https://sgbot.example.org/reminders/done?token=D.1');
    expect(m.text).toContain('Snooze 1 day: https://sgbot.example.org/reminders/snooze?token=S.2');
    expect(m.text).toContain('Due: Tue 15 Apr 2036, 06:59 (Asia/Tokyo)\nOriginal: Mon 14 Apr 2036 (end of day, Geneva)');
    expect(m.text).toContain('Document: TSB Collective letter 5/20 — Meeting of Study Group 20\n          https://sgbot.example.org/doc/aaaa');
    expect(m.text).toContain('Stop reminder mail (chat reminders stay): https://sgbot.example.org/reminders/unsubscribe?token=U.3');
    // The HTML part says the same, with the same links.
    for (const link of Object.values(links)) expect(m.html).toContain(`href="${link}"`);
    expect(m.html).toContain('Tue 15 Apr 2036, 06:59 (Asia/Tokyo)');
  });

  it('tells of a move with both dates, and of a withdrawal', () => {
    const record = makeRecord({ due: Date.parse('2036-04-21T21:59:59Z'), date: '2036-04-21' });
    const moved = composeMessage(record, { type: 'change', deadlineKey: record.key, base: record.base, recipient: 'person:ana@example.org', oldDue: Date.parse('2036-04-14T21:59:59Z'), newDue: record.due }, 'Europe/Zurich', { source: links.source });
    expect(moved.subject).toBe('Deadline moved: Contributions (SG20) now due Mon 21 Apr 2036 (end of day, Geneva)');
    expect(moved.text).toContain('Was due Mon 14 Apr 2036, 23:59 (Europe/Zurich)');
    expect(moved.actions).toEqual([]);
    const gone = composeMessage(record, { type: 'change', deadlineKey: record.key, base: record.base, recipient: 'person:ana@example.org', oldDue: Date.parse('2036-04-14T21:59:59Z'), newDue: null }, 'Europe/Zurich', { source: links.source });
    expect(gone.subject).toBe('Deadline withdrawn: Contributions (SG20), was due Mon 14 Apr 2036, 23:59 (Europe/Zurich)');
  });

  it('counts days on the reader calendar', () => {
    const due = Date.parse('2036-04-14T21:59:59Z');
    expect(whenText(due, Date.parse('2036-04-14T07:00:00Z'), 'Europe/Zurich')).toBe('today');
    expect(whenText(due, Date.parse('2036-04-13T07:00:00Z'), 'Europe/Zurich')).toBe('tomorrow');
    // In Tokyo the deadline falls on 15 April: from 14 April 09:00 there it is tomorrow.
    expect(whenText(due, Date.parse('2036-04-14T00:00:00Z'), 'Asia/Tokyo')).toBe('tomorrow');
  });
});

describe('digest', () => {
  const letter = makeStored({ parsed: { group: 'SG20', deadlines: [{ date: '2036-04-14', time: null, timezone: 'Europe/Zurich', action: 'Registration', category: 'registration', derived: false }] } });
  const ls = makeStored({ id: 'bbbbbbbbbbbbbbbbbbbb', parsed: { kind: 'liaison-statement', group: 'SG13', liaison: { from: 'SG13', to: ['SG17'], cc: [], purpose: 'action', deadline: null, questions: ['Q11/17'], contacts: [] } } });

  it('matches documents by group, addressed group, Question and deadline category', () => {
    expect(documentMatches(letter, ['SG20'])).toBe(true);
    expect(documentMatches(letter, ['SG20/registration'])).toBe(true);
    expect(documentMatches(letter, ['SG20/visa'])).toBe(false);
    expect(documentMatches(letter, ['SG13'])).toBe(false);
    expect(documentMatches(ls, ['SG17'])).toBe(true);
    expect(documentMatches(ls, ['Q11/17'])).toBe(true);
    expect(documentMatches(ls, ['Q4/17'])).toBe(false);
  });

  it('is nothing when there is nothing new, and lists documents, deadlines and liaisons otherwise', () => {
    const base = { name: 'Ana', zone: 'Europe/Zurich', topics: ['SG20'], documents: [], deadlines: [], liaisons: [], now: NOW };
    expect(composeDigest(base)).toBeNull();
    const fact: DeadlineFact = { date: '2036-04-14', time: null, timezone: 'Europe/Zurich', action: 'Registration', category: 'registration', derived: false, source: { docId: letter.id, reference: 'TSB Collective letter 5/20', title: null, kind: 'collective-letter', date: null }, group: 'SG20', questions: [], due: Date.parse('2036-04-14T21:59:59Z') };
    const d = composeDigest({ ...base, documents: [letter], deadlines: [fact] });
    expect(d?.subject).toBe('Weekly digest for SG20: 1 new document, 1 deadline ahead');
    expect(d?.reply.sections.map((s) => [s.heading, s.items.length])).toEqual([
      ['New documents', 1],
      ['Upcoming deadlines', 1],
    ]);
    expect(d?.reply.sources).toHaveLength(1);
  });

  it('reads "digest on friday 16:30 here" and refuses what it cannot read', () => {
    expect(parseDigestText('on')).toEqual({ mode: 'on', weekday: 1, time: '08:00', here: false });
    expect(parseDigestText('on friday 16:30 here')).toEqual({ mode: 'on', weekday: 5, time: '16:30', here: true });
    expect(parseDigestText('on sun 7')).toEqual({ mode: 'on', weekday: 7, time: '07:00', here: false });
    expect(parseDigestText('off')).toMatchObject({ mode: 'off' });
    expect(parseDigestText('on someday')).toMatchObject({ weekday: 0 });
  });
});
