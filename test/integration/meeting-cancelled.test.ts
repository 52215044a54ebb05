/**
 * A meeting called off: a letter announced a working party meeting with its deadlines, and a later letter cancels it
 * ("Cancellation of the meeting of Working Party 1/2 … announced in TSB Collective letter 4/2 … is cancelled"). The
 * announcing letter's deadlines leave `deadlines`, the calendar and the reminder plan; `meeting` says the meeting was
 * cancelled and by which letter; the calendar feed marks the event cancelled. The same holds when the cancellation
 * is read first, and a cancellation from an unverified sender cancels nothing. Real Redis; the layout of the
 * cancellation letter is modelled on a TSB collective letter (test/fixtures/docs/cl-sg2-2027-meeting-cancelled.txt).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { defaultRegistry } from '../../commands/index.ts';
import { buildCalendar } from '../../src/calendar/ical.ts';
import { feedItems } from '../../src/calendar/feed-items.ts';
import { answer } from '../../src/chat/router.ts';
import type { CommandContext, CuratedRoles } from '../../src/core/command.ts';
import { applyCancellations } from '../../src/reminders/cancellations.ts';
import { scheduleDocument } from '../../src/reminders/schedule.ts';
import type { DeadlineFact } from '../../src/store/facts.ts';
import type { SearchIndex } from '../../src/store/search.ts';
import { makePerson } from '../support/reminder-builders.ts';
import { startReminderEnv, type ReminderEnv } from '../support/reminder-env.ts';

const redisUrl = inject('redisUrl');
const registry = defaultRegistry();
const CANCELLATION = readFileSync(join(import.meta.dirname, '../fixtures/docs/cl-sg2-2027-meeting-cancelled.txt'), 'utf8');

/** The letter that announced the meeting the fixture cancels, in the layout of a TSB collective letter. */
const ANNOUNCEMENT = `INTERNATIONAL TELECOMMUNICATION UNION
TELECOMMUNICATION STANDARDIZATION BUREAU

                                                    Geneva, 2 November 2026

Ref:      TSB Collective letter 4/2
          SG2/RH
E-mail:   tsbsg2@itu.int

Subject:  Meeting of Working Party 1/2, Geneva, 15-19 March 2027

Dear Sir/Madam,

1  I am pleased to invite you to a meeting of Working Party 1/2 of Study Group 2, to be held at ITU headquarters, Geneva, from 15 to 19 March 2027.

2  The meeting will open at 0930 hours on the first day.

Key deadlines:
1 March 2027    Pre-registration (online via the study group homepage)
3 March 2027    Submit ITU-T Member contributions

Yours faithfully,
Director of the Telecommunication Standardization Bureau
`;

let e: ReminderEnv;
let n = 0;
afterEach(async () => {
  await e.close();
});

function start(): ReminderEnv {
  n += 1;
  e = startReminderEnv({ redisUrl, prefix: `it-cancel-${process.pid}-${n}`, smtpPort: 1, startAt: '2027-01-10T10:00:00Z' });
  return e;
}

function ctx(): CommandContext {
  return { store: e.deps.store, search: () => Promise.reject<SearchIndex>(new Error('no search here')), curated: {} as CuratedRoles, now: e.deps.now?.().getTime() ?? Date.now(), tz: 'Europe/Zurich' };
}

async function sg2Deadlines(): Promise<DeadlineFact[]> {
  const data = (await answer(registry, ctx(), '/deadlines SG2')).reply.data as { upcoming?: DeadlineFact[] };
  return data.upcoming ?? [];
}

describe('a meeting cancelled by a later letter', () => {
  it('takes the announcing letter\'s deadlines and reminders away, and says the meeting was cancelled', async () => {
    start();
    await e.deps.roster.put(makePerson('q1-2@example.org', [{ kind: 'rapporteur', scope: 'Q1/2' }]));
    const { doc: announced } = await e.store(ANNOUNCEMENT, { messageId: '<cl-4-2@itu.int>' });
    expect(announced.parsed.deadlines.map((d) => d.date)).toEqual(['2027-03-01', '2027-03-03']);
    const plan = await scheduleDocument(e.deps, announced.id);
    expect(plan.added.length).toBeGreaterThan(0);
    expect((await sg2Deadlines()).map((d) => d.date)).toEqual(['2027-03-01', '2027-03-03']);

    const { doc: cancellation } = await e.store(CANCELLATION, { messageId: '<cl-5-2@itu.int>' });
    expect(cancellation.parsed.cancels).toMatchObject({ meeting: { group: 'SG2', start: '2027-03-15', end: '2027-03-19' }, announcedIn: 'TSB Collective letter 4/2' });
    const plans = await applyCancellations(e.deps, cancellation.id);
    expect(plans).toHaveLength(1);
    expect(plans[0]?.removed.length).toBe(plan.added.length);
    expect(await e.delayed()).toEqual([]);
    expect(await sg2Deadlines()).toEqual([]);

    const meeting = (await answer(registry, ctx(), '/meeting SG2')).reply;
    expect(meeting.title).toBe('No upcoming meeting known for SG2');
    expect(meeting.notes[0]).toBe('Cancelled: Meeting of Working Party 1/2, Geneva, 15-19 March 2027 [TSB Collective letter 5/2].');

    const feed = buildCalendar({ kind: 'group', group: 'SG2' }, await feedItems(e.deps.store, { kind: 'group', group: 'SG2' }, Date.parse('2027-01-01')), { feedUrl: 'https://sgbot.example.org/ical/SG2.ics', docUrl: (id) => `https://sgbot.example.org/console/documents/${id}` }).toString();
    expect(feed).toContain('STATUS:CANCELLED');
    expect(feed).not.toContain('Pre-registration');
    expect((await e.deps.audit.latest(5, 'meeting.cancelled'))[0]).toMatchObject({ who: 'system', target: announced.id });
    // Applying it again changes nothing.
    expect(await applyCancellations(e.deps, cancellation.id)).toEqual([]);
  });

  it('cancels the letter when the cancellation was read first', async () => {
    start();
    const { doc: cancellation } = await e.store(CANCELLATION, { messageId: '<cl-5-2@itu.int>' });
    expect(await applyCancellations(e.deps, cancellation.id)).toEqual([]);
    const { doc: announced } = await e.store(ANNOUNCEMENT, { messageId: '<cl-4-2@itu.int>' });
    await applyCancellations(e.deps, announced.id);
    expect((await e.deps.store.getDocument(announced.id))?.cancelledBy?.docId).toBe(cancellation.id);
    expect(await sg2Deadlines()).toEqual([]);
  });

  it('cancels nothing on the word of an unverified sender', async () => {
    start();
    const { doc: announced } = await e.store(ANNOUNCEMENT, { messageId: '<cl-4-2@itu.int>' });
    const { doc: forged } = await e.store(CANCELLATION, { messageId: '<forged@example.org>', unverified: true });
    expect(await applyCancellations(e.deps, forged.id)).toEqual([]);
    expect((await e.deps.store.getDocument(announced.id))?.cancelledBy ?? null).toBeNull();
    expect((await sg2Deadlines()).map((d) => d.date)).toEqual(['2027-03-01', '2027-03-03']);
    const meeting = (await answer(registry, ctx(), '/meeting SG2')).reply;
    expect(meeting.title).toBe('Next meeting of SG2');
    expect(meeting.notes[0]).toMatch(/^A mail from an unverified sender says this is cancelled: Meeting of Working Party 1\/2, Geneva, 15-19 March 2027 \[TSB Collective letter 5\/2\]\. Nothing is acted on from it\.$/);
  });
});
