/**
 * The BullMQ queues of every job kind (`services.jobKinds`) in Bull Board. Two boards over the same queues:
 * `/console/queues`, read-only (Bull Board's own `readOnlyMode`: no retry, add, edit, pause, clean or remove), for
 * the secretariat and the operators; and `/console/operator/queues`, where the operators (`SGBOT_WEB_OPERATORS`)
 * may act. Every call that changes something is audited with the signed-in person, and so is every refused try.
 * Bull Board's own API calls carry no form token: a changing call must come from this origin (the browser's
 * `Origin` header), which a page on another site cannot fake.
 */
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { identityKey } from '../../../core/identity.ts';
import { redactValue } from '../../../log.ts';
import { me, type ConsoleDeps, type SignedIn } from '../context.ts';

export const QUEUES_PATH = '/console/queues';
export const OPERATOR_QUEUES_PATH = '/console/operator/queues';

/** `true` when a request that changes something comes from this server's own pages. */
export function sameOrigin(req: FastifyRequest): boolean {
  const origin = req.headers.origin;
  if (typeof origin !== 'string') return false;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/** The link back to the console, fixed at the bottom left of Bull Board's page. */
export const BACK_LINK =
  '<a id="sgbot-console-link" href="/console" style="position:fixed;left:12px;bottom:40px;z-index:1000;background:#18324f;color:#fff;padding:6px 12px;border-radius:4px;font:600 14px system-ui,sans-serif;text-decoration:none">← sgbot console</a>';

const changes = (method: string) => method !== 'GET' && method !== 'HEAD';

/** What an audited Bull Board call did: its path below the board and a short, redacted copy of its body. */
function callDetails(req: FastifyRequest, base: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const path = (req.url.split('?')[0] ?? '').slice(base.length) || '/';
  const body = req.body === undefined || req.body === null ? undefined : JSON.stringify(redactValue(req.body)).slice(0, 2000);
  return { method: req.method, path, ...(body ? { body } : {}), ...extra };
}

export async function registerQueues(app: FastifyInstance, deps: ConsoleDeps): Promise<void> {
  const jobs = deps.services.jobs();
  const audit = (s: SignedIn, action: string, target: string, result: 'ok' | 'refused' | 'failed', details: Record<string, unknown>) =>
    deps.services.audit.record({ who: identityKey(s.who), action, target, result, details });

  const board = async (base: string, readOnlyMode: boolean, title: string, allowed: (s: SignedIn) => boolean, who: string) => {
    const serverAdapter = new FastifyAdapter();
    serverAdapter.setBasePath(base);
    createBullBoard({ queues: deps.services.jobKinds.all.map((spec) => new BullMQAdapter(jobs.queue(spec), { readOnlyMode })), serverAdapter, options: { uiConfig: { boardTitle: title, hideDocsLink: true, miscLinks: [{ text: '← Back to the sgbot console', url: '/console' }, { text: 'Scheduled reminders', url: '/console/reminders' }, { text: 'Audit log', url: '/console/audit' }] } } });
    await app.register(async (scope) => {
      scope.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
        const s = me(req);
        if (!allowed(s)) {
          if (changes(req.method)) await audit(s, 'queues.refused', base, 'refused', callDetails(req, base, { reason: readOnlyMode ? 'not-secretariat' : 'not-operator' }));
          return reply.code(403).type('text/plain; charset=utf-8').send(`Only ${who} can ${readOnlyMode ? 'see' : 'change'} the job queues here.`);
        }
        if (changes(req.method) && !sameOrigin(req)) {
          await audit(s, 'queues.refused', base, 'refused', callDetails(req, base, { reason: 'other-origin' }));
          return reply.code(403).type('text/plain; charset=utf-8').send('Refused: this request did not come from the console.');
        }
        return undefined;
      });
      // Bull Board's page has no way back: a link to the console is added to its HTML (inline styles are allowed here).
      scope.addHook('onSend', async (_req: FastifyRequest, reply: FastifyReply, payload: unknown) => {
        const type = reply.getHeader('content-type');
        if (typeof payload !== 'string' || typeof type !== 'string' || !type.startsWith('text/html') || !payload.includes('</body>')) return payload;
        return payload.replace('</body>', `${BACK_LINK}</body>`);
      });
      // Every changing call that reached the board, with what it answered (a read-only board answers 405).
      scope.addHook('onResponse', async (req: FastifyRequest, reply: FastifyReply) => {
        if (!changes(req.method) || reply.statusCode === 403) return;
        const s = me(req);
        await audit(s, 'queues.action', base, reply.statusCode < 400 ? 'ok' : reply.statusCode === 405 ? 'refused' : 'failed', callDetails(req, base, { status: reply.statusCode }));
      });
      await scope.register(serverAdapter.registerPlugin(), { prefix: base });
    });
  };
  await board(QUEUES_PATH, true, 'sgbot queues (read-only)', (s) => s.viewer.secretariat || s.operator, 'the secretariat and operators');
  await board(OPERATOR_QUEUES_PATH, false, 'sgbot queues (operator)', (s) => s.operator, 'operators (SGBOT_WEB_OPERATORS)');
}
