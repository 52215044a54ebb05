/**
 * The store, the search index, the commands and the CLI against a real redis-server (started by
 * test/setup/global-redis.ts). Each test uses its own key prefix.
 */
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli, type CliIO } from '../../src/cli.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/docs');
const redisUrl = inject('redisUrl');
let dir: string;

/** Run the CLI in-process with its own prefix; capture stdout, stderr and the exit code. */
async function cli(prefix: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), env: { REDIS_URL: redisUrl, SGBOT_PREFIX: prefix }, isTTY: false };
  const code = await runCli(['node', 'sgbot', ...args], io);
  return { code, out, err };
}

function letter(rev: string, deadline: string): string {
  return [
    'TELECOMMUNICATION STANDARDIZATION BUREAU',
    'Geneva, 2 February 2027',
    `Ref: TSB Collective letter 4/13${rev}`,
    'Subject: Meeting of Study Group 13; Geneva, 3-12 May 2027',
    'Dear Sir/Madam,',
    '1 I invite you to the meeting of Study Group 13 at ITU headquarters from 3 to 12 May 2027.',
    'Key deadlines:',
    `${deadline}\tSubmit ITU-T Member contributions`,
    '',
    'Yours faithfully,',
  ].join('\n');
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sgbot-it-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ingest and ask', () => {
  const prefix = `it-ask-${process.pid}`;

  it('ingests the corpus, and a second ingest stores nothing twice', async () => {
    const first = await cli(prefix, 'ingest', FIXTURES, '--json');
    expect(first.code).toBe(0);
    const s1 = JSON.parse(first.out) as { added: number; duplicates: number; problems: unknown[] };
    expect(s1.added).toBeGreaterThanOrEqual(25);
    expect(s1.problems).toEqual([]);
    const second = JSON.parse((await cli(prefix, 'ingest', FIXTURES, '--json')).out) as { added: number; duplicates: number };
    expect(second).toMatchObject({ added: 0, duplicates: s1.added });
  });

  it('lists upcoming deadlines only, soonest first, citing the letter', async () => {
    const early = JSON.parse((await cli(prefix, 'ask', '/deadlines SG5', '--json', '--now', '2026-07-01')).out) as {
      data: { upcoming: Array<{ date: string; category: string; source: { reference: string } }> };
    };
    const dates = early.data.upcoming.map((d) => d.date);
    expect(dates).toEqual([...dates].sort());
    expect(early.data.upcoming.map((d) => `${d.date} ${d.category}`)).toContain('2026-09-02 contributions');
    expect(early.data.upcoming.every((d) => d.date >= '2026-07-01')).toBe(true);
    expect(early.data.upcoming[0]?.source.reference).toMatch(/Collective letter/i);
    const late = JSON.parse((await cli(prefix, 'ask', 'deadlines for SG5', '--json', '--now', '2026-08-20')).out) as { data: { upcoming: Array<{ date: string }> } };
    expect(late.data.upcoming.map((d) => d.date)).toEqual(['2026-09-02']);
  });

  it('shows times in the asker zone with the original beside them', async () => {
    const { out } = await cli(prefix, 'ask', '/deadlines SG17', '--now', '2025-09-01', '--tz', 'Asia/Tokyo');
    expect(out).toMatch(/original: \d+ \w+ 2025, 23:59 UTC/);
  });

  it('answers the next meeting in natural words and with a slash command alike', async () => {
    const a = JSON.parse((await cli(prefix, 'ask', 'when is the next SG13 meeting', '--json', '--now', '2017-06-01')).out) as { command: string; data: unknown };
    const b = JSON.parse((await cli(prefix, 'ask', '/meeting SG13', '--json', '--now', '2017-06-01')).out) as { command: string; data: unknown };
    expect(a.command).toBe('meeting');
    expect(a.data).toEqual(b.data);
    expect(JSON.stringify(a.data)).toContain('"start":"2017-11-06"');
  });

  it('says who leads a topic, with a source, and "not found" rather than a guess', async () => {
    const yes = JSON.parse((await cli(prefix, 'ask', '/lsg who leads IoT identification', '--json')).out) as { ok: boolean; data: { groups: string[] }; sources: unknown[] };
    expect(yes.ok).toBe(true);
    expect(yes.data.groups).toEqual(['SG20']);
    expect(yes.sources.length).toBeGreaterThan(0);
    const no = await cli(prefix, 'ask', '/lsg who leads underwater basket weaving', '--json');
    expect(no.code).toBe(1);
    expect(JSON.parse(no.out)).toMatchObject({ ok: false, code: 'E_NOT_FOUND', data: { found: false, groups: [] } });
  });

  it('finds documents by their words, and the index survives a restart', async () => {
    // Each CLI call is a new process state: the index comes back from Redis.
    const r = JSON.parse((await cli(prefix, 'ask', 'search lift monitoring', '--json')).out) as { ok: boolean; data: { hits: unknown[] } };
    const r2 = JSON.parse((await cli(prefix, 'ask', 'search AI-native networks', '--json')).out) as { ok: boolean; data: { hits: Array<{ kind: string }> } };
    expect(r.ok || r2.ok).toBe(true);
    expect(r2.data.hits[0]?.kind).toBe('circular');
  });

  it('refuses an unknown group, listing the known ones', async () => {
    const r = await cli(prefix, 'ask', '/deadlines SG99');
    expect(r.code).toBe(1);
    expect(r.err).toContain('"SG99" is not an ITU-T group');
    expect(r.err).toMatch(/Known groups: .*SG20/);
  });

  it('suggests the command for a typo and exits 2', async () => {
    const r = await cli(prefix, 'ask', '/dedlines SG20');
    expect(r.code).toBe(2);
    expect(r.err).toContain('Did you mean /deadlines?');
  });
});

describe('revisions', () => {
  const prefix = `it-rev-${process.pid}`;
  it('a revised letter supersedes the earlier deadlines instead of adding to them', async () => {
    writeFileSync(join(dir, 'cl.txt'), letter('', '20 April 2027'));
    writeFileSync(join(dir, 'cl-rev1.txt'), letter(' Rev.1', '22 April 2027'));
    expect((await cli(prefix, 'ingest', join(dir, 'cl.txt'))).code).toBe(0);
    const before = JSON.parse((await cli(prefix, 'ask', '/deadlines SG13', '--json', '--now', '2027-03-01')).out) as { data: { upcoming: Array<{ date: string }> } };
    expect(before.data.upcoming.map((d) => d.date)).toEqual(['2027-04-20']);
    const ing = JSON.parse((await cli(prefix, 'ingest', join(dir, 'cl-rev1.txt'), '--json')).out) as { revisions: number };
    expect(ing.revisions).toBe(1);
    const after = JSON.parse((await cli(prefix, 'ask', '/deadlines SG13', '--json', '--now', '2027-03-01')).out) as { data: { upcoming: Array<{ date: string }> } };
    expect(after.data.upcoming.map((d) => d.date)).toEqual(['2027-04-22']);
    // The older revision arriving late changes nothing.
    writeFileSync(join(dir, 'cl-copy.txt'), `${letter('', '20 April 2027')}\n`);
    await cli(prefix, 'ingest', join(dir, 'cl-copy.txt'));
    const still = JSON.parse((await cli(prefix, 'ask', '/deadlines SG13', '--json', '--now', '2027-03-01')).out) as { data: { upcoming: Array<{ date: string }> } };
    expect(still.data.upcoming.map((d) => d.date)).toEqual(['2027-04-22']);
  });

  // Reported: a 2026 letter of SG13's Arab regional group, numbered 3/13 in its study period, was stored as a revision
  // of SG13's letter 3/13 of 2017 and hid it. Letters are numbered afresh each study period.
  it('the same letter number in another study period or of another group is another document', async () => {
    const p = `${prefix}-periods`;
    const cl = (date: string, group: string, meeting: string) =>
      ['TELECOMMUNICATION STANDARDIZATION BUREAU', `Geneva, ${date}`, 'Ref: TSB Collective letter 3/13', `Subject: Meeting of ${group}; ${meeting}`, 'Dear Sir/Madam,', `1 I invite you to the meeting of ${group}, ${meeting}.`, '', 'Yours faithfully,'].join('\n');
    writeFileSync(join(dir, 'cl-2017.txt'), cl('14 February 2017', 'Study Group 13', 'Geneva, 17-28 April 2017'));
    writeFileSync(join(dir, 'cl-2026.txt'), cl('2 October 2026', 'the Regional Group of Study Group 13 for the Arab Region (SG13RG-ARB)', 'Muscat, Oman, 9-10 December 2026'));
    expect((await cli(p, 'ingest', join(dir, 'cl-2017.txt'))).code).toBe(0);
    const ing = JSON.parse((await cli(p, 'ingest', join(dir, 'cl-2026.txt'), '--json')).out) as { added: number; revisions: number };
    expect(ing).toMatchObject({ added: 1, revisions: 0 });
    // Asked in March 2017, the 2017 letter's meeting is still the next one: the 2026 letter did not supersede it.
    const old = JSON.parse((await cli(p, 'ask', '/meeting SG13', '--json', '--now', '2017-03-01')).out) as { ok: boolean; data: Record<string, unknown> };
    expect(old.ok).toBe(true);
    expect(JSON.stringify(old.data)).toContain('2017-04-17');
    const found = JSON.parse((await cli(p, 'ask', '/doc TSB Collective letter 3/13', '--json')).out) as { data: { document: { parsed: { date: string }; supersededBy: string | null } } };
    expect(found.data.document).toMatchObject({ parsed: { date: '2026-10-02' }, supersededBy: null });
  });

  // Reported: /ls listed one liaison three times, received as a Datatracker page, its notification mail and the
  // sender's own copy (three texts, so three documents).
  it('lists a liaison received in several copies once', async () => {
    const p = `${prefix}-copies`;
    const real = join(import.meta.dirname, '../fixtures/real');
    const copies = ['ietf-datatracker-509-sg13-response-to-iab.txt', 'ietf-mail-509-sg13-response-to-iab-notification.txt'].map((f) => join(real, f));
    const ing = JSON.parse((await cli(p, 'ingest', ...copies, '--json')).out) as { added: number };
    expect(ing.added).toBe(2);
    const a = JSON.parse((await cli(p, 'ask', '/ls SG13', '--json', '--now', '2009-06-01')).out) as { data: { awaitingAction: unknown[]; expectedReplies: Array<{ source: { title: string } }>; recent: Array<{ source: { title: string } }> } };
    const listed = [...a.data.expectedReplies, ...a.data.recent].map((l) => l.source.title);
    expect(listed).toEqual(['Response to IETF IAB liaison']);
  });

  // Reported: "sg20 may meeting opening time" was answered with the March meeting.
  it('answers about the meeting of the month asked, and says when none is known then', async () => {
    const p = `${prefix}-months`;
    const cl = (n: number, date: string, meeting: string, opens: string) =>
      ['TELECOMMUNICATION STANDARDIZATION BUREAU', `Geneva, ${date}`, `Ref: TSB Collective letter ${n}/13`, `Subject: Meeting of Study Group 13; Geneva, ${meeting}`, 'Dear Sir/Madam,', `1 I invite you to the meeting of Study Group 13, Geneva, ${meeting}. The meeting will open at ${opens} hours on the first day.`, '', 'Yours faithfully,'].join('\n');
    writeFileSync(join(dir, 'cl-march.txt'), cl(8, '10 December 2026', '8-19 March 2027', '0930'));
    writeFileSync(join(dir, 'cl-may.txt'), cl(9, '11 January 2027', '3-12 May 2027', '1430'));
    expect((await cli(p, 'ingest', join(dir, 'cl-march.txt'), join(dir, 'cl-may.txt'))).code).toBe(0);
    const ask = async (q: string) => JSON.parse((await cli(p, 'ask', q, '--json', '--now', '2027-01-20', '--tz', 'Europe/Zurich')).out) as { title: string; notes: string[] };
    expect((await ask('/meeting SG13')).title).toBe('Next meeting of SG13');
    expect((await ask('what time does the SG13 meeting open')).title).toMatch(/^SG13 opens Mon 8 Mar 2027, 09:30/);
    expect((await ask('sg13 may meeting opening time')).title).toMatch(/^SG13 opens Mon 3 May 2027, 14:30/);
    expect((await ask('where is the SG13 meeting in May 2027')).title).toBe('SG13 meets in Geneva, Switzerland');
    const august = await ask('SG13 meeting in August');
    expect(august.title).toBe('Next meeting of SG13');
    expect(august.notes[0]).toBe('No SG13 meeting is known in August 2027; this is the next one.');
  });

  it('answers /meeting for each group of a letter announcing meetings of several, citing the letter', async () => {
    writeFileSync(
      join(dir, 'cl-wp.txt'),
      [
        'TELECOMMUNICATION STANDARDIZATION BUREAU',
        'Geneva, 1 February 2027',
        'Ref: TSB Collective letter 6/16',
        'Subject: Meetings of Working Party 2/16 and of Study Group 17',
        'Dear Sir/Madam,',
        '1 Working Party 2/16 will meet at ITU headquarters in Geneva from 7 to 9 June 2027, and Study Group 17 from 14 to 23 June 2027.',
        'Yours faithfully,',
      ].join('\n'),
    );
    expect((await cli(prefix, 'ingest', join(dir, 'cl-wp.txt'))).code).toBe(0);
    type Answer = { data: { meetings: Array<{ title: string; start: string; end: string; place: string | null; source: { reference: string } }> } };
    const sg16 = JSON.parse((await cli(prefix, 'ask', '/meeting SG16', '--json', '--now', '2027-03-01')).out) as Answer;
    expect(sg16.data.meetings.map((m) => [m.title, m.start, m.end, m.place, m.source.reference])).toEqual([['Meeting of Working Party 2/16', '2027-06-07', '2027-06-09', 'Geneva, Switzerland', 'TSB Collective letter 6/16']]);
    const sg17 = JSON.parse((await cli(prefix, 'ask', '/meeting SG17', '--json', '--now', '2027-03-01')).out) as Answer;
    expect(sg17.data.meetings.map((m) => [m.title, m.start, m.end, m.source.reference])).toEqual([['Meeting of Study Group 17', '2027-06-14', '2027-06-23', 'TSB Collective letter 6/16']]);
  });
});

describe('bad input', () => {
  const prefix = `it-bad-${process.pid}`;
  it('reports unreadable files, goes on with the batch and loses nothing stored', async () => {
    writeFileSync(join(dir, 'good.txt'), letter('', '20 April 2027'));
    expect((await cli(prefix, 'ingest', join(dir, 'good.txt'))).code).toBe(0);
    const bad = join(dir, 'bad');
    rmSync(bad, { recursive: true, force: true });
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'junk.txt'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    writeFileSync(join(dir, 'corrupt.docx'), Buffer.from('PK\u0003\u0004 this is not really a zip file at all'));
    writeFileSync(join(dir, 'huge.txt'), '');
    truncateSync(join(dir, 'huge.txt'), 51 * 1024 * 1024);
    writeFileSync(join(dir, 'other.txt'), letter('', '20 April 2027').replace('4/13', '5/12').replace(/Study Group 13/g, 'Study Group 12'));
    const r = await cli(prefix, 'ingest', join(dir, 'empty.txt'), join(dir, 'junk.txt'), join(dir, 'corrupt.docx'), join(dir, 'huge.txt'), join(dir, 'other.txt'), '--json');
    expect(r.code).toBe(1);
    const s = JSON.parse(r.out) as { added: number; problems: Array<{ code: string }> };
    expect(s.added).toBe(1);
    expect(s.problems.map((p) => p.code).sort()).toEqual(['E_BAD_DOCUMENT', 'E_BAD_DOCUMENT', 'E_BAD_DOCUMENT', 'E_TOO_LARGE']);
    // A path that does not exist is a mistake to fix, not a document to keep: exit 1, nothing stored.
    const missing = await cli(prefix, 'ingest', join(dir, 'missing.pdf'));
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/missing\.pdf/);
    const all = JSON.parse((await cli(prefix, 'ask', '/deadlines', '--json', '--now', '2027-03-01')).out) as { data: { upcoming: unknown[] } };
    expect(all.data.upcoming).toHaveLength(2);
  });

  it('parse gives a clear message and exit 1 for unreadable files, 2 for bad usage', async () => {
    const empty = await cli(prefix, 'parse', join(dir, 'empty.txt'));
    expect(empty.code).toBe(1);
    expect(empty.err).toMatch(/empty/i);
    const corrupt = await cli(prefix, 'parse', join(dir, 'corrupt.docx'));
    expect(corrupt.code).toBe(1);
    expect(corrupt.err).toMatch(/docx/i);
    expect((await cli(prefix, 'frobnicate')).code).toBe(2);
    expect((await cli(prefix, 'ask', 'x', '--tz', 'Mars/Olympus')).code).toBe(2);
    // The demo inbox's template, parsed as it is in the clone: said to be one, and where the filled-in copy is.
    const template = await cli(prefix, 'parse', new URL('../../sample/inbox/01-sg20-collective-letter.eml', import.meta.url).pathname);
    expect(template.code).toBe(0);
    expect(template.err).toContain('it is a template of the demo inbox');
    expect(template.err).toContain('.sgbot/sample-inbox/');
  });

  it('parse --json prints the documented shape (docs/architecture.md)', async () => {
    const r = await cli(prefix, 'parse', join(dir, 'good.txt'), '--json');
    expect(r.code).toBe(0);
    const p = JSON.parse(r.out) as Record<string, unknown>;
    for (const k of ['kind', 'group', 'reference', 'date', 'title', 'meeting', 'events', 'deadlines', 'liaison', 'roles', 'recommendations', 'questions'])
      expect(p).toHaveProperty(k);
    expect(p['deadlines']).toEqual([{ date: '2027-04-20', time: null, timezone: 'Europe/Zurich', action: 'Submit ITU-T Member contributions', category: 'contributions', derived: false }]);
  });
});
