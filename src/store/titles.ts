/**
 * A human title for every stored document, so that no answer cites "document 62e5…": what the document calls itself
 * ("Subject:", "Title:"), else the mail's subject, the abstract's topic, the first heading, or a description made of
 * its kind, reference, group and date. Pure.
 */
import { KIND_LABELS } from '../core/labels.ts';
import type { ParsedDocument } from '../core/types.ts';

/** What the title needs of where a document came from. */
export interface TitleSource {
  name: string;
  sentAt: string | null;
  subject?: string | null;
}

/** Longest title kept: a subject line, not a paragraph. */
const MAX_TITLE = 160;

// Lines every ITU-T document starts with, which name no document.
const BOILERPLATE =
  /^(?:INTERNATIONAL TELECOMMUNICATION UNION|TELECOMMUNICATION STANDARDI[SZ]ATION (?:SECTOR|BUREAU|ADVISORY GROUP)|STUDY PERIOD\b.*|STUDY GROUP \d+.*|TSAG|Original\s*:.*|English only|(?:LIAISON STATEMENT|TEMPORARY DOCUMENT|CONTRIBUTION|REPORT|COLLECTIVE LETTER|Liaison statement|Attention\b.*)|(?:Geneva|Place|Date)\b.*\d{4}.*|Page \d+.*|-\s*\d+\s*-|Skip to main content)$/i;

function clip(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim().replace(/[.;:,]+$/, '');
  if (t.length <= MAX_TITLE) return t;
  const cut = t.slice(0, MAX_TITLE);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 60))}…`;
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

/** The topic an abstract or summary gives: "Abstract: This liaison statement contains the response of …". */
function abstractTopic(text: string): string | null {
  const m = /(?:^|\n)[ \t]*(?:Abstract|Summary)[ \t]*:?[ \t]*\n?[ \t]*([^\n]{12,400})/i.exec(text.slice(0, 8000));
  const sentence = m?.[1]?.split(/(?<=[.!?])\s/)[0];
  return sentence ? clip(sentence) : null;
}

/** The first line of the first 40 that reads as a heading: a few words, not boilerplate, not a label or a sentence. */
function firstHeading(text: string): string | null {
  const lines = text.slice(0, 6000).split('\n').slice(0, 40);
  for (const raw of lines) {
    const line = raw.replace(/\t.*$/, '').trim();
    if (line.length < 8 || line.length > MAX_TITLE || BOILERPLATE.test(line)) continue;
    if (/^[\w ()/.-]{1,30}:/.test(line) || /^(?:Dear|To|From|Ref)\b/i.test(line) || /[.;,]$/.test(line)) continue;
    const words = line.split(/\s+/).length;
    if (words < 2 || words > 20 || !/[A-Za-z]{3}/.test(line)) continue;
    return clip(line);
  }
  return null;
}

/** A description when nothing names the document: "Liaison statement SG17-LS12 of SG17, 3 March 2026". */
export function describeDocument(p: ParsedDocument, source: TitleSource): string {
  const kind = KIND_LABELS[p.kind];
  const parts = [kind];
  if (p.reference) parts.push(p.reference);
  if (p.group) parts.push(`of ${p.group}`);
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
  return (p.title && p.title.trim() ? clip(p.title) : null) ?? cleanSubject(source.subject) ?? abstractTopic(text) ?? firstHeading(text) ?? describeDocument(p, source);
}
