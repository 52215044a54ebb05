/**
 * A local fake of Slack's cloud, on 127.0.0.1, speaking its wire formats:
 * - the Web API (`POST /api/<method>`, form-encoded or JSON, `Authorization: Bearer <token>`): chat.postMessage
 *   (kept per conversation, with its message metadata; a post to a user id lands in the DM `D…`),
 *   conversations.history (newest first, `oldest`/`latest`/`inclusive`, `limit` and cursor pages, metadata only with
 *   `include_all_metadata`), conversations.open (a user's DM), views.publish, users.info (a user with a time zone),
 *   auth.test, apps.connections.open (a ws:// URL to itself);
 * - `response_url`s (`POST /response/<id>`, JSON);
 * - Socket Mode on that websocket: `hello`, then envelopes `{ envelope_id, type, payload, accepts_response_payload }`;
 *   acks `{ envelope_id, payload }` are recorded.
 * It records every call, can fail the next N matching calls (429 with Retry-After, 500, or a Slack error such as
 * `missing_scope`), can delay a method, can carry out a call and then drop the connection without answering (what a
 * client whose process was killed mid-request leaves behind), and lets tests await what they expect instead of
 * sleeping. Also here: what Slack does when it calls the app (signed
 * requests, payload builders), and the sgbot side of the Slack tests (seeded store, captured log, the CLI).
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { waitForChange } from './wait.ts';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { runCli, type CliIO } from '../../src/cli.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger, type Logger } from '../../src/log.ts';
import { createServices, type Services } from '../../src/main.ts';

/** One request the fake received. */
export interface RecordedCall {
  /** `chat.postMessage`… for the Web API, `response:<id>` for a response_url. */
  name: string;
  body: Record<string, unknown>;
  authorization: string | null;
  /** Status the fake answered (for a dropped call: would have answered, the call was carried out). */
  status: number;
  /** Carried out, then the connection was closed without an answer ({@link SlackFake.drop}). */
  dropped?: true;
  /** ms since the epoch when it was received. */
  at: number;
}

export interface Failure {
  /** A Web API method (`chat.postMessage`), `response` for every response_url, or a pattern on the call name. */
  match: string | RegExp;
  status: number;
  /** Calls to fail, from the next one. */
  times: number;
  /** Retry-After header, seconds (429). */
  retryAfterS?: number;
  /** The `error` of the `{ ok: false }` answer (default `ratelimited` for 429, else `fatal_error`), e.g. `missing_scope` with status 200. */
  error?: string;
}

/** A message as conversations.history gives it. */
export interface FakeMessage {
  type: 'message';
  ts: string;
  text: string;
  user: string;
  bot_id?: string;
  app_id?: string;
  team: string;
  blocks?: unknown;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

export interface SlackFake {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  /** Base URL for `slackApiUrl` (ends with /). */
  readonly apiUrl: string;
  readonly calls: readonly RecordedCall[];
  /** Socket Mode acks, in order. */
  readonly acks: ReadonlyArray<{ envelope_id: string; payload: unknown }>;
  responseUrl(id: string): string;
  /** Calls to a Web API method (`ok` only: answered 200). */
  api(method: string, ok?: boolean): RecordedCall[];
  /** Posts to the response_url `id` (`ok` only: answered 200). */
  responses(id: string, ok?: boolean): RecordedCall[];
  fail(f: Failure): void;
  clearFailures(): void;
  /** Answer `method` only after `ms`. */
  delay(method: string, ms: number): void;
  /** Carry out the next `times` calls to `method`, then close their connections without answering. */
  drop(method: string, times?: number): void;
  /** The messages of a conversation (a channel id, or a user id for the DM with that user), oldest first. */
  messages(conversation: string): readonly FakeMessage[];
  /** Put a message from someone else in a conversation (other traffic for history pages). */
  addMessage(conversation: string, text: string, metadata?: FakeMessage['metadata']): FakeMessage;
  /** The zone users.info gives for `userId` (default Asia/Tokyo; `null`: a profile without one). */
  setUserTz(userId: string, tz: string | null): void;
  /** Resolve with the first truthy value of `pick()`, re-checked on every call the fake records and every 20 ms; reject after `timeoutMs`. */
  waitFor<T>(pick: () => T | null | undefined | false, timeoutMs?: number, what?: string): Promise<T>;
  /** Socket Mode: send an envelope to every connected app; returns its envelope_id. */
  sendEnvelope(type: 'slash_commands' | 'events_api' | 'interactive', payload: object, extra?: Record<string, unknown>): string;
  /** Socket Mode: resolves when an app is connected and has been sent `hello`. */
  connected(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** A form or JSON field that should be a string; anything else is ''. */
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function parseBody(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.includes('application/json')) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    // The WebClient sends nested arguments (blocks, view) as JSON strings in the form.
    out[k] = /^[[{]/.test(v) ? (JSON.parse(v) as unknown) : v;
  }
  return out;
}

/** Start the fake. Web API calls must carry `botToken` (apps.connections.open: `appToken`), as Slack requires. */
export async function startSlackFake(opts: { botToken: string; appToken?: string }): Promise<SlackFake> {
  const calls: RecordedCall[] = [];
  const acks: Array<{ envelope_id: string; payload: unknown }> = [];
  const failures: Failure[] = [];
  const delays = new Map<string, number>();
  const drops = new Map<string, number>();
  const conversations = new Map<string, FakeMessage[]>();
  let lastTs = 0;
  const zones = new Map<string, string | null>();
  const changed = new EventEmitter();
  changed.setMaxListeners(100);
  const sockets = new Set<WebSocket>();
  let url = '';

  const reply = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

  function takeFailure(name: string): Failure | null {
    const f = failures.find((x) => (typeof x.match === 'string' ? name === x.match || (x.match === 'response' && name.startsWith('response:')) : x.match.test(name)));
    if (!f) return null;
    if (--f.times <= 0) failures.splice(failures.indexOf(f), 1);
    return f;
  }

  /** A user's DM (`U0ANA` → `D0ANA`); any other id is a channel. */
  const conversationId = (id: string): string => (/^[UW][A-Z0-9]+$/.test(id) ? `D${id.slice(1)}` : id);

  function store(conversation: string, m: Omit<FakeMessage, 'ts' | 'type'>): FakeMessage {
    // Slack's ts is unique per conversation: seconds with 6 decimals.
    lastTs = Math.max(Date.now() * 1000, lastTs + 1);
    const message: FakeMessage = { type: 'message', ts: (lastTs / 1e6).toFixed(6), ...m };
    const list = conversations.get(conversation) ?? [];
    list.push(message);
    conversations.set(conversation, list);
    return message;
  }

  function history(body: Record<string, unknown>): unknown {
    const all = conversations.get(String(body['channel'])) ?? [];
    const flag = (v: unknown) => v === true || v === 'true' || v === '1';
    const oldest = Number(body['oldest'] ?? 0);
    const latest = body['latest'] !== undefined ? Number(body['latest']) : Infinity;
    const inclusive = flag(body['inclusive']);
    const limit = Math.min(Math.max(Number(body['limit'] ?? 100) || 100, 1), 999);
    const from = body['cursor'] ? Number(Buffer.from(str(body['cursor']), 'base64').toString('utf8').replace(/^next_ts:/, '')) : Infinity;
    const inRange = all
      .filter((m) => {
        const ts = Number(m.ts);
        return (inclusive ? ts >= oldest && ts <= latest : ts > oldest && ts < latest) && ts <= from;
      })
      .reverse();
    const page = inRange.slice(0, limit);
    const next = inRange[limit];
    const withMetadata = flag(body['include_all_metadata']);
    return {
      ok: true,
      messages: page.map(({ metadata, ...m }) => (withMetadata && metadata ? { ...m, metadata } : m)),
      has_more: next !== undefined,
      pin_count: 0,
      channel_actions_ts: null,
      channel_actions_count: 0,
      ...(next ? { response_metadata: { next_cursor: Buffer.from(`next_ts:${next.ts}`).toString('base64') } } : {}),
    };
  }

  function apiAnswer(method: string, body: Record<string, unknown>, authorization: string | null): { status: number; body: unknown } {
    const token = authorization?.replace(/^Bearer /, '') ?? (body['token'] as string | undefined);
    if (method === 'apps.connections.open') {
      if (token !== opts.appToken) return { status: 200, body: { ok: false, error: 'invalid_auth' } };
      return { status: 200, body: { ok: true, url: `${url.replace('http', 'ws')}/link/?ticket=${randomUUID()}` } };
    }
    if (token !== opts.botToken) return { status: 200, body: { ok: false, error: 'invalid_auth' } };
    switch (method) {
      case 'auth.test':
        return { status: 200, body: { ok: true, url: 'https://fake.slack.test/', team: 'Fake', user: 'sgbot', team_id: 'T0FAKE', user_id: 'U0BOT', bot_id: 'B0BOT' } };
      case 'users.info': {
        const id = String(body['user']);
        const tz = zones.has(id) ? zones.get(id) : 'Asia/Tokyo';
        return { status: 200, body: { ok: true, user: { id, name: id.toLowerCase(), ...(tz ? { tz, tz_offset: 0 } : {}) } } };
      }
      case 'chat.postMessage': {
        const channel = conversationId(String(body['channel']));
        const metadata = body['metadata'] as FakeMessage['metadata'] | undefined;
        const m = store(channel, { text: str(body['text']), user: 'U0BOT', bot_id: 'B0BOT', app_id: 'A0FAKE', team: 'T0FAKE', ...(body['blocks'] ? { blocks: body['blocks'] } : {}), ...(metadata ? { metadata } : {}) });
        return { status: 200, body: { ok: true, channel, ts: m.ts, message: { type: 'message', text: m.text, user: m.user, bot_id: m.bot_id, ts: m.ts } } };
      }
      case 'conversations.history':
        return { status: 200, body: history(body) };
      case 'conversations.open': {
        const users = str(body['users']);
        if (!users) return { status: 200, body: { ok: false, error: 'users_list_not_supplied' } };
        return { status: 200, body: { ok: true, channel: { id: conversationId(users) } } };
      }
      case 'views.publish':
        return { status: 200, body: { ok: true, view: { id: `V${calls.length}`, ...(body['view'] as object) } } };
      default:
        return { status: 200, body: { ok: false, error: 'unknown_method' } };
    }
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      const api = /^\/api\/([\w.]+)$/.exec(path);
      const resp = /^\/response\/([\w-]+)$/.exec(path);
      if (req.method !== 'POST' || (!api && !resp)) return reply(res, 404, { ok: false, error: 'not_found' });
      const name = api ? (api[1] as string) : `response:${resp?.[1] as string}`;
      const body = parseBody(Buffer.concat(chunks).toString('utf8'), req.headers['content-type'] ?? '');
      const authorization = req.headers.authorization ?? null;
      const answer = () => {
        const failure = takeFailure(name);
        const error = failure?.error ?? (failure?.status === 429 ? 'ratelimited' : 'fatal_error');
        const out = failure
          ? { status: failure.status, body: { ok: false, error, ...(error === 'missing_scope' ? { needed: 'channels:history', provided: 'chat:write,commands' } : {}) } }
          : api
            ? apiAnswer(name, body, authorization)
            : { status: 200, body: { ok: true } };
        const dropping = drops.get(name) ?? 0;
        if (dropping > 0) drops.set(name, dropping - 1);
        calls.push({ name, body, authorization, status: out.status, at: Date.now(), ...(dropping > 0 ? { dropped: true as const } : {}) });
        if (dropping > 0) req.socket.destroy();
        else reply(res, out.status, out.body, failure?.retryAfterS !== undefined ? { 'retry-after': String(failure.retryAfterS) } : {});
        changed.emit('change');
      };
      const ms = delays.get(name);
      if (ms) setTimeout(answer, ms);
      else answer();
    });
  });

  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    if (!(req.url ?? '').startsWith('/link')) return socket.destroy();
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      // Slack pings its Socket Mode clients; the client closes a connection that stops pinging.
      const ping = setInterval(() => ws.ping(), 5000);
      ws.on('close', () => {
        clearInterval(ping);
        sockets.delete(ws);
      });
      ws.on('message', (data: Buffer) => {
        const msg = JSON.parse(data.toString('utf8')) as { envelope_id?: string; payload?: unknown };
        if (msg.envelope_id) acks.push({ envelope_id: msg.envelope_id, payload: msg.payload });
        changed.emit('change');
      });
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake-slack', approximate_connection_time: 3600 }, connection_info: { app_id: 'A0FAKE' } }));
      changed.emit('change');
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const waitFor = <T>(pick: () => T | null | undefined | false, timeoutMs = 10_000, what = 'the expected call'): Promise<T> =>
    waitForChange(changed, pick, timeoutMs, () => `fake Slack: ${what} did not arrive within ${timeoutMs} ms; calls: ${calls.map((c) => `${c.name}=${c.status}`).join(', ')}`);

  return {
    url,
    apiUrl: `${url}/api/`,
    calls,
    acks,
    responseUrl: (id) => `${url}/response/${id}`,
    api: (method, ok = false) => calls.filter((c) => c.name === method && (!ok || c.status === 200)),
    responses: (id, ok = false) => calls.filter((c) => c.name === `response:${id}` && (!ok || c.status === 200)),
    fail: (f) => failures.push({ ...f }),
    clearFailures: () => failures.splice(0),
    delay: (method, ms) => delays.set(method, ms),
    drop: (method, times = 1) => drops.set(method, (drops.get(method) ?? 0) + times),
    messages: (conversation) => conversations.get(conversationId(conversation)) ?? [],
    addMessage: (conversation, text, metadata) => {
      const m = store(conversationId(conversation), { text, user: 'U0OTHER01', team: 'T0FAKE', ...(metadata ? { metadata } : {}) });
      changed.emit('change');
      return m;
    },
    setUserTz: (userId, tz) => zones.set(userId, tz),
    waitFor,
    sendEnvelope(type, payload, extra = {}) {
      const envelope_id = randomUUID();
      const msg = JSON.stringify({ envelope_id, type, payload, accepts_response_payload: type !== 'events_api', ...extra });
      for (const ws of sockets) ws.send(msg);
      return envelope_id;
    },
    connected: (timeoutMs = 10_000) => waitFor(() => sockets.size > 0, timeoutMs, 'a Socket Mode connection').then(() => undefined),
    async close() {
      for (const ws of sockets) ws.close(1000);
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

// ---- What Slack sends to the app -------------------------------------------------------------------------------

/** Slack's request signature: `v0=` + HMAC-SHA256(secret, `v0:TS:BODY`). */
export function sign(secret: string, timestampS: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestampS}:${body}`).digest('hex')}`;
}

/** POST `body` to the app as Slack does, signed with `secret` at `timestampS` (default now). */
export async function postSigned(
  url: string,
  secret: string,
  body: string,
  opts: { contentType?: string; timestampS?: number; headers?: Record<string, string> } = {},
): Promise<{ status: number; text: string; ms: number }> {
  const ts = opts.timestampS ?? Math.floor(Date.now() / 1000);
  const started = Date.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': opts.contentType ?? 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': sign(secret, ts, body),
      ...opts.headers,
    },
    body,
  });
  const text = await res.text();
  return { status: res.status, text, ms: Date.now() - started };
}

/** A slash command's fields (form-encoded over HTTP, an object in a Socket Mode envelope). */
export function slashCommand(f: { command: string; text: string; userId: string; responseUrl: string; channelId?: string }): Record<string, string> {
  return {
    token: 'legacy-verification-token',
    team_id: 'T0FAKE',
    team_domain: 'fake',
    channel_id: f.channelId ?? 'C0GENERAL',
    channel_name: 'general',
    user_id: f.userId,
    user_name: f.userId.toLowerCase(),
    command: f.command,
    text: f.text,
    api_app_id: 'A0FAKE',
    is_enterprise_install: 'false',
    response_url: f.responseUrl,
    trigger_id: `${Date.now()}.${Math.floor(Math.random() * 1e9)}`,
  };
}

/** An Events API callback wrapping `event`. */
export function eventCallback(event: Record<string, unknown>, eventId = `Ev${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`): Record<string, unknown> {
  return {
    token: 'legacy-verification-token',
    team_id: 'T0FAKE',
    api_app_id: 'A0FAKE',
    event: { event_ts: event['ts'] ?? `${(Date.now() / 1000).toFixed(6)}`, ...event },
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: 'T0FAKE', user_id: 'U0BOT', is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  };
}

/** A `block_actions` payload for a button click in a message posted through `responseUrl`. */
export function buttonClick(f: { actionId: string; value: string; userId: string; responseUrl: string }): Record<string, unknown> {
  return {
    type: 'block_actions',
    team: { id: 'T0FAKE', domain: 'fake' },
    user: { id: f.userId, username: f.userId.toLowerCase(), team_id: 'T0FAKE' },
    api_app_id: 'A0FAKE',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: '1700000000.000100', channel_id: 'C0GENERAL', is_ephemeral: true },
    trigger_id: `${Date.now()}.1`,
    channel: { id: 'C0GENERAL', name: 'general' },
    response_url: f.responseUrl,
    actions: [{ type: 'button', action_id: f.actionId, block_id: 'b1', value: f.value, text: { type: 'plain_text', text: 'Share in channel' }, action_ts: `${Date.now() / 1000}` }],
  };
}

/** Every text in a Block Kit payload, joined by newlines (for assertions). */
export function blockTexts(blocks: unknown): string {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o['text'] === 'string') out.push(o['text']);
      for (const [k, x] of Object.entries(o)) if (k !== 'text' || typeof x !== 'string') walk(x);
    }
  };
  walk(blocks);
  return out.join('\n');
}

// ---- The sgbot side of the Slack tests ------------------------------------------------------------------------

export const FIXTURES = join(import.meta.dirname, '../fixtures/docs');
export const BOT_TOKEN = 'xoxb-000000000-fake-bot-token';
export const APP_TOKEN = 'xapp-1-A0FAKE-000-fake-app-token';
export const SIGNING_SECRET = 'f0e1d2c3b4a5968778695a4b3c2d1e0f';

/** Structured log lines kept in memory. */
export interface CapturedLog {
  log: Logger;
  lines: Array<Record<string, unknown> & { level: number; msg?: string }>;
  /** Lines at `level` (pino number: 40 warn, 50 error) whose message matches. */
  find(level: number, msg: RegExp): Array<Record<string, unknown>>;
}

export function captureLog(): CapturedLog {
  const lines: CapturedLog['lines'] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(l) as CapturedLog['lines'][number]);
      done();
    },
  });
  return { log: createLogger('info', sink), lines, find: (level, msg) => lines.filter((l) => l.level === level && msg.test(String(l.msg ?? ''))) };
}

/** A unique key prefix for one test file. */
export function uniquePrefix(name: string): string {
  return `it-${name}-${process.pid}-${randomBytes(3).toString('hex')}`;
}

/** Run the CLI in-process against `prefix`. */
export async function cli(redisUrl: string, prefix: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), env: { REDIS_URL: redisUrl, SGBOT_PREFIX: prefix }, isTTY: false };
  const code = await runCli(['node', 'sgbot', ...args], io);
  return { code, out, err };
}

/** Ingest the fixture corpus under `prefix` and build services on it. */
export async function seededServices(redisUrl: string, prefix: string, log: Logger): Promise<Services> {
  const ingest = await cli(redisUrl, prefix, 'ingest', FIXTURES, '--no-progress');
  if (ingest.code !== 0) throw new Error(`ingest failed: ${ingest.err}`);
  return createServices(loadConfig({ REDIS_URL: redisUrl, SGBOT_PREFIX: prefix }, '/nonexistent/.env'), { log });
}
