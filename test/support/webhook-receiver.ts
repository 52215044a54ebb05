/**
 * The other side of the webhook platform, for tests: a small HTTP server on 127.0.0.1 that takes sgbot's signed
 * POSTs (checking the signature as a real receiver would) and keeps them; and a client that POSTs signed commands
 * and button presses to sgbot.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkSignature, signedHeaders, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../../src/chat/webhook/signature.ts';

/** One message sgbot posted. */
export interface Received {
  user?: string;
  channel?: string;
  title: string;
  text: string;
  actions: Array<{ id: string; label: string; value: string }>;
  delivery?: string;
  /** Whether its signature held. */
  signed: boolean;
}

export interface WebhookReceiver {
  url: string;
  received: Received[];
  close(): Promise<void>;
}

/** A receiver checking signatures with `secret`. */
export async function startWebhookReceiver(secret: string): Promise<WebhookReceiver> {
  const received: Received[] = [];
  let n = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const h = (k: string) => req.headers[k] as string | undefined;
      const signed = checkSignature({ secret, body, timestamp: h(TIMESTAMP_HEADER), signature: h(SIGNATURE_HEADER), nowMs: Date.now(), windowS: 300 }) === null;
      received.push({ ...(JSON.parse(body) as Omit<Received, 'signed'>), signed });
      res.writeHead(signed ? 200 : 401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `m${++n}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/sgbot`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** POST `body` to sgbot's webhook endpoint, signed with `secret` (or with `headers` given instead). */
export async function postToSgbot(endpoint: string, secret: string, body: object, headers?: Record<string, string>): Promise<{ status: number; json: Record<string, unknown> }> {
  const text = JSON.stringify(body);
  const res = await fetch(endpoint, { method: 'POST', headers: headers ?? signedHeaders(secret, text), body: text });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}
