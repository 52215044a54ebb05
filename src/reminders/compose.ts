/**
 * What a reminder, an escalation or a change notice says, in the recipient's zone: a channel-neutral reply (chat)
 * and a mail (HTML from the mail template, and its plain-text alternative) with the deadline in the reader's zone
 * and as the document gives it, and links to the source, to "done", to "snooze 1 day" and to unsubscribe. Pure.
 */
import { randomBytes } from 'node:crypto';
import { EncodedPart } from '../mail/encoded-part.ts';
import { renderMail, type MailBlock, type MailFact, type MailView } from '../mail/render.ts';
import type { ChatAction } from '../chat/sender.ts';
import type { Reply, SourceRef } from '../core/command.ts';
import { CATEGORY_LABELS } from '../core/labels.ts';
import { formatDeadline, formatInstant, whenWords } from '../core/time.ts';
import type { DeadlineRecord } from './keys.ts';
import type { ReminderPayload } from './payload.ts';

/** Links a message carries. */
export interface MessageLinks {
  /** The source document. */
  source: string;
  done?: string;
  snooze?: string;
  unsubscribe?: string;
}

export interface ComposedMessage {
  subject: string;
  /** Mail body (plain text). */
  text: string;
  /** Mail body (HTML), saying the same as `text`. */
  html: string;
  /** The same for chat. */
  reply: Reply;
  /** Chat buttons (values are signed tokens). */
  actions: ChatAction[];
  /**
   * `text` and `html` as encoded MIME parts, ready to send (see {@link MessageTemplates}); absent when the message
   * was composed on its own.
   */
  mime?: { text: string; html: string } | null;
}

/** Action ids of the chat buttons, for the Slack/Teams handlers. */
export const DONE_ACTION = 'reminder_done';
export const SNOOZE_ACTION = 'reminder_snooze';

function sourceRef(r: DeadlineRecord): SourceRef {
  return { docId: r.source.docId, reference: r.source.reference, title: r.source.title, kind: r.source.kind, ...(r.source.unverified ? { unverified: true } : {}) };
}

/** "today", "tomorrow", "in 7 days": from the local date of `at` to the local date of `due`, in `zone`. */
export function whenText(due: number, at: number, zone: string): string {
  // A reminder is never sent after its deadline: one sent the same day says "today".
  return due < at ? 'today' : whenWords(due, at, zone);
}

function what(r: DeadlineRecord): string {
  const label = CATEGORY_LABELS[r.category];
  const scope = r.questions.length > 0 ? r.questions.join(', ') : r.group;
  return scope ? `${label} (${scope})` : label;
}

/**
 * The message for `payload` about `record` (its current state), for a reader in `zone`.
 *
 * @example composeMessage(record, { type: 'reminder', offset: '7d', … }, 'Asia/Tokyo', links)
 *   // subject 'Reminder: Contributions (SG20) due in 7 days', buttons Done and Snooze 1 day
 */
export function composeMessage(record: DeadlineRecord, payload: ReminderPayload, zone: string, links: MessageLinks): ComposedMessage {
  const due = formatDeadline(record, zone);
  const source = sourceRef(record);
  const item = { text: due, detail: record.action, source };
  let subject: string;
  const notes: string[] = [];
  const items = [item];
  if (payload.type === 'change') {
    if (payload.newDue === null && record.answeredBy) {
      const reply = record.answeredBy.reference ?? record.answeredBy.title ?? 'a reply';
      subject = `Answered: ${what(record)} — ${reply} replied to it`;
      items[0] = { text: `Was due ${formatInstant(payload.oldDue, zone)}`, detail: `${record.action} — answered by ${reply}; no more reminders of it.`, source };
    } else if (payload.newDue === null) {
      subject = `Deadline withdrawn: ${what(record)}, was due ${formatInstant(payload.oldDue, zone)}`;
      items[0] = { text: `Was due ${formatInstant(payload.oldDue, zone)}`, detail: `${record.action} — the latest version of the document no longer gives this deadline.`, source };
    } else {
      subject = `Deadline moved: ${what(record)} now due ${due}`;
      items.push({ text: `Was due ${formatInstant(payload.oldDue, zone)}`, detail: 'Earlier reminders gave this date.', source });
    }
    notes.push('You are told because you were reminded of this deadline before.');
  } else if (payload.type === 'escalation') {
    subject = `No reply yet: ${what(record)} due ${whenText(record.due, payload.at, zone)}`;
    notes.push('No rapporteur has marked this liaison reply as done. You are told as working-party chair or secretariat of the group.');
  } else if (payload.offset === 'test') {
    // A copy sent now by the secretariat to see what recipients get: said so, so nobody takes it for a new reminder.
    subject = `[Test] Reminder: ${what(record)} due ${whenText(record.due, payload.at, zone)}`;
    notes.push('This is a test copy of a scheduled reminder, sent now by the secretariat. Marking it as done marks the deadline done for you: its scheduled reminders then stop.');
  } else {
    subject = `Reminder: ${what(record)} due ${whenText(record.due, payload.at, zone)}`;
  }
  if (record.source.unverified) notes.push(UNVERIFIED);
  const reply: Reply = { ok: true, title: subject, sections: [{ items }], notes, sources: [source], data: { deadlineKey: record.key, due: record.due, type: payload.type } };
  const actions: ChatAction[] = [];
  if (links.done) actions.push({ id: DONE_ACTION, label: 'Done', value: tokenOf(links.done) });
  if (links.snooze) actions.push({ id: SNOOZE_ACTION, label: 'Snooze 1 day', value: tokenOf(links.snooze) });
  const mail = renderMail(mailView(record, payload, zone, links, subject));
  return { subject, text: mail.text, html: mail.html, reply, actions };
}

const UNVERIFIED = 'The mail this deadline came in failed the sender check.';

/** The deadline as the document gives it: "Mon 14 Apr 2036 (end of day, Geneva)", "Mon 14 Apr 2036, 12:00 UTC". */
export function asGiven(record: Pick<DeadlineRecord, 'date' | 'time' | 'timezone'>): string {
  return formatDeadline(record, record.timezone);
}

function documentFact(record: DeadlineRecord, links: MessageLinks): MailFact {
  const { reference, title } = record.source;
  return { label: 'Document', value: reference ?? title ?? 'The source document', ...(reference && title ? { note: title } : {}), href: links.source };
}

/** What the mail of `payload` says: the same facts as the chat reply, laid out for the mail template. */
function mailView(record: DeadlineRecord, payload: ReminderPayload, zone: string, links: MessageLinks, subject: string): MailView {
  const local = formatInstant(record.due, zone);
  const task: MailBlock = { kind: 'paragraph', text: record.action, strong: true };
  const due: MailFact[] = [
    { label: payload.type === 'change' ? 'Now due' : 'Due', value: local, strong: true },
    { label: 'Original', value: asGiven(record) },
  ];
  const blocks: MailBlock[] = [];
  let kicker: string;
  let title: string;
  let preheader: string;
  const notes: string[] = [];
  if (payload.type === 'change') {
    const was = formatInstant(payload.oldDue, zone);
    if (payload.newDue === null && record.answeredBy) {
      const by = record.answeredBy.reference ?? record.answeredBy.title ?? 'a reply';
      kicker = 'Answered';
      title = `${what(record)}: ${by} replied to it`;
      preheader = `${by} answered it; no more reminders of it.`;
      blocks.push(task, { kind: 'facts', rows: [{ label: 'Was due', value: was, struck: true, textLine: `Was due ${was}` }, { label: 'Answered by', value: by }, documentFact(record, links)] });
      notes.push('No more reminders of it.');
    } else if (payload.newDue === null) {
      kicker = 'Deadline withdrawn';
      title = `${what(record)}, was due ${was}`;
      preheader = 'The latest version of the document no longer gives this deadline.';
      blocks.push(task, { kind: 'facts', rows: [{ label: 'Was due', value: was, struck: true, textLine: `Was due ${was}` }, documentFact(record, links)] });
      notes.push('The latest version of the document no longer gives this deadline; no more reminders of it.');
    } else {
      kicker = 'Deadline moved';
      title = `${what(record)} now due ${formatDeadline(record, zone)}`;
      preheader = `Now due ${local} (was ${was}) — ${record.action}`;
      blocks.push(task, { kind: 'facts', rows: [...due, { label: 'Was due', value: was, struck: true, textLine: `Was due ${was} — earlier reminders gave this date.` }, documentFact(record, links)] });
    }
    notes.push('You are told because you were reminded of this deadline before.');
  } else {
    kicker = payload.type === 'escalation' ? 'No reply yet' : 'Reminder';
    title = `${what(record)} due ${whenText(record.due, payload.at, zone)}`;
    preheader = `Due ${local} — ${record.action}`;
    blocks.push(task, { kind: 'facts', rows: [...due, documentFact(record, links)] });
    if (payload.type === 'escalation') notes.push('No rapporteur has marked this liaison reply as done. You are told as working-party chair or secretariat of the group.');
  }
  if (record.source.unverified) blocks.push({ kind: 'note', tone: 'warning', text: `${UNVERIFIED} Check the date in the document before acting on it.` });
  blocks.push(...notes.map((text): MailBlock => ({ kind: 'note', text })));
  return {
    subject,
    preheader,
    kicker,
    title,
    blocks,
    actions: { ...(links.done ? { done: links.done } : {}), ...(links.done && links.snooze ? { snooze: links.snooze } : {}) },
    footer: {
      lines: [`sgbot reminds rapporteurs of ITU-T study group deadlines. Times are in your time zone, ${zone}.`],
      ...(links.unsubscribe ? { unsubscribe: { label: 'Stop reminder mail (chat reminders stay)', href: links.unsubscribe } } : {}),
    },
  };
}

function tokenOf(link: string): string {
  return new URL(link).searchParams.get('token') ?? '';
}

/** The signed tokens of a message's done, snooze and unsubscribe links (each only where the message has that link). */
export interface MessageTokens {
  done?: string;
  snooze?: string;
  unsubscribe?: string;
}

/**
 * Builds each message once per (zone, deadline record, kind of message, day) and gives every recipient a copy with
 * their own tokens: {@link composeMessage} is run with stand-in tokens, and a copy swaps them for the recipient's.
 * A token is base64url and `.`, which neither HTML escaping nor a URL changes, so the copy is exactly what
 * {@link composeMessage} gives for the recipient's links. The mail's two parts are also encoded once per template
 * ({@link EncodedPart}, the stand-ins as its slots), so a copy's MIME parts are only joined, not encoded again. Keeps
 * the latest `max` templates.
 */
export class MessageTemplates {
  private readonly templates = new Map<string, Template>();
  /** Stand-in tokens, unique to this process so that no document text can hold one. */
  private readonly stand: Required<MessageTokens>;
  /** Any stand-in, captured: splitting a text by it leaves the stand-ins at the odd places. */
  private readonly standIn: RegExp;

  constructor(private readonly max = 100) {
    const nonce = randomBytes(9).toString('base64url');
    this.stand = { done: `SGBOTd${nonce}`, snooze: `SGBOTs${nonce}`, unsubscribe: `SGBOTu${nonce}` };
    // base64url has no character a pattern treats specially outside brackets.
    this.standIn = new RegExp(`(SGBOT[dsu]${nonce})`);
  }

  /**
   * The message of `payload` about `record` for a reader in `zone`, its links being `url(action, token)` with the
   * recipient's `tokens`; `source` is the source document's link.
   */
  compose(
    record: DeadlineRecord,
    payload: ReminderPayload,
    zone: string,
    source: string,
    url: (action: keyof MessageTokens, token: string) => string,
    tokens: MessageTokens,
  ): ComposedMessage {
    const when = payload.type === 'change' ? `${payload.oldDue}/${payload.newDue ?? ''}` : `${payload.offset}/${whenText(record.due, payload.at, zone)}`;
    const key = `${zone}\u0000${payload.type}\u0000${when}\u0000${source}\u0000${Object.keys(tokens).sort().join(',')}\u0000${JSON.stringify(record)}`;
    let template = this.templates.get(key);
    if (template) {
      this.templates.delete(key);
    } else {
      const links: MessageLinks = { source };
      for (const action of ['done', 'snooze', 'unsubscribe'] as const) if (tokens[action] !== undefined) links[action] = url(action, this.stand[action]);
      const m = composeMessage(record, payload, zone, links);
      const split = (text: string) => text.split(this.standIn);
      const text = split(m.text);
      const html = split(m.html);
      template = {
        subject: m.subject,
        reply: m.reply,
        text,
        html,
        actions: m.actions.map((a) => ({ action: a, value: split(a.value) })),
        mime: { text: new EncodedPart('text/plain; charset=utf-8', text), html: new EncodedPart('text/html; charset=utf-8', html) },
      };
      if (this.templates.size >= this.max) this.templates.delete(this.templates.keys().next().value as string);
    }
    this.templates.set(key, template);
    const byCode: Record<string, string | undefined> = { d: tokens.done, s: tokens.snooze, u: tokens.unsubscribe };
    // Odd places hold stand-ins (`SGBOT` and the action's letter first): each becomes the recipient's token.
    const valueOf = (standIn: string) => byCode[standIn.charAt(5)] ?? standIn;
    const fill = (parts: readonly string[]) => parts.map((part, i) => (i % 2 === 1 ? valueOf(part) : part)).join('');
    const mimeText = template.mime.text.fill(valueOf);
    const mimeHtml = template.mime.html.fill(valueOf);
    return {
      subject: template.subject,
      text: fill(template.text),
      html: fill(template.html),
      reply: template.reply,
      actions: template.actions.map((a) => ({ ...a.action, value: fill(a.value) })),
      mime: mimeText !== null && mimeHtml !== null ? { text: mimeText, html: mimeHtml } : null,
    };
  }
}

/** A message with stand-in tokens, its texts split around them. */
interface Template {
  subject: string;
  reply: Reply;
  text: string[];
  html: string[];
  actions: Array<{ action: ChatAction; value: string[] }>;
  /** The mail's parts, encoded, with the stand-ins as slots. */
  mime: { text: EncodedPart; html: EncodedPart };
}
