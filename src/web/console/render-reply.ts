/**
 * HTML rendering of a channel-neutral {@link Reply}, for the console's chat and broadcast pages: the same structure
 * as the terminal's plain text (src/chat/render-text.ts), with every text escaped and sources linked to their
 * document pages.
 */
import type { Reply, SourceRef } from '../../core/command.ts';
import { humanTime } from './format.ts';
import { h } from './layout.ts';

const ISO_TIME = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})/g;

/** A note that tells the chat user which command to type next. */
const COMMAND_NOTE = /\b(?:broadcast|remind) (?:confirm|cancel|retry|status|done|snooze) [a-z0-9]/i;

function sourceLine(s: SourceRef): string {
  const label = h([s.reference, s.title].filter(Boolean).join(' — ') || 'document');
  const link = s.docId ? `<a href="/console/documents/${h(s.docId)}">${label}</a> <small>(doc ${h(s.docId.slice(0, 12))})</small>` : label;
  return `<li>${link}${s.unverified ? ' <strong>[unverified sender]</strong>' : ''}</li>`;
}

/**
 * Render `reply` as an HTML fragment (a `<section class="reply">`); `lead` (HTML) goes right under its title. Notes that
 * tell how to type a command (`broadcast confirm k3x9m2pq`) are for chat: pass `dropCommandNotes` where the page has
 * buttons for them.
 */
export function renderReplyHtml(reply: Reply, opts: { lead?: string; dropCommandNotes?: boolean; tz?: string } = {}): string {
  // Instants written out in a reply (`2026-12-05T23:59:31.953Z`) read as times in the viewer's zone.
  const t = (text: string) => h(opts.tz ? text.replace(ISO_TIME, (iso) => humanTime(iso, opts.tz ?? 'UTC')) : text);
  const out: string[] = [`<section class="reply${reply.ok ? '' : ' fail'}"${reply.code ? ` data-code="${h(reply.code)}"` : ''}>`, `<h2>${t(reply.title)}</h2>`];
  if (opts.lead) out.push(opts.lead);
  for (const section of reply.sections) {
    if (section.items.length === 0) continue;
    if (section.heading) out.push(`<h3>${h(section.heading)}</h3>`);
    out.push('<ul>');
    for (const item of section.items) {
      const src = item.source?.docId ? ` <a href="/console/documents/${h(item.source.docId)}" title="${h(item.source.reference ?? item.source.title ?? '')}">[source]</a>` : '';
      out.push(`<li>${t(item.text)}${src}${item.detail ? `<br><small>${t(item.detail)}</small>` : ''}</li>`);
    }
    out.push('</ul>');
  }
  const notes = opts.dropCommandNotes ? reply.notes.filter((n) => !COMMAND_NOTE.test(n)) : reply.notes;
  if (notes.length) out.push(`<div class="notes">${notes.map((n) => `<p class="muted">${t(n)}</p>`).join('')}</div>`);
  const cited = reply.sources.filter((s) => s.docId || s.title);
  if (cited.length) out.push(`<h3>Sources</h3><ul>${cited.map(sourceLine).join('')}</ul>`);
  out.push('</section>');
  return out.join('\n');
}
