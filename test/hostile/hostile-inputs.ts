/**
 * Hostile inputs that cost unbounded work per mail unless it is bounded: HTML table span bombs, deep nesting, huge
 * and wide tables, and long lines of dates for the deadline parsers. Shared by the hostile tests and
 * `bench/hostile.ts`. Each builder says where its shape comes from.
 */

/** The letter of a good text/plain part: two deadlines the parser must find beside any hostile part. */
export const GOOD_LETTER = [
  'TSB Collective letter 9/20',
  '',
  'Subject: Meeting of Study Group 20; Geneva, 12-21 May 2026',
  '',
  'Dear Sir/Madam,',
  '',
  'Key deadlines:',
  '13 March 2026\tSubmit requests for real-time captioning',
  '20 April 2026\tPre-registration via the online registration form',
  '',
  'Yours faithfully,',
  '(signed)',
  'Seizo Onoe, Director',
].join('\n');

/**
 * ~300 bytes: one cell spanning `span` columns. html-to-text's table layout fills a grid as wide as the span, makes
 * it square to transpose it (span² steps) and finds column offsets by a recursion as deep as the span: seconds at
 * 30,000, hours (or a stack overflow) at 1,000,000.
 */
export function colspanBomb(span = 1_000_000): string {
  return `<html><body><p>Dear colleagues,</p><table><tr><td colspan="${span}">Deadline</td><td>x</td></tr><tr><td>1 March 2026</td><td>Submit contributions</td></tr></table></body></html>`;
}

/** The same with one cell spanning `span` rows (a grid `span` rows tall, made square to transpose it). */
export function rowspanBomb(span = 1_000_000): string {
  return `<html><body><table><tr><td rowspan="${span}">Deadline</td><td>x</td></tr><tr><td>1 March 2026</td></tr></table></body></html>`;
}

/** Elements nested `depth` deep: html-to-text walks the tree by recursion and throws RangeError past ~3,000. */
export function deepNesting(depth = 10_000, tag = 'div'): string {
  return `<html><body>${`<${tag}>`.repeat(depth)}Deadline: 1 March 2026${`</${tag}>`.repeat(depth)}</body></html>`;
}

/** Tables nested in table cells, `depth` deep. */
export function deepTables(depth = 2_000): string {
  return `<html><body>${'<table><tr><td>'.repeat(depth)}inner${'</td></tr></table>'.repeat(depth)}</body></html>`;
}

/**
 * A table whose first column holds one line of `width` characters and whose second column `lines` lines: every
 * line of the second column is padded to the width of the first, `width × lines` characters of output.
 */
export function hugeCell(width = 200_000, lines = 20_000): string {
  return `<html><body><table><tr><td>${'x'.repeat(width)}</td><td>${'<br>y'.repeat(lines)}</td></tr></table></body></html>`;
}

/** One row of `cells` plain cells: a grid `cells` wide, made square to transpose it (cells² steps). */
export function wideTable(cells = 30_000): string {
  return `<html><body><table><tr>${'<td>a</td>'.repeat(cells)}</tr></table></body></html>`;
}

/** Dates "1 March 2026, 2 March 2026, …" on one line of about `bytes` bytes, after `lead` (a heading, a phrase). */
export function dateLine(bytes: number, lead = '', sep = ', ', date = (i: number) => `${1 + (i % 28)} March ${2026 + (Math.floor(i / 28) % 5)}`): string {
  const parts: string[] = [];
  let length = lead.length;
  for (let i = 0; length < bytes; i++) {
    const d = date(i);
    parts.push(d);
    length += d.length + sep.length;
  }
  return lead + parts.join(sep);
}

/** Long lines of dates in the shapes the deadline parsers read, each about `bytes` bytes. */
export function dateLines(bytes: number): Record<string, string> {
  return {
    'dates, one line': dateLine(bytes),
    'key-deadlines heading, one line of dates': dateLine(bytes, 'Key deadlines:\n'),
    'deadline sentence, one line of dates': dateLine(bytes, 'The deadline for contributions is '),
    'deadline sentence, dates without commas': dateLine(bytes, 'Contributions must be received by ', ' '),
    'weekday dates': dateLine(bytes, 'Key deadlines:\n', ' ', (i) => `Monday ${1 + (i % 28)} March 2026 Submit`),
    'day-and-day ranges': dateLine(bytes, 'The deadline is ', ', ', (i) => `${1 + (i % 27)} and ${2 + (i % 27)} March 2026`),
    'numeric dates': dateLine(bytes, 'Deadline: ', ' ', (i) => `${1 + (i % 28)}.03.2026`),
    'many dates, many lines': dateLine(bytes, 'Key deadlines:\n', '\n', (i) => `${1 + (i % 28)} March 2026\tSubmit contributions ${i}`),
    'liaison and reply words': dateLine(bytes, 'The liaison deadline is ', ' ', (i) => `liaison ${1 + (i % 28)} March 2026`),
    'event sentences': dateLine(bytes, '', ' ', (i) => `Workshop on ${1 + (i % 28)} March 2026 in Geneva,`),
  };
}

/** A mail with a readable text/plain letter and a hostile HTML alternative (multipart/alternative). */
export function mailWithHtml(html: string, text = GOOD_LETTER, subject = 'Collective letter 9/20'): Buffer {
  const b = 'b0undary-hostile';
  return Buffer.from(
    [
      'From: "TSB" <tsbsg20@itu.int>',
      'To: tsbsg20@lists.itu.int',
      `Subject: ${subject}`,
      'Date: Mon, 2 Mar 2026 09:00:00 +0100',
      `Message-ID: <hostile-${subject.length}-${html.length}@tsb.example.org>`,
      'MIME-Version: 1.0',
      `Content-Type: multipart/alternative; boundary="${b}"`,
      '',
      `--${b}`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      text,
      `--${b}`,
      'Content-Type: text/html; charset=utf-8',
      '',
      html,
      `--${b}--`,
      '',
    ].join('\r\n'),
  );
}

/** A mail whose only body is `html`. */
export function htmlOnlyMail(html: string, subject = 'HTML only'): Buffer {
  return Buffer.from(
    [
      'From: "TSB" <tsbsg20@itu.int>',
      'To: tsbsg20@lists.itu.int',
      `Subject: ${subject}`,
      'Date: Mon, 2 Mar 2026 09:00:00 +0100',
      `Message-ID: <html-only-${subject.length}-${html.length}@tsb.example.org>`,
      'MIME-Version: 1.0',
      'Content-Type: text/html; charset=utf-8',
      '',
      html,
      '',
    ].join('\r\n'),
  );
}
