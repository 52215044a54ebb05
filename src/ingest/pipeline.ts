/**
 * Ingest files into the store: each file becomes text parts (body, attachments), each part is parsed and stored.
 * A file or part that cannot be read is reported and recorded; the rest of the batch goes on.
 */
import { isSgbotError, SgbotError } from '../core/errors.ts';
import type { ParsedDocument } from '../core/types.ts';
import { parseDocument } from '../parse/index.ts';
import type { SourceInfo } from '../store/facts.ts';
import type { AddStatus, DocumentStore } from '../store/store.ts';
import { extractFile } from './extract.ts';
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
}

/** Callbacks for progress display. */
export interface IngestProgress {
  start?(total: number): void;
  tick?(name: string): void;
  stop?(): void;
}

function sourceOf(part: TextPart): SourceInfo {
  const o = part.origin;
  return { name: part.name, path: o.path, messageId: o.messageId, format: o.format, subject: o.subject, from: o.from, sentAt: o.date };
}

const EMPTY: Omit<ParsedDocument, 'kind'> = {
  group: null, reference: null, date: null, title: null, meeting: null, events: [], deadlines: [], liaison: null,
  roles: [], recommendations: [], questions: [], addresses: [], revision: null,
};

/** Parse a part; a parser failure keeps the text as an `other` document and reports the problem. */
export function parsePart(part: TextPart): { parsed: ParsedDocument; error: SgbotError | null } {
  try {
    return { parsed: parseDocument(part.text), error: null };
  } catch (err) {
    const error = new SgbotError('E_BAD_DOCUMENT', `${part.name}: the text was kept but could not be parsed (${(err as Error).message}).`, { cause: err });
    return { parsed: { kind: 'other', ...EMPTY }, error };
  }
}

/**
 * Ingest files and folders (.txt, .eml, .docx, .pdf, .html) into `store`.
 */
export async function ingestPaths(
  paths: string[],
  store: DocumentStore,
  options: { limits?: ExtractLimits; progress?: IngestProgress; now?: () => Date } = {},
): Promise<IngestSummary> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const now = options.now ?? (() => new Date());
  const summary: IngestSummary = { files: 0, documents: [], added: 0, duplicates: 0, revisions: 0, problems: [] };
  const report = async (name: string, err: unknown) => {
    const e = isSgbotError(err) ? err : new SgbotError('E_FILE', `${name}: ${(err as Error).message ?? String(err)}`, { cause: err });
    summary.problems.push({ name, code: e.code, message: e.message });
    await store.recordProblem(name, e.code, e.message, now());
  };
  const listed = await listInputFiles(paths);
  for (const p of listed.problems) await report(p.path, p.error);
  options.progress?.start?.(listed.files.length);
  for (const file of listed.files) {
    summary.files++;
    options.progress?.tick?.(file);
    let parts: TextPart[];
    try {
      const extraction = await extractFile(file, limits);
      parts = extraction.parts;
      for (const pr of extraction.problems) await report(pr.name, pr.error);
    } catch (err) {
      await report(file, err);
      continue;
    }
    for (const part of parts) {
      const { parsed, error } = parsePart(part);
      if (error) await report(part.name, error);
      const result = await store.addDocument(part.text, parsed, sourceOf(part), now());
      if (result.status === 'duplicate') summary.duplicates++;
      else summary.added++;
      if (result.status === 'revision') summary.revisions++;
      summary.documents.push({ name: part.name, id: result.id, status: result.status, kind: parsed.kind, group: parsed.group, reference: parsed.reference, deadlines: parsed.deadlines.length });
    }
  }
  options.progress?.stop?.();
  return summary;
}
