/**
 * Corrections of wrongly parsed facts on real Redis: a corrected deadline date moves the deadline in `/deadlines` and
 * in the reminders (same key, people already reminded are told), outlives a second ingest and a new parse of the
 * same text, is audited, and bad input is refused with a message saying what to write. A removed deadline is hidden
 * and can be restored; a corrected title reaches the search index of a running process. A missing fact (a deadline,
 * the meeting, a side event, the opening time) can be added: it is in `/deadlines` and the reminders, outlives a
 * second ingest and a new parse, is audited, and can be taken back.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { defaultRegistry } from '../../commands/index.ts';
import { answer } from '../../src/chat/router.ts';
import type { CommandContext, CuratedRoles } from '../../src/core/command.ts';
import { isSgbotError } from '../../src/core/errors.ts';
import { parseDocument } from '../../src/parse/index.ts';
import { remKeys } from '../../src/reminders/keys.ts';
import { deadlineKey } from '../../src/reminders/plan.ts';
import { scheduleDocument, type PlanResult } from '../../src/reminders/schedule.ts';
import { addedFactsOf, addFact, correctableFields, correctFact, correctionsOf, removeAddedFact, type CorrectionDeps } from '../../src/store/corrections.ts';
import type { DeadlineFact } from '../../src/store/facts.ts';
import { reparseStored } from '../../src/store/reparse.ts';
import { SearchIndex } from '../../src/store/search.ts';
import { letter, liaison, makePerson } from '../support/reminder-builders.ts';
import { startReminderEnv, type ReminderEnv } from '../support/reminder-env.ts';

const redisUrl = inject('redisUrl');
const prefix = `it-corr-${process.pid}`;
const BASE = 'collective-letter:collectiveletter5/20';
const CONTRIB = deadlineKey(BASE, 'contributions', 0);
const REGISTRATION = deadlineKey(BASE, 'registration', 0);
/** End of a day in Geneva (summer time) as the store computes `due` for a deadline with no time. */
const endOfDay = (date: string) => Date.parse(`${date}T21:59:59Z`);

const TEXT = letter({
  n: 5,
  sg: 20,
  rows: [
    ['14 April 2036', 'Submit ITU-T Member contributions'],
    ['20 April 2036', 'Register for the meeting online'],
  ],
});

let e: ReminderEnv;
let docId = '';
let plans: PlanResult[] = [];
let search: SearchIndex;
const registry = defaultRegistry();

function deps(): CorrectionDeps {
  return {
    store: e.deps.store,
    audit: e.deps.audit,
    afterCorrect: async (id) => {
      plans.push(await scheduleDocument(e.deps, id));
    },
  };
}

function context(): CommandContext {
  return {
    store: e.deps.store,
    search: () => Promise.resolve(search),
    curated: {} as CuratedRoles,
    now: e.deps.now?.().getTime() ?? Date.now(),
    tz: 'Europe/Zurich',
    who: { channel: 'cli', id: 'tester', verified: true },
  };
}

/** `/deadlines SG20` through the command registry: "<date> <category>" of each upcoming deadline. */
async function deadlinesSG20(): Promise<string[]> {
  const { reply } = await answer(registry, context(), '/deadlines SG20');
  expect(reply.ok).toBe(true);
  const upcoming = (reply.data as { upcoming: DeadlineFact[] }).upcoming;
  return upcoming.map((d) => `${d.date} ${d.category}`);
}

/** Delayed reminder jobs of one deadline key: "<offset> <ISO instant>". */
async function plannedFor(dk: string): Promise<string[]> {
  return (await e.delayed())
    .filter((j) => j.data['type'] === 'reminder' && j.data['deadlineKey'] === dk)
    .map((j) => `${String(j.data['offset'])} ${new Date(j.data['at'] as number).toISOString()}`)
    .sort();
}

beforeAll(async () => {
  e = startReminderEnv({ redisUrl, prefix, startAt: '2036-04-01T10:00:00Z' });
  await e.deps.roster.put(makePerson('dia@example.org'));
  await e.deps.subscriptions.add('person:dia@example.org', { kind: 'group', group: 'SG20' });
  await e.deps.subscriptions.add('person:dia@example.org', { kind: 'category', group: 'SG20', category: 'registration' });
  const stored = await e.store(TEXT, { messageId: '<cl-5-20@itu.int>' });
  docId = stored.id;
  await scheduleDocument(e.deps, docId);
  search = new SearchIndex(e.deps.store);
  await search.load();
});

afterAll(async () => {
  let cursor = '0';
  do {
    const [next, keys] = await e.redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    if (keys.length > 0) await e.redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  await e.close();
});

describe('correcting a deadline date', () => {
  it('starts from the parsed dates and their reminders', async () => {
    expect(await deadlinesSG20()).toEqual(['2036-04-14 contributions', '2036-04-20 registration']);
    expect(await plannedFor(REGISTRATION)).toEqual(['0d 2036-04-20T07:00:00.000Z', '14d 2036-04-06T07:00:00.000Z', '1d 2036-04-19T07:00:00.000Z', '7d 2036-04-13T07:00:00.000Z']);
    // 14 days before (31 March) is already past on 1 April.
    expect(await plannedFor(CONTRIB)).toEqual(['0d 2036-04-14T07:00:00.000Z', '1d 2036-04-13T07:00:00.000Z', '7d 2036-04-07T07:00:00.000Z']);
  });

  it('moves the deadline in /deadlines, keeps the original parse, and audits who changed what', async () => {
    // Dia was already reminded once of the old date: she, and only she, is told it moved.
    await e.redis.sadd(remKeys(prefix).reminded(CONTRIB), 'person:dia@example.org');
    plans = [];
    const { doc, correction } = await correctFact(deps(), {
      docId,
      field: 'deadline.0.date',
      value: '2036-04-24',
      who: 'web:secretariat@itu.int',
      reason: 'The letter was sent with a typo; TSB confirmed 24 April.',
    });

    expect(correction).toMatchObject({ docId, field: 'deadline.0.date', previous: '2036-04-14', value: '2036-04-24', who: 'web:secretariat@itu.int' });
    expect(doc.parsed.deadlines[0]).toMatchObject({ date: '2036-04-24', category: 'contributions', derived: false });
    expect(doc.corrected?.original.deadlines[0]?.date).toBe('2036-04-14');

    const listed = await deadlinesSG20();
    expect(listed).toEqual(['2036-04-20 registration', '2036-04-24 contributions']);
    expect(listed.join()).not.toContain('2036-04-14');
    const facts = await e.deps.store.deadlines({ group: 'SG20' }, '-inf');
    expect(facts.find((f) => f.category === 'contributions')?.due).toBe(endOfDay('2036-04-24'));

    const [entry] = await e.deps.audit.latest(1, 'fact.');
    expect(entry).toMatchObject({
      who: 'web:secretariat@itu.int',
      action: 'fact.corrected',
      target: docId,
      details: { field: 'deadline.0.date', previous: '2036-04-14', value: '2036-04-24', reason: 'The letter was sent with a typo; TSB confirmed 24 April.' },
    });
    expect(await correctionsOf(e.deps.store, docId)).toEqual([correction]);
  });

  it('re-plans the reminders to the corrected date under the same key, telling those already reminded', async () => {
    expect(plans).toHaveLength(1);
    const plan = plans[0] as PlanResult;
    expect(plan.deadlines).toContainEqual({ key: CONTRIB, due: endOfDay('2036-04-24') });
    expect(await plannedFor(CONTRIB)).toEqual(['0d 2036-04-24T07:00:00.000Z', '14d 2036-04-10T07:00:00.000Z', '1d 2036-04-23T07:00:00.000Z', '7d 2036-04-17T07:00:00.000Z']);
    expect(plan.notices).toHaveLength(1);
    const notice = await e.queue.getJob(plan.notices[0] ?? '');
    expect(notice?.data).toMatchObject({ type: 'change', recipient: 'person:dia@example.org', oldDue: endOfDay('2036-04-14'), newDue: endOfDay('2036-04-24') });
    // The registration deadline was not touched: its reminders stay as planned.
    expect(await plannedFor(REGISTRATION)).toEqual(['0d 2036-04-20T07:00:00.000Z', '14d 2036-04-06T07:00:00.000Z', '1d 2036-04-19T07:00:00.000Z', '7d 2036-04-13T07:00:00.000Z']);
  });

  it('keeps the correction when the same letter is ingested again', async () => {
    const again = await e.store(TEXT, { messageId: '<cl-5-20-resent@itu.int>' });
    expect(again).toMatchObject({ status: 'duplicate', id: docId });
    expect(again.doc.parsed.deadlines[0]?.date).toBe('2036-04-24');
    expect(await deadlinesSG20()).toEqual(['2036-04-20 registration', '2036-04-24 contributions']);
  });

  it('keeps the correction over a new parse of the text, even one that lists the deadlines in another order', async () => {
    const parsed = parseDocument(TEXT);
    // A parser upgrade that reads the table bottom-up and misreads the contribution date differently.
    const reparsed = { ...parsed, deadlines: [...parsed.deadlines].reverse().map((d) => (d.category === 'contributions' ? { ...d, date: '2036-04-15' } : d)) };
    const doc = await e.deps.store.replaceParse(docId, reparsed);
    expect(doc.parsed.deadlines.map((d) => `${d.date} ${d.category}`)).toEqual(['2036-04-20 registration', '2036-04-24 contributions']);
    expect(await deadlinesSG20()).toEqual(['2036-04-20 registration', '2036-04-24 contributions']);
    await e.deps.store.replaceParse(docId, parsed);
    expect(await deadlinesSG20()).toEqual(['2036-04-20 registration', '2036-04-24 contributions']);
  });

  it('keeps the correction when the document record is lost and the same text is stored anew', async () => {
    const store = e.deps.store;
    const stored = await store.getDocument(docId);
    await e.redis.del(store.key(`doc:${docId}`), store.key(`hash:${stored?.hash ?? ''}`), store.key('msgid:<cl-5-20@itu.int>:' + (stored?.hash ?? '').slice(0, 8)));
    const again = await e.store(TEXT);
    expect(again).toMatchObject({ status: 'added', id: docId });
    expect(again.doc.parsed.deadlines[0]?.date).toBe('2036-04-24');
    expect(await deadlinesSG20()).toEqual(['2036-04-20 registration', '2036-04-24 contributions']);
  });
});

describe('bad corrections', () => {
  const cases: Array<[string, { field: string; value: string | null; who?: string; docId?: string }, string, RegExp]> = [
    ['a date in another form', { field: 'deadline.0.date', value: '24/04/2036' }, 'E_USAGE', /YYYY-MM-DD/],
    ['an impossible date', { field: 'date', value: '2036-02-30' }, 'E_USAGE', /YYYY-MM-DD/],
    ['a time past midnight', { field: 'deadline.0.time', value: '24:30' }, 'E_USAGE', /HH:MM/],
    ['an unknown category', { field: 'deadline.1.category', value: 'deadlines' }, 'E_USAGE', /one of: contributions, translated-contributions, registration/],
    ['an unknown field', { field: 'deadline.0.colour', value: 'red' }, 'E_USAGE', /not a fact that can be corrected.*deadline\.N\./],
    ['a deadline the document does not have', { field: 'deadline.5.date', value: '2036-04-24' }, 'E_USAGE', /numbered 0 to 1/],
    ['an empty deadline date', { field: 'deadline.0.date', value: ' ' }, 'E_USAGE', /cannot be empty/],
    ['an unknown group', { field: 'group', value: 'SG99' }, 'E_USAGE', /not a known study group/],
    ['a meeting ending before it starts', { field: 'meeting.end', value: '2036-05-01' }, 'E_USAGE', /end \(2036-05-01\) before it starts \(2036-05-05\)/],
    ['the value it already has', { field: 'deadline.1.date', value: '2036-04-20' }, 'E_USAGE', /already "2036-04-20"/],
    ['nobody named', { field: 'title', value: 'Another title', who: '  ' }, 'E_USAGE', /who makes the correction/],
    ['an unknown document', { field: 'title', value: 'Another title', docId: '0123456789abcdef0123' }, 'E_NOT_FOUND', /No document "0123456789abcdef0123"/],
  ];

  it.each(cases)('refuses %s, stores and audits nothing', async (_what, input, code, message) => {
    const before = { corrections: (await correctionsOf(e.deps.store, docId)).length, audit: (await e.deps.audit.latest(100, 'fact.')).length };
    const err: unknown = await correctFact(deps(), { docId: input.docId ?? docId, field: input.field, value: input.value, who: input.who ?? 'web:secretariat@itu.int' }).then(
      () => null,
      (x: unknown) => x,
    );
    expect(isSgbotError(err) ? err.code : err).toBe(code);
    expect((err as Error).message).toMatch(message);
    expect((await correctionsOf(e.deps.store, docId)).length).toBe(before.corrections);
    expect((await e.deps.audit.latest(100, 'fact.')).length).toBe(before.audit);
  });
});

describe('removing a wrongly found deadline', () => {
  const REG_PLAN = ['0d 2036-04-20T07:00:00.000Z', '14d 2036-04-06T07:00:00.000Z', '1d 2036-04-19T07:00:00.000Z', '7d 2036-04-13T07:00:00.000Z'];
  const CONTRIB_PLAN = ['0d 2036-04-24T07:00:00.000Z', '14d 2036-04-10T07:00:00.000Z', '1d 2036-04-23T07:00:00.000Z', '7d 2036-04-17T07:00:00.000Z'];

  it('hides it from /deadlines and withdraws its reminders, leaves the others as they were, and can restore it', async () => {
    expect(await plannedFor(REGISTRATION)).toEqual(REG_PLAN);
    plans = [];
    // The first deadline goes: the second keeps its position, its key and its reminders.
    const { doc } = await correctFact(deps(), { docId, field: 'deadline.0.removed', value: 'true', who: 'web:secretariat@itu.int' });
    expect(doc.parsed.deadlines.map((d) => d.category)).toEqual(['registration']);
    expect(doc.corrected?.removed.map((r) => `${r.position} ${r.deadline.category} ${r.deadline.date}`)).toEqual(['0 contributions 2036-04-24']);
    expect(doc.corrected?.original.deadlines).toHaveLength(2);
    const fields = correctableFields(doc);
    expect(fields).toContainEqual({ field: 'deadline.0.removed', label: expect.stringContaining('Deadline 1') as string, value: 'true' });
    expect(fields).toContainEqual({ field: 'deadline.0.date', label: expect.stringContaining('Deadline 1') as string, value: '2036-04-24' });
    expect(fields).toContainEqual({ field: 'deadline.1.date', label: expect.stringContaining('Deadline 2') as string, value: '2036-04-20' });
    expect(await deadlinesSG20()).toEqual(['2036-04-20 registration']);
    expect(plans[0]?.deadlines).toEqual([{ key: REGISTRATION, due: endOfDay('2036-04-20') }]);
    expect(await plannedFor(CONTRIB)).toEqual([]);
    expect(await plannedFor(REGISTRATION)).toEqual(REG_PLAN);

    await correctFact(deps(), { docId, field: 'deadline.0.removed', value: 'false', who: 'web:secretariat@itu.int' });
    expect(await deadlinesSG20()).toEqual(['2036-04-20 registration', '2036-04-24 contributions']);
    expect(await plannedFor(CONTRIB)).toEqual(CONTRIB_PLAN);
    expect(await plannedFor(REGISTRATION)).toEqual(REG_PLAN);
  });
});

describe('a corrected title', () => {
  it('reaches the search index of a running process and of one that loads the saved index', async () => {
    await search.save();
    const { doc } = await correctFact(deps(), { docId, field: 'title', value: 'Meeting of Study Group 20 in Zanzibar', who: 'web:secretariat@itu.int' });
    expect(doc.parsed.title).toBe('Meeting of Study Group 20 in Zanzibar');
    expect(await search.search('Zanzibar')).toEqual([]);
    await search.catchUp();
    expect((await search.search('Zanzibar')).map((h) => [h.id, h.title])).toEqual([[docId, 'Meeting of Study Group 20 in Zanzibar']]);

    const fresh = new SearchIndex(e.deps.store);
    await fresh.load(); // the index saved before the correction, caught up
    expect((await fresh.search('Zanzibar')).map((h) => h.id)).toEqual([docId]);
    const { reply } = await answer(registry, context(), '/deadlines SG20');
    expect(JSON.stringify(reply.sources)).toContain('Zanzibar');
  });
});

describe('an addendum that replaced a deadline', () => {
  it('keeps it replaced when another deadline of the letter is corrected', async () => {
    const store = e.deps.store;
    const base = letter({ n: 7, sg: 20, rows: [['10 May 2036', 'Submit ITU-T Member contributions'], ['12 May 2036', 'Register for the meeting online']] });
    const { id } = await e.store(base);
    const addendumText = letter({ n: 7, sg: 20, date: '9 February 2036', rows: [['18 May 2036', 'Register for the meeting online']] });
    const added = await store.addDocument(addendumText, { ...parseDocument(addendumText), revision: 'Addendum 1' }, { name: 'add.eml', path: null, messageId: null, format: 'eml', subject: null, from: null, sentAt: null });
    expect(added.status).toBe('addendum');
    const forLetter7 = async () => (await store.deadlines({ group: 'SG20' }, '-inf')).filter((d) => d.source.reference?.endsWith('TSB Collective letter 7/20')).map((d) => `${d.date} ${d.category} ${d.source.docId === id ? 'letter' : 'addendum'}`);
    expect(await forLetter7()).toEqual(['2036-05-10 contributions letter', '2036-05-18 registration addendum']);

    await correctFact({ store, audit: e.deps.audit }, { docId: id, field: 'deadline.0.date', value: '2036-05-11', who: 'web:secretariat@itu.int' });
    expect(await forLetter7()).toEqual(['2036-05-11 contributions letter', '2036-05-18 registration addendum']);
  });
});

describe('adding a missing fact', () => {
  const TEXT9 = letter({ n: 9, sg: 20, rows: [['12 April 2036', 'Submit ITU-T Member contributions']] });
  const REG9 = deadlineKey('collective-letter:collectiveletter9/20', 'registration', 0);
  const WHO = 'web:secretariat@itu.int';
  const REG_FORM = { kind: 'deadline', date: '2036-04-28', time: '12:00', timezone: 'Europe/Zurich', category: 'registration', action: '  Register  for the   meeting ' };
  let id9 = '';
  let addedId = '';

  /** `<command>` through the registry: "<date> <category>" of letter 9's upcoming deadlines. */
  const letter9 = async (command: string) => {
    const { reply } = await answer(registry, context(), command);
    expect(reply.ok).toBe(true);
    return (reply.data as { upcoming: DeadlineFact[] }).upcoming.filter((d) => d.source.docId === id9).map((d) => `${d.date}${d.time ? ` ${d.time}` : ''} ${d.category}`);
  };

  beforeAll(async () => {
    id9 = (await e.store(TEXT9, { messageId: '<cl-9-20@itu.int>' })).id;
    await scheduleDocument(e.deps, id9);
  });

  it('adds a deadline after the parsed ones: in /deadlines of the group and its Questions, audited, reminders planned', async () => {
    expect(await letter9('/deadlines SG20')).toEqual(['2036-04-12 contributions']);
    expect(await plannedFor(REG9)).toEqual([]);
    plans = [];
    const { doc, added } = await addFact(deps(), { docId: id9, fact: REG_FORM, who: WHO, reason: 'announced at the opening plenary' });

    expect(added).toMatchObject({ kind: 'deadline', slot: 1000, deadline: { date: '2036-04-28', time: '12:00', timezone: 'Europe/Zurich', category: 'registration', action: 'Register for the meeting', derived: false } });
    expect(added.id).toMatch(/^a[0-9a-f]{10}$/);
    addedId = added.id;
    expect(doc.parsed.deadlines.map((d) => d.category)).toEqual(['contributions', 'registration']);
    expect(doc.corrected?.positions).toEqual([0, 1000]);
    expect(doc.corrected?.original.deadlines).toHaveLength(1);

    expect(await letter9('/deadlines SG20')).toEqual(['2036-04-12 contributions', '2036-04-28 12:00 registration']);
    expect(await letter9('/deadlines Q4/20')).toEqual(['2036-04-12 contributions', '2036-04-28 12:00 registration']);

    const [entry] = await e.deps.audit.latest(1, 'fact.');
    expect(entry).toMatchObject({
      who: WHO,
      action: 'fact.added',
      target: id9,
      result: 'ok',
      details: { kind: 'deadline', id: added.id, fact: '2036-04-28 12:00 Europe/Zurich, registration: Register for the meeting', reason: 'announced at the opening plenary', reference: 'TSB Collective letter 9/20' },
    });

    // Planned again through afterCorrect, like any correction: Dia (subscribed to SG20 registration) is reminded at 09:00 Geneva.
    expect(plans).toHaveLength(1);
    expect(plans[0]?.deadlines).toContainEqual({ key: REG9, due: Date.parse('2036-04-28T10:00:00Z') });
    expect(await plannedFor(REG9)).toEqual(['0d 2036-04-28T07:00:00.000Z', '14d 2036-04-14T07:00:00.000Z', '1d 2036-04-27T07:00:00.000Z', '7d 2036-04-21T07:00:00.000Z']);
    expect((await addedFactsOf(e.deps.store, id9)).map((a) => [a.fact.id, a.who])).toEqual([[added.id, WHO]]);
  });

  it('keeps the added deadline when the letter is ingested again, parsed again, or parsed differently', async () => {
    const again = await e.store(TEXT9, { messageId: '<cl-9-20-resent@itu.int>' });
    expect(again).toMatchObject({ status: 'duplicate', id: id9 });
    expect(again.doc.parsed.deadlines.map((d) => d.category)).toEqual(['contributions', 'registration']);

    // A new parser finding a second deadline: the added one still comes after the parsed ones, at its own slot.
    const parsed = parseDocument(TEXT9);
    const more = { ...parsed, deadlines: [...parsed.deadlines, { date: '2036-04-20', time: null, timezone: 'Europe/Zurich', action: 'Ask for a visa', category: 'visa' as const, derived: false }] };
    const doc = await e.deps.store.replaceParse(id9, more);
    expect(doc.parsed.deadlines.map((d) => d.category)).toEqual(['contributions', 'visa', 'registration']);
    expect(doc.corrected?.positions).toEqual([0, 1, 1000]);
    expect(await letter9('/deadlines SG20')).toEqual(['2036-04-12 contributions', '2036-04-20 visa', '2036-04-28 12:00 registration']);

    // `sgbot reparse` puts this version's parse back; the added deadline stays.
    await reparseStored(e.deps.store);
    expect(await letter9('/deadlines SG20')).toEqual(['2036-04-12 contributions', '2036-04-28 12:00 registration']);
  });

  it('adds the opening time and a side event to the meeting, and refuses a second meeting', async () => {
    const before = (await e.deps.store.getDocument(id9))?.parsed.meeting;
    expect(before?.startTime ?? null).toBeNull();
    const { doc } = await addFact(deps(), { docId: id9, fact: { kind: 'opening', time: '09:30', timezone: 'Europe/Zurich' }, who: WHO });
    expect(doc.parsed.meeting).toMatchObject({ start: '2036-05-05', startTime: '09:30', timezone: 'Europe/Zurich' });
    const { doc: withEvent } = await addFact(deps(), {
      docId: id9,
      fact: { kind: 'event', title: 'Newcomers briefing', start: '2036-05-05', end: '', startTime: '08:30', endTime: '09:15', timezone: 'Europe/Zurich', place: 'Room K' },
      who: WHO,
    });
    expect(withEvent.parsed.events.at(-1)).toMatchObject({ title: 'Newcomers briefing', start: '2036-05-05', end: '2036-05-05', startTime: '08:30', place: 'Room K', group: 'SG20' });
    const meetings = (await e.deps.store.meetings('SG20', 0, 50)).filter((m) => m.source.docId === id9);
    expect(meetings.map((m) => [m.startTime, m.events.map((ev) => ev.title)])).toEqual([['09:30', ['Newcomers briefing']]]);

    const second = await addFact(deps(), { docId: id9, fact: { kind: 'meeting', group: 'SG20', start: '2036-06-01', end: '2036-06-02', timezone: 'Europe/Zurich' }, who: WHO }).catch((x: unknown) => x);
    expect((second as Error).message).toMatch(/already gives a meeting/);
    const opening = await addFact(deps(), { docId: id9, fact: { kind: 'opening', time: '10:00', timezone: 'Europe/Zurich' }, who: WHO }).catch((x: unknown) => x);
    expect((opening as Error).message).toMatch(/already opens at 09:30/);
  });

  it('adds a whole meeting to a document that gives none, then its side event', async () => {
    const { id } = await e.store(liaison({ sg: 20, questions: ['Q4/20'], deadline: '30 April 2036' }));
    expect((await e.deps.store.getDocument(id))?.parsed.meeting).toBeNull();
    const noMeeting = await addFact(deps(), { docId: id, fact: { kind: 'event', title: 'Briefing', start: '2036-06-01', timezone: 'UTC' }, who: WHO }).catch((x: unknown) => x);
    expect((noMeeting as Error).message).toMatch(/gives no meeting: add the meeting first/);
    const { doc } = await addFact(deps(), {
      docId: id,
      fact: { kind: 'meeting', group: 'Study Group 20', start: '2036-06-01', end: '2036-06-03', place: 'Geneva', startTime: '14:00', timezone: 'Europe/Zurich', format: 'hybrid' },
      who: WHO,
    });
    expect(doc.parsed.meeting).toEqual({ group: 'SG20', title: 'SG20 meeting', start: '2036-06-01', end: '2036-06-03', place: 'Geneva', startTime: '14:00', timezone: 'Europe/Zurich', format: 'hybrid' });
    expect((await e.deps.store.meetings('SG20', 0, 50)).some((m) => m.source.docId === id && m.start === '2036-06-01')).toBe(true);
    // Its dates can then be corrected like a parsed meeting's.
    const { doc: moved } = await correctFact(deps(), { docId: id, field: 'meeting.place', value: 'Online', who: WHO });
    expect(moved.parsed.meeting?.place).toBe('Online');
    // And its opening time, which cannot be added twice.
    const { doc: later } = await correctFact(deps(), { docId: id, field: 'meeting.startTime', value: '9:30', who: WHO });
    expect(later.parsed.meeting?.startTime).toBe('09:30');
    const { doc: none } = await correctFact(deps(), { docId: id, field: 'meeting.startTime', value: '', who: WHO });
    expect(none.parsed.meeting?.startTime).toBeNull();
    await expect(correctFact(deps(), { docId: id, field: 'meeting.startTime', value: '9h30', who: WHO })).rejects.toThrow(/not a time for meeting\.startTime: write it as HH:MM/);
  });

  const bad: Array<[string, Record<string, unknown>, RegExp]> = [
    ['a date in another form', { ...REG_FORM, date: '28/04/2036' }, /not a date for the date of the deadline: give it as YYYY-MM-DD/],
    ['an impossible date', { ...REG_FORM, date: '2036-02-30' }, /YYYY-MM-DD/],
    ['a time past midnight', { ...REG_FORM, time: '24:30' }, /not a time for the deadline: give it as HH:MM/],
    ['an unknown zone', { ...REG_FORM, timezone: 'Mars/Olympus' }, /not a time zone/],
    ['an unknown kind of deadline', { ...REG_FORM, category: 'deadlines' }, /kind of deadline: one of contributions/],
    ['nothing said of what is due', { ...REG_FORM, action: '   ' }, /Say what is due/],
    ['a meeting ending before it starts', { kind: 'meeting', group: 'SG20', start: '2036-06-03', end: '2036-06-01', timezone: 'UTC' }, /would end \(2036-06-01\) before it starts \(2036-06-03\)/],
    ['an unknown group', { kind: 'meeting', group: 'SG99', start: '2036-06-01', end: '2036-06-01', timezone: 'UTC' }, /"SG99" is not a known study group/],
    ['an unknown fact', { kind: 'party' }, /Say which fact to add/],
  ];

  it.each(bad)('refuses %s, stores and audits nothing', async (_what, fact, message) => {
    const before = { corrections: (await correctionsOf(e.deps.store, id9)).length, audit: (await e.deps.audit.latest(100, 'fact.')).length };
    const err: unknown = await addFact(deps(), { docId: id9, fact, who: WHO }).catch((x: unknown) => x);
    expect(isSgbotError(err) ? err.code : err).toBe('E_USAGE');
    expect((err as Error).message).toMatch(message);
    expect((await correctionsOf(e.deps.store, id9)).length).toBe(before.corrections);
    expect((await e.deps.audit.latest(100, 'fact.')).length).toBe(before.audit);
  });

  it('takes an added deadline back: gone from /deadlines, reminders withdrawn, audited', async () => {
    plans = [];
    const { doc, removed } = await removeAddedFact(deps(), { docId: id9, id: addedId, who: WHO, reason: 'it was for SG21' });
    expect(removed).toMatchObject({ id: addedId, kind: 'deadline' });
    expect(doc.parsed.deadlines.map((d) => d.category)).toEqual(['contributions']);
    expect(await letter9('/deadlines SG20')).toEqual(['2036-04-12 contributions']);
    expect(await plannedFor(REG9)).toEqual([]);
    expect(plans).toHaveLength(1);
    const [entry] = await e.deps.audit.latest(1, 'fact.');
    expect(entry).toMatchObject({ who: WHO, action: 'fact.added.removed', target: id9, details: { kind: 'deadline', id: addedId, reason: 'it was for SG21' } });
    const again = await removeAddedFact(deps(), { docId: id9, id: addedId, who: WHO }).catch((x: unknown) => x);
    expect(isSgbotError(again) ? again.code : again).toBe('E_NOT_FOUND');
    // The other added facts stay.
    expect((await addedFactsOf(e.deps.store, id9)).map((a) => a.fact.kind)).toEqual(['opening', 'event']);
  });
});
