/**
 * Thin helpers over imapflow (and one over Redis) for the mailbox reader: they turn imapflow's quiet failures
 * (`false` answers) into errors, so that a lost connection is never mistaken for an empty mailbox.
 */
import { ImapFlow, type FetchMessageObject, type SearchObject } from 'imapflow';
import { ConnectionLostError, StoreUnavailableError } from './errors.ts';
import type { ImapAccountSettings } from './types.ts';

/** How long a polite LOGOUT may take before the socket is just closed, ms. */
const LOGOUT_TIMEOUT_MS = 2_000;

/** A client for `account` (not connected yet) that enters IDLE after `idleDelayMs` without commands. */
export function createClient(account: ImapAccountSettings, idleDelayMs: number): ImapFlow {
  return new ImapFlow({
    host: account.host,
    port: account.port,
    secure: account.secure,
    auth: { user: account.user, pass: account.pass },
    logger: false,
    autoIdleDelay: idleDelayMs,
    connectionTimeout: 30_000,
    greetingTimeout: 15_000,
  });
}

/** Logs out when `polite` and possible (at most 2 s), then closes the socket. Never throws. */
export async function closeClient(client: ImapFlow, polite: boolean): Promise<void> {
  if (polite && client.usable) {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, LOGOUT_TIMEOUT_MS)));
    await Promise.race([client.logout().catch(() => undefined), timeout]);
    clearTimeout(timer);
  }
  client.close();
}

/** Runs a Redis operation; its failure becomes a {@link StoreUnavailableError}, told apart from IMAP failures. */
export async function viaRedis<T>(op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (err) {
    throw new StoreUnavailableError(err);
  }
}

/** UIDs matching `query` and `keep`, ascending, without repeats. Throws when the search did not run. */
export async function searchUids(client: ImapFlow, query: SearchObject, keep: (uid: number) => boolean): Promise<number[]> {
  if (!client.usable || !client.mailbox) throw new ConnectionLostError('the connection is not usable');
  const found = await client.search(query, { uid: true });
  // imapflow answers false instead of throwing when SEARCH fails (e.g. the mailbox was deleted).
  if (!Array.isArray(found)) throw new Error(`SEARCH ${JSON.stringify(query)} failed`);
  return [...new Set(found.filter(keep))].sort((a, b) => a - b);
}

/** The message's internal date as ISO 8601, or `null`. */
export function isoDate(message: FetchMessageObject): string | null {
  const value = message.internalDate;
  if (value === undefined) return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
