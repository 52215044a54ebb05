import { describe, expect, it } from 'vitest';
import type { Cite, RoleFact } from '../../src/store/facts.ts';
import { dedupeRoles } from '../../src/store/roles.ts';

const cite = (docId: string, date: string | null, unverified = false): Cite => ({ docId, reference: `LS ${docId}`, title: null, kind: 'liaison-statement', date, ...(unverified ? { unverified: true as const } : {}) });
const role = (group: string, topic: string, source: Cite): RoleFact => ({ group, topic, source });

describe('dedupeRoles', () => {
  it('lists a role once per group and topic (case and spacing ignored), citing the latest document, with a count', () => {
    const out = dedupeRoles([
      { fact: role('SG20', 'IoT identification', cite('a', '2025-01-10')), seq: 1 },
      { fact: role('SG17', 'security', cite('b', '2025-03-01')), seq: 2 },
      { fact: role('SG20', 'IoT  Identification', cite('c', '2026-02-01')), seq: 3 },
      { fact: role('SG20', 'IoT identification', cite('d', '2025-06-01')), seq: 4 },
    ]);
    expect(out).toEqual([
      { group: 'SG20', topic: 'IoT  Identification', source: cite('c', '2026-02-01'), documents: 3 },
      { group: 'SG17', topic: 'security', source: cite('b', '2025-03-01'), documents: 1 },
    ]);
  });

  it('prefers a verified source to a later unverified one, and the later stored when dates are equal', () => {
    const out = dedupeRoles([
      { fact: role('SG17', 'security', cite('old', '2024-01-01')), seq: 1 },
      { fact: role('SG17', 'security', cite('forged', '2026-01-01', true)), seq: 2 },
      { fact: role('SG20', 'smart cities', cite('x', null)), seq: 3 },
      { fact: role('SG20', 'smart cities', cite('y', null)), seq: 5 },
    ]);
    expect(out.map((r) => [r.source.docId, r.documents])).toEqual([
      ['old', 2],
      ['y', 2],
    ]);
  });
});
