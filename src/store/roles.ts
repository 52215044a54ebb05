/**
 * Lead roles as documents state them, once per role: many documents repeat "SG20 is the lead study group on IoT
 * identification", and an answer lists that role once, citing the latest document that says it. Pure.
 */
import type { RoleFact, StatedRole } from '../core/facts.ts';

export type { StatedRole } from '../core/facts.ts';

/** Key of a role: group and topic, topic case and spacing ignored. */
function roleKey(group: string, topic: string): string {
  return `${group}\u0000${topic.toLowerCase().replace(/\s+/g, ' ').trim()}`;
}

/** Whether `a` is a better source than `b`: verified first, then the later document date, then stored later. */
function better(a: { fact: RoleFact; seq: number }, b: { fact: RoleFact; seq: number }): boolean {
  const ua = Boolean(a.fact.source.unverified);
  const ub = Boolean(b.fact.source.unverified);
  if (ua !== ub) return ub;
  const da = a.fact.source.date ?? '';
  const db = b.fact.source.date ?? '';
  if (da !== db) return da > db;
  return a.seq > b.seq;
}

/**
 * Role facts folded to one {@link StatedRole} per (group, topic), in the order each role was first seen. `facts`
 * come with the sequence number of their document (the order they were stored in).
 *
 * @example
 *   dedupeRoles([{ fact: sg20IotFromCl5, seq: 4 }, { fact: sg20IotFromCl9, seq: 7 }])
 *   // [{ group: 'SG20', topic: 'IoT identification', source: <cite of CL 9>, documents: 2 }]
 */
export function dedupeRoles(facts: ReadonlyArray<{ fact: RoleFact; seq: number }>): StatedRole[] {
  const byKey = new Map<string, { best: { fact: RoleFact; seq: number }; documents: Set<string> }>();
  for (const f of facts) {
    const key = roleKey(f.fact.group, f.fact.topic);
    const seen = byKey.get(key);
    if (!seen) byKey.set(key, { best: f, documents: new Set([f.fact.source.docId]) });
    else {
      seen.documents.add(f.fact.source.docId);
      if (better(f, seen.best)) seen.best = f;
    }
  }
  return [...byKey.values()].map(({ best, documents }) => ({ group: best.fact.group, topic: best.fact.topic, source: best.fact.source, documents: documents.size }));
}
