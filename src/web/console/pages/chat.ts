/**
 * The chat console: type what you would type in Slack, Teams or the terminal (`/deadlines SG20`, `who leads IoT
 * identification`), get the same answer, through the same router and commands, as the signed-in person.
 */
import type { FastifyInstance } from 'fastify';
import { answer } from '../../../chat/router.ts';
import { form, me, sendPage, type ConsoleDeps } from '../context.ts';
import { csrfField, h } from '../layout.ts';
import { renderReplyHtml } from '../render-reply.ts';

const EXAMPLES = ['/deadlines SG20', '/meeting SG13', 'who leads IoT identification', '/ls SG17', '/search digital twin', '/help'];

function chatForm(csrf: string, text = ''): string {
  return `<form method="post" action="/console/chat" class="chat-form">${csrfField(csrf)}<input type="text" name="q" value="${h(text)}" placeholder="/deadlines SG20" aria-label="Command or question" autofocus required maxlength="2000"> <button type="submit">Ask</button></form>
<p class="muted">Try: ${EXAMPLES.map((e) => `<code>${h(e)}</code>`).join(' · ')}</p>`;
}

export function registerChat(app: FastifyInstance, deps: ConsoleDeps): void {
  app.get('/console/chat', (req, reply) => sendPage(req, reply, { title: 'Ask sgbot', active: 'chat' }, chatForm(reply.generateCsrf())));

  app.post('/console/chat', async (req, reply) => {
    const text = (form(req)['q'] ?? '').trim().slice(0, 2000);
    const s = me(req);
    const started = Date.now();
    const { command, reply: answerReply } = await answer(deps.services.registry, deps.services.context(deps.now(), s.viewer.tz, s.who), text);
    deps.services.log.info({ cmd: command, channel: 'web', ms: Date.now() - started, ok: answerReply.ok }, 'console command');
    const body = `${chatForm(reply.generateCsrf(), text)}<div class="exchange"><p class="asked"><strong>You:</strong> <code>${h(text)}</code></p>${renderReplyHtml(answerReply)}</div>`;
    return sendPage(req, reply, { title: 'Ask sgbot', active: 'chat' }, body);
  });
}
