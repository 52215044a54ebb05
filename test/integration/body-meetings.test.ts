/**
 * Another body's next meetings, as the liaisons and reports that list them are ingested (real documents of 3GPP and
 * MEF layouts and an ITU-R liaison that names its next meeting in a sentence, test/fixtures/real): asked "when does MEF meet next" from the terminal, and shown beside the liaison
 * in `/ls` so that a reply can reach the sender's next meeting. Against the test Redis.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { REAL_DIR } from '../support/real-corpus.ts';
import { cli, uniquePrefix } from '../support/slack-fake.ts';

const redisUrl = inject('redisUrl');
const prefix = uniquePrefix('body-meetings');
const dir = mkdtempSync(join(tmpdir(), 'sgbot-bodies-'));

interface Answer {
  ok: boolean;
  command: string | null;
  title: string;
  notes: string[];
  sections: Array<{ items: Array<{ text: string; detail?: string }> }>;
}

async function ask(text: string, now: string): Promise<Answer> {
  const r = await cli(redisUrl, prefix, 'ask', text, '--json', '--now', now, '--tz', 'Europe/Zurich');
  return JSON.parse(r.out || r.err) as Answer;
}

beforeAll(async () => {
  for (const f of ['ietf-datatracker-1604-mef-forthcoming-meetings-month-first.txt', '3gpp-sa2-ls-slice-analytics-to-sa5-cc-list.txt', '3gpp-sa2-132-report-future-meeting-calendar.txt', '3gpp-ran2-reply-ls-dynamic-plr-cc-sa2.txt', 'itu-r-wp5a-ls-to-mgws-external-orgs-status-line.txt']) copyFileSync(join(REAL_DIR, f), join(dir, f));
  const r = await cli(redisUrl, prefix, 'ingest', dir, '--no-progress');
  if (r.code !== 0) throw new Error(r.err);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("another body's meetings, asked", () => {
  it('"when does MEF meet next": the meetings its liaison lists, from the asking day on', async () => {
    const a = await ask('when does MEF meet next', '2019-03-01T09:00Z');
    expect(a).toMatchObject({ ok: true, command: 'meeting', title: 'Next meeting of MEF: 29 April – 2 May 2019, Dubrovnik, Croatia' });
    expect(a.sections[0]?.items.map((i) => i.text)).toEqual(['MEF meeting: 29 April – 2 May 2019, Dubrovnik, Croatia', 'MEF meeting: 29 July – 1 August 2019']);
  });

  it('"the next 3GPP SA2 meeting": one body for "SA2", "TSG-SA WG2" and "3GPPSA2", from a liaison and a report', async () => {
    const a = await ask('when is the next 3GPP SA2 meeting?', '2019-05-01T09:00Z');
    expect(a.title).toBe('Next meeting of 3GPP SA2: 13–17 May 2019, Reno, Nevada, USA');
    expect(a.sections[0]?.items.map((i) => i.text.split(':')[0])).toEqual(['3GPPSA2#133', '3GPPSA2#134', '3GPPSA2#135', '3GPPSA2#136']);
  });

  it('a body whose listed meetings are all over: the last ones, said to be so', async () => {
    const a = await ask('where does RAN2 meet next', '2020-01-01T09:00Z');
    expect(a.title).toBe('Last meeting listed of TSG-RAN2: 25 February – 1 March 2019, Athens, Greece');
    expect(a.notes[0]).toBe('No meeting of TSG-RAN2 to come is listed in a stored document; these are the last ones listed.');
  });

  it('"when does ITU-R WP 5A meet next": the meeting its liaison names in a sentence, under any spelling of the group', async () => {
    for (const q of ['when does ITU-R WP 5A meet next', 'next meeting of Working Party 5A?']) {
      const a = await ask(q, '2013-06-01T09:00Z');
      expect(a).toMatchObject({ ok: true, command: 'meeting', title: 'Next meeting of Working Party 5A: 18–29 November 2013' });
    }
  });

  it("/ls shows when a statement's sender meets next", async () => {
    const a = await ask('ls', '2018-11-01T09:00Z');
    const ls = a.sections.flatMap((s) => s.items).find((i) => i.text.startsWith('LS on slice related Data Analytics'));
    expect(ls?.detail).toContain('its sender meets next: SA2#129-bis 26–30 November 2018, West Palm Beach, US; SA2#130 21–25 January 2019, Kochi, India');
  });
});
