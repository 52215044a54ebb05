/**
 * Errors of the file system, in words that say what to check.
 */

import { SgbotError } from '../core/errors.ts';

/** E_FILE for an error of the file system, saying what to check. */
export function fileError(path: string, err: unknown): SgbotError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const reasons: Record<string, string> = {
    ENOENT: 'does not exist. Check the spelling of the path and the current folder.',
    ENOTDIR: 'does not exist: a part of the path is a file, not a folder. Check the path.',
    EACCES: 'cannot be read: permission denied. Check its permissions, or run sgbot as a user who can read it.',
    EPERM: 'cannot be read: permission denied. Check its permissions, or run sgbot as a user who can read it.',
    EISDIR: 'is a folder, not a file.',
    ELOOP: 'cannot be read: it is a loop of symbolic links. Fix the link.',
  };
  const reason =
    (code !== undefined ? reasons[code] : undefined) ??
    `cannot be read (${err instanceof Error ? err.message : String(err)}). Check the file and the disk, then retry.`;
  return new SgbotError('E_FILE', `${path} ${reason}`, { cause: err });
}
