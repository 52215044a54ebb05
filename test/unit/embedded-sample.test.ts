/**
 * The sample inbox of `sgbot start` is rendered for the week it runs in: whatever the day (leap day, DST change,
 * year end, years from now), every deadline is still ahead, the letters are not dated in the future, and the parser
 * reads each rendered mail with the facts the templates were written to carry.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { ParsedDocument } from '../../src/core/types.ts';
import { readSampleTemplates, renderSample, sampleDates, writeSampleInbox, type SampleDateName } from '../../src/embedded/sample.ts';
import { extractFile } from '../../src/ingest/extract.ts';
import { parsePart } from '../../src/ingest/pipeline.ts';

const DEADLINES: SampleDateName[] = ['lsDeadline', 'sg20Caption', 'sg20Fellow', 'sg20Reg', 'sg20Contrib', 'circReply', 'sg13Interp', 'sg13Fellow', 'sg13Reg', 'sg13Visa', 'sg13Contrib'];

/** Days on which calendars go wrong: leap days, DST changes (EU and US), year ends, ISO week 53, far future. */
const AWKWARD_DAYS = [
  '2026-11-21T08:00:00Z',
  '2028-02-29T23:30:00Z',
  '2027-03-28T01:30:00Z',
  '2026-10-25T00:59:59Z',
  '2026-11-01T06:00:00Z',
  '2026-12-31T23:59:59Z',
  '2027-01-01T00:00:00Z',
  '2026-12-28T12:00:00Z', // ISO week 53 of 2026
  '2029-12-31T12:00:00Z', // week 1 of 2030
  '2027-10-06T12:00:00Z', // the SG20 meeting runs from December into January
  '2027-08-02T12:00:00Z', // the SG20 meeting runs across two months
  '2030-06-15T12:00:00Z',
  '2035-02-28T12:00:00Z',
];

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

function checkDates(today: Date): void {
  const { dates, week } = sampleDates(today);
  const day = isoDay(today);
  expect(week).toMatch(/^\d{4}-W\d{2}$/);
  // Letters are dated the Monday of this week: not after today, at most six days before.
  expect(dates.sent <= day).toBe(true);
  expect(Date.parse(day) - Date.parse(dates.sent)).toBeLessThanOrEqual(6 * 86_400_000);
  expect(dates.lsApproved < dates.sent).toBe(true);
  for (const name of DEADLINES) {
    // At least ten days ahead, so the demo shows upcoming deadlines for the whole week it was made for.
    expect(Date.parse(dates[name]) - Date.parse(day), `${name} ${dates[name]} for ${day}`).toBeGreaterThanOrEqual(10 * 86_400_000);
    expect(new Date(`${dates[name]}T12:00:00Z`).getUTCDay(), `${name} falls on a weekday`).not.toBe(0);
    expect(new Date(`${dates[name]}T12:00:00Z`).getUTCDay(), `${name} falls on a weekday`).not.toBe(6);
  }
  for (const name of DEADLINES.filter((n) => n.startsWith('sg20') || n === 'circReply')) expect(dates[name] < dates.sg20Start).toBe(true);
  for (const name of DEADLINES.filter((n) => n.startsWith('sg13'))) expect(dates[name] < dates.sg13Start).toBe(true);
  expect(dates.sg20Start < dates.sg20End && dates.sg13Start < dates.sg13End).toBe(true);
}

describe('sample dates', () => {
  it.each(AWKWARD_DAYS)('are ahead of %s', (when) => checkDates(new Date(when)));

  it('are ahead for any day from 2026 to 2040', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2040-12-31T23:59:59Z'), noInvalidDate: true }), (today) => checkDates(today)),
      { numRuns: 500 },
    );
  });

  it('stay the same through a week and move on the next Monday (UTC)', () => {
    const monday = sampleDates(new Date('2026-11-16T00:00:00Z'));
    expect(sampleDates(new Date('2026-11-22T23:59:59Z'))).toEqual(monday);
    const next = sampleDates(new Date('2026-11-23T00:00:00Z'));
    expect(next.week).toBe('2026-W48');
    expect(next.dates.sent > monday.dates.sent).toBe(true);
  });
});

describe('rendering', () => {
  it('fills every placeholder of every template', async () => {
    const templates = await readSampleTemplates();
    expect(templates.length).toBeGreaterThanOrEqual(4);
    for (const t of templates) {
      const text = renderSample(t.text, sampleDates(new Date('2027-10-06T12:00:00Z')), t.name);
      expect(text, t.name).not.toMatch(/\{\{|\}\}/);
      expect(text, t.name).toMatch(/^List-Id: .*<t25sg\d+(?:q\d+)?\.lists\.itu\.int>$/m);
    }
  });

  it('writes meeting ranges as letters do', () => {
    const sample = sampleDates(new Date('2027-10-06T12:00:00Z'));
    expect(renderSample('{{range:sg20Start..sg20End}}', sample)).toBe('28 December 2027 - 6 January 2028');
    expect(renderSample('{{range:sg13Start..sg13End}}', sample)).toBe('17-28 January 2028');
    expect(renderSample('{{range:sg20Start..sg20End}}', sampleDates(new Date('2027-08-02T12:00:00Z')))).toBe('26 October - 4 November 2027');
    expect(renderSample('{{d:sent}} | {{rfc:sent}} | {{week}}', sample)).toBe('4 October 2027 | Mon, 04 Oct 2027 09:00:00 +0000 | 2027-W40');
  });

  it('refuses a placeholder it does not know, naming it', () => {
    const sample = sampleDates(new Date('2027-10-06T12:00:00Z'));
    const failure = (template: string) => {
      try {
        renderSample(template, sample, 'x.eml');
      } catch (err) {
        return err as { code?: string; message: string };
      }
      return null;
    };
    expect(failure('on {{d:sg99Start}}')).toMatchObject({ code: 'E_BAD_DOCUMENT' });
    expect(failure('on {{d:sg99Start}}')?.message).toContain('x.eml: unknown sample date "sg99Start"');
    expect(failure('{{when}}')?.message).toContain('unknown placeholder {{when}}');
  });
});

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Render the inbox for `today` and parse each mail as ingest does. */
async function parsedInbox(today: Date): Promise<Map<string, { parsed: ParsedDocument; list: string | null }>> {
  const dir = mkdtempSync(join(tmpdir(), 'sgbot-sample-'));
  dirs.push(dir);
  const inbox = await writeSampleInbox({ dataDir: dir, today });
  const out = new Map<string, { parsed: ParsedDocument; list: string | null }>();
  for (const path of inbox.paths) {
    const { parts, problems } = await extractFile(path);
    expect(problems).toEqual([]);
    expect(parts).toHaveLength(1);
    const part = parts[0];
    if (!part) continue;
    const { parsed, error } = parsePart(part);
    expect(error).toBeNull();
    out.set(path.split('/').pop() as string, { parsed, list: part.origin.list?.list ?? null });
  }
  return out;
}

const deadlinesOf = (p: ParsedDocument) => p.deadlines.map((d) => `${d.date} ${d.category}${d.time ? ` ${d.time} ${d.timezone}` : ''}`).sort();

describe('the parser reads every rendered sample', () => {
  it.each(AWKWARD_DAYS)('for %s', async (when) => {
    const today = new Date(when);
    const { dates: d } = sampleDates(today);
    const docs = await parsedInbox(today);
    expect([...docs.keys()]).toEqual(['01-sg20-collective-letter.eml', '02-sg13-collective-letter.eml', '03-tsb-circular-sg20-tap.eml', '04-ls-sg20-to-sg17.eml', '05-sg20-td-q2-work-programme.eml']);

    const cl20 = docs.get('01-sg20-collective-letter.eml');
    expect(cl20?.list).toBe('t25sg20@lists.itu.int');
    expect(cl20?.parsed).toMatchObject({ kind: 'collective-letter', group: 'SG20', reference: 'TSB Collective letter 4/20', date: d.sent, meeting: { group: 'SG20', start: d.sg20Start, end: d.sg20End } });
    expect(deadlinesOf(cl20?.parsed as ParsedDocument)).toEqual(
      [`${d.sg20Caption} captioning`, `${d.sg20Caption} translated-contributions`, `${d.sg20Fellow} fellowship`, `${d.sg20Reg} registration`, `${d.sg20Reg} visa`, `${d.sg20Contrib} contributions`].sort(),
    );
    expect(cl20?.parsed.deadlines.every((x) => !x.derived && x.timezone === 'Europe/Zurich')).toBe(true);

    const cl13 = docs.get('02-sg13-collective-letter.eml');
    expect(cl13?.parsed).toMatchObject({ kind: 'collective-letter', group: 'SG13', reference: 'TSB Collective letter 7/13', date: d.sent, meeting: { group: 'SG13', start: d.sg13Start, end: d.sg13End } });
    expect(deadlinesOf(cl13?.parsed as ParsedDocument)).toEqual(
      [`${d.sg13Interp} interpretation`, `${d.sg13Fellow} fellowship`, `${d.sg13Reg} registration`, `${d.sg13Visa} visa`, `${d.sg13Contrib} contributions`].sort(),
    );

    const circ = docs.get('03-tsb-circular-sg20-tap.eml');
    expect(circ?.parsed).toMatchObject({ kind: 'circular', group: 'SG20', reference: 'TSB Circular 412', date: d.sent });
    expect(deadlinesOf(circ?.parsed as ParsedDocument)).toEqual([`${d.circReply} consultation-reply 23:59 UTC`]);
    expect(circ?.parsed.recommendations).toContainEqual(expect.objectContaining({ id: 'Y.4250', ex: 'Y.SC-twinreg' }));

    const ls = docs.get('04-ls-sg20-to-sg17.eml');
    expect(ls?.list).toBe('t25sg17@lists.itu.int');
    expect(ls?.parsed).toMatchObject({ kind: 'liaison-statement', group: 'SG20', reference: 'SG20-LS88', liaison: { from: 'SG20', to: ['SG17'], cc: ['SG13'], purpose: 'action', deadline: d.lsDeadline, questions: ['Q6/20'] } });
    expect(deadlinesOf(ls?.parsed as ParsedDocument)).toEqual([`${d.lsDeadline} liaison-reply`]);

    const td = docs.get('05-sg20-td-q2-work-programme.eml');
    expect(td?.list).toBe('t25sg20q2@lists.itu.int');
    expect(td?.parsed).toMatchObject({ kind: 'td', group: 'SG20', reference: 'SG20-TD215/WP1', deadlines: [] });
  });
});
