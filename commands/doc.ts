/** `doc <reference|id>`: one document and what was understood of it. */
import { z } from 'zod';
import { defineCommand, noAnswer, type Reply, type ReplyItem } from '../src/core/command.ts';
import { CATEGORY_LABELS, KIND_LABELS } from '../src/core/labels.ts';
import { formatDeadline, formatRange } from '../src/core/time.ts';
import type { StoredDocument } from '../src/store/facts.ts';

export default defineCommand({
  name: 'doc',
  aliases: ['document', 'show'],
  summary: 'Show one document (by reference or id) and the facts read from it.',
  usage: 'doc <reference | id>',
  examples: ['doc TSB Collective letter 3/20', 'doc SG17-LS45'],
  args: z.object({ ref: z.string().trim().min(2, 'Say which document, for example: doc TSB Circular 106') }),
  parseText: (rest) => ({ ref: rest }),
  async run(ctx, { ref }): Promise<Reply> {
    let docs: StoredDocument[] = await ctx.store.findByReference(ref);
    if (docs.length === 0 && /^[0-9a-f]{8,20}$/i.test(ref)) {
      const all = await ctx.store.documentsAfter(0, 100_000);
      const id = all.find((d) => d.id.startsWith(ref.toLowerCase()))?.id;
      const doc = id ? await ctx.store.getDocument(id) : null;
      docs = doc ? [doc] : [];
    }
    const doc = docs[0];
    if (!doc) return noAnswer('E_NOT_FOUND', `No stored document has the reference "${ref}".`, ['Use `search` to find it by its words.'], { ref });
    const p = doc.parsed;
    const unverified = doc.source.auth?.verdict === 'fail';
    const source = { docId: doc.id, reference: p.reference, title: p.title, kind: p.kind, ...(unverified ? { unverified: true } : {}) };
    const facts: ReplyItem[] = [
      { text: `${KIND_LABELS[p.kind]}${p.group ? ` of ${p.group}` : ''}${p.date ? `, dated ${p.date}` : ''}${p.revision ? ` (${p.revision})` : ''}` },
    ];
    if (doc.supersededBy) facts.push({ text: `Superseded by a later revision (doc ${doc.supersededBy.slice(0, 12)}).` });
    if (p.meeting) facts.push({ text: `Meeting: ${formatRange(p.meeting.start, p.meeting.end)}${p.meeting.place ? `, ${p.meeting.place}` : ''}` });
    for (const e of p.events) facts.push({ text: `Side event: ${e.title}, ${formatRange(e.start, e.end)}${e.startTime ? ` ${e.startTime}` : ''}` });
    for (const d of p.deadlines) facts.push({ text: `Deadline ${formatDeadline(d, ctx.tz)}: ${CATEGORY_LABELS[d.category]}`, detail: d.action });
    if (p.liaison) facts.push({ text: `Liaison from ${p.liaison.from ?? '?'} to ${p.liaison.to.join(', ') || '?'} for ${p.liaison.purpose ?? '?'}${p.liaison.deadline ? `, reply by ${p.liaison.deadline}` : ''}` });
    for (const r of p.roles) facts.push({ text: `Lead role: ${r.group} on ${r.topic}` });
    if (p.recommendations.length) facts.push({ text: `Recommendations: ${p.recommendations.map((r) => (r.ex ? `${r.id} (ex ${r.ex})` : r.id)).join(', ')}` });
    if (p.questions.length) facts.push({ text: `Questions: ${p.questions.map((q) => q.id).join(', ')}` });
    return {
      ok: true,
      title: p.reference ?? p.title ?? `Document ${doc.id.slice(0, 12)}`,
      sections: [{ heading: p.title ?? undefined, items: facts }],
      notes: [
        `Source: ${doc.source.name}, stored ${doc.ingestedAt}.`,
        ...(doc.source.list?.list ? [`Came through ${doc.source.list.list}.`] : []),
        ...(doc.source.auth ? [`Sender ${unverified ? 'UNVERIFIED' : 'check'}: ${doc.source.auth.summary}`] : []),
      ],
      sources: [source],
      data: { document: doc },
    };
  },
});
