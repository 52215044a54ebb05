/**
 * A meeting as the collective letter announces it: a TD that names the same meeting in its header, stored first,
 * neither replaces the letter as the source nor makes it a second meeting; the answer cites the letter, lists both
 * documents, and gives the opening and registration times in the reader's zone with the Geneva original beside
 * them. The letter is laid out as TSB collective letters are (dates made up).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli, type CliIO } from '../../src/cli.ts';

const redisUrl = inject('redisUrl');
const prefix = `it-meetings-${process.pid}`;
let dir: string;

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), env: { REDIS_URL: redisUrl, SGBOT_PREFIX: prefix }, isTTY: false };
  const code = await runCli(['node', 'sgbot', ...args], io);
  return { code, out, err };
}

const TD = [
  'INTERNATIONAL TELECOMMUNICATION UNION\tSG13-TD88/PLEN',
  'TELECOMMUNICATION STANDARDIZATION SECTOR',
  'STUDY PERIOD 2025-2028',
  'STUDY GROUP 13',
  'Original: English',
  'Question(s):\t2/13\tGeneva, 3-12 May 2027',
  'Source:\tRapporteur, Q2/13',
  'Title:\tDraft agenda of the Q2/13 sessions',
  '',
  'Abstract: This TD gives the draft agenda of the Question 2/13 sessions during the study group meeting.',
  '',
  '1 An ad hoc group on network slicing will meet on 5 May 2027 from 1400 to 1530 hours (Geneva time).',
  '2 The previous ad hoc meeting was held on 12 January 2027.',
].join('\n');

const LETTER = [
  'INTERNATIONAL TELECOMMUNICATION UNION',
  'TELECOMMUNICATION STANDARDIZATION BUREAU',
  'Geneva, 2 February 2027',
  'Ref:\tTSB Collective letter 4/13',
  'Subject:\tMeeting of Study Group 13; Geneva, 3-12 May 2027',
  '',
  'Dear Sir/Madam,',
  '1 I am pleased to invite you to the meeting of Study Group 13, which will be held at ITU headquarters, Geneva, from 3 to 12 May 2027 inclusive.',
  'The meeting will open at 0930 hours on the first day. Participants can register from 0830 hours at the Montbrillant entrance. Remote participation will be available: the meeting is hybrid.',
  '2 A newcomers\' briefing will be held on 3 May 2027 from 1230 to 1330 hours (Geneva time).',
  '',
  'Key deadlines:',
  '20 April 2027\tSubmit ITU-T Member contributions',
  '',
  'Yours faithfully,',
  'Director, TSB',
].join('\n');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sgbot-meetings-'));
  writeFileSync(join(dir, 'a-td88.txt'), TD);
  const first = await cli('ingest', join(dir, 'a-td88.txt'), '--no-progress');
  expect(first.code, first.err).toBe(0);
  writeFileSync(join(dir, 'b-cl-4-13.txt'), LETTER);
  const second = await cli('ingest', join(dir, 'b-cl-4-13.txt'), '--no-progress');
  expect(second.code, second.err).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('/meeting SG13 with a letter and a TD of the same meeting', () => {
  it('is one meeting, cited from the collective letter, with both documents listed', async () => {
    const r = await cli('ask', '/meeting SG13', '--json', '--now', '2027-03-01', '--tz', 'Asia/Tokyo');
    expect(r.code, r.err).toBe(0);
    const reply = JSON.parse(r.out) as { sources: Array<{ reference: string | null }>; data: { meetings?: Array<Record<string, unknown>> } };
    expect(reply.sources[0]?.reference).toBe('TSB Collective letter 4/13');
    const text = (await cli('ask', '/meeting SG13', '--now', '2027-03-01', '--tz', 'Asia/Tokyo')).out;
    expect(text.match(/3–12 May 2027|3-12 May 2027/g)?.length ?? 0).toBeGreaterThanOrEqual(1);
    expect(text).toContain('SG13-TD88');
    // The ad hoc meeting the TD announces is listed with the letter's briefing, in the reader's zone.
    expect(text).toContain('Side event: ad hoc group on network slicing');
    expect(text).toContain('Wed 5 May 2027, 21:00–22:30 (Asia/Tokyo) — original: 5 May 2027, 14:00–15:30 Geneva time');
    expect(text).not.toContain('12 January 2027');
    // 09:30 in Geneva (summer time, UTC+2) is 16:30 in Tokyo.
    expect(text).toMatch(/Mon 3 May 2027, 16:30 \(Asia\/Tokyo\) — original: 3 May 2027, 09:30 Geneva time/);
  });

  it('keeps the opening and registration times, the hybrid format and the newcomers\' briefing', async () => {
    const r = await cli('parse', join(dir, 'b-cl-4-13.txt'), '--json');
    const parsed = JSON.parse(r.out) as { meeting: Record<string, unknown>; events: Array<Record<string, unknown>> };
    expect(parsed.meeting).toMatchObject({ group: 'SG13', start: '2027-05-03', end: '2027-05-12', startTime: '09:30', registrationTime: '08:30', format: 'hybrid', timezone: 'Europe/Zurich' });
    expect(parsed.events).toEqual([expect.objectContaining({ start: '2027-05-03', startTime: '12:30', endTime: '13:30', timezone: 'Europe/Zurich' })]);
  });
});

describe('--tz Asia/Tokyo converts every time', () => {
  it('in /doc: opening, registration, side event, deadline and when it was stored', async () => {
    const r = await cli('ask', '/doc TSB Collective letter 4/13', '--now', '2027-03-01', '--tz', 'Asia/Tokyo');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('opens Mon 3 May 2027, 16:30 (Asia/Tokyo) — original: 3 May 2027, 09:30 Geneva time');
    expect(r.out).toContain('registration from Mon 3 May 2027, 15:30 (Asia/Tokyo) — original: 3 May 2027, 08:30 Geneva time');
    expect(r.out).toContain('Mon 3 May 2027, 19:30–20:30 (Asia/Tokyo) — original: 3 May 2027, 12:30–13:30 Geneva time');
    expect(r.out).toContain('Wed 21 Apr 2027, 06:59 (Asia/Tokyo) — original: 20 April 2027 Geneva time, end of day');
    expect(r.out).toMatch(/stored \w{3} \d{1,2} \w{3} \d{4}, \d\d:\d\d \(Asia\/Tokyo\)/);
    expect(r.out).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:/);
  });

  it('finds a collective letter by its short form, CL 4/13', async () => {
    const r = await cli('ask', '/doc CL 4/13', '--now', '2027-03-01', '--tz', 'Asia/Tokyo');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('TSB Collective letter 4/13');
  });

  it('in /deadlines and /meeting', async () => {
    const dl = await cli('ask', '/deadlines SG13', '--now', '2027-03-01', '--tz', 'Asia/Tokyo');
    expect(dl.out).toContain('Wed 21 Apr 2027, 06:59 (Asia/Tokyo) — original: 20 April 2027 Geneva time, end of day');
    const mt = await cli('ask', '/meeting SG13', '--now', '2027-03-01', '--tz', 'Asia/Tokyo');
    expect(mt.out).toContain('Mon 3 May 2027, 19:30–20:30 (Asia/Tokyo) — original: 3 May 2027, 12:30–13:30 Geneva time');
  });
});
