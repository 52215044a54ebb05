/**
 * A human title for every stored document, so that no answer cites "document 62e5…": what the document calls itself
 * ("Subject:", "Title:"), else the mail's subject, the abstract's topic, the first heading, or a description made of
 * its kind, reference, group and date. Pure.
 */
import { KIND_LABELS } from '../core/labels.ts';
import { clip, sentFromTo, titleFromText } from '../parse/titles.ts';
import type { ParsedDocument } from '../core/types.ts';

/** What the title needs of where a document came from. */
export interface TitleSource {
  name: string;
  sentAt: string | null;
  subject?: string | null;
}

/** A mail subject without list tags and reply/forward prefixes: "[t25sg17] Fwd: SG20-LS88: LS on …" → "SG20-LS88: LS on …". */
export function cleanSubject(subject: string | null | undefined): string | null {
  if (!subject) return null;
  let s = subject.trim();
  for (let i = 0; i < 5; i++) {
    const next = s.replace(/^(?:\[[^\]]{1,40}\]\s*|(?:re|fwd?|tr|aw|wg|sv)\s*(?:\[\d+\])?\s*:\s*)/i, '');
    if (next === s) break;
    s = next;
  }
  return s.length >= 3 ? clip(s) : null;
}

/**
 * A description when nothing names the document: "Liaison statement SG17-LS12 from SG17 to SG20, 3 March 2026",
 * "Temporary document TD 12 of SG13, 3 March 2026".
 */
export function describeDocument(p: ParsedDocument, source: TitleSource): string {
  const kind = KIND_LABELS[p.kind];
  const parts = [kind];
  if (p.reference) parts.push(p.reference);
  // A statement is described by who sent it to whom: "of SG16" would make the addressee its author.
  const ls = p.kind === 'liaison-statement' ? p.liaison : null;
  if (ls?.from) parts.push(sentFromTo(ls.from, ls.to));
  else if (p.group) parts.push(`of ${p.group}`);
  let text = parts.join(' ');
  const date = p.date ?? source.sentAt?.slice(0, 10) ?? null;
  if (date) text += `, ${date}`;
  if (!p.reference && source.name) text += ` (${source.name})`;
  return text;
}

/**
 * The title a stored document is shown with: the parser's, else the mail subject, the abstract's topic, the first
 * heading, or {@link describeDocument}. Never empty.
 */
export function humanTitle(p: ParsedDocument, source: TitleSource, text: string): string {
  return (p.title && p.title.trim() ? clip(p.title) : null) ?? cleanSubject(source.subject) ?? titleFromText(text) ?? describeDocument(p, source);
}

/** `p` with a title: its own, or {@link humanTitle}'s. */
export function withTitle(p: ParsedDocument, source: TitleSource, text: string): ParsedDocument {
  return p.title ? p : { ...p, title: humanTitle(p, source, text) };
}
