/**
 * The broadcast workflow behind `commands/broadcast.ts` and the Slack buttons: draft (with a preview of every
 * target), confirm (one delivery job per target), status, retry of the failed targets, cancel. Authorisation comes
 * first in every step: only the group's secretariat, by the identity the channel vouches for.
 */
import { defineAction, type ActionSpec } from '../core/actions.ts';
import { noAnswer, type CommandContext, type PeopleServices, type Reply } from '../core/command.ts';
import { announcementFromDocument, announcementFromText, type Announcement, type Broadcast } from './compose.ts';
import { authorizeSecretariat, type Authorization } from './authorize.ts';
import type { DeliveryPayload } from './deliver.ts';
import { BROADCAST_CANCEL_ACTION, BROADCAST_CONFIRM_ACTION, previewReply, statusReply } from './replies.ts';
import { isBroadcastId, newBroadcastId, type BroadcastStore } from './store.ts';
import { resolveTargets, type BroadcastTargetSettings, type ChannelRules } from './targets.ts';
import { senderVerified } from '../store/trust.ts';

/** What the broadcast command needs besides the people services; `src/main.ts` puts it in the command context. */
export interface BroadcastServices {
  store: BroadcastStore;
  /** `SGBOT_BROADCAST_TARGETS`, parsed. */
  targets: BroadcastTargetSettings;
  /** How each chat platform writes a channel: which subscribers are channels a broadcast reaches. */
  channelRules: ChannelRules;
  /** Queue one delivery (`jobs.enqueue(broadcastJob, payload)`); returns the job id. */
  enqueue(payload: DeliveryPayload): Promise<string>;
  /** URL template of a document page, `{id}` replaced by the document id. */
  docUrl?: string | null;
}

/** A command context that can broadcast. */
export type BroadcastContext = CommandContext & { broadcasts?: BroadcastServices };

/** One broadcast request, as the command parsed it. */
export type BroadcastRequest =
  | { action: 'draft'; group: string; text: string }
  | { action: 'doc'; group: string; ref: string }
  | { action: 'confirm' | 'status' | 'retry' | 'cancel'; id: string };

interface Ready {
  ctx: BroadcastContext;
  people: PeopleServices;
  services: BroadcastServices;
  at: Date;
}

/** Run a broadcast request for whoever `ctx.who` is. */
export async function runBroadcast(ctx: BroadcastContext, req: BroadcastRequest): Promise<Reply> {
  if (!ctx.people) return noAnswer('E_NO_ANSWER', 'This sgbot has no roster, so it cannot check who may broadcast: broadcasts are not available here.');
  if (!ctx.broadcasts) return noAnswer('E_NO_ANSWER', 'Broadcasts are not set up in this sgbot (no job queue is configured).');
  const r: Ready = { ctx, people: ctx.people, services: ctx.broadcasts, at: new Date(ctx.now) };
  if (req.action === 'draft' || req.action === 'doc') return draft(r, req);

  // Authorisation before anything is looked up: a refusal says nothing about the broadcast.
  const first = await authorizeSecretariat(r.people, ctx.who, null, { command: req.action, id: req.id }, r.at);
  if (!first.ok) return first.reply;
  const b = await r.services.store.get(req.id);
  const state = b ? await r.services.store.state(req.id) : null;
  if (!b || !state) return noAnswer('E_NOT_FOUND', `There is no broadcast ${req.id}.`, ['Broadcast ids are 8 letters and digits, as the preview showed them; broadcasts are kept 90 days.']);
  const auth = await authorizeSecretariat(r.people, ctx.who, b.group, { command: req.action, id: req.id }, r.at);
  if (!auth.ok) return auth.reply;
  switch (req.action) {
    case 'confirm':
      return confirm(r, auth, b);
    case 'status': {
      // Who confirmed or cancelled it, by their roster name (the state keeps their identity key).
      const [channel = '', ...rest] = (state.by ?? '').split(':');
      const by = state.by ? ((await r.people.roster.byIdentity({ channel, id: rest.join(':') }).catch(() => null))?.name ?? state.by) : null;
      return statusReply(b, state, await r.services.store.statuses(b.id), { tz: ctx.tz, by });
    }
    case 'retry':
      return retry(r, auth, b);
    case 'cancel':
      return cancel(r, auth, b);
  }
}

async function draft(r: Ready, req: Extract<BroadcastRequest, { action: 'draft' | 'doc' }>): Promise<Reply> {
  const auth = await authorizeSecretariat(r.people, r.ctx.who, req.group, { command: 'draft', group: req.group }, r.at);
  if (!auth.ok) return auth.reply;
  let announcement: Announcement;
  if (req.action === 'doc') {
    const doc = (await r.ctx.store.findByReference(req.ref))[0] ?? (/^[0-9a-f]{24,64}$/i.test(req.ref) ? await r.ctx.store.getDocument(req.ref.toLowerCase()) : null);
    if (!doc) return noAnswer('E_NOT_FOUND', `No stored document has the reference "${req.ref}".`, ['Find it with: search <words of its title>, then broadcast it by its reference.']);
    // A document from an unverified sender is announced to nobody until the secretariat vouches for it.
    if (!senderVerified(doc.source)) {
      return noAnswer('E_FORBIDDEN', `"${doc.parsed.reference ?? doc.id.slice(0, 12)}" came in a mail from an unverified sender (${doc.source.auth?.summary ?? 'not checked'}), so it is not broadcast.`, [
        'If it is genuine, vouch for it in the web console (Documents → the document → Vouch for this document), then broadcast it.',
      ]);
    }
    announcement = announcementFromDocument(req.group, doc, { now: r.ctx.now, docUrl: r.services.docUrl ?? null });
  } else {
    announcement = announcementFromText(req.group, req.text);
  }
  const targets = resolveTargets(req.group, r.services.targets, await r.people.subscriptions.subscribers([req.group]), r.services.channelRules);
  if (targets.length === 0) {
    return noAnswer('E_NOT_FOUND', `${req.group} has nowhere to broadcast to yet: no mailing list or channel is configured or subscribed.`, [
      `Add its lists and channels to SGBOT_BROADCAST_TARGETS, or subscribe a channel with "subscribe ${req.group} here".`,
    ]);
  }
  const b: Broadcast = { id: newBroadcastId(), group: req.group, announcement, targets, createdBy: { who: auth.whoKey, person: auth.person.id, name: auth.person.name }, createdAt: r.at.toISOString() };
  await r.services.store.create(b);
  await r.people.audit.record({ who: auth.whoKey, action: 'broadcast.drafted', target: b.id, result: 'ok', details: { group: b.group, subject: announcement.subject, targets: targets.map((t) => t.key) }, at: r.at });
  return previewReply(b);
}

async function confirm(r: Ready, auth: Extract<Authorization, { ok: true }>, b: Broadcast): Promise<Reply> {
  const moved = await r.services.store.transition(b.id, 'draft', 'confirmed', auth.whoKey, r.at);
  if (moved === 'cancelled') return noAnswer('E_USAGE', `Broadcast ${b.id} was cancelled, so it cannot be sent. Draft it again if it is still needed.`);
  if (moved === true) await r.services.store.initTargets(b.id, b.targets.map((t) => t.key), r.at);
  // Queue every target not delivered yet, in its current round. A job already queued (or kept as done) under the
  // same id is not queued again, so a second confirmation queues nothing new.
  const statuses = await r.services.store.statuses(b.id);
  const jobIds: string[] = [];
  for (const t of b.targets) {
    const s = statuses.get(t.key);
    if (s?.state === 'delivered' || s?.state === 'failed') continue;
    jobIds.push(await r.services.enqueue({ broadcastId: b.id, target: t.key, attempt: s?.attempt ?? 0 }));
  }
  await r.people.audit.record({ who: auth.whoKey, action: 'broadcast.confirmed', target: b.id, result: moved === true ? 'ok' : 'unchanged', details: { group: b.group, targets: b.targets.length }, at: r.at });
  if (moved !== true) {
    const state = await r.services.store.state(b.id);
    return {
      ok: true,
      title: `Broadcast ${b.id} was already confirmed${state?.by ? ` by ${state.by}` : ''}: nothing is sent twice`,
      sections: [],
      notes: [`Each target gets it once. See where it stands with: broadcast status ${b.id}.`],
      sources: [],
      data: { id: b.id, confirmed: false, alreadyConfirmed: true, jobs: jobIds },
    };
  }
  return {
    ok: true,
    title: `Broadcast ${b.id} confirmed: sending to ${b.targets.length} target${b.targets.length === 1 ? '' : 's'}`,
    sections: [],
    notes: [`"${b.announcement.subject}". Follow the deliveries with: broadcast status ${b.id}.`],
    sources: [],
    data: { id: b.id, confirmed: true, jobs: jobIds },
  };
}

async function retry(r: Ready, auth: Extract<Authorization, { ok: true }>, b: Broadcast): Promise<Reply> {
  const state = await r.services.store.state(b.id);
  if (state?.state !== 'confirmed') return noAnswer('E_USAGE', `Broadcast ${b.id} has not been sent (it is ${state?.state ?? 'gone'}), so there is nothing to retry.`, [`Send it with: broadcast confirm ${b.id}.`]);
  const retried: Array<{ target: string; attempt: number; job: string }> = [];
  for (const t of b.targets) {
    const attempt = await r.services.store.beginRetry(b.id, t.key, r.at);
    if (attempt === null) continue;
    retried.push({ target: t.key, attempt, job: await r.services.enqueue({ broadcastId: b.id, target: t.key, attempt }) });
  }
  await r.people.audit.record({ who: auth.whoKey, action: 'broadcast.retried', target: b.id, result: retried.length > 0 ? 'ok' : 'unchanged', details: { targets: retried.map((x) => x.target) }, at: r.at });
  if (retried.length === 0) return noAnswer('E_NO_ANSWER', `Nothing to retry: no target of broadcast ${b.id} has failed.`, [`See where it stands with: broadcast status ${b.id}.`], { id: b.id, retried: [] });
  return {
    ok: true,
    title: `Sending broadcast ${b.id} again to ${retried.length} failed target${retried.length === 1 ? '' : 's'}`,
    sections: [{ items: retried.map((x) => ({ text: x.target, detail: `retry ${x.attempt}` })) }],
    notes: [`Targets it already reached are not sent again. Follow it with: broadcast status ${b.id}.`],
    sources: [],
    data: { id: b.id, retried },
  };
}

async function cancel(r: Ready, auth: Extract<Authorization, { ok: true }>, b: Broadcast): Promise<Reply> {
  const moved = await r.services.store.transition(b.id, 'draft', 'cancelled', auth.whoKey, r.at);
  if (moved === 'confirmed') return noAnswer('E_USAGE', `Broadcast ${b.id} was already confirmed and is being delivered; it cannot be called back.`, [`See where it stands with: broadcast status ${b.id}.`]);
  if (moved === true) await r.people.audit.record({ who: auth.whoKey, action: 'broadcast.cancelled', target: b.id, result: 'ok', details: { group: b.group }, at: r.at });
  return { ok: true, title: `Broadcast ${b.id} is cancelled: nothing was sent`, sections: [], notes: [], sources: [], data: { id: b.id, cancelled: true } };
}

/** A preview's button: confirm or cancel the broadcast its value names, as the person who pressed it. */
function broadcastButton(id: string, action: 'confirm' | 'cancel', summary: string): ActionSpec {
  return defineAction({
    id,
    summary,
    run: async (ctx, value) => {
      const broadcastId = value.trim().toLowerCase();
      if (!isBroadcastId(broadcastId)) return noAnswer('E_USAGE', 'This button does not name a broadcast; please use the command: broadcast confirm ID.');
      // The secretariat check applies to whoever pressed, not to whoever drafted it.
      return runBroadcast(ctx, { action, id: broadcastId });
    },
  });
}

/** The Confirm and Cancel buttons of a broadcast preview (`previewActions`). */
export const BROADCAST_ACTIONS: readonly ActionSpec[] = [
  broadcastButton(BROADCAST_CONFIRM_ACTION, 'confirm', "A broadcast preview's Confirm and send: queue one delivery per target."),
  broadcastButton(BROADCAST_CANCEL_ACTION, 'cancel', "A broadcast preview's Cancel: drop the draft."),
];
