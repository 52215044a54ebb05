import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { extractEmlStream } from '../../src/ingest/eml.ts';
import { extractBuffer, extractFile } from '../../src/ingest/extract.ts';
import { DEFAULT_LIMITS } from '../../src/ingest/types.ts';
import {
  attachment,
  digestOfThree,
  encodeCharset,
  encodedWord,
  listHeaders,
  nestedForwards,
  render,
  textPart,
  zipBombDocx,
} from '../support/mail-corpus.ts';
import { DOCX_TYPE, failure, makePdf, useTmpDir } from './ingest-builders.ts';

const eml = (raw: Buffer, filename = 'mail.eml') => extractBuffer(raw, { filename });

describe('MIME as lists send it', () => {
  it('splits a digest into one part per message, each with its own Message-ID, subject, sender and date', async () => {
    const { parts, problems } = await eml(digestOfThree(), 'digest.eml');
    expect(problems).toEqual([]);
    expect(parts.map((p) => p.name)).toEqual([
      'digest.eml (body)',
      'digest.eml#1 (digest-1.eml) (body)',
      'digest.eml#2 (digest-2.eml) (body)',
      'digest.eml#3 (digest-3.eml) (body)',
    ]);
    expect(parts[0]?.text).toMatch(/^Today's Topics:/);
    // The messages are not merged into the digest's own body.
    expect(parts[0]?.text).not.toContain('digital twins');
    expect(parts.slice(1).map((p) => [p.origin.messageId, p.origin.subject, p.origin.from, p.origin.date, p.text])).toEqual([
      ['<digest-msg-1@example.org>', 'Q1/20 draft agenda', 'delegate1@example.org', '2026-03-02T01:00:00.000Z', 'The draft agenda of the Q1/20 meeting is posted.\n'],
      ['<digest-msg-2@example.org>', 'Re: Q1/20 draft agenda', 'delegate2@example.org', '2026-03-02T02:00:00.000Z', 'Please add an item on digital twins.\n'],
      ['<digest-msg-3@example.org>', 'Contribution deadline', 'delegate3@example.org', '2026-03-02T03:00:00.000Z', 'Contributions are due by 12 May 2026.\n'],
    ]);
    for (const part of parts) {
      expect(part.origin.list).toEqual({ list: 't22sg20q1@lists.itu.int', group: 'SG20', question: 'Q1/20', period: '2022-2024', role: 'list' });
    }
    expect(parts[1]?.origin.attachment).toBe('digest-1.eml');
  });

  it('reads forwards nested 5 deep, each as its own mail, and refuses a 6th level with a problem', async () => {
    const five = await eml(nestedForwards(5), 'fwd.eml');
    expect(five.problems).toEqual([]);
    expect(five.parts.map((p) => p.origin.messageId)).toEqual([0, 1, 2, 3, 4, 5].map((n) => `<level-${n}@example.org>`));
    expect(five.parts[0]?.text).toBe('Forward level 0: see the mail below.');
    expect(five.parts[5]?.text).toBe('Forward level 5: the Q11/20 meeting is moved to 20 April 2026.\n');
    expect(five.parts[5]?.name).toBe('fwd.eml#1 (forwarded-1.eml)#1 (forwarded-1.eml)#1 (forwarded-1.eml)#1 (forwarded-1.eml)#1 (forwarded-1.eml) (body)');

    const seven = await eml(nestedForwards(7), 'fwd7.eml');
    expect(seven.parts).toHaveLength(6);
    expect(seven.problems.map((p) => p.error.code)).toEqual(['E_BAD_DOCUMENT']);
    expect(seven.problems[0]?.error.message).toMatch(/is a mail forwarded inside more than 5 other mails and was not read/);
  });

  it.each([
    ['utf-8', '8bit', 'Réunion du Groupe — Genève, 4–13 mai'],
    ['iso-8859-1', 'quoted-printable', 'Réunion à Genève, délai: 12 mai'],
    ['windows-1252', '8bit', '“Draft Recommendation” – comments due by 12 May €'],
    ['koi8-r', 'quoted-printable', 'Собрание исследовательской комиссии 20'],
    ['gb2312', 'base64', '第20研究组会议将于五月举行'],
  ] as const)('decodes a %s body sent %s', async (charset, cte, text) => {
    const part = textPart(text, charset, cte);
    const { parts } = await eml(render({ headers: [...listHeaders(), ...part.headers], body: part.body }));
    expect(parts[0]?.text).toBe(text);
  });

  it('decodes RFC 2047 subjects and names in several charsets, joining words split mid-character', async () => {
    const gb = encodeCharset('研究组', 'gb2312');
    const subject = [
      encodedWord(encodeCharset('Собрание', 'koi8-r'), 'koi8-r', 'Q'),
      encodedWord(gb.subarray(0, 3), 'gb2312', 'B'),
      encodedWord(gb.subarray(3), 'gb2312', 'B'),
      'SG20',
    ].join(' ');
    const from = `${encodedWord(encodeCharset('Secrétariat', 'iso-8859-1'), 'iso-8859-1', 'Q')} <tsbsg20@itu.int>`;
    const { parts } = await eml(render({ headers: listHeaders({ Subject: subject, From: from }), body: 'Body.\r\n' }));
    expect(parts[0]?.origin.subject).toBe('Собрание研究组 SG20');
    expect(parts[0]?.origin.from).toBe('"Secrétariat" <tsbsg20@itu.int>');
  });

  it('forgives charset labels that lie: UTF-8 sent as Latin-1, Latin-1 sent with an unknown label', async () => {
    const mislabelled = render({
      headers: [...listHeaders(), ['Content-Type', 'text/plain; charset=iso-8859-1'], ['Content-Transfer-Encoding', '8bit']],
      body: Buffer.from('Genève, 4–13 mai\r\n', 'utf8'),
    });
    const unknown = render({
      headers: [
        ...listHeaders({ Subject: encodedWord(Buffer.from('Réunion', 'latin1'), 'x-mac-nothing', 'Q') }),
        ['Content-Type', 'text/plain; charset="x-mac-nothing"'],
        ['Content-Transfer-Encoding', '8bit'],
      ],
      body: Buffer.from('Réunion à Genève\r\n', 'latin1'),
    });
    expect((await eml(mislabelled)).parts[0]?.text).toBe('Genève, 4–13 mai\n');
    const { parts } = await eml(unknown);
    expect(parts[0]?.text).toBe('Réunion à Genève\n');
    expect(parts[0]?.origin.subject).toBe('Réunion');
  });

  it('counts an inline text attachment once (in the body), skips inline pictures, and reads attached text', async () => {
    const picture = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const raw = render({
      headers: [...listHeaders(), ['Content-Type', 'multipart/mixed; boundary="mixed"']],
      boundary: 'mixed',
      parts: [
        {
          headers: [['Content-Type', 'multipart/related; boundary="rel"']],
          boundary: 'rel',
          parts: [
            { headers: [['Content-Type', 'text/html; charset=utf-8']], body: '<p>See the agenda.</p><img src="cid:logo@itu">' },
            { ...attachment('logo.png', 'image/png', picture, 'inline'), headers: [...attachment('logo.png', 'image/png', picture, 'inline').headers, ['Content-ID', '<logo@itu>']] },
          ],
        },
        { headers: [['Content-Type', 'text/plain; charset=utf-8; name="agenda.txt"'], ['Content-Disposition', 'inline; filename="agenda.txt"']], body: 'Agenda item 4: liaison statements.\r\n' },
        attachment('notes.txt', 'text/plain', Buffer.from('Notes of the rapporteur.')),
      ],
    });
    const { parts, problems } = await eml(raw);
    expect(problems).toEqual([]);
    expect(parts.map((p) => p.name)).toEqual(['mail.eml (body)', 'mail.eml#2 (notes.txt)']);
    // The HTML body and the inline text part are both in the body, each once; the picture is not a part.
    expect(parts[0]?.text).toBe('See the agenda.\n\nAgenda item 4: liaison statements.\n');
    const all = parts.map((p) => p.text).join('\n');
    expect(all.split('Agenda item 4').length - 1).toBe(1);
    expect(parts[1]?.text).toBe('Notes of the rapporteur.');
  });

  it('does not repeat the body of a multipart/alternative mail sent as text and HTML', async () => {
    const raw = render({
      headers: [...listHeaders(), ['Content-Type', 'multipart/alternative; boundary="alt"']],
      boundary: 'alt',
      parts: [
        textPart('Dear colleagues,\r\nthe meeting opens at 09:30.', 'utf-8', '8bit'),
        { headers: [['Content-Type', 'text/html; charset=utf-8']], body: '<p>Dear colleagues,</p><p>the meeting opens at <b>09:30</b>.</p>' },
      ],
    });
    const { parts } = await eml(raw);
    expect(parts.map((p) => p.text)).toEqual(['Dear colleagues,\nthe meeting opens at 09:30.']);
  });

  it('takes the list from List-Id before To, and lets a forwarded mail without a list inherit it', async () => {
    const inner = render({ headers: [['From', 'someone@example.org'], ['To', 'someone-else@example.org'], ['Subject', 'FYI']], body: 'Inner text.\r\n' });
    const raw = render({
      headers: [...listHeaders({ To: 'tsbsg13@itu.int' }), ['List-Id', 'SG13 Q2 <t25sg13q2.lists.itu.int>'], ['Content-Type', 'multipart/mixed; boundary="b"']],
      boundary: 'b',
      parts: [textPart('Outer text.', 'utf-8', '8bit'), { headers: [['Content-Type', 'message/rfc822']], body: inner }],
    });
    const { parts } = await eml(raw);
    const q2 = { list: 't25sg13q2@lists.itu.int', group: 'SG13', question: 'Q2/13', period: '2025-2028', role: 'list' };
    expect(parts.map((p) => p.origin.list)).toEqual([q2, q2]);
  });
});

describe('mail size limits', () => {
  const tmp = useTmpDir();

  it('reports an attachment over maxFileBytes as E_TOO_LARGE without reading it, and keeps the rest', async () => {
    const pdf = await makePdf(['Annex A']);
    const big = Buffer.alloc(300 * 1024, 0x41);
    const raw = render({
      headers: [...listHeaders(), ['Content-Type', 'multipart/mixed; boundary="b"']],
      boundary: 'b',
      parts: [textPart('Two annexes.', 'utf-8', '8bit'), attachment('annex-b.pdf', 'application/pdf', big), attachment('annex-a.pdf', 'application/pdf', pdf)],
    });
    const limits = { ...DEFAULT_LIMITS, maxFileBytes: 200 * 1024, maxMailBytes: 1024 * 1024 };
    const { parts, problems } = await extractFile(await tmp.write('annexes.eml', raw), limits);
    expect(parts.map((p) => p.name)).toEqual(['annexes.eml (body)', 'annexes.eml#2 (annex-a.pdf)']);
    expect(problems.map((p) => [p.name, p.error.code])).toEqual([['annexes.eml#1 (annex-b.pdf)', 'E_TOO_LARGE']]);
    expect(problems[0]?.error.message).toMatch(/^annexes\.eml#1 \(annex-b\.pdf\) is 300\.0 KiB, more than the limit of 200\.0 KiB per attachment/);
  });

  it('refuses a mail over the mail size limit, from its size or while streaming it', async () => {
    const raw = render({ headers: listHeaders(), body: 'x'.repeat(4096) });
    const limits = { ...DEFAULT_LIMITS, maxMailBytes: 2048 };
    const fromFile = await failure(extractFile(await tmp.write('long.eml', raw), limits));
    expect(fromFile.code).toBe('E_TOO_LARGE');
    expect(fromFile.message).toMatch(/^long\.eml is 4\.\d KiB, more than the limit of 2\.0 KiB per mail/);
    const chunks = [raw.subarray(0, 1000), raw.subarray(1000, 2000), raw.subarray(2000)];
    const streamed = await failure(extractEmlStream(() => Readable.from(chunks), { filename: 'stream.eml' }, limits, extractBuffer));
    expect(streamed.code).toBe('E_TOO_LARGE');
    expect(streamed.message).toMatch(/^stream\.eml is at least 4\.\d KiB, more than the limit of 2\.0 KiB per mail/);
  });

  it('reports a zip bomb .docx attachment as E_TOO_LARGE and keeps the body', async () => {
    const raw = render({
      headers: [...listHeaders(), ['Content-Type', 'multipart/mixed; boundary="b"']],
      boundary: 'b',
      parts: [textPart('The report is attached.', 'utf-8', '8bit'), attachment('report.docx', DOCX_TYPE, zipBombDocx())],
    });
    const { parts, problems } = await eml(raw, 'bomb.eml');
    expect(parts.map((p) => p.text)).toEqual(['The report is attached.']);
    expect(problems.map((p) => [p.name, p.error.code])).toEqual([['bomb.eml#1 (report.docx)', 'E_TOO_LARGE']]);
    expect(problems[0]?.error.message).toMatch(/looks like a zip bomb/);
  });
});
