/**
 * Broadcasts: the secretariat's announcements to a group's mailing lists, Slack channels and Teams channels — one
 * approved step (preview, confirm), then one idempotent delivery job per target. See actions.ts (the workflow),
 * deliver.ts (one delivery), targets.ts (where it goes) and wiring.ts (what src/main.ts builds).
 */
export { BROADCAST_ACTIONS, runBroadcast, type BroadcastContext, type BroadcastRequest, type BroadcastServices } from './actions.ts';
export { authorizeSecretariat, type Authorization } from './authorize.ts';
export { announcementFromDocument, announcementFromText, broadcastChatReply, broadcastMail, MAX_TEXT, type Announcement, type Broadcast } from './compose.ts';
export {
  BROADCAST_ATTEMPTS,
  BROADCAST_QUEUE,
  DEFAULT_SPACING_MS,
  deliverToTarget,
  deliveryJobId,
  deliveryPayload,
  type BroadcastDeliveryDeps,
  type DeliveryOutcome,
  type DeliveryPayload,
} from './deliver.ts';
export { ChannelGate } from './gate.ts';
export { BROADCAST_CANCEL_ACTION, BROADCAST_CONFIRM_ACTION, previewActions, previewReply, statusReply } from './replies.ts';
export { BroadcastStore, isBroadcastId, newBroadcastId, type BroadcastState, type TargetStatus } from './store.ts';
export { broadcastTargetsTransform, checkBroadcastTargets, parseBroadcastTargets, resolveTargets, targetHash, targetKey, type BroadcastTarget, type BroadcastTargetSettings } from './targets.ts';
export { createBroadcastServices, createDeliveryDeps } from './wiring.ts';
