/** Plain-text rendering of a {@link Reply}, for the terminal and for e-mail. */
import type { Reply } from '../core/command.ts';

/** Render `reply` as plain text lines. */
export function renderText(reply: Reply): string {
  const out: string[] = [reply.title];
  for (const section of reply.sections) {
    if (section.items.length === 0) continue;
    out.push('');
    if (section.heading) out.push(`${section.heading}:`);
    for (const item of section.items) {
      out.push(`  • ${item.text}`);
      if (item.detail) out.push(`      ${item.detail}`);
    }
  }
  if (reply.notes.length) {
    out.push('');
    for (const n of reply.notes) out.push(n);
  }
  const cited = reply.sources.filter((s) => s.docId || s.title);
  if (cited.length) {
    out.push('', 'Sources:');
    for (const s of cited) out.push(`  - ${[s.reference, s.title].filter(Boolean).join(' — ')}${s.docId ? ` (doc ${s.docId.slice(0, 12)})` : ''}${s.unverified ? ' [unverified sender]' : ''}`);
  }
  return out.join('\n');
}
