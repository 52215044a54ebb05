/**
 * Mail (.eml, RFC 5322) to text parts: the body, and one part per readable attachment, forwarded mail and digest
 * message. One bad attachment never loses the rest of the mail: it becomes a problem next to the parts.
 *
 * The mail is streamed through mailparser (never held twice in memory): attachments over the size limit are
 * counted and dropped as they arrive. Before mailparser, {@link MimeRepair} fixes what real list mail gets wrong
 * and mailparser would lose (see there).
 */

import { PassThrough, Readable, Transform } from 'node:stream';
import { MailParser, type AttachmentStream, type HeaderLines, type Headers, type MailParserOptions, type MessageText } from 'mailparser';
import { SgbotError, isSgbotError } from '../core/errors.ts';
import { fileError } from './file-errors.ts';
import { formatBytes, formatFromName, isConvertibleName, unsupportedError } from './formats.ts';
import { deriveList, type ListInfo } from './lists.ts';
import { FROM_LINE } from './mbox.ts';
import { HEADER_LINE, MimeRepair, tooLargeMail, type RepairMode, type Sniff } from './mime-repair.ts';
import { inlineReader, nestedTooDeep, type PartReader } from './reader.ts';
import { assertNotBinary, checkPartText, decodeCharset, decodeHeaderWords, looksBinary, normaliseLineEnds } from './text.ts';
import { mailLimit, type AttachmentExtractor, type BufferSource, type ExtractLimits, type Extraction, type ExtractionProblem, type PartOrigin, type SourceFormat } from './types.ts';

export type { AttachmentExtractor } from './types.ts';

/** Mails forwarded inside mails: at most this many levels below the outermost mail are read. */
const MAX_NESTED = 5;

const FORMAT_BY_TYPE: Readonly<Record<string, SourceFormat>> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/msword': 'doc',
  'text/plain': 'txt',
  'text/html': 'html',
  'message/rfc822': 'eml',
  'message/global': 'eml',
};

/**
 * Splits a mail into text parts: `NAME (body)` for the body (HTML converted to text when there is no plain text;
 * inline text parts joined to it, so counted once), `NAME#N (file)` for the N-th attachment that is .docx, .doc,
 * .pdf, .txt, .html or a mail (forwarded, or one message of a digest: it gets its own Message-ID, subject, sender,
 * date and list). Every other part keeps the mail's fields. Pictures, inline or not, are skipped; office files that
 * could be converted (.pptx, .rtf…) and attachments over `limits.maxFileBytes` are reported as problems.
 *
 * @throws SgbotError E_TOO_LARGE for a mail over {@link mailLimit}; E_BAD_DOCUMENT when the mail cannot be parsed
 *   or has neither a body nor a readable attachment.
 * @example await extractEml(await readFile('mail.eml'), { filename: 'mail.eml' }, DEFAULT_LIMITS, extractBuffer)
 */
export async function extractEml(
  buf: Buffer,
  source: BufferSource,
  limits: ExtractLimits,
  extractAttachment: AttachmentExtractor,
  reader: PartReader = inlineReader,
): Promise<Extraction> {
  const name = source.name ?? source.filename;
  if (buf.length > mailLimit(limits)) throw tooLargeMail(name, buf.length, mailLimit(limits));
  return readAndSplit(() => bufferStream(buf), source, limits, extractAttachment, reader, passesUnrepaired(buf));
}

/** The longest first line looked at by {@link passesUnrepaired} (a header line is much shorter). */
const FIRST_LINE_LOOKED_AT = 998;

/**
 * Whether {@link MimeRepair} would pass these bytes on unchanged, so that mailparser can read them directly: the
 * first line is a header line (or empty), not an mbox `From ` line, and no part is a `multipart/digest`. (Its size
 * was checked by the caller.)
 */
function passesUnrepaired(buf: Buffer): boolean {
  const end = buf.indexOf(10);
  if (end < 0 || end >= FIRST_LINE_LOOKED_AT) return false;
  const first = buf.toString('latin1', 0, end).replace(/\r$/, '');
  if (FROM_LINE.test(first) || (first !== '' && !HEADER_LINE.test(first))) return false;
  return !/multipart\/digest/i.test(buf.toString('latin1'));
}

/**
 * Refuses bytes that are not a mail: binary junk ({@link assertNotBinary}), unless they start like a mail (a header
 * line, or an mbox `From ` line), whose body may hold a few stray control bytes and is still worth reading.
 *
 * @throws SgbotError E_BAD_DOCUMENT "looks like binary data, not text".
 */
export function assertMailLike(head: Uint8Array, name: string): void {
  const firstLine = Buffer.from(head.buffer, head.byteOffset, Math.min(head.length, 1000)).toString('latin1').split('\n')[0] ?? '';
  if (HEADER_LINE.test(firstLine) || FROM_LINE.test(firstLine)) return;
  assertNotBinary(head, name);
}

/**
 * {@link extractEml} on a mail read as a stream (a file), so that its bytes are never all in memory. `open` is
 * called again when the mail has to be read a second time (a broken multipart boundary, see {@link MimeRepair}).
 */
export async function extractEmlStream(
  open: () => Readable,
  source: BufferSource,
  limits: ExtractLimits,
  extractAttachment: AttachmentExtractor,
  reader: PartReader = inlineReader,
): Promise<Extraction> {
  return readAndSplit(open, source, limits, extractAttachment, reader, false);
}

/**
 * {@link extractEmlStream}; with `direct`, the mail is first read without {@link MimeRepair} (which would pass it on
 * unchanged, see {@link passesUnrepaired}), and read again through it only when nothing came out.
 */
async function readAndSplit(
  open: () => Readable,
  source: BufferSource,
  limits: ExtractLimits,
  extractAttachment: AttachmentExtractor,
  reader: PartReader,
  direct: boolean,
): Promise<Extraction> {
  const name = source.name ?? source.filename;
  const first = await readMail(open, name, limits, direct ? null : {});
  let mail = first.mail;
  let sniff = first.sniff;
  // What the repair notices is needed only when nothing came out: then the mail is read as before.
  if (isEmpty(mail) && sniff === null) ({ mail, sniff } = await readMail(open, name, limits, {}));
  if (isEmpty(mail) && sniff !== null && sniff.rootType.startsWith('multipart/')) {
    // Nothing came out of a multipart mail: its boundary is missing or does not match the parts. Read it again
    // with the delimiter its body really uses, and as plain text when that does not help either.
    const delimiter = sniff.firstDelimiter;
    if (delimiter !== null && delimiter !== sniff.rootBoundary) ({ mail } = await readMail(open, name, limits, { boundary: delimiter }));
    if (isEmpty(mail)) ({ mail } = await readMail(open, name, limits, { asText: true }));
  }
  return toParts(mail, name, source, limits, extractAttachment, reader);
}

async function toParts(
  mail: MailData,
  name: string,
  source: BufferSource,
  limits: ExtractLimits,
  extractAttachment: AttachmentExtractor,
  reader: PartReader,
): Promise<Extraction> {
  const own = deriveList(mail.headers, source.listRules);
  const list: ListInfo | null = own.role !== null ? own : (source.parentList ?? null);
  const origin: PartOrigin = {
    path: source.origin?.path ?? source.filename,
    format: 'eml',
    messageId: stringHeader(mail.headers, 'message-id'),
    attachment: source.origin?.attachment ?? null,
    subject: rawHeader(mail.headerLines, 'subject'),
    from: fromHeader(mail),
    date: dateHeader(mail.headerLines),
    list,
  };
  const result: Extraction = { parts: [], problems: [] };

  const bodyName = `${name} (body)`;
  const { text: body, problems } = await bodyText(mail, bodyName, limits, reader);
  result.problems.push(...problems);
  if (body.trim() !== '') {
    try {
      if (looksBinary(body)) throw binaryBody(bodyName);
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
      if (isConvertibleName(filename)) result.problems.push({ name: partName, error: unsupportedError(partName, filename) });
      continue;
    }
    if (attachment.content === null) {
      result.problems.push({ name: partName, error: tooLargeAttachment(partName, attachment.size, limits) });
      continue;
    }
    if (format === 'eml' && depth > MAX_NESTED) {
      result.problems.push({ name: partName, error: tooDeep(partName) });
      continue;
    }
    const attachmentSource: BufferSource = {
      filename,
      format,
      name: partName,
      origin: { ...origin, attachment: filename },
      depth,
      listRules: source.listRules,
      parentList: list,
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

/** A decoded attachment: `content` is `null` when it was over the size limit and dropped. */
interface CollectedAttachment {
  contentType: string;
  filename: string | undefined;
  size: number;
  content: Buffer | null;
}

interface MailData {
  headers: Headers;
  headerLines: HeaderLines;
  text: string | undefined;
  html: string | undefined;
  attachments: CollectedAttachment[];
}

function isEmpty(mail: MailData): boolean {
  return (mail.text ?? '').trim() === '' && (mail.html ?? '').trim() === '' && mail.attachments.length === 0;
}

const PARSER_OPTIONS = {
  // The HTML body is converted by htmlToText (tables kept on one line per row), and nothing is rendered back
  // to HTML or linkified: skip all of mailparser's own conversions.
  skipHtmlToText: true,
  skipTextToHtml: true,
  skipTextLinks: true,
  skipImageLinks: true,
  // Every message/rfc822 part (a forwarded mail, a digest message) is an attachment of its own, read as a mail
  // with its own headers, instead of being merged into the body of the mail that carries it.
  ignoreEmbedded: true,
  // mailparser calls `new Iconv(charset, 'UTF-8//TRANSLIT//IGNORE')` for every text part whose charset is not
  // UTF-8 or ASCII (a function, not an arrow, so that `new` works); decodeCharset forgives unknown and wrong labels
  // where iconv-lite would give U+FFFD.
  Iconv: function Iconv(charset: string): Transform {
    return charsetStream(charset);
  },
};

/**
 * Streams a mail through {@link MimeRepair} (unless `mode` is `null`: then `sniff` is `null`) and mailparser, keeping
 * attachments up to `limits.maxFileBytes`.
 */
function readMail(
  open: () => Readable,
  name: string,
  limits: ExtractLimits,
  mode: RepairMode | null,
): Promise<{ mail: MailData; sniff: Sniff | null }> {
  return new Promise((resolve, reject) => {
    const mail: MailData = { headers: new Map(), headerLines: [], text: undefined, html: undefined, attachments: [] };
    const source = open();
    const repair = mode === null ? null : new MimeRepair(mode, name, mailLimit(limits));
    const parser = new MailParser(PARSER_OPTIONS as unknown as MailParserOptions);
    let settled = false;
    const fail = (err: unknown): void => {
      if (settled) return;
      settled = true;
      source.destroy();
      repair?.destroy();
      parser.destroy();
      reject(err instanceof Error ? err : new Error(String(err)));
    };
    source.on('error', (err) => fail(isSgbotError(err) ? err : fileError(name, err)));
    repair?.on('error', fail);
    parser.on('error', (err: unknown) => fail(isSgbotError(err) ? err : unreadable(name, err)));
    parser.on('headers', (headers: Headers) => {
      mail.headers = headers;
    });
    parser.on('headerLines', (lines: HeaderLines) => {
      mail.headerLines = lines;
    });

    let reading = false;
    const read = (): void => {
      reading = true;
      const next = (): AttachmentStream | MessageText | null => parser.read() as AttachmentStream | MessageText | null;
      for (let data = next(); data !== null; data = next()) {
        if (data.type === 'text') {
          mail.text = typeof data.text === 'string' ? data.text : mail.text;
          mail.html = typeof data.html === 'string' ? data.html : mail.html;
          continue;
        }
        collect(data, limits.maxFileBytes, fail, (attachment) => {
          mail.attachments.push(attachment);
          read();
        });
        // mailparser waits for this attachment to be consumed before it emits the next item.
        return;
      }
      reading = false;
    };
    parser.on('readable', () => {
      if (!reading) read();
    });
    parser.on('end', () => {
      if (settled) return;
      settled = true;
      resolve({ mail, sniff: repair?.sniff ?? null });
    });
    if (repair) source.pipe(repair).pipe(parser);
    else source.pipe(parser);
  });
}

/** Reads one attachment stream, keeping its bytes only while they fit `maxBytes`. */
function collect(
  data: AttachmentStream,
  maxBytes: number,
  fail: (err: unknown) => void,
  done: (attachment: CollectedAttachment) => void,
): void {
  const attachment: CollectedAttachment = { contentType: data.contentType, filename: data.filename, size: 0, content: null };
  let chunks: Buffer[] | null = [];
  data.content.on('data', (chunk: Buffer) => {
    attachment.size += chunk.length;
    if (chunks !== null && attachment.size > maxBytes) chunks = null;
    chunks?.push(chunk);
  });
  data.content.on('error', fail);
  data.content.on('end', () => {
    attachment.content = chunks === null ? null : Buffer.concat(chunks);
    data.release();
    done(attachment);
  });
}

/** Bytes that mailparser decodes, as an `Iconv` stream: buffered, then decoded at once by {@link decodeCharset}. */
function charsetStream(charset: string): Transform {
  const chunks: Buffer[] = [];
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
    flush(callback) {
      callback(null, Buffer.from(decodeCharset(Buffer.concat(chunks), charset), 'utf8'));
    },
  });
}

/** A buffer as a stream of 64 KiB views (no copy), so that mailparser never sees one huge chunk. */
function bufferStream(buf: Buffer): Readable {
  if (buf.length <= 64 * 1024) return new PassThrough().end(buf);
  return Readable.from(
    (function* chunks() {
      for (let at = 0; at < buf.length; at += 64 * 1024) yield buf.subarray(at, at + 64 * 1024);
    })(),
    { objectMode: false },
  );
}

/** HTML read to tell whether it is the plain text's alternative: its first text is enough. */
const HTML_PROBE = 64 * 1024;
/** Letters and digits of the HTML's text looked for in the plain text. */
const PROBE_CHARS = 60;

/**
 * The body: the plain text, or the HTML as text when the mail has no plain text (many list mails). When it has
 * both and they are not two versions of the same text (an HTML body with an inline text part after it, rather
 * than multipart/alternative), both are kept, HTML first: mailparser joins them, so this is told from the text.
 * The plain text is preferred: only the start of the HTML is read to tell an alternative ({@link HTML_PROBE}), and
 * HTML that cannot be read (over its budget, nested too deep) leaves the plain text, with a problem saying so.
 */
async function bodyText(mail: MailData, bodyName: string, limits: ExtractLimits, reader: PartReader): Promise<{ text: string; problems: ExtractionProblem[] }> {
  const text = mail.text !== undefined && mail.text.trim() !== '' ? normaliseLineEnds(mail.text) : '';
  const full = mail.html;
  if (full === undefined || full.trim() === '') return { text, problems: [] };
  const htmlName = `${bodyName.replace(/\)$/, '')}, HTML)`;
  // The HTML as text; `null` when it could not be read (`failed` says why); `cut` when read without its deepest tags.
  let failed: SgbotError | null = null;
  let cut = false;
  const readHtml = async (html: string): Promise<string | null> => {
    try {
      const out = await reader.html(html, htmlName, limits);
      cut = out.cut;
      return normaliseLineEnds(out.text);
    } catch (err) {
      if (!isSgbotError(err)) throw err;
      failed = err;
      return null;
    }
  };
  const withCut = (t: string) => ({ text: t, problems: cut ? [{ name: htmlName, error: nestedTooDeep(htmlName) }] : [] });
  if (text === '') {
    const html = await readHtml(full);
    return html === null ? { text: '', problems: failed ? [{ name: htmlName, error: failed }] : [] } : withCut(html);
  }
  // HTML that cannot be read leaves the plain text, and a problem saying so.
  const plainOnly = () => ({ text, problems: failed ? [{ name: htmlName, error: plainTextRead(failed) }] : [] });
  let whole = full.length <= HTML_PROBE;
  let html = await readHtml(whole ? full : full.slice(0, HTML_PROBE));
  if (html === null) return plainOnly();
  let start = alphanumeric(html).slice(0, PROBE_CHARS);
  if (start.length < PROBE_CHARS && !whole) {
    // The start of the HTML holds too little text to tell (a long style sheet first): read it whole.
    html = await readHtml(full);
    whole = true;
    if (html === null) return plainOnly();
    start = alphanumeric(html).slice(0, PROBE_CHARS);
  }
  // An alternative of the plain text adds nothing to it.
  if (alphanumeric(text).includes(start)) return { text, problems: [] };
  if (!whole) html = await readHtml(full);
  if (html === null) return plainOnly();
  const both = withCut(`${html.trimEnd()}\n\n${text.replace(/^(?:[ \t]*\n)+/, '')}`);
  return both;
}

/** A problem of a mail's HTML body when its plain-text body was read instead. */
function plainTextRead(err: SgbotError): SgbotError {
  return new SgbotError(err.code, `${err.message} The mail's plain-text version was read instead.`, { cause: err });
}

function alphanumeric(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function stringHeader(headers: Headers, key: string): string | null {
  const value = headers.get(key);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** The value of a raw header line, unfolded and decoded ({@link decodeHeaderWords}); `null` when absent or blank. */
function rawHeader(lines: HeaderLines, key: string): string | null {
  const line = lines.find((l) => l.key === key)?.line;
  if (line === undefined) return null;
  const value = decodeHeaderWords(line.replace(/^[^:]*:/, '').replace(/\r?\n(?=[ \t])/g, '').trim());
  return value.trim() === '' ? null : value.trim();
}

function fromHeader(mail: MailData): string | null {
  const from = mail.headers.get('from') as { text?: string } | undefined;
  if (typeof from?.text === 'string' && from.text.trim() !== '') return from.text;
  return rawHeader(mail.headerLines, 'from');
}

/** The Date header in ISO 8601 UTC, or `null` when absent or not a date (mailparser would give the current time). */
function dateHeader(lines: HeaderLines): string | null {
  const value = rawHeader(lines, 'date');
  if (value === null) return null;
  const date = new Date(value);
  if (!Number.isNaN(date.getTime())) return date.toISOString();
  // RFC 5322's obsolete forms, which old mail still has: a one-letter military zone ("13:50:01 N"), whose meaning the
  // RFC says is unknown (read as UTC).
  // (Only a header of a date's length: the zone is its last character.)
  const trimmed = value.trim();
  if (trimmed.length > 60 || !/\s[A-IK-Za-ik-z]$/.test(trimmed)) return null;
  const obsolete = new Date(`${trimmed.slice(0, -1)}+0000`);
  return Number.isNaN(obsolete.getTime()) ? null : obsolete.toISOString();
}

function attachmentName(attachment: CollectedAttachment, index: number): string {
  if (attachment.filename !== undefined && attachment.filename.trim() !== '') return attachment.filename.trim();
  const format = FORMAT_BY_TYPE[attachment.contentType];
  if (format === 'eml') return `forwarded-${index}.eml`;
  return `attachment-${index}.${format ?? 'bin'}`;
}

function attachmentFormat(attachment: CollectedAttachment, filename: string): SourceFormat | null {
  if (FORMAT_BY_TYPE[attachment.contentType] === 'eml') return 'eml';
  if (isConvertibleName(filename)) return null;
  const format = formatFromName(filename) ?? FORMAT_BY_TYPE[attachment.contentType] ?? null;
  // An mbox attached to a mail is not opened: archives are imported on their own.
  return format === 'mbox' ? null : format;
}

function tooLargeAttachment(name: string, size: number, limits: ExtractLimits): SgbotError {
  return new SgbotError(
    'E_TOO_LARGE',
    `${name} is ${formatBytes(size)}, more than the limit of ${formatBytes(limits.maxFileBytes)} per attachment, and ` +
      'was not read. Save it from the mail and ingest it as a file after raising the file size limit, or ask for a ' +
      'smaller version.',
  );
}

function unreadable(name: string, err: unknown): SgbotError {
  return new SgbotError(
    'E_BAD_DOCUMENT',
    `${name} is not a readable mail (${err instanceof Error ? err.message : String(err)}). ` +
      'Save the message again from the mail program as .eml (the whole message, with its headers).',
    { cause: err },
  );
}

function binaryBody(name: string): SgbotError {
  return new SgbotError(
    'E_BAD_DOCUMENT',
    `${name} looks like binary data, not text (a file pasted into the mail without encoding, or a damaged mail). ` +
      'Ask the sender to send the document as an attachment.',
  );
}

function tooDeep(name: string): SgbotError {
  return new SgbotError(
    'E_BAD_DOCUMENT',
    `${name} is a mail forwarded inside more than ${MAX_NESTED} other mails and was not read. ` +
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
