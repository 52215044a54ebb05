/**
 * People and what is kept about them: roster entries and their roles, subscription topics, audited actions. Types
 * only (and the list of role kinds); `src/people` and `src/store/audit.ts` keep them in Redis.
 */
import type { DeadlineCategory } from './types.ts';

/** The kinds of role a person can hold. */
export const ROLE_KINDS = ['delegate', 'rapporteur', 'associate-rapporteur', 'wp-chair', 'sg-chair', 'secretariat'] as const;
export type RoleKind = (typeof ROLE_KINDS)[number];

/** A role and where it applies: a Question for rapporteurs (`Q4/20`), a working party (`WP1/20`) or group (`SG20`). */
export interface Role {
  kind: RoleKind;
  /** `Q4/20`, `WP1/20`, `SG20`, or `null` for everywhere (the secretariat of all groups). */
  scope: string | null;
}

export interface Person {
  /** Stable id: the email address when known, else `<platform>:<id>` (`slack:U…`, `teams:…`). */
  id: string;
  name: string;
  email: string | null;
  /**
   * Who they are on each chat platform, by platform id: `{ slack: 'U0123ABCD', teams: '<AAD object id>', webhook:
   * 'ana' }`. Older rosters' `slackId` and `teamsId` are read into it (src/people/roster.ts).
   */
  chat: Record<string, string>;
  /** IANA zone for reminders and answers. */
  tz: string;
  roles: Role[];
}

/** A subscription topic, parsed. */
export type Topic = { kind: 'group'; group: string } | { kind: 'question'; question: string } | { kind: 'category'; group: string; category: DeadlineCategory };

/** One audited action. */
export interface AuditEntry {
  /** Stream id (`1700000000000-0`), set when read. */
  id?: string;
  at: string;
  /** Who did it: `slack:U0123`, `cli:operator`, `system` for jobs. */
  who: string;
  /** `broadcast.sent`, `broadcast.refused`, `reminder.sent`, `subscription.added`, `role.changed`… */
  action: string;
  /** What or whom it concerned: a recipient, a topic, a person id, a broadcast id. */
  target: string;
  /** `ok`, `refused`, `failed`, or a short outcome. */
  result: string;
  details?: Record<string, unknown>;
}
