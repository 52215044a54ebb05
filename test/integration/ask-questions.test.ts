/**
 * Plain-language questions answered from the fixture corpus, through the terminal (`sgbot ask … --json`) and through
 * the Slack and Teams ask paths, against the test Redis. Asked as of Sunday 6 December 2026 by a reader in Tokyo
 * unless a test says otherwise; each phrasing is what a delegate would type.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ask as askSlack } from '../../src/chat/slack/ask.ts';
import { replyToBlocks } from '../../src/chat/slack/blocks.ts';
import { askTeams } from '../../src/chat/teams/ask.ts';
import { replyToCard } from '../../src/chat/teams/cards.ts';
import type { Reply } from '../../src/core/command.ts';
import { resolveNow } from '../../src/core/time.ts';
import type { Services } from '../../src/main.ts';
import { FIXTURES, captureLog, cli, seededServices, uniquePrefix } from '../support/teams-fake.ts';

const redisUrl = inject('redisUrl');
const prefix = uniquePrefix('ask-questions');
const NOW = '2026-12-06T12:00';
const TZ = 'Asia/Tokyo';

let services: Services;

interface Answer {
  ok: boolean;
  code?: string;
  command: string | null;
  title: string;
  notes: string[];
  sections: Array<{ heading?: string; items: Array<{ text: string; detail?: string }> }>;
  sources: Array<{ reference?: string; title?: string }>;
  data: Record<string, unknown>;
}

/** `sgbot ask TEXT --json --now … --tz …`, parsed, with the exit code. */
async function ask(text: string, tz = TZ, now = NOW): Promise<Answer & { exit: number }> {
  const r = await cli(redisUrl, prefix, 'ask', text, '--json', '--now', now, '--tz', tz);
  return { ...(JSON.parse(r.out || r.err) as Answer), exit: r.code };
}

type Due = { date: string; category: string; group: string | null; due: number };

beforeAll(async () => {
  services = await seededServices(redisUrl, prefix, captureLog().log);
  // A roster file, as the secretariat imports it (`roster add --role` fails on a single role: see the report).
  const file = join(mkdtempSync(join(tmpdir(), 'sgbot-askq-')), 'roster.json');
  writeFileSync(
    file,
    JSON.stringify({
      people: [
        { name: 'Ana Silva', email: 'ana.silva@example.org', roles: [{ kind: 'rapporteur', scope: 'Q4/20' }] },
        { name: 'Kenji Sato', email: 'kenji.sato@example.org', tz: 'Asia/Tokyo', roles: [{ kind: 'sg-chair', scope: 'SG17' }] },
      ],
    }),
  );
  const r = await cli(redisUrl, prefix, 'roster', 'import', file);
  rmSync(dirname(file), { recursive: true, force: true });
  if (r.code !== 0) throw new Error(r.err);
}, 60_000);

afterAll(async () => {
  if (!services) return;
  const keys = await services.redis.keys(`${prefix}*`);
  for (let i = 0; i < keys.length; i += 500) await services.redis.del(...keys.slice(i, i + 500));
  await services.close();
});

describe('deadlines in plain words', () => {
  // Reported as unanswered: "what's due next week for a group". TSAG's fellowship deadline (11 Dec, Geneva) is next week in Tokyo.
  it("what's due next week for TSAG", async () => {
    const a = await ask("what's due next week for TSAG");
    expect(a).toMatchObject({ ok: true, command: 'deadlines', title: 'Deadlines for TSAG, 7–13 Dec 2026' });
    expect((a.data['upcoming'] as Due[]).map((d) => `${d.date} ${d.category}`)).toEqual(['2026-12-11 fellowship']);
  });

  it('a week with nothing due says so, and what comes next', async () => {
    const a = await ask("What's due next week for study group 20?");
    expect(a).toMatchObject({ ok: true, title: 'Deadlines for SG20, 7–13 Dec 2026', sections: [] });
    expect(a.notes[0]).toMatch(/^No deadlines for SG20 in 7–13 Dec 2026 in the stored documents\. The next one after that is Sat 13 Mar 2027, 07:59 \(Asia\/Tokyo\) — original: 12 March 2027/);
  });

  // Reported as unanswered: "deadlines for study group 20".
  it.each(['deadlines for study group 20', 'deadlines SG 20', 'ITU-T SG20 deadlines', 'deadlines sg20'])('%s', async (q) => {
    const a = await ask(q);
    expect(a).toMatchObject({ ok: true, command: 'deadlines', title: 'Deadlines for SG20' });
    expect((a.data['upcoming'] as Due[])[0]?.date).toBe('2027-03-12');
  });

  it("what's due for SG 20 in April 2027", async () => {
    const a = await ask("what's due for SG 20 in April 2027");
    expect(a.title).toBe('Deadlines for SG20, April 2027');
    expect((a.data['upcoming'] as Due[]).map((d) => d.date)).toEqual(['2027-04-09', '2027-04-16', '2027-04-19', '2027-04-28']);
  });

  // Part of a month: SG11's contributions are due 11 March (Geneva), 12 March in Tokyo; still in 1–15 March.
  it('deadlines for SG 11 between 1 and 15 March', async () => {
    const a = await ask('deadlines for SG 11 between 1 and 15 March');
    expect(a.title).toBe('Deadlines for SG11, 1–15 Mar 2027');
    expect((a.data['upcoming'] as Due[]).map((d) => `${d.date} ${d.category}`)).toEqual(['2027-03-11 contributions']);
  });

  // "before April" ends at midnight where the reader is, and a deadline the document dates in March is March's
  // wherever it is asked: SG13's 31 March (Geneva, end of day) is 1 April in Tokyo, and is listed there too.
  it('deadlines before April, in the reader\'s zone', async () => {
    const tokyo = await ask('deadlines before April');
    const range = tokyo.data['range'] as { from: number | null; to: number };
    expect(tokyo.title).toBe('Deadlines for all groups, until 31 Mar 2027');
    const dues = tokyo.data['upcoming'] as Due[];
    expect(dues.every((d) => (d.due < range.to || d.date < '2027-04-01') && d.due >= resolveNow(NOW, TZ))).toBe(true);
    expect(dues.map((d) => `${d.date} ${d.group}`)).toContain('2027-03-26 SG3');
    expect(dues.map((d) => `${d.date} ${d.group}`)).toContain('2027-03-31 SG13');
    expect(dues.find((d) => d.date === '2027-03-31' && d.group === 'SG13')?.due).toBeGreaterThanOrEqual(range.to);
    expect(dues.map((d) => d.date).every((d) => d < '2027-04-01')).toBe(true);
    const geneva = await ask('deadlines before April', 'Europe/Zurich');
    expect((geneva.data['upcoming'] as Due[]).map((d) => `${d.date} ${d.group}`)).toContain('2027-03-31 SG13');
  });

  // Reported as refused: "when is the contribution deadline for SG20" ("I understood SG20 but not contribution").
  it('when is the contribution deadline for SG20: only contribution deadlines, all of them', async () => {
    const every = ((await ask('deadlines SG20')).data['upcoming'] as Due[]).filter((d) => d.category === 'contributions' || d.category === 'translated-contributions');
    expect(every.length).toBeGreaterThan(0);
    const a = await ask('when is the contribution deadline for SG20');
    expect(a).toMatchObject({ ok: true, command: 'deadlines', title: 'Deadlines for SG20 (contributions or contributions needing translation)' });
    expect((a.data['upcoming'] as Due[]).map((d) => `${d.date} ${d.category}`)).toEqual(every.map((d) => `${d.date} ${d.category}`));
  });

  it('deadlines of a working party are its study group\'s, and the answer says so', async () => {
    const a = await ask('deadlines WP1/20');
    expect(a).toMatchObject({ ok: true, title: 'Deadlines for SG20' });
    expect(a.notes[0]).toBe("Deadlines are kept per study group: these are SG20's, WP1/20 among them.");
  });

  it('captioning deadlines for TSAG: that kind only', async () => {
    const a = await ask('captioning deadlines for TSAG');
    expect(a).toMatchObject({ ok: true, command: 'deadlines', title: 'Deadlines for TSAG (captioning requests)' });
    expect((a.data['upcoming'] as Due[]).map((d) => `${d.date} ${d.category}`)).toEqual(['2026-12-28 captioning']);
  });

  it('words it does not understand are named, with examples', async () => {
    const a = await ask('deadlines SG20 whenever convenient');
    expect(a).toMatchObject({ ok: true, command: 'deadlines', title: 'Deadlines for SG20' });
    expect(a.notes[0]).toBe('I read "SG20" and not "whenever convenient": no deadline mentions it, so all of them are listed. To find documents about it: search whenever convenient');
  });

  // Reported as refused ("not 'on G.9806.1'"): the words after the kind of deadline say which one.
  it('words left over narrow the deadlines to those about them', async () => {
    const a = await ask('when do I have to reply to the TAP consultation on G.9806.1?');
    expect(a).toMatchObject({ ok: true, command: 'deadlines' });
    expect(a.title).toMatch(/^Deadlines for all groups \(consultation reply\) about "G\.9806\.1"/);
    const items = a.sections.flatMap((s) => s.items.map((i) => i.detail ?? ''));
    expect(items.length).toBeGreaterThan(0);
    for (const detail of items) expect(detail).toMatch(/TSB Circular 241/);
  });

  // Reported: a list of every group's deadlines did not say whose each one is.
  it('names the group of each deadline when asked for every group', async () => {
    const a = await ask('/deadlines', 'Europe/Zurich');
    const lines = a.sections.flatMap((s) => s.items.map((i) => i.text));
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(line).toMatch(/ — (?:SG\d{1,2}|TSAG)/);
  });

  // Reported: a question of several parts got "I can't answer"; each part is answered when every part can be.
  it('answers each part of a question asking several things', async () => {
    const a = await ask("sg12 meeting dates + contribution deadline + who's the counsellor", 'Europe/Zurich');
    expect(a.ok).toBe(true);
    expect(a.sections.map((s) => s.heading)).toEqual(['Next meeting of SG12', 'Deadlines for SG12 (contributions or contributions needing translation)', 'Secretariat of SG12']);
    expect(a.sections[0]?.items[0]?.text).toMatch(/^SG12: 25 May – 3 June 2027/);
  });

  // Reported: "SG 13 or SG 11" was refused as one unknown group.
  it('answers for several groups asked at once, each under its own heading', async () => {
    const a = await ask('Is there anything due for SG 13 or SG 11 before March???', 'Europe/Zurich');
    expect(a).toMatchObject({ ok: true, command: 'deadlines', title: 'Deadlines for SG13 and SG11, until 28 Feb 2027' });
    const headings = a.sections.map((s) => s.heading ?? '');
    expect(headings.some((h) => h.startsWith('SG13'))).toBe(true);
    expect(headings.some((h) => h.startsWith('SG11'))).toBe(true);
    expect(a.sections.find((s) => s.heading?.startsWith('SG11'))?.items.map((i) => i.detail).join(' ')).toMatch(/TSB Collective letter 9\/11/);
  });

  // Reported: "before the end of March" stopped at 30 March.
  it('"before the end of March" includes 31 March', async () => {
    const a = await ask('sg13 deadlines before the end of March', 'Europe/Zurich');
    expect(a).toMatchObject({ ok: true, command: 'deadlines' });
    expect(a.title).toMatch(/until 31 Mar 2027/);
    expect(a.sections.flatMap((s) => s.items.map((i) => i.text))).toContainEqual(expect.stringMatching(/^Wed 31 Mar 2027\b.*Contributions/));
  });
});

describe('meetings', () => {
  // Reported as unanswered: "what time does the meeting open". SG20 opens at 14:30 Geneva time: 21:30 in Tokyo.
  it('what time does the SG20 meeting open', async () => {
    const a = await ask('what time does the SG20 meeting open');
    expect(a).toMatchObject({ ok: true, command: 'meeting', title: 'SG20 opens Mon 10 May 2027, 21:30 (Asia/Tokyo) — original: 10 May 2027, 14:30 Geneva time' });
  });

  it('what time does the meeting open (no group: every upcoming meeting)', async () => {
    // Asked first in a conversation: after a question on SG20, "the meeting" would be SG20's.
    const r = await cli(redisUrl, prefix, 'ask', 'what time does the meeting open', '--json', '--now', NOW, '--tz', TZ, '--as', 'first-question@example.org');
    const a = JSON.parse(r.out || r.err) as Answer;
    expect(a.title).toBe('Upcoming meetings and when they open');
    const lines = a.sections.map((s) => s.items[0]?.text);
    expect(lines).toContain('TSAG opens Mon 25 Jan 2027, 17:30 (Asia/Tokyo) — original: 25 January 2027, 09:30 Geneva time');
    // The letter gives its zone as an offset: "0900 hours local time (UTC+4)".
    expect(lines).toContain('SG13RG-ARB opens Wed 9 Dec 2026, 14:00 (Asia/Tokyo) — original: 9 December 2026, 09:00 local time (UTC+4)');
  });

  it('a letter without an opening time is said to have none', async () => {
    const a = await ask('What time does the SG13 meeting open?');
    expect(a).toMatchObject({ ok: true, title: 'SG13: the letter gives no opening time' });
  });

  it('where is the next SG13 meeting', async () => {
    const a = await ask('where is the next SG13 meeting');
    expect(a).toMatchObject({ ok: true, command: 'meeting', title: 'SG13 meets in Geneva, Switzerland' });
    expect(a.sections[0]?.items[0]?.text).toBe('SG13: 12–23 April 2027, Geneva, Switzerland');
  });

  // A question sgbot reads only in part gets the meeting it knows, saying what it could not answer and which letter has it.
  it('a question about the meeting sgbot cannot answer in full gives what it knows of the meeting', async () => {
    const a = await ask('how many delegates registered for the SG13 meeting');
    expect(a).toMatchObject({ ok: true, command: 'meeting' });
    expect(a.notes[0]).toMatch(/^I can't answer all of "how many delegates registered for the SG13 meeting": TSB Collective letter \d+\/13, the letter for this meeting, says nothing I can find on it\. This is what I know of the SG13 meeting\.$/);
    expect(a.notes[1]).toBe('Deadlines for it (registration, contributions): /deadlines SG13');
  });
});

describe('rapporteurs and chairs', () => {
  // Reported as refused twice: the Director of TSB is the name that signs the letters.
  it('who is the TSB director (the signatory of the latest stored TSB letter)', async () => {
    const a = await ask('who is the TSB director');
    expect(a).toMatchObject({ ok: true, command: 'officers', title: 'Director of TSB: Seizo Onoe' });
    expect(a.sections[0]?.items[0]?.detail).toMatch(/^signs TSB Collective letter \S+ of \d{4}-\d{2}-\d{2}$/);
  });

  it('who is the rapporteur of Q11/20 (from a TD\'s contact block)', async () => {
    const a = await ask('who is the rapporteur of Q11/20');
    expect(a).toMatchObject({ ok: true, command: 'officers', title: 'Rapporteur of Q11/20' });
    expect(a.sections[0]?.items.map((i) => i.text)).toEqual(['Rapporteur of Q11/20: Chidi Okafor <chidi.okafor@example.ng>', 'Associate rapporteur of Q11/20: Hui Zhang <zhanghui@example.cn>']);
    expect(a.sections[0]?.items[0]?.detail).toMatch(/^stated in SG20-TD870\/WP1/);
  });

  it('who is the rapporteur for Q4/20 (from the roster)', async () => {
    const a = await ask("Who's the rapporteur for Q4/20?");
    expect(a.sections[0]?.items).toEqual([{ text: 'Rapporteur of Q4/20: Ana Silva <ana.silva@example.org>', detail: 'from the roster', source: expect.anything() as unknown }]);
  });

  it('who is the chair of study group 17 (roster), and a working party nobody is named for', async () => {
    expect((await ask('who is the chair of study group 17')).sections[0]?.items[0]?.text).toBe('Chair of SG17: Kenji Sato <kenji.sato@example.org>');
    const none = await ask('who chairs WP1/20');
    expect(none).toMatchObject({ ok: false, code: 'E_NOT_FOUND', exit: 1 });
    expect(none.notes.join(' ')).toContain('search chairman WP1/20');
  });
});

describe('liaisons and the rest', () => {
  it('which liaisons need a reply from SG17 reaches ls for SG17', async () => {
    const a = await ask('which liaisons need a reply from SG17');
    expect(a).toMatchObject({ ok: true, command: 'ls', data: { group: 'SG17' } });
  });

  // Reported: the closest topics repeated an entry (the same role curated for two study periods).
  it("lsg's closest roles name each role once", async () => {
    const a = await ask('who leads IoT security');
    const near = /Closest known roles \(not a match\): (.*)\.$/.exec(a.notes[0] ?? '')?.[1]?.split('; ') ?? [];
    expect(near.length).toBeGreaterThan(1);
    expect(new Set(near).size).toBe(near.length);
  });

  // Reported: the known groups omitted groups sgbot accepts.
  it('an unknown group lists every accepted one', async () => {
    const a = await ask('/deadlines SG99');
    expect(a.exit).toBe(1);
    expect(a.notes[0]).toMatch(/^Known groups: SG2, SG3, SG3RG-AFR, SG5, SG9, SG11, SG12, SG12RG-AFR, SG13, SG13RG-ARB, SG15, SG16, SG17, SG20, SG21, TSAG\.$/);
    expect(a.notes[1]).toBe('Also accepted, from earlier study periods: SG1, SG4, SG6, SG7, SG8, SG10, SG19.');
  });

  // Reported: a workshop or a correspondence group named by its topic was refused as "not an ITU-T group I know".
  it('a workshop named by its topic is found among the announced events', async () => {
    const a = await ask('when is the AI-native networks workshop', TZ, '2026-02-01T12:00');
    expect(a).toMatchObject({ ok: true, command: 'meeting', title: 'Meetings and side events named "ai-native networks"' });
    expect(a.sections[0]?.items[0]?.text).toMatch(/^ITU Workshop on AI-native networks.*: 9–10 March 2026, Geneva/);
    expect(a.notes[0]).toMatch(/is no group/);
  });

  it('who convenes a correspondence group named by its topic: the sentence of the letter that set it up', async () => {
    const a = await ask('who is the convenor of the correspondence group on quantum-safe migration');
    expect(a).toMatchObject({ ok: true, command: 'officers', title: 'Who runs it: Establishment of the SG17 Correspondence Group on quantum-safe migration (CG-QSM)' });
    expect(a.sources[0]).toMatchObject({ reference: 'TSB Collective letter 6/17' });
  });

  it('a topic with no document saying who runs it: the documents that mention it', async () => {
    const a = await ask('who is the convenor of the correspondence group on digital twins');
    expect(a).toMatchObject({ ok: true, command: 'officers', title: 'Documents about "digital twins"' });
    expect(a.notes[0]).toMatch(/so I can't say who runs it directly/);
  });

  it('who convenes a correspondence group named with its study group: the sentence of the letter that set it up', async () => {
    const a = await ask('who convenes the sg17 correspondence group on quantum-safe migration');
    expect(a).toMatchObject({ ok: true, command: 'officers' });
    expect(a.sections[0]?.items[0]?.text).toBe('The Correspondence Group is convened by Ms Ana Ribeiro (Brazil) and Mr Lukas Meyer (Switzerland).');
  });

  // Reported in the sixth question round: a meeting named by its host city was read as a group.
  it('a meeting named by its city, opening in the reader\'s zone', async () => {
    const a = await ask('what time does the muscat meeting start for me', 'Europe/London', '2026-11-01T12:00');
    expect(a).toMatchObject({ ok: true, command: 'meeting' });
    expect(a.title).toBe('SG13RG-ARB opens Wed 9 Dec 2026, 05:00 (Europe/London) — original: 9 December 2026, 09:00 local time (UTC+4)');
    const fee = await ask('registration fee for the muscat meeting?', 'Europe/London', '2026-11-01T12:00');
    expect(fee).toMatchObject({ ok: true, command: 'meeting', title: 'Meetings in Muscat, Oman' });
    expect(fee.notes[0]).toMatch(/I can't answer all of it/);
  });

  // Reported in the sixth question round: a topic asked without "search" was refused.
  it.each([
    ['what do we have on quantum-safe migration', 'quantum-safe migration'],
    ['machine learning terminology', 'machine learning terminology'],
    ['who is working on digital twin terminology', 'digital twin terminology'],
  ])('"%s" is a search for %s', async (q, words) => {
    const a = await ask(q);
    expect(a).toMatchObject({ ok: true, command: 'search', title: `Documents matching "${words}"` });
    expect(a.notes[0]).toBe(`I read this as a search for "${words}".`);
  });

  it('a question whose words no document holds is still refused', async () => {
    const a = await ask('whats the wifi password at CICG');
    expect(a).toMatchObject({ ok: false, code: 'E_NO_ANSWER' });
    expect(a.notes[0]).toBe('No stored document mentions "wifi password CICG".');
    expect(a.notes.join('\n')).not.toMatch(/closest I can do: search/);
  });

  // A term with a hyphen is one thing: "WTSA-28" is not found in a document that has "WTSA" and, elsewhere, "28".
  it('a hyphenated name is looked for as written', async () => {
    const a = await ask('when is wtsa-28');
    expect(a).toMatchObject({ ok: false, code: 'E_NO_ANSWER' });
    expect(a.notes[0]).toBe('No stored document mentions "wtsa-28".');
    const b = await ask('/search wtsa-24');
    expect(b).toMatchObject({ ok: true, command: 'search' });
    expect(b.sources.map((s) => s.reference)).toEqual(['SG17-LS45', 'TSAG-TD345']);
  });

  it('a group-like name that is no group is still refused with the groups listed', async () => {
    const a = await ask('when is the SG 99 meeting');
    expect(a).toMatchObject({ ok: false, code: 'E_UNKNOWN_GROUP' });
  });

  it('"what are the deadlines for it?" asked first: which group is meant, not "it" refused as a group nor meetings whose titles hold "it"', async () => {
    const r = await cli(redisUrl, prefix, 'ask', 'what are the deadlines for it?', '--json', '--as', 'first-it@example.org');
    const a = JSON.parse(r.out || r.err) as Answer;
    expect(a).toMatchObject({ ok: false, code: 'E_UNKNOWN_GROUP', title: 'Which group do you mean by "it"? Nothing asked before names one.' });
    expect(a.notes[0]).toBe('Name it: e.g. "deadlines for SG16", "/meeting Q12/16".');
  });

  it('what is outside sgbot\'s knowledge gets "I can\'t answer" and the nearest command', async () => {
    const a = await ask('can I bring my dog to the Montbrillant building');
    expect(a).toMatchObject({ ok: false, code: 'E_NO_ANSWER', title: 'I can\'t answer "can I bring my dog to the Montbrillant building" yet.' });
    expect(a.notes[0]).toMatch(/^The closest I can do: search the stored documents/);
  });
});

describe('meetings asked about in the sixth round', () => {
  it('a side event named by its words: its time in the reader\'s zone first', async () => {
    const a = await ask('what time is the sg21 contribution clinic', 'Asia/Kolkata', '2026-01-20T12:00');
    expect(a).toMatchObject({ ok: true, command: 'meeting', title: 'Online Contribution Clinic for SG21 delegates: Tue 3 Feb 2026, 16:30–18:30 (Asia/Kolkata) — original: 3 February 2026, 12:00–14:00 Geneva time' });
    expect(a.notes.join(' ')).not.toMatch(/can't answer/);
  });

  it('what the letter says of what is asked, in its words', async () => {
    const a = await ask('how do i register for the SG5 meeting', TZ, '2026-07-01T12:00');
    expect(a).toMatchObject({ ok: true, command: 'meeting', title: 'What TSB Collective letter 4/5 says' });
    expect(a.sections[0]?.items[0]?.text).toBe('14 August 2026 Pre-registration (online, SG5 homepage)');
    const b = await ask('will there be interpretation at the TSAG meeting', TZ, '2026-12-01T12:00');
    expect(b.sections[0]?.items.map((i) => i.text)).toEqual(['Interpretation into the six official languages of the Union will be provided for the opening and closing plenaries if Member States ask for it in time.']);
  });

  it('a letter saying remote participation is provided makes the meeting hybrid', async () => {
    const a = await ask('Is the SG21 meeting in april hybrid', TZ, '2026-03-01T12:00');
    expect(a.title).toBe('SG21: remote participation is offered (a hybrid meeting)');
    // The letter's own words first (remote participation for the plenaries only, other sessions on request), then the meeting.
    expect(a.sections[0]).toMatchObject({ heading: 'What TSB Collective letter 2/21 says', items: [{ text: 'Remote participation is provided for the opening and closing plenaries; for other sessions it can be requested 24 hours in advance.' }] });
    expect(a.sections[1]?.items[0]?.text).toBe('SG21: 20–29 April 2026, Geneva, Switzerland (hybrid: remote participation offered)');
  });

  it('is there a plenary in a month: none known, the working party meeting of that month shown', async () => {
    const a = await ask('is there a plenary of sg17 in april 2027?', TZ, '2027-03-01T12:00');
    expect(a).toMatchObject({ ok: true, command: 'meeting', title: 'No plenary of SG17 known in April 2027' });
    expect(a.sections[0]?.items[0]?.detail).toMatch(/^Meeting of Working Party 3\/17/);
  });

  it('the month of the meeting a deadline is for is no window for the deadline', async () => {
    const a = await ask('fellowship deadline for the SG 12 meeting in may', TZ, '2027-02-10T12:00');
    expect(a).toMatchObject({ ok: true, command: 'deadlines' });
    expect((a.data['upcoming'] as Due[]).map((d) => `${d.date} ${d.category}`)).toEqual(['2027-04-09 fellowship']);
  });
});

describe('the seventh round', () => {
  it('a deadline asked for the month its meeting is in: that meeting\'s deadlines', async () => {
    const a = await ask('when do i have to pre-register for SG3 in april', TZ, '2027-01-15T12:00');
    expect(a).toMatchObject({ ok: true, command: 'deadlines', title: 'Deadlines for SG3 (registration), for its meeting of 7–16 April 2027' });
    expect((a.data['upcoming'] as Due[]).map((d) => `${d.date} ${d.category}`)).toEqual(['2027-03-08 registration']);
  });

  it('the deadlines of a workshop named by its topic', async () => {
    const a = await ask('deadlines for the ai-native networks workshop', TZ, '2026-01-05T12:00');
    expect(a).toMatchObject({ ok: true, command: 'deadlines' });
    expect((a.data['upcoming'] as Due[]).map((d) => `${d.date} ${d.category}`)).toEqual(['2026-01-16 other', '2026-01-26 fellowship', '2026-02-09 visa', '2026-02-27 registration']);
  });

  it('every group\'s meetings in a month', async () => {
    const a = await ask('what meetings are coming up in april 2027', TZ, '2027-03-15T12:00');
    expect(a).toMatchObject({ ok: true, command: 'meeting', title: 'Meetings in April 2027' });
    // Q13/15's own meeting in Ottawa (12-16 April, named by TD 1204) is one of them; SG17's letter convenes WP3/17 alone.
    expect(a.sections.map((s) => s.items[0]?.text.split(':')[0])).toEqual(['SG3', 'SG13', 'Q13/15', 'WP3/17']);
  });

  it('remote participation in a month is a meeting question', async () => {
    const a = await ask('is there remote participation for ITU-T SG17 in december', TZ, '2025-11-01T12:00');
    expect(a).toMatchObject({ ok: true, command: 'meeting', title: 'SG17: remote participation is offered (a hybrid meeting)' });
    expect(a.sections.at(-1)?.items[0]?.text).toMatch(/^SG17: 2–11 December 2025, .*\(hybrid: remote participation offered\)$/);
  });

  it('the TSB contact of a group asked as "the tsag contact at tsb"', async () => {
    const a = await ask('who is the tsag contact at tsb', TZ, '2026-10-01T12:00');
    expect(a).toMatchObject({ ok: true, command: 'officers', title: 'Secretariat of TSAG' });
    expect(a.sections[0]?.items[0]?.text).toBe('Secretariat of TSAG: Rania Mansour <tsbtsag@itu.int>');
  });

  it('liaisons by what was asked of them', async () => {
    const due = await ask('when is the reply to the sg17 iot security LS due', TZ, '2026-03-01T12:00');
    expect(due).toMatchObject({ ok: true, command: 'ls', title: 'SG17-LS45 asks SG20 (Q6/20) to reply by Fri 1 May 2026, 06:59 (Asia/Tokyo) — original: 30 April 2026 Geneva time, end of day' });
    // … asked as who must reply, or whether a group copied got it to act on.
    expect((await ask('deadline to reply to the SG17 LS about IoT security and who needs to reply?', TZ, '2026-03-01T12:00')).title).toBe(due.title);
    expect((await ask('did SG13 get the SG17 IoT security LS for action?', 'Europe/Berlin', '2026-03-01T12:00')).title).toBe('No: SG13 gets SG17-LS45 for information; it asks SG20 (Q6/20) to act by Thu 30 Apr 2026, 23:59 (Europe/Berlin) — original: 30 April 2026 Geneva time, end of day');
    const owed = await ask('what does sg13 owe TSAG', 'Europe/Berlin', '2026-03-01T12:00');
    expect(owed).toMatchObject({ ok: true, command: 'ls', title: 'Liaison statements of SG13 from TSAG' });
    expect(owed.sections[0]?.items[0]?.text).toMatch(/^LS on the review of study group work programmes and stale work items — reply due by Mon 15 Jun 2026/);
    const april = await ask('any liaison with a reply deadline in april 2026', 'Europe/Zurich', '2026-03-01T12:00');
    expect(april).toMatchObject({ ok: true, command: 'ls', title: 'Liaison statements with a reply date in April 2026' });
    expect((april.data['due'] as Array<{ liaison: { deadline: string } }>).map((l) => l.liaison.deadline)).toEqual(['2026-04-30']);
    const week = await ask('Which liaison statements are due this week?', 'Europe/Zurich', '2026-04-27T12:00');
    expect(week).toMatchObject({ ok: true, command: 'ls', title: 'Liaison statements with a reply date in 27 Apr – 3 May 2026' });
    expect((week.data['due'] as Array<{ liaison: { deadline: string } }>).map((l) => l.liaison.deadline)).toEqual(['2026-04-30']);
    // Whoever is to reply: a reply SG15 expects from IEEE 802.1 and MEF is one too.
    const feb = await ask('liaisons with a deadline this month', 'Europe/Zurich', '2027-02-24T09:00');
    expect(feb).toMatchObject({ ok: true, command: 'ls', title: 'Liaison statements with a reply date in February 2027' });
    expect(feb.sections[0]?.items.map((i) => i.text)).toEqual([expect.stringMatching(/^LS on timing requirements for time-sensitive mobile fronthaul — reply due by Sun 28 Feb 2027/)]);
    const went = await ask('which liaisons went to JTC 1 SC 42', TZ, '2025-07-01T12:00');
    expect(went).toMatchObject({ ok: true, command: 'ls', title: 'Liaison statements to JTC 1 SC 42' });
    expect(went.sections.flatMap((s) => s.items.map((i) => i.text))).toEqual([expect.stringMatching(/^LS on terminology for machine learning in future networks/), expect.stringMatching(/^Asks: SG13 would appreciate/)]);
  });

  it('a statement asked of by its sender after it, or by the words of its title', async () => {
    const who = await ask('Who must reply to the liaison from ISO/IEC JTC 1/SC 27 on post-quantum key establishment, and by when?', TZ, '2026-09-20T09:00');
    expect(who).toMatchObject({ ok: true, command: 'ls' });
    expect(who.title).toMatch(/ on post-quantum key establishment asks SG17 \(Q11\/17\) to reply by Sat 16 Jan 2027, 07:59 \(Asia\/Tokyo\) — original: 15 January 2027 Geneva time/);
    const titled = await ask('Is there a liaison statement on timing requirements for mobile fronthaul? Who is it addressed to?', TZ, '2026-09-20T09:00');
    expect(titled).toMatchObject({ ok: true, command: 'ls' });
    expect(titled.sections[0]?.items[0]?.detail).toMatch(/^from SG15; for action: IEEE 802\.1 Working Group, MEF Forum; for information: SG13/);
  });

  it('a cancelled meeting\'s deadlines are said to no longer apply', async () => {
    const a = await ask('whats the contribution deadline for the WP1/2 meeting in march', 'Europe/Zurich', '2027-02-20T12:00');
    expect(a).toMatchObject({ ok: true, command: 'deadlines', title: 'The WP1/2 meeting of 15–19 March 2027 was cancelled [TSB Collective letter 5/2]: its deadlines no longer apply' });
    // Asked of the group, the cancellation comes under its deadlines.
    const all = await ask('/deadlines SG2', 'Europe/Zurich', '2027-02-20T12:00');
    expect(all.notes).toContain('The WP1/2 meeting of 15–19 March 2027 was cancelled [TSB Collective letter 5/2]: its deadlines no longer apply.');
  });

  it('a session named by its words, at its time in the reader\'s zone', async () => {
    const a = await ask('sg2 bsg session time', 'America/Los_Angeles', '2025-06-01T12:00');
    expect(a).toMatchObject({ ok: true, command: 'meeting' });
    expect(a.title).toMatch(/^Bridging the Standardization Gap \(BSG\) session for SG2 delegates.*: Mon 16 Jun 2025, 03:00–05:00 \(America\/Los_Angeles\) — original: 16 June 2025, 12:00–14:00 Geneva time/);
  });

  // Reported in the eighth round: "iot" in lower case was no abbreviation of Internet of things.
  it('a topic abbreviation in any case', async () => {
    const a = await ask('who leads iot');
    expect(a).toMatchObject({ ok: true, command: 'lsg', title: 'SG20 leads this topic' });
  });

  // The corrigendum moving the AI-native networks workshop keeps the circular's daily hours ("unchanged"), whichever
  // of the two was read first (the store reads the corrigendum first: its file name sorts before the circular's).
  it('a workshop moved by a corrigendum opens at the hour the circular gave', async () => {
    const a = await ask('AI-native workshop start time', 'America/Chicago', '2026-02-01T12:00');
    expect(a).toMatchObject({ ok: true, command: 'meeting' });
    expect(a.sections[0]?.items[0]?.detail).toMatch(/^opens Mon 9 Mar 2026, 03:30 \(America\/Chicago\) — original: 9 March 2026, 09:30 Geneva time/);
  });

  it('what a past meeting did: its report\'s results, in its words; a meeting with no report says so', async () => {
    const a = await ask('what happened at the SG2 July meeting', 'Europe/Zurich', '2026-01-15T12:00');
    expect(a).toMatchObject({ ok: true, command: 'meeting', title: 'What the SG2 meeting of 1–10 July 2025, Geneva, Switzerland did, as its report says' });
    const said = a.sections[0]?.items.map((i) => i.text) ?? [];
    expect(said).toHaveLength(4);
    expect(said[0]).toMatch(/^Question 1\/2 .* consented draft revised Recommendation ITU-T E\.212/);
    expect(a.sources[0]).toMatchObject({ reference: 'SG2-R3' });
    const none = await ask('what was decided at the last sg13 meeting', 'Europe/Zurich', '2026-01-15T12:00');
    expect(none).toMatchObject({ ok: true, command: 'meeting' });
    expect(none.notes[0]).toMatch(/^No report of this meeting is stored/);
  });

  it('deadlines asked in the past tense, by a workshop\'s name, by what the consultation is on, with a synonym', async () => {
    const now = '2026-03-02T09:00';
    const tap = await ask('when were replies due for the sg13 tap consultation on y.3188', 'America/New_York', now);
    expect(tap).toMatchObject({ ok: true, command: 'deadlines' });
    expect((tap.data['past'] as Due[]).map((d) => `${d.date} ${d.category}`)).toEqual(['2025-09-22 consultation-reply']);
    const closed = await ask('when did registration close for the ai-native networks workshop', 'Europe/Zurich', now);
    expect((closed.data['past'] as Due[]).map((d) => `${d.date} ${d.category}`)).toEqual(['2026-02-27 registration']);
    const bursary = await ask('bursary deadline ai native workshop', 'Europe/Zurich', '2026-01-10T09:00');
    expect(bursary).toMatchObject({ ok: true, command: 'deadlines' });
    expect((bursary.data['upcoming'] as Due[]).map((d) => `${d.date} ${d.category}`)).toEqual(['2026-01-26 fellowship']);
    const objections = await ask('deadline for objections to deleting q.3945', 'Africa/Nairobi', '2023-08-01T09:00');
    expect((objections.data['upcoming'] as Due[]).map((d) => `${d.date} ${d.category}`)).toEqual(['2023-09-15 consultation-reply']);
    const interpretation = await ask('when do member states have to ask for interpretation for sg5', 'Europe/Zurich', now);
    expect((interpretation.data['upcoming'] as Due[]).map((d) => `${d.date} ${d.category}`)).toEqual(['2026-06-16 interpretation']);
  });

  it('who held a role in a year: no document of that year names one, so the roster\'s, saying so', async () => {
    const a = await ask('who chaired sg17 in 2017', 'Europe/Zurich', '2026-03-02T09:00');
    expect(a).toMatchObject({ ok: true, command: 'officers', title: 'Chair of SG17' });
    expect(a.sections[0]?.items.map((i) => i.text)).toEqual(['Chair of SG17: Kenji Sato <kenji.sato@example.org>']);
    expect(a.notes[0]).toBe('No stored document of 2017 names this role; these are who the roster and other documents name.');
  });

  it('meetings of a year named without a month: each of them, past ones too', async () => {
    const a = await ask('where was the sg12 meeting in 2019', 'Europe/Zurich', '2026-03-02T09:00');
    expect(a).toMatchObject({ ok: true, command: 'meeting', title: 'SG12 met in Tunis, Tunisia (venue: Palais des Congrès de Tunis, avenue Mohamed V, 1001 Tunis, Tunisia)' });
    const b = await ask('sg13 meetings in 2017', 'Europe/Zurich', '2026-03-02T09:00');
    // The November meeting's letter names the one before in its agenda ("Report of the last meeting (Geneva, 24 April -
    // 5 May 2017)").
    expect(b).toMatchObject({ ok: true, command: 'meeting', title: 'Meetings of SG13 in 2017' });
    expect((b.data['meetings'] as Array<{ start: string }>).map((m) => m.start)).toEqual(expect.arrayContaining(['2017-04-24', '2017-11-06']));
  });

  it('a short question with "need" in it is a search when the rest is in a document', async () => {
    const a = await ask('do i need a yellow fever certificate for kampala', 'Europe/Zurich', '2026-03-02T09:00');
    expect(a).toMatchObject({ ok: true, command: 'search' });
    expect(a.sources[0]).toMatchObject({ reference: 'TSB Collective letter 1/SG3RG-AFR' });
  });

  it('the next meeting a report plans, when no letter announces it yet, marked so', async () => {
    const a = await ask('sg2 meeting dates', 'Europe/Zurich', '2026-01-15T09:00');
    expect(a).toMatchObject({ ok: true, command: 'meeting', title: 'Next meeting of SG2' });
    expect(a.sections[0]?.items.map((i) => i.text)).toEqual(['SG2: 24 February – 5 March 2026, Geneva, Switzerland', '  Known from SG2-R3 only: no collective letter announcing it is stored.']);
  });

  it('whether one can take part remotely, and what a letter words otherwise ("interpreted": "English only")', async () => {
    const now = '2026-03-02T09:00';
    expect(await ask('can i join the sg21 meeting remotely', 'Europe/Zurich', now)).toMatchObject({ ok: true, command: 'meeting', title: 'SG21: remote participation is offered (a hybrid meeting)' });
    expect(await ask('is the tsag meeting hybrid', 'Europe/Zurich', '2026-12-01T09:00')).toMatchObject({ ok: true, command: 'meeting', title: 'TSAG meets in person in Geneva, Switzerland; TSB Collective letter 2/TSAG does not say remote participation is offered' });
    const interpreted = await ask('is the sg21 april meeting interpreted', 'Europe/Zurich', now);
    expect(interpreted).toMatchObject({ ok: true, command: 'meeting', title: 'What TSB Collective letter 2/21 says' });
    expect(interpreted.sections[0]?.items.map((i) => i.text)).toEqual(['The meeting will be held in English only.']);
  });

  it('a count asked of a past meeting comes from its report', async () => {
    const a = await ask('how many people attended the sg2 july 2025 meeting', 'Europe/Zurich', '2026-03-02T09:00');
    expect(a).toMatchObject({ ok: true, command: 'meeting', title: 'What SG2-R3 says' });
    expect(a.sections[0]?.items.map((i) => i.text)).toEqual(['The meeting was attended by 148 participants from 52 Member States, 19 Sector Members, 3 Associates and 2 Academia institutions; 61 delegates participated remotely.']);
  });

  it('a window back from now ("in the past month"), and the meetings of next month', async () => {
    const missed = await ask('what deadlines did i miss in the past month', 'Europe/Zurich', '2027-02-24T09:00');
    expect(missed).toMatchObject({ ok: true, command: 'deadlines', title: 'Deadlines for all groups, 24 Jan 2027 – now' });
    const past = missed.data['past'] as Due[];
    expect(past.length).toBeGreaterThan(3);
    expect(past.every((d) => d.date >= '2027-01-24' && d.date <= '2027-02-24')).toBe(true);
    const next = await ask('meetings next month', 'Europe/Zurich', '2027-02-24T09:00');
    expect(next).toMatchObject({ ok: true, command: 'meeting', title: 'Meetings in March 2027' });
  });

  it('the latest meeting over, and one asked of in the past tense in a month without its year', async () => {
    const last = await ask('when did sg17 last meet', 'Europe/Zurich', '2027-02-24T09:00');
    // Not 2-11 December 2025 (TSB Collective letter 4/17): Collective letter 6/17 of January 2027 looks back on the
    // meeting of 1-10 December 2026.
    expect(last).toMatchObject({ ok: true, command: 'meeting', title: 'Last meeting of SG17: 1–10 December 2026, Geneva, Switzerland' });
    const opened = await ask('what time did tsag open in january', 'Asia/Kolkata', '2027-02-24T09:00');
    expect(opened).toMatchObject({ ok: true, command: 'meeting', title: 'TSAG opened Mon 25 Jan 2027, 14:00 (Asia/Kolkata) — original: 25 January 2027, 09:30 Geneva time' });
    const muscat = await ask('what time did the muscat meeting open', 'Asia/Kolkata', '2027-02-24T09:00');
    expect(muscat.sections[0]?.items[0]?.text).toBe('SG13RG-ARB opened Wed 9 Dec 2026, 10:30 (Asia/Kolkata) — original: 9 December 2026, 09:00 local time (UTC+4)');
  });

  it('open consultations; a deadline already passed is shown, not hidden behind --all', async () => {
    const open = await ask('any open consultations right now', 'Europe/Zurich', '2027-02-24T09:00');
    expect(open).toMatchObject({ ok: true, command: 'deadlines' });
    expect((open.data['upcoming'] as Due[]).map((d) => `${d.date} ${d.category}`)).toEqual(['2027-03-15 consultation-reply']);
    const passed = await ask('when is the deadline to register for sg11', 'Europe/Zurich', '2027-02-24T09:00');
    expect(passed.sections.map((s) => s.heading)).toContain('Latest past');
    expect(passed.sections.find((s) => s.heading === 'Latest past')?.items[0]?.text).toMatch(/^Mon 22 Feb 2027 \(end of day, Geneva\) \(past\): Registration/);
    expect(passed.notes.join(' ')).not.toMatch(/--all/);
  });

  it('a statement whose reply date passed with no reply stored is still owed, not "none waiting"', async () => {
    const a = await ask('which liaisons need a reply from sg17', 'Europe/Zurich', '2027-02-24T09:00');
    expect(a).toMatchObject({ ok: true, command: 'ls' });
    const overdue = a.sections.find((s) => s.heading === 'Reply date passed, no reply from SG17 stored');
    // Owed for a year after its date (a study group's meeting cycle): TSAG-LS12's reply date, 15 June 2026, too.
    expect(overdue?.items.map((i) => i.text)).toEqual([
      expect.stringMatching(/^LS on the review of study group work programmes and stale work items — reply was due by Mon 15 Jun 2026/),
      expect.stringMatching(/^Liaison statement from ISO\/IEC JTC 1\/SC 27 to ITU-T Study Group 17 on post-quantum key establishment — reply was due by Fri 15 Jan 2027/),
    ]);
    expect(a.notes).toContain('No reply is due from SG17 from today on; 2 statements asked for one by a date now past, and no reply to them is stored.');
  });

  it('a workshop over, asked "when was"; what happens to contributions for a cancelled meeting, in the letter\'s words', async () => {
    const was = await ask('when was the ai-native networks workshop', 'Europe/Zurich', '2027-02-24T09:00');
    expect(was).toMatchObject({ ok: true, command: 'meeting', title: 'Meetings and side events named "ai-native networks"' });
    expect(was.sections[0]?.items[0]?.text).toMatch(/: 9–10 March 2026, Geneva, Switzerland$/);
    expect(was.notes[0]).toBe('"ai-native networks" is no group; these are the latest past meetings and side events whose titles name it.');
    const carried = await ask('what happens to my contribution for the cancelled wp1/2 meeting', 'Europe/Zurich', '2027-02-24T09:00');
    expect(carried).toMatchObject({ ok: true, command: 'meeting', title: 'What TSB Collective letter 5/2 says' });
    expect(carried.sections[0]?.items.map((i) => i.text)).toContain('Contributions already submitted will be carried forward to the next meeting of Study Group 2, which will be announced in a separate collective letter.');
  });

  it('the eleventh round: what the last meeting did is only a finished meeting\'s, from its own report; what a letter says will be consented', async () => {
    const last = await ask('what happened at the last sg2 meeting', 'Europe/Zurich', '2026-04-04T10:00');
    // The meeting of February-March 2026 is known only from the July 2025 report that planned it: no report of its own.
    expect(last).toMatchObject({ ok: true, command: 'meeting', title: 'The SG2 meeting of 24 February – 5 March 2026, Geneva, Switzerland' });
    expect(last.notes[0]).toMatch(/^No report of this meeting is stored/);
    const consent = await ask('which recs will sg21 consent in april', 'Europe/Zurich', '2026-03-04T10:00');
    expect(consent).toMatchObject({ ok: true, command: 'meeting', title: 'What TSB Collective letter 2/21 says' });
    expect(consent.sections[0]?.items[0]?.text).toMatch(/^SG21 expects to consent draft new Recommendation ITU-T H\.266\.2/);
    expect(await ask('which sg is lead on qos/qoe', 'Europe/Zurich', '2026-03-04T10:00')).toMatchObject({ ok: true, command: 'lsg', title: 'SG12 leads this topic' });
    // Two parts, answered apart: WP3/17's own meeting (Collective letter 7/17) and SG17's (the one Collective letter
    // 6/17 looks back on). Two parts answered alike would be answered once.
    const twice = await ask('wp3/17 meeting when, and is there a sg17 plenary?', 'Asia/Seoul', '2026-03-04T10:00');
    expect(twice.sections.map((x) => x.items[0]?.text)).toEqual(['WP3/17: 19–23 April 2027, Geneva, Switzerland (hybrid: remote participation offered)', 'SG17: 1–10 December 2026, Geneva, Switzerland']);
    const same = await ask('sg17 meeting when, and is there a sg17 plenary?', 'Asia/Seoul', '2026-03-04T10:00');
    expect(same.sections).toHaveLength(1);
  });

  it('"what do we need to do" about a group\'s liaisons: what each of the first few asks, in its words', async () => {
    const a = await ask('sg20 liaisons - what do we need to do', 'Europe/Zurich', '2026-03-04T10:00');
    expect(a).toMatchObject({ ok: true, command: 'ls', title: 'Liaison statements of SG20' });
    const asked = a.sections[0]?.items.map((i) => i.text) ?? [];
    expect(asked[0]).toMatch(/^LS on coordination of IoT security work between SG17 and SG20/);
    expect(asked[1]).toMatch(/^Asks: SG17 kindly asks SG20:/);
  });

  it('deadlines between a month and part of a month', async () => {
    const a = await ask('deadlines between feb and mid march', 'Europe/Zurich', '2026-01-15T12:00');
    expect(a).toMatchObject({ ok: true, command: 'deadlines', title: 'Deadlines for all groups, 1 Feb – 20 Mar 2026' });
    const dates = (a.data['upcoming'] as Due[]).map((d) => d.date);
    expect(dates.length).toBeGreaterThan(2);
    expect(dates.every((d) => d >= '2026-02-01' && d <= '2026-03-20')).toBe(true);
  });

  it('a TD number asked with odd characters in its part is not found, and nothing breaks', async () => {
    expect(await ask('/doc TD 455 (++)')).toMatchObject({ ok: false, code: 'E_NOT_FOUND' });
    expect(await ask('/doc TD45')).toMatchObject({ ok: false, code: 'E_NOT_FOUND' });
  });

  it('a TD by its old-style number, and what a TD asks', async () => {
    expect(await ask('what is TD 455 (WP2/5)')).toMatchObject({ ok: true, command: 'doc', title: 'TD 455 (WP2/5)' });
    const td = await ask('what is WP1/20 asked to do in SG20-TD870/WP1');
    expect(td.sections[0]?.items.map((i) => i.text)).toContain('Asks: Working Party 1/20 is invited to endorse the work programme above and to forward Y.4245 and Y.4246 to the SG20 closing plenary for consent.');
  });
});

describe('questions of the twelfth round', () => {
  it('deadlines missed in a month without its year: that month past, not next year\'s', async () => {
    const a = await ask('which deadlines did we miss in april', 'Europe/Zurich', '2026-05-18T11:00');
    expect(a).toMatchObject({ ok: true, command: 'deadlines', title: 'Deadlines for all groups, April 2026' });
    const past = (a.data['past'] as Due[]).map((d) => d.date);
    expect(past).toEqual(expect.arrayContaining(['2026-04-08', '2026-04-30']));
    expect(past.every((d) => d >= '2026-04-01' && d <= '2026-04-30')).toBe(true);
    expect(a.data['upcoming']).toEqual([]);
  });

  it('"open liaisons" are those waiting for a reply, not a meeting\'s opening', async () => {
    const a = await ask('open liaisons for sg17', 'Europe/Zurich', '2026-05-18T11:00');
    expect(a).toMatchObject({ ok: true, command: 'ls', title: 'Liaison statements of SG17' });
    expect(a.sections[0]?.heading).toBe('SG17 is asked to reply');
    expect(a.sections[0]?.items.map((i) => i.text).join('\n')).toMatch(/TSAG|review of study group work programmes/);
  });

  it('a Question\'s own meeting that a liaison names: the Question\'s next meetings, not its study group\'s', async () => {
    // TD 1204 (PLEN/15): "Your reply will be considered at the next meeting of Question 13/15 (Ottawa, 12-16 April 2027)".
    const q = await ask('when does Q13/15 meet next', 'Asia/Tokyo', '2027-01-15T11:00');
    expect(q).toMatchObject({ ok: true, command: 'meeting', title: 'Next meetings of Q13/15' });
    const items = q.sections.flatMap((x) => x.items.map((i) => i.text));
    expect(items[0]).toBe('Q13/15: 12–16 April 2027, Ottawa');
    expect(items.some((t) => t.startsWith('SG15: '))).toBe(true);
    expect((await ask('where does q13/15 meet next', 'Asia/Tokyo', '2027-01-15T11:00')).title).toBe('Q13/15 meets in Ottawa');
    // The study group's own answer is its meeting, not one of its Questions'.
    const sg = await ask('/meeting SG15', 'Asia/Tokyo', '2027-01-15T11:00');
    expect(JSON.stringify(sg.sections)).not.toContain('Ottawa');
  });

  it('the deadline of a document named by its reference: that document\'s, a consultation\'s reply being a reply', async () => {
    const a = await ask('deadline for replies to tsb circular 241', 'Asia/Tokyo', '2026-05-18T11:00');
    expect(a).toMatchObject({ ok: true, command: 'deadlines', title: 'Deadlines in TSB Circular 241' });
    expect(a.sections[0]?.items.map((i) => i.text)).toEqual([expect.stringMatching(/^Tue 16 Mar 2027, 07:59 \(Asia\/Tokyo\) — original: 15 March 2027, 23:59 Geneva time .*: Consultation reply on G\.9806\.1, G\.984\.3$/)]);
    expect(a.notes.join(' ')).not.toMatch(/no liaison reply deadline/);
  });

  it('a meeting asked by its year alone, while another is in session: that year\'s', async () => {
    const a = await ask('sg20 2027 meeting opening time', 'Asia/Tokyo', '2026-05-18T11:00');
    expect(a).toMatchObject({ ok: true, command: 'meeting', title: 'SG20 opens Mon 10 May 2027, 21:30 (Asia/Tokyo) — original: 10 May 2027, 14:30 Geneva time' });
  });

  it('when to pick up a badge: the letter\'s own sentence on badges', async () => {
    const a = await ask('tsag jan 2027 what time can i pick up my badge', 'Asia/Tokyo', '2026-05-18T11:00');
    expect(a).toMatchObject({ ok: true, command: 'meeting', title: 'What TSB Collective letter 2/TSAG says' });
    // Each time the sentence gives, in the reader's zone beside it.
    expect(a.sections[0]?.items[0]?.text).toBe('The opening plenary will start at 0930 hours [17:30 Asia/Tokyo] on the first day; badges can be collected at the Montbrillant entrance from 0800 hours [16:00 Asia/Tokyo].');
  });

  it('a meeting named by its town, asked whether it is hybrid or when it opens: its group\'s answer', async () => {
    expect(await ask('is the muscat meeting hybrid', 'Asia/Tokyo', '2026-05-18T11:00')).toMatchObject({ ok: true, command: 'meeting', title: 'SG13RG-ARB: remote participation is offered (a hybrid meeting)' });
    expect((await ask('what time does the muscat meeting open', 'Asia/Tokyo', '2026-05-18T11:00')).title).toBe('SG13RG-ARB opens Wed 9 Dec 2026, 14:00 (Asia/Tokyo) — original: 9 December 2026, 09:00 local time (UTC+4)');
  });

  it('deadlines of a month whose meeting was cancelled: none, saying the meeting was cancelled', async () => {
    const a = await ask('deadline for contributions to wp1/2 in march 2027', 'Asia/Tokyo', '2026-05-18T11:00');
    expect(a).toMatchObject({ ok: true, command: 'deadlines', sections: [] });
    expect(a.notes).toContain('The meeting of Working Party 1/2, Geneva, 15-19 March 2027 was cancelled [TSB Collective letter 5/2]: the deadlines set for it no longer hold.');
  });

  it('a contribution\'s card says who brought it', async () => {
    const a = await ask('/doc SG20-C123', 'Asia/Tokyo', '2026-05-18T11:00');
    const lines = a.sections.flatMap((x) => x.items.map((i) => i.text));
    expect(lines).toEqual(expect.arrayContaining(['Source: Kenya', 'Contact: Grace Wanjiru']));
  });

  it('when a group last met, from a letter that looks back on its meeting', async () => {
    // TSB Collective letter 6/17 (11 January 2027): "Study Group 17, at its meeting in Geneva from 1 to 10 December 2026, agreed …".
    const a = await ask('when did sg17 last meet', 'Europe/Zurich', '2027-02-01T10:00');
    expect(a).toMatchObject({ ok: true, command: 'meeting', title: 'Last meeting of SG17: 1–10 December 2026, Geneva, Switzerland' });
  });

  it('the reply date one group gave another: its statements to that body, with their reply dates', async () => {
    const a = await ask('what deadline did sg13 give jtc1 sc42 on ML terminology', 'Asia/Tokyo', '2026-05-18T11:00');
    expect(a).toMatchObject({ ok: true, command: 'ls' });
    expect(a.sections.flatMap((x) => x.items.map((i) => i.text))[0]).toMatch(/^LS on terminology for machine learning in future networks — reply deadline Tue 16 Sep 2025, 06:59 \(Asia\/Tokyo\) — original: 15 September 2025 Geneva time/);
  });

  it('a liaison found by its topic, asked whom it is to and by when: its parties and reply date come first', async () => {
    const a = await ask('fronthaul timing LS – who is it to and whats the deadline', 'Asia/Tokyo', '2026-05-18T11:00');
    expect(a).toMatchObject({ ok: true, command: 'search' });
    expect(a.sections[0]?.items[0]?.detail).toMatch(/^from SG15; for action: IEEE 802\.1 Working Group, MEF Forum; for information: SG13; reply by Mon 1 Mar 2027, 07:59 \(Asia\/Tokyo\) — original: 28 February 2027 Geneva time/);
  });

  it('a fee the letter does not mention: the meeting, saying it cannot answer that, not its registration sentences', async () => {
    const a = await ask('registration fee for the sg5 meeting', 'Asia/Tokyo', '2026-05-18T11:00');
    expect(a).toMatchObject({ ok: true, command: 'meeting', title: 'Next meeting of SG5' });
    expect(a.notes[0]).toMatch(/^I can't answer all of "registration fee for the sg5 meeting"/);
  });

  it('a lead role from the table sgbot ships says so, apart from the stored documents', async () => {
    const a = await ask('lead study group for digital twins', 'Asia/Tokyo', '2026-05-18T11:00');
    expect(a).toMatchObject({ ok: true, command: 'lsg' });
    expect(a.sections[0]?.items[0]?.detail).toMatch(/WTSA-24 Resolution 2 .*\(sgbot's built-in table of lead study groups\)$/);
  });

  it('meetings of a span of weeks: those then, and only the cancellations then', async () => {
    const a = await ask('any meetings next week?', 'Asia/Tokyo', '2027-01-20T17:00');
    expect(a).toMatchObject({ ok: true, command: 'meeting', title: 'Meetings in 25–31 Jan 2027' });
    expect(a.sections.map((x) => x.items[0]?.text)).toEqual(['TSAG: 25–29 January 2027, Geneva, Switzerland']);
    expect(a.notes.join(' ')).not.toMatch(/Cancelled/);
    const none = await ask('sg13 meetings in the next two weeks', 'Asia/Tokyo', '2027-01-20T17:00');
    expect(none.notes).toContain('No SG13 meeting is known between now and 3 Feb 2027; this is the next one.');
  });

  it('questions of the thirteenth round: "by when must … reply", open liaison deadlines, a Recommendation as a topic', async () => {
    const tap = await ask('by when must member states reply to the TAP on G.9806.1', 'Asia/Tokyo', '2027-01-20T17:00');
    expect(tap).toMatchObject({ ok: true, command: 'deadlines' });
    expect((tap.data['upcoming'] as Due[]).map((d) => d.date)).toEqual(['2027-03-15']);
    const open = await ask('open liaison deadlines after today?', 'Asia/Tokyo', '2027-01-20T17:00');
    expect(open).toMatchObject({ ok: true, command: 'ls' });
    expect(open.sections.flatMap((x) => x.items.map((i) => i.text))[0]).toMatch(/^LS on timing requirements for time-sensitive mobile fronthaul — reply due by Mon 1 Mar 2027/);
    const sg5 = await ask('did sg5 ask for a reply in its LS on L.1470', 'Asia/Tokyo', '2027-01-20T17:00');
    expect(sg5).toMatchObject({ ok: true, command: 'ls', title: 'Liaison statements of SG5 on L.1470' });
  });

  it('key words misspelt anywhere in the question are read as meant', async () => {
    const a = await ask('deadlnes for sg13 postponded meeting', 'Asia/Tokyo', '2027-01-20T17:00');
    expect(a).toMatchObject({ ok: true, command: 'deadlines' });
    expect((a.data['upcoming'] as Due[]).map((d) => d.date)).toEqual(expect.arrayContaining(['2027-02-12', '2027-02-26', '2027-03-12', '2027-03-31']));
    expect(await ask('liason statements for sg17', 'Asia/Tokyo', '2027-01-20T17:00')).toMatchObject({ ok: true, command: 'ls', title: 'Liaison statements of SG17' });
    // Another form of a key word is no typo of it.
    expect((await ask('search contributor guide', 'Asia/Tokyo', '2027-01-20T17:00')).data['words']).toBe('contributor guide');
  });

  it('two questions in one that one command would read by dropping a part: both answered', async () => {
    const a = await ask("when's sg3 and whats the deadline for fellowships", 'Australia/Sydney', '2027-01-20T19:00');
    expect(a).toMatchObject({ ok: true, title: 'Next meeting of SG3 · Deadlines for SG3 (fellowship requests)' });
    const lines = a.sections.flatMap((x) => x.items.map((i) => i.text));
    expect(lines).toEqual(expect.arrayContaining(['SG3: 7–16 April 2027, Geneva, Switzerland', expect.stringMatching(/^Mon 22 Feb 2027, 09:59 \(Australia\/Sydney\).*Fellowship requests$/)]));
  });

  it('how to join a group set up by a letter: the letter\'s sentence giving its mailing list', async () => {
    for (const q of ['mailing list for cg-qsm', 'how do i join the sg17 cg-qsm']) {
      const a = await ask(q, 'Asia/Tokyo', '2027-01-20T17:00');
      expect(a).toMatchObject({ ok: true, command: 'search', title: 'How to take part: Establishment of the SG17 Correspondence Group on quantum-safe migration (CG-QSM)' });
      expect(a.sections[0]?.items[0]?.text).toMatch(/subscribe to the mailing list t25sg17cgqsm@lists\.itu\.int .*TIES account/);
    }
    // A Question's list, not another Question's that a document found first gives: the sentence naming Q4/20.
    expect((await ask('mailing list for q4/20', 'Asia/Tokyo', '2027-01-20T17:00')).sections[0]?.items[0]?.text).toMatch(/t25sg20q4@lists\.itu\.int/);
  });

  it('"how can I keep up with Q4/20?": the sentence giving its list and how to subscribe in sgbot; a group no document gives a list for gets what sgbot can send', async () => {
    const q4 = await ask('how can I keep up with Q4/20?', 'Asia/Tokyo', '2027-01-20T17:00');
    expect(q4).toMatchObject({ ok: true, command: 'search' });
    expect(q4.sections[0]?.items[0]?.text).toMatch(/t25sg20q4@lists\.itu\.int/);
    expect(q4.notes).toContain("To have sgbot remind you of Q4/20's deadlines and tell you of its new documents: /subscribe Q4/20");
    const sg9 = await ask("how do I follow SG9's work", 'Asia/Tokyo', '2027-01-20T17:00');
    expect(sg9).toMatchObject({ ok: true, title: 'How to follow SG9' });
    expect(sg9.sections[0]?.items.map((i) => i.text)).toEqual(['/subscribe SG9: reminders before its deadlines and news of its documents', '/deadlines SG9, /meeting SG9, /ls SG9: its deadlines, next meeting and liaison statements']);
    expect(sg9.notes[0]).toMatch(/^No stored document gives SG9's mailing list/);
  });

  it('a working party\'s own meeting first, when asked of that working party', async () => {
    const a = await ask('can i attend wp3/17 remotely', 'Asia/Kolkata', '2026-09-07T13:00');
    expect(a).toMatchObject({ ok: true, command: 'meeting', title: 'WP3/17: remote participation is offered (a hybrid meeting)' });
    const next = await ask('/meeting WP3/17', 'Asia/Kolkata', '2026-09-07T13:00');
    expect(next).toMatchObject({ title: 'Next meetings of WP3/17' });
    expect(next.sections[0]?.items[0]?.text).toBe('WP3/17: 19–23 April 2027, Geneva, Switzerland (hybrid: remote participation offered)');
  });

  it('questions of the fourteenth round: deadlines that passed, a past deadline found by its topic, whether a liaison was answered', async () => {
    const passed = await ask('what deadlines passed in august', 'Asia/Kolkata', '2026-09-07T13:00');
    expect(passed).toMatchObject({ ok: true, command: 'deadlines', title: 'Deadlines for all groups, August 2026' });
    expect((passed.data['past'] as Due[]).map((d) => d.date)).toEqual(expect.arrayContaining(['2026-08-03', '2026-08-14']));
    const objections = await ask('deadline for objections to deleting Q.3945', 'Asia/Kolkata', '2026-09-07T13:00');
    expect((objections.data['past'] as Due[]).map((d) => d.date)).toEqual(['2023-09-15']);
    const answered = await ask('did sg20 reply to SG17-LS45?', 'Asia/Kolkata', '2026-09-07T13:00');
    expect(answered.sections.flatMap((x) => x.items.map((i) => i.text))).toContain('No reply to it is stored.');
  });

  it('a zone named by its city: Europe/Geneva is Geneva\'s (Zurich\'s) time', async () => {
    const a = await ask('/meeting SG17', 'Europe/Geneva', '2027-01-15T11:00');
    expect(a).toMatchObject({ ok: true, command: 'meeting' });
    expect(JSON.stringify(a.sections)).toContain('10:00 (Geneva)');
  });
});

describe('questions of the fifteenth round', () => {
  it('"lead roles sg17": the group\'s roles; a group with none of this period known says the shown ones are older', async () => {
    const a = await ask('lead roles sg17', 'Europe/Zurich', '2026-09-07T13:00');
    expect(a).toMatchObject({ ok: true, command: 'lsg', title: 'Lead study group roles of SG17' });
    expect(a.sections[0]?.items.map((i) => i.text)).toContain('SG17: lead study group on security');
    expect(a.notes.join(' ')).not.toMatch(/earlier study periods/);
    // The built-in table holds SG13's 2022-2024 roles only.
    const sg13 = await ask('lead study group roles of study group 13', 'Europe/Zurich', '2026-09-07T13:00');
    expect(sg13).toMatchObject({ ok: true, command: 'lsg', title: 'Lead study group roles of SG13' });
    expect(sg13.notes.join(' ')).toContain('No 2025-2028 lead roles of SG13');
  });

  it('a virtual meeting whose sessions run in Geneva time opens in Geneva time, converted; its place reads "online"', async () => {
    // TSB Collective letter 7/9 (2021): "Sessions … from 1300 to 1600 hours Geneva time (CEST) … The opening plenary
    // starts at 1300 hours on 19 April 2021."
    const a = await ask('/meeting SG9', 'Asia/Tokyo', '2021-04-01T09:00');
    expect(a.sections[0]?.items[0]?.text).toBe('SG9: 19–28 April 2021 (virtual)');
    expect(a.sections[0]?.items[0]?.detail).toContain('opens Mon 19 Apr 2021, 20:00 (Asia/Tokyo) — original: 19 April 2021, 13:00 Geneva time');
    const after = await ask('/meeting SG9', 'Asia/Tokyo', '2021-06-01T09:00');
    expect(after.notes.join(' ')).toContain('The last meeting I know of was 19–28 April 2021 online');
  });
  it('liaisons owed by a group: those whose reply date passed within the year, no reply stored; an undated memo is not owed', async () => {
    // SG17-LS45 asked SG20 (Q6/20) to reply by 30 April 2026; SG11-LS58 asked SG13 by 31 March 2026.
    const sg20 = await ask('which liaisons need a reply from sg20', 'Europe/Zurich', '2027-03-15T09:00');
    const owed20 = sg20.sections.find((s) => s.heading === 'Reply date passed, no reply from SG20 stored');
    expect(owed20?.items.map((i) => i.text)).toEqual(expect.arrayContaining([expect.stringMatching(/^LS on coordination of IoT security work between SG17 and SG20 — reply was due by Thu 30 Apr 2026/)]));
    expect(sg20.notes.join(' ')).not.toContain('No liaison statement is waiting');
    const sg13 = await ask('does SG13 have to reply to any liaison', 'Europe/Zurich', '2027-03-15T09:00');
    expect(sg13.sections[0]?.heading).toBe('Reply date passed, no reply from SG13 stored');
    expect(sg13.sections[0]?.items[0]?.text).toMatch(/^LS on signalling requirements for emergency calls .* — reply was due by Tue 31 Mar 2026/);
    // The IETF memo on T-MPLS gives no date of its own and came as a file: it is not listed as asking SG13 to act.
    expect(sg13.sections.map((s) => s.heading)).not.toContain('SG13 is asked to act (no reply date given)');
  });

  it('the plenary asked when only a working party meets: none known, in the letter\'s words; the language a letter gives', async () => {
    // Collective letter 7/17: "Only the Questions of this Working Party … will meet; there will be no plenary of Study
    // Group 17 during this period." … "It will be conducted in English only".
    const a = await ask('when is the SG17 plenary in 2027', 'Europe/Zurich', '2027-03-15T09:00');
    expect(a).toMatchObject({ ok: true, command: 'meeting', title: 'No plenary of SG17 known in 2027' });
    expect(a.notes).toEqual(expect.arrayContaining(['No plenary meeting of SG17 is known in 2027: this is a meeting of WP3/17.', 'TSB Collective letter 7/17: "there will be no plenary of Study Group 17 during this period"']));
    // The opening plenary is a session of any meeting, not the study group's plenary meeting.
    expect((await ask('what time is the opening plenary of SG17', 'Europe/Zurich', '2027-03-15T09:00')).title).toBe('WP3/17 opens Mon 19 Apr 2027, 10:00 (Geneva)');
    const lang = await ask('what language is the wp3/17 meeting in', 'Europe/Zurich', '2027-03-15T09:00');
    expect(lang.sections[0]?.items[0]?.text).toBe('It will be conducted in English only, and remote participation will be offered for all sessions.');
  });

  it('a first word misspelling a key word is read as it, saying so; past deadlines asked with none to come do not say "none stored"', async () => {
    const a = await ask('dealines for study group 20 next month', 'Europe/Zurich', '2027-03-15T09:00');
    expect(a).toMatchObject({ ok: true, command: 'deadlines', title: 'Deadlines for SG20, April 2027' });
    expect(a.notes[0]).toBe('I read "dealines" as /deadlines.');
    expect(a.notes.join(' ')).not.toContain('and not');
    const tsag = await ask('when was the tsag contribution deadline', 'Europe/Zurich', '2027-03-15T09:00');
    expect(tsag.sections.find((s) => s.heading === 'Past')?.items[0]?.text).toMatch(/^Wed 13 Jan 2027 \(end of day, Geneva\) \(past\): Contributions/);
    expect(tsag.notes).toContain('No upcoming deadlines for TSAG (contributions or contributions needing translation); the past ones are shown.');
    expect(tsag.notes.join(' ')).not.toContain('in the stored documents');
  });

  it('"last year": the year before the asking day; a letter\'s agenda names the group\'s meeting before, held', async () => {
    // Collective letter 4/5's agenda: "Report of the previous meeting (Geneva, 19-28 January 2026)".
    const a = await ask('what SG5 meetings were there last year', 'Europe/Zurich', '2027-03-15T09:00');
    expect(a).toMatchObject({ ok: true, command: 'meeting', title: 'Meetings of SG5 in 2026' });
    expect(a.sections.map((x) => x.items[0]?.text)).toEqual(['SG5: 19–28 January 2026, Geneva, Switzerland', 'SG5: 14–23 September 2026, Geneva, Switzerland (hybrid: remote participation offered)']);
  });

  it('asked whether a meeting was moved: yes, with the letter; a room the letter never names; a count; the Director as of today', async () => {
    // Collective letter 7/13: "Postponement of the meeting of Study Group 13 (originally planned for 8-19 March 2027)".
    const moved = await ask('was the sg13 march meeting postponed', 'Europe/Zurich', '2027-02-15T09:00');
    expect(moved.title).toBe('Yes: the SG13 meeting planned for 8-19 March 2027 was moved to 12–23 April 2027 [TSB Collective letter 7/13]');
    const not = await ask('was the sg20 may meeting postponed', 'Europe/Zurich', '2027-02-15T09:00');
    expect(not.notes).toContain('No stored letter says this SG20 meeting was moved or postponed.');
    // … why: the reason the letter gives ("owing to works in the ITU conference rooms"), or that no letter moved it.
    const why = await ask('why has the SG13 meeting been postponed?', 'Europe/Zurich', '2027-02-15T09:00');
    expect(why.title).toBe('The SG13 meeting planned for 8-19 March 2027 was moved to 12–23 April 2027 owing to works in the ITU conference rooms [TSB Collective letter 7/13]');
    const whyNot = await ask('why was the SG20 meeting moved?', 'Europe/Zurich', '2027-02-15T09:00');
    expect(whyNot.notes).toContain('No stored letter says this SG20 meeting was moved or postponed.');
    // Collective letter 6/3 gives the opening time, no room.
    const room = await ask('what room is the sg3 opening plenary in', 'Europe/Zurich', '2027-03-15T09:00');
    expect(room.notes[0]).toMatch(/^I can't answer all of "what room is the sg3 opening plenary in"/);
    const count = await ask('how many people registered for SG12 in may', 'Europe/Zurich', '2027-03-15T09:00');
    expect(count).toMatchObject({ command: 'meeting' });
    expect(count.notes[0]).toMatch(/^I can't answer all of "how many people registered/);
    // Collective letter 4/21 (dated 9 August 2027) is stored ahead of its date: the Director is read from letters of today or before.
    const director = await ask('who is director of tsb', 'Europe/Zurich', '2027-03-15T09:00');
    expect(director.sections[0]?.items[0]?.detail).not.toContain('2027-08-09');
    // Did member states approve it: where the documents leave it (determined, the consultation's reply date).
    expect((await ask('did member states approve the TAP for G.9806.1?', 'Europe/Zurich', '2027-03-15T09:00')).command).toBe('rec');
  });

  it('a Recommendation\'s status: what each document says of it, newest first, a step done before one to come', async () => {
    // SG5-LS30: "L.1470 … was consented at the SG5 meeting held in Geneva from 14 to 23 September 2026 and will
    // enter the approval process"; Collective letter 4/5 (before it): "SG5 intends to consent … L.1470".
    const l = await ask('was L.1470 consented', 'Asia/Tokyo', '2027-03-15T09:00');
    expect(l).toMatchObject({ ok: true, command: 'rec', title: 'L.1470 (ex L.GHG-trajectories): consented; approval planned, as SG5-LS30 says' });
    expect(l.sections[0]?.items.map((i) => i.text)).toEqual(['Wed 23 September 2026: consented; approval planned', 'Wed 3 June 2026: consent planned at the meeting of 14–23 September 2026, Geneva, Switzerland']);
    // Collective letter 7/17: "The Working Party expects to determine draft new Recommendation ITU-T X.1286 (ex X.ztsec)".
    const x = await ask('status of X.1286', 'Asia/Tokyo', '2027-03-15T09:00');
    expect(x.title).toBe('X.1286 (ex X.ztsec): determination planned at the meeting of 19–23 April 2027, Geneva, Switzerland, as TSB Collective letter 7/17 says');
    // TSB Circular 241: determined in November 2026; the consultation's reply date, in the reader's zone.
    const g = await ask("what's happening with G.9806.1", 'Asia/Tokyo', '2027-03-15T09:00');
    expect(g.title).toBe('G.9806.1 (ex G.hsp-pmd): determined; approval planned at the SG15 meeting of 14–25 June 2027, Geneva, as TSB Circular 241 says');
    expect(g.sections[1]).toMatchObject({ heading: 'Deadlines set for it' });
    expect(g.sections[1]?.items[0]?.text).toMatch(/^Tue 16 Mar 2027, 07:59 \(Asia\/Tokyo\) — original: 15 March 2027, 23:59 Geneva time \(to come\)/);
    // TSB Circular 123: the deletion proposed, objections due 15 September 2023 at 23:59 UTC.
    const q = await ask('Q.3945 deletion', 'Europe/Zurich', '2027-03-15T09:00');
    expect(q.title).toBe('Q.3945: deletion proposed, as TSB Circular 123 says');
    expect((q.data['deadlines'] as Array<{ date: string }>).map((d) => d.date)).toEqual(['2023-09-15']);
    expect((await ask('status of q.3057', 'Asia/Tokyo', '2027-03-15T09:00')).title).toBe('Q.3057: consent planned at the meeting of 22–31 March 2027, Geneva, Switzerland, as TSB Collective letter 9/11 says');
    // A number no document names: said so, with where the official record is.
    const none = await ask('status of Y.9999', 'Asia/Tokyo', '2027-03-15T09:00');
    expect(none).toMatchObject({ ok: false, command: 'rec', title: 'No stored document names Y.9999.' });
    // "study groups may delete a work item" (TSAG-LS12) deletes no Recommendation; TSAG-TD345 invites TSAG to approve A.1.
    const a1 = await ask('status of the A.1 revision', 'Europe/Zurich', '2026-06-20T07:30');
    expect(a1.title).toBe('A.1: approval planned, as TSAG-TD345 says');
    expect(JSON.stringify(a1.sections)).not.toContain('deletion');
    // An agenda's "Draft revised Recommendation ITU-T E.212 - Consent" is consent to come; the report says it was consented.
    const e212 = await ask('was E.212 consented', 'Europe/Zurich', '2026-06-20T07:30');
    expect(e212.sections[0]?.items.map((i) => i.text)).toEqual(['Thu 10 July 2025: consented; consent planned', 'Mon 17 March 2025: consent planned at the meeting of 1–10 July 2025, Geneva, Switzerland']);
    // As of 20 June 2026, SG5-LS30 (23 September 2026) has not been written: L.1470's consent is still to come.
    expect((await ask('was L.1470 consented', 'Europe/Zurich', '2026-06-20T07:30')).title).toBe('L.1470 (ex L.GHG-trajectories): consent planned at the meeting of 14–23 September 2026, Geneva, Switzerland, as TSB Collective letter 4/5 says');
    // Asked before Circular 241's date, the circular is still shown, said to be dated after today.
    const early = await ask("what's the status of G.9806.1", 'Asia/Tokyo', '2026-11-02T14:00');
    expect(early.title).toBe('G.9806.1 (ex G.hsp-pmd): determined; approval planned at the SG15 meeting of 14–25 June 2027, Geneva, as TSB Circular 241 says');
    expect(early.notes[0]).toBe('Every stored document naming G.9806.1 is dated after today (2026-11-02); what they say is shown as they say it.');
    // An ITU-R study group is no ITU-T group of that number.
    expect(JSON.stringify((await ask('when does ITU-R Study Group 9 meet', 'Europe/Zurich', '2026-11-02T14:00')).sections)).not.toContain('SG9:');
    // A deadline question about it is still a deadline question.
    expect((await ask('deadline for objections to deleting Q.3945', 'Asia/Kolkata', '2026-09-07T13:00')).command).toBe('deadlines');
  });
});

describe('questions of the sixteenth round', () => {
  const NOW16 = '2026-06-20T07:30';
  it('what a body asks a group, with the question\'s own words around the parties ("in its liaison", "and by when", "with a deadline")', async () => {
    const a = await ask('what does SG17 ask SG20 in its liaison', 'Europe/Zurich', NOW16);
    expect(a).toMatchObject({ ok: true, command: 'ls', title: 'Liaison statements of SG20 from SG17' });
    expect(a.sections.flatMap((x) => x.items.map((i) => i.text))).toEqual(expect.arrayContaining([expect.stringMatching(/^Asks: SG17 kindly asks SG20/)]));
    const sc27 = await ask('what does ISO/IEC JTC 1/SC 27 want from sg17 and by when', 'Europe/Zurich', NOW16);
    expect(sc27).toMatchObject({ ok: true, command: 'ls', title: 'Liaison statements of SG17 from ISO/IEC JTC 1/SC 27' });
    expect(sc27.sections[0]?.items[0]?.text).toMatch(/reply due by Fri 15 Jan 2027/);
    const sg15 = await ask('liaisons from SG15 with a deadline', 'Europe/Zurich', NOW16);
    expect(sg15.title).toBe('Liaison statements of SG15');
    expect(sg15.sections[0]?.items[0]?.text).toMatch(/^LS on timing requirements for time-sensitive mobile fronthaul — reply expected by Sun 28 Feb 2027/);
    const iab = await ask('what liaison did the IAB send SG2?', 'Europe/Zurich', NOW16);
    expect(iab).toMatchObject({ ok: true, command: 'ls', title: 'Liaison statements of SG2 from IAB' });
  });

  it('days of a month ("between 1 and 20 July") are a span, for deadlines and meetings; "what was due this month" looks back', async () => {
    const d = await ask('deadlines between 1 and 20 July', 'Europe/Zurich', NOW16);
    expect(d.title).toBe('Deadlines for all groups, 1–20 Jul 2026');
    expect((d.data['upcoming'] as Due[]).map((x) => x.date)).toContain('2026-07-14');
    const m = await ask('sg16 meetings between 10 and 21 October 2011', 'Europe/Zurich', '2011-07-20T07:30');
    expect(m.title).toBe('Meeting of SG16 in 10–21 Oct 2011');
    const was = await ask('what was due this month', 'Europe/Zurich', NOW16);
    expect(was).toMatchObject({ ok: true, command: 'deadlines', title: 'Deadlines for all groups, June 2026' });
    expect((was.data['past'] as Due[]).map((x) => x.date)).toEqual(expect.arrayContaining(['2026-06-15', '2026-06-16']));
  });

  it('a meeting named by its month or town beside the study group is that meeting, a regional group\'s when it is held there', async () => {
    // Collective letter 7/13 (SG13, 12-23 April 2027) sets the contribution dates; the SG13RG-ARB letter's (Muscat) are not these.
    const apr = await ask('SG13 contribution deadline for the april 2027 meeting', 'Europe/Zurich', NOW16);
    expect(apr.title).toBe('Deadlines for the SG13 meeting of 12–23 April 2027 (contributions or contributions needing translation)');
    expect((apr.data['upcoming'] as Due[]).map((x) => x.date)).toEqual(['2027-02-12', '2027-03-31']);
    // Collective letter 3/13: SG13RG-ARB in Muscat, 9-10 December 2026, "held in a hybrid format".
    const muscat = await ask('is the SG13 Muscat meeting hybrid?', 'Europe/Zurich', NOW16);
    expect(muscat.sources[0]?.reference).toBe('TSB Collective letter 3/13');
    expect(JSON.stringify(muscat.sections)).toContain('hybrid format');
  });

  it('a Question meets at its working party\'s meeting when the letter names it; a statement by its bare number; overdue liaisons of every group', async () => {
    // Collective letter 7/17 convenes WP3/17 with "Questions 6/17, 7/17, 8/17, 9/17 and 10/17".
    const q = await ask('when does q6/17 meet next', 'Europe/Zurich', NOW16);
    expect(q.sections.map((x) => x.items[0]?.text)).toEqual(['SG17: 1–10 December 2026, Geneva, Switzerland', 'WP3/17: 19–23 April 2027, Geneva, Switzerland (hybrid: remote participation offered)']);
    expect(q.notes).toContain("Q6/17 meets at WP3/17's meeting (its letter names Q6/17) and at SG17's.");
    // Datatracker 1103: "LS332 - Consent of Recommendation ITU-T G.8113.2/Y.1372.2 -> PWE3", from ITU-T SG 15.
    const stored = await cli(redisUrl, prefix, 'ingest', join(import.meta.dirname, '../fixtures/real/ietf-datatracker-1103-ls332-g8113-2-consent.txt'), '--no-progress');
    expect(stored.code).toBe(0);
    const ls = await ask('who sent LS332 and what was it about', 'Europe/Zurich', NOW16);
    expect(ls).toMatchObject({ ok: true, command: 'doc', title: 'SG15-LS332 was sent by SG15' });
    const late = await ask('overdue liaisons', 'Europe/Zurich', NOW16);
    const owed = late.sections.find((x) => x.heading === 'Reply date passed, no reply stored')?.items.map((i) => i.text) ?? [];
    expect(owed).toEqual(expect.arrayContaining([expect.stringMatching(/^LS on signalling requirements for emergency calls/), expect.stringMatching(/^LS on coordination of IoT security work between SG17 and SG20/)]));
  });

  it('a Recommendation\'s status from a report\'s heading over its table, and from its approval page', async () => {
    for (const file of ['sg20-executive-summary-2017-consented-list.txt', 'itu-t-aap-page-g9702-approved.txt']) {
      expect((await cli(redisUrl, prefix, 'ingest', join(import.meta.dirname, '../fixtures/real', file), '--no-progress')).code).toBe(0);
    }
    // "Recommendations consented by ITU-T SG20 for Last Call …" over a table whose row is "ITU-T Y.4201 Y.frame-SCC…".
    const y = await ask('status of Y.4201', 'Europe/Zurich', '2018-01-10T09:00');
    expect(y.title).toMatch(/^Y\.4201: consented, as Executive Summary of the ITU-T Study Group 20 Meeting/);
    // The AAP page: "Consent Date 2021-12-17", "Approval Date 2022-04-22".
    const g = await ask('status of G.9702', 'Europe/Zurich', '2023-01-10T09:00');
    expect(g.sections[0]?.items[0]?.text).toBe('Fri 22 April 2022: approved');
  });

  it('an officer named only in a letter of an earlier study period is said to be possibly out of date; /doc marks a deadline passed', async () => {
    // Collective letter 1/13 (30 November 2016) names the chairman of SG13.
    expect((await cli(redisUrl, prefix, 'ingest', join(import.meta.dirname, '../fixtures/real/meeting-cl-1-13-2016-sg13-plenary-later-bsg-training.txt'), '--no-progress')).code).toBe(0);
    const chair = await ask('who is the current chair of SG13?', 'Europe/Zurich', NOW16);
    expect(chair.sections[0]?.items[0]?.text).toBe('Chair of SG13: Lukas Brenner');
    expect(chair.notes.join(' ')).toContain('The newest document naming them is of 2016-11-30, a study period before today\'s');
    const ls = await ask('TSAG-LS12 deadline', 'Europe/Zurich', NOW16);
    const lines = ls.sections.flatMap((x) => x.items.flatMap((i) => [i.text, i.detail ?? '']));
    expect(lines).toContain('Deadline Mon 15 Jun 2026 (end of day, Geneva) (past): Liaison reply');
    expect(lines).toContain('reply by Mon 15 Jun 2026 (end of day, Geneva) (passed)');
  });

  it('a working party\'s letter that names the Questions meeting gives its deadlines to those Questions only', async () => {
    // Collective letter 7/17: "Only the Questions of this Working Party (Questions 6/17, 7/17, 8/17, 9/17 and 10/17)".
    const q11 = await ask("what's due for q11/17", 'Europe/Zurich', '2026-11-02T14:00');
    expect((q11.data['upcoming'] as Due[]).map((d) => d.category)).toEqual(['liaison-reply']);
    const q6 = await ask("what's due for q6/17", 'Europe/Zurich', '2026-11-02T14:00');
    expect((q6.data['upcoming'] as Due[]).map((d) => d.date)).toEqual(['2027-03-05', '2027-03-19', '2027-03-19', '2027-04-07']);
    const sg17 = await ask('/deadlines SG17', 'Europe/Zurich', '2026-11-02T14:00');
    expect((sg17.data['upcoming'] as Due[]).map((d) => d.date)).toEqual(expect.arrayContaining(['2027-03-05', '2027-04-07']));
  });

  it('asked whether a deadline was extended: yes in the letter\'s words, or that no letter says so; who must answer a liaison by its topic', async () => {
    // Addendum 1 to Collective letter 4/21: "… has been extended from 25 August 2027 to 1 September 2027."
    const yes = await ask('has the SG21 contribution deadline been extended?', 'Europe/Zurich', '2026-11-02T14:00');
    expect(yes.title).toBe('Yes: contributions now due Wed 1 Sep 2027 (end of day, Geneva) [Addendum 1 to TSB Collective letter 4/21]');
    expect(yes.notes[0]).toMatch(/has been extended from 25 August 2027 to 1 September 2027\."$/);
    const no = await ask('has the SG20 registration deadline been extended', 'Europe/Zurich', '2026-11-02T14:00');
    expect(no.notes[0]).toBe('No stored letter says a deadline of "SG20" and "registration" was moved; these are the deadlines as they stand.');
    // TD 1204 (PLEN/15): SG15's statement on fronthaul timing, for action to IEEE 802.1 and the MEF Forum.
    const who = await ask('who must answer the SG15 fronthaul timing liaison and by when', 'Europe/Zurich', '2026-11-02T14:00');
    expect(who.title).toBe('TD 1204 (PLEN/15) asks IEEE 802.1 Working Group, MEF Forum to reply by Sun 28 Feb 2027 (end of day, Geneva)');
    expect(who.sections.flatMap((x) => x.items.map((i) => i.text))[0]).toMatch(/^LS on timing requirements for time-sensitive mobile fronthaul — reply expected by Sun 28 Feb 2027/);
  });

  it('a reply date years after the statement\'s own date is shown as written, said to be so, and not as a reply awaited', async () => {
    // Datatracker 1156: a liaison of 15 May 2012 whose page gives the deadline 2033-02-28.
    expect((await cli(redisUrl, prefix, 'ingest', join(import.meta.dirname, '../fixtures/real/ietf-datatracker-1156-rtg-g8113-1-code-point.txt'), '--no-progress')).code).toBe(0);
    const ls = await ask('/ls SG15', 'Europe/Zurich', '2026-11-02T14:00');
    const line = ls.sections.flatMap((x) => x.items.map((i) => i.text)).find((t) => t.includes('28 Feb 2033'));
    expect(line).toMatch(/\(as the document gives it: 21 years after its date of 2012-05-15\)$/);
    // … and it is no reply awaited: listed with the others, not as one SG15 must give.
    expect(ls.sections.find((x) => x.items.some((i) => i.text.includes('28 Feb 2033')))?.heading).toBe('Others, newest first');
    // /deadlines leaves it out of those to come, saying so; --all shows it.
    const due = await ask('/deadlines SG15', 'Europe/Zurich', '2026-11-02T14:00');
    expect(due.sections.flatMap((x) => x.items.map((i) => i.text)).some((t) => t.includes('28 Feb 2033'))).toBe(false);
    expect(due.notes).toContainEqual(expect.stringMatching(/^Left out: liaison reply due Mon 28 Feb 2033 \(end of day, Geneva\), which .* gives 21 years after its date of 2012-05-15, most likely a slip of the document \(--all shows it\)\.$/));
    const all = await ask('/deadlines SG15 --all', 'Europe/Zurich', '2026-11-02T14:00');
    expect(all.sections.flatMap((x) => x.items.map((i) => i.text)).some((t) => t.includes('28 Feb 2033'))).toBe(true);
  });

  it('the TSB contact for a group\'s meeting named with its year', async () => {
    const a = await ask('who is the TSB contact for the SG12 2027 meeting?', 'Europe/Zurich', NOW16);
    expect(a).toMatchObject({ ok: true, command: 'officers', title: 'Secretariat of SG12' });
    expect(a.sections[0]?.items[0]?.text).toBe('Secretariat of SG12: Tomas Kral <tsbsg12@itu.int>');
  });
});

describe('liaisons asked about in the sixth round', () => {
  it('which liaisons did a group send: only its own', async () => {
    const a = await ask('which liaisons did sg5 send', TZ, '2026-10-01T12:00');
    expect(a).toMatchObject({ ok: true, command: 'ls', title: 'Liaison statements of SG5' });
    const refs = a.sections.flatMap((s) => s.items.filter((i) => !i.text.startsWith('Asks: ')).map((i) => i.detail ?? ''));
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.every((d) => d.startsWith('from SG5;'))).toBe(true);
  });

  it('a liaison named by its topic beside its group: that one', async () => {
    const a = await ask('SG17 LS on IoT security - who is it addressed to and deadline', TZ, '2026-02-15T12:00');
    expect(a).toMatchObject({ ok: true, command: 'ls', title: 'Liaison statements of SG17 on IoT security' });
    expect(a.sections.flatMap((s) => s.items).map((i) => i.text)).toEqual([expect.stringMatching(/^LS on coordination of IoT security work/), expect.stringMatching(/^Asks: SG17 kindly asks SG20:/)]);
    expect(a.sections[0]?.items[0]?.detail).toMatch(/^from SG17; for action: SG20 \(Q6\/20\)/);
  });

  it('statements to all study groups: named so or listed one by one', async () => {
    const a = await ask('LS from TSAG to all study groups - what do they want and by when', TZ, '2026-03-01T12:00');
    expect(a).toMatchObject({ ok: true, command: 'ls', title: 'Liaison statements of TSAG to all study groups' });
    expect(a.sections.flatMap((s) => s.items.map((i) => i.text)).some((t) => t.startsWith('LS on the review of study group work programmes'))).toBe(true);
  });

  it('when others are to reply to a group on a topic: the replies it expects', async () => {
    const a = await ask('when are IEEE 802.1 and MEF supposed to reply to sg15 on fronthaul timing', TZ, '2026-12-15T12:00');
    expect(a).toMatchObject({ ok: true, command: 'ls', title: 'Liaison statements of SG15 to IEEE 802.1 and MEF on fronthaul timing' });
    expect(a.sections[0]?.items[0]?.text).toMatch(/^LS on timing requirements for time-sensitive mobile fronthaul — reply expected by Mon 1 Mar 2027, 07:59 \(Asia\/Tokyo\)/);
  });

  it('a reply to a consultation is no liaison reply, and "member states" is who asks', async () => {
    const a = await ask('when do member states have to reply to the sg15 TAP consultation', TZ, '2027-01-05T12:00');
    expect(a).toMatchObject({ ok: true, command: 'deadlines' });
    expect(a.title).toMatch(/^One consultation is open for SG15: it closes Tue 16 Mar 2027, 07:59 \(Asia\/Tokyo\) — original: 15 March 2027, 23:59 Geneva time \[TSB Circular 241\]$/);
    expect((a.data['upcoming'] as Due[]).map((d) => `${d.date} ${d.category}`)).toEqual(['2027-03-15 consultation-reply']);
    expect(a.notes.join(' ')).not.toMatch(/member states/);
  });

  // Reported in the eighth round: the contacts of a liaison picked out by its topic were not shown.
  it('a liaison picked out by its topic comes with its contacts', async () => {
    const a = await ask('contact person for the sg17 ls to sg20 on iot security', TZ, '2026-01-10T12:00');
    expect(a).toMatchObject({ ok: true, command: 'ls' });
    expect(a.sections[0]?.items[0]?.detail).toMatch(/; contacts: Anna Schmidt \(.*\).*; Wei Li \(/);
  });

  it('what one group asked another: the statements, each with what it asks in its own words', async () => {
    const now = '2026-03-02T09:00';
    const sg17 = await ask('what did sg17 ask sg20', 'Europe/Zurich', now);
    expect(sg17).toMatchObject({ ok: true, command: 'ls' });
    expect(sg17.sections.flatMap((s) => s.items.map((i) => i.text))).toContain('Asks: SG17 kindly asks SG20: - to review the table and send its comments by 30 April 2026, so that SG17 can take them into account at its next meeting; - to nominate a contact person for a small joint correspondence group.');
    const sc42 = await ask('what did sg13 ask jtc1 sc42', 'Europe/Zurich', now);
    expect(sc42).toMatchObject({ ok: true, command: 'ls' });
    expect(sc42.sections.flatMap((s) => s.items.map((i) => i.text)).filter((t) => t.startsWith('Asks:'))).toEqual([expect.stringMatching(/^Asks: SG13 would appreciate it if ISO\/IEC JTC 1\/SC 42: a\) could review the attached list/)]);
    const tsag = await ask('what does tsag want from the study groups', 'Europe/Zurich', now);
    expect(tsag.sections[0]?.items.map((i) => i.text)).toEqual([expect.stringMatching(/^LS on the review of study group work programmes/), expect.stringMatching(/^Asks: TSAG therefore invites each study group to: a\) review the list/)]);
  });

  it('a reply to a statement that is not stored is found by what it answers', async () => {
    const a = await ask('did anyone reply to SG13-LS96');
    expect(a).toMatchObject({ ok: true, command: 'doc', title: 'SG13-LS96 is not stored; stored statements answer it' });
    expect(a.sections[0]?.items[0]?.text).toMatch(/^SG20-LS112: /);
  });
});

describe('documents by a short reference', () => {
  it('what a liaison asks, in its own words', async () => {
    const a = await ask('what does SG11-LS58 ask SG13');
    expect(a).toMatchObject({ ok: true, command: 'doc', title: 'What SG11-LS58 asks of SG13' });
    const lines = a.sections[0]?.items.map((i) => i.text) ?? [];
    expect(lines).toContain("Asks: SG11 would appreciate SG13's reply by 31 March 2026, before the next Question 3/11 interim meeting.");
    expect(lines.some((l) => l.startsWith("Asks: SG11 has identified two points on which SG13's view is needed: 1) whether the location retrieval function"))).toBe(true);
  });

  it('a report by its reference, and a TD by its number alone', async () => {
    expect(await ask("what's in SG2-R3")).toMatchObject({ ok: true, command: 'doc', title: 'SG2-R3' });
    expect(await ask('what is TD870 about')).toMatchObject({ ok: true, command: 'doc', title: 'SG20-TD870/WP1' });
  });

  it('a letter number used in two study periods: the newest, the other named', async () => {
    // The 2011 letter of the same number, in its Chinese edition (test/fixtures/real).
    const added = await cli(redisUrl, prefix, 'ingest', join(FIXTURES, '../real/meeting-cl-7-17-2011-sg17-chinese.txt'), '--no-progress');
    expect(added.code).toBe(0);
    const a = await ask('collective letter 7/17?');
    expect(a).toMatchObject({ ok: true, command: 'doc', title: 'TSB Collective letter 7/17', sections: [{ heading: 'Meeting of Working Party 3/17 (Application and service security) - Geneva, 19-23 April 2027' }] });
    expect(a.notes[0]).toMatch(/^Another stored document has this reference: .*dated 2011-11-04/);
  });

  it('finds a TD asked for without its meeting part (SG20-TD870 for SG20-TD870/WP1)', async () => {
    const a = await ask('/doc SG20-TD870');
    expect(a).toMatchObject({ ok: true, command: 'doc', title: 'SG20-TD870/WP1' });
  });

  it('answers "who is the contact for" a liaison with its contacts', async () => {
    const a = await ask('who is the contact for SG20-LS112?');
    expect(a).toMatchObject({ ok: true, command: 'doc' });
    expect(a.title).toMatch(/^Contacts for SG20-LS112: Min-jun Park /);
    const lines = a.sections[0]?.items.map((i) => i.text) ?? [];
    expect(lines).toContain('Contact: Min-jun Park (Electronics and Telecommunications Research Institute (ETRI), Korea (Republic of)), mjpark@example.kr, +82 42 000 0000');
    expect(lines).toContain('Contact: Lucía Fernández (Universidad Politécnica de Madrid, Spain), lucia.fernandez@example.es');
    expect(lines).toContain('Answers: SG13-LS96');
  });
});

describe('side events asked by name, and times in quoted sentences', () => {
  it('finds a side event announced for an earlier meeting of the group, saying which', async () => {
    // Collective letter 2/2 announced the BSG session (online, 16 June 2025, 12:00-14:00 Geneva) for the July 2025 meeting.
    for (const q of ['what time is the SG2 BSG session', 'when was the SG2 BSG session']) {
      const a = await ask(q, 'Africa/Nairobi', '2027-01-20T12:00');
      expect(a.title).toBe('Bridging the Standardization Gap (BSG) session for SG2 delegates, online via MyMeetings: Mon 16 Jun 2025, 13:00–15:00 (Africa/Nairobi) — original: 16 June 2025, 12:00–14:00 Geneva time, virtual');
      expect(a.notes).toEqual(['It was a side event of the SG2 meeting of 1–10 July 2025 in Geneva, Switzerland [TSB Collective letter 2/2].', 'No letter stored for a later SG2 meeting announces one.']);
    }
  });

  it('says when the letter announces no side event of the kind asked', async () => {
    const a = await ask('when is the newcomers briefing for SG20', 'Europe/Zurich', '2027-01-20T12:00');
    expect(a.title).toBe('Next meeting of SG20');
    expect(a.notes[0]).toBe('TSB Collective letter 5/20 announces no newcomers briefing for this SG20 meeting.');
    // One it does announce is listed, with no such note.
    const clinic = await ask('is there a contribution clinic before the SG21 meeting', 'Europe/Zurich', '2026-01-10T12:00');
    expect(clinic.notes.join(' ')).not.toMatch(/announces no/);
  });

  it('converts each time of a quoted sentence on the date the sentence gives, and "1300 to 1600 hours" both ends', async () => {
    // 3 February is winter time in Geneva (UTC+1): 12:00 CET is 16:30 in Kolkata, not 15:30 as in April.
    const clinic = await ask('what does the SG21 meeting letter say about the contribution clinic', 'Asia/Kolkata', '2026-01-10T12:00');
    expect(clinic.sections[0]?.items[0]?.text).toContain('on 3 February 2026, 12:00 [16:30 Asia/Kolkata]-14:00 [18:30 Asia/Kolkata] CET');
    // A meeting over: its letter's sentences are still converted.
    const hours = await ask('what are the SG9 session hours', 'Asia/Tokyo', '2027-01-20T12:00');
    expect(hours.sections[0]?.items.map((i) => i.text)).toContain(
      'Sessions will take place every working day from 1300 [20:00 Asia/Tokyo] to 1600 hours [23:00 Asia/Tokyo] Geneva time (CEST), to accommodate delegates in as many time zones as possible.',
    );
  });

  it('answers "is it still going ahead" of a postponed meeting: no for the old dates, yes for the new', async () => {
    // Collective letter 7/13 moved SG13 from 8-19 March to 12-23 April 2027.
    const march = await ask('is the SG13 meeting in March still going ahead?', 'Europe/Zurich', '2027-01-20T12:00');
    expect(march.title).toBe('No: the SG13 meeting planned for 8-19 March 2027 was moved to 12–23 April 2027 [TSB Collective letter 7/13]');
    const april = await ask('is the SG13 April meeting still on', 'Europe/Zurich', '2027-01-20T12:00');
    expect(april.title).toBe('Yes: the SG13 meeting of 12–23 April 2027 is on; it was moved to these dates from 8-19 March 2027 [TSB Collective letter 7/13]');
    const may = await ask('is the SG20 May meeting still on', 'Europe/Zurich', '2027-01-20T12:00');
    expect(may.notes).toContain('No stored letter says this SG20 meeting was moved or postponed.');
  });

  it('the deadlines of a cancelled meeting asked by its month: the cancellation, not last year\'s deadlines', async () => {
    const a = await ask('when must contributions for the WP1/2 March meeting be in', 'Europe/Zurich', '2027-01-20T12:00');
    expect(a).toMatchObject({ command: 'deadlines', title: 'The WP1/2 meeting of 15–19 March 2027 was cancelled [TSB Collective letter 5/2]: its deadlines no longer apply' });
    expect(a.sections).toEqual([]);
  });

  it('reads "what does the SC 27 liaison ask SG17 to do" as the sender\'s statements to SG17, with what they ask', async () => {
    const a = await ask('what does the SC 27 liaison ask SG17 to do', 'Europe/Zurich', '2027-01-20T12:00');
    expect(a.title).toBe('Liaison statements of SG17 from SC 27');
    expect(a.sections.flatMap((x) => x.items.map((i) => i.text)).join('\n')).toMatch(/Asks: SC 27 kindly asks SG17 to: - review the attached working draft/);
  });

  it('answers both halves of "who convenes the SG17 CG-QSM and how do I join"', async () => {
    const a = await ask('who convenes the SG17 CG-QSM and how do I join', 'Europe/Zurich', '2027-01-20T12:00');
    const lines = a.sections.flatMap((x) => x.items.map((i) => i.text));
    expect(lines).toContain('The Correspondence Group is convened by Ms Ana Ribeiro (Brazil) and Mr Lukas Meyer (Switzerland).');
    expect(lines.some((l) => l.includes('t25sg17cgqsm@lists.itu.int'))).toBe(true);
  });

  it('names the Recommendations a consultation is on', async () => {
    const a = await ask('which Recommendations are in the SG15 TAP consultation', 'Europe/Zurich', '2027-01-20T12:00');
    expect(a).toMatchObject({ command: 'deadlines', title: 'One consultation is open for SG15: it closes Mon 15 Mar 2027, 23:59 (Geneva) [TSB Circular 241]' });
    expect(a.sections[0]?.items[0]?.text).toBe('Mon 15 Mar 2027, 23:59 (Geneva) (in 54 days): Consultation reply on G.9806.1, G.984.3');
  });

  it('a refusal names the letter it looked in', async () => {
    const a = await ask('which room is the SG11 plenary in', 'Europe/Zurich', '2027-01-20T12:00');
    expect(a.notes[0]).toMatch(/^I can't answer all of "which room is the SG11 plenary in": TSB Collective letter \d+\/11, the letter for this meeting, says nothing I can find on it\./);
  });

  it('lists each lead role of a group once, with every source; a role of an earlier period only is said in the past', async () => {
    const sg17 = await ask('/lsg SG17', 'Europe/Zurich', '2027-01-20T12:00');
    const roles = sg17.sections[0]?.items.map((i) => i.text) ?? [];
    expect(roles.filter((r) => r === 'SG17: lead study group on security')).toHaveLength(1);
    expect(sg17.sections[0]?.items[0]?.detail).toMatch(/^2025-2028 — WTSA-24 .*; stated in SG17-LS45 .*; 2022-2024 — WTSA-20 /);
    const cloud = await ask('who is the lead study group for cloud computing', 'Europe/Zurich', '2027-01-20T12:00');
    expect(cloud.title).toBe('SG13 led this topic in 2022-2024');
    expect(cloud.notes).toEqual(['No lead role for it in the current study period (2025-2028) is in the built-in table or the stored documents.']);
  });

  it('cites an addendum as itself', async () => {
    const a = await ask('/meeting SG21', 'Europe/Zurich', '2027-01-20T12:00');
    expect(a.sources.map((x) => x.reference)).toContain('Addendum 1 to TSB Collective letter 4/21');
  });
});

describe('questions of the nineteenth round (asked on 1 September 2026)', () => {
  const when = '2026-09-01T09:00';
  it('reads "before the end of the year" and "before the end of 2026" as a span', async () => {
    for (const q of ['what deadlines are there before the end of the year', 'deadlines before the end of 2026']) {
      const a = await ask(q, 'Europe/Zurich', when);
      expect(a).toMatchObject({ command: 'deadlines', title: 'Deadlines for all groups, until 31 Dec 2026' });
      const dates = a.sections.flatMap((x) => x.items.map((i) => i.text));
      expect(dates[0]).toMatch(/^Wed 2 Sep 2026 /);
      expect(dates.every((d) => /^\w{3} \d{1,2} \w{3} 2026\b/.test(d))).toBe(true);
    }
  });

  it('answers "what\'s happening in the next two weeks" with the span\'s deadlines and meetings, side events with them', async () => {
    const a = await ask("what's happening in the next two weeks?", 'Europe/Zurich', when);
    expect(a.title).toBe('Deadlines for all groups, now to 15 Sep 2026 · Meetings between now and 15 Sep 2026');
    const lines = a.sections.flatMap((x) => x.items.map((i) => i.text));
    expect(lines).toContain('SG5: 14–23 September 2026, Geneva, Switzerland (hybrid: remote participation offered)');
    expect(lines).toContain('  Side event: Workshop on the circular economy of ICT equipment');
    expect(lines.some((l) => l.startsWith('Wed 2 Sep 2026 (end of day, Geneva) (tomorrow): Contributions'))).toBe(true);
    // No meeting in the span: the next one only, said to be after it.
    const none = await ask('events next week', 'Europe/Zurich', when);
    expect(none.title).toBe('Deadlines for all groups, 7–13 Sep 2026 · No meeting is known in 7–13 Sep 2026; the next one');
    expect(none.sections[1]?.items[0]?.text).toMatch(/^SG5: 14–23 September 2026/);
  });

  it('asks of a meeting named by its town what the letter says ("how do I get a visa support letter for the Muscat meeting")', async () => {
    const a = await ask('how do I get a visa support letter for the Muscat meeting', 'Europe/Zurich', when);
    expect(a.title).toBe('What TSB Collective letter 3/13 says');
    expect(a.sections[0]?.items.map((i) => i.text)).toContain('VISAS: delegates needing a visa for Oman should tick the visa box of the registration form; the host will send an invitation letter.');
    const languages = await ask('what languages will the Muscat meeting use', 'Europe/Zurich', when);
    expect(languages.sections[0]?.items.map((i) => i.text)).toContain('The meeting will be conducted in Arabic and English, with interpretation offered by the host.');
  });

  it('who to e-mail about a group\'s meeting named with its month: the secretariat', async () => {
    const a = await ask('who should I email about the SG12 meeting in May 2027', 'Europe/Zurich', when);
    expect(a).toMatchObject({ command: 'officers', title: 'Secretariat of SG12' });
    expect(a.sections[0]?.items[0]?.text).toBe('Secretariat of SG12: Tomas Kral <tsbsg12@itu.int>');
  });

  it('says how long a meeting lasts, from its dates', async () => {
    const a = await ask('where is the TSAG meeting and how long does it last', 'Europe/Zurich', when);
    expect(a.title).toBe('TSAG meets in Geneva, Switzerland');
    expect(a.notes[0]).toBe('The TSAG meeting lasts 5 days (Mon 25 – Fri 29 January 2027).');
    const sg12 = await ask('how long is the SG12 meeting', 'Europe/Zurich', when);
    expect(sg12.notes[0]).toBe('The SG12 meeting lasts 10 days (Tue 25 May – Thu 3 June 2027), 8 of them working days.');
  });

  it('reads "wen" as when, and "the last day to submit" as the deadline, not yesterday', async () => {
    const open = await ask('wen does the sg12 meting open', 'Europe/Zurich', when);
    expect(open.title).toBe('SG12 opens Tue 25 May 2027, 09:30 (Geneva)');
    expect(open.notes.join(' ')).not.toMatch(/can't answer/);
    const last = await ask("What's the last day to submit contributions for the SG21 meeting in September 2027?", 'Europe/Zurich', when);
    expect(last.title).toBe('Deadlines for the SG21 meeting of 13–22 September 2027 (contributions or contributions needing translation)');
    expect(last.sections[0]?.items[0]?.text).toMatch(/^Wed 1 Sep 2027 \(end of day, Geneva\)/);
  });

  it('a second part asking for a deadline is of the meeting the first names with its month', async () => {
    const a = await ask("where is the SG13 meeting in April 2027 and what's the contribution deadline", 'Europe/Zurich', when);
    const deadlines = a.sections.find((x) => x.heading?.startsWith('Deadlines'));
    expect(deadlines?.heading).toBe('Deadlines for the SG13 meeting of 12–23 April 2027 (contributions or contributions needing translation)');
    expect(deadlines?.items.map((i) => i.text.slice(0, 16))).toEqual(['Fri 12 Feb 2027 ', 'Wed 31 Mar 2027 ']);
  });

  it('says where the answer to a question outside the documents is: visa rules, what a fellowship covers', async () => {
    const visa = await ask('do Nigerian citizens need a visa for Switzerland?', 'Europe/Zurich', when);
    expect(visa).toMatchObject({ ok: false, code: 'E_NO_ANSWER' });
    expect(visa.notes[0]).toMatch(/^A country's visa rules are not in the documents I read/);
    const dsa = await ask('how much is the daily subsistence allowance for a fellowship', 'Europe/Zurich', when);
    expect(dsa.notes[0]).toMatch(/^What a fellowship covers is not in the text I read/);
  });

  it('"what is G.9806.1" gives its title from the documents and where it stands', async () => {
    const a = await ask('what is G.9806.1 and where is it in approval', 'Europe/Zurich', '2026-12-20T09:00');
    expect(a).toMatchObject({ command: 'rec', title: 'G.9806.1 (ex G.hsp-pmd): determined; approval planned at the SG15 meeting of 14–25 June 2027, Geneva, as TSB Circular 241 says' });
    expect(a.notes[0]).toBe('G.9806.1: "Higher-speed point-to-point passive optical networks: physical media dependent layer" [TSB Circular 241]');
  });

  it('a topic narrows the note on replies owed to the statements on it', async () => {
    const a = await ask('who are the contacts for the SG17 liaison on IoT security', 'Europe/Zurich', when);
    expect(a.notes).toContain('No liaison statement on "IoT security" is waiting for a reply from SG17.');
  });
});

describe('questions of the twentieth round (asked on 5 April 2027)', () => {
  const when = '2027-04-05T15:00';
  it('a cancellation answers only for the meetings asked of: not a study group plenary or a Question for its working party\'s', async () => {
    const plenary = await ask('Is the SG2 plenary in March still happening?', 'Europe/Zurich', when);
    expect(plenary.title).not.toMatch(/WP1\/2/);
    const question = await ask('is the Q5/2 meeting in March still on', 'Europe/Zurich', when);
    expect(question.title).not.toMatch(/WP1\/2/);
    // Asked months before, "March" is the March to come.
    const early = await ask('was the WP1/2 meeting in March cancelled', 'Europe/Zurich', '2026-09-01T12:00');
    expect(early.title).toBe('Yes: the WP1/2 meeting of 15–19 March 2027 in Geneva, Switzerland was cancelled [TSB Collective letter 5/2]');
  });

  it('answers whether a meeting is still on, or was cancelled, from the letter that cancelled it', async () => {
    // Collective letter 5/2 cancelled the WP1/2 meeting of 15-19 March 2027; asked in April, "March" is the one just past.
    const still = await ask('Is the SG2 working party meeting in March still happening?', 'Europe/Zurich', when);
    expect(still.title).toBe('No: the WP1/2 meeting of 15–19 March 2027 in Geneva, Switzerland was cancelled [TSB Collective letter 5/2]');
    const was = await ask('was WP1/2 cancelled', 'Europe/Zurich', when);
    expect(was.title).toBe('Yes: the WP1/2 meeting of 15–19 March 2027 in Geneva, Switzerland was cancelled [TSB Collective letter 5/2]');
    const which = await ask('which meetings were cancelled', 'Europe/Zurich', '2027-01-20T12:00');
    expect(which.title).toBe('Meetings cancelled or postponed');
    expect(which.sections.map((x) => x.heading)).toEqual(['Cancelled', 'Postponed']);
    expect(which.sections[1]?.items[0]?.text).toMatch(/^Postponement of the meeting of Study Group 13 \(originally planned for 8-19 March 2027\): now 12–23 April 2027/);
  });

  it('with no meeting to come, names a recent cancellation and what its letter says of the next meeting', async () => {
    const a = await ask('when is the next SG2 meeting', 'Europe/Zurich', when);
    expect(a.notes).toContain('Cancelled: Meeting of Working Party 1/2, Geneva, 15-19 March 2027 [TSB Collective letter 5/2].');
    expect(a.notes).toContain('TSB Collective letter 5/2: "Contributions already submitted will be carried forward to the next meeting of Study Group 2, which will be announced in a separate collective letter."');
  });

  it('deadlines a letter says replace earlier ones were changed; "the postponed SG13 meeting" only names the meeting', async () => {
    const changed = await ask('were the SG13 deadlines changed', 'Europe/Zurich', '2027-01-20T12:00');
    expect(changed.title).toMatch(/^Yes: .* \[TSB Collective letter 7\/13\]$/);
    expect(changed.notes[0]).toBe(`In the letter's words: "The deadlines given in TSB Collective letter 5/13 are replaced by the following:"`);
    const named = await ask('what was the contribution deadline for the postponed SG13 meeting', 'Europe/Zurich', '2027-01-20T12:00');
    expect(named.title).toBe('Deadlines for SG13 (contributions or contributions needing translation)');
  });

  it('marks a regional group\'s deadlines listed under its study group', async () => {
    const a = await ask('/deadlines SG13', 'Europe/Zurich', '2026-09-01T12:00');
    const lines = a.sections.flatMap((x) => x.items.map((i) => i.text));
    expect(lines[0]).toBe('Mon 26 Oct 2026 (end of day, Geneva) (in 55 days): Fellowship requests — SG13RG-ARB');
    expect(lines.filter((l) => / — SG13RG-ARB$/.test(l))).toHaveLength(4);
    expect(lines.some((l) => /: Contributions needing translation$/.test(l))).toBe(true);
  });

  it('quotes what the letter says a meeting will work on', async () => {
    const sg3 = await ask('what is SG3 going to discuss at its April meeting', 'Europe/Zurich', when);
    expect(sg3.sections[0]?.items[0]?.text).toMatch(/^The study group will continue its work on international mobile roaming \(Question 2\/3\)/);
    const wp = await ask('what will WP3/17 work on at its April meeting', 'Europe/Zurich', when);
    expect(wp.sections[0]?.items[0]?.text).toBe('The Working Party expects to determine draft new Recommendation ITU-T X.1286 (ex X.ztsec) and to agree a draft Supplement on trust anchors.');
  });

  it('which Recommendations a group proposed to delete: its deletion consultation, with the texts', async () => {
    const a = await ask('which recommendations did SG11 propose to delete', 'Europe/Zurich', when);
    expect(a.title).toBe('Texts of SG11 for deletion: Q.3945, Q.3950');
    expect(a.sections.find((x) => x.heading === 'Deadlines set for them')?.items[0]?.text).toMatch(/original: 15 September 2023, 23:59 UTC \(past\): Objections/);
  });

  it('whether an event is on the day asked: no, with its dates, when they were changed', async () => {
    const no = await ask('Is the AI-native networks workshop on 2 March?', 'Europe/Zurich', '2026-01-10T12:00');
    expect(no.title).toBe('No: ITU Workshop on AI-native networks: from research to standards is on 9–10 March 2026');
    const yes = await ask('is the AI-native workshop on 9 March', 'Europe/Zurich', '2026-01-10T12:00');
    expect(yes.title).toMatch(/^Yes: /);
    const partly = await ask('is the AI-native workshop on 8-9 March', 'Europe/Zurich', '2026-01-10T12:00');
    expect(partly.title).toMatch(/^No: /);
  });

  it('whether a group\'s side event is on the day asked, the group named', async () => {
    // Collective letter 4/5: the workshop on the circular economy of ICT equipment is on Friday 11 September 2026.
    const no = await ask('is the SG5 workshop on 12 September', 'Europe/Zurich', '2026-07-01T12:00');
    expect(no.title).toBe('No: Workshop on the circular economy of ICT equipment is on Fri 11 September 2026');
    const yes = await ask('is the SG5 workshop on 11 September?', 'Europe/Zurich', '2026-07-01T12:00');
    expect(yes.title).toMatch(/^Yes: Workshop on the circular economy/);
  });
});

describe('questions of the twenty-first round (asked on 14 December 2026)', () => {
  const when = '2026-12-14T09:00';
  it('"how long is TSAG" and "meetings in the next 3 months"', async () => {
    const tsag = await ask('how long is TSAG', 'Europe/Zurich', when);
    expect(tsag.notes).toContain('The TSAG meeting lasts 5 days (Mon 25 – Fri 29 January 2027).');
    const months = await ask('what meetings are coming up in the next 3 months', 'Europe/Zurich', when);
    expect(months.title).toBe('Meetings between now and 31 Mar 2027');
    expect(months.sections[0]?.items[0]?.text).toMatch(/^TSAG: 25–29 January 2027/);
  });

  it('reads "which LS from SG15 wants a reply and by when" as SG15\'s statements', async () => {
    const a = await ask('which LS from SG15 wants a reply and by when', 'Europe/Zurich', when);
    expect(a).toMatchObject({ ok: true, command: 'ls' });
    expect(a.title).toMatch(/^Liaison statements of SG15/);
  });

  it('"what does SG13 need by the end of February" is its deadlines until then', async () => {
    const a = await ask('what does SG13 need by the end of February', 'Europe/Zurich', when);
    expect(a).toMatchObject({ command: 'deadlines', title: 'Deadlines for SG13, until 28 Feb 2027' });
  });

  it('"what is SG20 the lead study group for" lists its roles', async () => {
    const a = await ask('what is SG20 the lead study group for', 'Europe/Zurich', when);
    expect(a).toMatchObject({ command: 'lsg', title: 'Lead study group roles of SG20' });
  });

  it('whether a statement needs a reply, and a topic found by its stem', async () => {
    const a = await ask("does SG5's LS on L.1470 need a reply", 'Europe/Zurich', when);
    expect(a.title).toBe('No: SG5-LS30 is for information; it asks for no reply');
    const terms = await ask('what did SG20 reply to SG13 on digital twin terms', 'Europe/Zurich', when);
    expect(terms.title).toBe('Liaison statements of SG20 on digital twin terms');
    expect(terms.notes.join(' ')).not.toMatch(/None of these is titled/);
  });

  it('when registration opens: the desk\'s hour, or that the letter gives none', async () => {
    const sg3 = await ask('what time does registration open for the SG3 meeting', 'Europe/Zurich', when);
    expect(sg3.title).toBe('TSB Collective letter 6/3 gives no time for registration; SG3 opens Wed 7 Apr 2027, 09:30 (Geneva)');
    const sg2 = await ask('what time does registration open for the SG2 meeting in July 2025', 'Asia/Tokyo', '2025-06-01T09:00');
    expect(sg2.title).toBe('Registration for SG2 opens Tue 1 Jul 2025, 15:30 (Asia/Tokyo) — original: 1 July 2025, 08:30 Geneva time');
  });

  it('"what\'s Y.DA-water": a draft by its provisional name, what the documents say of it and the title that names it', async () => {
    const a = await ask("what's Y.DA-water", 'Europe/Zurich', when);
    expect(a).toMatchObject({ command: 'rec', title: 'Y.DA-water: a draft under study, as SG20-C123 says' });
    expect(a.notes).toContain('Y.DA-water: "Proposal for a new work item: requirements of water management services for precision irrigation (Y.DA-water)" [SG20-C123]');
    const y4245 = await ask('what is Y.4245', 'Europe/Zurich', when);
    expect(y4245.notes).toContain('Y.4245: "Reference architecture of IoT-based digital agriculture platforms" [SG20-TD870/WP1]');
  });

  it('what the letter says of interpretation, with its deadline for requests', async () => {
    const a = await ask('is there interpretation at TSAG in January', 'Europe/Zurich', when);
    expect(a.title).toBe('What TSB Collective letter 2/TSAG says');
    expect(a.sections[1]).toMatchObject({ heading: 'Its deadline', items: [{ text: 'Interpretation requests: Fri 27 Nov 2026 (end of day, Geneva) (past)' }] });
  });

  it('a kind of side event with no meeting to come: the last one announced', async () => {
    const a = await ask('is there a newcomers session for SG2?', 'Europe/Zurich', when);
    expect(a.notes[0]).toMatch(/^No newcomers session is announced for any SG2 meeting to come; the last was Newcomers' session for SG2 delegates, in Geneva and online: Tue 1 Jul 2025, 12:30–14:00 .*\[TSB Collective letter 2\/2\]\.$/);
  });
});

describe('questions of the twenty-second round (asked on 12 October 2026)', () => {
  const when = '2026-10-12T09:00';
  it('whether a named workshop is still on: held, or on, with its changed dates', async () => {
    // Corrigendum 1 to Circular 92 moved the AI-native networks workshop to 9-10 March 2026.
    const over = await ask('is the AI-native networks workshop still on?', 'Europe/Zurich', when);
    expect(over.title).toBe('It is over: ITU Workshop on AI-native networks: from research to standards was scheduled for 9–10 March 2026 (its dates were changed)');
    // Past midnight in Geneva on its last day: over, though it is still the 10th in UTC.
    const late = await ask('is the AI-native networks workshop still on?', 'Asia/Tokyo', '2026-03-10T23:30Z');
    expect(late.title).toMatch(/^It is over: /);
    const ahead = await ask('is the AI-native networks workshop still on?', 'Europe/Zurich', '2026-01-12T09:00');
    expect(ahead.title).toMatch(/^Yes: ITU Workshop on AI-native networks.* is on 9–10 March 2026 \(its dates were changed\)$/);
    // Found by search, the corrigendum is cited as itself, not as the circular it corrects.
    const found = await ask('search AI-native networks change of dates', 'Europe/Zurich', when);
    expect(found.sections[0]?.items[0]?.text).toMatch(/^Corrigendum 1 to TSB Circular 92: /);
  });

  it('whether a meeting is over or under way, by its last day in Geneva', async () => {
    // Collective letter 7/17: Working Party 3/17 meets in Geneva on 19-23 April 2027.
    const before = await ask('is the WP3/17 meeting over?', 'America/New_York', '2027-04-10T09:00');
    expect(before.title).toMatch(/^No: the WP3\/17 meeting of 19–23 April 2027 in Geneva, Switzerland has not started yet/);
    const during = await ask('is the SG17 meeting under way', 'Europe/Zurich', '2027-04-21T09:00');
    expect(during.title).toBe('Yes: the WP3/17 meeting of 19–23 April 2027 in Geneva, Switzerland is under way (day 3 of 5, Geneva\'s calendar); it ends on Fri 23 April 2027');
    // 23:30 in Geneva on its last day: still on, though it is past midnight in Tokyo.
    const lastDay = await ask('has the WP3/17 meeting finished?', 'Asia/Tokyo', '2027-04-23T21:30Z');
    expect(lastDay.title).toMatch(/^No: .* is under way \(day 5 of 5, Geneva's calendar\); it ends today, Fri 23 April 2027$/);
    // Past midnight in Geneva: over, though it is still the 23rd in UTC and in New York.
    const after = await ask('is the WP3/17 meeting over?', 'America/New_York', '2027-04-23T22:30Z');
    expect(after).toMatchObject({ ok: true, command: 'meeting', title: 'Yes: the WP3/17 meeting of 19–23 April 2027 in Geneva, Switzerland ended on Fri 23 April 2027' });
  });

  it('"do I need to register if I join the Muscat meeting remotely": the letter says remote participants register too', async () => {
    const a = await ask('do I need to register if I join the Muscat meeting remotely?', 'Europe/Zurich', when);
    expect(a).toMatchObject({ ok: true, command: 'meeting' });
    expect(a.sections[0]?.items.map((i) => i.text)).toContain('Remote participants must also register.');
  });

  it('whether a group must act on another group\'s liaison: yes, no (for information), or not addressed', async () => {
    // TD 1204 (PLEN/15): SG15's LS on fronthaul timing, for action to IEEE 802.1 and MEF, for information to SG13.
    const info = await ask("does SG13 have to act on SG15's LS on time-sensitive fronthaul?", 'Europe/Zurich', when);
    expect(info.title).toMatch(/^No: SG13 gets TD 1204 \(PLEN\/15\) for information; it asks IEEE 802\.1 Working Group, MEF Forum to act by Sun 28 Feb 2027/);
    const none = await ask("does SG16 have to act on SG15's LS on time-sensitive fronthaul?", 'Europe/Zurich', when);
    expect(none.title).toMatch(/^No: TD 1204 \(PLEN\/15\) is not addressed to SG16;/);
    // SG17-LS45: for action to SG20 (Q6/20), reply by 30 April 2026.
    const yes = await ask("does Q6/20 have to act on SG17's LS on IoT security?", 'Europe/Zurich', when);
    expect(yes.title).toBe('Yes: SG17-LS45 asks Q6/20 to act; the reply was due by Thu 30 Apr 2026 (end of day, Geneva)');
    const other = await ask("does Q4/20 have to act on SG17's LS on IoT security?", 'Europe/Zurich', when);
    expect(other.title).toMatch(/^No: SG17-LS45 asks SG20 \(Q6\/20\) to act .*, not Q4\/20$/);
    // No statement of that sender on that topic: no yes or no (a review found a "Yes" here for another topic's statement).
    const noTopic = await ask("does Q6/20 have to act on SG17's LS on blockchain?", 'Europe/Zurich', when);
    expect(noTopic.title).toBe('No stored liaison statement from SG17 to Q6/20 is on "blockchain"');
    const otherSender = await ask("does SG20 have to act on SG13's LS on IoT security?", 'Europe/Zurich', when);
    expect(otherSender.title).toBe('No stored liaison statement from SG13 to SG20 is on "IoT security"');
    const sc27 = await ask('must Q11/17 reply to the LS from SC 27 on post-quantum key establishment?', 'Europe/Zurich', when);
    expect(sc27.title).toMatch(/^Yes: .* asks Q11\/17 to act, replying by Fri 15 Jan 2027/);
  });

  it('"what did TSAG ask the study groups to do in TSAG-LS12" is the statement itself, with what it asks', async () => {
    const a = await ask('what did TSAG ask the study groups to do in TSAG-LS12?', 'Europe/Zurich', when);
    expect(a).toMatchObject({ ok: true, command: 'doc', title: 'TSAG-LS12' });
    expect(a.sections.flatMap((x) => x.items).some((i) => i.text.startsWith('Asks: TSAG therefore invites each study group to'))).toBe(true);
  });

  it('"which liaisons are still waiting for a reply" is every statement asking anyone to act, other bodies too', async () => {
    const a = await ask('which liaisons are still waiting for a reply?', 'Europe/Zurich', when);
    expect(a).toMatchObject({ ok: true, command: 'ls' });
    expect(a.sections[0]?.heading).toBe('Awaiting a reply');
    // Soonest first; other tests of this file add statements due later.
    expect(a.sections[0]?.items.map((i) => i.text).slice(0, 2)).toEqual([
      expect.stringMatching(/post-quantum key establishment — reply due by Fri 15 Jan 2027/),
      expect.stringMatching(/^LS on timing requirements for time-sensitive mobile fronthaul — reply due by Sun 28 Feb 2027/),
    ]);
  });

  it('"what\'s the lead study group for IoT" is a lead role', async () => {
    const a = await ask("what's the lead study group for IoT?", 'Europe/Zurich', when);
    expect(a).toMatchObject({ ok: true, command: 'lsg', title: 'SG20 leads this topic' });
  });

  it('a Recommendation listed with its title after a colon has that title', async () => {
    // Circular 57: "ITU-T Y.3188 (ex Y.IMT2020-QoS-fw): Quality of service assurance framework for IMT-2020 and beyond, under Question 6/13;"
    const a = await ask('what is Y.3188?', 'Europe/Zurich', when);
    expect(a.notes).toContain('Y.3188: "Quality of service assurance framework for IMT-2020 and beyond" [TSB Circular 57]');
  });

  it('when a consultation closed or closes, and whether one is open', async () => {
    const closed = await ask('when did the consultation on Y.3188 and Y.3207 close?', 'Europe/Zurich', when);
    expect(closed).toMatchObject({ ok: true, command: 'deadlines' });
    expect(closed.sections[0]?.items[0]?.text).toMatch(/original: 22 September 2025, 23:59 UTC \(past\): Consultation reply on Y\.3188, Y\.3207/);
    const sg13 = await ask('any consultations open in SG13?', 'Europe/Zurich', when);
    expect(sg13.title).toBe('No consultation is open for SG13; the last closed Tue 23 Sep 2025, 01:59 (Europe/Zurich) — original: 22 September 2025, 23:59 UTC [TSB Circular 57]');
    const open = await ask('is there an open TAP consultation I should reply to?', 'Europe/Zurich', when);
    expect(open.title).toMatch(/^One consultation is open: it closes .* \[TSB Circular 241\]$/);
    expect(open.sections[0]?.items.map((i) => i.text)).toEqual([expect.stringMatching(/Consultation reply on G\.9806\.1, G\.984\.3 — SG15$/)]);
  });

  it("a regional group's meeting letter names its secretariat contact, asked by the meeting's town too", async () => {
    const a = await ask("who's the TSB contact for the Muscat SG13RG-ARB meeting?", 'Europe/Zurich', when);
    expect(a).toMatchObject({ ok: true, command: 'officers', title: 'Secretariat of SG13RG-ARB' });
    expect(a.sections[0]?.items[0]?.text).toBe('Secretariat of SG13RG-ARB: Hassan Al-Amri <tsbsg13@itu.int>');
  });

  it('"…, New York time" shows the times in that zone, whoever asks', async () => {
    const a = await ask('what time does the SG11 meeting in March start, New York time?', 'Europe/Zurich', when);
    expect(a.title).toBe('SG11 opens Mon 22 Mar 2027, 04:30 (America/New_York) — original: 22 March 2027, 09:30 Geneva time');
    expect(a.notes.join(' ')).not.toMatch(/can't answer/);
  });

  it('"was there a side event before the SG5 meeting in September" lists it, with nothing said to be unanswered', async () => {
    const a = await ask('was there a side event before the SG5 meeting in September?', 'Europe/Zurich', when);
    expect(a.sections[0]?.items.map((i) => i.text)).toContain('  Side event: Workshop on the circular economy of ICT equipment');
    expect(a.notes.join(' ')).not.toMatch(/can't answer/);
  });

  it('"who handles IoT security for smart agriculture, SG17 or SG20" finds the statement that divides the work', async () => {
    const a = await ask('who handles IoT security for smart agriculture, SG17 or SG20?', 'Europe/Zurich', when);
    expect(a).toMatchObject({ ok: true, command: 'search' });
    expect(a.sections[0]?.items[0]?.text).toMatch(/^SG17-LS45: /);
    expect(a.sections[0]?.items[0]?.detail).toMatch(/smart agriculture/);
  });

  it('"will Member States approve G.9806.1" says no document can tell, and where it stands', async () => {
    const a = await ask('will Member States approve G.9806.1?', 'Europe/Zurich', when);
    expect(a).toMatchObject({ ok: true, command: 'rec' });
    expect(a.notes[0]).toBe('How a decision on G.9806.1 will go is not in any document: sgbot can only say where it stands.');
  });
});

describe('questions of the twenty-third round (asked on 15 February 2027)', () => {
  const when = '2027-02-15T08:00';
  it('"how many days until the SG11 meeting starts", "how many days until sg13": counted to the opening', async () => {
    const sg11 = await ask('how many days until the SG11 meeting starts?', 'Europe/Zurich', when);
    expect(sg11.title).toBe('The SG11 meeting starts in 35 days, on Mon 22 Mar 2027, 09:30 (Geneva)');
    expect(sg11.notes.join(' ')).not.toMatch(/can't answer/);
    const sg13 = await ask('how many days until sg13', 'Europe/Zurich', when);
    expect(sg13.title).toBe('The SG13 meeting starts in 56 days, on Mon 12 April 2027');
  });

  it("a Question's meeting asked by its month is its own (Q13/15 in Ottawa in April), not its study group's", async () => {
    const a = await ask('Where is the Q13/15 meeting in April?', 'Europe/Zurich', when);
    expect(a.title).toBe('Q13/15 meets in Ottawa');
  });

  it('"in the next fortnight" is two weeks; "the very next deadline coming up" is the next deadline', async () => {
    const fortnight = await ask('what deadlines do I have in the next fortnight', 'Europe/Zurich', when);
    expect(fortnight).toMatchObject({ ok: true, command: 'deadlines', title: 'Deadlines for all groups, now to 1 Mar 2027' });
    const next = await ask('what is the very next deadline coming up?', 'Europe/Zurich', when);
    expect(next.sections[0]?.items[0]?.text).toMatch(/^Sun 21 Feb 2027 .*: Fellowship requests — SG3$/);
  });

  it('liaisons: "what does the LS from SC 27 ask SG17", "what is SG11 asking SG13 about …", "any liaisons to ISO/IEC JTC 1/SC 42", open reply dates', async () => {
    const sc27 = await ask('what does the LS from SC 27 ask SG17?', 'Europe/Zurich', when);
    expect(sc27.sections.flatMap((x) => x.items).some((i) => i.text.startsWith('Asks: SC 27 kindly asks SG17 to'))).toBe(true);
    const sg11 = await ask('what is SG11 asking SG13 about emergency calls?', 'Europe/Zurich', when);
    expect(sg11.sections.flatMap((x) => x.items).some((i) => /^Asks: SG11 has identified two points/.test(i.text))).toBe(true);
    const sc42 = await ask('any liaisons to ISO/IEC JTC 1/SC 42?', 'Europe/Zurich', when);
    expect(sc42.title).toBe('Liaison statements to ISO/IEC JTC 1/SC 42');
    expect(sc42.sections[0]?.items[0]?.text).toMatch(/^LS on terminology for machine learning in future networks/);
    const open = await ask('which liaison statements still have an open reply deadline?', 'Europe/Zurich', when);
    expect(open.sections[0]).toMatchObject({ heading: 'Awaiting a reply' });
    expect(open.sections[0]?.items[0]?.text).toMatch(/^LS on timing requirements for time-sensitive mobile fronthaul — reply due by Sun 28 Feb 2027/);
  });

  it('"what\'s on the agenda for study group 20 in May" and "what will SG20 discuss": the letter\'s sentence on it', async () => {
    for (const q of ["what's on the agenda for study group 20 in May?", 'what will SG20 discuss in May?']) {
      const a = await ask(q, 'Europe/Zurich', when);
      expect(a.sections[0]?.items[0]?.text).toMatch(/^The study group will examine the progress of Q11\/20 on digital twins for cities/);
    }
  });

  it("a working party's TSB contact is its study group's counsellor", async () => {
    const a = await ask('who is the TSB contact for the WP3/17 meeting', 'Europe/Zurich', when);
    expect(a).toMatchObject({ ok: true, command: 'officers', title: 'Secretariat of SG17' });
    expect(a.notes[0]).toBe('The secretariat of WP3/17 is that of SG17.');
  });

  it('"which is sooner, the SG13 or the SG15 meeting?" says which, with both', async () => {
    const a = await ask('which is sooner, the SG13 or the SG15 meeting?', 'Europe/Zurich', when);
    expect(a.title).toBe('SG13 meets first: 12–23 April 2027, then SG15: 14–25 June 2027');
  });

  it('whether a kind of deadline is still open or has passed: yes or no, with its date', async () => {
    const translation = await ask('is the SG13 translation-contribution deadline still open?', 'Europe/Zurich', when);
    expect(translation.title).toBe('No: the SG13 contributions needing translation deadline was Fri 12 Feb 2027 (end of day, Geneva) [TSB Collective letter 7/13]');
    const fellowship = await ask('has the SG13 fellowship deadline passed?', 'Europe/Zurich', when);
    expect(fellowship.title).toMatch(/^No: the SG13 fellowship requests deadline is Fri 26 Feb 2027 .*, still to come/);
    const registration = await ask('is registration for SG11 still open?', 'Europe/Zurich', when);
    expect(registration.title).toMatch(/^Yes: the SG11 registration deadline is Mon 22 Feb 2027/);
  });
});

describe('questions of the twenty-fourth round (asked on 23 November 2026)', () => {
  const when = '2026-11-23T10:00';
  it('"why was study group 13 postponed and do I need to re-register?" quotes the letter, with no "Yes" of a moved deadline', async () => {
    const a = await ask('Why was study group 13 postponed and do I need to re-register?', 'Europe/Zurich', when);
    expect(a.title).not.toMatch(/^Yes/);
    expect(a.sections.flatMap((x) => x.items.map((i) => i.text))).toContain('Registrations already made remain valid and need not be repeated.');
  });

  it("a group's TSB contact is its latest letter's, earlier letters' said as such; a regional group's letter names its own", async () => {
    const sg17 = await ask('Who is the TSB contact for the WP3/17 meeting?', 'Europe/Zurich', when);
    expect(sg17.sections[0]?.items.map((i) => i.text)).toEqual(['Secretariat of SG17: Kenji Watanabe <tsbsg17@itu.int>']);
    expect(sg17.notes).toContain('Earlier letters named Arnaud Meyer (TSB Collective letter 4/17 of 2025-09-01).');
    const sg13 = await ask('who is the TSB contact for SG13?', 'Europe/Zurich', when);
    expect(sg13.sections[0]?.items.map((i) => i.text)).not.toContain('Secretariat of SG13: Hassan Al-Amri <tsbsg13@itu.int>');
  });

  it('"will there be interpretation at TSAG? how do I get captioning?" gives both deadlines the letter sets', async () => {
    const a = await ask('Will there be interpretation at TSAG in January? how do I get captioning?', 'Europe/Zurich', when);
    const due = a.sections.find((x) => x.heading === 'Their deadlines')?.items.map((i) => i.text) ?? [];
    expect(due).toEqual([expect.stringMatching(/^Interpretation requests: Fri 27 Nov 2026/), expect.stringMatching(/^Captioning requests: Mon 28 Dec 2026/)]);
  });

  it('"what did TSAG ask all study groups in LS12" is TSAG-LS12', async () => {
    const a = await ask('What did TSAG ask all study groups in LS12 and by when?', 'Europe/Zurich', when);
    expect(a).toMatchObject({ ok: true, command: 'doc', title: 'TSAG-LS12' });
  });

  it('a meeting under way when the next is asked for: said so, with the one after it', async () => {
    const a = await ask('SG15 next meeting dates?', 'Europe/Zurich', when);
    expect(a.title).toBe('SG15 is meeting now, until Fri 27 November 2026; its next meeting is 14–25 June 2027 in Geneva, Switzerland');
  });

  it('"which is first in 2027, SG3 or SG13?" and "who are the contacts for the SG17 LS to SG20?"', async () => {
    const first = await ask('Which is first in 2027, SG3 or SG13?', 'Europe/Zurich', when);
    expect(first.title).toBe('SG3 meets first: 7–16 April 2027, then SG13: 12–23 April 2027');
    const contacts = await ask('Who are the contacts for the SG17 LS to SG20?', 'Europe/Zurich', when);
    expect(contacts.sections[0]?.items[0]?.detail).toMatch(/contacts: Anna Schmidt \(Federal Network Agency, Germany\).*; Wei Li \(China Academy of Information and Communications Technology, China\)/);
  });

  it('"WP3/17 deadlines? and is translation provided?" answers both parts: the deadlines and the letter on translation', async () => {
    const a = await ask('WP3/17 deadlines? and is translation provided?', 'Europe/Zurich', when);
    const texts = a.sections.flatMap((x) => x.items.map((i) => i.text));
    expect(texts).toContain('Wed 7 Apr 2027 (end of day, Geneva) (in 135 days): Contributions');
    expect(texts.some((t) => /no translation is provided/.test(t))).toBe(true);
  });
});

describe('questions of the twenty-fifth round (asked on 25 January 2027)', () => {
  const when = '2027-01-25T00:00Z';

  it('"what will SG11 work on at its march 2027 meeting": the letter\'s plans, not a workshop of 2025', async () => {
    // Collective letter 9/11: "The study group plans to consent draft revised Recommendation ITU-T Q.3057 …"
    for (const q of ['what will SG11 work on at its march 2027 meeting?', 'what will SG11 discuss at its march meeting']) {
      const a = await ask(q, 'Europe/Zurich', when);
      expect(a.title).toBe('What TSB Collective letter 9/11 says');
      expect(a.sections[0]?.items[0]?.text).toMatch(/^The study group plans to consent draft revised Recommendation ITU-T Q\.3057/);
    }
  });

  it('"what will they approve" at WP3/17: what the letter says will be determined and agreed', async () => {
    const a = await ask('Which Questions meet at the WP3/17 meeting and what will they approve?', 'America/Sao_Paulo', when);
    const lines = a.sections.flatMap((x) => x.items.map((i) => i.text));
    expect(lines).toContain('The Working Party expects to determine draft new Recommendation ITU-T X.1286 (ex X.ztsec) and to agree a draft Supplement on trust anchors.');
    expect(lines.some((l) => l.includes('Questions 6/17, 7/17, 8/17, 9/17 and 10/17'))).toBe(true);
  });

  it('"do I need to register again for SG13 since the meeting moved": registrations made remain valid', async () => {
    const a = await ask('do I need to register again for SG13 since the meeting moved?', 'Europe/Zurich', when);
    expect(a.sections[0]?.items[0]?.text).toBe('Registrations already made remain valid and need not be repeated.');
  });

  it('whether a liaison statement\'s reply date has passed, the statement named by its sender', async () => {
    const sc27 = await ask('did the SC27 LS deadline pass already?', 'Asia/Tokyo', when);
    expect(sc27).toMatchObject({ ok: true, command: 'ls' });
    expect(sc27.title).toMatch(/^Yes: the reply from SG17 to Liaison statement from ISO\/IEC JTC 1\/SC 27 .* was due by Sat 16 Jan 2027, 07:59 \(Asia\/Tokyo\)/);
    const sg15 = await ask('is the SG15 LS deadline still open?', 'Europe/Zurich', when);
    expect(sg15.title).toMatch(/^Yes: the reply from IEEE 802\.1 Working Group, MEF Forum to TD 1204 \(PLEN\/15\) is due by Sun 28 Feb 2027.*still to come$/);
  });

  it('"any LS with a deadline coming up?": the statements still awaiting a reply, of every group', async () => {
    const a = await ask('any LS with a deadline coming up?', 'America/New_York', when);
    expect(a).toMatchObject({ ok: true, command: 'ls' });
    expect(a.sections[0]?.heading).toBe('Awaiting a reply');
    expect(a.sections[0]?.items[0]?.text).toMatch(/^LS on timing requirements for time-sensitive mobile fronthaul — reply due by Sun 28 Feb 2027, 17:59 \(America\/New_York\)/);
  });

  it('"is SG17 also the lead study group for identity management": yes or no, with who leads it', async () => {
    expect((await ask('is SG17 also the lead study group for identity management?', 'Europe/Zurich', when)).title).toBe('Yes: SG17 leads this topic');
    expect((await ask('is study group 20 the lead sg for identity management', 'Europe/Zurich', when)).title).toBe('No: SG17 leads this topic');
  });

  it('"TSB contact for the SG12 2027 meeting": the secretariat the letter names, not the meeting', async () => {
    const a = await ask('TSB contact for the SG12 2027 meeting?', 'Europe/Zurich', when);
    expect(a).toMatchObject({ command: 'officers', title: 'Secretariat of SG12' });
    expect(a.sections[0]?.items[0]?.text).toBe('Secretariat of SG12: Tomas Kral <tsbsg12@itu.int>');
  });

  it('a place asked the time in ("what time in New York is …", "… today in São Paulo") gives that zone, no words left unread', async () => {
    const ny = await ask('what time in New York is the SG15 TAP deadline', 'Europe/Zurich', when);
    expect(ny.sections[0]?.items[0]?.text).toMatch(/^Mon 15 Mar 2027, 18:59 \(America\/New_York\) — original: 15 March 2027, 23:59 Geneva time/);
    expect(ny.notes.join(' ')).not.toMatch(/I read/);
    const sp = await ask('What time does TSAG open today in São Paulo?', 'Europe/Zurich', '2027-01-25T12:00Z');
    expect(sp.title).toBe('TSAG opens Mon 25 Jan 2027, 05:30 (America/Sao_Paulo) — original: 25 January 2027, 09:30 Geneva time');
    expect(sp.notes.join(' ')).not.toMatch(/can't answer/);
    const sent = await ask("when's the last day to send contributions for SG21 in september 2027?", 'Africa/Nairobi', when);
    expect(sent.notes.join(' ')).not.toMatch(/I read/);
  });

  it('what an LS asks, named by its sender and topic ("what does the SG15 LS on fronthaul timing ask")', async () => {
    // TD 1204 (PLEN/15): "We ask the IEEE 802.1 Working Group and MEF to review the budget table …"
    const a = await ask('what does the SG15 LS on fronthaul timing ask and who has to reply?', 'Europe/Zurich', when);
    const lines = a.sections.flatMap((x) => x.items.map((i) => i.text));
    expect(lines.some((l) => l.startsWith('LS on timing requirements for time-sensitive mobile fronthaul'))).toBe(true);
    expect(lines).toContain('Asks: We ask the IEEE 802.1 Working Group and MEF to review the budget table in the attached draft and to tell us, by 28 February 2027, whether the limits for class C and class D clocks are consistent with their specifications.');
  });

  it('what a reply LS says: what it suggests the other group do', async () => {
    const a = await ask('what did SG20 reply to SG13 about digital twin terms?', 'Europe/Zurich', when);
    const lines = a.sections.flatMap((x) => x.items.map((i) => i.text));
    expect(lines.some((l) => l.startsWith('Asks: SG20 therefore suggests that SG13 refer to the definitions in ITU-T Y.4600 and ITU-T Y.4486'))).toBe(true);
  });

  it('when a Recommendation will be determined: at the meeting the letter announces', async () => {
    const a = await ask('what is X.1286 and when will it be determined?', 'Asia/Kolkata', when);
    expect(a.title).toBe('X.1286 (ex X.ztsec): determination planned at the meeting of 19–23 April 2027, Geneva, Switzerland, as TSB Collective letter 7/17 says');
  });

  it('a consultation asked what it is about and when to reply: its reply date, from its circular', async () => {
    const a = await ask("What's the TAP consultation on G.9806.1 about and when do member states need to reply?", 'Europe/Zurich', when);
    expect(a).toMatchObject({ command: 'deadlines' });
    expect(a.sections[0]?.items[0]?.text).toMatch(/^Mon 15 Mar 2027, 23:59 \(Geneva\) \(in 49 days\): Consultation reply on G\.9806\.1, G\.984\.3/);
    expect(a.sources[0]?.reference).toBe('TSB Circular 241');
  });

  it('"the deadline for SG2 WP1/2 contributions" is one study group, and the cancelled meeting\'s deadlines no longer hold', async () => {
    const a = await ask('Is the deadline for SG2 WP1/2 contributions still 3 March?', 'Europe/Zurich', when);
    expect(a.title).toBe('Deadlines for SG2 (contributions or contributions needing translation), Wed 3 Mar 2027');
    expect(a.notes).toContain('The meeting of Working Party 1/2, Geneva, 15-19 March 2027 was cancelled [TSB Collective letter 5/2]: the deadlines set for it no longer hold.');
  });

  it('asked for a workshop the letter does not announce: that it announces none, without "I can\'t answer"', async () => {
    const a = await ask('is there a workshop or side event with the SG11 meeting in march 2027?', 'Europe/Zurich', when);
    expect(a.notes).toContain('TSB Collective letter 9/11 announces no side event for this SG11 meeting.');
    expect(a.notes.join(' ')).not.toMatch(/can't answer/);
  });
});

describe('questions of the twenty-sixth round (asked on 10 June 2026)', () => {
  const when = '2026-06-10T00:00Z';

  it('"was the SG13 March 2027 meeting cancelled?": no, it was moved', async () => {
    const a = await ask('Was the SG13 March 2027 meeting cancelled?', 'Europe/Zurich', when);
    expect(a.title).toBe('No, not cancelled: the SG13 meeting planned for 8-19 March 2027 was moved to 12–23 April 2027 [TSB Collective letter 7/13]');
  });

  it('an LS asked of with "study groups", a topic before "LS", or an addressee of another body: answered, not refused', async () => {
    const tsag = await ask('what does the TSAG liaison ask study groups to do and by when?', 'America/New_York', when);
    expect(tsag).toMatchObject({ ok: true, command: 'ls' });
    expect(tsag.sections.flatMap((x) => x.items.map((i) => i.text)).some((l) => l.startsWith('Asks: TSAG therefore invites each study group to:'))).toBe(true);
    const sg11 = await ask('what does sg11 ask sg13 in the emergency calls LS and when is it due', 'America/Los_Angeles', when);
    expect(sg11).toMatchObject({ ok: true, command: 'ls' });
    expect(sg11.sections[0]?.items[0]?.text).toMatch(/^LS on signalling requirements for emergency calls .* reply was due by Tue 31 Mar 2026/);
    const sc42 = await ask('did sg13 send an LS to JTC1 SC42? has the deadline passed?', 'Australia/Sydney', when);
    expect(sc42).toMatchObject({ ok: true, command: 'ls' });
    expect(sc42.sections.flatMap((x) => x.items.map((i) => i.text)).some((l) => l.startsWith('LS on terminology for machine learning in future networks'))).toBe(true);
  });

  it('"will SG17 approve X.1286 at its next meeting": where it stands, and that no document tells the outcome', async () => {
    const a = await ask('will SG17 approve X.1286 at its next meeting?', 'Europe/Zurich', when);
    expect(a).toMatchObject({ command: 'rec' });
    expect(a.notes).toContain('How a decision on X.1286 will go is not in any document: sgbot can only say where it stands.');
    expect((await ask('what is L.1470 about and has it been consented?', 'Europe/Zurich', when)).command).toBe('rec');
  });

  it('"what will SG5 do at the september meeting": what the letter says it intends', async () => {
    const a = await ask('What will SG5 do at the september meeting?', 'Africa/Lagos', when);
    expect(a.sections[0]?.items[0]?.text).toBe('SG5 intends to consent draft revised Recommendation ITU-T K.91 and draft new Recommendation ITU-T L.1470 (ex L.GHG-trajectories) at this meeting.');
  });

  it('an LS\'s addressees "and what\'s the deadline": the statement read whole, with its reply date', async () => {
    const a = await ask("who is SG15's LS on fronthaul timing addressed to and what's the deadline", 'Europe/London', when);
    expect(a).toMatchObject({ command: 'ls', title: 'Liaison statements of SG15 on fronthaul timing' });
    expect(a.sections[0]?.items[0]?.text).toMatch(/^LS on timing requirements for time-sensitive mobile fronthaul — reply expected by Sun 28 Feb 2027, 22:59 \(Europe\/London\)/);
  });

  it('a regional group with no meeting to come: its last meeting with the events around it, the opening in the reader\'s zone', async () => {
    // Collective letter 1/SG3RG-AFR: Kampala, 17-19 September 2025, preceded by a forum (15th) and a workshop (16th).
    const a = await ask('where is the SG3 regional group for africa meeting and what events are around it?', 'Africa/Lagos', when);
    expect(a.title).toBe('No upcoming meeting known for SG3RG-AFR');
    const lines = a.sections.flatMap((x) => x.items.map((i) => i.text));
    expect(lines).toEqual(['SG3RG-AFR: 17–19 September 2025, Kampala, Uganda', '  Side event: Regional Economic and Regulatory Forum for Africa', '  Side event: ITU Workshop on international mobile roaming and digital financial services']);
    expect(a.sections[0]?.items[0]?.detail).toMatch(/opens Wed 17 Sep 2025, 07:30 \(Africa\/Lagos\) — original: 17 September 2025, 09:30 Africa\/Kampala/);
  });

  it('"what time does SG5 start for me": the reader\'s time, nothing left unread', async () => {
    const a = await ask('What time does SG5 start for me?', 'Australia/Sydney', when);
    expect(a.title).toBe('SG5 opens Mon 14 Sep 2026, 17:30 (Australia/Sydney) — original: 14 September 2026, 09:30 Geneva time');
    expect(a.notes.join(' ')).not.toMatch(/can't answer/);
  });
});

describe('questions of the twenty-seventh round (asked on 20 September 2026)', () => {
  const when = '2026-09-20T00:00Z';

  it('a regional group\'s meeting named by its town is the one asked about: "is the SG12 regional group meeting in Abidjan over?"', async () => {
    const a = await ask('is the SG12 regional group meeting in Abidjan over? do i need a vaccine', 'Europe/Zurich', when);
    expect(a.title).toMatch(/^Yes: the SG12RG-AFR meeting of 26–30 May 2025 in Abidjan, Côte d'Ivoire ended on Fri 30 May 2025/);
  });

  it('the weather at a meeting: what its letter says of the place, else that it says nothing', async () => {
    // Collective letter 6/12 (Tunis, 2019): "Temperatures in March range from 10 to 20 °C."
    const tunis = await ask('weather in tunis in march for the sg12 meeting?', 'Africa/Johannesburg', when);
    expect(tunis.sections[0]?.items.map((i) => i.text)).toContain('Temperatures in March range from 10 to 20 °C.');
    const geneva = await ask('what will the weather be like in geneva during TSAG in january?', 'Europe/Zurich', when);
    expect(geneva.command).toBe('meeting');
    expect(geneva.notes[0]).toMatch(/^I can't answer all of "what will the weather be like in geneva during TSAG": TSB Collective letter 2\/TSAG, the letter for this meeting, says nothing I can find on it/);
  });

  it('a Recommendation asked of by status, by subject or by its Question goes to the Recommendation\'s answer', async () => {
    const y3188 = await ask('was Y.3188 approved at the october 2025 SG13 meeting?', 'America/Bogota', when);
    expect(y3188).toMatchObject({ command: 'rec', title: 'Y.3188 (ex Y.IMT2020-QoS-fw): approval planned for 13–24 October 2025 [TSB Circular 57]; no stored document says whether it was approved' });
    expect((await ask('whats L.1470 about', 'Europe/Zurich', when)).command).toBe('rec');
    const y3207 = await ask('which question is Y.3207 under', 'Asia/Riyadh', when);
    expect(y3207.notes).toContain('Studied under Q2/13 [TSB Circular 57].');
  });

  it('"key dates for WP3/17" are its deadlines; "what will wp3/17 do in april" is what its letter says it will do', async () => {
    expect((await ask('what are the key dates for WP3/17?', 'Asia/Shanghai', when)).command).toBe('deadlines');
    const a = await ask('what will wp3/17 do in april', 'Europe/Zurich', when);
    expect(a.sections[0]?.items[0]?.text).toBe('The Working Party expects to determine draft new Recommendation ITU-T X.1286 (ex X.ztsec) and to agree a draft Supplement on trust anchors.');
  });

  it('a town at the end of a question asking a time is the reader\'s zone: "muscat meeting opening time in Chicago"', async () => {
    const a = await ask('muscat meeting opening time in Chicago', 'Asia/Shanghai', when);
    expect(a.title).toBe('SG13RG-ARB opens Tue 8 Dec 2026, 23:00 (America/Chicago) — original: 9 December 2026, 09:00 local time (UTC+4)');
  });

  it('a question of which one part is read and another not: the part read is answered, the other named', async () => {
    const a = await ask('ai-native networks workshop dates? I registered for the old dates, do I need to register again?', 'Europe/Zurich', '2026-01-20T09:00');
    expect(a.ok).toBe(true);
    expect(a.sections.flatMap((x) => x.items.map((i) => i.text)).some((l) => l.startsWith('ITU Workshop on AI-native networks: from research to standards'))).toBe(true);
    expect(a.notes).toContain('I could not read this part of the question: "I registered for the old dates, do I need to register again?".');
  });

  it('a side event named by its title and asked something more: what the letter says of that, the title words aside', async () => {
    // Collective letter 4/5: "Registration for the workshop is separate from that for the study group meeting."
    const a = await ask('when was the SG5 workshop on circular economy, do I register separately?', 'Africa/Johannesburg', when);
    expect(a.sections[0]?.items[0]?.text).toBe('Registration for the workshop is separate from that for the study group meeting.');
  });

  it('"who should I contact about the sg11 LS on emergency calls": the statement with its contacts', async () => {
    const a = await ask('who should I contact about the sg11 LS on emergency calls', 'Asia/Shanghai', when);
    expect(a).toMatchObject({ command: 'ls' });
    expect(a.sections[0]?.items[0]?.detail).toMatch(/contacts: Priya Raman \(Telecommunication Engineering Centre, India\), priya\.raman@example\.in/);
  });
});

describe('questions of the twenty-eighth round (asked on 30 March 2027)', () => {
  const when = '2027-03-30T00:00Z';

  it('"before May", "until May for SG20": the month, though "may" is also a verb', async () => {
    expect((await ask('deadlines before May', 'Europe/Zurich', when)).title).toBe('Deadlines for all groups, until 30 Apr 2027');
    expect((await ask('deadlines until May for SG20', 'Europe/Zurich', when)).title).toBe('Deadlines for SG20, until 31 May 2027');
    const submit = await ask('what do I need to submit before May?', 'Asia/Kolkata', when);
    expect(submit).toMatchObject({ command: 'deadlines', title: 'Deadlines for all groups, until 30 Apr 2027' });
  });

  it('"has the SG13 contributions deadline passed?" is the contributions one, not the translation one', async () => {
    const a = await ask('Is the deadline for SG13 contributions already passed?', 'America/New_York', when);
    expect(a.title).toMatch(/^No: the SG13 contributions deadline is Wed 31 Mar 2027, 17:59 \(America\/New_York\)/);
  });

  it('"SG21 contribution clinic, what time was that": the last clinic held, in the reader\'s zone', async () => {
    const a = await ask('SG21 contribution clinic, what time was that in tokyo', 'Europe/Zurich', when);
    expect(a.notes.some((n) => n.startsWith('The last was Online Contribution Clinic for SG21 delegates: Tue 3 Feb 2026, 20:00–22:00 (Asia/Tokyo)'))).toBe(true);
  });

  it('"any LS with a reply deadline still open?" is answered from the statements', async () => {
    expect((await ask('any LS with a reply deadline still open?', 'America/New_York', when)).command).toBe('ls');
  });
});

describe('questions of the twenty-ninth round (asked on 12 May 2027)', () => {
  const when = '2027-05-12T09:00Z';

  it('two parts each answered by its own command: a side event named in the first is "it" in the second', async () => {
    const a = await ask("What's the registration deadline for the AI native networks workshop, and what time does it start for me?", 'Asia/Kolkata', when);
    expect(a.sections.map((x) => x.items[0]?.text)).toEqual([expect.stringMatching(/^Sat 28 Feb 2026, 04:29 \(Asia\/Kolkata\) — original: 27 February 2026 Geneva time, end of day \(past\): Registration/), expect.stringMatching(/^ITU Workshop on AI-native networks/)]);
    expect(a.sections[1]?.items[0]?.detail).toMatch(/^opens Mon 9 Mar 2026, 14:00 \(Asia\/Kolkata\) — original: 9 March 2026, 09:30 Geneva time/);
  });

  it('a zone named inside the first part, and "did I need to register" of the side event: the letter\'s words', async () => {
    const a = await ask('What time was the SG21 contribution clinic in February 2026 in Brasilia time, and did I need to register?', 'Europe/Zurich', when);
    expect(a.title).toMatch(/^Online Contribution Clinic for SG21 delegates: Tue 3 Feb 2026, 08:00–10:00 \(America\/Sao_Paulo\)/);
    expect(a.notes).toContain('TSB Collective letter 2/21: "No registration is needed; the link will be posted on the SG21 homepage."');
  });

  it('"how do I contact the SG21 secretariat" is the secretariat, not a group called "How SG21"', async () => {
    const a = await ask('How do I contact the SG21 secretariat?', 'Asia/Tokyo', when);
    expect(a).toMatchObject({ command: 'officers', title: 'Secretariat of SG21' });
  });

  it('"the deadline for SG20 to comment on the demarcation table": the liaison whose text is about it', async () => {
    const a = await ask('What was the deadline for SG20 to comment on the IoT security demarcation table?', 'Europe/Zurich', when);
    expect(a.sections[0]?.items).toHaveLength(1);
    expect(a.sections[0]?.items[0]?.text).toMatch(/^Thu 30 Apr 2026 .*Liaison reply/);
    expect(a.sources.map((x) => x.reference)).toEqual(['SG17-LS45']);
  });

  it('a past meeting\'s deadlines, asked by its month or named: shown as past, not "none"', async () => {
    const tsag = await ask('deadline for interpretation requests for TSAG January 2027', 'Europe/Zurich', when);
    expect(tsag.sections.map((x) => [x.heading, x.items.map((i) => i.text)])).toEqual([['Past', [expect.stringMatching(/^Fri 27 Nov 2026 .*Interpretation requests/)]]]);
    const sg13 = await ask('Fellowship deadline for the SG13 April 2027 meeting?', 'Europe/Zurich', when);
    expect(sg13.sections.map((x) => [x.heading, x.items.map((i) => i.text)])).toEqual([['Past', [expect.stringMatching(/^Fri 26 Feb 2027 .*Fellowship requests/)]]]);
  });

  it('a deadline moved by an addendum says from when: "(extended from 25 August 2027)"', async () => {
    const a = await ask('What was the original contribution deadline for the September 2027 SG21 meeting before it was extended?', 'Europe/Zurich', when);
    expect(a.sections[0]?.items[0]?.detail).toMatch(/\(extended from 25 August 2027\)/);
  });

  it('"whats the deadlin for Q4/20" reads the word cut short', async () => {
    expect((await ask('whats the deadlin for Q4/20?', 'Europe/Zurich', when)).command).toBe('deadlines');
  });

  it('"when and where did SG12\'s regional group meet": the meeting, nothing left unread, its workshop at its venue', async () => {
    const a = await ask("When and where did SG12's regional group for Africa meet in 2025?", 'Europe/Zurich', when);
    expect(a.command).toBe('meeting');
    expect(a.notes.some((n) => /could not read/.test(n))).toBe(false);
    expect(JSON.stringify(a.sections)).toContain("Fri 23 May 2025, Abidjan, Côte d'Ivoire");
  });

  it('a Recommendation\'s next step from its circular, though the sentence says "the drafts"; each deadline once', async () => {
    const a = await ask("What's the status of draft Recommendation G.9806.1?", 'Europe/Zurich', when);
    expect(a.sections[0]?.items[0]?.detail).toContain('the approval procedure will take place at the next meeting of Study Group 15 (Geneva, 14-25 June 2027)');
    expect(a.sections[1]?.items).toHaveLength(1);
    const y = await ask('When was Y.3188 due to be approved?', 'America/New_York', when);
    expect(y).toMatchObject({ command: 'rec' });
    expect(y.sections[0]?.items[0]?.detail).toContain('to be held in Geneva from 13 to 24 October 2025');
    // "where", "at which meeting": the same answer, which names the meeting.
    for (const q of ['Where will G.9806.1 be approved?', 'At which meeting will G.984.3 be approved']) {
      const w = await ask(q, 'Europe/Zurich', when);
      expect(w, q).toMatchObject({ command: 'rec' });
      expect(w.sections[0]?.items[0]?.detail, q).toContain('the next meeting of Study Group 15 (Geneva, 14-25 June 2027)');
    }
  });

  it('"who proposed Y.DA-water and who is the contact": the contribution\'s source and contact', async () => {
    const a = await ask('Who proposed Y.DA-water and who is the contact?', 'Africa/Nairobi', when);
    expect(a.title).toBe('Y.DA-water: Proposed by Kenya in SG20-C123');
    expect(a.sections[0]?.items[0]?.detail).toBe('Contact: Grace Wanjiru <gwanjiru@example.ke>');
  });

  it('nothing beyond the meeting asked: no "I can\'t answer all of" line', async () => {
    for (const q of ['When will SG21 meet later this year?', 'is sg 20 meeting right now?', 'Is there a newcomers briefing for SG2 delegates?']) {
      const a = await ask(q, 'Asia/Kolkata', when);
      expect(a.notes.filter((n) => n.startsWith("I can't answer all of"))).toEqual([]);
    }
  });

  it('"is the SG13 meeting in March still happening", asked after the meeting it was moved to: moved, and over', async () => {
    const a = await ask('Is the SG13 meeting in March still happening?', 'Europe/Zurich', when);
    expect(a.title).toBe('The SG13 meeting planned for 8-19 March 2027 was moved to 12–23 April 2027, and that meeting is over [TSB Collective letter 7/13]');
    const place = await ask("When and where did SG12's regional group for Africa meet in 2025?", 'Europe/Zurich', when);
    expect(place.title).toBe("SG12RG-AFR met in Abidjan, Côte d'Ivoire (venue: Sofitel Abidjan Hôtel Ivoire, Cocody, Abidjan, Côte d'Ivoire)");
  });

  it('an unknown body is refused without documents that share one of its words', async () => {
    const a = await ask("What's the ITU-R WP 5D meeting schedule for 2027?", 'Australia/Sydney', when);
    expect(a.sources).toEqual([]);
    const w = await ask('When and where is WTSA-28?', 'Africa/Nairobi', when);
    expect(w.notes).toContain('No stored document mentions "WTSA-28".');
  });
});

describe('questions of the thirtieth round (asked on 2 November 2026)', () => {
  const when = '2026-11-02T08:00Z';

  it('"did I miss anything important in the last two weeks", "which deadlines have passed recently": the past span', async () => {
    const a = await ask('Did I miss anything important in the last two weeks?', 'Europe/London', when);
    expect(a).toMatchObject({ command: 'deadlines', title: 'Deadlines for all groups, 19 Oct 2026 – now' });
    expect(a.sections[0]?.items[0]?.text).toMatch(/^Mon 26 Oct 2026, 22:59 \(Europe\/London\).*Fellowship requests — SG13RG-ARB/);
    expect((await ask('Which deadlines have passed recently?', 'Europe/London', when)).title).toBe('Deadlines for all groups, 2 Oct 2026 – now');
  });

  it('"did the AI-native networks workshop move to new dates", "was it postponed": yes, to its new dates', async () => {
    for (const q of ['Did the AI-native networks workshop move to new dates?', 'was the AI-native networks workshop postponed']) {
      expect((await ask(q, 'Europe/Zurich', when)).title).toBe('Yes: ITU Workshop on AI-native networks: from research to standards was moved to 9–10 March 2026');
    }
  });

  it('"any ITU workshops coming up": none to come, the last ones held', async () => {
    const a = await ask('Are there any ITU workshops coming up?', 'Europe/London', when);
    expect(a).toMatchObject({ command: 'meeting', title: 'No workshop to come is announced; the last 3 were:' });
    expect(a.sections[0]?.items[0]?.text).toBe('Workshop on the circular economy of ICT equipment: Fri 11 September 2026, Geneva, Switzerland');
  });

  it('"who\'s the TSB contact for TSAG and what\'s their email": the contact, with the e-mail', async () => {
    const a = await ask("Who's the TSB contact for TSAG and what's their email?", 'Africa/Cairo', when);
    expect(a.sections[0]?.items[0]?.text).toBe('Secretariat of TSAG: Rania Mansour <tsbtsag@itu.int>');
  });

  it('"what time exactly does the G.9806.1 consultation close, in my time": its reply deadline in the reader\'s zone', async () => {
    const a = await ask('What time exactly does the G.9806.1 consultation close, in my time?', 'Asia/Tokyo', when);
    expect(a.sections[0]?.items[0]?.text).toMatch(/^Tue 16 Mar 2027, 07:59 \(Asia\/Tokyo\) — original: 15 March 2027, 23:59 Geneva time/);
  });

  it('"when is the SG12 meeting next year and when is the fellowship deadline for it": both, "it" being the meeting', async () => {
    const a = await ask('When is the SG12 meeting next year and when is the fellowship deadline for it?', 'Africa/Johannesburg', when);
    expect(a.title).toBe('Meeting of SG12 in 2027 · Deadlines for the SG12 meeting of 25 May – 3 June 2027 (fellowship requests)');
  });

  it('a step planned for a meeting now over, with no document saying it happened: said so, not "under consultation"', async () => {
    const a = await ask('Was Y.3188 approved?', 'Europe/Zurich', when);
    expect(a.title).toBe('Y.3188 (ex Y.IMT2020-QoS-fw): approval planned for 13–24 October 2025 [TSB Circular 57]; no stored document says whether it was approved');
  });

  it('"should my administration object to …": no advice, and what it can tell instead', async () => {
    const a = await ask('Should my administration object to the G.984.3 revision?', 'Europe/Paris', when);
    expect(a).toMatchObject({ ok: false, title: "I can't advise whether to object: that is for you and your administration to decide." });
    expect(a.notes[0]).toContain('"status of G.984.3"');
  });

  it('"which draft Recommendations did Q11/20 put forward for consent": the texts its TD forwards', async () => {
    const a = await ask('Which draft Recommendations did Q11/20 put forward for consent in May 2026?', 'Africa/Lagos', when);
    expect(a).toMatchObject({ command: 'rec', title: 'Texts of Q11/20 for consent: Y.4245, Y.4246' });
  });

  it('"who is the editor of the A.1 revision and was TSAG asked to approve it": the editor, and "it" is A.1', async () => {
    const a = await ask('Who is the editor of the A.1 revision and was TSAG asked to approve it?', 'Europe/Stockholm', when);
    expect(a.title).toBe('A.1: Editor: Jonas Lindqvist <jonas.lindqvist@example.se> · A.1: approval planned, as TSAG-TD345 says');
    expect((await ask('who is the editor of Y.4245', 'Europe/Zurich', when)).title).toBe('Y.4245: Editors: C. Okafor, H. Zhang');
  });

  it('no "can\'t answer all of" line after an opening time asked with a town or a spelled-out group', async () => {
    for (const [q, tz] of [['When does the SG11 meeting start in March, and what time is that in Perth?', 'Australia/Perth'], ['what time is the opening of study group twenty in may for someone in Shanghai?', 'Asia/Shanghai']] as const) {
      const a = await ask(q, tz, when);
      expect(a.notes.filter((n) => n.startsWith("I can't answer all of"))).toEqual([]);
    }
    expect((await ask('Is SG17 meeting before the end of the year?', 'Asia/Shanghai', when)).title).toBe('Meeting of SG17 until 31 Dec 2026');
  });
});

describe('questions of the thirty-first round (asked on 15 February 2027)', () => {
  const when = '2027-02-15T14:00Z';

  it('"whens the nxt meeting of studdy group 15": typed short and misspelt, still SG15\'s next meeting', async () => {
    expect((await ask('whens the nxt meeting of studdy group 15', 'Europe/Madrid', when)).title).toBe('Next meeting of SG15');
  });

  it('"the Question 13/15 meeting in Ottawa": that Question\'s own meeting there', async () => {
    const a = await ask('When is the Question 13/15 meeting in Ottawa?', 'Pacific/Auckland', when);
    expect(a.sections[0]?.items[0]?.text).toBe('Q13/15: 12–16 April 2027, Ottawa');
  });

  it('"what do I have to do before the SG13 meeting", "which deadlines are there before it": that meeting\'s deadlines', async () => {
    for (const q of ['What do I have to do before the SG13 meeting?', 'Which deadlines are there before the SG13 meeting?']) {
      const a = await ask(q, 'Africa/Accra', when);
      expect(a.sections[0]?.items[0]?.text).toMatch(/^Fri 26 Feb 2027, 22:59 \(Africa\/Accra\).*Fellowship requests$/);
    }
  });

  it('"when is the sg 20 meeting? and is there a fellowship deadline for it?": both parts', async () => {
    expect((await ask('When is the sg 20 meeting? And is there a fellowship deadline for it?', 'Asia/Jakarta', when)).title).toBe('Next meeting of SG20 · Deadlines for the SG20 meeting of 10–19 May 2027 (fellowship requests)');
  });

  it('"what happened to the SG13 meeting that was planned for march": it was moved', async () => {
    expect((await ask('what happened to the SG13 meeting that was planned for march', 'Asia/Jakarta', when)).title).toBe('The SG13 meeting planned for 8-19 March 2027 was moved to 12–23 April 2027 [TSB Collective letter 7/13]');
  });

  it('the next meeting of a group whose working party alone meets: said to be no plenary, in the letter\'s words', async () => {
    const a = await ask('study group seventeen next meeting?', 'Asia/Riyadh', when);
    expect(a.notes).toContain('This is a meeting of WP3/17, not a plenary of SG17.');
    expect(a.notes).toContain('TSB Collective letter 7/17: "there will be no plenary of Study Group 17 during this period"');
  });

  it('"workshops or side events coming up": side events of every kind and workshops announced alone', async () => {
    const a = await ask('Are there any workshops or side events coming up?', 'America/Bogota', when);
    expect(a.sections[0]?.items.map((i) => i.text.split(':')[0])).toEqual(['Workshop on the circular economy of ICT equipment', 'Forum on AI in media and content delivery', 'ITU Workshop on AI-native networks']);
  });

  it('the contact for a liaison "and when is the reply due": the statement, with its reply date', async () => {
    const a = await ask('Who is the contact for the SG15 liaison on fronthaul timing, and when is the reply due?', 'Pacific/Auckland', when);
    expect(a).toMatchObject({ command: 'ls', title: 'Liaison statements of SG15 on fronthaul timing' });
  });

  it('a hotel, a contribution to write, a consultation\'s result: declined with what can be told, no search', async () => {
    const hotel = await ask('What is the best hotel near ITU headquarters?', 'America/Bogota', when);
    expect(hotel).toMatchObject({ ok: false, command: null });
    expect(hotel.notes[0]).toContain('https://itu.int/travel/');
    expect((await ask('Can you write me a contribution on quantum-safe migration for SG17?', 'Asia/Jakarta', when)).title).toBe("I can't write contributions, liaison statements or letters: I read the study groups' documents and answer from them.");
    expect((await ask('What was the result of the TAP consultation on Y.3207?', 'Asia/Riyadh', when)).title).toBe('Y.3207 (ex Y.FMC-req): approval planned for 13–24 October 2025 [TSB Circular 57]; no stored document says whether it was approved');
  });
});

describe('questions of the thirty-second round (asked on 20 August 2026)', () => {
  const when = '2026-08-20T07:30Z';

  it('"who proposed Y.DA-water and who is its editor": both, the editor from its A.1 justification', async () => {
    const a = await ask('Who proposed Y.DA-water and who is its editor?', 'Asia/Karachi', when);
    expect(a.title).toBe('Y.DA-water: Proposed by Kenya in SG20-C123; Editor: Grace Wanjiru, Communications Authority of Kenya, gwanjiru@example.ke');
  });

  it('"who has to reply to the SC 27 liaison …, and by when", "who must answer the SC 27 liaison": that statement', async () => {
    for (const q of ['Who has to reply to the SC 27 liaison statement on post-quantum key establishment, and by when?', 'Who must answer the SC 27 liaison, and by when?']) {
      const a = await ask(q, 'America/Toronto', when);
      expect(a.command).toBe('ls');
      expect(a.sections[0]?.items[0]?.text).toMatch(/reply due by Fri 15 Jan 2027, 17:59 \(America\/Toronto\)/);
    }
  });

  it('"stdy grp 15 meetng in june - wher is it?": read through its shorthand', async () => {
    expect((await ask('stdy grp 15 meetng in june - wher is it?', 'Asia/Karachi', when)).title).toBe('SG15 meets in Geneva, Switzerland');
  });

  it('"what did I miss for the SG5 meeting": its deadlines, the past ones with those to come', async () => {
    const a = await ask('What did I miss for the SG5 meeting?', 'Africa/Nairobi', when);
    expect(a.sections.map((x) => x.heading)).toEqual(['Upcoming', 'Past']);
  });

  it('"what did SG2 consent at its July 2025 meeting": the texts its report says it consented', async () => {
    expect((await ask('What did SG2 consent at its July 2025 meeting?', 'Europe/Zurich', when)).title).toBe('Texts of SG2 for consent: E.212, M.3385');
  });

  it('"please register me", "send an e-mail to …": sgbot acts for no one, and says what it can give', async () => {
    for (const q of ['Please register me for the SG5 meeting.', 'Send an e-mail to the SG13 secretariat asking for a visa letter.']) {
      const a = await ask(q, 'Africa/Nairobi', when);
      expect(a).toMatchObject({ ok: false, command: null, title: "I can't register anyone, send mail or make requests for you: I read the study groups' documents and answer from them." });
    }
  });
});

describe('questions of the thirty-third round (asked on 22 March 2027)', () => {
  const when = '2027-03-22T08:00Z';

  it('"what does the SG11 LS on emergency calls ask SG13": the statement by its sender and topic, with what it asks', async () => {
    const a = await ask('what does the SG11 LS on emergency calls ask SG13', 'Europe/Zurich', when);
    expect(a.command).toBe('ls');
    const items = a.sections.flatMap((x) => x.items.map((i) => i.text));
    expect(items[0]).toMatch(/^LS on signalling requirements for emergency calls/);
    expect(items.some((t) => /^Asks: SG11 has identified two points on which SG13's view is needed/.test(t))).toBe(true);
  });

  it('"who is the editor of A.1": the editor of A.1, not of a draft whose form has an "A.1 justification" heading', async () => {
    const a = await ask('who is the editor of A.1', 'Asia/Tokyo', when);
    expect(a.title).toBe('A.1: Editor: Jonas Lindqvist <jonas.lindqvist@example.se>');
    expect(JSON.stringify(a.sections)).not.toContain('Grace Wanjiru');
  });

  it('"what time does the AI native networks workshop start each day": each day\'s hours from the letter the corrigendum keeps them from', async () => {
    const a = await ask('what time does the AI native networks workshop start each day', 'Africa/Nairobi', when);
    expect(a.sections[0]?.items[0]?.detail).toMatch(/^opens Mon 9 Mar 2026, 11:30 \(Africa\/Nairobi\)/);
    expect(a.notes[0]).toBe('Hours, as TSB Circular 92 (Corrigendum 1 to TSB Circular 92 keeps its hours) gives them: "The workshop will run from 0930 [11:30 Africa/Nairobi] to 1730 hours [19:30 Africa/Nairobi] on the first day and from 0900 [11:00 Africa/Nairobi] to 1230 hours [14:30 Africa/Nairobi] on the second day (Geneva time)."');
  });

  it('"is any member state consultation open right now?": no, and when the last one closed', async () => {
    expect((await ask('is any member state consultation open right now?', 'Europe/Zurich', when)).title).toBe('No consultation is open; the last closed Mon 15 Mar 2027, 23:59 (Geneva) [TSB Circular 241]');
    expect((await ask('is there an SG15 consultation open?', 'Asia/Tokyo', '2027-02-01T08:00Z')).title).toBe('One consultation is open for SG15: it closes Tue 16 Mar 2027, 07:59 (Asia/Tokyo) — original: 15 March 2027, 23:59 Geneva time [TSB Circular 241]');
  });

  it('"next step for X.1286", "Y.3188 approval - when?": where each stands', async () => {
    expect((await ask('next step for X.1286', 'Asia/Kolkata', when)).title).toMatch(/^X\.1286 \(ex X\.ztsec\): determination planned at the meeting of 19–23 April 2027/);
    expect((await ask('Y.3188 approval - when?', 'Africa/Nairobi', when)).title).toBe('Y.3188 (ex Y.IMT2020-QoS-fw): approval planned for 13–24 October 2025 [TSB Circular 57]; no stored document says whether it was approved');
  });

  it('"which liaison statements still have an open deadline": none, and how many passed unanswered', async () => {
    expect((await ask('which liaison statements for SG20 still have an open deadline', 'America/New_York', when)).title).toBe('No liaison statement of SG20 has a reply date to come; 2 reply dates have passed with no reply stored');
    expect((await ask('any LSs with a pending reply date for SG20', 'America/New_York', '2026-01-10T08:00Z')).title).toBe('2 liaison statements of SG20 have a reply date to come; the first is Thu 30 Apr 2026, 17:59 (America/New_York) — original: 30 April 2026 Geneva time, end of day');
  });

  it('"who submitted COM 13 C 45": the contribution, written without its dashes, with its source', async () => {
    const a = await ask('who submitted COM 13 C 45', 'Asia/Kolkata', when);
    expect(a).toMatchObject({ ok: true, command: 'doc', title: 'COM 13 – C 45 – E' });
    expect(a.sections[0]?.items.map((i) => i.text)).toContain('Source: Orange');
  });

  it('"will SG15 meet in June", "does SG15 meet in June": its meeting then, not deadlines', async () => {
    for (const q of ['will SG15 meet in June', 'does SG15 meet in June']) expect(await ask(q, 'Europe/Zurich', when)).toMatchObject({ command: 'meeting', title: 'Meeting of SG15 in June 2027' });
  });

  it('"is the SG12 meeting in Tunis hybrid?": in person, remote participation only as far as the letter offers it', async () => {
    for (const q of ['is the SG12 meeting in Tunis hybrid?', 'can I join the Tunis meeting remotely', 'can I join the SG12 meeting remotely']) {
      const a = await ask(q, 'Africa/Tunis', '2019-02-01T08:00Z');
      expect(a.title, q).toBe('SG12 meets in person in Tunis, Tunisia; remote participation is limited to what TSB Collective letter 6/12 offers (below)');
      expect(a.sections[0]?.items[0]?.text, q).toMatch(/^REMOTE PARTICIPATION: Remote participation will be offered on a best.effort basis for the opening and closing plenaries/);
    }
  });

  it('translating, predicting and elections are declined, each with what can be given instead', async () => {
    const translate = await ask('translate Circular 241 into Japanese', 'Asia/Tokyo', when);
    expect(translate.title).toBe("I can't translate documents: I give them as they were stored, in the language they were written in.");
    const think = await ask('what do you think: will G.9806.1 pass?', 'Africa/Nairobi', when);
    expect(think.title).toBe("I can't say what will happen or give opinions: I answer from what the stored documents say.");
    expect(think.notes[0]).toContain('"status of G.9806.1"');
    expect((await ask('who will be the next TSB director?', 'Europe/Zurich', when)).title).toBe("I can't say who will be elected or appointed: elections and appointments are not in the study-group documents I read.");
    expect((await ask('who will be the next TSB director?', 'Europe/Zurich', when)).sections).toEqual([]);
  });
});

describe('questions of the thirty-fourth round (asked on 5 October 2026)', () => {
  const when = '2026-10-05T14:00Z';

  it('"who must reply to the LS on timing requirements for mobile fronthaul and by when?": who, and by when', async () => {
    const a = await ask('who must reply to the LS on timing requirements for mobile fronthaul and by when?', 'Australia/Sydney', when);
    expect(a.title).toBe('TD 1204 (PLEN/15) asks IEEE 802.1 Working Group, MEF Forum to reply by Mon 1 Mar 2027, 09:59 (Australia/Sydney) — original: 28 February 2027 Geneva time, end of day');
  });

  it('"does SG16 have to reply to TSAG-LS12?": the statement by its number, yes or no for that group', async () => {
    expect((await ask('Does SG16 have to reply to TSAG-LS12?', 'America/Los_Angeles', '2026-01-05T14:00Z')).title).toMatch(/^No: TSAG-LS12 is not addressed to SG16; it asks SG2, SG3, .* to act by Mon 15 Jun 2026, 14:59 \(America\/Los_Angeles\)/);
    expect((await ask('does SG13 have to reply to TSAG-LS12', 'America/Los_Angeles', '2026-01-05T14:00Z')).title).toMatch(/^Yes: TSAG-LS12 asks SG13 to act, replying by Mon 15 Jun 2026/);
    expect((await ask('does SG13 have to act on SG17-LS45?', 'America/Los_Angeles', '2026-01-05T14:00Z')).title).toMatch(/^No: SG13 gets SG17-LS45 for information; it asks SG20/);
  });

  it('"is Q.3950 being deleted? until when can we object": its deletion, and the objections\' deadline', async () => {
    const a = await ask('is Q.3950 being deleted? until when can we object', 'Europe/Zurich', when);
    expect(a.title).toMatch(/^Q\.3950: deletion proposed, as TSB Circular 123 says · /);
    expect(a.sections.flatMap((x) => x.items.map((i) => i.text)).some((t) => /original: 15 September 2023, 23:59 UTC \(past\): Consultation reply on Q\.3945, Q\.3950/.test(t))).toBe(true);
  });

  it('"is there an SG17 plenary during the WP3/17 meeting?": no, in the working party\'s letter\'s words', async () => {
    const a = await ask('is there an SG17 plenary during the WP3/17 meeting?', 'America/Sao_Paulo', when);
    expect(a.title).toBe('No SG17 plenary is known during the WP3/17 meeting of 19–23 April 2027');
    expect(a.notes[0]).toBe('TSB Collective letter 7/17: "there will be no plenary of Study Group 17 during this period"');
  });

  it('"where exactly is the Muscat meeting held?": the town, and the venue its letter names', async () => {
    expect((await ask('where exactly is the Muscat meeting held?', 'Asia/Seoul', when)).title).toBe('SG13RG-ARB meets in Muscat, Oman (venue: Oman Convention and Exhibition Centre, Muscat)');
  });

  it('"which Questions are in WP2/5", "who is the contact for WP3/17": the working party\'s Questions and its study group\'s secretariat', async () => {
    expect((await ask('which Questions are in WP2/5', 'Europe/Zurich', when)).title).toBe('WP2/5: Questions 6/5, 7/5 and 8/5');
    expect((await ask('what Questions does WP3/17 cover?', 'Europe/Zurich', when)).title).toBe('WP3/17: Questions 6/17, 7/17, 8/17, 9/17 and 10/17');
    const contact = await ask('who is the contact for WP3/17', 'Europe/Zurich', when);
    expect(contact.title).toBe('Secretariat of SG17');
    expect(contact.notes[0]).toBe('The secretariat of WP3/17 is that of SG17.');
  });

  it('restaurants and the weather are declined as such, without a search; a cabinet\'s temperature is no weather', async () => {
    expect((await ask('any good restaurant near Montbrillant?', 'Australia/Sydney', when)).title).toBe("I can't recommend restaurants: they are not in the documents I read.");
    expect((await ask("what's the weather in Geneva next week", 'Europe/Zurich', when)).title).toBe("I can't tell the weather: it is not in the documents I read.");
    expect((await ask('SG13 temperature requirements for outdoor cabinets', 'Europe/Zurich', when)).title).not.toMatch(/weather/);
  });
});

describe('questions of the thirty-fifth round (asked on 18 January 2027)', () => {
  const when = '2027-01-18T10:00Z';

  it('"what does the SC 27 liaison ask SG17 to do, and is it overdue?": the statement, what it asks, and that its date passed', async () => {
    const a = await ask('what does the SC 27 liaison ask SG17 to do, and is it overdue?', 'America/Chicago', when);
    expect(a.command).toBe('ls');
    expect(a.sections[0]?.heading).toBe('Reply date passed, no reply from SG17 stored');
    expect(a.sections[0]?.items.map((i) => i.text)).toContainEqual(expect.stringMatching(/^Asks: SC 27 kindly asks SG17 to: - review the attached working draft/));
  });

  it('"who are the conveners of the SG17 correspondence group …": "conveners" as "convenors"', async () => {
    const a = await ask('who are the conveners of the SG17 correspondence group on quantum-safe migration', 'America/Chicago', when);
    expect(a.sections[0]?.items[0]?.text).toBe('The Correspondence Group is convened by Ms Ana Ribeiro (Brazil) and Mr Lukas Meyer (Switzerland).');
  });

  it('"does SG13 have to reply to TD 1204 from SG15?": no, in so many words, the statement found by the TD that carries it', async () => {
    for (const q of ['does SG13 have to reply to TD 1204 from SG15?', 'does SG13 have to reply to TD 1204 (PLEN/15)?']) {
      const a = await ask(q, 'Asia/Tokyo', when);
      expect(a.command, q).toBe('ls');
      expect(a.title, q).toMatch(/^No: SG13 gets TD 1204 \(PLEN\/15\) for information; it asks IEEE 802\.1 Working Group, MEF Forum to act by Mon 1 Mar 2027, 07:59 \(Asia\/Tokyo\) — original: 28 February 2027 Geneva time, end of day$/);
    }
  });
});

describe('questions of the thirty-sixth round (asked on 7 December 2026)', () => {
  const when = '2026-12-07T09:00Z';

  it('"anything due for Q4/20?": the study group\'s deadlines, saying none is the Question\'s own', async () => {
    const a = await ask('anything due for Q4/20?', 'Europe/Geneva', when);
    expect(a).toMatchObject({ ok: true, command: 'deadlines', title: 'Deadlines for Q4/20' });
    expect(a.notes[0]).toBe("Nothing is set for Q4/20 alone: these are SG20's deadlines, which its Questions meet too.");
  });

  it('"Is SG12 meeting in Tunis again?": no, with where it meets next and when it met there', async () => {
    const a = await ask('Is SG12 meeting in Tunis again?', 'Europe/Geneva', when);
    expect(a).toMatchObject({ ok: true, command: 'meeting', title: 'No: the next SG12 meeting is 25 May – 3 June 2027 in Geneva, Switzerland; SG12 met in Tunis 12–21 March 2019' });
    const yes = await ask('will the SG13RG-ARB meeting be held in Muscat?', 'Europe/Geneva', when);
    expect(yes.title).toBe('Yes: the next SG13RG-ARB meeting is 9–10 December 2026 in Muscat, Oman');
  });

  it('"tell me about the Muscat meeting": the group\'s next meeting in full, its format too', async () => {
    const a = await ask('tell me about the Muscat meeting', 'Australia/Sydney', when);
    expect(a).toMatchObject({ ok: true, command: 'meeting', title: 'Next meeting of SG13RG-ARB' });
    expect(a.sections[0]?.items[0]?.text).toBe('SG13RG-ARB: 9–10 December 2026, Muscat, Oman (hybrid: remote participation offered)');
  });

  it('"any upcoming ITU workshops?", "any newcomers session coming up?": none to come, the last ones named', async () => {
    const later = '2027-02-15T08:00Z';
    const workshops = await ask('any upcoming ITU workshops?', 'Europe/Geneva', later);
    expect(workshops).toMatchObject({ ok: true, command: 'meeting' });
    expect(workshops.title).toMatch(/^No workshop to come is announced; the last \d+ were:$/);
    const newcomers = await ask('any newcomers session coming up?', 'Europe/Geneva', later);
    expect(newcomers).toMatchObject({ ok: true, command: 'meeting', title: 'No newcomers session to come is announced; the last 2 were:' });
    expect(newcomers.sections[0]?.items[0]?.text).toMatch(/^Newcomers' session for SG2 delegates/);
  });

  it('"when did SG13 last meet?": the meeting a TAP circular names as the one to approve its drafts counts (13–24 October 2025)', async () => {
    const a = await ask('when did SG13 last meet?', 'Europe/Geneva', '2027-02-15T08:00Z');
    expect(a).toMatchObject({ ok: true, command: 'meeting', title: 'Last meeting of SG13: 13–24 October 2025, Geneva, Switzerland' });
  });

  it('"who is the secretariat contact for SG13": the counsellor whose initials the newest SG13 letter carries (SG13/HA), named by the regional group\'s letter from the SG13 mailbox', async () => {
    const a = await ask('who is the secretariat contact for SG13', 'Europe/Geneva', '2027-02-15T08:00Z');
    expect(a).toMatchObject({ ok: true, command: 'officers', title: 'Secretariat of SG13' });
    expect(a.sections[0]?.items[0]?.text).toBe('Secretariat of SG13: Hassan Al-Amri <tsbsg13@itu.int>');
    expect(a.sections[0]?.items[0]?.detail).toMatch(/^named in TSB Collective letter 3\/13; the initials SG13\/HA are in TSB Collective letter 7\/13 of 2027-01-05/);
    expect(a.notes[0]).toBe('Earlier letters named Tatiana Kurakova (TSB Circular 57 of 2025-06-10).');
  });

  it('"status of the SG15 TAP consultation", "by when do member states reply?": open until its reply date', async () => {
    for (const q of ['status of the SG15 TAP consultation', 'by when do member states reply?']) {
      const a = await ask(q, 'Asia/Seoul', '2027-02-15T08:00Z');
      expect(a, q).toMatchObject({ ok: true, command: 'deadlines' });
      expect(a.title, q).toMatch(/^One consultation is open(?: for SG15)?: it closes Tue 16 Mar 2027, 07:59 \(Asia\/Seoul\) — original: 15 March 2027, 23:59 Geneva time \[TSB Circular 241\]$/);
    }
  });

  it('a second part without its own subject asks of the first part\'s event or meeting: its registration, its "it"', async () => {
    const later = '2027-02-15T08:00Z';
    const reg = await ask('when was the AI-native networks workshop and when did registration close', 'Europe/Geneva', later);
    const lines = reg.sections.flatMap((x) => x.items.map((i) => i.text));
    expect(lines).toContainEqual(expect.stringMatching(/^Fri 27 Feb 2026 \(end of day, Geneva\) \(past\): Registration$/));
    expect(lines.filter((l) => /: Registration/.test(l))).toHaveLength(1);
    const muscat = await ask('was the SG13 regional group meeting in muscat hybrid? what time did it start', 'Europe/Geneva', later);
    expect(muscat.title).toBe('Last meeting of SG13RG-ARB: 9–10 December 2026, Muscat, Oman');
    expect(JSON.stringify(muscat.sections)).not.toContain('Last meeting of SG13:');
  });

  it('"what is the ITU budget for 2027?" is declined, saying where budgets are found', async () => {
    const a = await ask('what is the ITU budget for 2027?', 'Europe/Geneva', when);
    expect(a).toMatchObject({ ok: false, command: null, title: "I can't answer questions on ITU's budget or finances: they are not in the study groups' documents I read." });
    expect((await ask('registration fee for the sg5 meeting', 'Europe/Geneva', when)).command).toBe('meeting');
  });
});

describe('what a review of the twenty-ninth round\'s readings found', () => {
  const when = '2027-05-12T09:00Z';

  it('"ITU time" is Geneva time, and "in mobile" is no town', async () => {
    expect((await ask('What time does the SG12 meeting open, ITU time?', 'Europe/Zurich', when)).title).toBe('SG12 opens Tue 25 May 2027, 09:30 (Geneva)');
    expect((await ask('When is the deadline for contributions on security in mobile?', 'Europe/Zurich', when)).notes).toContain('Times are shown in Europe/Zurich, with the document\'s original time beside them.');
  });

  it('a topic word is found at the start of a word of a liaison, not inside one ("IP" is not in "principles")', async () => {
    const a = await ask('What was the deadline for SG20 to reply on IP?', 'Europe/Zurich', when);
    expect(a.sources.map((x) => x.reference)).not.toContain('SG17-LS45');
  });

  it('"is there a fee for the SG12 meeting": not answered by the meeting alone', async () => {
    const a = await ask('Is there a fee for the SG12 meeting?', 'Europe/Zurich', when);
    expect(a.notes.some((n) => n.startsWith("I can't answer all of"))).toBe(true);
  });

  it('"… forum, and did I need to register for it": the forum\'s own registration deadline from its letter', async () => {
    const a = await ask('When is the SG3 regional group for Africa forum, and did I need to register for it?', 'Europe/Zurich', when);
    expect(JSON.stringify(a.sections)).toContain('registration for the Forum and the Workshop (separate online form)');
  });
});

describe('phrasings a review found the new readings to take wrongly', () => {
  const when = '2027-01-25T00:00Z';

  it('"done", "over" or "end" inside a question asks something else than whether the meeting is over', async () => {
    const english = await ask('is the TSAG meeting done in English?', 'Europe/Zurich', when);
    expect(english.title).not.toMatch(/^(?:Yes|No):/);
    const dinner = await ask('is there a dinner at the end of the TSAG meeting?', 'Europe/Zurich', when);
    expect(dinner.title).not.toMatch(/^(?:Yes|No):/);
  });

  it('"did SC27 send anything to SG17 in 2026?" lists its statement, not a false none', async () => {
    const a = await ask('did SC27 send anything to SG17 in 2026?', 'Europe/Zurich', when);
    expect(a).toMatchObject({ ok: true, command: 'ls', title: 'Liaison statements of SG17 from SC27' });
  });

  it('an LS question "and what\'s the deadline for contributions" still answers both', async () => {
    const a = await ask("which LSs does SG17 have to answer and what's the deadline for contributions?", 'Europe/Zurich', when);
    expect(a.title).toBe('Liaison statements of SG17 · Deadlines for SG17 (contributions or contributions needing translation)');
  });

  it('"when was X.1286 approved under AAP?" is not the consultation deadlines of another Recommendation', async () => {
    const a = await ask('when was X.1286 approved under AAP?', 'Europe/Zurich', when);
    expect(a.command).not.toBe('deadlines');
  });

  it('"is SG16 the lead study group for multimedia?": not known for the current study period', async () => {
    const a = await ask('is SG16 the lead study group for multimedia?', 'Europe/Zurich', when);
    expect(a.title).toMatch(/^Not known for 2025-2028: SG16 led this topic in /);
  });
});

describe('the same questions in Slack and Teams', () => {
  const now = resolveNow(NOW, TZ);
  const allowed = { countCommand: () => Promise.resolve({ allowed: true, count: 1, firstRefusal: false, retryAfterS: 60 }) };

  async function slack(text: string): Promise<Reply> {
    const deps = { registry: services.registry, context: (n: number, tz: string) => services.context(n, tz), state: allowed as never, zoneOf: () => Promise.resolve(TZ), now: () => now, rateLimitPerMinute: 20 };
    const r = await askSlack(deps, { channel: 'slack', userId: 'U0ASKQ01', teamId: 'T1', enterpriseId: null }, text);
    if (r.kind !== 'answer') throw new Error('rate limited');
    return r.reply;
  }

  async function teams(text: string): Promise<Reply> {
    const deps = { registry: services.registry, context: services.context.bind(services), state: allowed, now: () => now, rateLimitPerMinute: 20 };
    const who = { channel: 'teams' as const, userId: 'aad-askq', aadObjectId: 'aad-askq', teamsUserId: '29:askq', tenantId: 't', name: 'Ada', conversationId: 'a:1', shared: false, verified: true };
    const r = await askTeams(deps, who, text, TZ);
    if (r.kind !== 'answer') throw new Error('rate limited');
    return r.reply;
  }

  // A delegate in Slack (via /sgbot or a mention) and one in Teams ask the same things as in the terminal.
  it.each([
    "what's due next week for TSAG",
    'deadlines for study group 20',
    "what's due for SG 20 in April 2027",
    'deadlines for SG 11 between 1 and 15 March',
    'when is the contribution deadline for SG20',
    'what time does the SG20 meeting open',
    'where is the next SG13 meeting',
    'who is the rapporteur of Q11/20',
    'who is the chair of study group 17',
    'which liaisons need a reply from SG17',
    // This session's phrasings, asked as of 6 December 2026 in Tokyo.
    'deadlines between feb and mid march',
    'what happened at the SG2 July meeting',
    'what did sg17 ask sg20',
    'when did sg17 last meet',
    'can i join the sg21 meeting remotely',
    'any open consultations right now',
    'what deadlines did i miss in the past month',
  ])('%s', async (q) => {
    const terminal = await ask(q);
    const [s, t] = [await slack(q), await teams(q)];
    expect(s.title).toBe(terminal.title);
    expect(t.title).toBe(terminal.title);
    expect(JSON.stringify(replyToBlocks(s, { maxBlocks: 100 }).blocks)).toContain(terminal.sections[0]?.items[0]?.text.slice(0, 20) ?? '');
    expect(JSON.stringify(replyToCard(t).card)).toContain(terminal.sections[0]?.items[0]?.text.slice(0, 20) ?? '');
  });
});

describe('questions of the forty-first round (asked on 20 September 2026)', () => {
  const when = '2026-09-20T09:00';
  it('"I heard it moved" after a question on a meeting asks whether that meeting was moved', async () => {
    const a = await ask('When is the sg13 meeting in 2027? I heard it moved.', 'Europe/Zurich', when);
    expect(a).toMatchObject({ ok: true, command: 'meeting' });
    expect(a.title).toContain('Yes: the SG13 meeting planned for 8-19 March 2027 was moved to 12–23 April 2027 [TSB Collective letter 7/13]');
    expect(a.notes.join(' ')).not.toMatch(/I can't answer all of/);
  });

  it('"I\'m dialling in from Tokyo" after the question gives its times in Tokyo, with nothing left unread', async () => {
    const a = await ask("When does the next TSAG meeting start? I'm dialling in from Tokyo.", 'Europe/Zurich', when);
    expect(a.title).toBe('TSAG opens Mon 25 Jan 2027, 17:30 (Asia/Tokyo) — original: 25 January 2027, 09:30 Geneva time');
    expect(a.notes.join(' ')).not.toMatch(/I can't answer all of/);
  });

  it('"what does TSB Circular 241 ask for, and what\'s the reply deadline": that circular\'s deadline only', async () => {
    const a = await ask("What does TSB Circular 241 ask for, and what's the reply deadline in Tokyo time?", 'Europe/Zurich', when);
    expect(a).toMatchObject({ ok: true, command: 'doc', title: 'TSB Circular 241' });
    const lines = a.sections.flatMap((x) => x.items.map((i) => i.text));
    expect(lines).toContain('Deadline Tue 16 Mar 2027, 07:59 (Asia/Tokyo) — original: 15 March 2027, 23:59 Geneva time: Consultation reply');
    expect(JSON.stringify(a)).not.toMatch(/Liaison reply/);
  });

  it('"what dates was the workshop moved to?" gives the new dates, not a yes', async () => {
    const a = await ask('What dates was the workshop on AI-native networks moved to?', 'Europe/Zurich', '2026-01-20T09:00');
    expect(a).toMatchObject({ ok: true, command: 'meeting', title: 'ITU Workshop on AI-native networks: from research to standards was moved to 9–10 March 2026' });
  });
});

describe('questions of the forty-second round (asked on 10 February 2027)', () => {
  const when = '2027-02-10T08:00';
  it('"<group> - <question with it>" is the question of that group; a regional group spelled out is that group', async () => {
    const a = await ask('the SG12 regional group for Africa - where and when did it last meet', 'Africa/Nairobi', when);
    expect(a).toMatchObject({ ok: true, command: 'meeting' });
    expect(a.title).toBe("Last meeting of SG12RG-AFR: 26–30 May 2025, Abidjan, Côte d'Ivoire");
  });

  it('"whats the status of X.1365" without its apostrophe; "who chairs SG12 right now" as "who chairs SG12"', async () => {
    expect((await ask('whats the status of X.1365', 'Asia/Tokyo', when)).title).toBe('X.1365 (ex X.iotsec-4): consented, as SG17-LS45 says');
    const chair = await ask('who chairs SG12 right now?', 'Europe/Paris', when);
    expect(chair).toMatchObject({ ok: false, command: 'officers', title: 'Not found: no chair of SG12 is in the roster or named in a stored document.' });
  });

  it('"which recommendations will SG12 consent at its next meeting": those of the letter for that meeting only', async () => {
    const a = await ask('which recommendations will SG12 consent at its next meeting', 'Asia/Kolkata', when);
    expect(a).toMatchObject({ ok: true, command: 'rec', title: 'Texts of SG12 for consent: P.1204.6, G.1028' });
  });

  it('X.1361, named after a clause saying X.1365 was consented, is under revision, not consented', async () => {
    expect((await ask('status of X.1361', 'Asia/Tokyo', when)).title).toBe('X.1361: a draft under study, as SG17-LS45 says');
  });

  it('"French interpretation" is not found in a deadline for translating contributions', async () => {
    const a = await ask('will there be French interpretation at the SG20 May meeting', 'Europe/Paris', when);
    expect(a.notes[0]).toMatch(/^I can't answer all of "will there be French interpretation at the SG20 meeting": TSB Collective letter 5\/20, the letter for this meeting, says nothing I can find on it\./);
  });

  it('"what topics will SG13RG-ARB discuss in muscat": what the letter says it will do', async () => {
    const a = await ask('what topics will SG13RG-ARB discuss in muscat', 'Asia/Singapore', '2026-11-25T13:00');
    expect(a.sections[0]?.items[0]?.text).toMatch(/^The regional group will prepare Arab contributions to the next SG13 meeting/);
  });

  it('a lead role asked with its topic misspelt ("identity managment")', async () => {
    const a = await ask('which study group is lead on identity managment', 'Africa/Nairobi', when);
    expect(a).toMatchObject({ ok: true, command: 'lsg', title: 'SG17 leads this topic' });
  });

  it('"any liaisons for study group 2 this year?": the statements dated this year only', async () => {
    const a = await ask('any liaisons for study group 2 this year?', 'Europe/London', '2026-11-25T13:00');
    expect(a).toMatchObject({ ok: true, command: 'ls', title: 'Liaison statements of SG2, dated 2026' });
    type Listed = Array<{ source: { date: string | null } }>;
    const dated = ['awaitingAction', 'askedWithoutDate', 'expectedReplies', 'overdue', 'recent'].flatMap((k) => (a.data[k] as Listed).map((l) => l.source.date));
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.every((d) => d?.startsWith('2026'))).toBe(true);
    expect(JSON.stringify(a.sections)).not.toMatch(/CWG-WCIT12|FG AVA|RevCom/);
  });

  it('a working party asked of when only another of its study group meets says so', async () => {
    expect((await ask('WP2/17 meetings coming up?', 'America/Sao_Paulo', '2027-04-02T07:00')).title).toBe("No WP2/17 meeting is known; the next SG17 meeting is WP3/17's");
  });

  it('a password asked for is declined plainly; what TSAG asks the study groups to do about a topic', async () => {
    const pw = await ask("What is Kenji Watanabe's TIES password?", 'Europe/Berlin', '2027-04-02T07:00');
    expect(pw).toMatchObject({ ok: false, title: 'I can\'t answer "What is Kenji Watanabe\'s TIES password?": sgbot has no passwords or account details, and would not give them out.' });
    const asks = await ask('what is TSAG asking study groups to do about stale work items?', 'Africa/Cairo', '2027-04-02T07:00');
    expect(asks).toMatchObject({ ok: true, command: 'ls' });
    expect(JSON.stringify(asks.sections)).toContain('Asks: TSAG therefore invites each study group to');
  });

  it('"heard it moved" after a question on a deadline asks whether that deadline was moved', async () => {
    const a = await ask('contribution deadline for the sg21 september 2027 meeting? heard it moved', 'Europe/London', '2026-11-25T13:00');
    expect(a.title).toBe('Yes: contributions now due Wed 1 Sep 2027, 22:59 (Europe/London) — original: 1 September 2027 Geneva time, end of day [Addendum 1 to TSB Collective letter 4/21]');
    expect(a.notes.join(' ')).not.toMatch(/I can't answer all of/);
  });

  it('a remark after the question is left unread, not said to be unanswered', async () => {
    const a = await ask('when does study group 13 meet next? need to book flights from Tokyo', 'Asia/Tokyo', when);
    expect(a).toMatchObject({ ok: true, command: 'meeting', title: 'Next meeting of SG13' });
    expect(a.notes.join(' ')).not.toMatch(/I can't answer all of/);
  });
});

describe('questions of the forty-fifth round', () => {
  it('"SG17 liaisons in 2026": a year alone is a span, the statements dated in it only', async () => {
    const a = await ask('SG17 liaisons in 2026');
    expect(a).toMatchObject({ ok: true, command: 'ls', title: 'Liaison statements of SG17, dated 2026' });
    type Listed = Array<{ source: { date: string | null } }>;
    const dated = ['awaitingAction', 'askedWithoutDate', 'expectedReplies', 'overdue', 'recent'].flatMap((k) => (a.data[k] as Listed).map((l) => l.source.date));
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.every((d) => d?.startsWith('2026'))).toBe(true);
  });

  it('"what\'s due for SG17 before the SG20 meeting?": SG17\'s deadlines until that meeting opens, not SG20\'s', async () => {
    const a = await ask("what's due for SG17 before the SG20 meeting?");
    expect(a).toMatchObject({ ok: true, command: 'deadlines', title: 'Deadlines for SG17, before the SG20 meeting of 10–19 May 2027' });
    const due = a.data['upcoming'] as Due[];
    expect(due.length).toBeGreaterThan(0);
    expect(due.every((d) => d.date < '2027-05-10')).toBe(true);
    expect(due.some((d) => d.group === 'SG20')).toBe(false);
  });

  it('a workshop named by its topic: how it is held (in its first letter\'s words, which a corrigendum left as they were), when it opens, whether registration is still open', async () => {
    const when = '2026-03-02T09:00';
    const online = await ask('is the AI-native networks workshop online?', 'Europe/Paris', when);
    expect(online).toMatchObject({ ok: true, command: 'meeting', title: 'ITU Workshop on AI-native networks: from research to standards: remote participation is offered for all sessions' });
    expect(online.sections[0]?.items.map((i) => i.text)).toContain('Remote participation will be possible for all sessions.');
    expect((await ask('can I join the AI-native networks workshop remotely?', 'Europe/Paris', when)).title).toBe(online.title);
    expect((await ask('what time does the AI-native networks workshop start', 'Asia/Tokyo', when)).title).toBe('ITU Workshop on AI-native networks: from research to standards opens Mon 9 Mar 2026, 17:30 (Asia/Tokyo) — original: 9 March 2026, 09:30 Geneva time');
    const register = await ask('can i still register for the AI-native networks workshop?', 'Europe/Paris', when);
    expect(register).toMatchObject({ ok: true, command: 'deadlines', title: 'No: registration closed Fri 27 Feb 2026, 23:59 (Europe/Paris) — original: 27 February 2026 Geneva time, end of day [Corrigendum 1 to TSB Circular 92]' });
  });

  it('a role\'s e-mail, what a body said about a topic, a topic nobody leads after a lead question', async () => {
    const email = await ask('whats the email of the sg21 secretariat?', 'Europe/Paris', '2027-08-20T09:00');
    expect(email).toMatchObject({ ok: true, command: 'officers', title: 'Secretariat of SG21' });
    expect(email.sections[0]?.items[0]?.text).toContain('tsbsg21@itu.int');
    expect((await cli(redisUrl, prefix, 'ingest', join(import.meta.dirname, '../fixtures/real/ietf-datatracker-2200-iab-e164-arpa.txt'), '--no-progress')).code).toBe(0);
    const iab = await ask('did the IAB say anything about e164.arpa?', 'Europe/Paris', '2026-07-01T08:00');
    expect(iab).toMatchObject({ ok: true, command: 'ls', title: 'Liaison statements from IAB on e164.arpa' });
    expect(JSON.stringify(iab.sections)).toContain('closure of delegation of E.164 country codes');
  });

  it('"does WP2/17 meet in december?": yes, during the SG17 meeting, as its letter says; "whens the sg21 forum" without its apostrophe', async () => {
    const wp = await ask('does WP2/17 meet in december?', 'Europe/Paris', '2025-09-15T08:00');
    expect(wp.title).toBe('Yes: WP2/17 meets during the SG17 meeting of 2–11 December 2025 in Geneva, Switzerland [TSB Collective letter 4/17]');
    expect(wp.notes).toContain('TSB Collective letter 4/17: "Working Parties 1/17, 2/17 and 3/17 will meet during the study group meeting."');
    expect((await ask('whens the sg21 forum on AI in media?', 'Europe/Paris', '2026-03-02T09:00')).title).toBe('Forum on AI in media and content delivery: Fri 17 April 2026, Geneva, Switzerland');
  });

  it('lead roles asked as "in charge of" or as a yes/no on "the lead on"; "the first half of April"; ", my time"', async () => {
    expect((await ask("who's in charge of smart cities in ITU-T?", 'Europe/Paris', '2026-03-02T09:00')).title).toBe('SG20 leads this topic');
    expect((await ask('is SG12 the lead on quality of experience?', 'Europe/Paris', '2026-03-02T09:00')).title).toBe('Yes: SG12 leads this topic');
    expect((await ask('first half of april deadlines for SG20', 'Europe/Paris', '2027-03-02T09:00')).title).toBe('Deadlines for SG20, 1–15 Apr 2027');
    const opens = await ask('what time does the SG3RG-AFR meeting open, my time?', 'Africa/Nairobi', '2025-08-01T06:00');
    expect(opens.title).toBe('SG3RG-AFR opens Wed 17 Sep 2025, 09:30 (Africa/Nairobi) — original: 17 September 2025, 09:30 Africa/Kampala');
  });

  it('after the one statement a list gave, "what\'s it about?", "does sg2 need to reply?", "who\'s the contact?" are of it, named by its id when it has no number', async () => {
    expect((await cli(redisUrl, prefix, 'ingest', join(import.meta.dirname, '../fixtures/real/ietf-datatracker-2200-iab-e164-arpa.txt'), '--no-progress')).code).toBe(0);
    const at = async (text: string) => JSON.parse((await cli(redisUrl, prefix, 'ask', text, '--json', '--now', '2026-07-10T08:00', '--tz', 'Europe/Paris', '--as', 'iab@example.org')).out) as Answer;
    expect((await at('any liaison to SG2 recently?')).title).toBe('Liaison statements of SG2, dated 10 Jan 2026 – now');
    expect((await at("what's it about?")).title).toMatch(/^In Response to Member State consultation on closure of delegation of E\.164 country codes/);
    expect((await at('does sg2 need to reply?')).title).toMatch(/^No: SG2 gets In Response to Member State consultation .* for information; it sets no reply date$/);
    expect((await at("who's the contact?")).title).toMatch(/^Contact for In Response to .*: The IAB Chair, board-chair@example\.org$/);
  });

  it('liaisons "recently", "with a reply due" in a span, and those awaiting a reply from a body outside ITU-T', async () => {
    const recent = await ask('any liaison to SG2 recently?', 'Europe/Paris', '2026-10-05T08:00');
    expect(recent.title).toBe('Liaison statements of SG2, dated 5 Apr 2026 – now');
    const due = await ask('liaisons with a reply due in the next two months', 'Europe/Paris', '2026-10-05T08:00');
    expect(due).toMatchObject({ ok: true, command: 'ls' });
    expect(due.title).toMatch(/^Liaison statements with a reply date between now and /);
    const sc42 = await ask('which liaisons are waiting for a reply from ISO/IEC JTC 1/SC 42?', 'Europe/Paris', '2025-07-01T08:00');
    expect(sc42).toMatchObject({ ok: true, command: 'ls', title: 'Liaison statements to ISO/IEC JTC 1/SC 42' });
    expect(JSON.stringify(sc42.sections)).toContain('[SG13-LS87]');
  });

  it('"which LS did sg2 send to sg13?": none stored, and the one SG2\'s meeting report says it approved', async () => {
    const a = await ask('which LS did sg2 send to sg13?', 'Europe/Paris', '2026-03-02T09:00');
    expect(a).toMatchObject({ ok: true, command: 'ls' });
    expect(a.notes).toContain('SG2-R3 names SG2-LS16 to ITU-T SG13 on network identifiers for IMT-2020; its text is not stored.');
  });

  it('"TAP on X.1471 - when are replies due?": the reply to the circular the letter says launched it', async () => {
    const a = await ask('TAP on X.1471 - when are replies due?', 'Europe/Paris', '2025-09-15T08:00');
    expect(a).toMatchObject({ ok: true, command: 'deadlines' });
    expect((a.data['upcoming'] as Due[]).map((d) => `${d.date} ${d.category}`)).toEqual(['2025-11-24 consultation-reply']);
  });

  it('"what\'s up for approval at the next SG15 meeting": the texts planned for approval', async () => {
    const a = await ask("what's up for approval at the next SG15 meeting");
    expect(a).toMatchObject({ ok: true, command: 'rec', title: 'Texts of SG15 for approval: G.9806.1, G.984.3' });
  });
});
