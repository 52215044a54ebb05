/**
 * Documents as stored and the facts they give, each citing its source document: the types the store keeps, commands
 * answer from and reminders plan from, and whether a document's sender is verified. `src/store/facts.ts` turns a
 * document into these facts.
 */
import type { Deadline, DocumentKind, LiaisonInfo, MeetingInfo, ParsedDocument } from './types.ts';

/** What the addresses of a mail say about the list it came through. All fields `null` when nothing is known. */
export interface ListInfo {
  /** The address that told (lower case): the list, or the TSB mailbox for the secretariat. */
  list: string | null;
  /** Canonical group: `SG20`, `TSAG`, `SG12RG-AFR`. */
  group: string | null;
  /** Canonical Question (`Q1/20`) for a Question's list. */
  question: string | null;
  /** Study period of the list (`2022-2024`), from its `tNN` prefix. */
  period: string | null;
  /** `list` for a mailing list, `secretariat` for a TSB mailbox (`tsbsg20@itu.int`). */
  role: 'list' | 'secretariat' | null;
}

/** Where a document came from. */
export interface SourceInfo {
  /** Name for people: file name, or "mail.eml (annex.docx)". */
  name: string;
  path: string | null;
  messageId: string | null;
  format: string;
  subject: string | null;
  from: string | null;
  /** ISO date-time the mail was sent, when known. */
  sentAt: string | null;
  /** The raw message it was read from (mail from IMAP or an archive), kept in the raw store. */
  rawId?: string | null;
  /** The list (or TSB mailbox) the mail came through: `t22sg20q1@lists.itu.int` → SG20, Q1/20. */
  list?: ListInfo | null;
  /** Sender authenticity of the mail (DKIM, SPF, DMARC), when it was checked. */
  auth?: { verdict: string; summary: string } | null;
}

/**
 * Whether the sender of a document is verified. Fail-closed: only a `pass` of the sender check or a vouch by the
 * secretariat counts; a document with no check at all (`auth` absent) was not mail received — a file an operator
 * ingested, or mail read with the check off — and counts as vouched for by that operator.
 *
 * @example senderVerified({ auth: { verdict: 'temperror', summary: '…' } }) // false
 */
export function senderVerified(source: Pick<SourceInfo, 'auth'>): boolean {
  const auth = source.auth;
  if (auth === undefined || auth === null) return true;
  return auth.verdict === 'pass' || auth.verdict === 'vouched';
}

/** A document as stored: what it said, where it came from, and whether a later revision replaced it. */
export interface StoredDocument {
  id: string;
  /** sha256 of the normalised text. */
  hash: string;
  seq: number;
  ingestedAt: string;
  source: SourceInfo;
  parsed: ParsedDocument;
  baseKey: string | null;
  supersededBy: string | null;
  /** Set on a liaison statement once a reply to it is stored: its reply deadline is then met and indexed no more. */
  answeredBy?: Cite | null;
  /** The letter that cancelled the meeting this document announced: its meeting and deadlines no longer hold. */
  cancelledBy?: Cite | null;
  /**
   * Set when the document is read with corrections by the secretariat (src/store/corrections.ts): `parsed` then has
   * them applied. Never kept in Redis with the document: the store lays the corrections over the parse when it reads
   * or indexes it.
   */
  corrected?: CorrectedFacts;
}

/** What corrections changed in a document, beside the corrected `parsed`. */
export interface CorrectedFacts {
  /** What the parser found, kept for reference. */
  original: ParsedDocument;
  /**
   * Position in `original.deadlines` of each deadline of the corrected `parsed.deadlines` (a removed deadline leaves
   * a gap): `[0, 2]` when the second of three was removed. Index members (`<id>#d<position>`) use these positions.
   */
  positions: number[];
  /** Deadlines removed as wrongly found, by position in `original.deadlines`, with their other corrections applied. */
  removed: Array<{ position: number; deadline: Deadline }>;
  /** Fields whose value a correction set (`title`, `deadline.0.date`). */
  fields: string[];
}

/** Citation of the source document carried by every fact. */
export interface Cite {
  docId: string;
  reference: string | null;
  title: string | null;
  kind: DocumentKind;
  date: string | null;
  /** Set when the mail it came in failed sender authentication (DKIM/DMARC): show it, act on nothing from it. */
  unverified?: true;
}

export interface DeadlineFact extends Deadline {
  source: Cite;
  /**
   * The group that must meet the deadline: the document's group or, for a liaison reply, the first ITU-T group
   * asked to act (never the liaison's source).
   */
  group: string | null;
  /** Questions that must meet it: for a liaison reply, the Questions asked to act. */
  questions: string[];
  /** Every group that must meet it, when more than one is (a liaison for action to SG13 and SG17). */
  groups?: string[];
  /** Epoch ms when due. */
  due: number;
}

export interface MeetingFact extends MeetingInfo {
  source: Cite;
  events: MeetingInfo[];
  /**
   * `letter` when a collective letter or circular announces it (the authority on a meeting), `mention` when a TD,
   * report or other document names it.
   */
  authority?: 'letter' | 'mention';
  /** Every document that gives this meeting, the authority first (set when the store merges them). */
  sources?: Cite[];
  /** The letter that cancelled it. */
  cancelledBy?: Cite;
}

export interface RoleFact {
  source: Cite;
  group: string;
  topic: string;
}

export interface LiaisonFact {
  source: Cite;
  group: string | null;
  liaison: LiaisonInfo;
  /** The reply that answered it, once one is stored. */
  answeredBy?: Cite;
  /** The day the mail that brought it was sent (YYYY-MM-DD), for a statement that gives no date of its own. */
  received?: string;
  /** The sender's next meetings the statement lists ("Date of Next TSG-RAN2 Meetings"): when a reply reaches it. */
  senderMeetings?: MeetingInfo[];
}

/** A lead role stated by current documents. */
export interface StatedRole {
  group: string;
  topic: string;
  /** The latest document stating it; a verified one when any verified document states it. */
  source: Cite;
  /** How many current documents state it (1 or more). */
  documents: number;
}
