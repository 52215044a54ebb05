/**
 * Ingest files into the store: each file becomes text parts (body, attachments), each part is parsed and stored.
 * A file or part that cannot be read is reported and recorded; the rest of the batch goes on.
 */
import { isSgbotError, SgbotError } from '../core/errors.ts';
import { fileEntryId, type Quarantine } from '../store/quarantine.ts';
import type { AddStatus, DocumentStore } from '../store/store.ts';
import { importMaildir, importMbox, isMaildir, type ArchiveDeps, type ArchiveProgress, type ArchiveSummary } from './archive-import.ts';
import { extractFile } from './extract.ts';
import type { ListRule } from './lists.ts';
import { parsePartWith, sourceOf } from './parse-part.ts';
import { inlineReader, type PartReader } from './reader.ts';
import { DEFAULT_LIMITS, type ExtractLimits, type TextPart } from './types.ts';
import { listInputFiles } from './walk.ts';

/** One stored (or skipped) document of an ingest run. */
export interface IngestedDocument {
  name: string;
  id: string;
  status: AddStatus;
  kind: string;
  group: string | null;
  reference: string | null;
  deadlines: number;
}

/** What an ingest run did. */
export interface IngestSummary {
  files: number;
  documents: IngestedDocument[];
  added: number;
  duplicates: number;
  revisions: number;
  problems: Array<{ name: string; code: string; message: string }>;
  /** Mail archives (.mbox files, maildir folders) read message by message. */
  archives: Array<Omit<ArchiveSummary, 'outcomes'>>;
}

/** Callbacks for progress display. */
export interface IngestProgress {
  start?(total: number): void;
  tick?(name: string): void;
  stop?(): void;
}

export { parsePart, parsePartWith, sourceOf } from './parse-part.ts';

/**
 * Ingest files and folders (.txt, .eml, .docx, .pdf, .html, .doc) into `store`. Mail archives — `.mbox` files and
 * maildir folders (named as such) — are read message by message through the raw store when `deps.archive` is given.
 */
export async function ingestPaths(
  paths: string[],
  deps: { store: DocumentStore; quarantine: Quarantine; archive?: ArchiveDeps; afterStore?: (docId: string, status: AddStatus) => Promise<unknown> },
  options: { limits?: ExtractLimits; progress?: IngestProgress; archiveProgress?: ArchiveProgress; listRules?: ListRule[]; now?: () => Date; reader?: PartReader } = {},
): Promise<IngestSummary> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const reader = options.reader ?? inlineReader;
  const now = options.now ?? (() => new Date());
  const summary: IngestSummary = { files: 0, documents: [], added: 0, duplicates: 0, revisions: 0, problems: [], archives: [] };
  const { store, quarantine } = deps;
  // A file that cannot be read (or one of its parts) is quarantined under its path, so it can be retried.
  const report = async (path: string, name: string, err: unknown, partial = false) => {
    const e = isSgbotError(err) ? err : new SgbotError('E_FILE', `${name}: ${(err as Error).message ?? String(err)}`, { cause: err });
    summary.problems.push({ name, code: e.code, message: e.message });
    const id = fileEntryId(path);
    const previous = await quarantine.get(id);
    const problems = [...(previous?.problems.filter((p) => p.name !== name) ?? []), { name, code: e.code, message: e.message }];
    await quarantine.put({ id, name: path, partial: partial || (previous?.partial ?? false), problems, at: now().toISOString(), rawId: null, path });
  };
  const maildirs: string[] = [];
  const others: string[] = [];
  for (const p of paths) ((await isMaildir(p)) && deps.archive ? maildirs : others).push(p);
  const listed = await listInputFiles(others);
  for (const p of listed.problems) await report(p.path, p.path, p.error);
  const mboxes = deps.archive ? listed.files.filter((f) => f.toLowerCase().endsWith('.mbox')) : [];
  const files = listed.files.filter((f) => !mboxes.includes(f));
  for (const archive of [...mboxes, ...maildirs]) {
    if (!deps.archive) break;
    try {
      const one = mboxes.includes(archive)
        ? await importMbox(archive, deps.archive, options.archiveProgress)
        : await importMaildir(archive, deps.archive, options.archiveProgress);
      const { outcomes, ...rest } = one;
      summary.archives.push(rest);
      for (const o of outcomes) {
        for (const d of o.documents) {
          if (d.status === 'duplicate') summary.duplicates++;
          else summary.added++;
          if (d.status === 'revision') summary.revisions++;
        }
        for (const pr of o.problems) summary.problems.push(pr);
      }
    } catch (err) {
      options.archiveProgress?.stop?.();
      await report(archive, archive, err);
    }
  }
  options.progress?.start?.(files.length);
  for (const file of files) {
    summary.files++;
    options.progress?.tick?.(file);
    let parts: TextPart[];
    try {
      const extraction = await extractFile(file, limits, { listRules: options.listRules, reader });
      parts = extraction.parts;
      for (const pr of extraction.problems) await report(file, pr.name, pr.error, true);
      if (extraction.problems.length === 0) await quarantine.release(fileEntryId(file));
    } catch (err) {
      await report(file, file, err);
      continue;
    }
    for (const part of parts) {
      const { parsed, error } = await parsePartWith(reader, part, limits);
      if (error) await report(file, part.name, error, true);
      const result = await store.addDocument(part.text, parsed, sourceOf(part), now());
      await deps.afterStore?.(result.id, result.status);
      if (result.status === 'duplicate') summary.duplicates++;
      else summary.added++;
      if (result.status === 'revision') summary.revisions++;
      summary.documents.push({ name: part.name, id: result.id, status: result.status, kind: parsed.kind, group: parsed.group, reference: parsed.reference, deadlines: parsed.deadlines.length });
    }
  }
  options.progress?.stop?.();
  return summary;
}
