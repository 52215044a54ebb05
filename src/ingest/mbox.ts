/**
 * mbox archives (mboxrd, as Mailman, Thunderbird, mutt and Gmail write them) read one message at a time, in
 * chunks: a 1 GB archive never is in memory, only the message being read. Each message has a stable position,
 * the byte offset of its `From ` line, so that a bulk import can stop and resume where it was.
 */

import { createReadStream } from 'node:fs';
import { SgbotError, isSgbotError } from '../core/errors.ts';
import { fileError } from './file-errors.ts';
import { formatBytes } from './formats.ts';
import type { ListRule } from './lists.ts';
import { mailLimit, type AttachmentExtractor, type ExtractLimits, type Extraction } from './types.ts';

/** One message of an mbox. */
export interface MboxMessage {
  /** The message as sent: `From ` line removed, `>From ` lines unquoted, the blank separator line dropped. */
  raw: Buffer;
  /** Byte offset of its `From ` line in the file. */
  offset: number;
  /** Byte offset of the next message's `From ` line (the file size after the last message): resume from here. */
  nextOffset: number;
  /** Position in the archive, from 0 (from `startIndex` when reading resumes at `startOffset`). */
  index: number;
  /** Its `From ` line (envelope sender and date), without the line end. */
  fromLine: string;
  /** Size of the message in bytes (once unquoted), even when `raw` was cut. */
  size: number;
  /** `true` when the message is over `maxMessageBytes`: `raw` then holds only its first `maxMessageBytes` bytes. */
  truncated: boolean;
}

/** Options of {@link iterateMbox}. */
export interface MboxOptions {
  /** Byte offset to start at: 0, or a `nextOffset` given earlier. */
  startOffset?: number;
  /** Index of the message at `startOffset` (to keep `index` meaningful when resuming). */
  startIndex?: number;
  /** Largest message kept whole, in bytes; 100 MiB by default. */
  maxMessageBytes?: number;
  /** Size of the chunks read from the file, in bytes; 1 MiB by default. */
  chunkBytes?: number;
}

const DEFAULT_MAX_MESSAGE = 100 * 1024 * 1024;
/** Longer lines are never `From ` lines: they are passed on without being looked at. */
const MAX_LINE = 64 * 1024;

const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
/**
 * A `From ` line inside an archive: `From sender Tue Mar  3 10:15:00 2026` (asctime, as every mbox writer puts it;
 * Mailman's archives write the sender as `name at example.org`; a few tools use `Tue, 03 Mar 2026 10:15:00`).
 * The date is required so that an unquoted "From the meeting of 3 March…" in a body does not split a message.
 */
export const FROM_LINE = new RegExp(`^From .*?${DAY},? +(?:${MONTH} +\\d{1,2}|\\d{1,2} +${MONTH})(?: +\\d{4})? +\\d{1,2}:\\d{2}`);
const QUOTED_FROM = /^>+From /;

/**
 * Reads the messages of an mbox file one at a time, in chunks of `chunkBytes`.
 *
 * @throws SgbotError E_FILE when the file cannot be read; E_BAD_DOCUMENT when it does not start with a `From `
 *   line (not an mbox), or when `startOffset` is not the start of a message.
 * @example
 * for await (const m of iterateMbox('archive.mbox', { startOffset: saved })) { await keep(m.raw); saved = m.nextOffset; }
 */
export async function* iterateMbox(path: string, options: MboxOptions = {}): AsyncGenerator<MboxMessage> {
  const splitter = new MboxSplitter(path, options);
  const start = options.startOffset ?? 0;
  // No `start` for 0: positioned reads fail on a pipe, which a plain sequential read handles.
  const stream = createReadStream(path, { ...(start > 0 ? { start } : {}), highWaterMark: options.chunkBytes ?? 1024 * 1024 });
  try {
    for await (const chunk of stream) yield* splitter.push(chunk as Buffer);
  } catch (err) {
    if (isSgbotError(err)) throw err;
    throw fileError(path, err);
  } finally {
    stream.destroy();
  }
  yield* splitter.end();
}

/** {@link iterateMbox} on an mbox already in memory (an upload, a test). */
export function* splitMbox(buf: Buffer, name: string, options: MboxOptions = {}): Generator<MboxMessage> {
  const splitter = new MboxSplitter(name, options);
  const step = options.chunkBytes ?? 1024 * 1024;
  const start = options.startOffset ?? 0;
  for (let at = start; at < buf.length; at += step) yield* splitter.push(buf.subarray(at, at + step));
  yield* splitter.end();
}

interface Current {
  offset: number;
  fromLine: string;
  parts: Buffer[];
  kept: number;
  size: number;
  truncated: boolean;
  /** The last bytes appended (up to 4), to find the separator's blank line even in a cut message. */
  tail: string;
}

/** The line-by-line state machine behind {@link iterateMbox} and {@link splitMbox}. */
class MboxSplitter {
  private readonly maxMessage: number;
  private position: number;
  private index: number;
  private carry: Buffer | null = null;
  private longLine = false;
  private current: Current | null = null;
  private readonly resumed: boolean;

  constructor(
    private readonly name: string,
    options: MboxOptions,
  ) {
    this.maxMessage = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE;
    this.position = options.startOffset ?? 0;
    this.index = options.startIndex ?? 0;
    this.resumed = this.position > 0;
  }

  /** Feeds a chunk; returns the messages it completed. */
  push(chunk: Buffer): MboxMessage[] {
    const done: MboxMessage[] = [];
    const data = this.carry === null ? chunk : Buffer.concat([this.carry, chunk]);
    const base = this.position - (this.carry?.length ?? 0);
    this.carry = null;
    let start = 0;
    let run = 0;
    for (let end = data.indexOf(10); end !== -1; end = data.indexOf(10, start)) {
      if (this.longLine) {
        this.longLine = false;
      } else {
        run = this.line(data, start, end + 1, run, base, done);
      }
      start = end + 1;
    }
    if (this.current === null) run = start;
    this.append(data.subarray(run, start));
    const rest = data.subarray(start);
    if (rest.length > MAX_LINE) {
      // A line too long to be a `From ` line: kept as it is, and the rest of it too, up to its line end.
      this.append(this.longLine ? rest : this.unquote(rest));
      this.longLine = true;
    } else if (rest.length > 0) {
      this.carry = Buffer.from(rest);
    }
    this.position += chunk.length;
    return done;
  }

  /** Ends the input: returns the last message. */
  end(): MboxMessage[] {
    const done: MboxMessage[] = [];
    if (this.carry !== null) {
      const last = this.carry;
      this.carry = null;
      // The last line has no line end (an archive cut or written without a final newline).
      const run = this.longLine ? 0 : this.line(last, 0, last.length, 0, this.position - last.length, done);
      if (this.current !== null) this.append(last.subarray(run));
    }
    this.finish(this.position, done);
    return done;
  }

  /** Handles the line `data[start, end)`; returns where the pending run of plain lines now starts. */
  private line(data: Buffer, start: number, end: number, run: number, base: number, done: MboxMessage[]): number {
    const first = data[start];
    if (first !== 0x46 /* F */ && first !== 0x3e /* > */ && this.current !== null) return run;
    const text = data.toString('latin1', start, Math.min(end, start + 1024)).replace(/\r?\n$/, '');
    const atStart = this.current === null;
    if (text.startsWith('From ') && (atStart || FROM_LINE.test(text))) {
      if (!atStart) this.append(data.subarray(run, start));
      this.finish(base + start, done);
      this.current = { offset: base + start, fromLine: text, parts: [], kept: 0, size: 0, truncated: false, tail: '' };
      return end;
    }
    if (atStart) {
      if (text.trim() !== '') throw this.notMbox(base + start);
      return end;
    }
    if (QUOTED_FROM.test(text)) {
      // mboxrd: one '>' was added in front of every line that starts with '>*From '.
      this.append(data.subarray(run, start));
      return start + 1;
    }
    return run;
  }

  private unquote(line: Buffer): Buffer {
    return QUOTED_FROM.test(line.toString('latin1', 0, 64)) ? line.subarray(1) : line;
  }

  private append(bytes: Buffer): void {
    const current = this.current;
    if (current === null || bytes.length === 0) return;
    current.size += bytes.length;
    current.tail = (current.tail + bytes.toString('latin1', Math.max(0, bytes.length - 4))).slice(-4);
    const room = this.maxMessage - current.kept;
    if (room <= 0) {
      current.truncated = true;
      return;
    }
    const kept = bytes.length <= room ? bytes : bytes.subarray(0, room);
    if (kept.length < bytes.length) current.truncated = true;
    current.parts.push(kept);
    current.kept += kept.length;
  }

  private finish(nextOffset: number, done: MboxMessage[]): void {
    const current = this.current;
    this.current = null;
    if (current === null) return;
    let raw = Buffer.concat(current.parts, current.kept);
    // The blank line a writer puts before the next `From ` line belongs to the archive, not the message.
    const separator = current.tail.endsWith('\n\n') ? 1 : current.tail === '\r\n\r\n' ? 2 : 0;
    if (!current.truncated) raw = raw.subarray(0, raw.length - separator);
    const size = current.size - separator;
    done.push({ raw, offset: current.offset, nextOffset, index: this.index, fromLine: current.fromLine, size, truncated: current.truncated });
    this.index += 1;
  }

  private notMbox(offset: number): SgbotError {
    return new SgbotError(
      'E_BAD_DOCUMENT',
      this.resumed
        ? `${this.name}: offset ${offset} is not the start of a message (no "From " line there). Resume from the ` +
            'nextOffset of the last message read, or from 0.'
        : `${this.name} is not an mbox archive: it does not start with a "From " line. If it is a single mail, ` +
            'save it with the extension .eml.',
    );
  }
}

/**
 * Extracts every message of an mbox file: parts named `archive.mbox#N (body)`, `archive.mbox#N#1 (annex.pdf)`
 * (N from 1). A message that cannot be read, or is over the mail size limit, becomes a problem; the others are
 * read. All parts are returned at once: for large archives, use {@link iterateMbox} and extract message by message.
 *
 * @throws SgbotError E_BAD_DOCUMENT when the file is not an mbox or no message could be read; E_FILE.
 */
export async function extractMboxFile(
  path: string,
  name: string,
  limits: ExtractLimits,
  listRules: readonly ListRule[] | undefined,
  extractMessage: AttachmentExtractor,
): Promise<Extraction> {
  return collectMessages(iterateMbox(path, { maxMessageBytes: mailLimit(limits) }), path, name, limits, listRules, extractMessage);
}

/** {@link extractMboxFile} on an mbox in memory. */
export async function extractMboxBuffer(
  buf: Buffer,
  path: string,
  name: string,
  limits: ExtractLimits,
  listRules: readonly ListRule[] | undefined,
  extractMessage: AttachmentExtractor,
): Promise<Extraction> {
  return collectMessages(splitMbox(buf, name, { maxMessageBytes: mailLimit(limits) }), path, name, limits, listRules, extractMessage);
}

async function collectMessages(
  messages: AsyncIterable<MboxMessage> | Iterable<MboxMessage>,
  path: string,
  name: string,
  limits: ExtractLimits,
  listRules: readonly ListRule[] | undefined,
  extractMessage: AttachmentExtractor,
): Promise<Extraction> {
  const result: Extraction = { parts: [], problems: [] };
  let count = 0;
  for await (const message of messages) {
    count += 1;
    const partName = `${name}#${message.index + 1}`;
    if (message.truncated) {
      const error = new SgbotError(
        'E_TOO_LARGE',
        `${partName} (at byte ${message.offset}) is ${formatBytes(message.size)}, more than the limit of ` +
          `${formatBytes(mailLimit(limits))} per mail, and was not read. Raise the mail size limit if such mails ` +
          'are expected.',
      );
      result.problems.push({ name: partName, error });
      continue;
    }
    try {
      const source = { filename: `${partName}.eml`, format: 'eml' as const, name: partName, origin: { path }, listRules };
      const extraction = await extractMessage(message.raw, source, limits);
      result.parts.push(...extraction.parts);
      result.problems.push(...extraction.problems);
    } catch (err) {
      if (!isSgbotError(err)) throw err;
      result.problems.push({ name: partName, error: err });
    }
  }
  if (result.parts.length === 0) {
    const why = count === 0 ? 'it holds no message' : `none of its ${count} messages could be read`;
    const reasons = result.problems.slice(0, 3).map((p) => p.error.message);
    throw new SgbotError(
      'E_BAD_DOCUMENT',
      `${name} yielded no text: ${why}${reasons.length > 0 ? ` (${reasons.join(' ')})` : ''}. Check that it is an mbox archive.`,
    );
  }
  return result;
}
