/**
 * File formats: which extensions are read, what the first bytes of a file say it really is, and the errors for
 * files that cannot be read whatever their name.
 */

import { extname } from 'node:path';
import { SgbotError } from '../core/errors.ts';
import type { SourceFormat } from './types.ts';

/** Extensions read by {@link formatFromName}, lower case with the dot. */
export const SUPPORTED_EXTENSIONS: readonly string[] = Object.freeze([
  '.txt',
  '.text',
  '.eml',
  '.mbox',
  '.docx',
  '.doc',
  '.pdf',
  '.html',
  '.htm',
]);

const FORMAT_BY_EXTENSION: Readonly<Record<string, SourceFormat>> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.eml': 'eml',
  '.mbox': 'mbox',
  '.docx': 'docx',
  '.doc': 'doc',
  '.pdf': 'pdf',
  '.html': 'html',
  '.htm': 'html',
};

/** Office formats people convert to .docx or PDF: the error says so instead of just "not supported". */
const CONVERTIBLE = new Set(['.rtf', '.odt', '.ppt', '.pptx', '.xls', '.xlsx', '.wpd']);

/**
 * The format a file name announces, or `null` for an extension that is not read.
 *
 * @example formatFromName('Annex 1.DOCX') // 'docx'
 */
export function formatFromName(name: string): SourceFormat | null {
  return FORMAT_BY_EXTENSION[extname(name).toLowerCase()] ?? null;
}

/** `true` for a document-like format that could be read once converted (an .rtf, a .pptx…). */
export function isConvertibleName(name: string): boolean {
  return CONVERTIBLE.has(extname(name).toLowerCase());
}

/** What the first bytes of a file say it is, whatever its name. */
export type Magic = 'pdf' | 'zip' | 'ole' | 'rtf' | null;

/**
 * Recognises a file by its first bytes (a `.txt` that is really a PDF, a `.docx` that is really a `.doc`).
 * `ole` is an OLE compound file: a Word 97-2003 document, or another legacy Office file, or a password-protected
 * .docx (Office wraps those in OLE).
 *
 * @example sniffMagic(Buffer.from('%PDF-1.7 …')) // 'pdf'
 */
export function sniffMagic(buf: Uint8Array): Magic {
  const head = Buffer.from(buf.buffer, buf.byteOffset, Math.min(buf.length, 8));
  if (head.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))) return 'zip';
  if (head.equals(Buffer.from('d0cf11e0a1b11ae1', 'hex'))) return 'ole';
  if (head.subarray(0, 5).toString('latin1') === '{\\rtf') return 'rtf';
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  return null;
}

/**
 * E_UNSUPPORTED for a file whose extension is not read, listing the ones that are.
 *
 * @param name How the file is called in the message ("mail.eml#2 (annex.doc)").
 * @param filename Its file name, whose extension is meant; `name` by default.
 */
export function unsupportedError(name: string, filename: string = name): SgbotError {
  const ext = extname(filename).toLowerCase();
  const supported =
    'plain text (.txt, .text), mail (.eml, .mbox), Word (.docx, .doc), PDF (.pdf) and web pages (.html, .htm)';
  if (CONVERTIBLE.has(ext)) {
    return new SgbotError(
      'E_UNSUPPORTED',
      `${name}: ${ext} files are not read. Open it and save it as .docx or PDF, then try again. ` +
        `Supported: ${supported}.`,
    );
  }
  const what = ext === '' ? 'has no extension' : `has the extension ${ext}, which is not read`;
  return new SgbotError(
    'E_UNSUPPORTED',
    `${name} ${what}. Supported: ${supported}; rename the file if it is one of these.`,
  );
}

/**
 * E_UNSUPPORTED for content that is a foreign format whatever its name says. Only RTF is met in practice: OLE files
 * are read as .doc (see `doc.ts`); the `ole` message is kept for callers that refuse them outright.
 */
export function foreignFormatError(name: string, magic: 'ole' | 'rtf'): SgbotError {
  const message =
    magic === 'ole'
      ? `${name} is a Word 97-2003 (.doc) file or a password-protected Office document, which cannot be read. ` +
        'Open it in Word and save it as .docx (without a password), then try again.'
      : `${name} is an RTF file, which cannot be read. Open it in Word and save it as .docx, then try again.`;
  return new SgbotError('E_UNSUPPORTED', message);
}

const MIB = 1024 * 1024;

/** `812 bytes`, `1.5 MiB`, `3.0 GiB`: a size for people. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < MIB) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 * MIB) return `${(bytes / MIB).toFixed(1)} MiB`;
  return `${(bytes / (1024 * MIB)).toFixed(1)} GiB`;
}
