/**
 * A local fake of the Bot Framework connector that Teams gives bots as `serviceUrl`, on 127.0.0.1, speaking its wire
 * format: `POST /v3/conversations/{conversationId}/activities` (a new message; proactive posts) and
 * `POST /v3/conversations/{conversationId}/activities/{replyToId}` (a reply, what the SDK sends for a turn), JSON
 * Activities in, `{ id }` out. It records every call, can fail the next N calls (429 with Retry-After, 500), and lets
 * tests await what they expect instead of sleeping. Also here: the Activities Teams sends to a bot (personal chat,
 * group chat, channel with an `<at>` mention), and helpers to read the Adaptive Cards the bot sends back.
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { waitForChange } from './wait.ts';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export { captureLog, cli, seededServices, uniquePrefix, FIXTURES, type CapturedLog } from './slack-fake.ts';

/** One request the fake received. */
export interface ConnectorCall {
  method: string;
  path: string;
  /** Decoded `{conversationId}` of the path (`''` for other paths). */
  conversationId: string;
  /** Decoded `{replyToId}`, or `null` for a new message. */
  replyToId: string | null;
  activity: Record<string, unknown>;
  authorization: string | null;
  /** Status the fake answered. */
  status: number;
  /** ms since the epoch when it was received. */
  at: number;
}

export interface ConnectorFailure {
  status: number;
  /** Calls to fail, from the next one. */
  times: number;
  /** Retry-After header, seconds (429). */
  retryAfterS?: number;
  /** Only calls to this conversation (default: any). */
  conversationId?: string;
}

export interface TeamsFake {
  /** `http://127.0.0.1:PORT/`: what activities carry as `serviceUrl`. */
  readonly serviceUrl: string;
  readonly calls: readonly ConnectorCall[];
  /** Activities posted to `conversationId` and answered 2xx (`replyToId`: only replies to that activity). */
  delivered(conversationId: string, replyToId?: string): ConnectorCall[];
  fail(f: ConnectorFailure): void;
  clearFailures(): void;
  /** Resolve with the first truthy value of `pick()`, re-checked on every call the fake records and every 20 ms; reject after `timeoutMs`. */
  waitFor<T>(pick: () => T | null | undefined | false, timeoutMs?: number, what?: string): Promise<T>;
  close(): Promise<void>;
}

/** Start the fake connector. */
export async function startTeamsFake(): Promise<TeamsFake> {
  const calls: ConnectorCall[] = [];
  const failures: ConnectorFailure[] = [];
  const changed = new EventEmitter();
  changed.setMaxListeners(100);

  function takeFailure(conversationId: string): ConnectorFailure | null {
    const f = failures.find((x) => x.conversationId === undefined || x.conversationId === conversationId);
    if (!f) return null;
    if (--f.times <= 0) failures.splice(failures.indexOf(f), 1);
    return f;
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      const m = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(path);
      const raw = Buffer.concat(chunks).toString('utf8');
      let activity: Record<string, unknown> = {};
      try {
        activity = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      } catch {
        /* recorded as {} and answered 400 below */
      }
      const conversationId = m ? decodeURIComponent(m[1] as string) : '';
      let status: number;
      let body: unknown;
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      const failure = m && req.method === 'POST' ? takeFailure(conversationId) : null;
      if (!m || req.method !== 'POST') {
        status = 404;
        body = { error: { code: 'NotFound', message: `no route for ${req.method ?? ''} ${path}` } };
      } else if (failure) {
        status = failure.status;
        body = { error: { code: failure.status === 429 ? 'Throttled' : 'ServiceError', message: 'fake connector failure' } };
        if (failure.retryAfterS !== undefined) headers['retry-after'] = String(failure.retryAfterS);
      } else if (activity['type'] !== 'message' || typeof activity['conversation'] !== 'object') {
        status = 400;
        body = { error: { code: 'BadArgument', message: 'Activity is not a message with a conversation' } };
      } else {
        status = 201;
        body = { id: `1${Date.now()}${calls.length}` };
      }
      calls.push({
        method: req.method ?? '',
        path,
        conversationId,
        replyToId: m?.[2] ? decodeURIComponent(m[2]) : null,
        activity,
        authorization: req.headers.authorization ?? null,
        status,
        at: Date.now(),
      });
      res.writeHead(status, headers);
      res.end(JSON.stringify(body));
      changed.emit('change');
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const serviceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  const waitFor = <T>(pick: () => T | null | undefined | false, timeoutMs = 10_000, what = 'the expected activity'): Promise<T> =>
    waitForChange(changed, pick, timeoutMs, () => `fake connector: ${what} did not arrive within ${timeoutMs} ms; calls: ${calls.map((c) => `${c.conversationId}/${c.replyToId ?? '-'}=${c.status}`).join(', ')}`);

  return {
    serviceUrl,
    calls,
    delivered: (conversationId, replyToId) => calls.filter((c) => c.conversationId === conversationId && c.status < 300 && (replyToId === undefined || c.replyToId === replyToId)),
    fail: (f) => failures.push({ ...f }),
    clearFailures: () => failures.splice(0),
    waitFor,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

// ---- What Teams sends to the bot -------------------------------------------------------------------------------

/** The bot's app (client) id in these tests, and its Teams id. */
export const BOT_APP_ID = '6f1c0de5-0b07-4e57-9a1b-5b0b075b0700';
export const BOT_ID = `28:${BOT_APP_ID}`;
export const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';

export interface MessageOptions {
  serviceUrl: string;
  text: string;
  /** Activity id (default: a fresh one). */
  id?: string;
  /** Entra object id of the sender (default: a fresh one). */
  aadObjectId?: string;
  /** IANA zone the client reports (`localTimezone` and clientInfo). */
  timezone?: string;
  /** Conversation id (default: a fresh one per kind). */
  conversationId?: string;
  /** Channel and group chat: add the `<at>sgbot</at>` mention entity (the text must contain it). */
  mentionBot?: boolean;
}

function base(o: MessageOptions, conversation: Record<string, unknown>, channelData: Record<string, unknown>, extraEntities: object[] = []): Record<string, unknown> {
  // A new user per message unless told: tests must not share one user's rate limit by accident.
  const aad = o.aadObjectId ?? randomUUID();
  return {
    type: 'message',
    id: o.id ?? `17${Date.now()}${Math.floor(Math.random() * 1e6)}`,
    timestamp: new Date().toISOString(),
    localTimestamp: new Date().toISOString(),
    ...(o.timezone ? { localTimezone: o.timezone } : {}),
    serviceUrl: o.serviceUrl,
    channelId: 'msteams',
    from: { id: `29:1${aad.replace(/-/g, '')}`, name: 'Ada Delegate', aadObjectId: aad },
    conversation: { tenantId: TENANT_ID, ...conversation },
    recipient: { id: BOT_ID, name: 'sgbot' },
    textFormat: 'plain',
    locale: 'en-US',
    text: o.text,
    entities: [...extraEntities, { type: 'clientInfo', locale: 'en-US', country: 'CH', platform: 'Web', ...(o.timezone ? { timezone: o.timezone } : {}) }],
    channelData: { tenant: { id: TENANT_ID }, ...channelData },
  };
}

const mentionEntity = { type: 'mention', text: '<at>sgbot</at>', mentioned: { id: BOT_ID, name: 'sgbot' } };

/** A message in a personal (1:1) chat with the bot. */
export function personalMessage(o: MessageOptions): Record<string, unknown> {
  return base(o, { conversationType: 'personal', id: o.conversationId ?? `a:1${randomUUID().replace(/-/g, '')}` }, {});
}

/** A message in a channel of a team (a thread: the conversation id carries its root message id). */
export function channelMessage(o: MessageOptions): Record<string, unknown> {
  const channel = '19:5c2b7f0e8a4d4b1f9e3a2c6d7b8e9f0a@thread.tacv2';
  return base(
    o,
    { conversationType: 'channel', isGroup: true, id: o.conversationId ?? `${channel};messageid=${Date.now()}` },
    { teamsChannelId: channel, teamsTeamId: '19:team0000000000000000000000000000@thread.tacv2', channel: { id: channel }, team: { id: '19:team0000000000000000000000000000@thread.tacv2' } },
    o.mentionBot ? [mentionEntity] : [],
  );
}

/** A message in a group chat the bot was added to. */
export function groupChatMessage(o: MessageOptions): Record<string, unknown> {
  return base(o, { conversationType: 'groupChat', isGroup: true, id: o.conversationId ?? `19:${randomUUID().replace(/-/g, '')}@thread.v2` }, {}, o.mentionBot ? [mentionEntity] : []);
}

/** POST `activity` to the bot's messaging endpoint as the Bot Framework does. */
export async function postActivity(endpoint: string, activity: unknown, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  const res = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(activity) });
  return { status: res.status, text: await res.text() };
}

// ---- Reading what the bot sent ---------------------------------------------------------------------------------

/** The Adaptive Card of a posted activity (its first attachment of that type). */
export function cardOf(call: ConnectorCall): { body: unknown[]; [k: string]: unknown } {
  const attachments = (call.activity['attachments'] ?? []) as Array<{ contentType?: string; content?: unknown }>;
  const card = attachments.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
  if (!card) throw new Error(`no Adaptive Card in ${JSON.stringify(call.activity).slice(0, 300)}`);
  return card as { body: unknown[] };
}

/** Every TextBlock text of a card, in order. */
export function cardTexts(card: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o['type'] === 'TextBlock' && typeof o['text'] === 'string') out.push(o['text']);
      for (const x of Object.values(o)) if (typeof x === 'object') walk(x);
    }
  };
  walk(card);
  return out;
}

/** Undo CommonMark backslash escapes: what a reader sees of escaped card text. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}
