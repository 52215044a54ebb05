/**
 * The shape of commands and of their channel-neutral replies. Each `commands/<name>.ts` exports a
 * {@link CommandSpec}; Slack, Teams and the terminal render the same {@link Reply}.
 */
import type { CommandMetrics } from '../metrics.ts';
import type { z } from 'zod';
import type { DocumentStore } from '../store/store.ts';
import type { SearchIndex } from '../store/search.ts';
import type { ErrorCode } from './errors.ts';
import type { Identity } from './identity.ts';
import type { Roster } from '../people/roster.ts';
import type { Subscriptions } from '../people/subscriptions.ts';
import type { AuditLog } from '../store/audit.ts';
import type { BroadcastServices } from '../broadcast/actions.ts';

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
}

/** Curated lead-study-group knowledge (data/lead-roles.json). */
export interface CuratedRoles {
  periods: Record<string, { source: string; groups: string[] }>;
  roles: Array<{ group: string; topic: string; period: string; source: string; aliases?: string[] }>;
  groupTitles: Record<string, Record<string, string>>;
  abbreviations: Record<string, string>;
}

/**
 * What a command handler may use. Built by the caller (CLI, Slack, Teams); tests pass their own.
 * `now` is epoch ms; `tz` is the reader's IANA zone.
 */
export interface CommandContext {
  store: DocumentStore;
  search: () => Promise<SearchIndex>;
  curated: CuratedRoles;
  now: number;
  tz: string;
  /** Who asks, as the channel vouches for it; commands that change things or need a role require it. */
  who?: Identity;
  /** The roster, subscriptions and audit log, for commands about people. */
  people?: PeopleServices;
  /** Drafts, targets and delivery of broadcasts, for the `broadcast` command. */
  broadcasts?: BroadcastServices;
  /** Public address of the iCalendar feed of a group or Question (`SG20`, `Q4/20`); absent when no feed is served. */
  calendarUrl?: (scope: string) => string;
  /** Counts each answered command and its latency (`src/metrics.ts`); never throws. */
  metrics?: CommandMetrics;
}

/** What commands about people use. */
export interface PeopleServices {
  roster: Roster;
  subscriptions: Subscriptions;
  audit: AuditLog;
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
  run: (ctx: CommandContext, args: A) => Promise<Reply>;
}

/** Declare a command with its argument type inferred from its schema. */
export function defineCommand<A>(spec: CommandSpec<A>): CommandSpec<A> {
  return spec;
}

/** A reply that says there is no answer, why, and what to try instead. */
export function noAnswer(code: Reply['code'], title: string, notes: string[] = [], data: unknown = null): Reply {
  return { ok: false, code, title, sections: [], notes, sources: [], data };
}
