/**
 * iCalendar feeds on a real Redis through fastify: letters are parsed and stored, the feed is fetched and read by
 * ical.js, and checked line by line against RFC 5545's framing. A revised letter that moves a deadline keeps the
 * event's UID (the reminder planner's key) with the new date and a higher SEQUENCE; the old date is gone.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import ICAL from 'ical.js';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import deadlines from '../../commands/deadlines.ts';
import { createRegistry } from '../../commands/index.ts';
import { calendarPath } from '../../src/calendar/ical.ts';
import { answer } from '../../src/chat/router.ts';
import { renderText } from '../../src/chat/render-text.ts';
import type { CommandContext, CommandSpec } from '../../src/core/command.ts';
import { parseDocument } from '../../src/parse/index.ts';
import { currentDeadlines } from '../../src/reminders/current.ts';
import { remKeys } from '../../src/reminders/keys.ts';
import { DocumentStore } from '../../src/store/store.ts';
import { registerIcalRoutes } from '../../src/web/ical.ts';
import { letterText } from '../support/letters.ts';
import { uniquePrefix } from '../support/slack-fake.ts';

const redisUrl = inject('redisUrl');
const prefix = uniquePrefix('ical');
const PUBLIC = 'https://sgbot.example.org';
const NOW = Date.parse('2027-02-20T12:00:00Z');

/** A collective letter of SG20 with an opening time, a timed side event and two key deadlines. */
function sg20Letter(revision: string, contributions: string): string {
  return [
    'INTERNATIONAL TELECOMMUNICATION UNION',
    'TELECOMMUNICATION STANDARDIZATION BUREAU',
    `Geneva, ${revision ? '15' : '8'} February 2027`,
    `Ref: TSB Collective letter 7/20${revision}`,
    'Subject: Meeting of Study Group 20; Geneva, 3-12 May 2027',
    '',
    'Dear Sir/Madam,',
    '1 You are invited to the meeting of Study Group 20, held at ITU headquarters from 3 to 12 May 2027. The meeting will open at 0930 hours on the first day.',
    '2 A workshop on digital twins for smart cities will be held on 2 May 2027, from 1400 to 1730 hours (Geneva time), at ITU headquarters.',
    '3 Replies to the questionnaire on city dashboards should reach TSB no later than 2359 hours UTC on 26 March 2027.',
    '',
    'Key deadlines:',
    '2 April 2027\tSubmit requests for visa support letters',
    `${contributions}\tSubmit ITU-T Member contributions`,
    '',
    'Yours faithfully,',
    'Director, TSB',
  ].join('\n');
}

/**
 * A liaison statement of ISO/IEC JTC 1/SC 41 asking Q9/20 for a reply by 30 April 2027, as SG20 receives it (a TD in
 * the ITU-T template), and one SG20 sent to SC 41: its reply deadline is SC 41's, in no ITU-T calendar.
 */
const OUTGOING = [
  'INTERNATIONAL TELECOMMUNICATION UNION\tSG20-LS32',
  'TELECOMMUNICATION STANDARDIZATION SECTOR',
  'STUDY PERIOD 2025-2028\tSTUDY GROUP 20',
  'Question(s):\t4/20\tGeneva, 18-27 January 2027',
  'Source:\tITU-T Study Group 20',
  'Title:\tLS on sensor identifiers in city dashboards',
  'LIAISON STATEMENT',
  'For action to:\tISO/IEC JTC 1/SC 41',
  'Approval:\tITU-T SG20 meeting (Geneva, 27 January 2027)',
  'Deadline:\t15 May 2027',
  '',
  'Study Group 20 asks SC 41 for comments on the attached identifier scheme.',
].join('\n');

const LIAISON = [
  'INTERNATIONAL TELECOMMUNICATION UNION\tSG20-TD310',
  'TELECOMMUNICATION STANDARDIZATION SECTOR',
  'STUDY PERIOD 2025-2028\tSTUDY GROUP 20',
  '\tOriginal: English',
  'Question(s):\t9/20\tGeneva, 18-27 January 2027',
  'Source:\tISO/IEC JTC 1/SC 41',
  'Title:\tLS on data models for city dashboards',
  'LIAISON STATEMENT',
  'For action to:\tITU-T Study Group 20 (Q9/20)',
  'Approval:\tSC 41 plenary (Seoul, 20 January 2027)',
  'Deadline:\t30 April 2027',
  'Contact:\tLea Moreau\tE-mail: lea.moreau@example.org',
  '',
  'SC 41 asks Question 9/20 for comments on the attached draft data model.',].join('\n');

interface Feed {
  status: number;
  headers: Record<string, unknown>;
  body: string;
  cal: ICAL.Component;
  events: ICAL.Event[];
}

/** Framing RFC 5545 requires and parsers forgive: CRLF line ends, folded lines of at most 75 octets. */
function expectStrictFraming(body: string): void {
  expect(body.endsWith('END:VCALENDAR\r\n')).toBe(true);
  const lines = body.slice(0, -2).split('\r\n');
  for (const line of lines) {
    expect(line).not.toMatch(/[\r\n]/);
    expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  }
}

describe('iCalendar feeds', () => {
  let redis: Redis;
  let store: DocumentStore;
  let app: FastifyInstance;
  const ids: Record<string, string> = {};

  async function add(name: string, text: string, at: string): Promise<string> {
    const result = await store.addDocument(text, parseDocument(text), { name, path: null, messageId: null, format: 'txt', subject: null, from: null, sentAt: null }, new Date(at));
    ids[name] = result.id;
    return result.id;
  }

  async function feed(path: string, headers: Record<string, string> = {}): Promise<Feed> {
    const res = await app.inject({ method: 'GET', url: path, headers });
    if (res.statusCode !== 200) return { status: res.statusCode, headers: res.headers, body: res.body, cal: new ICAL.Component('vcalendar'), events: [] };
    expectStrictFraming(res.body);
    const cal = new ICAL.Component(ICAL.parse(res.body) as unknown[]);
    const vevents = cal.getAllSubcomponents('vevent');
    for (const v of vevents) for (const p of ['uid', 'dtstamp', 'dtstart', 'sequence']) expect(v.hasProperty(p), `${p} of ${String(v.getFirstPropertyValue('uid'))}`).toBe(true);
    const events = vevents.map((v) => new ICAL.Event(v));
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    return { status: res.statusCode, headers: res.headers, body: res.body, cal, events };
  }

  const byUid = (f: Feed) => new Map(f.events.map((e) => [e.uid, e]));
  const instant = (t: ICAL.Time | null | undefined) => t?.toJSDate().toISOString();
  const find = (f: Feed, summary: RegExp) => f.events.filter((e) => summary.test(e.summary));
  const sequence = (e: ICAL.Event) => Number(e.component.getFirstPropertyValue('sequence'));

  beforeAll(async () => {
    redis = new Redis(redisUrl, { lazyConnect: true });
    await redis.connect();
    store = new DocumentStore(redis, prefix);
    app = Fastify({ logger: false });
    registerIcalRoutes(app, { store, publicUrl: `${PUBLIC}/`, now: () => NOW });
    await app.ready();
  });

  afterAll(async () => {
    await app?.close();
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    await redis?.quit();
  });

  it('serves a group\'s meeting, side event and deadlines at their instants, citing the letter', async () => {
    const id = await add('cl-7-20.txt', sg20Letter('', '14 April 2027'), '2027-02-08T10:00:00Z');
    const f = await feed('/ical/SG20.ics');
    expect(f.status).toBe(200);
    expect(f.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(f.headers['cache-control']).toMatch(/max-age=\d+/);
    expect(f.cal.getFirstPropertyValue('x-wr-calname')).toBe('ITU-T SG20: meetings and deadlines');
    expect(String(f.cal.getFirstPropertyValue('refresh-interval'))).toBe('PT1H');
    expect(String(f.cal.getFirstPropertyValue('x-published-ttl'))).toBe('PT1H');
    expect(f.events).toHaveLength(5);

    // Opening at 09:30 Geneva summer time (UTC+2); no closing time: to the end of the last day.
    const [meeting] = find(f, /^Meeting of Study Group 20/);
    expect(instant(meeting?.startDate)).toBe('2027-05-03T07:30:00.000Z');
    expect(instant(meeting?.endDate)).toBe('2027-05-12T22:00:00.000Z');
    expect(meeting?.location).toBe('Geneva, Switzerland');
    const [workshop] = find(f, /digital twins/);
    expect(instant(workshop?.startDate)).toBe('2027-05-02T12:00:00.000Z');
    expect(instant(workshop?.endDate)).toBe('2027-05-02T15:30:00.000Z');
    expect(workshop?.description).toContain('Side event of: Meeting of Study Group 20');

    // A deadline with no time is due at the end of its Geneva day.
    const [contributions] = find(f, /^SG20 deadline: Contributions$/);
    expect(instant(contributions?.startDate)).toBe('2027-04-14T21:59:59.000Z');
    expect(contributions?.startDate.zone.tzid).toBe('UTC');
    const [visa] = find(f, /^SG20 deadline: Visa/);
    expect(instant(visa?.startDate)).toBe('2027-04-02T21:59:59.000Z');
    // "no later than 2359 hours UTC on 26 March 2027".
    const [consultation] = find(f, /^SG20 deadline: Consultation reply$/);
    expect(instant(consultation?.startDate)).toBe('2027-03-26T23:59:00.000Z');
    expect(contributions?.description).toContain('Submit ITU-T Member contributions');
    expect(contributions?.description).toContain(`Source: TSB Collective letter 7/20`);
    expect(contributions?.description).toContain(`${PUBLIC}/doc/${id}`);
    expect(contributions?.component.getFirstPropertyValue('url')).toBe(`${PUBLIC}/doc/${id}`);
  });

  it('keeps a moved deadline\'s UID with its new date and a higher SEQUENCE when the letter is revised', async () => {
    const before = await feed('/ical/SG20.ics');
    await add('cl-7-20-rev1.txt', sg20Letter(' Rev.1', '21 April 2027'), '2027-02-15T10:00:00Z');
    const after = await feed('/ical/SG20.ics');
    expect(after.events).toHaveLength(5);
    expect([...byUid(after).keys()].sort()).toEqual([...byUid(before).keys()].sort());

    const [old] = find(before, /^SG20 deadline: Contributions$/);
    const moved = byUid(after).get(old?.uid ?? '');
    expect(instant(moved?.startDate)).toBe('2027-04-21T21:59:59.000Z');
    expect(sequence(moved as ICAL.Event)).toBeGreaterThan(sequence(old as ICAL.Event));
    expect(instant(moved?.component.getFirstPropertyValue('dtstamp') as ICAL.Time)).toBe('2027-02-15T10:00:00.000Z');
    expect(instant(moved?.component.getFirstPropertyValue('last-modified') as ICAL.Time)).toBe('2027-02-15T10:00:00.000Z');
    expect(moved?.description).toContain(`${PUBLIC}/doc/${ids['cl-7-20-rev1.txt']}`);
    // The superseded date is nowhere in the feed.
    expect(after.events.map((e) => instant(e.startDate))).not.toContain('2027-04-14T21:59:59.000Z');
    expect(after.headers.etag).not.toBe(before.headers.etag);

    // The UIDs are the reminder planner's keys of the same deadlines.
    const planned = await currentDeadlines(store, remKeys(prefix), 'collective-letter:collectiveletter7/20');
    const uids = planned.map((c) => `deadline-${c.key}@sgbot`).sort();
    expect(uids).toHaveLength(3);
    expect(after.events.map((e) => e.uid).filter((u) => u.startsWith('deadline-')).sort()).toEqual(uids);
  });

  it('gives a Question its group\'s meetings and general deadlines, and only its own liaison replies', async () => {
    await add('sg20-ls32.txt', OUTGOING, '2027-02-15T10:00:00Z');
    await add('sg20-td310.txt', LIAISON, '2027-02-16T10:00:00Z');
    const group = await feed('/ical/SG20.ics');
    const [reply, ...more] = find(group, /^SG20 deadline: Liaison reply$/);
    expect(instant(reply?.startDate)).toBe('2027-04-30T21:59:59.000Z');
    // SG20's own liaison to SC 41 asks SC 41 for a reply: not a deadline of SG20's.
    expect(more).toEqual([]);
    expect(group.events).toHaveLength(6);

    const q4 = await feed('/ical/Q4-20.ics');
    expect(q4.cal.getFirstPropertyValue('x-wr-calname')).toBe('ITU-T Q4/20: meetings and deadlines');
    expect(q4.events.map((e) => e.uid).sort()).toEqual(group.events.map((e) => e.uid).filter((u) => u !== reply?.uid).sort());
    const q9 = await feed('/ical/Q9-20.ics');
    expect(q9.events.map((e) => e.uid)).toContain(reply?.uid);

    // The encoded-slash spelling is the same feed.
    const encoded = await feed('/ical/Q4%2F20.ics');
    expect(encoded.body).toBe(q4.body);
  });

  it('serves whole-day meetings when no opening time is given, to the group\'s feed only', async () => {
    await add('cl-3-13.txt', letterText(3, 13), '2027-02-03T10:00:00Z');
    const sg13 = await feed('/ical/SG13.ics');
    expect(sg13.events).toHaveLength(2);
    const [meeting] = find(sg13, /Study Group 13/);
    expect(meeting?.startDate.isDate).toBe(true);
    expect(meeting?.startDate.toString()).toBe('2027-05-03');
    expect(meeting?.endDate.toString()).toBe('2027-05-13');
    expect((await feed('/ical/SG20.ics')).events.some((e) => /Study Group 13/.test(e.summary))).toBe(false);
  });

  it('answers 304 to a client that has the current feed, an empty feed for a group without documents', async () => {
    const first = await feed('/ical/SG20.ics');
    const again = await app.inject({ method: 'GET', url: '/ical/SG20.ics', headers: { 'if-none-match': String(first.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(new Date(String(first.headers['last-modified'])).toISOString()).toBe('2027-02-16T10:00:00.000Z');

    const empty = await feed('/ical/SG21.ics');
    expect(empty.status).toBe(200);
    expect(empty.events).toEqual([]);
  });

  it('refuses what names no group or Question with a plain 404', async () => {
    for (const url of ['/ical/SG99.ics', '/ical/banana.ics', '/ical/SG20', '/ical/Q4-99.ics', '/ical/%3Cscript%3E.ics']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(res.body).toMatch(/^No calendar ".*": name an ITU-T group or Question, such as \/ical\/SG20\.ics/);
    }
  });

  it('links the feed from a /deadlines answer, and the link serves that feed', async () => {
    const ctx: CommandContext = {
      store,
      search: () => Promise.reject(new Error('search is not used here')),
      curated: { periods: {}, roles: [], groupTitles: {}, abbreviations: {} },
      now: NOW,
      tz: 'Europe/Zurich',
      calendarUrl: (scope) => `${PUBLIC}${calendarPath(scope)}`,
    };
    const registry = createRegistry([deadlines as unknown as CommandSpec<never>]);
    const { reply } = await answer(registry, ctx, '/deadlines Q4/20');
    expect(reply.notes).toContain(`Subscribe in Outlook or Google Calendar: ${PUBLIC}/ical/Q4-20.ics`);
    expect(renderText(reply)).toContain(`${PUBLIC}/ical/Q4-20.ics`);
    const res = await app.inject({ method: 'GET', url: new URL(`${PUBLIC}/ical/Q4-20.ics`).pathname });
    expect(res.statusCode).toBe(200);

    const none = await answer(registry, { ...ctx, calendarUrl: undefined }, '/deadlines SG20');
    expect(none.reply.notes.join(' ')).not.toMatch(/Subscribe/);
    const all = await answer(registry, ctx, '/deadlines');
    expect(all.reply.notes.join(' ')).not.toMatch(/Subscribe/);
  });
});
