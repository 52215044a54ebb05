/**
 * The work a part pool process does (see pool.ts): one part read or parsed per task, in the process's own heap. The
 * process says when it starts a task (a message on the task's channel, with its pid), so that the task's time
 * budget runs from then and not from when it was queued or its process was starting up. Failures come back as
 * data: an error's class does not cross processes.
 */
import type { ErrorCode } from '../core/errors.ts';
import type { ParsedDocument } from '../core/types.ts';
import { parseDocument } from '../parse/index.ts';
import { htmlToText, type HtmlText } from './html.ts';
import { partError, readDocument, type DocumentFormat } from './reader.ts';
import type { ExtractLimits } from './types.ts';

/** The key of the message a process sends when it begins a task. */
export const PART_STARTED = 'sgbotPartStarted';

/** The message a process sends when it begins a task. */
export interface PartStarted {
  [PART_STARTED]: true;
  pid: number;
}

/** One task of a part pool process. */
export type PartTask = { name: string } & (
  | { kind: 'document'; bytes: Uint8Array; format: DocumentFormat; limits: ExtractLimits }
  | { kind: 'html'; html: string }
  | { kind: 'parse'; text: string }
);

/** An error as data. */
export interface PartFailure {
  code: ErrorCode;
  message: string;
}

/** The text of a document, `stopped` as data. */
export interface DocumentTextData {
  text: string;
  stopped: PartFailure | null;
}

/** What a task gives back. */
export type PartResult =
  | { ok: true; kind: 'document'; value: DocumentTextData }
  | { ok: true; kind: 'html'; value: HtmlText }
  | { ok: true; kind: 'parse'; value: ParsedDocument }
  | { ok: false; error: PartFailure };

/** Runs one task; never throws (a process that is stopped or runs out of memory is the pool's to report). */
export async function runPartTask(task: PartTask): Promise<PartResult> {
  process.send?.({ [PART_STARTED]: true, pid: process.pid } satisfies PartStarted);
  try {
    switch (task.kind) {
      case 'document': {
        const bytes = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
        const { text, stopped } = await readDocument(bytes, task.format, task.name, task.limits);
        return { ok: true, kind: 'document', value: { text, stopped: stopped && { code: stopped.code, message: stopped.message } } };
      }
      case 'html':
        return { ok: true, kind: 'html', value: htmlToText(task.html) };
      case 'parse':
        return { ok: true, kind: 'parse', value: parseDocument(task.text) };
    }
  } catch (err) {
    const e = partError(task.name, err);
    return { ok: false, error: { code: e.code, message: e.message } };
  }
}
