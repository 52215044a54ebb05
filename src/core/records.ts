/**
 * Schemas of what sgbot keeps in Redis as JSON, and the one way to read it back: {@link readStored} parses and
 * checks a record against its schema, so a record written by another program, an older sgbot or damaged by hand is
 * a clear error naming what could not be read — never a half-read object flowing on. Each schema is declared as a
 * `z.ZodType` of the domain type, so the compiler keeps the two in step; fields a schema does not name are kept as
 * they are (a field added to a type and not yet to its schema is never dropped on the way through).
 */
import { z } from 'zod';
import { SgbotError } from './errors.ts';
import type { Cite, DeadlineFact, LiaisonFact, MeetingFact, RoleFact, SourceInfo, StoredDocument } from './facts.ts';
import {
  DEADLINE_CATEGORIES,
  DOCUMENT_KINDS,
  LIAISON_PURPOSES,
  type Addressee,
  type AddressRef,
  type Contact,
  type Deadline,
  type LiaisonInfo,
  type MeetingInfo,
  type ParsedDocument,
} from './types.ts';

const str = z.string();
const nstr = z.string().nullable();

const deadlineObject = z.looseObject({
  date: str,
  time: nstr,
  timezone: str,
  action: str,
  category: z.enum(DEADLINE_CATEGORIES),
  derived: z.boolean(),
});
export const deadlineSchema: z.ZodType<Deadline> = deadlineObject;

const meetingInfoObject = z.looseObject({
  group: nstr,
  title: str,
  start: str,
  end: str,
  place: nstr,
  venue: nstr.optional(),
  startTime: nstr.optional(),
  endTime: nstr.optional(),
  timezone: nstr.optional(),
  registrationTime: nstr.optional(),
  format: z.enum(['in-person', 'hybrid', 'virtual']).nullable().optional(),
  groups: z.array(str).optional(),
  question: nstr.optional(),
  questions: z.array(str).optional(),
  body: str.optional(),
});
export const meetingInfoSchema: z.ZodType<MeetingInfo> = meetingInfoObject;

const contactSchema: z.ZodType<Contact> = z.looseObject({ name: str, organization: nstr, country: nstr, email: nstr, phone: nstr });

const addresseeSchema: z.ZodType<Addressee> = z.looseObject({
  party: str,
  group: nstr,
  questions: z.array(str),
  purpose: z.enum(['action', 'comment', 'information']),
});

export const liaisonInfoSchema: z.ZodType<LiaisonInfo> = z.looseObject({
  from: nstr,
  to: z.array(str),
  cc: z.array(str),
  purpose: z.enum(LIAISON_PURPOSES).nullable(),
  deadline: nstr,
  questions: z.array(str),
  contacts: z.array(contactSchema),
  addressees: z.array(addresseeSchema).optional(),
  repliesTo: z.array(str).optional(),
});

const addressRefSchema: z.ZodType<AddressRef> = z.looseObject({
  address: str,
  kind: z.enum(['list', 'secretariat', 'other']),
  group: nstr,
  question: nstr,
});

export const parsedDocumentSchema: z.ZodType<ParsedDocument> = z.looseObject({
  kind: z.enum(DOCUMENT_KINDS),
  group: nstr,
  reference: nstr,
  date: nstr,
  title: nstr,
  meeting: meetingInfoSchema.nullable(),
  moreMeetings: z.array(meetingInfoSchema).optional(),
  bodyMeetings: z.array(meetingInfoSchema).optional(),
  events: z.array(meetingInfoSchema),
  deadlines: z.array(deadlineSchema),
  liaison: liaisonInfoSchema.nullable(),
  roles: z.array(z.looseObject({ group: str, topic: str })),
  recommendations: z.array(z.looseObject({ id: str, ex: nstr, title: nstr })),
  questions: z.array(z.looseObject({ id: str, title: nstr })),
  addressedTo: z.array(str).optional(),
  addresses: z.array(addressRefSchema),
  revision: nstr,
  cancels: z.looseObject({ meeting: meetingInfoSchema, announcedIn: nstr }).optional(),
});

export const citeSchema: z.ZodType<Cite> = z.looseObject({
  docId: str,
  reference: nstr,
  title: nstr,
  kind: z.enum(DOCUMENT_KINDS),
  date: nstr,
  unverified: z.literal(true).optional(),
});

const sourceInfoSchema: z.ZodType<SourceInfo> = z.looseObject({
  name: str,
  path: nstr,
  messageId: nstr,
  format: str,
  subject: nstr,
  from: nstr,
  sentAt: nstr,
  rawId: nstr.optional(),
  list: z
    .object({ list: nstr, group: nstr, question: nstr, period: nstr, role: z.enum(['list', 'secretariat']).nullable() })
    .nullable()
    .optional(),
  auth: z.looseObject({ verdict: str, summary: str }).nullable().optional(),
});

/** A stored document as kept in Redis (never with `corrected`: corrections are laid over it when read). */
export const storedDocumentSchema: z.ZodType<StoredDocument> = z.looseObject({
  id: str,
  hash: str,
  seq: z.number(),
  ingestedAt: str,
  source: sourceInfoSchema,
  parsed: parsedDocumentSchema,
  baseKey: nstr,
  supersededBy: nstr,
  answeredBy: citeSchema.nullable().optional(),
  cancelledBy: citeSchema.nullable().optional(),
});

export const deadlineFactSchema: z.ZodType<DeadlineFact> = deadlineObject.extend({
  source: citeSchema,
  group: nstr,
  questions: z.array(str),
  groups: z.array(str).optional(),
  due: z.number(),
});

export const meetingFactSchema: z.ZodType<MeetingFact> = meetingInfoObject.extend({
  source: citeSchema,
  events: z.array(meetingInfoSchema),
  authority: z.enum(['letter', 'mention']).optional(),
  sources: z.array(citeSchema).optional(),
  cancelledBy: citeSchema.optional(),
});

export const roleFactSchema: z.ZodType<RoleFact> = z.looseObject({ source: citeSchema, group: str, topic: str });

export const liaisonFactSchema: z.ZodType<LiaisonFact> = z.looseObject({
  source: citeSchema,
  group: nstr,
  liaison: liaisonInfoSchema,
  answeredBy: citeSchema.optional(),
  received: z.string().optional(),
  senderMeetings: z.array(meetingInfoSchema).optional(),
});

/** A JSON object with unknown fields (audit details and the like): checked to be an object, nothing more. */
export const jsonObjectSchema: z.ZodType<Record<string, unknown>> = z.record(z.string(), z.unknown());

/**
 * Parse a JSON record read from Redis and check it against `schema`.
 *
 * @param what what the record is, for people ("stored document 3f2a…", "reminder record").
 * @throws SgbotError E_STORE naming the record and the first problem when it is not JSON or not of the shape.
 */
export function readStored<T>(schema: z.ZodType<T>, raw: string, what: string): T {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new SgbotError('E_STORE', `The ${what} in the store is not JSON: it was written by another program or damaged. Remove it, or ingest its source again.`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    throw new SgbotError(
      'E_STORE',
      `The ${what} in the store does not have the shape this sgbot reads (${issue?.message ?? 'unknown problem'}${where}): it was written by another version or program. Run \`sgbot reparse\`, or ingest its source again.`,
    );
  }
  return parsed.data;
}

/** {@link readStored}, or `null` instead of an error: for lists where one damaged record must not hide the others. */
export function readStoredOrNull<T>(schema: z.ZodType<T>, raw: string, what: string, onBad?: (err: SgbotError) => void): T | null {
  try {
    return readStored(schema, raw, what);
  } catch (err) {
    if (err instanceof SgbotError) {
      onBad?.(err);
      return null;
    }
    throw err;
  }
}
