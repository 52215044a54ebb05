/**
 * The webhook platform's receiving side: a small HTTP server that takes signed JSON POSTs from another system and
 * answers in the response.
 *
 * - A command: `{ "user": "ana", "text": "/deadlines SG20", "channel"?: "#sg20", "tz"?: "Asia/Tokyo" }`.
 * - A button press: `{ "user": "ana", "action": "reminder_done", "value": "<the button's value>" }`.
 *
 * Either may carry an `id` of its own (the same signed bytes twice are a replay and refused, so two presses of one
 * button in the same second need two ids). Both answer `200 { ok, title, text, actions, reply }` (`text` is the reply as plain text, `actions` its buttons).
 * A request whose signature (signature.ts) is missing, wrong, too old or already used gets 401 and nothing runs; a
 * body that is not one of the two shapes gets 400. Everything else goes through the inbound pipeline (inbound.ts).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import type { Reply } from '../../core/command.ts';
import type { Identity } from '../../core/identity.ts';
import type { PlatformContext } from '../../core/platform.ts';
import { isValidZone } from '../../core/time.ts';
import { askCommand, pressAction, requestSink, type InboundDeps } from '../inbound.ts';
import { countPerMinute } from '../rate-limit.ts';
import { renderText } from '../render-text.ts';
import type { WebhookSettings } from './settings.ts';
import { WEBHOOK_CHANNEL, WEBHOOK_USER } from './app-ids.ts';
import { checkSignature, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './signature.ts';


const MAX_BODY = 64 * 1024;

const common = {
  user: z.string().regex(WEBHOOK_USER, 'user: an id such as ana'),
  channel: z.string().regex(WEBHOOK_CHANNEL, 'channel: a channel such as #sg20').optional(),
  tz: z.string().optional(),
  // A request's own id: the same bytes signed in the same second are a replay, so two real presses need two ids.
  id: z.string().max(100).optional(),
};
const request = z.union([
  z.object({ ...common, text: z.string().max(4000) }).strict(),
  z.object({ ...common, action: z.string().min(1).max(64), value: z.string().max(4000) }).strict(),
]);

/** A running webhook receiver. */
export interface WebhookBot {
  start(): Promise<{ port: number }>;
  stop(): Promise<void>;
}

/** What the answer to a request looks like. */
function answerBody(reply: Reply, extra: object = {}): object {
  return { ok: reply.ok, title: reply.title, text: renderText(reply), actions: (reply.actions ?? []).map((a) => ({ id: a.id, label: a.label, value: a.value })), reply, ...extra };
}

/** Build the receiver. Nothing listens until {@link WebhookBot.start}. */
export function createWebhookApp(opts: { settings: WebhookSettings; ctx: PlatformContext }): WebhookBot {
  const { settings, ctx } = opts;
  const log = ctx.log.child({ component: 'webhook' });
  const now = ctx.now ?? Date.now;
  const inbound: InboundDeps = {
    registry: ctx.registry,
    actions: ctx.actions,
    context: (at, tz, who) => ctx.context(at, tz, who),
    now,
    rateLimitPerMinute: settings.rateLimitPerMinute,
    countCommand: (user, perMinute) => countPerMinute(ctx.redis, `${ctx.prefix}:webhook:rate:${user}`, perMinute),
    ...(ctx.metrics ? { metrics: ctx.metrics } : {}),
  };
  const sink = requestSink({ what: 'webhook request' });

  function send(res: ServerResponse, status: number, body: object): void {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  }

  async function readBody(req: IncomingMessage): Promise<string | null> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_BODY) return null;
      chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  /** A signature is good once: the same request sent again within the window is a replay. */
  async function firstUse(signature: string): Promise<boolean> {
    return (await ctx.redis.set(`${ctx.prefix}:webhook:seen:${signature.slice(3, 67)}`, '1', 'EX', settings.windowS * 2, 'NX')) === 'OK';
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '').split('?')[0];
    if (path !== settings.path) return send(res, 404, { error: `Not found: POST to ${settings.path}.` });
    if (req.method !== 'POST') return send(res, 405, { error: 'Use POST.' });
    const body = await readBody(req);
    if (body === null) return send(res, 413, { error: `The body is larger than ${MAX_BODY} bytes.` });
    const header = (name: string) => {
      const v = req.headers[name];
      return Array.isArray(v) ? v[0] : v;
    };
    const refused = checkSignature({ secret: settings.secret, body, timestamp: header(TIMESTAMP_HEADER), signature: header(SIGNATURE_HEADER), nowMs: Date.now(), windowS: settings.windowS });
    if (refused || !(await firstUse(header(SIGNATURE_HEADER) ?? ''))) {
      log.warn({ reason: refused ?? 'replayed' }, 'webhook request refused');
      return send(res, 401, { error: 'The request is not signed with the shared secret, or is too old, or was already received.' });
    }
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return send(res, 400, { error: 'The body must be JSON.' });
    }
    const parsed = request.safeParse(json);
    if (!parsed.success) return send(res, 400, { error: 'The body must be { "user", "text" } (a command) or { "user", "action", "value" } (a button), with an optional "channel" and "tz".', issues: parsed.error.issues.map((i) => i.message) });
    const r = parsed.data;
    const who: Identity = { channel: 'webhook', id: r.user, verified: true, ...(r.channel ? { conversation: `webhook:${r.channel}`, shared: true } : {}) };
    const tz = r.tz && isValidZone(r.tz) ? r.tz : settings.defaultTz;
    const reqLog = log.child({ user: r.user, ...(r.channel ? { channel: r.channel } : {}) });
    if ('action' in r) {
      const pressed = await pressAction(inbound, who, r.action, r.value, tz);
      if (pressed.failure) reqLog.error({ err: pressed.failure.err, ref: pressed.failure.ref, action: r.action }, 'webhook button failed');
      else reqLog.info({ action: r.action, ok: pressed.reply.ok }, 'button');
      return send(res, 200, answerBody(pressed.reply, { action: r.action }));
    }
    const asked = await askCommand(inbound, who, r.text, tz);
    if (asked.kind === 'limited') return send(res, 429, answerBody(asked.reply));
    reqLog.info({ cmd: asked.command, ok: asked.reply.ok }, 'answered');
    send(res, 200, answerBody(asked.reply, { command: asked.command }));
  }

  const server = createServer((req, res) => {
    void sink.handle(log, (reply) => Promise.resolve(res.headersSent ? undefined : send(res, 500, answerBody(reply))), () => handle(req, res));
  });

  return {
    async start() {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(settings.port, settings.host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      const port = (server.address() as AddressInfo).port;
      log.info({ port, path: settings.path }, 'webhook platform listening');
      return { port };
    },
    async stop() {
      if (server.listening)
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        });
      await sink.settle();
    },
  };
}
