/**
 * Mail (.eml, RFC 5322) to text parts: the body, and one part per readable attachment (forwarded mails included).
 * One bad attachment never loses the rest of the mail: it becomes a problem next to the parts.
 */

import { simpleParser, type Attachment, type ParsedMail } from 'mailparser';
import { SgbotError, isSgbotError } from '../core/errors.ts';
import { formatFromName, isConvertibleName, unsupportedError } from './formats.ts';
import { htmlToPlainText } from './html.ts';
import { checkPartText, normaliseLineEnds } from './text.ts';
import type { BufferSource, ExtractLimits, Extraction, PartOrigin, SourceFormat } from './types.ts';

/** Extracts one attachment; `extractBuffer` in production (passed in to avoid an import cycle). */
export type AttachmentExtractor = (content: Buffer, source: BufferSource, limits: ExtractLimits) => Promise<Extraction>;

/** Mails inside mails inside mails… deeper than this are refused. */
const MAX_DEPTH = 3;

const FORMAT_BY_TYPE: Readonly<Record<string, SourceFormat>> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'text/plain': 'txt',
  'text/html': 'html',
  'message/rfc822': 'eml',
};

/**
 * Splits a mail into text parts: `NAME (body)` for the body (HTML converted to text when there is no plain text),
 * `NAME#N (file)` for the N-th attachment that is .docx, .pdf, .txt, .html or a forwarded mail. Every part keeps
 * the mail's Message-ID, subject, sender and date. Other attachments (pictures, signatures) are skipped, except
 * office files that could be converted (.doc, .pptx…), which are reported as problems.
 *
 * @throws SgbotError E_BAD_DOCUMENT when the mail has neither a body nor a readable attachment.
 * @example await extractEml(await readFile('mail.eml'), { filename: 'mail.eml' }, DEFAULT_LIMITS, extractBuffer)
 */
export async function extractEml(
  buf: Buffer,
  source: BufferSource,
  limits: ExtractLimits,
  extractAttachment: AttachmentExtractor,
): Promise<Extraction> {
  const name = source.name ?? source.filename;
  const mail = await parseMail(buf, name, limits);
  const origin: PartOrigin = {
    path: source.origin?.path ?? source.filename,
    format: 'eml',
    messageId: mail.messageId ?? null,
    attachment: source.origin?.attachment ?? null,
    subject: mail.subject ?? null,
    from: mail.from?.text ?? null,
    date: mail.date !== undefined && !Number.isNaN(mail.date.getTime()) ? mail.date.toISOString() : null,
  };
  const result: Extraction = { parts: [], problems: [] };

  const bodyName = `${name} (body)`;
  const body = bodyText(mail);
  if (body.trim() !== '') {
    try {
      result.parts.push({ name: bodyName, text: checkPartText(body, bodyName, limits), origin });
    } catch (err) {
      if (!isSgbotError(err)) throw err;
      result.problems.push({ name: bodyName, error: err });
    }
  }

  const depth = (source.depth ?? 0) + 1;
  for (const [index, attachment] of mail.attachments.entries()) {
    const filename = attachmentName(attachment, index + 1);
    const partName = `${name}#${index + 1} (${filename})`;
    const format = attachmentFormat(attachment, filename);
    if (format === null) {
      if (isConvertibleName(filename)) {
        result.problems.push({ name: partName, error: unsupportedError(partName, filename) });
      }
      continue;
    }
    if (depth > MAX_DEPTH && attachment.contentType === 'message/rfc822') {
      result.problems.push({ name: partName, error: tooDeep(partName) });
      continue;
    }
    const attachmentSource: BufferSource = {
      filename,
      format,
      name: partName,
      origin: { ...origin, attachment: filename },
      depth,
    };
    try {
      const nested = await extractAttachment(attachment.content, attachmentSource, limits);
      result.parts.push(...nested.parts);
      result.problems.push(...nested.problems);
    } catch (err) {
      if (!isSgbotError(err)) throw err;
      result.problems.push({ name: partName, error: err });
    }
  }

  if (result.parts.length === 0) throw nothingReadable(name, result.problems.map((p) => p.error.message));
  return result;
}

async function parseMail(buf: Buffer, name: string, limits: ExtractLimits): Promise<ParsedMail> {
  try {
    return await simpleParser(buf, {
      // The HTML body is converted by htmlToPlainText (tables kept on one line per row), and nothing is
      // rendered back to HTML or linkified: skip all of mailparser's own conversions.
      skipHtmlToText: true,
      skipTextToHtml: true,
      skipTextLinks: true,
      skipImageLinks: true,
      keepCidLinks: true,
      maxHtmlLengthToParse: limits.maxPartBytes,
    });
  } catch (err) {
    throw new SgbotError(
      'E_BAD_DOCUMENT',
      `${name} is not a readable mail (${err instanceof Error ? err.message : String(err)}). ` +
        'Save the message again from the mail program as .eml (the whole message, with its headers).',
      { cause: err },
    );
  }
}

/** The plain-text body, or the HTML body as text when the mail has no plain text (many list mails). */
function bodyText(mail: ParsedMail): string {
  if (mail.text !== undefined && mail.text.trim() !== '') return normaliseLineEnds(mail.text);
  if (typeof mail.html === 'string' && mail.html.trim() !== '') return normaliseLineEnds(htmlToPlainText(mail.html));
  return '';
}

function attachmentName(attachment: Attachment, index: number): string {
  if (attachment.filename !== undefined && attachment.filename.trim() !== '') return attachment.filename.trim();
  const format = FORMAT_BY_TYPE[attachment.contentType];
  if (attachment.contentType === 'message/rfc822') return `forwarded-${index}.eml`;
  return `attachment-${index}.${format ?? 'bin'}`;
}

function attachmentFormat(attachment: Attachment, filename: string): SourceFormat | null {
  if (attachment.contentType === 'message/rfc822') return 'eml';
  if (isConvertibleName(filename)) return null;
  return formatFromName(filename) ?? FORMAT_BY_TYPE[attachment.contentType] ?? null;
}

function tooDeep(name: string): SgbotError {
  return new SgbotError(
    'E_BAD_DOCUMENT',
    `${name} is a mail forwarded inside more than ${MAX_DEPTH} other mails and was not read. ` +
      'Save the innermost message on its own as .eml and ingest that file.',
  );
}

function nothingReadable(name: string, reasons: string[]): SgbotError {
  const why = reasons.length > 0 ? ` (${reasons.join(' ')})` : '';
  return new SgbotError(
    'E_BAD_DOCUMENT',
    `${name} has no text body and no attachment that could be read${why}. ` +
      'Check that it is the right mail; if the document is in the mail as a picture or an unsupported file, ' +
      'save it as .docx or PDF and ingest that file.',
  );
}
