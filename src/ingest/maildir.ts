/**
 * Maildir folders (Dovecot, Postfix, getmail) read one message at a time: the files of `cur/` and `new/`, in the
 * order of their names (which start with the delivery time), each with a key that stays the same when the mail
 * program moves the file from `new/` to `cur/` or changes its flags.
 */

import { open, readdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { SgbotError } from '../core/errors.ts';
import { fileError } from './file-errors.ts';

/** One message of a maildir. */
export interface MaildirMessage {
  /** The message as delivered (its first `maxMessageBytes` bytes when `truncated`). */
  raw: Buffer;
  /** Unique name of the message: its file name without the `:2,FLAGS` suffix. Stable across moves and flags. */
  key: string;
  /** Path of the file it was read from. */
  path: string;
  /** `new` (not yet seen by a mail program) or `cur`. */
  folder: 'cur' | 'new';
  /** Maildir flags (`S` seen, `R` replied, `T` trashed…), empty for none. */
  flags: string;
  /** Size of the file in bytes. */
  size: number;
  /** `true` when the file is over `maxMessageBytes` and `raw` holds only its beginning. */
  truncated: boolean;
}

/** Options of {@link iterateMaildir}. */
export interface MaildirOptions {
  /** Largest message read whole, in bytes; 100 MiB by default. */
  maxMessageBytes?: number;
}

const INFO = /[:!]2,([A-Za-z]*)$/;

/**
 * The messages of a maildir, one at a time, sorted by file name (code-point order, the same on every machine).
 * Hidden files and `tmp/` (mail being delivered) are skipped. A message moved from `new/` to `cur/` while the
 * folder is read is looked for again in `cur/`; one that is gone is skipped.
 *
 * @throws SgbotError E_FILE when `dir` has neither `cur/` nor `new/`, or a file cannot be read.
 * @example for await (const m of iterateMaildir('/var/mail/bot/Maildir')) await keep(m.key, m.raw);
 */
export async function* iterateMaildir(dir: string, options: MaildirOptions = {}): AsyncGenerator<MaildirMessage> {
  const max = options.maxMessageBytes ?? 100 * 1024 * 1024;
  const entries: Array<{ name: string; folder: 'cur' | 'new' }> = [];
  let found = 0;
  for (const folder of ['cur', 'new'] as const) {
    const names = await listFiles(join(dir, folder));
    if (names === null) continue;
    found += 1;
    for (const name of names) entries.push({ name, folder });
  }
  if (found === 0) {
    throw new SgbotError(
      'E_FILE',
      `${dir} is not a maildir: it has neither a cur/ nor a new/ folder. Name the maildir itself (the folder ` +
        'that holds cur/, new/ and tmp/).',
    );
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const message = await readMessage(dir, entry.folder, entry.name, max);
    if (message !== null) yield message;
  }
}

/**
 * `true` when `folder` is a maildir: it holds both a `cur/` and a `new/` folder.
 *
 * @example await isMaildirFolder('/var/mail/bot/Maildir') // true
 */
export async function isMaildirFolder(folder: string): Promise<boolean> {
  const [cur, fresh] = await Promise.all([join(folder, 'cur'), join(folder, 'new')].map((f) => stat(f).catch(() => null)));
  return cur?.isDirectory() === true && fresh?.isDirectory() === true;
}

/**
 * `true` when `path` is a message of a maildir: a file directly in the `cur/` or `new/` folder of a maildir.
 * Such files have no extension (`1712345678.M1P2.host:2,S`) and are read as mail.
 */
export async function isMaildirFile(path: string): Promise<boolean> {
  const folder = basename(dirname(path));
  return (folder === 'cur' || folder === 'new') && isMaildirFolder(dirname(dirname(path)));
}

/** The key of a maildir file name: `1712345678.M1P2.host:2,S` → `1712345678.M1P2.host`. */
export function maildirKey(name: string): string {
  return name.replace(INFO, '');
}

async function listFiles(folder: string): Promise<string[] | null> {
  try {
    const dirents = await readdir(folder, { withFileTypes: true });
    return dirents.filter((d) => !d.name.startsWith('.') && (d.isFile() || d.isSymbolicLink())).map((d) => d.name);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw fileError(folder, err);
  }
}

async function readMessage(dir: string, folder: 'cur' | 'new', name: string, max: number): Promise<MaildirMessage | null> {
  const path = join(dir, folder, name);
  try {
    const handle = await open(path, 'r');
    try {
      const { size } = await handle.stat();
      const raw = Buffer.alloc(Math.min(size, max));
      let filled = 0;
      while (filled < raw.length) {
        const { bytesRead } = await handle.read(raw, filled, raw.length - filled, filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      const key = maildirKey(name);
      const flags = INFO.exec(name)?.[1] ?? '';
      return { raw: raw.subarray(0, filled), key, path, folder, flags, size, truncated: size > max };
    } finally {
      await handle.close();
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw fileError(path, err);
    if (folder === 'new') {
      // Moved to cur/ by a mail program since the folder was listed, with flags added to its name.
      const moved = (await listFiles(join(dir, 'cur')))?.find((n) => maildirKey(n) === maildirKey(name));
      if (moved !== undefined) return readMessage(dir, 'cur', moved, max);
    }
    return null;
  }
}
