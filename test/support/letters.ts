/**
 * Builders of test mail: a short collective letter of a study group with one key deadline, as a list would send it.
 * Written for the project; every call with a different `n` gives a different letter.
 */

/** Text of a collective letter of group `SG{sg}`, number `n`, with a contribution deadline on `deadline`. */
export function letterText(n: number, sg: number, deadline = '14 April 2027'): string {
  return [
    'INTERNATIONAL TELECOMMUNICATION UNION',
    'TELECOMMUNICATION STANDARDIZATION BUREAU',
    `Geneva, ${1 + (n % 27)} February 2027`,
    `Ref: TSB Collective letter ${n}/${sg}`,
    `Subject: Meeting of Study Group ${sg}; Geneva, 3-12 May 2027`,
    '',
    'Dear Sir/Madam,',
    `1 You are invited to the meeting of Study Group ${sg}, held at ITU headquarters from 3 to 12 May 2027.`,
    '',
    'Key deadlines:',
    `${deadline}\tSubmit ITU-T Member contributions`,
    '',
    'Yours faithfully,',
    'Director, TSB',
  ].join('\n');
}

/** An RFC 5322 mail carrying `body` as plain text, from the study group's list. */
export function listMail(opts: { n: number; sg: number; body?: string; subject?: string; messageId?: string }): Buffer {
  const body = opts.body ?? letterText(opts.n, opts.sg);
  return Buffer.from(
    [
      'From: "TSB SG' + opts.sg + '" <tsbsg' + opts.sg + '@itu.int>',
      `To: t25sg${opts.sg}@lists.itu.int`,
      `Subject: ${opts.subject ?? `Collective letter ${opts.n}/${opts.sg}`}`,
      `Message-ID: ${opts.messageId ?? `<cl-${opts.n}-${opts.sg}@test.itu.int>`}`,
      'Date: Mon, 01 Feb 2027 09:00:00 +0100',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      body.replace(/\n/g, '\r\n'),
      '',
    ].join('\r\n'),
  );
}
