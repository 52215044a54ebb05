/**
 * Memory per document, from the answers figure's fresh processes (answers-child.ts) and the bench Redis:
 * - process heap per document: what a process's heap grew by (after a forced GC) from before it loaded the search
 *   index to after it answered every command at that size, ÷ documents. Everything a store-size-dependent cache or
 *   index keeps in the process is in it; the goal is ≤ 1.5 KB at 100k.
 * - Redis bytes per document: `used_memory` with the store filled and indexed, minus before the first document,
 *   ÷ documents: documents, texts, facts and the search index's postings.
 * Resident set sizes are not used: they move with the allocator, not with the store.
 */
import { label, type SizeSample } from './answers.ts';
import { infoRow, round, type FigureResult, type ResultRow } from './util.ts';

const KB = 1024;
const MB = 1024 * 1024;

export function memoryFigure(sizes: SizeSample[]): FigureResult {
  const rows: ResultRow[] = [];
  const large = sizes.at(-1) as SizeSample;
  for (const s of sizes) {
    const grown = s.child.heapAfter - s.child.heapBefore;
    const perDoc = grown / s.size / KB;
    const note = `heap ${round(s.child.heapAfter / MB, 1)} MB after GC, +${round(grown / MB, 1)} MB from loading the index and answering (${s.child.vocabulary} words in the vocabulary)`;
    rows.push(
      s === large
        ? { figure: `process heap per doc @${label(s.size)}`, ours: round(perDoc, 3), baseline: null, unit: 'KB', ratio: null, goal: '≤ 1.5 KB', pass: perDoc <= 1.5, note }
        : infoRow(`process heap per doc @${label(s.size)}`, round(perDoc, 3), 'KB', note),
    );
  }
  for (const s of sizes) {
    rows.push(
      infoRow(`Redis bytes per doc @${label(s.size)}`, round(s.redisBytes / s.size, 0), 'B', `used_memory +${round(s.redisBytes / MB, 0)} MB: documents, texts, facts, search index; the index alone ${round(s.indexBytes / s.size, 0)} B/doc (${round(s.indexBytes / MB, 0)} MB)`),
    );
  }
  return { name: 'memory', rows, details: { sizes: sizes.map((s) => ({ size: s.size, heapBefore: s.child.heapBefore, heapAfter: s.child.heapAfter, redisBytes: s.redisBytes, indexBytes: s.indexBytes, vocabulary: s.child.vocabulary })) } };
}
