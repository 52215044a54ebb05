/**
 * Command-line paths to the list of files to read: folders are expanded recursively.
 */

import { readdir, realpath, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { SgbotError } from '../core/errors.ts';
import { fileError } from './file-errors.ts';
import { SUPPORTED_EXTENSIONS, unsupportedError } from './formats.ts';
import { isMaildirFile } from './maildir.ts';

/** A path that cannot be read, with the reason. */
export interface InputProblem {
  path: string;
  error: SgbotError;
}

/** The files to read, in a stable order, and the paths that were refused. */
export interface InputFiles {
  files: string[];
  problems: InputProblem[];
}

/** Options of {@link listInputFiles}. */
export interface ListOptions {
  /** Extensions to take (lower case, with the dot); {@link SUPPORTED_EXTENSIONS} by default. */
  extensions?: readonly string[];
}

/**
 * Expands paths into files: a file is taken as given; a folder is searched recursively, and its files with a
 * supported extension are taken in path order (code-point order, the same on every machine), and so are the
 * messages of a maildir (the files of its `cur/` and `new/` folders, which have no extension) when `.eml` files
 * are taken; its `tmp/` folder (mail being delivered) is skipped. Inside folders,
 * hidden files and folders (".git", ".DS_Store") and other extensions are skipped silently; a file named
 * explicitly with another extension is a problem (E_UNSUPPORTED), and so is a path that does not exist (E_FILE).
 * Each file is listed once even when several paths reach it; symbolic links are followed, loops are not.
 *
 * @example
 * await listInputFiles(['inbox', 'letter.docx', 'missing.pdf'])
 * // { files: ['inbox/a.eml', 'inbox/sub/b.pdf', 'letter.docx'],
 * //   problems: [{ path: 'missing.pdf', error: E_FILE "missing.pdf does not exist…" }] }
 */
export async function listInputFiles(paths: string[], options: ListOptions = {}): Promise<InputFiles> {
  const extensions = new Set(options.extensions ?? SUPPORTED_EXTENSIONS);
  const files: string[] = [];
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  const take = (file: string): void => {
    if (!seen.has(file)) {
      seen.add(file);
      files.push(file);
    }
  };

  for (const path of paths) {
    try {
      const info = await stat(path);
      if (info.isDirectory()) {
        const found: string[] = [];
        await walkFolder(path, extensions, found, problems, new Set([await realpath(path)]));
        found.sort(compareCodePoints).forEach(take);
      } else if (extensions.has(extname(path).toLowerCase()) || (extensions.has('.eml') && (await isMaildirFile(path)))) {
        take(path);
      } else {
        problems.push({ path, error: unsupportedError(path) });
      }
    } catch (err) {
      problems.push({ path, error: fileError(path, err) });
    }
  }
  return { files, problems };
}

async function walkFolder(
  folder: string,
  extensions: ReadonlySet<string>,
  found: string[],
  problems: InputProblem[],
  visited: Set<string>,
): Promise<void> {
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (err) {
    problems.push({ path: folder, error: fileError(folder, err) });
    return;
  }
  const names = new Set(entries.filter((e) => e.isDirectory()).map((e) => e.name));
  const maildir = extensions.has('.eml') && names.has('cur') && names.has('new');
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    if (maildir && (entry.name === 'cur' || entry.name === 'new')) {
      await takeAll(join(folder, entry.name), found, problems);
      continue;
    }
    if (maildir && entry.name === 'tmp') continue;
    const path = join(folder, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      const target = await stat(path).catch(() => null);
      if (target === null) {
        if (!extensions.has(extname(entry.name).toLowerCase())) continue;
        const error = new SgbotError('E_FILE', `${path} is a symbolic link to nothing. Fix or remove the link.`);
        problems.push({ path, error });
        continue;
      }
      isDirectory = target.isDirectory();
      isFile = target.isFile();
    }
    if (isDirectory) {
      const real = await realpath(path);
      if (visited.has(real)) continue;
      visited.add(real);
      await walkFolder(path, extensions, found, problems, visited);
    } else if (isFile && extensions.has(extname(entry.name).toLowerCase())) {
      found.push(path);
    }
  }
}

/** Every regular, visible file of a maildir's cur/ or new/ folder: its messages, whatever their names. */
async function takeAll(folder: string, found: string[], problems: InputProblem[]): Promise<void> {
  try {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      if (!entry.name.startsWith('.') && entry.isFile()) found.push(join(folder, entry.name));
    }
  } catch (err) {
    problems.push({ path: folder, error: fileError(folder, err) });
  }
}

function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
