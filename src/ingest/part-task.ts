/**
 * The work a part pool thread does (see pool.ts): one part read or parsed per task, in the thread's own heap. The
 * task flags in shared memory when it starts, so that its time budget runs from then and not from when it was
 * queued or its thread was starting up. Failures come back as data: an error's class does not cross threads.
 */
import type { ErrorCode } from '../core/errors.ts';
import type { ParsedDocument } from '../core/types.ts';
import { parseDocument } from '../parse/index.ts';
import { htmlToText, type HtmlText } from './html.ts';
import { partError, readDocument, type DocumentFormat } from './reader.ts';
import type { ExtractLimits } from './types.ts';

/** One task of a part pool thread. `started` is set to 1 (and notified) when the thread begins the task. */
export type PartTask = { started: Int32Array; name: string } & (
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

/** Runs one task; never throws (a thread that is stopped or runs out of memory is the pool's to report). */
export async function runPartTask(task: PartTask): Promise<PartResult> {
  Atomics.store(task.started, 0, 1);
  Atomics.notify(task.started, 0);
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
