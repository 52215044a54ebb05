/**
 * What a broadcast says, and how it looks on each target: the announcement (from the secretariat's text or from an
 * ingested document), the mail to a list and the chat message to a channel. Pure: no I/O, the clock is passed in.
 */
import type { Reply, ReplyItem, SourceRef } from '../core/command.ts';
import { CATEGORY_LABELS, KIND_LABELS } from '../core/labels.ts';
import { dueAt, formatDeadline, formatRange } from '../core/time.ts';
import type { OutgoingMail } from '../mail/compose.ts';
import type { StoredDocument } from '../store/facts.ts';
import { senderVerified } from '../store/trust.ts';
import type { BroadcastTarget } from './targets.ts';

/** Longest announcement text: Slack shows at most 3000 characters in one block, with room for the frame. */
export const MAX_TEXT = 2800;

/** The message itself, the same for every target. */
export interface Announcement {
  /** Mail subject and chat title. */
  subject: string;
  /** Plain-text body (the mail's text part). */
  text: string;
  /** The same content as lines for chat; document facts carry their source. */
  items: ReplyItem[];
  /** The document it announces, if any. */
  source: SourceRef | null;
  /** Message-ID of the mail the document came in, so that list mail threads under it. */
  inReplyTo: string | null;
  /** Link to the document, when the settings give a URL template. */
  link: string | null;
}

/** A broadcast as drafted: what, for which group, to whom, by whom. */
export interface Broadcast {
  /** Short id people type: `broadcast confirm k3x9m2pq`. */
  id: string;
  group: string;
  announcement: Announcement;
  targets: BroadcastTarget[];
  /** Who drafted it: identity key (`slack:U0123`) and roster person. */
  createdBy: { who: string; person: string; name: string };
  /** ISO date-time. */
  createdAt: string;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/**
 * An announcement from the secretariat's own words. The subject is the group and the first sentence or line.
 *
 * @example announcementFromText('SG20', 'The SG20 meeting moves to room K. Bring your badge.').subject
 *   === 'SG20: The SG20 meeting moves to room K.'
 */
export function announcementFromText(group: string, text: string): Announcement {
  const body = text.trim();
  const first = /^(.+?[.!?])(?:\s|$)/.exec(body)?.[1] ?? body.split('\n')[0] ?? body;
  return { subject: `${group}: ${clip(first, 100)}`, text: body, items: [{ text: body }], source: null, inReplyTo: null, link: null };
}

/**
 * An announcement of an ingested document: its title, reference, date, meeting and key deadlines still ahead at
 * `now`, shown in each deadline's own zone (Geneva or UTC, as the document gives it), and a link to it.
 *
 * @param docUrl URL template with `{id}` for the document id (the web console's document page)
 */
export function announcementFromDocument(group: string, doc: StoredDocument, opts: { now: number; docUrl?: string | null }): Announcement {
  const p = doc.parsed;
  const name = p.reference ?? p.title ?? `Document ${doc.id.slice(0, 12)}`;
  const source: SourceRef = { docId: doc.id, reference: p.reference, title: p.title, kind: p.kind, ...(senderVerified(doc.source) ? {} : { unverified: true }) };
  const link = opts.docUrl ? opts.docUrl.replace('{id}', encodeURIComponent(doc.id)) : null;
  const items: ReplyItem[] = [];
  const lines: string[] = [];
  const add = (text: string, detail?: string, cite = false) => {
    items.push({ text, ...(detail ? { detail } : {}), ...(cite ? { source } : {}) });
    lines.push(detail ? `${text}\n  ${detail}` : text);
  };
  if (p.title && p.title !== name) add(p.title);
  add(`${p.reference ?? `${KIND_LABELS[p.kind]}${p.group ? ` of ${p.group}` : ''}`}${p.date ? `, dated ${p.date}` : ''}${p.revision ? ` (${p.revision})` : ''}`, undefined, true);
  if (p.meeting) add(`Meeting: ${formatRange(p.meeting.start, p.meeting.end)}${p.meeting.place ? `, ${p.meeting.place}` : ''}`);
  const ahead = p.deadlines.filter((d) => dueAt(d) >= opts.now).sort((a, b) => dueAt(a) - dueAt(b));
  if (ahead.length > 0) {
    lines.push('', 'Key deadlines:');
    for (const d of ahead) add(`${CATEGORY_LABELS[d.category]}: ${formatDeadline(d, d.timezone)}`, d.action || undefined);
  } else if (p.deadlines.length > 0) {
    add('All deadlines of this document have passed.');
  }
  lines.push('');
  if (link) add(`Read it: ${link}`);
  else add(`Ask sgbot for it: doc ${p.reference ?? doc.id.slice(0, 12)}`);
  return {
    subject: clip(`${group}: ${name}${p.title && p.title !== name ? ` — ${p.title}` : ''}`, 150),
    text: lines.join('\n').replace(/\n{3,}/g, '\n\n').trim(),
    items,
    source,
    inReplyTo: doc.source.messageId,
    link,
  };
}

/** The line that closes every copy: who sent it, and its id for questions about it. */
export function footer(b: Pick<Broadcast, 'group' | 'id'>): string {
  return `Sent by sgbot for the ${b.group} secretariat (broadcast ${b.id}).`;
}

/** The key a target's mail Message-ID is derived from: a retry of the same delivery carries the same Message-ID. */
export function mailIdKey(broadcastId: string, target: Pick<BroadcastTarget, 'key'>): string {
  return `broadcast:${broadcastId}:${target.key}`;
}

/** The mail for a list target. */
export function broadcastMail(b: Broadcast, target: BroadcastTarget): OutgoingMail {
  return {
    kind: 'broadcast',
    to: target.id,
    subject: b.announcement.subject,
    text: `${b.announcement.text}\n\n-- \n${footer(b)}`,
    idKey: mailIdKey(b.id, target),
    inReplyTo: b.announcement.inReplyTo,
  };
}

/** The chat message for a Slack or Teams channel (each platform renders and escapes it). */
export function broadcastChatReply(b: Broadcast): Reply {
  const a = b.announcement;
  return {
    ok: true,
    title: a.subject,
    sections: [{ items: a.items }],
    notes: [footer(b)],
    sources: a.source ? [a.source] : [],
    data: { broadcastId: b.id, group: b.group },
  };
}
