/**
 * Types of the file-to-text layer: what a file (or a mail and its attachments) becomes before parsing.
 */

import type { SgbotError } from '../core/errors.ts';

/** Formats the extractors read. */
export type SourceFormat = 'txt' | 'eml' | 'docx' | 'pdf' | 'html';

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
  /** `Date` of the mail, ISO 8601 in UTC, or `null`. */
  date: string | null;
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
  /** Largest file (or attachment) read, checked before it is read. */
  maxFileBytes: number;
  /** Largest text of one part, in UTF-8 bytes. */
  maxPartBytes: number;
  /** Largest uncompressed/compressed size ratio allowed inside a .docx (guard against zip bombs). */
  maxDocxExpansion: number;
}

/** 50 MiB per file, 25 MiB of text per part, a .docx may expand 100 times. */
export const DEFAULT_LIMITS: ExtractLimits = Object.freeze({
  maxFileBytes: 50 * 1024 * 1024,
  maxPartBytes: 25 * 1024 * 1024,
  maxDocxExpansion: 100,
});

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
  /** How many mails this buffer is nested in (0 for a file); mails nested deeper than 3 are refused. */
  depth?: number;
}
