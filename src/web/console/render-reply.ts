/**
 * HTML rendering of a channel-neutral {@link Reply}, for the console's chat and broadcast pages: the same structure
 * as the terminal's plain text (src/chat/render-text.ts), with every text escaped and sources linked to their
 * document pages.
 */
import type { Reply, SourceRef } from '../../core/command.ts';
import { h } from './layout.ts';

function sourceLine(s: SourceRef): string {
  const label = h([s.reference, s.title].filter(Boolean).join(' — ') || 'document');
  const link = s.docId ? `<a href="/console/documents/${h(s.docId)}">${label}</a> <small>(doc ${h(s.docId.slice(0, 12))})</small>` : label;
  return `<li>${link}${s.unverified ? ' <strong>[unverified sender]</strong>' : ''}</li>`;
}

/** Render `reply` as an HTML fragment (a `<section class="reply">`). */
export function renderReplyHtml(reply: Reply): string {
  const out: string[] = [`<section class="reply${reply.ok ? '' : ' fail'}"${reply.code ? ` data-code="${h(reply.code)}"` : ''}>`, `<h2>${h(reply.title)}</h2>`];
  for (const section of reply.sections) {
    if (section.items.length === 0) continue;
    if (section.heading) out.push(`<h3>${h(section.heading)}</h3>`);
    out.push('<ul>');
    for (const item of section.items) {
      const src = item.source?.docId ? ` <a href="/console/documents/${h(item.source.docId)}" title="${h(item.source.reference ?? item.source.title ?? '')}">[source]</a>` : '';
      out.push(`<li>${h(item.text)}${src}${item.detail ? `<br><small>${h(item.detail)}</small>` : ''}</li>`);
    }
    out.push('</ul>');
  }
  if (reply.notes.length) out.push(`<div class="notes">${reply.notes.map((n) => `<p class="muted">${h(n)}</p>`).join('')}</div>`);
  const cited = reply.sources.filter((s) => s.docId || s.title);
  if (cited.length) out.push(`<h3>Sources</h3><ul>${cited.map(sourceLine).join('')}</ul>`);
  out.push('</section>');
  return out.join('\n');
}
