/**
 * A fake of Slack's `chat.postMessage` that enforces Slack's rate limits as its wire shows them: at most one message
 * per second per channel, and at most `workspacePerS` messages per second for the whole workspace (a sliding
 * one-second window); a post over either limit gets HTTP 429 with `Retry-After` (whole seconds, as Slack sends it)
 * and `{ ok: false, error: 'ratelimited' }`. It records every accepted post and every 429.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LimitedSlack {
  apiUrl: string;
  readonly accepted: Array<{ channel: string; at: number }>;
  readonly limited: { channel: number; workspace: number };
  close(): Promise<void>;
}

export async function startLimitedSlack(opts: { botToken: string; workspacePerS: number }): Promise<LimitedSlack> {
  const accepted: LimitedSlack['accepted'] = [];
  const limited = { channel: 0, workspace: 0 };
  const lastByChannel = new Map<string, number>();
  const window: number[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const json = (status: number, body: object, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(body));
      };
      if (req.url !== '/api/chat.postMessage') return json(200, { ok: false, error: 'unknown_method' });
      if (req.headers.authorization !== `Bearer ${opts.botToken}`) return json(200, { ok: false, error: 'invalid_auth' });
      const raw = Buffer.concat(chunks).toString('utf8');
      const channel = String((req.headers['content-type'] ?? '').includes('json') ? (JSON.parse(raw) as { channel?: string }).channel : new URLSearchParams(raw).get('channel'));
      const now = Date.now();
      while (window.length > 0 && (window[0] as number) <= now - 1000) window.shift();
      const last = lastByChannel.get(channel);
      if (last !== undefined && now - last < 1000) {
        limited.channel++;
        return json(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(Math.max(1, Math.ceil((last + 1000 - now) / 1000))) });
      }
      if (window.length >= opts.workspacePerS) {
        limited.workspace++;
        return json(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(Math.max(1, Math.ceil(((window[0] as number) + 1000 - now) / 1000))) });
      }
      window.push(now);
      lastByChannel.set(channel, now);
      accepted.push({ channel, at: now });
      json(200, { ok: true, channel, ts: `${(now / 1000).toFixed(6)}`, message: {} });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    accepted,
    limited,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
