/**
 * The shape of commands and of their channel-neutral replies. Each `commands/<name>.ts` exports a
 * {@link CommandSpec}; Slack, Teams and the terminal render the same {@link Reply}.
 */
import type { Redis } from 'ioredis';
import type { z } from 'zod';
import type { ErrorCode } from './errors.ts';
import type { DeadlineFact, LiaisonFact, MeetingFact, RoleFact, StatedRole, StoredDocument } from './facts.ts';
import type { Identity } from './identity.ts';
import type { AuditEntry, Person, Topic } from './people.ts';

/** A source an answer cites: a stored document, or a curated reference (then `docId` is `null`). */
export interface SourceRef {
  docId: string | null;
  reference: string | null;
  title: string | null;
  kind: string | null;
  /** The mail it came in failed sender authentication: renderers say "unverified sender". */
  unverified?: boolean;
}

/** One line of an answer, with the source it comes from. */
export interface ReplyItem {
  text: string;
  /** Secondary line: action text, place, original time… */
  detail?: string;
  source?: SourceRef;
}

/**
 * A button a reply offers, channel-neutral: pressing it runs the action `id` (an {@link ActionSpec} of
 * src/core/actions.ts) with `value`, as the person who pressed it. Slack renders it as a Block Kit button
 * (`action_id`, `value`), Teams as an Adaptive Card action (`{ sgbotAction, token }`), the webhook platform as JSON.
 */
export interface ReplyAction {
  id: string;
  label: string;
  value: string;
  /** Emphasis where the platform has it (Slack's `primary`/`danger`). */
  style?: 'primary' | 'danger';
  /** Asked before the press counts, where the platform can ask (Slack's confirm dialog). */
  confirm?: { title: string; text: string; ok: string; deny: string };
}

/** A channel-neutral answer. */
export interface Reply {
  ok: boolean;
  /** Set when `ok` is false: why there is no answer. */
  code?: ErrorCode | 'E_NO_ANSWER';
  title: string;
  sections: Array<{ heading?: string; items: ReplyItem[] }>;
  /** Short remarks: time zone used, suggestions. */
  notes: string[];
  /** Every document the answer relies on, once each. */
  sources: SourceRef[];
  /** Structured answer for `--json` and for renderers. */
  data: unknown;
  /** Buttons offered with the answer (a broadcast preview's Confirm and Cancel); every platform renders them. */
  actions?: ReplyAction[];
}

/** Curated lead-study-group knowledge (data/lead-roles.json). */
export interface CuratedRoles {
  periods: Record<string, { source: string; groups: string[] }>;
  roles: Array<{ group: string; topic: string; period: string; source: string; aliases?: string[] }>;
  groupTitles: Record<string, Record<string, string>>;
  abbreviations: Record<string, string>;
}

/**
 * The documents and facts commands read. `src/store/store.ts` (`DocumentStore`) implements it; tests may pass less.
 * A group is canonical (`SG20`); times are epoch ms.
 */
export interface DocumentReader {
  getDocument(id: string): Promise<StoredDocument | null>;
  /** The text a document was parsed from. */
  getText(id: string): Promise<string | null>;
  /** Documents whose reference is `reference` (spacing and case ignored), every revision. */
  findByReference(reference: string): Promise<StoredDocument[]>;
  count(): Promise<number>;
  /** Ids of documents stored after sequence number `afterSeq`, oldest first. */
  documentsAfter(afterSeq: number, limit?: number): Promise<Array<{ id: string; seq: number }>>;
  groupsWithDocuments(): Promise<string[]>;
  /** Deadlines of a group or Question due from `from` on, soonest first. */
  deadlines(scope: { group?: string; question?: string }, from: number | '-inf', limit?: number): Promise<DeadlineFact[]>;
  countDeadlines(scope: { group?: string; question?: string }, from: number): Promise<number>;
  /** The first `limit` deadlines due from `from` on and (with `count`) how many there are in all, in one read. */
  deadlinesCounted(scope: { group?: string; question?: string }, from: number | '-inf', limit: number, count?: boolean): Promise<{ facts: DeadlineFact[]; count: number }>;
  /** Meetings of a group (any group when `null`) ending from `from` on. */
  meetings(group: string | null, from: number, limit?: number, reverse?: boolean): Promise<MeetingFact[]>;
  /** Meetings of a body outside ITU-T, by its key (`RAN2`, `MEF`), from `from`, soonest first. */
  bodyMeetings(key: string, from: number, limit?: number): Promise<MeetingFact[]>;
  liaisons(group: string | null, limit?: number): Promise<LiaisonFact[]>;
  roles(): Promise<RoleFact[]>;
  /** Lead roles stated by current documents, once each. */
  statedRoles(): Promise<readonly StatedRole[]>;
  /** The Redis connection and key prefix the store lives under: reminders and subscriptions keep their keys beside. */
  readonly redis: Redis;
  readonly prefix: string;
}

/** One full-text search hit: a stored document and the indexed words of it that matched. */
export interface SearchHit {
  id: string;
  score: number;
  title: string | null;
  reference: string | null;
  group: string | null;
  kind: string;
  /** Indexed words of the document that matched the query (a prefix or a typo resolved), for a snippet. */
  terms: string[];
  /** Set when no document holds every word of the query and this one holds some of them. */
  partial?: boolean;
}

/** Full-text search of the stored documents (`src/store/search.ts` implements it). */
export interface DocumentSearch {
  /** The best `limit` documents for `query`, best first. */
  search(query: string, limit?: number): Promise<SearchHit[]>;
}

/** What the command router records. `outcome` is `ok`, the reply's error code, or `error` when it threw. */
export interface CommandMetrics {
  commandAnswered(command: string, channel: string, outcome: string, seconds: number): void;
}

/**
 * What a command handler may use. Built by the caller (CLI, Slack, Teams); tests pass their own.
 * `now` is epoch ms; `tz` is the reader's IANA zone. A caller may add services a feature declares for itself (the
 * broadcast command reads `broadcasts`, see `BroadcastContext` in src/broadcast/actions.ts).
 */
export interface CommandContext {
  store: DocumentReader;
  search: () => Promise<DocumentSearch>;
  curated: CuratedRoles;
  now: number;
  tz: string;
  /** Who asks, as the channel vouches for it; commands that change things or need a role require it. */
  who?: Identity;
  /** The roster, subscriptions and audit log, for commands about people. */
  people?: PeopleServices;
  /** Public address of the iCalendar feed of a group or Question (`SG20`, `Q4/20`); absent when no feed is served. */
  calendarUrl?: (scope: string) => string;
  /** Counts each answered command and its latency (src/metrics.ts); never throws. */
  metrics?: CommandMetrics;
  /** The asker's previous question, for a follow-up ("and for SG17?"); absent where none is kept. */
  conversation?: Conversation;
  /** Answers kept a few seconds for others asking the same (src/chat/answer-cache.ts); absent: each is computed. */
  answers?: AnswerMemo;
}

/** Answers shared by askers of the same question (src/chat/answer-cache.ts implements it). */
export interface AnswerMemo {
  get<T>(key: string, now: number, compute: () => Promise<{ value: T; keep: boolean }>): Promise<T>;
}

/**
 * One person's last question, and the one before it, for a question that names nothing to be read of what they named
 * (src/chat/conversation.ts keeps them in Redis for half an hour).
 */
export interface Conversation {
  previous(): Promise<string | null>;
  /** The question asked before the last; `null` when there was none. */
  before?(): Promise<string | null>;
  /** Keep `question` as the last, and `before` (the last until now) as the one before it. */
  remember(question: string, before?: string | null): Promise<void>;
  /** The one document the last answer was about ("SG13-LS87"), for "who sent it?"; `null` when none. */
  focus?(): Promise<string | null>;
  /** Keep (or, with `null`, forget) the one document the last answer was about. */
  setFocus?(reference: string | null): Promise<void>;
}

/** Who is who (`src/people/roster.ts` implements it). */
export interface RosterBook {
  /** The person an identity belongs to (a Slack user, a Teams user, a mail sender), or `null`. */
  byIdentity(who: Pick<Identity, 'channel' | 'id'>): Promise<Person | null>;
  get(id: string): Promise<Person | null>;
  all(): Promise<Person[]>;
  /** Add or replace a person; returns the previous record. */
  put(person: Person): Promise<Person | null>;
}

/** Who follows what (`src/people/subscriptions.ts` implements it). A subscriber is `person:<id>` or a channel. */
export interface SubscriptionBook {
  /** Subscribe; `false` when it already was. */
  add(subscriber: string, topic: Topic): Promise<boolean>;
  /** Unsubscribe; `false` when it was not subscribed. */
  remove(subscriber: string, topic: Topic): Promise<boolean>;
  /** Topic keys a subscriber follows, sorted. */
  of(subscriber: string): Promise<string[]>;
  /** Subscribers of any of the topic keys given. */
  subscribers(topicKeys: string[]): Promise<string[]>;
}

/** Where actions are recorded (`src/store/audit.ts` implements it). */
export interface AuditRecorder {
  /** Record an entry; returns its id. */
  record(entry: Omit<AuditEntry, 'id' | 'at'> & { at?: Date }): Promise<string>;
}

/** What commands about people use. */
export interface PeopleServices {
  roster: RosterBook;
  subscriptions: SubscriptionBook;
  audit: AuditRecorder;
}

/** A command: name, summary, examples, argument schema, natural phrasings and handler. */
export interface CommandSpec<A = unknown> {
  name: string;
  aliases?: readonly string[];
  summary: string;
  usage: string;
  examples: readonly string[];
  /** Validates what {@link CommandSpec.parseText} produced. */
  args: z.ZodType<A>;
  /** Turn the text after the command name into raw arguments for {@link CommandSpec.args}. */
  parseText: (rest: string) => unknown;
  /** Natural phrasings that reach this command; the named group `arg` (if any) is the argument text. */
  intents?: readonly RegExp[];
  /**
   * Looser phrasings, tried only when no command's {@link CommandSpec.intents} read the question: a question that
   * names a group and words of this command's subject ("TSAG due this week", "does sg20 owe anyone an LS reply").
   */
  fallbacks?: readonly RegExp[];
  run: (ctx: CommandContext, args: A) => Promise<Reply>;
}

/** Commands by name and alias (built by `createRegistry` in commands/index.ts). */
export interface Registry {
  list: ReadonlyArray<CommandSpec<never>>;
  get(name: string): CommandSpec<never> | undefined;
}

/** Declare a command with its argument type inferred from its schema. */
export function defineCommand<A>(spec: CommandSpec<A>): CommandSpec<A> {
  return spec;
}

/** A reply that says there is no answer, why, and what to try instead. */
export function noAnswer(code: Reply['code'], title: string, notes: string[] = [], data: unknown = null): Reply {
  return { ok: false, code, title, sections: [], notes, sources: [], data };
}
