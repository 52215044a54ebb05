/**
 * Builders for `src/main.ts`: the delivery job's dependencies and the command's services, from the instance's Redis,
 * prefix, audit log, mailer, chat senders and job runtime. Nothing here starts anything.
 */
import type { Redis } from 'ioredis';
import { CHANNEL_RULES } from '../chat/platforms.ts';
import type { ChatSender } from '../chat/sender.ts';
import type { Mailer } from '../mail/index.ts';
import type { DeliveryMetrics } from '../metrics.ts';
import type { AuditLog } from '../store/audit.ts';
import type { BroadcastServices } from './actions.ts';
import type { BroadcastDeliveryDeps, DeliveryPayload } from './deliver.ts';
import { ChannelGate } from './gate.ts';
import { BroadcastStore } from './store.ts';
import type { BroadcastTargetSettings, ChannelRules } from './targets.ts';

/**
 * The `broadcast` field of the job dependencies.
 *
 */
export function createDeliveryDeps(opts: {
  redis: Redis;
  prefix: string;
  audit: AuditLog;
  mailer: () => Mailer;
  chat: ChatSender | null;
  spacingMs?: BroadcastDeliveryDeps['spacingMs'];
  sendingClaimMs?: number;
  metrics?: DeliveryMetrics;
  now?: () => Date;
}): BroadcastDeliveryDeps {
  return {
    store: new BroadcastStore(opts.redis, opts.prefix),
    gate: new ChannelGate(opts.redis, opts.prefix),
    audit: opts.audit,
    mailer: opts.mailer,
    chat: opts.chat,
    ...(opts.spacingMs ? { spacingMs: opts.spacingMs } : {}),
    ...(opts.sendingClaimMs ? { sendingClaimMs: opts.sendingClaimMs } : {}),
    ...(opts.metrics ? { metrics: opts.metrics } : {}),
    ...(opts.now ? { now: opts.now } : {}),
  };
}

/** The `broadcasts` field of the command context. */
export function createBroadcastServices(opts: {
  redis: Redis;
  prefix: string;
  targets: BroadcastTargetSettings;
  /** How each platform writes a channel; default: the platforms of src/chat/platforms.ts. */
  channelRules?: ChannelRules;
  enqueue: (payload: DeliveryPayload) => Promise<string>;
  docUrl?: string | null;
}): BroadcastServices {
  return { store: new BroadcastStore(opts.redis, opts.prefix), targets: opts.targets, channelRules: opts.channelRules ?? CHANNEL_RULES, enqueue: opts.enqueue, docUrl: opts.docUrl ?? null };
}
