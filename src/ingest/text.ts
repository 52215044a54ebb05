/**
 * Bytes to text for plain-text inputs (.txt, .eml, .html), and the checks every extracted text goes through.
 */

import { SgbotError } from '../core/errors.ts';
import { formatBytes } from './formats.ts';
import type { ExtractLimits } from './types.ts';

const SAMPLE_BYTES = 64 * 1024;

/**
 * Decodes a text file: UTF-8 (BOM stripped), UTF-16 with a BOM (Notepad's "Unicode"), or Windows-1252 when the
 * bytes are not valid UTF-8 (old Windows files). Line ends become LF; everything else is kept.
 *
 * @throws SgbotError E_BAD_DOCUMENT when the file is empty or looks like binary data.
 * @example decodeText(Buffer.from('\ufeffDear colleagues,\r\n'), 'a.txt') // 'Dear colleagues,\n'
 */
export function decodeText(buf: Uint8Array, name: string): string {
  if (buf.length === 0) throw emptyError(name);
  let text: string;
  if (buf[0] === 0xff && buf[1] === 0xfe) {
    text = new TextDecoder('utf-16le').decode(buf.subarray(2));
  } else if (buf[0] === 0xfe && buf[1] === 0xff) {
    text = new TextDecoder('utf-16be').decode(buf.subarray(2));
  } else {
    assertNotBinary(buf, name);
    text = decodeUtf8OrLegacy(buf);
  }
  return normaliseLineEnds(text);
}

/**
 * Refuses bytes that are not text: a NUL byte, or more than 5 % control characters other than tab, line feed,
 * form feed and carriage return, in the first 64 KiB. Real text (any 8-bit or UTF-8 encoding) has neither.
 *
 * @throws SgbotError E_BAD_DOCUMENT "looks like binary data, not text".
 */
export function assertNotBinary(buf: Uint8Array, name: string): void {
  const sample = buf.subarray(0, SAMPLE_BYTES);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) {
      control = sample.length;
      break;
    }
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) || byte === 0x7f) {
      control += 1;
    }
  }
  if (control > sample.length * 0.05) {
    throw new SgbotError(
      'E_BAD_DOCUMENT',
      `${name} looks like binary data, not text. Check that it is the right file; if it is a document in ` +
        'another format, give it its real extension (.docx, .pdf, .eml).',
    );
  }
}

/**
 * `true` when a decoded text is binary data in disguise: more than 5 % control characters
 * (other than tab, line feed, form feed, carriage return) and U+FFFD replacement characters in its first 64 Ki
 * characters. Random bytes decoded as text have about 12 %; real text, stray bytes included, far fewer.
 *
 * @example looksBinary('Dear colleagues,\n') // false
 */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, SAMPLE_BYTES);
  let odd = 0;
  for (let i = 0; i < sample.length; i += 1) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0x7f || c === 0xfffd) odd += 1;
  }
  return odd > sample.length * 0.05;
}

/** CRLF and lone CR become LF. */
export function normaliseLineEnds(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/**
 * Checks an extracted text before it becomes a part.
 *
 * @throws SgbotError E_BAD_DOCUMENT when it holds nothing but white space, E_TOO_LARGE when it is over
 *   `limits.maxPartBytes` UTF-8 bytes.
 */
export function checkPartText(text: string, name: string, limits: ExtractLimits): string {
  if (text.trim() === '') {
    throw new SgbotError(
      'E_BAD_DOCUMENT',
      `${name} contains no text. Check that it is the right file and that its text is not only in pictures.`,
    );
  }
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > limits.maxPartBytes) {
    throw new SgbotError(
      'E_TOO_LARGE',
      `${name} holds ${formatBytes(bytes)} of text, more than the limit of ${formatBytes(limits.maxPartBytes)}. ` +
        'Split the document, or raise the limit if this is expected.',
    );
  }
  return text;
}

/** E_BAD_DOCUMENT for a zero-byte file. */
export function emptyError(name: string): SgbotError {
  return new SgbotError(
    'E_BAD_DOCUMENT',
    `${name} is empty (0 bytes). Check that it was saved or downloaded completely, then try again.`,
  );
}

function decodeUtf8OrLegacy(buf: Uint8Array): string {
  try {
    // ignoreBOM: false (the default) strips a UTF-8 BOM.
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return decodeWindows1252(buf);
  }
}

/**
 * Windows-1252 bytes 0x80-0x9F (curly quotes, dashes, €). Node 20's TextDecoder('windows-1252') decodes them as
 * Latin-1 control characters, so they are mapped here; 0x81, 0x8D, 0x8F, 0x90 and 0x9D are unassigned.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Windows-1252 bytes to text (0x80-0x9F mapped as Windows does, see above). */
export function decodeWindows1252(buf: Uint8Array): string {
  return Buffer.from(buf.buffer, buf.byteOffset, buf.length)
    .toString('latin1')
    .replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH.charAt(c.charCodeAt(0) - 0x80));
}

/**
 * Decodes bytes labelled with a MIME charset (`iso-8859-1`, `windows-1252`, `gb2312`, `koi8-r`…), forgiving the
 * labels that lie: an unknown label, or UTF-8 bytes that are not UTF-8, are read as UTF-8 when they are valid
 * UTF-8 and as Windows-1252 otherwise; Latin-1 (or Windows-1252) bytes that are in fact valid UTF-8 with non-ASCII
 * characters are read as UTF-8 (a mail client that labels everything `iso-8859-1`). Never throws.
 *
 * @example decodeCharset(Buffer.from([0xf4, 0xc5, 0xd3, 0xd4]), 'koi8-r') // 'Тест'
 * @example decodeCharset(Buffer.from('Genève'), 'iso-8859-1') // 'Genève' (mislabelled UTF-8)
 * @example decodeCharset(Buffer.from([0x47, 0xe8]), 'x-unknown') // 'Gè'
 */
export function decodeCharset(bytes: Uint8Array, label: string | null | undefined): string {
  const encoding = encodingOf(label);
  const kind = utf8Kind(bytes);
  if (encoding === null || encoding === 'utf-8') {
    if (kind === 'ascii' || kind === 'utf8') return new TextDecoder('utf-8').decode(bytes);
    // Invalid UTF-8: Windows-1252 when nothing in it is UTF-8, else UTF-8 with U+FFFD for the bad bytes.
    return kind === 'legacy' ? decodeWindows1252(bytes) : new TextDecoder('utf-8').decode(bytes);
  }
  if (encoding === 'windows-1252') return kind === 'utf8' ? new TextDecoder('utf-8').decode(bytes) : decodeWindows1252(bytes);
  return new TextDecoder(encoding).decode(bytes);
}

/** Labels WHATWG (and so TextDecoder) does not know, but mail programs write. */
const CHARSET_ALIASES: Readonly<Record<string, string>> = {
  cp936: 'gbk',
  ms936: 'gbk',
  'x-gbk': 'gbk',
  cp949: 'euc-kr',
  'ks_c_5601': 'euc-kr',
  cp950: 'big5',
  'x-sjis': 'shift_jis',
  cp932: 'shift_jis',
  utf8: 'utf-8',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  ansi_x3_4_1968: 'windows-1252',
};

/** The WHATWG encoding of a MIME charset label, or `null` for a label nobody knows. */
function encodingOf(label: string | null | undefined): string | null {
  if (label === undefined || label === null) return null;
  const clean = label.trim().replace(/^["']|["']$/g, '').toLowerCase();
  if (clean === '') return null;
  try {
    const { encoding } = new TextDecoder(CHARSET_ALIASES[clean] ?? clean);
    // 'replacement' stands for ISO-2022-KR and friends, which TextDecoder turns into a single U+FFFD.
    return encoding === 'replacement' ? null : encoding;
  } catch {
    return null;
  }
}

/**
 * `ascii` (no byte over 0x7F), `utf8` (valid UTF-8 with non-ASCII characters), `legacy` (invalid UTF-8 without a
 * single valid multi-byte sequence: an 8-bit charset) or `mixed` (both valid sequences and invalid bytes).
 */
function utf8Kind(bytes: Uint8Array): 'ascii' | 'utf8' | 'legacy' | 'mixed' {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = length > 0 && i + length <= bytes.length;
    for (let k = 1; ok && k < length; k += 1) ok = ((bytes[i + k] ?? 0) & 0xc0) === 0x80;
    if (ok) {
      valid += 1;
      i += length;
    } else {
      invalid += 1;
      i += 1;
    }
  }
  if (invalid === 0) return valid === 0 ? 'ascii' : 'utf8';
  return valid === 0 ? 'legacy' : 'mixed';
}

const ENCODED_WORD = /=\?([^?\s]+?)(?:\*[^?\s]*)?\?([bBqQ])\?([^?\s]*)\?=/g;

/**
 * Decodes a raw header value: RFC 2047 encoded words in any charset ({@link decodeCharset}, so an unknown charset
 * label does not lose the text), and 8-bit bytes sent without encoding (given as a binary string: one character
 * per byte, as mailparser's raw header lines are). Adjacent encoded words are joined as RFC 2047 says, bytes
 * first, so that a character split across two words survives.
 *
 * @example decodeHeaderWords('=?koi8-r?B?9MXT1A==?= =?KOI8-R?Q?_1?=') // 'Тест 1'
 * @example decodeHeaderWords('=?iso-8859-1?Q?Gen=E8ve?= meeting') // 'Genève meeting'
 */
export function decodeHeaderWords(value: string): string {
  const words: Array<{ at: number; end: number; charset: string; bytes: Buffer }> = [];
  for (const m of value.matchAll(ENCODED_WORD)) {
    words.push({
      at: m.index,
      end: m.index + m[0].length,
      charset: (m[1] ?? '').toLowerCase(),
      bytes: decodeWordBytes(m[2] ?? 'Q', m[3] ?? ''),
    });
  }
  let out = '';
  let last = 0;
  for (let i = 0; i < words.length; ) {
    const word = words[i];
    if (word === undefined) break;
    out += decodeRawHeaderText(value.slice(last, word.at));
    // Adjacent words (only white space between them) in one charset: their bytes are decoded together.
    const chunks = [word.bytes];
    let j = i + 1;
    for (let next = words[j]; next !== undefined; next = words[j]) {
      const prev = words[j - 1];
      if (prev === undefined || !/^[ \t\r\n]*$/.test(value.slice(prev.end, next.at))) break;
      if (next.charset !== word.charset) break;
      chunks.push(next.bytes);
      j += 1;
    }
    out += decodeCharset(Buffer.concat(chunks), word.charset);
    last = words[j - 1]?.end ?? word.end;
    // White space between adjacent encoded words of different charsets is dropped too (RFC 2047, 6.2).
    const following = words[j];
    if (following !== undefined && /^[ \t\r\n]*$/.test(value.slice(last, following.at))) last = following.at;
    i = j;
  }
  return out + decodeRawHeaderText(value.slice(last));
}

function decodeWordBytes(encoding: string, text: string): Buffer {
  if (encoding.toUpperCase() === 'B') return Buffer.from(text, 'base64');
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    const hex = text.slice(i + 1, i + 3);
    if (c === 0x3d && /^[0-9a-f]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(c === 0x5f ? 0x20 : c & 0xff);
    }
  }
  return Buffer.from(bytes);
}

/** A binary string (one character per byte) of raw header text → text: UTF-8 when valid, else Windows-1252. */
function decodeRawHeaderText(binary: string): string {
  if (!/[\u0080-\u00ff]/.test(binary) || /[\u0100-\uffff]/.test(binary)) return binary;
  return decodeCharset(Buffer.from(binary, 'latin1'), null);
}
