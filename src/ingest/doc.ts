/**
 * Word 97-2003 (.doc) to text with word-extractor, after a guard that checks the OLE compound file structure
 * (sector chains, directory tree) BEFORE word-extractor walks it: word-extractor follows sector chains without
 * checking for loops or bounds, so a crafted file could make it loop forever or fail outside its promise chain.
 */

import { createRequire } from 'node:module';
import { SgbotError } from '../core/errors.ts';
import { normaliseLineEnds } from './text.ts';

interface WordDocument {
  getBody(options?: { filterUnicode?: boolean }): string;
  getFootnotes(options?: { filterUnicode?: boolean }): string;
  getEndnotes(options?: { filterUnicode?: boolean }): string;
}
type WordExtractorClass = new () => { extract(source: Buffer): Promise<WordDocument> };

// word-extractor is CommonJS without type declarations.
const WordExtractor = createRequire(import.meta.url)('word-extractor') as WordExtractorClass;

const SIGNATURE = Buffer.from('d0cf11e0a1b11ae1', 'hex');
const WORD_MAGIC = 0xa5ec;
/** nFib of Word 97, the oldest version word-extractor reads (Word 6 and 95 files have 101 to 105). */
const NFIB_WORD97 = 0xc1;
const F_ENCRYPTED = 0x0100;
const F_WHICH_TABLE = 0x0200;

/** One entry of an OLE directory: a storage (folder), a stream (file) or the root. */
export interface OleEntry {
  name: string;
  /** 1 storage, 2 stream, 5 root. */
  type: number;
  start: number;
  size: number;
}

/** A checked OLE compound file: its root's entries, and a reader of their bytes. */
export interface OleFile {
  /** Entries directly under the root, by name. */
  root: Map<string, OleEntry>;
  /** The bytes of a stream (at most `maxBytes`). */
  read(entry: OleEntry, maxBytes?: number): Buffer;
}

/**
 * The text of a Word 97-2003 document: paragraphs one per line, table cells separated by tabs, then footnotes and
 * endnotes. Curly quotes and dashes are kept as written.
 *
 * @throws SgbotError E_BAD_DOCUMENT for a damaged file or a password-protected one, E_UNSUPPORTED for an OLE file
 *   that is not a Word 97-2003 document (an Excel or PowerPoint file, a Word 6/95 file).
 * @example await extractDocText(await readFile('report.doc'), 'report.doc')
 */
export async function extractDocText(buf: Buffer, name: string): Promise<string> {
  try {
    assertWordDocument(readOle(buf, name), name);
  } catch (err) {
    if (err instanceof SgbotError) throw err;
    throw invalidDoc(name, 'its structure is inconsistent', err);
  }
  let doc: WordDocument;
  try {
    doc = await new WordExtractor().extract(buf);
  } catch (err) {
    throw invalidDoc(name, 'its text tables cannot be read', err);
  }
  const body = doc.getBody({ filterUnicode: false });
  const notes = [doc.getFootnotes({ filterUnicode: false }), doc.getEndnotes({ filterUnicode: false })];
  const text = [body, ...notes.filter((n) => n.trim() !== '')].join('\n\n');
  return normaliseLineEnds(text);
}

function assertWordDocument(ole: OleFile, name: string): void {
  if (ole.root.has('EncryptedPackage') || ole.root.has('EncryptionInfo')) throw passwordProtected(name);
  const word = ole.root.get('WordDocument');
  if (word === undefined || word.type !== 2) {
    const what = ole.root.has('Workbook') || ole.root.has('Book')
      ? 'an Excel 97-2003 workbook'
      : ole.root.has('PowerPoint Document')
        ? 'a PowerPoint 97-2003 presentation'
        : 'an Office file that is not a Word document';
    throw new SgbotError(
      'E_UNSUPPORTED',
      `${name} is ${what}, which is not read. Save the document as .docx or PDF, then try again.`,
    );
  }
  const fib = ole.read(word, 0x1aa);
  if (fib.length < 0x1aa || fib.readUInt16LE(0) !== WORD_MAGIC) throw invalidDoc(name, 'its Word header is missing');
  const flags = fib.readUInt16LE(0x0a);
  if ((flags & F_ENCRYPTED) !== 0) throw passwordProtected(name);
  if (fib.readUInt16LE(2) < NFIB_WORD97) {
    throw new SgbotError(
      'E_UNSUPPORTED',
      `${name} is a Word 6.0/95 document, which is not read. Open it in Word and save it as .docx, then try again.`,
    );
  }
  const table = ole.root.get((flags & F_WHICH_TABLE) !== 0 ? '1Table' : '0Table');
  if (table === undefined || table.type !== 2) throw invalidDoc(name, 'its table stream is missing');
}

/**
 * Reads and checks the structure of an OLE compound file (MS-CFB): header, sector allocation tables, directory
 * tree, and the sector chains of the root's streams (no loop, no sector outside the file, no shared directory
 * entry). Everything word-extractor walks is checked, so that it meets no loop and reads nothing out of bounds.
 *
 * @throws SgbotError E_BAD_DOCUMENT naming what is damaged.
 */
export function readOle(buf: Buffer, name: string): OleFile {
  if (buf.length < 512 || !buf.subarray(0, 8).equals(SIGNATURE)) throw invalidDoc(name, 'its OLE header is missing');
  const shift = buf.readUInt16LE(0x1e);
  if ((shift !== 9 && shift !== 12) || buf.readUInt16LE(0x20) !== 6) throw invalidDoc(name, 'its sector size is wrong');
  const sectorSize = 1 << shift;
  const sectorCount = Math.max(0, Math.ceil((buf.length - sectorSize) / sectorSize));
  const inFile = (id: number): boolean => id >= 0 && id < sectorCount;
  const sector = (id: number): Buffer => {
    const data = buf.subarray((id + 1) * sectorSize, (id + 2) * sectorSize);
    if (data.length === sectorSize) return data;
    // The last sector of a file cut short: the missing bytes read as "free" (0xFF), never out of bounds.
    const padded = Buffer.alloc(sectorSize, 0xff);
    data.copy(padded);
    return padded;
  };
  const damaged = (what: string): SgbotError => invalidDoc(name, what);

  const fatCount = buf.readInt32LE(0x2c);
  const difatCount = buf.readInt32LE(0x48);
  const miniCutoff = buf.readUInt32LE(0x38);
  if (fatCount < 0 || fatCount > sectorCount || difatCount < 0 || difatCount > sectorCount) {
    throw damaged('its allocation table size is impossible');
  }
  const fatSectors: number[] = [];
  for (let i = 0; i < Math.min(fatCount, 109); i += 1) fatSectors.push(buf.readInt32LE(0x4c + 4 * i));
  const difatSeen = new Set<number>();
  for (let k = 0, next = buf.readInt32LE(0x44); k < difatCount && fatSectors.length < fatCount; k += 1) {
    if (!inFile(next) || difatSeen.has(next)) throw damaged('its allocation table index is broken');
    difatSeen.add(next);
    const data = sector(next);
    for (let at = 0; at + 8 <= sectorSize && fatSectors.length < fatCount; at += 4) fatSectors.push(data.readInt32LE(at));
    next = data.readInt32LE(sectorSize - 4);
  }
  if (fatSectors.length < fatCount || !fatSectors.every(inFile)) throw damaged('its allocation table is incomplete');
  const fat = readTable(fatSectors.map(sector), sectorSize);

  const chain = (start: number, table: Int32Array, ok: (id: number) => boolean, what: string): number[] => {
    const ids: number[] = [];
    const seen = new Set<number>();
    for (let id = start; id >= 0; id = table[id] ?? -1) {
      if (!ok(id)) throw damaged(`${what} points outside the file`);
      if (seen.has(id)) throw damaged(`${what} loops back on itself`);
      seen.add(id);
      ids.push(id);
    }
    return ids;
  };

  const directory = chain(buf.readInt32LE(0x30), fat, inFile, 'its directory');
  const entries = readEntries(Buffer.concat(directory.map(sector)));
  const rootIndex = entries.findIndex((e) => e.type === 5);
  const root = entries[rootIndex];
  if (root === undefined) throw damaged('its root directory is missing');
  const children = walkTree(entries, rootIndex, damaged);

  const miniStream = chain(root.start, fat, inFile, 'its small-stream area');
  const miniFatChain = chain(buf.readInt32LE(0x3c), fat, inFile, 'its small-sector table');
  if (miniFatChain.length !== buf.readInt32LE(0x40)) throw damaged('its small-sector table has the wrong size');
  const miniFat = readTable(miniFatChain.map(sector), sectorSize);
  const inMini = (id: number): boolean => id >= 0 && Math.floor((id * 64) / sectorSize) < miniStream.length;

  const streamSectors = (entry: OleEntry): { ids: number[]; size: number; read: (id: number) => Buffer } =>
    entry.size < miniCutoff
      ? {
          ids: chain(entry.start, miniFat, inMini, `the stream ${entry.name}`),
          size: 64,
          read: (id) => {
            const offset = id * 64;
            const host = miniStream[Math.floor(offset / sectorSize)] ?? 0;
            return sector(host).subarray(offset % sectorSize, (offset % sectorSize) + 64);
          },
        }
      : { ids: chain(entry.start, fat, inFile, `the stream ${entry.name}`), size: sectorSize, read: sector };

  const rootMap = new Map<string, OleEntry>();
  for (const index of children) {
    const entry = entries[index];
    if (entry === undefined) continue;
    // The streams word-extractor reads: their chains are checked now, before it follows them.
    if (entry.type === 2 && ['WordDocument', '0Table', '1Table'].includes(entry.name)) streamSectors(entry);
    rootMap.set(entry.name, entry);
  }
  return {
    root: rootMap,
    read(entry, maxBytes = Number.MAX_SAFE_INTEGER) {
      const { ids, size, read } = streamSectors(entry);
      const wanted = Math.min(Math.max(entry.size, 0), maxBytes);
      const parts: Buffer[] = [];
      for (let i = 0; i < ids.length && i * size < wanted; i += 1) parts.push(read(ids[i] ?? 0));
      return Buffer.concat(parts).subarray(0, wanted);
    },
  };
}

interface RawEntry extends OleEntry {
  left: number;
  right: number;
  child: number;
}

function readEntries(dir: Buffer): RawEntry[] {
  const entries: RawEntry[] = [];
  for (let at = 0; at + 128 <= dir.length; at += 128) {
    const nameBytes = Math.min(Math.max(dir.readUInt16LE(at + 64) - 2, 0), 62);
    entries.push({
      name: dir.toString('utf16le', at, at + nameBytes),
      type: dir.readInt8(at + 66),
      left: dir.readInt32LE(at + 68),
      right: dir.readInt32LE(at + 72),
      child: dir.readInt32LE(at + 76),
      start: dir.readInt32LE(at + 116),
      size: dir.readInt32LE(at + 120),
    });
  }
  return entries;
}

/**
 * Checks that the directory is a tree (every entry reached at most once, every link inside the directory) and
 * returns the indexes of the root's children.
 */
function walkTree(entries: RawEntry[], rootIndex: number, damaged: (what: string) => SgbotError): number[] {
  const seen = new Set<number>([rootIndex]);
  const linked = (id: number): boolean => id !== -1;
  const childrenOf = (storage: number): number[] => {
    const found: number[] = [];
    const stack = [entries[storage]?.child ?? -1].filter(linked);
    while (stack.length > 0) {
      const id = stack.pop() ?? -1;
      const entry = entries[id];
      if (entry === undefined) throw damaged('its directory points outside itself');
      if (seen.has(id)) throw damaged('its directory loops back on itself');
      seen.add(id);
      found.push(id);
      stack.push(...[entry.left, entry.right].filter(linked));
    }
    return found;
  };
  const top = childrenOf(rootIndex);
  const storages = top.filter((id) => entries[id]?.type === 1);
  while (storages.length > 0) {
    const id = storages.pop() ?? -1;
    storages.push(...childrenOf(id).filter((child) => entries[child]?.type === 1));
  }
  return top;
}

function readTable(sectors: Buffer[], sectorSize: number): Int32Array {
  const table = new Int32Array((sectors.length * sectorSize) / 4);
  sectors.forEach((data, s) => {
    for (let i = 0; i < sectorSize / 4; i += 1) table[s * (sectorSize / 4) + i] = data.readInt32LE(i * 4);
  });
  return table;
}

function passwordProtected(name: string): SgbotError {
  return new SgbotError(
    'E_BAD_DOCUMENT',
    `${name} is protected by a password, so its text cannot be read. Ask the sender for an unprotected copy, or ` +
      'open it and save it again without a password.',
  );
}

/** E_BAD_DOCUMENT for a file that is not a readable .doc. */
export function invalidDoc(name: string, detail: string, cause?: unknown): SgbotError {
  return new SgbotError(
    'E_BAD_DOCUMENT',
    `${name} is not a valid Word 97-2003 (.doc) document (it may be damaged or cut short: ${detail}). ` +
      'Open it in Word and save it again as .docx or PDF.',
    { cause },
  );
}
