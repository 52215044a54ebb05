/**
 * Posting to a `response_url` (slash commands, buttons) with retries. Bolt's own `respond()` makes one attempt; a
 * 429 from Slack must instead wait for `Retry-After`, and a 5xx or a network failure is retried with backoff.
 * Posts go over kept-alive connections (one pool per poster), so an answer costs no new TCP or TLS handshake.
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { withRetries, type RetryPolicy } from '../retry.ts';
import { SgbotError } from '../../core/errors.ts';

/** The `fetch` to use (tests and proxies pass their own). */
export type FetchFn = typeof fetch;

/** A delivery that failed for good: after its retries, or with an answer retrying cannot change (404 expired_url). */
export class SlackDeliveryError extends SgbotError {
  constructor(
    message: string,
    readonly status: number | null,
    readonly attempts: number,
    options?: { cause?: unknown },
  ) {
    super('E_SLACK_DELIVERY', message, options);
    this.name = 'SlackDeliveryError';
  }
}

/** A response_url answered, but not with 2xx. */
class HttpStatus extends Error {
  constructor(
    readonly status: number,
    readonly retryAfter: string | null,
    body: string,
  ) {
    super(`${status} ${body.slice(0, 200)}`.trim());
  }
}

/**
 * A message already serialized to JSON (its bytes), posted as it is: an answer shared by many askers is rendered once,
 * not once per asker.
 */
export class PreparedJson {
  constructor(readonly bytes: Buffer) {}
}

/** What one POST got back. */
interface Answered {
  status: number;
  retryAfter: string | null;
  text: string;
}

/** Connections kept open between posts, per scheme and host; at most this many at once to one host. */
const MAX_SOCKETS = 64;

/**
 * POSTs over keep-alive agents (node:http and node:https). A connection that says nothing for `timeoutMs` is given
 * up (a network failure, retried like any other).
 */
function keepAliveSender(timeoutMs: number) {
  const agents = {
    http: new HttpAgent({ keepAlive: true, maxSockets: MAX_SOCKETS, maxFreeSockets: MAX_SOCKETS, scheduling: 'lifo' }),
    https: new HttpsAgent({ keepAlive: true, maxSockets: MAX_SOCKETS, maxFreeSockets: MAX_SOCKETS, scheduling: 'lifo' }),
  };
  const send = (url: string, body: string | Buffer): Promise<Answered> =>
    new Promise((resolve, reject) => {
      const target = new URL(url);
      const secure = target.protocol === 'https:';
      if (!secure && target.protocol !== 'http:') return reject(new Error(`not an http(s) URL: ${target.protocol}`));
      const onResponse = (res: IncomingMessage) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          // Slack answers "ok" or an error word: a long answer is of no use beyond its start.
          if (text.length < 1000) text += chunk;
        });
        res.on('end', () => {
          const retryAfter = res.headers['retry-after'];
          resolve({ status: res.statusCode ?? 0, retryAfter: typeof retryAfter === 'string' ? retryAfter : null, text });
        });
        res.on('error', reject);
      };
      const options = { method: 'POST', timeout: timeoutMs, headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) } };
      const req = secure ? httpsRequest(target, { ...options, agent: agents.https }, onResponse) : httpRequest(target, { ...options, agent: agents.http }, onResponse);
      req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      req.on('error', reject);
      req.end(body);
    });
  return {
    send,
    close() {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}

/** Posts a message to a response_url; `close` ends its kept-alive connections. */
export interface ResponseUrlPoster {
  (url: string, message: object | PreparedJson): Promise<void>;
  close(): void;
}

/**
 * A function that POSTs `message` as JSON to a response_url, retrying per `policy` with the chat platforms' one retry
 * loop (429 after `Retry-After`, 5xx and network errors with exponential backoff). Rejects with
 * {@link SlackDeliveryError}. With `fetch`, posts through it instead of the poster's own connections.
 *
 * @example await responseUrlPoster({ retry })(command.response_url, { response_type: 'ephemeral', text, blocks })
 */
export function responseUrlPoster(opts: { retry: RetryPolicy; fetch?: FetchFn; timeoutMs?: number }): ResponseUrlPoster {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const doFetch = opts.fetch;
  const sender = doFetch ? null : keepAliveSender(timeoutMs);
  const send = async (url: string, body: string | Buffer): Promise<Answered> => {
    if (sender) return sender.send(url, body);
    const res = await (doFetch as FetchFn)(url, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body, signal: AbortSignal.timeout(timeoutMs) });
    const text = await res.text().catch(() => '');
    return { status: res.status, retryAfter: res.headers.get('retry-after'), text };
  };
  const post = async (url: string, message: object | PreparedJson): Promise<void> => {
    const body = message instanceof PreparedJson ? message.bytes : JSON.stringify(message);
    await withRetries(
      async () => {
        const res = await send(url, body);
        if (res.status < 200 || res.status > 299) throw new HttpStatus(res.status, res.retryAfter, res.text);
      },
      {
        policy: opts.retry,
        platform: 'Slack',
        failureOf: (err) => (err instanceof HttpStatus ? { status: err.status, retryAfter: err.retryAfter, detail: err.message } : { status: null, retryAfter: null, detail: (err as Error).message }),
        fail: (message, status, attempts, cause) => new SlackDeliveryError(message, status, attempts, cause === undefined ? undefined : { cause }),
      },
    );
  };
  return Object.assign(post, { close: () => sender?.close() });
}
