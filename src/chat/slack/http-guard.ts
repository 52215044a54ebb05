/**
 * Replay protection in front of Bolt's HTTPReceiver. Bolt rejects a bad signature or a timestamp older than five
 * minutes (401, logged at warn); a correctly signed request captured and sent again within those five minutes
 * would still pass. This guard remembers every signature it lets through (in Redis, for as long as its timestamp
 * stays acceptable) and answers 401 to a second request with the same one; it also refuses timestamps more than
 * five minutes ahead, which Bolt accepts.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HTTPReceiver } from '@slack/bolt';
import type { Logger } from '../../log.ts';
import type { SlackState } from './state.ts';

const WINDOW_S = 5 * 60;

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function refuse(res: ServerResponse, status: number): void {
  if (!res.headersSent) res.writeHead(status);
  res.end();
}

/** Wrap `receiver`'s request listener (Bolt calls it for every request of its server) with the replay check. */
export function guardReplays(receiver: HTTPReceiver, opts: { state: SlackState; path: string; log: Logger }): void {
  const inner = receiver.requestListener;
  receiver.requestListener = (req, res) => {
    const signature = header(req, 'x-slack-signature');
    const ts = Number(header(req, 'x-slack-request-timestamp'));
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const nowS = Math.floor(Date.now() / 1000);
    // Unsigned, stale or foreign requests: Bolt decides (401 for the unsigned and the stale, 404 elsewhere).
    if (req.method !== 'POST' || path !== opts.path || !signature || !Number.isFinite(ts) || ts < nowS - WINDOW_S) {
      inner(req, res);
      return;
    }
    const who = { ip: req.socket.remoteAddress, retryNum: header(req, 'x-slack-retry-num') };
    if (ts > nowS + WINDOW_S) {
      opts.log.warn({ ...who, skewS: ts - nowS }, 'Rejected a Slack request: timestamp more than 5 minutes in the future');
      refuse(res, 401);
      return;
    }
    opts.state.claimSignature(signature, ts, nowS).then(
      (fresh) => {
        if (!fresh) {
          opts.log.warn(who, 'Rejected a replayed Slack request: this signature was already used');
          refuse(res, 401);
          return;
        }
        try {
          inner(req, res);
        } catch (err) {
          opts.log.error({ err }, 'Slack request handling failed');
          refuse(res, 500);
        }
      },
      (err: unknown) => {
        opts.log.error({ err }, 'Cannot check Slack request replay (Redis); answering 503 so that Slack retries');
        refuse(res, 503);
      },
    );
  };
}
