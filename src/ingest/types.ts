/**
 * Types of the file-to-text layer: what a file (or a mail and its attachments) becomes before parsing.
 */

import type { SgbotError } from '../core/errors.ts';
import type { ParsedDocument } from '../core/types.ts';
import type { HtmlText } from './html.ts';
import type { ListInfo, ListRule } from './lists.ts';

/**
 * Formats the extractors read. `mbox` is a container: its messages become parts of format `eml` (or of their
 * attachments' formats); no part has the format `mbox`.
 */
export type SourceFormat = 'txt' | 'eml' | 'docx' | 'doc' | 'pdf' | 'html' | 'mbox';

/**
 * Where a text part comes from. Mail fields are `null` for a part that did not come from a mail.
 *
 * @example
 * { path: '/in/mail.eml', format: 'pdf', messageId: '<abc@itu.int>', attachment: 'annex.pdf',
 *   subject: 'Collective letter 5/20', from: '"TSB" <tsb@itu.int>', date: '2026-03-03T09:00:00.000Z' }
 */
export interface PartOrigin {
  /** Path of the file on disk that was read (the mail, for an attachment). */
  path: string;
  /** Format the text was extracted from: the attachment's format for an attachment. */
  format: SourceFormat;
  /** `Message-ID` header of the mail, angle brackets included, or `null`. */
  messageId: string | null;
  /** File name of the attachment, or `null` for a file or a mail body. */
  attachment: string | null;
  /** Decoded `Subject` of the mail, or `null`. */
  subject: string | null;
  /** `From` of the mail as written (`"TSB" <tsb@itu.int>`), or `null`. */
  from: string | null;
  /** `Date` of the mail, ISO 8601 in UTC, or `null` (also when the header is missing or not a date). */
  date: string | null;
  /**
   * The ITU list (or TSB mailbox) the mail came through, from its List-Id, X-Original-To, Delivered-To, To and Cc
   * headers; `null` for a mail that names none; absent for a part that did not come from a mail.
   *
   * @example { list: 't22sg20q1@lists.itu.int', group: 'SG20', question: 'Q1/20', period: '2022-2024', role: 'list' }
   */
  list?: ListInfo | null;
}

/** One candidate document: the text of a file, of a mail body or of one attachment. */
export interface TextPart {
  /** Stable name of the part for people: "letter.docx", "mail.eml#2 (annex.pdf)", "mail.eml (body)". */
  name: string;
  /** The text, UTF-8 decoded, LF line ends; otherwise as extracted (non-breaking spaces are kept). */
  text: string;
  /** What the part was extracted from. */
  origin: PartOrigin;
}

/** A part that could not be read while the rest of its file could (an attachment of a mail). */
export interface ExtractionProblem {
  /** Name of the part, as {@link TextPart.name} would have been. */
  name: string;
  error: SgbotError;
}

/**
 * What a file yields: at least one part, and the problems met in parts that could not be read.
 * A file that yields no part at all throws instead.
 */
export interface Extraction {
  parts: TextPart[];
  problems: ExtractionProblem[];
}

/** Size limits that protect the process from huge or malicious inputs. All sizes in bytes. */
export interface ExtractLimits {
  /** Largest file (or attachment, once decoded) read, checked before it is read. */
  maxFileBytes: number;
  /** Largest text of one part, in UTF-8 bytes. */
  maxPartBytes: number;
  /** Largest uncompressed/compressed size ratio allowed inside a .docx (guard against zip bombs). */
  maxDocxExpansion: number;
  /**
   * Largest mail read, all parts and their transfer encoding included (one message of an mbox, a .eml file).
   * Twice `maxFileBytes` when not set, so that a mail carrying one attachment of the largest size (base64 makes it
   * a third larger) is read and its other attachments too.
   */
  maxMailBytes?: number;
  /** Most pages of one PDF read ({@link DEFAULT_PDF_MAX_PAGES} when not set); the rest is reported, not read. */
  maxPdfPages?: number;
  /** Most time spent reading one PDF, ms ({@link DEFAULT_PDF_MAX_MS} when not set); the rest is reported, not read. */
  maxPdfMs?: number;
  /**
   * Most time reading or parsing one part may take in a part pool, ms ({@link DEFAULT_PART_MS} when not set): the
   * process doing it is stopped and the part dropped with the reason. Longer than `maxPdfMs`, so that a long PDF
   * stops at its own budget and keeps the pages read.
   */
  maxPartMs?: number;
  /** Most memory a part pool's process may use, MB of V8 heap ({@link DEFAULT_PART_MEMORY_MB} when not set). */
  maxPartMemoryMb?: number;
}

/** Pages of one PDF read by default: long ITU-T Recommendations run to several hundred pages. */
export const DEFAULT_PDF_MAX_PAGES = 2000;
/** Time spent reading one PDF by default, ms: a few thousand ordinary pages. */
export const DEFAULT_PDF_MAX_MS = 30_000;

/** Time to read or parse one part by default, ms: twice the PDF budget. */
export const DEFAULT_PART_MS = 60_000;
/** Memory of one part pool process by default, MB: a 50 MB PDF or .docx reads in a few hundred. */
export const DEFAULT_PART_MEMORY_MB = 1024;

/** 50 MiB per file, 25 MiB of text per part, a .docx may expand 100 times; mails up to 100 MiB (see {@link mailLimit}). */
export const DEFAULT_LIMITS: ExtractLimits = Object.freeze({
  maxFileBytes: 50 * 1024 * 1024,
  maxPartBytes: 25 * 1024 * 1024,
  maxDocxExpansion: 100,
});

/**
 * The largest mail read under `limits`: `maxMailBytes`, or twice `maxFileBytes` when it is not set.
 *
 * @example mailLimit(DEFAULT_LIMITS) // 104857600 (100 MiB)
 */
export function mailLimit(limits: ExtractLimits): number {
  return limits.maxMailBytes ?? 2 * limits.maxFileBytes;
}

/** What is known about bytes handed to `extractBuffer` (a mail attachment, an upload). */
export interface BufferSource {
  /** File name: picks the format and names the input in messages ("annex.pdf"). */
  filename: string;
  /** Format to read when the file name does not tell (an attachment "annex" sent as application/pdf). */
  format?: SourceFormat;
  /** Name of the resulting part; `filename` by default. */
  name?: string;
  /**
   * Origin fields the parts inherit: the path of the file on disk and, for an attachment, the mail's fields.
   * `path` defaults to `filename`, the others to `null`; `format` is always the format detected.
   */
  origin?: Partial<Omit<PartOrigin, 'format'>>;
  /** How many mails this buffer is nested in (0 for a file); mails nested more than 5 deep are refused. */
  depth?: number;
  /** Extra rules naming lists, tried before the built-in ITU ones (see {@link ListRule}); inherited by nested mails. */
  listRules?: readonly ListRule[];
  /** The list of the mail this buffer is attached to: a forwarded mail that names no list of its own inherits it. */
  parentList?: ListInfo | null;
}

/** Options of `extractFile` that are not limits. */
export interface ExtractOptions {
  /** Extra rules naming lists, tried before the built-in ITU ones. */
  listRules?: readonly ListRule[];
  /** Reads each document part: in this thread by default, in child processes within budgets with a `PartPool`. */
  reader?: PartReader;
}

/** Formats of a single document (not a mail or an archive of mails). */
export type DocumentFormat = Exclude<SourceFormat, 'eml' | 'mbox'>;

/** The text of a document, and why reading stopped early (a PDF over its page or time budget), or `null`. */
export interface DocumentText {
  text: string;
  stopped: SgbotError | null;
}

/** Reads and parses parts. Every method throws {@link SgbotError} only (`E_STORE`-like errors aside: none here). */
export interface PartReader {
  /** The text of a document's bytes. */
  document(bytes: Buffer, format: DocumentFormat, name: string, limits: ExtractLimits): Promise<DocumentText>;
  /** The text of an HTML mail body. */
  html(html: string, name: string, limits: ExtractLimits): Promise<HtmlText>;
  /** The facts of a part's text. */
  parse(text: string, name: string, limits: ExtractLimits): Promise<ParsedDocument>;
}

/** Extracts one attachment; `extractBuffer` in production (passed in to avoid an import cycle). */
export type AttachmentExtractor = (content: Buffer, source: BufferSource, limits: ExtractLimits) => Promise<Extraction>;
