/**
 * What the secretariat sees: the preview of a draft (every target, the text, how to confirm) and the delivery
 * status of a broadcast (delivered / pending / failed per target). Pure: no I/O.
 */
import type { Reply, ReplyAction, ReplyItem } from '../core/command.ts';
import { formatInstant } from '../core/time.ts';
import { footer, type Broadcast } from './compose.ts';
import type { BroadcastState, TargetStatus } from './store.ts';
import type { BroadcastTarget, TargetKind } from './targets.ts';

/** `action_id` of the Confirm button of a preview (its value is the broadcast id). */
export const BROADCAST_CONFIRM_ACTION = 'sgbot_broadcast_confirm';
/** `action_id` of the Cancel button of a preview. */
export const BROADCAST_CANCEL_ACTION = 'sgbot_broadcast_cancel';

/** A platform's name as the targets give it (their `place`, from the platform's rule), else its id. */
function labelOf(targets: readonly BroadcastTarget[], kind: TargetKind): string {
  return targets.find((t) => t.kind === kind && t.place)?.place?.label ?? kind;
}

function heading(targets: readonly BroadcastTarget[], kind: TargetKind): string {
  return kind === 'mail' ? 'Mailing lists' : `${labelOf(targets, kind)} channels`;
}

function targetLine(t: BroadcastTarget): string {
  return t.kind === 'mail' ? t.id : `${t.place?.label ?? t.kind} ${t.place?.noun ?? 'channel'} ${t.id}`;
}

/** The kinds of `targets`: mail first, then the platforms in the order the targets list them (already sorted). */
function kindsOf(targets: readonly BroadcastTarget[]): TargetKind[] {
  return ['mail', ...new Set(targets.map((t) => t.kind).filter((k) => k !== 'mail'))];
}

function targetSections(targets: readonly BroadcastTarget[], detail: (t: BroadcastTarget) => string | undefined): Reply['sections'] {
  return kindsOf(targets)
    .map((kind) => {
      const of = targets.filter((t) => t.kind === kind);
      return { heading: `${heading(targets, kind)} (${of.length})`, items: of.map((t): ReplyItem => ({ text: targetLine(t), ...(detail(t) ? { detail: detail(t) } : {}) })) };
    })
    .filter((s) => s.items.length > 0);
}

/** "1 mailing list", "2 mailing lists". */
function counted(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The buttons a preview offers (every chat platform renders them; the terminal shows the commands in the notes). */
export function previewActions(b: Pick<Broadcast, 'id'> & Partial<Pick<Broadcast, 'group' | 'targets'>>): ReplyAction[] {
  const n = b.targets?.length ?? 0;
  return [
    {
      id: BROADCAST_CONFIRM_ACTION,
      label: 'Confirm and send',
      value: b.id,
      style: 'primary',
      confirm: { title: 'Send this broadcast?', text: `It goes to ${counted(n, 'mailing list or channel', 'mailing lists and channels')} of ${String(b.group ?? 'the group')} at once.`, ok: 'Send', deny: 'Not yet' },
    },
    { id: BROADCAST_CANCEL_ACTION, label: 'Cancel', value: b.id },
  ];
}

/** The preview of a draft: the message, every target by kind, and how to send or drop it. */
export function previewReply(b: Broadcast): Reply {
  const a = b.announcement;
  const count = (k: TargetKind) => b.targets.filter((t) => t.kind === k).length;
  return {
    ok: true,
    title: `Broadcast ${b.id} for ${b.group} — preview, not sent yet`,
    sections: [
      { heading: `Message: ${a.subject}`, items: [...a.items, { text: footer(b) }] },
      ...targetSections(b.targets, (t) => (t.via === 'subscription' ? 'subscribed to the group' : undefined)),
    ],
    notes: [
      `It goes to ${[counted(count('mail'), 'mailing list'), ...kindsOf(b.targets).slice(1).map((k) => counted(count(k), `${labelOf(b.targets, k)} channel`))].join(', ').replace(/, ([^,]*)$/, ' and $1')}, once each.`,
      `To send it: broadcast confirm ${b.id} (in chat, the "Confirm and send" button does the same). Any member of the ${b.group} secretariat may confirm.`,
      `To drop it: broadcast cancel ${b.id}.`,
    ],
    sources: a.source ? [a.source] : [],
    data: {
      broadcast: { id: b.id, group: b.group, state: 'draft', subject: a.subject, text: a.text, targets: b.targets.map((t) => t.key) },
      actions: previewActions(b),
    },
    actions: previewActions(b),
  };
}

/** Counts of targets by delivery state. */
export interface StatusCounts {
  delivered: number;
  pending: number;
  failed: number;
}

/** Delivery status per target; a target with no record yet is pending. */
export function statusReply(b: Broadcast, state: BroadcastState, statuses: ReadonlyMap<string, TargetStatus>, reader: { tz: string; by?: string | null } = { tz: 'UTC' }): Reply {
  const when = (iso: string) => (Number.isNaN(Date.parse(iso)) ? iso : formatInstant(iso, reader.tz));
  const rows = b.targets.map((t) => ({ target: t, status: statuses.get(t.key) ?? null }));
  const stateOf = (s: TargetStatus | null) => (state.state !== 'confirmed' ? 'not sent' : (s?.state ?? 'pending'));
  const counts: StatusCounts = { delivered: 0, pending: 0, failed: 0 };
  for (const r of rows) {
    const s = stateOf(r.status);
    if (s === 'delivered' || s === 'pending' || s === 'failed') counts[s]++;
  }
  const detail = (s: TargetStatus | null): string | undefined => {
    if (!s) return undefined;
    const round = s.attempt > 0 ? `retry ${s.attempt}, ` : '';
    if (s.state === 'delivered') return `${round}at ${when(s.at)}`;
    if (s.state === 'failed') return `${round}${s.tries ? `after ${s.tries} tr${s.tries === 1 ? 'y' : 'ies'}: ` : ''}${s.error ?? 'failed'}`;
    return s.error ? `${round}last try: ${s.error}` : round ? `${round}queued` : undefined;
  };
  const group = (name: 'delivered' | 'pending' | 'failed', heading: string) => {
    const items = rows.filter((r) => stateOf(r.status) === name).map((r): ReplyItem => ({ text: targetLine(r.target), ...(detail(r.status) ? { detail: detail(r.status) } : {}) }));
    return { heading: `${heading} (${items.length})`, items };
  };
  const title =
    state.state === 'confirmed'
      ? `Broadcast ${b.id} to ${b.group}: ${counts.delivered} delivered, ${counts.pending} pending, ${counts.failed} failed`
      : `Broadcast ${b.id} to ${b.group} is ${state.state === 'draft' ? 'a draft, not confirmed yet' : 'cancelled'}`;
  const notes = [`"${b.announcement.subject}", drafted by ${b.createdBy.name} on ${when(b.createdAt)}${state.by ? `, ${state.state} by ${reader.by ?? state.by}${state.at ? ` on ${when(state.at)}` : ''}` : ''}.`];
  if (counts.failed > 0) notes.push(`Send the failed ones again with: broadcast retry ${b.id} (delivered targets are never sent twice).`);
  if (state.state === 'draft') notes.push(`To send it: broadcast confirm ${b.id}.`);
  return {
    ok: true,
    title,
    sections: state.state === 'confirmed' ? [group('failed', 'Failed'), group('pending', 'Pending'), group('delivered', 'Delivered')].filter((s) => s.items.length > 0) : targetSections(b.targets, () => undefined),
    notes,
    sources: b.announcement.source ? [b.announcement.source] : [],
    data: {
      id: b.id,
      group: b.group,
      state: state.state,
      counts,
      targets: rows.map((r) => ({ key: r.target.key, state: stateOf(r.status), attempt: r.status?.attempt ?? 0, error: r.status?.error ?? null, messageId: r.status?.messageId ?? null })),
    },
  };
}
