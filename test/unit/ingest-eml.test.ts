import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../src/ingest/extract.ts';
import { makeDoc } from '../support/mail-corpus.ts';
import { DOCX_TYPE, failure, makeDeadlinesDocx, makeMail, makePdf, useTmpDir } from './ingest-builders.ts';

const MAIL_FIELDS = {
  messageId: '<cl7-20@itu.int>',
  subject: 'Collective letter 7/20',
  from: '"ITU-T TSB" <tsbsg20@itu.int>',
  date: '2026-03-03T09:15:00.000Z',
  // makeMail sends to t25sg20@lists.itu.int
  list: { list: 't25sg20@lists.itu.int', group: 'SG20', question: null, period: '2025-2028', role: 'list' },
};

describe('extractFile on .eml', () => {
  const tmp = useTmpDir();

  it('returns the body and a .docx attachment as two parts carrying the mail fields', async () => {
    const mail = makeMail({
      text: 'Dear colleagues,\nplease find attached Collective letter 7/20.\n',
      attachments: [{ filename: 'CL-7-20.docx', contentType: DOCX_TYPE, content: await makeDeadlinesDocx() }],
    });
    const path = await tmp.write('cl7.eml', mail);
    const { parts, problems } = await extractFile(path);
    expect(problems).toEqual([]);
    expect(parts.map((p) => p.name)).toEqual(['cl7.eml (body)', 'cl7.eml#1 (CL-7-20.docx)']);
    expect(parts[0]?.text).toBe('Dear colleagues,\nplease find attached Collective letter 7/20.\n');
    expect(parts[0]?.origin).toEqual({ path, format: 'eml', attachment: null, ...MAIL_FIELDS });
    expect(parts[1]?.origin).toEqual({ path, format: 'docx', attachment: 'CL-7-20.docx', ...MAIL_FIELDS });
    expect(parts[1]?.text).toContain('Deadline for written contributions');
    expect(parts[1]?.text).toContain('26 May 2026');
  });

  it('converts an HTML-only quoted-printable body to text', async () => {
    const html =
      '<html><body><p>Dear colleagues,</p><p>The meeting will be held in Gen=C3=A8ve from 4 to 13 May 2026.</p>=\r\n' +
      '<table><tr><td>12 May 2026</td><td>Written contributions</td></tr></table>' +
      '<p>Contact: <a href=3D"mailto:tsbsg20@itu.int">tsbsg20@itu.int</a></p></body></html>';
    const path = await tmp.write('html-only.eml', makeMail({ htmlQuotedPrintable: html }));
    const { parts, problems } = await extractFile(path);
    expect(problems).toEqual([]);
    expect(parts).toHaveLength(1);
    const text = parts[0]?.text ?? '';
    expect(text).toContain('The meeting will be held in Genève from 4 to 13 May 2026.');
    expect(text).toMatch(/^12 May 2026 +Written contributions$/m);
    expect(text).toContain('Contact: tsbsg20@itu.int');
    expect(text).not.toMatch(/<p>|=3D|=C3/);
    expect(parts[0]?.origin.messageId).toBe('<cl7-20@itu.int>');
  });

  it('keeps the body when an attachment is a corrupt .docx, and reports the attachment as a problem', async () => {
    const mail = makeMail({
      text: 'Liaison statement attached.',
      attachments: [{ filename: 'LS-broken.docx', contentType: DOCX_TYPE, content: randomBytes(2000) }],
    });
    const { parts, problems } = await extractFile(await tmp.write('ls.eml', mail));
    expect(parts.map((p) => [p.name, p.text])).toEqual([['ls.eml (body)', 'Liaison statement attached.']]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.name).toBe('ls.eml#1 (LS-broken.docx)');
    expect(problems[0]?.error.code).toBe('E_BAD_DOCUMENT');
    expect(problems[0]?.error.message).toMatch(/LS-broken\.docx\) is not a valid \.docx/);
  });

  it('reads a PDF sent without a file name from its content type, and skips pictures silently', async () => {
    const mail = makeMail({
      text: 'See the circular.',
      attachments: [
        { contentType: 'image/png', filename: 'logo.png', content: randomBytes(300) },
        { contentType: 'application/pdf', content: await makePdf(['TSB Circular 106']) },
      ],
    });
    const { parts, problems } = await extractFile(await tmp.write('circ.eml', mail));
    expect(problems).toEqual([]);
    expect(parts.map((p) => p.name)).toEqual(['circ.eml (body)', 'circ.eml#2 (attachment-2.pdf)']);
    expect(parts[1]?.origin.format).toBe('pdf');
    expect(parts[1]?.text).toBe('TSB Circular 106');
  });

  it('reads a .doc attachment, and reports a damaged one as E_BAD_DOCUMENT saying how to fix it', async () => {
    const doc = makeDoc(['Annex 2: terms of reference of the focus group.', 'Comments are due by 1 June 2026.']);
    const mail = makeMail({
      text: 'Old-format annexes attached.',
      attachments: [
        { filename: 'annex2.doc', contentType: 'application/msword', content: doc },
        { filename: 'annex3.doc', contentType: 'application/msword', content: randomBytes(600) },
      ],
    });
    const { parts, problems } = await extractFile(await tmp.write('doc.eml', mail));
    expect(parts.map((p) => [p.name, p.origin.format])).toEqual([
      ['doc.eml (body)', 'eml'],
      ['doc.eml#1 (annex2.doc)', 'doc'],
    ]);
    expect(parts[1]?.text).toBe('Annex 2: terms of reference of the focus group.\nComments are due by 1 June 2026.\n');
    expect(parts[1]?.origin).toMatchObject({ attachment: 'annex2.doc', messageId: '<cl7-20@itu.int>' });
    expect(problems.map((p) => [p.name, p.error.code])).toEqual([['doc.eml#2 (annex3.doc)', 'E_BAD_DOCUMENT']]);
    expect(problems[0]?.error.message).toMatch(/is not a valid Word 97-2003 \(\.doc\) document .*save it again as \.docx or PDF/);
  });

  it('reads a forwarded mail attached as message/rfc822 with its own Message-ID', async () => {
    const inner = [
      'From: rapporteur@example.org',
      'Subject: Q11/20 interim meeting',
      'Message-ID: <q11-interim@example.org>',
      'Date: Mon, 02 Mar 2026 08:00:00 +0000',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'The Q11/20 interim meeting will be held online on 20 April 2026.',
    ].join('\n');
    const mail = makeMail({
      text: 'FYI, forwarded below.',
      attachments: [{ contentType: 'message/rfc822', content: inner }],
    });
    const { parts, problems } = await extractFile(await tmp.write('fwd.eml', mail));
    expect(problems).toEqual([]);
    expect(parts.map((p) => p.name)).toEqual(['fwd.eml (body)', 'fwd.eml#1 (forwarded-1.eml) (body)']);
    expect(parts[0]?.text).toBe('FYI, forwarded below.');
    expect(parts[1]?.text).toBe('The Q11/20 interim meeting will be held online on 20 April 2026.');
    expect(parts[1]?.origin).toMatchObject({
      format: 'eml',
      messageId: '<q11-interim@example.org>',
      subject: 'Q11/20 interim meeting',
      attachment: 'forwarded-1.eml',
      date: '2026-03-02T08:00:00.000Z',
    });
  });

  it("reads an old mail's Date in RFC 5322's obsolete form: two-digit year, one-letter zone", async () => {
    // As a 1998 SC22/WG11 list message dates itself (open-std.org/JTC1/SC22/WG11/821).
    const mail = ['From: convenor@example.org', 'To: wg@example.org', 'Subject: WG11 N452 - letter ballot request', 'Date: Mon, 21 Sep 98 13:50:01 N', 'Message-Id: <26651.906378601@example.org>', '', 'Please find the request below.'].join('\n');
    const { parts } = await extractFile(await tmp.write('old.eml', mail));
    expect(parts[0]?.origin?.date).toBe('1998-09-21T13:50:01.000Z');
  });

  it('refuses a mail with no body and only an unreadable attachment, naming the reason', async () => {
    const mail = makeMail({
      attachments: [{ filename: 'LS.docx', contentType: DOCX_TYPE, content: randomBytes(2000) }],
    });
    const err = await failure(extractFile(await tmp.write('nothing.eml', mail)));
    expect(err.code).toBe('E_BAD_DOCUMENT');
    expect(err.message).toMatch(/^nothing\.eml has no text body and no attachment that could be read \(/);
    expect(err.message).toMatch(/nothing\.eml#1 \(LS\.docx\) is not a valid \.docx/);
  });

  it('refuses binary junk named .eml with E_BAD_DOCUMENT', async () => {
    // (Fixed bytes, every value from 0 to 255 in turn: random ones can, rarely, read as text of a legacy charset.)
    const err = await failure(extractFile(await tmp.write('junk.eml', Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 151 + 7) % 256)))));
    expect(err.code).toBe('E_BAD_DOCUMENT');
    expect(err.message).toMatch(/junk\.eml looks like binary data, not text/);
  });
});
