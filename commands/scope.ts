/**
 * Shared argument handling: a group (`SG20`, `study group 20`, `TSAG`, `SG12RG-AFR`, `WP2/5`) or a Question
 * (`Q4/20`), and the polite refusal for a group that does not exist.
 */
import { z } from 'zod';
import type { CommandContext, Reply, SourceRef } from '../src/core/command.ts';
import { noAnswer } from '../src/core/command.ts';
import { canonicalGroup, canonicalQuestion } from '../src/core/groups.ts';
import type { Cite } from '../src/store/facts.ts';

/** What a scoped command is about: a group, a Question, everything, or something that is not a group. */
export type Scope = { kind: 'all' } | { kind: 'group'; group: string } | { kind: 'question'; question: string } | { kind: 'unknown'; text: string };

/** Read a scope from user text; words such as "for", "of", "the", "meeting" around it are ignored. */
export function parseScope(text: string): Scope {
  const t = text
    .replace(/[?!.]+$/, '')
    .replace(/\b(?:for|of|the|from|to|about|in|ITU-T|next|upcoming|meetings?|deadlines?|liaisons?|statements?|please|group)\b/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (t === '') return { kind: 'all' };
  const q = canonicalQuestion(t);
  if (q) return { kind: 'question', question: q };
  const g = canonicalGroup(t) ?? canonicalGroup(t.replace(/\s+/g, ''));
  if (g) return { kind: 'group', group: g };
  return { kind: 'unknown', text: t };
}

/** zod schema of a scope argument plus an `--all` flag. */
export const scopeArgs = z.object({ scope: z.custom<Scope>(), all: z.boolean() });

/** Split "SG20 --all" into a scope and flags. */
export function scopeFromText(rest: string): { scope: Scope; all: boolean } {
  const all = /(?:^|\s)--?all\b|\ball\b.*\bpast\b|\bincluding past\b/i.test(rest);
  return { scope: parseScope(rest.replace(/(?:^|\s)--?all\b/gi, ' ')), all };
}

/** The refusal for something that is not a known group, listing the groups there are. */
export async function unknownGroupReply(ctx: CommandContext, text: string): Promise<Reply> {
  const withDocs = await ctx.store.groupsWithDocuments();
  const current = Object.keys(ctx.curated.groupTitles['2025-2028'] ?? {});
  const known = [...new Set([...current, 'TSAG', ...withDocs])].sort(byGroup);
  return noAnswer(
    'E_UNKNOWN_GROUP',
    `"${text}" is not an ITU-T group I know.`,
    [
      `Known groups: ${known.join(', ')}.`,
      withDocs.length > 0 ? `Documents are stored for: ${withDocs.join(', ')}.` : 'No documents are stored yet: run `sgbot ingest PATH` first.',
      'Write a group as SG20, TSAG or SG12RG-AFR, or a Question as Q4/20.',
    ],
    { known, withDocuments: withDocs },
  );
}

/** Sort groups SG2 < SG13 < SG20 < TSAG. */
export function byGroup(a: string, b: string): number {
  const na = Number(/^SG(\d+)/.exec(a)?.[1] ?? 999);
  const nb = Number(/^SG(\d+)/.exec(b)?.[1] ?? 999);
  return na - nb || a.localeCompare(b);
}

/** The source reference of a fact's citation. */
export function sourceOf(c: Cite): SourceRef {
  return { docId: c.docId, reference: c.reference, title: c.title, kind: c.kind, ...(c.unverified ? { unverified: true } : {}) };
}

/** Distinct sources, in first-seen order. */
export function uniqueSources(sources: SourceRef[]): SourceRef[] {
  const seen = new Set<string>();
  return sources.filter((s) => {
    const k = s.docId ?? `${s.reference}|${s.title}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Short label of a source for people: its reference, else its title. */
export function sourceLabel(s: SourceRef): string {
  return s.reference ?? s.title ?? (s.docId ? `document ${s.docId.slice(0, 8)}` : 'unknown source');
}
