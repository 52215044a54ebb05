import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SgbotError, type ErrorCode } from '../../src/core/errors.ts';
import { extractBuffer, extractFile } from '../../src/ingest/extract.ts';
import type { Extraction } from '../../src/ingest/types.ts';
import {
  attachment,
  digestOfThree,
  listHeaders,
  makeDoc,
  nestedForwards,
  render,
  textPart,
  zipBombDocx,
} from '../support/mail-corpus.ts';
import { DOCX_TYPE, makeDeadlinesDocx, makePdf, useTmpDir } from './ingest-builders.ts';

/** What a hostile mail must give: parts with these texts (and problems with these codes), or one clear error. */
type Outcome = { parts: Array<string | RegExp>; problems?: ErrorCode[] } | { error: ErrorCode; message: RegExp };

interface Case {
  name: string;
  mail: () => Buffer | Promise<Buffer>;
  outcome: Outcome;
}

const multipart = (boundary: string, parts: ReturnType<typeof textPart>[], extra: Record<string, string> = {}) =>
  render({ headers: [...listHeaders(extra), ['Content-Type', `multipart/mixed; boundary="${boundary}"`]], boundary, parts });

const CASES: Case[] = [
  {
    name: 'a multipart without a boundary parameter',
    mail: () =>
      render({
        headers: [...listHeaders(), ['Content-Type', 'multipart/mixed']],
        body: '--lost\r\nContent-Type: text/plain\r\n\r\nThe agenda is attached.\r\n--lost--\r\n',
      }),
    outcome: { parts: ['The agenda is attached.'] },
  },
  {
    name: 'a boundary that matches none of the parts',
    mail: () => {
      const raw = multipart('real', [textPart('Registration closes on 26 May 2026.', 'utf-8', '8bit')]);
      return Buffer.from(raw.toString('latin1').replace('boundary="real"', 'boundary="announced"'), 'latin1');
    },
    outcome: { parts: ['Registration closes on 26 May 2026.'] },
  },
  {
    name: 'a multipart with no delimiter at all',
    mail: () => render({ headers: [...listHeaders(), ['Content-Type', 'multipart/mixed; boundary="x"']], body: 'Only plain words here.\r\n' }),
    outcome: { parts: ['Only plain words here.\n'] },
  },
  {
    name: 'a mail cut short inside a base64 PDF',
    mail: async () => {
      const raw = multipart('cut', [textPart('Circular attached.', 'utf-8', '8bit'), attachment('circular.pdf', 'application/pdf', await makePdf(['TSB Circular 7']))]);
      return raw.subarray(0, raw.length - 400);
    },
    outcome: { parts: ['Circular attached.'], problems: ['E_BAD_DOCUMENT'] },
  },
  {
    name: 'a .docx whose base64 stops in the middle of a line',
    mail: async () => {
      const docx = attachment('CL.docx', DOCX_TYPE, await makeDeadlinesDocx());
      const body = String(docx.body);
      return multipart('b', [textPart('Letter attached.', 'utf-8', '8bit'), { ...docx, body: body.slice(0, Math.floor(body.length / 2) + 13) }]);
    },
    outcome: { parts: ['Letter attached.'], problems: ['E_BAD_DOCUMENT'] },
  },
  {
    name: 'base64 with stray characters and no line breaks',
    mail: () => {
      const text = Buffer.from('Nominations are due by 1 July 2026.').toString('base64');
      return render({
        headers: [...listHeaders(), ['Content-Type', 'text/plain; charset=utf-8'], ['Content-Transfer-Encoding', 'base64']],
        body: `${text.slice(0, 10)}!!\t${text.slice(10)}\r\n`,
      });
    },
    outcome: { parts: ['Nominations are due by 1 July 2026.'] },
  },
  {
    name: 'a charset label that nobody knows',
    mail: () =>
      render({
        headers: [...listHeaders(), ['Content-Type', 'text/plain; charset=x-sgbot-unheard-of'], ['Content-Transfer-Encoding', '8bit']],
        body: 'Comit\xe9 de r\xe9daction\r\n',
      }),
    outcome: { parts: ['Comité de rédaction\n'] },
  },
  {
    name: 'a quoted, spaced, upper-case charset label',
    mail: () =>
      render({
        headers: [...listHeaders(), ['Content-Type', 'text/plain; charset = " ISO-8859-1 "'], ['Content-Transfer-Encoding', 'quoted-printable']],
        body: 'D=E9lai : 12 mai\r\n',
      }),
    outcome: { parts: ['Délai : 12 mai\n'] },
  },
  {
    name: 'random binary junk',
    // A NUL first: random bytes that happen to begin like a header line ("Q: …": 229 of 100,000 random 4 KB buffers) are read as a
    // mail with a binary body, which the next case covers.
    mail: () => Buffer.concat([Buffer.from([0]), randomBytes(4095)]),
    outcome: { error: 'E_BAD_DOCUMENT', message: /^junk\.eml looks like binary data, not text/ },
  },
  {
    name: 'binary junk pasted after valid headers',
    mail: () => Buffer.concat([Buffer.from('From: a@example.org\r\nSubject: Scan\r\n\r\n'), randomBytes(8192)]),
    outcome: { error: 'E_BAD_DOCUMENT', message: /has no text body .*\(junk\.eml \(body\) looks like binary data, not text/ },
  },
  {
    name: 'a few stray NUL bytes in a good body',
    mail: () => render({ headers: listHeaders(), body: 'The meeting opens\x00 at 09:30 in room K.\r\n' }),
    outcome: { parts: ['The meeting opens\x00 at 09:30 in room K.\n'] },
  },
  {
    name: 'no headers at all',
    mail: () => Buffer.from('Dear colleagues,\r\n\r\nthe draft report is online.\r\n\r\nTSB\r\n'),
    outcome: { parts: ['Dear colleagues,\n\nthe draft report is online.\n\nTSB\n'] },
  },
  {
    name: 'no headers, and a first line that starts with "From "',
    mail: () => Buffer.from('From the secretariat: the room has changed.\nIt is now room K.\n'),
    outcome: { parts: ['From the secretariat: the room has changed.\nIt is now room K.\n'] },
  },
  {
    name: 'headers and nothing else',
    mail: () => render({ headers: listHeaders(), body: '' }),
    outcome: { error: 'E_BAD_DOCUMENT', message: /^junk\.eml has no text body and no attachment that could be read\./ },
  },
  {
    name: 'a header of 2 MB',
    mail: () => render({ headers: listHeaders({ Subject: 'x'.repeat(2 * 1024 * 1024) }), body: 'Body.\r\n' }),
    outcome: { error: 'E_BAD_DOCUMENT', message: /^junk\.eml is not a readable mail \(Max header size/ },
  },
  {
    name: 'an mbox From line left at the top',
    mail: () => Buffer.concat([Buffer.from('From tsbsg20@itu.int Wed Mar  4 08:30:00 2026\n'), render({ headers: listHeaders(), body: 'Kept.\r\n' })]),
    outcome: { parts: ['Kept.\n'] },
  },
  {
    name: 'multiparts nested 200 deep',
    mail: () => {
      let entity = textPart('The innermost text.', 'utf-8', '8bit');
      for (let i = 0; i < 200; i += 1) entity = { headers: [['Content-Type', `multipart/mixed; boundary="n${i}"`]], boundary: `n${i}`, parts: [entity] };
      return render({ ...entity, headers: [...listHeaders(), ...entity.headers] });
    },
    outcome: { parts: ['The innermost text.'] },
  },
  {
    name: 'forwards nested 5 deep',
    mail: () => nestedForwards(5),
    outcome: { parts: [/level 0/, /level 1/, /level 2/, /level 3/, /level 4/, /level 5/] },
  },
  {
    name: 'forwards nested 9 deep',
    mail: () => nestedForwards(9),
    outcome: { parts: [/level 0/, /level 1/, /level 2/, /level 3/, /level 4/, /level 5/], problems: ['E_BAD_DOCUMENT'] },
  },
  {
    name: 'a digest of three messages',
    mail: () => digestOfThree(),
    outcome: { parts: [/Today's Topics/, /draft agenda of the Q1\/20/, /digital twins/, /due by 12 May 2026/] },
  },
  {
    name: 'a .doc attachment',
    mail: () => multipart('d', [textPart('Report attached.', 'utf-8', '8bit'), attachment('report.doc', 'application/msword', makeDoc(['Report of the rapporteur group meeting']))]),
    outcome: { parts: ['Report attached.', 'Report of the rapporteur group meeting\n'] },
  },
  {
    name: 'a zip bomb .docx attachment',
    mail: () => multipart('z', [textPart('Annex attached.', 'utf-8', '8bit'), attachment('annex.docx', DOCX_TYPE, zipBombDocx())]),
    outcome: { parts: ['Annex attached.'], problems: ['E_TOO_LARGE'] },
  },
  {
    name: 'an attachment in an unknown transfer encoding',
    mail: async () => {
      const part = attachment('CL.docx', DOCX_TYPE, await makeDeadlinesDocx());
      const headers = part.headers.map(([k, v]): [string, string] => (k === 'Content-Transfer-Encoding' ? [k, 'x-uuencode'] : [k, v]));
      return multipart('u', [textPart('Letter attached.', 'utf-8', '8bit'), { headers, body: part.body }]);
    },
    outcome: { parts: ['Letter attached.'], problems: ['E_BAD_DOCUMENT'] },
  },
];

async function outcomeOf(raw: Buffer): Promise<Extraction | SgbotError> {
  try {
    return await extractBuffer(raw, { filename: 'junk.eml' });
  } catch (err) {
    if (err instanceof SgbotError) return err;
    throw err;
  }
}

describe('the hostile mail corpus', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s: yields what is readable, or one clear error', async (_name, c) => {
    const result = await outcomeOf(await c.mail());
    if ('error' in c.outcome) {
      expect(result).toBeInstanceOf(SgbotError);
      const err = result as SgbotError;
      expect(err.code).toBe(c.outcome.error);
      expect(err.message).toMatch(c.outcome.message);
      return;
    }
    if (result instanceof SgbotError) throw new Error(`expected parts, got ${result.code}: ${result.message}`);
    expect(result.parts).toHaveLength(c.outcome.parts.length);
    c.outcome.parts.forEach((want, i) => {
      const text = result.parts[i]?.text ?? '';
      if (typeof want === 'string') expect(text).toBe(want);
      else expect(text).toMatch(want);
    });
    expect(result.problems.map((p) => p.error.code)).toEqual(c.outcome.problems ?? []);
  });

  it('never fails with anything but an SgbotError on 300 randomly damaged mails', async () => {
    let seed = 0x9e3779b9;
    const random = (n: number): number => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return (seed >>> 0) % n;
    };
    const original = multipart('f', [
      textPart('Dear colleagues, the meeting opens at 09:30.', 'windows-1252', 'quoted-printable'),
      attachment('letter.doc', 'application/msword', makeDoc(['Collective letter', 'Deadline: 12 May 2026'])),
      attachment('circular.pdf', 'application/pdf', await makePdf(['TSB Circular 8'])),
      { headers: [['Content-Type', 'message/rfc822']], body: render({ headers: listHeaders({ Subject: 'Inner' }), body: 'Inner text.\r\n' }) },
    ]);
    let read = 0;
    let refused = 0;
    for (let i = 0; i < 300; i += 1) {
      let mail = Buffer.from(original);
      const kind = random(3);
      if (kind === 0) for (let k = 0; k < 10; k += 1) mail[random(mail.length)] = random(256);
      if (kind === 1) mail = mail.subarray(0, random(mail.length));
      if (kind === 2) {
        const at = random(mail.length);
        mail = Buffer.concat([mail.subarray(0, at), Buffer.from(`\r\n--f\r\nContent-Type: ${['message/rfc822', 'multipart/digest', 'text/plain; charset=koi8-r'][random(3)]}\r\n\r\n`), mail.subarray(at)]);
      }
      const result = await outcomeOf(mail);
      if (result instanceof SgbotError) refused += 1;
      else read += 1;
    }
    expect(read + refused).toBe(300);
    expect(read).toBeGreaterThan(100);
  });
});

describe('a mail read from disk', () => {
  const tmp = useTmpDir();

  it('gives the same parts as the same mail in memory, across read chunks', async () => {
    const report = Array.from({ length: 8000 }, (_, i) => `Line ${i + 1} of the meeting report.`).join('\r\n');
    const raw = multipart('s', [
      textPart(report, 'utf-8', 'quoted-printable'),
      { headers: [['Content-Type', 'message/rfc822']], body: digestOfThree() },
    ]);
    expect(raw.length).toBeGreaterThan(3 * 64 * 1024);
    const path = await tmp.write('s.eml', raw);
    const fromDisk = await extractFile(path);
    const inMemory = await extractBuffer(raw, { filename: 's.eml', origin: { path } });
    expect(fromDisk).toEqual(inMemory);
    expect(fromDisk.parts.map((p) => p.origin.messageId)).toEqual([
      '<cl9-20@itu.int>',
      '<digest-4-2@lists.itu.int>',
      '<digest-msg-1@example.org>',
      '<digest-msg-2@example.org>',
      '<digest-msg-3@example.org>',
    ]);
    expect(fromDisk.parts[0]?.text.split('\n')).toHaveLength(8000);
  });
});
