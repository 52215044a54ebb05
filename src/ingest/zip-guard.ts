/**
 * Zip bomb guard for .docx files: reads the zip central directory and checks every entry's sizes BEFORE the
 * archive is handed to mammoth (whose jszip inflates whole entries into memory). The guard inflates every entry to
 * check its real size, so it hands on what it inflated ({@link unpackSafeDocx}): mammoth reads it without inflating
 * anything a second time.
 */

import { inflateRawSync } from 'node:zlib';
import { SgbotError } from '../core/errors.ts';
import { formatBytes } from './formats.ts';
import type { ExtractLimits } from './types.ts';

/** One file inside a zip archive, as the central directory describes it. */
export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflated. */
  method: number;
  encrypted: boolean;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  /** CRC-32 of the entry's bytes, as the directory gives it. */
  crc32: number;
  /** General purpose flags (bit 11: the name is UTF-8). */
  flags: number;
  /** The name as written in the directory. */
  nameBytes: Buffer;
}

/** An entry smaller than this is never refused for its ratio alone (tiny XML parts compress very well). */
const RATIO_FREE_BYTES = 1024 * 1024;

/**
 * Refuses a .docx that would expand too much: the total uncompressed size may not exceed
 * `limits.maxDocxExpansion` times the file size nor 4 × `limits.maxFileBytes`, and no entry over 1 MiB may
 * expand more than `maxDocxExpansion` times. Each deflated entry is then inflated with a cap at its declared
 * size, so that an archive lying about its sizes is refused too.
 *
 * @throws SgbotError E_TOO_LARGE for a zip bomb, E_BAD_DOCUMENT for a damaged zip or one that is not a Word file.
 * @example assertSafeDocx(await readFile('letter.docx'), 'letter.docx', DEFAULT_LIMITS)
 */
export function assertSafeDocx(buf: Buffer, name: string, limits: ExtractLimits): void {
  unpackSafeDocx(buf, name, limits);
}

/**
 * {@link assertSafeDocx}, then the same archive with every entry stored as inflated by the check (no compression),
 * for mammoth to read without inflating it again. The original bytes when such an archive would need zip64.
 *
 * @throws SgbotError as {@link assertSafeDocx}.
 */
export function unpackSafeDocx(buf: Buffer, name: string, limits: ExtractLimits): Buffer {
  const entries = readCentralDirectory(buf, name);
  if (!entries.some((e) => e.name.startsWith('word/'))) {
    throw new SgbotError(
      'E_BAD_DOCUMENT',
      `${name} is a zip archive but not a Word document (it may be an Excel or PowerPoint file, or another ` +
        'archive, saved with a .docx name). Open it in the program that made it and save it as .docx or PDF.',
    );
  }
  const budget = Math.min(buf.length * limits.maxDocxExpansion, 4 * limits.maxFileBytes);
  let total = 0;
  for (const entry of entries) {
    if (entry.encrypted) throw invalidDocx(name, 'it contains encrypted parts');
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
    if (entry.uncompressedSize > RATIO_FREE_BYTES && ratio > limits.maxDocxExpansion) {
      const sizes = `${formatBytes(entry.compressedSize)} to ${formatBytes(entry.uncompressedSize)}`;
      const allowed = `at most ${limits.maxDocxExpansion} times is allowed`;
      throw zipBomb(name, `its part ${entry.name} expands from ${sizes} (${allowed})`);
    }
    total += entry.uncompressedSize;
  }
  if (total > budget) {
    const ceiling = formatBytes(4 * limits.maxFileBytes);
    throw zipBomb(
      name,
      `it expands from ${formatBytes(buf.length)} to ${formatBytes(total)}, more than the ${formatBytes(budget)} ` +
        `allowed (${limits.maxDocxExpansion} times its size, and never more than ${ceiling})`,
    );
  }
  return storeInflated(buf, name, entries);
}

/**
 * Checks the real size of every entry ({@link checkRealSize}) and writes what it inflated into a zip of the same
 * entries stored uncompressed — names, flags (bar the data descriptor bit) and CRCs as in the original — one entry
 * at a time into one buffer of the declared sizes (an entry cannot inflate past its declared size). Returns `buf`
 * itself when that zip would need zip64 (over 4 GiB or 65,535 entries), which the guard's budgets rule out.
 */
function storeInflated(buf: Buffer, name: string, entries: readonly ZipEntry[]): Buffer {
  let bound = 22;
  for (const e of entries) bound += 30 + 46 + 2 * e.nameBytes.length + (e.method === 0 ? e.compressedSize : Math.max(e.uncompressedSize, 1));
  if (bound > 0xffffffff || entries.length >= 0xffff) {
    for (const entry of entries) checkRealSize(buf, name, entry);
    return buf;
  }
  const out = Buffer.allocUnsafe(bound);
  const stored: Array<{ entry: ZipEntry; offset: number; size: number }> = [];
  let at = 0;
  for (const e of entries) {
    const data = checkRealSize(buf, name, e);
    stored.push({ entry: e, offset: at, size: data.length });
    localHeader(out, at, e, data.length);
    at += 30 + e.nameBytes.length;
    data.copy(out, at);
    at += data.length;
  }
  const directory = at;
  for (const { entry: e, offset, size } of stored) {
    out.fill(0, at, at + 46);
    out.writeUInt32LE(0x02014b50, at);
    out.writeUInt16LE(20, at + 4);
    out.writeUInt16LE(10, at + 6);
    out.writeUInt16LE(e.flags & 0x0800, at + 8);
    out.writeUInt32LE(e.crc32, at + 16);
    out.writeUInt32LE(size, at + 20);
    out.writeUInt32LE(size, at + 24);
    out.writeUInt16LE(e.nameBytes.length, at + 28);
    out.writeUInt32LE(offset, at + 42);
    e.nameBytes.copy(out, at + 46);
    at += 46 + e.nameBytes.length;
  }
  out.fill(0, at, at + 22);
  out.writeUInt32LE(0x06054b50, at);
  out.writeUInt16LE(entries.length, at + 8);
  out.writeUInt16LE(entries.length, at + 10);
  out.writeUInt32LE(at - directory, at + 12);
  out.writeUInt32LE(directory, at + 16);
  return out.subarray(0, at + 22);
}

/** The local header of a stored entry of `size` bytes at `at`. */
function localHeader(out: Buffer, at: number, e: ZipEntry, size: number): void {
  out.fill(0, at, at + 30);
  out.writeUInt32LE(0x04034b50, at);
  out.writeUInt16LE(10, at + 4);
  out.writeUInt16LE(e.flags & 0x0800, at + 6);
  out.writeUInt32LE(e.crc32, at + 14);
  out.writeUInt32LE(size, at + 18);
  out.writeUInt32LE(size, at + 22);
  out.writeUInt16LE(e.nameBytes.length, at + 26);
  e.nameBytes.copy(out, at + 30);
}

/**
 * Lists the entries of a zip archive from its central directory (zip64 included), without inflating anything.
 *
 * @throws SgbotError E_BAD_DOCUMENT when the archive structure is damaged.
 */
export function readCentralDirectory(buf: Buffer, name: string): ZipEntry[] {
  const eocd = findEndOfCentralDirectory(buf);
  if (eocd < 0) throw invalidDocx(name, 'its zip directory is missing');
  let count = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);
  const locator = eocd - 20;
  if ((count === 0xffff || offset === 0xffffffff) && locator >= 0 && buf.readUInt32LE(locator) === 0x07064b50) {
    const eocd64 = safeNumber(buf.readBigUInt64LE(locator + 8));
    if (eocd64 + 56 > buf.length || buf.readUInt32LE(eocd64) !== 0x06064b50) throw invalidDocx(name, 'bad zip64');
    count = safeNumber(buf.readBigUInt64LE(eocd64 + 32));
    offset = safeNumber(buf.readBigUInt64LE(eocd64 + 48));
  }
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i += 1) {
    if (offset + 46 > buf.length || buf.readUInt32LE(offset) !== 0x02014b50) {
      throw invalidDocx(name, 'its zip directory is damaged');
    }
    const nameLength = buf.readUInt16LE(offset + 28);
    const extraLength = buf.readUInt16LE(offset + 30);
    const commentLength = buf.readUInt16LE(offset + 32);
    const entry: ZipEntry = {
      name: buf.toString('utf8', offset + 46, offset + 46 + nameLength),
      method: buf.readUInt16LE(offset + 10),
      encrypted: (buf.readUInt16LE(offset + 8) & 1) === 1,
      compressedSize: buf.readUInt32LE(offset + 20),
      uncompressedSize: buf.readUInt32LE(offset + 24),
      localHeaderOffset: buf.readUInt32LE(offset + 42),
      crc32: buf.readUInt32LE(offset + 16),
      flags: buf.readUInt16LE(offset + 8),
      nameBytes: buf.subarray(offset + 46, offset + 46 + nameLength),
    };
    applyZip64Extra(entry, buf.subarray(offset + 46 + nameLength, offset + 46 + nameLength + extraLength));
    entries.push(entry);
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndOfCentralDirectory(buf: Buffer): number {
  const lowest = Math.max(0, buf.length - 22 - 0xffff);
  for (let at = buf.length - 22; at >= lowest; at -= 1) {
    if (buf.readUInt32LE(at) === 0x06054b50) return at;
  }
  return -1;
}

/** Sizes and offset that do not fit 32 bits are 0xFFFFFFFF in the directory and follow in extra field 0x0001. */
function applyZip64Extra(entry: ZipEntry, extra: Buffer): void {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const size = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      const next = (): number => {
        if (field + 8 > at + 4 + size || field + 8 > extra.length) return 0xffffffff;
        const value = safeNumber(extra.readBigUInt64LE(field));
        field += 8;
        return value;
      };
      if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next();
      return;
    }
    at += 4 + size;
  }
}

/** The bytes of `entry`, inflated within its declared size. */
function checkRealSize(buf: Buffer, name: string, entry: ZipEntry): Buffer {
  const header = entry.localHeaderOffset;
  if (header + 30 > buf.length || buf.readUInt32LE(header) !== 0x04034b50) {
    throw invalidDocx(name, `the part ${entry.name} is missing`);
  }
  const start = header + 30 + buf.readUInt16LE(header + 26) + buf.readUInt16LE(header + 28);
  const data = buf.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) throw invalidDocx(name, `the part ${entry.name} is cut short`);
  if (entry.method === 0) return data;
  if (entry.method !== 8) throw invalidDocx(name, `the part ${entry.name} uses an unknown compression`);
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(entry.uncompressedSize, 1) });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      const declared = formatBytes(entry.uncompressedSize);
      const detail = `its part ${entry.name} expands to more than the ${declared} its zip directory declares`;
      throw zipBomb(name, detail, err);
    }
    throw invalidDocx(name, `the part ${entry.name} is damaged`, err);
  }
}

function safeNumber(value: bigint): number {
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
}

function zipBomb(name: string, detail: string, cause?: unknown): SgbotError {
  return new SgbotError(
    'E_TOO_LARGE',
    `${name} looks like a zip bomb: ${detail}. If the document is genuine, save it again from Word or convert it ` +
      'to PDF; otherwise delete it.',
    { cause },
  );
}

/** E_BAD_DOCUMENT for a file that is not a readable .docx. */
export function invalidDocx(name: string, detail: string, cause?: unknown): SgbotError {
  return new SgbotError(
    'E_BAD_DOCUMENT',
    `${name} is not a valid .docx (it may be damaged or a different format saved with a .docx name: ${detail}); ` +
      're-save it from Word.',
    { cause },
  );
}
