/**
 * Delivery of a confirmed broadcast to one target — the work of one `broadcast` job. Exactly once per target:
 *
 * - the delivered marker is checked before sending and set after the target accepted the message, so a second
 *   confirmation, a retry, a restart or a second replica sends nothing again;
 * - a crash between the send and the marker (a worker killed with its request in flight) leaves the outcome unknown:
 *   a repeated mail carries the same Message-ID, so lists and clients see one; a chat post is noted as tried before
 *   it is sent and carries the key `<broadcastId>/<targetKey>`, and the next try asks the platform for a message
 *   with that key (`ChatSender.post`'s `delivery`) and records it instead of posting again. That answer is final
 *   because tries of one target never overlap: the next try needs the sending claim, which the earlier one held
 *   until its send had returned or thrown, or which ran out `SENDING_CLAIM_MS` (2 min) after it was taken, long after
 *   a killed worker's request was answered or dropped (the Slack sender gives up on a request after 30 s). Teams
 *   cannot be asked, so a Teams post killed in flight may still repeat;
 * - chat channels are spaced (Slack ~1 message/s per channel) through {@link ChannelGate}; when a channel is not
 *   free yet, or the platform answered 429 with a Retry-After, the job waits in the delayed set without counting an
 *   attempt;
 * - a temporary failure (SMTP 4xx, connection lost, Slack 5xx) is retried by the queue with exponential backoff; a
 *   permanent one (SMTP 5xx, channel not found) is recorded as failed at once and not retried; either way a target
 *   that is given up shows as failed in `broadcast status` and can be sent again with `broadcast retry`.
 *
 * Every delivery and every failure is in the audit log (`broadcast.delivered`, `broadcast.failed`).
 */
import { randomUUID } from 'node:crypto';
import { UnrecoverableError } from 'bullmq';
import { z } from 'zod';
import { ChatDeliveryError, type ChatSender, type EarlierTry } from '../chat/sender.ts';
import type { JobRun } from '../core/job.ts';
import { isMailDeliveryError, type Mailer } from '../mail/index.ts';
import type { DeliveryMetrics } from '../metrics.ts';
import type { AuditLog } from '../store/audit.ts';
import { broadcastChatReply, broadcastMail, type Broadcast } from './compose.ts';
import type { ChannelGate } from './gate.ts';
import { isBroadcastId, type BroadcastStore } from './store.ts';
import { targetHash, type BroadcastTarget } from './targets.ts';

/** Name of the delivery queue (the `broadcast` job kind). */
export const BROADCAST_QUEUE = 'broadcast';

/** Queue tries per round before a target is given up (with exponential backoff between them). */
export const BROADCAST_ATTEMPTS = 8;

/** One target of one broadcast, in one round (0 from the confirmation, n from the n-th `broadcast retry`). */
export const deliveryPayload = z.object({
  broadcastId: z.string().refine(isBroadcastId, 'a broadcast id (8 letters and digits)'),
  // A list or a platform's channel: never a person (a broadcast goes to channels).
  target: z.string().regex(/^(?!person:)[a-z][a-z0-9-]{1,30}:.+$/, 'a target key such as slack:C0123ABCD'),
  attempt: z.number().int().nonnegative(),
});
export type DeliveryPayload = z.infer<typeof deliveryPayload>;

/**
 * The job id of a delivery: `bc-<broadcastId>-<targetHash>`, with `-r<n>` for the n-th retry round. The same
 * delivery queued twice has one id, so the queue keeps one job.
 *
 * @example deliveryJobId({ broadcastId: 'k3x9m2pq', target: 'slack:C0123ABCD', attempt: 0 }) // 'bc-k3x9m2pq-5f0c…'
 */
export function deliveryJobId(p: DeliveryPayload): string {
  return `bc-${p.broadcastId}-${targetHash(p.target)}${p.attempt > 0 ? `-r${p.attempt}` : ''}`;
}

/** Longest a delivery may hold its target before another job may try (ms): longer than any send takes. */
const SENDING_CLAIM_MS = 120_000;
/** How long a job waits when another job is sending to the same target (ms). */
const BUSY_WAIT_MS = 2000;

/** Default spacing between two posts to one chat channel (ms), whatever its platform. */
export const DEFAULT_SPACING_MS = 1000;

/** What a delivery needs; `src/main.ts` builds it with {@link createDeliveryDeps}. */
export interface BroadcastDeliveryDeps {
  store: BroadcastStore;
  gate: ChannelGate;
  audit: AuditLog;
  mailer(): Mailer;
  /** The configured platforms' senders (`combineSenders`); `null` when no chat platform is configured. */
  chat: ChatSender | null;
  /** Spacing between posts to one channel (ms), by platform id; defaults {@link DEFAULT_SPACING_MS}. */
  spacingMs?: Partial<Record<string, number>>;
  /** How long a delivery may hold its target before another job may try (ms); defaults {@link SENDING_CLAIM_MS}. */
  sendingClaimMs?: number;
  /** Counts deliveries and failures (`src/metrics.ts`); never throws. */
  metrics?: DeliveryMetrics;
  now?: () => Date;
}

/** What one delivery job did. */
export type DeliveryOutcome = { status: 'delivered'; messageId: string | null } | { status: 'already-delivered' };

const SYSTEM = 'system:broadcast';

async function send(deps: BroadcastDeliveryDeps, p: DeliveryPayload, b: Broadcast, target: BroadcastTarget): Promise<{ messageId: string | null; earlier?: EarlierTry }> {
  if (target.kind === 'mail') return { messageId: (await deps.mailer().send(broadcastMail(b, target))).messageId };
  if (!deps.chat) throw new ChatDeliveryError(`No chat platform is configured, so ${target.key} cannot be reached.`, true);
  // Noted before posting: it is all a try killed in flight leaves. The platform's clock is compared with it, so it
  // is the real clock, not `deps.now`.
  const earlierTryAt = await deps.store.noteTry(p.broadcastId, p.target, Date.now());
  return deps.chat.post({ channel: target.kind, id: target.id }, broadcastChatReply(b), { delivery: { key: `${p.broadcastId}/${p.target}`, earlierTryAt } });
}

function permanentFailure(err: unknown): boolean {
  if (isMailDeliveryError(err) || err instanceof ChatDeliveryError) return err.permanent;
  return false;
}

/** Record a target as given up, once, and audit it. */
export async function recordFailed(deps: Pick<BroadcastDeliveryDeps, 'store' | 'audit' | 'now' | 'metrics'>, p: DeliveryPayload, error: Error, tries: number, permanent: boolean): Promise<void> {
  if (await deps.store.delivered(p.broadcastId, p.target)) return;
  const current = await deps.store.status(p.broadcastId, p.target);
  if (current && current.attempt > p.attempt) return; // a later round is under way
  if (current?.state === 'failed' && current.attempt === p.attempt) return;
  const at = deps.now?.() ?? new Date();
  await deps.store.setStatus(p.broadcastId, p.target, { state: 'failed', attempt: p.attempt, at: at.toISOString(), tries, error: error.message });
  await deps.audit.record({ who: SYSTEM, action: 'broadcast.failed', target: p.target, result: 'failed', details: { broadcastId: p.broadcastId, attempt: p.attempt, tries, permanent, error: error.message }, at });
  deps.metrics?.deliveryFailed('broadcast', p.target.slice(0, p.target.indexOf(':')));
}

/**
 * Deliver broadcast `p.broadcastId` to `p.target` unless it already was.
 *
 * @throws DelayedError (from `run.deferUntil`) when the channel is not free yet or the platform asked to wait
 * @throws UnrecoverableError when retrying cannot help (permanent failure, broadcast gone or not confirmed)
 * @throws the delivery error itself when a later try may succeed
 */
export async function deliverToTarget(deps: BroadcastDeliveryDeps, p: DeliveryPayload, run: JobRun): Promise<DeliveryOutcome> {
  const b = await deps.store.get(p.broadcastId);
  if (!b) throw new UnrecoverableError(`Broadcast ${p.broadcastId} no longer exists (broadcasts are kept 90 days).`);
  const target = b.targets.find((t) => t.key === p.target);
  if (!target) throw new UnrecoverableError(`${p.target} is not a target of broadcast ${p.broadcastId}.`);
  const state = await deps.store.state(p.broadcastId);
  if (state?.state !== 'confirmed') throw new UnrecoverableError(`Broadcast ${p.broadcastId} is ${state?.state ?? 'gone'}, not confirmed: nothing is sent.`);

  if (await deps.store.delivered(p.broadcastId, p.target)) return { status: 'already-delivered' };
  // One sender per target at a time (the same job taken again after a stall is another holder); the marker is
  // checked again once the claim is ours.
  const holder = `${run.id}/${randomUUID()}`;
  if (!(await deps.store.claimSending(p.broadcastId, p.target, holder, deps.sendingClaimMs ?? SENDING_CLAIM_MS))) throw await run.deferUntil(Date.now() + BUSY_WAIT_MS);
  try {
    if (await deps.store.delivered(p.broadcastId, p.target)) return { status: 'already-delivered' };
    return await sendOnce(deps, p, run, b, target);
  } finally {
    await deps.store.releaseSending(p.broadcastId, p.target, holder);
  }
}

async function sendOnce(deps: BroadcastDeliveryDeps, p: DeliveryPayload, run: JobRun, b: Broadcast, target: BroadcastTarget): Promise<DeliveryOutcome> {
  const now = () => deps.now?.() ?? new Date();
  const spacing = target.kind === 'mail' ? 0 : (deps.spacingMs?.[target.kind] ?? DEFAULT_SPACING_MS);
  if (spacing > 0) {
    const wait = await deps.gate.claim(target.key, spacing);
    if (wait > 0) throw await run.deferUntil(Date.now() + wait);
  }

  let messageId: string | null;
  let earlier: EarlierTry | undefined;
  try {
    ({ messageId, earlier } = await send(deps, p, b, target));
  } catch (err) {
    const error = err instanceof Error ? err : new Error(String(err));
    if (spacing > 0) await deps.gate.pushBack(target.key, spacing);
    if (err instanceof ChatDeliveryError && !err.permanent && err.retryAfterMs !== null) {
      // Rate limited: wait as asked, in the delayed set; it is not a failed try.
      await deps.gate.pushBack(target.key, err.retryAfterMs);
      await deps.store.setStatus(p.broadcastId, p.target, { state: 'pending', attempt: p.attempt, at: now().toISOString(), tries: run.attemptsMade, error: `rate limited: waiting ${Math.ceil(err.retryAfterMs / 1000)} s` });
      throw await run.deferUntil(Date.now() + err.retryAfterMs);
    }
    const permanent = permanentFailure(err);
    const tries = run.attemptsMade + 1;
    if (permanent || tries >= BROADCAST_ATTEMPTS) {
      await recordFailed(deps, p, error, tries, permanent);
      throw permanent ? new UnrecoverableError(error.message) : error;
    }
    await deps.store.setStatus(p.broadcastId, p.target, { state: 'pending', attempt: p.attempt, at: now().toISOString(), tries, error: error.message });
    throw error;
  }
  if (spacing > 0 && earlier !== 'found') await deps.gate.pushBack(target.key, spacing);

  const at = now();
  const fresh = await deps.store.markDelivered(p.broadcastId, p.target, { at: at.toISOString(), attempt: p.attempt, messageId });
  if (fresh) {
    await deps.audit.record({ who: SYSTEM, action: 'broadcast.delivered', target: p.target, result: 'ok', details: { broadcastId: p.broadcastId, attempt: p.attempt, tries: run.attemptsMade + 1, messageId, ...(earlier ? { earlier } : {}) }, at });
    deps.metrics?.broadcastDelivered(target.kind);
  }
  return { status: 'delivered', messageId };
}
