/**
 * A mail body is read with its mail's Subject when the body gives none: a liaison statement forwarded in a plain
 * list mail says only in the Subject that it is one and what it is called. The mail below is modelled on the SG15
 * liaison to IETF CCAMP on the DWDM framework as it was posted to the CCAMP list (facts from
 * https://datatracker.ietf.org/liaison/1606/; text written for this test). A body with a Subject line of its own (a
 * letter pasted into the mail) keeps it; an attachment is read as it is.
 */
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../src/ingest/extract.ts';
import { parsePart, parserText } from '../../src/ingest/parse-part.ts';
import { makeMail, useTmpDir } from './ingest-builders.ts';

const FORWARDED = [
  'Dear CCAMP colleagues,',
  '',
  'Please find attached a liaison statement from ITU-T SG15 to IETF CCAMP, sent for information.',
  '',
  'SG15 thanks CCAMP for asking for comments on the DWDM interface management framework draft. The',
  'comments are sent in the hope that they still help, although they come after the date you asked for.',
  '',
  'Best regards,',
  'Hiro Oda',
  'Counsellor, ITU-T SG15',
].join('\n');

describe('a mail body read with its Subject', () => {
  const tmp = useTmpDir();

  it('makes a liaison forwarded in a plain mail a liaison statement titled by its Subject', async () => {
    const subject = '[CCAMP] Liaison Statement: Liaison Statement to IETF CCAMP on DWDM framework';
    const path = await tmp.write('ls.eml', makeMail({ subject, messageId: '<ls-1606@ietf.org>', text: FORWARDED }));
    const { parts } = await extractFile(path);
    const body = parts[0];
    if (!body) throw new Error('no body part');
    expect(parserText(body).split('\n')[0]).toBe(`Subject: ${subject}`);
    const { parsed } = parsePart(body);
    expect(parsed.kind).toBe('liaison-statement');
    expect(parsed.title).toBe('Liaison Statement to IETF CCAMP on DWDM framework');
    expect(parsed.liaison).toMatchObject({ from: 'SG15', purpose: 'information' });
  });

  it("keeps a body's own Subject line, and reads attachments and files as they are", async () => {
    const letter = 'INTERNATIONAL TELECOMMUNICATION UNION\nGeneva, 3 March 2026\nSubject: Meeting of Study Group 20\n\nDear Sir/Madam,\n';
    const path = await tmp.write('cl.eml', makeMail({ subject: 'Fwd: letter', text: letter, date: 'Mon, 16 Mar 2026 10:15:00 +0100' }));
    const { parts } = await extractFile(path);
    const body = parts[0];
    if (!body) throw new Error('no body part');
    // The mail's day above the body, and no Subject line of the mail's.
    expect(parserText(body)).toBe(`Sent: 16 March 2026\n${body.text}`);
    const file = { name: 'note.txt', text: 'Hello', origin: { path: '/x/note.txt', format: 'txt' as const, messageId: null, attachment: null, subject: null, from: null, date: null } };
    expect(parserText(file)).toBe('Hello');
    const annex = { ...file, origin: { ...file.origin, attachment: 'a.txt', subject: 'Liaison Statement: X' } };
    expect(parserText(annex)).toBe('Hello');
  });
});

describe('a mail body that writes no full date', () => {
  const tmp = useTmpDir();
  // Modelled on a 2007 IEEE 802 executive-committee list mail about liaisons from ITU-R WP8F (the 802SEC archive);
  // the text is written for this test. Its dates have no year: the mail's Date header gives it.
  const BODY = [
    'Dear EC members,',
    '',
    'Two liaison statements reached us in June from ITU-R WP8F, for consideration at their 25-26 June meeting in',
    'Geneva. The liaison statements ask for a response from IEEE by 18 June. ITU-R staff have said that a response',
    'by 21 June will still be considered.',
  ].join('\n');

  it('is dated by its mail, and its deadlines written without a year take the year of the mail', async () => {
    const path = await tmp.write('ec.eml', makeMail({ subject: '[802SEC] Expected EC motion on ITU-R liaison statement', text: BODY, date: 'Thu, 07 Jun 2007 09:12:00 -0400' }));
    const { parts } = await extractFile(path);
    const body = parts[0];
    if (!body) throw new Error('no body part');
    const { parsed } = parsePart(body);
    expect(parsed.date).toBe('2007-06-07');
    expect(parsed.deadlines.map((d) => d.date)).toEqual(expect.arrayContaining(['2007-06-18', '2007-06-21']));
  });

  // A list mail about a rapporteur meeting (the packetizer sg16-avd archive of 2008, found in the fifteenth unseen
  // round): the dates its body writes are the meeting's, not the mail's.
  it('is dated by its mail though its body writes full dates of other things', async () => {
    const path = await tmp.write('q.eml', makeMail({ subject: '[itu-sg16] Report of the joint rapporteur meeting (28-29 February 2008)', text: 'Dear experts,\n\nThe meeting of 28-29 February 2008 agreed the texts below.\n', date: 'Thu, 27 Mar 2008 02:50:28 -0400' }));
    const { parts } = await extractFile(path);
    const body = parts[0];
    if (!body) throw new Error('no body part');
    expect(parsePart(body).parsed.date).toBe('2008-03-27');
  });

  it('a letter in the body keeps its own date', async () => {
    const letter = 'INTERNATIONAL TELECOMMUNICATION UNION\nGeneva, 3 March 2026\nRef: TSB Collective letter 3/20\nSubject: Meeting of Study Group 20\n\nDear Sir/Madam,\n';
    const path = await tmp.write('cl2.eml', makeMail({ subject: 'Fwd: letter', text: letter, date: 'Mon, 16 Mar 2026 10:15:00 +0100' }));
    const { parts } = await extractFile(path);
    const body = parts[0];
    if (!body) throw new Error('no body part');
    expect(parsePart(body).parsed).toMatchObject({ kind: 'collective-letter', date: '2026-03-03' });
  });
});
