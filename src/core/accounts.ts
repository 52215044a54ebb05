/**
 * Console accounts as the settings give them (`SGBOT_WEB_ACCOUNTS`): the path of a file, or the entries themselves,
 * each linked to a roster person with an scrypt password hash (`scrypt$N$r$p$salt$hash`, salt and hash in base64url).
 * Read when the settings are loaded, so a bad entry stops start-up with every problem named.
 */
import { existsSync, readFileSync } from 'node:fs';
import { SgbotError } from './errors.ts';

/** One console account: the name typed at sign-in, the roster person it acts as, and its password hash. */
export interface WebAccount {
  user: string;
  /** Roster person id (the email address); roles are looked up there at every action. */
  person: string;
  /** `scrypt$N$r$p$salt$hash`, made by `hashPassword` of the console. */
  hash: string;
}

/** The shape of a password hash: `scrypt$N$r$p$salt$hash`. */
export const HASH = /^scrypt\$(\d{1,7})\$(\d{1,3})\$(\d{1,3})\$([A-Za-z0-9_-]{8,})\$([A-Za-z0-9_-]{16,})$/;

/** `true` when `hash` is shaped like a password hash of the console. */
export function isPasswordHash(hash: string): boolean {
  return HASH.test(hash);
}

/**
 * Accounts from `SGBOT_WEB_ACCOUNTS`: the path of a file, or the entries themselves. Entries are separated by new
 * lines, commas or spaces; each is `person-id:hash` (the account name is the roster person id, an email) or
 * `name:person-id:hash`. Lines starting with `#` are comments.
 *
 * @example parseAccounts('ana@example.org:scrypt$16384$8$1$…$…') // [{ user: 'ana@example.org', person: 'ana@example.org', hash }]
 * @throws SgbotError E_CONFIG naming every bad entry and how to make one.
 */
export function parseAccounts(setting: string | undefined): WebAccount[] {
  if (!setting || setting.trim() === '') return [];
  const looksLikeFile = !/scrypt\$/.test(setting);
  let text = setting;
  if (looksLikeFile) {
    if (!existsSync(setting.trim())) throw new SgbotError('E_CONFIG', `SGBOT_WEB_ACCOUNTS: no file ${setting.trim()} (give a file of "email:hash" lines, or the entries themselves; make a hash with: sgbot web passwd).`);
    text = readFileSync(setting.trim(), 'utf8');
  }
  const problems: string[] = [];
  const accounts: WebAccount[] = [];
  const entries = text
    .split('\n')
    .filter((l) => !l.trim().startsWith('#'))
    .flatMap((l) => l.split(/[,\s]+/))
    .filter(Boolean);
  for (const entry of entries) {
    const at = entry.indexOf(':scrypt$');
    const names = at > 0 ? entry.slice(0, at).split(':') : [];
    const hash = at > 0 ? entry.slice(at + 1) : '';
    const [user, person = user] = names;
    if (!user || names.length > 2 || !person || !isPasswordHash(hash)) {
      problems.push(`"${entry.slice(0, 40)}${entry.length > 40 ? '…' : ''}" is not "email:scrypt$…" or "name:email:scrypt$…"`);
      continue;
    }
    accounts.push({ user: user.toLowerCase(), person: person.toLowerCase(), hash });
  }
  if (problems.length) throw new SgbotError('E_CONFIG', `SGBOT_WEB_ACCOUNTS has ${problems.length} bad entr${problems.length === 1 ? 'y' : 'ies'}:\n- ${problems.join('\n- ')}\nMake a hash with: sgbot web passwd`);
  return accounts;
}

