/**
 * Files and buffers to text parts: the entry point of the file-to-text layer.
 */

import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { SgbotError } from '../core/errors.ts';
import { assertMailLike, extractEml, extractEmlStream } from './eml.ts';
import { fileError } from './file-errors.ts';
import { foreignFormatError, formatBytes, formatFromName, sniffMagic, unsupportedError } from './formats.ts';
import { isMaildirFile } from './maildir.ts';
import { extractMboxBuffer, extractMboxFile } from './mbox.ts';
import { inlineReader, type PartReader } from './reader.ts';
import { checkPartText, emptyError } from './text.ts';
import {
  DEFAULT_LIMITS,
  mailLimit,
  type BufferSource,
  type ExtractLimits,
  type ExtractOptions,
  type Extraction,
  type PartOrigin,
  type SourceFormat,
} from './types.ts';

const HEAD_BYTES = 64 * 1024;

/**
 * Reads a file and extracts its text parts: one part for a .txt, .text, .html, .htm, .docx, .doc or .pdf file;
 * the body and the readable attachments of an .eml or of a maildir message (a file of a maildir's cur/ or new/
 * folder); the same for every message of an .mbox (`archive.mbox#3 (body)`).
 * The file's size is checked before it is read, and its first bytes decide the format when they contradict the
 * extension (a PDF saved as `letter.docx` is read as a PDF). Mails are streamed from the disk, never read whole.
 *
 * @throws SgbotError E_FILE (missing, unreadable, a folder), E_TOO_LARGE (over `limits.maxFileBytes`, a mail over
 *   {@link mailLimit}, zip bomb, text over `limits.maxPartBytes`), E_UNSUPPORTED (extension not read, RTF
 *   content, an Excel or PowerPoint 97-2003 file), E_BAD_DOCUMENT (empty, binary junk, damaged or protected
 *   document, mail or archive with nothing readable).
 * @example
 * const { parts, problems } = await extractFile('inbox/mail.eml');
 * // parts[0].name === 'mail.eml (body)', parts[1].name === 'mail.eml#1 (annex.docx)'
 */
export async function extractFile(
  path: string,
  limits: ExtractLimits = DEFAULT_LIMITS,
  options: ExtractOptions = {},
): Promise<Extraction> {
  const name = basename(path);
  const info = await stat(path).catch((err: unknown) => {
    throw fileError(path, err);
  });
  if (info.isDirectory()) {
    throw new SgbotError('E_FILE', `${path} is a folder, not a file. Name a file inside it, or ingest the whole folder.`);
  }
  if (!info.isFile()) throw new SgbotError('E_FILE', `${path} is not a regular file (a device, socket or pipe).`);
  const declared = formatFromName(name) ?? ((await isMaildirFile(path)) ? 'eml' : null);
  if (declared === null) throw unsupportedError(name);
  if (info.size === 0) throw emptyError(name);
  const reader = options.reader ?? inlineReader;
  const extractor = withReader(reader);
  // An archive is read message by message: only each message's size is limited.
  if (declared === 'mbox') return extractMboxFile(path, name, limits, options.listRules, extractor);
  if (declared === 'eml' && info.size > mailLimit(limits)) throw tooLargeFile(name, info.size, mailLimit(limits), 'mail');
  if (declared !== 'eml' && info.size > limits.maxFileBytes) throw tooLargeFile(name, info.size, limits.maxFileBytes);
  const source: BufferSource = { filename: name, format: declared, origin: { path }, listRules: options.listRules };
  if (declared === 'eml') {
    const head = await readHead(path);
    if (sniffMagic(head) === null) {
      assertMailLike(head, name);
      return extractEmlStream(() => createReadStream(path, { highWaterMark: HEAD_BYTES }), source, limits, extractor, reader);
    }
  }
  const buf = await readFile(path).catch((err: unknown) => {
    throw fileError(path, err);
  });
  return extractBuffer(buf, source, limits, reader);
}

/** {@link extractBuffer} with `reader`, as the extractor of a mail's attachments and an archive's messages. */
function withReader(reader: PartReader): (buf: Buffer, source: BufferSource, limits: ExtractLimits) => Promise<Extraction> {
  return (buf, source, limits) => extractBuffer(buf, source, limits, reader);
}

async function readHead(path: string): Promise<Buffer> {
  try {
    const handle = await open(path, 'r');
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(HEAD_BYTES), 0, HEAD_BYTES, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (err) {
    throw fileError(path, err);
  }
}

/**
 * Extracts the text parts of bytes that are not (or no longer) a file on disk: a mail attachment, an upload.
 * Same formats, sniffing and limits as {@link extractFile}. `reader` reads each document part (in child processes,
 * within budgets, for a `PartPool`); a part it cannot read is a problem of that part when the bytes are a mail.
 *
 * @example await extractBuffer(content, { filename: 'annex.pdf', name: 'mail.eml#2 (annex.pdf)',
 *   origin: { path: 'mail.eml', messageId: '<abc@itu.int>', attachment: 'annex.pdf' } })
 */
export async function extractBuffer(
  buf: Buffer,
  source: BufferSource,
  limits: ExtractLimits = DEFAULT_LIMITS,
  reader: PartReader = inlineReader,
): Promise<Extraction> {
  const name = source.name ?? source.filename;
  const declared = source.format ?? formatFromName(source.filename);
  if (declared === null) throw unsupportedError(name, source.filename);
  if (declared === 'eml' && buf.length > mailLimit(limits)) throw tooLargeFile(name, buf.length, mailLimit(limits), 'mail');
  if (declared !== 'eml' && declared !== 'mbox' && buf.length > limits.maxFileBytes) {
    throw tooLargeFile(name, buf.length, limits.maxFileBytes);
  }
  if (buf.length === 0) throw emptyError(name);
  const format = resolveFormat(buf, declared, name);
  if (format === 'eml') {
    assertMailLike(buf.subarray(0, HEAD_BYTES), name);
    return extractEml(buf, source, limits, withReader(reader), reader);
  }
  if (format === 'mbox') {
    const path = source.origin?.path ?? source.filename;
    return extractMboxBuffer(buf, path, name, limits, source.listRules, withReader(reader));
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
  if (source.origin?.list !== undefined) origin.list = source.origin.list;
  // A PDF too long to read whole gives the pages read and a problem saying where it stopped; HTML nested too deep,
  // the text read without the deepest tags and a problem saying so.
  const { text, stopped } = await reader.document(buf, format, name, limits);
  return { parts: [{ name, text: checkPartText(text, name, limits), origin }], problems: stopped ? [{ name, error: stopped }] : [] };
}

/**
 * The format to read: the declared one, unless the first bytes say the file is a PDF, a zip (a .docx) or an OLE
 * file (a .doc, or a password-protected .docx, which doc.ts recognises).
 */
function resolveFormat(buf: Buffer, declared: SourceFormat, name: string): SourceFormat {
  const magic = sniffMagic(buf);
  if (magic === 'rtf') throw foreignFormatError(name, magic);
  if (magic === 'ole') return 'doc';
  if (magic === 'pdf') return 'pdf';
  if (magic === 'zip') return 'docx';
  return declared;
}

function tooLargeFile(name: string, size: number, limit: number, what: 'file' | 'mail' = 'file'): SgbotError {
  return new SgbotError(
    'E_TOO_LARGE',
    `${name} is ${formatBytes(size)}, more than the limit of ${formatBytes(limit)} per ${what}. ` +
      (what === 'file'
        ? 'Split it into smaller files, or raise the limit (SGBOT_MAX_FILE_MB, in MB) if such files are expected.'
        : 'Save its attachments and ingest them as files, or raise the limit (SGBOT_MAX_MAIL_MB, in MB) if such mails are expected.'),
  );
}
