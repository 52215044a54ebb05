/**
 * The webhook platform's sending side: a reminder or broadcast is POSTed, signed (signature.ts), to
 * `SGBOT_WEBHOOK_URL` as `{ "user": "ana" }` or `{ "channel": "#sg20" }` with `text` (the reply as plain text),
 * `title`, `actions` (`[{ id, label, value }]`: the other system shows them as buttons and POSTs a press back),
 * `delivery` (the delivery key: the same message sent again after a crash has the same key) and `reply`.
 *
 * 2xx is delivered (the response's `id`, if any, is the message id); 429 asks to wait (`Retry-After`); any other 4xx
 * will fail the same way again; 5xx, a timeout or no connection are tried again later.
 */
import { ChatDeliveryError, type ChatSender } from '../../core/platform.ts';
import { renderText } from '../render-text.ts';
import type { WebhookSettings } from './settings.ts';
import { signedHeaders } from './signature.ts';

const TIMEOUT_MS = 10_000;

/** A sender posting to `settings.url` (`fetchFn` for tests). */
export function webhookSender(settings: WebhookSettings, fetchFn: typeof fetch = fetch): ChatSender {
  return {
    channels: ['webhook'],
    async post(target, reply, opts = {}) {
      if (!settings.url) throw new ChatDeliveryError(`SGBOT_WEBHOOK_URL is not set, so webhook:${target.id} cannot be reached.`, true);
      const actions = opts.actions ?? reply.actions ?? [];
      const to = target.id.startsWith('#') ? { channel: target.id } : { user: target.id };
      const body = JSON.stringify({ ...to, title: reply.title, text: renderText(reply), actions: actions.map((a) => ({ id: a.id, label: a.label, value: a.value })), ...(opts.delivery ? { delivery: opts.delivery.key } : {}), reply });
      let res: Response;
      try {
        res = await fetchFn(settings.url, { method: 'POST', headers: signedHeaders(settings.secret, body), body, signal: AbortSignal.timeout(TIMEOUT_MS) });
      } catch (err) {
        throw new ChatDeliveryError(`Cannot reach the webhook to post to ${target.id} (${(err as Error).message}); it is retried.`, false, null, { cause: err });
      }
      const text = await res.text().catch(() => '');
      if (res.status === 429) {
        const s = Number(res.headers.get('retry-after') ?? 30);
        throw new ChatDeliveryError(`The webhook is rate limiting posts to ${target.id}; retry after ${s} s.`, false, (Number.isFinite(s) ? s : 30) * 1000);
      }
      if (!res.ok) throw new ChatDeliveryError(`The webhook refused the post to ${target.id}: HTTP ${res.status}${text ? ` ${text.slice(0, 200)}` : ''}.`, res.status >= 400 && res.status < 500 && res.status !== 408);
      let id: unknown = null;
      try {
        id = (JSON.parse(text) as { id?: unknown }).id;
      } catch {
        /* no id given */
      }
      return { messageId: typeof id === 'string' || typeof id === 'number' ? String(id) : null };
    },
  };
}
