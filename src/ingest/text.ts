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

function decodeWindows1252(buf: Uint8Array): string {
  return Buffer.from(buf.buffer, buf.byteOffset, buf.length)
    .toString('latin1')
    .replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH.charAt(c.charCodeAt(0) - 0x80));
}
