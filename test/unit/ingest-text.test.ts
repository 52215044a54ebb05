import { randomBytes } from 'node:crypto';
import { mkdir, truncate } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { extractBuffer, extractFile } from '../../src/ingest/extract.ts';
import { DEFAULT_LIMITS, type ExtractLimits } from '../../src/ingest/types.ts';
import { makeDoc } from '../support/mail-corpus.ts';
import { failure, makePdf, useTmpDir } from './ingest-builders.ts';

describe('extractFile on text files', () => {
  const tmp = useTmpDir();

  it('decodes UTF-8, strips the BOM, turns CRLF into LF and keeps non-breaking spaces', async () => {
    const path = await tmp.write('letter.txt', '\ufeffDear colleagues,\r\nThe meeting opens at 09:30\u00a0hours.\r\n');
    const { parts, problems } = await extractFile(path);
    expect(problems).toEqual([]);
    expect(parts).toEqual([
      {
        name: 'letter.txt',
        text: 'Dear colleagues,\nThe meeting opens at 09:30\u00a0hours.\n',
        origin: { path, format: 'txt', messageId: null, attachment: null, subject: null, from: null, date: null },
      },
    ]);
  });

  it('reads UTF-16 with a BOM and falls back to Windows-1252 for bytes that are not UTF-8', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Genève, 3 mars\r\n', 'utf16le')]);
    const legacy = Buffer.from([0x47, 0x65, 0x6e, 0xe8, 0x76, 0x65, 0x20, 0x96, 0x20, 0x53, 0x47, 0x32, 0x30]);
    const [a, b] = await Promise.all([
      extractFile(await tmp.write('unicode.txt', utf16)),
      extractFile(await tmp.write('legacy.text', legacy)),
    ]);
    expect(a.parts[0]?.text).toBe('Genève, 3 mars\n');
    expect(b.parts[0]?.text).toBe('Genève – SG20');
  });

  it('refuses an empty file with E_BAD_DOCUMENT', async () => {
    const err = await failure(extractFile(await tmp.write('empty.txt', '')));
    expect(err.code).toBe('E_BAD_DOCUMENT');
    expect(err.message).toMatch(/empty\.txt is empty/);
  });

  it('refuses a file of white space only with E_BAD_DOCUMENT', async () => {
    const err = await failure(extractFile(await tmp.write('blank.txt', ' \r\n\t\r\n')));
    expect(err.code).toBe('E_BAD_DOCUMENT');
    expect(err.message).toMatch(/contains no text/);
  });

  it('refuses random bytes named .txt as binary data', async () => {
    const err = await failure(extractFile(await tmp.write('notes.txt', randomBytes(4096))));
    expect(err.code).toBe('E_BAD_DOCUMENT');
    expect(err.message).toMatch(/looks like binary data, not text/);
  });

  it('refuses a 51 MiB file with E_TOO_LARGE from its size alone', async () => {
    const path = await tmp.write('huge.txt', '');
    await truncate(path, 51 * 1024 * 1024); // sparse: no data blocks are written
    const err = await failure(extractFile(path));
    expect(err.code).toBe('E_TOO_LARGE');
    expect(err.message).toBe(
      'huge.txt is 51.0 MiB, more than the limit of 50.0 MiB per file. ' +
        'Split it into smaller files, or raise the limit (SGBOT_MAX_FILE_MB, in MB) if such files are expected.',
    );
  });

  it('checks the size before reading: a 3 GiB file, which Node cannot read whole, is E_TOO_LARGE', async () => {
    // Were the file read first, fs.readFile would fail with ERR_FS_FILE_TOO_LARGE (reported as E_FILE).
    const path = await tmp.write('archive.txt', '');
    await truncate(path, 3 * 1024 * 1024 * 1024);
    const err = await failure(extractFile(path));
    expect(err.code).toBe('E_TOO_LARGE');
    expect(err.message).toMatch(/^archive\.txt is 3\.0 GiB, more than the limit of 50\.0 MiB per file/);
  });

  it('refuses a text larger than maxPartBytes with E_TOO_LARGE', async () => {
    const limits: ExtractLimits = { ...DEFAULT_LIMITS, maxPartBytes: 1000 };
    const err = await failure(extractFile(await tmp.write('long.txt', 'deadline '.repeat(200)), limits));
    expect(err.code).toBe('E_TOO_LARGE');
    expect(err.message).toMatch(/long\.txt holds 1\.8 KiB of text, more than the limit of 1000 bytes/);
  });

  it('refuses an unknown extension with E_UNSUPPORTED listing the supported ones', async () => {
    const err = await failure(extractFile(await tmp.write('agenda.xyz', 'Agenda')));
    expect(err.code).toBe('E_UNSUPPORTED');
    for (const ext of ['.txt', '.text', '.eml', '.mbox', '.docx', '.doc', '.pdf', '.html', '.htm']) {
      expect(err.message).toContain(ext);
    }
  });

  it('tells how to convert a file in an office format that is not read', async () => {
    const err = await failure(extractFile(await tmp.write('slides.pptx', 'x')));
    expect(err.code).toBe('E_UNSUPPORTED');
    expect(err.message).toMatch(/slides\.pptx: \.pptx files are not read\. Open it and save it as \.docx or PDF/);
  });

  it('refuses a .doc that is not an OLE file with E_BAD_DOCUMENT', async () => {
    const err = await failure(extractFile(await tmp.write('old letter.doc', 'Dear colleagues')));
    expect(err.code).toBe('E_BAD_DOCUMENT');
    expect(err.message).toMatch(/^old letter\.doc is not a valid Word 97-2003 \(\.doc\) document \(.*OLE header is missing\)/);
  });

  it('refuses a missing path and a folder with E_FILE', async () => {
    const missing = await failure(extractFile(tmp.path('nope.txt')));
    expect(missing.code).toBe('E_FILE');
    expect(missing.message).toMatch(/nope\.txt does not exist/);
    await mkdir(tmp.path('inbox.txt'));
    const folder = await failure(extractFile(tmp.path('inbox.txt')));
    expect(folder.code).toBe('E_FILE');
    expect(folder.message).toMatch(/inbox\.txt is a folder/);
  });

  it('reads a PDF saved with a .txt name as a PDF', async () => {
    const path = await tmp.write('circular.txt', await makePdf(['TSB Circular 106']));
    const { parts } = await extractFile(path);
    expect(parts[0]?.origin.format).toBe('pdf');
    expect(parts[0]?.text).toContain('TSB Circular 106');
  });

  it('reads an OLE file saved as .docx as a .doc, and refuses a damaged one with E_BAD_DOCUMENT', async () => {
    const { parts } = await extractFile(await tmp.write('report.docx', makeDoc(['Report of the meeting'])));
    expect(parts.map((p) => [p.origin.format, p.text])).toEqual([['doc', 'Report of the meeting\n']]);
    const ole = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), randomBytes(512)]);
    const err = await failure(extractFile(await tmp.write('broken.docx', ole)));
    expect(err.code).toBe('E_BAD_DOCUMENT');
    expect(err.message).toMatch(/^broken\.docx is not a valid Word 97-2003 \(\.doc\) document/);
  });
});

describe('extractFile on HTML', () => {
  const tmp = useTmpDir();

  it('converts an .html page to text, one table row per line, headings as written', async () => {
    const html =
      '<html><head><style>td{color:red}</style></head><body><h2>Key deadlines</h2>' +
      '<table><tr><td>12 May 2026</td><td>Written contributions</td></tr>' +
      '<tr><td>26 May 2026</td><td>Registration</td></tr></table>' +
      '<p>Contact: <a href="mailto:tsbsg20@itu.int">tsbsg20@itu.int</a></p></body></html>';
    const { parts } = await extractFile(await tmp.write('page.htm', html));
    const text = parts[0]?.text ?? '';
    expect(parts[0]?.origin.format).toBe('html');
    expect(text).toMatch(/^Key deadlines$/m);
    expect(text).toMatch(/^12 May 2026 +Written contributions$/m);
    expect(text).toMatch(/^26 May 2026 +Registration$/m);
    expect(text).toContain('Contact: tsbsg20@itu.int');
    expect(text).not.toContain('color:red');
  });
});

describe('extractBuffer', () => {
  it('keeps the origin fields it is given and takes the format from the hint when the name has none', async () => {
    const origin = {
      path: '/in/mail.eml',
      messageId: '<m@x>',
      attachment: 'notes',
      subject: 'Q11/20',
      from: 'rapporteur@example.org',
      date: null,
    };
    const { parts } = await extractBuffer(Buffer.from('Q11/20 meets on 4 May.'), {
      filename: 'notes',
      format: 'txt',
      name: 'mail.eml#1 (notes)',
      origin,
    });
    expect(parts).toEqual([
      { name: 'mail.eml#1 (notes)', text: 'Q11/20 meets on 4 May.', origin: { ...origin, format: 'txt' } },
    ]);
  });

  it('refuses a buffer larger than maxFileBytes before decoding it', async () => {
    const err = await failure(
      extractBuffer(Buffer.alloc(2048, 0x41), { filename: 'a.txt' }, { ...DEFAULT_LIMITS, maxFileBytes: 1024 }),
    );
    expect(err.code).toBe('E_TOO_LARGE');
    expect(err.message).toMatch(/a\.txt is 2\.0 KiB, more than the limit of 1\.0 KiB per file/);
  });
});
