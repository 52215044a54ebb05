/**
 * HTML rendering of a channel-neutral {@link Reply}, for the console's chat and broadcast pages: the same structure
 * as the terminal's plain text (src/chat/render-text.ts), with every text escaped and sources linked to their
 * document pages.
 */
import type { Reply, SourceRef } from '../../core/command.ts';
import { humanTime } from './format.ts';
import type { Views } from './views.ts';

const ISO_TIME = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})/g;

/** A note that tells the chat user which command to type next. */
const COMMAND_NOTE = /\b(?:broadcast|remind) (?:confirm|cancel|retry|status|done|snooze) [a-z0-9]/i;

/**
 * `reply` as template `reply` shows it (a `<section class="reply">`); `lead` (HTML) goes right under its title.
 * Notes that tell how to type a command (`broadcast confirm k3x9m2pq`) are for chat: pass `dropCommandNotes` where the
 * page has buttons for them.
 */
export function replyView(reply: Reply, opts: { lead?: string; dropCommandNotes?: boolean; tz?: string } = {}) {
  // Instants written out in a reply (`2026-12-05T23:59:31.953Z`) read as times in the viewer's zone.
  const t = (text: string) => (opts.tz ? text.replace(ISO_TIME, (iso) => humanTime(iso, opts.tz ?? 'UTC')) : text);
  const notes = opts.dropCommandNotes ? reply.notes.filter((n) => !COMMAND_NOTE.test(n)) : reply.notes;
  return {
    ok: reply.ok,
    code: reply.code ?? null,
    title: t(reply.title),
    lead: opts.lead ?? '',
    sections: reply.sections
      .filter((section) => section.items.length > 0)
      .map((section) => ({
        heading: section.heading ?? null,
        items: section.items.map((item) => ({ text: t(item.text), docId: item.source?.docId ?? null, sourceTitle: item.source?.reference ?? item.source?.title ?? '', detail: item.detail ? t(item.detail) : null })),
      })),
    notes: notes.map(t),
    sources: reply.sources
      .filter((s: SourceRef) => s.docId || s.title)
      .map((s: SourceRef) => ({ docId: s.docId ?? null, label: [s.reference, s.title].filter(Boolean).join(' — ') || 'document', unverified: Boolean(s.unverified) })),
  };
}

/** `reply` as HTML, drawn by template `reply` (see {@link replyView}). */
export function renderReplyHtml(views: Views, reply: Reply, opts: { lead?: string; dropCommandNotes?: boolean; tz?: string } = {}): string {
  return views.render('reply', replyView(reply, opts));
}
