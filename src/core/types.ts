/**
 * Domain types of sgbot: what a parsed ITU-T document says. Pure data, JSON-serialisable, no behaviour.
 *
 * The shape of {@link ParsedDocument} is the `sgbot parse --json` contract (docs/architecture.md): other tools depend
 * on it, so fields may be added but never renamed or removed.
 */

/** Kinds of document the parser recognises. */
export const DOCUMENT_KINDS = [
  'collective-letter',
  'circular',
  'liaison-statement',
  'td',
  'contribution',
  'report',
  'presentation',
  // A notice of a meeting that is no TSB letter: a rapporteur's convocation, another Sector's or body's invitation.
  'meeting-notice',
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Categories of deadline, so that reminders can go to the right people. */
export const DEADLINE_CATEGORIES = [
  'contributions',
  'translated-contributions',
  'registration',
  'visa',
  'fellowship',
  'captioning',
  'interpretation',
  'consultation-reply',
  'liaison-reply',
  'other',
] as const;
export type DeadlineCategory = (typeof DEADLINE_CATEGORIES)[number];

/**
 * A deadline stated (or derived from a rule stated) in a document.
 *
 * @example
 * { date: '2026-04-30', time: '23:59', timezone: 'UTC', action: 'Reply to TAP consultation (TSB Circular 106)',
 *   category: 'consultation-reply', derived: false }
 */
export interface Deadline {
  /** Calendar date, ISO `YYYY-MM-DD`, in {@link Deadline.timezone}. */
  date: string;
  /** Local time `HH:mm` in {@link Deadline.timezone}, or `null` when the document gives none (end of day). */
  time: string | null;
  /** IANA zone of `date`/`time`: `UTC` when the document says UTC, otherwise Geneva time (`Europe/Zurich`). */
  timezone: string;
  /** What must be done, in the document's words (cleaned). */
  action: string;
  category: DeadlineCategory;
  /** `true` when computed from a rule ("12 calendar days before the meeting") rather than stated as a date. */
  derived: boolean;
}

/**
 * A meeting or side event.
 * `start`/`end` are ISO dates; `startTime`/`endTime` (`HH:mm`) and `timezone` are set when the text gives times.
 */
export interface MeetingInfo {
  /** Canonical group (`SG20`, `TSAG`, `SG12RG-AFR`), or `null` when not a group's meeting (a workshop). */
  group: string | null;
  title: string;
  start: string;
  end: string;
  /** `Geneva, Switzerland`, `Abidjan, Côte d'Ivoire`, `virtual`… or `null` when not stated. */
  place: string | null;
  /** The building or centre it is held in, when a letter for a meeting away from ITU headquarters names it (`Oman Convention and Exhibition Centre`). */
  venue?: string | null;
  startTime?: string | null;
  endTime?: string | null;
  timezone?: string | null;
  /** When registration opens on the first day (`HH:mm`, same zone), when the letter says. */
  registrationTime?: string | null;
  /** `hybrid` when remote participation is offered beside the room, `virtual` when there is no room. */
  format?: 'in-person' | 'hybrid' | 'virtual' | null;
  /** Every group meeting together, when a letter announces meetings of several ("Study Groups 4, 11 and 16"). */
  groups?: string[];
  /** The Question whose own (rapporteur) meeting this is (`Q13/15`), `group` being its study group. */
  question?: string | null;
  /** Every Question of a joint rapporteur meeting (`Q12/16`, `Q13/16`, `Q14/16`), `question` being the first. */
  questions?: string[];
  /** The body outside ITU-T whose meeting this is, as written (`MEF`, `TSG-RAN2`); `group` is then `null`. */
  body?: string;
}

/** A person to contact about a liaison statement. Fields the document does not give are `null`. */
export interface Contact {
  name: string;
  organization: string | null;
  country: string | null;
  email: string | null;
  phone: string | null;
}

export const LIAISON_PURPOSES = ['action', 'information', 'comment', 'response'] as const;
export type LiaisonPurpose = (typeof LIAISON_PURPOSES)[number];

/** What an addressee of a liaison statement is asked to do. */
export type AddresseePurpose = 'action' | 'comment' | 'information';

/**
 * One addressee of a liaison statement and what it is asked to do.
 *
 * @example { party: 'SG13', group: 'SG13', questions: ['Q2/13'], purpose: 'action' }  // "For action to: ITU-T SG13 (Q2/13)"
 * @example { party: 'IETF CCAMP WG', group: null, questions: [], purpose: 'information' }
 */
export interface Addressee {
  /** Canonical ITU-T group (`SG13`, `TSAG`) or the other body as written (`ISO/IEC JTC 1/SC 41`). */
  party: string;
  /** The ITU-T study group (or TSAG) the addressee is, or belongs to (`WP3/11` → `SG11`); `null` outside ITU-T. */
  group: string | null;
  /** Questions of that group asked to act, canonical (`Q2/13`): named beside the addressee, or in the text. */
  questions: string[];
  purpose: AddresseePurpose;
}

/** The header fields of a liaison statement. ITU-T groups are canonical (`SG17`); other bodies as written. */
export interface LiaisonInfo {
  from: string | null;
  /** Addressees of the main purpose (for action / comment, or for information when that is all there is). */
  to: string[];
  /** Addressees for information when the liaison also has action or comment addressees. */
  cc: string[];
  purpose: LiaisonPurpose | null;
  /** Reply deadline, ISO date, or `null`. */
  deadline: string | null;
  /**
   * Questions of the header's "Question(s)" field, canonical (`Q11/20`). In the ITU-T template these are the
   * source's own Questions, the ones that wrote the statement; the Questions asked to act are in `addressees`.
   */
  questions: string[];
  contacts: Contact[];
  /** Every addressee with its purpose and Questions, in the order the statement lists them (absent in old records). */
  addressees?: Addressee[];
  /** The statements this one answers, as written ("TSAG-LS4", "SG11-LS30", "S5-261234"); absent in old records. */
  repliesTo?: string[];
}

/** A lead-study-group statement: `group` is the lead study group on `topic`. */
export interface LeadRole {
  group: string;
  topic: string;
}

/** A Recommendation named in the text: `Y.4241`, with its provisional name `Y.dt-SComCam` when given. */
export interface RecommendationRef {
  id: string;
  ex: string | null;
  title: string | null;
}

/** A Question (`Q11/20`) and its title when the text gives one. */
export interface QuestionRef {
  id: string;
  title: string | null;
}

/** An e-mail address found in the document, classified. */
export interface AddressRef {
  address: string;
  kind: 'list' | 'secretariat' | 'other';
  group: string | null;
  question: string | null;
}

/** Everything the parser understood of one document. Unknown facts are `null` or empty, never invented. */
export interface ParsedDocument {
  kind: DocumentKind;
  group: string | null;
  reference: string | null;
  /** Date of the document, ISO `YYYY-MM-DD`, or `null`. */
  date: string | null;
  title: string | null;
  meeting: MeetingInfo | null;
  /** Further meetings the document announces beside `meeting`, each of its own group (a circular for the rapporteur
   * groups of two study groups); absent when there are none. */
  moreMeetings?: MeetingInfo[];
  /**
   * Meetings of bodies outside ITU-T the document lists ("Date of Next TSG-RAN2 Meetings", "The forthcoming MEF
   * meetings are:"): when the sender of a liaison meets next, for a reply to reach it; absent when there are none.
   */
  bodyMeetings?: MeetingInfo[];
  events: MeetingInfo[];
  deadlines: Deadline[];
  liaison: LiaisonInfo | null;
  roles: LeadRole[];
  recommendations: RecommendationRef[];
  questions: QuestionRef[];
  /**
   * The Questions a rapporteur's mail or notice is written to ("Dear Q12-14/16 experts", "To Experts of ITU-T SG16
   * Q.12/16, Q.13/16 and Q.14/16"): its deadlines are theirs. Absent when it is written to no Question's experts.
   */
  addressedTo?: string[];
  addresses: AddressRef[];
  /** Revision marker when the document revises an earlier one (`Rev.1`, `Addendum 1`, `Corrigendum 1`). */
  revision: string | null;
  /**
   * The meeting a letter cancels ("Cancellation of the meeting of Working Party 1/2, Geneva, 15-19 March 2027") and
   * the letter that announced it, as written ("TSB Collective letter 4/2"), when it names one; absent otherwise.
   */
  cancels?: { meeting: MeetingInfo; announcedIn: string | null };
}
