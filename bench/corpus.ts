/**
 * The bench's own corpus, generated in memory from a seed: collective letters with a key-deadlines table, TSB
 * circulars, liaison statements (some stating a lead-study-group role) and list chatter, written for the bench (not
 * copied from real documents), and the mails that carry them — plain text, quoted-printable HTML as Outlook sends
 * it, and with a .docx or .pdf attachment. The same seed always gives the same bytes.
 */
import { crc32, deflateSync } from 'node:zlib';
import { AlignmentType, Document, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { Rng } from './util.ts';

export type DocKind = 'letter' | 'circular' | 'liaison' | 'chatter';
export type MailType = 'plain' | 'qp-html' | 'docx' | 'pdf';

/** One generated document: its text, and the table rows a renderer may lay out as a real table. */
export interface GenDoc {
  kind: DocKind;
  group: string;
  sg: number;
  subject: string;
  /** Paragraphs (before the table) and closing lines (after it). */
  head: string[];
  table: Array<[string, string]>;
  tail: string[];
  /** All of it as plain text, the table as tab-separated rows. */
  text: string;
}

const SGS = [2, 3, 5, 9, 11, 12, 13, 15, 16, 17, 20];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const CITIES = ['Geneva', 'Nairobi', 'Montevideo', 'Seoul', 'Bangkok', 'Lisbon', 'Abuja', 'Muscat', 'Hanoi', 'Bogotá', 'Tallinn', 'Rabat'];
const TOPICS: Record<number, string[]> = {
  2: ['numbering and addressing resources', 'service definition for emergency telecommunications', 'network management interfaces'],
  3: ['tariff and accounting principles', 'economic aspects of international roaming', 'regulatory aspects of digital financial services'],
  5: ['electromagnetic compatibility of telecommunication equipment', 'circular economy of ICT goods', 'climate change adaptation of networks'],
  9: ['broadband cable networks', 'delivery of immersive television services', 'cable set-top box software'],
  11: ['signalling requirements and protocols', 'testing of interoperability', 'combating counterfeit ICT devices'],
  12: ['quality of service and quality of experience', 'performance of voice and video calls', 'perceptual quality models'],
  13: ['future networks and cloud computing', 'machine learning in future networks', 'quantum key distribution networks'],
  15: ['optical transport networks', 'access network transport', 'smart grid home networking'],
  16: ['multimedia coding and systems', 'accessibility of multimedia services', 'vehicular multimedia'],
  17: ['security', 'identity management and telebiometrics', 'security of distributed ledger technology'],
  20: ['Internet of things and its applications', 'smart cities and communities', 'IoT identification', 'digital twin of cities'],
};
const ACTIONS = [
  ['Submit requests for interpretation', 42],
  ['Pre-register and submit requests for fellowships', 49],
  ['Submit requests for visa letters', 35],
  ['Submit ITU-T Member contributions', 12],
  ['Submit contributions of Member States', 21],
  ['Online registration closes', 7],
] as const;
const FIRST = ['Ana', 'Kofi', 'Mei', 'Jonas', 'Fatima', 'Ravi', 'Olga', 'Tomás', 'Aiko', 'Samir', 'Ingrid', 'Chidi', 'Lucía', 'Pavel', 'Noura', 'Henrik'];
const LAST = ['Okafor', 'Lindqvist', 'Haddad', 'Moreau', 'Tanaka', 'Novak', 'Mensah', 'Ibarra', 'Kowalski', 'Rahman', 'Sørensen', 'Petrov', 'Nakamura', 'Duarte'];
const NOUNS = ['draft', 'proposal', 'baseline', 'architecture', 'requirement', 'framework', 'use case', 'test suite', 'reference model', 'terminology', 'work item', 'appendix', 'annex', 'gap analysis'];
const VERBS = ['reviewed', 'agreed', 'revised', 'discussed', 'consented', 'progressed', 'noted', 'updated', 'clarified', 'aligned'];
const SYL = ['ka', 'lo', 'mer', 'tiv', 'sa', 'ron', 'el', 'qui', 'dan', 'vor', 'za', 'pel', 'ix', 'nu', 'gre', 'bal'];

function person(r: Rng): string {
  return `${r.pick(FIRST)} ${r.pick(LAST)}`;
}

/** A made-up word: gives each document a few tokens nobody else has, as real references and names do. */
function coined(r: Rng): string {
  let w = '';
  for (let i = r.int(2, 4); i > 0; i--) w += r.pick(SYL);
  return w;
}

function dateText(d: Date): string {
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

function addDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * 86_400_000);
}

function sentence(r: Rng, sg: number): string {
  const topic = r.pick(TOPICS[sg] ?? TOPICS[20] ?? []);
  const q = `Q${r.int(1, 12)}/${sg}`;
  const templates = [
    () => `The meeting ${r.pick(VERBS)} the ${r.pick(NOUNS)} on ${topic} and asked ${q} to continue the work by correspondence.`,
    () => `Contributions on ${topic} should reference the latest ${r.pick(NOUNS)} (TD${r.int(100, 1999)}/${sg}) and the ${coined(r)} ${r.pick(NOUNS)}.`,
    () => `${q} ${r.pick(VERBS)} the ${r.pick(NOUNS)} of draft Recommendation ITU-T ${r.pick(['Y', 'X', 'G', 'H', 'Q', 'P', 'L'])}.${r.int(1000, 4999)} on ${topic}.`,
    () => `Participants are reminded that documents are available on the ${r.pick(['SharePoint', 'TIES', 'MyWorkspace'])} site of Study Group ${sg}.`,
    () => `An interim rapporteur group meeting of ${q} on ${topic} may be held in ${r.pick(CITIES)}, hosted by ${coined(r)} Telecom.`,
    () => `Editors ${person(r)} and ${person(r)} will circulate a revised ${r.pick(NOUNS)} before the next e-meeting.`,
  ];
  return r.pick(templates)();
}

function paragraph(r: Rng, sg: number, sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(r, sg)).join(' ');
}

/** A TSB collective letter inviting to a study group meeting, with a key-deadlines table. */
export function collectiveLetter(r: Rng, n: number, baseYear: number): GenDoc {
  const sg = r.pick(SGS);
  const start = new Date(Date.UTC(baseYear + r.int(0, 1), r.int(0, 11), r.int(1, 20)));
  const end = addDays(start, r.int(4, 9));
  const sent = addDays(start, -r.int(90, 150));
  const city = r.pick(CITIES);
  const subject = `Meeting of Study Group ${sg}; ${city}, ${start.getUTCDate()}-${dateText(end)}`;
  const head = [
    'INTERNATIONAL TELECOMMUNICATION UNION',
    'TELECOMMUNICATION STANDARDIZATION BUREAU',
    `Geneva, ${dateText(sent)}`,
    `Ref: TSB Collective letter ${n}/${sg}`,
    `Contact: ${person(r)}`,
    `Tel: +41 22 730 ${r.int(5000, 6999)}`,
    `E-mail: tsbsg${sg}@itu.int`,
    `Subject: ${subject}`,
    '',
    'Dear Sir/Madam,',
    `1 I am pleased to invite you to attend the meeting of Study Group ${sg}, to be held in ${city} from ${start.getUTCDate()} to ${dateText(end)}. The opening session starts at 0930 hours on the first day.`,
    ...Array.from({ length: r.int(2, 5) }, (_, i) => `${i + 2} ${paragraph(r, sg, r.int(2, 5))}`),
    '',
    'Key deadlines:',
  ];
  const table = r
    .sample(ACTIONS, r.int(3, ACTIONS.length))
    .sort((a, b) => b[1] - a[1])
    .map(([action, days]) => [dateText(addDays(start, -days)), action] as [string, string]);
  const tail = ['', paragraph(r, sg, r.int(1, 3)), '', 'Yours faithfully,', '', person(r), 'Director of the Telecommunication Standardization Bureau', `Annexes: ${r.int(1, 4)}`];
  return finish({ kind: 'letter', group: `SG${sg}`, sg, subject: `Collective letter ${n}/${sg}: ${subject}`, head, table, tail });
}

/** A TSB circular announcing a consultation with a reply date. */
export function circular(r: Rng, n: number, baseYear: number): GenDoc {
  const sg = r.pick(SGS);
  const rec = `ITU-T ${r.pick(['Y', 'X', 'G', 'H', 'Q', 'P', 'L'])}.${r.int(1000, 4999)}`;
  const sent = new Date(Date.UTC(baseYear, r.int(0, 11), r.int(1, 25)));
  const due = addDays(sent, r.int(28, 56));
  const topic = r.pick(TOPICS[sg] ?? []);
  const subject = `Study Group ${sg}: proposed approval of draft new Recommendation ${rec} on ${topic}`;
  const head = [
    'INTERNATIONAL TELECOMMUNICATION UNION',
    'TELECOMMUNICATION STANDARDIZATION BUREAU',
    `Geneva, ${dateText(sent)}`,
    `Ref: TSB Circular ${n}`,
    `Subject: ${subject}`,
    'To: Administrations of Member States of the Union',
    '',
    'Dear Sir/Madam,',
    `1 At the request of the chair of Study Group ${sg}, I would like to inform you that the study group intends to apply the traditional approval procedure for draft new Recommendation ${rec} at its next meeting.`,
    `2 Member States are requested to inform TSB by ${dateText(due)} whether they authorize the study group to consider this draft for approval.`,
    `3 ${paragraph(r, sg, r.int(2, 4))}`,
  ];
  const tail = ['', 'Yours faithfully,', '', person(r), 'Director of the Telecommunication Standardization Bureau'];
  return finish({ kind: 'circular', group: `SG${sg}`, sg, subject: `TSB Circular ${n}`, head, table: [], tail });
}

/** A liaison statement to a study group, for action with a reply deadline; one in four states a lead role. */
export function liaisonStatement(r: Rng, n: number, baseYear: number): GenDoc {
  const sg = r.pick(SGS);
  const qs = r.sample([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], r.int(1, 3)).sort((a, b) => a - b);
  const due = new Date(Date.UTC(baseYear + r.int(0, 1), r.int(0, 11), r.int(1, 28)));
  const topic = r.pick(TOPICS[sg] ?? []);
  const from = r.pick(['ISO/IEC JTC 1/SC 41', 'ETSI TC SmartM2M', '3GPP TSG SA WG5', 'IEEE 802.1', 'IETF OPSAWG', 'ITU-R WP 5D', `ITU-T SG${r.pick(SGS)}`]);
  const title = `LS on ${r.pick(NOUNS)} for ${topic} (${coined(r)})`;
  const head = [
    'INTERNATIONAL TELECOMMUNICATION UNION',
    'TELECOMMUNICATION STANDARDIZATION SECTOR',
    `STUDY GROUP ${sg}`,
    `SG${sg}-LS${n}`,
    '',
    `Question(s): ${qs.join(', ')}`,
    '',
    'LIAISON STATEMENT',
    '',
    `Source: ${from}`,
    `Title: ${title}`,
    '',
    'Purpose: Action',
    `Deadline: ${dateText(due)}`,
    `Contact: ${person(r)}, ${from}, E-mail: ${coined(r)}@example.org`,
    '',
    'LIAISON STATEMENT',
    `For action to: ITU-T Study Group ${sg}`,
    `For information to: ITU-T Study Group ${r.pick(SGS)}`,
    'Approval: plenary meeting',
    '',
    `${from} thanks Study Group ${sg} for its previous liaison and kindly asks it to comment on the attached ${r.pick(NOUNS)} and to reply by ${dateText(due)}.`,
    paragraph(r, sg, r.int(2, 5)),
  ];
  if (r.chance(0.25)) head.push(`We note that Study Group ${sg} is the lead study group on ${topic}.`);
  return finish({ kind: 'liaison', group: `SG${sg}`, sg, subject: `LS on ${topic}`, head, table: [], tail: [] });
}

/** A message of list chatter between delegates: no document, a few facts (Questions, a meeting). */
export function chatter(r: Rng, _n: number): GenDoc {
  const sg = r.pick(SGS);
  const q = `Q${r.int(1, 12)}/${sg}`;
  const who = person(r);
  const head = [
    'Dear colleagues,',
    '',
    paragraph(r, sg, r.int(1, 4)),
    ...(r.chance(0.5) ? ['', `Please find the agenda of the ${q} e-meeting on ${r.int(1, 28)} ${r.pick(MONTHS)} at ${r.int(10, 16)}:00 Geneva time in the usual place.`] : []),
    '',
    'Best regards,',
    who,
    `${r.pick(['Rapporteur', 'Associate rapporteur', 'Editor'])}, ${q}`,
  ];
  return finish({ kind: 'chatter', group: `SG${sg}`, sg, subject: `[${q}] ${r.pick(NOUNS)} ${r.pick(['update', 'comments', 'next steps', 'e-meeting'])}`, head, table: [], tail: [] });
}

function finish(d: Omit<GenDoc, 'text'>): GenDoc {
  const text = [...d.head, ...d.table.map(([a, b]) => `${a}\t${b}`), ...d.tail].join('\n');
  return { ...d, text };
}

/** A document of a kind chosen like a busy list's mix: mostly chatter and letters. */
export function anyDocument(r: Rng, n: number, baseYear: number): GenDoc {
  const x = r.float();
  if (x < 0.35) return chatter(r, n);
  if (x < 0.65) return collectiveLetter(r, n, baseYear);
  if (x < 0.85) return liaisonStatement(r, n, baseYear);
  return circular(r, n, baseYear);
}

// ---- Mail ------------------------------------------------------------------------------------------------------

/** Quoted-printable (RFC 2045) of UTF-8 text, lines kept, soft breaks before 76 columns. */
export function quotedPrintable(text: string): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const bytes = Buffer.from(line, 'utf8');
    let cur = '';
    for (let i = 0; i < bytes.length; i++) {
      const c = bytes[i] as number;
      const last = i === bytes.length - 1;
      const plain = (c >= 33 && c <= 126 && c !== 61) || ((c === 32 || c === 9) && !last);
      const token = plain ? String.fromCharCode(c) : `=${c.toString(16).toUpperCase().padStart(2, '0')}`;
      if (cur.length + token.length > 75) {
        out.push(`${cur}=`);
        cur = '';
      }
      cur += token;
    }
    out.push(cur);
  }
  return out.join('\r\n');
}

function base64Lines(buf: Buffer): string {
  return buf.toString('base64').replace(/.{76}/g, '$&\r\n');
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The document as Outlook-style HTML: a style block, a WordSection div, MsoNormal paragraphs, a real table. */
export function toHtml(d: GenDoc): string {
  const p = (t: string) => (t === '' ? "<p class=MsoNormal><o:p>&nbsp;</o:p></p>" : `<p class=MsoNormal><span lang=EN-GB style='font-size:11.0pt;font-family:"Calibri",sans-serif;color:#1F1F1F'>${esc(t)}<o:p></o:p></span></p>`);
  const style = [
    '<style><!--',
    '@font-face {font-family:"Cambria Math"; panose-1:2 4 5 3 5 4 6 3 2 4;}',
    '@font-face {font-family:Calibri; panose-1:2 15 5 2 2 2 4 3 2 4;}',
    'p.MsoNormal, li.MsoNormal, div.MsoNormal {margin:0cm; font-size:11.0pt; font-family:"Calibri",sans-serif;}',
    'a:link, span.MsoHyperlink {mso-style-priority:99; color:#0563C1; text-decoration:underline;}',
    'table.MsoTableGrid {border:solid windowtext 1.0pt; font-size:10.0pt; font-family:"Calibri",sans-serif;}',
    '.MsoChpDefault {mso-style-type:export-only; font-size:10.0pt;}',
    '@page WordSection1 {size:612.0pt 792.0pt; margin:72.0pt 72.0pt 72.0pt 72.0pt;}',
    'div.WordSection1 {page:WordSection1;}',
    '--></style>',
  ].join('\n');
  const rows = d.table
    .map(([a, b]) => `<tr><td width=180 valign=top style='width:135.0pt;border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'>${p(a)}</td><td width=420 valign=top style='width:315.0pt;border:solid windowtext 1.0pt;border-left:none;padding:0cm 5.4pt 0cm 5.4pt'>${p(b)}</td></tr>`)
    .join('\n');
  const table = d.table.length ? `<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none'>\n${rows}\n</table>` : '';
  return [
    '<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">',
    '<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=Generator content="Microsoft Word 15 (filtered medium)">',
    style,
    '</head><body lang=EN-GB link="#0563C1" vlink="#954F72" style=\'word-wrap:break-word\'><div class=WordSection1>',
    ...d.head.map(p),
    table,
    ...d.tail.map(p),
    '</div></body></html>',
  ].join('\n');
}

/** A PNG of random pixels (does not compress): the letterhead picture that makes real .docx files large. */
export function noisePng(r: Rng, width: number, height: number): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let i = 0; i < raw.length; i++) raw[i] = i % (width * 3 + 1) === 0 ? 0 : Math.floor(r.float() * 256);
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** The document as a Word file: letterhead picture, paragraphs, the deadlines as a two-column table. */
export async function toDocx(d: GenDoc, logo: Buffer): Promise<Buffer> {
  const para = (t: string) => new Paragraph({ children: [new TextRun({ text: t, font: 'Calibri', size: 22 })] });
  const children: Array<Paragraph | Table> = [
    new Paragraph({ alignment: AlignmentType.LEFT, children: [new ImageRun({ type: 'png', data: logo, transformation: { width: 120, height: 60 } })] }),
    ...d.head.map(para),
  ];
  if (d.table.length) {
    children.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: d.table.map(([a, b]) => new TableRow({ children: [new TableCell({ children: [para(a)] }), new TableCell({ children: [para(b)] })] })),
      }),
    );
  }
  children.push(...d.tail.map(para));
  const doc = new Document({ creator: 'sgbot bench', title: d.subject, sections: [{ children }] });
  return Packer.toBuffer(doc);
}

/** The document as a PDF with a text layer (Helvetica, one line per text line, pages as needed). */
export async function toPdf(d: GenDoc): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  // WinAnsi only: letters outside it (none in this corpus but a few accents) are replaced.
  const lines = d.text.split('\n').flatMap((l) => wrap(l.replace(/\t/g, '    ').replace(/[^\x20-\x7e\u00a0-\u00ff]/g, '-'), 95));
  let page = pdf.addPage([595, 842]);
  let y = 800;
  for (const line of lines) {
    if (y < 50) {
      page = pdf.addPage([595, 842]);
      y = 800;
    }
    if (line !== '') page.drawText(line, { x: 50, y, size: 10, font });
    y -= 13;
  }
  return Buffer.from(await pdf.save());
}

function wrap(line: string, width: number): string[] {
  if (line.length <= width) return [line];
  const out: string[] = [];
  let cur = '';
  for (const word of line.split(' ')) {
    if (cur && cur.length + word.length + 1 > width) {
      out.push(cur);
      cur = word;
    } else cur = cur ? `${cur} ${word}` : word;
  }
  if (cur) out.push(cur);
  return out;
}

/** One generated mail: its type, the document it carries, its bytes. */
export interface GenMail {
  type: MailType;
  kind: DocKind;
  bytes: Buffer;
}

function headers(d: GenDoc, id: string, date: Date, contentType: string, extra: string[] = []): string {
  const list = d.kind === 'chatter' ? `t25sg${d.sg}q${1 + (id.charCodeAt(0) % 9)}@lists.itu.int` : `t25sg${d.sg}@lists.itu.int`;
  return [
    `From: ${d.kind === 'chatter' ? '"Delegate"' : '"ITU-T TSB"'} <${d.kind === 'chatter' ? `delegate.${id.slice(0, 6)}@example.org` : `tsbsg${d.sg}@itu.int`}>`,
    `To: ${list}`,
    `Subject: ${d.subject}`,
    `Date: ${date.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${id}@bench.sgbot.example>`,
    `List-Id: <${list.replace('@', '.')}>`,
    'MIME-Version: 1.0',
    `Content-Type: ${contentType}`,
    ...extra,
  ].join('\r\n');
}

/** A mail of `type` carrying `d`. */
export async function renderMail(r: Rng, d: GenDoc, type: MailType, logo: Buffer): Promise<GenMail> {
  const id = r.hex(24);
  const date = new Date(Date.UTC(2026, r.int(0, 11), r.int(1, 28), r.int(6, 18), r.int(0, 59)));
  if (type === 'plain') {
    const body = d.text.replace(/\n/g, '\r\n');
    return { type, kind: d.kind, bytes: Buffer.from(`${headers(d, id, date, 'text/plain; charset=utf-8', ['Content-Transfer-Encoding: 8bit'])}\r\n\r\n${body}\r\n`, 'utf8') };
  }
  if (type === 'qp-html') {
    const body = quotedPrintable(toHtml(d));
    return { type, kind: d.kind, bytes: Buffer.from(`${headers(d, id, date, 'text/html; charset=utf-8', ['Content-Transfer-Encoding: quoted-printable'])}\r\n\r\n${body}\r\n`, 'latin1') };
  }
  const boundary = `----=_NextPart_${r.hex(16)}`;
  const cover = `Dear colleagues,\r\n\r\nPlease find attached ${d.subject}.\r\n\r\nBest regards,\r\nTSB\r\n`;
  const file = type === 'docx' ? await toDocx(d, logo) : await toPdf(d);
  const mime = type === 'docx' ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' : 'application/pdf';
  const name = `${d.kind}-${id.slice(0, 8)}.${type}`;
  const body = [
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    cover,
    `--${boundary}`,
    `Content-Type: ${mime}; name="${name}"`,
    'Content-Transfer-Encoding: base64',
    `Content-Disposition: attachment; filename="${name}"`,
    '',
    base64Lines(file),
    `--${boundary}--`,
    '',
  ].join('\r\n');
  return { type, kind: d.kind, bytes: Buffer.from(`${headers(d, id, date, `multipart/mixed; boundary="${boundary}"`)}\r\n\r\n${body}`, 'utf8') };
}

/** `counts[type]` mails of each type, documents of the usual mix (attachments carry letters, circulars, liaisons). */
export async function mailCorpus(seed: number, counts: Record<MailType, number>): Promise<GenMail[]> {
  const r = new Rng(seed);
  const logo = noisePng(r, 120, 100);
  const out: GenMail[] = [];
  let n = 1;
  for (const type of ['plain', 'qp-html', 'docx', 'pdf'] as const) {
    for (let i = 0; i < counts[type]; i++) {
      let d = anyDocument(r, n++, 2026);
      // Nobody attaches chatter as a Word file.
      while (type !== 'plain' && type !== 'qp-html' && d.kind === 'chatter') d = anyDocument(r, n++, 2026);
      out.push(await renderMail(r, d, type, logo));
    }
  }
  return out;
}
