/**
 * A text part becomes a parsed document: parsed here or by a {@link PartReader} (a part pool's process), a parser
 * failure kept as an `other` document with the reason, and the source information the store keeps with it.
 */
import { isSgbotError, SgbotError } from '../core/errors.ts';
import type { SourceInfo } from '../core/facts.ts';
import type { ParsedDocument } from '../core/types.ts';
import { GENEVA_ZONE } from '../parse/dates.ts';
import { parseDocument } from '../parse/index.ts';
import type { ExtractLimits, PartReader, TextPart } from './types.ts';

/** The source fields a part gives its stored document. */
export function sourceOf(part: TextPart): SourceInfo {
  const o = part.origin;
  return { name: part.name, path: o.path, messageId: o.messageId, format: o.format, subject: o.subject, from: o.from, sentAt: o.date, list: o.list ?? null };
}

const EMPTY: Omit<ParsedDocument, 'kind'> = {
  group: null, reference: null, date: null, title: null, meeting: null, events: [], deadlines: [], liaison: null,
  roles: [], recommendations: [], questions: [], addresses: [], revision: null,
};

/**
 * The text the parser reads for a part. A mail body is read with its mail's Subject as a first line when the body
 * gives none of its own: a liaison forwarded in a plain mail often says only in the Subject that it is one
 * ("Liaison Statement: Reply to LS on …") and what it is called; and with the day the mail was sent when the body
 * writes no full date. Attachments and files are read as they are.
 */
export function parserText(part: TextPart): string {
  const o = part.origin;
  if (o.attachment !== null) return part.text;
  const head = part.text.split('\n', 60).join('\n');
  const lines: string[] = [];
  if (o.subject?.trim() && !/^[ \t>*|]*Subject\s*:/im.test(head)) lines.push(`Subject: ${o.subject.replace(/\s+/g, ' ').trim()}`);
  // A mail body is dated by its mail: the day it was sent gives the document its date (unless a letter in the body
  // dates itself) and a date written without a year its year.
  const sent = o.date ? sentDay(o.date) : null;
  if (sent) lines.push(`Sent: ${sent}`);
  return lines.length > 0 ? `${lines.join('\n')}\n${part.text}` : part.text;
}

/** The day an ISO instant falls on in Geneva, written as letters write it: "24 March 2007". */
function sentDay(iso: string): string | null {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  return DAY_IN_GENEVA.format(d);
}

const DAY_IN_GENEVA = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: GENEVA_ZONE });

/**
 * Parse a part; a parser failure keeps the text as an `other` document and reports the problem. A mail that came
 * through a study group's list (or TSB mailbox) belongs to that group when its text names none.
 */
export function parsePart(part: TextPart): { parsed: ParsedDocument; error: SgbotError | null } {
  try {
    return { parsed: withListGroup(parseDocument(parserText(part)), part), error: null };
  } catch (err) {
    return unparsed(part, err);
  }
}

/**
 * {@link parsePart} by `reader` (in a part pool's process, within its budget): a part that cannot be parsed in time
 * or memory is kept as an `other` document with the reason.
 */
export async function parsePartWith(reader: PartReader, part: TextPart, limits: ExtractLimits): Promise<{ parsed: ParsedDocument; error: SgbotError | null }> {
  try {
    return { parsed: withListGroup(await reader.parse(parserText(part), part.name, limits), part), error: null };
  } catch (err) {
    // Not the part's doing (the pool could not be started): the caller retries.
    if (!isSgbotError(err)) throw err;
    return unparsed(part, err);
  }
}

function withListGroup(parsed: ParsedDocument, part: TextPart): ParsedDocument {
  if (parsed.group === null && part.origin.list?.group) parsed.group = part.origin.list.group;
  return parsed;
}

function unparsed(part: TextPart, err: unknown): { parsed: ParsedDocument; error: SgbotError } {
  const error = new SgbotError('E_BAD_DOCUMENT', `${part.name}: the text was kept but could not be parsed (${(err as Error).message}).`, { cause: err });
  return { parsed: { kind: 'other', ...EMPTY }, error };
}
