import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../src/ingest/extract.ts';
import { readCentralDirectory } from '../../src/ingest/zip-guard.ts';
import { DEFAULT_LIMITS } from '../../src/ingest/types.ts';
import { failure, makeDeadlinesDocx, makeZip, useTmpDir } from './ingest-builders.ts';

const MIB = 1024 * 1024;
const CONTENT_TYPES = { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0"?><Types/>') };

describe('extractFile on .docx', () => {
  const tmp = useTmpDir();

  it('extracts the paragraphs and every table cell of a Word document', async () => {
    const path = await tmp.write('CL-7-20.docx', await makeDeadlinesDocx());
    const { parts, problems } = await extractFile(path);
    expect(problems).toEqual([]);
    expect(parts).toHaveLength(1);
    const [part] = parts;
    expect(part?.name).toBe('CL-7-20.docx');
    expect(part?.origin).toEqual({
      path,
      format: 'docx',
      messageId: null,
      attachment: null,
      subject: null,
      from: null,
      date: null,
    });
    const lines = (part?.text ?? '').split('\n').filter((line) => line.trim() !== '');
    expect(lines).toEqual([
      'Collective letter 7/20: fourth meeting of the study group.',
      '12 May 2026',
      'Deadline for written contributions',
      '26 May 2026',
      'Registration closes',
    ]);
  });

  it('refuses random bytes named .docx with E_BAD_DOCUMENT and says how to fix it', async () => {
    const err = await failure(extractFile(await tmp.write('broken.docx', randomBytes(3000))));
    expect(err.code).toBe('E_BAD_DOCUMENT');
    expect(err.message).toMatch(
      /^broken\.docx is not a valid \.docx \(it may be damaged or a different format saved with a \.docx name.*/,
    );
    expect(err.message).toMatch(/re-save it from Word\.$/);
    expect(err.message).not.toMatch(/undefined|Error:/,
    );
  });

  it('refuses a .docx cut in half with E_BAD_DOCUMENT', async () => {
    const whole = await makeDeadlinesDocx();
    const err = await failure(extractFile(await tmp.write('cut.docx', whole.subarray(0, whole.length >> 1))));
    expect(err.code).toBe('E_BAD_DOCUMENT');
    expect(err.message).toMatch(/cut\.docx is not a valid \.docx/);
  });

  it('refuses a zip that holds no Word document (an Excel file renamed) with E_BAD_DOCUMENT', async () => {
    const xlsx = makeZip([CONTENT_TYPES, { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') }]);
    const err = await failure(extractFile(await tmp.write('budget.docx', xlsx)));
    expect(err.code).toBe('E_BAD_DOCUMENT');
    expect(err.message).toMatch(/budget\.docx is a zip archive but not a Word document/);
  });
});

describe('zip bomb guard', () => {
  const tmp = useTmpDir();

  it('refuses a part declaring a huge expansion, before inflating anything', async () => {
    // 8 MiB of spaces deflate to about 8 KiB: a ratio near 1000, over the default 100.
    const bomb = makeZip([CONTENT_TYPES, { name: 'word/document.xml', data: Buffer.alloc(8 * MIB, 0x20) }]);
    expect(bomb.length).toBeLessThan(64 * 1024);
    const err = await failure(extractFile(await tmp.write('bomb.docx', bomb)));
    expect(err.code).toBe('E_TOO_LARGE');
    expect(err.message).toMatch(/^bomb\.docx looks like a zip bomb: its part word\/document\.xml expands from /);
    expect(err.message).toMatch(/ to 8\.0 MiB \(at most 100 times is allowed\)/);
  });

  it('honours a lower maxDocxExpansion', async () => {
    // A genuine Word file expands about 3.5 times: accepted by default (see above), refused when 2 is the limit.
    const path = await tmp.write('genuine.docx', await makeDeadlinesDocx());
    const err = await failure(extractFile(path, { ...DEFAULT_LIMITS, maxDocxExpansion: 2 }));
    expect(err.code).toBe('E_TOO_LARGE');
    expect(err.message).toMatch(/genuine\.docx looks like a zip bomb: it expands from [\d.]+ KiB to [\d.]+ KiB/);
    expect(err.message).toMatch(/more than the [\d.]+ KiB allowed \(2 times its size/);
  });

  it('refuses many small parts that expand too much together', async () => {
    const parts = Array.from({ length: 20 }, (_, i) => ({
      name: `word/media/part${i}.xml`,
      data: Buffer.alloc(900 * 1024, 0x20),
    }));
    const zip = makeZip([CONTENT_TYPES, ...parts]);
    const err = await failure(extractFile(await tmp.write('many.docx', zip)));
    expect(err.code).toBe('E_TOO_LARGE');
    expect(err.message).toMatch(/many\.docx looks like a zip bomb: it expands from .* to 17\.6 MiB, more than/);
  });

  it('refuses a zip that lies about the size of a part', async () => {
    const liar = makeZip([
      CONTENT_TYPES,
      { name: 'word/document.xml', data: Buffer.alloc(8 * MIB, 0x20), declaredSize: 20_000 },
    ]);
    const declared = readCentralDirectory(liar, 'liar.docx').find((e) => e.name === 'word/document.xml');
    expect(declared?.uncompressedSize).toBe(20_000);
    const err = await failure(extractFile(await tmp.write('liar.docx', liar)));
    expect(err.code).toBe('E_TOO_LARGE');
    expect(err.message).toMatch(/word\/document\.xml expands to more than the 19\.5 KiB its zip directory declares/);
  });
});
