/**
 * Document references and revision markers: "TSB Collective letter 3/20", "TSB Circular 106", "SG17-LS45",
 * "TSAG-TD120", "SG20-TD456/WP1", "COM 13 - C 45 - E", "SG20-C123", "SG5-R12", "TD 123 Rev.1 (WP2/5)".
 */
import { canonicalGroup } from '../core/groups.ts';
import { allMatches } from './matches.ts';
import { squash } from './normalize.ts';

/** A document reference and what it says about kind and group. */
export interface ReferenceHit {
  reference: string;
  kind: 'collective-letter' | 'circular' | 'liaison-statement' | 'td' | 'contribution' | 'report';
  group: string | null;
  index: number;
}

const GROUP_PREFIX = String.raw`(TSAG|SG\s?\d{1,2}(?:RG-[A-Z]{2,5})?)`;

// Every group-numbered reference ("SG17-LS45", "TSAG-TD120", "SG20-C123") holds this: a header without it needs none
// of the four patterns marked `numbered`.
const GROUP_NUMBERED = new RegExp(String.raw`${GROUP_PREFIX}\s?-\s?(?:LS|TD|C|R)`, 'i');

const PATTERNS: ReadonlyArray<{ kind: ReferenceHit['kind']; re: RegExp; group?: (m: RegExpExecArray) => string | null; numbered?: boolean }> = [
  {
    kind: 'collective-letter',
    re: /\b(?:TSB\s+)?Collective[\s-]+letter\s+(?:No\.?\s*)?(\d{1,3})\s*\/\s*(TSAG\b|\d{1,2}(?![\d/])|SG\d{1,2}RG-[A-Z]{2,5}\b)/i,
    group: (m) => (/^\d+$/.test(m[2] ?? '') ? canonicalGroup(`SG${m[2]}`) : canonicalGroup(m[2] ?? '')),
  },
  { kind: 'circular', re: /\bTSB\s+Circular\s+(?:No\.?\s*)?(\d{1,4})\b/i },
  // ITU-R and ITU-D circular letters: "Administrative Circular CACE/123", "Circular Letter 6/LCCE/23", "Circular BDT/IP/CSTG-8".
  { kind: 'circular', re: /\b(?:Circular\s+Letter\s+(\d{1,3}\/[A-Z]{2,6}\/\d{1,4})|Circular\s+(BDT\/[\w/-]{2,30}|CA[A-Z]{2}\/\d{1,4}))\b/ },
  // A BDT letter's reference without the word "Circular": "Ref.: / BDT/IP/CSTG-13 / Geneva, 21 October 2016".
  { kind: 'circular', re: /(?<=\bRef\.?[ \t]*:?[ \t]*\/?[ \t]*)(BDT\/[A-Z]{2,6}\/[\w-]{2,30})\b/ },
  // The General Secretariat's numbered letters: "Circular-Letter No. 58", "Circular letter No 12".
  { kind: 'circular', re: /\bCircular[-\s]Letter\s+No\.?\s*(\d{1,4})\b/i },
  {
    kind: 'liaison-statement',
    numbered: true,
    re: new RegExp(String.raw`\b${GROUP_PREFIX}\s?-\s?LS\s?(\d{1,4})(?:\s*(?:Rev\.?\s*\d+|R\d))?\b`, 'i'),
    group: (m) => canonicalGroup(m[1] ?? ''),
  },
  {
    kind: 'td',
    numbered: true,
    re: new RegExp(String.raw`\b${GROUP_PREFIX}\s?-\s?TD\s?(\d{1,4})(?:\s*(?:Rev\.?\s*\d+|R\d))?(?:\s*\/\s*(?:WP\d|PLEN|GEN))?\b`, 'i'),
    group: (m) => canonicalGroup(m[1] ?? ''),
  },
  {
    kind: 'contribution',
    numbered: true,
    re: new RegExp(String.raw`\b${GROUP_PREFIX}\s?-\s?C\s?(\d{1,4})(?:\s*(?:Rev\.?\s*\d+|R\d))?\b`, 'i'),
    group: (m) => canonicalGroup(m[1] ?? ''),
  },
  {
    kind: 'report',
    numbered: true,
    re: new RegExp(String.raw`\b${GROUP_PREFIX}\s?-\s?R\s?(\d{1,4})(?:\s*(?:Rev\.?\s*\d+|R\d))?\b`, 'i'),
    group: (m) => canonicalGroup(m[1] ?? ''),
  },
  { kind: 'liaison-statement', re: /\bCOM\s?(\d{1,2})\s?-\s?LS\s?(\d{1,4})(?:\/\d{1,2})?(?:\s?-\s?[EFSACR])?\b/, group: (m) => canonicalGroup(`SG${m[1]}`) },
  { kind: 'contribution', re: /\bCOM\s?(\d{1,2})\s?-\s?C\s?(\d{1,4})(?:\s?-\s?[EFSACR])?\b/, group: (m) => canonicalGroup(`SG${m[1]}`) },
  { kind: 'report', re: /\bCOM\s?(\d{1,2})\s?-\s?R\s?(\d{1,4})(?:\s?-\s?[EFSACR])?\b/, group: (m) => canonicalGroup(`SG${m[1]}`) },
  {
    kind: 'td',
    re: /\bTD\s?(\d{1,4})(?:\s*Rev\.?\s*\d+)?\s*\((WP\s?\d{1,2}|PLEN|GEN)\s?\/\s?(\d{1,2}|TSAG)\)/i,
    group: (m) => (m[3] === 'TSAG' ? 'TSAG' : canonicalGroup(`SG${m[3]}`)),
  },
];

// The same patterns, global, to find every reference.
const GLOBAL_PATTERNS = PATTERNS.map((p) => ({ ...p, re: new RegExp(p.re.source, p.re.flags.includes('g') ? p.re.flags : `${p.re.flags}g`) }));

// A reference the document cites rather than its own number: "This liaison statement answers TSAG-LS4".
const CITED =
  /\b(?:answers|answering|reply to|replies to|response to|responds to|in reply|replying to|refers? to|referring to|follow-up (?:to|of)|related to|presented in|contained in|see|cf\.|based on|in|of|with|and)\s*:?\s*(?:the\s+)?(?:(?:documents?|LS|liaison(?: statement)?)\s*\(?\s*)?$/i;

// A header line that names the documents answered: "Response to: LS (C4-110519, COM 16 – LS 203 – E) on …".
const RESPONSE_LINE = /^[ \t]*(?:in )?(?:response to|reply to|replies to|answers?(?: to)?|related (?:to|LS)|ref(?:erence)?s? to)\b/i;

/** The text of the line of `index` before it, at most 200 characters. */
function lineBefore(text: string, index: number): string {
  const from = Math.max(0, index - 200);
  const before = text.slice(from, index);
  const nl = before.lastIndexOf('\n');
  return nl >= 0 ? before.slice(nl + 1) : from === 0 ? before : '';
}

/**
 * All document references in `text`, in order of appearance.
 *
 * @example findReferences('Ref: TSB Collective letter 3/20')[0]
 *   // { reference: 'TSB Collective letter 3/20', kind: 'collective-letter', group: 'SG20', index: 5 }
 */
export function findReferences(text: string): ReferenceHit[] {
  const hits: ReferenceHit[] = [];
  const numbered = GROUP_NUMBERED.test(text);
  for (const p of GLOBAL_PATTERNS) {
    if (p.numbered && !numbered) continue;
    for (const m of allMatches(p.re, text)) {
      if (CITED.test(text.slice(Math.max(0, m.index - 40), m.index)) || RESPONSE_LINE.test(lineBefore(text, m.index))) continue;
      // Inside a file name ("liaison-response-itu-t-SG13-LS217-determcommunics-1121-v01"): the file it names.
      if (/[\w-]$/.test(text.slice(Math.max(0, m.index - 1), m.index)) && /^-[a-z]/i.test(text.slice(m.index + m[0].length))) continue;
      hits.push({ reference: squash(m[0]), kind: p.kind, group: p.group ? p.group(m) : null, index: m.index });
    }
  }
  return hits.sort((a, b) => a.index - b.index);
}

/**
 * A reference found in normalised text, with the characters the raw document uses ("COM 13 – C 45 – E" keeps its
 * en dashes), whitespace collapsed; the normalised form when the raw text cannot be matched.
 *
 * @example asWritten('COM 13 \u2013 C 45', 'COM 13 - C 45') === 'COM 13 \u2013 C 45'
 */
export function asWritten(raw: string, reference: string): string {
  const source = reference.replace(/[- .*+?^${}()|[\]\\/]/g, (c) =>
    c === '-' ? '[-\u2010-\u2015\u2212]' : c === ' ' ? '[\\s\u00A0\u2000-\u200A\u202F]*' : `\\${c}`,
  );
  const m = new RegExp(source, 'i').exec(raw);
  return m ? squash(m[0].replace(/[\u00A0\u2000-\u200A\u202F]/g, ' ')) : reference;
}

/**
 * Revision marker of a document from its header: `Rev.1`, `Addendum 1`, `Corrigendum 1`, or `null`.
 */
export function findRevision(header: string): string | null {
  // Each marker below names an addendum (corrigendum, erratum) or a revision number: most headers have neither.
  if (!/\b(?:Addendum|Corrigendum|Erratum)|Rev(?:ision)?\.?\s*\d/i.test(header)) return null;
  const m =
    /\b(Addendum|Corrigendum|Erratum)\s*(\d{1,2})?\s+to\s+(?:TSB\s+)?(?:Collective\s+letter|Circular|TD|LS)\b/i.exec(header) ??
    /\b(?:Collective\s+letter|Circular|-LS|-TD|-C|-R)\s?[\w/]*\s*\(?(Rev(?:ision)?\.?)\s*(\d{1,2})\)?/i.exec(header) ??
    /^\s*(Revision|Rev\.)\s*(\d{1,2})\s*$/im.exec(header);
  if (!m) return null;
  const word = /^rev/i.test(m[1] ?? '') ? 'Rev.' : `${(m[1] ?? '').charAt(0).toUpperCase()}${(m[1] ?? '').slice(1).toLowerCase()} `;
  return `${word}${m[2] ?? '1'}`.replace('Rev. ', 'Rev.');
}

/**
 * Identity of a document across its revisions: kind plus its reference without revision marker, lower-cased and
 * without spaces (`collective-letter:collectiveletter3/20`); `null` when the document has no reference.
 */
export function baseKey(kind: string, reference: string | null): string | null {
  if (!reference) return null;
  const base = reference
    .toLowerCase()
    .replace(/\b(?:rev(?:ision)?\.?\s*\d+|r\d)\b/g, '')
    .replace(/\btsb\b|\bno\.?/g, '')
    .replace(/[\s-]+/g, '');
  return `${kind}:${base}`;
}
