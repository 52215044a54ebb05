/**
 * The chat console: type what you would type in Slack, Teams or the terminal (`/deadlines SG20`, `who leads IoT
 * identification`), get the same answer, through the same router and commands, as the signed-in person. The
 * conversation is kept in the session (the latest {@link KEPT} exchanges, oldest first), so earlier answers stay on
 * the page until signing out or "Clear". The buttons an answer offers (a broadcast preview's Confirm and Cancel) are
 * forms; pressing one runs its action (src/core/actions.ts) as the signed-in person, the same way Slack and Teams
 * do, and its answer joins the conversation while the answer it was pressed on loses its buttons.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pressAction } from '../../../chat/inbound.ts';
import { answer } from '../../../chat/router.ts';
import type { Reply } from '../../../core/command.ts';
import { form, me, redirectWith, sendPage, type ConsoleDeps } from '../context.ts';
import { timeView } from '../format.ts';
import { renderReplyHtml } from '../render-reply.ts';

const EXAMPLES = ['/deadlines SG20', '/meeting SG13', 'who leads IoT identification', '/ls SG17', '/search digital twin', '/help'];
/** Exchanges kept per session. */
export const KEPT = 12;
/** Largest answer kept in the session (characters of JSON); a longer one is kept cut to its first items. */
const MAX_KEPT_CHARS = 24_000;

/** One question (or button pressed) and its answer, as kept in the session. */
export interface ChatExchange {
  q: string;
  at: number;
  reply: Omit<Reply, 'data'>;
  /** Set when `q` is the label of a button pressed rather than something typed. */
  pressed?: boolean;
}

declare module 'fastify' {
  interface Session {
    /** The browser chat's conversation, oldest first. */
    chat?: ChatExchange[];
  }
}

/** `reply` without its machine data, and cut when it is too long to keep in a session. */
export function keepable(reply: Reply): Omit<Reply, 'data'> {
  const { data: _data, ...rest } = reply;
  let kept: Omit<Reply, 'data'> = rest;
  let items = 40;
  while (JSON.stringify(kept).length > MAX_KEPT_CHARS && items > 1) {
    const n = items;
    kept = { ...rest, sections: rest.sections.map((s) => ({ ...s, items: s.items.slice(0, n) })), notes: [...rest.notes.slice(0, 3), 'Cut short here; ask again to see it all.'] };
    items = Math.floor(items / 2);
  }
  return kept;
}

export function registerChat(app: FastifyInstance, deps: ConsoleDeps): void {
  const page = (req: FastifyRequest, reply: FastifyReply) => {
    const tz = me(req).viewer.tz;
    const log = req.session.chat ?? [];
    const csrf = reply.generateCsrf();
    const exchanges = log.map((x, i) => ({
      index: i,
      time: timeView(x.at, tz, Date.now()),
      q: x.q,
      pressed: x.pressed === true,
      reply: renderReplyHtml(deps.views, { ...x.reply, data: null }, { tz }),
      actions: x.reply.actions ?? [],
    }));
    return sendPage(req, reply, { title: 'Ask sgbot', active: 'chat' }, deps.views.render('chat', { csrf, exchanges, examples: EXAMPLES }));
  };

  app.get('/console/chat', page);

  app.post('/console/chat', async (req, reply) => {
    const text = (form(req)['q'] ?? '').trim().slice(0, 2000);
    if (!text) return redirectWith(req, reply, '/console/chat');
    const s = me(req);
    const started = Date.now();
    const { command, reply: answerReply } = await answer(deps.services.registry, deps.services.context(deps.now(), s.viewer.tz, s.who), text);
    deps.services.log.info({ cmd: command, channel: 'web', ms: Date.now() - started, ok: answerReply.ok }, 'console command');
    req.session.chat = [...(req.session.chat ?? []), { q: text, at: Date.now(), reply: keepable(answerReply) }].slice(-KEPT);
    return page(req, reply);
  });

  app.post('/console/chat/action', async (req, reply) => {
    const f = form(req);
    const id = (f['id'] ?? '').slice(0, 64);
    const value = (f['value'] ?? '').slice(0, 2000);
    const log = req.session.chat ?? [];
    const at = Number(f['x']);
    const from = Number.isInteger(at) && at >= 0 && at < log.length ? log[at] : undefined;
    // Only a button of an answer on this page can be pressed: what the session kept says its label and value.
    const offered = from?.reply.actions?.find((a) => a.id === id && a.value === value);
    if (!from || !offered) return redirectWith(req, reply, '/console/chat', { kind: 'error', text: 'That button is no longer on this page (the conversation was cleared or has moved on). Ask again to get a new one.' });
    const s = me(req);
    const { services } = deps;
    const started = Date.now();
    const pressed = await pressAction({ actions: services.actions, context: (now, tz, who) => services.context(now, tz, who), now: deps.now, metrics: services.metrics }, s.who, id, value, s.viewer.tz);
    if (pressed.failure) services.log.error({ err: pressed.failure.err, ref: pressed.failure.ref, action: id, channel: 'web' }, 'console button failed');
    services.log.info({ action: id, channel: 'web', ms: Date.now() - started, ok: pressed.reply.ok }, 'console button');
    const rest = log.map((x, i) => (i === at ? { ...x, reply: { ...x.reply, actions: [] } } : x));
    req.session.chat = [...rest, { q: offered.label, at: Date.now(), reply: keepable(pressed.reply), pressed: true }].slice(-KEPT);
    return page(req, reply);
  });

  app.post('/console/chat/clear', (req, reply) => {
    req.session.chat = [];
    return redirectWith(req, reply, '/console/chat', { kind: 'ok', text: 'The conversation is cleared.' });
  });
}
