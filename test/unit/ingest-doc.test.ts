import { describe, expect, it } from 'vitest';
import { SgbotError } from '../../src/core/errors.ts';
import { extractBuffer, extractFile } from '../../src/ingest/extract.ts';
import { DEFAULT_LIMITS } from '../../src/ingest/types.ts';
import { makeDoc, makeOle } from '../support/mail-corpus.ts';
import { failure, useTmpDir } from './ingest-builders.ts';

// Layout of makeDoc's file: header, FAT (sector 0, at byte 512), directory (sector 1, at 1024), WordDocument from
// sector 2 (byte 1536, 8 sectors for a short text), then 1Table.
const FAT = 512;
const DIRECTORY = 1024;
const WORD_DOCUMENT = 1536;

const LETTER = ['Liaison statement on identifiers for the Internet of Things', '“Reply requested by 30 April 2026” – Genève', 'Questions: Q11/20, Q4/17'];

describe('extractFile on .doc', () => {
  const tmp = useTmpDir();

  it('extracts the paragraphs of a Word 97-2003 document, curly quotes and accents kept', async () => {
    const path = await tmp.write('LS-IoT.doc', makeDoc(LETTER));
    const { parts, problems } = await extractFile(path);
    expect(problems).toEqual([]);
    expect(parts).toEqual([
      {
        name: 'LS-IoT.doc',
        text: `${LETTER.join('\n')}\n`,
        origin: { path, format: 'doc', messageId: null, attachment: null, subject: null, from: null, date: null },
      },
    ]);
  });

  it('refuses a .doc over maxFileBytes before reading it', async () => {
    const err = await failure(extractFile(await tmp.write('big.doc', makeDoc(LETTER)), { ...DEFAULT_LIMITS, maxFileBytes: 4096 }));
    expect(err.code).toBe('E_TOO_LARGE');
    expect(err.message).toMatch(/^big\.doc is 9\.\d KiB, more than the limit of 4\.0 KiB per file/);
  });

  it.each([
    ['a sector chain that loops', (b: Buffer) => b.writeInt32LE(2, FAT + 4 * 9), /the stream WordDocument loops back on itself/],
    ['a directory that loops', (b: Buffer) => b.writeInt32LE(1, DIRECTORY + 2 * 128 + 72), /its directory loops back on itself/],
    ['a stream starting outside the file', (b: Buffer) => b.writeInt32LE(100_000, DIRECTORY + 128 + 116), /the stream WordDocument points outside the file/],
    ['an impossible allocation table size', (b: Buffer) => b.writeInt32LE(0x7fffffff, 0x2c), /its allocation table size is impossible/],
    ['no Word header', (b: Buffer) => b.writeUInt16LE(0x1234, WORD_DOCUMENT), /its Word header is missing/],
  ])('refuses %s with E_BAD_DOCUMENT, before word-extractor walks it', async (_what, damage, reason) => {
    const doc = makeDoc(LETTER);
    damage(doc);
    const err = await failure(extractFile(await tmp.write('damaged.doc', doc)));
    expect(err.code).toBe('E_BAD_DOCUMENT');
    expect(err.message).toMatch(/^damaged\.doc is not a valid Word 97-2003 \(\.doc\) document \(it may be damaged or cut short: /);
    expect(err.message).toMatch(reason);
  });

  it('refuses a .doc cut in half', async () => {
    const doc = makeDoc(LETTER);
    const err = await failure(extractFile(await tmp.write('cut.doc', doc.subarray(0, doc.length >> 1))));
    expect(err.code).toBe('E_BAD_DOCUMENT');
    expect(err.message).toMatch(/cut\.doc is not a valid Word 97-2003/);
  });

  it('says when a Word document, or a .docx in its OLE wrapper, is protected by a password', async () => {
    const encrypted = makeDoc(LETTER);
    encrypted.writeUInt16LE(encrypted.readUInt16LE(WORD_DOCUMENT + 0x0a) | 0x0100, WORD_DOCUMENT + 0x0a);
    const wrapped = makeOle([
      { name: 'EncryptionInfo', data: Buffer.alloc(4096) },
      { name: 'EncryptedPackage', data: Buffer.alloc(4096) },
    ]);
    for (const [name, bytes] of [['secret.doc', encrypted], ['secret.docx', wrapped]] as const) {
      const err = await failure(extractFile(await tmp.write(name, bytes)));
      expect(err.code).toBe('E_BAD_DOCUMENT');
      expect(err.message).toBe(
        `${name} is protected by a password, so its text cannot be read. Ask the sender for an unprotected copy, ` +
          'or open it and save it again without a password.',
      );
    }
  });

  it('refuses an Excel 97-2003 file and a Word 95 file named .doc with E_UNSUPPORTED', async () => {
    const excel = await failure(extractFile(await tmp.write('budget.doc', makeOle([{ name: 'Workbook', data: Buffer.alloc(4096) }]))));
    expect(excel.code).toBe('E_UNSUPPORTED');
    expect(excel.message).toMatch(/^budget\.doc is an Excel 97-2003 workbook, which is not read\. Save the document as \.docx or PDF/);
    const word95 = makeDoc(LETTER);
    word95.writeUInt16LE(0x65, WORD_DOCUMENT + 2);
    const old = await failure(extractFile(await tmp.write('old.doc', word95)));
    expect(old.code).toBe('E_UNSUPPORTED');
    expect(old.message).toMatch(/old\.doc is a Word 6\.0\/95 document/);
  });

  it('never fails with anything but an SgbotError on 300 randomly damaged documents', async () => {
    // A fixed xorshift sequence: the same damage on every run.
    let seed = 0x2545f491;
    const random = (n: number): number => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return (seed >>> 0) % n;
    };
    const original = makeDoc(LETTER);
    const outcomes = { read: 0, refused: 0 };
    for (let i = 0; i < 300; i += 1) {
      const doc = Buffer.from(original);
      // Header, FAT, directory and the Word header: where the structure is.
      for (let k = 0; k < 6; k += 1) doc[random(WORD_DOCUMENT + 0x200)] = random(256);
      try {
        await extractBuffer(doc, { filename: `fuzz-${i}.doc` });
        outcomes.read += 1;
      } catch (err) {
        expect(err).toBeInstanceOf(SgbotError);
        outcomes.refused += 1;
      }
    }
    expect(outcomes.read + outcomes.refused).toBe(300);
    expect(outcomes.refused).toBeGreaterThan(0);
  });
});
