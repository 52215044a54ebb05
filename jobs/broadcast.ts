/**
 * `broadcast`: deliver one confirmed broadcast to one target (a mailing list, a Slack channel, a Teams channel).
 * One job per target, id `bc-<broadcastId>-<targetHash>` (`-r<n>` for the n-th `broadcast retry`), so confirming
 * twice queues nothing new; a delivered marker in Redis makes sending itself idempotent. Temporary failures are
 * retried with exponential backoff; waiting for a chat channel's turn or a 429 Retry-After does not count as a try;
 * permanent failures are recorded as failed at once. See src/broadcast/deliver.ts.
 */
import { defineJob } from '../src/core/job.ts';
import { BROADCAST_ATTEMPTS, BROADCAST_QUEUE, deliverToTarget, deliveryJobId, deliveryPayload, recordFailed, type BroadcastDeliveryDeps } from '../src/broadcast/deliver.ts';
import { SgbotError } from '../src/core/errors.ts';

/** What the broadcast job needs from the job dependencies (`JobDeps.broadcast`). */
export interface BroadcastJobDeps {
  broadcast?: BroadcastDeliveryDeps;
}

function need(deps: BroadcastJobDeps): BroadcastDeliveryDeps {
  if (!deps.broadcast) throw new SgbotError('E_CONFIG', 'This worker was started without broadcast delivery (JobDeps.broadcast is not set).');
  return deps.broadcast;
}

export const broadcastJob = defineJob({
  name: BROADCAST_QUEUE,
  summary: 'Deliver a confirmed broadcast to one mailing list or chat channel, once.',
  payload: deliveryPayload,
  jobId: deliveryJobId,
  attempts: BROADCAST_ATTEMPTS,
  backoffMs: 5000,
  process: (p, deps: BroadcastJobDeps, run) => deliverToTarget(need(deps), p, run),
  async onGiveUp(p, deps, error) {
    // Given up for a reason the processor did not record itself (a stalled job, a worker without broadcast deps).
    if (deps.broadcast) await recordFailed(deps.broadcast, p, error, BROADCAST_ATTEMPTS, false);
  },
});
