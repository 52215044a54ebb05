/**
 * The line filter in front of mailparser that repairs what real list mail gets wrong (mbox separators left in a
 * saved .eml, mails without headers, untyped digest parts, wrong boundaries); see {@link MimeRepair}.
 */
import { Transform, type TransformCallback } from 'node:stream';
import { SgbotError } from '../core/errors.ts';
import { formatBytes } from './formats.ts';
import { FROM_LINE } from './mbox.ts';

/** What {@link MimeRepair} noticed on the way: enough to decide whether and how to read a mail again. */
export interface Sniff {
  /** Content type of the whole mail, lower case (`text/plain` when it has none). */
  rootType: string;
  /** Its boundary parameter, or `null`. */
  rootBoundary: string | null;
  /** The first line of the body that looks like a multipart delimiter (`--XYZ`), without the dashes. */
  firstDelimiter: string | null;
}

/** How to repair the mail's own Content-Type on a second reading. */
export interface RepairMode {
  /** Use this boundary instead of the declared (missing or wrong) one. */
  boundary?: string;
  /** Read the whole body as plain text. */
  asText?: boolean;
}

/** Lines longer than this are passed through without being looked at (base64, binary junk). */
const MAX_LINE = 8 * 1024;
/** Header blocks of digest parts longer than this are passed through unrepaired. */
const MAX_PART_HEADER = 64 * 1024;

export const HEADER_LINE = /^[\x21-\x39\x3b-\x7e]+[ \t]*:/;

/**
 * A line filter in front of mailparser, for what real mail gets wrong and mailparser would silently lose:
 *
 * - a first line `From sender Tue Mar  3 10:15:00 2026` (an mbox separator left in a saved .eml) is dropped;
 * - a mail without headers (its first line is not a header) gets an empty header block, so that all its text is
 *   the body (mailparser would read the first paragraph as headers and drop it);
 * - in a `multipart/digest`, parts without a Content-Type are messages (RFC 2046 5.1.5), which mailparser does not
 *   know: it would merge them into the body. They get `Content-Type: message/rfc822`; digest messages without a
 *   Content-Disposition get the file name `digest-N.eml`. A part that starts with message headers right after its
 *   delimiter (no blank line) gets them as its message's headers;
 * - on a second reading ({@link RepairMode}), the mail's Content-Type is replaced.
 *
 * It also counts the bytes, and fails with E_TOO_LARGE past `maxBytes`.
 */
export class MimeRepair extends Transform {
  readonly sniff: Sniff = { rootType: 'text/plain', rootBoundary: null, firstDelimiter: null };
  private state: 'start' | 'headers' | 'body' = 'start';
  private carry: Buffer | null = null;
  private longLine = false;
  private bytes = 0;
  /** A Content-Type header being read with its continuation lines: of the mail itself, or of a digest. */
  private pending: { root: boolean; lines: Buffer[] } | null = null;
  private readonly digests = new Set<string>();
  private digestPart: { lines: Buffer[]; size: number } | null = null;
  private digestCount = 0;

  constructor(
    private readonly mode: RepairMode,
    private readonly name: string,
    private readonly maxBytes: number,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) {
      callback(tooLargeMail(this.name, this.bytes, this.maxBytes, true));
      return;
    }
    const data = this.carry === null ? chunk : Buffer.concat([this.carry, chunk]);
    this.carry = null;
    let start = 0;
    let run = 0;
    const out: Buffer[] = [];
    for (let end = data.indexOf(10); end !== -1; end = data.indexOf(10, start)) {
      const line = data.subarray(start, end + 1);
      const replacement = this.longLine ? null : this.line(line);
      this.longLine = false;
      if (replacement !== null) {
        if (start > run) out.push(data.subarray(run, start));
        out.push(...replacement);
        run = end + 1;
      }
      start = end + 1;
    }
    if (start > run) out.push(data.subarray(run, start));
    const rest = data.subarray(start);
    if (rest.length > MAX_LINE) {
      // Too long to be a line worth looking at: pass it on, and ignore the rest of it.
      out.push(...this.flushHeld(), rest);
      this.longLine = true;
    } else if (rest.length > 0) {
      this.carry = Buffer.from(rest);
    }
    for (const part of out) this.push(part);
    callback();
  }

  override _flush(callback: TransformCallback): void {
    const last = this.carry;
    this.carry = null;
    const out = last === null || this.longLine ? (last === null ? [] : [last]) : (this.line(last) ?? [last]);
    for (const part of [...out, ...this.flushHeld()]) this.push(part);
    callback();
  }

  /** Lines held back (a Content-Type being read, a digest part's headers) when the input ends or a line is long. */
  private flushHeld(): Buffer[] {
    const held = [...(this.pending?.lines ?? []), ...(this.digestPart?.lines ?? [])];
    this.pending = null;
    this.digestPart = null;
    return held;
  }

  /** Handles one line (with its line end): `null` to pass it on unchanged, else what to write instead. */
  private line(line: Buffer): Buffer[] | null {
    // Most of a well-formed mail: a body line that is neither a delimiter ("--") nor a Content-Type ("c"), outside any
    // held header, passes unchanged without being read as text.
    if (this.state === 'body' && this.pending === null && this.digestPart === null) {
      const first = line[0];
      if (first !== 0x2d && first !== 0x63 && first !== 0x43) return null;
    }
    const text = line.length > MAX_LINE ? null : line.toString('latin1').replace(/\r?\n$/, '');
    if (text === null) return this.pending !== null || this.digestPart !== null ? [...this.flushHeld(), line] : null;
    const eol = line.subarray(text.length);
    if (this.pending !== null) {
      if (/^[ \t]/.test(text)) {
        this.pending.lines.push(Buffer.from(line));
        return [];
      }
      return [...this.endContentType(eol), ...(this.line(line) ?? [line])];
    }
    switch (this.state) {
      case 'start':
        if (FROM_LINE.test(text)) return [];
        if (text !== '' && !HEADER_LINE.test(text)) {
          this.state = 'body';
          return [eol.length > 0 ? eol : Buffer.from('\n'), ...(this.body(text, line, eol) ?? [line])];
        }
        this.state = 'headers';
        return this.header(text, line);
      case 'headers':
        return this.header(text, line);
      case 'body':
        return this.body(text, line, eol);
    }
  }

  private header(text: string, line: Buffer): Buffer[] | null {
    if (text === '') {
      this.state = 'body';
      return null;
    }
    if (/^content-type[ \t]*:/i.test(text)) {
      this.pending = { root: true, lines: [Buffer.from(line)] };
      return [];
    }
    return null;
  }

  private body(text: string, line: Buffer, eol: Buffer): Buffer[] | null {
    if (this.digestPart !== null) return this.digestHeader(text, line, eol);
    if (text.startsWith('--')) {
      const delimiter = text.slice(2).trimEnd();
      if (this.sniff.firstDelimiter === null && delimiter !== '') this.sniff.firstDelimiter = delimiter.replace(/--$/, '');
      if (this.digests.has(delimiter)) this.digestPart = { lines: [], size: 0 };
      return null;
    }
    if (/^content-type[ \t]*:[ \t]*multipart\/digest/i.test(text)) {
      this.pending = { root: false, lines: [Buffer.from(line)] };
      return [];
    }
    return null;
  }

  /** A line of the header block of a digest part: held until the block ends, then written with what it lacks. */
  private digestHeader(text: string, line: Buffer, eol: Buffer): Buffer[] {
    const part = this.digestPart;
    if (part === null) return [line];
    if (text !== '' && part.size + line.length <= MAX_PART_HEADER) {
      part.lines.push(Buffer.from(line));
      part.size += line.length;
      return [];
    }
    this.digestPart = null;
    if (text !== '') return [...part.lines, line];
    const headers = part.lines.map((l) => l.toString('latin1'));
    const type = headers.find((h) => /^content-type[ \t]*:/i.test(h));
    const isMessage = type === undefined || /^content-type[ \t]*:[ \t]*message\/(?:rfc822|global)/i.test(type);
    const hasDisposition = headers.some((h) => /^content-disposition[ \t]*:/i.test(h));
    const mimeOnly = headers.every((h) => /^(?:content-|mime-version[ \t]*:|[ \t])/i.test(h));
    const added: string[] = [];
    if (type === undefined) added.push('Content-Type: message/rfc822');
    if (isMessage && !hasDisposition) {
      this.digestCount += 1;
      added.push(`Content-Disposition: attachment; filename="digest-${this.digestCount}.eml"`);
    }
    const addedLines = added.map((h) => Buffer.from(h + eol.toString('latin1'), 'latin1'));
    // Message headers written as the part's headers: they belong to the message, after an empty part header.
    if (type === undefined && !mimeOnly) return [...addedLines, eol, ...part.lines, line];
    return [...part.lines, ...addedLines, line];
  }

  /** The end of a Content-Type header: note what it says, and write it (or its replacement). */
  private endContentType(eol: Buffer): Buffer[] {
    const pending = this.pending;
    this.pending = null;
    if (pending === null) return [];
    const value = Buffer.concat(pending.lines)
      .toString('latin1')
      .replace(/\r?\n(?=[ \t])/g, '')
      .replace(/^[^:]*:/, '')
      .trim();
    const type = (value.split(';')[0] ?? '').trim().toLowerCase();
    const boundary = /boundary[ \t]*=[ \t]*(?:"([^"]*)"|([^\s;]+))/i.exec(value);
    const boundaryValue = boundary?.[1] ?? boundary?.[2] ?? null;
    if (type === 'multipart/digest' && boundaryValue !== null) this.digests.add(boundaryValue);
    if (!pending.root) return pending.lines;
    this.sniff.rootType = type;
    this.sniff.rootBoundary = boundaryValue;
    const end = eol.length > 0 ? eol.toString('latin1') : '\r\n';
    if (this.mode.boundary !== undefined && type.startsWith('multipart/')) {
      if (type === 'multipart/digest') this.digests.add(this.mode.boundary);
      return [Buffer.from(`Content-Type: ${type}; boundary="${this.mode.boundary}"${end}`, 'latin1')];
    }
    if (this.mode.asText === true) {
      const charset = /charset[ \t]*=[ \t]*"?([^";\s]+)/i.exec(value)?.[1];
      return [Buffer.from(`Content-Type: text/plain${charset !== undefined ? `; charset=${charset}` : ''}${end}`, 'latin1')];
    }
    return pending.lines;
  }
}

/** The mail is over the size limit (`atLeast`: counted while streaming, so its real size is larger still). */
export function tooLargeMail(name: string, size: number, limit: number, atLeast = false): SgbotError {
  return new SgbotError(
    'E_TOO_LARGE',
    `${name} is ${atLeast ? 'at least ' : ''}${formatBytes(size)}, more than the limit of ${formatBytes(limit)} ` +
      'per mail. Save its attachments and ingest them as files, or raise the limit (SGBOT_MAX_MAIL_MB, in MB) if such mails are expected.',
  );
}
