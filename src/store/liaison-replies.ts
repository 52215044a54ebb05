/**
 * Replies between liaison statements: which stored statements a newly stored one answers. A reply names what it
 * answers ("This liaison statement answers TSAG-LS4", "Response to: LS (S5-261234) on …") or carries the title of
 * the statement it answers ("Reply LS on trust in IoT device identities" answers "LS on trust in IoT device
 * identities"); a title alone counts only when the reply comes from a group the original asked to act.
 */
import { canonicalGroup, parentGroup } from '../core/groups.ts';
import { actingAddressees } from '../parse/liaison.ts';
import { citeOf, type StoredDocument } from './facts.ts';
import type { DocumentStore } from './store.ts';

/** How many of a group's latest liaison statements a title is compared with. */
const TITLE_WINDOW = 300;

/** The title of the statement a reply's title answers, lower case: "Reply LS to SG13 on X" → "ls on x". */
export function answeredTitle(title: string | null): string | null {
  if (!title) return null;
  const m = /^\s*(?:(?:reply|response|answer)\s+(?:LS|liaison(?:\s+statement)?)|LS\s+(?:reply|response)|(?:reply|response)\s+to\s+(?:the\s+)?(?:LS|liaison(?:\s+statement)?))\s+(?:(?:to|from)\s+[\w\s/-]{2,40}?\s+)?(on|about|regarding|concerning)\s+(.+)$/i.exec(title);
  return m?.[2] ? normalTitle(`LS ${m[1]} ${m[2]}`) : null;
}

function normalTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/["“”'‘’]/g, '')
    // A Datatracker title names the addressee after it: "LS on … (netvc) [to IETF IESG]".
    .replace(/\s*\[to\s[^\]]{1,80}\]\s*$/, '')
    .replace(/^\s*(?:liaison statement|ls)\s+(?:to\s+[\w\s/-]{2,40}?\s+)?(on|about|regarding|concerning)\s+/, 'ls $1 ')
    .replace(/\s+/g, ' ')
    .replace(/[.\s]+$/, '')
    .trim();
}

/**
 * The stored liaison statements `reply` answers (not itself, not superseded, at most a few). Nothing for a reply
 * from an unverified sender: a forged reply must not silence a real request.
 */
export async function answeredBy(store: DocumentStore, reply: StoredDocument): Promise<StoredDocument[]> {
  const p = reply.parsed;
  if (p.kind !== 'liaison-statement' || !p.liaison || citeOf(reply).unverified) return [];
  const found = new Map<string, StoredDocument>();
  for (const ref of p.liaison.repliesTo ?? []) {
    for (const doc of await store.findByReference(ref)) {
      if (doc.id !== reply.id && doc.parsed.kind === 'liaison-statement' && doc.supersededBy === null) found.set(doc.id, doc);
    }
  }
  // The title it answers: its own ("Reply LS on X"), or one it says it responds to ("in response to: LS on X").
  const wanted = new Set([answeredTitle(p.title), ...(p.liaison.repliesTo ?? []).filter((r) => !REFERENCE.test(r)).map(normalTitle)].filter((t): t is string => t !== null && t.length >= 8));
  const replier = p.liaison.from ? canonicalGroup(p.liaison.from) : null;
  // An ITU-T group answers a statement that asked it to act, among those sent to it; a body outside ITU-T ("IETF RAI")
  // one that an ITU-T group it writes to sent to that body ("IETF"), among that group's.
  const body = replier === null && p.liaison.from ? bodyOf(p.liaison.from) : null;
  const groups = replier ? [parentGroup(replier)] : body ? [...new Set(p.liaison.to.map((t) => canonicalGroup(t)).filter((g): g is string => g !== null).map(parentGroup))] : [];
  for (const group of wanted.size > 0 ? groups : []) {
    for (const fact of await store.liaisons(group, TITLE_WINDOW)) {
      if (fact.source.docId === reply.id || found.has(fact.source.docId) || !wanted.has(normalTitle(fact.source.title ?? ''))) continue;
      const asked = replier
        ? actingAddressees(fact.liaison).some((a) => a.group !== null && parentGroup(a.group) === parentGroup(replier))
        : fact.liaison.from !== null && canonicalGroup(fact.liaison.from) !== null && parentGroup(canonicalGroup(fact.liaison.from) ?? '') === group && (fact.liaison.addressees ?? []).some((a) => bodyOf(a.party) === body);
      if (!asked) continue;
      const doc = await store.getDocument(fact.source.docId);
      if (doc && doc.supersededBy === null) found.set(doc.id, doc);
    }
  }
  return [...found.values()];
}

/** A document reference ("SG11-LS30", "S5-261234", "COM 16-LS 124"), not a title. */
const REFERENCE = /^(?:[A-Z0-9][\w/.-]*[\s-]?(?:LS|TD|C)?\s?\d[\w/.-]*|\S+)$/;

/** The organisation a body outside ITU-T belongs to, by the first word of its name: "IETF RAI" → "ietf". */
function bodyOf(party: string): string | null {
  const first = /^[A-Za-z0-9][\w&-]*/.exec(party.trim())?.[0]?.toLowerCase() ?? null;
  return first && first !== 'itu-t' && first !== 'itu' ? first : null;
}
