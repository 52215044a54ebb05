/**
 * What reading a mail costs is mostly the work on each of its parts: an HTML body to text, a .docx, .doc or PDF
 * attachment to text, each text parsed. A {@link PartReader} does that work, one part at a time, and turns every
 * failure of a part — a damaged file, a stack overflow in a converter, a part over its time or memory budget —
 * into an {@link SgbotError} naming the part and the reason, so that the part is dropped and the rest of the mail
 * read. {@link inlineReader} works in this thread; `PartPool` (pool.ts) in child processes, within budgets, so that
 * no part can block the event loop.
 */

import { SgbotError, isSgbotError } from '../core/errors.ts';
import { parseDocument } from '../parse/index.ts';
import { extractDocText } from './doc.ts';
import { extractDocxText } from './docx.ts';
import { htmlToText, MAX_DEPTH } from './html.ts';
import { extractPdfText } from './pdf.ts';
import { decodeText } from './text.ts';
import type { DocumentFormat, DocumentText, ExtractLimits, PartReader } from './types.ts';

export type { DocumentFormat, DocumentText, PartReader } from './types.ts';

/** The text of a document's bytes, in this thread. */
export async function readDocument(bytes: Buffer, format: DocumentFormat, name: string, limits: ExtractLimits): Promise<DocumentText> {
  switch (format) {
    case 'pdf':
      // A PDF too long to read whole gives the pages read and a problem saying where it stopped.
      return extractPdfText(bytes, name, limits);
    case 'txt': {
      // A web page or a mail's HTML body saved as .txt ("attachment.html" kept under another name) is read as HTML.
      const text = decodeText(bytes, name);
      if (!looksLikeHtml(text)) return { text, stopped: null };
      const html = htmlToText(text);
      return { text: html.text, stopped: html.cut ? nestedTooDeep(name) : null };
    }
    case 'html': {
      const { text, cut } = htmlToText(decodeText(bytes, name));
      return { text, stopped: cut ? nestedTooDeep(name) : null };
    }
    case 'docx':
      return { text: await extractDocxText(bytes, name, limits), stopped: null };
    case 'doc':
      return { text: await extractDocText(bytes, name), stopped: null };
  }
}

/**
 * Whether a text file is HTML markup: it opens with a tag, and tags (of the kinds pages and mail bodies use) stand on
 * most of its first lines. A text that quotes a tag or two ("<tsbsg17@itu.int>", "<br>" in prose) is not.
 */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4000);
  if (!/^\s*<(?:!DOCTYPE\s+html|html|head|body|div|p|font|table|br|span|pre|meta)\b/i.test(head)) return false;
  const lines = head.split('\n').filter((l) => l.trim() !== '').slice(0, 30);
  const tagged = lines.filter((l) => /<\/?(?:html|head|body|div|p|font|table|tr|td|br|span|pre|meta|b|i|a|ul|li|h[1-6])\b[^>]*>/i.test(l)).length;
  return tagged * 2 >= lines.length;
}

/** Reads and parses in this thread: no budget, but every failure of a part is that part's {@link SgbotError}. */
export const inlineReader: PartReader = {
  async document(bytes, format, name, limits) {
    try {
      return await readDocument(bytes, format, name, limits);
    } catch (err) {
      throw partError(name, err);
    }
  },
  html(html, name) {
    try {
      return Promise.resolve(htmlToText(html));
    } catch (err) {
      return Promise.reject(partError(name, err));
    }
  },
  parse(text, name) {
    try {
      return Promise.resolve(parseDocument(text));
    } catch (err) {
      return Promise.reject(partError(name, err));
    }
  },
};

/**
 * Any failure of reading one part as that part's {@link SgbotError}: an SgbotError as it is; a stack overflow as
 * nesting too deep to read; anything else as a part that could not be read, with the converter's message.
 */
export function partError(name: string, err: unknown): SgbotError {
  if (isSgbotError(err)) return err;
  if (err instanceof RangeError && /call stack/i.test(err.message)) {
    return new SgbotError(
      'E_BAD_DOCUMENT',
      `${name} is nested too deeply to read (the converter ran out of stack) and was left out. Ask the sender for a plain-text or PDF version.`,
      { cause: err },
    );
  }
  const message = err instanceof Error ? err.message : String(err);
  return new SgbotError('E_BAD_DOCUMENT', `${name} could not be read (${message.slice(0, 300)}) and was left out.`, { cause: err });
}

/** The part's HTML had elements nested deeper than {@link MAX_DEPTH}: read without their tags. */
export function nestedTooDeep(name: string): SgbotError {
  return new SgbotError(
    'E_BAD_DOCUMENT',
    `${name} has HTML elements nested more than ${MAX_DEPTH} deep: the text below that depth was read without its layout. ` +
      'Check the stored text against the original if the layout mattered.',
  );
}

/** The part took longer than its time budget and was stopped. */
export function overTime(name: string, ms: number, what: 'read' | 'parse'): SgbotError {
  return new SgbotError(
    'E_TOO_LARGE',
    `${name}: ${what === 'read' ? 'reading' : 'parsing'} it took more than ${formatSeconds(ms)}, the time budget per part (SGBOT_PART_SECONDS), so it was stopped and ${what === 'read' ? 'left out' : 'stored without facts'}. ` +
      'If it is a real document, raise SGBOT_PART_SECONDS and retry it from the quarantine.',
  );
}

/** The part needed more memory than its budget and was stopped. */
export function overMemory(name: string, mb: number, what: 'read' | 'parse'): SgbotError {
  return new SgbotError(
    'E_TOO_LARGE',
    `${name}: ${what === 'read' ? 'reading' : 'parsing'} it needed more than ${mb} MB, the memory budget per part (SGBOT_PART_MEMORY_MB), so it was stopped and ${what === 'read' ? 'left out' : 'stored without facts'}. ` +
      'If it is a real document, raise SGBOT_PART_MEMORY_MB and retry it from the quarantine.',
  );
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}
