/**
 * What an incoming Teams message means for sgbot, read from its Activity (pure functions, no SDK calls): whether it
 * is addressed to the bot (always in a personal chat; only with an @mention of the bot in channels and group chats),
 * the question without the mention, the asker's identity, and their time zone.
 */
import type { Identity } from '../../core/identity.ts';
import { isValidZone } from '../../core/time.ts';

/** The parts of a Bot Framework Activity read here (the SDK's `Activity` has them all). */
export interface IncomingActivity {
  type?: string;
  id?: string;
  text?: string;
  localTimezone?: string;
  from?: { id?: string; name?: string; aadObjectId?: string };
  recipient?: { id?: string; name?: string };
  conversation?: { id?: string; conversationType?: string; isGroup?: boolean; tenantId?: string };
  entities?: Array<{ type: string; [key: string]: unknown }>;
  channelData?: unknown;
}

/**
 * Who asks, for rate limits now and role checks later: the Microsoft Entra object id (stable across Teams, Graph and
 * the tenant's directory) when Teams gives it, else the Teams user id.
 */
export interface TeamsIdentity {
  channel: 'teams';
  /** `aadObjectId`, or the Teams user id (`29:…`) when there is none. */
  userId: string;
  aadObjectId: string | null;
  /** Teams user id (`29:…`), what the Bot Framework uses to address the user. */
  teamsUserId: string;
  tenantId: string | null;
  name: string | null;
  /** Where to reach the asker's conversation later: the personal or group chat, or the channel itself (not the thread). */
  conversationId: string | null;
  /** A channel or group chat (which can subscribe), not a personal chat. */
  shared: boolean;
  /** `true` when the request's token was validated; `false` in anonymous (test) mode, where anyone can claim any id. */
  verified: boolean;
}

/** A mention entity: `{ type: 'mention', text: '<at>sgbot</at>', mentioned: { id, name } }`. */
interface MentionEntity {
  type: string;
  [key: string]: unknown;
  text?: string;
  mentioned?: { id?: string; name?: string };
}

/** `personal`, `groupChat` or `channel` (Teams); a conversation that says nothing and is not a group counts as personal. */
export function conversationKind(a: IncomingActivity): 'personal' | 'groupChat' | 'channel' {
  const t = a.conversation?.conversationType;
  if (t === 'channel' || t === 'groupChat' || t === 'personal') return t;
  return a.conversation?.isGroup ? 'groupChat' : 'personal';
}

/** The mention entities of `a` that mention the bot (its recipient). */
export function botMentions(a: IncomingActivity): MentionEntity[] {
  const botId = a.recipient?.id;
  if (!botId) return [];
  return (a.entities ?? []).filter((e): e is MentionEntity => e.type.toLowerCase() === 'mention' && (e as MentionEntity).mentioned?.id === botId);
}

/**
 * Whether sgbot should answer `a`: every message of a personal chat; in channels and group chats only those that
 * @mention the bot (Teams delivers other channel messages only to apps with extra permissions; they are not for us).
 */
export function isAddressedToBot(a: IncomingActivity): boolean {
  return conversationKind(a) === 'personal' || botMentions(a).length > 0;
}

const ENTITIES: Readonly<Record<string, string>> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };

/**
 * The question in `a`: its text without the bot's mention (`<at>sgbot</at>`), other mentions reduced to the name,
 * the few HTML entities Teams uses decoded, white space collapsed.
 *
 * @example questionText({ text: '<at>sgbot</at> who leads IoT identification', … }) === 'who leads IoT identification'
 */
export function questionText(a: IncomingActivity): string {
  let t = a.text ?? '';
  for (const m of botMentions(a)) if (m.text) t = t.split(m.text).join(' ');
  return t
    .replace(/<at\b[^>]*>([\s\S]*?)<\/at>/gi, '$1')
    .replace(/&(nbsp|amp|lt|gt|quot|apos|#39);/g, (_, name: string) => ENTITIES[name] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The tenant of the conversation (`conversation.tenantId`, else `channelData.tenant.id`). */
export function tenantOf(a: IncomingActivity): string | null {
  const fromChannelData = (a.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  return a.conversation?.tenantId ?? (typeof fromChannelData === 'string' ? fromChannelData : null);
}

/**
 * The conversation to post to later for `a`: its own id, except in a channel, where Teams gives each thread the
 * channel id plus `;messageid=<root message>` and a post to the bare channel id starts a new thread.
 *
 * @example channelOf({ conversation: { id: '19:abc@thread.tacv2;messageid=1700', conversationType: 'channel' } }) === '19:abc@thread.tacv2'
 */
export function channelOf(a: IncomingActivity): string | null {
  const id = a.conversation?.id;
  if (!id) return null;
  return conversationKind(a) === 'channel' ? (id.split(';messageid=')[0] as string) : id;
}

/** Who sent `a`; `verified` says whether the request carrying it was authenticated. */
export function identityOf(a: IncomingActivity, verified: boolean): TeamsIdentity {
  const teamsUserId = a.from?.id ?? 'unknown';
  const aadObjectId = a.from?.aadObjectId ?? null;
  return {
    channel: 'teams',
    userId: aadObjectId ?? teamsUserId,
    aadObjectId,
    teamsUserId,
    tenantId: tenantOf(a),
    name: a.from?.name ?? null,
    conversationId: channelOf(a),
    shared: conversationKind(a) !== 'personal',
    verified,
  };
}

/**
 * The asker as commands and the roster know them (src/core/identity.ts): `teams:<Entra object id>`, in
 * `teams:<conversation>`.
 */
export function toIdentity(t: TeamsIdentity): Identity {
  return { channel: 'teams', id: t.userId, verified: t.verified, ...(t.conversationId ? { conversation: `teams:${t.conversationId}`, shared: t.shared } : {}) };
}

/**
 * The reader's time zone: `localTimezone` of the activity, else the `timezone` of its `clientInfo` entity, when it is
 * a zone luxon knows; otherwise `fallback`.
 *
 * @example zoneOf({ localTimezone: 'Asia/Tokyo' }, 'Europe/Zurich') === 'Asia/Tokyo'
 */
export function zoneOf(a: IncomingActivity, fallback: string): string {
  const clientInfo = (a.entities ?? []).find((e) => e.type === 'clientInfo')?.['timezone'];
  for (const zone of [a.localTimezone, clientInfo]) if (typeof zone === 'string' && zone !== '' && isValidZone(zone)) return zone;
  return fallback;
}
