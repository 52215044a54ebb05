/**
 * Layouts a secretariat officer reads without thinking and a parser must be taught: liaison statements
 * forwarded in plain mails and list posts, Datatracker pages without "From Group", LS headers run into one line,
 * "For:"/"Purpose:" lines, Cc entries that are a group's mailbox, and flattened letters whose date, subject and
 * meeting range and place sit in one paragraph. The texts are written for this test.
 */
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/parse/index.ts';

const parties = (doc: ReturnType<typeof parseDocument>, purpose: string) =>
  (doc.liaison?.addressees ?? []).filter((a) => a.purpose === purpose).map((a) => a.party);

describe('a liaison forwarded in a plain mail', () => {
  it('takes sender, addressee and purpose from the prose, not from the mail headers', () => {
    const doc = parseDocument(
      [
        'From: Karl Jansen <karl.jansen@example.org>',
        'To: mpls@ietf.org',
        'Subject: [mpls] Liaison Statement: Re: LS205 on MPLS-TP OAM tools',
        '',
        'All,',
        '',
        'Please find attached a liaison statement from ITU-T SG15 to the IETF MPLS WG, for action.',
        'SG15 would welcome a reply by 30 June 2032.',
      ].join('\n'),
    );
    expect(doc.kind).toBe('liaison-statement');
    expect(doc.title).toBe('LS205 on MPLS-TP OAM tools');
    expect(doc.liaison?.from).toBe('SG15');
    expect(parties(doc, 'action')).toEqual(['IETF MPLS']);
    expect(doc.liaison?.purpose).toBe('action');
  });

  it('reads "Q.1 of SG2 has asked me to send you the following liaison" and a group mailbox in Cc', () => {
    const doc = parseDocument(
      [
        'From: Anna Berg <anna.berg@example.org>',
        'To: enum@ietf.org',
        'Cc: Secretariat of ITU-T SG12 <>',
        'Subject: [enum] ENUM administration ad interim',
        '',
        'Dear colleagues,',
        '',
        'Q.1 of SG2 has asked me to send you the following liaison statement, for your information.',
      ].join('\n'),
    );
    expect(doc.kind).toBe('liaison-statement');
    expect(doc.liaison?.from).toBe('SG2');
    expect(parties(doc, 'information').sort()).toEqual(['IETF ENUM', 'SG12']);
    expect(doc.liaison?.purpose).toBe('information');
  });

  it('reads a list post whose Subject says "Liaison Statement:" and whose prose names the sender', () => {
    const doc = parseDocument(
      ['From: Lou Bergen <lou@example.org>', 'To: mpls@ietf.org', 'Subject: [mpls] Liaison Statement: Re: LS205 on MPLS-TP', '', 'Hi all,', '', 'The ITU-T SG15 reply is attached.', '', 'Lou'].join('\n'),
    );
    expect(doc.kind).toBe('liaison-statement');
    expect(doc.title).toBe('LS205 on MPLS-TP');
    expect(doc.liaison?.from).toBe('SG15');
    expect(parties(doc, 'information')).toEqual(['IETF MPLS']);
    expect(doc.deadlines).toEqual([]);
  });

  it('reads "from ITU-T SG12 (Q17/12) addressed to the IETF IPPM WG for comment" and a secretariat sender', () => {
    const doc = parseDocument(
      ['From: TSB SG12 secretariat <sg12.office@example.org>', 'To: ippm@ietf.org', 'Subject: LS on measurement of Internet speed', '', 'Dear colleagues,', '', 'Please find attached a liaison statement from ITU-T SG12 (Q17/12) addressed to the IETF IPPM WG for comment.'].join('\n'),
    );
    expect(doc.title).toBe('LS on measurement of Internet speed');
    expect(doc.liaison?.from).toBe('SG12');
    expect(parties(doc, 'comment')).toEqual(['IETF IPPM']);
  });

  it('reads "the reply liaison statement of SG15 to CCAMP"', () => {
    const doc = parseDocument('Dear CCAMP chairs,\n\nPlease find attached the reply liaison statement of SG15 to CCAMP on the flexible grid, for information.\n');
    expect(doc.kind).toBe('liaison-statement');
    expect(doc.liaison?.from).toBe('SG15');
    expect(parties(doc, 'information')).toEqual(['CCAMP']);
  });

  it('ends an addressee before "for information"', () => {
    const doc = parseDocument(
      'Dear colleagues,\n\nI have been asked by the Rapporteur of Question 17/12 to forward the attached liaison statement from ITU-T SG12 to ETSI STQ for information.\n\nBest regards,\nTSB\n',
    );
    expect(doc.kind).toBe('liaison-statement');
    expect(doc.liaison?.from).toBe('SG12');
    expect(parties(doc, 'information')).toEqual(['ETSI STQ']);
  });

  it('reads the mail body alone, as the mail reader hands it over (headers kept apart)', () => {
    const doc = parseDocument('Dear colleagues,\n\nQ.1 of SG2 has asked me to send you the following liaison statement, for your information.\n\nKind regards,\nAnna Berg\n');
    expect(doc.kind).toBe('liaison-statement');
    expect(doc.liaison?.from).toBe('SG2');
    // The signature is no title: the store names the document after the mail's subject.
    expect(doc.title).toBeNull();
  });

  it('takes a group from its secretariat address: "ITU-T SG12 <tsbsg12@itu.int>"', () => {
    const doc = parseDocument(
      ['Title: LS on QoE of video services', 'Source: ITU-T Study Group 13', 'To: IETF BMWG', 'Cc: ITU-T SG12 <tsbsg12@itu.int>, Secretariat of ITU-T SG16 <>', 'Purpose: Information', 'Deadline: -', '', 'SG13 informs the IETF BMWG of its new work.'].join('\n'),
    );
    expect(doc.liaison?.from).toBe('SG13');
    expect(parties(doc, 'information').sort()).toEqual(['IETF BMWG', 'SG12', 'SG16']);
    expect(doc.liaison?.purpose).toBe('information');
    expect(doc.liaison?.deadline).toBeNull();
  });
});

describe('an LS header run into one line', () => {
  it('reads each field of "LIAISON STATEMENT To: … From: … For: …"', () => {
    const doc = parseDocument(
      'LIAISON STATEMENT To: TSAG, All ITU-T SGs From: ITU-T SG2 For: Comment Deadline: 15 October 2031 Title: Numbering resources update Contact: Anna Berg, TSB, tsbsg2@itu.int\nSG2 asks TSAG and all study groups for comments on the attached text by 15 October 2031.',
    );
    expect(doc.kind).toBe('liaison-statement');
    expect(doc.title).toBe('Numbering resources update');
    expect(doc.liaison?.from).toBe('SG2');
    expect(parties(doc, 'comment')).toEqual(['TSAG', 'All ITU-T SGs']);
    expect(doc.liaison?.purpose).toBe('comment');
    expect(doc.liaison?.deadline).toBe('2031-10-15');
  });
});

describe('a Datatracker page without "From Group"', () => {
  it('names the sender from a "From Contact" that is a body\'s mailbox', () => {
    const doc = parseDocument(
      [
        'Liaison statement',
        'Work items of the Broadband Forum',
        '',
        'State Posted',
        'Submitted Date 2031-03-05',
        'From Contact Liaisons at BBF',
        'To Groups ippm',
        'Cc Lea Marsh <>',
        'IP Performance Measurement Discussion List <>',
        'Purpose For information',
        'Attachments (None)',
        'The Broadband Forum would like to share the work items it published this quarter with the IETF.',
      ].join('\n'),
    );
    expect(doc.kind).toBe('liaison-statement');
    expect(doc.date).toBe('2031-03-05');
    expect(doc.liaison?.from).toBe('BBF');
    expect(parties(doc, 'information')).toEqual(['IETF IPPM']);
  });

  it('names the sender from a "From Contact" that is a body, or from "[from …]" in the title', () => {
    const page = (title: string, contact: string) =>
      parseDocument(['Liaison statement', title, '', 'State Posted', 'Submitted Date 2030-04-02', `From Contact ${contact}`, 'To Groups mpls', 'Purpose For information', 'Attachments (None)', 'The sender would like to share its updated work programme with the IETF MPLS working group.'].join('\n'));
    expect(page('Work programme update', 'Broadband Forum').liaison?.from).toBe('Broadband Forum');
    expect(page('Work programme update [from Metro Ethernet Forum]', 'Jane Arlen').liaison?.from).toBe('Metro Ethernet Forum');
    expect(page('Work programme update', 'Jane Arlen').liaison?.from).toBeNull();
  });

  it('reads a Datatracker group slug of another body as its name', () => {
    const doc = parseDocument(
      ['Liaison statement', 'Published work', '', 'State Posted', 'Submitted Date 2031-12-03', 'From Group BROADBAND-FORUM', 'From Contact someone@example.org', 'To Groups ippm, netmod', 'Purpose For information', 'Attachments (None)', 'The Broadband Forum is glad to share the work it has just published with these working groups.'].join('\n'),
    );
    expect(doc.liaison?.from).toBe('Broadband Forum');
    expect(parties(doc, 'information')).toEqual(['IETF IPPM', 'IETF NETMOD']);
  });
});

describe('a flattened circular', () => {
  it('gives the letter date, a subject title and the meeting with its range and place', () => {
    const doc = parseDocument(
      'INTERNATIONAL TELECOMMUNICATION UNION\nTELECOMMUNICATION STANDARDIZATION BUREAU\nGeneva, 3 March 2030 Ref: TSB Circular 212 COM 12/AB Subject: Meeting of Study Group 12 Dear Sir/Madam, 1 I am pleased to inform you that Study Group 12 will meet in Kyoto, Japan, from 11 December - 15 December 2030 inclusive. The meeting will open at 0930 hours on the first day.',
    );
    expect(doc.kind).toBe('circular');
    expect(doc.date).toBe('2030-03-03');
    expect(doc.title).toBe('Meeting of Study Group 12');
    expect(doc.meeting).toMatchObject({ group: 'SG12', title: 'Meeting of Study Group 12', start: '2030-12-11', end: '2030-12-15', place: 'Kyoto, Japan', startTime: '09:30' });
  });

  it('finds the place in its own sentence and keeps the letterhead out of the title', () => {
    const doc = parseDocument(
      [
        'INTERNATIONAL TELECOMMUNICATION UNION',
        'Telecommunication Standardization Bureau',
        'Date: 2030-03-03',
        'Ref: TSB Circular 5',
        'To: Administrations of Member States',
        '',
        'Dear Sir/Madam,',
        '',
        'The meeting of Study Group 12 will be held at ITU headquarters.',
        'Study Group 12 will meet from 11 to 15 December 2030.',
      ].join('\n'),
    );
    expect(doc.date).toBe('2030-03-03');
    expect(doc.meeting).toMatchObject({ start: '2030-12-11', end: '2030-12-15', place: 'Geneva, Switzerland' });
    expect(doc.meeting?.title).toBe('Meeting of Study Group 12');
    expect(doc.title).toBe('Meeting of Study Group 12');
  });

  it('reads "will hold its meeting in Rio de Janeiro, Brazil, from 11 December - 15 December"', () => {
    const doc = parseDocument(
      'TSB Collective letter 3/5\n\nSubject: Meeting of Study Group 5\n\nDear Sir/Madam,\n\nAt the kind invitation of the Administration of Brazil, Study Group 5 will hold its meeting in Rio de Janeiro, Brazil, from 11 December - 15 December 2030.\n',
    );
    expect(doc.meeting).toMatchObject({ group: 'SG5', title: 'Meeting of Study Group 5', start: '2030-12-11', end: '2030-12-15', place: 'Rio de Janeiro, Brazil' });
  });

  it('gives a rapporteur meeting the group of its Questions', () => {
    const doc = parseDocument(
      'To: sg16-avd@example.org\nSubject: Q12/16 Rapporteur meeting, Geneva, 9-10 November 2030\n\nDear experts,\n\nThe Q12/16 Rapporteur meeting will take place at ITU headquarters, Geneva, on 9 and 10 November 2030, starting at 09:00 on the first day.\n',
    );
    expect(doc.group).toBe('SG16');
    expect(doc.meeting).toMatchObject({ group: 'SG16', start: '2030-11-09', end: '2030-11-10', place: 'Geneva, Switzerland', startTime: '09:00' });
  });

  it('reads a notice\'s "Date:" range beside its subject as the meeting\'s dates', () => {
    const doc = parseDocument(
      'To Experts of ITU-T SG16 Questions 12 and 13/16 Cc Mr P Barnes, Chairman of SG16 ------- Subject: Notice of Joint Rapporteur Meeting in Geneva, Switzerland Date: 11-14 September 2031 ------- Dear Experts, 1. Date ^^^^^^^ 11(Tuesday) - 14(Friday) September 2031 Meeting will start at 16:15 on the first day',
    );
    expect(doc.title).toBe('Notice of Joint Rapporteur Meeting in Geneva, Switzerland');
    expect(doc.meeting).toMatchObject({ start: '2031-09-11', end: '2031-09-14', place: 'Geneva, Switzerland', startTime: '16:15' });
    expect(doc.deadlines).toEqual([]);
  });
});
