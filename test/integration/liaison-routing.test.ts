/**
 * Who must act on a liaison statement, end to end on real Redis: the reply deadline of an ITU-T template liaison
 * belongs to the groups and Questions asked to act, never to the source's Questions (named in the template's
 * "Question(s)" field) nor to those informed; only the acting Questions' rapporteurs are reminded; a reply stored
 * later answers it and its reminders stop. The liaison is laid out as ITU-T's LS template is (a TD of the source
 * study group with "For action to / For comment to / For information to" rows); its facts are made up.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { defaultRegistry } from '../../commands/index.ts';
import { answer } from '../../src/chat/router.ts';
import type { CommandContext, CuratedRoles } from '../../src/core/command.ts';
import { applyReplies } from '../../src/reminders/replies.ts';
import { scheduleDocument } from '../../src/reminders/schedule.ts';
import type { DeadlineFact } from '../../src/store/facts.ts';
import type { SearchIndex } from '../../src/store/search.ts';
import { letter, makePerson } from '../support/reminder-builders.ts';
import { REAL_DIR } from '../support/real-corpus.ts';
import { startReminderEnv, type ReminderEnv } from '../support/reminder-env.ts';

const redisUrl = inject('redisUrl');

const LS_FROM_SG17 = `INTERNATIONAL TELECOMMUNICATION UNION\tSG17-TD1234/PLEN
TELECOMMUNICATION STANDARDIZATION SECTOR
STUDY PERIOD 2033-2036
STUDY GROUP 17
Original: English
Question(s):\t6/17, 14/17\tGeneva, 3-12 March 2036
Ref.:\tSG17-LS77
Source:\tITU-T Study Group 17
Title:\tLS on trust anchors for IoT device identities
LIAISON STATEMENT
For action to:\tITU-T SG13 (Q2/13)
For comment to:\t-
For information to:\tITU-T SG20, TSAG
Approval:\tStudy Group 17 meeting (Geneva, 12 March 2036)
Deadline:\t30 April 2036
Contact:\tMira Castell\tTel: +41 22 000 0000
\tExample Labs\tE-mail: mira.castell@example.org
\tSwitzerland

SG17 has progressed its work on trust anchors for device identities and asks Q2/13 to tell it, before its next
meeting, whether the identity requirements in the attached draft can be met by the network architecture under study
in Q2/13. SG20 (Q1/20) is informed because the same identities appear in its IoT identification work.
`;

const REPLY_FROM_SG13 = `INTERNATIONAL TELECOMMUNICATION UNION\tSG13-TD455/PLEN
TELECOMMUNICATION STANDARDIZATION SECTOR
STUDY GROUP 13
Question(s):\t2/13\tGeneva, 14-23 April 2036
Ref.:\tSG13-LS30
Source:\tITU-T Study Group 13
Title:\tReply LS on trust anchors for IoT device identities
LIAISON STATEMENT
For action to:\t-
For information to:\tITU-T SG17
Approval:\tStudy Group 13 meeting (Geneva, 23 April 2036)
Deadline:\tN/A

This liaison statement answers SG17-LS77. Q2/13 thanks SG17 and confirms that the requirements can be met.
`;

let e: ReminderEnv;
const registry = defaultRegistry();

function ctx(tz = 'Europe/Zurich'): CommandContext {
  return {
    store: e.deps.store,
    search: () => Promise.reject<SearchIndex>(new Error('no search here')),
    curated: {} as CuratedRoles,
    now: e.deps.now?.().getTime() ?? Date.now(),
    tz,
    who: { channel: 'cli', id: 'tester', verified: true },
    people: { roster: e.deps.roster, subscriptions: e.deps.subscriptions, audit: e.deps.audit },
  };
}

async function deadlines(scope: string): Promise<DeadlineFact[]> {
  const reply = (await answer(registry, ctx(), `/deadlines ${scope}`)).reply;
  const data = reply.data as { upcoming?: DeadlineFact[] } | undefined;
  return data?.upcoming ?? [];
}

beforeAll(async () => {
  e = startReminderEnv({ redisUrl, prefix: `it-ls-route-${process.pid}`, smtpPort: 1, startAt: '2036-03-20T10:00:00Z' });
  const { roster } = e.deps;
  await roster.put(makePerson('q2-13@example.org', [{ kind: 'rapporteur', scope: 'Q2/13' }]));
  await roster.put(makePerson('q6-17@example.org', [{ kind: 'rapporteur', scope: 'Q6/17' }]));
  await roster.put(makePerson('q14-17@example.org', [{ kind: 'rapporteur', scope: 'Q14/17' }]));
  await roster.put(makePerson('q1-20@example.org', [{ kind: 'rapporteur', scope: 'Q1/20' }]));
  await roster.put(makePerson('tsb13@example.org', [{ kind: 'secretariat', scope: 'SG13' }]));
  await roster.put(makePerson('tsb17@example.org', [{ kind: 'secretariat', scope: 'SG17' }]));
});
afterAll(async () => {
  await e.close();
});

describe('a liaison for action to Q2/13 from SG17, for information to SG20', () => {
  let lsId = '';

  it('parses the acting and informed addressees apart from the source Questions', async () => {
    const { doc } = await e.store(LS_FROM_SG17, { messageId: '<sg17-ls77@itu.int>' });
    lsId = doc.id;
    const li = doc.parsed.liaison;
    expect(li?.from).toBe('SG17');
    expect(li?.questions).toEqual(['Q6/17', 'Q14/17']);
    expect(li?.addressees).toEqual([
      { party: 'SG13', group: 'SG13', questions: ['Q2/13'], purpose: 'action' },
      { party: 'SG20', group: 'SG20', questions: [], purpose: 'information' },
      { party: 'TSAG', group: 'TSAG', questions: [], purpose: 'information' },
    ]);
    expect(li?.deadline).toBe('2036-04-30');
  });

  it('shows the reply deadline to Q2/13 and SG13, and not to SG17, Q6/17, SG20 or TSAG', async () => {
    const reply = (d: DeadlineFact[]) => d.filter((x) => x.category === 'liaison-reply').map((x) => `${x.date} ${x.group} ${x.questions.join(',')}`);
    expect(reply(await deadlines('Q2/13'))).toEqual(['2036-04-30 SG13 Q2/13']);
    expect(reply(await deadlines('SG13'))).toEqual(['2036-04-30 SG13 Q2/13']);
    for (const other of ['SG17', 'Q6/17', 'Q14/17', 'SG20', 'Q1/20', 'TSAG']) expect(reply(await deadlines(other)), other).toEqual([]);
  });

  it('lists it under "SG13 is asked to reply" and, for SG17, under the replies it expects', async () => {
    const sg13 = (await answer(registry, ctx('Asia/Tokyo'), '/ls SG13')).reply;
    expect(sg13.sections?.[0]?.heading).toBe('SG13 is asked to reply');
    expect(sg13.sections?.[0]?.items.map((i) => i.text)).toEqual(['LS on trust anchors for IoT device identities — reply due by Thu 1 May 2036, 06:59 (Asia/Tokyo) — original: 30 April 2036 Geneva time, end of day']);
    const sg17 = (await answer(registry, ctx(), 'which liaisons need a reply from SG17')).reply;
    expect(sg17.sections?.map((s) => s.heading)).toEqual(['Replies SG17 expects from others']);
    expect(sg17.notes).toContain('No liaison statement is waiting for a reply from SG17.');
    const sg20 = (await answer(registry, ctx(), '/ls SG20')).reply;
    expect(sg20.sections?.map((s) => s.heading)).toEqual(['Others, newest first']);
  });

  it('shows the statement itself when /ls is given its number, and says so when no such statement is stored', async () => {
    const one = (await answer(registry, ctx(), '/ls SG17-LS77')).reply;
    expect(one.ok).toBe(true);
    expect(one.sources.map((x) => x.docId)).toEqual([lsId]);
    expect(one.sections.flatMap((x) => x.items.map((i) => i.text)).join('\n')).toMatch(/for action: SG13 \(Q2\/13\)/);
    const none = (await answer(registry, ctx(), '/ls SG17-LS999')).reply;
    expect(none.title).toMatch(/No stored document has the reference "SG17-LS999"/);
  });

  it('plans reminders for the rapporteur of Q2/13 and escalation to SG13, never for SG17 or SG20 people', async () => {
    const plan = await scheduleDocument(e.deps, lsId);
    expect(plan.deadlines).toHaveLength(1);
    const recipients = new Set((await e.delayed()).map((j) => String(j.data['recipient'])));
    expect([...recipients].sort()).toEqual(['person:q2-13@example.org', 'person:tsb13@example.org']);
  });

  it('is answered by the SG13 reply: the deadline leaves every list and its reminders are cancelled', async () => {
    const { doc } = await e.store(REPLY_FROM_SG13, { messageId: '<sg13-ls30@itu.int>' });
    expect(doc.parsed.liaison?.repliesTo).toEqual(['SG17-LS77']);
    const plans = await applyReplies(e.deps, doc.id);
    expect(plans).toHaveLength(1);
    expect(plans[0]?.removed.length).toBeGreaterThan(0);
    expect(await e.delayed()).toEqual([]);
    expect((await deadlines('Q2/13')).filter((d) => d.category === 'liaison-reply')).toEqual([]);
    const sg13 = (await answer(registry, ctx(), '/ls SG13')).reply;
    expect(sg13.sections?.flatMap((s) => s.items.map((i) => i.text))).toContain('LS on trust anchors for IoT device identities — answered by SG13-LS30');
    // Applying the same reply again changes nothing.
    expect(await applyReplies(e.deps, doc.id)).toEqual([]);
  });
});

describe("a Question's deadlines", () => {
  it("include its study group's deadlines for every Question, and not another Question's liaison reply", async () => {
    await e.store(letter({ n: 9, sg: 13, rows: [['10 April 2036', 'Submit ITU-T Member contributions']] }));
    const q4 = await deadlines('Q4/13');
    expect(q4.map((d) => `${d.date} ${d.category}`)).toEqual(['2036-04-10 contributions']);
  });
});

describe('a liaison asking a group to act without a reply date', () => {
  // Laid out as a 3GPP LS (as 3GPP TSG CT4's reply on ECN to Q3/16 was, in test/fixtures/real): no deadline, and
  // an "Actions" section asking one addressee to act. Facts made up.
  const LS_3GPP = [
    '3GPP TSG CT4 Meeting #99\tC4-360101',
    'Sophia Antipolis, France, 10th - 14th March 2036',
    '',
    'Title:\tLS on congestion marking for real-time media',
    'Response to:\t-',
    'Release:\tRel-30',
    'Source:\t3GPP TSG CT4',
    'To:\tITU-T Q3/16',
    '',
    'Contact Person:\tNoor Haddad',
    '',
    '1. Overall Description:',
    'CT4 studies congestion marking for real-time media and would like to align with ITU-T Q3/16.',
    '',
    '2. Actions:',
    'To ITU-T Q3/16.',
    'ACTION: CT4 asks ITU-T Q3/16 whether its Recommendations can carry the marking described above.',
    '',
    '3. Date of Next TSG CT4 Meetings:',
    'CT4#100\t12th - 16th May 2036\tBerlin, Germany',
  ].join('\n');

  it('is listed with the rest when nothing dates it: a file of any year is not owed', async () => {
    await e.store(LS_3GPP, { messageId: '<c4-360101@3gpp.org>' });
    const sg16 = (await answer(registry, ctx(), '/ls SG16')).reply;
    expect(sg16.sections?.map((s) => s.heading)).toEqual(['Others, newest first']);
    expect(sg16.notes[0]).toBe('No liaison statement is waiting for a reply from SG16.');
  });

  it('is listed for the group as asked to act, not as nothing waiting, when the mail that brought it dates it', async () => {
    // The same statement sent again as C4-360102, in a mail of yesterday.
    await e.store(LS_3GPP.replace('C4-360101', 'C4-360102'), { messageId: '<c4-360102@3gpp.org>', sentAt: new Date(ctx().now - 86_400_000).toISOString() });
    const sg16 = (await answer(registry, ctx(), '/ls SG16')).reply;
    expect(sg16.sections?.[0]?.heading).toBe('SG16 is asked to act (no reply date given)');
    expect(sg16.sections?.[0]?.items.map((i) => i.text)).toEqual(['LS on congestion marking for real-time media']);
    expect(sg16.notes[0]).toBe('No reply date is set for SG16; 1 liaison statement asks it to act without one.');
  });
});

describe("a liaison from a body outside ITU-T that gives its own meeting's deadlines", () => {
  // Written as ITU-R working parties write to ITU-T groups (as ITU-R WP 5A's liaison in test/fixtures/real does:
  // "The next meeting of Working Party 5A is scheduled for … and the deadline for submission of contributions is …").
  // Facts made up.
  const LS_ITU_R = [
    'From:\tITU-R Working Party 5D',
    'To:\tITU-T Study Group 13',
    'Subject:\tLiaison statement on IMT-2040 terminology',
    'Date:\t10 March 2036',
    '',
    'WP 5D thanks SG13 for its liaison statement and would welcome its views on the attached terms by 25 April 2036.',
    'The next meeting of WP 5D is scheduled for 12-21 May 2036 in Geneva and the deadline for submission of contributions is 16:00 hours UTC, 5 May 2036.',
  ].join('\n');

  it("lists the reply date for SG13, and the contribution deadline of WP 5D's meeting for no ITU-T group", async () => {
    const { doc } = await e.store(LS_ITU_R, { messageId: '<wp5d-ls@itu.int>' });
    expect(doc.parsed.deadlines.map((d) => `${d.date} ${d.category}`).sort()).toEqual(['2036-04-25 liaison-reply', '2036-05-05 contributions']);
    const sg13 = await deadlines('SG13');
    expect(sg13.filter((d) => d.source.docId === doc.id).map((d) => `${d.date} ${d.category}`)).toEqual(['2036-04-25 liaison-reply']);
    expect(doc.parsed.bodyMeetings?.map((m) => `${m.body} ${m.start}`)).toEqual(['WP 5D 2036-05-12']);
  });
});

// IETF Datatracker liaisons 1399 and 1404 (test/fixtures/real/SOURCES.md): SG16 asks the IETF a question; the IETF RAI
// area answers "in response" to it by its title, as a body outside ITU-T writes.
describe('a reply from a body outside ITU-T, naming the statement it answers by its title', () => {
  it('marks the SG16 statement to the IETF answered', async () => {
    const original = await e.store(readFileSync(join(REAL_DIR, 'ietf-datatracker-1399-sg16-netvc-call-for-comments.txt'), 'utf8'), { messageId: '<dt-1399@ietf.org>' });
    expect(original.doc.parsed.liaison).toMatchObject({ from: 'SG16', deadline: '2015-05-30' });
    const reply = await e.store(readFileSync(join(REAL_DIR, 'ietf-datatracker-1404-rai-response-netvc.txt'), 'utf8'), { messageId: '<dt-1404@ietf.org>' });
    expect(reply.doc.parsed.liaison?.repliesTo).toEqual(['LS on call for comments on an IETF WG on Internet Video Codec (netvc) [to IETF IESG]']);
    await applyReplies(e.deps, reply.doc.id);
    expect((await e.deps.store.getDocument(original.doc.id))?.answeredBy?.docId).toBe(reply.doc.id);
    const sg16 = (await answer(registry, ctx(), '/ls SG16')).reply;
    expect(sg16.sections.flatMap((s) => s.items.map((i) => i.text))).toContain('LS on call for comments on an IETF WG on Internet Video Codec (netvc) [to IETF IESG] — answered by Response to LS on call for comments on an IETF WG on Internet Video Codec (netvc)');
  });
});
