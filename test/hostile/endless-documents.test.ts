/**
 * Documents built to never end, through `extractBuffer`: mails forwarding mails 100 deep, PDFs whose page tree,
 * lengths or streams loop or run off the end of the file, a PDF listing one page 20,000 times, and .docx files whose
 * XML is a billion laughs or nests tens of thousands of elements deep. Each ends, in bounded time, as text read,
 * text partly read with a problem saying where it stopped, or one clear SgbotError — never a hang or a crash.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SgbotError, type ErrorCode } from '../../src/core/errors.ts';
import { extractBuffer } from '../../src/ingest/extract.ts';
import { DEFAULT_LIMITS, DEFAULT_PDF_MAX_MS, DEFAULT_PDF_MAX_PAGES, type ExtractLimits, type Extraction } from '../../src/ingest/types.ts';
import { attachment, listHeaders, nestedForwards, render, textPart } from '../support/mail-corpus.ts';
import { makeZip } from '../unit/ingest-builders.ts';

async function outcome(buf: Buffer, filename: string, limits: ExtractLimits = DEFAULT_LIMITS): Promise<{ result: Extraction | SgbotError; ms: number }> {
  const t0 = performance.now();
  try {
    const result = await extractBuffer(buf, { filename }, limits);
    return { result, ms: performance.now() - t0 };
  } catch (err) {
    if (err instanceof SgbotError) return { result: err, ms: performance.now() - t0 };
    throw err;
  }
}

describe('mail forwarding mail 100 deep', () => {
  it('reads the first levels and reports the rest as nested too deep, at once', async () => {
    const { result, ms } = await outcome(nestedForwards(100), 'fwd.eml');
    expect(ms).toBeLessThan(5_000);
    if (result instanceof SgbotError) throw result;
    expect(result.parts.map((p) => /Forward level (\d+)/.exec(p.text)?.[1])).toEqual(['0', '1', '2', '3', '4', '5']);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.error.code).toBe('E_BAD_DOCUMENT');
    expect(result.problems[0]?.error.message).toMatch(/is a mail forwarded inside more than 5 other mails and was not read\./);
  });
});

/** A PDF of the given object bodies (object n is `objects[n - 1]`), with a correct xref table. */
function pdf(objects: Array<string | Buffer>): Buffer {
  const chunks: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let at = chunks[0]?.length ?? 0;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(at);
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), Buffer.from(body), Buffer.from('\nendobj\n')]);
    chunks.push(obj);
    at += obj.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  chunks.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`));
  return Buffer.concat(chunks);
}

const SAYS = 'Contributions are due by 12 May 2027';
const CONTENT = Buffer.from(`BT /F1 12 Tf 72 720 Td (${SAYS}) Tj ET`);
const CATALOG = '<< /Type /Catalog /Pages 2 0 R >>';
const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
const PAGE = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> /XObject << /X 6 0 R >> >> /Contents 5 0 R >>';
const stream = (dict: string, data: Buffer, length: string = String(data.length)) => Buffer.concat([Buffer.from(`<< ${dict} /Length ${length} >>\nstream\n`), data, Buffer.from('\nendstream')]);
/** Catalog, pages, one page, font, its content: the pieces each hostile PDF bends. */
const onePage = (pages = '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', content: string | Buffer = stream('', CONTENT), extra: Array<string | Buffer> = []) => pdf([CATALOG, pages, PAGE, FONT, content, ...extra]);

type Want = { text: RegExp; problems?: ErrorCode[] } | { error: ErrorCode };

const PDFS: Array<[string, () => Buffer, Want]> = [
  ['an ordinary page (the control)', () => onePage(), { text: new RegExp(SAYS) }],
  ['a page tree that lists itself among its kids, claiming a billion pages', () => onePage('<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 1000000000 >>'), { error: 'E_BAD_DOCUMENT' }],
  ['two page-tree nodes that are each other’s kid', () => onePage('<< /Type /Pages /Kids [7 0 R] /Count 5 >>', undefined, ['<< >>', '<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 3 0 R] /Count 5 >>']), { error: 'E_BAD_DOCUMENT' }],
  ['a stream whose /Length refers to itself', () => onePage(undefined, stream('', CONTENT, '5 0 R')), { text: new RegExp(SAYS) }],
  ['a stream declaring a length of 100 GB', () => onePage(undefined, stream('', CONTENT, '99999999999')), { text: new RegExp(SAYS) }],
  ['a stream that never ends (no endstream, no xref, 5 MB of filler)', () => Buffer.concat([onePage().subarray(0, onePage().indexOf('endstream')), Buffer.alloc(5_000_000, 0x41)]), { error: 'E_BAD_DOCUMENT' }],
  ['a file cut short in its first stream', () => onePage().subarray(0, onePage().indexOf('Tj')), { error: 'E_BAD_DOCUMENT' }],
  [
    'a form XObject that draws itself',
    () => onePage(undefined, stream('', Buffer.concat([CONTENT, Buffer.from(' /X Do')])), [stream('/Type /XObject /Subtype /Form /BBox [0 0 100 100] /Resources << /XObject << /X 6 0 R >> /Font << /F1 4 0 R >> >>', Buffer.from('BT /F1 12 Tf (again) Tj ET /X Do'))]),
    { text: new RegExp(SAYS) },
  ],
];

describe('PDFs that never end', () => {
  it.each(PDFS)('%s: a clear outcome within 5 s', async (_name, make, want) => {
    const { result, ms } = await outcome(make(), 'circular.pdf');
    expect(ms).toBeLessThan(5_000);
    if ('error' in want) {
      expect(result).toBeInstanceOf(SgbotError);
      expect((result as SgbotError).code).toBe(want.error);
      return;
    }
    if (result instanceof SgbotError) throw result;
    expect(result.parts[0]?.text).toMatch(want.text);
    expect(result.problems.map((p) => p.error.code)).toEqual(want.problems ?? []);
  });

  // 120 KB that list one page 20,000 times: read whole (all pages at once, as unpdf's extractText does) it took 71 s.
  const manyPages = () => onePage(`<< /Type /Pages /Kids [${'3 0 R '.repeat(20_000)}] /Count 20000 >>`);

  it('reads a PDF of 20,000 pages up to the page budget, and says where it stopped', async () => {
    const { result, ms } = await outcome(manyPages(), 'handbook.pdf', { ...DEFAULT_LIMITS, maxPdfPages: 40 });
    expect(ms).toBeLessThan(5_000);
    if (result instanceof SgbotError) throw result;
    expect(result.parts[0]?.text.split('\n').filter((l) => l === SAYS)).toHaveLength(40);
    expect(result.problems.map((p) => [p.name, p.error.code])).toEqual([['handbook.pdf', 'E_TOO_LARGE']]);
    expect(result.problems[0]?.error.message).toBe(
      'handbook.pdf has 20000 pages; only the first 40 were read (more than the 40 pages read per PDF). Split it into smaller PDFs to have the rest read.',
    );
  });

  it('stops reading at the time budget when pages are slow, keeping what was read', async () => {
    const { result, ms } = await outcome(manyPages(), 'handbook.pdf', { ...DEFAULT_LIMITS, maxPdfMs: 300 });
    expect(ms).toBeLessThan(3_000);
    if (result instanceof SgbotError) throw result;
    expect(result.parts[0]?.text).toContain(SAYS);
    expect(result.problems[0]?.error.code).toBe('E_TOO_LARGE');
    expect(result.problems[0]?.error.message).toMatch(/^handbook\.pdf has 20000 pages; only the first \d+ were read \(reading it took more than 0\.3 s\)/);
  });

  it('has finite budgets by default', () => {
    expect(DEFAULT_PDF_MAX_PAGES).toBeGreaterThanOrEqual(500);
    expect(DEFAULT_PDF_MAX_PAGES).toBeLessThanOrEqual(5_000);
    expect(DEFAULT_PDF_MAX_MS).toBeLessThanOrEqual(60_000);
  });

  it('makes an endless PDF attached to a mail a problem of that attachment, the mail body read', async () => {
    const mail = render({
      headers: [...listHeaders(), ['Content-Type', 'multipart/mixed; boundary="p"']],
      boundary: 'p',
      parts: [textPart('The handbook is attached.', 'utf-8', '8bit'), attachment('handbook.pdf', 'application/pdf', manyPages())],
    });
    const { result } = await outcome(mail, 'cl.eml', { ...DEFAULT_LIMITS, maxPdfPages: 3 });
    if (result instanceof SgbotError) throw result;
    expect(result.parts.map((p) => p.name)).toEqual(['cl.eml (body)', 'cl.eml#1 (handbook.pdf)']);
    expect(result.problems.map((p) => [p.name, p.error.code])).toEqual([['cl.eml#1 (handbook.pdf)', 'E_TOO_LARGE']]);
  });
});

const CONTENT_TYPES =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const PARA = '<w:p><w:r><w:t>Contributions are due by 12 May 2027</w:t></w:r></w:p>';

/** A .docx of this document.xml, with 30 KB of incompressible media so that the expansion budget does not refuse it first. */
function docx(documentXml: string): Buffer {
  return makeZip([
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
    { name: '_rels/.rels', data: Buffer.from(RELS) },
    { name: 'word/document.xml', data: Buffer.from(documentXml) },
    { name: 'word/media/image1.bin', data: randomBytes(30_000) },
  ]);
}
const body = (inner: string) => `<?xml version="1.0"?><w:document ${W}><w:body>${inner}</w:body></w:document>`;
const laughs = `<!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('')}]>`;

const DOCXS: Array<[string, () => Buffer, Want]> = [
  ['an ordinary paragraph (the control)', () => docx(body(PARA)), { text: /Contributions are due by 12 May 2027/ }],
  ['a billion laughs (entities nested 9 deep, 10 each)', () => docx(body(PARA).replace('<w:document', `${laughs}<w:document`).replace('2027<', '2027 &lol9;<')), { error: 'E_BAD_DOCUMENT' }],
  ['content controls nested 1,000 deep', () => docx(body(`${'<w:sdt><w:sdtContent>'.repeat(1_000)}${PARA}${'</w:sdtContent></w:sdt>'.repeat(1_000)}`)), { text: /Contributions are due/ }],
  ['content controls nested 22,000 deep', () => docx(body(`${'<w:sdt><w:sdtContent>'.repeat(22_000)}${PARA}${'</w:sdtContent></w:sdt>'.repeat(22_000)}`)), { error: 'E_BAD_DOCUMENT' }],
  ['tables nested 20,000 deep', () => docx(body(`${'<w:tbl><w:tr><w:tc>'.repeat(20_000)}${PARA}${'</w:tc></w:tr></w:tbl>'.repeat(20_000)}`)), { error: 'E_BAD_DOCUMENT' }],
  ['unknown elements nested 90,000 deep', () => docx(body(`${PARA}${'<w:x>'.repeat(90_000)}${'</w:x>'.repeat(90_000)}`)), { error: 'E_BAD_DOCUMENT' }],
  ['elements nested 100,000 deep, packed small (a zip bomb)', () => docx(body(`${'<w:sdt><w:sdtContent>'.repeat(100_000)}${PARA}${'</w:sdtContent></w:sdt>'.repeat(100_000)}`)), { error: 'E_TOO_LARGE' }],
];

describe('.docx files whose XML never ends', () => {
  it.each(DOCXS)('%s: a clear outcome within 5 s', async (_name, make, want) => {
    const { result, ms } = await outcome(make(), 'annex.docx');
    expect(ms).toBeLessThan(5_000);
    if ('error' in want) {
      expect(result, result instanceof SgbotError ? result.message : 'read').toBeInstanceOf(SgbotError);
      expect((result as SgbotError).code).toBe(want.error);
      return;
    }
    if (result instanceof SgbotError) throw result;
    expect(result.parts[0]?.text).toMatch(want.text);
  });
});
