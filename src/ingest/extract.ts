/**
 * Files and buffers to text parts: the entry point of the file-to-text layer.
 */

import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { SgbotError } from '../core/errors.ts';
import { extractDocxText } from './docx.ts';
import { extractEml } from './eml.ts';
import { fileError } from './file-errors.ts';
import { foreignFormatError, formatBytes, formatFromName, sniffMagic, unsupportedError } from './formats.ts';
import { htmlToPlainText } from './html.ts';
import { extractPdfText } from './pdf.ts';
import { assertNotBinary, checkPartText, decodeText, emptyError } from './text.ts';
import {
  DEFAULT_LIMITS,
  type BufferSource,
  type ExtractLimits,
  type Extraction,
  type PartOrigin,
  type SourceFormat,
} from './types.ts';

/**
 * Reads a file and extracts its text parts: one part for a .txt, .text, .html, .htm, .docx or .pdf file; the body
 * and the readable attachments of an .eml. The file's size is checked before it is read, and its first bytes
 * decide the format when they contradict the extension (a PDF saved as `letter.docx` is read as a PDF).
 *
 * @throws SgbotError E_FILE (missing, unreadable, a folder), E_TOO_LARGE (over `limits.maxFileBytes`, zip bomb,
 *   text over `limits.maxPartBytes`), E_UNSUPPORTED (extension not read, .doc content), E_BAD_DOCUMENT (empty,
 *   binary junk, damaged or protected document, mail with nothing readable).
 * @example
 * const { parts, problems } = await extractFile('inbox/mail.eml');
 * // parts[0].name === 'mail.eml (body)', parts[1].name === 'mail.eml#1 (annex.docx)'
 */
export async function extractFile(path: string, limits: ExtractLimits = DEFAULT_LIMITS): Promise<Extraction> {
  const name = basename(path);
  const info = await stat(path).catch((err: unknown) => {
    throw fileError(path, err);
  });
  if (info.isDirectory()) {
    throw new SgbotError('E_FILE', `${path} is a folder, not a file. Name a file inside it, or ingest the whole folder.`);
  }
  if (!info.isFile()) throw new SgbotError('E_FILE', `${path} is not a regular file (a device, socket or pipe).`);
  if (formatFromName(name) === null) throw unsupportedError(name);
  if (info.size > limits.maxFileBytes) throw tooLargeFile(name, info.size, limits);
  if (info.size === 0) throw emptyError(name);
  const buf = await readFile(path).catch((err: unknown) => {
    throw fileError(path, err);
  });
  return extractBuffer(buf, { filename: name, origin: { path } }, limits);
}

/**
 * Extracts the text parts of bytes that are not (or no longer) a file on disk: a mail attachment, an upload.
 * Same formats, sniffing and limits as {@link extractFile}.
 *
 * @example await extractBuffer(content, { filename: 'annex.pdf', name: 'mail.eml#2 (annex.pdf)',
 *   origin: { path: 'mail.eml', messageId: '<abc@itu.int>', attachment: 'annex.pdf' } })
 */
export async function extractBuffer(
  buf: Buffer,
  source: BufferSource,
  limits: ExtractLimits = DEFAULT_LIMITS,
): Promise<Extraction> {
  const name = source.name ?? source.filename;
  const declared = source.format ?? formatFromName(source.filename);
  if (declared === null) throw unsupportedError(name, source.filename);
  if (buf.length > limits.maxFileBytes) throw tooLargeFile(name, buf.length, limits);
  if (buf.length === 0) throw emptyError(name);
  const format = resolveFormat(buf, declared, name);
  if (format === 'eml') {
    assertNotBinary(buf, name);
    return extractEml(buf, source, limits, extractBuffer);
  }

  const origin: PartOrigin = {
    path: source.origin?.path ?? source.filename,
    format,
    messageId: source.origin?.messageId ?? null,
    attachment: source.origin?.attachment ?? null,
    subject: source.origin?.subject ?? null,
    from: source.origin?.from ?? null,
    date: source.origin?.date ?? null,
  };
  const text = await extractText(buf, format, name, limits);
  return { parts: [{ name, text: checkPartText(text, name, limits), origin }], problems: [] };
}

/** The format to read: the declared one, unless the first bytes say the file is a PDF or a zip (a .docx). */
function resolveFormat(buf: Buffer, declared: SourceFormat, name: string): SourceFormat {
  const magic = sniffMagic(buf);
  if (magic === 'ole' || magic === 'rtf') throw foreignFormatError(name, magic);
  if (magic === 'pdf') return 'pdf';
  if (magic === 'zip') return 'docx';
  return declared;
}

async function extractText(buf: Buffer, format: Exclude<SourceFormat, 'eml'>, name: string, limits: ExtractLimits) {
  switch (format) {
    case 'txt':
      return decodeText(buf, name);
    case 'html':
      return htmlToPlainText(decodeText(buf, name));
    case 'docx':
      return extractDocxText(buf, name, limits);
    case 'pdf':
      return extractPdfText(buf, name);
  }
}

function tooLargeFile(name: string, size: number, limits: ExtractLimits): SgbotError {
  return new SgbotError(
    'E_TOO_LARGE',
    `${name} is ${formatBytes(size)}, more than the limit of ${formatBytes(limits.maxFileBytes)} per file. ` +
      'Split it into smaller files, or raise the file size limit if such files are expected.',
  );
}
