/**
 * Who is asking, as the channel that carried the request vouches for it: a Slack user (request signature checked),
 * a Teams user (token checked), the operator at the terminal, a signed-in secretariat account on the web console, or
 * a mail sender (verified only when DKIM/DMARC passed). Roles are looked up in the roster by this identity.
 */

/**
 * The channels an identity can come from: a chat platform's id (`slack`, `teams`, `webhook`: data, see
 * src/core/platform.ts), or `cli`, `web`, `mail`.
 */
export type IdentityChannel = 'cli' | 'web' | 'mail' | (string & {});

export interface Identity {
  channel: IdentityChannel;
  /** The platform's user id (Slack `U0123ABCD`, a Teams AAD object id), web account name, mail address; `operator` on the CLI. */
  id: string;
  /** `false` when the channel could not prove it (a mail whose sender check failed). */
  verified: boolean;
  /** Where the request was made, for replies and channel subscriptions: `slack:C0123`, `teams:<conversation id>`. */
  conversation?: string;
  /** Whether that conversation is a shared channel (a channel can subscribe) rather than a direct message. */
  shared?: boolean;
}

/** The key a roster indexes identities by: `slack:U0123ABCD`. */
export function identityKey(who: Pick<Identity, 'channel' | 'id'>): string {
  return `${who.channel}:${who.channel === 'mail' ? who.id.toLowerCase() : who.id}`;
}
