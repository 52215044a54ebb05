/**
 * Follow-up questions from the terminal, against the test Redis and the fixture letters: "and for SG17?" after a
 * question on SG12's meeting is that question asked of SG17, for the same person only; with no earlier question, a
 * follow-up that reads nothing on its own says how to ask.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { cli, FIXTURES, uniquePrefix } from '../support/slack-fake.ts';

const redisUrl = inject('redisUrl');
const prefix = uniquePrefix('follow-up');
const NOW = '2026-10-05T14:00:00Z';

interface Answer {
  ok: boolean;
  command: string | null;
  title: string;
  notes: string[];
  sections: Array<{ heading?: string; items: Array<{ text: string; detail?: string }> }>;
}

async function ask(text: string, as: string): Promise<Answer> {
  const r = await cli(redisUrl, prefix, 'ask', text, '--json', '--now', NOW, '--tz', 'Asia/Seoul', '--as', as);
  return JSON.parse(r.out || r.err) as Answer;
}

/** `ask` as one person, at one instant, in one zone: a conversation of its own. */
function askerAt(now: string, tz: string, who: string): (text: string) => Promise<Answer> {
  return async (text) => {
    const r = await cli(redisUrl, prefix, 'ask', text, '--json', '--now', now, '--tz', tz, '--as', who);
    return JSON.parse(r.out || r.err) as Answer;
  };
}

beforeAll(async () => {
  const r = await cli(redisUrl, prefix, 'ingest', FIXTURES, '--no-progress');
  if (r.code !== 0) throw new Error(r.err);
});

describe('a follow-up question', () => {
  it('"and for SG17?" after "when is the SG12 meeting?" is the same question of SG17, said how it was read', async () => {
    expect((await ask('when is the SG12 meeting?', 'ada@example.org')).title).toBe('Next meeting of SG12');
    const next = await ask('and for SG17?', 'ada@example.org');
    expect(next).toMatchObject({ ok: true, command: 'meeting', title: 'Next meeting of SG17' });
    expect(next.notes[0]).toBe('Read as "when is the SG17 meeting?".');
    const thing = await ask('what about its registration deadline?', 'ada@example.org');
    expect(thing).toMatchObject({ ok: true, command: 'deadlines' });
    expect(thing.notes[0]).toBe('Read as "registration deadline for the SG17 meeting".');
  });

  it('"how many days until it starts?", "was that deadline changed?": read of the group asked of before', async () => {
    await ask('when does TSAG meet?', 'dee@example.org');
    const days = await ask('how many days until it starts?', 'dee@example.org');
    expect(days).toMatchObject({ ok: true, command: 'meeting' });
    expect(days.notes[0]).toBe('Read as "how many days until the TSAG meeting starts?".');
    await ask("what's the SG21 contribution deadline?", 'dee@example.org');
    expect((await ask('was that deadline changed?', 'dee@example.org')).title).toMatch(/^Yes: contributions now due /);
  });

  // Follow-ups a new user asked in a trial (the thirty-sixth round of questions), each after the question before it.
  it('"which of those are in April?" narrows the previous list to the span; "and on IoT?" asks the previous question of another topic', async () => {
    await ask('study group 20 deadlines', 'eve@example.org');
    const april = await ask('which of those are in April?', 'eve@example.org');
    expect(april).toMatchObject({ ok: true, command: 'deadlines', title: 'Deadlines for SG20, April 2027' });
    expect(april.notes[0]).toBe('Read as "study group 20 deadlines in April".');
    await ask('who leads work on security?', 'eve@example.org');
    const iot = await ask('and on IoT?', 'eve@example.org');
    expect(iot).toMatchObject({ ok: true, command: 'lsg', title: 'SG20 leads this topic' });
    expect(iot.notes[0]).toBe('Read as "who leads work on IoT?".');
  });

  it('"is it hybrid?" after a meeting asked by its place; "what time does it open for me?" is of the meeting asked before, not every meeting', async () => {
    await ask('tell me about the Muscat meeting', 'fay@example.org');
    const hybrid = await ask('is it hybrid?', 'fay@example.org');
    expect(hybrid).toMatchObject({ ok: true, command: 'meeting', title: 'SG13RG-ARB: remote participation is offered (a hybrid meeting)' });
    expect(hybrid.notes[0]).toBe('Read as "is the Muscat meeting hybrid?".');
    await ask('when is the TSAG meeting?', 'fay@example.org');
    const opens = await ask('what time does it open for me?', 'fay@example.org');
    expect(opens.title).toBe('TSAG opens Mon 25 Jan 2027, 17:30 (Asia/Seoul) — original: 25 January 2027, 09:30 Geneva time');
  });

  it('after a liaison statement: "by when?", "was it answered?"; after a list of them: "what does it ask for?"', async () => {
    await ask('who must reply to the LS on emergency calls?', 'gus@example.org');
    const when = await ask('by when?', 'gus@example.org');
    expect(when).toMatchObject({ ok: true, command: 'ls' });
    expect(when.title).toMatch(/^SG11-LS58 asks SG13 to reply by Wed 1 Apr 2026, 06:59 \(Asia\/Seoul\)/);
    expect(when.notes[0]).toBe('Read as "who must reply to the LS on emergency calls, and by when?".');
    const answered = await ask('was it answered?', 'gus@example.org');
    expect(answered.title).toMatch(/^No: no reply to SG11-LS58 is stored; it asked SG13 to reply by Wed 1 Apr 2026/);
    await ask('which LSs need a reply from SG17?', 'gus@example.org');
    const asks = await ask('what does it ask for?', 'gus@example.org');
    expect(asks).toMatchObject({ ok: true, command: 'ls', title: 'Liaison statements of SG17' });
    expect(asks.notes[0]).toBe('Read as "which LSs need a reply from SG17?", with what each statement asks.');
    expect(JSON.stringify(asks)).toContain('Asks: SC 27 kindly asks SG17 to');
  });

  // … and in the thirty-seventh round.
  it('"which of those are for sg3?" narrows a list to a group; "whats their email?" after a role; "was it answered?" after a list of statements', async () => {
    await ask("what's due in March 2027", 'hal@example.org');
    const sg3 = await ask('which of those are for sg3?', 'hal@example.org');
    expect(sg3).toMatchObject({ ok: true, command: 'deadlines', title: 'Deadlines for SG3, March 2027' });
    expect(sg3.notes[0]).toBe('Read as "what\'s due in March 2027 for sg3".');
    await ask("who's the rapporteur for Q11/20", 'hal@example.org');
    const mail = await ask('whats their email?', 'hal@example.org');
    expect(mail).toMatchObject({ ok: true, command: 'officers', title: 'Rapporteur of Q11/20' });
    expect(JSON.stringify(mail.sections)).toContain('chidi.okafor@example.ng');
    await ask('any LS for SG17 that need action?', 'hal@example.org');
    const answered = await ask('was it answered?', 'hal@example.org');
    expect(answered).toMatchObject({ ok: true, command: 'ls' });
    expect(answered.title).toMatch(/^No reply is stored to .*post-quantum key establishment/);
  });

  // … and in the thirty-eighth round.
  it('after a regional group asked in words, "is it hybrid?", "what time does it open", "by when do I register?" are of that group', async () => {
    await ask('sg13 arab regional group meeting when and where', 'ida@example.org');
    expect((await ask('is it hybrid?', 'ida@example.org')).title).toBe('SG13RG-ARB: remote participation is offered (a hybrid meeting)');
    expect((await ask('what time does it open', 'ida@example.org')).title).toBe('SG13RG-ARB opens Wed 9 Dec 2026, 14:00 (Asia/Seoul) — original: 9 December 2026, 09:00 local time (UTC+4)');
    const reg = await ask('by when do I register?', 'ida@example.org');
    expect(reg).toMatchObject({ ok: true, command: 'deadlines', title: 'Deadlines for SG13RG-ARB (registration)' });
    expect(reg.notes[0]).toBe('Read as "by when do I register for SG13RG-ARB".');
  });

  it('"what are the new deadlines" after a question on one group is that group\'s; "who\'s the contact?" after a statement gives its contacts', async () => {
    await ask('is sg13 meeting in march?', 'jo@example.org');
    const fresh = await ask('what are the new deadlines', 'jo@example.org');
    expect(fresh).toMatchObject({ ok: true, command: 'deadlines', title: 'Deadlines for SG13' });
    await ask('who must reply to the LS on emergency calls?', 'jo@example.org');
    const contact = await ask("who's the contact?", 'jo@example.org');
    expect(contact.title).toBe('Contact for SG11-LS58: Priya Raman (Telecommunication Engineering Centre, India), priya.raman@example.in, +91 11 0000 0000');
  });

  it('"what were its deadlines" after a statement asked by its number is that statement\'s, and "what were the deadlines" alone lists every group\'s', async () => {
    await ask('what does SG11-LS58 ask?', 'kim@example.org');
    const its = await ask('what were its deadlines', 'kim@example.org');
    expect(its).toMatchObject({ ok: true, command: 'doc', title: 'SG11-LS58' });
    expect(its.notes[0]).toBe('Read as "what were the deadlines of SG11-LS58".');
    expect(its.sections.flatMap((x) => x.items.map((i) => i.text)).join('\n')).toMatch(/Deadline .*original: 31 March 2026 Geneva time, end of day.*: Liaison reply/);
    const all = await ask('what were the deadlines', 'lee@example.org');
    expect(all).toMatchObject({ ok: true, command: 'deadlines', title: 'Deadlines for all groups' });
  });

  it('after a statement asked by sender and addressee: "who\'s the contact for it?" gives its contacts, and "was it answered?" is still of it', async () => {
    expect((await ask('Is there a liaison statement from SG17 to SG20?', 'mo@example.org')).title).toBe('Liaison statements of SG20 from SG17');
    expect((await ask("who's the contact for it?", 'mo@example.org')).title).toMatch(/^Contacts for SG17-LS45: Anna Schmidt \(Federal Network Agency, Germany\)/);
    expect((await ask('was it answered?', 'mo@example.org')).title).toMatch(/^No: no reply to SG17-LS45 is stored/);
  });

  it('"who\'s the contact?" after a meeting is its group\'s secretariat; "and captioning?" after a deadline asked of a group is that group\'s', async () => {
    await ask('when is the SG13 Arab regional group meeting?', 'ned@example.org');
    const contact = await ask("who's the contact?", 'ned@example.org');
    expect(contact).toMatchObject({ ok: true, command: 'officers', title: 'Secretariat of SG13RG-ARB' });
    expect(contact.notes[0]).toBe('Read as "who is the contact for SG13RG-ARB".');
    await ask('When is the next TSAG meeting?', 'ola@example.org');
    expect((await ask('when do I have to ask for interpretation?', 'ola@example.org')).title).toBe('Deadlines for TSAG (interpretation requests)');
    expect((await ask('and captioning?', 'ola@example.org')).title).toBe('Deadlines for TSAG (captioning requests)');
  });

  it('"what were its deadlines?" and "who\'s the contact for it?" after a workshop named by its topic are that workshop\'s', async () => {
    await ask('Tell me about the workshop on AI-native networks', 'pia@example.org');
    const its = await ask('what were its deadlines?', 'pia@example.org');
    expect(its.title).toMatch(/^Deadlines for ITU Workshop on AI-native networks/);
    expect(its.notes[0]).toBe('Read as "what were the deadlines of the workshop on AI-native networks?".');
    // Whom to contact about it is what the circular announcing it gives: the workshops mailbox, not a search for "contact".
    const contact = await ask("who's the contact for it?", 'pia@example.org');
    expect(contact).toMatchObject({ ok: true, command: 'officers' });
    expect(contact.title).toMatch(/^Contact for ITU Workshop on AI-native networks/);
    expect(contact.sections[0]?.items.map((i) => i.text)).toContain('E-mail: tsbworkshops@itu.int');
    const asked = await ask('who do I contact about the AI-native networks workshop?', 'quy@example.org');
    expect(asked.title).toBe(contact.title);
  });

  // Conversations a new user had in a trial (the forty-first round of questions): a short question that names nothing
  // is asked of what the question before named, when alone it would only find documents by its words.
  it('"is there interpretation?" after the TSAG meeting is of that meeting; "and the fellowship deadline?" still of TSAG', async () => {
    await ask('When is the next TSAG meeting?', 'rae@example.org');
    const interpretation = await ask('is there interpretation?', 'rae@example.org');
    expect(interpretation).toMatchObject({ ok: true, command: 'meeting', title: 'What TSB Collective letter 2/TSAG says' });
    expect(interpretation.notes[0]).toBe('Read as "is there interpretation for the TSAG meeting?".');
    const fellowship = await ask('and the fellowship deadline?', 'rae@example.org');
    expect(fellowship).toMatchObject({ ok: true, command: 'deadlines' });
    expect(fellowship.title).toMatch(/^Deadlines for the TSAG meeting of .* \(fellowship requests\)$/);
  });

  it('"can I participate remotely?" after the WP3/17 meeting is of that meeting', async () => {
    await ask('When does the WP3/17 meeting start?', 'sol@example.org');
    const remote = await ask('can I participate remotely?', 'sol@example.org');
    expect(remote).toMatchObject({ ok: true, command: 'meeting', title: 'WP3/17: remote participation is offered (a hybrid meeting)' });
  });

  it('after a statement asked by its topic: "to whom was it addressed?", "what\'s the deadline?", "who must reply?"', async () => {
    await ask('Who sent the liaison on post-quantum key establishment?', 'tam@example.org');
    const to = await ask('to whom was it addressed?', 'tam@example.org');
    expect(to).toMatchObject({ ok: true, command: 'ls' });
    expect(to.title).toMatch(/^Liaison statement from ISO\/IEC JTC 1\/SC 27 to ITU-T Study Group 17 on post-quantum key establishment asks SG17 \(Q11\/17\) to reply by Sat 16 Jan 2027, 07:59 \(Asia\/Seoul\)/);
    const due = await ask("what's the deadline?", 'tam@example.org');
    expect(due.title).toBe(to.title);
    await ask('Is there an LS about the review of stale work items?', 'uma@example.org');
    const who = await ask('who must reply?', 'uma@example.org');
    expect(who).toMatchObject({ ok: true, command: 'ls' });
    expect(who.title).toMatch(/^TSAG-LS12 asks SG2, SG3, SG5, SG9, SG11, SG12, SG13, SG15, SG17, SG20, SG21 to reply by /);
    expect(who.notes[0]).toBe('Read as "who must reply to the LS about the review of stale work items?".');
  });

  it('after a TAP circular: "when is the reply due?" is its deadline, "and when does SG15 meet to approve them?" its texts\' approval meeting', async () => {
    await ask("What's the TAP consultation in TSB Circular 241 about?", 'vic@example.org');
    const due = await ask('when is the reply due?', 'vic@example.org');
    expect(due).toMatchObject({ ok: true, command: 'doc' });
    expect(due.sections.flatMap((x) => x.items.map((i) => i.text))).toContain('Deadline Tue 16 Mar 2027, 07:59 (Asia/Seoul) — original: 15 March 2027, 23:59 Geneva time: Consultation reply');
    const approve = await ask('and when does SG15 meet to approve them?', 'vic@example.org');
    expect(approve).toMatchObject({ ok: true, command: 'rec', title: 'G.9806.1 (ex G.hsp-pmd): determined; approval planned at the SG15 meeting of 14–25 June 2027, Geneva, as TSB Circular 241 says' });
    expect(approve.notes[0]).toBe('Read as "at which meeting will G.9806.1 be approved?".');
  });

  // Conversations of the forty-second round (a new user's first sight).
  it('"who must answer it?", "has it been answered?" after a statement named by its sender and topic are of that statement', async () => {
    await ask('TSAG LS on stale work items', 'wes@example.org');
    const who = await ask('who must answer it?', 'wes@example.org');
    expect(who.title).toMatch(/^TSAG-LS12 asks SG2, SG3, SG5, SG9, SG11, SG12, SG13, SG15, SG17, SG20, SG21 to reply by /);
    const answered = await ask('has it been answered?', 'wes@example.org');
    expect(answered.title).toMatch(/^No: no reply to TSAG-LS12 is stored/);
    await ask('SG11 liaison on emergency calls - what does it ask?', 'xia@example.org');
    expect((await ask('who must answer it?', 'xia@example.org')).title).toMatch(/^SG11-LS58 asks SG13 to reply by Wed 1 Apr 2026, 06:59 \(Asia\/Seoul\)/);
    await ask('SG11 liaison on emergency calls - what does it ask?', 'xiu@example.org');
    expect((await ask('and the deadline?', 'xiu@example.org')).title).toMatch(/^SG11-LS58 asks SG13 to reply by Wed 1 Apr 2026, 06:59 \(Asia\/Seoul\)/);
  });

  it('"and in may?" after deadlines in April replaces the month; "when does the meeting start?" is that group\'s meeting', async () => {
    await ask('deadlines for sg 12 in april', 'yan@example.org');
    const may = await ask('and in may?', 'yan@example.org');
    expect(may).toMatchObject({ ok: true, command: 'deadlines', title: 'Deadlines for SG12, May 2027' });
    const start = await ask('when does the meeting start?', 'yan@example.org');
    expect(start.title).toMatch(/^SG12 opens Tue 25 May 2027, 16:30 \(Asia\/Seoul\)/);
  });

  it('after "the SG15 TAP consultation": "and the deadline?" and "who must reply?" are of that consultation', async () => {
    await ask("the SG15 TAP consultation - what's it about", 'cal@example.org');
    const due = await ask('and the deadline?', 'cal@example.org');
    expect(due.title).toMatch(/^One consultation is open for SG15: it closes Tue 16 Mar 2027, 07:59 \(Asia\/Seoul\)/);
    const who = await ask('who must reply?', 'cal@example.org');
    expect(who.title).toBe(due.title);
  });

  it('"and QoS?" after a question on who leads a topic asks who leads QoS', async () => {
    await ask('who leads work on security', 'zed@example.org');
    const qos = await ask('and QoS?', 'zed@example.org');
    expect(qos).toMatchObject({ ok: true, command: 'lsg', title: 'SG12 leads this topic' });
    expect(qos.notes[0]).toBe('Read as "who leads work on QoS".');
  });

  it('after a regional group\'s meeting named by its town: "was there a workshop?", "who was the host contact?"', async () => {
    await ask('the SG12 regional group for Africa meeting in Abidjan - what time did it start?', 'abe@example.org');
    const workshop = await ask('was there a workshop?', 'abe@example.org');
    expect(workshop.sections[0]?.items[0]?.text).toMatch(/^A Regional Workshop on quality of service regulation and consumer protection in Africa, hosted by ARTCI/);
    const host = await ask('who was the host contact?', 'abe@example.org');
    expect(host.sections[0]?.items[0]?.text).toMatch(/Host focal point: Ms Aya Kouassi, ARTCI/);
  });

  it('a question a command answers "not found" is not asked again of the group asked before', async () => {
    await ask('when does SG13 meet next', 'bea@example.org');
    const none = await ask('which study group leads quantum gravity', 'bea@example.org');
    expect(none).toMatchObject({ ok: false, command: 'lsg', title: 'Not found: no lead study group is known for "quantum gravity".' });
  });

  // Conversations of the forty-third round (first sight) and the second read of the forty-second.
  it('"who is the rapporteur?" and "whats their mailing list" after a Question\'s deadlines are that Question\'s', async () => {
    await ask('deadlines for Q11/20', 'dee2@example.org');
    expect((await ask('who is the rapporteur?', 'dee2@example.org')).title).toBe('Rapporteur of Q11/20');
    const list = await ask('whats their mailing list', 'dee2@example.org');
    expect(list.title).toMatch(/^How to take part: Q11\/20/);
    expect(JSON.stringify(list.sections)).toContain('t25sg20q11@lists.itu.int');
  });

  it('after a statement asked with a dash: "by when?" and "who\'s the contact?" are of it; "has anyone replied?"', async () => {
    await ask('the TSAG LS about reviewing work programmes - who does it go to?', 'eli@example.org');
    expect((await ask('by when?', 'eli@example.org')).title).toMatch(/^TSAG-LS12 asks SG2, SG3, SG5, SG9, SG11, SG12, SG13, SG15, SG17, SG20, SG21 to reply by /);
    expect((await ask("who's the contact?", 'eli@example.org')).title).toMatch(/^Contacts for TSAG-LS12: Elena Popescu/);
    await ask('what did ISO/IEC JTC 1/SC 27 send to SG17', 'fay@example.org');
    expect((await ask('who has to reply to it?', 'fay@example.org')).title).toMatch(/on post-quantum key establishment asks SG17 \(Q11\/17\) to reply by /);
    expect((await ask('has anyone replied?', 'fay@example.org')).title).toMatch(/^No: no reply to Liaison statement from ISO\/IEC JTC 1\/SC 27 to ITU-T Study Group 17 on post-quantum key establishment is stored/);
  });

  it('"pls" is no word of the question; "and april?" is a month; "when\'s the approval meeting?" after a consultation', async () => {
    await ask('list the TSAG deadlines pls', 'gus@example.org');
    expect((await ask('which of those are in January?', 'gus@example.org')).title).toBe('Deadlines for TSAG, January 2027');
    await ask('deadlines for sg 20 in march', 'hal@example.org');
    expect((await ask('and april?', 'hal@example.org')).title).toBe('Deadlines for SG20, April 2027');
    await ask('TSB circular 57 deadline', 'ian@example.org');
    const approval = await ask("when's the approval meeting?", 'ian@example.org');
    expect(approval).toMatchObject({ ok: true, command: 'rec' });
    expect(approval.title).toMatch(/^Y\.3188 \(ex Y\.IMT2020-QoS-fw\): approval planned for 13–24 October 2025/);
  });

  it('"when\'s that for me?" asks the previous question again, in the asker\'s zone', async () => {
    await ask('deadlines for TSAG in January', 'jon@example.org');
    const mine = await ask("when's that for me?", 'jon@example.org');
    expect(mine).toMatchObject({ ok: true, command: 'deadlines', title: 'Deadlines for TSAG, January 2027' });
    expect(mine.notes[0]).toBe('Read as "deadlines for TSAG in January", with its times in Asia/Seoul.');
  });

  // Conversations of the forty-fourth round (first sight).
  it('"what about WP2?" after SG17\'s meetings is WP2/17; "any deadlines left?" after a meeting is its group\'s', async () => {
    await ask('sg17 meetings coming up?', 'kai@example.org');
    const wp2 = await ask('what about WP2?', 'kai@example.org');
    expect(wp2).toMatchObject({ ok: true, command: 'meeting' });
    expect(wp2.notes[0]).toBe('Read as "WP2/17 meetings coming up?".');
    await ask('When does SG 3 meet in April?', 'lea@example.org');
    const left = await ask('any deadlines left?', 'lea@example.org');
    expect(left).toMatchObject({ ok: true, command: 'deadlines', title: 'Deadlines for SG3' });
  });

  it('"tell me about the liaison from SG17 to SG20 on IoT security", then "has it been answered?" and "who do I ask?"', async () => {
    expect((await ask('Tell me about the liaison from SG17 to SG20 on IoT security', 'max@example.org')).title).toBe('Liaison statements of SG20 from SG17 on IoT security');
    expect((await ask('has it been answered?', 'max@example.org')).title).toMatch(/^No: no reply to SG17-LS45 is stored/);
    expect((await ask('who do I ask?', 'max@example.org')).title).toMatch(/^Contacts for SG17-LS45: Anna Schmidt/);
  });

  it('"who do I ask?" after a group\'s deadlines: its secretariat, by the mailbox its letter gives when no name', async () => {
    // Asked after SG20's letter of 15 January 2027 (the mailbox it gives is not yet known before it).
    const askThen = askerAt('2027-04-02T07:00:00Z', 'Asia/Seoul', 'ned2@example.org');
    await askThen('What are the upcoming deadlines for sg20?');
    const who = await askThen('who do I ask?');
    expect(who).toMatchObject({ ok: true, command: 'officers', title: 'Secretariat of SG20' });
    expect(who.sections[0]?.items[0]?.text).toBe('Secretariat of SG20: the SG20 secretariat at TSB <tsbsg20@itu.int>');
  });

  it('"are they hybrid?" after a list of meetings says how each of them is held', async () => {
    await ask('meetings in april 2027', 'ivy@example.org');
    const how = await ask('are they hybrid?', 'ivy@example.org');
    expect(how).toMatchObject({ ok: true, command: 'meeting', title: 'Meetings in April 2027: how each is held' });
    const lines = how.sections.flatMap((x) => x.items.map((i) => i.text));
    expect(lines).toContain('  How it is held: in person; TSB Collective letter 6/3 does not say remote participation is offered.');
    expect(lines.filter((l) => l.startsWith('  How it is held:')).length).toBe(how.sections.length);
  });

  it('a time a quoted sentence gives in UTC, on a date after it, is shown in the reader\'s zone on that date', async () => {
    const askAt = askerAt('2025-09-15T13:00:00Z', 'America/New_York', 'utc@example.org');
    await askAt("when's the next sg17 meeting");
    const lines = (await askAt('is there a workshop with it?')).sections.flatMap((x) => x.items.map((i) => i.text));
    // 23:59 UTC on 24 November is 18:59 in New York that day (not 23:59 Geneva time on the meeting's first day).
    expect(lines).toContain('Member States are invited to return their replies by 2359 hours [18:59 America/New_York] UTC on 24 November 2025.');
    expect(lines.join(' ')).toContain('from 0930 [03:30 America/New_York] to 1730 hours [11:30 America/New_York]');
  });

  it('"the emergency calls one", "the sg13 one": one item of the list the previous question gave, named by a word of it', async () => {
    const at = askerAt;
    const asks = at('2026-03-02T09:00:00Z', 'Europe/Paris', 'one@example.org');
    await asks('which liaisons does SG13 still have to answer?');
    const what = await asks('what does the emergency calls one ask?');
    // (The statement of the list whose title names those words, by its number.)
    expect(what).toMatchObject({ ok: true, command: 'doc', title: 'What SG11-LS58 asks of SG13' });
    expect(what.notes[0]).toBe('Read as "what does SG11-LS58 ask?".');
    expect(JSON.stringify(what.sections)).toContain('Asks: SG11 has identified two points');
    expect((await asks("who's the contact?")).title).toMatch(/^Contact for SG11-LS58: Priya Raman/);
    const tokyo = at('2025-09-15T01:00:00Z', 'Asia/Tokyo', 'two@example.org');
    await tokyo('any open consultations right now?');
    const one = await tokyo('the sg13 one - when exactly is that in my time?');
    expect(one).toMatchObject({ ok: true, command: 'deadlines', title: 'One consultation is open for SG13: it closes Tue 23 Sep 2025, 08:59 (Asia/Tokyo) — original: 22 September 2025, 23:59 UTC [TSB Circular 57]' });
    const recs = await tokyo('which recs?');
    expect(recs.notes[0]).toBe('Read as "which Recommendations are in the SG13 consultation?".');
    expect(JSON.stringify(recs.sections)).toContain('Consultation reply on Y.3188, Y.3207');
  });

  it('"what\'s that LS asking?" after deadlines with one reply to a statement: that statement; "and quantum stuff?" after a lead question', async () => {
    const at = askerAt('2026-03-02T09:00:00Z', 'Europe/Paris', 'that@example.org');
    await at("what's due for study group 17 next month?");
    await at('what about sg20?');
    const asks = await at("what's that LS asking?");
    expect(asks).toMatchObject({ ok: true, command: 'doc', title: 'What SG17-LS45 asks of SG20 (Q6/20)' });
    expect(asks.notes[0]).toBe('Read as "what\'s SG17-LS45 asking?".');
    expect(JSON.stringify(asks.sections)).toContain('Asks: SG17 kindly asks SG20');
    await at('which study group leads on IoT?');
    const quantum = await at('and quantum stuff?');
    expect(quantum).toMatchObject({ ok: false, command: 'lsg', title: 'Not found: no lead study group is known for "quantum".' });
    expect(quantum.notes[0]).toBe('Read as "which study group leads on quantum?".');
  });

  it('"is there an LS about it?" after a Question\'s meeting; "does sg13 need to reply?" after a reply statement; how SG13 experts join Q4/20', async () => {
    const at = (now: string, who: string) => askerAt(now, 'Europe/Paris', who);
    const q13 = at('2027-03-01T09:00:00Z', 'q13@example.org');
    await q13('where does Q13/15 meet next?');
    const ls = await q13('is there an LS about it?');
    expect(ls).toMatchObject({ ok: true, command: 'ls', title: 'Liaison statements of Q13/15' });
    expect(JSON.stringify(ls.sections)).toContain('LS on timing requirements for time-sensitive mobile fronthaul');
    const twin = at('2026-06-10T08:00:00Z', 'twin@example.org');
    await twin('what did sg20 reply to sg13 about digital twins?');
    await twin("who's the contact?");
    expect((await twin('does sg13 need to reply?')).title).toBe('No: SG13 gets SG20-LS112 for information; it asks no one to act');
    const join = await twin('how can sg13 experts join the q4/20 meetings?');
    expect(join).toMatchObject({ ok: true, command: 'search' });
    expect(join.sections[0]?.items[0]?.text).toContain('t25sg20q4@lists.itu.int');
  });

  it('"and before that?" after a deadline: the group\'s other deadlines due before it', async () => {
    const at = askerAt('2027-03-01T09:00:00Z', 'Europe/Paris', 'before@example.org');
    await at("what's the contributions deadline for the june sg15 meeting?");
    const before = await at('and before that?');
    expect(before).toMatchObject({ ok: true, command: 'deadlines', title: 'Deadlines for SG15, before Wed 2 June 2027' });
    const lines = before.sections.flatMap((x) => x.items.map((i) => i.text));
    expect(lines.some((l) => /^Fri 30 Apr 2027, 23:59 .*: Fellowship requests$/.test(l))).toBe(true);
    expect(lines.some((l) => /: Contributions$/.test(l))).toBe(false);
  });

  it('"so the 3 march contribution deadline doesn\'t apply anymore?" after a cancelled meeting: no longer, as its letter says', async () => {
    const at = askerAt('2027-03-01T09:00:00Z', 'Europe/Paris', 'apply@example.org');
    await at('is the wp1/2 meeting in march still happening?');
    await at('what happens to contributions already sent?');
    const applies = await at("so the 3 march contribution deadline doesn't apply anymore?");
    expect(applies).toMatchObject({ ok: true, command: 'deadlines' });
    expect(applies.title).toBe('No longer: The meeting of Working Party 1/2, Geneva, 15-19 March 2027 was cancelled [TSB Collective letter 5/2]: the deadlines set for it no longer hold');
  });

  it('"who has to reply and by when?", "which question in sg17 works on that?" after what a body sent a group', async () => {
    const at = askerAt('2026-11-02T09:00:00Z', 'Europe/Paris', 'sc27@example.org');
    await at('what did JTC 1/SC 27 send to sg17?');
    const who = await at('who has to reply and by when?');
    expect(who.title).toBe('Liaison statement from ISO/IEC JTC 1/SC 27 to ITU-T Study Group 17 on post-quantum key establishment asks SG17 (Q11/17) to reply by Fri 15 Jan 2027, 23:59 (Europe/Paris) — original: 15 January 2027 Geneva time, end of day');
    expect((await at('which question in sg17 works on that?')).title).toBe(who.title);
  });

  it('"the contribution deadline for that one" points back (no item named "…for that"); "and when would they get approved?" after a circular', async () => {
    const tokyo = askerAt('2027-03-01T09:00:00Z', 'Asia/Tokyo', 'that-one@example.org');
    await tokyo("when's the next sg13 meeting?");
    await tokyo('what about sg3?');
    const due = await tokyo('and the contribution deadline for that one?');
    expect(due).toMatchObject({ ok: true, command: 'deadlines', title: 'Deadlines for the SG3 meeting of 7–16 April 2027 (contributions or contributions needing translation)' });
    expect(due.sections[0]?.items.map((i) => i.text)).toContainEqual(expect.stringMatching(/^Sat 27 Mar 2027, 07:59 \(Asia\/Tokyo\) — original: 26 March 2027 Geneva time, end of day .*: Contributions$/));
    const ny = askerAt('2027-03-01T14:00:00Z', 'America/New_York', 'approve@example.org');
    await ny('deadline for replies to TSB Circular 241?');
    const drafts = await ny('which drafts is it about?');
    expect(drafts.sections.flatMap((x) => x.items.map((i) => i.text))).toEqual(expect.arrayContaining(['Recommendations it is on: G.9806.1 (ex G.hsp-pmd), G.984.3', 'Also cited: G.989.3']));
    expect((await ny('and when would they get approved?')).title).toBe('G.9806.1 (ex G.hsp-pmd): determined; approval planned at the SG15 meeting of 14–25 June 2027, Geneva, as TSB Circular 241 says');
  });

  it('after an answer about one statement, "who\'s copied?", "when is the reply due?", "which question is behind it?", "who can I contact?" are of that statement', async () => {
    const at = askerAt('2025-07-01T08:00:00Z', 'Europe/Paris', 'focus@example.org');
    expect((await at('what did SG13 send to JTC 1/SC 42?')).title).toBe('Liaison statements of SG13 to JTC 1/SC 42');
    expect((await at("who's copied?")).title).toBe('SG13-LS87 is copied, for information, to SG16, SG20');
    expect((await at('when is the reply due?')).title).toBe('A reply to SG13-LS87 is due by Mon 15 Sep 2025, 23:59 (Europe/Paris) — original: 15 September 2025 Geneva time, end of day');
    expect((await at('which question is behind it?')).title).toBe('SG13-LS87 is from SG13 (Q20/13); for action: ISO/IEC JTC 1/SC 42');
    expect((await at('who can I contact?')).title).toMatch(/^Contacts for SG13-LS87: Marco Ferreira /);
  });

  it('"whats the first deadline for it" two questions after the meeting was named: that group\'s deadlines', async () => {
    const at = askerAt('2027-02-15T09:00:00Z', 'Europe/Paris', 'first@example.org');
    await at('when does study group 12 meet this year?');
    await at('what are they going to consent?');
    const first = await at('whats the first deadline for it');
    expect(first).toMatchObject({ ok: true, command: 'deadlines', title: 'Deadlines for SG12' });
    expect(first.notes.join(' ')).not.toMatch(/I read .* and not/);
  });

  it('"no, I meant SG12" corrects the group; "what\'s that in new york time?" gives the last answer in that zone; the secretariat\'s e-mail', async () => {
    await ask('when is the SG13 meeting?', 'fix@example.org');
    const fixed = await ask('no, I meant SG12', 'fix@example.org');
    expect(fixed).toMatchObject({ ok: true, command: 'meeting', title: 'Next meeting of SG12' });
    const at = askerAt('2026-11-10T00:00:00Z', 'Asia/Tokyo', 'zone@example.org');
    await at('tsag meeting in january - is there interpretation?');
    await at('and the contribution deadline?');
    const ny = await at("what's that in new york time?");
    expect(ny.notes[0]).toMatch(/, with its times in America\/New_York\.$/);
    expect(JSON.stringify(ny.sections)).toContain('(America/New_York)');
    const sg5 = askerAt('2026-07-01T08:00:00Z', 'Europe/Paris', 'mail@example.org');
    await sg5('which working party handles climate change in sg5?');
    await sg5('when does it meet?');
    const mail = await sg5("what's the secretariat email?");
    expect(mail).toMatchObject({ ok: true, command: 'officers', title: 'Secretariat of SG5' });
  });

  it('"the one from sg17" picks that statement of the list; "which rec does it flag?", "when is it due for me?" are of it', async () => {
    const at = askerAt('2026-02-10T09:00:00Z', 'Europe/Paris', 'from17@example.org');
    await at('is there any LS asking sg20 to do something?');
    expect((await at('the one from sg17 - who sent it exactly?')).title).toBe('SG17-LS45 was sent by SG17 (Q6/17, Q14/17)');
    expect((await at('which rec does it flag?')).title).toBe('SG17-LS45 names X.1365 (ex X.iotsec-4), X.1361');
    expect((await at('when is it due for me?')).title).toBe('A reply to SG17-LS45 is due by Thu 30 Apr 2026, 23:59 (Europe/Paris) — original: 30 April 2026 Geneva time, end of day');
  });

  it('after a group\'s meeting and its time "in LA": "is there a workshop?" is that meeting\'s; "what\'s due for it in september?" the group\'s that month', async () => {
    const at = askerAt('2025-08-01T16:00:00Z', 'America/Los_Angeles', 'la@example.org');
    await at('next sg11 meeting?');
    await at('what time is that in LA?');
    expect((await at('is there a workshop?')).title).toBe('ITU Workshop on combating counterfeit and stolen ICT devices: Fri 10 October 2025');
    expect((await at("and what's due for it in september?")).title).toBe('Deadlines for SG11, September 2025');
  });

  it('after an answer about one circular: "why the first one?", "where do objections go?" are answered in its words, without losing the group asked about', async () => {
    const at = askerAt('2023-07-01T14:00:00Z', 'America/New_York', 'objects@example.org');
    await at('which recs is SG11 proposing to delete?');
    const why = await at('why the first one?');
    expect(why).toMatchObject({ ok: true, command: 'doc', title: 'What TSB Circular 123 says' });
    expect(why.sections[0]?.items[0]?.text).toMatch(/superseded by ITU-T Q\.3960 and ITU-T Q\.3961/);
    const where = await at('where do objections go?');
    expect(where.sections[0]?.items.map((i) => i.text)).toContain('Objections, with the reasons for them, should be sent to tsbsg11@itu.int no later than 2359 hours UTC on 15 September 2023.');
    // … and a question after these is still read of the SG13 meeting, not of a letter asked about between.
    const k13 = askerAt('2027-01-20T09:00:00Z', 'Europe/Paris', 'moved@example.org');
    await k13('I registered for the march sg13 meeting, do I need to register again?');
    await k13('what are the new deadlines?');
    await k13('and my contribution I already sent for march?');
    expect((await k13('why was it moved?')).title).toBe('The SG13 meeting planned for 8-19 March 2027 was moved to 12–23 April 2027 owing to works in the ITU conference rooms [TSB Collective letter 7/13]');
  });

  it('"what time does the meeting start on monday, paris time?" after a question on TSAG: the TSAG opening, in Paris time; a TD that gives none is named, not called a letter', async () => {
    const at = askerAt('2026-01-15T09:00:00Z', 'Asia/Tokyo', 'monday@example.org');
    await at('when is the next TSAG meeting');
    const start = await at('what time does the meeting start on monday, paris time?');
    expect(start).toMatchObject({ ok: true, command: 'meeting', title: 'TSAG: TSAG-TD345 gives no opening time' });
    expect(start.notes[0]).toBe('Read as "what time does the meeting start on monday for the TSAG meeting?".');
    // … and a meeting that gives its opening, in the zone named, not the asker's.
    await at('when is the next SG21 meeting');
    expect((await at('what time does the meeting start on monday, paris time?')).title).toBe('SG21 opens Mon 20 Apr 2026, 09:30 (Europe/Paris) — original: 20 April 2026, 09:30 Geneva time');
  });

  it('"which of these is the earliest?" after deadlines or meetings listed: the first of them (all that fall at that time), "and the last one?" the last', async () => {
    const at = askerAt('2026-01-15T09:00:00Z', 'Europe/Paris', 'earliest@example.org');
    await at('deadlines for SG20 in 2027');
    const first = await at('which of these is the earliest?');
    expect(first).toMatchObject({ ok: true, command: 'deadlines', title: 'The earliest of the 6 in "Deadlines for SG20, 2027" (2 at the same time)' });
    expect(first.sections[0]?.items.map((i) => i.text.replace(/ \(in \d+ days\)/, ''))).toEqual([
      'Fri 12 Mar 2027, 23:59 (Europe/Paris) — original: 12 March 2027 Geneva time, end of day: Captioning requests',
      'Fri 12 Mar 2027, 23:59 (Europe/Paris) — original: 12 March 2027 Geneva time, end of day: Contributions needing translation',
    ]);
    expect(first.notes[0]).toBe('Read of "deadlines for SG20 in 2027".');
    const last = await at('which one is due last?');
    expect(last.title).toBe('The latest of the 6 in "Deadlines for SG20, 2027"');
    expect(last.sections[0]?.items.map((i) => i.text)).toEqual([expect.stringMatching(/^Wed 28 Apr 2027, .*: Contributions$/)]);
    await at('upcoming meetings');
    const meeting = await at('which comes first?');
    expect(meeting).toMatchObject({ ok: true, command: 'meeting' });
    expect(meeting.title).toMatch(/^The earliest of the \d+ in "Upcoming meetings"$/);
    expect(meeting.sections).toHaveLength(1);
    expect(meeting.sections[0]?.items[0]?.text).toMatch(/^SG5: 19–28 January 2026/);
  });

  it('"no wait, I meant for the africa regional group" after a question on SG12: its regional group for Africa; "and the arab regional group?" then the Arab one of the same study group', async () => {
    const at = askerAt('2026-01-15T09:00:00Z', 'Africa/Nairobi', 'regional@example.org');
    await at('when is the next SG12 meeting');
    const africa = await at('no wait, I meant for the africa regional group');
    expect(africa).toMatchObject({ ok: true, command: 'meeting' });
    expect(africa.notes[0]).toBe('Read as "when is the next SG12RG-AFR meeting".');
    const arab = await at('and the arab regional group?');
    expect(arab.notes[0]).toBe('Read as "when is the next SG12RG-ARB meeting".');
  });

  it('after statements listed: "the second one" is the second listed, "the tsag one - what does it ask?" the one TSAG sent, "by when in NY time?" its reply date in New York time, "who must reply?" its action addressees', async () => {
    const at = askerAt('2026-01-15T09:00:00Z', 'America/New_York', 'second@example.org');
    await at('what does sg13 need to reply to');
    const second = await at('the second one');
    expect(second).toMatchObject({ ok: true, command: 'doc', title: 'TSAG-LS12' });
    expect(second.notes[0]).toMatch(/^Read as "\/doc TSAG-LS12": the second of the \d+ listed for "what does sg13 need to reply to"\.$/);
    await at('what does sg13 need to reply to');
    const tsag = await at('the tsag one - what does it ask?');
    expect(tsag.notes[0]).toBe('Read as "what does TSAG-LS12 ask?".');
    expect((await at('by when in NY time?')).title).toBe('A reply to TSAG-LS12 is due by Mon 15 Jun 2026, 17:59 (America/New_York) — original: 15 June 2026 Geneva time, end of day');
    await at('what does sg13 need to reply to');
    await at('the first one');
    expect((await at('who must reply?')).title).toBe('SG13 is asked to act on SG11-LS58, replying by Tue 31 Mar 2026, 17:59 (America/New_York) — original: 31 March 2026 Geneva time, end of day; for information only: SG2');
    expect((await at('does sg2 need to reply?')).title).toBe('No: SG2 gets SG11-LS58 for information; SG11-LS58 asks SG13 to act, replying by Tue 31 Mar 2026, 17:59 (America/New_York) — original: 31 March 2026 Geneva time, end of day');
  });

  // Conversations of the forty-seventh round (first sight).
  it('"deadlines?" after a meeting is its group\'s; "which questions will it work on?" the letter\'s words; "what about the sg3 regional group for africa?" that group\'s meeting', async () => {
    const at = askerAt('2026-12-01T09:00:00Z', 'Europe/Rome', 'sg3apr@example.org');
    await at('sg3 meeting april 2027');
    const due = await at('deadlines?');
    expect(due).toMatchObject({ ok: true, command: 'deadlines', title: 'Deadlines for the SG3 meeting of 7–16 April 2027' });
    expect(due.sections[0]?.items).toHaveLength(5);
    const questions = await at('which questions will it work on?');
    expect(questions.sections[0]?.items[0]?.text).toMatch(/\(Question 2\/3\).*\(Question 9\/3\).*D\.52/);
    const africa = await at('what about the sg3 regional group for africa?');
    expect(africa.notes[0]).toBe('Read as "which questions will the SG3RG-AFR meeting work on?".');
    expect(africa.sections.flatMap((x) => x.items.map((i) => i.text))).toContain('SG3RG-AFR: 17–19 September 2025, Kampala, Uganda');
  });

  it('"who is the TSB contact?" after a meeting is its secretariat', async () => {
    const at = askerAt('2027-02-15T09:00:00Z', 'Africa/Nairobi', 'tsbcontact@example.org');
    await at('when is the next sg12 meeting');
    const tsb = await at('who is the TSB contact?');
    expect(tsb).toMatchObject({ ok: true, command: 'officers', title: 'Secretariat of SG12' });
    expect(tsb.sections[0]?.items[0]?.text).toBe('Secretariat of SG12: Tomas Kral <tsbsg12@itu.int>');
  });

  it('a workshop asked by its name alone, then "is it online?", "bursary deadline?", "abstract deadline?": that workshop\'s', async () => {
    const at = askerAt('2026-01-12T09:00:00Z', 'America/Toronto', 'ainn@example.org');
    expect((await at('ai native networks workshop')).command).toBe('meeting');
    const online = await at('is it online?');
    expect(online.title).toBe('ITU Workshop on AI-native networks: from research to standards: remote participation is offered for all sessions');
    const bursary = await at('bursary deadline?');
    expect(bursary.sections[0]?.items.map((i) => i.text)).toEqual([expect.stringMatching(/^Mon 26 Jan 2026, 17:59 \(America\/Toronto\).*: Fellowship requests$/)]);
    const abstract = await at('abstract deadline?');
    expect(abstract.sections[0]?.items.map((i) => i.text)).toEqual([expect.stringMatching(/^Fri 16 Jan 2026, 17:59 \(America\/Toronto\).*: Abstracts$/)]);
    // (The sentence without its paragraph's number.)
    expect(abstract.sections[0]?.items[0]?.detail).toBe('The deadline for abstracts, 16 January 2026, is not affected by this change. [Corrigendum 1 to TSB Circular 92]');
  });

  it('"tap consultation for G.9806.1", then "which meeting would approve it?" and "where is that?": where it stands and the meeting planned', async () => {
    const at = askerAt('2027-01-15T09:00:00Z', 'America/Chicago', 'tap9806@example.org');
    const tap = await at('tap consultation for G.9806.1');
    expect(tap).toMatchObject({ ok: true, command: 'rec', title: 'G.9806.1 (ex G.hsp-pmd): determined; approval planned at the SG15 meeting of 14–25 June 2027, Geneva, as TSB Circular 241 says' });
    expect((await at('which meeting would approve it?')).title).toBe(tap.title);
    expect((await at('where is that?')).title).toBe(tap.title);
    // A consultation's reply date the letter gives apart from the texts it is on is shown with them.
    const x1471 = await askerAt('2026-01-15T09:00:00Z', 'Europe/Berlin', 'x1471@example.org')("what's the status of X.1471");
    expect(x1471.sections.find((x) => x.heading === 'Deadlines set for it')?.items[0]?.text).toMatch(/^Tue 25 Nov 2025, 00:59 \(Europe\/Berlin\) — original: 24 November 2025, 23:59 UTC \(past\): Reply to the TAP consultation of TSB Circular 78/);
  });

  it('a statement asked by its topic alone, then "was it answered?", "who are the contacts?": its stored replies and contacts', async () => {
    const at = askerAt('2026-06-01T09:00:00Z', 'Asia/Seoul', 'dtterms@example.org');
    expect((await at('digital twin terminology LS')).title).toBe('Liaison statements on digital twin terminology');
    expect((await at('was it answered?')).title).toBe('No: no reply to SG20-LS112 is stored; it asked for no reply');
    expect((await at('who are the contacts?')).title).toMatch(/^Contacts for SG20-LS112: Min-jun Park .*; Lucía Fernández/);
    // … and asked by its number, the statement's own answer.
    const byNumber = askerAt('2026-06-01T09:00:00Z', 'Asia/Seoul', 'ls112@example.org');
    expect((await byNumber('was SG20-LS112 answered?')).title).toBe('No reply to SG20-LS112 is stored, and none is asked: it is sent for information');
    expect((await byNumber('who are the contacts for SG20-LS112?')).title).toMatch(/^Contacts for SG20-LS112: Min-jun Park/);
  });

  it('"what about its registration deadline?" after the SG17 meeting of December 2026, whose letter sets none: says so, and that the one listed is of another meeting', async () => {
    const at = askerAt('2026-01-15T09:00:00Z', 'Asia/Tokyo', 'its-reg@example.org');
    await at('when is the next SG12 meeting?');
    await at('and for SG17?');
    const reg = await at('what about its registration deadline?');
    expect(reg.title).toBe('No registration deadline is known for the SG17 meeting of 1–10 December 2026 [TSB Collective letter 6/17]; those below are of other SG17 meetings');
    expect(reg.sections[0]?.items[0]?.detail).toBe('Pre-registration [TSB Collective letter 7/17]');
  });

  it('"when was it sent?" of a statement: the date it bears', async () => {
    const at = askerAt('2026-01-15T09:00:00Z', 'Asia/Kolkata', 'sent-when@example.org');
    await at('what does SG11-LS58 ask');
    expect((await at('when was it sent?')).title).toBe('SG11-LS58 is dated Wed 22 October 2025');
  });

  it('"what does it ask sg21?" after the one statement SG5 sent: what it is to SG21', async () => {
    const at = askerAt('2026-10-01T09:00:00Z', 'Asia/Singapore', 'ask-sg21@example.org');
    await at('what liaisons has SG5 sent');
    const asks = await at('what does it ask sg21?');
    expect(asks).toMatchObject({ ok: true, command: 'doc', title: 'SG5-LS30 is sent to SG21 for information: it asks SG21 for no reply; what it says is below' });
    expect(asks.notes[0]).toBe('Read as "what does SG5-LS30 ask sg21?".');
    expect((await at('what does SG11-LS58 ask SG13?')).title).toBe('What SG11-LS58 asks of SG13');
    expect((await at('what does SG11-LS58 ask SG2?')).title).toMatch(/^SG11-LS58 is sent to SG2 for information: it asks SG2 for no reply \(it asks others by Wed 1 Apr 2026, 05:59 \(Asia\/Singapore\)/);
  });

  it('"what\'s the deadline for that?" after a deadline of one kind was asked is that deadline again', async () => {
    const at = askerAt('2026-12-01T09:00:00Z', 'America/New_York', 'for-that@example.org');
    await at("when's the sg11 meeting");
    await at('who do I register with?');
    const that = await at("what's the deadline for that?");
    expect(that).toMatchObject({ ok: true, command: 'deadlines', title: 'Deadlines for the SG11 meeting of 22–31 March 2027 (registration)' });
    expect(that.notes[0]).toBe('Read as "who do I register with for the sg11 meeting?".');
  });

  it('"what\'s the earliest one?" then "who\'s the rapporteur for that question?" is of the Question listed; "and who else got it?" of a statement names its addressees', async () => {
    const at = askerAt('2026-01-15T09:00:00Z', 'Asia/Kolkata', 'that-question@example.org');
    await at('deadlines for Q11/20');
    expect((await at('who\'s the rapporteur for that question?')).notes[0]).toBe('Read as "who\'s the rapporteur for Q11/20?".');
    await at('/deadlines Q6/17');
    expect((await at("what's the earliest one?")).title).toMatch(/^The earliest of the \d+ in "Deadlines for Q6\/17"/);
    const none = await at("who's the rapporteur for that question?");
    expect(none).toMatchObject({ command: 'officers', title: 'Not found: no rapporteur of Q6/17 is in the roster or named in a stored document.' });
    await at('what does SG11-LS58 ask');
    expect((await at('and who else got it?')).title).toBe('SG11-LS58 went to SG13 for action; SG2 for information');
  });

  it('zone-only follow-ups ("what about in Sydney time", "give me tokyo time too", "put them in nairobi time"), a meeting named before a dash, a count of a meeting gone by', async () => {
    const sydney = askerAt('2021-02-01T08:00:00Z', 'Europe/Zurich', 'sydney@example.org');
    await sydney('sg9 newcomers session?');
    const s = await sydney('what about in Sydney time');
    expect(s.notes[0]).toBe('Read as "sg9 newcomers session?", with its times in Australia/Sydney.');
    expect(s.sections.flatMap((x) => x.items.map((i) => i.detail ?? ''))).toContain('Fri 16 Apr 2021, 21:00–22:00 (Australia/Sydney) — original: 16 April 2021, 13:00–14:00 Geneva time');
    const tokyo = askerAt('2025-09-15T08:00:00Z', 'Europe/Zurich', 'tokyo-too@example.org');
    await tokyo("sg17 dec 2025 - what's being approved under TAP");
    expect((await tokyo('by when must member states reply? give me tokyo time too')).title).toBe('One consultation is open for SG17: it closes Tue 25 Nov 2025, 08:59 (Asia/Tokyo) — original: 24 November 2025, 23:59 UTC [TSB Collective letter 4/17]');
    expect((await cli(redisUrl, prefix, 'ingest', join(FIXTURES, '../real/meeting-cl-2-3-2017-sg3-apr2018-glued-at0930.txt'), '--no-progress')).code).toBe(0);
    const agenda = askerAt('2018-02-01T08:00:00Z', 'Europe/Zurich', 'agenda@example.org');
    expect((await agenda('sg3 meeting april 2018 - who prepared the agenda?')).sections[0]?.items[0]?.text).toMatch(/drawn up by Mr Kenta Morioka \(Japan\)/);
    await agenda("and when's the visa deadline");
    const nairobi = await agenda('put them in nairobi time');
    expect(nairobi.sections[0]?.items[0]?.text).toMatch(/^Sat 10 Mar 2018, 01:59 \(Africa\/Nairobi\) — original: 9 March 2018 Geneva time, end of day .*: Visa support letter requests$/);
    const report = askerAt('2025-09-20T08:00:00Z', 'Europe/Zurich', 'report-count@example.org');
    await report('sg2 report july 2025 - how many people attended?');
    const remote = await report('how many remotely?');
    expect(remote.notes[0]).toBe('Read as "how many remotely for the sg2 meeting in july 2025?".');
    expect(remote.sections[0]?.items[0]?.text).toMatch(/61 delegates participated remotely/);
  });

  it('after a Datatracker statement listed alone: "what\'s the deadline on it?", "who\'s the technical contact?", "and who is the action holder on the IETF side?" are of it', async () => {
    expect((await cli(redisUrl, prefix, 'ingest', join(FIXTURES, '../real/ietf-datatracker-2106-sg17-cg-aisec-strat-progress.txt'), '--no-progress')).code).toBe(0);
    const at = askerAt('2026-01-20T08:00:00Z', 'Europe/Zurich', 'aisec@example.org');
    await at('ls from sg17 to the iab and iesg');
    expect((await at("what's the deadline on it?")).title).toMatch(/^A reply to LS on the progress of the Correspondence Group on SG17 Strategy for AI Security .* is due by Mon 9 Mar 2026/);
    const contact = await at("who's the technical contact?");
    expect(contact.title).toMatch(/^Contacts for LS on the progress of the Correspondence Group .*: pierre\.duval@example\.org; /);
    // (A mailbox named by its address alone is written once.)
    expect(contact.sections.flatMap((x) => x.items.map((i) => i.text))).toContain('Contact: pierre.duval@example.org');
    const holder = await at('and who is the action holder on the IETF side?');
    expect(holder.title).toMatch(/Neil Barker, neil\.barker@example\.org$/);
  });

  it('"the june one" after a question on a group\'s meetings is its June meeting; a meeting named by its town asks nothing more of the town; "…, tokyo time pls"', async () => {
    const at = askerAt('2027-02-25T08:00:00Z', 'Europe/Zurich', 'june-one@example.org');
    await at("what's on for sg15 in 2027");
    const june = await at("when's the translation deadline for the june one");
    expect(june.title).toBe('Deadlines for the SG15 meeting of 14–25 June 2027 (contributions needing translation)');
    expect(june.notes[0]).toBe('Read as "when\'s the translation deadline for the sg15 meeting in june".');
    const abidjan = await askerAt('2025-03-01T08:00:00Z', 'Asia/Tokyo', 'abidjan@example.org')('sg12rg-afr meeting abidjan - dates and opening time');
    expect(abidjan.title).toBe('SG12RG-AFR opens Mon 26 May 2025, 18:00 (Asia/Tokyo) — original: 26 May 2025, 09:00 Africa/Abidjan');
    expect(abidjan.notes.some((n) => n.startsWith("I can't answer"))).toBe(false);
    const clinic = await askerAt('2025-09-05T08:00:00Z', 'Europe/Zurich', 'clinic-pls@example.org')('when is the BSG contribution clinic for sg17, tokyo time pls');
    expect(clinic.title).toBe('Bridging the Standardization Gap (BSG) session and Contribution Clinic for SG17 delegates: Mon 20 Oct 2025, 19:00–21:00 (Asia/Tokyo) — original: 20 October 2025, 12:00–14:00 Geneva time');
  });

  it('"when is the sg13 opening plenary in feb 2017": the opening plenary the letter announces, not the day the meeting opens', async () => {
    expect((await cli(redisUrl, prefix, 'ingest', join(FIXTURES, '../real/meeting-cl-1-13-2016-sg13-plenary-later-bsg-training.txt'), '--no-progress')).code).toBe(0);
    const plenary = await askerAt('2016-12-01T08:00:00Z', 'Europe/Zurich', 'plenary@example.org')('when is the sg13 opening plenary in feb 2017');
    expect(plenary).toMatchObject({ ok: true, command: 'meeting', title: 'The SG13 opening plenary: Mon 13 February 2017' });
  });

  // A rapporteur-meeting notice and the rapporteur's reminder on the SG16 list archive (lists.packetizer.com, October
  // 2000; test/fixtures/real/SOURCES.md): the Questions written as "Q.12-14/16" in both.
  it('"when is the q12-14/16 rapporteur meeting?" then "what are the deadlines for it?": the joint meeting of the three Questions, then the deadlines the rapporteur set for it', async () => {
    for (const f of ['meeting-rapporteur-q12-14-16-notice-2000-flattened.txt', 'meeting-rapporteur-q12-14-16-2000-reminder-deadlines.txt']) {
      expect((await cli(redisUrl, prefix, 'ingest', join(FIXTURES, `../real/${f}`), '--no-progress')).code).toBe(0);
    }
    const at = askerAt('2000-10-10T08:00:00Z', 'Asia/Tokyo', 'q12-14@example.org');
    const meeting = await at('when is the q12-14/16 rapporteur meeting?');
    expect(meeting).toMatchObject({ ok: true, command: 'meeting', title: 'Next meetings of Q12/16' });
    const first = meeting.sections[0]?.items ?? [];
    expect(first[0]?.text).toBe('Q12/16, Q13/16, Q14/16: 9–10 November 2000, Geneva, Switzerland');
    expect(first[0]?.detail).toContain('opens Thu 9 Nov 2000, 17:00 (Asia/Tokyo) — original: 9 November 2000, 09:00 Geneva time');
    expect(first.map((i) => i.text)).toContain('  A joint meeting of Q12/16, Q13/16 and Q14/16, known from Notice of Q.12-14/16 Rapporteur Meeting in Geneva.');
    const due = await at('what are the deadlines for it?');
    expect(due).toMatchObject({ ok: true, command: 'deadlines', title: 'Deadlines for Q12/16' });
    const texts = (due.sections[0]?.items ?? []).slice(0, 3).map((i) => i.text);
    expect(texts[0]).toMatch(/^Fri 27 Oct 2000, 06:59 \(Asia\/Tokyo\) — original: 26 October 2000 Geneva time, end of day .*: Registration$/);
    expect(texts[1]).toMatch(/^Tue 31 Oct 2000, 08:59 \(Asia\/Tokyo\) — original: 30 October 2000, 23:59 UTC .*: Contributions$/);
    // The study group's own meeting the notice names beside it is SG16's, not a side event of the Questions'.
    const sg16 = await askerAt('2000-10-10T08:00:00Z', 'Europe/Zurich', 'sg16-2000@example.org')('/meeting SG16');
    expect(sg16.sections[0]?.items[0]?.text).toBe('SG16: 13–17 November 2000');
    // Another of the three Questions sees the same joint meeting; one not convened does not.
    expect((await at('/meeting Q.14/16')).sections[0]?.items[0]?.text).toBe('Q12/16, Q13/16, Q14/16: 9–10 November 2000, Geneva, Switzerland');
    expect(JSON.stringify((await at('/meeting Q15/16')).sections)).not.toContain('9–10 November 2000');
  });

  it('"what ls did sg15 send that needs a reply?" then "who must reply?" and "who are the contacts?": of the one statement listed; "and where will q13/15 meet in april?" is that whole question', async () => {
    const at = askerAt('2027-01-01T03:00:00Z', 'Asia/Tokyo', 'sg15-sent@example.org');
    const sent = await at('what ls did sg15 send that needs a reply?');
    expect(sent).toMatchObject({ ok: true, command: 'ls', title: 'Liaison statements of SG15' });
    expect(sent.sections[0]?.heading).toBe('Replies SG15 expects from others');
    const who = await at('who must reply?');
    expect(who.title).toBe('IEEE 802.1 Working Group, MEF Forum are asked to act on TD 1204 (PLEN/15), replying by Mon 1 Mar 2027, 07:59 (Asia/Tokyo) — original: 28 February 2027 Geneva time, end of day; for information only: SG13');
    expect((await at('who are the contacts?')).title).toMatch(/^Contact for TD 1204 \(PLEN\/15\): Lena Fischer/);
    expect((await at('is sg13 involved?')).title).toBe('Yes, for information only: SG13 gets TD 1204 (PLEN/15) for information; TD 1204 (PLEN/15) asks IEEE 802.1 Working Group, MEF Forum to act, replying by Mon 1 Mar 2027, 07:59 (Asia/Tokyo) — original: 28 February 2027 Geneva time, end of day');
    expect((await at('deadline in tokyo time')).title).toBe('A reply to TD 1204 (PLEN/15) is due by Mon 1 Mar 2027, 07:59 (Asia/Tokyo) — original: 28 February 2027 Geneva time, end of day');
    await at('when is the next sg15 meeting?');
    const q13 = await at('and where will q13/15 meet in april?');
    expect(q13).toMatchObject({ ok: true, command: 'meeting', title: 'Q13/15 meets in Ottawa' });
  });

  it('"which circular is that?" after a Recommendation\'s status names the circular it came from; "when do member states need to reply?" is that consultation\'s reply date', async () => {
    const at = askerAt('2025-07-01T08:00:00Z', 'Europe/Paris', 'which-circular@example.org');
    await at('/rec y.3188');
    const which = await at('which circular is that?');
    expect(which).toMatchObject({ ok: true, command: 'doc' });
    expect(which.title).toMatch(/^That is TSB Circular 57 \(Determination of draft new Recommendations ITU-T Y\.3188 .*, dated Tue 10 June 2025\)$/);
    expect(which.notes[0]).toBe('Of the answer to "/rec y.3188".');
    const reply = await at('when do member states need to reply?');
    expect(reply).toMatchObject({ ok: true, command: 'deadlines' });
    expect(reply.notes[0]).toBe('Read as "consultation deadline for Y.3188".');
    expect(reply.sections[0]?.items[0]?.text).toMatch(/^Tue 23 Sep 2025, 01:59 \(Europe\/Paris\) — original: 22 September 2025, 23:59 UTC .*Consultation reply on Y\.3188/);
    // A circular the answer's first line names, not another circular among its sources.
    const launched = askerAt('2025-11-01T08:00:00Z', 'Europe/Paris', 'which-launched@example.org');
    await launched('tap reply deadline for sg17?');
    expect((await launched('which circular launched it?')).title).toBe('That is TSB Circular 78, as TSB Collective letter 4/17 says; it is not stored');
    const letter = askerAt('2025-09-01T08:00:00Z', 'Europe/Paris', 'which-letter@example.org');
    await letter('when is the next sg11 meeting?');
    expect((await letter('which letter is that?')).title).toBe('That is Meeting of Study Group 11; Geneva, 13-22 October 2025 (undated)');
  });

  // Datatracker liaison 1722 (test/fixtures/real): its sender written "Broadband Forum".
  it('a body asked by its short name or its full name finds the statements stored under the other', async () => {
    expect((await cli(redisUrl, prefix, 'ingest', join(FIXTURES, '../real/ietf-datatracker-1722-bbf-ippm-capacity-no-from-group.txt'), '--no-progress')).code).toBe(0);
    const at = askerAt('2021-04-01T08:00:00Z', 'Europe/London', 'bbf@example.org');
    for (const asked of ['what did BBF send?', 'liaisons from the Broadband Forum']) {
      const a = await at(asked);
      expect(a).toMatchObject({ ok: true, command: 'ls' });
      expect(JSON.stringify(a.sections)).toContain('Broadband Forum interest in draft-ietf-ippm-capacity-metric-method');
    }
  });

  it('"who sent the first one?" after the statements SG20 must reply to: the first listed, then its contacts, Questions and what its sender asks', async () => {
    const at = askerAt('2026-03-01T08:00:00Z', 'Europe/Paris', 'first-one@example.org');
    await at('any liaison statements sg20 must reply to?');
    const sent = await at('who sent the first one?');
    expect(sent.title).toBe('SG17-LS45 was sent by SG17 (Q6/17, Q14/17)');
    expect(sent.notes[0]).toBe('Read as "who sent SG17-LS45?": the first of the 4 listed for "any liaison statements sg20 must reply to?".');
    expect((await at('who are the contacts?')).title).toMatch(/^Contacts for SG17-LS45: Anna Schmidt /);
    expect((await at('which questions is it under?')).title).toBe('SG17-LS45 is from SG17 (Q6/17, Q14/17); for action: SG20 (Q6/20)');
    expect((await at('what did sg17 ask them to do?')).title).toBe('What SG17-LS45 asks of SG20 (Q6/20)');
  });

  it('a span asked next replaces the one before: "between 1 and 15 march", "before june?", "what about before june?", "and after?"', async () => {
    const at = askerAt('2026-03-01T08:00:00Z', 'Europe/Paris', 'spans@example.org');
    await at('deadlines for sg21 in march');
    expect((await at('between 1 and 15 march')).title).toBe('Deadlines for SG21, 1–15 Mar 2026');
    const before = await at('before june?');
    expect(before).toMatchObject({ ok: true, command: 'deadlines', title: 'Deadlines for SG21, until 31 May 2026' });
    expect(before.notes[0]).toBe('Read as "deadlines for sg21 before june".');
    const after = await at('and after?');
    expect(after).toMatchObject({ ok: true, command: 'deadlines', title: 'Deadlines for SG21, from 1 Jun 2026' });
    expect((await at('what about before june?')).title).toBe('Deadlines for SG21, until 31 May 2026');
  });

  it('"the second one, where is it?" after a list of meetings: where the second listed meets', async () => {
    const at = askerAt('2027-03-01T08:00:00Z', 'Europe/Paris', 'second-meeting@example.org');
    const listed = await at('which meetings are in april 2027?');
    expect(listed.sections.flatMap((x) => x.items.map((i) => i.text)).filter((t) => /^\S+: /.test(t)).slice(0, 2)).toEqual(['SG3: 7–16 April 2027, Geneva, Switzerland', 'SG13: 12–23 April 2027, Geneva, Switzerland']);
    const second = await at('the second one, where is it?');
    expect(second).toMatchObject({ ok: true, command: 'meeting', title: 'SG13 meets in Geneva, Switzerland' });
    expect(second.notes[0]).toMatch(/^Read as "where is the SG13 meeting": the second of the \d+ listed for "which meetings are in april 2027\?"\.$/);
  });

  // TSB Circular 148 (2007, test/fixtures/real): a workshop in Montreal, opening and registration times in its own zone.
  it('"is there an ITU workshop on satellites coming up?" then "where is it held?" and "what time does registration start?": of that workshop, in the asker\'s zone', async () => {
    expect((await cli(redisUrl, prefix, 'ingest', join(FIXTURES, '../real/meeting-tsb-circular-148-2007-workshop-montreal.txt'), '--no-progress')).code).toBe(0);
    const at = askerAt('2007-06-01T08:00:00Z', 'Asia/Tokyo', 'satellites@example.org');
    const found = await at('is there an ITU workshop on satellites coming up?');
    expect(found.sections[0]?.items[0]?.text).toBe('ITU-T Workshop "Satellites in NGN?" Montreal, Canada, 13 July 2007: Fri 13 July 2007, Montreal, Canada (Delta Centre-Ville hotel)');
    const where = await at('where is it held?');
    expect(where.notes[0]).toBe('Read as "where is the ITU workshop on satellites held?".');
    expect(where.sections[0]?.items[0]?.text).toContain('Montreal, Canada');
    const desk = await at('what time does registration start?');
    // A deadline of an event no stored document sets one for: none known, not every group's of that kind.
    const none = await askerAt('2007-02-01T08:00:00Z', 'America/New_York', 'ieee-deadline@example.org')('when is the early registration discount deadline for the 802.3 meeting?');
    expect(none).toMatchObject({ ok: false, code: 'E_NO_ANSWER', title: 'No registration deadline is known for "early discount 802.3"' });
    expect(desk.title).toBe('Registration for ITU-T Workshop "Satellites in NGN?" Montreal, Canada, 13 July 2007 opens Fri 13 Jul 2007, 22:30 (Asia/Tokyo) — original: 13 July 2007, 09:30 America/Montreal; it opens Fri 13 Jul 2007, 23:30 (Asia/Tokyo) — original: 13 July 2007, 10:30 America/Montreal');
  });

  // An ITU-R mail on WP 5D meeting #35e and a rapporteur's report mail of a joint meeting of Questions of SG9 and SG16
  // (test/fixtures/real).
  it('another Sector\'s working party asked as people write it ("WP5D meeting #35", "ITU-R WP 5D"), and a joint meeting of Questions of two groups', async () => {
    for (const f of ['meeting-itu-r-wp5d-35e-2020-converted-to-virtual-mail.txt', 'report-rapporteur-mail-2008-joint-q4-9-q5-9-q13-16-geneva.txt']) {
      expect((await cli(redisUrl, prefix, 'ingest', join(FIXTURES, `../real/${f}`), '--no-progress')).code).toBe(0);
    }
    const wp = askerAt('2020-05-20T08:00:00Z', 'Europe/Paris', 'wp5d@example.org');
    for (const asked of ['when is WP5D meeting #35?', 'when does ITU-R WP 5D meet?']) {
      const a = await wp(asked);
      expect(a).toMatchObject({ ok: true, command: 'meeting' });
      expect(a.sections[0]?.items[0]?.text).toBe('Meeting of Working Party 5D: 23 June – 9 July 2020, virtual');
    }
    const joint = await askerAt('2008-02-15T08:00:00Z', 'Europe/Zurich', 'joint-rgm@example.org')('when is the joint Q4/9, Q5/9 and Q13/16 rapporteur meeting?');
    expect(joint).toMatchObject({ ok: true, command: 'meeting', title: 'Next meetings of Q4/9' });
    expect(joint.sections[0]?.items[0]?.text).toBe('Q4/9, Q5/9, Q13/16: 28–29 February 2008, Geneva, Switzerland');
    const q13 = await askerAt('2008-02-15T08:00:00Z', 'Europe/Zurich', 'joint-q13@example.org')('/meeting Q13/16');
    expect(q13.sections[0]?.items[0]?.text).toBe('Q4/9, Q5/9, Q13/16: 28–29 February 2008, Geneva, Switzerland');
  });

  it('"wasn\'t it in march?" after the next SG13 meeting: whether it was moved, and from when', async () => {
    const at = askerAt('2026-12-01T08:00:00Z', 'Europe/Paris', 'in-march@example.org');
    await at('when is the next sg13 meeting?');
    const moved = await at("wasn't it in march?");
    expect(moved).toMatchObject({ ok: true, command: 'meeting', title: 'Yes: the SG13 meeting planned for 8-19 March 2027 was moved to 12–23 April 2027 [TSB Collective letter 7/13]' });
  });

  it('"until when can we ask for it?" after "is there interpretation?": the interpretation request deadline of the group asked of', async () => {
    const at = askerAt('2026-06-10T08:00:00Z', 'Europe/Paris', 'ask-for-it@example.org');
    await at('next sg5 meeting');
    await at('is there interpretation?');
    const until = await at('until when can we ask for it?');
    expect(until).toMatchObject({ ok: true, command: 'deadlines', title: 'Deadlines for SG5 (interpretation requests)' });
    expect(until.notes[0]).toBe('Read as "interpretation deadline for sg5".');
    expect(until.sections[0]?.items[0]?.text).toMatch(/^Tue 16 Jun 2026, 23:59 \(Europe\/Paris\) — original: 16 June 2026 Geneva time, end of day .*: Interpretation requests$/);
  });

  // SG17's January 2022 e-plenary summary (test/fixtures/real): "TAP approval (8): …", "TAP not approved (3): …".
  it('a Recommendation a meeting\'s outcome lists as approved is approved; one listed as not approved waits', async () => {
    expect((await cli(redisUrl, prefix, 'ingest', join(FIXTURES, '../real/sg17-executive-summary-2022-01-eplenary-run-on-heading.txt'), '--no-progress')).code).toBe(0);
    const at = askerAt('2022-02-01T08:00:00Z', 'Asia/Tokyo', 'x1752@example.org');
    expect((await at('was X.1752 approved?')).title).toBe("X.1752: approved, as Executive Summary ITU-T SG17 'Security' special e-plenary, 11:00-15:23, 7 January 2022 says");
    expect((await at('status of X.1812')).title).toBe("X.1812: approval planned, as Executive Summary ITU-T SG17 'Security' special e-plenary, 11:00-15:23, 7 January 2022 says");
  });

  // SG13's draft plenary agenda of June 2016 (test/fixtures/real): other groups' meetings named in brackets.
  it('a rapporteur group or focus group an agenda names with its meeting: "when does TSAG RG-WPR meet?", "where did FG IMT-2020 meet in May 2016?"', async () => {
    expect((await cli(redisUrl, prefix, 'ingest', join(FIXTURES, '../real/td-sg13-draft-agenda-2016-06-flattened-named-group-meetings.txt'), '--no-progress')).code).toBe(0);
    const at = askerAt('2016-05-01T08:00:00Z', 'Europe/Zurich', 'rg-wpr@example.org');
    const rg = await at('when does TSAG RG-WPR meet?');
    expect(rg).toMatchObject({ ok: true, command: 'meeting' });
    expect(rg.sections[0]?.items[0]?.text).toBe('TSAG RG-WPR: 29 June – 1 July 2016, Geneva, Switzerland');
    const fg = await at('where did FG IMT-2020 meet in May 2016?');
    expect(fg.sections[0]?.items[0]?.text).toBe('FG IMT-2020: 17–20 May 2016, Beijing, China');
  });

  // Datatracker liaisons 1399 and 1404 (test/fixtures/real), stored one after the other from the terminal with no
  // worker running.
  it('"was it answered?" after the statement a stored reply answers: yes, by that reply', async () => {
    for (const f of ['ietf-datatracker-1399-sg16-netvc-call-for-comments.txt', 'ietf-datatracker-1404-rai-response-netvc.txt']) {
      expect((await cli(redisUrl, prefix, 'ingest', join(FIXTURES, `../real/${f}`), '--no-progress')).code).toBe(0);
    }
    const at = askerAt('2015-05-25T08:00:00Z', 'Europe/Berlin', 'netvc@example.org');
    await at('which liaisons did SG16 send to the IETF?');
    expect((await at('was it answered?')).title).toBe('Yes: LS on call for comments on an IETF WG on Internet Video Codec (netvc) [to IETF IESG] was answered by Response to LS on call for comments on an IETF WG on Internet Video Codec (netvc)');
  });

  it('"reply deadline?" and "where will it be approved?" after "status of g.9806.1" (written in lower case): its consultation and the meeting to approve it', async () => {
    const at = askerAt('2026-12-20T03:00:00Z', 'Asia/Tokyo', 'g98061@example.org');
    expect((await at('status of g.9806.1')).title).toMatch(/^G\.9806\.1 \(ex G\.hsp-pmd\): determined; approval planned at the SG15 meeting of 14–25 June 2027, Geneva/);
    const due = await at('reply deadline?');
    expect(due.notes[0]).toBe('Read as "consultation deadline for G.9806.1".');
    expect(due.sections[0]?.items[0]?.text).toMatch(/^Tue 16 Mar 2027, 07:59 \(Asia\/Tokyo\) — original: 15 March 2027, 23:59 Geneva time .*Consultation reply on G\.9806\.1/);
    expect((await at('where will it be approved?')).title).toMatch(/approval planned at the SG15 meeting of 14–25 June 2027, Geneva/);
  });

  it('"what recs does it mention?" after "who replied to SG13-LS96?" (not stored) is of the stored reply', async () => {
    const at = askerAt('2026-07-01T08:00:00Z', 'Europe/Paris', 'ls96@example.org');
    expect((await at('who replied to SG13-LS96?')).title).toBe('SG13-LS96 is not stored; stored statements answer it');
    expect((await at('what recs does it mention?')).title).toBe('SG20-LS112 names Y.4600, Y.4486 (ex Y.DT-terms)');
  });

  it('"which liaison statements has sg20 sent?" lists its own, saying nothing of what waits for its reply', async () => {
    const sent = await askerAt('2026-06-01T08:00:00Z', 'Europe/Paris', 'sg20-sent@example.org')('which liaison statements has sg20 sent?');
    expect(JSON.stringify(sent.sections)).toContain('LS/r on digital twin terminology');
    expect(sent.notes.some((n) => /is waiting for a reply from SG20/.test(n))).toBe(false);
  });

  it('"y.3207 consultation - when do replies have to reach tsb and who do they go to": where Y.3207 stands, with its reply date', async () => {
    const at = askerAt('2025-06-15T08:00:00Z', 'Europe/Madrid', 'y3207@example.org');
    const a = await at('y.3207 consultation - when do replies have to reach tsb and who do they go to');
    expect(a).toMatchObject({ ok: true, command: 'rec' });
    expect(a.notes[0]).toBe('Read as "/rec Y.3207": where Y.3207 stands, with the deadlines its documents set.');
    expect(a.sections.find((x) => x.heading === 'Deadlines set for it')?.items[0]?.text).toMatch(/^Tue 23 Sep 2025, 01:59 \(Europe\/Madrid\) — original: 22 September 2025, 23:59 UTC/);
  });

  it('second read of the forty-seventh round: "can I join the meeting remotely?" after the clinic, "when were replies due?" after a Recommendation, "what does SG20 suggest?" after its statement', async () => {
    const clinic = askerAt('2026-01-15T09:00:00Z', 'America/New_York', 'clinic-remote@example.org');
    await clinic('deadlines for SG21');
    await clinic('which of those are in March?');
    await clinic('when is the contribution clinic in NY time?');
    const remote = await clinic('can I join the meeting remotely?');
    expect(remote).toMatchObject({ ok: true, command: 'meeting', title: 'SG21: remote participation is offered (a hybrid meeting)' });
    const rec = askerAt('2026-01-15T09:00:00Z', 'Europe/Berlin', 'x1471-due@example.org');
    await rec("what's the status of X.1471");
    const due = await rec('when were replies due?');
    expect(due).toMatchObject({ ok: true, command: 'rec' });
    expect(due.sections.find((x) => x.heading === 'Deadlines set for it')?.items[0]?.text).toMatch(/^Tue 25 Nov 2025, 00:59 \(Europe\/Berlin\)/);
    const suggest = askerAt('2026-06-01T09:00:00Z', 'Asia/Seoul', 'suggest@example.org');
    await suggest('digital twin terminology LS');
    const said = await suggest('what does SG20 suggest?');
    expect(said.notes[0]).toBe('Read as "what does SG20-LS112 ask?".');
    expect(said.sections.flatMap((x) => x.items.map((i) => i.text))).toContainEqual(expect.stringMatching(/^Asks: SG20 therefore suggests that SG13 refer to the definitions/));
  });

  it('second read of the forty-eighth round: a meeting named by month before the word, "same for the sg3 africa group", a statement named by topic before a dash', async () => {
    expect((await cli(redisUrl, prefix, 'ingest', join(FIXTURES, '../real'), '--no-progress')).code).toBe(0);
    const tunis = askerAt('2018-12-01T08:00:00Z', 'Asia/Tokyo', 'tunis-2019@example.org');
    await tunis('sg12 march 2019 meeting - where exactly?');
    const last = await tunis("what's the last day for contributions?");
    expect(last.title).toBe('Deadlines for the SG12 meeting of 12–21 March 2019 (contributions or contributions needing translation)');
    const africa = askerAt('2025-03-01T08:00:00Z', 'Asia/Dubai', 'sg3-africa@example.org');
    await africa('sg12rg-afr meeting abidjan - dates and opening time');
    await africa('contribution deadline?');
    expect((await africa('same for the sg3 africa group')).notes[0]).toBe('Read as "contribution deadline for SG3RG-AFR".');
    const sc42 = await askerAt('2025-06-05T08:00:00Z', 'Europe/Zurich', 'sc42-contacts@example.org')('ml terminology LS to SC 42 - who are the contacts');
    expect(sc42).toMatchObject({ ok: true, command: 'ls', title: 'Liaison statements to SC 42' });
    expect(sc42.sections[0]?.items[0]?.detail).toMatch(/contacts: Marco Ferreira .*; Keiko Tanaka/);
  });

  it("is read against the asker's own earlier question, not another person's", async () => {
    await ask('when is the SG13 meeting?', 'bob@example.org');
    expect((await ask('and for SG20?', 'bob@example.org')).notes[0]).toBe('Read as "when is the SG20 meeting?".');
    expect((await ask('what about its registration deadline?', 'cy@example.org')).title).toBe('I don\'t have an earlier question of yours to read "what about its registration deadline?" against.');
  });
});
