/**
 * Read every stored document again with the current parser: after an upgrade that reads documents better, the facts
 * of documents stored before it (who must answer a liaison, a meeting's opening time) follow, without ingesting
 * anything again. Corrections by the secretariat still win over the new parse. Resumable: documents are read in the
 * order they were stored, from a sequence number on.
 */
import { stableJson } from '../core/stable-json.ts';
import type { ParsedDocument } from '../core/types.ts';
import { parseDocument } from '../parse/index.ts';
import { withoutCorrections } from './correction-fields.ts';
import { inheritMeeting, type DocumentStore } from './store.ts';
import { withTitle } from './titles.ts';

/** What a re-read did. */
export interface ReparseResult {
  /** Documents read. */
  read: number;
  /** Ids of the documents whose facts changed. */
  changed: string[];
  /** Documents whose text is gone (nothing to read again). */
  missingText: number;
  /** Sequence number of the last document read: pass it as `afterSeq` to go on. */
  lastSeq: number;
}

/** The parse of a stored text, as ingest makes it: the list's group when the text names none, a title always. */
export function parseStored(text: string, source: { name: string; sentAt: string | null; subject?: string | null; list?: { group: string | null } | null }): ParsedDocument {
  const parsed = parseDocument(text);
  if (parsed.group === null && source.list?.group) parsed.group = source.list.group;
  return withTitle(parsed, source, text);
}

/**
 * Parse every stored document after `afterSeq` again and replace the facts of those whose parse changed. `progress`
 * is called after each batch with the documents read so far.
 */
export async function reparseStored(store: DocumentStore, opts: { afterSeq?: number; batch?: number; progress?: (read: number, changed: number) => void } = {}): Promise<ReparseResult> {
  const result: ReparseResult = { read: 0, changed: [], missingText: 0, lastSeq: opts.afterSeq ?? 0 };
  const size = opts.batch ?? 200;
  for (;;) {
    const batch = await store.documentsAfter(result.lastSeq, size);
    if (batch.length === 0) break;
    const texts = await store.redis.mget(batch.map((b) => store.key(`text:${b.id}`)));
    for (const [i, { id, seq }] of batch.entries()) {
      result.lastSeq = seq;
      const text = texts[i];
      const doc = await store.getDocument(id);
      if (!doc) continue;
      result.read += 1;
      if (text === null || text === undefined) {
        result.missingText += 1;
        continue;
      }
      let parsed = parseStored(text, doc.source);
      // A revision keeps what it leaves unsaid of its meeting from the documents it superseded, as when it was stored.
      if (parsed.meeting && doc.parsed.reference) {
        for (const older of await store.findByReference(doc.parsed.reference)) if (older.supersededBy === id) parsed = inheritMeeting(parsed, older.parsed);
      }
      // Compared as values: the stored parse, read back through its schema, may hold its keys in another order.
      if (stableJson(parsed) === stableJson(withoutCorrections(doc).parsed)) {
        // The same parse, filed as this version files it (a newer sgbot may derive other index entries from it).
        if (await store.indexIsCurrent(doc)) continue;
        await store.reindex(doc, doc);
        result.changed.push(id);
        continue;
      }
      await store.replaceParse(id, parsed);
      result.changed.push(id);
    }
    opts.progress?.(result.read, result.changed.length);
  }
  return result;
}
